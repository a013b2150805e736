/* SPDX-License-Identifier: GPL-3.0-or-later
 * ikuflet [--out DIR] [--json] [--date TEXT] [--settings FILE] ... SKEMA.{ods,xlsx,xlsm}
 * Reads a competence schema (.ods, .xlsx, .xlsm) and writes one IKU PDF per employee,
 * without LibreOffice. Exit codes: 0 written (warnings allowed), 1 input problem (the
 * schema, or the settings: file, logo, wording file, name pattern),
 * 2 wrong usage, 3 output could not be written, 4 IKUs could not be made
 * (their layout, font or PDF failed, or ikuflet's own files are missing).
 * --check writes nothing: 0 checked (warnings allowed), 1 input problem,
 * 2 wrong usage, 3 the folder cannot take the IKUs. */
#include "iku-cli-check.h"
#include "iku-cli-platform.h"
#include "iku-cli-schemas.h"
#include "iku-cli-report.h"
#include "iku-cli-settings.h"
#include "iku-export.h"
#include "iku-book-read.h"
#include "iku-schema.h"
#include "iku-system-error.h"

#include <glib/gstdio.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

enum {
  EXIT_WRITTEN = 0,
  EXIT_INPUT = 1,
  EXIT_USAGE = 2,
  EXIT_OUTPUT = 3,
  EXIT_PROGRAM = 4,
};

typedef struct
{
  char    *out_dir;
  char    *date;
  gboolean json;
  gboolean version;
  gboolean team_plan;
  gboolean combined;
  gboolean all_rows;
  gboolean check;
  gboolean all_sheets;
  char    *source_line;  /* the plain report's last line: the sheets read */
  int      threads;   /* hidden --threads: 0 means one per core */
  char   **files;
  IkuCliSettings *settings;
} Options;

static void
options_clear (Options *o)
{
  g_free (o->out_dir);
  g_free (o->date);
  g_strfreev (o->files);
  g_free (o->source_line);
  iku_cli_settings_free (o->settings);
}

static int
finish (const Options *o, int code, const char *folder, const char * const *written,
        guint n_extra, const char * const *warnings, const char *error)
{
  IkuCliReport report = { written, warnings, error, folder, n_extra, o->source_line };
  g_autofree char *problems = iku_cli_report_problems (&report);
  if (o->json)
    {
      g_autofree char *json = iku_cli_report_to_json (&report);
      fputs (json, stdout);
    }
  else
    {
      g_autofree char *text = iku_cli_report_to_text (&report);
      fputs (text, stdout);
    }
  fputs (problems, stderr);
  fflush (stdout);
  return code;
}

