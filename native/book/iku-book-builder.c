/* SPDX-License-Identifier: GPL-3.0-or-later
 * Sheets, rows and cells -> IkuBook. Repetitions are numbers: an empty run moves
 * the position and costs nothing (LibreOffice ends every sheet with a million
 * repeated empty rows), a non-empty run is stored cell by cell, and every stored
 * cell counts towards the bounds, so no file makes this loop long. */
#include "iku-book-private.h"

#include <string.h>

/* A non-empty cell of the open row, kept until the row ends because the row
 * may be repeated. */
typedef struct {
  guint64  col;
  guint64  n_cols;   /* table:number-columns-repeated */
  char    *text;     /* NULL for a refused cell */
  gsize    len;
  gboolean refused;  /* more text than IKU_MAX_CELL_BYTES: recorded, not kept */
} PendingCell;

struct _IkuBookBuilder
{
  char    *display_name;
  IkuBook *book;
  guint64  book_bytes;        /* text stored in the book so far */
  guint64  book_cells;        /* cells stored in the book so far, all sheets */

  guint64  book_merges;       /* merged areas in the book so far */

  IkuGrid *grid;              /* the open sheet */
  IkuBookMerges *merges;      /* its merged areas */
  guint64  row;               /* position of the open (or next) row */
  guint64  row_repeat;
  gboolean row_hidden;        /* the open row (all its repetitions) is hidden or filtered out */
  guint64  col;               /* position of the open (or next) cell */
  GArray  *row_cells;         /* PendingCell of the open row */
  guint64  pending_bytes;     /* text in row_cells */

  guint64  cell_repeat;
  GString *cell_text;
  gboolean cell_has_paragraph;
  gboolean cell_refused;      /* the open cell's text outgrew IKU_MAX_CELL_BYTES */
  char    *cell_value;        /* office:*-value fallback, or NULL */
};

static void
pending_cell_clear (gpointer data)
{
  PendingCell *cell = data;
  g_free (cell->text);
}

static guint64
saturating_add (guint64 a, guint64 b)
{
  return a > G_MAXUINT64 - b ? G_MAXUINT64 : a + b;
}

/* "B5" for a position; clamped, since a hostile position may not fit a guint. */
static char *
dup_cell_name (guint64 row, guint64 col)
{
  return iku_grid_dup_cell_name ((guint) MIN (row, G_MAXUINT), (guint) MIN (col, G_MAXUINT));
}

IkuBookBuilder *
iku_book_builder_new (const char *display_name)
{
  g_return_val_if_fail (display_name != NULL, NULL);

  IkuBookBuilder *builder = g_new0 (IkuBookBuilder, 1);
  builder->display_name = g_strdup (display_name);
  builder->book = iku_book_new ();
  builder->row_cells = g_array_new (FALSE, FALSE, sizeof (PendingCell));
  g_array_set_clear_func (builder->row_cells, pending_cell_clear);
  builder->cell_text = g_string_new (NULL);
  builder->row_repeat = 1;
  builder->cell_repeat = 1;
  return builder;
}

void
iku_book_builder_free (IkuBookBuilder *builder)
{
  if (builder == NULL)
    return;
  g_free (builder->display_name);
  g_clear_pointer (&builder->book, iku_book_free);
  g_clear_pointer (&builder->grid, iku_grid_free);
  g_clear_pointer (&builder->merges, iku_book_merges_free);
  g_array_unref (builder->row_cells);
  g_string_free (builder->cell_text, TRUE);
  g_free (builder->cell_value);
  g_free (builder);
}

IkuBook *
iku_book_builder_steal_book (IkuBookBuilder *builder)
{
  g_return_val_if_fail (builder != NULL, NULL);
  IkuBook *book = g_steal_pointer (&builder->book);
  builder->book = iku_book_new ();
  return book;
}

gboolean
iku_book_builder_start_sheet (IkuBookBuilder *builder, const char *name, GError **error)
{
  g_return_val_if_fail (builder != NULL && builder->grid == NULL, FALSE);

  guint n_sheets = iku_book_get_n_sheets (builder->book);
  if (n_sheets >= IKU_MAX_SHEETS)
    {
      g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_TOO_LARGE,
                   "Filen »%s« har mere end %u ark. "
                   "Slet de ark, der ikke hører til skemaet, og prøv igen.",
                   builder->display_name, IKU_MAX_SHEETS);
      return FALSE;
    }
  if (name != NULL && strlen (name) > IKU_MAX_NAME_BYTES)
    {
      g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_TOO_LARGE,
                   "Ark nr. %u i filen »%s« har et navn på mere end %d byte. "
                   "Giv arket et kortere navn, og prøv igen.",
                   n_sheets + 1, builder->display_name, IKU_MAX_NAME_BYTES);
      return FALSE;
    }
  /* Calc always names its sheets; "Ark" is its Danish default. */
  g_autofree char *fallback = g_strdup_printf ("Ark%u", n_sheets + 1);
  builder->grid = iku_grid_new (name != NULL && *name != '\0' ? name : fallback);
  builder->merges = iku_book_merges_new ();
  builder->row = 0;
  return TRUE;
}

