/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuExport: schema -> one IKU PDF per employee in one folder. Employees are laid
 * out and rendered on worker threads (one libharu writer each); progress is
 * reported on the calling thread. */
#include "iku-export.h"
#include "iku-atomic-file.h"
#include "iku-file-name.h"
#include "iku-layout.h"
#include "iku-name-pattern.h"
#include "iku-pdf.h"
#include "iku-source.h"
#include "iku-text.h"

#include <glib/gstdio.h>
#include <unistd.h>

G_DEFINE_QUARK (iku-export-error-quark, iku_export_error)

/* The outcome for one employee (or, after the employees, one extra file). */
typedef struct
{
  const IkuSchema *schema;   /* the employee's, or the team plan's; NULL: the combined file */
  guint   schema_index;
  guint   employee;    /* index in @schema */
  guint   n_pages;     /* once laid out */
  char   *file_name;   /* "IKU - <navn>.pdf" */
  char   *path;        /* set when written */
  char   *warning;     /* a missing-glyph note, or NULL */
  GError *error;       /* set when not written */
} Outcome;

struct _IkuExport
{
  GPtrArray          *schemas;     /* const IkuSchema *, borrowed, in the order added */
  const IkuResources *res;
  char               *folder;
  char               *date;
  guint               n_threads;
  gboolean            team_plan;
  gboolean            combined;
  IkuSettings        *settings;
  IkuWording         *wording;     /* the override, or NULL for the built-in one */
  IkuLogo            *logo;        /* the settings' logo, checked, or NULL */
  IkuExportProgressFunc progress;
  gpointer            progress_data;

  Outcome            *outcomes;    /* one per employee of every schema, then the extras */
  guint               n_outcomes;
  guint               n_ikus;      /* of them, the employees' */
  gint                next;        /* atomic: next employee to take */
  gint                cancelled;   /* atomic */
  GAsyncQueue        *done;        /* employee indexes (+1) as they finish */

  GPtrArray          *written;     /* char *, NULL-terminated */
  guint               n_extra;     /* of them, not IKUs */
  GPtrArray          *warnings;    /* char *, NULL-terminated */

  char               *source_path; /* the schema file, for the source ids; or NULL */
  GPtrArray          *source_ids;  /* char *, one per schema, while running; NULL: none */
  GPtrArray          *stale;       /* char *, NULL-terminated: full paths */
};

/* The most PDF files of a folder read for a source id; a folder with more is
 * not a leader's IKU folder, and reading them all would cost too much. */
#define MAX_PDFS_SCANNED 5000

IkuExport *
iku_export_new (const IkuSchema *schema, const IkuResources *res, const char *folder)
{
  g_return_val_if_fail (schema != NULL && res != NULL && folder != NULL, NULL);
  IkuExport *x = g_new0 (IkuExport, 1);
  x->schemas = g_ptr_array_new ();
  g_ptr_array_add (x->schemas, (gpointer) schema);
  x->res = res;
  x->folder = g_strdup (folder);
  x->settings = iku_settings_new ();
  x->written = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  x->warnings = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  x->stale = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  return x;
}

static void
clear_outcomes (IkuExport *x)
{
  for (guint i = 0; i < x->n_outcomes; i++)
    {
      g_free (x->outcomes[i].file_name);
      g_free (x->outcomes[i].path);
      g_free (x->outcomes[i].warning);
      g_clear_error (&x->outcomes[i].error);
    }
  g_clear_pointer (&x->outcomes, g_free);
  x->n_outcomes = 0;
  x->n_ikus = 0;
}

void
iku_export_free (IkuExport *x)
{
  if (x == NULL)
    return;
  clear_outcomes (x);
  g_ptr_array_unref (x->schemas);
  g_free (x->folder);
  g_free (x->date);
  iku_settings_free (x->settings);
  iku_wording_free (x->wording);
  iku_logo_unref (x->logo);
  g_ptr_array_unref (x->written);
  g_ptr_array_unref (x->warnings);
  g_ptr_array_unref (x->stale);
  g_clear_pointer (&x->source_ids, g_ptr_array_unref);
  g_free (x->source_path);
  g_free (x);
}

/**
 * iku_export_add_schema:
 * @schema: (transfer none): borrowed; must outlive the export
 *
 * Adds the employees of one more schema (another sheet, e.g. another team) to
 * the run, after those added before: one folder, one report. File names that
 * collide across the schemas get " (2)", and a warning names both sheets and
 * rows; the schemas' warnings are told with their sheet's name.
 */
void
iku_export_add_schema (IkuExport *x, const IkuSchema *schema)
{
  g_return_if_fail (x != NULL && schema != NULL);
  g_ptr_array_add (x->schemas, (gpointer) schema);
}

