/* SPDX-License-Identifier: GPL-3.0-or-later
 * The fonts of a document: see iku-pdf-private.h. Why this way (libharu 2.3.0):
 * its Unicode path builds and writes a map of all 65,536 codes per font and
 * document and embeds every table of the whole font, which made an IKU with one
 * Polish or Greek name five times slower and three times bigger than a Danish
 * one. A simple font costs the same whatever the script: each document's fonts
 * are subsets (iku-font-subset.c) whose cmap maps, for every code, the Unicode
 * value libharu's WinAnsiEncoding gives that code to the glyph of the character
 * the document assigned to it. libharu measures and embeds them like any
 * WinAnsi font; viewers find each code's glyph through the same encoding; our
 * /ToUnicode map gives the real characters back. */
#include "iku-pdf-fonts-private.h"

#include <string.h>

/* ---- The writer's fonts ---- */

/* libharu 2.3.0 crashes on malformed fonts: anything that is not a TrueType
 * file our reader accepts is refused before libharu sees it. */
static gboolean
fonts_read (IkuPdfFonts *fonts, guint style, const char *path, GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, &local);
  if (file == NULL)
    {
      g_set_error (error, IKU_PDF_ERROR, IKU_PDF_ERROR_FONT,
                   "Skrifttypen »%s« kan ikke læses: %s. Installer ikuflet igen.",
                   path, local->message);
      return FALSE;
    }
  const guint8 *bytes = (const guint8 *) g_mapped_file_get_contents (file);
  gsize len = g_mapped_file_get_length (file);
  static const guint8 truetype[4] = { 0x00, 0x01, 0x00, 0x00 };
  if (len < 12 || len > G_MAXUINT32
      || (memcmp (bytes, truetype, 4) != 0 && memcmp (bytes, "true", 4) != 0))
    {
      g_set_error (error, IKU_PDF_ERROR, IKU_PDF_ERROR_FONT,
                   "»%s« er ikke en TrueType-skrifttype. Installer ikuflet igen.", path);
      return FALSE;
    }
  fonts->paths[style] = g_strdup (path);
  fonts->data[style] = g_bytes_new (bytes, len);
  fonts->files[style] = iku_font_file_new (fonts->data[style], &local);
  if (fonts->files[style] == NULL)
    {
      g_set_error (error, IKU_PDF_ERROR, IKU_PDF_ERROR_FONT, "»%s«: %s", path, local->message);
      return FALSE;
    }
  return TRUE;
}

static int
compare_by_unicode (gconstpointer a, gconstpointer b, gpointer user_data)
{
  const gunichar *unicode = user_data;
  gunichar ua = unicode[*(const guint8 *) a], ub = unicode[*(const guint8 *) b];
  return ua < ub ? -1 : ua > ub;
}

/* The codes of libharu's own WinAnsiEncoding, as its encoder maps them. */
static gboolean
fonts_read_encoding (IkuPdfFonts *fonts, GError **error)
{
  g_autoptr(IkuPdfDoc) trial = iku_pdf_doc_new (error);
  if (trial == NULL)
    return FALSE;
  HPDF_Encoder encoder = HPDF_GetEncoder (trial->doc, HPDF_ENCODING_WIN_ANSI);
  if (!iku_pdf_doc_ok_handle (trial, encoder))
    return iku_pdf_doc_set_error (trial, error, IKU_PDF_ERROR_LIBHARU,
                                  "PDF-biblioteket mangler WinAnsiEncoding");
  fonts->winansi = g_hash_table_new (NULL, NULL);
  for (guint code = 0x21; code <= 0xFF; code++)
    {
      gunichar u = HPDF_Encoder_GetUnicode (encoder, (HPDF_UINT16) code);
      if (u <= 0x20 || code == 0x7F || code == 0xA0 || code == 0xAD
          || (code >= 0x80 && code < 0xA0 && u < 0x100)
          || g_hash_table_contains (fonts->winansi, GUINT_TO_POINTER (u)))
        continue;
      fonts->code_unicode[code] = u;
      g_hash_table_insert (fonts->winansi, GUINT_TO_POINTER (u), GUINT_TO_POINTER (code));
      fonts->by_unicode[fonts->n_usable++] = (guint8) code;
    }
  fonts->code_unicode[0x20] = 0x20;
  g_qsort_with_data (fonts->by_unicode, (gint) fonts->n_usable, 1, compare_by_unicode, fonts->code_unicode);
  return TRUE;
}

