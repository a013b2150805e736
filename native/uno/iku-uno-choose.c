/* SPDX-License-Identifier: GPL-3.0-or-later
 * Which sheets an export uses (see iku-uno-choose.h). */
#include "iku-uno-choose.h"

#include "iku-uno-error.h"
#include "iku-uno-pick.h"

static gboolean
is_schema_sheet (const IkuGrid *grid)
{
  guint header_row;
  gint name_col, individual_col, team_col;

  return iku_schema_find_header (grid, &header_row, &name_col, &individual_col, &team_col);
}

char *
iku_uno_choose_dup_name (const IkuSchema *schema,
                         IkuUnoLang       lang)
{
  const char *team;

  g_return_val_if_fail (schema != NULL, NULL);

  team = iku_schema_get_team (schema);
  if (team != NULL && *team != '\0')
    return iku_uno_l10n_format (lang, IKU_UNO_TEXT_SHEET_NAME_TEAM,
                                iku_schema_get_sheet_name (schema), team);
  return iku_uno_l10n_format (lang, IKU_UNO_TEXT_SHEET_NAME, iku_schema_get_sheet_name (schema),
                              NULL);
}

/* A line of the pick list: the sheet, with its team when its header area names one. */
static char *
dup_list_line (const IkuGrid *grid,
               IkuUnoLang     lang)
{
  g_autoptr(IkuSchema) schema = iku_schema_new_from_grid (grid, NULL);

  if (schema != NULL)
    return iku_uno_choose_dup_name (schema, lang);
  return iku_uno_l10n_format (lang, IKU_UNO_TEXT_SHEET_NAME, iku_grid_get_sheet_name (grid), NULL);
}

/* The candidate the person picks; FALSE with IKU_UNO_ERROR_CANCELLED when they
 * cancel. A dialog that cannot be shown falls back to the first candidate. */
static gboolean
ask (const IkuBook *book,
     const GArray  *candidates,
     const char    *active_name,
     IkuUnoUi      *ui,
     guint         *picked,
     GError       **error)
{
  IkuUnoLang lang = iku_uno_ui_get_language (ui);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_null_terminated (candidates->len, g_free, TRUE);
  g_autoptr(GError) dialog_error = NULL;
  g_autofree char *prompt = iku_uno_l10n_format (lang, IKU_UNO_TEXT_PICK_PROMPT, active_name, NULL);
  gint index;

  for (guint i = 0; i < candidates->len; i++)
    g_ptr_array_add (lines, dup_list_line (iku_book_get_sheet (book, g_array_index (candidates,
                                                                                    guint, i)),
                                           lang));
  index = iku_uno_pick (iku_uno_ui_get_context (ui), iku_uno_ui_get_frame (ui),
                        iku_uno_l10n_get (lang, IKU_UNO_TEXT_PICK_TITLE), prompt,
                        (const char * const *) lines->pdata, lines->len,
                        iku_uno_l10n_get (lang, IKU_UNO_TEXT_OK),
                        iku_uno_l10n_get (lang, IKU_UNO_TEXT_CANCEL), &dialog_error);
  if (index == -1)
    {
      g_set_error_literal (error, IKU_UNO_ERROR, IKU_UNO_ERROR_CANCELLED,
                           "Der er ikke valgt noget ark, så der er ikke lavet nogen IKU'er.");
      return FALSE;
    }
  if (index < 0)
    {
      g_warning ("the dialog that asks for the sheet could not be shown: %s",
                 dialog_error->message);
      index = 0;
    }
  *picked = g_array_index (candidates, guint, index);
  return TRUE;
}

static gboolean
find_named (const IkuBook *book,
            const char    *sheet_name,
            guint         *index,
            GError       **error)
{
  for (guint i = 0; i < iku_book_get_n_sheets (book); i++)
    {
      const IkuGrid *grid = iku_book_get_sheet (book, i);

      if (g_strcmp0 (iku_grid_get_sheet_name (grid), sheet_name) != 0)
        continue;
      if (!is_schema_sheet (grid))
        {
          g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_ARGUMENT,
                       "Arket »%s« er ikke et kompetenceskema: det har ikke kolonneoverskrifterne "
                       "»Indsæt navn på medarbejder«, »Indsæt indhold vedrørende medarbejder« og "
                       "»Indsæt indhold vedrørende teamet«.", sheet_name);
          return FALSE;
        }
      *index = i;
      return TRUE;
    }
  g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_ARGUMENT,
               "Regnearket har intet ark, der hedder »%s«.", sheet_name);
  return FALSE;
}

