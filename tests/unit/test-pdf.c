/* SPDX-License-Identifier: GPL-3.0-or-later
 * Tests of iku-pdf: real PDFs, checked with poppler and qpdf. */
#include "iku-font.h"
#include "iku-layout.h"
#include "iku-pdf.h"
#include "iku-pdf-encoding.h"
#include "iku-schema.h"
#include "iku-test-util.h"
#include "iku-wording.h"

#include <string.h>

static char *
data_file (const char *name)
{
  const char *dir = g_getenv ("IKUFLET_DATA_DIR");
  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static IkuPdfWriter *
writer_new (void)
{
  g_autofree char *regular = data_file ("IkufletSans-Regular.ttf");
  g_autofree char *bold = data_file ("IkufletSans-Bold.ttf");
  g_autoptr(GError) error = NULL;
  IkuPdfWriter *writer = iku_pdf_writer_new (regular, bold, &error);
  g_assert_no_error (error);
  g_assert_nonnull (writer);
  return writer;
}

static IkuLayout *
layout_from_spec (const char *spec, guint index)
{
  g_autofree char *path = data_file ("iku-tekster.ini");
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuWording) wording = iku_wording_new_from_file (path, &error);
  g_assert_no_error (error);
  g_autoptr(IkuGrid) grid = iku_test_grid_new ("Ark1", spec);
  g_autoptr(IkuSchema) schema = iku_schema_new_from_grid (grid, &error);
  g_assert_no_error (error);
  IkuLayout *layout = iku_layout_new (schema, index, "3. marts 2026", wording, &error);
  g_assert_no_error (error);
  return layout;
}

static GBytes *
render (IkuPdfWriter *writer, const IkuLayout *layout)
{
  g_autoptr(GError) error = NULL;
  GBytes *pdf = iku_pdf_writer_render (writer, layout, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  gsize len = 0;
  const char *data = g_bytes_get_data (pdf, &len);
  g_assert_cmpuint (len, >, 1000);
  g_assert_true (strncmp (data, "%PDF-", 5) == 0);
  return pdf;
}

/* Renders, writes to a temporary folder, asserts the file is sound. (transfer full) */
static char *
render_to_file (IkuPdfWriter *writer, const IkuLayout *layout, const char *name)
{
  g_autoptr(GBytes) pdf = render (writer, layout);
  g_autofree char *dir = iku_test_make_temp_dir ();
  char *path = iku_test_write_bytes (dir, name, pdf);
  iku_test_assert_pdf_sound (path);
  return path;
}

/* pdffonts' encoding of each font of @pdf, in its order, joined by spaces
 * ("WinAnsi": every document's fonts are simple fonts of its own); asserts
 * that every font is embedded, a subset, and has a ToUnicode map.
 * (transfer full) */
static char *
font_encodings (const char *pdf)
{
  const char *argv[] = { "pdffonts", pdf, NULL };
  g_autofree char *out = NULL;
  g_assert_cmpint (iku_test_run (argv, &out, NULL), ==, 0);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  g_autoptr(GPtrArray) encodings = g_ptr_array_new_null_terminated (2, g_free, TRUE);
  /* Two header lines; then name, type (may contain a space), encoding, and the
   * five columns emb, sub, uni, object number, generation. */
  for (guint i = 2; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit_set (lines[i], " ", -1);
      g_autoptr(GPtrArray) columns = g_ptr_array_new ();
      for (guint k = 0; words[k] != NULL; k++)
        if (*words[k] != '\0')
          g_ptr_array_add (columns, words[k]);
      if (columns->len == 0)
        continue;
      g_assert_cmpuint (columns->len, >=, 8);
      for (guint k = columns->len - 5; k < columns->len - 2; k++)   /* emb sub uni */
        if (strcmp (g_ptr_array_index (columns, k), "yes") != 0)
          g_error ("font not embedded, subset and mapped: %s", lines[i]);
      g_ptr_array_add (encodings, g_strdup (g_ptr_array_index (columns, columns->len - 6)));
    }
  return g_strjoinv (" ", (char **) encodings->pdata);
}

#define SCHEMA_HEAD "Team:|Hjemmeplejen Nord\nLeder:|Mette Hansen\nNavn|Individuelt fokus|Teamfokus\n"

static void
test_one_page (void)
{
  g_autoptr(IkuPdfWriter) writer = writer_new ();
  g_autoptr(IkuLayout) layout = layout_from_spec (
      SCHEMA_HEAD
      "Søren Ærø Åse|Kursus i konflikthåndtering\\n• Fire moduler\\n• Eksamen i maj|"
      "Fælles faglig sparring hver måned\n"
      "|Mentor for nye kolleger|", 0);
  g_autofree char *path = render_to_file (writer, layout, "IKU - Søren Ærø Åse.pdf");

  g_autofree char *text = iku_test_pdf_text (path);
  g_autofree char *flat = iku_test_squash_space (text);
  const char *expected[] = {
    "Individuel kompetenceudviklingsplan (IKU)",
    "Medarbejder: Søren Ærø Åse",
    "Team: Hjemmeplejen Nord",
    "Leder: Mette Hansen",
    "Dato for samtalen: 3. marts 2026",
    "Teamfokus Fælles faglig sparring hver måned",
    "Individuelt fokus Kursus i konflikthåndtering • Fire moduler • Eksamen i maj "
    "Mentor for nye kolleger",
    "Godkendelse Jeg har læst denne individuelle kompetenceudviklingsplan",
    "Dato og underskrift, medarbejder",
    "Dato og underskrift, leder",
    "fx i e-Boks",
    "Side 1 af 1",
  };
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (flat, expected[i]) == NULL)
      g_error ("»%s« not in the PDF's text:\n%s", expected[i], flat);

  g_autofree char *title = iku_test_pdf_info (path, "Title");
  g_autofree char *author = iku_test_pdf_info (path, "Author");
  g_autofree char *subject = iku_test_pdf_info (path, "Subject");
  g_autofree char *creator = iku_test_pdf_info (path, "Creator");
  g_autofree char *pages = iku_test_pdf_info (path, "Pages");
  g_autofree char *size = iku_test_pdf_info (path, "Page size");
  g_autofree char *created = iku_test_pdf_info (path, "CreationDate");
  g_assert_cmpstr (title, ==, "IKU – Søren Ærø Åse");
  g_assert_cmpstr (author, ==, "Mette Hansen");
  g_assert_cmpstr (subject, ==, "Individuel kompetenceudviklingsplan");
  g_assert_true (g_str_has_prefix (creator, "ikuflet "));
  g_assert_cmpstr (pages, ==, "1");
  g_assert_true (g_str_has_prefix (size, "595.276 x 841.89 pts (A4)"));
  g_assert_nonnull (created);
}

