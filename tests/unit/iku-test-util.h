/* SPDX-License-Identifier: GPL-3.0-or-later
 * Helpers shared by the unit tests: grids from a compact text form, temporary
 * folders, and PDF checks by independent tools (poppler-utils, qpdf). */
#pragma once

#include <glib.h>
#include "iku-grid.h"
#include "iku-schema.h"

/* A grid from rows separated by '\n' and cells separated by '|'; the two
 * characters "\\n" inside a cell become a line break, "\\|" a literal '|'.
 * Example: "Navn|Individuelt fokus|Teamfokus\nAnne|Kursus|Møder". */
IkuGrid *iku_test_grid_new (const char *sheet_name, const char *spec);

/* Asserts every cell of @grid (sheet @sheet_name) equals that of
 * iku_test_grid_new (@sheet_name, @spec), naming the first cell that differs. */
void iku_test_assert_grid_cells (const IkuGrid *grid, const char *sheet_name, const char *spec);

/* The contents of the file at @path; asserts it can be read. */
GBytes *iku_test_load_bytes (const char *path);

/* The schema of iku_test_grid_new ("Skema", @spec); asserts it has no error. */
IkuSchema *iku_test_schema_new (const char *spec);

/* Entries of a folder (0 when it does not exist). */
guint iku_test_count_entries (const char *dir);

/* A new empty folder under the system temp dir, removed (recursively) at exit
 * of the test program unless IKUFLET_KEEP_TEST_FILES is set. (transfer full) */
char *iku_test_make_temp_dir (void);

/* Writes @bytes to @dir/@name; returns the path. (transfer full) */
char *iku_test_write_bytes (const char *dir, const char *name, GBytes *bytes);

/* Runs a command; fails the test when it cannot be started. Returns its exit
 * status (0 = success) and its outputs when asked for. */
int iku_test_run (const char * const *argv, char **out, char **err);

/* pdftotext of @pdf (UTF-8, reading order); asserts poppler printed nothing on
 * stderr (no warnings) and exited 0. (transfer full) */
char *iku_test_pdf_text (const char *pdf);

/* Asserts qpdf --check passes, pdffonts lists only embedded fonts, and
 * pdftotext prints no warning. */
void iku_test_assert_pdf_sound (const char *pdf);

/* pdfinfo's value for @key ("Title", "Author", "Pages", ...). (transfer full) */
char *iku_test_pdf_info (const char *pdf, const char *key);

/* Collapses every run of white space (also line breaks) to one space, so that
 * texts can be compared regardless of where the layout broke lines. (transfer full) */
char *iku_test_squash_space (const char *text);
