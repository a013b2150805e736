/* SPDX-License-Identifier: GPL-3.0-or-later
 * The .ods reader against the fixtures of tests/data/ods (see the README there):
 * exact grids for every construct, every error with its code and message, and
 * robustness against cut and damaged files. */
#include "iku-ods.h"
#include "iku-ods-private.h"
#include "iku-test-util.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Texts the fixtures hide where no user sees them: never in a grid. */
static const char * const hidden_texts[] = {
  "HEMMELIG", "SKJULT", "FIGURTEKST", "FODNOTE", "LISTEPUNKT", "FREMMED", "UKENDT",
};

static char *
fixture_path (const char *name)
{
  const char *dir = g_getenv ("IKUFLET_TEST_DATA");
  g_assert_nonnull (dir);
  return g_build_filename (dir, "ods", name, NULL);
}

static IkuBook *
read_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  g_autoptr(GError) error = NULL;
  IkuBook *book = iku_ods_read_file (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (book);
  return book;
}

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = fixture_path (name);
  return iku_test_load_bytes (path);
}

/* Asserts @grid holds exactly the cells of @spec (iku_test_grid_new's form). */
static void
assert_grid (const IkuGrid *grid, const char *sheet_name, const char *spec)
{
  iku_test_assert_grid_cells (grid, sheet_name, spec);
  g_autoptr(IkuGrid) expected = iku_test_grid_new (sheet_name, spec);
  g_assert_cmpuint (iku_grid_get_n_rows (grid), ==, iku_grid_get_n_rows (expected));
  g_assert_cmpuint (iku_grid_get_n_cols (grid), ==, iku_grid_get_n_cols (expected));
  g_assert_cmpuint (iku_grid_get_n_cells (grid), ==, iku_grid_get_n_cells (expected));
}

static void
assert_one_sheet (const char *fixture, const char *sheet_name, const char *spec)
{
  g_autoptr(IkuBook) book = read_fixture (fixture);
  g_assert_cmpuint (iku_book_get_n_sheets (book), ==, 1);
  g_assert_cmpint (iku_book_get_active (book), ==, -1);
  assert_grid (iku_book_get_sheet (book, 0), sheet_name, spec);
}

#define HEADERS "Indsæt navn på medarbejder|Indsæt indhold vedrørende medarbejder|" \
                "Indsæt indhold vedrørende teamet\n"
#define HEADER_AREA "Det fælles kompetenceskema|||Dobbeltklik for at lave PDF-filer\n" \
                    "Team:|Hjemmeplejen Nord\n"                                      \
                    "Leder:|Birgitte Sørensen\n"                                     \
                    "Dato:|12.03.2024\n"                                             \
                    "\n"

/* ---- constructs ------------------------------------------------------------- */

static void
test_text (void)
{
  assert_one_sheet ("constructs-text.ods", "Tekst",
                    "Linje 1\\nLinje 2\\nLinje 3\n"
                    "Se fed og link her\n"
                    "a b    c d e\n"
                    "Før\tefter\\nny linje\n"
                    "Synlig tekst\n"
                    "Del 1 7 Tekst\n"
                    "Overskrift\\nBrødtekst\n"
                    "førefter\n"
                    "  to  mellemrum  \n"
                    "|\\n\n"
                    "ydre indre\n"
                    "Æ&Ø <tag> ☺ åæ\n"
                    "Efter listen\n"
                    "første\\nanden\tmed tab\n"
                    "|B15\n"
                    "a b");
}

static void
test_stored (void)
{
  /* The same content.xml, not compressed in the zip. */
  g_autoptr(IkuBook) deflated = read_fixture ("constructs-text.ods");
  g_autoptr(IkuBook) stored = read_fixture ("constructs-stored.ods");
  const IkuGrid *a = iku_book_get_sheet (deflated, 0);
  const IkuGrid *b = iku_book_get_sheet (stored, 0);
  g_assert_cmpuint (iku_grid_get_n_cells (a), ==, iku_grid_get_n_cells (b));
  for (guint r = 0; r < iku_grid_get_n_rows (a); r++)
    for (guint c = 0; c < iku_grid_get_n_cols (a); c++)
      g_assert_cmpstr (iku_grid_get_cell (a, r, c), ==, iku_grid_get_cell (b, r, c));
}

static void
test_values (void)
{
  assert_one_sheet ("constructs-values.ods", "Værdier",
                    "1.234,50\n"
                    "25%\n"
                    "99,95 kr.\n"
                    "12.03.2024\n"
                    "13:30\n"
                    "SAND\n"
                    "2\n"
                    "IKU\n"
                    "#DIV/0!\n"
                    "3.5\n"
                    "0.25\n"
                    "10\n"
                    "2024-05-01\n"
                    "PT13H30M00S\n"
                    "false\n"
                    "Kun værdi\n"
                    "||C17\n"
                    "Vist tekst\n"
                    "|B19");
}

static void
test_layout (void)
{
  g_autoptr(IkuBook) book = read_fixture ("constructs-layout.ods");
  g_assert_cmpuint (iku_book_get_n_sheets (book), ==, 4);
  assert_grid (iku_book_get_sheet (book, 0), "Layout",
               "Overskrift 1|Overskrift 2\n"
               "I gruppe\n"
               "I rows\n"
               "x|x|x|||y\n"
               "gentaget||z\n"
               "gentaget||z\n"
               "\n\n\n"
               "Flettet||ved siden af\n"
               "||under\n"
               "dækket|dækket|dækket|D12\n"
               "nul|minus|efter\n"
               "||to|to\n"
               "||to|to");
  assert_grid (iku_book_get_sheet (book, 1), "Tom", "");
  assert_grid (iku_book_get_sheet (book, 2), "Ark3", "uden navn");
  assert_grid (iku_book_get_sheet (book, 3), "R&D \"Æøå\" – <ark>", "særligt navn");
}

