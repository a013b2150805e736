/* SPDX-License-Identifier: GPL-3.0-or-later
 * Internal to iku-layout*.c: the layout is built in two steps that share these
 * types. iku-layout-content.c turns the IKU's texts into units — each one line
 * of text high, with the space above it and what it must be kept with — and
 * iku-layout-pages.c places the units on pages, adding item bars and footers.
 * iku-layout.c runs both and owns the result. */
#pragma once

#include "iku-layout-private.h"

G_BEGIN_DECLS

/* Page geometry in points: 25 mm side margins, room for the footer below. */
#define MARGIN_LEFT     70.0
#define CONTENT_WIDTH   (IKU_LAYOUT_PAGE_WIDTH - 2 * MARGIN_LEFT)
#define CONTENT_TOP     (IKU_LAYOUT_PAGE_HEIGHT - 64.0)
#define CONTENT_BOTTOM  84.0
#define CONTENT_HEIGHT  (CONTENT_TOP - CONTENT_BOTTOM)

/* Colours. */
#define COLOR_TEXT      0x1A1A1Au
#define COLOR_MUTED     0x595959u
#define COLOR_ACCENT    0x1F3B5Cu
#define COLOR_RULE      0xB4C3D5u
#define COLOR_BAR       0xC6D3E2u
#define COLOR_FOOTER    0xC8C8C8u

/* How a kind of text looks: font, size, line height, colour. */
typedef struct {
  IkuFontStyle style;
  double       size;
  double       leading;
  guint32      rgb;
} IkuLayoutStyle;

struct _IkuLayout
{
  GStringChunk *strings;   /* every text of every IkuDrawOp */
  GPtrArray    *pages;     /* of GArray of IkuDrawOp */
  GArray       *elements;  /* of IkuLayoutElement */
  char         *missing;
  char         *title;
  char         *author;
  char         *subject;
  IkuLogo      *logo;
};

/* A unit is never split over pages. Its operations' y values are distances
 * down from the unit's top until the unit is placed. */
typedef struct {
  double space_before;    /* dropped at the top of a page */
  double height;
  guint  keep_with_next;  /* following units that must share this unit's page */
  guint  keep_group;      /* same, preferred when the group fits on one page */
  gint   block;           /* item number (for its bar), or -1 */
  guint  first_op;
  guint  n_ops;
} IkuLayoutUnit;

/* The state of iku_layout_new() while it builds one IKU. */
typedef struct {
  IkuLayout        *layout;
  const IkuWording *wording;
  const char       *employee;
  const char       *organisation;   /* printed at the top of page 1, or NULL */
  const IkuLogo    *logo;           /* likewise */
  GArray           *units;
  GArray           *ops;
  GString          *missing;
  GHashTable       *missing_seen;
  double            total_height;
  gint              n_blocks;
} IkuLayoutBuilder;

/* IKU_LAYOUT_ERROR_TOO_LONG for @employee's IKU; returns FALSE. */
gboolean iku_layout_set_too_long             (GError          **error,
                                              const char       *employee);

/* One column of a row of text. */
typedef struct {
  const IkuLayoutStyle *style;
  double                x;
  double                width;
  const char           *text;     /* drawable: see iku_layout_dup_drawable() */
  guint                 element;  /* the structure element its lines belong to */
} IkuLayoutCell;

/* iku-layout-rows.c */
char    *iku_layout_dup_drawable             (IkuLayoutBuilder *b,
                                              IkuFontStyle      style,
                                              const char       *text,
                                              gssize            len);
/* Appends an element of @role under @parent; returns its index. */
guint    iku_layout_builder_add_element      (IkuLayoutBuilder *b,
                                              IkuTagRole        role,
                                              guint             parent);
void     iku_layout_builder_open_unit        (IkuLayoutBuilder *b,
                                              double            space_before,
                                              double            height,
                                              gint              block);
IkuLayoutUnit *iku_layout_builder_last_unit  (IkuLayoutBuilder *b);
gboolean iku_layout_builder_close_unit       (IkuLayoutBuilder *b,
                                              GError          **error);
/* A rule (an artifact) across the last unit, @y_down below its top. */
/* The logo (an IKU_DRAW_IMAGE of @element) in the last unit: @width × @height
 * points at @x, its top @y_down below the unit's top. */
void     iku_layout_builder_add_image        (IkuLayoutBuilder *b,
                                              double            x,
                                              double            width,
                                              double            y_down,
                                              double            height,
                                              guint             element);
/* One line of drawable @text of @element in the last unit, in a line
 * @style->leading high whose top is @y_down below the unit's top. */
void     iku_layout_builder_add_text_line    (IkuLayoutBuilder     *b,
                                              const IkuLayoutStyle *style,
                                              double                x,
                                              double                y_down,
                                              const char           *text,
                                              guint                 element);
void     iku_layout_builder_add_line         (IkuLayoutBuilder *b,
                                              double            x,
                                              double            x2,
                                              double            y_down,
                                              double            width,
                                              guint32           rgb);
gboolean iku_layout_builder_add_row          (IkuLayoutBuilder    *b,
                                              const IkuLayoutCell *cells,
                                              guint                n_cells,
                                              double               space_before,
                                              gint                 block,
                                              const char          *marker,
                                              double               marker_x,
                                              guint                marker_element,
                                              GError             **error);
gboolean iku_layout_builder_add_paragraph    (IkuLayoutBuilder     *b,
                                              const IkuLayoutStyle *style,
                                              double                x,
                                              double                width,
                                              const char           *text,
                                              double                space_before,
                                              IkuTagRole            role,
                                              GError              **error);

/* iku-layout-content.c */
gboolean iku_layout_builder_add_content      (IkuLayoutBuilder  *b,
                                              const IkuSchema   *schema,
                                              const IkuEmployee *employee,
                                              const char        *date,
                                              GError           **error);
gboolean iku_layout_builder_add_plan_content (IkuLayoutBuilder  *b,
                                              const IkuSchema   *schema,
                                              const char        *date,
                                              GError           **error);

/* iku-layout-pages.c */
gboolean iku_layout_builder_paginate         (IkuLayoutBuilder *b,
                                              GError          **error);
void     iku_layout_builder_add_footers      (IkuLayoutBuilder *b);

G_END_DECLS
