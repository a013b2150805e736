/* SPDX-License-Identifier: GPL-3.0-or-later
 * iku-source-file.h on Windows: rand_s() (the system's RtlGenRandom), a
 * temporary file moved with MoveFileExW without MOVEFILE_REPLACE_EXISTING
 * (which never replaces), and a read that accepts disk files only. */
#define _CRT_RAND_S
#include "iku-source-file.h"
#include "iku-system-error.h"
#include "iku-win32-path.h"

#include <stdlib.h>
#include <string.h>
#include <windows.h>

gboolean
iku_source_file_random (guint8 *buf, gsize n, GError **error)
{
  for (gsize i = 0; i < n; i += sizeof (unsigned int))
    {
      unsigned int value = 0;
      if (rand_s (&value) != 0)
        {
          g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_FAILED,
                               "Windows gav ingen tilfældige tal");
          return FALSE;
        }
      memcpy (buf + i, &value, MIN (sizeof value, n - i));
    }
  return TRUE;
}

static void
set_error (GError **error, DWORD err)
{
  int e = iku_win32_path_errno (err);
  g_set_error_literal (error, G_FILE_ERROR, err == ERROR_ALREADY_EXISTS || err == ERROR_FILE_EXISTS
                                              ? G_FILE_ERROR_EXIST : g_file_error_from_errno (e),
                       iku_system_error_text (e));
}

gboolean
iku_source_file_create_new (const char *path, const char *contents, gsize len, GError **error)
{
  g_autofree char *tmp = g_strdup_printf ("%s.%08x.tmp", path, g_random_int ());
  g_autofree wchar_t *wtmp = iku_win32_path_new (tmp);
  g_autofree wchar_t *wpath = iku_win32_path_new (path);
  if (wtmp == NULL || wpath == NULL)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_INVAL, "ugyldigt filnavn");
      return FALSE;
    }
  HANDLE h = CreateFileW (wtmp, GENERIC_WRITE, 0, NULL, CREATE_NEW,
                          FILE_ATTRIBUTE_NORMAL | FILE_ATTRIBUTE_TEMPORARY, NULL);
  if (h == INVALID_HANDLE_VALUE)
    {
      set_error (error, GetLastError ());
      return FALSE;
    }
  DWORD written = 0;
  BOOL ok = WriteFile (h, contents, (DWORD) len, &written, NULL) && written == len
            && FlushFileBuffers (h);
  DWORD err = ok ? ERROR_SUCCESS : GetLastError ();
  CloseHandle (h);
  if (ok && !MoveFileExW (wtmp, wpath, MOVEFILE_WRITE_THROUGH))
    {
      ok = FALSE;
      err = GetLastError ();
    }
  if (!ok)
    {
      DeleteFileW (wtmp);
      set_error (error, err);
      return FALSE;
    }
  return TRUE;
}

GBytes *
iku_source_file_read_head (const char *path, gsize max)
{
  g_autofree wchar_t *wpath = iku_win32_path_new (path);
  if (wpath == NULL)
    return NULL;
  HANDLE h = CreateFileW (wpath, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                          NULL, OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
  if (h == INVALID_HANDLE_VALUE)
    return NULL;
  if (GetFileType (h) != FILE_TYPE_DISK)
    {
      CloseHandle (h);
      return NULL;
    }
  g_autofree guint8 *buf = g_malloc (MAX (max, 1));
  gsize got = 0;
  while (got < max)
    {
      DWORD n = 0;
      if (!ReadFile (h, buf + got, (DWORD) (max - got), &n, NULL) || n == 0)
        break;
      got += n;
    }
  CloseHandle (h);
  return g_bytes_new_take (g_steal_pointer (&buf), got);
}
