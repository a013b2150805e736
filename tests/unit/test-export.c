/* SPDX-License-Identifier: GPL-3.0-or-later
 * The export: one PDF per employee, safe names, atomic writes, a true report,
 * and no employee's individual content in another employee's IKU. */
#include "iku-export.h"
#include "iku-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

#define HEADERS "Navn|Individuelt fokus|Teamfokus"

typedef struct
{
  char         *dir;
  IkuResources *res;
} Fixture;

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  f->dir = iku_test_make_temp_dir ();
  f->res = iku_resources_new_from_dir (g_getenv ("IKUFLET_DATA_DIR"), &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  iku_resources_free (f->res);
  g_free (f->dir);
}

static char *
text_of (const char *dir, const char *file)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autofree char *raw = iku_test_pdf_text (path);
  return iku_test_squash_space (raw);
}

static void
test_one_pdf_each (Fixture *f, gconstpointer data)
{
  g_autoptr(IkuSchema) s = iku_test_schema_new ("Team:|Dagplejen\nLeder:|Mette\nDato:|3. marts 2026\n" HEADERS "\n"
                                        "Anne Hansen|Kursus i Excel|Fælles møder\n"
                                        "|Mentor for ny kollega|\n"
                                        "Bo Ek|Førstehjælp|Ny vagtplan\n"
                                        "Ce Lund|Sårpleje|");
  g_autoptr(IkuExport) x = iku_export_new (s, f->res, f->dir);
  g_autoptr(GError) error = NULL;
  g_assert_true (iku_export_run (x, &error));
  g_assert_no_error (error);
  guint n = 0;
  const char *const *written = iku_export_get_written (x, &n);
  g_assert_cmpuint (n, ==, 3);
  g_autofree char *expected0 = g_build_filename (f->dir, "IKU - Anne Hansen.pdf", NULL);
  g_assert_cmpstr (written[0], ==, expected0);
  g_assert_null (written[3]);
  g_assert_cmpuint (iku_test_count_entries (f->dir), ==, 3);

  g_autofree char *anne = text_of (f->dir, "IKU - Anne Hansen.pdf");
  g_assert_nonnull (strstr (anne, "Anne Hansen"));
  g_assert_nonnull (strstr (anne, "Kursus i Excel"));
  g_assert_nonnull (strstr (anne, "Mentor for ny kollega"));
  g_assert_nonnull (strstr (anne, "Fælles møder"));
  g_assert_nonnull (strstr (anne, "Ny vagtplan"));
  g_assert_nonnull (strstr (anne, "Dagplejen"));
  g_assert_nonnull (strstr (anne, "Mette"));
  g_assert_nonnull (strstr (anne, "3. marts 2026"));
  g_assert_null (strstr (anne, "Førstehjælp"));
  g_assert_null (strstr (anne, "Sårpleje"));
  g_autofree char *bo = text_of (f->dir, "IKU - Bo Ek.pdf");
  g_assert_nonnull (strstr (bo, "Førstehjælp"));
  g_assert_null (strstr (bo, "Kursus i Excel"));
  g_assert_null (strstr (bo, "Mentor"));
  iku_test_assert_pdf_sound (written[2]);
}

static void
test_default_date_is_today (Fixture *f, gconstpointer data)
{
  g_autoptr(IkuSchema) s = iku_test_schema_new (HEADERS "\nAnne|a|");
  g_autoptr(IkuExport) x = iku_export_new (s, f->res, f->dir);
  g_assert_true (iku_export_run (x, NULL));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = text_of (f->dir, "IKU - Anne.pdf");
  g_autofree char *year = g_strdup_printf ("%d", g_date_time_get_year (now));
  g_autofree char *day = g_strdup_printf ("%d. ", g_date_time_get_day_of_month (now));
  g_assert_nonnull (strstr (text, year));
  g_assert_nonnull (strstr (text, day));
}

