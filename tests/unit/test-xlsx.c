/* SPDX-License-Identifier: GPL-3.0-or-later
 * The .xlsx reader and the format detection against the fixtures of
 * tests/data/xlsx (see the README there): LibreOffice-saved workbooks read as
 * their .ods originals, exact grids for the hand-made ones, what Calc shows for
 * numbers (the figures were taken from LibreOffice 7.4's own output for the
 * Danish locale), every refusal with its code and message, cut files. */
#include "iku-book-read.h"
#include "iku-ods.h"
#include "iku-xlsx-private.h"
#include "iku-test-util.h"

#include <string.h>

static char *
fixture_path (const char *folder, const char *name)
{
  const char *dir = g_getenv ("IKUFLET_TEST_DATA");
  g_assert_nonnull (dir);
  return g_build_filename (dir, folder, name, NULL);
}

static IkuBook *
read_xlsx (const char *name)
{
  g_autofree char *path = fixture_path ("xlsx", name);
  g_autoptr(GError) error = NULL;
  IkuBook *book = iku_book_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (book);
  return book;
}

static GBytes *
load (const char *folder, const char *name)
{
  g_autofree char *path = fixture_path (folder, name);
  return iku_test_load_bytes (path);
}

typedef struct {
  const IkuGrid *other;
  guint          skip_row, skip_col;
  guint          n_compared;
} CompareData;

static void
compare_cell (guint row, guint col, const char *text, gpointer user_data)
{
  CompareData *d = user_data;
  if (row == d->skip_row && col == d->skip_col)
    return;
  d->n_compared++;
  if (g_strcmp0 (iku_grid_get_cell (d->other, row, col), text) != 0)
    g_error ("cell %u,%u: \"%s\" in one reading, \"%s\" in the other", row, col, text,
             iku_grid_get_cell (d->other, row, col));
}

/* LibreOffice's .xlsx of an .ods fixture reads as the .ods does: same sheets,
 * names, cells, hidden rows. The one cell skipped is the header's date of the
 * hand-written .ods fixtures, which carries its text but no date style: Calc
 * shows it with its default date-time format, and that is what it saves. */
static void
test_lo_parity (void)
{
  static const struct { const char *name; guint skip_row, skip_col; } cases[] = {
    { "schema-libreoffice", G_MAXUINT, G_MAXUINT },
    { "schema-short-headers", G_MAXUINT, G_MAXUINT },
    { "schema-basic", 3, 1 },
    { "big-2000-employees", 3, 1 },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *ods_name = g_strconcat (cases[i].name, ".ods", NULL);
      g_autofree char *xlsx_name = g_strconcat ("lo-", cases[i].name, ".xlsx", NULL);
      g_autofree char *ods_path = fixture_path ("ods", ods_name);
      g_autoptr(GError) error = NULL;
      g_autoptr(IkuBook) ods = iku_ods_read_file (ods_path, &error);
      g_assert_no_error (error);
      g_autoptr(IkuBook) xlsx = read_xlsx (xlsx_name);
      g_assert_cmpuint (iku_book_get_n_sheets (ods), ==, iku_book_get_n_sheets (xlsx));
      for (guint s = 0; s < iku_book_get_n_sheets (ods); s++)
        {
          const IkuGrid *a = iku_book_get_sheet (ods, s), *b = iku_book_get_sheet (xlsx, s);
          g_assert_cmpstr (iku_grid_get_sheet_name (a), ==, iku_grid_get_sheet_name (b));
          g_assert_cmpuint (iku_grid_get_n_cells (a), ==, iku_grid_get_n_cells (b));
          CompareData one = { b, cases[i].skip_row, cases[i].skip_col, 0 };
          CompareData two = { a, cases[i].skip_row, cases[i].skip_col, 0 };
          iku_grid_foreach_cell (a, compare_cell, &one);
          iku_grid_foreach_cell (b, compare_cell, &two);
          g_assert_cmpuint (one.n_compared, ==, two.n_compared);
          for (guint r = 0; r < iku_grid_get_n_rows (a) + 2; r++)
            g_assert_cmpint (iku_grid_is_row_hidden (a, r), ==, iku_grid_is_row_hidden (b, r));
        }
    }
  /* The big one: 2,000 employees, read in full. */
  g_autoptr(IkuBook) big = read_xlsx ("lo-big-2000-employees.xlsx");
  g_assert_cmpuint (iku_grid_get_n_rows (iku_book_get_sheet (big, 0)), >, 2000);
}

