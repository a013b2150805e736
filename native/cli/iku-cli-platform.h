/* SPDX-License-Identifier: GPL-3.0-or-later
 * What the command line needs from the operating system: the arguments as UTF-8,
 * a console that shows Danish letters, and the program's own file (its data folder
 * lies beside it). One implementation per platform: iku-cli-platform-posix.c,
 * iku-cli-platform-win32.c. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Call first in main(): sets the locale, and on Windows makes the console show
 * UTF-8 output. */
void   iku_cli_platform_init             (void);

/* The command line for g_option_context_parse_strv(): on Windows read as UTF-16
 * from the system (argv holds the ANSI code page, which loses names such as
 * "Łukasz"), elsewhere a copy of @argv. (transfer full) */
char **iku_cli_platform_dup_args         (int    argc,
                                          char **argv);

/* The running program's file, or a copy of @argv0 if the system does not say.
 * (transfer full) */
char  *iku_cli_platform_dup_program_path (const char *argv0);

G_END_DECLS
