/* SPDX-License-Identifier: GPL-3.0-or-later
 * The logo in a PDF: one image XObject per document, built from the checked
 * IkuLogo with libharu's object layer. A PNG's samples arrive already
 * compressed (once per export, not once per IKU) and are written as they are
 * with /Filter /FlateDecode; a JPEG's bytes are its DCTDecode stream. libharu's
 * own image loaders are not used (see iku-logo-png.c). */
#include "iku-pdf-private.h"

/* A stream whose data is already Flate-compressed: libharu removes /Filter
 * from a stream it does not compress itself, so the entry is written here,
 * among the dictionary's other entries. */
static HPDF_STATUS
write_flate_filter (HPDF_Dict obj, HPDF_Stream stream)
{
  return HPDF_Stream_WriteStr (stream, "/Filter /FlateDecode\012");
}

static const char *
color_space (guint components)
{
  return components == 1 ? "DeviceGray" : components == 4 ? "DeviceCMYK" : "DeviceRGB";
}

/* An image XObject of @width × @height 8-bit samples with @data as its stream. */
static HPDF_Dict
new_image (IkuPdfDoc *d, guint width, guint height, guint components, GBytes *data,
           gboolean jpeg)
{
  HPDF_Dict image = HPDF_DictStream_New (d->doc->mmgr, d->doc->xref);
  if (!iku_pdf_doc_ok_handle (d, image))
    return NULL;
  image->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
  gsize len = 0;
  const guint8 *bytes = g_bytes_get_data (data, &len);
  if (!iku_pdf_doc_ok (d, HPDF_Dict_AddName (image, "Type", "XObject"))
      || !iku_pdf_doc_ok (d, HPDF_Dict_AddName (image, "Subtype", "Image"))
      || !iku_pdf_doc_ok (d, HPDF_Dict_AddNumber (image, "Width", (HPDF_INT32) width))
      || !iku_pdf_doc_ok (d, HPDF_Dict_AddNumber (image, "Height", (HPDF_INT32) height))
      || !iku_pdf_doc_ok (d, HPDF_Dict_AddName (image, "ColorSpace", color_space (components)))
      || !iku_pdf_doc_ok (d, HPDF_Dict_AddNumber (image, "BitsPerComponent", 8))
      || !iku_pdf_doc_ok (d, HPDF_Stream_Write (image->stream, bytes, (HPDF_UINT) len)))
    return NULL;
  if (jpeg)
    image->filter = HPDF_STREAM_FILTER_DCT_DECODE;
  else
    {
      image->filter = HPDF_STREAM_FILTER_NONE;
      image->write_fn = write_flate_filter;
    }
  return image;
}

/* Adobe's CMYK JPEGs store inverted samples. */
static gboolean
add_inverted_decode (IkuPdfDoc *d, HPDF_Dict image)
{
  HPDF_Array decode = HPDF_Array_New (d->doc->mmgr);
  if (!iku_pdf_doc_ok_handle (d, decode) || !iku_pdf_doc_ok (d, HPDF_Dict_Add (image, "Decode", decode)))
    return FALSE;
  for (guint i = 0; i < 4; i++)
    if (!iku_pdf_doc_ok (d, HPDF_Array_AddNumber (decode, 1))
        || !iku_pdf_doc_ok (d, HPDF_Array_AddNumber (decode, 0)))
      return FALSE;
  return TRUE;
}

/* The document's XObject for @logo, made on first use. */
static HPDF_Image
doc_image (IkuPdfDoc *d, const IkuLogo *logo)
{
  if (d->logo == logo && d->logo_image != NULL)
    return d->logo_image;
  guint w = iku_logo_get_width (logo), h = iku_logo_get_height (logo);
  gboolean jpeg = iku_logo_get_format (logo) == IKU_LOGO_JPEG;
  HPDF_Dict image = new_image (d, w, h, iku_logo_get_components (logo), iku_logo_get_data (logo),
                               jpeg);
  if (image == NULL)
    return NULL;
  if (jpeg && iku_logo_is_inverted (logo) && !add_inverted_decode (d, image))
    return NULL;
  GBytes *alpha = iku_logo_get_alpha (logo);
  if (alpha != NULL)
    {
      HPDF_Dict mask = new_image (d, w, h, 1, alpha, FALSE);
      if (mask == NULL || !iku_pdf_doc_ok (d, HPDF_Dict_Add (image, "SMask", mask)))
        return NULL;
    }
  d->logo = logo;
  d->logo_image = image;
  return image;
}

gboolean
iku_pdf_doc_draw_image (IkuPdfDoc *d, HPDF_Page page, const IkuLogo *logo, const IkuDrawOp *op)
{
  if (logo == NULL)
    return iku_pdf_doc_ok (d, HPDF_INVALID_IMAGE);
  HPDF_Image image = doc_image (d, logo);
  return image != NULL
         && iku_pdf_doc_ok (d, HPDF_Page_DrawImage (page, image, (HPDF_REAL) op->x,
                                                    (HPDF_REAL) op->y,
                                                    (HPDF_REAL) (op->x2 - op->x),
                                                    (HPDF_REAL) (op->y2 - op->y)));
}
