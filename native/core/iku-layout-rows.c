/* SPDX-License-Identifier: GPL-3.0-or-later
 * The layout's primitives: text made drawable (NFC, characters the font lacks
 * replaced and noted), structure elements, units, and rows of cells broken into
 * lines with the font's metrics. */
#include "iku-layout-builder.h"

#include <string.h>

/* Ikuflet Sans' ascender and descender (hhea) in em, to centre text in its line. */
#define FONT_ASCENT     0.905
#define FONT_DESCENT    0.212
#define MAX_CELLS       2

/* ---- Text the font can draw ---- */

static void
note_missing (IkuLayoutBuilder *b, gunichar c)
{
  if (g_hash_table_add (b->missing_seen, GUINT_TO_POINTER (c)))
    g_string_append_unichar (b->missing, c);
}

/* @text as it is drawn in @style: NFC; tabs as spaces; control and invisible
 * format characters dropped; characters the font lacks (all above U+FFFF among
 * them) replaced by IKU_FONT_REPLACEMENT_CHAR and noted. (transfer full) */
/* TRUE when @text (@len bytes) is valid UTF-8 with no character from U+0300 on:
 * such text is NFC already (the first characters that normalization can change
 * or combine are the combining marks from U+0300), and most Danish text is. */
static gboolean
is_plain_nfc (const char *text, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if ((guchar) text[i] >= 0xCC)
      return FALSE;
  return g_utf8_validate (text, (gssize) len, NULL);
}

char *
iku_layout_dup_drawable (IkuLayoutBuilder *b, IkuFontStyle style, const char *text, gssize len)
{
  gsize n = len < 0 ? strlen (text) : (gsize) len;
  g_autofree char *nfc = is_plain_nfc (text, n) ? g_strndup (text, n)
                                                : g_utf8_normalize (text, len, G_NORMALIZE_NFC);
  if (nfc == NULL)
    {
      g_autofree char *valid = g_utf8_make_valid (text, len);
      nfc = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);
    }
  GString *out = g_string_sized_new (strlen (nfc));
  for (const char *p = nfc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);
      if (c == '\t')
        c = ' ';
      else if (type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT)
        continue;
      else if (!iku_font_has_glyph (style, c))
        {
          note_missing (b, c);
          c = IKU_FONT_REPLACEMENT_CHAR;
        }
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* ---- Structure elements ---- */

/* Appends an element of @role under @parent; returns its index. */
guint
iku_layout_builder_add_element (IkuLayoutBuilder *b, IkuTagRole role, guint parent)
{
  IkuLayoutElement element = { role, parent, NULL };
  g_array_append_val (b->layout->elements, element);
  return b->layout->elements->len - 1;
}

/* ---- Units ---- */

void
iku_layout_builder_open_unit (IkuLayoutBuilder *b, double space_before, double height, gint block)
{
  IkuLayoutUnit unit = {
    .space_before = space_before,
    .height = height,
    .block = block,
    .first_op = b->ops->len,
  };
  g_array_append_val (b->units, unit);
}

IkuLayoutUnit *
iku_layout_builder_last_unit (IkuLayoutBuilder *b)
{
  return &g_array_index (b->units, IkuLayoutUnit, b->units->len - 1);
}

/* The bound on memory and time: more unit height than IKU_LAYOUT_MAX_PAGES
 * pages can hold is too long whatever the page breaks. */
gboolean
iku_layout_builder_close_unit (IkuLayoutBuilder *b, GError **error)
{
  b->total_height += iku_layout_builder_last_unit (b)->height;
  if (b->total_height > IKU_LAYOUT_MAX_PAGES * CONTENT_HEIGHT)
    return iku_layout_set_too_long (error, b->employee);
  return TRUE;
}

static void
builder_add_op (IkuLayoutBuilder *b, const IkuDrawOp *op)
{
  g_array_append_val (b->ops, *op);
  iku_layout_builder_last_unit (b)->n_ops++;
}

/* Distance from the top of a line @leading high down to the baseline. */
static double
baseline_in (const IkuLayoutStyle *style, double leading)
{
  double box = (FONT_ASCENT + FONT_DESCENT) * style->size;
  return (leading - box) / 2 + FONT_ASCENT * style->size;
}

