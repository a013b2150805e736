/* SPDX-License-Identifier: GPL-3.0-or-later
 * One sheet of a live Calc document -> IkuGrid: the text every used cell shows. */
#pragma once

#include "iku-uno-sdk.h"
#include "iku-grid.h"

G_BEGIN_DECLS

/* What the sheets of one workbook have brought in so far, counted over every
 * sheet read, against the bounds the .ods reader applies too: IKU_MAX_CELLS
 * non-empty cells and IKU_MAX_BOOK_TEXT_BYTES of text kept. Start at zero. */
typedef struct {
  guint64 cells;
  guint64 text_bytes;
} IkuUnoSheetBudget;

/* Reads what a schema needs of @sheet (any interface of a
 * com.sun.star.sheet.Spreadsheet), as displayed: formatted numbers and dates,
 * formula results, paragraphs as '\n'-separated lines. That is every used cell
 * from the top down to the header row, and below it only the name, individual
 * and team columns; a sheet without a header row gives an empty grid. The cells
 * a merged area covers are left out (its top-left cell holds the text),
 * annotations are never read; a cell over IKU_MAX_CELL_BYTES is refused without
 * being converted. The rows of the used area that are hidden or filtered out are
 * marked hidden in the grid (a schema sheet's only). Cells and text are charged to @budget; over its bounds,
 * IKU_UNO_ERROR_TOO_LARGE with a Danish message. (transfer full) */
IkuGrid  *iku_uno_sheet_read      (uno_Interface     *sheet,
                                   IkuUnoSheetBudget *budget,
                                   GError           **error) G_GNUC_WARN_UNUSED_RESULT;

/* Appends the rows of the sheet @sheet_index that @ranges covers (a
 * SheetCellRange or SheetCellRanges, such as a view's selection; anything else
 * covers none) to @spans, as IkuUnoRowSpan (iku-uno-selection.h). */
gboolean  iku_uno_sheet_collect_rows (uno_Interface *ranges,
                                      guint          sheet_index,
                                      GArray        *spans,
                                      GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* The 0-based position of @sheet in its document. */
gboolean  iku_uno_sheet_get_index (uno_Interface *sheet,
                                   guint         *index,
                                   GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