guint
iku_export_get_n_schemas (const IkuExport *x)
{
  g_return_val_if_fail (x != NULL, 0);
  return x->schemas->len;
}

const IkuSchema *
iku_export_get_schema (const IkuExport *x, guint index)
{
  g_return_val_if_fail (x != NULL, NULL);
  g_return_val_if_fail (index < x->schemas->len, NULL);
  return g_ptr_array_index (x->schemas, index);
}

/**
 * iku_export_set_source:
 * @schema_path: (nullable): the schema file the schemas were read from
 *
 * Each IKU then carries the source id of its schema file and sheet
 * (iku-source.h; the user's key is made on the first run), and after the run
 * iku_export_get_stale() lists the IKUs in the folder that carry one of this
 * run's ids but were not made by it.
 */
void
iku_export_set_source (IkuExport *x, const char *schema_path)
{
  g_return_if_fail (x != NULL);
  g_free (x->source_path);
  x->source_path = g_strdup (schema_path);
}

void
iku_export_set_threads (IkuExport *x, guint n_threads)
{
  g_return_if_fail (x != NULL);
  x->n_threads = n_threads;
}

void
iku_export_set_progress_func (IkuExport *x, IkuExportProgressFunc func, gpointer user_data)
{
  g_return_if_fail (x != NULL);
  x->progress = func;
  x->progress_data = user_data;
}

void
iku_export_set_team_plan (IkuExport *x, gboolean team_plan)
{
  g_return_if_fail (x != NULL);
  x->team_plan = team_plan;
}

void
iku_export_set_combined (IkuExport *x, gboolean combined)
{
  g_return_if_fail (x != NULL);
  x->combined = combined;
}

void
iku_export_set_settings (IkuExport *x, const IkuSettings *s)
{
  g_return_if_fail (x != NULL && s != NULL);
  iku_settings_free (x->settings);
  x->settings = iku_settings_copy (s);
  x->team_plan = iku_settings_get_team_plan (s);
  x->combined = iku_settings_get_combined (s);
}

/* The wording the IKUs are printed with. */
static const IkuWording *
wording_of (const IkuExport *x)
{
  return x->wording != NULL ? x->wording : iku_resources_get_wording (x->res);
}

/* Loads what the settings name (the wording file, the logo) and checks the
 * pattern, before anything is written. */
