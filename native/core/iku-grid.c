/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuGrid and IkuBook: sparse cell texts of the sheets of one workbook. */
#include "iku-grid.h"
#include "iku-limits.h"

#include <string.h>

G_DEFINE_QUARK (iku-grid-error-quark, iku_grid_error)

struct _IkuGrid
{
  char       *sheet_name;
  GHashTable *cells;    /* (row << 32 | col) -> NFC text, both owned */
  GHashTable *refused;  /* (row << 32 | col) set: cells whose text was too large */
  guint       n_rows;   /* 1 + the last row that holds a cell */
  guint       n_cols;
  GArray     *hidden;   /* RowRange, sorted, disjoint and not touching */
};

/* Rows [first, end) are hidden. */
typedef struct
{
  guint first;
  guint end;
} RowRange;

struct _IkuBook
{
  GPtrArray *sheets;    /* IkuGrid, owned */
  gint       active;    /* -1: none */
};

static inline guint64
cell_key (guint row, guint col)
{
  return ((guint64) row << 32) | col;
}

static guint
key_hash (gconstpointer key)
{
  guint64 k = *(const guint64 *) key;
  return (guint) (k ^ (k >> 29) ^ (k >> 32) * 0x9E3779B1u);
}

/**
 * iku_grid_new:
 * @sheet_name: the sheet's name as the user sees it on its tab
 *
 * Returns: (transfer full): an empty grid.
 */
IkuGrid *
iku_grid_new (const char *sheet_name)
{
  IkuGrid *grid = g_new0 (IkuGrid, 1);
  grid->sheet_name = g_strdup (sheet_name != NULL ? sheet_name : "");
  grid->cells = g_hash_table_new_full (key_hash, g_int64_equal, g_free, g_free);
  grid->refused = g_hash_table_new_full (key_hash, g_int64_equal, g_free, NULL);
  grid->hidden = g_array_new (FALSE, FALSE, sizeof (RowRange));
  return grid;
}

void
iku_grid_free (IkuGrid *grid)
{
  if (grid == NULL)
    return;
  g_hash_table_unref (grid->cells);
  g_hash_table_unref (grid->refused);
  g_array_unref (grid->hidden);
  g_free (grid->sheet_name);
  g_free (grid);
}

/**
 * iku_grid_dup_cell_name:
 *
 * Returns: (transfer full): the cell's name as a spreadsheet shows it ("B5"),
 * for messages.
 */
char *
iku_grid_dup_cell_name (guint row, guint col)
{
  char letters[8];
  int i = (int) sizeof letters - 1;
  guint c = col + 1;
  letters[i] = '\0';
  while (c > 0 && i > 0)
    {
      letters[--i] = (char) ('A' + (c - 1) % 26);
      c = (c - 1) / 26;
    }
  return g_strdup_printf ("%s%u", letters + i, row + 1);
}

/**
 * iku_grid_set_cell:
 * @text: the displayed text; paragraphs separated by '\n'
 * @len: bytes of @text, or -1 when NUL-terminated
 *
 * Stores the NFC form of @text at (@row, @col). Empty text clears the cell.
 * Text over IKU_MAX_CELL_BYTES is not an error: the cell is recorded as
 * refused (iku_grid_is_refused_cell) and %TRUE returned. Text that is not
 * UTF-8, or a position or cell count beyond iku-limits.h, is an error.
 */
gboolean
iku_grid_set_cell (IkuGrid    *grid,
                   guint       row,
                   guint       col,
                   const char *text,
                   gssize      len,
                   GError    **error)
{
  g_return_val_if_fail (grid != NULL, FALSE);
  g_return_val_if_fail (text != NULL || len == 0, FALSE);

  gsize n = len < 0 ? strlen (text) : (gsize) len;
  g_autofree char *name = NULL;
  guint64 key = cell_key (row, col);

  if (row >= IKU_MAX_ROWS || col >= IKU_MAX_COLS)
    {
      name = iku_grid_dup_cell_name (row, col);
      g_set_error (error, IKU_GRID_ERROR, IKU_GRID_ERROR_TOO_LARGE,
                   "Cellen %s i arket »%s« ligger uden for det, et regneark kan rumme.",
                   name, grid->sheet_name);
      return FALSE;
    }
  g_hash_table_remove (grid->refused, &key);
  if (n == 0)
    {
      g_hash_table_remove (grid->cells, &key);
      return TRUE;
    }
  if (n > IKU_MAX_CELL_BYTES)
    return iku_grid_refuse_cell (grid, row, col, error);
  if (!g_utf8_validate_len (text, n, NULL))
    {
      name = iku_grid_dup_cell_name (row, col);
      g_set_error (error, IKU_GRID_ERROR, IKU_GRID_ERROR_INVALID_TEXT,
                   "Cellen %s i arket »%s« indeholder tegn, der ikke er gyldig tekst (UTF-8). "
                   "Skriv teksten i cellen igen.", name, grid->sheet_name);
      return FALSE;
    }
  if (g_hash_table_size (grid->cells) >= IKU_MAX_CELLS
      && !g_hash_table_contains (grid->cells, &key))
    {
      g_set_error (error, IKU_GRID_ERROR, IKU_GRID_ERROR_TOO_LARGE,
                   "Arket »%s« har mere end %u udfyldte celler. Et kompetenceskema er meget "
                   "mindre; kontrollér, at det er det rigtige regneark.",
                   grid->sheet_name, IKU_MAX_CELLS);
      return FALSE;
    }

  char *nfc = g_utf8_normalize (text, (gssize) n, G_NORMALIZE_NFC);
  if (nfc == NULL)   /* cannot happen for validated input; treat as invalid text */
    {
      name = iku_grid_dup_cell_name (row, col);
      g_set_error (error, IKU_GRID_ERROR, IKU_GRID_ERROR_INVALID_TEXT,
                   "Cellen %s i arket »%s« indeholder tegn, der ikke kan læses.", name, grid->sheet_name);
      return FALSE;
    }
  g_hash_table_replace (grid->cells, g_memdup2 (&key, sizeof key), nfc);
  grid->n_rows = MAX (grid->n_rows, row + 1);
  grid->n_cols = MAX (grid->n_cols, col + 1);
  return TRUE;
}

