/* SPDX-License-Identifier: GPL-3.0-or-later
 * Tests of iku-font-subset: subsets checked glyph by glyph against the source
 * font by an independent reader (fontTools, from Debian's python3-fonttools). */
#include "iku-font-subset.h"
#include "iku-test-util.h"

#include <string.h>

static char *
font_path (const char *name)
{
  const char *dir = g_getenv ("IKUFLET_DATA_DIR");
  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

static IkuFontFile *
open_font (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  g_autoptr(GBytes) bytes = g_mapped_file_get_bytes (mapped);
  IkuFontFile *font = iku_font_file_new (bytes, &error);
  g_assert_no_error (error);
  return font;
}

/* For each "code:char" pair: the subset's glyph for the code has the source's
 * glyph for the char — same advance, same outline once composites are resolved;
 * and the subset has no glyph it does not need. Prints "ok N". */
static const char *const checker =
  "import sys\n"
  "from fontTools.ttLib import TTFont\n"
  "src, sub = TTFont(sys.argv[1]), TTFont(sys.argv[2])\n"
  "pairs = [tuple(int(x, 16) for x in p.split(':')) for p in sys.argv[3:]]\n"
  "scmap, ucmap = src.getBestCmap(), sub['cmap'].getcmap(3, 1).cmap\n"
  "sg, ug = src['glyf'], sub['glyf']\n"
  "def outline(font, glyf, name):\n"
  "    c, ends, flags = glyf[name].getCoordinates(glyf)\n"
  "    return list(c), list(ends)\n"
  "for code, char in pairs:\n"
  "    a, b = scmap.get(char, '.notdef'), ucmap.get(code, '.notdef')\n"
  "    assert src['hmtx'][a][0] == sub['hmtx'][b][0], (hex(code), hex(char))\n"
  "    assert outline(src, sg, a) == outline(sub, ug, b), (hex(code), hex(char))\n"
  "assert set(ucmap) == {c for c, ch in pairs if ch in scmap}, sorted(ucmap)\n"
  "used = {ucmap.get(c, '.notdef') for c, _ in pairs} | {'.notdef'}\n"
  "for name in list(used):\n"
  "    g = ug[name]\n"
  "    if g.isComposite():\n"
  "        used |= {c.glyphName for c in g.components}\n"
  "assert len(sub.getGlyphOrder()) == len(used), (len(sub.getGlyphOrder()), len(used))\n"
  "assert sub['maxp'].numGlyphs == len(used)\n"
  "print('ok', len(pairs))\n";

static void
check_subset (const char *source, const gunichar *chars, const guint16 *codes, guint n)
{
  g_autoptr(IkuFontFile) font = open_font (source);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) subset = iku_font_file_subset (font, chars, codes, n, &error);
  g_assert_no_error (error);
  g_autofree char *dir = iku_test_make_temp_dir ();
  g_autofree char *path = iku_test_write_bytes (dir, "subset.ttf", subset);

  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (argv, g_strdup ("/usr/bin/python3"));
  g_ptr_array_add (argv, g_strdup ("-c"));
  g_ptr_array_add (argv, g_strdup (checker));
  g_ptr_array_add (argv, g_strdup (source));
  g_ptr_array_add (argv, g_strdup (path));
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (argv, g_strdup_printf ("%X:%X", codes[i], chars[i]));
  g_ptr_array_add (argv, NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = iku_test_run ((const char * const *) argv->pdata, &out, &err);
  if (status != 0)
    g_error ("fontTools disagrees: %s%s", out, err);
  g_autofree char *want = g_strdup_printf ("ok %u\n", n);
  g_assert_cmpstr (out, ==, want);
}

/* Letters of several scripts, many of them composite glyphs (accents), mapped
 * to codes unrelated to them, as a document's own encoding does. */
static void
test_glyphs (void)
{
  const char *text = " AHaz0ÅÆØåæøŁłŻżĄąŞşȘșȚțĂăČčŘřŮůΑΩαωάΐЖжЁёЇїẫệởựỹ€–";
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr(GArray) codes = g_array_new (FALSE, FALSE, sizeof (guint16));
  guint16 code = 0x20;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), code += 3)
    {
      gunichar c = g_utf8_get_char (p);
      g_array_append_val (chars, c);
      g_array_append_val (codes, code);
    }
  const char *fonts[] = { "IkufletSans-Regular.ttf", "IkufletSans-Bold.ttf" };
  for (guint i = 0; i < G_N_ELEMENTS (fonts); i++)
    {
      g_autofree char *path = font_path (fonts[i]);
      check_subset (path, (gunichar *) (gpointer) chars->data, (guint16 *) (gpointer) codes->data,
                    chars->len);
    }
}

/* One glyph for two codes; a character the font lacks gets .notdef; nothing
 * but .notdef. */
static void
test_shared_and_missing (void)
{
  g_autofree char *path = font_path ("IkufletSans-Regular.ttf");
  const gunichar chars[] = { 'A', 'A', 0x4E2D /* 中 */, 0xFFFD };
  const guint16 codes[] = { 0x41, 0x42, 0x43, 0x2022 };
  check_subset (path, chars, codes, G_N_ELEMENTS (chars));
  check_subset (path, NULL, NULL, 0);
}

/* Files that are not fonts, or whose tables point outside the file. */
static void
test_invalid (void)
{
  g_autofree char *path = font_path ("IkufletSans-Regular.ttf");
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  const guint8 *data = (const guint8 *) g_mapped_file_get_contents (mapped);
  gsize len = g_mapped_file_get_length (mapped);
  const gsize cuts[] = { 0, 11, 12, 100, len / 3, len / 2, len - 1 };
  for (guint i = 0; i < G_N_ELEMENTS (cuts); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (data, cuts[i]);
      g_autoptr(IkuFontFile) font = iku_font_file_new (bytes, &error);
      g_assert_null (font);
      g_assert_error (error, IKU_FONT_SUBSET_ERROR, IKU_FONT_SUBSET_ERROR_INVALID);
      g_clear_error (&error);
    }
  /* Bytes flipped anywhere: refused or read without reading past the end
   * (ASan watches), and a subset either made or refused. */
  g_autofree guint8 *copy = g_memdup2 (data, len);
  GRand *rand = g_rand_new_with_seed (20261201);
  for (guint round = 0; round < 200; round++)
    {
      memcpy (copy, data, len);
      for (guint k = 0; k < 8; k++)
        copy[g_rand_int_range (rand, 0, 400)] = (guint8) g_rand_int (rand);
      g_autoptr(GBytes) bytes = g_bytes_new_static (copy, len);
      g_autoptr(IkuFontFile) font = iku_font_file_new (bytes, NULL);
      if (font == NULL)
        continue;
      const gunichar chars[] = { 'A', 0xE5, 0x1EAB };
      const guint16 codes[] = { 0x41, 0x42, 0x43 };
      g_autoptr(GBytes) subset = iku_font_file_subset (font, chars, codes, 3, NULL);
      (void) subset;
    }
  g_rand_free (rand);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/font-subset/glyphs", test_glyphs);
  g_test_add_func ("/font-subset/shared-and-missing", test_shared_and_missing);
  g_test_add_func ("/font-subset/invalid", test_invalid);
  return g_test_run ();
}
