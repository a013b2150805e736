/* SPDX-License-Identifier: GPL-3.0-or-later
 * One export from the live document (see iku-uno-export.h). */
#include "iku-uno-export.h"

#include <string.h>

#include "iku-export.h"
#include "iku-resources.h"
#include "iku-schema.h"
#include "iku-uno-check.h"
#include "iku-uno-choose.h"
#include "iku-uno-document.h"
#include "iku-uno-edit-commit.h"
#include "iku-uno-error.h"
#include "iku-uno-selection.h"
#include "iku-uno-settings.h"
#include "iku-uno-ui.h"

struct _IkuUnoReport {
  GPtrArray *written;   /* char*, NULL-terminated */
  GPtrArray *warnings;  /* char*, NULL-terminated */
  GPtrArray *sheets;    /* char*, NULL-terminated: the sheets exported */
  GPtrArray *details;   /* char*, NULL-terminated: the message's paragraphs */
  GPtrArray *stale;     /* char*, NULL-terminated */
  GPtrArray *planned;   /* char*: the check's names */
  GPtrArray *planned_files; /* char*: their file names */
  GArray    *planned_pages; /* guint: their page counts */
  char      *error;
  guint      n_extra;   /* the last written files that are not IKUs */
};

static IkuUnoReport *
report_new (void)
{
  IkuUnoReport *report = g_new0 (IkuUnoReport, 1);

  report->written = g_ptr_array_new_null_terminated (8, g_free, TRUE);
  report->warnings = g_ptr_array_new_null_terminated (8, g_free, TRUE);
  report->sheets = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  report->details = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  report->stale = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  report->planned = g_ptr_array_new_with_free_func (g_free);
  report->planned_files = g_ptr_array_new_with_free_func (g_free);
  report->planned_pages = g_array_new (FALSE, FALSE, sizeof (guint));
  return report;
}

void
iku_uno_report_free (IkuUnoReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->written);
  g_ptr_array_unref (report->warnings);
  g_ptr_array_unref (report->sheets);
  g_ptr_array_unref (report->details);
  g_ptr_array_unref (report->stale);
  g_ptr_array_unref (report->planned);
  g_ptr_array_unref (report->planned_files);
  g_array_unref (report->planned_pages);
  g_free (report->error);
  g_free (report);
}

const char * const *
iku_uno_report_get_written (const IkuUnoReport *report,
                            guint              *n_written)
{
  g_return_val_if_fail (report != NULL, NULL);

  if (n_written != NULL)
    *n_written = report->written->len;
  return (const char * const *) report->written->pdata;
}

const char * const *
iku_uno_report_get_warnings (const IkuUnoReport *report,
                             guint              *n_warnings)
{
  g_return_val_if_fail (report != NULL, NULL);

  if (n_warnings != NULL)
    *n_warnings = report->warnings->len;
  return (const char * const *) report->warnings->pdata;
}

const char * const *
iku_uno_report_get_sheets (const IkuUnoReport *report,
                           guint              *n_sheets)
{
  g_return_val_if_fail (report != NULL, NULL);

  if (n_sheets != NULL)
    *n_sheets = report->sheets->len;
  return (const char * const *) report->sheets->pdata;
}

const char * const *
iku_uno_report_get_details (const IkuUnoReport *report,
                            guint              *n_details)
{
  g_return_val_if_fail (report != NULL, NULL);

  if (n_details != NULL)
    *n_details = report->details->len;
  return (const char * const *) report->details->pdata;
}

const char * const *
iku_uno_report_get_stale (const IkuUnoReport *report,
                          guint              *n_stale)
{
  g_return_val_if_fail (report != NULL, NULL);

  if (n_stale != NULL)
    *n_stale = report->stale->len;
  return (const char * const *) report->stale->pdata;
}

guint
iku_uno_report_get_n_planned (const IkuUnoReport *report)
{
  g_return_val_if_fail (report != NULL, 0);
  return report->planned->len;
}

const char *
iku_uno_report_get_planned (const IkuUnoReport *report,
                            guint               index,
                            const char        **file_name,
                            guint              *n_pages)
{
  g_return_val_if_fail (report != NULL && index < report->planned->len, NULL);

  if (file_name != NULL)
    *file_name = g_ptr_array_index (report->planned_files, index);
  if (n_pages != NULL)
    *n_pages = g_array_index (report->planned_pages, guint, index);
  return g_ptr_array_index (report->planned, index);
}