static void
test_colliding_file_names_warn (Fixture *f, gconstpointer data)
{
  /* Different people whose names make the same file name once sanitised: each
   * gets a file, and one warning names both rows and both files. */
  g_autoptr(IkuSchema) s = iku_test_schema_new (HEADERS "\nA/B|a|\nAnne K.|b|\nA_B|c|\nAnne K|d|");
  g_autoptr(IkuExport) x = iku_export_new (s, f->res, f->dir);
  g_assert_true (iku_export_run (x, NULL));
  guint n = 0;
  const char *const *warnings = iku_export_get_warnings (x, &n);
  g_autoptr(GString) all = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (all, "%s\n", warnings[i]);
  g_assert_nonnull (strstr (all->str, "»A/B« (række 2) og »A_B« (række 4) ville få samme filnavn. "
                                      "Deres IKU'er hedder »IKU - A_B.pdf« og »IKU - A_B (2).pdf«"));
  g_assert_nonnull (strstr (all->str, "»Anne K.« (række 3) og »Anne K« (række 5)"));
  g_assert_nonnull (strstr (all->str, "»IKU - Anne K.pdf« og »IKU - Anne K (2).pdf«"));
  g_autofree char *second = text_of (f->dir, "IKU - A_B (2).pdf");
  g_assert_nonnull (strstr (second, "A_B"));
  g_assert_nonnull (strstr (second, "c"));
  g_assert_cmpuint (iku_test_count_entries (f->dir), ==, 4);
}

static void
test_missing_folder (Fixture *f, gconstpointer data)
{
  g_autoptr(IkuSchema) s = iku_test_schema_new (HEADERS "\nAnne|a|");
  g_autofree char *gone = g_build_filename (f->dir, "findes-ikke", NULL);
  g_autoptr(IkuExport) x = iku_export_new (s, f->res, gone);
  g_autoptr(GError) error = NULL;
  g_assert_false (iku_export_run (x, &error));
  g_assert_error (error, IKU_EXPORT_ERROR, IKU_EXPORT_ERROR_FOLDER);
  g_assert_nonnull (strstr (error->message, gone));
  guint n = 99;
  iku_export_get_written (x, &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_false (g_file_test (gone, G_FILE_TEST_EXISTS));
}

static void
test_one_blocked_others_written (Fixture *f, gconstpointer data)
{
  g_autoptr(IkuSchema) s = iku_test_schema_new (HEADERS "\nAnne|a|\nBo|b|\nCe|c|");
  g_autofree char *blocker = g_build_filename (f->dir, "IKU - Bo.pdf", NULL);
  g_assert_cmpint (g_mkdir (blocker, 0700), ==, 0);
  g_autoptr(IkuExport) x = iku_export_new (s, f->res, f->dir);
  g_autoptr(GError) error = NULL;
  g_assert_false (iku_export_run (x, &error));
  g_assert_error (error, IKU_EXPORT_ERROR, IKU_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "1 af 3"));
  g_assert_nonnull (strstr (error->message, "IKU - Bo.pdf"));
  guint n = 0;
  const char *const *written = iku_export_get_written (x, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (g_str_has_suffix (written[0], "IKU - Anne.pdf"));
  g_assert_true (g_str_has_suffix (written[1], "IKU - Ce.pdf"));
  g_assert_cmpuint (iku_test_count_entries (f->dir), ==, 3);   /* two PDFs and the folder, nothing else */
}

static void
test_existing_replaced (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_build_filename (f->dir, "IKU - Anne.pdf", NULL);
  g_assert_true (g_file_set_contents (path, "old version", -1, NULL));
  g_autoptr(IkuSchema) s = iku_test_schema_new (HEADERS "\nAnne|ny aftale|");
  g_autoptr(IkuExport) x = iku_export_new (s, f->res, f->dir);
  g_assert_true (iku_export_run (x, NULL));
  g_autofree char *text = text_of (f->dir, "IKU - Anne.pdf");
  g_assert_nonnull (strstr (text, "ny aftale"));
  g_assert_cmpuint (iku_test_count_entries (f->dir), ==, 1);
}

static void
test_names_never_escape (Fixture *f, gconstpointer data)
{
  g_autofree char *inner = g_build_filename (f->dir, "ud", NULL);
  g_assert_cmpint (g_mkdir (inner, 0700), ==, 0);
  g_autoptr(IkuSchema) s = iku_test_schema_new (HEADERS "\n../../x|a|\n/etc/passwd|b|\n..|c|\nCON|d|\n.hidden|e|");
  g_autoptr(IkuExport) x = iku_export_new (s, f->res, inner);
  g_assert_true (iku_export_run (x, NULL));
  guint n = 0;
  const char *const *written = iku_export_get_written (x, &n);
  g_assert_cmpuint (n, ==, 5);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *dir = g_path_get_dirname (written[i]);
      g_assert_cmpstr (dir, ==, inner);
      g_autofree char *base = g_path_get_basename (written[i]);
      g_assert_true (g_str_has_prefix (base, "IKU - "));
    }
  g_assert_cmpuint (iku_test_count_entries (f->dir), ==, 1);   /* only "ud" */
  g_assert_cmpuint (iku_test_count_entries (inner), ==, 5);
}

