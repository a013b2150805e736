/* SPDX-License-Identifier: GPL-3.0-or-later
 * iku-book-file.h on POSIX systems. */
#include "iku-book-file.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

static IkuBookFileStatus
fail (int fd, int *errsv)
{
  *errsv = errno;
  close (fd);
  return IKU_BOOK_FILE_FAILED;
}

IkuBookFileStatus
iku_book_file_open (const char *path, FILE **file, int *errsv)
{
  /* O_NONBLOCK: a FIFO given by mistake must not hang the open. */
  int fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  if (fd < 0)
    {
      *errsv = errno;
      return IKU_BOOK_FILE_FAILED;
    }
  struct stat st;
  if (fstat (fd, &st) != 0)
    return fail (fd, errsv);
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      return S_ISDIR (st.st_mode) ? IKU_BOOK_FILE_IS_FOLDER : IKU_BOOK_FILE_NOT_REGULAR;
    }
  int flags = fcntl (fd, F_GETFL);
  if (flags < 0 || fcntl (fd, F_SETFL, flags & ~O_NONBLOCK) < 0)
    return fail (fd, errsv);
  *file = fdopen (fd, "rb");
  if (*file == NULL)
    return fail (fd, errsv);
  return IKU_BOOK_FILE_OPENED;
}