static void
test_prefixes (void)
{
  /* Byte order mark, a comment and a processing instruction before the root,
   * other prefixes, a default namespace, CDATA, foreign elements in a row. */
  assert_one_sheet ("constructs-prefixes.ods", "Præfikser",
                    "andet præfiks|standardnavnerum|<CDATA & tekst>|sidst");
}

static void
test_tail (void)
{
  /* LibreOffice's tail: a row repeated to row 1,048,576 and cells repeated to
   * column 1,024 in every row. Positions only: nothing of it is stored. */
  g_autoptr(IkuBook) book = read_fixture ("tail-million-rows.ods");
  const IkuGrid *grid = iku_book_get_sheet (book, 0);
  g_assert_cmpuint (iku_grid_get_n_rows (grid), ==, 4);
  g_assert_cmpuint (iku_grid_get_n_cols (grid), ==, 3);
  assert_grid (grid, "Skema",
               "Navn|Individuelt fokus|Teamfokus\n"
               "Anne Æbelø|Kursus i forflytning|Temadag\n"
               "Bo Holm|Kursus i medicinhåndtering|Temadag\n"
               "Camilla Kjær|Kursus i demens|Temadag");
}

/* ---- complete schemas ----------------------------------------------------------- */

static void
test_schema_basic (void)
{
  assert_one_sheet ("schema-basic.ods", "Skema",
                    HEADER_AREA HEADERS
                    "Anne Æbelø|Kursus i forflytning\\n• Opfølgning efter 3 måneder\\n"
                    "- Sidemandsoplæring\\n* Læse faglitteratur om demens|"
                    "Fælles temadag om demens\n"
                    "|Mentor for nye kolleger|Fælles temadag om demens\n"
                    "Søren Østergaard|Lederuddannelse, modul 1|"
                    "Supervision hver 6. uge\\n• Første gang i april\n"
                    "\n"
                    "Åse Hansen|Førstehjælp, genopfriskning|Fælles temadag om demens\n"
                    "||Nyt dokumentationssystem i efteråret");
}

static void
test_schema_short_headers (void)
{
  assert_one_sheet ("schema-short-headers.ods", "Ark1",
                    "Team:|Dagcenter Solsikken\n"
                    "\n"
                    "|Navn|Individuelt fokus|Teamfokus|Bemærkninger\n"
                    "|Mads Kjærgaard|Kørekort til minibus|Brugerinddragelse|Ferie i uge 30\n"
                    "|Lærke Holm|Aktivitetsuddannelse|Brugerinddragelse");
}

static void
test_schema_header_variants (void)
{
  assert_one_sheet ("schema-header-variants.ods", "Skema",
                    "  indsæt NAVN på\\nmedarbejder |INDSÆT INDHOLD   VEDRØRENDE MEDARBEJDER|"
                    " Indsæt indhold\\nvedrørende teamet\n"
                    "Rasmus Dahl|Kursus i kommunikation|Ny mødestruktur");
}

static void
test_schema_merged (void)
{
  assert_one_sheet ("schema-merged.ods", "Skema",
                    HEADER_AREA HEADERS
                    "Mette Kjær|Kursus i Excel|Teammøde hver mandag\n"
                    "|Sprogkursus i tysk|Teammøde hver mandag\n"
                    "Jens Ølgaard|Coaching-forløb|Trivselsmåling\n"
                    "Kim Larsen|Truckcertifikat\n"
                    "Ida Vestergaard|Projektleder på ny vagtplan");
}

static void
test_schema_merged_ordinary (void)
{
  /* As Calc shows it (loaded in LibreOffice 7.4): ordinary cells under a
   * merged area are hidden, covered cells outside any area are shown. */
  assert_one_sheet ("schema-merged-ordinary.ods", "Skema",
                    HEADERS
                    "Anne Æbelø|Kursus i forflytning\n"
                    "\n"
                    "Bo Holm|Kursus i demens|Fælles temadag\n"
                    "|Sprogkursus\n"
                    "|Mentor\n"
                    "Camilla Kjær|Synlig dækket celle|Også synlig");
}

static void
test_merges (void)
{
  g_autoptr(IkuBookMerges) m = iku_book_merges_new ();
  /* B1:C2, and A3:A5 */
  g_assert_false (iku_book_merges_covers (m, 0, 1));
  iku_book_merges_add (m, 0, 1, 2, 2);
  g_assert_false (iku_book_merges_covers (m, 0, 0));
  g_assert_false (iku_book_merges_covers (m, 0, 1));   /* the anchor */
  g_assert_true (iku_book_merges_covers (m, 0, 2));
  g_assert_false (iku_book_merges_covers (m, 0, 3));
  g_assert_true (iku_book_merges_covers (m, 1, 1));
  g_assert_true (iku_book_merges_covers (m, 1, 2));
  iku_book_merges_add (m, 2, 0, 3, 1);
  g_assert_false (iku_book_merges_covers (m, 2, 1));   /* B1:C2 is past */
  g_assert_true (iku_book_merges_covers (m, 3, 0));
  g_assert_true (iku_book_merges_covers (m, 4, 0));
  g_assert_false (iku_book_merges_covers (m, 5, 0));

  /* A span running into a live area to its right stops there: D6:D9 lives,
   * then B7 spans 4 columns and 2 rows, and gets B7:C8. */
  iku_book_merges_add (m, 5, 3, 4, 1);
  iku_book_merges_add (m, 6, 1, 2, 4);
  g_assert_true (iku_book_merges_covers (m, 6, 2));
  g_assert_true (iku_book_merges_covers (m, 6, 3));    /* still D6's */
  g_assert_true (iku_book_merges_covers (m, 7, 2));
  g_assert_false (iku_book_merges_covers (m, 7, 4));
  g_assert_false (iku_book_merges_covers (m, 9, 3));
  /* A dead area in the same column gives way to a new one. */
  iku_book_merges_add (m, 10, 1, 1, 3);
  g_assert_true (iku_book_merges_covers (m, 10, 3));
  g_assert_false (iku_book_merges_covers (m, 11, 2));
  /* Positions beyond any sheet saturate instead of wrapping. */
  iku_book_merges_add (m, 12, G_MAXUINT64 - 1, G_MAXUINT64, G_MAXUINT64);
  g_assert_true (iku_book_merges_covers (m, G_MAXUINT64 - 1, G_MAXUINT64 - 1));
  g_assert_false (iku_book_merges_covers (m, G_MAXUINT64 - 1, 0));
  g_assert_cmpuint (iku_book_merges_get_n_added (m), ==, 6);
}