/* A one-page IKU is at most 50 KB on either path. The time is only reported:
 * benchmarks are tests/bench's business. */
static void
test_size_and_speed (void)
{
  const char *names[] = { "Anne Berg", "Αλέξανδρος Παπαδόπουλος" };
  g_autoptr(IkuPdfWriter) writer = writer_new ();
  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autofree char *spec = g_strdup_printf (
          SCHEMA_HEAD
          "%s|Kursus i konflikthåndtering\\nMentor for nye kolleger|Sparring hver måned\n"
          "|Diabetes-kursus i efteråret|Bedre overlevering mellem vagterne", names[n]);
      g_autoptr(IkuLayout) layout = layout_from_spec (spec, 0);
      g_assert_cmpuint (iku_layout_get_n_pages (layout), ==, 1);
      const guint rounds = 20;
      gint64 start = g_get_monotonic_time ();
      gsize size = 0;
      for (guint i = 0; i < rounds; i++)
        {
          g_autoptr(GBytes) pdf = render (writer, layout);
          size = g_bytes_get_size (pdf);
        }
      double ms = (double) (g_get_monotonic_time () - start) / rounds / 1000.0;
      g_test_message ("one-page IKU for %s: %" G_GSIZE_FORMAT " bytes, %.1f ms to render",
                      names[n], size, ms);
      g_assert_cmpuint (size, <=, 50 * 1024);
    }
}

