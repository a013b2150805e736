/* SPDX-License-Identifier: GPL-3.0-or-later
 * Tests of iku-font: glyph coverage, widths against the font files themselves,
 * and line fitting (never too wide, nothing lost, always progress). */
#include "iku-font.h"
#include "iku-test-util.h"

#include <string.h>

/* ---- A minimal TrueType reader, to check the table against the font files ---- */

static guint
read_u16 (const guint8 *p)
{
  return (guint) p[0] << 8 | p[1];
}

static guint32
read_u32 (const guint8 *p)
{
  return (guint32) p[0] << 24 | (guint32) p[1] << 16 | (guint32) p[2] << 8 | p[3];
}

static const guint8 *
find_table (GBytes *font, const char *tag)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (font, &len);
  g_assert_cmpuint (len, >, 12);
  guint n_tables = read_u16 (data + 4);
  for (guint i = 0; i < n_tables; i++)
    {
      const guint8 *record = data + 12 + 16 * i;
      g_assert_cmpuint (12 + 16 * (i + 1), <=, len);
      if (memcmp (record, tag, 4) == 0)
        {
          guint32 offset = read_u32 (record + 8);
          g_assert_cmpuint (offset + read_u32 (record + 12), <=, len);
          return data + offset;
        }
    }
  g_error ("font has no %s table", tag);
}

static GBytes *
load_font (const char *file)
{
  const char *dir = g_getenv ("IKUFLET_DATA_DIR");
  g_assert_nonnull (dir);
  g_autofree char *path = g_build_filename (dir, file, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  return g_mapped_file_get_bytes (mapped);
}

/* The width of a character without glyph is the font's .notdef advance. */
static void
test_notdef_width (void)
{
  const struct { const char *file; IkuFontStyle style; } fonts[] = {
    { "IkufletSans-Regular.ttf", IKU_FONT_REGULAR },
    { "IkufletSans-Bold.ttf", IKU_FONT_BOLD },
  };
  for (guint i = 0; i < G_N_ELEMENTS (fonts); i++)
    {
      g_autoptr(GBytes) font = load_font (fonts[i].file);
      guint units_per_em = read_u16 (find_table (font, "head") + 18);
      guint notdef = read_u16 (find_table (font, "hmtx"));
      /* At a size of one em in font units, widths are in font units. */
      g_assert_cmpfloat_with_epsilon (iku_font_char_width (fonts[i].style, units_per_em, 0x4E2D),
                                      notdef, 1e-9);
      g_assert_cmpfloat_with_epsilon (iku_font_char_width (fonts[i].style, units_per_em,
                                                           IKU_FONT_REPLACEMENT_CHAR),
                                      notdef, 1e-9);
    }
}

static void
test_has_glyph (void)
{
  const gunichar shown[] = {
    ' ', 'A', 'z', '~', 0xE6, 0xF8, 0xE5, 0xC6, 0xD8, 0xC5,   /* æøåÆØÅ */
    0x141, 0x17C, 0x107,                                       /* Łżć */
    0x391, 0x3B1, 0x3C2,                                       /* Α α ς */
    0x416, 0x44F,                                              /* Ж я */
    0x1EC5, 0x1B0,                                             /* ễ ư */
    0x2022, 0x2013, 0x2026, 0x20AC, 0xA0,                      /* • – … € nbsp */
  };
  const gunichar missing[] = {
    0x4E2D, 0x1F600, 0x0627, 0x05D0, 0xFFFD, 0x10FFFF, 0xFFFF, 0x7F, 0x1F,
  };
  for (IkuFontStyle style = 0; style < IKU_FONT_N_STYLES; style++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (shown); i++)
        g_assert_true (iku_font_has_glyph (style, shown[i]));
      for (guint i = 0; i < G_N_ELEMENTS (missing); i++)
        g_assert_false (iku_font_has_glyph (style, missing[i]));
    }
}

