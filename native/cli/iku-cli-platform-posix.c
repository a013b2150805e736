/* SPDX-License-Identifier: GPL-3.0-or-later
 * iku-cli-platform.h on Linux (and other POSIX systems with /proc). */
#include "iku-cli-platform.h"

#include <locale.h>

void
iku_cli_platform_init (void)
{
  setlocale (LC_ALL, "");
}

char **
iku_cli_platform_dup_args (int argc, char **argv)
{
  g_return_val_if_fail (argc >= 0 && argv != NULL, NULL);
  return g_strdupv (argv);
}

char *
iku_cli_platform_dup_program_path (const char *argv0)
{
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  return exe != NULL ? g_steal_pointer (&exe) : g_strdup (argv0);
}
