/* SPDX-License-Identifier: GPL-3.0-or-later
 * Source ids: the per-user key, the keyed hash, the id in a PDF's document
 * info, and the bounded, safe read of it back from files that may be anything. */
#include "iku-export.h"
#include "iku-pdf.h"
#include "iku-source.h"
#include "iku-test-util.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

/* Each test its own config folder: the key is made there. */
static char *
use_new_config_dir (void)
{
  return iku_test_make_temp_dir ();
}

static void
test_key_made_once (void)
{
  g_autofree char *config = use_new_config_dir ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuSourceKey) none = iku_source_key_load (config, FALSE, &error);
  g_assert_no_error (error);
  g_assert_null (none);
  g_autofree char *path = g_build_filename (config, "ikuflet", "source-key", NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_autoptr(IkuSourceKey) made = iku_source_key_load (config, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (made);
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpuint (strlen (text), ==, 65);
  GStatBuf st;
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  /* Nothing else left in the folder (no temporary file). */
  g_autofree char *dir = g_path_get_dirname (path);
  g_assert_cmpuint (iku_test_count_entries (dir), ==, 1);

  g_autoptr(IkuSourceKey) again = iku_source_key_load (config, TRUE, &error);
  g_assert_no_error (error);
  g_autofree char *id1 = iku_source_key_dup_id (made, "/a/skema.ods", "Nord");
  g_autofree char *id2 = iku_source_key_dup_id (again, "/a/skema.ods", "Nord");
  g_assert_cmpstr (id1, ==, id2);
  g_autofree char *text2 = NULL;
  g_assert_true (g_file_get_contents (path, &text2, NULL, NULL));
  g_assert_cmpstr (text, ==, text2);

  /* Another user (another key): another id for the same file and sheet. */
  g_autofree char *other_config = use_new_config_dir ();
  g_autoptr(IkuSourceKey) other = iku_source_key_load (other_config, TRUE, &error);
  g_autofree char *id3 = iku_source_key_dup_id (other, "/a/skema.ods", "Nord");
  g_assert_cmpstr (id1, !=, id3);
}

static void
test_key_damaged (void)
{
  g_autofree char *config = use_new_config_dir ();
  g_autofree char *dir = g_build_filename (config, "ikuflet", NULL);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_autofree char *path = g_build_filename (dir, "source-key", NULL);
  g_assert_true (g_file_set_contents (path, "ikke en nøgle\n", -1, NULL));
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuSourceKey) key = iku_source_key_load (config, TRUE, &error);
  g_assert_null (key);
  g_assert_error (error, IKU_SOURCE_ERROR, IKU_SOURCE_ERROR_KEY);
  g_assert_nonnull (strstr (error->message, "beskadiget"));
  /* Never replaced behind the user's back. */
  g_autofree char *text = NULL;
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_cmpstr (text, ==, "ikke en nøgle\n");
}

static void
test_ids (void)
{
  g_autofree char *config = use_new_config_dir ();
  g_autoptr(IkuSourceKey) key = iku_source_key_load (config, TRUE, NULL);
  g_autofree char *a = iku_source_key_dup_id (key, "/home/leder/Team/skema.ods", "Nord");
  g_autofree char *b = iku_source_key_dup_id (key, "/home/leder/Team/skema.ods", "Syd");
  g_autofree char *c = iku_source_key_dup_id (key, "/home/leder/Andet/skema.ods", "Nord");
  g_autofree char *d = iku_source_key_dup_id (key, "/home/leder/Team/../Team/./skema.ods", "Nord");
  g_assert_cmpuint (strlen (a), ==, IKU_SOURCE_ID_LEN);
  for (const char *p = a; *p; p++)
    g_assert_true (g_ascii_isxdigit (*p) && !g_ascii_isupper (*p));
  g_assert_cmpstr (a, !=, b);
  g_assert_cmpstr (a, !=, c);
  g_assert_cmpstr (a, ==, d);   /* the same file, however it was named */
  /* Path and sheet are kept apart: "/x" + "ab" is not "/xa" + "b". */
  g_autofree char *e = iku_source_key_dup_id (key, "/x", "ab");
  g_autofree char *f = iku_source_key_dup_id (key, "/xa", "b");
  g_assert_cmpstr (e, !=, f);
}

