/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuGrid: the displayed texts of one sheet; IkuBook: the sheets of one workbook.
 * Both front doors (the .ods reader and the live Calc document) fill these, and
 * everything after them is shared. Rows and columns are 0-based here; messages
 * print them 1-based, as a user sees them. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IKU_GRID_ERROR (iku_grid_error_quark ())
typedef enum {
  IKU_GRID_ERROR_INVALID_TEXT,   /* not valid UTF-8 */
  IKU_GRID_ERROR_TOO_LARGE,      /* a bound of iku-limits.h was exceeded */
} IkuGridError;
GQuark iku_grid_error_quark (void);

typedef struct _IkuGrid IkuGrid;

IkuGrid    *iku_grid_new            (const char *sheet_name);
void        iku_grid_free           (IkuGrid *grid);

gboolean    iku_grid_set_cell       (IkuGrid    *grid,
                                     guint       row,
                                     guint       col,
                                     const char *text,
                                     gssize      len,
                                     GError    **error) G_GNUC_WARN_UNUSED_RESULT;
const char *iku_grid_get_cell       (const IkuGrid *grid,
                                     guint          row,
                                     guint          col);
guint       iku_grid_get_n_rows     (const IkuGrid *grid);
guint       iku_grid_get_n_cols     (const IkuGrid *grid);
guint       iku_grid_get_n_cells    (const IkuGrid *grid);
const char *iku_grid_get_sheet_name (const IkuGrid *grid);

char       *iku_grid_dup_cell_name  (guint row, guint col);

/* A refused cell held more text than IKU_MAX_CELL_BYTES. None of its text is
 * kept; the schema reports it where it matters (and never prints part of it).
 * iku_grid_set_cell() records such a text as refused and succeeds; a reader
 * that already knows a cell is too large records it with
 * iku_grid_refuse_cell(). Either way reading goes on with the next cell. */
gboolean    iku_grid_refuse_cell     (IkuGrid *grid,
                                      guint    row,
                                      guint    col,
                                      GError **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    iku_grid_is_refused_cell (const IkuGrid *grid,
                                      guint          row,
                                      guint          col);

/* Calls @func for every non-empty cell, in no particular order. */
typedef void (*IkuGridCellFunc) (guint       row,
                                 guint       col,
                                 const char *text,
                                 gpointer    user_data);
void        iku_grid_foreach_cell   (const IkuGrid  *grid,
                                     IkuGridCellFunc func,
                                     gpointer        user_data);
/* Calls @func (with @text NULL) for every refused cell. */
void        iku_grid_foreach_refused_cell (const IkuGrid  *grid,
                                           IkuGridCellFunc func,
                                           gpointer        user_data);

/* Hidden rows: rows the user hid or a filter (AutoFilter, standard filter)
 * leaves out. Every row is visible until a reader says otherwise; the schema
 * decides what a hidden row means (iku-schema.h). Rows at or beyond
 * IKU_MAX_ROWS are ignored (they cannot hold cells). Stored as ranges, so a
 * reader may hide a repeated row of a million rows cheaply. */
void        iku_grid_set_row_hidden  (IkuGrid *grid,
                                      guint    row,
                                      gboolean hidden);
void        iku_grid_set_rows_hidden (IkuGrid *grid,
                                      guint    first_row,
                                      guint    n_rows,
                                      gboolean hidden);
gboolean    iku_grid_is_row_hidden   (const IkuGrid *grid,
                                      guint          row);
/* TRUE when at least one row is hidden. */
gboolean    iku_grid_has_hidden_rows (const IkuGrid *grid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuGrid, iku_grid_free)

typedef struct _IkuBook IkuBook;

IkuBook       *iku_book_new          (void);
void           iku_book_free         (IkuBook *book);
void           iku_book_add_sheet    (IkuBook *book,
                                      IkuGrid *grid);
guint          iku_book_get_n_sheets (const IkuBook *book);
const IkuGrid *iku_book_get_sheet    (const IkuBook *book,
                                      guint          index);
void           iku_book_set_active   (IkuBook *book,
                                      guint    index);
gint           iku_book_get_active   (const IkuBook *book);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuBook, iku_book_free)

G_END_DECLS
