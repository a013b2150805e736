/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuPdfWriter: draws an IkuLayout with libharu 2.3.0, in memory. Each document
 * gets its own HPDF_Doc and its own copy of the fonts (libharu cannot share a
 * font between documents); libharu's errors are recorded by a handler that
 * returns, and every status is checked. See notes/libharu.md for the why.
 *
 * Two ways to put the text in the PDF, chosen per document:
 *  - single-byte: when every text the layout draws is in Windows-1252 (PDF's
 *    WinAnsiEncoding, which every viewer knows; iku-pdf-encoding.h says which
 *    two characters are left out), the fonts are simple TrueType fonts loaded
 *    from subsets cut down to that repertoire. This is most Danish IKUs, and
 *    several times quicker and smaller: libharu's Unicode path builds and writes
 *    a map of all 65,536 codes per font and document, and embeds the tables of
 *    the whole font.
 *  - Unicode: any other text goes in as UTF-8 and is written as two-byte CIDs
 *    (Identity-H) with our own ToUnicode map; it covers every script of the font.
 * Document info is written in PDFDocEncoding when it fits, else as UTF-16. */
#include "iku-pdf.h"

#include "iku-layout-private.h"
#include "iku-pdf-encoding.h"
#include "iku-pdf-tags.h"

#include <hpdf.h>
#include <string.h>

#ifndef IKUFLET_VERSION
#define IKUFLET_VERSION "unknown"
#endif

G_DEFINE_QUARK (iku-pdf-error-quark, iku_pdf_error)

/* A TrueType file, read once per writer. */
typedef struct {
  char   *path;
  GBytes *data;
} FontFile;

struct _IkuPdfWriter
{
  FontFile unicode_fonts[IKU_FONT_N_STYLES];
  FontFile winansi_fonts[IKU_FONT_N_STYLES];
  char    *to_unicode;   /* the ToUnicode CMap every Unicode font gets */
  gint64   fixed_time;   /* SOURCE_DATE_EPOCH, or -1: now */
};

/* The subset tags of the fonts' names ("HPDFAA+IkufletSans-Regular"): the
 * ones HPDF_LoadTTFontFromFile() would give them, in loading order. */
static const char *const font_tags[IKU_FONT_N_STYLES] = { "HPDFAA", "HPDFAB" };

/* The first error libharu reported for one document. */
typedef struct {
  HPDF_STATUS error;
  HPDF_STATUS detail;
} PdfFailure;

/* One document being built; heap-allocated because libharu keeps a pointer to
 * its failure record. */
typedef struct {
  HPDF_Doc   doc;
  PdfFailure failure;
  HPDF_Font  fonts[IKU_FONT_N_STYLES];
  gboolean   single_byte;    /* the fonts take Windows-1252, not UTF-8 */
  gboolean   utf_encodings;  /* HPDF_UseUTFEncodings() was called */
  GString   *encoded;        /* scratch: one text in Windows-1252 */
  IkuPdfTags *tags;
  guint      element_base;   /* of the layout being drawn, see iku_pdf_tags_add_elements() */
} PdfDoc;

static void HPDF_STDCALL
on_error (HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
  PdfFailure *failure = user_data;
  if (failure->error == HPDF_OK)
    {
      failure->error = error_no;
      failure->detail = detail_no;
    }
}

static void
pdf_doc_free (PdfDoc *d)
{
  if (d == NULL)
    return;
  if (d->doc != NULL)
    HPDF_Free (d->doc);
  g_string_free (d->encoded, TRUE);
  iku_pdf_tags_free (d->tags);
  g_free (d);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdfDoc, pdf_doc_free)

/* FALSE, with the failure recorded, when @status or an earlier call failed. */
static gboolean
pdf_ok (PdfDoc *d, HPDF_STATUS status)
{
  if (d->failure.error == HPDF_OK && status != HPDF_OK)
    d->failure.error = status;
  return d->failure.error == HPDF_OK;
}

/* For calls that return a handle: NULL is a failure even if libharu did not
 * say which. */