static void
test_names_round_trip (void)
{
  const char *names[] = {
    "Søren Ærø Åse", "Łukasz Żółć", "Αλέξανδρος Παπαδόπουλος", "Владимир Иванов",
    "Nguyễn Thị Phương",
  };
  g_autoptr(IkuPdfWriter) writer = writer_new ();
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      /* The next name leads: every name also goes through Author. */
      const char *leader = names[(i + 1) % G_N_ELEMENTS (names)];
      g_autofree char *spec = g_strdup_printf ("Leder:|%s\nNavn|Individuelt fokus|Teamfokus\n"
                                               "%s|Kursus for %s|Møder\n", leader, names[i],
                                               names[i]);
      g_autoptr(IkuLayout) layout = layout_from_spec (spec, 0);
      g_assert_null (iku_layout_get_missing_chars (layout));
      g_autofree char *path = render_to_file (writer, layout, "iku.pdf");
      /* Each IKU has a name outside Windows-1252 (the Danish one's leader is
       * Polish): still one simple font per style. */
      g_autofree char *encodings = font_encodings (path);
      g_assert_cmpstr (encodings, ==, "WinAnsi WinAnsi");
      g_autofree char *text = iku_test_pdf_text (path);
      g_autofree char *course = g_strconcat ("Kursus for ", names[i], "\n", NULL);
      g_autofree char *footer = g_strconcat ("\n", names[i], "\n", NULL);
      g_assert_nonnull (strstr (text, course));
      g_assert_nonnull (strstr (text, footer));
      g_autofree char *title = iku_test_pdf_info (path, "Title");
      g_autofree char *author = iku_test_pdf_info (path, "Author");
      g_autofree char *want_title = g_strconcat ("IKU – ", names[i], NULL);
      g_assert_cmpstr (title, ==, want_title);
      g_assert_cmpstr (author, ==, leader);
    }
}

/* PDFDocEncoding for document info, byte by byte (PDF 32000-1, Annex D). */
static void
test_encodings (void)
{
  const struct {
    const char *text;
    const char *pdfdoc;   /* NULL: not encodable */
  } cases[] = {
    { "Søren Ærø Åse", "S\xF8ren \xC6r\xF8 \xC5se" },
    { "– — … € • “x” ‘y’ „z", "\x85 \x84 \x83 \xA0 \x80 \x8Dx\x8E \x8Fy\x90 \x8Cz" },
    { "Œœ Šš Žž Ÿ ƒ ‰ ™ ‹›", "\x96\x9C \x97\x9D \x99\x9E \x98 \x86 \x8B \x92 \x88\x89" },
    { "ˆ˜", NULL },
    { "Łukasz ı", "\x95ukasz \x9A" },
    { "a\xC2\xA0" "b", NULL },   /* no-break space */
    { "a\xC2\xAD" "b", NULL },   /* soft hyphen */
    { "a\tb", NULL },
    { "Αλέξανδρος", NULL },
    { "", "" },
  };
  g_autoptr(GString) out = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gboolean checked = iku_pdf_encode (IKU_PDF_ENCODING_PDFDOC, cases[i].text, NULL);
      gboolean encoded = iku_pdf_encode (IKU_PDF_ENCODING_PDFDOC, cases[i].text, out);
      g_assert_cmpint (checked, ==, cases[i].pdfdoc != NULL);
      g_assert_cmpint (encoded, ==, cases[i].pdfdoc != NULL);
      if (cases[i].pdfdoc != NULL)
        g_assert_cmpstr (out->str, ==, cases[i].pdfdoc);
    }
}

/* Every character of the single-byte path's repertoire, drawn with it and read
 * back exactly. */