static gboolean
prepare_settings (IkuExport *x, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_clear_pointer (&x->wording, iku_wording_free);
  g_clear_pointer (&x->logo, iku_logo_unref);
  if (!iku_name_pattern_check (iku_settings_get_name_pattern (x->settings), &local))
    {
      g_set_error_literal (error, IKU_EXPORT_ERROR, IKU_EXPORT_ERROR_SETTINGS, local->message);
      return FALSE;
    }
  const char *texts = iku_settings_get_texts (x->settings);
  if (texts != NULL)
    {
      x->wording = iku_wording_new_override (iku_resources_get_wording (x->res), texts, &local);
      if (x->wording == NULL)
        {
          g_set_error_literal (error, IKU_EXPORT_ERROR, IKU_EXPORT_ERROR_SETTINGS, local->message);
          return FALSE;
        }
    }
  const char *logo = iku_settings_get_logo (x->settings);
  if (logo != NULL)
    {
      x->logo = iku_logo_new_from_file (logo, &local);
      if (x->logo == NULL)
        {
          g_set_error_literal (error, IKU_EXPORT_ERROR, IKU_EXPORT_ERROR_SETTINGS, local->message);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
check_folder (const char *folder, GError **error)
{
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, IKU_EXPORT_ERROR, IKU_EXPORT_ERROR_FOLDER,
                   "Mappen »%s« findes ikke. Vælg en mappe, der findes, og prøv igen.", folder);
      return FALSE;
    }
  if (g_access (folder, W_OK | X_OK) != 0)
    {
      g_set_error (error, IKU_EXPORT_ERROR, IKU_EXPORT_ERROR_FOLDER,
                   "Du har ikke lov til at gemme filer i mappen »%s«. Gem skemaet i en mappe, "
                   "du kan skrive i (fx Dokumenter), og prøv igen.", folder);
      return FALSE;
    }
  return TRUE;
}

/* The printed date of @schema's IKUs: its own, else today's. */
static const char *
date_of (const IkuExport *x, const IkuSchema *schema)
{
  const char *date = iku_schema_get_date (schema);
  return date != NULL ? date : x->date;
}

/* Lays out the IKU of @out: its page count, and a warning for characters the
 * font lacks; NULL with @out->error when it cannot be laid out. */
static IkuLayout *
lay_out (IkuExport *x, Outcome *out)
{
  IkuLayout *layout = iku_layout_new_with_header (out->schema, out->employee,
                                                  date_of (x, out->schema), wording_of (x),
                                                  iku_settings_get_organisation (x->settings),
                                                  x->logo, &out->error);
  if (layout == NULL)
    return NULL;
  out->n_pages = iku_layout_get_n_pages (layout);
  const char *missing = iku_layout_get_missing_chars (layout);
  if (missing != NULL)
    out->warning = g_strdup_printf ("IKU'en for »%s« indeholder tegn, som skrifttypen ikke kan vise "
                                    "(%s); de står som �. Kontrollér teksten i skemaet.",
                                    iku_employee_get_name (iku_schema_get_employee (out->schema,
                                                                                    out->employee)),
                                    missing);
  return layout;
}

/* Lays out, renders and writes the IKU of outcome @index. */
static void
export_one (IkuExport *x, IkuPdfWriter *writer, guint index)
{
  Outcome *out = &x->outcomes[index];
  g_autoptr(IkuLayout) layout = lay_out (x, out);
  if (layout == NULL)
    return;
  iku_pdf_writer_set_source_id (writer, x->source_ids != NULL
                                           ? g_ptr_array_index (x->source_ids, out->schema_index)
                                           : NULL);
  g_autoptr(GBytes) pdf = iku_pdf_writer_render (writer, layout, &out->error);
  if (pdf == NULL)
    return;
  if (!iku_atomic_file_write (x->folder, out->file_name, pdf, &out->error))
    return;
  out->path = g_build_filename (x->folder, out->file_name, NULL);
}

static gpointer
worker (gpointer data)
{
  IkuExport *x = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuPdfWriter) writer = iku_pdf_writer_new (iku_resources_get_font_regular (x->res),
                                                       iku_resources_get_font_bold (x->res), &error);
  for (;;)
    {
      gint index = g_atomic_int_add (&x->next, 1);
      if (index >= (gint) x->n_ikus)
        break;
      if (g_atomic_int_get (&x->cancelled))
        {
          g_set_error_literal (&x->outcomes[index].error, IKU_EXPORT_ERROR,
                               IKU_EXPORT_ERROR_CANCELLED, "Afbrudt.");
        }
      else if (writer == NULL)
        x->outcomes[index].error = g_error_copy (error);
      else
        export_one (x, writer, (guint) index);
      g_async_queue_push (x->done, GINT_TO_POINTER (index + 1));
    }
  return NULL;
}

static guint
thread_count (const IkuExport *x)
{
  guint n = x->n_threads != 0 ? x->n_threads : (guint) g_get_num_processors ();
  return CLAMP (n, 1, MAX (x->n_ikus, 1));
}

/* One thread: each IKU is made on the calling thread, and progress is told
 * (and may cancel) before the next one starts, so that what a cancel or a
 * vanished folder leaves behind does not depend on thread timing. */
static void
run_in_order (IkuExport *x)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuPdfWriter) writer = iku_pdf_writer_new (iku_resources_get_font_regular (x->res),
                                                       iku_resources_get_font_bold (x->res), &error);
  for (guint i = 0; i < x->n_ikus; i++)
    {
      if (x->cancelled)
        g_set_error_literal (&x->outcomes[i].error, IKU_EXPORT_ERROR, IKU_EXPORT_ERROR_CANCELLED,
                             "Afbrudt.");
      else if (writer == NULL)
        x->outcomes[i].error = g_error_copy (error);
      else
        export_one (x, writer, i);
      if (x->progress != NULL && !x->cancelled && !x->progress (i + 1, x->n_ikus,
                                                                x->progress_data))
        x->cancelled = 1;
    }
}

static void
run_workers (IkuExport *x)
{
  guint n_threads = thread_count (x);
  x->next = 0;
  x->cancelled = 0;
  if (n_threads == 1)
    {
      run_in_order (x);
      return;
    }
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  x->done = g_async_queue_new ();
  for (guint i = 0; i < n_threads; i++)
    {
      g_autoptr(GError) error = NULL;
      GThread *thread = g_thread_try_new ("ikuflet-export", worker, x, &error);
      if (thread != NULL)
        g_ptr_array_add (threads, thread);
    }
  if (threads->len == 0)   /* no thread could be started: do the work here */
    worker (x);

  for (guint done = 0; done < x->n_ikus; done++)
    {
      if (threads->len > 0)
        g_async_queue_pop (x->done);
      if (x->progress != NULL && !g_atomic_int_get (&x->cancelled)
          && !x->progress (done + 1, x->n_ikus, x->progress_data))
        g_atomic_int_set (&x->cancelled, 1);
    }
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  g_clear_pointer (&x->done, g_async_queue_unref);
}

/* One more outcome after the employees': the team plan of @schema, or (NULL)
 * the combined print file. */