static gboolean
parse (int argc, char **argv, Options *o, GError **error)
{
  GOptionEntry entries[] = {
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &o->out_dir,
      "Gem IKU'erne i MAPPE i stedet for i skemaets mappe (mappen oprettes, hvis den mangler)", "MAPPE" },
    { "json", 0, 0, G_OPTION_ARG_NONE, &o->json,
      "Skriv resultatet som JSON: {\"written\": [...], \"warnings\": [...], \"error\": null}", NULL },
    { "date", 0, 0, G_OPTION_ARG_STRING, &o->date,
      "Samtalens dato, som den skal stå i IKU'erne (ellers skemaets Dato eller dagens dato)", "TEKST" },
    { "teamplan", 0, 0, G_OPTION_ARG_NONE, &o->team_plan,
      "Lav også teamets udviklingsplan: »Teamudviklingsplan - <team>.pdf«", NULL },
    { "samlet", 0, 0, G_OPTION_ARG_NONE, &o->combined,
      "Saml også alle IKU'erne i én fil til udskrift: »IKU'er samlet.pdf«", NULL },
    { "all-rows", 0, 0, G_OPTION_ARG_NONE, &o->all_rows,
      "Lav også IKU'er for medarbejdere, hvis navn kun står i skjulte eller bortfiltrerede "
      "rækker (uden: de springes over, og rapporten siger hvor mange)", NULL },
    { "all-sheets", 0, 0, G_OPTION_ARG_NONE, &o->all_sheets,
      "Lav IKU'er for alle ark med et kompetenceskema (alle teams) i én kørsel; samme navn på to "
      "ark giver » (2)« og en bemærkning", NULL },
    { "check", 0, 0, G_OPTION_ARG_NONE, &o->check,
      "Tjek skemaet uden at gemme noget: hvem der får en IKU (filnavn og antal sider), alle "
      "bemærkninger, og IKU'er i mappen, der ikke længere hører til nogen", NULL },
    { "version", 0, 0, G_OPTION_ARG_NONE, &o->version, "Vis versionen", NULL },
    /* For benchmarks (tests/bench): how many IKUs are made at once. */
    { "threads", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT, &o->threads,
      "Antal tråde (0: én pr. kerne)", "N" },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &o->files, NULL, "SKEMA.{ods,xlsx,xlsm}" },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
      "Laver én IKU (individuel kompetenceudviklingsplan) som PDF for hver medarbejder i\n"
      "et fælles kompetenceskema (.ods, .xlsx eller .xlsm). IKU'erne gemmes som\n"
      "»IKU - <navn>.pdf«.");
  g_option_context_set_description (context,
      "Afslutningskoder: 0 IKU'erne er gemt (evt. med bemærkninger), 1 problem med skemaet\n"
      "eller indstillingerne (filen, logoet, teksterne eller filnavnet), 2 forkert brug, 3 IKU'erne kunne ikke gemmes, 4 IKU'erne kunne ikke laves (for langt\n"
      "indhold, eller ikuflets egne filer mangler).\n"
      "Med --check gemmes intet (heller ikke mappen eller midlertidige filer): 0 skemaet er\n"
      "tjekket (evt. med bemærkninger), 1 problem med skemaet eller indstillingerne, 2 forkert\n"
      "brug, 3 IKU'erne ville ikke kunne gemmes i mappen. --check --json tilføjer \"check\":\n"
      "{\"folder\", \"ikus\": [{\"sheet\", \"team\", \"name\", \"row\", \"file\", \"pages\"}], \"stale\"}.\n"
      "Skjulte og bortfiltrerede rækker: en medarbejder springes over, når alle rækker med\n"
      "navnet er skjult; deres fortsættelsesrækker og alt teamindhold tæller altid med.\n"
      "Hver IKU bærer et id for skemafil og ark (en nøgle-hash, aldrig stien); efter\n"
      "eksporten nævnes IKU'er i mappen fra samme skema og ark, som ingen medarbejder har\n"
      "længere. De slettes aldrig.");
  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_main_entries (context, iku_cli_settings_entries (o->settings), NULL);
  /* GOption's own messages are English without GLib's translations: say it in
   * Danish, and keep its words for the detail. */
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) args = iku_cli_platform_dup_args (argc, argv);
  if (!g_option_context_parse_strv (context, &args, &local_error))
    {
      g_set_error (error, G_OPTION_ERROR, local_error->code,
                   "Kommandolinjen kunne ikke forstås (%s). "
                   "Skriv »ikuflet --help« for at se, hvordan ikuflet bruges.",
                   local_error->message);
      return FALSE;
    }
  if (o->version)
    return TRUE;
  if (o->threads < 0 || o->threads > 256)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           "--threads skal være et tal fra 0 til 256.");
      return FALSE;
    }
  if (iku_cli_settings_wants_print (o->settings) && o->files == NULL)
    return TRUE;
  if (o->files == NULL || g_strv_length (o->files) != 1)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           "Angiv præcis ét kompetenceskema (.ods, .xlsx eller .xlsm). Skriv »ikuflet --help« for at se hvordan.");
      return FALSE;
    }
  return TRUE;
}

/* Whether --json was asked for, also when the command line is wrong. */
static gboolean
asks_for_json (int argc, char **argv)
{
  for (int i = 1; i < argc && argv[i] != NULL && strcmp (argv[i], "--") != 0; i++)
    if (strcmp (argv[i], "--json") == 0)
      return TRUE;
  return FALSE;
}

/* --check: the export's every step but writing; nothing is made on disk, not
 * even the folder. Exit 0 when checked (warnings allowed), 1 when the settings
 * cannot be used, 3 when the IKUs could not be saved in the folder. */
/* The export of every schema read, into @folder. */
static IkuExport *
new_export (GPtrArray *schemas, const IkuResources *res, const char *folder, const char *path,
            const IkuSettings *settings)
{
  IkuExport *x = iku_export_new (g_ptr_array_index (schemas, 0), res, folder);
  for (guint i = 1; i < schemas->len; i++)
    iku_export_add_schema (x, g_ptr_array_index (schemas, i));
  iku_export_set_source (x, path);
  iku_export_set_settings (x, settings);
  return x;
}

/* The warnings of reading the sheets, then the export's. (transfer full) */
static GStrv
dup_warnings (GPtrArray *read_warnings, const IkuExport *x)
{
  g_autoptr(GStrvBuilder) all = g_strv_builder_new ();
  for (guint i = 0; i < read_warnings->len; i++)
    g_strv_builder_add (all, g_ptr_array_index (read_warnings, i));
  g_strv_builder_addv (all, (const char **) iku_export_get_warnings (x, NULL));
  return g_strv_builder_end (all);
}

static int
run_check (const Options *o, GPtrArray *schemas, GPtrArray *read_warnings, const IkuResources *res,
           const IkuSettings *settings, const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *schema_dir = g_path_get_dirname (path);
  g_autofree char *folder = iku_cli_check_dup_folder (settings, schema_dir, o->out_dir, &error);
  if (folder == NULL)
    return finish (o, EXIT_OUTPUT, NULL, NULL, 0, NULL, error->message);
  g_autoptr(IkuExport) x = new_export (schemas, res, folder, path, settings);
  gboolean checked = iku_export_check (x, &error);
  g_auto(GStrv) warnings = dup_warnings (read_warnings, x);
  if (!checked)
    return finish (o, EXIT_INPUT, folder, NULL, 0, (const char * const *) warnings, error->message);
  g_autofree char *problem = iku_cli_check_dup_folder_problem (folder);
  g_autofree char *report = o->json ? iku_cli_check_to_json (x, (const char * const *) warnings, folder, problem)
                                    : iku_cli_check_to_text (x, (const char * const *) warnings, folder, problem);
  fputs (report, stdout);
  fflush (stdout);
  return problem != NULL ? EXIT_OUTPUT : EXIT_WRITTEN;
}