static void
test_widths (void)
{
  const char *text = "Søren Ærø Åse – Łukasz Żółć, Αλέξανδρος, Владимир, Nguyễn";
  for (IkuFontStyle style = 0; style < IKU_FONT_N_STYLES; style++)
    {
      double sum = 0.0;
      for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
        sum += iku_font_char_width (style, 10.0, g_utf8_get_char (p));
      g_assert_cmpfloat_with_epsilon (iku_font_text_width (style, 10.0, text, -1), sum, 1e-6);
      /* Proportional to the size. */
      g_assert_cmpfloat_with_epsilon (iku_font_text_width (style, 20.0, text, -1), 2 * sum, 1e-6);
      /* A prefix by length. */
      g_assert_cmpfloat_with_epsilon (iku_font_text_width (style, 10.0, text, 1),
                                      iku_font_char_width (style, 10.0, 'S'), 1e-9);
    }
  g_assert_cmpfloat (iku_font_text_width (IKU_FONT_BOLD, 10.0, "Teamfokus", -1), >,
                     iku_font_text_width (IKU_FONT_REGULAR, 10.0, "Teamfokus", -1));
  g_assert_cmpfloat (iku_font_text_width (IKU_FONT_REGULAR, 10.0, "", -1), ==, 0.0);
  /* Liberation Sans metrics: 'i' is narrower than 'W'; digits are tabular. */
  g_assert_cmpfloat (iku_font_char_width (IKU_FONT_REGULAR, 10, 'i'), <,
                     iku_font_char_width (IKU_FONT_REGULAR, 10, 'W'));
  g_assert_cmpfloat (iku_font_char_width (IKU_FONT_REGULAR, 10, '1'), ==,
                     iku_font_char_width (IKU_FONT_REGULAR, 10, '8'));
}

/* ---- Line fitting ---- */

typedef struct {
  GPtrArray *lines;   /* drawn parts */
  double     widest;
} Broken;

