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
#include "iku-pdf-private.h"

#include "iku-font-subset.h"

#include <string.h>

/* Codes a document can assign: printable, with a glyph name in WinAnsiEncoding
 * that maps back to one character. Not 0xA0 and 0xAD, which the encoding names
 * "space" and "hyphen" (a viewer would look up those glyphs instead). */
#define MAX_CODES 224

struct _IkuPdfFonts
{
  char        *paths[IKU_FONT_N_STYLES];
  GBytes      *data[IKU_FONT_N_STYLES];
  IkuFontFile *files[IKU_FONT_N_STYLES];
  gunichar     code_unicode[256];            /* libharu's WinAnsiEncoding */
  guint8       by_unicode[MAX_CODES];        /* usable codes but space, by code_unicode */
  guint        n_usable;
  GHashTable  *winansi;                      /* Unicode -> usable code */
};

/* One font of a document. */
typedef struct {
  HPDF_Font font;
  gunichar  chars[256];   /* by code; 0: free */
  guint     next_free;    /* in by_unicode order: where to look for a free code */
} DocFont;

struct _IkuPdfDocFonts
{
  GArray     *fonts[IKU_FONT_N_STYLES];   /* of DocFont */
  GHashTable *codes[IKU_FONT_N_STYLES];   /* character -> (font << 8 | code) + 1 */
  GString    *run;
};

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

/* ---- A document's fonts: into libharu ---- */

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
  for (guint i = 0; i < n; i += 100)
    {
      guint k = MIN (100, n - i);
      g_string_append_printf (cmap, "%u beginbfchar\n", k);
      for (guint j = i; j < i + k; j++)
        g_string_append_printf (cmap, "<%02X> <%04X>\n", codes[j], (guint) df->chars[codes[j]]);
      g_string_append (cmap, "endbfchar\n");
    }
  g_string_append (cmap, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
  return g_string_free (cmap, FALSE);
}

static gboolean
doc_font_add_to_unicode (IkuPdfDoc *d, const DocFont *df)
{
  HPDF_Dict stream = HPDF_DictStream_New (d->doc->mmgr, d->doc->xref);
  if (!iku_pdf_doc_ok_handle (d, stream)
      || !iku_pdf_doc_ok (d, HPDF_Dict_Add (df->font, "ToUnicode", stream)))
    return FALSE;
  g_autofree char *cmap = make_to_unicode (df);
  stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  return iku_pdf_doc_ok (d, HPDF_Stream_WriteStr (stream->stream, cmap));
}

/* The subset for @df into the document from memory, as tag @tag (6 capitals):
 * what HPDF_LoadTTFontFromFile() does, without its file reader, which costs a
 * seek and a small read for every field libharu parses. */
static gboolean
doc_font_load (IkuPdfDoc *d, const IkuPdfFonts *fonts, guint style, DocFont *df,
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
  g_autoptr(GError) local = NULL;
  g_autoptr(GBytes) subset = iku_font_file_subset (fonts->files[style], chars, cmap_codes, n,
                                                   &local);
  if (subset == NULL)
    {
      g_set_error (error, IKU_PDF_ERROR, IKU_PDF_ERROR_FONT, "»%s«: %s", fonts->paths[style],
                   local->message);
      return FALSE;
    }

  gsize len = 0;
  const HPDF_BYTE *data = g_bytes_get_data (subset, &len);
  HPDF_MMgr mmgr = d->doc->mmgr;
  HPDF_Stream stream = HPDF_MemStream_New (mmgr, (HPDF_UINT) len);
  HPDF_FontDef def = NULL;
  if (iku_pdf_doc_ok_handle (d, stream))
    {
      if (iku_pdf_doc_ok (d, HPDF_Stream_Write (stream, data, (HPDF_UINT) len)))
        /* Takes the stream, also when it fails. */
        def = HPDF_TTFontDef_Load (mmgr, stream, HPDF_TRUE);
      else
        HPDF_Stream_Free (stream);
    }
  if (def != NULL)
    {
      /* The name written (/BaseFont) gets the tag; the name the document knows
       * the definition by too, before registering, which refuses a second
       * subset of one style under the same name. */
      HPDF_TTFontDef_SetTagName (def, (char *) tag);
      g_autofree char *name = g_strdup_printf ("%s+%s", tag, def->base_font);
      g_strlcpy (def->base_font, name, sizeof def->base_font);
    }
  /* Takes the definition, also when it fails. */
  if (!iku_pdf_doc_ok_handle (d, def) || !iku_pdf_doc_ok (d, HPDF_Doc_RegisterFontDef (d->doc, def)))
    {
      g_autofree char *what = g_strdup_printf ("Skrifttypen »%s« kunne ikke indlæses",
                                               fonts->paths[style]);
      return iku_pdf_doc_set_error (d, error, IKU_PDF_ERROR_FONT, what);
    }
  df->font = HPDF_GetFont (d->doc, def->base_font, HPDF_ENCODING_WIN_ANSI);
  if (!iku_pdf_doc_ok_handle (d, df->font) || !doc_font_add_to_unicode (d, df))
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
  doc_fonts_assign_all (f, fonts, layouts, n_layouts);
  for (guint style = 0; style < IKU_FONT_N_STYLES; style++)
    for (guint i = 0; i < f->fonts[style]->len; i++)
      {
        /* IKUR.., IKUB..: style and number, for readers of the file. */
        char tag[7] = { 'I', 'K', 'U', style == IKU_FONT_BOLD ? 'B' : 'R',
                        (char) ('A' + i / 26 % 26), (char) ('A' + i % 26), '\0' };
        if (!doc_font_load (d, fonts, style, &g_array_index (f->fonts[style], DocFont, i),
                            tag, error))
          return FALSE;
      }
  return TRUE;
}

/* ---- Drawing text ---- */

static gboolean
show_run (IkuPdfDoc *d, HPDF_Page page, const IkuDrawOp *op, HPDF_Font font, gboolean first)
{
  if ((HPDF_Page_GetCurrentFont (page) != font
       || HPDF_Page_GetCurrentFontSize (page) != (HPDF_REAL) op->size)
      && !iku_pdf_doc_ok (d, HPDF_Page_SetFontAndSize (page, font, (HPDF_REAL) op->size)))
    return FALSE;
  const char *bytes = d->fonts->run->str;
  return iku_pdf_doc_ok (d, first ? HPDF_Page_TextOut (page, (HPDF_REAL) op->x,
                                                       (HPDF_REAL) op->y, bytes)
                                  : HPDF_Page_ShowText (page, bytes));
}

gboolean
iku_pdf_doc_show_text (IkuPdfDoc *d, HPDF_Page page, const IkuDrawOp *op)
{
  IkuPdfDocFonts *f = d->fonts;
  GArray *fonts = f->fonts[op->style];
  GString *run = f->run;
  g_string_truncate (run, 0);
  gint run_font = -1;
  gboolean first = TRUE;
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
          if (!show_run (d, page, op, g_array_index (fonts, DocFont, run_font).font, first))
            return FALSE;
          first = FALSE;
          g_string_truncate (run, 0);
        }
      run_font = font;
      g_string_append_c (run, (char) ((entry - 1) & 0xFF));
    }
  return run->len == 0
         || show_run (d, page, op, g_array_index (fonts, DocFont, run_font).font, first);
}
