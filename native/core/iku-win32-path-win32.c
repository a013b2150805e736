/* SPDX-License-Identifier: GPL-3.0-or-later
 * UTF-8 -> Win32 paths; see iku-win32-path.h. */
#include "iku-win32-path.h"

#include <errno.h>
#include <windows.h>

wchar_t *
iku_win32_path_new (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  g_autofree wchar_t *wide = (wchar_t *) g_utf8_to_utf16 (path, -1, NULL, NULL, NULL);
  if (wide == NULL)
    return NULL;
  DWORD n = GetFullPathNameW (wide, 0, NULL, NULL);
  if (n == 0)
    return g_steal_pointer (&wide);
  g_autofree wchar_t *full = g_new0 (wchar_t, n + 1);
  DWORD len = GetFullPathNameW (wide, n + 1, full, NULL);
  if (len == 0 || len > n || len < MAX_PATH - 12 || wcsncmp (full, L"\\\\?\\", 4) == 0)
    return g_steal_pointer (&wide);

  gboolean unc = wcsncmp (full, L"\\\\", 2) == 0;
  const wchar_t *prefix = unc ? L"\\\\?\\UNC\\" : L"\\\\?\\";
  const wchar_t *rest = unc ? full + 2 : full;
  gsize prefix_len = wcslen (prefix), rest_len = wcslen (rest);
  wchar_t *out = g_new (wchar_t, prefix_len + rest_len + 1);
  wmemcpy (out, prefix, prefix_len);
  wmemcpy (out + prefix_len, rest, rest_len + 1);
  return out;
}

int
iku_win32_path_errno (unsigned long win32_error)
{
  switch (win32_error)
    {
    case ERROR_FILE_NOT_FOUND:
    case ERROR_PATH_NOT_FOUND:
    case ERROR_INVALID_DRIVE:
    case ERROR_BAD_NETPATH:
    case ERROR_BAD_NET_NAME:
      return ENOENT;
    case ERROR_ACCESS_DENIED:
    case ERROR_NETWORK_ACCESS_DENIED:
      return EACCES;
    case ERROR_WRITE_PROTECT:
      return EROFS;
    case ERROR_SHARING_VIOLATION:
    case ERROR_LOCK_VIOLATION:
    case ERROR_USER_MAPPED_FILE:
      return EBUSY;
    case ERROR_DISK_FULL:
    case ERROR_HANDLE_DISK_FULL:
      return ENOSPC;
    case ERROR_FILENAME_EXCED_RANGE:
      return ENAMETOOLONG;
    case ERROR_NOT_ENOUGH_MEMORY:
    case ERROR_OUTOFMEMORY:
      return ENOMEM;
    case ERROR_TOO_MANY_OPEN_FILES:
      return EMFILE;
    default:
      return EIO;
    }
}
