/* SPDX-License-Identifier: GPL-3.0-or-later
 * The schema's fixed texts on a sheet: the header row (canonical and short
 * headers), the optional header area (Team, Leder, Dato) above it, and the
 * button text. Matching is by iku_text_dup_key(): case, white space and line
 * breaks do not matter. */
#include "iku-schema-private.h"
#include "iku-text.h"

#include <string.h>

/* Header texts, canonical form first; compared as iku_text_dup_key() keys. */
static const struct { const char *text; ColumnRole role; } header_texts[] = {
  { "Indsæt navn på medarbejder", ROLE_NAME },
  { "Navn", ROLE_NAME },
  { "Medarbejder", ROLE_NAME },
  { "Indsæt indhold vedrørende medarbejder", ROLE_INDIVIDUAL },
  { "Individuelt fokus", ROLE_INDIVIDUAL },
  { "Indsæt indhold vedrørende teamet", ROLE_TEAM },
  { "Teamfokus", ROLE_TEAM },
};

#define BUTTON_TEXT "Dobbeltklik for at lave PDF-filer"

/* ---- finding the header row -------------------------------------------- */

typedef struct
{
  GHashTable *key_roles;   /* key -> role, the header texts */
  char       *keys[G_N_ELEMENTS (header_texts)];
  GArray     *hits;        /* HeaderHit */
} HeaderScan;

typedef struct
{
  guint      row;
  guint      col;
  ColumnRole role;
} HeaderHit;

static void
collect_header_hit (guint row, guint col, const char *text, gpointer user_data)
{
  HeaderScan *scan = user_data;
  /* Header cells are short; skip the key work for long content cells. */
  if (strlen (text) > 200)
    return;
  /* Most cells are content: rule them out without the key work. */
  gboolean may_match = FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (scan->keys) && !may_match; i++)
    may_match = iku_text_may_match_key (text, scan->keys[i]);
  if (!may_match)
    return;
  g_autofree char *key = iku_text_dup_key (text);
  gpointer role = g_hash_table_lookup (scan->key_roles, key);
  if (role != NULL)
    {
      HeaderHit hit = { row, col, GPOINTER_TO_INT (role) };
      g_array_append_val (scan->hits, hit);
    }
}

static gint
compare_hits (gconstpointer a, gconstpointer b)
{
  const HeaderHit *x = a, *y = b;
  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  return x->col < y->col ? -1 : (x->col > y->col);
}

/* The first row (top to bottom) that has a name header and at least one content
 * header; within it, the leftmost cell of each role. */
gboolean
iku_schema_columns_find (const IkuGrid *grid, IkuSchemaColumns *layout)
{
  HeaderScan scan;
  scan.key_roles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (gsize i = 0; i < G_N_ELEMENTS (header_texts); i++)
    {
      scan.keys[i] = iku_text_dup_key (header_texts[i].text);
      g_hash_table_insert (scan.key_roles, g_strdup (scan.keys[i]),
                           GINT_TO_POINTER (header_texts[i].role));
    }
  scan.hits = g_array_new (FALSE, FALSE, sizeof (HeaderHit));
  iku_grid_foreach_cell (grid, collect_header_hit, &scan);
  g_array_sort (scan.hits, compare_hits);

  gboolean found = FALSE;
  for (guint i = 0; i < scan.hits->len && !found;)
    {
      guint row = g_array_index (scan.hits, HeaderHit, i).row;
      IkuSchemaColumns l = { row, { -1, -1, -1, -1 } };
      for (; i < scan.hits->len && g_array_index (scan.hits, HeaderHit, i).row == row; i++)
        {
          const HeaderHit *hit = &g_array_index (scan.hits, HeaderHit, i);
          if (l.col[hit->role] < 0)
            l.col[hit->role] = (gint) hit->col;
        }
      if (l.col[ROLE_NAME] >= 0 && (l.col[ROLE_INDIVIDUAL] >= 0 || l.col[ROLE_TEAM] >= 0))
        {
          *layout = l;
          found = TRUE;
        }
    }
  g_array_unref (scan.hits);
  g_hash_table_unref (scan.key_roles);
  for (gsize i = 0; i < G_N_ELEMENTS (scan.keys); i++)
    g_free (scan.keys[i]);
  return found;
}

