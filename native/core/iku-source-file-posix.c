/* SPDX-License-Identifier: GPL-3.0-or-later
 * iku-source-file.h on POSIX: getrandom(), a temporary file and link() (which
 * never replaces), and a non-blocking open checked with fstat(). */
#include "iku-source-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

gboolean
iku_source_file_random (guint8 *buf, gsize n, GError **error)
{
  gsize done = 0;
  while (done < n)
    {
      ssize_t got = getrandom (buf + done, n - done, 0);
      if (got < 0 && errno == EINTR)
        continue;
      if (got <= 0)
        {
          int saved = errno;
          g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                               g_strerror (saved));
          return FALSE;
        }
      done += (gsize) got;
    }
  return TRUE;
}

static gboolean
write_all (int fd, const char *contents, gsize len)
{
  while (len > 0)
    {
      ssize_t n = write (fd, contents, len);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      contents += n;
      len -= (gsize) n;
    }
  return TRUE;
}

gboolean
iku_source_file_create_new (const char *path, const char *contents, gsize len, GError **error)
{
  g_autofree char *tmp = g_strconcat (path, ".XXXXXX", NULL);
  int fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved), g_strerror (saved));
      return FALSE;
    }
  gboolean written = write_all (fd, contents, len) && fsync (fd) == 0;
  int saved = errno;
  if (close (fd) != 0 && written)
    {
      written = FALSE;
      saved = errno;
    }
  if (written && link (tmp, path) != 0)
    {
      written = FALSE;
      saved = errno;
    }
  g_unlink (tmp);
  if (!written)
    {
      g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved), g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

GBytes *
iku_source_file_read_head (const char *path, gsize max)
{
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    return NULL;
  struct stat st;
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      return NULL;
    }
  g_autofree guint8 *buf = g_malloc (MAX (max, 1));
  gsize got = 0;
  while (got < max)
    {
      ssize_t n = read (fd, buf + got, max - got);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      got += (gsize) n;
    }
  close (fd);
  return g_bytes_new_take (g_steal_pointer (&buf), got);
}