static void
broken_clear (Broken *b)
{
  g_clear_pointer (&b->lines, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Broken, broken_clear)

/* Breaks @text into lines as layout does: leading spaces of a line skipped. */
static Broken
break_text (IkuFontStyle style, double size, const char *text, double width)
{
  Broken b = { g_ptr_array_new_with_free_func (g_free), 0.0 };
  gsize len = strlen (text);
  gsize pos = 0;
  while (pos < len && text[pos] == ' ')
    pos++;
  while (pos < len)
    {
      gsize draw = 0;
      gsize used = iku_font_fit_line (style, size, text + pos, len - pos, width, &draw);
      g_assert_cmpuint (used, >, 0);
      g_assert_cmpuint (draw, <=, used);
      g_assert_cmpuint (pos + used, <=, len);
      g_assert_true (g_utf8_validate (text + pos, (gssize) used, NULL));
      char *line = g_strndup (text + pos, draw);
      g_assert_true (draw == 0 || line[draw - 1] != ' ');
      g_assert_true (line[0] != ' ');
      double w = iku_font_text_width (style, size, line, -1);
      /* Too wide only when a single character is wider than the line. */
      if (g_utf8_strlen (line, -1) > 1)
        g_assert_cmpfloat (w, <=, width + 1e-9);
      b.widest = MAX (b.widest, w);
      g_ptr_array_add (b.lines, line);
      pos += used;
      while (pos < len && text[pos] == ' ')
        pos++;
    }
  return b;
}

static char *
strip_spaces (const char *text)
{
  GString *s = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

static void
assert_nothing_lost (const Broken *b, const char *text)
{
  g_autoptr(GString) joined = g_string_new (NULL);
  for (guint i = 0; i < b->lines->len; i++)
    g_string_append (joined, g_ptr_array_index (b->lines, i));
  g_autofree char *got = strip_spaces (joined->str);
  g_autofree char *want = strip_spaces (text);
  g_assert_cmpstr (got, ==, want);
}

static void
test_fit_whole (void)
{
  gsize draw = 0;
  const char *text = "Kursus i Excel   ";
  gsize used = iku_font_fit_line (IKU_FONT_REGULAR, 10.5, text, strlen (text), 400.0, &draw);
  g_assert_cmpuint (used, ==, strlen (text));
  g_assert_cmpuint (draw, ==, strlen ("Kursus i Excel"));
  g_assert_cmpuint (iku_font_fit_line (IKU_FONT_REGULAR, 10.5, "", 0, 400.0, &draw), ==, 0);
  g_assert_cmpuint (draw, ==, 0);
  /* draw_len is optional. */
  g_assert_cmpuint (iku_font_fit_line (IKU_FONT_BOLD, 10.5, "ab", 2, 400.0, NULL), ==, 2);
}

static void
test_fit_at_space (void)
{
  const char *text = "Deltage i kursus om konflikthåndtering i foråret";
  double width = iku_font_text_width (IKU_FONT_REGULAR, 10.0, "Deltage i kursus om", -1);
  gsize draw = 0;
  gsize used = iku_font_fit_line (IKU_FONT_REGULAR, 10.0, text, strlen (text), width + 0.5, &draw);
  g_assert_cmpuint (draw, ==, strlen ("Deltage i kursus om"));
  g_assert_cmpuint (used, ==, strlen ("Deltage i kursus om "));
  /* A hair narrower and "om" goes to the next line. */
  used = iku_font_fit_line (IKU_FONT_REGULAR, 10.0, text, strlen (text), width - 0.5, &draw);
  g_assert_cmpuint (draw, ==, strlen ("Deltage i kursus"));
  g_assert_cmpuint (used, ==, strlen ("Deltage i kursus "));
  /* A run of spaces is consumed whole. */
  const char *spaced = "Mål    næste";
  width = iku_font_text_width (IKU_FONT_REGULAR, 10.0, "Mål  ", -1);
  used = iku_font_fit_line (IKU_FONT_REGULAR, 10.0, spaced, strlen (spaced), width, &draw);
  g_assert_cmpuint (draw, ==, strlen ("Mål"));
  g_assert_cmpuint (used, ==, strlen ("Mål    "));
}

static void
test_fit_long_word (void)
{
  /* 300 characters without a space, some of them two or three bytes long. */
  g_autoptr(GString) word = g_string_new (NULL);
  const char *parts[] = { "a", "ø", "Ж", "ễ", "W", "–" };
  for (guint i = 0; i < 300; i++)
    g_string_append (word, parts[i % G_N_ELEMENTS (parts)]);
  g_assert_cmpuint (g_utf8_strlen (word->str, -1), ==, 300);

  g_autofree char *text = g_strconcat ("Kort ", word->str, " slut", NULL);
  g_auto(Broken) b = break_text (IKU_FONT_REGULAR, 10.5, text, 200.0);
  g_assert_cmpuint (b.lines->len, >=, 5);
  /* The short word stays alone rather than starting the long one. */
  g_assert_cmpstr (g_ptr_array_index (b.lines, 0), ==, "Kort");
  assert_nothing_lost (&b, text);

  /* A line narrower than any character: one character per line. */
  g_auto(Broken) narrow = break_text (IKU_FONT_BOLD, 12.0, word->str, 1.0);
  g_assert_cmpuint (narrow.lines->len, ==, 300);
  assert_nothing_lost (&narrow, word->str);
}

static void
test_fit_random (void)
{
  const char *alphabet[] = { "a", "b", "e", "i", "m", "W", "æ", "ø", "Å", "ł", "Ω", "д",
                             "ễ", ",", ".", "–", "•", "\xEF\xBF\xBD" };
  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n_words = (guint) g_test_rand_int_range (1, 40);
      for (guint w = 0; w < n_words; w++)
        {
          guint n_spaces = (guint) g_test_rand_int_range (0, 4);
          for (guint s = 0; s < n_spaces; s++)
            g_string_append_c (text, ' ');
          guint n_chars = (guint) g_test_rand_int_range (1, g_test_rand_bit () ? 12 : 90);
          for (guint c = 0; c < n_chars; c++)
            g_string_append (text, alphabet[g_test_rand_int_range (0, G_N_ELEMENTS (alphabet))]);
        }
      IkuFontStyle style = g_test_rand_bit () ? IKU_FONT_BOLD : IKU_FONT_REGULAR;
      double size = g_test_rand_double_range (6.0, 24.0);
      double width = g_test_rand_double_range (5.0, 460.0);
      g_auto(Broken) b = break_text (style, size, text->str, width);
      assert_nothing_lost (&b, text->str);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/font/notdef-width", test_notdef_width);
  g_test_add_func ("/font/has-glyph", test_has_glyph);
  g_test_add_func ("/font/widths", test_widths);
  g_test_add_func ("/font/fit/whole", test_fit_whole);
  g_test_add_func ("/font/fit/at-space", test_fit_at_space);
  g_test_add_func ("/font/fit/long-word", test_fit_long_word);
  g_test_add_func ("/font/fit/random", test_fit_random);
  return g_test_run ();
}
