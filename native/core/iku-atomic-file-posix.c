/* SPDX-License-Identifier: GPL-3.0-or-later
 * Atomic file writes on POSIX systems (openat/renameat relative to one folder
 * handle); see iku-atomic-file.h. */
#include "iku-atomic-file-private.h"
#include "iku-system-error.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* errno -> the error the user is told about. */
static void
set_errno_error (GError **error, int err, const char *folder, const char *name)
{
  IkuAtomicFileError code;
  switch (err)
    {
    case ENOSPC:
    case EDQUOT:
      code = IKU_ATOMIC_FILE_ERROR_NO_SPACE;
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      code = IKU_ATOMIC_FILE_ERROR_DENIED;
      break;
    case EISDIR:
    case ENOTEMPTY:
    case EEXIST:
      code = IKU_ATOMIC_FILE_ERROR_IS_DIRECTORY;
      break;
    case ENOENT:
    case ENOTDIR:
      code = IKU_ATOMIC_FILE_ERROR_NO_FOLDER;
      break;
    case ENAMETOOLONG:
      code = IKU_ATOMIC_FILE_ERROR_NAME_TOO_LONG;
      break;
    default:
      code = IKU_ATOMIC_FILE_ERROR_FAILED;
      break;
    }
  iku_atomic_file_set_error (error, code, folder, name, iku_system_error_text (err));
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

/* Creates a new hidden temporary file in @dir_fd; its name goes to @name. */
static int
open_temp (int dir_fd, char name[32])
{
  for (int attempt = 0; attempt < 100; attempt++)
    {
      g_snprintf (name, 32, ".ikuflet-%08x.tmp", g_random_int ());
      /* 0666 filtered by the user's umask, as any other program's new file. */
      int fd = openat (dir_fd, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
      if (fd >= 0 || errno != EEXIST)
        return fd;
    }
  errno = EEXIST;
  return -1;
}

/**
 * iku_atomic_file_write:
 *
 * Every step works relative to one open handle of @folder, so a folder that is
 * moved or deleted while the file is written can never receive half a file or
 * keep a temporary one: the rename lands where the temporary file is, or the
 * temporary file is removed from there.
 */
gboolean
iku_atomic_file_write (const char *folder, const char *name, GBytes *bytes, GError **error)
{
  g_return_val_if_fail (folder != NULL && name != NULL && bytes != NULL, FALSE);
  g_return_val_if_fail (strchr (name, G_DIR_SEPARATOR) == NULL && strcmp (name, "..") != 0
                        && strcmp (name, ".") != 0 && *name != '\0', FALSE);

  int dir_fd = open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd < 0)
    {
      set_errno_error (error, errno, folder, name);
      return FALSE;
    }

  /* A folder standing where the file should go: say so before writing. */
  struct stat st;
  gboolean replaces = fstatat (dir_fd, name, &st, AT_SYMLINK_NOFOLLOW) == 0;
  if (replaces && S_ISDIR (st.st_mode))
    {
      close (dir_fd);
      set_errno_error (error, EISDIR, folder, name);
      return FALSE;
    }
  /* A replaced IKU keeps the permissions someone gave it (a plan shared with
   * the group, or one kept private). */
  gboolean keep_mode = replaces && S_ISREG (st.st_mode);

  char temp[32];
  int fd = open_temp (dir_fd, temp);
  if (fd < 0)
    {
      int err = errno;
      close (dir_fd);
      set_errno_error (error, err, folder, name);
      return FALSE;
    }

  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  int err = 0;
  if (keep_mode && fchmod (fd, st.st_mode & (S_IRWXU | S_IRWXG | S_IRWXO)) != 0)
    err = errno;
  if (err == 0 && (!write_all (fd, data, len) || fsync (fd) != 0))
    err = errno;
  if (close (fd) != 0 && err == 0)
    err = errno;
  if (err == 0 && renameat (dir_fd, temp, dir_fd, name) != 0)
    err = errno;
  if (err != 0)
    unlinkat (dir_fd, temp, 0);
  /* The rename lives in the folder: without this a power cut soon after can
   * leave the folder with neither the old nor the new IKU. File systems that
   * cannot sync a folder say EINVAL; there is nothing more to do on them. */
  else if (fsync (dir_fd) != 0 && errno != EINVAL && errno != ENOTSUP)
    err = errno;
  close (dir_fd);
  if (err != 0)
    {
      set_errno_error (error, err, folder, name);
      return FALSE;
    }
  return TRUE;
}