gboolean
iku_schema_find_header (const IkuGrid *grid, guint *header_row, gint *name_col,
                        gint *individual_col, gint *team_col)
{
  IkuSchemaColumns columns;

  g_return_val_if_fail (grid != NULL && header_row != NULL && name_col != NULL &&
                        individual_col != NULL && team_col != NULL, FALSE);

  if (!iku_schema_columns_find (grid, &columns))
    return FALSE;
  *header_row = columns.header_row;
  *name_col = columns.col[ROLE_NAME];
  *individual_col = columns.col[ROLE_INDIVIDUAL];
  *team_col = columns.col[ROLE_TEAM];
  return TRUE;
}

/* ---- the header area ------------------------------------------------------ */

typedef struct
{
  guint       header_row;
  const char *keys[4];   /* Team, Leder, Dato, Opfølgning */
  /* Leftmost-topmost label cells, -1 row when absent. */
  gint        label_row[4];
  guint       label_col[4];
} AreaScan;

static void
collect_area_label (guint row, guint col, const char *text, gpointer user_data)
{
  AreaScan *scan = user_data;
  if (row >= scan->header_row || strlen (text) > 40)
    return;
  g_autofree char *key = iku_text_dup_key (text);
  gsize len = strlen (key);
  if (len > 0 && key[len - 1] == ':')
    key[--len] = '\0';
  g_strchomp (key);
  for (guint i = 0; i < G_N_ELEMENTS (scan->keys); i++)
    if (strcmp (key, scan->keys[i]) == 0
        && (scan->label_row[i] < 0 || row < (guint) scan->label_row[i]
            || (row == (guint) scan->label_row[i] && col < scan->label_col[i])))
      {
        scan->label_row[i] = (gint) row;
        scan->label_col[i] = col;
      }
}

static char *
value_right_of (const IkuGrid *grid, guint row, guint col)
{
  guint n_cols = iku_grid_get_n_cols (grid);
  for (guint c = col + 1; c < n_cols; c++)
    {
      const char *text = iku_grid_get_cell (grid, row, c);
      if (!iku_text_is_blank (text))
        return iku_text_dup_clean_name (text);
    }
  return NULL;
}

/**
 * iku_schema_columns_read_area:
 *
 * The optional header area above @header_row: cells labelled Team, Leder, Dato
 * and Opfølgning (the team plan's follow-up; a trailing colon allowed) and the
 * next non-empty cell to their right. Each result is (transfer full), NULL when
 * the schema does not give it.
 */
void
iku_schema_columns_read_area (const IkuGrid *grid, guint header_row,
                              char **team, char **leader, char **date, char **follow_up)
{
  g_autofree char *team_key = iku_text_dup_key ("Team");
  g_autofree char *leader_key = iku_text_dup_key ("Leder");
  g_autofree char *date_key = iku_text_dup_key ("Dato");
  g_autofree char *follow_up_key = iku_text_dup_key ("Opfølgning");
  AreaScan scan = { header_row, { team_key, leader_key, date_key, follow_up_key },
                    { -1, -1, -1, -1 }, { 0, 0, 0, 0 } };
  iku_grid_foreach_cell (grid, collect_area_label, &scan);
  char **slots[4] = { team, leader, date, follow_up };
  for (int i = 0; i < 4; i++)
    *slots[i] = scan.label_row[i] >= 0
                ? value_right_of (grid, (guint) scan.label_row[i], scan.label_col[i]) : NULL;
}

gboolean
iku_schema_is_button_text (const char *text)
{
  if (text == NULL || strlen (text) > 200)
    return FALSE;
  g_autofree char *key = iku_text_dup_key (text);
  g_autofree char *button = iku_text_dup_key (BUTTON_TEXT);
  return strcmp (key, button) == 0;
}
