/* SPDX-License-Identifier: GPL-3.0-or-later
 * org.ikuflet.Export and org.ikuflet.ViewJob (see iku-uno-job.h). */
#include "iku-uno-job.h"

#include <string.h>

#include "iku-uno-call.h"
#include "iku-uno-document.h"
#include "iku-uno-error.h"
#include "iku-uno-export.h"
#include "iku-uno-object.h"
#include "iku-uno-path.h"
#include "iku-uno-string.h"
#include "iku-uno-ui.h"
#include "iku-uno-value.h"
#include "iku-uno-views.h"

typedef struct {
  uno_Interface *context;   /* owned */
  char          *data_dir;
  char          *template_path; /* org.ikuflet.Export only */
  IkuUnoViews   *views;         /* org.ikuflet.ViewJob only: owned reference */
} Job;

/* What XJob.execute was asked. */
typedef struct {
  IkuUnoCommand  command;   /* Command; default: export */
  char          *sheet;     /* Sheet; NULL: as the command says */
  uno_Interface *document;  /* owned; NULL: the current document */
  char          *folder;    /* NULL: the document's folder */
  gboolean       interactive;
  guint          depth;     /* DynamicData lists being read, one inside the other */
  IkuUnoChoice   team_plan; /* Teamplan; default: the settings */
  IkuUnoChoice   combined;  /* Samlet; default: the settings */
} Arguments;

/* A dispatch passes its arguments as one DynamicData list; nesting deeper than
 * this is no caller's honest use, and each level costs stack. */
#define MAX_DYNAMIC_DATA_DEPTH 4

static void
job_free (gpointer data)
{
  Job *job = data;

  iku_uno_release (job->context);
  g_free (job->data_dir);
  g_free (job->template_path);
  iku_uno_views_unref (job->views);
  g_free (job);
}

static void
arguments_clear (Arguments *arguments)
{
  g_clear_pointer (&arguments->document, iku_uno_release);
  g_clear_pointer (&arguments->folder, g_free);
  g_clear_pointer (&arguments->sheet, g_free);
}

/* The export commands by the names trigger() and the Command argument use. */
static const struct {
  const char    *name;
  IkuUnoCommand  command;
} commands[] = {
  { IKU_UNO_JOB_COMMAND_EXPORT, IKU_UNO_COMMAND_EXPORT },
  { IKU_UNO_JOB_COMMAND_ALL_TEAMS, IKU_UNO_COMMAND_ALL_TEAMS },
  { IKU_UNO_JOB_COMMAND_SELECTION, IKU_UNO_COMMAND_SELECTION },
  { IKU_UNO_JOB_COMMAND_CHECK, IKU_UNO_COMMAND_CHECK },
};

static gboolean
lookup_command (const char    *name,
                IkuUnoCommand *command)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (name, commands[i].name) == 0)
      {
        *command = commands[i].command;
        return TRUE;
      }
  return FALSE;
}

/* "»export«, »all-teams« …" for messages. (transfer full) */
static char *
dup_command_names (void)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (names, "%s»%s«", i > 0 ? ", " : "", commands[i].name);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static gboolean parse_argument (const char    *name,
                                const uno_Any *value,
                                gpointer       user_data,
                                GError       **error);

/* The job framework passes the document as Environment.Model. */
static gboolean
parse_environment (const char    *name,
                   const uno_Any *value,
                   gpointer       user_data,
                   GError       **error)
{
  Arguments *arguments = user_data;

  if (g_ascii_strcasecmp (name, "Model") == 0 && arguments->document == NULL)
    arguments->document = iku_uno_any_dup_interface (value);
  return TRUE;
}

