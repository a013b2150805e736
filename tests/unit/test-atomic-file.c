/* SPDX-License-Identifier: GPL-3.0-or-later
 * Atomic writes: whole file or nothing, no temporary file left behind. */
#include "iku-atomic-file.h"
#include "iku-test-util.h"

#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <string.h>
#include <unistd.h>

/* fsync as the code under test sees it: this definition in the test program
 * takes the place of libc's (the core is a static archive linked in here). It
 * records which folder was synced and what the target held at that moment,
 * then makes the real system call. */
static char *synced_folder_target;   /* a file to read when a folder is synced */
static char *content_at_folder_sync; /* what it held then */
static guint n_folder_syncs;

int
fsync (int fd)
{
  struct stat st;
  if (fstat (fd, &st) == 0 && S_ISDIR (st.st_mode))
    {
      n_folder_syncs++;
      g_clear_pointer (&content_at_folder_sync, g_free);
      if (synced_folder_target != NULL)
        g_file_get_contents (synced_folder_target, &content_at_folder_sync, NULL, NULL);
    }
  return (int) syscall (SYS_fsync, fd);
}

static void
test_write_and_replace (void)
{
  g_autofree char *dir = iku_test_make_temp_dir ();
  g_autoptr(GBytes) one = g_bytes_new_static ("first", 5);
  g_autoptr(GBytes) two = g_bytes_new_static ("second!", 7);
  g_autoptr(GError) error = NULL;
  g_assert_true (iku_atomic_file_write (dir, "IKU - A.pdf", one, &error));
  g_assert_no_error (error);
  g_assert_true (iku_atomic_file_write (dir, "IKU - A.pdf", two, &error));
  g_autofree char *path = g_build_filename (dir, "IKU - A.pdf", NULL);
  g_autofree char *content = NULL;
  g_assert_true (g_file_get_contents (path, &content, NULL, NULL));
  g_assert_cmpstr (content, ==, "second!");
  g_assert_cmpuint (iku_test_count_entries (dir), ==, 1);
}

static void
test_replace_keeps_permissions (void)
{
  g_autofree char *dir = iku_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "IKU - P.pdf", NULL);
  g_autoptr(GBytes) one = g_bytes_new_static ("first", 5);
  g_autoptr(GBytes) two = g_bytes_new_static ("second", 6);
  g_assert_true (iku_atomic_file_write (dir, "IKU - P.pdf", one, NULL));

  /* Modes a new file never gets from the umask. */
  const mode_t modes[] = { 0600, 0640, 0664, 0444 };
  for (gsize i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_assert_cmpint (g_chmod (path, (int) modes[i]), ==, 0);
      g_autoptr(GError) error = NULL;
      g_assert_true (iku_atomic_file_write (dir, "IKU - P.pdf", i % 2 ? one : two, &error));
      g_assert_no_error (error);
      GStatBuf st;
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpuint (st.st_mode & 07777, ==, modes[i]);
    }
  g_assert_cmpuint (iku_test_count_entries (dir), ==, 1);
}

static void
test_folder_synced_after_rename (void)
{
  g_autofree char *dir = iku_test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "IKU - S.pdf", NULL);
  g_autoptr(GBytes) one = g_bytes_new_static ("first", 5);
  g_autoptr(GBytes) two = g_bytes_new_static ("second", 6);
  g_assert_true (iku_atomic_file_write (dir, "IKU - S.pdf", one, NULL));

  synced_folder_target = path;
  n_folder_syncs = 0;
  g_assert_true (iku_atomic_file_write (dir, "IKU - S.pdf", two, NULL));
  synced_folder_target = NULL;
  /* The folder was synced once the new file stood under its name. */
  g_assert_cmpuint (n_folder_syncs, ==, 1);
  g_assert_cmpstr (content_at_folder_sync, ==, "second");
  g_clear_pointer (&content_at_folder_sync, g_free);
}

static void
test_directory_in_the_way (void)
{
  g_autofree char *dir = iku_test_make_temp_dir ();
  g_autofree char *blocker = g_build_filename (dir, "IKU - B.pdf", NULL);
  g_assert_cmpint (g_mkdir (blocker, 0700), ==, 0);
  g_autoptr(GBytes) b = g_bytes_new_static ("x", 1);
  g_autoptr(GError) error = NULL;
  g_assert_false (iku_atomic_file_write (dir, "IKU - B.pdf", b, &error));
  g_assert_error (error, IKU_ATOMIC_FILE_ERROR, IKU_ATOMIC_FILE_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "IKU - B.pdf"));
  g_assert_cmpuint (iku_test_count_entries (dir), ==, 1);
}

