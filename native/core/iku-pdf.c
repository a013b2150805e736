/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuPdfWriter: draws an IkuLayout with libharu 2.3.0, in memory. Each document
 * gets its own HPDF_Doc and its own copy of the fonts (libharu cannot share a
 * font between documents); libharu's errors are recorded by a handler that
 * returns, and every status is checked. See notes/libharu.md for the why.
 *
 * Every document is tagged (iku-pdf-tags.c) and draws its text in small
 * single-byte fonts of its own, whatever the script (iku-pdf-fonts.c).
 * Document info is written in PDFDocEncoding when it fits, else as UTF-16. */
#include "iku-pdf-private.h"
#include "iku-source.h"

#include "iku-pdf-encoding.h"

#include <string.h>

#ifndef IKUFLET_VERSION
#define IKUFLET_VERSION "unknown"
#endif

G_DEFINE_QUARK (iku-pdf-error-quark, iku_pdf_error)

struct _IkuPdfWriter
{
  IkuPdfFonts *fonts;
  gint64       fixed_time;   /* SOURCE_DATE_EPOCH, or -1: now */
  char        *source_id;    /* for the document info, or NULL */
};

static void HPDF_STDCALL
on_error (HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
  IkuPdfFailure *failure = user_data;
  if (failure->error == HPDF_OK)
    {
      failure->error = error_no;
      failure->detail = detail_no;
    }
}

void
iku_pdf_doc_free (IkuPdfDoc *d)
{
  if (d == NULL)
    return;
  if (d->doc != NULL)
    HPDF_Free (d->doc);
  iku_pdf_doc_fonts_free (d->fonts);
  iku_pdf_tags_free (d->tags);
  g_free (d);
}

gboolean
iku_pdf_doc_ok (IkuPdfDoc *d, HPDF_STATUS status)
{
  if (d->failure.error == HPDF_OK && status != HPDF_OK)
    d->failure.error = status;
  return d->failure.error == HPDF_OK;
}

gboolean
iku_pdf_doc_ok_handle (IkuPdfDoc *d, const void *handle)
{
  if (handle == NULL && d->failure.error == HPDF_OK)
    d->failure.error = d->doc != NULL && HPDF_GetError (d->doc) != HPDF_OK
                         ? HPDF_GetError (d->doc) : HPDF_FAILD_TO_ALLOC_MEM;
  return d->failure.error == HPDF_OK;
}

gboolean
iku_pdf_doc_set_error (IkuPdfDoc *d, GError **error, IkuPdfError code, const char *what)
{
  g_set_error (error, IKU_PDF_ERROR, code,
               "%s (libharu-fejl 0x%04X, detalje %u).", what,
               (unsigned) d->failure.error, (unsigned) d->failure.detail);
  return FALSE;
}

