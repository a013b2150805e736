/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuSettings: the key file, name patterns (also hostile ones), folders, and an
 * export that uses them. */
#include "iku-export.h"
#include "iku-file-name.h"
#include "iku-name-pattern.h"
#include "iku-settings.h"
#include "iku-test-util.h"

#include <glib/gstdio.h>
#include <string.h>

static char *
write_text (const char *dir, const char *name, const char *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  return iku_test_write_bytes (dir, name, bytes);
}

static void
test_defaults (void)
{
  g_autoptr(IkuSettings) s = iku_settings_new ();
  g_assert_null (iku_settings_get_organisation (s));
  g_assert_null (iku_settings_get_logo (s));
  g_assert_null (iku_settings_get_texts (s));
  g_assert_null (iku_settings_get_folder (s));
  g_assert_cmpstr (iku_settings_get_name_pattern (s), ==, "IKU - {navn}");
  g_assert_false (iku_settings_get_team_plan (s));
  g_assert_false (iku_settings_get_combined (s));
  g_autoptr(GError) error = NULL;
  g_assert_true (iku_settings_validate (s, &error));
  g_assert_no_error (error);
}

static void
test_setters_copy_and_default (void)
{
  g_autoptr(IkuSettings) s = iku_settings_new ();
  char org[] = "Randers Kommune";
  iku_settings_set_organisation (s, org);
  org[0] = 'X';
  g_assert_cmpstr (iku_settings_get_organisation (s), ==, "Randers Kommune");
  iku_settings_set_name_pattern (s, "{navn}");
  iku_settings_set_logo (s, "file:///tmp/logo%20a.png");
  g_assert_cmpstr (iku_settings_get_logo (s), ==, "/tmp/logo a.png");
  iku_settings_set_team_plan (s, TRUE);
  g_autoptr(IkuSettings) c = iku_settings_copy (s);
  iku_settings_set_organisation (s, "");
  iku_settings_set_name_pattern (s, NULL);
  iku_settings_set_logo (s, "  ");
  g_assert_null (iku_settings_get_organisation (s));
  g_assert_null (iku_settings_get_logo (s));
  g_assert_cmpstr (iku_settings_get_name_pattern (s), ==, "IKU - {navn}");
  g_assert_cmpstr (iku_settings_get_organisation (c), ==, "Randers Kommune");
  g_assert_cmpstr (iku_settings_get_name_pattern (c), ==, "{navn}");
  g_assert_true (iku_settings_get_team_plan (c));
}