static Outcome *
add_extra (IkuExport *x, const IkuSchema *schema, guint schema_index, char *file_name)
{
  x->outcomes = g_renew (Outcome, x->outcomes, x->n_outcomes + 1);
  Outcome *out = &x->outcomes[x->n_outcomes++];
  *out = (Outcome) { .schema = schema, .schema_index = schema_index, .file_name = file_name };
  return out;
}

/* The combined print file: every IKU of the run, laid out again, in one PDF. */
static GBytes *
render_combined (IkuExport *x, IkuPdfWriter *writer, GError **error)
{
  const IkuWording *wording = wording_of (x);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func ((GDestroyNotify) iku_layout_free);
  for (guint i = 0; i < x->n_ikus; i++)
    {
      /* An IKU that cannot be laid out is reported as its own outcome. */
      const Outcome *o = &x->outcomes[i];
      IkuLayout *layout = iku_layout_new_with_header (o->schema, o->employee, date_of (x, o->schema),
                                                      wording,
                                                      iku_settings_get_organisation (x->settings),
                                                      x->logo, NULL);
      if (layout != NULL)
        g_ptr_array_add (layouts, layout);
    }
  if (layouts->len == 0)
    return NULL;
  /* One schema: its team and leader; several: a plain title, and the leader
   * only when every schema has the same one. */
  const IkuSchema *first = g_ptr_array_index (x->schemas, 0);
  const char *team = x->schemas->len == 1 ? iku_schema_get_team (first) : NULL;
  const char *leader = iku_schema_get_leader (first);
  for (guint i = 1; i < x->schemas->len && leader != NULL; i++)
    if (g_strcmp0 (leader, iku_schema_get_leader (g_ptr_array_index (x->schemas, i))) != 0)
      leader = NULL;
  g_autofree char *title = team != NULL
                             ? iku_wording_format (wording, IKU_TEXT_COMBINED_DOC_TITLE, team, NULL)
                             : g_strdup (iku_wording_get (wording, IKU_TEXT_COMBINED_TITLE));
  return iku_pdf_writer_render_combined (writer, (const IkuLayout * const *) layouts->pdata,
                                         layouts->len, title, leader, error);
}

/* Lays out, renders and writes one extra outcome. */
static void
export_extra (IkuExport *x, Outcome *out)
{
  g_autoptr(IkuPdfWriter) writer = iku_pdf_writer_new (iku_resources_get_font_regular (x->res),
                                                       iku_resources_get_font_bold (x->res),
                                                       &out->error);
  if (writer == NULL)
    return;
  g_autoptr(GBytes) pdf = NULL;
  if (out->schema == NULL)
    pdf = render_combined (x, writer, &out->error);
  else
    {
      g_autoptr(IkuLayout) layout = iku_layout_new_team_plan_with_header (
          out->schema, date_of (x, out->schema), wording_of (x),
          iku_settings_get_organisation (x->settings), x->logo, &out->error);
      if (layout == NULL)
        return;
      out->n_pages = iku_layout_get_n_pages (layout);
      pdf = iku_pdf_writer_render (writer, layout, &out->error);
    }
  if (pdf == NULL || !iku_atomic_file_write (x->folder, out->file_name, pdf, &out->error))
    return;
  out->path = g_build_filename (x->folder, out->file_name, NULL);
}

/* The team plans (one per schema) and the combined file, named by @namer so
 * that none replaces an IKU of this run or another extra. */
static void
export_extras (IkuExport *x, IkuFileNamer *namer)
{
  guint first = x->n_outcomes;
  if (x->team_plan)
    for (guint i = 0; i < x->schemas->len; i++)
      {
        const IkuSchema *schema = g_ptr_array_index (x->schemas, i);
        g_autofree char *plain = iku_file_name_for_team_plan (iku_schema_get_team (schema));
        add_extra (x, schema, i, iku_file_namer_next_file (namer, plain));
      }
  if (x->combined)
    add_extra (x, NULL, 0, iku_file_namer_next_file (namer, IKU_FILE_NAME_COMBINED));
  for (guint i = first; i < x->n_outcomes && !g_atomic_int_get (&x->cancelled); i++)
    export_extra (x, &x->outcomes[i]);
}

/* The stem of @employee's file name in @schema, from the pattern. */
static char *
dup_stem (const IkuExport *x, const IkuSchema *schema, guint employee)
{
  const IkuEmployee *e = iku_schema_get_employee (schema, employee);
  /* The pattern was checked in iku_export_run(). */
  return iku_name_pattern_expand (iku_settings_get_name_pattern (x->settings),
                                  iku_employee_get_name (e), iku_schema_get_team (schema),
                                  date_of (x, schema), NULL);
}