static gboolean
parse_argument (const char    *name,
                const uno_Any *value,
                gpointer       user_data,
                GError       **error)
{
  Arguments *arguments = user_data;

  if (value->pType->eTypeClass == typelib_TypeClass_VOID)
    return TRUE;   /* an absent value means the default */

  if (g_ascii_strcasecmp (name, "Document") == 0)
    {
      if (value->pType->eTypeClass != typelib_TypeClass_INTERFACE)
        {
          g_set_error_literal (error, IKU_UNO_ERROR, IKU_UNO_ERROR_ARGUMENT,
                               "Argumentet Document skal være et dokument (XModel).");
          return FALSE;
        }
      g_clear_pointer (&arguments->document, iku_uno_release);
      arguments->document = iku_uno_any_dup_interface (value);
    }
  else if (g_ascii_strcasecmp (name, "Folder") == 0)
    {
      g_autofree char *text = iku_uno_any_dup_string (value);

      if (text == NULL)
        {
          g_set_error_literal (error, IKU_UNO_ERROR, IKU_UNO_ERROR_ARGUMENT,
                               "Argumentet Folder skal være en tekst: en mappe eller en file:-URL.");
          return FALSE;
        }
      if (*text != '\0')
        {
          g_free (arguments->folder);
          arguments->folder = iku_uno_path_from_text (text);
          if (arguments->folder == NULL)
            {
              g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_ARGUMENT,
                           "Mappen »%s« er hverken en fuld sti eller en fuldstændig file:-URL "
                           "(som file:///sti/til/mappen). Der er ikke gemt noget.", text);
              return FALSE;
            }
        }
    }
  else if (g_ascii_strcasecmp (name, "Command") == 0)
    {
      g_autofree char *text = iku_uno_any_dup_string (value);

      if (text == NULL || !lookup_command (text, &arguments->command))
        {
          g_autofree char *known = dup_command_names ();
          g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_ARGUMENT,
                       "Argumentet Command skal være en af teksterne %s.", known);
          return FALSE;
        }
    }
  else if (g_ascii_strcasecmp (name, "Sheet") == 0)
    {
      g_autofree char *text = iku_uno_any_dup_string (value);

      if (text == NULL)
        {
          g_set_error_literal (error, IKU_UNO_ERROR, IKU_UNO_ERROR_ARGUMENT,
                               "Argumentet Sheet skal være et arks navn.");
          return FALSE;
        }
      g_free (arguments->sheet);
      arguments->sheet = *text != '\0' ? g_steal_pointer (&text) : NULL;
    }
  else if (g_ascii_strcasecmp (name, "Interactive") == 0)
    {
      if (!iku_uno_any_get_boolean (value, &arguments->interactive))
        {
          g_set_error_literal (error, IKU_UNO_ERROR, IKU_UNO_ERROR_ARGUMENT,
                               "Argumentet Interactive skal være sand eller falsk.");
          return FALSE;
        }
    }
  else if (g_ascii_strcasecmp (name, "Teamplan") == 0 || g_ascii_strcasecmp (name, "Samlet") == 0)
    {
      gboolean on = FALSE;
      if (!iku_uno_any_get_boolean (value, &on))
        {
          g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_ARGUMENT,
                       "Argumentet %s skal være sand eller falsk.", name);
          return FALSE;
        }
      IkuUnoChoice *choice = g_ascii_strcasecmp (name, "Teamplan") == 0 ? &arguments->team_plan
                                                                        : &arguments->combined;
      *choice = on ? IKU_UNO_CHOICE_ON : IKU_UNO_CHOICE_OFF;
    }
  else if (g_ascii_strcasecmp (name, "Environment") == 0)
    return iku_uno_any_foreach_named_value (value, parse_environment, arguments, error);
  else if (g_ascii_strcasecmp (name, "DynamicData") == 0)
    {
      /* Arguments of a job started through a vnd.sun.star.job: dispatch. */
      gboolean ok;

      if (arguments->depth >= MAX_DYNAMIC_DATA_DEPTH)
        {
          g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_ARGUMENT,
                       "Argumentet DynamicData er lagt i sig selv mere end %d gange; "
                       "giv argumenterne direkte.", MAX_DYNAMIC_DATA_DEPTH);
          return FALSE;
        }
      arguments->depth++;
      ok = iku_uno_any_foreach_named_value (value, parse_argument, arguments, error);
      arguments->depth--;
      return ok;
    }
  else
    g_debug ("XJob.execute: argument %s ignored", name);
  return TRUE;
}