static void
builder_add_text (IkuLayoutBuilder *b, const IkuLayoutStyle *style, double x, double y_down,
                  const char *text, gsize len, guint element)
{
  if (len == 0)
    return;
  IkuDrawOp op = {
    .kind = IKU_DRAW_TEXT,
    .element = (gint) element,
    .rgb = style->rgb,
    .x = x,
    .y = y_down,
    .style = style->style,
    .size = style->size,
    .text = g_string_chunk_insert_len (b->layout->strings, text, (gssize) len),
  };
  builder_add_op (b, &op);
}

void
iku_layout_builder_add_image (IkuLayoutBuilder *b, double x, double width, double y_down,
                              double height, guint element)
{
  IkuDrawOp op = {
    .kind = IKU_DRAW_IMAGE,
    .element = (gint) element,
    .x = x,
    .y = y_down + height,
    .x2 = x + width,
    .y2 = y_down,
  };
  builder_add_op (b, &op);
}

void
iku_layout_builder_add_text_line (IkuLayoutBuilder *b, const IkuLayoutStyle *style, double x,
                                  double y_down, const char *text, guint element)
{
  builder_add_text (b, style, x, y_down + baseline_in (style, style->leading), text,
                    strlen (text), element);
}

void
iku_layout_builder_add_line (IkuLayoutBuilder *b, double x, double x2, double y_down, double width,
                  guint32 rgb)
{
  IkuDrawOp op = {
    .kind = IKU_DRAW_LINE,
    .element = IKU_LAYOUT_ARTIFACT_LAYOUT,
    .rgb = rgb,
    .x = x,
    .y = y_down,
    .x2 = x2,
    .y2 = y_down,
    .line_width = width,
  };
  builder_add_op (b, &op);
}

static gsize
skip_spaces (const char *text, gsize pos, gsize len)
{
  while (pos < len && text[pos] == ' ')
    pos++;
  return pos;
}

/* Lays out side-by-side cells as lines, one unit per line: line k of the row
 * holds line k of every cell. @marker, when given, is drawn at @marker_x on the
 * first line in the first cell's style (a bullet), as the text of element
 * @marker_element. A line broken at a space keeps one space at its end: a
 * screen reader (and text extraction per element) joins the lines of an
 * element as they are. */
gboolean
iku_layout_builder_add_row (IkuLayoutBuilder    *b,
                            const IkuLayoutCell *cells,
                            guint                n_cells,
                            double               space_before,
                            gint                 block,
                            const char          *marker,
                            double               marker_x,
                            guint                marker_element,
                            GError             **error)
{
  g_assert (n_cells > 0 && n_cells <= MAX_CELLS);

  gsize pos[MAX_CELLS];
  gsize len[MAX_CELLS];
  double leading = 0.0;
  for (guint i = 0; i < n_cells; i++)
    {
      len[i] = strlen (cells[i].text);
      pos[i] = skip_spaces (cells[i].text, 0, len[i]);
      leading = MAX (leading, cells[i].style->leading);
    }

  for (gboolean first = TRUE;; first = FALSE)
    {
      gboolean more = FALSE;
      for (guint i = 0; i < n_cells; i++)
        more = more || pos[i] < len[i];
      if (!more)
        return TRUE;

      iku_layout_builder_open_unit (b, first ? space_before : 0.0, leading, block);
      if (first && marker != NULL)
        builder_add_text (b, cells[0].style, marker_x,
                          baseline_in (cells[0].style, leading), marker, strlen (marker),
                          marker_element);
      for (guint i = 0; i < n_cells; i++)
        {
          if (pos[i] >= len[i])
            continue;
          const IkuLayoutCell *cell = &cells[i];
          const char *text = cell->text + pos[i];
          gsize draw = 0;
          gsize used = iku_font_fit_line (cell->style->style, cell->style->size, text,
                                          len[i] - pos[i], cell->width, &draw);
          if (pos[i] + used < len[i] && text[draw] == ' ')
            draw++;
          builder_add_text (b, cell->style, cell->x, baseline_in (cell->style, leading),
                            text, draw, cell->element);
          pos[i] = skip_spaces (cell->text, pos[i] + used, len[i]);
        }
      if (!iku_layout_builder_close_unit (b, error))
        return FALSE;
    }
}

gboolean
iku_layout_builder_add_paragraph (IkuLayoutBuilder     *b,
                       const IkuLayoutStyle *style,
                       double                x,
                       double                width,
                       const char           *text,
                       double                space_before,
                       IkuTagRole            role,
                       GError              **error)
{
  IkuLayoutCell cell = { style, x, width, text, iku_layout_builder_add_element (b, role, 0) };
  return iku_layout_builder_add_row (b, &cell, 1, space_before, -1, NULL, 0.0, 0, error);
}