/**
 * iku_grid_refuse_cell:
 *
 * Records that (@row, @col) held too much text to keep; any text stored there
 * is dropped. Fails only on the sheet's bounds (IKU_GRID_ERROR_TOO_LARGE).
 */
gboolean
iku_grid_refuse_cell (IkuGrid *grid, guint row, guint col, GError **error)
{
  g_return_val_if_fail (grid != NULL, FALSE);
  guint64 key = cell_key (row, col);
  if (row >= IKU_MAX_ROWS || col >= IKU_MAX_COLS
      || g_hash_table_size (grid->refused) >= IKU_MAX_CELLS)
    {
      g_autofree char *name = iku_grid_dup_cell_name (MIN (row, IKU_MAX_ROWS - 1), MIN (col, IKU_MAX_COLS - 1));
      g_set_error (error, IKU_GRID_ERROR, IKU_GRID_ERROR_TOO_LARGE,
                   "Arket »%s« har for mange eller for store celler (ved %s). Et kompetenceskema "
                   "er meget mindre; kontrollér, at det er det rigtige regneark.",
                   grid->sheet_name, name);
      return FALSE;
    }
  g_hash_table_remove (grid->cells, &key);
  g_hash_table_add (grid->refused, g_memdup2 (&key, sizeof key));
  grid->n_rows = MAX (grid->n_rows, row + 1);
  grid->n_cols = MAX (grid->n_cols, col + 1);
  return TRUE;
}

gboolean
iku_grid_is_refused_cell (const IkuGrid *grid, guint row, guint col)
{
  g_return_val_if_fail (grid != NULL, FALSE);
  guint64 key = cell_key (row, col);
  return g_hash_table_contains (grid->refused, &key);
}

/**
 * iku_grid_get_cell:
 *
 * Returns: (transfer none) (nullable): the cell's text, NULL when empty.
 */
const char *
iku_grid_get_cell (const IkuGrid *grid,
                   guint          row,
                   guint          col)
{
  g_return_val_if_fail (grid != NULL, NULL);
  if (row >= grid->n_rows || col >= grid->n_cols)
    return NULL;
  guint64 key = cell_key (row, col);
  return g_hash_table_lookup (grid->cells, &key);
}

void
iku_grid_foreach_cell (const IkuGrid  *grid,
                       IkuGridCellFunc func,
                       gpointer        user_data)
{
  g_return_if_fail (grid != NULL && func != NULL);
  GHashTableIter iter;
  gpointer key, value;
  g_hash_table_iter_init (&iter, grid->cells);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      guint64 k = *(const guint64 *) key;
      func ((guint) (k >> 32), (guint) (k & 0xFFFFFFFFu), value, user_data);
    }
}

void
iku_grid_foreach_refused_cell (const IkuGrid  *grid,
                               IkuGridCellFunc func,
                               gpointer        user_data)
{
  g_return_if_fail (grid != NULL && func != NULL);
  GHashTableIter iter;
  gpointer key;
  g_hash_table_iter_init (&iter, grid->refused);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint64 k = *(const guint64 *) key;
      func ((guint) (k >> 32), (guint) (k & 0xFFFFFFFFu), NULL, user_data);
    }
}

guint
iku_grid_get_n_rows (const IkuGrid *grid)
{
  g_return_val_if_fail (grid != NULL, 0);
  return grid->n_rows;
}

guint
iku_grid_get_n_cols (const IkuGrid *grid)
{
  g_return_val_if_fail (grid != NULL, 0);
  return grid->n_cols;
}

