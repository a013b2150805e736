/* SPDX-License-Identifier: GPL-3.0-or-later
 * The schema rules of PRODUCT.md "Reading the schema", one test per rule. */
#include "iku-schema.h"
#include "iku-test-util.h"

#include <string.h>

#define HEADERS "Indsæt navn på medarbejder|Indsæt indhold vedrørende medarbejder|Indsæt indhold vedrørende teamet"

static GError *
schema_error (const char *spec)
{
  g_autoptr(IkuGrid) grid = iku_test_grid_new ("Skema", spec);
  GError *error = NULL;
  g_autoptr(IkuSchema) schema = iku_schema_new_from_grid (grid, &error);
  g_assert_null (schema);
  g_assert_nonnull (error);
  return error;
}

static const IkuEmployee *
employee (const IkuSchema *schema, guint i)
{
  g_assert_cmpuint (i, <, iku_schema_get_n_employees (schema));
  return iku_schema_get_employee (schema, i);
}

static void
assert_items (const IkuEmployee *e, const char *const *expected)
{
  guint n = 0;
  const char *const *items = iku_employee_get_items (e, &n);
  g_assert_cmpuint (n, ==, g_strv_length ((char **) expected));
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (items[i], ==, expected[i]);
  g_assert_null (items[n]);
}

static gboolean
has_warning (const IkuSchema *schema, const char *part)
{
  guint n = 0;
  const char *const *w = iku_schema_get_warnings (schema, &n);
  for (guint i = 0; i < n; i++)
    if (strstr (w[i], part) != NULL)
      return TRUE;
  return FALSE;
}

