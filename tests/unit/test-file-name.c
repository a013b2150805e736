/* SPDX-License-Identifier: GPL-3.0-or-later
 * File names as PRODUCT.md "Files" says: sanitised, bounded, unique, never a path. */
#include "iku-file-name.h"

#include <string.h>

static void
check (const char *name, const char *expected)
{
  g_autofree char *got = iku_file_name_for_employee (name);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_plain (void)
{
  check ("Anne Hansen", "IKU - Anne Hansen.pdf");
  check ("Søren Ærø-Åse", "IKU - Søren Ærø-Åse.pdf");
  check ("Nguyễn Thị Phương", "IKU - Nguyễn Thị Phương.pdf");
  /* Characters whose low byte is a forbidden ASCII one (U+043E 'о' ends in
   * 0x3E '>', U+012F in 0x2F '/') are letters, not separators. */
  check ("Олена Коваленко", "IKU - Олена Коваленко.pdf");
  check ("Įgaunė \u012F", "IKU - Įgaunė \u012F.pdf");
}

static void
test_forbidden_characters (void)
{
  check ("a/b\\c:d*e?f\"g<h>i|j", "IKU - a_b_c_d_e_f_g_h_i_j.pdf");
  check ("tab\there\x01x\x7F", "IKU - tab_here_x_.pdf");
  check ("line\nbreak", "IKU - line_break.pdf");
}

static void
test_path_traversal (void)
{
  const char *evil[] = { "../../etc/passwd", "..", ".", "/", "/etc/cron.d/x", "..\\..\\win.ini",
                         "a/../../b", "~/.bashrc", " ../ " };
  for (gsize i = 0; i < G_N_ELEMENTS (evil); i++)
    {
      g_autofree char *got = iku_file_name_for_employee (evil[i]);
      g_assert_null (strchr (got, '/'));
      g_assert_null (strchr (got, '\\'));
      g_assert_true (g_str_has_prefix (got, "IKU - "));
      g_assert_true (g_str_has_suffix (got, ".pdf"));
      g_assert_cmpstr (got, !=, "..");
    }
  check ("../../etc/passwd", "IKU - _.._etc_passwd.pdf");
  check ("..", "IKU - _.pdf");
}

static void
test_dots_and_spaces_trimmed (void)
{
  check ("  ...Bo Ek...  ", "IKU - Bo Ek.pdf");
  check (". .", "IKU - _.pdf");
}

static void
test_device_names (void)
{
  check ("CON", "IKU - CON_.pdf");
  check ("nul", "IKU - nul_.pdf");
  check ("Com1", "IKU - Com1_.pdf");
  check ("lpt9.txt", "IKU - lpt9.txt_.pdf");
  check ("COM0", "IKU - COM0.pdf");
  check ("Connie", "IKU - Connie.pdf");
  check ("AUX ", "IKU - AUX_.pdf");
}

static void
test_length_bound (void)
{
  /* 200 'ø' (2 bytes each): cut to at most 120 bytes before ".pdf", on a
   * character boundary. */
  GString *s = g_string_new (NULL);
  for (int i = 0; i < 200; i++)
    g_string_append (s, "ø");
  g_autofree char *got = iku_file_name_for_employee (s->str);
  g_string_free (s, TRUE);
  gsize stem = strlen (got) - strlen (".pdf");
  g_assert_cmpuint (stem, <=, IKU_FILE_NAME_MAX_STEM_BYTES);
  g_assert_cmpuint (stem, >=, IKU_FILE_NAME_MAX_STEM_BYTES - 1);
  g_assert_true (g_utf8_validate (got, -1, NULL));
}

/* The stem of what iku_file_name_for_employee makes of @name, without "IKU - ". */
static char *
cut_stem (const char *name)
{
  g_autofree char *got = iku_file_name_for_employee (name);
  g_assert_true (g_str_has_prefix (got, "IKU - ") && g_str_has_suffix (got, ".pdf"));
  return g_strndup (got + 6, strlen (got) - 6 - 4);
}

static void
test_cut_on_grapheme_boundary (void)
{
  gsize room = IKU_FILE_NAME_MAX_STEM_BYTES - strlen ("IKU - ");
  /* "q" + combining acute (3 bytes a cluster, no precomposed form) so that the
   * byte bound falls between a letter and its mark: the letter goes too. */
  GString *accents = g_string_new ("x");
  while (accents->len < room + 10)
    g_string_append (accents, "q\u0301");
  g_autofree char *a = cut_stem (accents->str);
  gsize len = strlen (a);
  g_assert_cmpuint (len, <=, room);
  g_assert_true (g_utf8_validate (a, -1, NULL));
  gunichar last = g_utf8_get_char (g_utf8_prev_char (a + len));
  g_assert_cmpuint (last, ==, 0x0301);   /* ends with a whole "q́" */
  g_assert_cmpuint (len % 3, ==, 1);     /* "x" + whole clusters of 3 bytes */
  g_string_free (accents, TRUE);

  /* Devanagari "क्ष" (ka, virama, ssa; 9 bytes): never a virama at the end,
   * never a vowel sign without its letter. */
  for (gsize pad = 0; pad < 12; pad++)
    {
      GString *s = g_string_new (NULL);
      for (gsize i = 0; i < pad; i++)
        g_string_append_c (s, 'a');
      while (s->len < room + 20)
        g_string_append (s, "\u0915\u094D\u0937\u093F");   /* क्षि */
      g_autofree char *d = cut_stem (s->str);
      g_string_free (s, TRUE);
      gsize n = strlen (d);
      g_assert_cmpuint (n, <=, room);
      if (n > pad)
        {
          gunichar end = g_utf8_get_char (g_utf8_prev_char (d + n));
          g_assert_cmpuint (end, ==, 0x093F);   /* a whole "क्षि" */
        }
    }

  /* Invisible characters never reach a file name. */
  g_autofree char *z = cut_stem ("An\u200Bne\u202E\uFEFF");
  g_assert_cmpstr (z, ==, "Anne");
}

static void
test_collisions (void)
{
  g_autoptr(IkuFileNamer) n = iku_file_namer_new ();
  const char *names[] = { "Anne", "anne", "ANNE", "A/B", "A_B", "Bo" };
  const char *expected[] = { "IKU - Anne.pdf", "IKU - anne (2).pdf", "IKU - ANNE (3).pdf",
                             "IKU - A_B.pdf", "IKU - A_B (2).pdf", "IKU - Bo.pdf" };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *got = iku_file_namer_next (n, names[i]);
      g_assert_cmpstr (got, ==, expected[i]);
    }
}

