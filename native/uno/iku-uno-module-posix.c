/* SPDX-License-Identifier: GPL-3.0-or-later
 * iku-uno-module.h with dladdr(). */
#define _GNU_SOURCE
#include "iku-uno-module.h"

#include <dlfcn.h>

/* Any object of this library: dladdr() on it names the library's file. */
static const char library_anchor = 0;

char *
iku_uno_module_dup_dir (void)
{
  Dl_info info;

  if (dladdr (&library_anchor, &info) == 0 || info.dli_fname == NULL)
    return g_strdup ("");
  return g_path_get_dirname (info.dli_fname);
}
