/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuSchema: the rules of PRODUCT.md "Reading the schema", applied to a workbook.
 * Rows and columns are 0-based inside; every message names 1-based sheet rows. */
#include "iku-schema-private.h"
#include "iku-limits.h"
#include "iku-text.h"

#include <string.h>

G_DEFINE_QUARK (iku-schema-error-quark, iku_schema_error)

struct _IkuEmployee
{
  char      *name;    /* first spelling, cleaned */
  char      *key;     /* case-folded name */
  guint      row;     /* 1-based row of the first appearance */
  GPtrArray *items;   /* char *, NULL-terminated */
  GArray    *rows;    /* guint, 1-based rows that named this employee */
  guint      n_visible; /* of those rows, the visible ones */
  char      *refused; /* the first cell of theirs too large to use, or NULL: no IKU */
};

struct _IkuSchema
{
  char       *sheet_name;
  char       *team;
  char       *leader;
  char       *date;
  char       *follow_up;
  GPtrArray  *team_items;   /* char *, NULL-terminated */
  GPtrArray  *employees;    /* IkuEmployee * */
  GPtrArray  *warnings;     /* char *, NULL-terminated */
  guint       n_refused;    /* employees left out for a refused cell */
  GPtrArray  *hidden;       /* IkuEmployee *: left out, every name row hidden */
  IkuSchemaFlags flags;
};

static void
employee_free (IkuEmployee *e)
{
  g_free (e->name);
  g_free (e->key);
  g_ptr_array_unref (e->items);
  g_array_unref (e->rows);
  g_free (e->refused);
  g_free (e);
}

void
iku_schema_free (IkuSchema *schema)
{
  if (schema == NULL)
    return;
  g_free (schema->sheet_name);
  g_free (schema->team);
  g_free (schema->leader);
  g_free (schema->date);
  g_free (schema->follow_up);
  g_ptr_array_unref (schema->team_items);
  g_ptr_array_unref (schema->employees);
  g_ptr_array_unref (schema->hidden);
  g_ptr_array_unref (schema->warnings);
  g_free (schema);
}

static GPtrArray *
new_strv_array (void)
{
  GPtrArray *a = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  return a;
}