static void
test_load_file (void)
{
  g_autofree char *dir = iku_test_make_temp_dir ();
  g_autofree char *path = write_text (dir, "ikuflet.ini",
      "\xEF\xBB\xBF# Randers' indstillinger\r\n"
      "[ikuflet]\r\n"
      "Organisation = Randers Kommune\r\n"
      "Logo=logo.png\n"
      "Tekster=/srv/hr/tekster.ini\n"
      "Mappe=IKU 2026\n"
      "Filnavn={år} {team} - {navn}\n"
      "Teamudviklingsplan=true\n"
      "Samlet=false\n");
  g_autoptr(IkuSettings) s = iku_settings_new ();
  iku_settings_set_combined (s, TRUE);
  g_autoptr(GError) error = NULL;
  g_assert_true (iku_settings_load_file (s, path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (iku_settings_get_organisation (s), ==, "Randers Kommune");
  g_autofree char *logo = g_build_filename (dir, "logo.png", NULL);
  g_assert_cmpstr (iku_settings_get_logo (s), ==, logo);
  g_assert_cmpstr (iku_settings_get_texts (s), ==, "/srv/hr/tekster.ini");
  g_assert_cmpstr (iku_settings_get_folder (s), ==, "IKU 2026");
  g_assert_cmpstr (iku_settings_get_name_pattern (s), ==, "{år} {team} - {navn}");
  g_assert_true (iku_settings_get_team_plan (s));
  g_assert_false (iku_settings_get_combined (s));
}

static void
test_keys_left_out_keep_their_value (void)
{
  g_autoptr(IkuSettings) s = iku_settings_new ();
  iku_settings_set_organisation (s, "Aarhus Kommune");
  iku_settings_set_team_plan (s, TRUE);
  const char *text = "[ikuflet]\nFilnavn={navn} IKU\n";
  g_autoptr(GError) error = NULL;
  g_assert_true (iku_settings_load_data (s, text, strlen (text), "x.ini", NULL, &error));
  g_assert_cmpstr (iku_settings_get_organisation (s), ==, "Aarhus Kommune");
  g_assert_true (iku_settings_get_team_plan (s));
  g_assert_cmpstr (iku_settings_get_name_pattern (s), ==, "{navn} IKU");
}

static void
expect_load_error (const char *text, const char *needle1, const char *needle2)
{
  g_autoptr(IkuSettings) s = iku_settings_new ();
  iku_settings_set_organisation (s, "Før");
  g_autoptr(GError) error = NULL;
  g_assert_false (iku_settings_load_data (s, text, strlen (text), "mine.ini", NULL, &error));
  g_assert_error (error, IKU_SETTINGS_ERROR, IKU_SETTINGS_ERROR_FILE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "mine.ini"));
  g_assert_nonnull (strstr (error->message, needle1));
  if (needle2 != NULL)
    g_assert_nonnull (strstr (error->message, needle2));
  /* Nothing changed. */
  g_assert_cmpstr (iku_settings_get_organisation (s), ==, "Før");
}

static void
test_load_errors_name_line (void)
{
  expect_load_error ("[ikuflet]\nOrganisation=A\nLogoo=x.png\n", "linje 3", "»Logoo«");
  expect_load_error ("[ikuflet]\n\nOrganisation A\n", "linje 3", "kan ikke forstås");
  expect_load_error ("[ikuflet]\n[andet]\nLogo=x\n", "linje 2", "[andet]");
  expect_load_error ("Organisation=A\n[ikuflet]\n", "linje 1", "før afsnittet");
  expect_load_error ("[ikuflet\nOrganisation=A\n", "linje 1", "afsnitsoverskrift");
  expect_load_error ("[ikuflet]\n=værdi\n", "linje 2", NULL);
  expect_load_error ("[ikuflet]\nOrganisation=\xC3\x28\n", "linje 2", "UTF-8");
  /* Key names are exact: GKeyFile is case sensitive, so is ikuflet. */
  expect_load_error ("[ikuflet]\norganisation=A\n", "linje 2", "»organisation«");
}

static void
test_load_bad_values (void)
{
  const char *texts[] = {
    "[ikuflet]\nSamlet=ja\n",
    "[ikuflet]\nFilnavn=IKU\n",
    "[ikuflet]\nFilnavn={navn} {fornavn}\n",
  };
  const char *needles[] = { "Samlet=ja", "{navn}", "{fornavn}" };
  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(IkuSettings) s = iku_settings_new ();
      g_autoptr(GError) error = NULL;
      g_assert_false (iku_settings_load_data (s, texts[i], strlen (texts[i]), "v.ini", NULL, &error));
      g_assert_error (error, IKU_SETTINGS_ERROR, IKU_SETTINGS_ERROR_VALUE);
      g_test_message ("%s", error->message);
      g_assert_nonnull (strstr (error->message, "v.ini"));
      g_assert_nonnull (strstr (error->message, needles[i]));
      g_assert_cmpstr (iku_settings_get_name_pattern (s), ==, "IKU - {navn}");
    }
}