const char *
iku_uno_report_get_error (const IkuUnoReport *report)
{
  g_return_val_if_fail (report != NULL, NULL);
  return report->error;
}

static gboolean
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  iku_uno_ui_progress_set (user_data, done);
  return TRUE;
}

static void
copy_strv (GPtrArray          *to,
           const char * const *strv,
           guint               n)
{
  for (guint i = 0; strv != NULL && i < n; i++)
    g_ptr_array_add (to, g_strdup (strv[i]));
}

static guint
count_employees (const GPtrArray *schemas)
{
  guint n = 0;

  for (guint i = 0; i < schemas->len; i++)
    n += iku_schema_get_n_employees (g_ptr_array_index (schemas, i));
  return n;
}

/* A paragraph of the message, kept in the report too. */
static void
add_detail (IkuUnoUi     *ui,
            IkuUnoReport *report,
            const char   *paragraph)
{
  iku_uno_ui_add_detail (ui, paragraph);
  g_ptr_array_add (report->details, g_strdup (paragraph));
}

/* Names the sheets of @schemas in the message and the report. */
static void
tell_sheets (IkuUnoUi        *ui,
             IkuUnoReport    *report,
             const GPtrArray *schemas)
{
  IkuUnoLang lang = iku_uno_ui_get_language (ui);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *line = NULL;

  for (guint i = 0; i < schemas->len; i++)
    {
      const IkuSchema *schema = g_ptr_array_index (schemas, i);
      g_autofree char *name = iku_uno_choose_dup_name (schema, lang);

      g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", name);
      g_ptr_array_add (report->sheets, g_strdup (iku_schema_get_sheet_name (schema)));
    }
  line = iku_uno_l10n_format (lang, schemas->len == 1 ? IKU_UNO_TEXT_SHEET_ONE
                                                      : IKU_UNO_TEXT_SHEET_MANY,
                              names->str, NULL);
  add_detail (ui, report, line);
}

/* The schema of the employees selected in @view on the sheet @index (@grid),
 * telling how many were left out. */
static IkuSchema *
read_selected_schema (const IkuGrid *grid,
                      guint          index,
                      uno_Interface *view,
                      IkuUnoUi      *ui,
                      IkuUnoReport  *report,
                      GError       **error)
{
  g_autoptr(GArray) spans = NULL;
  g_autoptr(IkuGrid) selected = NULL;
  guint n_left_out = 0;
  IkuSchema *schema;

  if (view == NULL)
    {
      g_set_error_literal (error, IKU_UNO_ERROR, IKU_UNO_ERROR_NO_DOCUMENT,
                           "Regnearket vises ikke i noget vindue, så der er ingen markering. "
                           "Åbn det, markér medarbejderne, og prøv igen.");
      return NULL;
    }
  spans = iku_uno_selection_dup_rows (view, index, error);
  selected = spans != NULL ? iku_uno_selection_filter_grid (grid, spans, &n_left_out, error) : NULL;
  schema = selected != NULL ? iku_schema_new_from_grid (selected, error) : NULL;
  if (schema != NULL && n_left_out > 0)
    {
      IkuUnoLang lang = iku_uno_ui_get_language (ui);
      g_autofree char *count = g_strdup_printf ("%u", n_left_out);
      g_autofree char *line = iku_uno_l10n_format (lang, n_left_out == 1
                                                           ? IKU_UNO_TEXT_UNSELECTED_ONE
                                                           : IKU_UNO_TEXT_UNSELECTED_MANY,
                                                   count, NULL);
      add_detail (ui, report, line);
    }
  return schema;
}

/* The schemas of the sheets @indices of @book; for the selection command, of the
 * employees selected in @view. */