/* The note of a sheet taken among several without asking. */
static char *
dup_first_taken_note (const IkuBook *book,
                      const GArray  *candidates,
                      const char    *active_name)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < candidates->len; i++)
    g_string_append_printf (names, "%s»%s«", i > 0 ? ", " : "",
                            iku_grid_get_sheet_name (iku_book_get_sheet (
                              book, g_array_index (candidates, guint, i))));
  if (active_name != NULL)
    return g_strdup_printf ("Det aktive ark »%s« er ikke et kompetenceskema, og regnearket har "
                            "%u skemaark (%s). IKU'erne er lavet fra det første, »%s«; de andre "
                            "får IKU'er med »Lav IKU'er for alle teams« eller ved at gøre deres "
                            "ark aktivt.", active_name, candidates->len, names->str,
                            iku_grid_get_sheet_name (iku_book_get_sheet (
                              book, g_array_index (candidates, guint, 0))));
  return g_strdup_printf ("Regnearket har %u skemaark (%s), og intet af dem er aktivt. IKU'erne "
                          "er lavet fra det første, »%s«; de andre får IKU'er med »Lav IKU'er for "
                          "alle teams« eller ved at gøre deres ark aktivt.", candidates->len,
                          names->str,
                          iku_grid_get_sheet_name (iku_book_get_sheet (
                            book, g_array_index (candidates, guint, 0))));
}

GArray *
iku_uno_choose_sheets (const IkuBook *book,
                       IkuUnoSheets   which,
                       const char    *sheet_name,
                       IkuUnoUi      *ui,
                       GPtrArray     *notes,
                       GError       **error)
{
  g_autoptr(GArray) chosen = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) candidates = g_array_new (FALSE, FALSE, sizeof (guint));
  gint active = iku_book_get_active (book);
  const char *active_name = NULL;
  guint index = 0;

  g_return_val_if_fail (book != NULL && ui != NULL && notes != NULL, NULL);

  if (sheet_name != NULL)
    {
      if (!find_named (book, sheet_name, &index, error))
        return NULL;
      g_array_append_val (chosen, index);
      return g_steal_pointer (&chosen);
    }
  for (guint i = 0; i < iku_book_get_n_sheets (book); i++)
    if (is_schema_sheet (iku_book_get_sheet (book, i)))
      g_array_append_val (candidates, i);
  if (candidates->len == 0)
    {
      /* The schema's own message for a workbook without a schema. */
      g_autoptr(IkuSchema) none = iku_schema_new_from_book (book, error);
      g_return_val_if_fail (none == NULL, NULL);
      return NULL;
    }
  if (which == IKU_UNO_SHEETS_ALL)
    return g_steal_pointer (&candidates);

  if (active >= 0)
    {
      const IkuGrid *grid = iku_book_get_sheet (book, (guint) active);

      if (is_schema_sheet (grid))
        {
          index = (guint) active;
          g_array_append_val (chosen, index);
          return g_steal_pointer (&chosen);
        }
      active_name = iku_grid_get_sheet_name (grid);
    }
  if (which == IKU_UNO_SHEETS_ACTIVE)
    {
      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_ARGUMENT,
                   "Det markerede er på arket »%s«, som ikke er et kompetenceskema. Markér "
                   "medarbejdernes rækker i skemaet, og prøv igen.",
                   active_name != NULL ? active_name : "?");
      return NULL;
    }
  if (candidates->len == 1)
    return g_steal_pointer (&candidates);   /* the message names the sheet */

  if (iku_uno_ui_can_ask (ui))
    {
      if (!ask (book, candidates, active_name != NULL ? active_name : "", ui, &index, error))
        return NULL;
    }
  else
    {
      index = g_array_index (candidates, guint, 0);
      g_ptr_array_add (notes, dup_first_taken_note (book, candidates, active_name));
    }
  g_array_append_val (chosen, index);
  return g_steal_pointer (&chosen);
}