static void
test_collision_suffix_within_bound (void)
{
  g_autoptr(IkuFileNamer) n = iku_file_namer_new ();
  g_autofree char *name = g_strnfill (300, 'k');
  g_autofree char *first = iku_file_namer_next (n, name);
  g_autofree char *second = iku_file_namer_next (n, name);
  g_assert_cmpstr (first, !=, second);
  g_assert_true (g_str_has_suffix (second, " (2).pdf"));
  g_assert_cmpuint (strlen (second) - 4, <=, IKU_FILE_NAME_MAX_STEM_BYTES);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/file-name/plain", test_plain);
  g_test_add_func ("/file-name/forbidden-characters", test_forbidden_characters);
  g_test_add_func ("/file-name/path-traversal", test_path_traversal);
  g_test_add_func ("/file-name/dots-and-spaces", test_dots_and_spaces_trimmed);
  g_test_add_func ("/file-name/device-names", test_device_names);
  g_test_add_func ("/file-name/length-bound", test_length_bound);
  g_test_add_func ("/file-name/collisions", test_collisions);
  g_test_add_func ("/file-name/cut-on-grapheme-boundary", test_cut_on_grapheme_boundary);
  g_test_add_func ("/file-name/collision-suffix-within-bound", test_collision_suffix_within_bound);
  return g_test_run ();
}