static char *
write_text (const char *dir, const char *name, const char *text, gssize len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize) len);
  return iku_test_write_bytes (dir, name, bytes);
}

#define ID "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"

static void
test_read_back (void)
{
  g_autofree char *dir = iku_test_make_temp_dir ();
  /* A real IKU: the id is in its document info, early in the file, and
   * independent tools read the file as sound. */
  g_autoptr(IkuSchema) s = iku_test_schema_new ("Navn|Individuelt fokus|Teamfokus\nAnne|a|t");
  g_autoptr(IkuResources) res = iku_resources_new_from_dir (g_getenv ("IKUFLET_DATA_DIR"), NULL);
  g_autoptr(IkuLayout) layout = iku_layout_new (s, 0, "1. juni 2026", iku_resources_get_wording (res), NULL);
  g_autoptr(IkuPdfWriter) writer = iku_pdf_writer_new (iku_resources_get_font_regular (res),
                                                       iku_resources_get_font_bold (res), NULL);
  iku_pdf_writer_set_source_id (writer, ID);
  g_autoptr(GBytes) pdf = iku_pdf_writer_render (writer, layout, NULL);
  g_autofree char *path = iku_test_write_bytes (dir, "IKU - Anne.pdf", pdf);
  iku_test_assert_pdf_sound (path);
  g_autofree char *id = iku_source_dup_pdf_id (path);
  g_assert_cmpstr (id, ==, ID);
  const char *data = g_bytes_get_data (pdf, NULL);
  const char *at = g_strstr_len (data, g_bytes_get_size (pdf), "/" IKU_SOURCE_INFO_KEY " (");
  g_assert_nonnull (at);
  g_assert_cmpint (at - data, <, 2048);
  /* Without an id: none. */
  iku_pdf_writer_set_source_id (writer, NULL);
  g_autoptr(GBytes) plain = iku_pdf_writer_render (writer, layout, NULL);
  g_autofree char *plain_path = iku_test_write_bytes (dir, "IKU - Uden.pdf", plain);
  g_assert_null (iku_source_dup_pdf_id (plain_path));
}