static void
test_schema_second_sheet (void)
{
  g_autoptr(IkuBook) book = read_fixture ("schema-second-sheet.ods");
  g_assert_cmpuint (iku_book_get_n_sheets (book), ==, 3);
  assert_grid (iku_book_get_sheet (book, 0), "Vejledning",
               "Sådan bruger du skemaet\n"
               "Skriv navne og indhold på arket »Skema«.\n"
               "\n"
               "Eksempel:|LOKKEDUE-NAVN|LOKKEDUE-INDHOLD");
  assert_grid (iku_book_get_sheet (book, 1), "Skema",
               "Det fælles kompetenceskema|||Dobbeltklik for at lave PDF-filer\n"
               "Team:|Sygeplejen Syd\n"
               "Leder:|Hanne Lykke\n"
               "Dato:|2. april 2024\n"
               "\n" HEADERS
               "Karen Bæk|Kursus i palliation|Fælles kursus i konflikthåndtering\n"
               "Ole Frølund|Introduktion til velfærdsteknologi|"
               "Fælles kursus i konflikthåndtering");
  assert_grid (iku_book_get_sheet (book, 2), "Noter", "Mødet blev holdt i kantinen.");
}

static void
test_schema_unicode_names (void)
{
  g_autoptr(IkuBook) book = read_fixture ("schema-unicode-names.ods");
  const IkuGrid *grid = iku_book_get_sheet (book, 0);
  /* Written decomposed (NFD) in the file: composed (NFC) in the grid. */
  const char *vietnamese = "Nguy\xe1\xbb\x85n Th\xe1\xbb\x8b H\xc6\xb0\xc6\xa1ng";
  g_autofree char *nfc = g_utf8_normalize (vietnamese, -1, G_NORMALIZE_NFC);
  g_assert_cmpstr (nfc, ==, vietnamese);
  g_assert_cmpstr (iku_grid_get_cell (grid, 9, 0), ==, vietnamese);
  assert_grid (grid, "Skema",
               "Team:|Tværfagligt team\n"
               "Leder:|Søs Ærbødig\n"
               "\n"
               "Navn|Individuelt fokus|Teamfokus\n"
               "Bjørn Æbelø|Kursus i ældrepleje|Sprogcafé hver torsdag\n"
               "Åse Ørsted|Efteruddannelse i psykiatri|Sprogcafé hver torsdag\n"
               "Łukasz Wójcik-Żmuda|Danskuddannelse, modul 3|Sprogcafé hver torsdag\n"
               "Γιώργος Παπαδόπουλος|Kursus i dansk fagsprog|Sprogcafé hver torsdag\n"
               "Олена Коваленко|Praktik på plejecenter|Sprogcafé hver torsdag\n"
               "Nguyễn Thị Hương|Sosu-assistentuddannelse|Sprogcafé hver torsdag\n"
               "  Ida   Ærø  |Mentorordning|Sprogcafé hver torsdag\n"
               "Per/Ole: Hansen?|Kursus i IT-sikkerhed|Sprogcafé hver torsdag");
}

static void
test_schema_duplicates (void)
{
  assert_one_sheet ("schema-duplicates.ods", "Skema",
                    HEADERS
                    "Anne Æbelø|Kursus A: forflytning|Fælles supervision\n"
                    "Bo Holm|Kursus B: medicinhåndtering\n"
                    "anne æbelø|Kursus C: demens|Fælles supervision");
}

static void
test_schema_libreoffice (void)
{
  /* Written by LibreOffice 7.4 itself (make-lo-fixtures.py). */
  assert_one_sheet ("schema-libreoffice.ods", "Skema",
                    "Det fælles kompetenceskema|||Dobbeltklik for at lave PDF-filer\n"
                    "Team:|Sygeplejen Syd\n"
                    "Leder:|Hanne Lykke\n"
                    "Dato:|15.04.2024\n"
                    "Antal medarbejdere:|3\n"
                    "\n"
                    "Indsæt navn på medarbejder|Indsæt indhold vedrørende medarbejder|"
                    "Indsæt indhold vedrørende teamet|Timer\n"
                    "Peter Brødsgaard|Kursus i ledelse af frivillige|"
                    "Fælles mål for 2024:\\n• Bedre overlevering mellem vagter\n"
                    "|Opfølgning hos HR|Fælles mål for 2024:\\n• Bedre overlevering mellem vagter\n"
                    "Sofie Ærenlund|Uddannelse i sårpleje\\n- Teori i foråret\\n"
                    "- Praktik i efteråret|Hanne Lykke holder oplæg om trivsel\n"
                    "Morten Øberg|Kursus i dokumentation||37,50\n"
                    "|Læse op på nye retningslinjer");
}