/* The lists of XJob.execute's result, in this order. */
enum {
  LIST_WRITTEN, LIST_WARNINGS, LIST_SHEETS, LIST_DETAILS, LIST_STALE, LIST_PLANNED, LIST_FILES,
  N_LISTS
};
static const char * const list_names[N_LISTS] = {
  "Written", "Warnings", "Sheets", "Details", "Stale", "Planned", "Files"
};

typedef struct {
  const char * const *strv;
  guint               n;
} List;

/* An any holding the sequence<long> @numbers. */
static gboolean
init_longs (uno_Any      *any,
            const GArray *numbers,
            GError      **error)
{
  typelib_TypeDescription *type = iku_uno_type_get ("[]long", error);
  g_autofree sal_Int32 *values = NULL;
  uno_Sequence *seq = NULL;
  guint n = numbers != NULL ? numbers->len : 0;

  if (type == NULL)
    return FALSE;
  values = g_new0 (sal_Int32, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    values[i] = (sal_Int32) MIN (g_array_index (numbers, guint, i), (guint) G_MAXINT32);
  uno_sequence_construct (&seq, type, values, (sal_Int32) n, NULL);
  uno_any_construct (any, &seq, type, NULL);
  uno_destructData (&seq, type, NULL);
  return TRUE;
}

/* Constructs the any XJob.execute returns: NamedValues Written, Warnings, Sheets,
 * Details, Stale, Planned, Files (string lists), Pages (numbers, with Planned and
 * Files for the check) and Error (@message NULL: empty, the export succeeded). */
static gboolean
build_named_result (uno_Any      *ret,
                    const List    lists[N_LISTS],
                    const GArray *pages,
                    const char   *message,
                    GError      **error)
{
  const char *names[N_LISTS + 2];
  uno_Any values[N_LISTS + 2];
  guint n = 0;
  gboolean ok = TRUE;

  for (; ok && n < N_LISTS; n++)
    {
      names[n] = list_names[n];
      ok = iku_uno_any_init_strings (&values[n], lists != NULL ? lists[n].strv : NULL,
                                     lists != NULL ? lists[n].n : 0, error);
    }
  if (!ok)
    n--;   /* values[n] was not constructed */
  else if ((ok = init_longs (&values[n], pages, error)))
    {
      names[n++] = "Pages";
      names[n] = "Error";
      iku_uno_any_init_string (&values[n++], message != NULL ? message : "");
      ok = iku_uno_any_init_named_values (ret, names, values, n, error);
    }
  for (guint i = 0; i < n; i++)
    uno_any_destruct (&values[i], NULL);
  return ok;
}

/* The result of an export run. */
static gboolean
build_result (uno_Any            *ret,
              const IkuUnoReport *report,
              GError            **error)
{
  List lists[N_LISTS];
  guint n_planned = iku_uno_report_get_n_planned (report);
  g_autoptr(GPtrArray) planned = g_ptr_array_new_null_terminated (n_planned, NULL, TRUE);
  g_autoptr(GPtrArray) files = g_ptr_array_new_null_terminated (n_planned, NULL, TRUE);
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < n_planned; i++)
    {
      const char *file_name = NULL;
      guint n_pages = 0;

      g_ptr_array_add (planned, (gpointer) iku_uno_report_get_planned (report, i, &file_name,
                                                                       &n_pages));
      g_ptr_array_add (files, (gpointer) file_name);
      g_array_append_val (pages, n_pages);
    }
  lists[LIST_STALE].strv = iku_uno_report_get_stale (report, &lists[LIST_STALE].n);
  lists[LIST_PLANNED] = (List) { (const char * const *) planned->pdata, planned->len };
  lists[LIST_FILES] = (List) { (const char * const *) files->pdata, files->len };
  lists[LIST_WRITTEN].strv = iku_uno_report_get_written (report, &lists[LIST_WRITTEN].n);
  lists[LIST_WARNINGS].strv = iku_uno_report_get_warnings (report, &lists[LIST_WARNINGS].n);
  lists[LIST_SHEETS].strv = iku_uno_report_get_sheets (report, &lists[LIST_SHEETS].n);
  lists[LIST_DETAILS].strv = iku_uno_report_get_details (report, &lists[LIST_DETAILS].n);
  return build_named_result (ret, lists, pages, iku_uno_report_get_error (report), error);
}