static void
test_order (void)
{
  g_autoptr(IkuBook) book = read_xlsx ("hand-order.xlsx");
  /* Workbook order, names from workbook.xml, the hidden sheet left out. */
  g_assert_cmpuint (iku_book_get_n_sheets (book), ==, 2);
  iku_test_assert_grid_cells (iku_book_get_sheet (book, 0), "Vejledning", "Sådan bruges skemaet");
  iku_test_assert_grid_cells (iku_book_get_sheet (book, 1), "Skema",
               "Indsæt navn på medarbejder|Indsæt indhold vedrørende medarbejder|"
               "Indsæt indhold vedrørende teamet\n"
               "Anna Jensen|Kursus i samtaleteknik|Fælles temadag");
}

static void
test_strings (void)
{
  g_autoptr(IkuBook) book = read_xlsx ("hand-strings.xlsx");
  const IkuGrid *grid = iku_book_get_sheet (book, 0);
  g_assert_cmpstr (iku_grid_get_cell (grid, 0, 0), ==, "Fed og kursiv");
  g_assert_cmpstr (iku_grid_get_cell (grid, 0, 1), ==, "  indrykket  ");
  g_assert_cmpstr (iku_grid_get_cell (grid, 0, 5), ==, "Linje 1\nLinje 2");
  g_assert_cmpstr (iku_grid_get_cell (grid, 1, 0), ==, "_x000D_ står bogstaveligt");
  g_assert_cmpstr (iku_grid_get_cell (grid, 1, 1), ==, "Smil \360\237\230\200 og tab\ther");
  g_assert_null (iku_grid_get_cell (grid, 1, 2));
  g_assert_cmpstr (iku_grid_get_cell (grid, 2, 0), ==, "Indlejret tekst");
  g_assert_cmpstr (iku_grid_get_cell (grid, 2, 1), ==, "Indlejret rig");
  g_assert_cmpstr (iku_grid_get_cell (grid, 2, 2), ==, "Beregnet\ntekst");
  g_assert_cmpstr (iku_grid_get_cell (grid, 4, 26), ==, "  indrykket  ");
  g_assert_cmpuint (iku_grid_get_n_cells (grid), ==, 9);
}

static void
test_types (void)
{
  g_autoptr(IkuBook) book = read_xlsx ("hand-types.xlsx");
  static const char *const expected[] = {
    "1234,5", "1234,50", "12,50\302\240%", "31-12-2023", "31-12-2023 18:00", "31-12-2023",
    "31. december 2023", "1.234,6 kr.", "18:00", "SAND", "FALSK", "SAND", "1,00", "#DIV/0!",
    "#N/A", "45291,75", "0,1", "42", "-1E-10", "2469", "SAND", "0,5",
  };
  const IkuGrid *grid = iku_book_get_sheet (book, 0);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (iku_grid_get_cell (grid, i, 0), ==, expected[i]);
  g_assert_cmpuint (iku_grid_get_n_rows (grid), ==, G_N_ELEMENTS (expected));
  /* A formula never computed has no value to show. */
  g_assert_null (iku_grid_get_cell (grid, 19, 1));
}

static void
test_merges_hidden (void)
{
  g_autoptr(IkuBook) book = read_xlsx ("hand-merges.xlsx");
  const IkuGrid *grid = iku_book_get_sheet (book, 0);
  iku_test_assert_grid_cells (grid, "Ark1", "Flettet\n||Ved siden af\nSkjult række\n\n||Synlig\n"
                             "Anden fletning\n\nUnder fletningerne");
  g_assert_false (iku_grid_is_row_hidden (grid, 0));
  g_assert_true (iku_grid_is_row_hidden (grid, 2));
  g_assert_true (iku_grid_is_row_hidden (grid, 3));
  g_assert_false (iku_grid_is_row_hidden (grid, 4));
}

static void
assert_no_secret (guint row, guint col, const char *text, gpointer user_data)
{
  g_assert_null (strstr (text, "HEMMELIG"));
  g_assert_null (strstr (text, "LOKKEDUE"));
}

static void
test_schema (void)
{
  const char *names[] = { "hand-schema.xlsx", "hand-schema.xlsm" };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(IkuBook) book = read_xlsx (names[i]);
      const IkuGrid *grid = iku_book_get_sheet (book, 0);
      iku_grid_foreach_cell (grid, assert_no_secret, NULL);
      g_assert_cmpstr (iku_grid_get_cell (grid, 5, 0), ==, "Bo Skjult");
      g_assert_true (iku_grid_is_row_hidden (grid, 5));
      g_autoptr(GError) error = NULL;
      g_autoptr(IkuSchema) schema = iku_schema_new_from_book (book, &error);
      g_assert_no_error (error);
      g_assert_nonnull (schema);
    }
}

