/* SPDX-License-Identifier: GPL-3.0-or-later
 * bench-ods SKEMA ROUNDS: times the reader (any format: .ods, .xlsx, .xlsm, told
 * by content) and the schema rules on one file, ROUNDS times in one process,
 * and prints one JSON object on stdout:
 *   {"read_ms": [...], "schema_ms": [...], "employees": N, "sheets": N}
 * For tests/bench/bench.py; not a test. */
#include "iku-book-read.h"
#include "iku-schema.h"

#include <locale.h>
#include <stdio.h>

static double
ms_since (gint64 start)
{
  return (double) (g_get_monotonic_time () - start) / 1000.0;
}

static void
append_times (GString *json, const char *key, const GArray *times)
{
  g_string_append_printf (json, "\"%s\": [", key);
  for (guint i = 0; i < times->len; i++)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];
      g_ascii_formatd (number, sizeof number, "%.3f", g_array_index (times, double, i));
      g_string_append_printf (json, "%s%s", i > 0 ? ", " : "", number);
    }
  g_string_append (json, "], ");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  guint64 rounds = 0;
  if (argc != 3 || !g_ascii_string_to_unsigned (argv[2], 10, 1, 1000, &rounds, NULL))
    {
      fprintf (stderr, "Brug: bench-ods SKEMA.{ods,xlsx,xlsm} RUNDER (1-1000)\n");
      return 2;
    }

  g_autoptr(GArray) read_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) schema_ms = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_employees = 0;
  guint n_sheets = 0;
  for (guint64 round = 0; round < rounds; round++)
    {
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();
      g_autoptr(IkuBook) book = iku_book_read_file (argv[1], &error);
      double read = ms_since (start);
      if (book == NULL)
        {
          fprintf (stderr, "bench-ods: %s\n", error->message);
          return 1;
        }
      start = g_get_monotonic_time ();
      g_autoptr(IkuSchema) schema = iku_schema_new_from_book (book, &error);
      double rules = ms_since (start);
      if (schema == NULL)
        {
          fprintf (stderr, "bench-ods: %s\n", error->message);
          return 1;
        }
      g_array_append_val (read_ms, read);
      g_array_append_val (schema_ms, rules);
      n_employees = iku_schema_get_n_employees (schema);
      n_sheets = iku_book_get_n_sheets (book);
    }

  g_autoptr(GString) json = g_string_new ("{");
  append_times (json, "read_ms", read_ms);
  append_times (json, "schema_ms", schema_ms);
  g_string_append_printf (json, "\"employees\": %u, \"sheets\": %u}\n", n_employees, n_sheets);
  fputs (json->str, stdout);
  return 0;
}
