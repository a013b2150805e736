/* SPDX-License-Identifier: GPL-3.0-or-later
 * Where this library's file lies (the installed extension's root), the one
 * platform difference of the component: iku-uno-module-posix.c (dladdr),
 * iku-uno-module-win32.c (GetModuleHandleExW). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The folder of the loaded component library, or "" if the system does not
 * say. (transfer full) */
char *iku_uno_module_dup_dir (void);

G_END_DECLS