void
iku_book_builder_end_sheet (IkuBookBuilder *builder)
{
  g_return_if_fail (builder != NULL && builder->grid != NULL);
  iku_book_add_sheet (builder->book, g_steal_pointer (&builder->grid));
  g_clear_pointer (&builder->merges, iku_book_merges_free);
}

/* Checks the bounds before a cell at @row, @col is kept, when @n_more cells and
 * @more_bytes of text (this cell's included) are about to be added. */
static gboolean
check_bounds (IkuBookBuilder *builder, guint64 row, guint64 col, guint64 n_more,
              guint64 more_bytes, GError **error)
{
  const char *sheet = iku_grid_get_sheet_name (builder->grid);
  if (row >= IKU_MAX_ROWS)
    {
      g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_TOO_LARGE,
                   "Arket »%s« i filen »%s« har indhold under række %u, den sidste række, "
                   "ikuflet kan læse. Slet indholdet dér, og prøv igen.",
                   sheet, builder->display_name, IKU_MAX_ROWS);
      return FALSE;
    }
  if (col >= IKU_MAX_COLS)
    {
      g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_TOO_LARGE,
                   "Arket »%s« i filen »%s« har indhold i række %" G_GUINT64_FORMAT " efter "
                   "kolonne nr. %u, den sidste kolonne, ikuflet kan læse. "
                   "Slet indholdet dér, og prøv igen.",
                   sheet, builder->display_name, row + 1, IKU_MAX_COLS);
      return FALSE;
    }
  /* Counted over the workbook: 256 sheets of repeated cells are 256 times the
   * memory of one. */
  if (builder->book_cells + n_more > IKU_MAX_CELLS)
    {
      g_autofree char *cell = dup_cell_name (row, col);
      g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_TOO_LARGE,
                   "Filen »%s« har mere end %u udfyldte celler (celle %s på arket »%s« er én "
                   "for meget). Slet det, der ikke hører til skemaet, og prøv igen.",
                   builder->display_name, IKU_MAX_CELLS, cell, sheet);
      return FALSE;
    }
  if (builder->book_bytes + more_bytes > IKU_MAX_BOOK_TEXT_BYTES)
    {
      g_autofree char *cell = dup_cell_name (row, col);
      g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_TOO_LARGE,
                   "Filen »%s« indeholder mere end %u MB tekst (ved celle %s på arket »%s«). "
                   "Slet det, der ikke hører til skemaet, og prøv igen.",
                   builder->display_name, IKU_MAX_BOOK_TEXT_BYTES / (1024 * 1024), cell,
                   sheet);
      return FALSE;
    }
  return TRUE;
}

static gboolean
store_cell (IkuBookBuilder *builder, guint64 row, guint64 col, const PendingCell *pending,
            GError **error)
{
  const char *text = pending->text;
  gsize len = pending->len;
  /* Hidden under a merged area: never stored, but counted, so that hidden
   * cells cost as much of the bound as shown ones. */
  gboolean hidden = iku_book_merges_covers (builder->merges, row, col);
  if (!check_bounds (builder, row, col, 1, hidden ? 0 : len, error))
    return FALSE;
  if (hidden)
    {
      builder->book_cells++;
      return TRUE;
    }

  g_autoptr(GError) grid_error = NULL;
  gboolean stored = pending->refused
                    ? iku_grid_refuse_cell (builder->grid, (guint) row, (guint) col, &grid_error)
                    : iku_grid_set_cell (builder->grid, (guint) row, (guint) col, text,
                                         (gssize) len, &grid_error);
  /* A refused cell is recorded in the grid, not an error; the schema reports it. */
  if (!stored)
    {
      g_autofree char *cell = dup_cell_name (row, col);
      const char *sheet = iku_grid_get_sheet_name (builder->grid);
      if (g_error_matches (grid_error, IKU_GRID_ERROR, IKU_GRID_ERROR_TOO_LARGE))
        g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_TOO_LARGE, "I filen »%s«: %s",
                     builder->display_name, grid_error->message);
      else
        iku_book_error_set_corrupt (error, builder->display_name,
                                    "ugyldig tekst i cellen %s på arket »%s«", cell, sheet);
      return FALSE;
    }
  builder->book_bytes += len;
  builder->book_cells++;
  return TRUE;
}