static void
warn (IkuSchema *schema, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
warn (IkuSchema *schema, const char *format, ...)
{
  va_list args;
  va_start (args, format);
  g_ptr_array_add (schema->warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/* ---- the rows ------------------------------------------------------------- */

typedef struct
{
  const IkuSchemaColumns *layout;
  GHashTable   *rows;   /* set of rows below the header with content in a used column */
} RowScan;

static void
collect_row (guint row, guint col, const char *text, gpointer user_data)
{
  RowScan *scan = user_data;
  if (row <= scan->layout->header_row)
    return;
  for (int role = ROLE_NAME; role <= ROLE_TEAM; role++)
    if (scan->layout->col[role] == (gint) col)
      g_hash_table_add (scan->rows, GUINT_TO_POINTER (row));
}

static gint
compare_uint (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;
  return x < y ? -1 : (x > y);
}

/* The name of the cell of @role in @row when it was refused as too large, else NULL. */
static char *
refused_cell_of (const IkuGrid *grid, const IkuSchemaColumns *layout, guint row, ColumnRole role)
{
  if (layout->col[role] < 0 || !iku_grid_is_refused_cell (grid, row, (guint) layout->col[role]))
    return NULL;
  return iku_grid_dup_cell_name (row, (guint) layout->col[role]);
}

static const char *
cell_of (const IkuGrid *grid, const IkuSchemaColumns *layout, guint row, ColumnRole role)
{
  if (layout->col[role] < 0)
    return NULL;
  const char *text = iku_grid_get_cell (grid, row, (guint) layout->col[role]);
  return iku_text_is_blank (text) ? NULL : text;
}

static IkuEmployee *
employee_for_name (IkuSchema *schema, GHashTable *by_key, const char *name, guint row,
                   gboolean visible)
{
  g_autofree char *key = iku_text_dup_key (name);
  IkuEmployee *e = g_hash_table_lookup (by_key, key);
  if (e == NULL)
    {
      e = g_new0 (IkuEmployee, 1);
      e->name = g_strdup (name);
      e->key = g_steal_pointer (&key);
      e->row = row;
      e->items = new_strv_array ();
      e->rows = g_array_new (FALSE, FALSE, sizeof (guint));
      g_ptr_array_add (schema->employees, e);
      g_hash_table_insert (by_key, e->key, e);
    }
  g_array_append_val (e->rows, row);
  e->n_visible += visible;
  return e;
}

static void
add_team_item (IkuSchema *schema, GHashTable *seen, const char *text)
{
  g_autofree char *item = iku_text_dup_trimmed (text);
  g_autofree char *key = iku_text_dup_clean_name (item);
  if (g_hash_table_contains (seen, key))
    return;
  g_hash_table_add (seen, g_steal_pointer (&key));
  g_ptr_array_add (schema->team_items, g_steal_pointer (&item));
}

static char *
dup_rows_text (GArray *rows)
{
  GString *s = g_string_new (NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      if (i > 0)
        g_string_append (s, i + 1 == rows->len ? " og " : ", ");
      g_string_append_printf (s, "%u", g_array_index (rows, guint, i));
    }
  return g_string_free (s, FALSE);
}

static void
read_rows (IkuSchema *schema, const IkuGrid *grid, const IkuSchemaColumns *layout)
{
  RowScan scan = { layout, g_hash_table_new (NULL, NULL) };
  iku_grid_foreach_cell (grid, collect_row, &scan);
  iku_grid_foreach_refused_cell (grid, collect_row, &scan);
  GArray *rows = g_array_sized_new (FALSE, FALSE, sizeof (guint), g_hash_table_size (scan.rows));
  GHashTableIter iter;
  gpointer key;
  g_hash_table_iter_init (&iter, scan.rows);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint r = GPOINTER_TO_UINT (key);
      g_array_append_val (rows, r);
    }
  g_array_sort (rows, compare_uint);
  g_hash_table_unref (scan.rows);

  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) team_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  IkuEmployee *current = NULL;
  gboolean current_rejected = FALSE;   /* the name above was unusable: drop, never misattribute */

  for (guint i = 0; i < rows->len; i++)
    {
      guint row = g_array_index (rows, guint, i);
      guint shown_row = row + 1;
      const char *name = cell_of (grid, layout, row, ROLE_NAME);
      const char *individual = cell_of (grid, layout, row, ROLE_INDIVIDUAL);
      const char *team = cell_of (grid, layout, row, ROLE_TEAM);
      g_autofree char *refused_name = refused_cell_of (grid, layout, row, ROLE_NAME);
      g_autofree char *refused_individual = refused_cell_of (grid, layout, row, ROLE_INDIVIDUAL);
      g_autofree char *refused_team = refused_cell_of (grid, layout, row, ROLE_TEAM);

      if (refused_name != NULL)
        {
          warn (schema, "Række %u: cellen %s indeholder mere end %d KB tekst og ligner ikke et navn. "
                "Rækken kommer ikke med i nogen IKU; ret navnet, og lav IKU'erne igen.",
                shown_row, refused_name, IKU_MAX_CELL_BYTES / 1024);
          current = NULL;
          current_rejected = TRUE;
        }
      else if (name != NULL)
        {
          g_autofree char *clean = iku_text_dup_clean_name (name);
          if (strlen (clean) > IKU_MAX_NAME_BYTES)
            {
              warn (schema, "Række %u: navnet fylder mere end %d byte og ligner ikke et navn. "
                    "Rækken kommer ikke med i nogen IKU; ret navnet, og lav IKU'erne igen.",
                    shown_row, IKU_MAX_NAME_BYTES);
              current = NULL;
              current_rejected = TRUE;
            }
          else
            {
              gboolean visible = (schema->flags & IKU_SCHEMA_FLAGS_INCLUDE_HIDDEN_ROWS)
                                 || !iku_grid_is_row_hidden (grid, row);
              current = employee_for_name (schema, by_key, clean, shown_row, visible);
              current_rejected = FALSE;
            }
        }

      if (refused_individual != NULL)
        {
          if (current != NULL && current->refused == NULL)
            current->refused = g_strdup_printf ("Række %u: cellen %s indeholder mere end %d KB tekst, "
                                                "så der er ikke lavet en IKU for »%s«. Forkort teksten, "
                                                "eller del den op i flere rækker, og lav IKU'erne igen.",
                                                shown_row, refused_individual, IKU_MAX_CELL_BYTES / 1024,
                                                current->name);
          else if (current == NULL)
            warn (schema, "Række %u: cellen %s indeholder mere end %d KB tekst og intet navn; "
                  "den kommer ikke med i nogen IKU.", shown_row, refused_individual,
                  IKU_MAX_CELL_BYTES / 1024);
        }

      if (individual != NULL)
        {
          if (current != NULL)
            g_ptr_array_add (current->items, iku_text_dup_trimmed (individual));
          else if (!current_rejected)
            warn (schema, "Række %u: der står individuelt indhold, men intet navn i rækken eller "
                  "over den. Indholdet kommer ikke med i nogen IKU; skriv medarbejderens navn i rækken.",
                  shown_row);
          else
            warn (schema, "Række %u: det individuelle indhold hører til et navn, der ikke kunne "
                  "bruges, og kommer ikke med i nogen IKU.", shown_row);
        }

      if (refused_team != NULL)
        warn (schema, "Række %u: teamindholdet i cellen %s er på mere end %d KB tekst og kommer ikke "
              "med i IKU'erne. Forkort teksten, eller del den op i flere rækker, og lav IKU'erne igen.",
              shown_row, refused_team, IKU_MAX_CELL_BYTES / 1024);
      if (team != NULL)
        add_team_item (schema, team_seen, team);
    }
  g_array_unref (rows);

  /* Every name row hidden or filtered out: no IKU, counted and told once. The
   * leader filtered the schema down to those who should get one now. */
  for (guint i = 0; i < schema->employees->len;)
    {
      IkuEmployee *e = g_ptr_array_index (schema->employees, i);
      if (e->n_visible > 0)
        {
          i++;
          continue;
        }
      g_ptr_array_add (schema->hidden, g_ptr_array_steal_index (schema->employees, i));
    }
  if (schema->hidden->len > 0)
    {
      g_autoptr(GArray) hidden_rows = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; i < schema->hidden->len; i++)
        g_array_append_val (hidden_rows, ((IkuEmployee *) g_ptr_array_index (schema->hidden, i))->row);
      g_autofree char *list = dup_rows_text (hidden_rows);
      if (schema->hidden->len == 1)
        warn (schema, "1 medarbejder er sprunget over, fordi rækken med navnet er skjult eller "
              "filtreret fra (række %s). Vis rækken, hvis medarbejderen også skal have en IKU.", list);
      else
        warn (schema, "%u medarbejdere er sprunget over, fordi rækkerne med deres navne er skjult "
              "eller filtreret fra (række %s). Vis rækkerne, hvis de også skal have en IKU.",
              schema->hidden->len, list);
    }

  /* An employee with a refused cell gets no IKU: one that silently lacked an
   * agreement must never reach the personnel file. */
  for (guint i = 0; i < schema->employees->len;)
    {
      IkuEmployee *e = g_ptr_array_index (schema->employees, i);
      if (e->refused == NULL)
        {
          i++;
          continue;
        }
      warn (schema, "%s", e->refused);
      g_ptr_array_remove_index (schema->employees, i);
      schema->n_refused++;
    }

  for (guint i = 0; i < schema->employees->len; i++)
    {
      IkuEmployee *e = g_ptr_array_index (schema->employees, i);
      if (e->rows->len > 1)
        {
          g_autofree char *list = dup_rows_text (e->rows);
          warn (schema, "»%s« står i flere rækker (%s). Indholdet er samlet i én IKU; "
                "er det to forskellige personer, så skriv deres fulde navne.", e->name, list);
        }
      if (e->items->len == 0)
        warn (schema, "Række %u: »%s« har intet individuelt indhold; IKU'en viser kun teamfokus.",
              e->row, e->name);
    }
}

