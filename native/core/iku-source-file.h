/* SPDX-License-Identifier: GPL-3.0-or-later
 * What iku-source.c needs from the operating system, one file per platform
 * (iku-source-file-posix.c, iku-source-file-win32.c). Not for other modules. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Fills @buf with @n bytes from the system's cryptographic random source. */
gboolean iku_source_file_random     (guint8  *buf,
                                     gsize    n,
                                     GError **error);
/* Writes @contents to a temporary file beside @path (readable by the user
 * only) and moves it to @path only if @path does not exist yet: a reader sees
 * the whole file or none. FALSE with G_FILE_ERROR_EXIST when @path exists. */
gboolean iku_source_file_create_new (const char *path,
                                     const char *contents,
                                     gsize       len,
                                     GError    **error);
/* The first @max bytes (or fewer) of @path when it is a regular file; NULL
 * otherwise, without blocking on a FIFO or a device. (transfer full) */
GBytes  *iku_source_file_read_head  (const char *path,
                                     gsize       max);

G_END_DECLS