guint
iku_grid_get_n_cells (const IkuGrid *grid)
{
  g_return_val_if_fail (grid != NULL, 0);
  return g_hash_table_size (grid->cells);
}

const char *
iku_grid_get_sheet_name (const IkuGrid *grid)
{
  g_return_val_if_fail (grid != NULL, NULL);
  return grid->sheet_name;
}

/* The index of the first range whose end is at or after @row (ranges.len when none). */
static guint
first_range_ending_from (const GArray *ranges, guint row)
{
  guint lo = 0, hi = ranges->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (ranges, RowRange, mid).end < row)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/**
 * iku_grid_set_rows_hidden:
 * @first_row: 0-based
 * @n_rows: how many rows from @first_row (a repeated row's count)
 *
 * Marks the rows hidden (or visible again). The part at or beyond
 * IKU_MAX_ROWS is ignored.
 */
void
iku_grid_set_rows_hidden (IkuGrid *grid, guint first_row, guint n_rows, gboolean hidden)
{
  g_return_if_fail (grid != NULL);
  if (first_row >= IKU_MAX_ROWS || n_rows == 0)
    return;
  guint end = first_row + MIN (n_rows, IKU_MAX_ROWS - first_row);
  GArray *ranges = grid->hidden;
  /* The ranges that overlap [first_row, end) or touch it. */
  guint i = first_range_ending_from (ranges, first_row);
  guint j = i;
  while (j < ranges->len && g_array_index (ranges, RowRange, j).first <= end)
    j++;
  if (hidden)
    {
      RowRange merged = { first_row, end };
      if (j > i)
        {
          merged.first = MIN (merged.first, g_array_index (ranges, RowRange, i).first);
          merged.end = MAX (merged.end, g_array_index (ranges, RowRange, j - 1).end);
          g_array_remove_range (ranges, i, j - i);
        }
      g_array_insert_val (ranges, i, merged);
      return;
    }
  if (j == i)
    return;
  /* Ranges that only touch keep their rows; the others keep what lies outside. */
  RowRange left = g_array_index (ranges, RowRange, i);
  RowRange right = g_array_index (ranges, RowRange, j - 1);
  g_array_remove_range (ranges, i, j - i);
  if (right.end > end)
    {
      right.first = MAX (right.first, end);
      g_array_insert_val (ranges, i, right);
    }
  if (left.first < first_row)
    {
      left.end = MIN (left.end, first_row);
      g_array_insert_val (ranges, i, left);
    }
}

void
iku_grid_set_row_hidden (IkuGrid *grid, guint row, gboolean hidden)
{
  iku_grid_set_rows_hidden (grid, row, 1, hidden);
}

gboolean
iku_grid_is_row_hidden (const IkuGrid *grid, guint row)
{
  g_return_val_if_fail (grid != NULL, FALSE);
  guint i = first_range_ending_from (grid->hidden, row + 1);
  if (i >= grid->hidden->len)
    return FALSE;
  const RowRange *r = &g_array_index (grid->hidden, RowRange, i);
  return r->first <= row && row < r->end;
}

gboolean
iku_grid_has_hidden_rows (const IkuGrid *grid)
{
  g_return_val_if_fail (grid != NULL, FALSE);
  return grid->hidden->len > 0;
}

IkuBook *
iku_book_new (void)
{
  IkuBook *book = g_new0 (IkuBook, 1);
  book->sheets = g_ptr_array_new_with_free_func ((GDestroyNotify) iku_grid_free);
  book->active = -1;
  return book;
}

void
iku_book_free (IkuBook *book)
{
  if (book == NULL)
    return;
  g_ptr_array_unref (book->sheets);
  g_free (book);
}

/**
 * iku_book_add_sheet:
 * @grid: (transfer full): the next sheet in document order
 */
void
iku_book_add_sheet (IkuBook *book,
                    IkuGrid *grid)
{
  g_return_if_fail (book != NULL && grid != NULL);
  g_ptr_array_add (book->sheets, grid);
}

guint
iku_book_get_n_sheets (const IkuBook *book)
{
  g_return_val_if_fail (book != NULL, 0);
  return book->sheets->len;
}

const IkuGrid *
iku_book_get_sheet (const IkuBook *book,
                    guint          index)
{
  g_return_val_if_fail (book != NULL, NULL);
  g_return_val_if_fail (index < book->sheets->len, NULL);
  return g_ptr_array_index (book->sheets, index);
}

/* The sheet the user looks at (in Calc); the schema is read from it when it
 * has a header row, else from the first sheet that has one. */
void
iku_book_set_active (IkuBook *book,
                     guint    index)
{
  g_return_if_fail (book != NULL);
  g_return_if_fail (index < book->sheets->len);
  book->active = (gint) index;
}

gint
iku_book_get_active (const IkuBook *book)
{
  g_return_val_if_fail (book != NULL, -1);
  return book->active;
}
