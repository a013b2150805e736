/* SPDX-License-Identifier: GPL-3.0-or-later
 * Pagination: units go on pages in order, never split, with what they must be
 * kept with; consecutive units of one item get a bar on the left, one segment
 * per page. Then every page gets its footer: the employee and "Side X af N". */
#include "iku-layout-builder.h"

#include <string.h>

#define FOOTER_RULE_Y   64.0
#define FOOTER_BASELINE 48.0
#define BAR_WIDTH       2.5

static const IkuLayoutStyle style_footer = { IKU_FONT_REGULAR,  8.5, 12.0, COLOR_MUTED };

typedef struct {
  IkuLayout *layout;
  GArray    *page;        /* the page being filled */
  double     y;           /* top of the free space on it */
  gboolean   empty;
  gint       bar_block;   /* item of the open bar segment, or -1 */
  double     bar_top;
  double     bar_bottom;
} Pager;

/* The height of units @i+1 ... that unit @i must share a page with when it keeps
 * @keep of them (transitively through their own keep_with_next). */
static double
kept_height (const GArray *units, guint i, guint keep)
{
  double height = 0.0;
  guint end = MIN (i + keep, units->len - 1);
  for (guint j = i + 1; j <= end; j++)
    {
      const IkuLayoutUnit *u = &g_array_index (units, IkuLayoutUnit, j);
      height += u->space_before + u->height;
      end = MAX (end, MIN (j + u->keep_with_next, units->len - 1));
    }
  return height;
}

/* The room unit @i needs below the current position: itself and the units kept
 * with it, as long as those fit on an empty page. */
static double
needed_height (const GArray *units, guint i, gboolean at_top)
{
  const IkuLayoutUnit *u = &g_array_index (units, IkuLayoutUnit, i);
  double own = u->height + (at_top ? 0.0 : u->space_before);
  const guint keeps[] = { u->keep_group, u->keep_with_next };
  for (guint k = 0; k < G_N_ELEMENTS (keeps); k++)
    {
      if (keeps[k] == 0)
        continue;
      double rest = kept_height (units, i, keeps[k]);
      if (u->height + rest <= CONTENT_HEIGHT)
        return own + rest;
    }
  return own;
}

static void
pager_close_bar (Pager *p)
{
  if (p->bar_block < 0)
    return;
  IkuDrawOp op = {
    .kind = IKU_DRAW_RECT,
    .element = IKU_LAYOUT_ARTIFACT_LAYOUT,
    .rgb = COLOR_BAR,
    .x = MARGIN_LEFT,
    .y = p->bar_bottom + 2.0,
    .x2 = MARGIN_LEFT + BAR_WIDTH,
    .y2 = p->bar_top - 2.0,
  };
  g_array_append_val (p->page, op);
  p->bar_block = -1;
}

/* FALSE when the page would be one too many. */
static gboolean
pager_new_page (Pager *p)
{
  if (p->page != NULL)
    pager_close_bar (p);
  if (p->layout->pages->len >= IKU_LAYOUT_MAX_PAGES)
    return FALSE;
  p->page = g_array_new (FALSE, FALSE, sizeof (IkuDrawOp));
  g_ptr_array_add (p->layout->pages, p->page);
  p->y = CONTENT_TOP;
  p->empty = TRUE;
  return TRUE;
}

/* Places every unit; fails beyond IKU_LAYOUT_MAX_PAGES pages. */
gboolean
iku_layout_builder_paginate (IkuLayoutBuilder *b, GError **error)
{
  Pager p = { .layout = b->layout, .bar_block = -1 };
  if (!pager_new_page (&p))
    return iku_layout_set_too_long (error, b->employee);

  for (guint i = 0; i < b->units->len; i++)
    {
      const IkuLayoutUnit *u = &g_array_index (b->units, IkuLayoutUnit, i);
      if (!p.empty && p.y - needed_height (b->units, i, FALSE) < CONTENT_BOTTOM - 0.01
          && !pager_new_page (&p))
        return iku_layout_set_too_long (error, b->employee);

      double top = p.empty ? p.y : p.y - u->space_before;
      for (guint k = 0; k < u->n_ops; k++)
        {
          IkuDrawOp op = g_array_index (b->ops, IkuDrawOp, u->first_op + k);
          op.y = top - op.y;
          op.y2 = top - op.y2;
          g_array_append_val (p.page, op);
        }
      if (u->block != p.bar_block)
        pager_close_bar (&p);
      if (u->block >= 0)
        {
          if (p.bar_block < 0)
            p.bar_top = top;
          p.bar_block = u->block;
          p.bar_bottom = top - u->height;
        }
      p.y = top - u->height;
      p.empty = FALSE;
    }
  pager_close_bar (&p);
  return TRUE;
}

/* @name, cut with an ellipsis to @width. (transfer full) */
static char *
fit_with_ellipsis (const IkuLayoutStyle *style, const char *name, double width)
{
  gsize len = strlen (name);
  if (iku_font_text_width (style->style, style->size, name, (gssize) len) <= width)
    return g_strdup (name);
  const char *ellipsis = "\xE2\x80\xA6";
  double room = width - iku_font_text_width (style->style, style->size, ellipsis, -1);
  gsize draw = 0;
  iku_font_fit_line (style->style, style->size, name, len, MAX (room, 0.0), &draw);
  g_autofree char *cut = g_strndup (name, draw);
  return g_strconcat (cut, ellipsis, NULL);
}

/* The footer of every page; after pagination, when the number of pages is known. */
void
iku_layout_builder_add_footers (IkuLayoutBuilder *b)
{
  GPtrArray *pages = b->layout->pages;
  g_autofree char *total = g_strdup_printf ("%u", pages->len);
  g_autofree char *name = iku_layout_dup_drawable (b, style_footer.style, b->employee, -1);
  for (guint i = 0; i < pages->len; i++)
    {
      GArray *page = g_ptr_array_index (pages, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      g_autofree char *raw = iku_wording_format (b->wording, IKU_TEXT_PAGE, number, total);
      g_autofree char *side = iku_layout_dup_drawable (b, style_footer.style, raw, -1);
      double side_width = iku_font_text_width (style_footer.style, style_footer.size, side, -1);
      g_autofree char *left = fit_with_ellipsis (&style_footer, name,
                                                 CONTENT_WIDTH - side_width - 24.0);
      IkuDrawOp rule = {
        .kind = IKU_DRAW_LINE,
        .element = IKU_LAYOUT_ARTIFACT_PAGINATION,
        .rgb = COLOR_FOOTER,
        .x = MARGIN_LEFT,
        .y = FOOTER_RULE_Y,
        .x2 = MARGIN_LEFT + CONTENT_WIDTH,
        .y2 = FOOTER_RULE_Y,
        .line_width = 0.5,
      };
      IkuDrawOp text = {
        .kind = IKU_DRAW_TEXT,
        .element = IKU_LAYOUT_ARTIFACT_PAGINATION,
        .rgb = style_footer.rgb,
        .y = FOOTER_BASELINE,
        .style = style_footer.style,
        .size = style_footer.size,
      };
      g_array_append_val (page, rule);
      if (*left != '\0')
        {
          text.x = MARGIN_LEFT;
          text.text = g_string_chunk_insert (b->layout->strings, left);
          g_array_append_val (page, text);
        }
      if (*side != '\0')
        {
          text.x = MARGIN_LEFT + CONTENT_WIDTH - side_width;
          text.text = g_string_chunk_insert (b->layout->strings, side);
          g_array_append_val (page, text);
        }
    }
}
