/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuGrid and IkuBook: storage, normalisation and the bounds at the door. */
#include "iku-grid.h"
#include "iku-limits.h"

#include <string.h>

static void
test_set_get (void)
{
  g_autoptr(IkuGrid) g = iku_grid_new ("Ark1");
  g_autoptr(GError) error = NULL;
  g_assert_true (iku_grid_set_cell (g, 4, 2, "Hej", -1, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (iku_grid_get_cell (g, 4, 2), ==, "Hej");
  g_assert_null (iku_grid_get_cell (g, 2, 4));
  g_assert_null (iku_grid_get_cell (g, 100, 100));
  g_assert_cmpuint (iku_grid_get_n_rows (g), ==, 5);
  g_assert_cmpuint (iku_grid_get_n_cols (g), ==, 3);
  g_assert_true (iku_grid_set_cell (g, 4, 2, "", 0, &error));   /* clears */
  g_assert_null (iku_grid_get_cell (g, 4, 2));
  g_assert_cmpuint (iku_grid_get_n_cells (g), ==, 0);
  g_assert_true (iku_grid_set_cell (g, 0, 0, "abcdef", 3, &error));
  g_assert_cmpstr (iku_grid_get_cell (g, 0, 0), ==, "abc");
  g_assert_cmpstr (iku_grid_get_sheet_name (g), ==, "Ark1");
}

static void
test_nfc (void)
{
  g_autoptr(IkuGrid) g = iku_grid_new ("A");
  g_assert_true (iku_grid_set_cell (g, 0, 0, "A\xCC\x8A" "se", -1, NULL));
  g_assert_cmpstr (iku_grid_get_cell (g, 0, 0), ==, "Åse");
}

static void
test_invalid_utf8_refused (void)
{
  g_autoptr(IkuGrid) g = iku_grid_new ("Ark");
  g_autoptr(GError) error = NULL;
  g_assert_false (iku_grid_set_cell (g, 1, 1, "S\xF8ren", -1, &error));
  g_assert_error (error, IKU_GRID_ERROR, IKU_GRID_ERROR_INVALID_TEXT);
  g_assert_nonnull (strstr (error->message, "B2"));
  g_assert_nonnull (strstr (error->message, "Ark"));
  g_assert_null (iku_grid_get_cell (g, 1, 1));
}

static void
test_bounds (void)
{
  g_autoptr(IkuGrid) g = iku_grid_new ("Ark");
  g_autoptr(GError) error = NULL;
  g_autofree char *big = g_strnfill (IKU_MAX_CELL_BYTES + 1, 'a');
  /* Not an error: recorded, and reading goes on. */
  g_assert_true (iku_grid_set_cell (g, 0, 0, big, -1, &error));
  g_assert_no_error (error);
  g_assert_true (iku_grid_is_refused_cell (g, 0, 0));
  g_assert_null (iku_grid_get_cell (g, 0, 0));
  big[IKU_MAX_CELL_BYTES] = '\0';
  g_assert_true (iku_grid_set_cell (g, 0, 0, big, -1, &error));
  g_assert_false (iku_grid_is_refused_cell (g, 0, 0));
  g_assert_true (iku_grid_refuse_cell (g, 3, 1, &error));
  g_assert_true (iku_grid_is_refused_cell (g, 3, 1));
  g_assert_cmpuint (iku_grid_get_n_rows (g), ==, 4);
  g_assert_false (iku_grid_set_cell (g, IKU_MAX_ROWS, 0, "x", -1, &error));
  g_assert_error (error, IKU_GRID_ERROR, IKU_GRID_ERROR_TOO_LARGE);
  g_clear_error (&error);
  g_assert_false (iku_grid_set_cell (g, 0, IKU_MAX_COLS, "x", -1, &error));
  g_assert_error (error, IKU_GRID_ERROR, IKU_GRID_ERROR_TOO_LARGE);
}

static void
test_cell_cap (void)
{
  g_autoptr(IkuGrid) g = iku_grid_new ("Ark");
  g_autoptr(GError) error = NULL;
  for (guint i = 0; i < IKU_MAX_CELLS; i++)
    g_assert_true (iku_grid_set_cell (g, i / 4, i % 4, "x", 1, NULL));
  g_assert_true (iku_grid_set_cell (g, 0, 0, "replace is fine", -1, &error));
  g_assert_false (iku_grid_set_cell (g, IKU_MAX_CELLS, 0, "one too many", -1, &error));
  g_assert_error (error, IKU_GRID_ERROR, IKU_GRID_ERROR_TOO_LARGE);
}

static void
test_cell_names (void)
{
  const struct { guint row, col; const char *name; } cases[] = {
    { 0, 0, "A1" }, { 4, 1, "B5" }, { 9, 25, "Z10" }, { 0, 26, "AA1" },
    { 0, 701, "ZZ1" }, { 0, 702, "AAA1" }, { 1048575, 16383, "XFD1048576" },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = iku_grid_dup_cell_name (cases[i].row, cases[i].col);
      g_assert_cmpstr (name, ==, cases[i].name);
    }
}

static void
count_cell (guint row, guint col, const char *text, gpointer data)
{
  *(guint *) data += row * 10 + col;
}

static void
test_foreach (void)
{
  g_autoptr(IkuGrid) g = iku_grid_new ("A");
  g_assert_true (iku_grid_set_cell (g, 1, 2, "x", -1, NULL));
  g_assert_true (iku_grid_set_cell (g, 3, 0, "y", -1, NULL));
  guint sum = 0;
  iku_grid_foreach_cell (g, count_cell, &sum);
  g_assert_cmpuint (sum, ==, 12 + 30);
}

static void
test_book (void)
{
  g_autoptr(IkuBook) b = iku_book_new ();
  g_assert_cmpuint (iku_book_get_n_sheets (b), ==, 0);
  g_assert_cmpint (iku_book_get_active (b), ==, -1);
  iku_book_add_sheet (b, iku_grid_new ("Et"));
  iku_book_add_sheet (b, iku_grid_new ("To"));
  iku_book_set_active (b, 1);
  g_assert_cmpint (iku_book_get_active (b), ==, 1);
  g_assert_cmpstr (iku_grid_get_sheet_name (iku_book_get_sheet (b, 0)), ==, "Et");
}

static void
test_hidden_rows (void)
{
  g_autoptr(IkuGrid) g = iku_grid_new ("A");
  g_assert_false (iku_grid_has_hidden_rows (g));
  g_assert_false (iku_grid_is_row_hidden (g, 0));
  iku_grid_set_row_hidden (g, 3, TRUE);
  g_assert_true (iku_grid_has_hidden_rows (g));
  g_assert_false (iku_grid_is_row_hidden (g, 2));
  g_assert_true (iku_grid_is_row_hidden (g, 3));
  g_assert_false (iku_grid_is_row_hidden (g, 4));
  /* Hiding touches nothing else: no cell, no row count. */
  g_assert_cmpuint (iku_grid_get_n_rows (g), ==, 0);

  /* Ranges merge and split; the result is the same as row by row. */
  iku_grid_set_rows_hidden (g, 10, 5, TRUE);   /* 10..14 */
  iku_grid_set_rows_hidden (g, 4, 6, TRUE);    /* 4..9: joins 3 and 10..14 */
  iku_grid_set_rows_hidden (g, 20, 3, TRUE);   /* 20..22 */
  iku_grid_set_row_hidden (g, 7, FALSE);
  iku_grid_set_rows_hidden (g, 14, 7, FALSE);  /* 14..20 */
  gboolean expected[30] = { FALSE };
  for (guint r = 3; r <= 13; r++)
    expected[r] = r != 7;
  expected[21] = expected[22] = TRUE;
  for (guint r = 0; r < G_N_ELEMENTS (expected); r++)
    g_assert_cmpint (iku_grid_is_row_hidden (g, r), ==, expected[r]);

  /* Showing rows that touch a range but do not overlap it changes nothing. */
  iku_grid_set_rows_hidden (g, 0, 3, FALSE);
  iku_grid_set_row_hidden (g, 23, FALSE);
  for (guint r = 0; r < G_N_ELEMENTS (expected); r++)
    g_assert_cmpint (iku_grid_is_row_hidden (g, r), ==, expected[r]);

  /* A repeated row to the end of the sheet is cheap, and bounded. */
  iku_grid_set_rows_hidden (g, 1000, G_MAXUINT, TRUE);
  g_assert_true (iku_grid_is_row_hidden (g, IKU_MAX_ROWS - 1));
  g_assert_false (iku_grid_is_row_hidden (g, IKU_MAX_ROWS));
  g_assert_false (iku_grid_is_row_hidden (g, G_MAXUINT));
  iku_grid_set_row_hidden (g, G_MAXUINT, TRUE);   /* beyond the sheet: ignored */
  g_assert_false (iku_grid_is_row_hidden (g, G_MAXUINT));

  /* Everything shown again. */
  iku_grid_set_rows_hidden (g, 0, G_MAXUINT, FALSE);
  g_assert_false (iku_grid_has_hidden_rows (g));
}

/* Random operations agree with a plain array of flags. */
static void
test_hidden_rows_random (void)
{
  g_autoptr(IkuGrid) g = iku_grid_new ("A");
  gboolean model[200] = { FALSE };
  GRand *rand = g_rand_new_with_seed (15);
  for (guint step = 0; step < 2000; step++)
    {
      guint first = (guint) g_rand_int_range (rand, 0, 190);
      guint n = (guint) g_rand_int_range (rand, 1, 10);
      gboolean hidden = g_rand_boolean (rand);
      iku_grid_set_rows_hidden (g, first, n, hidden);
      for (guint r = first; r < first + n; r++)
        model[r] = hidden;
      for (guint r = 0; r < G_N_ELEMENTS (model); r++)
        g_assert_cmpint (iku_grid_is_row_hidden (g, r), ==, model[r]);
    }
  g_rand_free (rand);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/grid/set-get", test_set_get);
  g_test_add_func ("/grid/nfc", test_nfc);
  g_test_add_func ("/grid/invalid-utf8", test_invalid_utf8_refused);
  g_test_add_func ("/grid/bounds", test_bounds);
  g_test_add_func ("/grid/cell-cap", test_cell_cap);
  g_test_add_func ("/grid/cell-names", test_cell_names);
  g_test_add_func ("/grid/foreach", test_foreach);
  g_test_add_func ("/grid/book", test_book);
  g_test_add_func ("/grid/hidden-rows", test_hidden_rows);
  g_test_add_func ("/grid/hidden-rows/random", test_hidden_rows_random);
  return g_test_run ();
}
