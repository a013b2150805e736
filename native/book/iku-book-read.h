/* SPDX-License-Identifier: GPL-3.0-or-later
 * Reading a spreadsheet file of any format ikuflet knows: the format is told by
 * the content, not the file name. OpenDocument (.ods) and Office Open XML
 * (.xlsx, .xlsm) are read; a CFB/OLE2 container (a password-protected Excel
 * file, or an old .xls) is refused with a message saying what to do. */
#pragma once

#include <glib.h>
#include "iku-book-error.h"
#include "iku-grid.h"

G_BEGIN_DECLS

IkuBook *iku_book_read_file (const char   *path,
                             GError      **error) G_GNUC_WARN_UNUSED_RESULT;
/* @data is borrowed for the call; @display_name names the file in messages. */
IkuBook *iku_book_read_data (const guint8 *data,
                             gsize         len,
                             const char   *display_name,
                             GError      **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
