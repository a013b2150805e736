/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuPdfWriter: draws an IkuLayout with libharu 2.3.0, in memory. Each document
 * gets its own HPDF_Doc and its own copy of the fonts (libharu cannot share a
 * font between documents); libharu's errors are recorded by a handler that
 * returns, and every status is checked. See notes/libharu.md for the why.
 *
 * Two ways to put the text in the PDF, chosen per document:
 *  - single-byte: when every text the layout draws is in Windows-1252 (PDF's
 *    WinAnsiEncoding, which every viewer knows), the fonts are simple TrueType
 *    fonts loaded from subsets cut down to that repertoire. This is most Danish
 *    IKUs, and several times quicker: libharu's Unicode path builds a map of all
 *    65,536 codes per font and document, and embeds every glyph of the font.
 *  - Unicode: any other text goes in as UTF-8 and is written as two-byte CIDs
 *    (Identity-H) with our own ToUnicode map; it covers every script of the font.
 * Document info is written in PDFDocEncoding when it fits, else as UTF-16. */
#include "iku-pdf.h"

#include "iku-layout-private.h"

#include <hpdf.h>
#include <string.h>

#ifndef IKUFLET_VERSION
#define IKUFLET_VERSION "unknown"
#endif

G_DEFINE_QUARK (iku-pdf-error-quark, iku_pdf_error)

struct _IkuPdfWriter
{
  char  *font_paths[IKU_FONT_N_STYLES];      /* the Unicode path's fonts */
  char  *winansi_paths[IKU_FONT_N_STYLES];   /* the single-byte path's fonts */
  char  *to_unicode;   /* the ToUnicode CMap every Unicode font gets */
  gint64 fixed_time;   /* SOURCE_DATE_EPOCH, or -1: now */
};

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

/* ---- Single-byte text ----
 * Both single-byte encodings we write agree with Latin-1 on printable ASCII and
 * on 0xA1-0xFF; they differ in the codes 0x80-0xA0, listed here. The no-break
 * space and the soft hyphen are left out of both: WinAnsiEncoding calls them
 * "space" and "hyphen" (text extraction would not give them back), and
 * PDFDocEncoding lacks them. */

typedef struct {
  guint16 unicode;
  guint8  code;
} ByteCode;

typedef struct {
  const ByteCode *upper;   /* sorted by unicode */
  guint           n_upper;
} ByteEncoding;

/* Windows-1252 = WinAnsiEncoding (PDF 32000-1, Annex D). Keep in step with
 * WINANSI in templates/font/make-font.py: the fonts of this path have exactly
 * these characters. */
static const ByteCode winansi_upper[] = {
  { 0x0152, 0x8C }, { 0x0153, 0x9C }, { 0x0160, 0x8A }, { 0x0161, 0x9A },
  { 0x0178, 0x9F }, { 0x017D, 0x8E }, { 0x017E, 0x9E }, { 0x0192, 0x83 },
  { 0x02C6, 0x88 }, { 0x02DC, 0x98 }, { 0x2013, 0x96 }, { 0x2014, 0x97 },
  { 0x2018, 0x91 }, { 0x2019, 0x92 }, { 0x201A, 0x82 }, { 0x201C, 0x93 },
  { 0x201D, 0x94 }, { 0x201E, 0x84 }, { 0x2020, 0x86 }, { 0x2021, 0x87 },
  { 0x2022, 0x95 }, { 0x2026, 0x85 }, { 0x2030, 0x89 }, { 0x2039, 0x8B },
  { 0x203A, 0x9B }, { 0x20AC, 0x80 }, { 0x2122, 0x99 },
};
static const ByteEncoding winansi = { winansi_upper, G_N_ELEMENTS (winansi_upper) };

