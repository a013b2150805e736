/* SPDX-License-Identifier: GPL-3.0-or-later
 * Which schemas the command line exports; see iku-cli-schemas.h. */
#include "iku-cli-schemas.h"

GPtrArray *
iku_cli_schemas_read (const IkuBook *book, gboolean all_sheets, IkuSchemaFlags flags,
                      GPtrArray *warnings, GError **error)
{
  g_return_val_if_fail (book != NULL && warnings != NULL, NULL);
  g_autoptr(GPtrArray) schemas = g_ptr_array_new_with_free_func ((GDestroyNotify) iku_schema_free);
  if (!all_sheets)
    {
      IkuSchema *schema = iku_schema_new_from_book_full (book, flags, error);
      if (schema == NULL)
        return NULL;
      g_ptr_array_add (schemas, schema);
      return g_steal_pointer (&schemas);
    }
  GError *first = NULL;
  for (guint i = 0; i < iku_book_get_n_sheets (book); i++)
    {
      const IkuGrid *grid = iku_book_get_sheet (book, i);
      if (!iku_schema_grid_is_schema (grid))
        continue;
      GError *local = NULL;
      IkuSchema *schema = iku_schema_new_from_grid_full (grid, flags, &local);
      if (schema != NULL)
        {
          g_ptr_array_add (schemas, schema);
          continue;
        }
      g_ptr_array_add (warnings, g_strdup_printf ("Arket »%s« er sprunget over: %s",
                                                  iku_grid_get_sheet_name (grid), local->message));
      if (first == NULL)
        first = local;
      else
        g_error_free (local);
    }
  if (schemas->len > 0)
    {
      g_clear_error (&first);
      return g_steal_pointer (&schemas);
    }
  if (first != NULL)
    {
      g_propagate_error (error, first);
      return NULL;
    }
  /* No sheet has the header: the one-sheet rules give the usual message. */
  IkuSchema *schema = iku_schema_new_from_book_full (book, flags, error);
  if (schema == NULL)
    return NULL;
  g_ptr_array_add (schemas, schema);
  return g_steal_pointer (&schemas);
}

char *
iku_cli_schemas_dup_line (GPtrArray *schemas)
{
  g_return_val_if_fail (schemas != NULL && schemas->len > 0, NULL);
  GString *line = g_string_new ("Læst fra ");
  for (guint i = 0; i < schemas->len; i++)
    {
      g_autofree char *label = iku_schema_dup_label (g_ptr_array_index (schemas, i));
      if (i > 0)
        g_string_append (line, i + 1 == schemas->len ? " og " : ", ");
      g_string_append (line, label);
    }
  g_string_append_c (line, '.');
  return g_string_free (line, FALSE);
}