static void
test_schema_errors (void)
{
  /* Readable files whose schema is wrong: the reader's part is the grid. */
  assert_one_sheet ("error-no-header.ods", "Skema",
                    HEADER_AREA
                    "Person|Aftaler|Fælles\n"
                    "Anne Æbelø|Kursus i forflytning|Temadag");
  assert_one_sheet ("error-no-employees.ods", "Skema",
                    HEADER_AREA HEADERS
                    "||Fælles temadag om demens\n"
                    "\n"
                    "||Nyt dokumentationssystem");
  assert_one_sheet ("error-orphan-content.ods", "Skema",
                    HEADERS
                    "|Indhold uden navn|Teammøde hver tirsdag\n"
                    "Lone Berg|Kursus i sårpleje");
}

static void
test_big (void)
{
  g_autoptr(IkuBook) book = read_fixture ("big-2000-employees.ods");
  const IkuGrid *grid = iku_book_get_sheet (book, 0);
  g_assert_cmpuint (iku_grid_get_n_rows (grid), ==, 6 + 2000);
  g_assert_cmpuint (iku_grid_get_n_cols (grid), ==, 4);
  g_assert_cmpuint (iku_grid_get_n_cells (grid), ==, 8 + 3 + 3 * 2000);
  g_assert_cmpstr (iku_grid_get_cell (grid, 6, 0), ==, "Anne Hansen");
  g_assert_cmpstr (iku_grid_get_cell (grid, 6, 1), ==, "Kursus nr. 1\n• Opfølgning med lederen");
  g_assert_cmpstr (iku_grid_get_cell (grid, 2005, 0), ==, "Frida Juhl");
  g_assert_cmpstr (iku_grid_get_cell (grid, 2005, 1), ==,
                   "Kursus nr. 2000\n• Opfølgning med lederen");
  g_assert_cmpstr (iku_grid_get_cell (grid, 2005, 2), ==, "Fælles temadag om arbejdsmiljø");
  /* All 2,000 names are different. */
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint r = 6; r < 2006; r++)
    g_hash_table_add (names, (gpointer) iku_grid_get_cell (grid, r, 0));
  g_assert_cmpuint (g_hash_table_size (names), ==, 2000);
}

static const char * const readable_fixtures[] = {
  "schema-basic.ods", "schema-short-headers.ods", "schema-header-variants.ods",
  "schema-merged.ods", "schema-second-sheet.ods", "schema-unicode-names.ods",
  "schema-duplicates.ods", "schema-libreoffice.ods", "error-no-header.ods",
  "error-no-employees.ods", "error-orphan-content.ods", "big-2000-employees.ods",
  "tail-million-rows.ods", "constructs-text.ods", "constructs-stored.ods",
  "constructs-values.ods", "constructs-layout.ods", "constructs-prefixes.ods",
  "schema-merged-ordinary.ods",
};

static void
test_hidden_texts (void)
{
  /* Comments, covered cells, shapes, notes, lists and foreign elements are
   * never read, in any fixture. */
  for (gsize f = 0; f < G_N_ELEMENTS (readable_fixtures); f++)
    {
      g_autoptr(IkuBook) book = read_fixture (readable_fixtures[f]);
      for (guint s = 0; s < iku_book_get_n_sheets (book); s++)
        {
          const IkuGrid *grid = iku_book_get_sheet (book, s);
          for (guint r = 0; r < iku_grid_get_n_rows (grid); r++)
            for (guint c = 0; c < iku_grid_get_n_cols (grid); c++)
              {
                const char *text = iku_grid_get_cell (grid, r, c);
                for (gsize h = 0; text != NULL && h < G_N_ELEMENTS (hidden_texts); h++)
                  if (strstr (text, hidden_texts[h]) != NULL)
                    g_error ("%s: »%s« read from a hidden place: %s", readable_fixtures[f],
                             hidden_texts[h], text);
              }
        }
    }
}

static void
assert_books_equal (const IkuBook *a, const IkuBook *b)
{
  g_assert_cmpuint (iku_book_get_n_sheets (a), ==, iku_book_get_n_sheets (b));
  for (guint s = 0; s < iku_book_get_n_sheets (a); s++)
    {
      const IkuGrid *ga = iku_book_get_sheet (a, s);
      const IkuGrid *gb = iku_book_get_sheet (b, s);
      g_assert_cmpstr (iku_grid_get_sheet_name (ga), ==, iku_grid_get_sheet_name (gb));
      g_assert_cmpuint (iku_grid_get_n_cells (ga), ==, iku_grid_get_n_cells (gb));
      g_assert_cmpuint (iku_grid_get_n_rows (ga), ==, iku_grid_get_n_rows (gb));
      g_assert_cmpuint (iku_grid_get_n_cols (ga), ==, iku_grid_get_n_cols (gb));
      for (guint r = 0; r < iku_grid_get_n_rows (ga); r++)
        for (guint c = 0; c < iku_grid_get_n_cols (ga); c++)
          g_assert_cmpstr (iku_grid_get_cell (ga, r, c), ==, iku_grid_get_cell (gb, r, c));
    }
}

static void
test_read_data (void)
{
  for (gsize f = 0; f < G_N_ELEMENTS (readable_fixtures); f++)
    {
      g_autoptr(IkuBook) from_file = read_fixture (readable_fixtures[f]);
      g_autoptr(GBytes) bytes = load_fixture (readable_fixtures[f]);
      gsize len = 0;
      const guint8 *data = g_bytes_get_data (bytes, &len);
      g_autoptr(GError) error = NULL;
      g_autoptr(IkuBook) from_data = iku_ods_read_data (data, len, readable_fixtures[f], &error);
      g_assert_no_error (error);
      assert_books_equal (from_file, from_data);
    }
}

/* ---- errors ----------------------------------------------------------------------- */