static char *
folded_file_name (const char *stem)
{
  g_autofree char *plain = iku_file_name_for_stem (stem);
  g_autofree char *folded = g_utf8_casefold (plain, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

/* "»Anne« (række 4)", or with several schemas "»Anne« (arket »Nord«, række 4)". */
static char *
dup_employee_place (const IkuExport *x, const Outcome *o)
{
  const IkuEmployee *e = iku_schema_get_employee (o->schema, o->employee);
  if (x->schemas->len == 1)
    return g_strdup_printf ("»%s« (række %u)", iku_employee_get_name (e), iku_employee_get_row (e));
  return g_strdup_printf ("»%s« (arket »%s«, række %u)", iku_employee_get_name (e),
                          iku_schema_get_sheet_name (o->schema), iku_employee_get_row (e));
}

/* One outcome per employee of every schema, in the order the schemas were
 * added, each with a file name of its own. Two employees whose names make the
 * same file name once sanitised ("A/B" and "A_B", "Anne K." and "Anne K", the
 * same name on two sheets) get " (2)", and a warning names both (sheets and)
 * rows and both files, so that nobody files the wrong plan. */
static void
plan_outcomes (IkuExport *x, IkuFileNamer *namer)
{
  x->n_ikus = 0;
  for (guint s = 0; s < x->schemas->len; s++)
    x->n_ikus += iku_schema_get_n_employees (g_ptr_array_index (x->schemas, s));
  x->n_outcomes = x->n_ikus;
  x->outcomes = g_new0 (Outcome, x->n_outcomes);
  g_autoptr(GHashTable) first_with = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint i = 0;
  for (guint s = 0; s < x->schemas->len; s++)
    {
      const IkuSchema *schema = g_ptr_array_index (x->schemas, s);
      for (guint e = 0; e < iku_schema_get_n_employees (schema); e++, i++)
        {
          Outcome *out = &x->outcomes[i];
          out->schema = schema;
          out->schema_index = s;
          out->employee = e;
          g_autofree char *stem = dup_stem (x, schema, e);
          out->file_name = iku_file_namer_next_stem (namer, stem);
          char *key = folded_file_name (stem);
          gpointer earlier = NULL;
          if (!g_hash_table_lookup_extended (first_with, key, NULL, &earlier))
            {
              g_hash_table_insert (first_with, key, GUINT_TO_POINTER (i));
              continue;
            }
          g_free (key);
          const Outcome *other = &x->outcomes[GPOINTER_TO_UINT (earlier)];
          g_autofree char *place_other = dup_employee_place (x, other);
          g_autofree char *place = dup_employee_place (x, out);
          g_ptr_array_add (x->warnings, g_strdup_printf (
              "%s og %s ville få samme filnavn. Deres IKU'er hedder »%s« og »%s«; kontrollér, "
              "at hver af dem bliver gemt hos den rigtige medarbejder.",
              place_other, place, other->file_name, out->file_name));
        }
    }
}

/* The schemas' warnings; with several schemas each names its sheet. */
static void
collect_schema_warnings (IkuExport *x)
{
  for (guint s = 0; s < x->schemas->len; s++)
    {
      const IkuSchema *schema = g_ptr_array_index (x->schemas, s);
      guint n_warnings = 0;
      const char * const *warnings = iku_schema_get_warnings (schema, &n_warnings);
      for (guint i = 0; i < n_warnings; i++)
        g_ptr_array_add (x->warnings, x->schemas->len == 1
                                        ? g_strdup (warnings[i])
                                        : g_strdup_printf ("Arket »%s«: %s",
                                                           iku_schema_get_sheet_name (schema),
                                                           warnings[i]));
    }
}

/* The source id of every schema of the run, when a source was set and the
 * key can be had (@create: made when missing). A key that cannot be read or
 * made costs only the stale list: the IKUs are made all the same. */
static void
load_source_ids (IkuExport *x, gboolean create)
{
  g_clear_pointer (&x->source_ids, g_ptr_array_unref);
  if (x->source_path == NULL)
    return;
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuSourceKey) key = iku_source_key_load (NULL, create, &error);
  if (key == NULL)
    {
      if (error != NULL)
        g_ptr_array_add (x->warnings, g_strdup (error->message));
      return;
    }
  x->source_ids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < x->schemas->len; i++)
    g_ptr_array_add (x->source_ids,
                     iku_source_key_dup_id (key, x->source_path,
                                            iku_schema_get_sheet_name (g_ptr_array_index (x->schemas, i))));
}

/* The PDFs in the folder that carry one of this run's source ids but are none
 * of the files this run makes (renamed or removed employees): listed, with one
 * warning, and never deleted. */