static void
test_errors (void)
{
  static const struct { const char *name; int code; const char *message; } cases[] = {
    { "broken-encrypted.xlsx", IKU_BOOK_ERROR_UNREADABLE, "beskyttet med en adgangskode" },
    { "broken-doctype.xlsx", IKU_BOOK_ERROR_FORBIDDEN, "DOCTYPE" },
    { "broken-entity.xlsx", IKU_BOOK_ERROR_FORBIDDEN, "DOCTYPE" },
    { "broken-shared-index.xlsx", IKU_BOOK_ERROR_CORRUPT, "cellen A1 på arket »Ark1« har en "
                                                          "henvisning til en delt tekst" },
    { "broken-zip-bomb.xlsx", IKU_BOOK_ERROR_TOO_LARGE, "er for stor" },
    { "broken-no-workbook.xlsx", IKU_BOOK_ERROR_CORRUPT, "xl/workbook.xml mangler" },
    { "broken-malformed.xlsx", IKU_BOOK_ERROR_CORRUPT, "xl/worksheets/sheet1.xml har en XML-fejl" },
    { "broken-many-attributes.xlsx", IKU_BOOK_ERROR_TOO_LARGE, "flere egenskaber" },
    { "broken-bad-number.xlsx", IKU_BOOK_ERROR_CORRUPT, "cellen B3 på arket »Ark1« har et tal" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = fixture_path ("xlsx", cases[i].name);
      g_autoptr(GError) error = NULL;
      g_autoptr(IkuBook) book = iku_book_read_file (path, &error);
      g_assert_null (book);
      g_assert_error (error, IKU_BOOK_ERROR, cases[i].code);
      if (strstr (error->message, cases[i].message) == NULL
          || strstr (error->message, cases[i].name) == NULL
          || strstr (error->message, "LOKKEDUE") != NULL)
        g_error ("%s: %s", cases[i].name, error->message);
    }
}

/* The content decides, not the name: each format under the other's name. */
static void
test_detection (void)
{
  g_autoptr(GBytes) xlsx = load ("xlsx", "hand-schema.xlsx");
  g_autoptr(GBytes) ods = load ("ods", "schema-basic.ods");
  g_autoptr(GBytes) cfb = load ("xlsx", "broken-encrypted.xlsx");
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuBook) a = iku_book_read_data (g_bytes_get_data (xlsx, NULL), g_bytes_get_size (xlsx),
                                             "skema.ods", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (iku_grid_get_sheet_name (iku_book_get_sheet (a, 0)), ==, "Skema");
  g_autoptr(IkuBook) b = iku_book_read_data (g_bytes_get_data (ods, NULL), g_bytes_get_size (ods),
                                             "skema.xlsx", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (iku_grid_get_sheet_name (iku_book_get_sheet (b, 0)), ==, "Skema");
  g_autoptr(IkuBook) c = iku_book_read_data (g_bytes_get_data (cfb, NULL), g_bytes_get_size (cfb),
                                             "gammel.xls", &error);
  g_assert_null (c);
  g_assert_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "»gammel.xls«"));
  g_clear_error (&error);
  g_autoptr(IkuBook) d = iku_book_read_data ((const guint8 *) "Navn;Team\n", 10, "skema.csv",
                                             &error);
  g_assert_null (d);
  g_assert_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_NOT_SPREADSHEET);
  g_assert_nonnull (strstr (error->message, "hverken et OpenDocument-regneark"));
}

/* Every cut of a workbook is refused with a message, never a crash. */
static void
test_cut (void)
{
  g_autoptr(GBytes) bytes = load ("xlsx", "hand-types.xlsx");
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  for (gsize cut = 0; cut < len; cut += 7)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IkuBook) book = iku_xlsx_read_data (data, cut, "afskåret.xlsx", &error);
      g_assert_null (book);
      g_assert_error (error, IKU_BOOK_ERROR, error->code);
      g_assert_nonnull (strstr (error->message, "afskåret.xlsx"));
    }
}

/* Numbers as LibreOffice 7.4 shows them for da-DK (taken from its CSV export
 * "as shown" of the same values and formats). */