static void
test_single_byte (void)
{
  const char *lines[] = {
    "Citat: „Godt“ ‚nu‘ ‹ja› «nej» “ok” ’s",
    "Streger – og — og … € 12,50 ™ † ‡ ‰ ƒ ˆ ˜",
    "Œuvre œ Šarlota š Žofie ž Ÿ ¡Hola! ¿Qué? ½ ¼ ¾",
    "Tegn: ©®°±µ¶·×÷ß¢£¥§¨ª¬¯²³´¸¹º»¦¤",
    "ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ àáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ",
    "ASCII: !\"#$%&'()*+,-./0123456789:;<=>?@[\\]^_`{}~",
  };
  g_autoptr(GString) spec = g_string_new (SCHEMA_HEAD "Søren Ærø Åse|");
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    g_string_append_printf (spec, "%s%s", i > 0 ? "\\n" : "", lines[i]);
  g_string_append (spec, "|• Fælles møde hver måned");

  g_autoptr(IkuPdfWriter) writer = writer_new ();
  g_autoptr(IkuLayout) layout = layout_from_spec (spec->str, 0);
  g_assert_null (iku_layout_get_missing_chars (layout));
  g_autofree char *path = render_to_file (writer, layout, "enkeltbyte.pdf");
  g_autofree char *encodings = font_encodings (path);
  g_assert_cmpstr (encodings, ==, "WinAnsi WinAnsi");

  g_autofree char *text = iku_test_pdf_text (path);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autofree char *line = g_strconcat ("\n", lines[i], "\n", NULL);
      if (strstr (text, line) == NULL)
        g_error ("»%s« not a line of the PDF's text:\n%s", lines[i], text);
    }
  g_assert_nonnull (strstr (text, "\nMedarbejder:\n\nSøren Ærø Åse\n"));
  g_assert_nonnull (strstr (text, "\nSide 1 af 1\n"));
  g_autofree char *title = iku_test_pdf_info (path, "Title");
  g_assert_cmpstr (title, ==, "IKU – Søren Ærø Åse");
}

/* A no-break space and a soft hyphen are in Windows-1252, but PDF's
 * WinAnsiEncoding names them "space" and "hyphen": a no-break space gets a
 * code of its own, which the ToUnicode map keeps (pdftotext prints it as a
 * space all the same); the layout drops soft hyphens. */
static void
test_no_break_space (void)
{
  g_autoptr(IkuPdfWriter) writer = writer_new ();
  g_autoptr(IkuLayout) layout = layout_from_spec (
      SCHEMA_HEAD "Anne Berg|Møde kl.\xC2\xA0" "14 hver tirsdag|Opfølg\xC2\xADning", 0);
  g_autofree char *path = render_to_file (writer, layout, "nbsp.pdf");
  g_autofree char *encodings = font_encodings (path);
  g_assert_cmpstr (encodings, ==, "WinAnsi WinAnsi");
  g_autofree char *text = iku_test_pdf_text (path);
  g_assert_nonnull (strstr (text, "\nMøde kl. 14 hver tirsdag\n"));
  g_assert_nonnull (strstr (text, "\nOpfølgning\n"));
}

/* Document info takes its own way: PDFDocEncoding when it fits, else UTF-16,
 * whatever the page text needs. */
static void
test_info_encodings (void)
{
  const struct { const char *name, *leader, *encodings; } cases[] = {
    /* Page text in Windows-1252; "˜" is not in PDFDocEncoding. */
    { "Anne Berg", "Mette ˜ Hansen", "WinAnsi WinAnsi" },
    /* Page text outside Windows-1252; "Ł" and "ł" are in PDFDocEncoding. */
    { "Łukasz Michał", "Mette Hansen", "WinAnsi WinAnsi" },
  };
  g_autoptr(IkuPdfWriter) writer = writer_new ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *spec = g_strdup_printf ("Leder:|%s\nNavn|Individuelt fokus|Teamfokus\n"
                                               "%s|Kursus|Møder", cases[i].leader, cases[i].name);
      g_autoptr(IkuLayout) layout = layout_from_spec (spec, 0);
      g_autofree char *path = render_to_file (writer, layout, "info.pdf");
      g_autofree char *encodings = font_encodings (path);
      g_assert_cmpstr (encodings, ==, cases[i].encodings);
      g_autofree char *title = iku_test_pdf_info (path, "Title");
      g_autofree char *author = iku_test_pdf_info (path, "Author");
      g_autofree char *want_title = g_strconcat ("IKU – ", cases[i].name, NULL);
      g_assert_cmpstr (title, ==, want_title);
      g_assert_cmpstr (author, ==, cases[i].leader);
    }
}

/* More characters than one single-byte font holds (215 codes and the space):
 * a second font per style takes the rest, text runs switch fonts inside a
 * line, and every character comes back. */