static void
find_stale (IkuExport *x)
{
  g_ptr_array_set_size (x->stale, 0);
  if (x->source_ids == NULL)
    return;
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < x->source_ids->len; i++)
    g_hash_table_add (ids, g_ptr_array_index (x->source_ids, i));
  g_autoptr(GHashTable) own = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < x->n_outcomes; i++)
    if (x->outcomes[i].file_name != NULL)
      g_hash_table_add (own, iku_source_dup_folded_name (x->outcomes[i].file_name));

  gboolean too_many = FALSE;
  g_autoptr(GPtrArray) found = iku_source_find_pdfs (x->folder, ids, own, MAX_PDFS_SCANNED, &too_many);
  if (too_many)
    g_ptr_array_add (x->warnings, g_strdup_printf (
        "Mappen »%s« har over %u PDF-filer; kun %u af dem er undersøgt for IKU'er, der ikke "
        "længere hører til nogen i skemaet.", x->folder, MAX_PDFS_SCANNED, MAX_PDFS_SCANNED));
  if (found->len == 0)
    return;
  g_autoptr(GString) list = g_string_new (NULL);
  for (guint i = 0; i < found->len; i++)
    {
      const char *path = g_ptr_array_index (found, i);
      g_autofree char *base = g_path_get_basename (path);
      g_string_append_printf (list, "%s»%s«", i == 0 ? "" : ", ", base);
      g_ptr_array_add (x->stale, g_strdup (path));
    }
  g_ptr_array_add (x->warnings, g_strdup_printf (
      "Disse IKU'er hører ikke længere til nogen i skemaet: %s. De er ikke slettet; "
      "slet eller flyt dem selv, hvis de er forældede.", list->str));
}

/* The write failures that concern the folder rather than one file. */
static const IkuAtomicFileError folder_causes[] = {
  IKU_ATOMIC_FILE_ERROR_NO_SPACE,
  IKU_ATOMIC_FILE_ERROR_DENIED,
  IKU_ATOMIC_FILE_ERROR_NO_FOLDER,
};

static gint
folder_cause_of (const GError *error)
{
  for (guint c = 0; c < G_N_ELEMENTS (folder_causes); c++)
    if (g_error_matches (error, IKU_ATOMIC_FILE_ERROR, (gint) folder_causes[c]))
      return (gint) c;
  return -1;
}

/* One warning for @n IKUs that failed for the folder cause @cause. */
static char *
dup_folder_cause_warning (gint cause, guint n, const char *folder)
{
  IkuAtomicFileError code = folder_causes[cause];
  if (code == IKU_ATOMIC_FILE_ERROR_NO_SPACE)
    return g_strdup_printf ("%u IKU'er kunne ikke gemmes, fordi der ikke er plads på drevet med "
                            "mappen »%s«. Frigør plads, og lav IKU'erne igen.", n, folder);
  if (code == IKU_ATOMIC_FILE_ERROR_DENIED)
    return g_strdup_printf ("%u IKU'er kunne ikke gemmes, fordi du ikke har lov til at skrive i "
                            "mappen »%s« (eller filerne er skrivebeskyttede). Vælg en anden "
                            "mappe, eller få rettighederne ændret.", n, folder);
  return g_strdup_printf ("%u IKU'er kunne ikke gemmes, fordi mappen »%s« ikke findes "
                          "(længere). Kontrollér, at mappen er der, og lav IKU'erne igen.",
                          n, folder);
}

/**
 * iku_export_run:
 *
 * Writes every IKU of the schema into the folder. Returns FALSE with @error
 * when the folder cannot be used or some IKUs could not be written; the report
 * (iku_export_get_written(), iku_export_get_warnings()) is complete either way.
 */
