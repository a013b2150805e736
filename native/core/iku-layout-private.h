/* SPDX-License-Identifier: GPL-3.0-or-later
 * What a laid-out IKU draws, page by page: for iku-pdf.c (and the layout's unit
 * test) only. Coordinates are PDF points with the origin at the page's lower
 * left corner, y growing upwards. */
#pragma once

#include "iku-layout.h"
#include "iku-font.h"

G_BEGIN_DECLS

/* A4 portrait. */
#define IKU_LAYOUT_PAGE_WIDTH  595.276
#define IKU_LAYOUT_PAGE_HEIGHT 841.89

typedef enum {
  IKU_DRAW_TEXT,   /* @text in @style at @size, baseline starting at (x, y) */
  IKU_DRAW_LINE,   /* a stroke from (x, y) to (x2, y2), @line_width thick */
  IKU_DRAW_RECT,   /* a filled rectangle, lower left (x, y), upper right (x2, y2) */
} IkuDrawKind;

typedef struct {
  IkuDrawKind  kind;
  guint32      rgb;          /* 0xRRGGBB: text and fill colour, or stroke colour */
  double       x, y;
  double       x2, y2;       /* LINE and RECT */
  double       line_width;   /* LINE */
  IkuFontStyle style;        /* TEXT */
  double       size;         /* TEXT: font size in points */
  const char  *text;         /* TEXT: non-empty UTF-8 of characters the font shows
                              * (or IKU_FONT_REPLACEMENT_CHAR); owned by the layout */
} IkuDrawOp;

/* The operations of page @page (0-based, < iku_layout_get_n_pages()) in drawing
 * order. (transfer none) */
const IkuDrawOp *iku_layout_get_page_ops (const IkuLayout *layout,
                                          guint            page,
                                          guint           *n_ops);

G_END_DECLS