static void
test_missing_folder (void)
{
  g_autofree char *dir = iku_test_make_temp_dir ();
  g_autofree char *gone = g_build_filename (dir, "forsvundet", NULL);
  g_autoptr(GBytes) b = g_bytes_new_static ("x", 1);
  g_autoptr(GError) error = NULL;
  g_assert_false (iku_atomic_file_write (gone, "IKU - C.pdf", b, &error));
  g_assert_error (error, IKU_ATOMIC_FILE_ERROR, IKU_ATOMIC_FILE_ERROR_NO_FOLDER);
}

static void
test_unwritable_folder (void)
{
  if (geteuid () == 0)
    {
      /* root ignores permission bits; the read-only case is covered by the
       * full-disk test below and by the CLI tests run as an ordinary user. */
      g_test_skip ("root can write anywhere");
      return;
    }
  g_autofree char *dir = iku_test_make_temp_dir ();
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  g_autoptr(GBytes) b = g_bytes_new_static ("x", 1);
  g_autoptr(GError) error = NULL;
  g_assert_false (iku_atomic_file_write (dir, "IKU - D.pdf", b, &error));
  g_assert_error (error, IKU_ATOMIC_FILE_ERROR, IKU_ATOMIC_FILE_ERROR_DENIED);
  g_chmod (dir, 0700);
  g_assert_cmpuint (iku_test_count_entries (dir), ==, 0);
}

static void
test_no_temp_left_after_failed_rename (void)
{
  /* The target is a non-empty directory: the data is written, the rename fails. */
  g_autofree char *dir = iku_test_make_temp_dir ();
  g_autofree char *blocker = g_build_filename (dir, "IKU - E.pdf", NULL);
  g_autofree char *inner = g_build_filename (blocker, "x", NULL);
  g_assert_cmpint (g_mkdir (blocker, 0700), ==, 0);
  g_assert_true (g_file_set_contents (inner, "x", 1, NULL));
  g_autoptr(GBytes) b = g_bytes_new_static ("data", 4);
  g_autoptr(GError) error = NULL;
  g_assert_false (iku_atomic_file_write (dir, "IKU - E.pdf", b, &error));
  g_assert_cmpuint (iku_test_count_entries (dir), ==, 1);
}

static void
test_write_failure_mid_file (void)
{
  /* A file-size limit makes write() fail part-way (EFBIG once SIGXFSZ is
   * ignored), as a full disk does: the old file must survive untouched and no
   * temporary file may remain. */
  g_autofree char *dir = iku_test_make_temp_dir ();
  g_autoptr(GBytes) old = g_bytes_new_static ("old", 3);
  g_assert_true (iku_atomic_file_write (dir, "IKU - F.pdf", old, NULL));

  gsize big_len = 64 * 1024;
  g_autofree char *big_data = g_malloc0 (big_len);
  g_autoptr(GBytes) big = g_bytes_new_static (big_data, big_len);
  struct rlimit saved, small;
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  small = saved;
  small.rlim_cur = 4096;
  void (*previous) (int) = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  g_autoptr(GError) error = NULL;
  gboolean ok = iku_atomic_file_write (dir, "IKU - F.pdf", big, &error);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &saved), ==, 0);
  signal (SIGXFSZ, previous);

  g_assert_false (ok);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "IKU - F.pdf"));
  g_autofree char *path = g_build_filename (dir, "IKU - F.pdf", NULL);
  g_autofree char *content = NULL;
  g_assert_true (g_file_get_contents (path, &content, NULL, NULL));
  g_assert_cmpstr (content, ==, "old");
  g_assert_cmpuint (iku_test_count_entries (dir), ==, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/atomic-file/write-and-replace", test_write_and_replace);
  g_test_add_func ("/atomic-file/replace-keeps-permissions", test_replace_keeps_permissions);
  g_test_add_func ("/atomic-file/folder-synced-after-rename", test_folder_synced_after_rename);
  g_test_add_func ("/atomic-file/directory-in-the-way", test_directory_in_the_way);
  g_test_add_func ("/atomic-file/missing-folder", test_missing_folder);
  g_test_add_func ("/atomic-file/unwritable-folder", test_unwritable_folder);
  g_test_add_func ("/atomic-file/no-temp-left-after-failed-rename", test_no_temp_left_after_failed_rename);
  g_test_add_func ("/atomic-file/write-failure-mid-file", test_write_failure_mid_file);
  return g_test_run ();
}