IkuPdfFonts *
iku_pdf_fonts_new (const char *regular_path, const char *bold_path, GError **error)
{
  g_autoptr(IkuPdfFonts) fonts = g_new0 (IkuPdfFonts, 1);
  const char *paths[IKU_FONT_N_STYLES] = { regular_path, bold_path };
  for (guint style = 0; style < IKU_FONT_N_STYLES; style++)
    if (!fonts_read (fonts, style, paths[style], error))
      return NULL;
  if (!fonts_read_encoding (fonts, error))
    return NULL;
  return g_steal_pointer (&fonts);
}

void
iku_pdf_fonts_free (IkuPdfFonts *fonts)
{
  if (fonts == NULL)
    return;
  for (guint style = 0; style < IKU_FONT_N_STYLES; style++)
    {
      g_free (fonts->paths[style]);
      g_clear_pointer (&fonts->files[style], iku_font_file_free);
      g_clear_pointer (&fonts->data[style], g_bytes_unref);
    }
  g_clear_pointer (&fonts->winansi, g_hash_table_unref);
  g_free (fonts);
}

/* ---- A document's fonts: assigning codes ---- */

void
iku_pdf_doc_fonts_free (IkuPdfDocFonts *f)
{
  if (f == NULL)
    return;
  for (guint style = 0; style < IKU_FONT_N_STYLES; style++)
    {
      g_clear_pointer (&f->fonts[style], g_array_unref);
      g_clear_pointer (&f->codes[style], g_hash_table_unref);
    }
  g_string_free (f->run, TRUE);
  g_string_free (f->out, TRUE);
  g_free (f);
}

/* Opens fonts of @style up to number @font: each has the space at 0x20. */
static void
doc_fonts_open (IkuPdfDocFonts *f, guint style, guint font)
{
  while (f->fonts[style]->len <= font)
    {
      DocFont empty = { .chars = { [0x20] = ' ' } };
      g_array_append_val (f->fonts[style], empty);
    }
}

static void
doc_fonts_assign (IkuPdfDocFonts *f, guint style, guint font, guint code, gunichar c)
{
  doc_fonts_open (f, style, font);
  g_array_index (f->fonts[style], DocFont, font).chars[code] = c;
  g_hash_table_insert (f->codes[style], GUINT_TO_POINTER (c),
                       GUINT_TO_POINTER (((font << 8) | code) + 1));
}

/* A free code for @c: the first font's, then further fonts' as they fill. */
static void
doc_fonts_assign_free (IkuPdfDocFonts *f, const IkuPdfFonts *fonts, guint style, gunichar c)
{
  for (guint font = 0;; font++)
    {
      doc_fonts_open (f, style, font);
      DocFont *df = &g_array_index (f->fonts[style], DocFont, font);
      while (df->next_free < fonts->n_usable && df->chars[fonts->by_unicode[df->next_free]] != 0)
        df->next_free++;
      if (df->next_free < fonts->n_usable)
        {
          doc_fonts_assign (f, style, font, fonts->by_unicode[df->next_free], c);
          return;
        }
    }
}

/* Every character of @layouts gets a font and a code: its Windows-1252 code in
 * the first font where it has one (most Danish text), else a free one. */