/* PDFDocEncoding (PDF 32000-1, Annex D), for document info. */
static const ByteCode pdfdoc_upper[] = {
  { 0x0131, 0x9A }, { 0x0141, 0x95 }, { 0x0142, 0x9B }, { 0x0152, 0x96 },
  { 0x0153, 0x9C }, { 0x0160, 0x97 }, { 0x0161, 0x9D }, { 0x0178, 0x98 },
  { 0x017D, 0x99 }, { 0x017E, 0x9E }, { 0x0192, 0x86 }, { 0x2013, 0x85 },
  { 0x2014, 0x84 }, { 0x2018, 0x8F }, { 0x2019, 0x90 }, { 0x201A, 0x91 },
  { 0x201C, 0x8D }, { 0x201D, 0x8E }, { 0x201E, 0x8C }, { 0x2020, 0x81 },
  { 0x2021, 0x82 }, { 0x2022, 0x80 }, { 0x2026, 0x83 }, { 0x2030, 0x8B },
  { 0x2039, 0x88 }, { 0x203A, 0x89 }, { 0x2044, 0x87 }, { 0x20AC, 0xA0 },
  { 0x2122, 0x92 }, { 0x2212, 0x8A }, { 0xFB01, 0x93 }, { 0xFB02, 0x94 },
};
static const ByteEncoding pdfdoc = { pdfdoc_upper, G_N_ELEMENTS (pdfdoc_upper) };

/* The code of @c in @enc, or 0 when it has none. */
static guint8
byte_code (const ByteEncoding *enc, gunichar c)
{
  if ((c >= 0x20 && c < 0x7F) || (c >= 0xA1 && c <= 0xFF && c != 0xAD))
    return (guint8) c;
  guint lo = 0;
  guint hi = enc->n_upper;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (enc->upper[mid].unicode == c)
        return enc->upper[mid].code;
      if (enc->upper[mid].unicode < c)
        lo = mid + 1;
      else
        hi = mid;
    }
  return 0;
}

/* Encodes the valid UTF-8 @text in @enc into @out (replacing its content), or
 * only checks that it can be when @out is NULL. FALSE when a character has no
 * code in @enc. */
static gboolean
encode_single_byte (const ByteEncoding *enc, const char *text, GString *out)
{
  if (out != NULL)
    g_string_truncate (out, 0);
  for (const char *p = text; *p != '\0';)
    {
      guint8 code;
      if ((guchar) *p < 0x80)   /* ASCII is one byte in both */
        {
          code = *p >= 0x20 && *p < 0x7F ? (guint8) *p : 0;
          p++;
        }
      else
        {
          code = byte_code (enc, g_utf8_get_char (p));
          p = g_utf8_next_char (p);
        }
      if (code == 0)
        return FALSE;
      if (out != NULL)
        g_string_append_c (out, (char) code);
    }
  return TRUE;
}

/* TRUE when every text @layout draws can be drawn in Windows-1252. */
static gboolean
layout_fits_winansi (const IkuLayout *layout)
{
  for (guint page = 0; page < iku_layout_get_n_pages (layout); page++)
    {
      guint n_ops = 0;
      const IkuDrawOp *ops = iku_layout_get_page_ops (layout, page, &n_ops);
      for (guint i = 0; i < n_ops; i++)
        if (ops[i].kind == IKU_DRAW_TEXT && !encode_single_byte (&winansi, ops[i].text, NULL))
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
      const char *name = HPDF_LoadTTFontFromFile (d->doc, writer->winansi_paths[style], HPDF_TRUE);
      if (!pdf_ok_handle (d, name))
        {
          g_autofree char *what = g_strdup_printf ("Skrifttypen »%s« kunne ikke indlæses",
                                                   writer->winansi_paths[style]);
          return set_failure (error, IKU_PDF_ERROR_FONT, &d->failure, what);
        }
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
      const char *name = HPDF_LoadTTFontFromFile (d->doc, writer->font_paths[style], HPDF_TRUE);
      if (!pdf_ok_handle (d, name))
        {
          g_autofree char *what = g_strdup_printf ("Skrifttypen »%s« kunne ikke indlæses",
                                                   writer->font_paths[style]);
          return set_failure (error, IKU_PDF_ERROR_FONT, &d->failure, what);
        }
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
    if (texts[i] != NULL && !encode_single_byte (&pdfdoc, texts[i], NULL))
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
          encode_single_byte (&pdfdoc, texts[i], encoded);
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

static gboolean
pdf_page_draw_shape (PdfDoc *d, HPDF_Page page, const IkuDrawOp *op)
{
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
          if (!encode_single_byte (&winansi, op->text, d->encoded))
            return pdf_ok (d, HPDF_INVALID_PARAMETER);
          text = d->encoded->str;
        }
      if (!pdf_ok (d, HPDF_Page_TextOut (page, (HPDF_REAL) op->x, (HPDF_REAL) op->y, text)))
        return FALSE;
    }
  return pdf_ok (d, HPDF_Page_EndText (page));
}

