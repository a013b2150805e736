/* SPDX-License-Identifier: GPL-3.0-or-later
 * The selected employees (see iku-uno-selection.h). */
#include "iku-uno-selection.h"

#include "iku-schema.h"
#include "iku-text.h"
#include "iku-uno-call.h"
#include "iku-uno-error.h"
#include "iku-uno-sheet.h"
#include "iku-uno-value.h"

GArray *
iku_uno_selection_dup_rows (uno_Interface *view,
                            guint          sheet_index,
                            GError       **error)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (IkuUnoRowSpan));
  g_autoptr(uno_Interface) selected = NULL;
  uno_Any selection;

  g_return_val_if_fail (view != NULL, NULL);

  if (!iku_uno_call (view, "com.sun.star.view.XSelectionSupplier::getSelection", &selection, NULL,
                     error))
    return NULL;
  selected = iku_uno_any_dup_interface (&selection);
  uno_any_destruct (&selection, NULL);
  if (selected != NULL && !iku_uno_sheet_collect_rows (selected, sheet_index, spans, error))
    return NULL;
  return g_steal_pointer (&spans);
}

typedef struct {
  const IkuGrid *from;
  IkuGrid       *to;
  guint          header_row;
  gint           team_col;
  const char   **owners;    /* per row below the header: the owner's key, or NULL */
  GHashTable    *selected;  /* keys of the employees kept */
  GError        *error;
} Copy;

static gboolean
keeps (const Copy *copy,
       guint       row,
       guint       col)
{
  const char *owner;

  if (row <= copy->header_row || (gint) col == copy->team_col)
    return TRUE;
  owner = copy->owners[row - copy->header_row - 1];
  return owner != NULL && g_hash_table_contains (copy->selected, owner);
}

static void
copy_cell (guint       row,
           guint       col,
           const char *text,
           gpointer    user_data)
{
  Copy *copy = user_data;

  if (copy->error == NULL && keeps (copy, row, col) &&
      !iku_grid_set_cell (copy->to, row, col, text, -1, &copy->error))
    g_prefix_error (&copy->error, "markeringen: ");
}

static void
copy_refused_cell (guint       row,
                   guint       col,
                   const char *text,
                   gpointer    user_data)
{
  Copy *copy = user_data;

  if (copy->error == NULL && keeps (copy, row, col) &&
      !iku_grid_refuse_cell (copy->to, row, col, &copy->error))
    g_prefix_error (&copy->error, "markeringen: ");
}

static gboolean
in_spans (const GArray *spans,
          guint         row)
{
  for (guint i = 0; i < spans->len; i++)
    {
      const IkuUnoRowSpan *span = &g_array_index (spans, IkuUnoRowSpan, i);

      if (span->first <= row && row <= span->last)
        return TRUE;
    }
  return FALSE;
}

IkuGrid *
iku_uno_selection_filter_grid (const IkuGrid *grid,
                               const GArray  *spans,
                               guint         *n_left_out,
                               GError       **error)
{
  g_autoptr(IkuGrid) to = NULL;
  g_autoptr(GHashTable) keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) selected = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree const char **owners = NULL;
  guint header_row = 0, n_rows;
  gint name_col, individual_col, team_col;
  const char *current = NULL;
  Copy copy;

  g_return_val_if_fail (grid != NULL && spans != NULL && n_left_out != NULL, NULL);

  if (!iku_schema_find_header (grid, &header_row, &name_col, &individual_col, &team_col) ||
      name_col < 0)
    {
      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_ARGUMENT,
                   "Arket »%s« er ikke et kompetenceskema.", iku_grid_get_sheet_name (grid));
      return NULL;
    }
  n_rows = iku_grid_get_n_rows (grid);
  owners = g_new0 (const char *, n_rows > header_row ? n_rows - header_row : 1);
  /* Who each row belongs to, as the schema reads it: a name starts an employee
   * (the same name again is the same employee), a row without one continues the
   * employee above. */
  for (guint row = header_row + 1; row < n_rows; row++)
    {
      const char *name = iku_grid_get_cell (grid, row, (guint) name_col);

      if (iku_grid_is_refused_cell (grid, row, (guint) name_col))
        current = NULL;
      else if (!iku_text_is_blank (name))
        {
          g_autofree char *clean = iku_text_dup_clean_name (name);
          char *key = iku_text_dup_key (clean);

          current = g_hash_table_lookup (keys, key);
          if (current == NULL)
            {
              g_hash_table_add (keys, key);
              current = key;
            }
          else
            g_free (key);
        }
      owners[row - header_row - 1] = current;
      if (current != NULL && in_spans (spans, row))
        g_hash_table_add (selected, (gpointer) current);
    }
  if (g_hash_table_size (selected) == 0)
    {
      g_autofree char *cell = iku_grid_dup_cell_name (header_row, (guint) name_col);
      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_ARGUMENT,
                   "Markeringen rammer ingen medarbejder i skemaet på arket »%s«. Markér en "
                   "celle i rækken med medarbejderens navn (kolonnen under %s) eller i en af "
                   "rækkerne under navnet, og prøv igen. Markér flere rækker for flere "
                   "medarbejdere.", iku_grid_get_sheet_name (grid), cell);
      return NULL;
    }

  to = iku_grid_new (iku_grid_get_sheet_name (grid));
  copy = (Copy) { grid, to, header_row, team_col, owners, selected, NULL };
  iku_grid_foreach_cell (grid, copy_cell, &copy);
  iku_grid_foreach_refused_cell (grid, copy_refused_cell, &copy);
  if (copy.error != NULL)
    {
      g_propagate_error (error, copy.error);
      return NULL;
    }
  if (iku_grid_has_hidden_rows (grid))
    for (guint row = 0; row < n_rows; row++)
      if (iku_grid_is_row_hidden (grid, row))
        iku_grid_set_row_hidden (to, row, TRUE);
  *n_left_out = g_hash_table_size (keys) - g_hash_table_size (selected);
  return g_steal_pointer (&to);
}
