/* SPDX-License-Identifier: GPL-3.0-or-later
 * Helpers shared by the unit tests; see iku-test-util.h. */
#include "iku-test-util.h"
#include "iku-schema.h"

#include <glib/gstdio.h>
#include <string.h>

static GPtrArray *temp_dirs;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  if (dir != NULL)
    {
      const char *name;
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_chmod (path, 0700);
  g_rmdir (path);
}

static void
remove_temp_dirs (void)
{
  if (temp_dirs == NULL || g_getenv ("IKUFLET_KEEP_TEST_FILES") != NULL)
    return;
  for (guint i = 0; i < temp_dirs->len; i++)
    remove_tree (g_ptr_array_index (temp_dirs, i));
  g_ptr_array_free (temp_dirs, TRUE);
  temp_dirs = NULL;
}

char *
iku_test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("ikuflet-test-XXXXXX", &error);
  g_assert_no_error (error);
  if (temp_dirs == NULL)
    {
      temp_dirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_temp_dirs);
    }
  g_ptr_array_add (temp_dirs, g_strdup (dir));
  return dir;
}

static char *
unescape_cell (const char *cell)
{
  GString *s = g_string_new (NULL);
  for (const char *p = cell; *p != '\0'; p++)
    {
      if (p[0] == '\\' && p[1] == 'n')
        {
          g_string_append_c (s, '\n');
          p++;
        }
      else if (p[0] == '\\' && p[1] == '|')
        {
          g_string_append_c (s, '|');
          p++;
        }
      else
        g_string_append_c (s, *p);
    }
  return g_string_free (s, FALSE);
}

IkuGrid *
iku_test_grid_new (const char *sheet_name, const char *spec)
{
  IkuGrid *grid = iku_grid_new (sheet_name);
  g_auto(GStrv) rows = g_strsplit (spec, "\n", -1);
  for (guint r = 0; rows[r] != NULL; r++)
    {
      guint c = 0;
      GString *cell = g_string_new (NULL);
      for (const char *p = rows[r];; p++)
        {
          if (*p == '\\' && p[1] != '\0')
            {
              g_string_append_c (cell, p[0]);
              g_string_append_c (cell, p[1]);
              p++;
              continue;
            }
          if (*p == '|' || *p == '\0')
            {
              g_autofree char *text = unescape_cell (cell->str);
              g_autoptr(GError) error = NULL;
              if (*text != '\0')
                {
                  gboolean ok = iku_grid_set_cell (grid, r, c, text, -1, &error);
                  g_assert_no_error (error);
                  g_assert_true (ok);
                }
              g_string_truncate (cell, 0);
              c++;
              if (*p == '\0')
                break;
              continue;
            }
          g_string_append_c (cell, *p);
        }
      g_string_free (cell, TRUE);
    }
  return grid;
}

IkuSchema *
iku_test_schema_new (const char *spec)
{
  g_autoptr(IkuGrid) grid = iku_test_grid_new ("Skema", spec);
  g_autoptr(GError) error = NULL;
  IkuSchema *schema = iku_schema_new_from_grid (grid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (schema);
  return schema;
}

guint
iku_test_count_entries (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;
  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

char *
iku_test_write_bytes (const char *dir, const char *name, GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  gsize len = 0;
  const char *data = g_bytes_get_data (bytes, &len);
  g_file_set_contents (path, data, (gssize) len, &error);
  g_assert_no_error (error);
  return path;
}

int
iku_test_run (const char * const *argv, char **out, char **err)
{
  g_autoptr(GError) error = NULL;
  int status = -1;
  gboolean ok = g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH,
                              NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  if (!g_spawn_check_wait_status (status, NULL))
    return WIFEXITED (status) ? WEXITSTATUS (status) : 128;
  return 0;
}

char *
iku_test_pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  char *out = NULL;
  g_autofree char *err = NULL;
  int rc = iku_test_run (argv, &out, &err);
  g_assert_cmpint (rc, ==, 0);
  g_assert_cmpstr (err, ==, "");
  return out;
}

char *
iku_test_pdf_info (const char *pdf, const char *key)
{
  const char *argv[] = { "pdfinfo", "-enc", "UTF-8", pdf, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int rc = iku_test_run (argv, &out, &err);
  g_assert_cmpint (rc, ==, 0);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *colon = strchr (lines[i], ':');
      if (colon != NULL && (gsize) (colon - lines[i]) == strlen (key)
          && strncmp (lines[i], key, strlen (key)) == 0)
        return g_strstrip (g_strdup (colon + 1));
    }
  return NULL;
}

void
iku_test_assert_pdf_sound (const char *pdf)
{
  const char *qpdf[] = { "qpdf", "--check", pdf, NULL };
  g_autofree char *qout = NULL;
  g_autofree char *qerr = NULL;
  int rc = iku_test_run (qpdf, &qout, &qerr);
  if (rc != 0)
    g_error ("qpdf --check %s failed (%d):\n%s%s", pdf, rc, qout, qerr);
  g_assert_cmpstr (qerr, ==, "");

  const char *fonts[] = { "pdffonts", pdf, NULL };
  g_autofree char *fout = NULL;
  g_autofree char *ferr = NULL;
  rc = iku_test_run (fonts, &fout, &ferr);
  g_assert_cmpint (rc, ==, 0);
  g_assert_cmpstr (ferr, ==, "");
  /* Header (2 lines), then one line per font; column "emb" must say yes. */
  g_auto(GStrv) lines = g_strsplit (fout, "\n", -1);
  guint n_fonts = 0;
  for (guint i = 2; lines[i] != NULL; i++)
    {
      if (*lines[i] == '\0')
        continue;
      n_fonts++;
      g_assert_nonnull (strstr (lines[i], " yes "));   /* emb yes (sub and uni may vary) */
      g_assert_null (strstr (lines[i], "Liberation"));  /* renamed as the OFL asks */
    }
  g_assert_cmpuint (n_fonts, >, 0);

  g_autofree char *text = iku_test_pdf_text (pdf);
  g_assert_nonnull (text);
}

void
iku_test_assert_grid_cells (const IkuGrid *grid, const char *sheet_name, const char *spec)
{
  g_autoptr(IkuGrid) expected = iku_test_grid_new (sheet_name, spec);
  g_assert_cmpstr (iku_grid_get_sheet_name (grid), ==, sheet_name);
  guint n_rows = MAX (iku_grid_get_n_rows (grid), iku_grid_get_n_rows (expected));
  guint n_cols = MAX (iku_grid_get_n_cols (grid), iku_grid_get_n_cols (expected));
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_cols; c++)
      {
        const char *got = iku_grid_get_cell (grid, r, c);
        const char *want = iku_grid_get_cell (expected, r, c);
        if (g_strcmp0 (got, want) != 0)
          {
            g_autofree char *cell = iku_grid_dup_cell_name (r, c);
            g_test_message ("sheet »%s«, cell %s", sheet_name, cell);
          }
        g_assert_cmpstr (got, ==, want);
      }
}

GBytes *
iku_test_load_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  return g_mapped_file_get_bytes (file);
}

char *
iku_test_squash_space (const char *text)
{
  GString *s = g_string_new (NULL);
  gboolean space = FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }
      if (space && s->len > 0)
        g_string_append_c (s, ' ');
      space = FALSE;
      g_string_append_unichar (s, c);
    }
  return g_string_free (s, FALSE);
}
