/* SPDX-License-Identifier: GPL-3.0-or-later
 * The merged areas of one sheet (table:number-columns-spanned and
 * table:number-rows-spanned): Calc hides every cell inside an area but its
 * first, whatever element holds it, ordinary cell or covered cell.
 *
 * Areas arrive in document order, so every area known started at or above the
 * current row; one whose rows are past is dead and removed when met. The
 * areas alive never overlap (an anchor inside an area is hidden, and its own
 * span ignored; a span that runs into an area to its right is cut there), so
 * the one that may hold a column is the last one starting at or before it: a
 * balanced tree by first column finds it in O(log n). */
#include "iku-book-private.h"

typedef struct {
  guint64 col;      /* first column: the key */
  guint64 row;      /* first row */
  guint64 col_end;  /* exclusive */
  guint64 row_end;  /* exclusive */
} Area;

struct _IkuBookMerges
{
  GTree *areas;  /* &Area.col -> Area, owned */
  guint  n_added;
};

static guint64
saturating_add (guint64 a, guint64 b)
{
  return a > G_MAXUINT64 - b ? G_MAXUINT64 : a + b;
}

static gint
compare_col (gconstpointer a, gconstpointer b, gpointer unused)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;
  return x < y ? -1 : (x > y);
}

IkuBookMerges *
iku_book_merges_new (void)
{
  IkuBookMerges *merges = g_new0 (IkuBookMerges, 1);
  merges->areas = g_tree_new_full (compare_col, NULL, NULL, g_free);
  return merges;
}

void
iku_book_merges_free (IkuBookMerges *merges)
{
  if (merges == NULL)
    return;
  g_tree_destroy (merges->areas);
  g_free (merges);
}

guint
iku_book_merges_get_n_added (const IkuBookMerges *merges)
{
  g_return_val_if_fail (merges != NULL, 0);
  return merges->n_added;
}

/* The last area starting at or before @col, dead ones removed on the way. */
static Area *
area_at_or_before (IkuBookMerges *merges, guint64 col, guint64 row)
{
  for (;;)
    {
      GTreeNode *after = g_tree_upper_bound (merges->areas, &col);
      GTreeNode *node = after != NULL ? g_tree_node_previous (after)
                                      : g_tree_node_last (merges->areas);
      if (node == NULL)
        return NULL;
      Area *area = g_tree_node_value (node);
      if (area->row_end > row)
        return area;
      g_tree_remove (merges->areas, &area->col);
    }
}

/**
 * iku_book_merges_covers:
 *
 * Returns: whether (@row, @col) lies inside a merged area and is not its first
 * cell: Calc does not show it. @row never decreases between calls.
 */
gboolean
iku_book_merges_covers (IkuBookMerges *merges, guint64 row, guint64 col)
{
  g_return_val_if_fail (merges != NULL, FALSE);
  Area *area = area_at_or_before (merges, col, row);
  if (area == NULL || col >= area->col_end || row < area->row)
    return FALSE;
  return row != area->row || col != area->col;
}

/**
 * iku_book_merges_add:
 *
 * Adds the area of @n_rows by @n_cols whose first cell is (@row, @col), a cell
 * iku_book_merges_covers() said is shown. Columns that already belong to an
 * area further right are left to it.
 */
void
iku_book_merges_add (IkuBookMerges *merges, guint64 row, guint64 col, guint64 n_rows,
                     guint64 n_cols)
{
  g_return_if_fail (merges != NULL);
  if (n_rows <= 1 && n_cols <= 1)
    return;

  guint64 col_end = saturating_add (col, MAX (n_cols, 1));
  for (;;)
    {
      GTreeNode *next = g_tree_upper_bound (merges->areas, &col);
      if (next == NULL)
        break;
      Area *right = g_tree_node_value (next);
      if (right->col >= col_end)
        break;
      if (right->row_end > row)
        {
          col_end = right->col;   /* alive: it keeps its columns */
          break;
        }
      g_tree_remove (merges->areas, &right->col);
    }

  /* A dead area starting in the same column gives way. */
  g_tree_remove (merges->areas, &col);
  Area *area = g_new (Area, 1);
  *area = (Area) { col, row, col_end, saturating_add (row, MAX (n_rows, 1)) };
  g_tree_insert (merges->areas, &area->col, area);
  merges->n_added++;
}