static GPtrArray *
read_schemas (const IkuBook             *book,
              const GArray              *indices,
              const IkuUnoExportRequest *request,
              uno_Interface             *view,
              IkuUnoUi                  *ui,
              IkuUnoReport              *report,
              GError                   **error)
{
  g_autoptr(GPtrArray) schemas = g_ptr_array_new_with_free_func ((GDestroyNotify) iku_schema_free);

  for (guint i = 0; i < indices->len; i++)
    {
      guint index = g_array_index (indices, guint, i);
      const IkuGrid *grid = iku_book_get_sheet (book, index);
      g_autoptr(GError) sheet_error = NULL;
      IkuSchema *schema = request->command == IKU_UNO_COMMAND_SELECTION
        ? read_selected_schema (grid, index, view, ui, report, &sheet_error)
        : iku_schema_new_from_grid (grid, &sheet_error);

      if (schema != NULL)
        g_ptr_array_add (schemas, schema);
      else if (request->command != IKU_UNO_COMMAND_ALL_TEAMS || indices->len == 1)
        {
          g_propagate_error (error, g_steal_pointer (&sheet_error));
          return NULL;
        }
      else if (sheet_error->domain == IKU_SCHEMA_ERROR)
        /* All teams: a sheet without employees is told, and the others go on. */
        g_ptr_array_add (report->warnings,
                         g_strdup_printf ("Arket »%s« er sprunget over: %s",
                                          iku_grid_get_sheet_name (grid), sheet_error->message));
      else
        {
          g_propagate_error (error, g_steal_pointer (&sheet_error));
          return NULL;
        }
    }
  if (schemas->len == 0)
    {
      g_set_error_literal (error, IKU_SCHEMA_ERROR, IKU_SCHEMA_ERROR_NO_EMPLOYEES,
                           "Ingen af regnearkets skemaark har medarbejdere, der kan laves IKU'er "
                           "til; se bemærkningerne om hvert ark.");
      return NULL;
    }
  return g_steal_pointer (&schemas);
}

/* The folder a check looks at: the export's, but never made by the check (a
 * subfolder that does not exist yet simply holds nothing). */
static char *
dup_check_folder (const IkuSettings *settings,
                  const char        *beside,
                  GError           **error)
{
  const char *setting = iku_settings_get_folder (settings);
  g_autofree char *below = NULL;

  if (setting != NULL && *setting != '\0' && !g_path_is_absolute (setting) &&
      strstr (setting, "..") == NULL)
    {
      below = g_build_filename (beside, setting, NULL);
      if (!g_file_test (below, G_FILE_TEST_IS_DIR))
        return g_steal_pointer (&below);
    }
  return iku_settings_resolve_folder (settings, beside, error);
}

/* The check's findings into @report. */
static void
copy_planned (const IkuExport *export,
              IkuUnoReport    *report)
{
  for (guint i = 0; i < iku_export_get_n_ikus (export); i++)
    {
      guint n_pages = iku_export_get_iku_n_pages (export, i);

      g_ptr_array_add (report->planned,
                       g_strdup (iku_employee_get_name (iku_export_get_iku_employee (export, i))));
      g_ptr_array_add (report->planned_files, g_strdup (iku_export_get_iku_file_name (export, i)));
      g_array_append_val (report->planned_pages, n_pages);
    }
}

