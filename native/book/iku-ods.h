/* SPDX-License-Identifier: GPL-3.0-or-later
 * The .ods reader: an OpenDocument spreadsheet file -> IkuBook, one IkuGrid per
 * sheet holding the texts a user sees in Calc. The only zip/XML parser of ikuflet. */
#pragma once

#include <glib.h>
#include "iku-book-error.h"
#include "iku-grid.h"

G_BEGIN_DECLS

IkuBook *iku_ods_read_file (const char  *path,
                            GError     **error) G_GNUC_WARN_UNUSED_RESULT;
IkuBook *iku_ods_read_data (const guint8 *data,
                            gsize         len,
                            const char   *display_name,
                            GError      **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