/* ---- construction ----------------------------------------------------------- */

static IkuSchema *
schema_from_layout (const IkuGrid *grid, const IkuSchemaColumns *layout, IkuSchemaFlags flags,
                    GError **error)
{
  g_autoptr(IkuSchema) schema = g_new0 (IkuSchema, 1);
  schema->flags = flags;
  schema->sheet_name = g_strdup (iku_grid_get_sheet_name (grid));
  schema->hidden = g_ptr_array_new_with_free_func ((GDestroyNotify) employee_free);
  schema->team_items = new_strv_array ();
  schema->employees = g_ptr_array_new_with_free_func ((GDestroyNotify) employee_free);
  schema->warnings = new_strv_array ();

  iku_schema_columns_read_area (grid, layout->header_row, &schema->team, &schema->leader,
                                &schema->date, &schema->follow_up);
  read_rows (schema, grid, layout);

  if (schema->employees->len == 0 && schema->hidden->len > 0)
    {
      g_set_error (error, IKU_SCHEMA_ERROR, IKU_SCHEMA_ERROR_NO_EMPLOYEES,
                   "Der kan ikke laves nogen IKU'er fra arket »%s«: %s er skjult eller filtreret "
                   "fra. Vis rækkerne, eller fjern filteret, og prøv igen.", schema->sheet_name,
                   schema->hidden->len == 1 ? "rækken med den eneste medarbejder"
                                            : "rækkerne med alle medarbejderne");
      return NULL;
    }
  if (schema->employees->len == 0 && schema->n_refused > 0)
    {
      g_set_error (error, IKU_SCHEMA_ERROR, IKU_SCHEMA_ERROR_NO_EMPLOYEES,
                   "Der kan ikke laves nogen IKU'er. %s",
                   (const char *) g_ptr_array_index (schema->warnings, schema->warnings->len - 1));
      return NULL;
    }
  if (schema->employees->len == 0)
    {
      g_autofree char *cell = iku_grid_dup_cell_name (layout->header_row, (guint) layout->col[ROLE_NAME]);
      g_set_error (error, IKU_SCHEMA_ERROR, IKU_SCHEMA_ERROR_NO_EMPLOYEES,
                   "Skemaet i arket »%s« har ingen medarbejdere. Skriv medarbejdernes navne "
                   "i kolonnen under overskriften i %s, og prøv igen.",
                   schema->sheet_name, cell);
      return NULL;
    }
  return g_steal_pointer (&schema);
}