/* Windows paths as people write them, and as GKeyFile escapes them. */
static void
test_windows_paths (void)
{
  const char *text = "[ikuflet]\nLogo=C:\\Logoer\\randers.png\nTekster=\\\\\\\\server\\\\hr\\\\t.ini\n"
                     "Mappe=D:\\IKU\n";
  g_autoptr(IkuSettings) s = iku_settings_new ();
  g_autoptr(GError) error = NULL;
  g_assert_true (iku_settings_load_data (s, text, strlen (text), "w.ini", "/base", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (iku_settings_get_logo (s), ==, "C:\\Logoer\\randers.png");
  g_assert_cmpstr (iku_settings_get_texts (s), ==, "\\\\server\\hr\\t.ini");
  g_assert_cmpstr (iku_settings_get_folder (s), ==, "D:\\IKU");
  /* A UNC path as people write it is no escaped text. */
  const char *unc = "[ikuflet]\nMappe=\\\\server\\hr\\IKU\nLogo=\\\\srv\\a b\\logo.png\n";
  g_assert_true (iku_settings_load_data (s, unc, strlen (unc), "u.ini", "/base", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (iku_settings_get_folder (s), ==, "\\\\server\\hr\\IKU");
  g_assert_cmpstr (iku_settings_get_logo (s), ==, "\\\\srv\\a b\\logo.png");
  /* What to_data writes reads back the same. */
  g_autofree char *data = iku_settings_to_data (s);
  g_assert_nonnull (strstr (data, "Mappe=\\\\server\\hr\\IKU\n"));
  g_autoptr(IkuSettings) back = iku_settings_new ();
  g_assert_true (iku_settings_load_data (back, data, strlen (data), "d.ini", "/base", &error));
  g_assert_cmpstr (iku_settings_get_folder (back), ==, "\\\\server\\hr\\IKU");
  g_assert_cmpstr (iku_settings_get_logo (back), ==, "\\\\srv\\a b\\logo.png");
}

static void
test_missing_file (void)
{
  g_autoptr(IkuSettings) s = iku_settings_new ();
  g_autoptr(GError) error = NULL;
  g_assert_false (iku_settings_load_file (s, "/nonexistent/ikuflet.ini", &error));
  g_assert_error (error, IKU_SETTINGS_ERROR, IKU_SETTINGS_ERROR_FILE);
  g_assert_nonnull (strstr (error->message, "/nonexistent/ikuflet.ini"));
}

static void
test_to_data_round_trip (void)
{
  g_autoptr(IkuSettings) s = iku_settings_new ();
  iku_settings_set_organisation (s, "Kommune; \"med\" tegn\\ og\nlinje");
  iku_settings_set_logo (s, "C:\\Logoer\\logo.png");
  iku_settings_set_folder (s, "IKU 2026");
  iku_settings_set_texts (s, "/srv/hr\\\\tekster.ini");   /* looks like GKeyFile's escaping */
  iku_settings_set_name_pattern (s, "{dato} {navn}");
  iku_settings_set_combined (s, TRUE);
  g_autofree char *data = iku_settings_to_data (s);
  g_assert_nonnull (strstr (data, "[ikuflet]"));
  g_assert_nonnull (strstr (data, "Teamudviklingsplan=false"));
  g_assert_nonnull (strstr (data, "Samlet=true"));
  g_autoptr(IkuSettings) back = iku_settings_new ();
  g_autoptr(GError) error = NULL;
  g_assert_true (iku_settings_load_data (back, data, strlen (data), "ud.ini", "/elsewhere", &error));
  g_assert_no_error (error);
  g_autofree char *again = iku_settings_to_data (back);
  g_assert_cmpstr (again, ==, data);
  g_assert_cmpstr (iku_settings_get_texts (back), ==, "/srv/hr\\\\tekster.ini");
  g_assert_cmpstr (iku_settings_get_logo (back), ==, "C:\\Logoer\\logo.png");
  g_assert_cmpstr (iku_settings_get_organisation (back), ==, iku_settings_get_organisation (s));
}

static void
check_pattern_error (const char *pattern, gint code, const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_assert_false (iku_settings_check_name_pattern (pattern, &error));
  g_assert_error (error, IKU_NAME_PATTERN_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, needle));
  g_assert_null (iku_settings_preview_file_name (pattern));
}

static void
test_pattern_check (void)
{
  const char *good[] = { NULL, "", "IKU - {navn}", "{navn}", "{år}-{team}-{dato}-{navn}",
                         "{NAVN} {År}", "IKU {navn}.pdf", "{navn}{navn}" };
  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_assert_true (iku_settings_check_name_pattern (good[i], &error));
      g_assert_no_error (error);
    }
  check_pattern_error ("IKU - {navne}", IKU_NAME_PATTERN_ERROR_FIELD, "{navne}");
  check_pattern_error ("IKU - {}{navn}", IKU_NAME_PATTERN_ERROR_FIELD, "{}");
  check_pattern_error ("IKU { {navn}", IKU_NAME_PATTERN_ERROR_FIELD, "»{« uden »}«");
  check_pattern_error ("IKU {navn", IKU_NAME_PATTERN_ERROR_FIELD, "»{« uden »}«");
  check_pattern_error ("IKU } {navn}", IKU_NAME_PATTERN_ERROR_FIELD, "»}« uden »{«");
  check_pattern_error ("{team} {dato}", IKU_NAME_PATTERN_ERROR_NO_NAME, "{navn}");
  check_pattern_error ("IKU", IKU_NAME_PATTERN_ERROR_NO_NAME, "samme filnavn");
  g_autofree char *huge = g_strnfill (IKU_NAME_PATTERN_MAX_BYTES + 1, 'x');
  check_pattern_error (huge, IKU_NAME_PATTERN_ERROR_INVALID, "for langt");
  check_pattern_error ("\xFF{navn}", IKU_NAME_PATTERN_ERROR_INVALID, "UTF-8");
}

/* The file name @pattern gives @name of @team on 3 March 2026. */
static char *
name_for (const char *pattern, const char *name, const char *team)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stem = iku_name_pattern_expand (pattern, name, team, "3. marts 2026", &error);
  g_assert_no_error (error);
  return iku_file_name_for_stem (stem);
}

static void
check_name (const char *pattern, const char *name, const char *team, const char *expected)
{
  g_autofree char *got = name_for (pattern, name, team);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_pattern_expansion (void)
{
  check_name (NULL, "Anne Hansen", "Dagplejen", "IKU - Anne Hansen.pdf");
  check_name ("{år} {team} - {navn}", "Anne Hansen", "Dagplejen", "2026 Dagplejen - Anne Hansen.pdf");
  check_name ("{dato} {navn}", "Bo", NULL, "3. marts 2026 Bo.pdf");
  check_name ("IKU {navn}.PDF", "Bo", NULL, "IKU Bo.pdf");
  /* A field without a value takes its separator with it. */
  check_name ("{navn} - {team}", "Bo", NULL, "Bo.pdf");
  check_name ("{team} - {navn}", "Bo", NULL, "Bo.pdf");
  check_name ("IKU - {team} - {navn}", "Bo", NULL, "IKU - Bo.pdf");
  check_name ("IKU ({team}) {navn}", "Bo", "", "IKU () Bo.pdf");
  /* The year of the talk, else this year. */
  g_autofree char *stem = iku_name_pattern_expand ("{år} {navn}", "Bo", NULL, "1.12.2024", NULL);
  g_assert_cmpstr (stem, ==, "2024 Bo");
  g_autofree char *year = iku_name_pattern_dup_year ("snart");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *this_year = g_strdup_printf ("%d", g_date_time_get_year (now));
  g_assert_cmpstr (year, ==, this_year);
  g_autofree char *year2 = iku_name_pattern_dup_year ("12345 og 2025");
  g_assert_cmpstr (year2, ==, "2025");
}

/* The default pattern gives exactly the names ikuflet always gave. */
static void
test_default_pattern_is_todays_names (void)
{
  const char *names[] = { "Anne Hansen", "../../etc/passwd", "..", "  ...Bo Ek...  ", "CON",
                          "con.txt", "a/b\\c:d*e?f\"g<h>i|j", "tab\there", "Ærø\u0301" };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *old = iku_file_name_for_employee (names[i]);
      g_autofree char *now = name_for (NULL, names[i], "Team");
      g_assert_cmpstr (now, ==, old);
    }
  g_autofree char *long_name = g_strnfill (300, 'a');
  g_autofree char *old = iku_file_name_for_employee (long_name);
  g_autofree char *now = name_for ("IKU - {navn}", long_name, NULL);
  g_assert_cmpstr (now, ==, old);
}

static void
assert_safe (const char *file_name)
{
  g_assert_null (strchr (file_name, '/'));
  g_assert_null (strchr (file_name, '\\'));
  g_assert_false (g_str_has_prefix (file_name, "."));
  g_assert_false (g_str_has_prefix (file_name, " "));
  g_assert_true (g_str_has_suffix (file_name, ".pdf"));
  g_assert_cmpuint (strlen (file_name), <=, IKU_FILE_NAME_MAX_STEM_BYTES + strlen (".pdf"));
  g_assert_true (g_utf8_validate (file_name, -1, NULL));
}

static void
test_hostile_patterns (void)
{
  /* The pattern itself can never leave the folder. */
  check_name ("{navn}/../x", "Anna", NULL, "Anna_.._x.pdf");
  check_name ("../../{navn}", "Anna", NULL, "_.._Anna.pdf");
  check_name ("/etc/{navn}", "Anna", NULL, "_etc_Anna.pdf");
  check_name ("C:\\Windows\\{navn}", "Anna", NULL, "C__Windows_Anna.pdf");
  check_name ("..{navn}..", "Anna", NULL, "Anna.pdf");
  /* Nor can the values. */
  check_name ("{team} {navn}", "../x", "../../etc", "_.._etc _x.pdf");
  /* Empty results fall back: a name of only dots, a pattern of only a name. */
  check_name ("{navn}", "...", NULL, "_.pdf");
  check_name ("{navn}", "", NULL, "_.pdf");
  check_name (" . {navn} . ", "  ", NULL, "_.pdf");
  check_name ("{team}{navn}", "\u200B", "\u200B", "_.pdf");
  /* Device names at the start of a file name are defused. */
  check_name ("{navn}", "CON", NULL, "CON_.pdf");
  check_name ("con.{navn}", "Anna", NULL, "con_.Anna.pdf");
  check_name ("{navn}.txt", "nul", NULL, "nul_.txt.pdf");
  /* 300 characters of expansion: cut to 120 bytes, never inside a character. */
  g_autofree char *ae300 = NULL;
  {
    GString *s = g_string_new (NULL);
    for (int i = 0; i < 300; i++)
      g_string_append (s, "æ");
    ae300 = g_string_free (s, FALSE);
  }
  const char *patterns[] = { "{navn}", "x{navn}", "IKU - {navn} - {team} - {dato} - {år}",
                             "{team}{navn}", "{navn}/../../{team}" };
  for (gsize i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      g_autofree char *got = name_for (patterns[i], ae300, ae300);
      assert_safe (got);
      gsize stem = strlen (got) - strlen (".pdf");
      g_assert_cmpuint (stem, >=, IKU_FILE_NAME_MAX_STEM_BYTES - 1);
    }
  g_autofree char *odd = name_for ("x{navn}", ae300, NULL);
  g_assert_cmpuint (strlen (odd), ==, 119 + 4);   /* 'x' + 59 × "æ" (2 bytes each) */
  /* Combining marks stay with their letter when the cut comes between them. */
  GString *marks = g_string_new ("x");
  for (int i = 0; i < 300; i++)
    g_string_append (marks, "e\u0301\u0323");   /* NFC: é + dot below -> 2 chars */
  g_autofree char *marked = name_for ("{navn}", marks->str, NULL);
  g_string_free (marks, TRUE);
  assert_safe (marked);
  g_autofree char *nfd = g_utf8_normalize (marked, -1, G_NORMALIZE_NFD);
  g_assert_true (g_str_has_suffix (nfd, "\u0323\u0301.pdf"));
}

static void
test_collisions_with_pattern (void)
{
  g_autoptr(IkuFileNamer) namer = iku_file_namer_new ();
  g_autofree char *a = iku_file_namer_next_stem (namer, "Bo - Team");
  g_autofree char *b = iku_file_namer_next_stem (namer, "bo - team");
  g_autofree char *c = iku_file_namer_next_stem (namer, "Bo - Team.");
  g_assert_cmpstr (a, ==, "Bo - Team.pdf");
  g_assert_cmpstr (b, ==, "bo - team (2).pdf");
  g_assert_cmpstr (c, ==, "Bo - Team (3).pdf");
  /* The counter fits inside the limit. */
  g_autofree char *long_stem = g_strnfill (200, 'z');
  g_autofree char *l1 = iku_file_namer_next_stem (namer, long_stem);
  g_autofree char *l2 = iku_file_namer_next_stem (namer, long_stem);
  g_assert_cmpuint (strlen (l1), ==, IKU_FILE_NAME_MAX_STEM_BYTES + 4);
  g_assert_cmpuint (strlen (l2), ==, IKU_FILE_NAME_MAX_STEM_BYTES + 4);
  g_assert_true (g_str_has_suffix (l2, "z (2).pdf"));
}

static void
test_preview (void)
{
  g_autofree char *p = iku_settings_preview_file_name (NULL);
  g_assert_cmpstr (p, ==, "IKU - Anna Jensen.pdf");
  g_autofree char *q = iku_settings_preview_file_name ("{team} - {navn}");
  g_assert_cmpstr (q, ==, "Team Nord - Anna Jensen.pdf");
  g_autofree char *r = iku_settings_preview_file_name ("{år} {navn}");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *expected = g_strdup_printf ("%d Anna Jensen.pdf", g_date_time_get_year (now));
  g_assert_cmpstr (r, ==, expected);
}

static void
test_resolve_folder (void)
{
  g_autofree char *dir = iku_test_make_temp_dir ();
  g_autoptr(IkuSettings) s = iku_settings_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *beside = iku_settings_resolve_folder (s, dir, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (beside, ==, dir);

  iku_settings_set_folder (s, "IKU 2026/Team A");
  g_autofree char *sub = iku_settings_resolve_folder (s, dir, &error);
  g_assert_no_error (error);
  g_autofree char *expected = g_build_filename (dir, "IKU 2026", "Team A", NULL);
  g_assert_cmpstr (sub, ==, expected);
  g_assert_true (g_file_test (sub, G_FILE_TEST_IS_DIR));

  iku_settings_set_folder (s, sub);   /* absolute, exists */
  g_autofree char *fixed = iku_settings_resolve_folder (s, "/somewhere/else", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fixed, ==, sub);

  const char *bad[] = { "/nonexistent/ikuflet/IKU", "C:\\IKU\\2026", "\\\\server\\hr\\IKU",
                        "../ud", "IKU/../../ud" };
  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) local = NULL;
      iku_settings_set_folder (s, bad[i]);
      g_autofree char *none = iku_settings_resolve_folder (s, dir, &local);
      g_assert_null (none);
      g_assert_error (local, IKU_SETTINGS_ERROR, IKU_SETTINGS_ERROR_FOLDER);
      g_assert_nonnull (strstr (local->message, bad[i]));
    }
  /* Nothing was made for them. */
  g_assert_cmpuint (iku_test_count_entries (dir), ==, 1);
}