void
iku_book_builder_start_row (IkuBookBuilder *builder, guint64 n_repeated)
{
  g_return_if_fail (builder != NULL && builder->grid != NULL);
  builder->row_repeat = MAX (n_repeated, 1);
  builder->row_hidden = FALSE;
  builder->col = 0;
  g_array_set_size (builder->row_cells, 0);
  builder->pending_bytes = 0;
}

gboolean
iku_book_builder_end_row (IkuBookBuilder *builder, GError **error)
{
  g_return_val_if_fail (builder != NULL && builder->grid != NULL, FALSE);

  GArray *cells = builder->row_cells;
  for (guint64 r = 0; r < builder->row_repeat && cells->len > 0; r++)
    for (guint i = 0; i < cells->len; i++)
      {
        const PendingCell *cell = &g_array_index (cells, PendingCell, i);
        for (guint64 c = 0; c < cell->n_cols; c++)
          if (!store_cell (builder, saturating_add (builder->row, r),
                           saturating_add (cell->col, c), cell, error))
            return FALSE;
      }
  g_array_set_size (cells, 0);
  builder->pending_bytes = 0;
  /* The grid ignores rows beyond the sheet, and keeps ranges: a hidden row
   * repeated to the end of the sheet costs nothing. */
  if (builder->row_hidden && builder->row < G_MAXUINT)
    iku_grid_set_rows_hidden (builder->grid, (guint) builder->row,
                              (guint) MIN (builder->row_repeat, G_MAXUINT), TRUE);
  builder->row = saturating_add (builder->row, builder->row_repeat);
  builder->row_repeat = 1;
  builder->row_hidden = FALSE;
  return TRUE;
}

/* The row begun last, with its repetitions, is hidden or filtered out. */
void
iku_book_builder_hide_row (IkuBookBuilder *builder)
{
  g_return_if_fail (builder != NULL && builder->grid != NULL);
  builder->row_hidden = TRUE;
}

gboolean
iku_book_builder_start_cell (IkuBookBuilder *builder, guint64 n_repeated, guint64 n_rows_spanned,
                             guint64 n_cols_spanned, char *value, GError **error)
{
  g_return_val_if_fail (builder != NULL && builder->grid != NULL, FALSE);
  builder->cell_repeat = MAX (n_repeated, 1);
  g_string_truncate (builder->cell_text, 0);
  builder->cell_has_paragraph = FALSE;
  builder->cell_refused = FALSE;
  g_free (builder->cell_value);
  builder->cell_value = value;

  /* One merged area per element, at its first position; an anchor that is
   * itself hidden merges nothing, as in Calc. */
  if ((n_rows_spanned > 1 || n_cols_spanned > 1)
      && !iku_book_merges_covers (builder->merges, builder->row, builder->col))
    {
      if (builder->book_merges >= IKU_MAX_CELLS)
        {
          g_autofree char *cell = dup_cell_name (builder->row, builder->col);
          g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_TOO_LARGE,
                       "Filen »%s« har mere end %u flettede celleområder (ved celle %s på arket "
                       "»%s«). Slet det, der ikke hører til skemaet, og prøv igen.",
                       builder->display_name, IKU_MAX_CELLS, cell,
                       iku_grid_get_sheet_name (builder->grid));
          return FALSE;
        }
      iku_book_merges_add (builder->merges, builder->row, builder->col, n_rows_spanned,
                           n_cols_spanned);
      builder->book_merges++;
    }
  return TRUE;
}

/* Whether the open cell can take @more bytes of text. A cell that outgrows
 * IKU_MAX_CELL_BYTES is refused: its text is dropped as it is read (which also
 * stops a <text:s text:c="4000000000"/> before it is built), the grid records
 * the cell, and the schema tells which employee got no IKU because of it. */
static gboolean
cell_takes (IkuBookBuilder *builder, guint64 more)
{
  if (builder->cell_refused)
    return FALSE;
  guint64 len = builder->cell_text->len;
  if (len <= IKU_MAX_CELL_BYTES && more <= IKU_MAX_CELL_BYTES - len)
    return TRUE;
  builder->cell_refused = TRUE;
  g_string_truncate (builder->cell_text, 0);
  return FALSE;
}