static gboolean
pdf_ok_handle (PdfDoc *d, const void *handle)
{
  if (handle == NULL && d->failure.error == HPDF_OK)
    d->failure.error = d->doc != NULL && HPDF_GetError (d->doc) != HPDF_OK
                         ? HPDF_GetError (d->doc) : HPDF_FAILD_TO_ALLOC_MEM;
  return d->failure.error == HPDF_OK;
}

static gboolean
set_failure (GError **error, IkuPdfError code, const PdfFailure *failure, const char *what)
{
  g_set_error (error, IKU_PDF_ERROR, code,
               "%s (libharu-fejl 0x%04X, detalje %u).", what,
               (unsigned) failure->error, (unsigned) failure->detail);
  return FALSE;
}

static PdfDoc *
pdf_doc_new (GError **error)
{
  g_autoptr(PdfDoc) d = g_new0 (PdfDoc, 1);
  d->encoded = g_string_sized_new (256);
  d->tags = iku_pdf_tags_new ();
  d->doc = HPDF_New (on_error, &d->failure);
  if (!pdf_ok_handle (d, d->doc)
      || !pdf_ok (d, HPDF_SetCompressionMode (d->doc, HPDF_COMP_ALL)))
    {
      set_failure (error, IKU_PDF_ERROR_LIBHARU, &d->failure,
                   "Et PDF-dokument kunne ikke oprettes");
      return NULL;
    }
  return g_steal_pointer (&d);
}

/* ---- Loading a font ---- */

/* Loads @font into the document from memory, under @tag: what
 * HPDF_LoadTTFontFromFile() does, without its file reader, which costs
 * hundreds of system calls per document (a seek and a small read for every
 * field libharu parses, and again for every glyph it embeds). Returns the name
 * for HPDF_GetFont(), or NULL with @error set. */
static const char *
pdf_doc_load_font (PdfDoc *d, const FontFile *font, const char *tag, GError **error)
{
  gsize len = 0;
  const HPDF_BYTE *data = g_bytes_get_data (font->data, &len);
  HPDF_MMgr mmgr = d->doc->mmgr;
  HPDF_Stream stream = HPDF_MemStream_New (mmgr, (HPDF_UINT) len);
  HPDF_FontDef def = NULL;
  if (pdf_ok_handle (d, stream))
    {
      if (pdf_ok (d, HPDF_Stream_Write (stream, data, (HPDF_UINT) len)))
        /* Takes the stream, also when it fails. */
        def = HPDF_TTFontDef_Load (mmgr, stream, HPDF_TRUE);
      else
        HPDF_Stream_Free (stream);
    }
  /* Takes the definition, also when it fails. */
  if (!pdf_ok_handle (d, def) || !pdf_ok (d, HPDF_Doc_RegisterFontDef (d->doc, def)))
    {
      g_autofree char *what = g_strdup_printf ("Skrifttypen »%s« kunne ikke indlæses", font->path);
      set_failure (error, IKU_PDF_ERROR_FONT, &d->failure, what);
      return NULL;
    }
  HPDF_TTFontDef_SetTagName (def, (char *) tag);
  return def->base_font;
}

/* ---- Choosing the path ---- */

/* TRUE when every text @layout draws can be drawn in Windows-1252. */
static gboolean
layout_fits_winansi (const IkuLayout *layout)
{
  for (guint page = 0; page < iku_layout_get_n_pages (layout); page++)
    {
      guint n_ops = 0;
      const IkuDrawOp *ops = iku_layout_get_page_ops (layout, page, &n_ops);
      for (guint i = 0; i < n_ops; i++)
        if (ops[i].kind == IKU_DRAW_TEXT
            && !iku_pdf_encode (IKU_PDF_ENCODING_WINANSI, ops[i].text, NULL))
          return FALSE;
    }
  return TRUE;
}

/* ---- Fonts: the single-byte path ---- */