static void
test_validate_names_the_problem (void)
{
  g_autofree char *dir = iku_test_make_temp_dir ();
  g_autofree char *not_png = write_text (dir, "logo.png", "Det her er tekst, ikke et billede.\n");
  g_autofree char *texts = write_text (dir, "tekster.ini", "[IKU]\nTitel=Min plan\nUkendt=x\n");
  g_autoptr(IkuSettings) s = iku_settings_new ();
  g_autoptr(GError) error = NULL;

  iku_settings_set_logo (s, not_png);
  g_assert_false (iku_settings_validate (s, &error));
  g_assert_error (error, IKU_SETTINGS_ERROR, IKU_SETTINGS_ERROR_LOGO);
  g_assert_nonnull (strstr (error->message, "logo.png"));
  g_clear_error (&error);

  iku_settings_set_logo (s, NULL);
  iku_settings_set_texts (s, texts);
  g_assert_false (iku_settings_validate (s, &error));
  g_assert_error (error, IKU_SETTINGS_ERROR, IKU_SETTINGS_ERROR_TEXTS);
  g_assert_nonnull (strstr (error->message, "tekster.ini"));
  g_assert_nonnull (strstr (error->message, "linje 3"));
  g_clear_error (&error);

  iku_settings_set_texts (s, NULL);
  g_autofree char *long_org = g_strnfill (IKU_SETTINGS_MAX_ORGANISATION_CHARS + 1, 'k');
  iku_settings_set_organisation (s, long_org);
  g_assert_false (iku_settings_validate (s, &error));
  g_assert_error (error, IKU_SETTINGS_ERROR, IKU_SETTINGS_ERROR_VALUE);
}