static void
test_read_only_our_marker (void)
{
  g_autofree char *dir = iku_test_make_temp_dir ();
  struct {
    const char *text;
    gboolean found;
  } cases[] = {
    { "%PDF-1.7\n<< /IkufletSource (" ID ") >>", TRUE },
    { "%PDF-1.7\n<< /IkufletSource (" ID ")", TRUE },
    { "<< /IkufletSource (" ID ") >>", FALSE },                     /* not a PDF */
    { "%PDF-1.7\n<< /IkufletSource <" ID "> >>", FALSE },          /* not our form */
    { "%PDF-1.7\n<< /IkufletSource (0123) >>", FALSE },            /* too short */
    { "%PDF-1.7\n<< /IkufletSource (" ID "00) >>", FALSE },        /* too long */
    { "%PDF-1.7\n<< /IkufletSource (0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef) >>", FALSE },
    { "%PDF-1.7\n<< /IkufletSource (" "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde", FALSE },
    { "%PDF-1.7\n<< /Keywords (" ID ") >>", FALSE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("f%u.pdf", i);
      g_autofree char *path = write_text (dir, name, cases[i].text, -1);
      g_autofree char *id = iku_source_dup_pdf_id (path);
      if (cases[i].found)
        g_assert_cmpstr (id, ==, ID);
      else
        g_assert_null (id);
    }
  /* NUL bytes before the marker do not hide it. */
  const char binary[] = "%PDF-1.7\n%\0\0\xE2\xE3\n<< /IkufletSource (" ID ") >>";
  g_autofree char *bin = write_text (dir, "bin.pdf", binary, sizeof binary - 1);
  g_autofree char *bin_id = iku_source_dup_pdf_id (bin);
  g_assert_cmpstr (bin_id, ==, ID);
}

static void
test_read_bounded (void)
{
  g_autofree char *dir = iku_test_make_temp_dir ();
  /* A marker past the bound is not looked for: the read stays bounded. */
  GString *big = g_string_new ("%PDF-1.7\n");
  while (big->len < IKU_SOURCE_READ_BYTES)
    g_string_append_c (big, ' ');
  g_string_append (big, "<< /IkufletSource (" ID ") >>");
  g_autofree char *far = write_text (dir, "far.pdf", big->str, (gssize) big->len);
  g_string_free (big, TRUE);
  g_assert_null (iku_source_dup_pdf_id (far));

  /* A sparse file of 4 GB: read only at its head. */
  g_autofree char *huge = write_text (dir, "huge.pdf", "%PDF-1.7\n", -1);
  g_assert_cmpint (truncate (huge, (off_t) 4 << 30), ==, 0);
  g_assert_null (iku_source_dup_pdf_id (huge));

  /* A FIFO named like a PDF never blocks (nobody writes to it), a folder or a
   * missing file is nothing, and neither is an empty file. */
  g_autofree char *fifo = g_build_filename (dir, "fifo.pdf", NULL);
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_null (iku_source_dup_pdf_id (fifo));
  g_autofree char *folder = g_build_filename (dir, "mappe.pdf", NULL);
  g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
  g_assert_null (iku_source_dup_pdf_id (folder));
  g_autofree char *missing = g_build_filename (dir, "mangler.pdf", NULL);
  g_assert_null (iku_source_dup_pdf_id (missing));
  g_autofree char *empty = write_text (dir, "tom.pdf", "", 0);
  g_assert_null (iku_source_dup_pdf_id (empty));
  /* A link to a device is not a regular file. */
  g_autofree char *device = g_build_filename (dir, "zero.pdf", NULL);
  g_assert_cmpint (symlink ("/dev/zero", device), ==, 0);
  g_assert_null (iku_source_dup_pdf_id (device));
}

static void
test_find_pdfs (void)
{
  g_autofree char *dir = iku_test_make_temp_dir ();
  const char *ours = "%PDF-1.7\n<< /IkufletSource (" ID ") >>";
  const char *other = "%PDF-1.7\n<< /IkufletSource (" "fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210" ") >>";
  g_free (write_text (dir, "IKU - Bo.pdf", ours, -1));
  g_free (write_text (dir, "Kopi.PDF", ours, -1));
  g_free (write_text (dir, "IKU - Anne.pdf", ours, -1));     /* this run's own file */
  g_free (write_text (dir, "IKU - Ce.pdf", other, -1));      /* another schema's */
  g_free (write_text (dir, "IKU - Bo.pdf.txt", ours, -1));   /* not named *.pdf */
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_add (ids, (gpointer) ID);
  g_autoptr(GHashTable) skip = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_hash_table_add (skip, iku_source_dup_folded_name ("iku - ANNE.pdf"));
  gboolean too_many = TRUE;
  g_autoptr(GPtrArray) found = iku_source_find_pdfs (dir, ids, skip, 100, &too_many);
  g_assert_false (too_many);
  g_assert_cmpuint (found->len, ==, 2);
  g_autofree char *bo = g_build_filename (dir, "IKU - Bo.pdf", NULL);
  g_autofree char *copy = g_build_filename (dir, "Kopi.PDF", NULL);
  g_assert_cmpstr (g_ptr_array_index (found, 0), ==, bo);
  g_assert_cmpstr (g_ptr_array_index (found, 1), ==, copy);

  /* The bound on files read. */
  g_autoptr(GPtrArray) bounded = iku_source_find_pdfs (dir, ids, NULL, 2, &too_many);
  g_assert_true (too_many);
  g_assert_cmpuint (bounded->len, <=, 2);
  /* A folder that is not there has none. */
  g_autofree char *gone = g_build_filename (dir, "findes-ikke", NULL);
  g_autoptr(GPtrArray) none = iku_source_find_pdfs (gone, ids, NULL, 100, NULL);
  g_assert_cmpuint (none->len, ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/source/key/made-once", test_key_made_once);
  g_test_add_func ("/source/key/damaged", test_key_damaged);
  g_test_add_func ("/source/ids", test_ids);
  g_test_add_func ("/source/read/real-pdf", test_read_back);
  g_test_add_func ("/source/read/only-our-marker", test_read_only_our_marker);
  g_test_add_func ("/source/read/bounded-and-safe", test_read_bounded);
  g_test_add_func ("/source/find-pdfs", test_find_pdfs);
  return g_test_run ();
}
