/* SPDX-License-Identifier: GPL-3.0-or-later
 * iku-uno-module.h with GetModuleHandleExW(): the module that holds an address of
 * ours is ikuflet.uno.dll itself, wherever the Extension Manager unpacked it. */
#include "iku-uno-module.h"

#include <windows.h>

static const char library_anchor = 0;

char *
iku_uno_module_dup_dir (void)
{
  HMODULE module = NULL;
  if (!GetModuleHandleExW (GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS
                           | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                           (LPCWSTR) (const void *) &library_anchor, &module))
    return g_strdup ("");
  /* 32767 wide characters: the longest path Windows has. */
  g_autofree wchar_t *path = g_new0 (wchar_t, 32768);
  DWORD n = GetModuleFileNameW (module, path, 32768);
  if (n == 0 || n >= 32768)
    return g_strdup ("");
  g_autofree char *utf8 = g_utf16_to_utf8 ((const gunichar2 *) path, n, NULL, NULL, NULL);
  return utf8 != NULL ? g_path_get_dirname (utf8) : g_strdup ("");
}
