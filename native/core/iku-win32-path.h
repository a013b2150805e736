/* SPDX-License-Identifier: GPL-3.0-or-later
 * Windows only (iku-win32-path-win32.c): UTF-8 paths as the UTF-16 paths the
 * Win32 file API takes. */
#pragma once

#include <glib.h>
#include <wchar.h>

G_BEGIN_DECLS

/* @path as UTF-16; an absolute path of MAX_PATH characters or more gets the
 * extended-length prefix (\\?\, or \\?\UNC\ for \\server\share), so it works
 * whether or not long paths are enabled on the PC. NULL if @path is not valid
 * UTF-8. (transfer full) */
wchar_t *iku_win32_path_new (const char *path);

/* A Win32 error code as the errno value closest to it (for iku-system-error.h). */
int      iku_win32_path_errno (unsigned long win32_error);

G_END_DECLS