static gboolean
execute (Job                *job,
         const uno_Sequence *named_values,
         uno_Any            *ret,
         GError            **error)
{
  Arguments arguments = { IKU_UNO_COMMAND_EXPORT, NULL, NULL, NULL, FALSE, 0,
                          IKU_UNO_CHOICE_SETTING, IKU_UNO_CHOICE_SETTING };
  g_autoptr(GError) argument_error = NULL;
  g_autoptr(IkuUnoReport) report = NULL;
  IkuUnoExportRequest request = { .interactive = FALSE };
  gboolean ok;

  if (!iku_uno_named_values_foreach (named_values, parse_argument, &arguments, &argument_error))
    {
      arguments_clear (&arguments);
      return build_named_result (ret, NULL, NULL, argument_error->message, error);
    }
  request.command = arguments.command;
  request.sheet = arguments.sheet;
  request.document = arguments.document;
  request.folder = arguments.folder;
  request.interactive = arguments.interactive;
  request.team_plan = arguments.team_plan;
  request.combined = arguments.combined;
  report = iku_uno_export_run (job->context, job->data_dir, &request);
  ok = build_result (ret, report, error);
  arguments_clear (&arguments);
  return ok;
}

/* The menu's "Nyt kompetenceskema": a new, untitled schema from the bundled template. */
static void
open_new_schema (Job *job)
{
  g_autoptr(GError) error = NULL;

  if (!iku_uno_document_new_from_template (job->context, job->template_path, &error))
    {
      g_autoptr(IkuUnoUi) ui = iku_uno_ui_new (job->context, TRUE);
      g_autofree char *message = iku_uno_l10n_format (iku_uno_ui_get_language (ui),
                                                      IKU_UNO_TEXT_NO_TEMPLATE, error->message,
                                                      NULL);
      iku_uno_ui_show_error (ui, IKU_UNO_TEXT_NEW_TITLE, message);
    }
}

/* XJobExecutor.trigger: the commands of the menu entries and the toolbar button. */
static gboolean
trigger (Job               *job,
         const rtl_uString *command,
         GError           **error)
{
  g_autofree char *text = iku_uno_string_dup_utf8 (command);
  g_autofree char *known = NULL;
  IkuUnoExportRequest request = { .interactive = TRUE };

  if (lookup_command (text, &request.command))
    {
      iku_uno_report_free (iku_uno_export_run (job->context, job->data_dir, &request));
      return TRUE;
    }
  if (iku_uno_string_equal_ascii (command, IKU_UNO_JOB_COMMAND_NEW_SCHEMA))
    {
      open_new_schema (job);
      return TRUE;
    }
  known = dup_command_names ();
  g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_ARGUMENT,
               "org.ikuflet.Export kender ikke kommandoen »%s«; brug en af %s eller »%s«.", text,
               known, IKU_UNO_JOB_COMMAND_NEW_SCHEMA);
  return FALSE;
}

static gboolean
job_call (IkuUnoObject *self,
          const char   *member,
          void         *ret,
          void        **args,
          GError      **error)
{
  Job *job = iku_uno_object_get_data (self);

  if (strcmp (member, "com.sun.star.task.XJob::execute") == 0)
    return execute (job, *(uno_Sequence **) args[0], ret, error);

  if (strcmp (member, "com.sun.star.task.XJobExecutor::trigger") == 0)
    return trigger (job, *(rtl_uString **) args[0], error);

  g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_UNSUPPORTED,
               "org.ikuflet.Export har ikke medlemmet %s", member);
  return FALSE;
}