typedef struct {
  const char *fixture;
  IkuBookError code;
  const char *fragment;  /* a part of the message that says what went wrong */
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "broken-not-zip.ods", IKU_BOOK_ERROR_NOT_SPREADSHEET, "er ikke et OpenDocument-regneark (.ods)" },
  { "broken-empty.ods", IKU_BOOK_ERROR_NOT_SPREADSHEET, "er ikke et OpenDocument-regneark (.ods)" },
  { "broken-no-content.ods", IKU_BOOK_ERROR_NOT_SPREADSHEET, "er ikke et OpenDocument-regneark (.ods)" },
  { "broken-xlsx.ods", IKU_BOOK_ERROR_NOT_SPREADSHEET, "er et Excel-regneark" },
  { "broken-not-spreadsheet.ods", IKU_BOOK_ERROR_NOT_SPREADSHEET, "men ikke et regneark" },
  { "broken-foreign-root.ods", IKU_BOOK_ERROR_NOT_SPREADSHEET, "er ikke et OpenDocument-regneark (.ods)" },
  { "broken-truncated.ods", IKU_BOOK_ERROR_CORRUPT, "filen er ufuldstændig" },
  { "broken-bad-crc.ods", IKU_BOOK_ERROR_CORRUPT, "kontrolsummen for content.xml passer ikke" },
  { "broken-deflate-data.ods", IKU_BOOK_ERROR_CORRUPT, "er beskadiget (" },
  { "broken-malformed-xml.ods", IKU_BOOK_ERROR_CORRUPT, "XML-fejl i linje 2" },
  { "broken-empty-content.ods", IKU_BOOK_ERROR_CORRUPT, "XML-fejl i linje 1" },
  { "broken-undeclared-entity.ods", IKU_BOOK_ERROR_CORRUPT, "XML-fejl i linje 2" },
  { "broken-invalid-utf8.ods", IKU_BOOK_ERROR_CORRUPT, "ugyldige tegn i linje 2" },
  { "broken-invalid-utf8-surrogate.ods", IKU_BOOK_ERROR_CORRUPT, "ugyldige tegn i linje 2" },
  { "broken-latin1.ods", IKU_BOOK_ERROR_CORRUPT, "ugyldige tegn i linje 2" },
  { "broken-control-char.ods", IKU_BOOK_ERROR_CORRUPT, "ugyldige tegn i linje 2" },
  { "broken-utf16.ods", IKU_BOOK_ERROR_CORRUPT, "ikke et XML-dokument i UTF-8" },
  { "broken-entity-bomb.ods", IKU_BOOK_ERROR_FORBIDDEN, "DOCTYPE" },
  { "broken-external-entity.ods", IKU_BOOK_ERROR_FORBIDDEN, "DOCTYPE" },
  { "broken-doctype.ods", IKU_BOOK_ERROR_FORBIDDEN, "DOCTYPE" },
  { "broken-doctype-bare.ods", IKU_BOOK_ERROR_FORBIDDEN, "DOCTYPE" },
  { "broken-encrypted.ods", IKU_BOOK_ERROR_UNREADABLE, "adgangskode" },
  { "broken-password.ods", IKU_BOOK_ERROR_UNREADABLE, "adgangskode" },
  { "broken-zip-password.ods", IKU_BOOK_ERROR_UNREADABLE, "adgangskode" },
  { "broken-too-many-sheets.ods", IKU_BOOK_ERROR_TOO_LARGE, "mere end 256 ark" },
  { "broken-long-sheet-name.ods", IKU_BOOK_ERROR_TOO_LARGE, "mere end 400 byte" },
  { "broken-too-many-cells.ods", IKU_BOOK_ERROR_TOO_LARGE,
    "mere end 200000 udfyldte celler (celle A201" },
  { "broken-too-many-columns.ods", IKU_BOOK_ERROR_TOO_LARGE, "efter kolonne nr. 16384" },
  { "broken-too-many-rows.ods", IKU_BOOK_ERROR_TOO_LARGE, "under række 1048576" },
  { "broken-huge-text-node.ods", IKU_BOOK_ERROR_TOO_LARGE, "mere tekst eller dybere indlejring" },
  { "broken-deep-nesting.ods", IKU_BOOK_ERROR_TOO_LARGE, "content.xml har dybere indlejring" },
  /* Counted over the workbook: each sheet alone is below the bound. */
  { "broken-book-text.ods", IKU_BOOK_ERROR_TOO_LARGE, "mere end 16 MB tekst (ved celle" },
  { "broken-book-cells.ods", IKU_BOOK_ERROR_TOO_LARGE,
    "mere end 200000 udfyldte celler (celle A51 på arket »Kopi«" },
  /* What makes libxml2 slow, refused before libxml2 sees it. */
  { "broken-many-attributes.ods", IKU_BOOK_ERROR_TOO_LARGE, "et element med flere egenskaber" },
  { "broken-many-namespaces.ods", IKU_BOOK_ERROR_TOO_LARGE, "flere navnerumserklæringer" },
  /* Refused by the size the directory declares, before inflating. */
  { "broken-zip-bomb.ods", IKU_BOOK_ERROR_TOO_LARGE, "er for stor: regnearkets indhold fylder mere end" },
  /* Declares 4 KB: refused by the count of inflated bytes. */
  { "broken-zip-bomb-lying.ods", IKU_BOOK_ERROR_TOO_LARGE, "er for stor" },
  /* Archives two readers could read differently, refused as LibreOffice does. */
  { "broken-zip-duplicate.ods", IKU_BOOK_ERROR_CORRUPT, "to filer med samme navn" },
  { "broken-zip-local-header.ods", IKU_BOOK_ERROR_CORRUPT, "passer ikke med filerne" },
};

static void
assert_error_message (const GError *error, const char *display_name, const char *fragment)
{
  g_autofree char *quoted = g_strdup_printf ("»%s«", display_name);
  if (strstr (error->message, quoted) == NULL || strstr (error->message, fragment) == NULL)
    g_error ("unexpected message for %s: %s", display_name, error->message);
  /* A user-facing sentence: no directory, no English from the libraries. */
  g_assert_null (strstr (error->message, g_getenv ("IKUFLET_TEST_DATA")));
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_true (g_str_has_suffix (error->message, "."));
}