static void
test_collisions_numbered (Fixture *f, gconstpointer data)
{
  g_autoptr(IkuSchema) s = iku_test_schema_new (HEADERS "\nA/B|a|\nA_B|b|\nA:B|c|");
  g_autoptr(IkuExport) x = iku_export_new (s, f->res, f->dir);
  g_assert_true (iku_export_run (x, NULL));
  g_assert_cmpuint (iku_test_count_entries (f->dir), ==, 3);
  g_autofree char *third = text_of (f->dir, "IKU - A_B (3).pdf");
  g_assert_nonnull (strstr (third, "A:B"));
}

/* Person 00 ... Person 39, one individual item each. */
static IkuSchema *
forty_people (void)
{
  g_autoptr(GString) spec = g_string_new (HEADERS);
  for (int i = 0; i < 40; i++)
    g_string_append_printf (spec, "\nPerson %02d|indhold %d|", i, i);
  return iku_test_schema_new (spec->str);
}

typedef struct { guint calls, last, total, cancel_after; } Progress;

static gboolean
on_progress (guint done, guint total, gpointer data)
{
  Progress *p = data;
  g_assert_cmpuint (done, ==, p->last + 1);
  p->calls++;
  p->last = done;
  p->total = total;
  return p->cancel_after == 0 || done < p->cancel_after;
}