static void
doc_fonts_assign_all (IkuPdfDocFonts *f, const IkuPdfFonts *fonts,
                      const IkuLayout * const *layouts, guint n_layouts)
{
  g_autoptr(GArray) pending_regular = g_array_new (FALSE, FALSE, sizeof (gunichar));
  g_autoptr(GArray) pending_bold = g_array_new (FALSE, FALSE, sizeof (gunichar));
  GArray *pending[IKU_FONT_N_STYLES] = { pending_regular, pending_bold };
  for (guint style = 0; style < IKU_FONT_N_STYLES; style++)
    {
      f->fonts[style] = g_array_new (FALSE, FALSE, sizeof (DocFont));
      f->codes[style] = g_hash_table_new (NULL, NULL);
      doc_fonts_assign (f, style, 0, 0x20, ' ');
    }
  for (guint l = 0; l < n_layouts; l++)
    for (guint page = 0; page < iku_layout_get_n_pages (layouts[l]); page++)
      {
        guint n_ops = 0;
        const IkuDrawOp *ops = iku_layout_get_page_ops (layouts[l], page, &n_ops);
        for (guint i = 0; i < n_ops; i++)
          {
            if (ops[i].kind != IKU_DRAW_TEXT)
              continue;
            guint style = ops[i].style;
            for (const char *p = ops[i].text; *p != '\0'; p = g_utf8_next_char (p))
              {
                gunichar c = g_utf8_get_char (p);
                if (g_hash_table_contains (f->codes[style], GUINT_TO_POINTER (c)))
                  continue;
                guint code = GPOINTER_TO_UINT (g_hash_table_lookup (fonts->winansi,
                                                                    GUINT_TO_POINTER (c)));
                if (code != 0)
                  doc_fonts_assign (f, style, 0, code, c);
                else
                  {
                    /* Noted once; assigned when every Windows-1252 code is placed. */
                    g_hash_table_insert (f->codes[style], GUINT_TO_POINTER (c), NULL);
                    g_array_append_val (pending[style], c);
                  }
              }
          }
      }
  for (guint style = 0; style < IKU_FONT_N_STYLES; style++)
    for (guint i = 0; i < pending[style]->len; i++)
      doc_fonts_assign_free (f, fonts, style, g_array_index (pending[style], gunichar, i));
}

/* ---- A document's fonts: into the PDF ----
 * The font objects are written here, not by libharu's font layer: libharu would
 * parse each subset again, keep its own copy, and write it back byte by byte. */