static void
test_export_uses_pattern (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = iku_test_make_temp_dir ();
  g_autoptr(IkuResources) res = iku_resources_new_from_dir (g_getenv ("IKUFLET_DATA_DIR"), &error);
  g_assert_no_error (error);
  g_autoptr(IkuSchema) schema = iku_test_schema_new (
      "Team:|Dagplejen\nDato:|3. marts 2025\nNavn|Individuelt fokus|Teamfokus\n"
      "Anne Hansen|Kursus|Møder\nBo/Ek|Førstehjælp|\nBo_Ek|Andet|");
  g_autoptr(IkuSettings) s = iku_settings_new ();
  iku_settings_set_name_pattern (s, "{år} {team}/{navn}");
  g_autoptr(IkuExport) x = iku_export_new (schema, res, dir);
  iku_export_set_threads (x, 1);
  iku_export_set_settings (x, s);
  g_assert_true (iku_export_run (x, &error));
  g_assert_no_error (error);
  guint n = 0;
  const char * const *written = iku_export_get_written (x, &n);
  g_assert_cmpuint (n, ==, 3);
  const char *expected[] = { "2025 Dagplejen_Anne Hansen.pdf", "2025 Dagplejen_Bo_Ek.pdf",
                             "2025 Dagplejen_Bo_Ek (2).pdf" };
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = g_build_filename (dir, expected[i], NULL);
      g_assert_cmpstr (written[i], ==, path);
      g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
    }
  g_assert_cmpuint (iku_test_count_entries (dir), ==, 3);
  /* The collision is reported with both file names. */
  guint n_warnings = 0;
  const char * const *warnings = iku_export_get_warnings (x, &n_warnings);
  gboolean told = FALSE;
  for (guint i = 0; i < n_warnings; i++)
    told = told || strstr (warnings[i], "2025 Dagplejen_Bo_Ek (2).pdf") != NULL;
  g_assert_true (told);
}

