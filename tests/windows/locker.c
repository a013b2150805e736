/* SPDX-License-Identifier: GPL-3.0-or-later
 * locker.exe FILE: holds FILE open the way a PDF reader does (read access,
 * others may read but neither write nor delete/replace it) until its standard
 * input closes. Prints "locked" once the file is open. For tests only. */
#include <stdio.h>
#include <windows.h>

int wmain (int argc, wchar_t **argv);

int
wmain (int argc, wchar_t **argv)
{
  if (argc != 2)
    {
      fputs ("usage: locker.exe FILE\n", stderr);
      return 2;
    }
  HANDLE h = CreateFileW (argv[1], GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                          FILE_ATTRIBUTE_NORMAL, NULL);
  if (h == INVALID_HANDLE_VALUE)
    {
      fprintf (stderr, "locker: cannot open the file (error %lu)\n", GetLastError ());
      return 1;
    }
  puts ("locked");
  fflush (stdout);
  while (getchar () != EOF)
    ;
  CloseHandle (h);
  return 0;
}