static void
test_many_scripts (void)
{
  g_autoptr(GString) all = g_string_new (NULL);
  const struct { gunichar first, last; } ranges[] = {
    { 0x0100, 0x017F },   /* Latin Extended-A */
    { 0x0391, 0x03A9 },   /* Greek capitals */
    { 0x03B1, 0x03C9 },   /* Greek small letters */
    { 0x0410, 0x044F },   /* Cyrillic */
  };
  g_autoptr(GString) spec = g_string_new (SCHEMA_HEAD "Anne Berg|");
  for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
    {
      for (gunichar c = ranges[r].first; c <= ranges[r].last; c++)
        if (iku_font_has_glyph (IKU_FONT_REGULAR, c))
          {
            g_string_append_unichar (all, c);
            if (g_utf8_strlen (all->str, -1) % 24 == 0)
              g_string_append (all, "\\n");
          }
      g_string_append (all, "\\n");
    }
  g_string_append_printf (spec, "%s|Fælles møde", all->str);

  g_autoptr(IkuPdfWriter) writer = writer_new ();
  g_autoptr(IkuLayout) layout = layout_from_spec (spec->str, 0);
  g_assert_null (iku_layout_get_missing_chars (layout));
  g_autofree char *path = render_to_file (writer, layout, "mange.pdf");
  g_autofree char *encodings = font_encodings (path);
  g_assert_cmpstr (encodings, ==, "WinAnsi WinAnsi WinAnsi");
  g_autofree char *text = iku_test_pdf_text (path);
  g_autofree char *flat = iku_test_squash_space (text);
  g_auto(GStrv) lines = g_strsplit (all->str, "\\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0' && strstr (text, lines[i]) == NULL)
      g_error ("»%s« not in the PDF's text:\n%s", lines[i], flat);
}

static void
test_many_pages (void)
{
  g_autoptr(GString) spec = g_string_new ("Navn|Individuelt fokus|Teamfokus\nAnne Berg||\n");
  for (guint i = 0; i < 120; i++)
    g_string_append_printf (spec, "|Aftale %u om kompetenceudvikling\\n- delmål et\\n- delmål to|\n",
                            i + 1);
  g_autoptr(IkuPdfWriter) writer = writer_new ();
  g_autoptr(IkuLayout) layout = layout_from_spec (spec->str, 0);
  guint n_pages = iku_layout_get_n_pages (layout);
  g_assert_cmpuint (n_pages, >, 5);
  g_autofree char *path = render_to_file (writer, layout, "lang.pdf");

  g_autofree char *pages = iku_test_pdf_info (path, "Pages");
  g_autofree char *want_pages = g_strdup_printf ("%u", n_pages);
  g_assert_cmpstr (pages, ==, want_pages);
  g_autofree char *author = iku_test_pdf_info (path, "Author");
  g_assert_null (author);

  /* pdftotext separates pages with a form feed. */
  g_autofree char *text = iku_test_pdf_text (path);
  g_auto(GStrv) page_texts = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (page_texts), >=, n_pages);
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *side = g_strdup_printf ("Side %u af %u", p + 1, n_pages);
      g_assert_nonnull (strstr (page_texts[p], side));
      g_assert_nonnull (strstr (page_texts[p], "Anne Berg"));
    }
  g_assert_nonnull (strstr (text, "Aftale 120 om kompetenceudvikling"));
}

static void
test_missing_chars (void)
{
  g_autoptr(IkuPdfWriter) writer = writer_new ();
  g_autoptr(IkuLayout) layout = layout_from_spec (
      "Leder:|Zoë 中村 𝔄\nNavn|Individuelt fokus|Teamfokus\nAnne 😀 Berg|Læse 中文 😀|", 0);
  g_assert_cmpstr (iku_layout_get_missing_chars (layout), ==, "😀中村𝔄文");
  g_autofree char *path = render_to_file (writer, layout, "mangler.pdf");
  g_autofree char *text = iku_test_pdf_text (path);
  g_assert_nonnull (strstr (text, "Læse \xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD"));
  /* Document info shows what it can; nothing vanishes without a trace. */
  g_autofree char *title = iku_test_pdf_info (path, "Title");
  g_autofree char *author = iku_test_pdf_info (path, "Author");
  /* Document info is not bound to the font: it keeps every character. */
  g_assert_cmpstr (title, ==, "IKU – Anne 😀 Berg");
  g_assert_cmpstr (author, ==, "Zoë 中村 𝔄");
}