IkuPdfDoc *
iku_pdf_doc_new (GError **error)
{
  g_autoptr(IkuPdfDoc) d = g_new0 (IkuPdfDoc, 1);
  d->tags = iku_pdf_tags_new ();
  d->doc = HPDF_New (on_error, &d->failure);
  if (!iku_pdf_doc_ok_handle (d, d->doc)
      || !iku_pdf_doc_ok (d, HPDF_SetCompressionMode (d->doc, HPDF_COMP_ALL)))
    {
      iku_pdf_doc_set_error (d, error, IKU_PDF_ERROR_LIBHARU,
                             "Et PDF-dokument kunne ikke oprettes");
      return NULL;
    }
  return g_steal_pointer (&d);
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

/* @text as a PDF text string in UTF-16BE with its byte order mark, for
 * document info that PDFDocEncoding cannot hold: a hex string written as it is,
 * which spares libharu's UTF-8 encoder (as costly to set up as a small font).
 * Characters above U+FFFF become surrogate pairs. */
static HPDF_Binary
info_utf16 (IkuPdfDoc *d, const char *text)
{
  glong n = 0;
  g_autofree gunichar2 *units = g_utf8_to_utf16 (text, -1, NULL, &n, NULL);
  if (units == NULL)
    return NULL;
  g_autofree HPDF_BYTE *bytes = g_malloc (2 * (gsize) n + 2);
  bytes[0] = 0xFE;
  bytes[1] = 0xFF;
  for (glong i = 0; i < n; i++)
    {
      bytes[2 + 2 * i] = (HPDF_BYTE) (units[i] >> 8);
      bytes[3 + 2 * i] = (HPDF_BYTE) (units[i] & 0xFF);
    }
  return HPDF_Binary_New (d->doc->mmgr, bytes, (HPDF_UINT) (2 * n + 2));
}

/* Title, author, subject and creator: each in PDFDocEncoding when it fits
 * (libharu writes the bytes as they are while no encoder is current), else in
 * UTF-16. */
static gboolean
pdf_doc_set_info_texts (IkuPdfDoc *d, const char *title, const char *author,
                        const char *subject)
{
  const HPDF_InfoType types[] = {
    HPDF_INFO_CREATOR, HPDF_INFO_TITLE, HPDF_INFO_AUTHOR, HPDF_INFO_SUBJECT,
  };
  const char *keys[] = { "Creator", "Title", "Author", "Subject" };
  const char *texts[] = { "ikuflet " IKUFLET_VERSION, title, author, subject };
  g_autoptr(GString) encoded = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      if (texts[i] == NULL)
        continue;
      if (iku_pdf_encode (IKU_PDF_ENCODING_PDFDOC, texts[i], encoded))
        {
          if (!iku_pdf_doc_ok (d, HPDF_SetInfoAttr (d->doc, types[i], encoded->str)))
            return FALSE;
          continue;
        }
      /* The creator, set first, made the info dictionary. */
      HPDF_Binary value = info_utf16 (d, texts[i]);
      if (!iku_pdf_doc_ok_handle (d, value) || !iku_pdf_doc_ok_handle (d, d->doc->info)
          || !iku_pdf_doc_ok (d, HPDF_Dict_Add (d->doc->info, keys[i], value)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
pdf_doc_set_info (IkuPdfDoc *d, const IkuPdfWriter *writer, const char *title,
                  const char *author, const char *subject)
{
  g_autoptr(GDateTime) now = writer->fixed_time >= 0
                               ? g_date_time_new_from_unix_utc (writer->fixed_time)
                               : g_date_time_new_now_local ();
  HPDF_Date date = pdf_date (now);

  return pdf_doc_set_info_texts (d, title, author, subject)
         && iku_pdf_doc_ok (d, HPDF_SetInfoDateAttr (d->doc, HPDF_INFO_CREATION_DATE, date))
         && iku_pdf_doc_ok (d, HPDF_SetInfoDateAttr (d->doc, HPDF_INFO_MOD_DATE, date));
}

/* The source id (iku-source.h) in the document info. Set before anything else
 * is made, so that the info dictionary is among the first objects of the file
 * and iku_source_dup_pdf_id() finds it in the first few hundred bytes. */
static gboolean
pdf_doc_set_source (IkuPdfDoc *d, const IkuPdfWriter *writer)
{
  if (writer->source_id == NULL)
    return TRUE;
  if (!iku_pdf_doc_ok (d, HPDF_SetInfoAttr (d->doc, HPDF_INFO_CREATOR, "ikuflet " IKUFLET_VERSION)))
    return FALSE;
  HPDF_String id = HPDF_String_New (d->doc->mmgr, writer->source_id, NULL);
  return iku_pdf_doc_ok_handle (d, id) && iku_pdf_doc_ok_handle (d, d->doc->info)
         && iku_pdf_doc_ok (d, HPDF_Dict_Add (d->doc->info, IKU_SOURCE_INFO_KEY, id));
}

/**
 * iku_pdf_writer_set_source_id:
 * @source_id: (nullable): IKU_SOURCE_ID_LEN hex digits, or NULL for none
 *
 * The source id the next documents carry in their document info (key
 * IKU_SOURCE_INFO_KEY), until set again.
 */
void
iku_pdf_writer_set_source_id (IkuPdfWriter *writer, const char *source_id)
{
  g_return_if_fail (writer != NULL);
  g_return_if_fail (source_id == NULL || strlen (source_id) == IKU_SOURCE_ID_LEN);
  g_free (writer->source_id);
  writer->source_id = g_strdup (source_id);
}

/* ---- Pages ---- */

static HPDF_REAL
channel (guint32 rgb, guint shift)
{
  return (HPDF_REAL) ((rgb >> shift) & 0xFF) / 255.0f;
}

/* The marked-content sequence for @op: its element's, or an artifact. */
static gboolean
pdf_doc_mark (IkuPdfDoc *d, const IkuDrawOp *op)
{
  gint element = op->element >= 0 ? op->element + (gint) d->element_base : op->element;
  return iku_pdf_doc_ok (d, iku_pdf_tags_mark (d->tags, element));
}

static gboolean
pdf_page_draw_shape (IkuPdfDoc *d, HPDF_Page page, const IkuLayout *layout, const IkuDrawOp *op)
{
  if (!pdf_doc_mark (d, op))
    return FALSE;
  if (op->kind == IKU_DRAW_IMAGE)
    {
      if (op->element >= 0)
        iku_pdf_tags_set_bbox (d->tags, op->element + (gint) d->element_base, op->x, op->y,
                               op->x2, op->y2);
      return iku_pdf_doc_draw_image (d, page, iku_layout_get_logo (layout), op);
    }
  HPDF_REAL r = channel (op->rgb, 16), g = channel (op->rgb, 8), b = channel (op->rgb, 0);
  if (op->kind == IKU_DRAW_RECT)
    return iku_pdf_doc_ok (d, HPDF_Page_SetRGBFill (page, r, g, b))
           && iku_pdf_doc_ok (d, HPDF_Page_Rectangle (page, (HPDF_REAL) op->x, (HPDF_REAL) op->y,
                                                      (HPDF_REAL) (op->x2 - op->x),
                                                      (HPDF_REAL) (op->y2 - op->y)))
           && iku_pdf_doc_ok (d, HPDF_Page_Fill (page));
  return iku_pdf_doc_ok (d, HPDF_Page_SetRGBStroke (page, r, g, b))
         && iku_pdf_doc_ok (d, HPDF_Page_SetLineWidth (page, (HPDF_REAL) op->line_width))
         && iku_pdf_doc_ok (d, HPDF_Page_MoveTo (page, (HPDF_REAL) op->x, (HPDF_REAL) op->y))
         && iku_pdf_doc_ok (d, HPDF_Page_LineTo (page, (HPDF_REAL) op->x2, (HPDF_REAL) op->y2))
         && iku_pdf_doc_ok (d, HPDF_Page_Stroke (page));
}

/* All text of a page in one text object (iku-pdf-fonts.c writes it). */
static gboolean
pdf_page_draw_text (IkuPdfDoc *d, HPDF_Page page, const IkuDrawOp *ops, guint n_ops)
{
  if (!iku_pdf_doc_begin_text (d, page))
    return FALSE;
  for (guint i = 0; i < n_ops; i++)
    if (ops[i].kind == IKU_DRAW_TEXT
        && (!pdf_doc_mark (d, &ops[i]) || !iku_pdf_doc_show_text (d, page, &ops[i])))
      return FALSE;
  /* A sequence opened inside the text object closes inside it. */
  return iku_pdf_doc_ok (d, iku_pdf_tags_close (d->tags)) && iku_pdf_doc_end_text (d, page);
}

/* Draws page @index of @layout on a new page; returns it, or NULL. */
static HPDF_Page
pdf_doc_draw_page (IkuPdfDoc *d, const IkuLayout *layout, guint index)
{
  guint n_ops = 0;
  const IkuDrawOp *ops = iku_layout_get_page_ops (layout, index, &n_ops);
  HPDF_Page page = HPDF_AddPage (d->doc);
  if (!iku_pdf_doc_ok_handle (d, page)
      || !iku_pdf_doc_ok (d, HPDF_Page_SetWidth (page, (HPDF_REAL) IKU_LAYOUT_PAGE_WIDTH))
      || !iku_pdf_doc_ok (d, HPDF_Page_SetHeight (page, (HPDF_REAL) IKU_LAYOUT_PAGE_HEIGHT))
      || !iku_pdf_doc_ok (d, iku_pdf_tags_begin_page (d->tags, page))
      || !iku_pdf_doc_add_font_resources (d, page))
    return NULL;
  for (guint i = 0; i < n_ops; i++)
    if (ops[i].kind != IKU_DRAW_TEXT && !pdf_page_draw_shape (d, page, layout, &ops[i]))
      return NULL;
  if (!iku_pdf_doc_ok (d, iku_pdf_tags_close (d->tags))
      || !pdf_page_draw_text (d, page, ops, n_ops))
    return NULL;
  return page;
}

/* ---- Output ---- */

static GBytes *
pdf_doc_save (IkuPdfDoc *d)
{
  if (!iku_pdf_doc_ok (d, iku_pdf_tags_finish (d->tags, d->doc))
      || !iku_pdf_doc_ok (d, HPDF_SaveToStream (d->doc)))
    return NULL;
  HPDF_UINT32 size = HPDF_GetStreamSize (d->doc);
  if (!iku_pdf_doc_ok (d, size > 0 ? HPDF_OK : HPDF_INVALID_STREAM)
      || !iku_pdf_doc_ok (d, HPDF_ResetStream (d->doc)))
    return NULL;
  g_autofree guint8 *data = g_malloc (size);
  HPDF_UINT32 done = 0;
  /* Read exactly the stream's size: asking for more ends in HPDF_STREAM_EOF. */
  while (done < size)
    {
      HPDF_UINT32 n = size - done;
      if (!iku_pdf_doc_ok (d, HPDF_ReadFromStream (d->doc, data + done, &n))
          || !iku_pdf_doc_ok (d, n > 0 ? HPDF_OK : HPDF_STREAM_EOF))
        return NULL;
      done += n;
    }
  return g_bytes_new_take (g_steal_pointer (&data), size);
}

/* ---- The writer ---- */

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

/**
 * iku_pdf_writer_new:
 * Reads the two font files (Ikuflet Sans regular and bold) and checks that they
 * can be cut into the per-document subsets every PDF embeds, and that libharu
 * loads them. Honours SOURCE_DATE_EPOCH for the documents' dates.
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
  writer->fonts = iku_pdf_fonts_new (font_regular_path, font_bold_path, error);
  if (writer->fonts == NULL)
    return NULL;
  writer->fixed_time = source_date_epoch ();

  /* Fail here, once, rather than on every document. */
  g_autoptr(IkuPdfDoc) trial = iku_pdf_doc_new (error);
  if (trial == NULL || !iku_pdf_doc_load_fonts (trial, writer->fonts, NULL, 0, error))
    return NULL;
  return g_steal_pointer (&writer);
}

void
iku_pdf_writer_free (IkuPdfWriter *writer)
{
  if (writer == NULL)
    return;
  iku_pdf_fonts_free (writer->fonts);
  g_free (writer->source_id);
  g_free (writer);
}

/* A bookmark for @page titled @title: in PDFDocEncoding when it fits, else
 * UTF-16 (replacing the title libharu wrote). */
static gboolean
pdf_doc_add_outline (IkuPdfDoc *d, HPDF_Page page, const char *title)
{
  g_autoptr(GString) encoded = g_string_new (NULL);
  gboolean single_byte = iku_pdf_encode (IKU_PDF_ENCODING_PDFDOC, title, encoded);
  HPDF_Outline outline = HPDF_CreateOutline (d->doc, NULL, single_byte ? encoded->str : "", NULL);
  HPDF_Destination dest = outline != NULL ? HPDF_Page_CreateDestination (page) : NULL;
  if (!iku_pdf_doc_ok_handle (d, outline) || !iku_pdf_doc_ok_handle (d, dest)
      || !iku_pdf_doc_ok (d, HPDF_Outline_SetDestination (outline, dest)))
    return FALSE;
  if (single_byte)
    return TRUE;
  HPDF_Binary utf16 = info_utf16 (d, title);
  return iku_pdf_doc_ok_handle (d, utf16)
         && iku_pdf_doc_ok (d, HPDF_Dict_Add (outline, "Title", utf16));
}

/* Draws @layouts one after the other into one tagged document; with
 * @bookmarks, each layout a Sect of the structure tree and a bookmark (its
 * title) to its first page. */
static GBytes *
render_layouts (IkuPdfWriter *writer, const IkuLayout * const *layouts, guint n_layouts,
                const char *title, const char *author, const char *subject, gboolean bookmarks,
                GError **error)
{
  g_autoptr(IkuPdfDoc) d = iku_pdf_doc_new (error);
  if (d != NULL && !pdf_doc_set_source (d, writer))
    {
      iku_pdf_doc_set_error (d, error, IKU_PDF_ERROR_LIBHARU, "PDF-filen kunne ikke laves");
      return NULL;
    }
  if (d == NULL || !iku_pdf_doc_load_fonts (d, writer->fonts, layouts, n_layouts, error))
    return NULL;
  gboolean drawn = pdf_doc_set_info (d, writer, title, author, subject)
                   && (!bookmarks
                       || iku_pdf_doc_ok (d, HPDF_SetPageMode (d->doc, HPDF_PAGE_MODE_USE_OUTLINE)));
  for (guint l = 0; drawn && l < n_layouts; l++)
    {
      guint n_elements = 0;
      const IkuLayoutElement *elements = iku_layout_get_elements (layouts[l], &n_elements);
      d->element_base = iku_pdf_tags_add_elements (d->tags, elements, n_elements, bookmarks);
      for (guint i = 0; drawn && i < iku_layout_get_n_pages (layouts[l]); i++)
        {
          HPDF_Page page = pdf_doc_draw_page (d, layouts[l], i);
          drawn = page != NULL
                  && (!bookmarks || i > 0
                      || pdf_doc_add_outline (d, page, iku_layout_get_title (layouts[l])));
        }
    }
  GBytes *pdf = drawn ? pdf_doc_save (d) : NULL;
  if (pdf == NULL)
    iku_pdf_doc_set_error (d, error, IKU_PDF_ERROR_LIBHARU, "PDF-filen kunne ikke laves");
  return pdf;
}

/**
 * iku_pdf_writer_render:
 * Draws @layout into a new tagged PDF document in memory.
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

  return render_layouts (writer, &layout, 1, iku_layout_get_title (layout),
                         iku_layout_get_author (layout), iku_layout_get_subject (layout), FALSE,
                         error);
}

/**
 * iku_pdf_writer_render_combined:
 * Draws @layouts (at least one) into one tagged PDF, each starting on a new page
 * with its own page numbers, as a Sect of the structure tree, with a bookmark
 * (the layout's title) to its first page; the bookmarks show when the file opens.
 * Returns: (transfer full): the whole PDF file, or NULL with @error.
 */
GBytes *
iku_pdf_writer_render_combined (IkuPdfWriter            *writer,
                                const IkuLayout * const *layouts,
                                guint                    n_layouts,
                                const char              *title,
                                const char              *author,
                                GError                 **error)
{
  g_return_val_if_fail (writer != NULL, NULL);
  g_return_val_if_fail (layouts != NULL && n_layouts > 0, NULL);
  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return render_layouts (writer, layouts, n_layouts, title, author,
                         iku_layout_get_subject (layouts[0]), TRUE, error);
}