static void
test_progress_and_cancel (Fixture *f, gconstpointer data)
{
  g_autoptr(IkuSchema) s = forty_people ();

  Progress p = { 0 };
  g_autoptr(IkuExport) x = iku_export_new (s, f->res, f->dir);
  iku_export_set_progress_func (x, on_progress, &p);
  g_assert_true (iku_export_run (x, NULL));
  g_assert_cmpuint (p.calls, ==, 40);
  g_assert_cmpuint (p.total, ==, 40);

  g_autofree char *other = g_build_filename (f->dir, "afbrudt", NULL);
  g_assert_cmpint (g_mkdir (other, 0700), ==, 0);
  Progress c = { 0, 0, 0, 3 };
  g_autoptr(IkuExport) y = iku_export_new (s, f->res, other);
  iku_export_set_threads (y, 1);
  iku_export_set_progress_func (y, on_progress, &c);
  g_autoptr(GError) error = NULL;
  g_assert_false (iku_export_run (y, &error));
  g_assert_error (error, IKU_EXPORT_ERROR, IKU_EXPORT_ERROR_CANCELLED);
  /* One thread: cancelled after the third, before the fourth began. */
  guint n = 0;
  iku_export_get_written (y, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpuint (c.calls, ==, 3);
  g_assert_cmpuint (iku_test_count_entries (other), ==, 3);
}

typedef struct { const char *from, *to; } Move;

static gboolean
move_folder_away (guint done, guint total, gpointer data)
{
  Move *m = data;
  if (done == 1)
    g_assert_cmpint (g_rename (m->from, m->to), ==, 0);
  return TRUE;
}

static void
test_folder_vanishes (Fixture *f, gconstpointer data)
{
  g_autoptr(IkuSchema) s = forty_people ();
  g_autofree char *target = g_build_filename (f->dir, "ikuer", NULL);
  g_autofree char *moved = g_build_filename (f->dir, "flyttet", NULL);
  g_assert_cmpint (g_mkdir (target, 0700), ==, 0);
  Move m = { target, moved };
  g_autoptr(IkuExport) x = iku_export_new (s, f->res, target);
  iku_export_set_threads (x, 1);
  iku_export_set_progress_func (x, move_folder_away, &m);
  g_autoptr(GError) error = NULL;
  g_assert_false (iku_export_run (x, &error));
  g_assert_error (error, IKU_EXPORT_ERROR, IKU_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "ikke findes"));
  /* One thread: the folder moved after the first IKU, before the second. */
  guint n = 0;
  iku_export_get_written (x, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_nonnull (strstr (error->message, "39 af 40"));
  /* Exactly the reported files exist, nothing half-written beside them. */
  g_assert_cmpuint (iku_test_count_entries (moved), ==, 1);
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
  /* The same cause 39 times is told once, with the count, in the error. */
  guint n_warnings = 0;
  iku_export_get_warnings (x, &n_warnings);
  g_assert_cmpuint (n_warnings, ==, 0);
  g_assert_nonnull (strstr (error->message, "39 IKU'er kunne ikke gemmes, fordi mappen"));
}

static void
test_render_failure_is_not_a_write_failure (Fixture *f, gconstpointer data)
{
  /* An IKU over IKU_LAYOUT_MAX_PAGES cannot be laid out: the others are
   * written, and the error says the IKU could not be made, not saved. */
  GString *lines = g_string_new (NULL);
  for (guint i = 0; i < 60000; i++)
    g_string_append (lines, "x\\n");
  g_autofree char *spec = g_strdup_printf (HEADERS "\nAnne|%s|\nBo|b|", lines->str);
  g_string_free (lines, TRUE);
  g_autoptr(IkuSchema) s = iku_test_schema_new (spec);
  g_autoptr(IkuExport) x = iku_export_new (s, f->res, f->dir);
  g_autoptr(GError) error = NULL;
  g_assert_false (iku_export_run (x, &error));
  g_assert_error (error, IKU_EXPORT_ERROR, IKU_EXPORT_ERROR_RENDER);
  g_assert_nonnull (strstr (error->message, "1 af 2 IKU'er kunne ikke laves"));
  g_assert_nonnull (strstr (error->message, "sider"));
  g_assert_null (strstr (error->message, "gemmes"));
  guint n = 0;
  const char *const *written = iku_export_get_written (x, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (g_str_has_suffix (written[0], "IKU - Bo.pdf"));
}

static GBytes *
read_bytes (const char *path)
{
  char *data = NULL;
  gsize len = 0;
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  return g_bytes_new_take (data, len);
}

static void
test_threads_same_bytes (Fixture *f, gconstpointer data)
{
  g_setenv ("SOURCE_DATE_EPOCH", "1790000000", TRUE);
  g_autoptr(IkuSchema) s = iku_test_schema_new (HEADERS "\nAnne|a|t\nBo|b|\nCe|c|\nDi|d|\nEd|e|");
  g_autofree char *one = g_build_filename (f->dir, "one", NULL);
  g_autofree char *two = g_build_filename (f->dir, "two", NULL);
  g_assert_cmpint (g_mkdir (one, 0700), ==, 0);
  g_assert_cmpint (g_mkdir (two, 0700), ==, 0);
  g_autoptr(IkuExport) x1 = iku_export_new (s, f->res, one);
  iku_export_set_threads (x1, 1);
  g_assert_true (iku_export_run (x1, NULL));
  g_autoptr(IkuExport) x2 = iku_export_new (s, f->res, two);
  iku_export_set_threads (x2, 3);
  g_assert_true (iku_export_run (x2, NULL));
  const char *names[] = { "IKU - Anne.pdf", "IKU - Ce.pdf", "IKU - Ed.pdf" };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *p1 = g_build_filename (one, names[i], NULL);
      g_autofree char *p2 = g_build_filename (two, names[i], NULL);
      g_autoptr(GBytes) b1 = read_bytes (p1);
      g_autoptr(GBytes) b2 = read_bytes (p2);
      g_assert_true (g_bytes_equal (b1, b2));
    }
  g_unsetenv ("SOURCE_DATE_EPOCH");
}

static void
test_warnings_carried (Fixture *f, gconstpointer data)
{
  g_autoptr(IkuSchema) s = iku_test_schema_new (HEADERS "\n|forældreløs|\nAnne|a 漢字|\nanne|b|");
  g_autoptr(IkuExport) x = iku_export_new (s, f->res, f->dir);
  g_assert_true (iku_export_run (x, NULL));
  guint n = 0;
  const char *const *w = iku_export_get_warnings (x, &n);
  g_autofree char *all = g_strjoinv ("\n", (char **) w);
  g_assert_nonnull (strstr (all, "Række 2"));
  g_assert_nonnull (strstr (all, "flere rækker"));
  g_assert_nonnull (strstr (all, "»Anne«"));
  g_assert_nonnull (strstr (all, "漢"));
}

static IkuSchema *
schema_on_sheet (const char *sheet, const char *spec)
{
  g_autoptr(IkuGrid) grid = iku_test_grid_new (sheet, spec);
  g_autoptr(GError) error = NULL;
  IkuSchema *schema = iku_schema_new_from_grid (grid, &error);
  g_assert_no_error (error);
  return schema;
}

/* Two teams in one run: one folder, every IKU, the same name on both sheets
 * numbered and told with sheet and row, each IKU with its own sheet's content. */
static void
test_several_schemas (Fixture *f, gconstpointer data)
{
  g_autoptr(IkuSchema) nord = schema_on_sheet ("Nord", "Team:|Nord\n" HEADERS "\n"
                                               "Anne Hansen|Nordkursus|Nordmøder\nBo Ek|b|");
  g_autoptr(IkuSchema) syd = schema_on_sheet ("Syd", "Team:|Syd\n" HEADERS "\n"
                                              "Ce Lund||Sydmøder\n\nanne hansen|Sydkursus|");
  g_autoptr(IkuExport) x = iku_export_new (nord, f->res, f->dir);
  iku_export_add_schema (x, syd);
  iku_export_set_team_plan (x, TRUE);
  g_assert_cmpuint (iku_export_get_n_schemas (x), ==, 2);
  g_assert_true (iku_export_get_schema (x, 1) == syd);
  g_autoptr(GError) error = NULL;
  g_assert_true (iku_export_run (x, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (iku_export_get_n_ikus (x), ==, 4);
  g_assert_cmpuint (iku_export_get_n_extra (x), ==, 2);
  g_assert_cmpuint (iku_test_count_entries (f->dir), ==, 6);
  g_assert_cmpuint (iku_export_get_n_written_from (x, 0), ==, 2);
  g_assert_cmpuint (iku_export_get_n_written_from (x, 1), ==, 2);
  g_assert_cmpstr (iku_export_get_iku_file_name (x, 0), ==, "IKU - Anne Hansen.pdf");
  g_assert_cmpstr (iku_export_get_iku_file_name (x, 3), ==, "IKU - anne hansen (2).pdf");
  g_assert_cmpuint (iku_export_get_iku_schema (x, 0), ==, 0);
  g_assert_cmpuint (iku_export_get_iku_schema (x, 3), ==, 1);
  g_assert_cmpstr (iku_employee_get_name (iku_export_get_iku_employee (x, 2)), ==, "Ce Lund");
  g_assert_cmpuint (iku_export_get_iku_n_pages (x, 0), ==, 1);
  g_autofree char *path3 = g_build_filename (f->dir, "IKU - anne hansen (2).pdf", NULL);
  g_assert_cmpstr (iku_export_get_iku_path (x, 3), ==, path3);

  g_autofree char *first = text_of (f->dir, "IKU - Anne Hansen.pdf");
  g_autofree char *second = text_of (f->dir, "IKU - anne hansen (2).pdf");
  g_assert_nonnull (strstr (first, "Nordkursus"));
  g_assert_null (strstr (first, "Sydkursus"));
  g_assert_nonnull (strstr (second, "Sydkursus"));
  g_assert_nonnull (strstr (second, "Sydmøder"));
  g_assert_null (strstr (second, "Nord"));
  g_autofree char *plan_nord = text_of (f->dir, "Teamudviklingsplan - Nord.pdf");
  g_autofree char *plan_syd = text_of (f->dir, "Teamudviklingsplan - Syd.pdf");
  g_assert_nonnull (strstr (plan_nord, "Nordmøder"));
  g_assert_nonnull (strstr (plan_syd, "Sydmøder"));

  guint n = 0;
  const char *const *w = iku_export_get_warnings (x, &n);
  g_autofree char *all = g_strjoinv ("\n", (char **) w);
  g_assert_nonnull (strstr (all, "»Anne Hansen« (arket »Nord«, række 3) og »anne hansen« "
                                 "(arket »Syd«, række 5) ville få samme filnavn"));
  g_assert_nonnull (strstr (all, "»IKU - Anne Hansen.pdf« og »IKU - anne hansen (2).pdf«"));
  /* The schema's own warnings name their sheet. */
  g_assert_nonnull (strstr (all, "Arket »Syd«: Række 3: »Ce Lund« har intet individuelt indhold"));
}

/* Team plans of two sheets with the same team (or none) never replace each other. */
static void
test_several_schemas_team_plans_unique (Fixture *f, gconstpointer data)
{
  g_autoptr(IkuSchema) a = schema_on_sheet ("A", HEADERS "\nAnne|a|Ta");
  g_autoptr(IkuSchema) b = schema_on_sheet ("B", HEADERS "\nBo|b|Tb");
  g_autoptr(IkuExport) x = iku_export_new (a, f->res, f->dir);
  iku_export_add_schema (x, b);
  iku_export_set_team_plan (x, TRUE);
  iku_export_set_combined (x, TRUE);
  g_autoptr(GError) error = NULL;
  g_assert_true (iku_export_run (x, &error));
  g_assert_cmpuint (iku_test_count_entries (f->dir), ==, 5);
  g_autofree char *plan_a = text_of (f->dir, "Teamudviklingsplan.pdf");
  g_autofree char *plan_b = text_of (f->dir, "Teamudviklingsplan (2).pdf");
  g_assert_nonnull (strstr (plan_a, "Ta"));
  g_assert_nonnull (strstr (plan_b, "Tb"));
  g_autofree char *combined = text_of (f->dir, "IKU'er samlet.pdf");
  g_assert_nonnull (strstr (combined, "Anne"));
  g_assert_nonnull (strstr (combined, "Bo"));
}

/* The check: the same plan as the export (file names, collisions, pages), and
 * not one file in the folder. */
static void
test_check_writes_nothing (Fixture *f, gconstpointer data)
{
  g_autoptr(IkuSchema) nord = schema_on_sheet ("Nord", HEADERS "\nAnne|a|\nBo||");
  g_autoptr(IkuSchema) syd = schema_on_sheet ("Syd", HEADERS "\nanne|b|");
  g_autoptr(IkuExport) x = iku_export_new (nord, f->res, f->dir);
  iku_export_add_schema (x, syd);
  iku_export_set_source (x, "/ingen/sted/skema.ods");
  iku_export_set_team_plan (x, TRUE);
  g_autoptr(GError) error = NULL;
  g_assert_true (iku_export_check (x, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (iku_test_count_entries (f->dir), ==, 0);
  g_assert_cmpuint (iku_export_get_n_ikus (x), ==, 3);
  g_assert_cmpstr (iku_export_get_iku_file_name (x, 2), ==, "IKU - anne (2).pdf");
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpuint (iku_export_get_iku_n_pages (x, i), ==, 1);
      g_assert_null (iku_export_get_iku_path (x, i));
    }
  guint n = 0;
  g_assert_null (iku_export_get_written (x, &n)[0]);
  g_assert_cmpuint (n, ==, 0);
  g_autofree char *all = g_strjoinv ("\n", (char **) iku_export_get_warnings (x, NULL));
  g_assert_nonnull (strstr (all, "(arket »Nord«, række 2) og »anne« (arket »Syd«, række 2)"));
  g_assert_nonnull (strstr (all, "Arket »Nord«: Række 3: »Bo« har intet individuelt indhold"));

  /* The export afterwards makes exactly the files the check named. */
  g_assert_true (iku_export_run (x, &error));
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *path = g_build_filename (f->dir, iku_export_get_iku_file_name (x, i), NULL);
      g_assert_cmpstr (iku_export_get_iku_path (x, i), ==, path);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
#define ADD(path, fn) g_test_add (path, Fixture, NULL, fixture_set_up, fn, fixture_tear_down)
  ADD ("/export/one-pdf-each", test_one_pdf_each);
  ADD ("/export/default-date-today", test_default_date_is_today);
  ADD ("/export/missing-folder", test_missing_folder);
  ADD ("/export/one-blocked-others-written", test_one_blocked_others_written);
  ADD ("/export/existing-replaced", test_existing_replaced);
  ADD ("/export/names-never-escape", test_names_never_escape);
  ADD ("/export/collisions-numbered", test_collisions_numbered);
  ADD ("/export/colliding-file-names-warn", test_colliding_file_names_warn);
  ADD ("/export/progress-and-cancel", test_progress_and_cancel);
  ADD ("/export/threads-same-bytes", test_threads_same_bytes);
  ADD ("/export/warnings-carried", test_warnings_carried);
  ADD ("/export/folder-vanishes", test_folder_vanishes);
  ADD ("/export/render-failure", test_render_failure_is_not_a_write_failure);
  ADD ("/export/several-schemas", test_several_schemas);
  ADD ("/export/several-schemas/team-plans-unique", test_several_schemas_team_plans_unique);
  ADD ("/export/check/writes-nothing", test_check_writes_nothing);
#undef ADD
  return g_test_run ();
}