gboolean
iku_export_run (IkuExport *x, GError **error)
{
  g_return_val_if_fail (x != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clear_outcomes (x);
  g_ptr_array_set_size (x->written, 0);
  g_ptr_array_set_size (x->warnings, 0);
  collect_schema_warnings (x);

  if (!prepare_settings (x, error) || !check_folder (x->folder, error))
    return FALSE;

  g_free (x->date);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  x->date = iku_text_format_date (now);

  g_autoptr(IkuFileNamer) namer = iku_file_namer_new ();
  plan_outcomes (x, namer);
  load_source_ids (x, TRUE);
  run_workers (x);
  if (!g_atomic_int_get (&x->cancelled))
    export_extras (x, namer);
  if (!g_atomic_int_get (&x->cancelled))
    find_stale (x);

  guint n_employees = x->n_ikus;
  x->n_extra = 0;
  guint n_failed = 0;
  const GError *first = NULL;
  gboolean cancelled = FALSE;
  /* Failures that concern the folder, not one file (a full disk, no right to
   * write, the folder gone): one warning with a count, not one per employee. */
  guint n_same[G_N_ELEMENTS (folder_causes)] = { 0 };
  const GError *first_same[G_N_ELEMENTS (folder_causes)] = { NULL };
  for (guint i = 0; i < x->n_outcomes; i++)
    {
      Outcome *out = &x->outcomes[i];
      if (out->warning != NULL)
        g_ptr_array_add (x->warnings, g_strdup (out->warning));
      if (out->path != NULL)
        {
          g_ptr_array_add (x->written, g_strdup (out->path));
          x->n_extra += i >= n_employees;
        }
      else if (g_error_matches (out->error, IKU_EXPORT_ERROR, IKU_EXPORT_ERROR_CANCELLED))
        cancelled = TRUE;
      else if (out->error != NULL)
        {
          n_failed++;
          first = first != NULL ? first : out->error;
          gint cause = folder_cause_of (out->error);
          if (cause < 0)
            {
              /* The error tells the first failure; the warnings the others. */
              if (out->error != first)
                g_ptr_array_add (x->warnings, g_strdup (out->error->message));
            }
          else if (n_same[cause]++ == 0)
            first_same[cause] = out->error;
        }
    }
  /* Each failure is told once: the first one's cause (with its count) in the
   * error, the other causes as warnings. */
  gint first_cause = first != NULL ? folder_cause_of (first) : -1;
  g_autofree char *first_told = NULL;
  for (guint c = 0; c < G_N_ELEMENTS (folder_causes); c++)
    if ((gint) c == first_cause)
      first_told = n_same[c] > 1 ? dup_folder_cause_warning ((gint) c, n_same[c], x->folder) : NULL;
    else if (n_same[c] == 1)
      g_ptr_array_add (x->warnings, g_strdup (first_same[c]->message));
    else if (n_same[c] > 1)
      g_ptr_array_add (x->warnings, dup_folder_cause_warning ((gint) c, n_same[c], x->folder));

  if (n_failed > 0)
    {
      /* Layout, font and PDF failures are ikuflet's own: not a write problem
       * the user can fix in the folder. The first failure names the cause. */
      gboolean made = first->domain == IKU_ATOMIC_FILE_ERROR;
      IkuExportError code = made ? IKU_EXPORT_ERROR_WRITE : IKU_EXPORT_ERROR_RENDER;
      const char *detail = first_told != NULL ? first_told : first->message;
      if (n_failed == x->n_outcomes)
        g_set_error (error, IKU_EXPORT_ERROR, code, made ? "Ingen IKU'er blev gemt. %s"
                                                         : "Ingen IKU'er kunne laves. %s",
                     detail);
      else
        g_set_error (error, IKU_EXPORT_ERROR, code,
                     made ? "%u af %u IKU'er kunne ikke gemmes (de øvrige er gemt). %s"
                          : "%u af %u IKU'er kunne ikke laves (de øvrige er gemt). %s",
                     n_failed, x->n_outcomes, detail);
      return FALSE;
    }
  if (cancelled)
    {
      g_set_error (error, IKU_EXPORT_ERROR, IKU_EXPORT_ERROR_CANCELLED,
                   "Eksporten blev afbrudt; %u af %u IKU'er nåede at blive gemt.",
                   x->written->len, x->n_outcomes);
      return FALSE;
    }
  return TRUE;
}

/* The check: one warning per employee left out for hidden rows, naming them
 * (the export says only how many). */
static void
warn_hidden_names (IkuExport *x)
{
  for (guint s = 0; s < x->schemas->len; s++)
    {
      const IkuSchema *schema = g_ptr_array_index (x->schemas, s);
      for (guint i = 0; i < iku_schema_get_n_hidden_skipped (schema); i++)
        {
          guint row = 0;
          const char *name = iku_schema_get_hidden_skipped (schema, i, &row);
          g_autofree char *where = x->schemas->len == 1
                                     ? g_strdup_printf ("Række %u", row)
                                     : g_strdup_printf ("Arket »%s«, række %u",
                                                        iku_schema_get_sheet_name (schema), row);
          g_ptr_array_add (x->warnings, g_strdup_printf (
              "%s: »%s« står kun i skjulte eller bortfiltrerede rækker og får ingen IKU.",
              where, name));
        }
    }
}

/**
 * iku_export_check:
 *
 * The check before the deadline ("Tjek skemaet", CLI --check): does all an
 * export does except writing. Afterwards iku_export_get_n_ikus() and the
 * iku_export_get_iku_*() accessors tell who would get an IKU, under which
 * file name, with how many pages (from the real layout; paths are NULL), and
 * iku_export_get_warnings() has every warning the export would give — and,
 * for employees left out for hidden rows, one per name —, also the IKUs that
 * would be stale (iku_export_get_stale()). Writes nothing, not even a
 * temporary file, and makes no key. Team plans and the combined file are not
 * checked. Returns FALSE with @error only when the settings cannot be used.
 */
gboolean
iku_export_check (IkuExport *x, GError **error)
{
  g_return_val_if_fail (x != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  clear_outcomes (x);
  g_ptr_array_set_size (x->written, 0);
  g_ptr_array_set_size (x->warnings, 0);
  g_ptr_array_set_size (x->stale, 0);
  x->n_extra = 0;
  collect_schema_warnings (x);
  warn_hidden_names (x);
  if (!prepare_settings (x, error))
    return FALSE;

  g_free (x->date);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  x->date = iku_text_format_date (now);

  g_autoptr(IkuFileNamer) namer = iku_file_namer_new ();
  plan_outcomes (x, namer);
  for (guint i = 0; i < x->n_ikus; i++)
    {
      Outcome *out = &x->outcomes[i];
      g_autoptr(IkuLayout) layout = lay_out (x, out);
      if (out->warning != NULL)
        g_ptr_array_add (x->warnings, g_strdup (out->warning));
      if (layout == NULL)
        g_ptr_array_add (x->warnings, g_strdup_printf (
            "IKU'en for »%s« kan ikke laves: %s",
            iku_employee_get_name (iku_schema_get_employee (out->schema, out->employee)),
            out->error->message));
      if (x->progress != NULL && !x->progress (i + 1, x->n_ikus, x->progress_data))
        {
          g_set_error_literal (error, IKU_EXPORT_ERROR, IKU_EXPORT_ERROR_CANCELLED, "Afbrudt.");
          return FALSE;
        }
    }
  load_source_ids (x, FALSE);
  find_stale (x);
  return TRUE;
}

const char * const *
iku_export_get_written (const IkuExport *x, guint *n_written)
{
  g_return_val_if_fail (x != NULL, NULL);
  if (n_written != NULL)
    *n_written = x->written->len;
  return (const char * const *) x->written->pdata;
}

guint
iku_export_get_n_extra (const IkuExport *x)
{
  g_return_val_if_fail (x != NULL, 0);
  return x->n_extra;
}

/**
 * iku_export_get_stale:
 *
 * Returns: (transfer none): full paths of the IKUs in the folder from the same
 * schema file and sheets that this run did not make, sorted; NULL-terminated.
 * One warning lists them too.
 */
const char * const *
iku_export_get_stale (const IkuExport *x, guint *n_stale)
{
  g_return_val_if_fail (x != NULL, NULL);
  if (n_stale != NULL)
    *n_stale = x->stale->len;
  return (const char * const *) x->stale->pdata;
}

guint
iku_export_get_n_ikus (const IkuExport *x)
{
  g_return_val_if_fail (x != NULL, 0);
  return x->n_ikus;
}

static const Outcome *
iku_of (const IkuExport *x, guint index)
{
  g_return_val_if_fail (x != NULL, NULL);
  g_return_val_if_fail (index < x->n_ikus, NULL);
  return &x->outcomes[index];
}

guint
iku_export_get_iku_schema (const IkuExport *x, guint index)
{
  const Outcome *o = iku_of (x, index);
  return o != NULL ? o->schema_index : 0;
}

const IkuEmployee *
iku_export_get_iku_employee (const IkuExport *x, guint index)
{
  const Outcome *o = iku_of (x, index);
  return o != NULL ? iku_schema_get_employee (o->schema, o->employee) : NULL;
}

const char *
iku_export_get_iku_file_name (const IkuExport *x, guint index)
{
  const Outcome *o = iku_of (x, index);
  return o != NULL ? o->file_name : NULL;
}

guint
iku_export_get_iku_n_pages (const IkuExport *x, guint index)
{
  const Outcome *o = iku_of (x, index);
  return o != NULL ? o->n_pages : 0;
}

const char *
iku_export_get_iku_path (const IkuExport *x, guint index)
{
  const Outcome *o = iku_of (x, index);
  return o != NULL ? o->path : NULL;
}

guint
iku_export_get_n_written_from (const IkuExport *x, guint schema_index)
{
  g_return_val_if_fail (x != NULL, 0);
  guint n = 0;
  for (guint i = 0; i < x->n_ikus; i++)
    n += x->outcomes[i].schema_index == schema_index && x->outcomes[i].path != NULL;
  return n;
}

const char * const *
iku_export_get_warnings (const IkuExport *x, guint *n_warnings)
{
  g_return_val_if_fail (x != NULL, NULL);
  if (n_warnings != NULL)
    *n_warnings = x->warnings->len;
  return (const char * const *) x->warnings->pdata;
}