static void
test_error_case (gconstpointer data)
{
  const ErrorCase *tc = data;
  g_autofree char *path = fixture_path (tc->fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuBook) book = iku_ods_read_file (path, &error);
  g_assert_null (book);
  g_assert_error (error, IKU_BOOK_ERROR, (gint) tc->code);
  assert_error_message (error, tc->fixture, tc->fragment);

  /* The same from memory, named as the caller says. */
  g_autoptr(GBytes) bytes = load_fixture (tc->fixture);
  gsize len = 0;
  const guint8 *bytes_data = g_bytes_get_data (bytes, &len);
  g_autoptr(GError) data_error = NULL;
  g_autoptr(IkuBook) data_book = iku_ods_read_data (bytes_data, len, "hukommelse.ods",
                                                    &data_error);
  g_assert_null (data_book);
  g_assert_error (data_error, IKU_BOOK_ERROR, (gint) tc->code);
  assert_error_message (data_error, "hukommelse.ods", tc->fragment);
}

static void
test_zip_bomb_limit (void)
{
  /* The guard itself, with a small bound instead of a gigabyte. */
  g_autoptr(GBytes) bytes = load_fixture ("schema-basic.ods");
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuBook) book = iku_ods_read_data_with_limit (data, len, "bombe.ods", 4096, &error);
  g_assert_null (book);
  g_assert_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_TOO_LARGE);
  assert_error_message (error, "bombe.ods", "er for stor");

  /* content.xml of schema-basic.ods is far above 4 KB and far below this. */
  g_autoptr(GError) no_error = NULL;
  g_autoptr(IkuBook) read = iku_ods_read_data_with_limit (data, len, "bombe.ods", 1 << 24,
                                                          &no_error);
  g_assert_no_error (no_error);
  g_assert_nonnull (read);
}

static void
test_refused_cells (void)
{
  /* A cell over IKU_MAX_CELL_BYTES is no reason to refuse the file: it is
   * recorded as refused (none of its text kept) and reading goes on, so the
   * schema can make the other employees' IKUs and name the cell. */
  g_autoptr(IkuBook) big = read_fixture ("refused-cell-too-large.ods");
  const IkuGrid *grid = iku_book_get_sheet (big, 0);
  g_assert_true (iku_grid_is_refused_cell (grid, 1, 1));
  g_assert_null (iku_grid_get_cell (grid, 1, 1));
  g_assert_cmpstr (iku_grid_get_cell (grid, 1, 0), ==, "Anne Æbelø");

  /* <text:s text:c="2000000000"/> is refused as it is read, nothing built. */
  g_autoptr(IkuBook) space = read_fixture ("refused-huge-space.ods");
  g_assert_true (iku_grid_is_refused_cell (iku_book_get_sheet (space, 0), 0, 0));

  g_autoptr(IkuBook) five = read_fixture ("schema-five-mb-cell.ods");
  const IkuGrid *g5 = iku_book_get_sheet (five, 0);
  g_assert_true (iku_grid_is_refused_cell (g5, 2, 1));
  g_assert_cmpstr (iku_grid_get_cell (g5, 3, 1), ==, "BO-FORTSAT");
  g_assert_cmpstr (iku_grid_get_cell (g5, 4, 0), ==, "Camilla Kjær");
}

static void
test_missing_file (void)
{
  g_autofree char *dir = iku_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "findes-ikke.ods", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuBook) book = iku_ods_read_file (path, &error);
  g_assert_null (book);
  g_assert_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_UNREADABLE);
  /* In Danish, not the system's (English) strerror text. */
  assert_error_message (error, "findes-ikke.ods", "filen eller mappen findes ikke");
  g_assert_nonnull (strstr (error->message, "Kontrollér at filen findes"));
}

static void
test_not_a_file (void)
{
  g_autofree char *dir = iku_test_make_temp_dir ();
  g_autofree char *folder = g_build_filename (dir, "mappe.ods", NULL);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuBook) book = iku_ods_read_file (folder, &error);
  g_assert_null (book);
  g_assert_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_UNREADABLE);
  assert_error_message (error, "mappe.ods", "er en mappe");

  /* A FIFO must neither hang the reader nor be read. */
  g_autofree char *fifo = g_build_filename (dir, "fifo.ods", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_autoptr(GError) fifo_error = NULL;
  g_autoptr(IkuBook) fifo_book = iku_ods_read_file (fifo, &fifo_error);
  g_assert_null (fifo_book);
  g_assert_error (fifo_error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_UNREADABLE);
  assert_error_message (fifo_error, "fifo.ods", "ikke en almindelig fil");
}

static void
test_no_permission (void)
{
  if (geteuid () == 0)
    {
      g_test_skip ("root reads any file");
      return;
    }
  g_autofree char *dir = iku_test_make_temp_dir ();
  g_autoptr(GBytes) bytes = load_fixture ("schema-basic.ods");
  g_autofree char *path = iku_test_write_bytes (dir, "låst.ods", bytes);
  g_assert_cmpint (g_chmod (path, 0), ==, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuBook) book = iku_ods_read_file (path, &error);
  g_assert_null (book);
  g_assert_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_UNREADABLE);
  assert_error_message (error, "låst.ods", "du har ikke lov til det");
}

static void
test_empty_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuBook) book = iku_ods_read_data (NULL, 0, "tom.ods", &error);
  g_assert_null (book);
  g_assert_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_NOT_SPREADSHEET);
  assert_error_message (error, "tom.ods", "er ikke et OpenDocument-regneark");
}

