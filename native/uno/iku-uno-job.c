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

/* Constructs the any XJob.execute returns: NamedValues Written, Warnings, Error
 * (@message NULL: empty, the export succeeded). */
static gboolean
build_named_result (uno_Any            *ret,
                    const char * const *written,
                    guint               n_written,
                    const char * const *warnings,
                    guint               n_warnings,
                    const char         *message,
                    GError            **error)
{
  const char *names[3] = { "Written", "Warnings", "Error" };
  uno_Any values[3];
  gboolean ok;

  if (!iku_uno_any_init_strings (&values[0], written, n_written, error))
    return FALSE;
  if (!iku_uno_any_init_strings (&values[1], warnings, n_warnings, error))
    {
      uno_any_destruct (&values[0], NULL);
      return FALSE;
    }
  iku_uno_any_init_string (&values[2], message != NULL ? message : "");
  ok = iku_uno_any_init_named_values (ret, names, values, G_N_ELEMENTS (values), error);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    uno_any_destruct (&values[i], NULL);
  return ok;
}

/* The result of an export run. */
static gboolean
build_result (uno_Any            *ret,
              const IkuUnoReport *report,
              GError            **error)
{
  guint n_written = 0, n_warnings = 0;
  const char * const *written = iku_uno_report_get_written (report, &n_written);
  const char * const *warnings = iku_uno_report_get_warnings (report, &n_warnings);
  return build_named_result (ret, written, n_written, warnings, n_warnings,
                             iku_uno_report_get_error (report), error);
}

static gboolean
execute (Job                *job,
         const uno_Sequence *named_values,
         uno_Any            *ret,
         GError            **error)
{
  Arguments arguments = { NULL, NULL, FALSE, 0, IKU_UNO_CHOICE_SETTING, IKU_UNO_CHOICE_SETTING };
  g_autoptr(GError) argument_error = NULL;
  g_autoptr(IkuUnoReport) report = NULL;
  IkuUnoExportRequest request = { .interactive = FALSE };
  gboolean ok;

  if (!iku_uno_named_values_foreach (named_values, parse_argument, &arguments, &argument_error))
    {
      arguments_clear (&arguments);
      return build_named_result (ret, NULL, 0, NULL, 0, argument_error->message, error);
    }
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
  g_autofree char *text = NULL;

  if (iku_uno_string_equal_ascii (command, IKU_UNO_JOB_COMMAND_EXPORT))
    {
      IkuUnoExportRequest request = { .interactive = TRUE };

      iku_uno_report_free (iku_uno_export_run (job->context, job->data_dir, &request));
      return TRUE;
    }
  if (iku_uno_string_equal_ascii (command, IKU_UNO_JOB_COMMAND_NEW_SCHEMA))
    {
      open_new_schema (job);
      return TRUE;
    }
  text = iku_uno_string_dup_utf8 (command);
  g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_ARGUMENT,
               "org.ikuflet.Export kender ikke kommandoen »%s«; brug »%s« eller »%s«.", text,
               IKU_UNO_JOB_COMMAND_EXPORT, IKU_UNO_JOB_COMMAND_NEW_SCHEMA);
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
  Arguments arguments = { NULL, NULL, FALSE, 0, IKU_UNO_CHOICE_SETTING, IKU_UNO_CHOICE_SETTING };
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
