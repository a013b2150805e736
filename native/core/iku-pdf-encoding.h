/* SPDX-License-Identifier: GPL-3.0-or-later
 * The single-byte encodings the PDF writer uses: Windows-1252, which PDF calls
 * WinAnsiEncoding, for the page text of IKUs whose text fits it, and
 * PDFDocEncoding for document info. Both agree with Latin-1 on printable ASCII
 * and on 0xA1-0xFF and differ in 0x80-0xA0. Two characters are left out of
 * both: the no-break space and the soft hyphen, which WinAnsiEncoding names
 * "space" and "hyphen" (text extraction would not give them back) and
 * PDFDocEncoding lacks. Control characters have no code either. Pure lookups:
 * no libharu, safe from any thread. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  IKU_PDF_ENCODING_WINANSI,   /* the fonts of templates/font/make-font.py's WINANSI */
  IKU_PDF_ENCODING_PDFDOC,
} IkuPdfEncoding;

gboolean iku_pdf_encode (IkuPdfEncoding encoding,
                         const char    *text,
                         GString       *out) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
