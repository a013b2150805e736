/* SPDX-License-Identifier: GPL-3.0-or-later
 * Text rules: header keys, clean names, trimming, Danish dates. */
#include "iku-text.h"

static void
test_key (void)
{
  g_autofree char *a = iku_text_dup_key ("  Indsæt NAVN\npå\t medarbejder ");
  g_assert_cmpstr (a, ==, "indsæt navn på medarbejder");
  g_autofree char *b = iku_text_dup_key ("ÆBLE\xC2\xA0" "Øst");   /* no-break space */
  g_assert_cmpstr (b, ==, "æble øst");
  g_autofree char *c = iku_text_dup_key ("Stra\xC3\x9F" "e");   /* ß case-folds to ss */
  g_assert_cmpstr (c, ==, "strasse");
}

/* The quick test never says "no" where the keys are equal, and says "no" to
 * ordinary content. */
static void
test_may_match_key (void)
{
  static const char *const headers[] = {
    "Indsæt navn på medarbejder", "Navn", "Teamfokus", "Individuelt fokus",
  };
  static const char *const texts[] = {
    "  Indsæt NAVN\npå\t medarbejder ", "NAVN", "navn ", "\tTeam\nfokus",
    "Indsa\xCC\x8A" "t navn", "Indsæt navn pa\xCC\x8A medarbejder",   /* a + ring */
    "N\xE2\x80\x8B" "avn",                                                /* zero-width space */
    "\xC2\xAD" "Navn", "\xE2\x84\xAA" "eamfokus",                          /* soft hyphen, Kelvin */
    "Individuelt\xC2\xA0" "fokus", "Tekst nummer 00000001", "Navne", "Nav",
    "Teamfokus 2026", "", "   ", "Individuelt  fokus!", "N a v n",
  };
  for (gsize h = 0; h < G_N_ELEMENTS (headers); h++)
    {
      g_autofree char *key = iku_text_dup_key (headers[h]);
      for (gsize t = 0; t < G_N_ELEMENTS (texts); t++)
        {
          g_autofree char *text_key = iku_text_dup_key (texts[t]);
          if (g_strcmp0 (text_key, key) == 0)
            g_assert_true (iku_text_may_match_key (texts[t], key));
        }
    }
  g_autofree char *navn = iku_text_dup_key ("Navn");
  g_assert_true (iku_text_may_match_key ("  NAVN\n", navn));
  g_assert_false (iku_text_may_match_key ("Navne", navn));
  g_assert_false (iku_text_may_match_key ("Nav", navn));
  g_assert_false (iku_text_may_match_key ("", navn));
  g_assert_false (iku_text_may_match_key ("Tekst nummer 00000001", navn));
  g_autofree char *team = iku_text_dup_key ("Teamfokus");
  g_assert_false (iku_text_may_match_key ("Tekst nummer 00000001", team));
  g_assert_true (iku_text_may_match_key ("\xE2\x84\xAA" "eamfokus", team));   /* decided by the key */
}

static void
test_clean_name (void)
{
  g_autofree char *a = iku_text_dup_clean_name ("\n  Nguye\xCC\x82\xCC\x83n   Thị \n");
  g_assert_cmpstr (a, ==, "Nguyễn Thị");
  g_autofree char *b = iku_text_dup_clean_name ("   ");
  g_assert_cmpstr (b, ==, "");
}

static void
test_invisible_removed (void)
{
  /* Zero-width space, joiners, word joiner, byte order mark, soft hyphen, bidi
   * marks, overrides and isolates: gone before a name is compared or printed. */
  static const char *const invisible[] = {
    "\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u200E", "\u200F",
    "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068",
    "\u2069", "\u061C", "\u3164",
  };
  for (gsize i = 0; i < G_N_ELEMENTS (invisible); i++)
    {
      g_autofree char *name = g_strconcat (invisible[i], "An", invisible[i], "ne ", invisible[i],
                                           " Hansen", invisible[i], NULL);
      g_autofree char *clean = iku_text_dup_clean_name (name);
      g_assert_cmpstr (clean, ==, "Anne Hansen");
      g_autofree char *key = iku_text_dup_key (name);
      g_assert_cmpstr (key, ==, "anne hansen");
      g_autofree char *alone = g_strconcat (" ", invisible[i], invisible[i], " ", NULL);
      g_assert_true (iku_text_is_blank (alone));
      g_autofree char *empty = iku_text_dup_clean_name (alone);
      g_assert_cmpstr (empty, ==, "");
    }
  /* "Anne" with an override that would show "ennA" and a hidden extension. */
  g_autofree char *spoof = iku_text_dup_clean_name ("Anne\u202Efdp.exe");
  g_assert_cmpstr (spoof, ==, "Annefdp.exe");
  /* What stood around a removed character composes: e + ZWSP + combining acute. */
  g_autofree char *composed = iku_text_dup_clean_name ("Rene\u200B\u0301");
  g_assert_cmpstr (composed, ==, "Ren\u00E9");
  /* Visible marks stay. */
  g_autofree char *marks = iku_text_dup_clean_name ("Jos\u00E9 \u00C6rø");
  g_assert_cmpstr (marks, ==, "Jos\u00E9 \u00C6rø");
}

static void
test_blank (void)
{
  g_assert_true (iku_text_is_blank (NULL));
  g_assert_true (iku_text_is_blank (" \n\t\xC2\xA0"));
  g_assert_false (iku_text_is_blank (" x "));
}

static void
test_trimmed (void)
{
  g_autofree char *a = iku_text_dup_trimmed ("\n \nFørste  \r\n  • to\t\n\n  \n");
  g_assert_cmpstr (a, ==, "Første\n  • to");
  g_autofree char *b = iku_text_dup_trimmed ("a\n\n\nb");
  g_assert_cmpstr (b, ==, "a\n\n\nb");
}

static void
test_date (void)
{
  g_autoptr(GDateTime) d = g_date_time_new_local (2026, 3, 5, 12, 0, 0);
  g_autofree char *s = iku_text_format_date (d);
  g_assert_cmpstr (s, ==, "5. marts 2026");
  g_autoptr(GDateTime) e = g_date_time_new_local (2026, 11, 22, 0, 0, 0);
  g_autofree char *t = iku_text_format_date (e);
  g_assert_cmpstr (t, ==, "22. november 2026");
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/text/key", test_key);
  g_test_add_func ("/text/may-match-key", test_may_match_key);
  g_test_add_func ("/text/clean-name", test_clean_name);
  g_test_add_func ("/text/blank", test_blank);
  g_test_add_func ("/text/invisible-removed", test_invisible_removed);
  g_test_add_func ("/text/trimmed", test_trimmed);
  g_test_add_func ("/text/date", test_date);
  return g_test_run ();
}
