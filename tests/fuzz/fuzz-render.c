/* SPDX-License-Identifier: GPL-3.0-or-later
 * libFuzzer harness: arbitrary text as a sheet -> schema -> layout -> PDF in
 * memory, for the first employees, their team plan and their combined print file. Rows are separated by '\n', cells by '\t',
 * and '\r' inside a cell is a line break, so the fuzzer reaches every schema
 * rule and every layout path (bullets, long words, many pages, odd scripts). */
#include "iku-layout.h"
#include "iku-pdf.h"
#include "iku-resources.h"
#include "iku-schema.h"

#include <stdint.h>
#include <string.h>

#define MAX_EMPLOYEES 3

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Loaded once: the fonts and wording do not change between inputs. */
static IkuResources *resources;
static IkuPdfWriter *writer;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;
  const char *dir = g_getenv ("IKUFLET_DATA_DIR");
  resources = iku_resources_new_from_dir (dir != NULL ? dir : ".", &error);
  if (resources == NULL)
    g_error ("fuzz-render needs IKUFLET_DATA_DIR: %s", error->message);
  writer = iku_pdf_writer_new (iku_resources_get_font_regular (resources),
                               iku_resources_get_font_bold (resources), &error);
  if (writer == NULL)
    g_error ("fuzz-render: %s", error->message);
  return 0;
}

static IkuGrid *
grid_from_text (const uint8_t *data, size_t size)
{
  IkuGrid *grid = iku_grid_new ("Fuzz");
  guint row = 0, col = 0;
  GString *cell = g_string_new (NULL);
  for (size_t i = 0; i <= size; i++)
    {
      char c = i < size ? (char) data[i] : '\n';
      if (c == '\t' || c == '\n')
        {
          /* Bad cells are refused by the grid; that refusal is under test too. */
          if (!iku_grid_set_cell (grid, row, col, cell->str, (gssize) cell->len, NULL))
            g_assert (cell->len > 0);
          g_string_truncate (cell, 0);
          col = c == '\t' ? col + 1 : 0;
          row += c == '\n';
          if (row > 5000 || col > 64)
            break;
          continue;
        }
      g_string_append_c (cell, c == '\r' ? '\n' : c);
    }
  g_string_free (cell, TRUE);
  return grid;
}

static void
check_pdf (GBytes *pdf, const GError *error)
{
  g_assert (pdf != NULL || error != NULL);
  if (pdf != NULL)
    {
      gsize len = 0;
      const char *bytes = g_bytes_get_data (pdf, &len);
      g_assert (len > 8 && memcmp (bytes, "%PDF-", 5) == 0);
    }
}

/* Every output: each IKU, the team plan, and the combined print file of the
 * IKUs laid out. */
int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(IkuGrid) grid = grid_from_text (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuSchema) schema = iku_schema_new_from_grid (grid, &error);
  if (schema == NULL)
    return 0;
  const IkuWording *wording = iku_resources_get_wording (resources);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func ((GDestroyNotify) iku_layout_free);
  guint n = MIN (iku_schema_get_n_employees (schema), MAX_EMPLOYEES);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) layout_error = NULL;
      IkuLayout *layout = iku_layout_new (schema, i, "1. januar 2026", wording, &layout_error);
      if (layout == NULL)
        continue;
      g_ptr_array_add (layouts, layout);
      g_autoptr(GError) pdf_error = NULL;
      g_autoptr(GBytes) pdf = iku_pdf_writer_render (writer, layout, &pdf_error);
      check_pdf (pdf, pdf_error);
    }

  g_autoptr(GError) plan_error = NULL;
  g_autoptr(IkuLayout) plan = iku_layout_new_team_plan (schema, NULL, wording, &plan_error);
  if (plan != NULL)
    {
      g_autoptr(GError) pdf_error = NULL;
      g_autoptr(GBytes) pdf = iku_pdf_writer_render (writer, plan, &pdf_error);
      check_pdf (pdf, pdf_error);
    }
  if (layouts->len > 0)
    {
      g_autoptr(GError) pdf_error = NULL;
      g_autoptr(GBytes) pdf = iku_pdf_writer_render_combined (
          writer, (const IkuLayout * const *) layouts->pdata, layouts->len, "IKU'er samlet",
          iku_schema_get_leader (schema), &pdf_error);
      check_pdf (pdf, pdf_error);
    }
  return 0;
}