static void
test_quiet (void)
{
  /* libxml2 and libzip must not print: the CLI's output is ours alone. */
  if (g_test_subprocess ())
    {
      for (gsize i = 0; i < G_N_ELEMENTS (error_cases); i++)
        {
          g_autofree char *path = fixture_path (error_cases[i].fixture);
          g_autoptr(GError) error = NULL;
          g_autoptr(IkuBook) book = iku_ods_read_file (path, &error);
          g_assert_null (book);
        }
      for (gsize i = 0; i < G_N_ELEMENTS (readable_fixtures); i++)
        {
          g_autoptr(IkuBook) book = read_fixture (readable_fixtures[i]);
        }
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("");
  g_test_trap_assert_stderr ("");
}

/* ---- the DOCTYPE guard ------------------------------------------------------------ */

static IkuBookPrologResult
feed_bytewise (const char *text)
{
  IkuBookProlog prolog = IKU_BOOK_PROLOG_INIT;
  IkuBookPrologResult result = IKU_BOOK_PROLOG_OK;
  for (const char *p = text; *p != '\0' && result == IKU_BOOK_PROLOG_OK; p++)
    result = iku_book_prolog_feed (&prolog, (const guint8 *) p, 1);
  return result;
}

static void
test_prolog (void)
{
  static const struct {
    const char *text;
    IkuBookPrologResult result;
  } cases[] = {
    { "<?xml version=\"1.0\"?>\n<office:document-content>", IKU_BOOK_PROLOG_OK },
    { "\xef\xbb\xbf<?xml version=\"1.0\"?><root/>", IKU_BOOK_PROLOG_OK },
    { "<!-- <!DOCTYPE x> --><root>", IKU_BOOK_PROLOG_OK },
    { "<?pi <!DOCTYPE x> ?><root>", IKU_BOOK_PROLOG_OK },
    { "<root><!DOCTYPE in the body is not a DTD, libxml2 refuses it", IKU_BOOK_PROLOG_OK },
    { "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY a \"b\">]><r/>", IKU_BOOK_PROLOG_DOCTYPE },
    { "<!-- x --><!DOCTYPE r SYSTEM \"http://example.org/r.dtd\"><r/>", IKU_BOOK_PROLOG_DOCTYPE },
    { "  \n<!DOCTYPE r><r/>", IKU_BOOK_PROLOG_DOCTYPE },
    { "\xff\xfe<\0r\0", IKU_BOOK_PROLOG_NOT_XML },
    { "PK\x03\x04", IKU_BOOK_PROLOG_NOT_XML },
    { "\xef\xbb<r/>", IKU_BOOK_PROLOG_NOT_XML },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      /* In one piece and one byte at a time: chunk borders change nothing. */
      IkuBookProlog prolog = IKU_BOOK_PROLOG_INIT;
      IkuBookPrologResult whole = iku_book_prolog_feed (&prolog, (const guint8 *) cases[i].text,
                                                        strlen (cases[i].text));
      g_assert_cmpint (whole, ==, cases[i].result);
      g_assert_cmpint (feed_bytewise (cases[i].text), ==, cases[i].result);
      /* A refusal is final. */
      if (whole != IKU_BOOK_PROLOG_OK)
        g_assert_cmpint (iku_book_prolog_feed (&prolog, (const guint8 *) "<r/>", 4), ==, whole);
    }
}

static IkuBookMarkupResult
feed_markup_bytewise (const char *text)
{
  IkuBookMarkup markup = IKU_BOOK_MARKUP_INIT;
  IkuBookMarkupResult result = IKU_BOOK_MARKUP_OK;
  for (gsize i = 0; text[i] != '\0'; i++)
    result = iku_book_markup_feed (&markup, (const guint8 *) text + i, 1);
  return result;
}

static char *
dup_attributes (const char *prefix, guint first, guint n)
{
  GString *s = g_string_new (NULL);
  for (guint i = first; i < first + n; i++)
    g_string_append_printf (s, " %s%u='v>/%u'", prefix, i, i);
  return g_string_free (s, FALSE);
}

static void
test_markup_guard (void)
{
  g_autofree char *a128 = dup_attributes ("a", 0, 128);
  g_autofree char *a129 = dup_attributes ("a", 0, 129);
  g_autofree char *ns100 = dup_attributes ("xmlns:n", 0, 100);
  g_autofree char *ns100b = dup_attributes ("xmlns:n", 100, 100);
  g_autofree char *xmlns_like = dup_attributes ("xmlnsx", 0, 100);
  g_autofree char *at_bound = g_strdup_printf ("<r%s/>", a128);
  g_autofree char *over = g_strdup_printf ("<r><c%s></c></r>", a129);
  /* Declarations of siblings do not add up; those of nested elements do. */
  g_autofree char *siblings = g_strdup_printf ("<r><a%s/><b%s></b><c%s/></r>", ns100, ns100b,
                                               ns100);
  g_autofree char *nested = g_strdup_printf ("<r%s><c%s/></r>", ns100, ns100b);
  g_autofree char *not_namespaces = g_strdup_printf ("<r%s><c%s/></r>", xmlns_like, xmlns_like);
  /* Markup inside comments, CDATA, values and PIs is no element. */
  g_autofree char *hidden = g_strdup_printf ("<r><!-- <c%s> --><![CDATA[<c%s>]]><?pi <c%s>?>"
                                             "<d v=\"<c%s>\"/></r>", a129, a129, a129, "");
  GString *deep = g_string_new (NULL);
  for (guint i = 0; i < IKU_BOOK_MAX_DEPTH; i++)
    g_string_append (deep, "<s>");
  g_autofree char *deep_ok = g_strdup (deep->str);
  g_string_append (deep, "<s>");
  /* Closing elements frees their depth again. */
  GString *long_flat = g_string_new ("<r>");
  for (guint i = 0; i < 1000; i++)
    g_string_append (long_flat, "<s><t/></s>");

  const struct {
    const char *text;
    IkuBookMarkupResult result;
  } cases[] = {
    { at_bound, IKU_BOOK_MARKUP_OK },
    { over, IKU_BOOK_MARKUP_TOO_MANY_ATTRIBUTES },
    { siblings, IKU_BOOK_MARKUP_OK },
    { nested, IKU_BOOK_MARKUP_TOO_MANY_NAMESPACES },
    { not_namespaces, IKU_BOOK_MARKUP_OK },
    { hidden, IKU_BOOK_MARKUP_OK },
    { deep_ok, IKU_BOOK_MARKUP_OK },
    { deep->str, IKU_BOOK_MARKUP_TOO_DEEP },
    { long_flat->str, IKU_BOOK_MARKUP_OK },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      IkuBookMarkup markup = IKU_BOOK_MARKUP_INIT;
      IkuBookMarkupResult whole = iku_book_markup_feed (&markup, (const guint8 *) cases[i].text,
                                                        strlen (cases[i].text));
      g_assert_cmpint (whole, ==, cases[i].result);
      g_assert_cmpint (feed_markup_bytewise (cases[i].text), ==, cases[i].result);
      if (whole != IKU_BOOK_MARKUP_OK)
        g_assert_cmpint (iku_book_markup_feed (&markup, (const guint8 *) "<r/>", 4), ==, whole);
    }
  g_string_free (deep, TRUE);
  g_string_free (long_flat, TRUE);
}

/* ---- robustness ------------------------------------------------------------------- */

static void
assert_book_or_ods_error (const guint8 *data, gsize len)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuBook) book = iku_ods_read_data (data, len, "skadet.ods", &error);
  if (book == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (error->domain == IKU_BOOK_ERROR);
      g_assert_nonnull (strstr (error->message, "»skadet.ods«"));
    }
  else
    g_assert_no_error (error);
}