static void
test_export_refuses_bad_settings (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = iku_test_make_temp_dir ();
  g_autofree char *out = g_build_filename (dir, "ud", NULL);
  g_assert_cmpint (g_mkdir (out, 0777), ==, 0);
  g_autofree char *texts = write_text (dir, "tekster.ini", "[IKU]\nTitel Min plan\n");
  g_autoptr(IkuResources) res = iku_resources_new_from_dir (g_getenv ("IKUFLET_DATA_DIR"), &error);
  g_assert_no_error (error);
  g_autoptr(IkuSchema) schema = iku_test_schema_new ("Navn|Individuelt fokus|Teamfokus\nAnne|Kursus|");
  g_autoptr(IkuSettings) s = iku_settings_new ();
  iku_settings_set_texts (s, texts);
  g_autoptr(IkuExport) x = iku_export_new (schema, res, out);
  iku_export_set_settings (x, s);
  g_assert_false (iku_export_run (x, &error));
  g_assert_error (error, IKU_EXPORT_ERROR, IKU_EXPORT_ERROR_SETTINGS);
  g_assert_nonnull (strstr (error->message, "linje 2"));
  g_assert_cmpuint (iku_test_count_entries (out), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/settings/defaults", test_defaults);
  g_test_add_func ("/settings/setters-copy-and-default", test_setters_copy_and_default);
  g_test_add_func ("/settings/load-file", test_load_file);
  g_test_add_func ("/settings/keys-left-out-keep-their-value", test_keys_left_out_keep_their_value);
  g_test_add_func ("/settings/load-errors-name-line", test_load_errors_name_line);
  g_test_add_func ("/settings/load-bad-values", test_load_bad_values);
  g_test_add_func ("/settings/windows-paths", test_windows_paths);
  g_test_add_func ("/settings/missing-file", test_missing_file);
  g_test_add_func ("/settings/to-data-round-trip", test_to_data_round_trip);
  g_test_add_func ("/settings/pattern-check", test_pattern_check);
  g_test_add_func ("/settings/pattern-expansion", test_pattern_expansion);
  g_test_add_func ("/settings/default-pattern-is-todays-names", test_default_pattern_is_todays_names);
  g_test_add_func ("/settings/hostile-patterns", test_hostile_patterns);
  g_test_add_func ("/settings/collisions-with-pattern", test_collisions_with_pattern);
  g_test_add_func ("/settings/preview", test_preview);
  g_test_add_func ("/settings/resolve-folder", test_resolve_folder);
  g_test_add_func ("/settings/validate-names-the-problem", test_validate_names_the_problem);
  g_test_add_func ("/settings/export-uses-pattern", test_export_uses_pattern);
  g_test_add_func ("/settings/export-refuses-bad-settings", test_export_refuses_bad_settings);
  return g_test_run ();
}