/* "<bfchar>" lines from each used code to its character (UTF-16BE). */
static char *
make_to_unicode (const DocFont *df)
{
  GString *cmap = g_string_new (
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n");
  guint codes[256];
  guint n = 0;
  for (guint code = 0; code < 256; code++)
    if (df->chars[code] != 0 && df->chars[code] <= 0xFFFF)
      codes[n++] = code;
  static const char hex[] = "0123456789ABCDEF";
  for (guint i = 0; i < n; i += 100)
    {
      guint k = MIN (100, n - i);
      g_string_append_printf (cmap, "%u beginbfchar\n", k);
      for (guint j = i; j < i + k; j++)
        {
          guint code = codes[j], c = df->chars[code];
          char line[] = { '<', hex[code >> 4], hex[code & 15], '>', ' ', '<', hex[c >> 12],
                          hex[(c >> 8) & 15], hex[(c >> 4) & 15], hex[c & 15], '>', '\n' };
          g_string_append_len (cmap, line, sizeof line);
        }
      g_string_append (cmap, "endbfchar\n");
    }
  g_string_append (cmap, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
  return g_string_free (cmap, FALSE);
}

/* A new stream object with @len bytes of @data, compressed. */
static HPDF_Dict
new_stream (IkuPdfDoc *d, const void *data, gsize len)
{
  HPDF_Dict stream = HPDF_DictStream_New (d->doc->mmgr, d->doc->xref);
  if (!iku_pdf_doc_ok_handle (d, stream)
      || !iku_pdf_doc_ok (d, HPDF_Stream_Write (stream->stream, data, (HPDF_UINT) len)))
    return NULL;
  stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  return stream;
}

/* A new indirect dictionary. */
static HPDF_Dict
new_object (IkuPdfDoc *d)
{
  HPDF_Dict dict = HPDF_Dict_New (d->doc->mmgr);
  if (!iku_pdf_doc_ok_handle (d, dict) || !iku_pdf_doc_ok (d, HPDF_Xref_Add (d->doc->xref, dict)))
    return NULL;
  return dict;
}

static HPDF_INT32
scaled (gint value, guint units_per_em)
{
  return (HPDF_INT32) ((value * 1000 + (value < 0 ? -(gint) units_per_em : (gint) units_per_em) / 2)
                       / (gint) units_per_em);
}

static HPDF_Dict
make_descriptor (IkuPdfDoc *d, const IkuFontFile *file, const char *name, GBytes *subset)
{
  IkuFontFileMetrics m;
  iku_font_file_get_metrics (file, &m);
  guint em = m.units_per_em;
  HPDF_Dict desc = new_object (d);
  HPDF_Array bbox = HPDF_Array_New (d->doc->mmgr);
  gsize len = 0;
  const void *data = g_bytes_get_data (subset, &len);
  HPDF_Dict font_file = desc != NULL ? new_stream (d, data, len) : NULL;
  if (font_file == NULL || !iku_pdf_doc_ok_handle (d, bbox))
    return NULL;
  gboolean ok = iku_pdf_doc_ok (d, HPDF_Dict_AddNumber (font_file, "Length1", (HPDF_INT32) len))
                && iku_pdf_doc_ok (d, HPDF_Dict_AddName (desc, "Type", "FontDescriptor"))
                && iku_pdf_doc_ok (d, HPDF_Dict_AddName (desc, "FontName", name))
                && iku_pdf_doc_ok (d, HPDF_Dict_AddNumber (desc, "Flags", 32))   /* nonsymbolic */
                && iku_pdf_doc_ok (d, HPDF_Dict_Add (desc, "FontBBox", bbox));
  const gint box[] = { m.x_min, m.y_min, m.x_max, m.y_max };
  for (guint i = 0; ok && i < G_N_ELEMENTS (box); i++)
    ok = iku_pdf_doc_ok (d, HPDF_Array_AddNumber (bbox, scaled (box[i], em)));
  ok = ok
       && iku_pdf_doc_ok (d, HPDF_Dict_AddReal (desc, "ItalicAngle", (HPDF_REAL) m.italic_angle))
       && iku_pdf_doc_ok (d, HPDF_Dict_AddNumber (desc, "Ascent", scaled (m.ascent, em)))
       && iku_pdf_doc_ok (d, HPDF_Dict_AddNumber (desc, "Descent", scaled (m.descent, em)))
       && iku_pdf_doc_ok (d, HPDF_Dict_AddNumber (desc, "CapHeight", scaled (m.cap_height, em)))
       && iku_pdf_doc_ok (d, HPDF_Dict_AddNumber (desc, "StemV", 80))
       && iku_pdf_doc_ok (d, HPDF_Dict_Add (desc, "FontFile2", font_file));
  return ok ? desc : NULL;
}

/* The font object for @df: a simple TrueType font in WinAnsiEncoding whose
 * embedded subset maps each code to the glyph of the character it stands for. */
static gboolean
doc_font_build (IkuPdfDoc *d, const IkuPdfFonts *fonts, guint style, DocFont *df,
                const char *tag, GError **error)
{
  gunichar chars[256];
  guint16 cmap_codes[256];
  guint n = 0;
  chars[n] = ' ';
  cmap_codes[n++] = 0x20;
  for (guint i = 0; i < fonts->n_usable; i++)
    {
      guint code = fonts->by_unicode[i];
      if (df->chars[code] != 0)
        {
          chars[n] = df->chars[code];
          cmap_codes[n++] = (guint16) fonts->code_unicode[code];
        }
    }
  const IkuFontFile *file = fonts->files[style];
  g_autoptr(GError) local = NULL;
  g_autoptr(GBytes) subset = iku_font_file_subset (file, chars, cmap_codes, n, &local);
  if (subset == NULL)
    {
      g_set_error (error, IKU_PDF_ERROR, IKU_PDF_ERROR_FONT, "»%s«: %s", fonts->paths[style],
                   local->message);
      return FALSE;
    }

  g_autofree char *name = g_strdup_printf ("%s+IkufletSans-%s", tag,
                                           style == IKU_FONT_BOLD ? "Bold" : "Regular");
  IkuFontFileMetrics m;
  iku_font_file_get_metrics (file, &m);
  guint last = 0x20;
  for (guint code = 0x21; code < 256; code++)
    if (df->chars[code] != 0)
      last = code;
  df->font = new_object (d);
  HPDF_Array widths = HPDF_Array_New (d->doc->mmgr);
  g_autofree char *cmap = make_to_unicode (df);
  HPDF_Dict to_unicode = df->font != NULL ? new_stream (d, cmap, strlen (cmap)) : NULL;
  HPDF_Dict desc = to_unicode != NULL ? make_descriptor (d, file, name, subset) : NULL;
  gboolean ok = desc != NULL && iku_pdf_doc_ok_handle (d, widths)
                && iku_pdf_doc_ok (d, HPDF_Dict_AddName (df->font, "Type", "Font"))
                && iku_pdf_doc_ok (d, HPDF_Dict_AddName (df->font, "Subtype", "TrueType"))
                && iku_pdf_doc_ok (d, HPDF_Dict_AddName (df->font, "BaseFont", name))
                && iku_pdf_doc_ok (d, HPDF_Dict_AddNumber (df->font, "FirstChar", 32))
                && iku_pdf_doc_ok (d, HPDF_Dict_AddNumber (df->font, "LastChar", (HPDF_INT32) last))
                && iku_pdf_doc_ok (d, HPDF_Dict_Add (df->font, "Widths", widths))
                && iku_pdf_doc_ok (d, HPDF_Dict_AddName (df->font, "Encoding", "WinAnsiEncoding"))
                && iku_pdf_doc_ok (d, HPDF_Dict_Add (df->font, "FontDescriptor", desc))
                && iku_pdf_doc_ok (d, HPDF_Dict_Add (df->font, "ToUnicode", to_unicode));
  for (guint code = 32; ok && code <= last; code++)
    {
      gunichar c = df->chars[code];
      HPDF_INT32 w = c != 0 ? scaled ((gint) iku_font_file_advance (file, c), m.units_per_em) : 0;
      ok = iku_pdf_doc_ok (d, HPDF_Array_AddNumber (widths, w));
    }
  g_snprintf (df->resource, sizeof df->resource, "F%c%u", style == IKU_FONT_BOLD ? 'B' : 'R',
              (guint) (df - &g_array_index (d->fonts->fonts[style], DocFont, 0)));
  if (!ok)
    return iku_pdf_doc_set_error (d, error, IKU_PDF_ERROR_FONT,
                                  "Skrifttypen kunne ikke gøres klar til PDF-filen");
  return TRUE;
}

gboolean
iku_pdf_doc_load_fonts (IkuPdfDoc               *d,
                        const IkuPdfFonts       *fonts,
                        const IkuLayout * const *layouts,
                        guint                    n_layouts,
                        GError                 **error)
{
  g_return_val_if_fail (d->fonts == NULL, FALSE);
  IkuPdfDocFonts *f = d->fonts = g_new0 (IkuPdfDocFonts, 1);
  f->run = g_string_sized_new (256);
  f->out = g_string_sized_new (512);
  doc_fonts_assign_all (f, fonts, layouts, n_layouts);
  for (guint style = 0; style < IKU_FONT_N_STYLES; style++)
    for (guint i = 0; i < f->fonts[style]->len; i++)
      {
        /* IKUR.., IKUB..: style and number, for readers of the file. */
        char tag[7] = { 'I', 'K', 'U', style == IKU_FONT_BOLD ? 'B' : 'R',
                        (char) ('A' + i / 26 % 26), (char) ('A' + i % 26), '\0' };
        if (!doc_font_build (d, fonts, style, &g_array_index (f->fonts[style], DocFont, i),
                             tag, error))
          return FALSE;
      }
  return TRUE;
}

gboolean
iku_pdf_doc_add_font_resources (IkuPdfDoc *d, HPDF_Page page)
{
  HPDF_Dict resources = HPDF_Dict_GetItem (page, "Resources", HPDF_OCLASS_DICT);
  HPDF_Dict dict = HPDF_Dict_New (d->doc->mmgr);
  if (!iku_pdf_doc_ok_handle (d, resources) || !iku_pdf_doc_ok_handle (d, dict)
      || !iku_pdf_doc_ok (d, HPDF_Dict_Add (resources, "Font", dict)))
    return FALSE;
  for (guint style = 0; style < IKU_FONT_N_STYLES; style++)
    for (guint i = 0; i < d->fonts->fonts[style]->len; i++)
      {
        const DocFont *df = &g_array_index (d->fonts->fonts[style], DocFont, i);
        if (!iku_pdf_doc_ok (d, HPDF_Dict_Add (dict, df->resource, df->font)))
          return FALSE;
      }
  return TRUE;
}

