/* SPDX-License-Identifier: GPL-3.0-or-later
 * iku-book-file.h on Windows: CreateFileW (any path length, shared with the
 * office that may have the schema open), then a C stream in binary mode. */
#include "iku-book-file.h"
#include "iku-win32-path.h"

#include <errno.h>
#include <fcntl.h>
#include <io.h>
#include <windows.h>

IkuBookFileStatus
iku_book_file_open (const char *path, FILE **file, int *errsv)
{
  g_autofree wchar_t *wpath = iku_win32_path_new (path);
  if (wpath == NULL)
    {
      *errsv = ENOENT;
      return IKU_BOOK_FILE_FAILED;
    }
  /* FILE_FLAG_BACKUP_SEMANTICS opens folders too, so they can be told apart. */
  HANDLE h = CreateFileW (wpath, GENERIC_READ,
                          FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, NULL,
                          OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
  if (h == INVALID_HANDLE_VALUE)
    {
      *errsv = iku_win32_path_errno (GetLastError ());
      return IKU_BOOK_FILE_FAILED;
    }
  BY_HANDLE_FILE_INFORMATION info;
  if (GetFileType (h) != FILE_TYPE_DISK)
    {
      CloseHandle (h);
      return IKU_BOOK_FILE_NOT_REGULAR;
    }
  if (!GetFileInformationByHandle (h, &info))
    {
      *errsv = iku_win32_path_errno (GetLastError ());
      CloseHandle (h);
      return IKU_BOOK_FILE_FAILED;
    }
  if (info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)
    {
      CloseHandle (h);
      return IKU_BOOK_FILE_IS_FOLDER;
    }
  int fd = _open_osfhandle ((intptr_t) h, _O_RDONLY | _O_BINARY);
  if (fd < 0)
    {
      *errsv = errno;
      CloseHandle (h);
      return IKU_BOOK_FILE_FAILED;
    }
  *file = _fdopen (fd, "rb");
  if (*file == NULL)
    {
      *errsv = errno;
      _close (fd);
      return IKU_BOOK_FILE_FAILED;
    }
  return IKU_BOOK_FILE_OPENED;
}