/* pdfinfo's CreationDate of @pdf in ISO 8601. (transfer full) */
static char *
creation_date (GBytes *pdf)
{
  g_autofree char *dir = iku_test_make_temp_dir ();
  g_autofree char *path = iku_test_write_bytes (dir, "dato.pdf", pdf);
  const char *argv[] = { "pdfinfo", "-isodates", path, NULL };
  g_autofree char *out = NULL;
  g_assert_cmpint (iku_test_run (argv, &out, NULL), ==, 0);
  const char *line = strstr (out, "CreationDate:");
  g_assert_nonnull (line);
  line += strlen ("CreationDate:");
  return g_strstrip (g_strndup (line, strcspn (line, "\n")));
}

/* The whole program runs with SOURCE_DATE_EPOCH (see main()); without it,
 * documents carry the local time with its UTC offset. */
static void
test_local_time (void)
{
  g_autoptr(IkuLayout) layout = layout_from_spec (
      "Navn|Individuelt fokus|Teamfokus\nAnne Berg|Kursus|Møder", 0);
  g_autofree char *epoch = g_strdup (g_getenv ("SOURCE_DATE_EPOCH"));
  g_unsetenv ("SOURCE_DATE_EPOCH");
  g_autoptr(IkuPdfWriter) writer = writer_new ();
  g_setenv ("SOURCE_DATE_EPOCH", epoch, TRUE);

  g_autoptr(GDateTime) before = g_date_time_new_now_local ();
  g_autoptr(GBytes) pdf = render (writer, layout);
  g_autoptr(GDateTime) after = g_date_time_new_now_local ();
  g_autofree char *date = creation_date (pdf);
  /* Local time with its offset ("Z" when the offset is zero), to the second. */
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) parsed = g_date_time_new_from_iso8601 (date, local);
  g_assert_nonnull (parsed);
  g_assert_cmpint (g_date_time_to_unix (parsed), >=, g_date_time_to_unix (before));
  g_assert_cmpint (g_date_time_to_unix (parsed), <=, g_date_time_to_unix (after));
  g_assert_cmpint (g_date_time_get_utc_offset (parsed), ==, g_date_time_get_utc_offset (before));
}

static void
test_reproducible (void)
{
  g_autoptr(IkuLayout) layout = layout_from_spec (
      "Navn|Individuelt fokus|Teamfokus\nAnne Berg|Kursus|Møder", 0);
  g_autoptr(IkuPdfWriter) writer = writer_new ();
  g_autoptr(IkuPdfWriter) other = writer_new ();
  g_autoptr(GBytes) a = render (writer, layout);
  g_autoptr(GBytes) b = render (writer, layout);
  g_autoptr(GBytes) c = render (other, layout);
  g_assert_true (g_bytes_equal (a, b));
  g_assert_true (g_bytes_equal (a, c));

  g_autofree char *date = creation_date (a);
  g_assert_cmpstr (date, ==, "2026-03-03T12:00:00Z");
}

static void
test_bad_fonts (void)
{
  g_autofree char *regular = data_file ("IkufletSans-Regular.ttf");
  g_autofree char *wording = data_file ("iku-tekster.ini");
  g_autofree char *dir = iku_test_make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "findes-ikke.ttf", NULL);
  g_autoptr(GError) error = NULL;

  g_autoptr(IkuPdfWriter) none = iku_pdf_writer_new (regular, missing, &error);
  g_assert_null (none);
  g_assert_error (error, IKU_PDF_ERROR, IKU_PDF_ERROR_FONT);
  g_assert_nonnull (strstr (error->message, "findes-ikke.ttf"));
  g_clear_error (&error);

  /* Not a font at all (a text file): refused before libharu parses it. */
  g_autoptr(IkuPdfWriter) text = iku_pdf_writer_new (wording, regular, &error);
  g_assert_null (text);
  g_assert_error (error, IKU_PDF_ERROR, IKU_PDF_ERROR_FONT);
  g_clear_error (&error);

  /* A TrueType header and nothing else: the font reader says no. */
  static const char stub[16] = { 0, 1, 0, 0 };
  g_autoptr(GBytes) bytes = g_bytes_new_static (stub, sizeof stub);
  g_autofree char *stub_path = iku_test_write_bytes (dir, "stub.ttf", bytes);
  g_autoptr(IkuPdfWriter) broken = iku_pdf_writer_new (regular, stub_path, &error);
  g_assert_null (broken);
  g_assert_error (error, IKU_PDF_ERROR, IKU_PDF_ERROR_FONT);
  g_clear_error (&error);

  /* Tables that point outside the file: our reader refuses them. */
  g_autofree char *good = data_file ("IkufletSans-Bold.ttf");
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (good, FALSE, &error);
  g_assert_no_error (error);
  gsize len = g_mapped_file_get_length (mapped);
  g_autoptr(GBytes) cut = g_bytes_new (g_mapped_file_get_contents (mapped), len / 2);
  g_autofree char *cut_path = iku_test_write_bytes (dir, "halv.ttf", cut);
  g_autoptr(IkuPdfWriter) halved = iku_pdf_writer_new (regular, cut_path, &error);
  g_assert_null (halved);
  g_assert_error (error, IKU_PDF_ERROR, IKU_PDF_ERROR_FONT);
  g_assert_nonnull (strstr (error->message, "halv.ttf"));
}

