/* SPDX-License-Identifier: GPL-3.0-or-later
 * The text of a page, written into its content stream directly: one text
 * object, absolute positions (Tm), fonts and colour set on change, each text in
 * the codes iku-pdf-fonts.c gave its characters, split into runs where the
 * characters come from different fonts of one style. */
#include "iku-pdf-fonts-private.h"

#include <hpdf_pages.h>
#include <string.h>

static HPDF_Stream
page_stream (HPDF_Page page)
{
  return ((HPDF_PageAttr) page->attr)->stream;
}

/* @v with at most two decimals, whatever the locale. */
static void
append_number (GString *out, double v)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  g_ascii_formatd (buf, sizeof buf, "%.2f", v);
  gsize len = strlen (buf);
  while (len > 0 && buf[len - 1] == '0')
    len--;
  if (len > 0 && buf[len - 1] == '.')
    len--;
  if (len == 2 && buf[0] == '-' && buf[1] == '0')   /* "-0" from a tiny negative */
    g_string_append_c (out, '0');
  else
    g_string_append_len (out, buf, (gssize) len);
  g_string_append_c (out, ' ');
}

gboolean
iku_pdf_doc_begin_text (IkuPdfDoc *d, HPDF_Page page)
{
  d->fonts->current = NULL;
  d->fonts->current_size = 0.0;
  d->fonts->current_rgb = -1;
  return iku_pdf_doc_ok (d, HPDF_Stream_WriteStr (page_stream (page), "BT\n"));
}

gboolean
iku_pdf_doc_end_text (IkuPdfDoc *d, HPDF_Page page)
{
  return iku_pdf_doc_ok (d, HPDF_Stream_WriteStr (page_stream (page), "ET\n"));
}

/* The run's bytes as a literal string and Tj, after the font if it changed. */
static void
append_run (IkuPdfDocFonts *f, GString *out, const DocFont *df, double size, const GString *run)
{
  if (f->current != df || f->current_size != size)
    {
      g_string_append_printf (out, "/%s ", df->resource);
      append_number (out, size);
      g_string_append (out, "Tf\n");
      f->current = df;
      f->current_size = size;
    }
  g_string_append_c (out, '(');
  for (gsize i = 0; i < run->len; i++)
    {
      char c = run->str[i];
      if (c == '(' || c == ')' || c == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, c);
    }
  g_string_append (out, ") Tj\n");
}

gboolean
iku_pdf_doc_show_text (IkuPdfDoc *d, HPDF_Page page, const IkuDrawOp *op)
{
  IkuPdfDocFonts *f = d->fonts;
  GArray *fonts = f->fonts[op->style];
  GString *run = f->run, *out = f->out;
  g_string_truncate (out, 0);
  if ((gint64) op->rgb != f->current_rgb)
    {
      for (guint shift = 16;; shift -= 8)
        {
          append_number (out, ((op->rgb >> shift) & 0xFF) / 255.0);
          if (shift == 0)
            break;
        }
      g_string_append (out, "rg\n");
      f->current_rgb = op->rgb;
    }
  g_string_append (out, "1 0 0 1 ");
  append_number (out, op->x);
  append_number (out, op->y);
  g_string_append (out, "Tm\n");

  g_string_truncate (run, 0);
  gint run_font = -1;
  for (const char *p = op->text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      guint entry = GPOINTER_TO_UINT (g_hash_table_lookup (f->codes[op->style],
                                                           GUINT_TO_POINTER (c)));
      if (entry == 0)   /* not in the layouts the fonts were made for */
        return iku_pdf_doc_ok (d, HPDF_INVALID_PARAMETER);
      /* A space is code 0x20 in every font: it never splits a run. */
      gint font = c == ' ' && run_font >= 0 ? run_font : (gint) ((entry - 1) >> 8);
      if (font != run_font && run->len > 0)
        {
          append_run (f, out, &g_array_index (fonts, DocFont, run_font), op->size, run);
          g_string_truncate (run, 0);
        }
      run_font = font;
      g_string_append_c (run, (char) ((entry - 1) & 0xFF));
    }
  if (run->len > 0)
    append_run (f, out, &g_array_index (fonts, DocFont, run_font), op->size, run);
  return iku_pdf_doc_ok (d, HPDF_Stream_Write (page_stream (page), (const HPDF_BYTE *) out->str,
                                               (HPDF_UINT) out->len));
}