static void
set_no_header_error (GError **error)
{
  g_set_error (error, IKU_SCHEMA_ERROR, IKU_SCHEMA_ERROR_NO_HEADER,
               "Regnearket har ikke kompetenceskemaets kolonneoverskrifter. Skemaet skal have "
               "en række med »Indsæt navn på medarbejder«, »Indsæt indhold vedrørende "
               "medarbejder« og »Indsæt indhold vedrørende teamet« (eller de korte former "
               "»Navn«, »Individuelt fokus« og »Teamfokus«).");
}

/**
 * iku_schema_new_from_grid_full:
 * @flags: how hidden rows are read
 *
 * Applies the schema rules to one sheet.
 * Returns: (transfer full): the schema, or NULL with @error set
 * (IKU_SCHEMA_ERROR_NO_HEADER, IKU_SCHEMA_ERROR_NO_EMPLOYEES).
 */
IkuSchema *
iku_schema_new_from_grid_full (const IkuGrid *grid, IkuSchemaFlags flags, GError **error)
{
  g_return_val_if_fail (grid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  IkuSchemaColumns layout;
  if (!iku_schema_columns_find (grid, &layout))
    {
      set_no_header_error (error);
      return NULL;
    }
  return schema_from_layout (grid, &layout, flags, error);
}

IkuSchema *
iku_schema_new_from_grid (const IkuGrid *grid, GError **error)
{
  return iku_schema_new_from_grid_full (grid, IKU_SCHEMA_FLAGS_NONE, error);
}

/**
 * iku_schema_new_from_book_full:
 * @flags: how hidden rows are read
 *
 * Reads the schema from the active sheet when it has a header row, else from
 * the first sheet (in order) that has one.
 * Returns: (transfer full): the schema, or NULL with @error set.
 */
IkuSchema *
iku_schema_new_from_book_full (const IkuBook *book, IkuSchemaFlags flags, GError **error)
{
  g_return_val_if_fail (book != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  gint active = iku_book_get_active (book);
  IkuSchemaColumns layout;
  if (active >= 0)
    {
      const IkuGrid *grid = iku_book_get_sheet (book, (guint) active);
      if (iku_schema_columns_find (grid, &layout))
        return schema_from_layout (grid, &layout, flags, error);
    }
  for (guint i = 0; i < iku_book_get_n_sheets (book); i++)
    {
      const IkuGrid *grid = iku_book_get_sheet (book, i);
      if ((gint) i != active && iku_schema_columns_find (grid, &layout))
        return schema_from_layout (grid, &layout, flags, error);
    }
  set_no_header_error (error);
  return NULL;
}

IkuSchema *
iku_schema_new_from_book (const IkuBook *book, GError **error)
{
  return iku_schema_new_from_book_full (book, IKU_SCHEMA_FLAGS_NONE, error);
}

gboolean
iku_schema_grid_is_schema (const IkuGrid *grid)
{
  g_return_val_if_fail (grid != NULL, FALSE);
  IkuSchemaColumns layout;
  return iku_schema_columns_find (grid, &layout);
}

gboolean
iku_schema_is_button_cell (const IkuGrid *grid, guint row, guint col)
{
  g_return_val_if_fail (grid != NULL, FALSE);
  if (!iku_schema_is_button_text (iku_grid_get_cell (grid, row, col)))
    return FALSE;
  IkuSchemaColumns layout;
  return iku_schema_columns_find (grid, &layout) && row < layout.header_row;
}

/* ---- accessors ---------------------------------------------------------------- */

const char *
iku_schema_get_sheet_name (const IkuSchema *schema)
{
  g_return_val_if_fail (schema != NULL, NULL);
  return schema->sheet_name;
}

char *
iku_schema_dup_label (const IkuSchema *schema)
{
  g_return_val_if_fail (schema != NULL, NULL);
  if (schema->team == NULL)
    return g_strdup_printf ("arket »%s«", schema->sheet_name);
  return g_strdup_printf ("arket »%s« (team %s)", schema->sheet_name, schema->team);
}

const char *
iku_schema_get_team (const IkuSchema *schema)
{
  g_return_val_if_fail (schema != NULL, NULL);
  return schema->team;
}

const char *
iku_schema_get_leader (const IkuSchema *schema)
{
  g_return_val_if_fail (schema != NULL, NULL);
  return schema->leader;
}

const char *
iku_schema_get_date (const IkuSchema *schema)
{
  g_return_val_if_fail (schema != NULL, NULL);
  return schema->date;
}

const char *
iku_schema_get_follow_up (const IkuSchema *schema)
{
  g_return_val_if_fail (schema != NULL, NULL);
  return schema->follow_up;
}

void
iku_schema_set_date (IkuSchema *schema, const char *date)
{
  g_return_if_fail (schema != NULL);
  g_free (schema->date);
  schema->date = iku_text_is_blank (date) ? NULL : iku_text_dup_clean_name (date);
}

const char * const *
iku_schema_get_team_items (const IkuSchema *schema, guint *n_items)
{
  g_return_val_if_fail (schema != NULL, NULL);
  if (n_items != NULL)
    *n_items = schema->team_items->len;
  return (const char * const *) schema->team_items->pdata;
}

guint
iku_schema_get_n_employees (const IkuSchema *schema)
{
  g_return_val_if_fail (schema != NULL, 0);
  return schema->employees->len;
}

const IkuEmployee *
iku_schema_get_employee (const IkuSchema *schema, guint index)
{
  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (index < schema->employees->len, NULL);
  return g_ptr_array_index (schema->employees, index);
}

guint
iku_schema_get_n_hidden_skipped (const IkuSchema *schema)
{
  g_return_val_if_fail (schema != NULL, 0);
  return schema->hidden->len;
}

const char *
iku_schema_get_hidden_skipped (const IkuSchema *schema, guint index, guint *row)
{
  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (index < schema->hidden->len, NULL);
  const IkuEmployee *e = g_ptr_array_index (schema->hidden, index);
  if (row != NULL)
    *row = e->row;
  return e->name;
}

const char * const *
iku_schema_get_warnings (const IkuSchema *schema, guint *n_warnings)
{
  g_return_val_if_fail (schema != NULL, NULL);
  if (n_warnings != NULL)
    *n_warnings = schema->warnings->len;
  return (const char * const *) schema->warnings->pdata;
}

const char *
iku_employee_get_name (const IkuEmployee *employee)
{
  g_return_val_if_fail (employee != NULL, NULL);
  return employee->name;
}

guint
iku_employee_get_row (const IkuEmployee *employee)
{
  g_return_val_if_fail (employee != NULL, 0);
  return employee->row;
}

const char * const *
iku_employee_get_items (const IkuEmployee *employee, guint *n_items)
{
  g_return_val_if_fail (employee != NULL, NULL);
  if (n_items != NULL)
    *n_items = employee->items->len;
  return (const char * const *) employee->items->pdata;
}