static void
test_canonical_headers (void)
{
  g_autoptr(IkuSchema) s = iku_test_schema_new (HEADERS "\nAnne Hansen|Kursus i Excel|Fælles møder");
  g_assert_cmpuint (iku_schema_get_n_employees (s), ==, 1);
  g_assert_cmpstr (iku_employee_get_name (employee (s, 0)), ==, "Anne Hansen");
  g_assert_cmpuint (iku_employee_get_row (employee (s, 0)), ==, 2);
  assert_items (employee (s, 0), (const char *[]) { "Kursus i Excel", NULL });
  guint n = 0;
  const char *const *team = iku_schema_get_team_items (s, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (team[0], ==, "Fælles møder");
  g_assert_cmpstr (iku_schema_get_sheet_name (s), ==, "Skema");
}

static void
test_short_headers_any_order (void)
{
  /* Short forms, other column order, extra columns ignored, header not at A1. */
  g_autoptr(IkuSchema) s = iku_test_schema_new ("\n|Noter|Teamfokus|Medarbejder|Individuelt fokus\n"
                                        "|x|Team A|Bo|Ind B");
  g_assert_cmpuint (iku_schema_get_n_employees (s), ==, 1);
  g_assert_cmpstr (iku_employee_get_name (employee (s, 0)), ==, "Bo");
  assert_items (employee (s, 0), (const char *[]) { "Ind B", NULL });
  g_autoptr(IkuSchema) s2 = iku_test_schema_new ("Navn|Individuelt fokus|Teamfokus\nCe|I|T");
  g_assert_cmpstr (iku_employee_get_name (employee (s2, 0)), ==, "Ce");
}

static void
test_header_matching_ignores_case_space_breaks (void)
{
  g_autoptr(IkuSchema) s = iku_test_schema_new ("  INDSÆT NAVN\\nPÅ   medarbejder |indsæt indhold  vedrørende\\nmedarbejder|"
                                        "Indsæt Indhold Vedrørende Teamet  \nDitte|A|B");
  g_assert_cmpstr (iku_employee_get_name (employee (s, 0)), ==, "Ditte");
  /* NFC: "ø" written decomposed ("o" + U+0338 is not ø, but "å" as a + U+030A is). */
  g_autoptr(IkuSchema) s2 = iku_test_schema_new ("Indsæt navn pa\xCC\x8A medarbejder|Individuelt fokus|Teamfokus\nEva|x|y");
  g_assert_cmpstr (iku_employee_get_name (employee (s2, 0)), ==, "Eva");
}

static void
test_no_header (void)
{
  g_autoptr(GError) e = schema_error ("Navn|Alder\nAnne|40");
  g_assert_error (e, IKU_SCHEMA_ERROR, IKU_SCHEMA_ERROR_NO_HEADER);
  g_assert_nonnull (strstr (e->message, "Indsæt navn på medarbejder"));
  g_autoptr(GError) e2 = schema_error ("");
  g_assert_error (e2, IKU_SCHEMA_ERROR, IKU_SCHEMA_ERROR_NO_HEADER);
}

static void
test_no_employees (void)
{
  g_autoptr(GError) e = schema_error (HEADERS "\n||Kun team\n\n");
  g_assert_error (e, IKU_SCHEMA_ERROR, IKU_SCHEMA_ERROR_NO_EMPLOYEES);
  g_assert_nonnull (strstr (e->message, "Skema"));
  g_assert_nonnull (strstr (e->message, "A1"));
}

static void
test_continuation_rows (void)
{
  g_autoptr(IkuSchema) s = iku_test_schema_new (HEADERS "\n"
                                        "Anne|Første|\n"
                                        "|Anden|\n"
                                        "\n"
                                        "|Tredje efter tom række|\n"
                                        "Bo|B1|\n"
                                        "|B2|");
  g_assert_cmpuint (iku_schema_get_n_employees (s), ==, 2);
  assert_items (employee (s, 0), (const char *[]) { "Første", "Anden", "Tredje efter tom række", NULL });
  assert_items (employee (s, 1), (const char *[]) { "B1", "B2", NULL });
}

static void
test_content_without_name_is_reported (void)
{
  g_autoptr(IkuSchema) s = iku_test_schema_new (HEADERS "\n|Forældreløs|\nAnne|A|");
  assert_items (employee (s, 0), (const char *[]) { "A", NULL });
  g_assert_true (has_warning (s, "Række 2"));
  g_assert_true (has_warning (s, "intet navn"));
}

static void
test_team_items_order_and_duplicates (void)
{
  g_autoptr(IkuSchema) s = iku_test_schema_new (HEADERS "\n"
                                        "Anne|a|Møder hver uge\n"
                                        "Bo|b|Møder hver uge\n"
                                        "Ce|c|Ny  vagtplan \n"
                                        "||Møder hver uge\n"
                                        "||Ny vagtplan\n"
                                        "||Trivsel");
  guint n = 0;
  const char *const *team = iku_schema_get_team_items (s, &n);
  g_assert_cmpuint (n, ==, 3);
  g_assert_cmpstr (team[0], ==, "Møder hver uge");
  g_assert_cmpstr (team[1], ==, "Ny  vagtplan");
  g_assert_cmpstr (team[2], ==, "Trivsel");
  g_assert_null (team[3]);
  /* A team-only row with an empty name does not give anyone individual content. */
  assert_items (employee (s, 2), (const char *[]) { "c", NULL });
}

static void
test_same_name_merged_with_warning (void)
{
  g_autoptr(IkuSchema) s = iku_test_schema_new (HEADERS "\n"
                                        "Anne Hansen|Et|\n"
                                        "Bo|B|\n"
                                        "anne  HANSEN|To|\n");
  g_assert_cmpuint (iku_schema_get_n_employees (s), ==, 2);
  g_assert_cmpstr (iku_employee_get_name (employee (s, 0)), ==, "Anne Hansen");
  assert_items (employee (s, 0), (const char *[]) { "Et", "To", NULL });
  g_assert_true (has_warning (s, "»Anne Hansen« står i flere rækker (2 og 4)"));
}

static void
test_names_normalised (void)
{
  /* Decomposed å (a + ring), surrounding and inner white space, a line break. */
  g_autoptr(IkuSchema) s = iku_test_schema_new (HEADERS "\n  Sa\xCC\x8Ara   Møller\\nJensen  |x|");
  g_assert_cmpstr (iku_employee_get_name (employee (s, 0)), ==, "Såra Møller Jensen");
}

static void
test_cell_text_kept (void)
{
  g_autoptr(IkuSchema) s = iku_test_schema_new (HEADERS "\nAnne|\\nLinje 1  \\n• punkt\\n  - under\\n\\n|");
  assert_items (employee (s, 0), (const char *[]) { "Linje 1\n• punkt\n  - under", NULL });
}

static void
test_header_area (void)
{
  g_autoptr(IkuSchema) s = iku_test_schema_new ("Det fælles kompetenceskema\n"
                                        "Team:||  Dagplejen  Nord \n"
                                        "leder|Mette Sørensen\n"
                                        "DATO :|3. marts 2026\n"
                                        "|Dobbeltklik for at lave PDF-filer\n"
                                        HEADERS "\nAnne|x|y");
  g_assert_cmpstr (iku_schema_get_team (s), ==, "Dagplejen Nord");
  g_assert_cmpstr (iku_schema_get_leader (s), ==, "Mette Sørensen");
  g_assert_cmpstr (iku_schema_get_date (s), ==, "3. marts 2026");
  iku_schema_set_date (s, "1. april 2026");
  g_assert_cmpstr (iku_schema_get_date (s), ==, "1. april 2026");
}

static void
test_header_area_absent (void)
{
  g_autoptr(IkuSchema) s = iku_test_schema_new (HEADERS "\nAnne|x|y\nTeam:|Ikke header-område|");
  g_assert_null (iku_schema_get_team (s));
  g_assert_null (iku_schema_get_leader (s));
  g_assert_null (iku_schema_get_date (s));
}

static void
test_button_cell (void)
{
  g_autoptr(IkuGrid) g = iku_test_grid_new ("S", "|Dobbeltklik for at\\nlave  PDF-filer\n" HEADERS "\n"
                                            "Anne|Dobbeltklik for at lave PDF-filer|");
  g_assert_true (iku_schema_is_button_cell (g, 0, 1));
  g_assert_false (iku_schema_is_button_cell (g, 0, 0));
  g_assert_false (iku_schema_is_button_cell (g, 2, 1));   /* below the header: content */
  g_autoptr(IkuGrid) plain = iku_test_grid_new ("S", "Dobbeltklik for at lave PDF-filer\nNavn|Alder");
  g_assert_false (iku_schema_is_button_cell (plain, 0, 0)); /* not a schema */
  g_assert_true (iku_schema_is_button_text ("  DOBBELTKLIK for at\nlave PDF-filer "));
  g_assert_false (iku_schema_is_button_text ("Dobbeltklik for at lave PDF"));
  g_assert_false (iku_schema_is_button_text (NULL));
}

static void
test_book_sheet_choice (void)
{
  g_autoptr(IkuBook) book = iku_book_new ();
  iku_book_add_sheet (book, iku_test_grid_new ("Vejledning", "Sådan gør du\nNavn|Alder"));
  iku_book_add_sheet (book, iku_test_grid_new ("Gammelt", HEADERS "\nGammel|g|"));
  iku_book_add_sheet (book, iku_test_grid_new ("Nyt", HEADERS "\nNy|n|"));
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuSchema) first = iku_schema_new_from_book (book, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (iku_schema_get_sheet_name (first), ==, "Gammelt");
  iku_book_set_active (book, 2);
  g_autoptr(IkuSchema) active = iku_schema_new_from_book (book, &error);
  g_assert_cmpstr (iku_schema_get_sheet_name (active), ==, "Nyt");
  iku_book_set_active (book, 0);   /* active sheet without header: first one that has it */
  g_autoptr(IkuSchema) fallback = iku_schema_new_from_book (book, &error);
  g_assert_cmpstr (iku_schema_get_sheet_name (fallback), ==, "Gammelt");
}

static void
test_employee_without_individual_content_warns (void)
{
  g_autoptr(IkuSchema) s = iku_test_schema_new (HEADERS "\nAnne||Team\nBo|b|");
  g_assert_cmpuint (iku_schema_get_n_employees (s), ==, 2);
  g_assert_true (has_warning (s, "Række 2: »Anne« har intet individuelt indhold"));
}

static void
test_overlong_name_not_misattributed (void)
{
  g_autofree char *longname = g_strnfill (500, 'x');
  g_autofree char *spec = g_strdup_printf (HEADERS "\nAnne|a|\n%s|hemmeligt|\n|også hemmeligt|", longname);
  g_autoptr(IkuSchema) s = iku_test_schema_new (spec);
  g_assert_cmpuint (iku_schema_get_n_employees (s), ==, 1);
  assert_items (employee (s, 0), (const char *[]) { "a", NULL });
  g_assert_true (has_warning (s, "Række 3"));
  g_assert_true (has_warning (s, "Række 4"));

  /* The bound is in bytes, and the message says so: 250 "æ" are 500 bytes,
   * not 500 characters. */
  GString *danish = g_string_new (HEADERS "\nAnne|a|\n");
  for (guint i = 0; i < 250; i++)
    g_string_append (danish, "æ");
  g_string_append (danish, "|b|");
  g_autoptr(IkuSchema) d = iku_test_schema_new (danish->str);
  g_string_free (danish, TRUE);
  g_assert_cmpuint (iku_schema_get_n_employees (d), ==, 1);
  g_assert_true (has_warning (d, "Række 3: navnet fylder mere end 400 byte"));
  g_assert_false (has_warning (d, "tegn"));
}

static void
test_invisible_names (void)
{
  /* A name cell of nothing but invisible characters is an empty name: its row
   * continues the employee above, it is never an IKU of its own. A name with
   * a zero-width space inside is the same person as without it. */
  g_autoptr(IkuSchema) s = iku_test_schema_new (
      HEADERS "\nAnne Hansen|Kursus i Excel|\n"
      "\u200B\u00AD\u202E|Mentor|\n"
      "Anne\u200B Hansen\u2069|Førstehjælp|\n"
      "Bo\u200D Ek|Sårpleje|");
  g_assert_cmpuint (iku_schema_get_n_employees (s), ==, 2);
  g_assert_cmpstr (iku_employee_get_name (employee (s, 0)), ==, "Anne Hansen");
  assert_items (employee (s, 0), (const char *[]) { "Kursus i Excel", "Mentor", "Førstehjælp", NULL });
  g_assert_true (has_warning (s, "»Anne Hansen« står i flere rækker (2 og 4)"));
  g_assert_cmpstr (iku_employee_get_name (employee (s, 1)), ==, "Bo Ek");
}

static void
test_many_rows (void)
{
  GString *spec = g_string_new (HEADERS);
  for (guint i = 0; i < 20000; i++)
    g_string_append_printf (spec, "\nPerson %u|Indhold %u|Team %u", i, i, i % 5);
  g_autoptr(IkuSchema) s = iku_test_schema_new (spec->str);
  g_string_free (spec, TRUE);
  g_assert_cmpuint (iku_schema_get_n_employees (s), ==, 20000);
  g_assert_cmpstr (iku_employee_get_name (employee (s, 19999)), ==, "Person 19999");
  guint n = 0;
  iku_schema_get_team_items (s, &n);
  g_assert_cmpuint (n, ==, 5);
}

static IkuGrid *
grid_with_refused (const char *spec, guint row, guint col)
{
  IkuGrid *grid = iku_test_grid_new ("Skema", spec);
  g_autoptr(GError) error = NULL;
  g_assert_true (iku_grid_refuse_cell (grid, row, col, &error));
  return grid;
}

static void
test_refused_cells (void)
{
  /* Bo's individual cell was too large: no IKU for Bo (never one missing an
   * agreement), a warning naming row and cell, the others unharmed, and Bo's
   * continuation row not given to anyone else. */
  g_autoptr(IkuGrid) g = grid_with_refused (HEADERS "\nAnne|a|T\nBo||\n|b2|\nCe|c|", 2, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuSchema) s = iku_schema_new_from_grid (g, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (iku_schema_get_n_employees (s), ==, 2);
  g_assert_cmpstr (iku_employee_get_name (employee (s, 0)), ==, "Anne");
  g_assert_cmpstr (iku_employee_get_name (employee (s, 1)), ==, "Ce");
  assert_items (employee (s, 0), (const char *[]) { "a", NULL });
  g_assert_true (has_warning (s, "Række 3: cellen B3"));
  g_assert_true (has_warning (s, "»Bo«"));

  /* A refused team cell: a warning, the other team items kept. */
  g_autoptr(IkuGrid) t = grid_with_refused (HEADERS "\nAnne|a|T1\nBo|b|", 2, 2);
  g_autoptr(IkuSchema) st = iku_schema_new_from_grid (t, &error);
  g_assert_no_error (error);
  guint n = 0;
  iku_schema_get_team_items (st, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_true (has_warning (st, "cellen C3"));

  /* A refused name cell: its row and continuation rows go to nobody. */
  g_autoptr(IkuGrid) nm = grid_with_refused (HEADERS "\nAnne|a|\n|x|\n|y|", 2, 0);
  g_autoptr(IkuSchema) sn = iku_schema_new_from_grid (nm, &error);
  g_assert_no_error (error);
  assert_items (employee (sn, 0), (const char *[]) { "a", NULL });

  /* The only employee refused: an error that says why. */
  g_autoptr(IkuGrid) only = grid_with_refused (HEADERS "\nAnne||", 1, 1);
  g_autoptr(IkuSchema) so = iku_schema_new_from_grid (only, &error);
  g_assert_null (so);
  g_assert_error (error, IKU_SCHEMA_ERROR, IKU_SCHEMA_ERROR_NO_EMPLOYEES);
  g_assert_nonnull (strstr (error->message, "cellen B2"));
}

/* Rows 1-based as in the spec: hides sheet row @shown_row. */
static void
hide (IkuGrid *grid, guint shown_row)
{
  iku_grid_set_row_hidden (grid, shown_row - 1, TRUE);
}

static void
test_hidden_rows_skip_employees (void)
{
  g_autoptr(IkuGrid) g = iku_test_grid_new ("Team Nord", HEADERS "\n"
                                            "Anne|a1|Fælles møder\n"
                                            "Bo|b1|Skjult teampunkt\n"
                                            "|b2|\n"
                                            "Cai|c1|\n"
                                            "Dorte|d1|");
  hide (g, 3);   /* Bo's name row */
  hide (g, 4);   /* Bo's continuation row */
  hide (g, 6);   /* Dorte */
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuSchema) s = iku_schema_new_from_grid (g, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (iku_schema_get_n_employees (s), ==, 2);
  g_assert_cmpstr (iku_employee_get_name (employee (s, 0)), ==, "Anne");
  g_assert_cmpstr (iku_employee_get_name (employee (s, 1)), ==, "Cai");
  g_assert_cmpuint (iku_schema_get_n_hidden_skipped (s), ==, 2);
  guint row = 0;
  g_assert_cmpstr (iku_schema_get_hidden_skipped (s, 0, &row), ==, "Bo");
  g_assert_cmpuint (row, ==, 3);
  g_assert_cmpstr (iku_schema_get_hidden_skipped (s, 1, &row), ==, "Dorte");
  g_assert_cmpuint (row, ==, 6);
  g_assert_true (has_warning (s, "2 medarbejdere er sprunget over, fordi rækkerne med deres "
                                 "navne er skjult eller filtreret fra (række 3 og 6)"));
  /* Team items count whatever their visibility. */
  guint n = 0;
  const char *const *team = iku_schema_get_team_items (s, &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpstr (team[1], ==, "Skjult teampunkt");

  /* Included, every employee is there with every item, and nothing is said. */
  g_autoptr(IkuSchema) all = iku_schema_new_from_grid_full (g, IKU_SCHEMA_FLAGS_INCLUDE_HIDDEN_ROWS,
                                                            &error);
  g_assert_no_error (error);
  g_assert_cmpuint (iku_schema_get_n_employees (all), ==, 4);
  assert_items (employee (all, 1), (const char *[]) { "b1", "b2", NULL });
  g_assert_cmpuint (iku_schema_get_n_hidden_skipped (all), ==, 0);
  g_assert_false (has_warning (all, "sprunget over"));

  /* One skipped: the singular. */
  g_autoptr(IkuGrid) one = iku_test_grid_new ("Skema", HEADERS "\nAnne|a|\nBo|b|");
  hide (one, 3);
  g_autoptr(IkuSchema) s1 = iku_schema_new_from_grid (one, &error);
  g_assert_no_error (error);
  g_assert_true (has_warning (s1, "1 medarbejder er sprunget over, fordi rækken med navnet er "
                                  "skjult eller filtreret fra (række 3)"));
}

/* An AutoFilter on the name column hides the empty-name continuation rows:
 * the employee shown still gets every item of theirs. */
static void
test_hidden_continuation_rows_kept (void)
{
  g_autoptr(IkuGrid) g = iku_test_grid_new ("Skema", HEADERS "\n"
                                            "Anne|a1|\n"
                                            "|a2|\n"
                                            "Bo|b1|\n"
                                            "|b2|\n"
                                            "|b3|");
  hide (g, 2);
  hide (g, 3);
  hide (g, 5);
  hide (g, 6);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuSchema) s = iku_schema_new_from_grid (g, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (iku_schema_get_n_employees (s), ==, 1);
  g_assert_cmpstr (iku_employee_get_name (employee (s, 0)), ==, "Bo");
  assert_items (employee (s, 0), (const char *[]) { "b1", "b2", "b3", NULL });
  g_assert_cmpuint (iku_schema_get_n_hidden_skipped (s), ==, 1);
}

/* A name on several rows: one visible row is enough, and the items of the
 * hidden ones are still theirs. */
static void
test_hidden_rows_same_name (void)
{
  g_autoptr(IkuGrid) g = iku_test_grid_new ("Skema", HEADERS "\nAnne|a1|\nBo|b|\nanne|a2|");
  hide (g, 2);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuSchema) s = iku_schema_new_from_grid (g, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (iku_schema_get_n_employees (s), ==, 2);
  assert_items (employee (s, 0), (const char *[]) { "a1", "a2", NULL });
  g_assert_cmpuint (iku_schema_get_n_hidden_skipped (s), ==, 0);
}

static void
test_hidden_rows_all (void)
{
  g_autoptr(IkuGrid) g = iku_test_grid_new ("Team Syd", HEADERS "\nAnne|a|\nBo|b|");
  iku_grid_set_rows_hidden (g, 1, 2, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuSchema) s = iku_schema_new_from_grid (g, &error);
  g_assert_null (s);
  g_assert_error (error, IKU_SCHEMA_ERROR, IKU_SCHEMA_ERROR_NO_EMPLOYEES);
  g_assert_nonnull (strstr (error->message, "»Team Syd«"));
  g_assert_nonnull (strstr (error->message, "skjult eller filtreret fra"));
  /* The header row hidden too changes nothing about finding it. */
  hide (g, 1);
  g_autoptr(IkuSchema) all = iku_schema_new_from_grid_full (g, IKU_SCHEMA_FLAGS_INCLUDE_HIDDEN_ROWS,
                                                            NULL);
  g_assert_nonnull (all);
  g_assert_cmpuint (iku_schema_get_n_employees (all), ==, 2);

  g_autoptr(IkuBook) book = iku_book_new ();
  iku_book_add_sheet (book, iku_test_grid_new ("Noter", "x"));
  iku_book_add_sheet (book, g_steal_pointer (&g));
  g_autoptr(IkuSchema) from_book = iku_schema_new_from_book_full (book, IKU_SCHEMA_FLAGS_INCLUDE_HIDDEN_ROWS,
                                                                  NULL);
  g_assert_nonnull (from_book);
  g_assert_cmpstr (iku_schema_get_sheet_name (from_book), ==, "Team Syd");
  g_assert_false (iku_schema_grid_is_schema (iku_book_get_sheet (book, 0)));
  g_assert_true (iku_schema_grid_is_schema (iku_book_get_sheet (book, 1)));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/schema/headers/canonical", test_canonical_headers);
  g_test_add_func ("/schema/headers/short-any-order", test_short_headers_any_order);
  g_test_add_func ("/schema/headers/case-space-breaks-nfc", test_header_matching_ignores_case_space_breaks);
  g_test_add_func ("/schema/headers/none", test_no_header);
  g_test_add_func ("/schema/employees/none", test_no_employees);
  g_test_add_func ("/schema/rows/continuation", test_continuation_rows);
  g_test_add_func ("/schema/rows/content-without-name", test_content_without_name_is_reported);
  g_test_add_func ("/schema/team/order-and-duplicates", test_team_items_order_and_duplicates);
  g_test_add_func ("/schema/names/same-name-merged", test_same_name_merged_with_warning);
  g_test_add_func ("/schema/names/normalised", test_names_normalised);
  g_test_add_func ("/schema/names/overlong", test_overlong_name_not_misattributed);
  g_test_add_func ("/schema/names/invisible", test_invisible_names);
  g_test_add_func ("/schema/cells/text-kept", test_cell_text_kept);
  g_test_add_func ("/schema/area/values", test_header_area);
  g_test_add_func ("/schema/area/absent", test_header_area_absent);
  g_test_add_func ("/schema/button-cell", test_button_cell);
  g_test_add_func ("/schema/book/sheet-choice", test_book_sheet_choice);
  g_test_add_func ("/schema/employees/no-individual-content", test_employee_without_individual_content_warns);
  g_test_add_func ("/schema/rows/twenty-thousand", test_many_rows);
  g_test_add_func ("/schema/cells/refused", test_refused_cells);
  g_test_add_func ("/schema/hidden/skipped", test_hidden_rows_skip_employees);
  g_test_add_func ("/schema/hidden/continuation-kept", test_hidden_continuation_rows_kept);
  g_test_add_func ("/schema/hidden/same-name", test_hidden_rows_same_name);
  g_test_add_func ("/schema/hidden/all", test_hidden_rows_all);
  return g_test_run ();
}
