/* SPDX-License-Identifier: GPL-3.0-or-later
 * File URLs of the office <-> local paths (UTF-8). */
#pragma once

#include "iku-uno-sdk.h"

G_BEGIN_DECLS

/* The local path of the file URL @url, or NULL when @url is not a complete local
 * file URL (file:///path or file://localhost/path; "file:" and "file://" are
 * not). (transfer full) */
char *iku_uno_path_from_file_url (const char *url);

/* The file URL of the absolute local path @path, or NULL when the office cannot
 * make one. (transfer full) */
char *iku_uno_path_to_file_url   (const char *path);

/* An absolute local path from @text, a file URL or an absolute path; NULL when it
 * is neither. Trailing slashes are removed. (transfer full) */
char *iku_uno_path_from_text     (const char *text);

G_END_DECLS