static void
test_every_truncation (void)
{
  g_autoptr(GBytes) bytes = load_fixture ("constructs-stored.ods");
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  for (gsize cut = 0; cut < len; cut++)
    {
      /* A copy of exactly @cut bytes, so that ASan sees every read past it. */
      g_autofree guint8 *part = g_memdup2 (data, cut);
      assert_book_or_ods_error (part, cut);
    }
}

static void
test_damaged_bytes (void)
{
  /* The XML of constructs-stored.ods is not compressed: changed bytes reach
   * the parser (the checksum is only compared at the end). */
  g_autoptr(GBytes) bytes = load_fixture ("constructs-stored.ods");
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  g_autoptr(GRand) rand = g_rand_new_with_seed (20240312);
  static const guint8 interesting[] = { '<', '>', '&', '"', '/', '!', '?', 0, 0xff, 0xc3, 0x80 };
  for (guint round = 0; round < 3000; round++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, len);
      guint n_changes = (guint) g_rand_int_range (rand, 1, 5);
      for (guint i = 0; i < n_changes; i++)
        {
          gsize at = (gsize) g_rand_int_range (rand, 0, (gint32) len);
          copy[at] = g_rand_boolean (rand)
                     ? interesting[g_rand_int_range (rand, 0, (gint32) G_N_ELEMENTS (interesting))]
                     : (guint8) g_rand_int_range (rand, 0, 256);
        }
      assert_book_or_ods_error (copy, len);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/ods/constructs/text", test_text);
  g_test_add_func ("/ods/constructs/stored", test_stored);
  g_test_add_func ("/ods/constructs/values", test_values);
  g_test_add_func ("/ods/constructs/layout", test_layout);
  g_test_add_func ("/ods/constructs/prefixes", test_prefixes);
  g_test_add_func ("/ods/constructs/tail", test_tail);
  g_test_add_func ("/ods/schema/basic", test_schema_basic);
  g_test_add_func ("/ods/schema/short-headers", test_schema_short_headers);
  g_test_add_func ("/ods/schema/header-variants", test_schema_header_variants);
  g_test_add_func ("/ods/schema/merged", test_schema_merged);
  g_test_add_func ("/ods/schema/merged-ordinary", test_schema_merged_ordinary);
  g_test_add_func ("/ods/schema/second-sheet", test_schema_second_sheet);
  g_test_add_func ("/ods/schema/unicode-names", test_schema_unicode_names);
  g_test_add_func ("/ods/schema/duplicates", test_schema_duplicates);
  g_test_add_func ("/ods/schema/libreoffice", test_schema_libreoffice);
  g_test_add_func ("/ods/schema/errors", test_schema_errors);
  g_test_add_func ("/ods/schema/big", test_big);
  g_test_add_func ("/ods/hidden-texts", test_hidden_texts);
  g_test_add_func ("/ods/read-data", test_read_data);
  for (gsize i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("/ods/error/%s", error_cases[i].fixture);
      g_test_add_data_func (name, &error_cases[i], test_error_case);
    }
  g_test_add_func ("/ods/error/zip-bomb-limit", test_zip_bomb_limit);
  g_test_add_func ("/ods/error/missing-file", test_missing_file);
  g_test_add_func ("/ods/refused-cells", test_refused_cells);
  g_test_add_func ("/ods/error/not-a-file", test_not_a_file);
  g_test_add_func ("/ods/error/no-permission", test_no_permission);
  g_test_add_func ("/ods/error/empty-data", test_empty_data);
  g_test_add_func ("/ods/quiet", test_quiet);
  g_test_add_func ("/ods/prolog", test_prolog);
  g_test_add_func ("/ods/markup-guard", test_markup_guard);
  g_test_add_func ("/ods/merges", test_merges);
  g_test_add_func ("/ods/robust/every-truncation", test_every_truncation);
  g_test_add_func ("/ods/robust/damaged-bytes", test_damaged_bytes);

  return g_test_run ();
}
