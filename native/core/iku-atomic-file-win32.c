/* SPDX-License-Identifier: GPL-3.0-or-later
 * Atomic file writes on Windows; see iku-atomic-file.h.
 *
 * Windows has no *at() calls. The folder is held open without FILE_SHARE_DELETE
 * for the whole write, so nobody can rename or remove it meanwhile; the
 * temporary file is written, flushed, and moved over the target with
 * MoveFileExW (MOVEFILE_WRITE_THROUGH: the move is on disk when it returns). */
#include "iku-atomic-file-private.h"
#include "iku-win32-path.h"

#include <string.h>
#include <windows.h>

/* Whether @target is held open by a program that does not let others replace it
 * (a PDF reader); Windows reports that as "access denied" on the move. */
static gboolean
held_open (const wchar_t *target)
{
  HANDLE h = CreateFileW (target, DELETE, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                          NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
  if (h != INVALID_HANDLE_VALUE)
    {
      CloseHandle (h);
      return FALSE;
    }
  return GetLastError () == ERROR_SHARING_VIOLATION;
}

static IkuAtomicFileError
code_for (DWORD err)
{
  switch (err)
    {
    case ERROR_DISK_FULL:
    case ERROR_HANDLE_DISK_FULL:
      return IKU_ATOMIC_FILE_ERROR_NO_SPACE;
    case ERROR_ACCESS_DENIED:
    case ERROR_WRITE_PROTECT:
    case ERROR_NETWORK_ACCESS_DENIED:
      return IKU_ATOMIC_FILE_ERROR_DENIED;
    case ERROR_SHARING_VIOLATION:
    case ERROR_LOCK_VIOLATION:
    case ERROR_USER_MAPPED_FILE:
      return IKU_ATOMIC_FILE_ERROR_IN_USE;
    case ERROR_FILE_NOT_FOUND:
    case ERROR_PATH_NOT_FOUND:
    case ERROR_DIRECTORY:
    case ERROR_BAD_NETPATH:
    case ERROR_BAD_NET_NAME:
      return IKU_ATOMIC_FILE_ERROR_NO_FOLDER;
    case ERROR_FILENAME_EXCED_RANGE:
      return IKU_ATOMIC_FILE_ERROR_NAME_TOO_LONG;
    default:
      return IKU_ATOMIC_FILE_ERROR_FAILED;
    }
}

static void
set_win32_error (GError **error, DWORD err, const char *folder, const char *name)
{
  /* Windows's own text is in the language of the user's Windows. */
  g_autofree char *detail = g_win32_error_message ((gint) err);
  iku_atomic_file_set_error (error, code_for (err), folder, name, detail);
}

static gboolean
write_all (HANDLE h, const guint8 *data, gsize len)
{
  while (len > 0)
    {
      DWORD chunk = (DWORD) MIN (len, (gsize) 1 << 30), done = 0;
      if (!WriteFile (h, data, chunk, &done, NULL))
        return FALSE;
      if (done == 0)
        {
          SetLastError (ERROR_WRITE_FAULT);
          return FALSE;
        }
      data += done;
      len -= done;
    }
  return TRUE;
}

/* Creates a new temporary file in @folder; its path goes to @temp_path. */
static HANDLE
create_temp (const char *folder, wchar_t **temp_path)
{
  for (int attempt = 0; attempt < 100; attempt++)
    {
      char name[32];
      g_snprintf (name, sizeof name, ".ikuflet-%08x.tmp", g_random_int ());
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree wchar_t *wpath = iku_win32_path_new (path);
      if (wpath == NULL)
        {
          SetLastError (ERROR_INVALID_NAME);
          return INVALID_HANDLE_VALUE;
        }
      /* Not shared, not inherited by child processes. */
      HANDLE h = CreateFileW (wpath, GENERIC_WRITE, 0, NULL, CREATE_NEW,
                              FILE_ATTRIBUTE_NORMAL, NULL);
      if (h != INVALID_HANDLE_VALUE)
        {
          *temp_path = g_steal_pointer (&wpath);
          return h;
        }
      if (GetLastError () != ERROR_FILE_EXISTS && GetLastError () != ERROR_ALREADY_EXISTS)
        return INVALID_HANDLE_VALUE;
    }
  SetLastError (ERROR_FILE_EXISTS);
  return INVALID_HANDLE_VALUE;
}

gboolean
iku_atomic_file_write (const char *folder, const char *name, GBytes *bytes, GError **error)
{
  g_return_val_if_fail (folder != NULL && name != NULL && bytes != NULL, FALSE);
  g_return_val_if_fail (strchr (name, '/') == NULL && strchr (name, '\\') == NULL
                        && strcmp (name, "..") != 0 && strcmp (name, ".") != 0
                        && *name != '\0', FALSE);

  g_autofree char *target_utf8 = g_build_filename (folder, name, NULL);
  g_autofree wchar_t *wfolder = iku_win32_path_new (folder);
  g_autofree wchar_t *target = iku_win32_path_new (target_utf8);
  if (wfolder == NULL || target == NULL)
    {
      set_win32_error (error, ERROR_INVALID_NAME, folder, name);
      return FALSE;
    }

  HANDLE dir = CreateFileW (wfolder, FILE_LIST_DIRECTORY, FILE_SHARE_READ | FILE_SHARE_WRITE,
                            NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
  if (dir == INVALID_HANDLE_VALUE)
    {
      set_win32_error (error, GetLastError (), folder, name);
      return FALSE;
    }

  /* A folder standing where the file should go: say so before writing. */
  DWORD attrs = GetFileAttributesW (target);
  if (attrs != INVALID_FILE_ATTRIBUTES && (attrs & FILE_ATTRIBUTE_DIRECTORY))
    {
      CloseHandle (dir);
      iku_atomic_file_set_error (error, IKU_ATOMIC_FILE_ERROR_IS_DIRECTORY, folder, name, NULL);
      return FALSE;
    }

  g_autofree wchar_t *temp = NULL;
  HANDLE file = create_temp (folder, &temp);
  if (file == INVALID_HANDLE_VALUE)
    {
      DWORD err = GetLastError ();
      CloseHandle (dir);
      set_win32_error (error, err, folder, name);
      return FALSE;
    }

  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  DWORD err = ERROR_SUCCESS;
  if (!write_all (file, data, len) || !FlushFileBuffers (file))
    err = GetLastError ();
  if (!CloseHandle (file) && err == ERROR_SUCCESS)
    err = GetLastError ();
  if (err == ERROR_SUCCESS
      && !MoveFileExW (temp, target, MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH))
    {
      err = GetLastError ();
      if (err == ERROR_ACCESS_DENIED && held_open (target))
        err = ERROR_SHARING_VIOLATION;
    }
  if (err != ERROR_SUCCESS)
    DeleteFileW (temp);
  CloseHandle (dir);
  if (err != ERROR_SUCCESS)
    {
      set_win32_error (error, err, folder, name);
      return FALSE;
    }
  return TRUE;
}
