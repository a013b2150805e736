/* SPDX-License-Identifier: GPL-3.0-or-later
 * One sheet of a live Calc document -> IkuGrid: the text every used cell shows. */
#pragma once

#include "iku-uno-sdk.h"
#include "iku-grid.h"

G_BEGIN_DECLS

/* Reads @sheet (any interface of a com.sun.star.sheet.Spreadsheet) as displayed:
 * formatted numbers and dates, formula results, paragraphs as '\n'-separated lines;
 * the cells a merged area covers are left out (its top-left cell holds the text),
 * annotations are never read. (transfer full) */
IkuGrid  *iku_uno_sheet_read      (uno_Interface *sheet,
                                   GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* The 0-based position of @sheet in its document. */
gboolean  iku_uno_sheet_get_index (uno_Interface *sheet,
                                   guint         *index,
                                   GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
