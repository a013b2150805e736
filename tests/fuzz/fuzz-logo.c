/* SPDX-License-Identifier: GPL-3.0-or-later
 * libFuzzer harness: arbitrary bytes as a logo (PNG, JPEG or anything else);
 * a logo that passes the checks is laid out at the top of an IKU and drawn
 * into a PDF in memory, so a file the checks let through never breaks the
 * PDF either. */
#include "iku-layout.h"
#include "iku-logo.h"
#include "iku-pdf.h"
#include "iku-resources.h"
#include "iku-schema.h"

#include <stdint.h>

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* Loaded once: fonts, wording and the schema do not change between inputs. */
static IkuResources *resources;
static IkuPdfWriter *writer;
static IkuSchema    *schema;

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  g_autoptr(GError) error = NULL;
  const char *dir = g_getenv ("IKUFLET_DATA_DIR");
  resources = iku_resources_new_from_dir (dir != NULL ? dir : ".", &error);
  if (resources == NULL)
    g_error ("fuzz-logo needs IKUFLET_DATA_DIR: %s", error->message);
  writer = iku_pdf_writer_new (iku_resources_get_font_regular (resources),
                               iku_resources_get_font_bold (resources), &error);
  if (writer == NULL)
    g_error ("fuzz-logo: %s", error->message);
  g_autoptr(IkuGrid) grid = iku_grid_new ("Fuzz");
  const char *cells[2][3] = { { "Navn", "Individuelt fokus", "Teamfokus" },
                              { "Anne Hansen", "Kursus", "Møder" } };
  for (guint r = 0; r < 2; r++)
    for (guint c = 0; c < 3; c++)
      if (!iku_grid_set_cell (grid, r, c, cells[r][c], -1, &error))
        g_error ("fuzz-logo: %s", error->message);
  schema = iku_schema_new_from_grid (grid, &error);
  if (schema == NULL)
    g_error ("fuzz-logo: %s", error->message);
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuLogo) logo = iku_logo_new_from_data (data, size, "logo", &error);
  if (logo == NULL)
    {
      /* Refused: always with a reason. */
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }
  g_assert_cmpuint (iku_logo_get_width (logo), >, 0);
  g_assert_cmpuint (iku_logo_get_width (logo), <=, IKU_LOGO_MAX_PIXELS);
  g_assert_cmpuint (iku_logo_get_height (logo), <=, IKU_LOGO_MAX_PIXELS);
  g_autoptr(IkuLayout) layout = iku_layout_new_with_header (
      schema, 0, "1. januar 2026", iku_resources_get_wording (resources), "Fuzz Kommune", logo,
      &error);
  g_assert_no_error (error);
  g_autoptr(GBytes) pdf = iku_pdf_writer_render (writer, layout, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pdf);
  return 0;
}