static void
test_numbers (void)
{
  static const struct { double value; guint id; const char *code; const char *shown; } cases[] = {
    { 1234.5, 0, NULL, "1234,5" }, { 0.125, 0, NULL, "0,125" }, { -3, 0, NULL, "-3" },
    { 1e-7, 0, NULL, "0,0000001" }, { 123456789012.0, 0, NULL, "123456789012" },
    { 1.0 / 3, 0, NULL, "0,333333333333333" }, { 1e15, 0, NULL, "1000000000000000" },
    { 1e16, 0, NULL, "1E+016" }, { 1e-10, 0, NULL, "1E-10" }, { 1.5e-9, 0, NULL, "0,0000000015" },
    { 9.99999999999999e15, 0, NULL, "9,99999999999999E+015" },
    { 0.000012345678901234, 0, NULL, "1,2345678901234E-05" }, { 0.1 + 0.2, 0, NULL, "0,3" },
    { 1e100, 0, NULL, "1E+100" }, { 0, 0, NULL, "0" },
    { 2.5, 1, NULL, "3" }, { -0.5, 1, NULL, "-1" }, { 0.125, 1, NULL, "0" },
    { 2.675, 2, NULL, "2,68" }, { 1234.5, 2, NULL, "1234,50" },
    { 123456789012.0, 3, NULL, "123.456.789.012" }, { 1234567.891, 4, NULL, "1.234.567,89" },
    { 0.125, 9, NULL, "13\302\240%" }, { 0.125, 10, NULL, "12,50\302\240%" },
    { 1234.5, 9, NULL, "123450\302\240%" },
    { 45291.75, 14, NULL, "31-12-2023" }, { 45291.75, 15, NULL, "31-dec-23" },
    { 45291.75, 16, NULL, "31-dec" }, { 45291.75, 17, NULL, "dec-23" },
    { 45291.75, 18, NULL, "6:00 PM" }, { 45291.75, 19, NULL, "6:00:00 PM" },
    { 45291.75, 20, NULL, "18:00" }, { 45291.75, 21, NULL, "18:00:00" },
    { 45291.75, 22, NULL, "31-12-2023 18:00" }, { -3, 14, NULL, "27-12-1899" },
    { 2.5, 22, NULL, "01-01-1900 12:00" }, { 0.125, 18, NULL, "3:00 AM" },
    { 0, 18, NULL, "12:00 AM" }, { 1234.5, 11, NULL, "1234,5" },
    { 45291.75, 0, "mm/dd/yy\\ hh:mm\\ AM/PM", "12-31-23 06:00 PM" },
    { 0.25, 0, "0.00%", "25,00%" }, { 45397, 0, "[$-406]dd\\.mm\\.yyyy", "15.04.2024" },
    { 1234.5, 0, "[$-406]#,##0.00", "1.234,50" }, { 1, 0, "\"TRUE\";\"TRUE\";\"FALSE\"", "TRUE" },
    { 0.5625, 0, "hh:mm:ss\\ AM/PM", "01:30:00 PM" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *shown = iku_xlsx_format_number (cases[i].value, cases[i].id, cases[i].code,
                                                       FALSE);
      if (strcmp (shown, cases[i].shown) != 0)
        g_error ("%.17g in format %u/%s: \"%s\", expected \"%s\"", cases[i].value, cases[i].id,
                 cases[i].code ? cases[i].code : "-", shown, cases[i].shown);
    }
  g_autofree char *epoch1904 = iku_xlsx_format_number (0, 14, NULL, TRUE);
  g_assert_cmpstr (epoch1904, ==, "01-01-1904");
}

static void
test_escapes (void)
{
  static const struct { const char *raw; const char *shown; } cases[] = {
    { "a_x000D_\nb", "a\nb" }, { "a_x000D_b", "a\nb" }, { "a\r\nb", "a\nb" },
    { "_x005F_x000D_", "_x000D_" }, { "_x0041_", "A" }, { "_x00e6_", "\303\246" },
    { "_x0001_x", "x" }, { "_x004_", "_x004_" }, { "_xZZZZ_", "_xZZZZ_" },
    { "_xD83D__xDE00_", "\360\237\230\200" }, { "_xD83D_", "" }, { "tab\t", "tab\t" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GString) out = g_string_new (NULL);
      iku_xlsx_append_text (out, cases[i].raw, strlen (cases[i].raw));
      g_assert_cmpstr (out->str, ==, cases[i].shown);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/xlsx/libreoffice-parity", test_lo_parity);
  g_test_add_func ("/xlsx/sheet-order", test_order);
  g_test_add_func ("/xlsx/strings", test_strings);
  g_test_add_func ("/xlsx/types", test_types);
  g_test_add_func ("/xlsx/merges-hidden-rows", test_merges_hidden);
  g_test_add_func ("/xlsx/schema", test_schema);
  g_test_add_func ("/xlsx/errors", test_errors);
  g_test_add_func ("/xlsx/detection", test_detection);
  g_test_add_func ("/xlsx/cut", test_cut);
  g_test_add_func ("/xlsx/numbers", test_numbers);
  g_test_add_func ("/xlsx/escapes", test_escapes);
  return g_test_run ();
}