gboolean
iku_book_builder_append_repeated (IkuBookBuilder *builder, char c, guint64 count, GError **error)
{
  g_return_val_if_fail (builder != NULL, FALSE);
  if (!cell_takes (builder, count))
    return TRUE;
  for (guint64 i = 0; i < count; i++)
    g_string_append_c (builder->cell_text, c);
  return TRUE;
}

gboolean
iku_book_builder_start_paragraph (IkuBookBuilder *builder, GError **error)
{
  g_return_val_if_fail (builder != NULL, FALSE);
  /* Paragraphs of a cell are its lines. */
  if (builder->cell_has_paragraph && !iku_book_builder_append_repeated (builder, '\n', 1, error))
    return FALSE;
  builder->cell_has_paragraph = TRUE;
  return TRUE;
}

gboolean
iku_book_builder_append_text (IkuBookBuilder *builder, const char *text, gsize len, GError **error)
{
  g_return_val_if_fail (builder != NULL, FALSE);
  if (!cell_takes (builder, len))
    return TRUE;
  g_string_append_len (builder->cell_text, text, (gssize) len);
  return TRUE;
}

gboolean
iku_book_builder_end_cell (IkuBookBuilder *builder, GError **error)
{
  g_return_val_if_fail (builder != NULL && builder->grid != NULL, FALSE);

  /* What Calc shows is the paragraphs (for numbers, dates and formulas too:
   * the formatted result); a cell written without any falls back on its value. */
  const char *text = builder->cell_has_paragraph ? builder->cell_text->str : builder->cell_value;
  gsize len = builder->cell_has_paragraph ? builder->cell_text->len
                                          : (text != NULL ? strlen (text) : 0);
  if (len > IKU_MAX_CELL_BYTES)
    builder->cell_refused = TRUE;
  if (builder->cell_refused || len > 0)
    {
      gsize kept = builder->cell_refused ? 0 : len;
      /* The row is kept until it ends: bound it now, not only then. */
      if (!check_bounds (builder, builder->row, builder->col, builder->row_cells->len + 1,
                         builder->pending_bytes + kept, error))
        return FALSE;
      PendingCell cell = { builder->col, builder->cell_repeat,
                           builder->cell_refused ? NULL : g_strndup (text, len), kept,
                           builder->cell_refused };
      g_array_append_val (builder->row_cells, cell);
      builder->pending_bytes += kept;
    }
  g_string_truncate (builder->cell_text, 0);
  builder->cell_has_paragraph = FALSE;
  builder->cell_refused = FALSE;
  g_clear_pointer (&builder->cell_value, g_free);
  builder->col = saturating_add (builder->col, builder->cell_repeat);
  builder->cell_repeat = 1;
  return TRUE;
}

gboolean
iku_book_builder_add_merge (IkuBookBuilder *builder, guint64 row, guint64 col, guint64 n_rows,
                            guint64 n_cols, GError **error)
{
  g_return_val_if_fail (builder != NULL && builder->grid != NULL, FALSE);
  if (n_rows <= 1 && n_cols <= 1)
    return TRUE;
  if (iku_book_merges_covers (builder->merges, row, col))
    return TRUE;  /* an anchor that is itself hidden merges nothing, as in Calc */
  if (builder->book_merges >= IKU_MAX_CELLS)
    {
      g_autofree char *cell = dup_cell_name (row, col);
      g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_TOO_LARGE,
                   "Filen »%s« har mere end %u flettede celleområder (ved celle %s på arket "
                   "»%s«). Slet det, der ikke hører til skemaet, og prøv igen.",
                   builder->display_name, IKU_MAX_CELLS, cell,
                   iku_grid_get_sheet_name (builder->grid));
      return FALSE;
    }
  iku_book_merges_add (builder->merges, row, col, n_rows, n_cols);
  builder->book_merges++;
  return TRUE;
}

void
iku_book_builder_hide_row_at (IkuBookBuilder *builder, guint64 row)
{
  g_return_if_fail (builder != NULL && builder->grid != NULL);
  /* Beyond the last row a sheet can have content in, nothing can be hidden. */
  if (row < IKU_MAX_ROWS)
    iku_grid_set_row_hidden (builder->grid, (guint) row, TRUE);
}

const char *
iku_book_builder_get_sheet_name (IkuBookBuilder *builder)
{
  g_return_val_if_fail (builder != NULL && builder->grid != NULL, NULL);
  return iku_grid_get_sheet_name (builder->grid);
}
