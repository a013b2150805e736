/* SPDX-License-Identifier: GPL-3.0-or-later
 * Internal to iku-pdf-fonts.c (the fonts of a document: codes, font objects) and
 * iku-pdf-text.c (the text operators that use them). */
#pragma once

#include "iku-pdf-private.h"
#include "iku-font-subset.h"

G_BEGIN_DECLS

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
  HPDF_Dict font;
  char      resource[8];  /* its name in the pages' /Resources */
  gunichar  chars[256];   /* by code; 0: free */
  guint     next_free;    /* in by_unicode order: where to look for a free code */
} DocFont;

struct _IkuPdfDocFonts
{
  GArray     *fonts[IKU_FONT_N_STYLES];   /* of DocFont */
  GHashTable *codes[IKU_FONT_N_STYLES];   /* character -> (font << 8 | code) + 1 */
  GString    *run;                        /* scratch: one font's bytes of a text */
  GString    *out;                        /* scratch: the operators of a text */
  const DocFont *current;                 /* in the open text object */
  double      current_size;
  gint64      current_rgb;
};

G_END_DECLS
