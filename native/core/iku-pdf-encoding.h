/* SPDX-License-Identifier: GPL-3.0-or-later
 * The single-byte encoding of document info: PDFDocEncoding, which agrees with
 * Latin-1 on printable ASCII and on 0xA1-0xFF and differs in 0x80-0xA0. Left out:
 * the no-break space and the soft hyphen, which it lacks, and control
 * characters. Pure lookups: no libharu, safe from any thread. (Page text has
 * per-document encodings of its own: iku-pdf-fonts.c.) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  IKU_PDF_ENCODING_PDFDOC,
} IkuPdfEncoding;

gboolean iku_pdf_encode (IkuPdfEncoding encoding,
                         const char    *text,
                         GString       *out) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
