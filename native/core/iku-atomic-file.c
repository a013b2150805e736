/* SPDX-License-Identifier: GPL-3.0-or-later
 * Atomic file writes; see iku-atomic-file.h. */
#include "iku-atomic-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

G_DEFINE_QUARK (iku-atomic-file-error-quark, iku_atomic_file_error)

static void
set_errno_error (GError **error, int err, const char *folder, const char *name)
{
  switch (err)
    {
    case ENOSPC:
    case EDQUOT:
      g_set_error (error, IKU_ATOMIC_FILE_ERROR, IKU_ATOMIC_FILE_ERROR_NO_SPACE,
                   "»%s« kunne ikke gemmes, fordi der ikke er plads på drevet med mappen »%s«. "
                   "Frigør plads, og prøv igen.", name, folder);
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, IKU_ATOMIC_FILE_ERROR, IKU_ATOMIC_FILE_ERROR_DENIED,
                   "»%s« kunne ikke gemmes, fordi du ikke har lov til at skrive i mappen »%s« "
                   "(eller filen er skrivebeskyttet). Vælg en anden mappe, eller få rettighederne ændret.",
                   name, folder);
      break;
    case EISDIR:
    case ENOTEMPTY:
    case EEXIST:
      g_set_error (error, IKU_ATOMIC_FILE_ERROR, IKU_ATOMIC_FILE_ERROR_IS_DIRECTORY,
                   "»%s« kunne ikke gemmes, fordi der ligger en mappe med samme navn i »%s«. "
                   "Omdøb eller flyt mappen, og prøv igen.", name, folder);
      break;
    case ENOENT:
    case ENOTDIR:
      g_set_error (error, IKU_ATOMIC_FILE_ERROR, IKU_ATOMIC_FILE_ERROR_NO_FOLDER,
                   "»%s« kunne ikke gemmes, fordi mappen »%s« ikke findes (længere). "
                   "Kontrollér, at mappen er der, og prøv igen.", name, folder);
      break;
    default:
      g_set_error (error, IKU_ATOMIC_FILE_ERROR, IKU_ATOMIC_FILE_ERROR_FAILED,
                   "»%s« kunne ikke gemmes i mappen »%s«: %s.", name, folder, g_strerror (err));
      break;
    }
}

static gboolean
write_all (int fd, const guint8 *data, gsize len)
{
  while (len > 0)
    {
      ssize_t n = write (fd, data, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = EIO;
          return FALSE;
        }
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}

gboolean
iku_atomic_file_write (const char *folder, const char *name, GBytes *bytes, GError **error)
{
  g_return_val_if_fail (folder != NULL && name != NULL && bytes != NULL, FALSE);
  g_return_val_if_fail (strchr (name, G_DIR_SEPARATOR) == NULL && strcmp (name, "..") != 0
                        && strcmp (name, ".") != 0 && *name != '\0', FALSE);

  g_autofree char *target = g_build_filename (folder, name, NULL);
  g_autofree char *temp = g_build_filename (folder, ".ikuflet-XXXXXX.tmp", NULL);

  /* A folder standing where the file should go: say so before writing. */
  if (g_file_test (target, G_FILE_TEST_IS_DIR))
    {
      set_errno_error (error, EISDIR, folder, name);
      return FALSE;
    }

  /* 0666 filtered by the user's umask, as any other program's new file. */
  int fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_errno_error (error, errno, folder, name);
      return FALSE;
    }

  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  int err = 0;
  if (!write_all (fd, data, len) || fsync (fd) != 0)
    err = errno;
  if (close (fd) != 0 && err == 0)
    err = errno;
  if (err == 0 && g_rename (temp, target) != 0)
    err = errno;
  if (err != 0)
    {
      g_unlink (temp);
      set_errno_error (error, err, folder, name);
      return FALSE;
    }
  return TRUE;
}
