/* SPDX-License-Identifier: GPL-3.0-or-later
 * Internals of the .ods reader: content.xml parsing (iku-ods-content.c) and the
 * test hook of its entry points (iku-ods.c). The zip, the guards in front of
 * libxml2 and the builder are shared with the other formats (iku-book-private.h). */
#pragma once

#include "iku-book-private.h"
#include "iku-ods.h"

G_BEGIN_DECLS

/* Parses content.xml into a book. @out_not_xml is set when the stream does not
 * start like an XML document at all (then @error is IKU_BOOK_ERROR_CORRUPT and the
 * caller may find a better reason, such as a password). (transfer full) */
IkuBook *iku_ods_content_parse (IkuBookStream  *content,
                                const char     *display_name,
                                gboolean       *out_not_xml,
                                GError        **error) G_GNUC_WARN_UNUSED_RESULT;

/* Reads an opened package (iku-book-read.c tells the format). (transfer full) */
IkuBook *iku_ods_read_zip (IkuBookZip   *zip,
                           const char   *display_name,
                           guint64       max_content_bytes,
                           GError      **error) G_GNUC_WARN_UNUSED_RESULT;

/* Test hook: iku_ods_read_data with another bound than IKU_BOOK_MAX_CONTENT_BYTES,
 * so that the zip-bomb guard is tested without inflating a gigabyte. */
IkuBook *iku_ods_read_data_with_limit (const guint8 *data,
                                       gsize         len,
                                       const char   *display_name,
                                       guint64       max_content_bytes,
                                       GError      **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
