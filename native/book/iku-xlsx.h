/* SPDX-License-Identifier: GPL-3.0-or-later
 * The .xlsx/.xlsm reader: an Office Open XML spreadsheet (SpreadsheetML) ->
 * IkuBook, one IkuGrid per sheet holding the texts LibreOffice Calc shows for
 * the Danish locale. Macros, comments, notes and threaded comments live in
 * other parts of the package and are never read. */
#pragma once

#include <glib.h>
#include "iku-book-error.h"
#include "iku-grid.h"

G_BEGIN_DECLS

IkuBook *iku_xlsx_read_data (const guint8 *data,
                             gsize         len,
                             const char   *display_name,
                             GError      **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
