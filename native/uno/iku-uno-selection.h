/* SPDX-License-Identifier: GPL-3.0-or-later
 * "Lav IKU for markerede medarbejdere": the rows a person selected in Calc, and
 * the schema sheet narrowed to the employees those rows belong to. */
#pragma once

#include "iku-uno-sdk.h"
#include "iku-grid.h"

G_BEGIN_DECLS

/* Rows first..last (0-based, inclusive). */
typedef struct {
  guint first;
  guint last;
} IkuUnoRowSpan;

/* The rows of the sheet @sheet_index that @view's current selection covers (a
 * cell, a range or several ranges; anything else selects no rows), as
 * IkuUnoRowSpan in no particular order. (transfer full) */
GArray  *iku_uno_selection_dup_rows    (uno_Interface *view,
                                        guint          sheet_index,
                                        GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* A copy of the schema sheet @grid that keeps only the employees one of whose
 * rows lies in @spans: a name row, or a continuation row below it (no name: it
 * belongs to the name above). The header area, the header row and every team
 * item stay (team content belongs to everyone); hidden rows stay hidden. The
 * number of employees left out is put in *@n_left_out. A selection that holds
 * no employee is IKU_UNO_ERROR_ARGUMENT with a Danish message. (transfer full) */
IkuGrid *iku_uno_selection_filter_grid (const IkuGrid *grid,
                                        const GArray  *spans,
                                        guint         *n_left_out,
                                        GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
