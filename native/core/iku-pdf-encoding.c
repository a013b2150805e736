/* SPDX-License-Identifier: GPL-3.0-or-later
 * PDFDocEncoding for iku-pdf.c; see iku-pdf-encoding.h. */
#include "iku-pdf-encoding.h"

typedef struct {
  guint16 unicode;
  guint8  code;
} ByteCode;

typedef struct {
  const ByteCode *upper;   /* sorted by unicode */
  guint           n_upper;
} ByteEncoding;

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
static const ByteEncoding encodings[] = {
  [IKU_PDF_ENCODING_PDFDOC] = { pdfdoc_upper, G_N_ELEMENTS (pdfdoc_upper) },
};

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

/**
 * iku_pdf_encode:
 * Encodes the valid UTF-8 @text in @encoding into @out (replacing its content),
 * or only checks that it can be when @out is NULL.
 * Returns: FALSE when a character of @text has no code in @encoding (@out then
 * holds a part of the text).
 */
gboolean
iku_pdf_encode (IkuPdfEncoding encoding, const char *text, GString *out)
{
  g_return_val_if_fail (encoding < G_N_ELEMENTS (encodings), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  const ByteEncoding *enc = &encodings[encoding];
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
