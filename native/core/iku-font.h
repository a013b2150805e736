/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuFont: the metrics of the embedded font (Ikuflet Sans, regular and bold) —
 * which characters it shows, how wide a text is, and how much of a text fits on a
 * line. Pure lookups in the table generated with the font (iku-font-table.h), so
 * layout measures exactly what the PDF embeds. No state: safe from any thread. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  IKU_FONT_REGULAR,
  IKU_FONT_BOLD,
  IKU_FONT_N_STYLES
} IkuFontStyle;

/* Drawn in place of a character the font cannot show. The font itself has no
 * glyph for it: the PDF shows the font's missing-glyph box, and text extraction
 * gives U+FFFD. */
#define IKU_FONT_REPLACEMENT_CHAR ((gunichar) 0xFFFD)

/* TRUE when @style has a glyph for @c. */
gboolean iku_font_has_glyph  (IkuFontStyle style,
                              gunichar     c);

/* The advance width of @c in points at @size; a character without glyph is as
 * wide as the missing-glyph box. */
double   iku_font_char_width (IkuFontStyle style,
                              double       size,
                              gunichar     c);

/* The width in points of the first @len bytes of the valid UTF-8 @text (all of
 * it when @len is negative). */
double   iku_font_text_width (IkuFontStyle style,
                              double       size,
                              const char  *text,
                              gssize       len);

/* One line of a paragraph: how much of the valid UTF-8 @text (@len bytes, no
 * line breaks) goes on a line @max_width points wide. Breaks at the last space
 * where the text before it fits; a word wider than the line is broken at the
 * last character boundary that fits, and at least one character is always
 * taken, so a caller that loops until the text is used up always ends.
 *
 * Returns the number of bytes the line consumes, including the spaces after
 * it; @draw_len (optional) receives the bytes to draw (without those spaces).
 * Leading spaces are the caller's business: they count as text. */
gsize    iku_font_fit_line   (IkuFontStyle style,
                              double       size,
                              const char  *text,
                              gsize        len,
                              double       max_width,
                              gsize       *draw_len);

G_END_DECLS
