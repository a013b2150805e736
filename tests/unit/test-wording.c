/* SPDX-License-Identifier: GPL-3.0-or-later
 * The IKU wording file: the shipped one is complete; a broken one is explained. */
#include "iku-resources.h"
#include "iku-wording.h"

#include <string.h>

static void
test_shipped_file_complete (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuResources) res = iku_resources_new_from_dir (g_getenv ("IKUFLET_DATA_DIR"), &error);
  g_assert_no_error (error);
  const IkuWording *w = iku_resources_get_wording (res);
  for (int i = 0; i < IKU_N_TEXTS; i++)
    g_assert_true (iku_wording_get (w, (IkuTextId) i) != NULL && *iku_wording_get (w, (IkuTextId) i) != '\0');
  g_assert_cmpstr (iku_wording_get (w, IKU_TEXT_TITLE), ==, "Individuel kompetenceudviklingsplan (IKU)");
  g_assert_cmpstr (iku_wording_get (w, IKU_TEXT_HEADING_TEAM), ==, "Teamfokus");
  g_assert_cmpstr (iku_wording_get (w, IKU_TEXT_HEADING_INDIVIDUAL), ==, "Individuelt fokus");
  g_autofree char *page = iku_wording_format (w, IKU_TEXT_PAGE, "2", "5");
  g_assert_cmpstr (page, ==, "Side 2 af 5");
  g_autofree char *title = iku_wording_format (w, IKU_TEXT_DOC_TITLE, "Åse Ø", NULL);
  g_assert_cmpstr (title, ==, "IKU – Åse Ø");
  g_assert_true (g_file_test (iku_resources_get_font_regular (res), G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (iku_resources_get_font_bold (res), G_FILE_TEST_IS_REGULAR));
}

static void
test_reworded (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("IKUFLET_DATA_DIR"), "iku-tekster.ini", NULL);
  g_autofree char *data = NULL;
  g_assert_true (g_file_get_contents (path, &data, NULL, NULL));
  /* Replace the title line. */
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Titel="))
      {
        g_free (lines[i]);
        lines[i] = g_strdup ("Titel=Kompetenceplan 100%% for %1");
      }
  g_autofree char *text = g_strjoinv ("\n", lines);
  g_autoptr(IkuWording) w = iku_wording_new_from_data (text, strlen (text), &error);
  g_assert_no_error (error);
  g_autofree char *t = iku_wording_format (w, IKU_TEXT_TITLE, "Bo", NULL);
  g_assert_cmpstr (t, ==, "Kompetenceplan 100% for Bo");
}

static void
test_missing_key (void)
{
  const char *text = "[IKU]\nTitel=X\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuWording) w = iku_wording_new_from_data (text, strlen (text), &error);
  g_assert_null (w);
  g_assert_error (error, IKU_WORDING_ERROR, IKU_WORDING_ERROR_MISSING_KEY);
  g_assert_nonnull (strstr (error->message, "Medarbejder"));
}

static void
test_unreadable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuWording) w = iku_wording_new_from_file ("/nonexistent/iku-tekster.ini", &error);
  g_assert_null (w);
  g_assert_error (error, IKU_WORDING_ERROR, IKU_WORDING_ERROR_UNREADABLE);
  g_autoptr(GError) e2 = NULL;
  const char *junk = "this is [not a key file";
  g_autoptr(IkuWording) w2 = iku_wording_new_from_data (junk, strlen (junk), &e2);
  g_assert_null (w2);
  g_assert_error (e2, IKU_WORDING_ERROR, IKU_WORDING_ERROR_UNREADABLE);
}

static void
test_resources_missing_dir (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuResources) res = iku_resources_new_from_dir ("/nonexistent", &error);
  g_assert_null (res);
  g_assert_error (error, IKU_RESOURCES_ERROR, IKU_RESOURCES_ERROR_NOT_FOUND);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/wording/shipped-file-complete", test_shipped_file_complete);
  g_test_add_func ("/wording/reworded", test_reworded);
  g_test_add_func ("/wording/missing-key", test_missing_key);
  g_test_add_func ("/wording/unreadable", test_unreadable);
  g_test_add_func ("/wording/resources-missing-dir", test_resources_missing_dir);
  return g_test_run ();
}