/* Each thread renders every layout five times with its own writer and keeps
 * the first PDF of each. */
static void
render_in_thread (gpointer data, gpointer user_data)
{
  IkuLayout **layouts = user_data;
  GBytes **out = data;
  g_autoptr(IkuPdfWriter) writer = writer_new ();
  for (guint k = 0; layouts[k] != NULL; k++)
    for (guint i = 0; i < 5; i++)
      {
        g_autoptr(GBytes) pdf = render (writer, layouts[k]);
        if (i == 0)
          out[k] = g_bytes_ref (pdf);
      }
}

/* One writer per thread: the same bytes as in one thread, on both paths. */
static void
test_threads (void)
{
  g_autoptr(IkuLayout) single_byte = layout_from_spec (
      "Navn|Individuelt fokus|Teamfokus\nAnne Berg|Kursus|Møder", 0);
  g_autoptr(IkuLayout) unicode = layout_from_spec (
      "Navn|Individuelt fokus|Teamfokus\nΕλένη Κωνσταντίνου|Kursus|Møder", 0);
  IkuLayout *layouts[] = { single_byte, unicode, NULL };
  g_autoptr(IkuPdfWriter) writer = writer_new ();
  GBytes *alone[2] = { render (writer, single_byte), render (writer, unicode) };

  GBytes *results[4][2] = { { NULL } };
  g_autoptr(GError) error = NULL;
  GThreadPool *pool = g_thread_pool_new (render_in_thread, layouts, 2, TRUE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    g_thread_pool_push (pool, results[i], NULL);
  g_thread_pool_free (pool, FALSE, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (results); i++)
    for (guint k = 0; k < G_N_ELEMENTS (alone); k++)
      {
        g_assert_nonnull (results[i][k]);
        g_assert_true (g_bytes_equal (alone[k], results[i][k]));
        g_bytes_unref (results[i][k]);
      }
  for (guint k = 0; k < G_N_ELEMENTS (alone); k++)
    g_bytes_unref (alone[k]);
}

int
main (int argc, char **argv)
{
  /* Reproducible documents (2026-03-03 12:00 UTC); set before any thread exists. */
  g_setenv ("SOURCE_DATE_EPOCH", "1772539200", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pdf/local-time", test_local_time);
  g_test_add_func ("/pdf/one-page", test_one_page);
  g_test_add_func ("/pdf/size-and-speed", test_size_and_speed);
  g_test_add_func ("/pdf/names-round-trip", test_names_round_trip);
  g_test_add_func ("/pdf/encodings", test_encodings);
  g_test_add_func ("/pdf/single-byte", test_single_byte);
  g_test_add_func ("/pdf/no-break-space", test_no_break_space);
  g_test_add_func ("/pdf/info-encodings", test_info_encodings);
  g_test_add_func ("/pdf/many-scripts", test_many_scripts);
  g_test_add_func ("/pdf/many-pages", test_many_pages);
  g_test_add_func ("/pdf/missing-chars", test_missing_chars);
  g_test_add_func ("/pdf/reproducible", test_reproducible);
  g_test_add_func ("/pdf/bad-fonts", test_bad_fonts);
  g_test_add_func ("/pdf/threads", test_threads);
  return g_test_run ();
}
