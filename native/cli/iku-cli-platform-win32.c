/* SPDX-License-Identifier: GPL-3.0-or-later
 * iku-cli-platform.h on Windows. The program's manifest (native/windows)
 * declares it long-path aware and asks for UTF-8 as its code page. */
#include "iku-cli-platform.h"

#include <locale.h>
#include <windows.h>

void
iku_cli_platform_init (void)
{
  setlocale (LC_ALL, "");
  /* Our output is UTF-8 (»«, æøå); a console with an OEM code page would show
   * it garbled. Ignored when output goes to a file or a pipe. */
  SetConsoleOutputCP (CP_UTF8);
}

char **
iku_cli_platform_dup_args (int argc, char **argv)
{
  return g_win32_get_command_line ();
}

char *
iku_cli_platform_dup_program_path (const char *argv0)
{
  /* 32767 wide characters: the longest path Windows has. */
  g_autofree wchar_t *path = g_new0 (wchar_t, 32768);
  DWORD n = GetModuleFileNameW (NULL, path, 32768);
  if (n == 0 || n >= 32768)
    return g_strdup (argv0);
  char *utf8 = g_utf16_to_utf8 ((const gunichar2 *) path, n, NULL, NULL, NULL);
  return utf8 != NULL ? utf8 : g_strdup (argv0);
}