int
main (int argc, char **argv)
{
  iku_cli_platform_init ();
  Options o = { .settings = iku_cli_settings_new () };
  g_autoptr(GError) error = NULL;
  int code;

  /* Before parsing, which reorders argv. */
  gboolean wants_json = asks_for_json (argc, argv);
  if (!parse (argc, argv, &o, &error))
    {
      o.json = o.json || wants_json;
      code = finish (&o, EXIT_USAGE, NULL, NULL, 0, NULL, error->message);
      options_clear (&o);
      return code;
    }
  if (o.version)
    {
      printf ("ikuflet %s\n", IKUFLET_VERSION);
      options_clear (&o);
      return EXIT_WRITTEN;
    }

  g_autoptr(IkuSettings) settings = iku_cli_settings_build (o.settings, o.team_plan, o.combined,
                                                            &error);
  if (settings != NULL && iku_cli_settings_wants_print (o.settings))
    {
      g_autofree char *data = iku_settings_to_data (settings);
      fputs (data, stdout);
      options_clear (&o);
      return EXIT_WRITTEN;
    }
  if (settings == NULL || !iku_settings_validate (settings, &error))
    {
      code = finish (&o, EXIT_INPUT, NULL, NULL, 0, NULL, error->message);
      options_clear (&o);
      return code;
    }

  const char *path = o.files[0];
  g_autoptr(IkuBook) book = iku_book_read_file (path, &error);
  g_autoptr(GPtrArray) read_warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) schemas = book == NULL ? NULL
    : iku_cli_schemas_read (book, o.all_sheets,
                            o.all_rows ? IKU_SCHEMA_FLAGS_INCLUDE_HIDDEN_ROWS : IKU_SCHEMA_FLAGS_NONE,
                            read_warnings, &error);
  if (schemas == NULL)
    {
      g_autofree char *base = g_filename_display_basename (path);
      g_autofree char *message = g_error_matches (error, IKU_SCHEMA_ERROR, IKU_SCHEMA_ERROR_NO_HEADER)
                                 || g_error_matches (error, IKU_SCHEMA_ERROR, IKU_SCHEMA_ERROR_NO_EMPLOYEES)
                                 ? g_strdup_printf ("%s: %s", base, error->message)
                                 : g_strdup (error->message);
      g_ptr_array_add (read_warnings, NULL);
      code = finish (&o, EXIT_INPUT, NULL, NULL, 0, (const char * const *) read_warnings->pdata, message);
      options_clear (&o);
      return code;
    }
  for (guint i = 0; i < schemas->len && o.date != NULL; i++)
    iku_schema_set_date (g_ptr_array_index (schemas, i), o.date);
  o.source_line = iku_cli_schemas_dup_line (schemas);

  g_autofree char *exe = iku_cli_platform_dup_program_path (argv[0]);
  g_autoptr(IkuResources) res = iku_resources_new_for_program (exe, &error);
  if (res == NULL)
    {
      code = finish (&o, EXIT_PROGRAM, NULL, NULL, 0, NULL, error->message);
      options_clear (&o);
      return code;
    }

  if (o.check)
    {
      code = run_check (&o, schemas, read_warnings, res, settings, path);
      options_clear (&o);
      return code;
    }

  /* --out goes before the settings' Mappe. */
  g_autofree char *schema_dir = g_path_get_dirname (path);
  g_autofree char *folder = o.out_dir != NULL ? g_strdup (o.out_dir)
                                              : iku_settings_resolve_folder (settings, schema_dir, &error);
  if (folder == NULL)
    {
      code = finish (&o, EXIT_OUTPUT, NULL, NULL, 0, NULL, error->message);
      options_clear (&o);
      return code;
    }
  if (o.out_dir != NULL && g_mkdir_with_parents (folder, 0777) != 0)
    {
      g_autofree char *message = g_strdup_printf ("Mappen »%s« kunne ikke oprettes: %s.",
                                                  folder, iku_system_error_text (errno));
      code = finish (&o, EXIT_OUTPUT, folder, NULL, 0, NULL, message);
      options_clear (&o);
      return code;
    }

  g_autoptr(IkuExport) x = new_export (schemas, res, folder, path, settings);
  iku_export_set_threads (x, (guint) o.threads);
  gboolean ok = iku_export_run (x, &error);
  g_auto(GStrv) warnings = dup_warnings (read_warnings, x);
  code = finish (&o, ok ? EXIT_WRITTEN
                      : g_error_matches (error, IKU_EXPORT_ERROR, IKU_EXPORT_ERROR_RENDER)
                      ? EXIT_PROGRAM : EXIT_OUTPUT, folder,
                 iku_export_get_written (x, NULL), iku_export_get_n_extra (x),
                 (const char * const *) warnings, ok ? NULL : error->message);
  options_clear (&o);
  return code;
}