static gboolean
pdf_doc_load_winansi_fonts (PdfDoc *d, const IkuPdfWriter *writer, GError **error)
{
  for (guint style = 0; style < IKU_FONT_N_STYLES; style++)
    {
      const char *name = pdf_doc_load_font (d, &writer->winansi_fonts[style], font_tags[style],
                                            error);
      if (name == NULL)
        return FALSE;
      d->fonts[style] = HPDF_GetFont (d->doc, name, HPDF_ENCODING_WIN_ANSI);
      if (!pdf_ok_handle (d, d->fonts[style]))
        return set_failure (error, IKU_PDF_ERROR_FONT, &d->failure,
                            "Skrifttypen kunne ikke gøres klar til PDF-filen");
    }
  d->single_byte = TRUE;
  return TRUE;
}

/* ---- Fonts: the Unicode path ----
 * Text goes in as UTF-8 and is written as two-byte CIDs equal to the code
 * points (Identity-H), which covers every script of the font. */

/* libharu 2.3.0 writes an invalid ToUnicode CMap (a "begincidrange" poppler
 * warns about). Ours maps every two-byte code to the same code point, in one
 * bfrange per high byte, surrogates left out. (transfer full) */
static char *
make_identity_to_unicode (void)
{
  GString *cmap = g_string_new (
      "/CIDInit /ProcSet findresource begin\n"
      "12 dict begin\n"
      "begincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n"
      "/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
  guint high[256];
  guint n_high = 0;
  for (guint h = 0; h < 256; h++)
    if (h < 0xD8 || h > 0xDF)
      high[n_high++] = h;
  /* At most 100 entries per bfrange section. */
  for (guint i = 0; i < n_high; i += 100)
    {
      guint n = MIN (100, n_high - i);
      g_string_append_printf (cmap, "%u beginbfrange\n", n);
      for (guint k = i; k < i + n; k++)
        g_string_append_printf (cmap, "<%02X00> <%02XFF> <%02X00>\n", high[k], high[k], high[k]);
      g_string_append (cmap, "endbfrange\n");
    }
  g_string_append (cmap, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
  return g_string_free (cmap, FALSE);
}

/* Replaces the content of the font's own ToUnicode stream (so no orphaned
 * object stays in the file) and has libharu compress it and the CIDToGIDMap:
 * it copies a Type0 font's filter to both before writing. */
static gboolean
pdf_doc_fix_to_unicode (PdfDoc *d, HPDF_Font font, const char *cmap)
{
  HPDF_Dict stream = HPDF_Dict_GetItem (font, "ToUnicode", HPDF_OCLASS_DICT);
  if (!pdf_ok_handle (d, stream) || !pdf_ok_handle (d, stream->stream))
    return FALSE;
  /* Keys of the encoding CMap libharu built this stream from; a ToUnicode
   * CMap names itself in its content. */
  static const char *const stale_keys[] = { "CMapName", "CIDSystemInfo", "WMode" };
  for (guint i = 0; i < G_N_ELEMENTS (stale_keys); i++)
    {
      HPDF_STATUS status = HPDF_Dict_RemoveElement (stream, stale_keys[i]);
      if (status != HPDF_DICT_ITEM_NOT_FOUND && !pdf_ok (d, status))
        return FALSE;
    }
  HPDF_MemStream_FreeData (stream->stream);
  if (!pdf_ok (d, HPDF_Stream_WriteStr (stream->stream, cmap)))
    return FALSE;
  font->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
  return TRUE;
}

/* libharu refuses a second call without saying so through the handler. */
static gboolean
pdf_doc_use_utf_encodings (PdfDoc *d)
{
  if (d->utf_encodings)
    return TRUE;
  d->utf_encodings = pdf_ok (d, HPDF_UseUTFEncodings (d->doc));
  return d->utf_encodings;
}

static gboolean
pdf_doc_load_unicode_fonts (PdfDoc *d, const IkuPdfWriter *writer, GError **error)
{
  if (!pdf_doc_use_utf_encodings (d))
    return set_failure (error, IKU_PDF_ERROR_LIBHARU, &d->failure,
                        "PDF-dokumentet kunne ikke bruge Unicode-tekst");
  for (guint style = 0; style < IKU_FONT_N_STYLES; style++)
    {
      const char *name = pdf_doc_load_font (d, &writer->unicode_fonts[style], font_tags[style],
                                            error);
      if (name == NULL)
        return FALSE;
      d->fonts[style] = HPDF_GetFont (d->doc, name, "UTF-8");
      if (!pdf_ok_handle (d, d->fonts[style])
          || !pdf_doc_fix_to_unicode (d, d->fonts[style], writer->to_unicode))
        return set_failure (error, IKU_PDF_ERROR_FONT, &d->failure,
                            "Skrifttypen kunne ikke gøres klar til PDF-filen");
    }
  d->single_byte = FALSE;
  return TRUE;
}

/* ---- Document info ---- */

static HPDF_Date
pdf_date (GDateTime *time)
{
  gint64 offset = g_date_time_get_utc_offset (time) / G_TIME_SPAN_MINUTE;
  gint64 magnitude = ABS (offset);
  HPDF_Date date = {
    .year = g_date_time_get_year (time),
    .month = g_date_time_get_month (time),
    .day = g_date_time_get_day_of_month (time),
    .hour = g_date_time_get_hour (time),
    .minutes = g_date_time_get_minute (time),
    .seconds = g_date_time_get_second (time),
    .ind = offset == 0 ? 'Z' : offset > 0 ? '+' : '-',
    .off_hour = (HPDF_INT) (magnitude / 60),
    .off_minutes = (HPDF_INT) (magnitude % 60),
  };
  return date;
}

/* libharu's UTF-8 decoder silently drops characters above U+FFFF: show that
 * something is there, as the page does. (transfer full) */
static char *
dup_info_utf8 (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_string_append_unichar (out, c > 0xFFFF ? IKU_FONT_REPLACEMENT_CHAR : c);
    }
  return g_string_free (out, FALSE);
}

/* Title, author, subject and creator: in PDFDocEncoding when all of them fit
 * (libharu writes the bytes as they are while no encoder is current), else in
 * UTF-8, which libharu's encoder writes as UTF-16 — that encoder costs as much
 * to set up as loading a small font, so Danish IKUs go without it. */
static gboolean
pdf_doc_set_info_texts (PdfDoc *d, const IkuLayout *layout)
{
  const HPDF_InfoType types[] = {
    HPDF_INFO_TITLE, HPDF_INFO_AUTHOR, HPDF_INFO_SUBJECT, HPDF_INFO_CREATOR,
  };
  const char *texts[] = {
    iku_layout_get_title (layout), iku_layout_get_author (layout),
    iku_layout_get_subject (layout), "ikuflet " IKUFLET_VERSION,
  };
  gboolean single_byte = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL && !iku_pdf_encode (IKU_PDF_ENCODING_PDFDOC, texts[i], NULL))
      single_byte = FALSE;
  if (!single_byte
      && (!pdf_doc_use_utf_encodings (d) || !pdf_ok (d, HPDF_SetCurrentEncoder (d->doc, "UTF-8"))))
    return FALSE;

  g_autoptr(GString) encoded = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      if (texts[i] == NULL)
        continue;
      g_autofree char *utf8 = NULL;
      const char *value;
      if (single_byte)
        {
          /* Checked above. */
          if (!iku_pdf_encode (IKU_PDF_ENCODING_PDFDOC, texts[i], encoded))
            return pdf_ok (d, HPDF_INVALID_PARAMETER);
          value = encoded->str;
        }
      else
        value = utf8 = dup_info_utf8 (texts[i]);
      if (!pdf_ok (d, HPDF_SetInfoAttr (d->doc, types[i], value)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
pdf_doc_set_info (PdfDoc *d, const IkuPdfWriter *writer, const IkuLayout *layout)
{
  g_autoptr(GDateTime) now = writer->fixed_time >= 0
                               ? g_date_time_new_from_unix_utc (writer->fixed_time)
                               : g_date_time_new_now_local ();
  HPDF_Date date = pdf_date (now);

  return pdf_doc_set_info_texts (d, layout)
         && pdf_ok (d, HPDF_SetInfoDateAttr (d->doc, HPDF_INFO_CREATION_DATE, date))
         && pdf_ok (d, HPDF_SetInfoDateAttr (d->doc, HPDF_INFO_MOD_DATE, date));
}

/* ---- Pages ---- */

static HPDF_REAL
channel (guint32 rgb, guint shift)
{
  return (HPDF_REAL) ((rgb >> shift) & 0xFF) / 255.0f;
}

/* The marked-content sequence for @op: its element's, or an artifact. */
static gboolean
pdf_doc_mark (PdfDoc *d, const IkuDrawOp *op)
{
  gint element = op->element >= 0 ? op->element + (gint) d->element_base : op->element;
  return pdf_ok (d, iku_pdf_tags_mark (d->tags, element));
}

static gboolean
pdf_page_draw_shape (PdfDoc *d, HPDF_Page page, const IkuDrawOp *op)
{
  if (!pdf_doc_mark (d, op))
    return FALSE;
  HPDF_REAL r = channel (op->rgb, 16), g = channel (op->rgb, 8), b = channel (op->rgb, 0);
  if (op->kind == IKU_DRAW_RECT)
    return pdf_ok (d, HPDF_Page_SetRGBFill (page, r, g, b))
           && pdf_ok (d, HPDF_Page_Rectangle (page, (HPDF_REAL) op->x, (HPDF_REAL) op->y,
                                              (HPDF_REAL) (op->x2 - op->x),
                                              (HPDF_REAL) (op->y2 - op->y)))
           && pdf_ok (d, HPDF_Page_Fill (page));
  return pdf_ok (d, HPDF_Page_SetRGBStroke (page, r, g, b))
         && pdf_ok (d, HPDF_Page_SetLineWidth (page, (HPDF_REAL) op->line_width))
         && pdf_ok (d, HPDF_Page_MoveTo (page, (HPDF_REAL) op->x, (HPDF_REAL) op->y))
         && pdf_ok (d, HPDF_Page_LineTo (page, (HPDF_REAL) op->x2, (HPDF_REAL) op->y2))
         && pdf_ok (d, HPDF_Page_Stroke (page));
}

/* All text of a page in one text object; font and colour set only on change. */
static gboolean
pdf_page_draw_text (PdfDoc *d, HPDF_Page page, const IkuDrawOp *ops, guint n_ops)
{
  if (!pdf_ok (d, HPDF_Page_BeginText (page)))
    return FALSE;
  gint style = -1;
  double size = 0.0;
  gint64 rgb = -1;
  for (guint i = 0; i < n_ops; i++)
    {
      const IkuDrawOp *op = &ops[i];
      if (op->kind != IKU_DRAW_TEXT)
        continue;
      if (!pdf_doc_mark (d, op))
        return FALSE;
      if ((gint) op->style != style || op->size != size)
        {
          if (!pdf_ok (d, HPDF_Page_SetFontAndSize (page, d->fonts[op->style], (HPDF_REAL) op->size)))
            return FALSE;
          style = (gint) op->style;
          size = op->size;
        }
      if ((gint64) op->rgb != rgb)
        {
          if (!pdf_ok (d, HPDF_Page_SetRGBFill (page, channel (op->rgb, 16), channel (op->rgb, 8),
                                                channel (op->rgb, 0))))
            return FALSE;
          rgb = op->rgb;
        }
      const char *text = op->text;
      if (d->single_byte)
        {
          /* layout_fits_winansi() chose this path for these very texts. */
          if (!iku_pdf_encode (IKU_PDF_ENCODING_WINANSI, op->text, d->encoded))
            return pdf_ok (d, HPDF_INVALID_PARAMETER);
          text = d->encoded->str;
        }
      if (!pdf_ok (d, HPDF_Page_TextOut (page, (HPDF_REAL) op->x, (HPDF_REAL) op->y, text)))
        return FALSE;
    }
  return pdf_ok (d, iku_pdf_tags_close (d->tags)) && pdf_ok (d, HPDF_Page_EndText (page));
}

static gboolean
pdf_doc_draw_page (PdfDoc *d, const IkuLayout *layout, guint index)
{
  guint n_ops = 0;
  const IkuDrawOp *ops = iku_layout_get_page_ops (layout, index, &n_ops);
  HPDF_Page page = HPDF_AddPage (d->doc);
  if (!pdf_ok_handle (d, page)
      || !pdf_ok (d, HPDF_Page_SetWidth (page, (HPDF_REAL) IKU_LAYOUT_PAGE_WIDTH))
      || !pdf_ok (d, HPDF_Page_SetHeight (page, (HPDF_REAL) IKU_LAYOUT_PAGE_HEIGHT))
      || !pdf_ok (d, iku_pdf_tags_begin_page (d->tags, page)))
    return FALSE;
  for (guint i = 0; i < n_ops; i++)
    if (ops[i].kind != IKU_DRAW_TEXT && !pdf_page_draw_shape (d, page, &ops[i]))
      return FALSE;
  return pdf_ok (d, iku_pdf_tags_close (d->tags)) && pdf_page_draw_text (d, page, ops, n_ops);
}

/* ---- Output ---- */

static GBytes *
pdf_doc_save (PdfDoc *d)
{
  if (!pdf_ok (d, iku_pdf_tags_finish (d->tags, d->doc))
      || !pdf_ok (d, HPDF_SaveToStream (d->doc)))
    return NULL;
  HPDF_UINT32 size = HPDF_GetStreamSize (d->doc);
  if (!pdf_ok (d, size > 0 ? HPDF_OK : HPDF_INVALID_STREAM)
      || !pdf_ok (d, HPDF_ResetStream (d->doc)))
    return NULL;
  g_autofree guint8 *data = g_malloc (size);
  HPDF_UINT32 done = 0;
  /* Read exactly the stream's size: asking for more ends in HPDF_STREAM_EOF. */
  while (done < size)
    {
      HPDF_UINT32 n = size - done;
      if (!pdf_ok (d, HPDF_ReadFromStream (d->doc, data + done, &n))
          || !pdf_ok (d, n > 0 ? HPDF_OK : HPDF_STREAM_EOF))
        return NULL;
      done += n;
    }
  return g_bytes_new_take (g_steal_pointer (&data), size);
}

/* ---- The writer ---- */

/* Reads the font file @path into @font. libharu 2.3.0 crashes on malformed
 * fonts: anything that is not a readable TrueType file is refused before it
 * gets to see it. */
static gboolean
font_file_read (FontFile *font, const char *path, GError **error)
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
  font->path = g_strdup (path);
  font->data = g_bytes_new (bytes, len);
  return TRUE;
}

static void
font_file_clear (FontFile *font)
{
  g_clear_pointer (&font->path, g_free);
  g_clear_pointer (&font->data, g_bytes_unref);
}

static gint64
source_date_epoch (void)
{
  const char *value = g_getenv ("SOURCE_DATE_EPOCH");
  guint64 seconds = 0;
  /* Up to the end of year 9999, which PDF dates can express. */
  if (value == NULL
      || !g_ascii_string_to_unsigned (value, 10, 0, G_GUINT64_CONSTANT (253402300799),
                                      &seconds, NULL))
    return -1;
  return (gint64) seconds;
}

/* The single-byte path's font for the font file @path: "<dir>/<name>-WinAnsi.ttf"
 * beside "<dir>/<name>.ttf", made by templates/font/make-font.py. When it is not
 * there, @path itself: it has every Windows-1252 glyph too, and only makes
 * bigger PDFs a little more slowly. (transfer full) */
static char *
winansi_font_path (const char *path)
{
  if (!g_str_has_suffix (path, ".ttf"))
    return g_strdup (path);
  g_autofree char *stem = g_strndup (path, strlen (path) - strlen (".ttf"));
  g_autofree char *small = g_strconcat (stem, "-WinAnsi.ttf", NULL);
  if (!g_file_test (small, G_FILE_TEST_EXISTS))
    return g_strdup (path);
  return g_steal_pointer (&small);
}

/**
 * iku_pdf_writer_new:
 * Reads the two font files (Ikuflet Sans regular and bold) and checks that
 * libharu can load them. Each may have a Windows-1252 subset beside it,
 * "<name>-WinAnsi.ttf", which documents whose text fits are drawn with (see
 * winansi_font_path()). Honours SOURCE_DATE_EPOCH for the documents' dates.
 * Returns: (transfer full): the writer, or NULL with @error (IKU_PDF_ERROR_FONT).
 */
IkuPdfWriter *
iku_pdf_writer_new (const char *font_regular_path,
                    const char *font_bold_path,
                    GError    **error)
{
  g_return_val_if_fail (font_regular_path != NULL, NULL);
  g_return_val_if_fail (font_bold_path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr(IkuPdfWriter) writer = g_new0 (IkuPdfWriter, 1);
  const char *paths[IKU_FONT_N_STYLES] = { font_regular_path, font_bold_path };
  for (guint style = 0; style < IKU_FONT_N_STYLES; style++)
    {
      g_autofree char *winansi_path = winansi_font_path (paths[style]);
      if (!font_file_read (&writer->unicode_fonts[style], paths[style], error)
          || !font_file_read (&writer->winansi_fonts[style], winansi_path, error))
        return NULL;
    }
  writer->to_unicode = make_identity_to_unicode ();
  writer->fixed_time = source_date_epoch ();

  /* Fail here, once, rather than on every document: libharu must parse every
   * font. (Its costly step on the Unicode path, HPDF_GetFont(), only allocates
   * once the font is parsed, and takes as long as a few single-byte IKUs.) */
  const FontFile *sets[] = { writer->unicode_fonts, writer->winansi_fonts };
  for (guint i = 0; i < G_N_ELEMENTS (sets); i++)
    {
      g_autoptr(PdfDoc) trial = pdf_doc_new (error);
      if (trial == NULL)
        return NULL;
      for (guint style = 0; style < IKU_FONT_N_STYLES; style++)
        if (pdf_doc_load_font (trial, &sets[i][style], font_tags[style], error) == NULL)
          return NULL;
    }
  return g_steal_pointer (&writer);
}

void
iku_pdf_writer_free (IkuPdfWriter *writer)
{
  if (writer == NULL)
    return;
  for (guint i = 0; i < IKU_FONT_N_STYLES; i++)
    {
      font_file_clear (&writer->unicode_fonts[i]);
      font_file_clear (&writer->winansi_fonts[i]);
    }
  g_free (writer->to_unicode);
  g_free (writer);
}

/**
 * iku_pdf_writer_render:
 * Draws @layout into a new PDF document in memory.
 * Returns: (transfer full): the whole PDF file, or NULL with @error.
 */
GBytes *
iku_pdf_writer_render (IkuPdfWriter    *writer,
                       const IkuLayout *layout,
                       GError         **error)
{
  g_return_val_if_fail (writer != NULL, NULL);
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr(PdfDoc) d = pdf_doc_new (error);
  if (d == NULL)
    return NULL;
  if (layout_fits_winansi (layout) ? !pdf_doc_load_winansi_fonts (d, writer, error)
                                   : !pdf_doc_load_unicode_fonts (d, writer, error))
    return NULL;

  guint n_elements = 0;
  const IkuLayoutElement *elements = iku_layout_get_elements (layout, &n_elements);
  d->element_base = iku_pdf_tags_add_elements (d->tags, elements, n_elements, FALSE);
  gboolean drawn = pdf_doc_set_info (d, writer, layout);
  for (guint i = 0; drawn && i < iku_layout_get_n_pages (layout); i++)
    drawn = pdf_doc_draw_page (d, layout, i);
  GBytes *pdf = drawn ? pdf_doc_save (d) : NULL;
  if (pdf == NULL)
    set_failure (error, IKU_PDF_ERROR_LIBHARU, &d->failure, "PDF-filen kunne ikke laves");
  return pdf;
}
