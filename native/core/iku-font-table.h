/* SPDX-License-Identifier: GPL-3.0-or-later
 * The advance widths of the embedded font, generated at build time by
 * templates/font/make-font.py from the same subset the PDFs embed. Sorted by
 * code point. Private to iku-font.c. */
#pragma once

#include <glib.h>

typedef struct {
  guint32 codepoint;
  guint16 advance;   /* in font units; see iku_font_units_per_em */
} IkuFontWidth;

extern const guint        iku_font_units_per_em;
extern const IkuFontWidth iku_font_widths_regular[];
extern const guint        iku_font_n_widths_regular;
extern const IkuFontWidth iku_font_widths_bold[];
extern const guint        iku_font_n_widths_bold;
