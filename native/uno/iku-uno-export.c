/* SPDX-License-Identifier: GPL-3.0-or-later
 * One export from the live document (see iku-uno-export.h). */
#include "iku-uno-export.h"

#include "iku-export.h"
#include "iku-resources.h"
#include "iku-schema.h"
#include "iku-uno-document.h"
#include "iku-uno-edit-commit.h"
#include "iku-uno-error.h"
#include "iku-uno-settings.h"
#include "iku-uno-ui.h"

struct _IkuUnoReport {
  GPtrArray *written;   /* char*, NULL-terminated */
  GPtrArray *warnings;  /* char*, NULL-terminated */
  char      *error;
  guint      n_extra;   /* the last written files that are not IKUs */
};

static IkuUnoReport *
report_new (void)
{
  IkuUnoReport *report = g_new0 (IkuUnoReport, 1);

  report->written = g_ptr_array_new_null_terminated (8, g_free, TRUE);
  report->warnings = g_ptr_array_new_null_terminated (8, g_free, TRUE);
  return report;
}

void
iku_uno_report_free (IkuUnoReport *report)
{
  if (report == NULL)
    return;
  g_ptr_array_unref (report->written);
  g_ptr_array_unref (report->warnings);
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
  g_autoptr(IkuResources) res = NULL;
  g_autoptr(IkuBook) book = NULL;
  g_autoptr(IkuSchema) schema = NULL;
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
  schema = iku_schema_new_from_book (book, error);
  if (schema == NULL)
    return FALSE;

  folder = request->folder != NULL ? g_strdup (request->folder)
                                   : iku_uno_document_dup_folder (model, lang, error);
  if (folder == NULL)
    return FALSE;
  *folder_out = g_strdup (folder);

  export = iku_export_new (schema, res, folder);
  iku_export_set_progress_func (export, on_progress, ui);
  IkuUnoSettings settings;
  iku_uno_settings_read (context, &settings);
  iku_export_set_team_plan (export, request->team_plan == IKU_UNO_CHOICE_SETTING
                                      ? settings.team_plan
                                      : request->team_plan == IKU_UNO_CHOICE_ON);
  iku_export_set_combined (export, request->combined == IKU_UNO_CHOICE_SETTING
                                     ? settings.combined
                                     : request->combined == IKU_UNO_CHOICE_ON);
  iku_uno_ui_progress_start (ui, iku_schema_get_n_employees (schema));
  ok = iku_export_run (export, error);
  iku_uno_ui_progress_end (ui);

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
  /* The message counts the IKUs; the team plan and the combined file are listed
   * in Written. */
  iku_uno_ui_report (ui, report->written->len - report->n_extra, folder,
                     (const char * const *) report->warnings->pdata, report->warnings->len,
                     report->error);
  return report;
}