static gboolean
pdf_doc_draw_page (PdfDoc *d, const IkuLayout *layout, guint index)
{
  guint n_ops = 0;
  const IkuDrawOp *ops = iku_layout_get_page_ops (layout, index, &n_ops);
  HPDF_Page page = HPDF_AddPage (d->doc);
  if (!pdf_ok_handle (d, page)
      || !pdf_ok (d, HPDF_Page_SetWidth (page, (HPDF_REAL) IKU_LAYOUT_PAGE_WIDTH))
      || !pdf_ok (d, HPDF_Page_SetHeight (page, (HPDF_REAL) IKU_LAYOUT_PAGE_HEIGHT)))
    return FALSE;
  for (guint i = 0; i < n_ops; i++)
    if (ops[i].kind != IKU_DRAW_TEXT && !pdf_page_draw_shape (d, page, &ops[i]))
      return FALSE;
  return pdf_page_draw_text (d, page, ops, n_ops);
}

/* ---- Output ---- */

static GBytes *
pdf_doc_save (PdfDoc *d)
{
  if (!pdf_ok (d, HPDF_SaveToStream (d->doc)))
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

static gboolean
check_font_file (const char *path, GError **error)
{
  /* libharu 2.3.0 crashes on malformed fonts: refuse anything that is not a
   * readable TrueType file before it gets to see it. */
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
  if (len < 12 || (memcmp (bytes, truetype, 4) != 0 && memcmp (bytes, "true", 4) != 0))
    {
      g_set_error (error, IKU_PDF_ERROR, IKU_PDF_ERROR_FONT,
                   "»%s« er ikke en TrueType-skrifttype. Installer ikuflet igen.", path);
      return FALSE;
    }
  return TRUE;
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
 * Checks the two font files (Ikuflet Sans regular and bold) and that libharu
 * can load them. Each may have a Windows-1252 subset beside it,
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
  writer->font_paths[IKU_FONT_REGULAR] = g_strdup (font_regular_path);
  writer->font_paths[IKU_FONT_BOLD] = g_strdup (font_bold_path);
  for (guint style = 0; style < IKU_FONT_N_STYLES; style++)
    {
      writer->winansi_paths[style] = winansi_font_path (writer->font_paths[style]);
      if (!check_font_file (writer->font_paths[style], error)
          || !check_font_file (writer->winansi_paths[style], error))
        return NULL;
    }
  writer->to_unicode = make_identity_to_unicode ();
  writer->fixed_time = source_date_epoch ();

  /* Fail here, once, rather than on every document. */
  g_autoptr(PdfDoc) trial = pdf_doc_new (error);
  if (trial == NULL || !pdf_doc_load_unicode_fonts (trial, writer, error))
    return NULL;
  g_autoptr(PdfDoc) trial_winansi = pdf_doc_new (error);
  if (trial_winansi == NULL || !pdf_doc_load_winansi_fonts (trial_winansi, writer, error))
    return NULL;
  return g_steal_pointer (&writer);
}

void
iku_pdf_writer_free (IkuPdfWriter *writer)
{
  if (writer == NULL)
    return;
  for (guint i = 0; i < IKU_FONT_N_STYLES; i++)
    {
      g_free (writer->font_paths[i]);
      g_free (writer->winansi_paths[i]);
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

  gboolean drawn = pdf_doc_set_info (d, writer, layout);
  for (guint i = 0; drawn && i < iku_layout_get_n_pages (layout); i++)
    drawn = pdf_doc_draw_page (d, layout, i);
  GBytes *pdf = drawn ? pdf_doc_save (d) : NULL;
  if (pdf == NULL)
    set_failure (error, IKU_PDF_ERROR_LIBHARU, &d->failure, "PDF-filen kunne ikke laves");
  return pdf;
}