static gboolean
run (uno_Interface             *context,
     const char                *data_dir,
     const IkuUnoExportRequest *request,
     IkuUnoUi                  *ui,
     IkuUnoReport              *report,
     char                     **folder_out,
     GError                   **error)
{
  IkuUnoLang lang = iku_uno_ui_get_language (ui);
  g_autoptr(uno_Interface) model = NULL;
  g_autoptr(uno_Interface) view = NULL;
  g_autoptr(uno_Interface) frame = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *source = NULL;
  g_autoptr(IkuResources) res = NULL;
  g_autoptr(IkuBook) book = NULL;
  g_autoptr(GArray) indices = NULL;
  g_autoptr(GPtrArray) schemas = NULL;
  const IkuSchema *schema;
  g_autoptr(IkuExport) export = NULL;
  const char * const *strv;
  guint n = 0;
  gboolean ok;
  gint64 t_start = g_get_monotonic_time ();
  gint64 t_read;

  model = request->document != NULL
    ? iku_uno_document_dup_model (request->document, lang, error)
    : iku_uno_document_find_current (context, lang, error);
  if (model == NULL)
    return FALSE;
  if (request->view != NULL)
    {
      (*request->view->acquire) (request->view);
      view = request->view;
    }
  else
    view = iku_uno_document_dup_view (model);
  frame = iku_uno_document_dup_frame (view);
  iku_uno_ui_set_frame (ui, frame);
  /* What is being typed is part of the schema: into its cell before anything is read. */
  if (!iku_uno_edit_commit (context, model, view, lang, error))
    return FALSE;

  res = iku_resources_new_from_dir (data_dir, error);
  if (res == NULL)
    return FALSE;

  /* The schema before the folder: a document that is no schema is told so first,
   * not to save itself only to learn it afterwards. */
  book = iku_uno_document_read_book (model, view, error);
  if (book == NULL)
    return FALSE;
  t_read = g_get_monotonic_time ();
  indices = iku_uno_choose_sheets (book,
                                   request->command == IKU_UNO_COMMAND_ALL_TEAMS ? IKU_UNO_SHEETS_ALL
                                   : request->command == IKU_UNO_COMMAND_SELECTION
                                     ? IKU_UNO_SHEETS_ACTIVE : IKU_UNO_SHEETS_ONE,
                                   request->sheet, ui, report->warnings, error);
  if (indices == NULL)
    return FALSE;
  schemas = read_schemas (book, indices, request, view, ui, report, error);
  if (schemas == NULL)
    return FALSE;
  tell_sheets (ui, report, schemas);
  schema = g_ptr_array_index (schemas, 0);

  /* The settings before the folder: a logo or pattern that cannot be used is
   * told before the document is saved or a subfolder made. */
  g_autoptr(IkuSettings) settings = iku_uno_settings_read (context);
  if (!iku_settings_validate (settings, error))
    return FALSE;
  if (request->folder != NULL)
    folder = g_strdup (request->folder);
  else
    {
      g_autofree char *beside = iku_uno_document_dup_folder (model, lang, error);
      folder = beside == NULL ? NULL
               : request->command == IKU_UNO_COMMAND_CHECK
                 ? dup_check_folder (settings, beside, error)
                 : iku_settings_resolve_folder (settings, beside, error);
    }
  if (folder == NULL)
    return FALSE;
  *folder_out = g_strdup (folder);

  export = iku_export_new (schema, res, folder);
  for (guint i = 1; i < schemas->len; i++)
    iku_export_add_schema (export, g_ptr_array_index (schemas, i));
  iku_export_set_progress_func (export, on_progress, ui);
  iku_export_set_settings (export, settings);
  if (request->team_plan != IKU_UNO_CHOICE_SETTING)
    iku_export_set_team_plan (export, request->team_plan == IKU_UNO_CHOICE_ON);
  if (request->combined != IKU_UNO_CHOICE_SETTING)
    iku_export_set_combined (export, request->combined == IKU_UNO_CHOICE_ON);
  /* The document's file: each IKU records where it came from (a keyed hash,
   * never the path), and IKUs of this schema that no one has now are listed. */
  source = iku_uno_document_dup_path (model);
  if (source != NULL)
    iku_export_set_source (export, source);
  iku_uno_ui_progress_start (ui, count_employees (schemas));
  ok = request->command == IKU_UNO_COMMAND_CHECK ? iku_export_check (export, error)
                                                 : iku_export_run (export, error);
  iku_uno_ui_progress_end (ui);
  strv = iku_export_get_stale (export, &n);
  copy_strv (report->stale, strv, n);
  if (request->command == IKU_UNO_COMMAND_CHECK)
    copy_planned (export, report);

  strv = iku_export_get_written (export, &n);
  copy_strv (report->written, strv, n);
  report->n_extra = iku_export_get_n_extra (export);
  strv = iku_export_get_warnings (export, &n);
  copy_strv (report->warnings, strv, n);
  g_debug ("export of %u IKUs: read %.1f ms, schema and export %.1f ms",
           report->written->len, (t_read - t_start) / 1000.0,
           (g_get_monotonic_time () - t_read) / 1000.0);
  return ok;
}

IkuUnoReport *
iku_uno_export_run (uno_Interface             *context,
                    const char                *data_dir,
                    const IkuUnoExportRequest *request)
{
  g_autoptr(IkuUnoUi) ui = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = NULL;
  IkuUnoReport *report = report_new ();

  g_return_val_if_fail (data_dir != NULL && request != NULL, report);

  ui = iku_uno_ui_new (context, request->interactive);
  if (!run (context, data_dir, request, ui, report, &folder, &error))
    report->error = iku_uno_error_dup_message (error, iku_uno_ui_get_language (ui));
  iku_uno_ui_progress_end (ui);
  /* The person cancelled: they know nothing was made. */
  if (g_error_matches (error, IKU_UNO_ERROR, IKU_UNO_ERROR_CANCELLED))
    return report;
  if (request->command == IKU_UNO_COMMAND_CHECK && report->error == NULL)
    {
      g_autofree char *text = iku_uno_check_dup_text (report, iku_uno_ui_get_language (ui));

      iku_uno_ui_show_message (ui, IKU_UNO_TEXT_CHECK_TITLE, report->warnings->len > 0, text);
      return report;
    }
  /* The message counts the IKUs; the team plan and the combined file are listed
   * in Written. */
  iku_uno_ui_report (ui, report->written->len - report->n_extra, folder,
                     (const char * const *) report->warnings->pdata, report->warnings->len,
                     report->error);
  return report;
}
