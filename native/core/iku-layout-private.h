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
  IKU_DRAW_IMAGE,  /* the layout's logo (iku_layout_get_logo()) filling the box with
                    * lower left (x, y) and upper right (x2, y2) */
} IkuDrawKind;

/* The structure of the IKU for tagged PDF: a tree of elements in reading order,
 * each a standard structure type (PDF 32000-1, 14.8.4). */
typedef enum {
  IKU_TAG_DOCUMENT,
  IKU_TAG_H1,
  IKU_TAG_H2,
  IKU_TAG_P,
  IKU_TAG_TABLE,
  IKU_TAG_TR,
  IKU_TAG_TH,
  IKU_TAG_TD,
  IKU_TAG_L,
  IKU_TAG_LI,
  IKU_TAG_LBL,
  IKU_TAG_LBODY,
  IKU_TAG_FIGURE,   /* the logo; its alternative text is the element's @alt */
  IKU_TAG_N_ROLES
} IkuTagRole;

/* An element either groups other elements (Document, Table, TR, L, LI, LBody) or
 * holds the text of the draw ops that name it, never both. Element 0 is the
 * Document; every other element's parent comes before it, and siblings come in
 * reading order. */
typedef struct {
  IkuTagRole role;
  guint      parent;   /* index of the parent; 0 for the Document itself */
  const char *alt;     /* a Figure's alternative text (owned by the layout), else NULL */
} IkuLayoutElement;

/* IkuDrawOp.element for what is not content: decoration (rules, item bars,
 * signature lines) and pagination (the footer with name and page number). */
#define IKU_LAYOUT_ARTIFACT_LAYOUT     (-1)
#define IKU_LAYOUT_ARTIFACT_PAGINATION (-2)

typedef struct {
  IkuDrawKind  kind;
  gint         element;      /* index of the element a text belongs to, or an
                              * IKU_LAYOUT_ARTIFACT_*; lines and rectangles are
                              * always artifacts, an image is its Figure's */
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

/* The logo that IKU_DRAW_IMAGE draws, or NULL. (transfer none) */
IkuLogo *iku_layout_get_logo (const IkuLayout *layout);

/* The structure elements, @n_elements of them (at least the Document).
 * (transfer none) */
const IkuLayoutElement *iku_layout_get_elements (const IkuLayout *layout,
                                                 guint           *n_elements);

G_END_DECLS