static const char * const job_services[] = { IKU_UNO_JOB_SERVICE_NAME, NULL };
static const char * const job_interfaces[] = {
  "com.sun.star.task.XJobExecutor",
  "com.sun.star.task.XJob",
  NULL
};
static const IkuUnoClass job_class = {
  IKU_UNO_JOB_IMPLEMENTATION_NAME, job_services, job_interfaces, job_call
};

static Job *
job_data_new (uno_Interface *context,
              const char    *data_dir)
{
  Job *job = g_new0 (Job, 1);

  (*context->acquire) (context);
  job->context = context;
  job->data_dir = g_strdup (data_dir);
  return job;
}

uno_Interface *
iku_uno_job_new (uno_Interface *context,
                 const char    *data_dir,
                 const char    *template_path)
{
  Job *job;

  g_return_val_if_fail (context != NULL && data_dir != NULL && template_path != NULL, NULL);

  job = job_data_new (context, data_dir);
  job->template_path = g_strdup (template_path);
  return iku_uno_object_new (&job_class, job, job_free);
}

/* org.ikuflet.ViewJob's XJob.execute: the event's Environment names the document
 * (read as XJob.execute of org.ikuflet.Export reads it); its views get the
 * double-click button. Never fails the event: a view without the button still
 * has the menu entry and the toolbar button. */
static void
view_job_execute (Job                *job,
                  const uno_Sequence *named_values)
{
  Arguments arguments = { IKU_UNO_COMMAND_EXPORT, NULL, NULL, NULL, FALSE, 0,
                          IKU_UNO_CHOICE_SETTING, IKU_UNO_CHOICE_SETTING };
  g_autoptr(GError) error = NULL;

  if (!iku_uno_named_values_foreach (named_values, parse_argument, &arguments, &error))
    g_warning ("%s: %s", IKU_UNO_VIEW_JOB_IMPLEMENTATION_NAME, error->message);
  else if (arguments.document == NULL)
    g_debug ("%s: an event without a document", IKU_UNO_VIEW_JOB_IMPLEMENTATION_NAME);
  else if (!iku_uno_views_attach (job->views, job->context, job->data_dir, arguments.document,
                                  &error))
    g_warning ("%s: the double-click button is not available in this window: %s",
               IKU_UNO_VIEW_JOB_IMPLEMENTATION_NAME, error->message);
  else
    g_debug ("%s: %u views have the double-click button", IKU_UNO_VIEW_JOB_IMPLEMENTATION_NAME,
             iku_uno_views_get_n_views (job->views));
  arguments_clear (&arguments);
}

static gboolean
view_job_call (IkuUnoObject *self,
               const char   *member,
               void         *ret,
               void        **args,
               GError      **error)
{
  if (strcmp (member, "com.sun.star.task.XJob::execute") == 0)
    {
      view_job_execute (iku_uno_object_get_data (self), *(uno_Sequence **) args[0]);
      /* A void result: nothing for the job framework to do or remember. */
      uno_any_construct ((uno_Any *) ret, NULL, NULL, NULL);
      return TRUE;
    }
  g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_UNSUPPORTED, "%s har ikke medlemmet %s",
               IKU_UNO_VIEW_JOB_IMPLEMENTATION_NAME, member);
  return FALSE;
}

static const char * const view_job_services[] = { IKU_UNO_VIEW_JOB_SERVICE_NAME, NULL };
static const char * const view_job_interfaces[] = { "com.sun.star.task.XJob", NULL };
static const IkuUnoClass view_job_class = {
  IKU_UNO_VIEW_JOB_IMPLEMENTATION_NAME, view_job_services, view_job_interfaces, view_job_call
};

uno_Interface *
iku_uno_view_job_new (uno_Interface *context,
                      const char    *data_dir,
                      IkuUnoViews   *views)
{
  Job *job;

  g_return_val_if_fail (context != NULL && data_dir != NULL && views != NULL, NULL);

  job = job_data_new (context, data_dir);
  job->views = iku_uno_views_ref (views);
  return iku_uno_object_new (&view_job_class, job, job_free);
}
