/* SPDX-License-Identifier: GPL-3.0-or-later
 * The content of an IKU as units: title, info rows, the team and individual
 * sections with their items, and the approval block. Texts are made drawable
 * (NFC, characters the font lacks replaced and noted) and broken into lines
 * with the font's metrics. */
#include "iku-layout-builder.h"

#include <string.h>

/* Items: a thin bar on the left (drawn by the pager) marks each item as one block. */
#define ITEM_X          (MARGIN_LEFT + 14.0)
#define ITEM_WIDTH      (CONTENT_WIDTH - 14.0)
#define BULLET_X        (ITEM_X + 1.0)
#define BULLET_INDENT   13.0

/* Vertical rhythm. */
#define SPACE_HEADING   26.0
#define SPACE_ITEM      12.0
#define SPACE_FIRST     8.0
#define SPACE_EMPTY     0.6   /* an empty line in a cell, in body line heights */
#define SIGN_SPACE      46.0  /* room to sign above the signature lines */
#define SIGN_GAP        36.0  /* between the two signature columns */
#define LABEL_GAP       14.0
#define MAX_CELLS       2

/* Ikuflet Sans' ascender and descender (hhea) in em, to centre text in its line. */
#define FONT_ASCENT     0.905
#define FONT_DESCENT    0.212

static const IkuLayoutStyle style_title   = { IKU_FONT_BOLD,    18.0, 23.0, COLOR_ACCENT };
static const IkuLayoutStyle style_heading = { IKU_FONT_BOLD,    13.0, 18.0, COLOR_ACCENT };
static const IkuLayoutStyle style_label   = { IKU_FONT_BOLD,    10.5, 15.5, COLOR_TEXT };
static const IkuLayoutStyle style_body    = { IKU_FONT_REGULAR, 10.5, 15.5, COLOR_TEXT };
static const IkuLayoutStyle style_none    = { IKU_FONT_REGULAR, 10.5, 15.5, COLOR_MUTED };
static const IkuLayoutStyle style_caption = { IKU_FONT_REGULAR,  8.5, 12.0, COLOR_MUTED };
static const IkuLayoutStyle style_note    = { IKU_FONT_REGULAR,  9.0, 13.0, COLOR_MUTED };

/* One column of a row of text. */
typedef struct {
  const IkuLayoutStyle *style;
  double                x;
  double                width;
  const char           *text;   /* drawable: see iku_layout_dup_drawable() */
  guint                 element; /* the structure element its lines belong to */
} Cell;

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
static guint
builder_add_element (IkuLayoutBuilder *b, IkuTagRole role, guint parent)
{
  IkuLayoutElement element = { role, parent };
  g_array_append_val (b->layout->elements, element);
  return b->layout->elements->len - 1;
}

/* ---- Units ---- */

static void
builder_open_unit (IkuLayoutBuilder *b, double space_before, double height, gint block)
{
  IkuLayoutUnit unit = {
    .space_before = space_before,
    .height = height,
    .block = block,
    .first_op = b->ops->len,
  };
  g_array_append_val (b->units, unit);
}

static IkuLayoutUnit *
builder_last_unit (IkuLayoutBuilder *b)
{
  return &g_array_index (b->units, IkuLayoutUnit, b->units->len - 1);
}

/* The bound on memory and time: more unit height than IKU_LAYOUT_MAX_PAGES
 * pages can hold is too long whatever the page breaks. */
static gboolean
builder_close_unit (IkuLayoutBuilder *b, GError **error)
{
  b->total_height += builder_last_unit (b)->height;
  if (b->total_height > IKU_LAYOUT_MAX_PAGES * CONTENT_HEIGHT)
    return iku_layout_set_too_long (error, b->employee);
  return TRUE;
}

static void
builder_add_op (IkuLayoutBuilder *b, const IkuDrawOp *op)
{
  g_array_append_val (b->ops, *op);
  builder_last_unit (b)->n_ops++;
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

static void
builder_add_line (IkuLayoutBuilder *b, double x, double x2, double y_down, double width,
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
static gboolean
builder_add_row (IkuLayoutBuilder *b,
                 const Cell       *cells,
                 guint             n_cells,
                 double            space_before,
                 gint              block,
                 const char       *marker,
                 double            marker_x,
                 guint             marker_element,
                 GError          **error)
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

      builder_open_unit (b, first ? space_before : 0.0, leading, block);
      if (first && marker != NULL)
        builder_add_text (b, cells[0].style, marker_x,
                          baseline_in (cells[0].style, leading), marker, strlen (marker),
                          marker_element);
      for (guint i = 0; i < n_cells; i++)
        {
          if (pos[i] >= len[i])
            continue;
          const Cell *cell = &cells[i];
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
      if (!builder_close_unit (b, error))
        return FALSE;
    }
}

static gboolean
builder_add_paragraph (IkuLayoutBuilder     *b,
                       const IkuLayoutStyle *style,
                       double                x,
                       double                width,
                       const char           *text,
                       double                space_before,
                       IkuTagRole            role,
                       GError              **error)
{
  Cell cell = { style, x, width, text, builder_add_element (b, role, 0) };
  return builder_add_row (b, &cell, 1, space_before, -1, NULL, 0.0, 0, error);
}

/* ---- The parts of an IKU ---- */

static gboolean
add_title (IkuLayoutBuilder *b, GError **error)
{
  g_autofree char *title = iku_layout_dup_drawable (
      b, style_title.style, iku_wording_get (b->wording, IKU_TEXT_TITLE), -1);
  if (!builder_add_paragraph (b, &style_title, MARGIN_LEFT, CONTENT_WIDTH, title, 0.0,
                              IKU_TAG_H1, error))
    return FALSE;
  builder_open_unit (b, 0.0, 18.0, -1);
  builder_add_line (b, MARGIN_LEFT, MARGIN_LEFT + CONTENT_WIDTH, 7.0, 1.2, COLOR_ACCENT);
  return builder_close_unit (b, error);
}

/* "Label:  value" rows, a table of header and data cells; rows with no value
 * are left out. */
static gboolean
add_info (IkuLayoutBuilder *b, const char * const *values, const IkuTextId *labels, guint n,
          GError **error)
{
  g_autoptr(GPtrArray) label_texts = g_ptr_array_new_with_free_func (g_free);
  double label_width = 0.0;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = g_strconcat (iku_wording_get (b->wording, labels[i]), ":", NULL);
      char *drawable = iku_layout_dup_drawable (b, style_label.style, label, -1);
      if (values[i] != NULL)
        label_width = MAX (label_width, iku_font_text_width (style_label.style, style_label.size,
                                                             drawable, -1));
      g_ptr_array_add (label_texts, drawable);
    }
  /* Long labels (HR may reword them) wrap in at most 40 % of the width. */
  double column = MIN (label_width + LABEL_GAP, 0.4 * CONTENT_WIDTH);

  guint table = G_MAXUINT;
  for (guint i = 0; i < n; i++)
    {
      if (values[i] == NULL)
        continue;
      if (table == G_MAXUINT)
        table = builder_add_element (b, IKU_TAG_TABLE, 0);
      guint row = builder_add_element (b, IKU_TAG_TR, table);
      guint th = builder_add_element (b, IKU_TAG_TH, row);
      g_autofree char *value = iku_layout_dup_drawable (b, style_body.style, values[i], -1);
      Cell cells[2] = {
        { &style_label, MARGIN_LEFT, column - LABEL_GAP, g_ptr_array_index (label_texts, i), th },
        { &style_body, MARGIN_LEFT + column, CONTENT_WIDTH - column, value,
          builder_add_element (b, IKU_TAG_TD, row) },
      };
      if (!builder_add_row (b, cells, 2, i == 0 ? 4.0 : 2.0, -1, NULL, 0.0, 0, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_heading (IkuLayoutBuilder *b, IkuTextId id, GError **error)
{
  g_autofree char *text = iku_layout_dup_drawable (b, style_heading.style,
                                                   iku_wording_get (b->wording, id), -1);
  guint first = b->units->len;
  if (!builder_add_paragraph (b, &style_heading, MARGIN_LEFT, CONTENT_WIDTH, text,
                              SPACE_HEADING, IKU_TAG_H2, error))
    return FALSE;
  if (b->units->len == first)
    return TRUE;   /* HR left the heading empty */
  /* The rule goes under the last line; no heading stands alone at a page's foot. */
  for (guint i = first; i + 1 < b->units->len; i++)
    g_array_index (b->units, IkuLayoutUnit, i).keep_with_next = 1;
  IkuLayoutUnit *last = builder_last_unit (b);
  builder_add_line (b, MARGIN_LEFT, MARGIN_LEFT + CONTENT_WIDTH, last->height + 2.0, 0.6,
                    COLOR_RULE);
  last->height += 6.0;
  b->total_height += 6.0;
  last->keep_with_next = 2;
  return TRUE;
}

/* A bullet: optional leading spaces, one of • - * – and a space. Returns the
 * text after the marker and its spaces, or NULL. */
static const char *
bullet_body (const char *line)
{
  static const char *const markers[] = { "\xE2\x80\xA2", "-", "*", "\xE2\x80\x93" };
  const char *p = line + strspn (line, " ");
  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      gsize n = strlen (markers[i]);
      if (strncmp (p, markers[i], n) == 0 && p[n] == ' ')
        return p + n + strspn (p + n, " ");
    }
  return NULL;
}

/* Where the line starting at @p ends: at '\n', '\r', U+2028 or U+2029.
 * Sets @next to the start of the following line, or NULL at the end. */
static gsize
line_length (const char *p, const char **next)
{
  for (const char *q = p; *q != '\0'; q = g_utf8_next_char (q))
    {
      gunichar c = g_utf8_get_char (q);
      if (c == '\n' || c == '\r' || c == 0x2028 || c == 0x2029)
        {
          const char *after = g_utf8_next_char (q);
          if (c == '\r' && *after == '\n')
            after++;
          *next = after;
          return (gsize) (q - p);
        }
    }
  *next = NULL;
  return strlen (p);
}

/* One item (a cell's text) as a block: lines kept, empty lines as space, bullet
 * lines with a bullet and a hanging indent, which indented lines after them
 * continue. Tagged as a P per line; consecutive bullets as one L, each an LI
 * of an Lbl (the bullet) and an LBody with a P per line. */
static gboolean
add_item (IkuLayoutBuilder *b, const char *item, double space_before, GError **error)
{
  gint block = b->n_blocks++;
  double pending = space_before;
  gboolean any = FALSE;
  gboolean in_bullet = FALSE;
  guint list = G_MAXUINT;   /* the open L, while bullets follow each other */
  guint list_body = 0;      /* the LBody of its last LI */

  for (const char *line = item; line != NULL;)
    {
      const char *next = NULL;
      gsize len = line_length (line, &next);
      g_autofree char *text = iku_layout_dup_drawable (b, style_body.style, line,
                                                       (gssize) len);
      line = next;

      const char *body = text + strspn (text, " ");
      if (*body == '\0')
        {
          if (any)
            pending = MAX (pending, SPACE_EMPTY * style_body.leading);
          in_bullet = FALSE;
          list = G_MAXUINT;
          continue;
        }

      const char *bullet = bullet_body (text);
      Cell cell = { &style_body, ITEM_X, ITEM_WIDTH, body, 0 };
      guint label = 0;
      if (bullet != NULL || (in_bullet && body != text))
        {
          cell.x = ITEM_X + BULLET_INDENT;
          cell.width = ITEM_WIDTH - BULLET_INDENT;
          cell.text = bullet != NULL ? bullet : body;
          in_bullet = TRUE;
          if (bullet != NULL)
            {
              if (list == G_MAXUINT)
                list = builder_add_element (b, IKU_TAG_L, 0);
              guint li = builder_add_element (b, IKU_TAG_LI, list);
              label = builder_add_element (b, IKU_TAG_LBL, li);
              list_body = builder_add_element (b, IKU_TAG_LBODY, li);
            }
          cell.element = builder_add_element (b, IKU_TAG_P, list_body);
        }
      else
        {
          in_bullet = FALSE;
          list = G_MAXUINT;
          cell.element = builder_add_element (b, IKU_TAG_P, 0);
        }

      if (!builder_add_row (b, &cell, 1, pending, block,
                            bullet != NULL ? "\xE2\x80\xA2" : NULL, BULLET_X, label, error))
        return FALSE;
      pending = 0.0;
      any = TRUE;
    }
  return TRUE;
}

static gboolean
add_section (IkuLayoutBuilder *b, IkuTextId heading, IkuTextId none,
             const char * const *items, GError **error)
{
  if (!add_heading (b, heading, error))
    return FALSE;
  guint n_units = b->units->len;
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    if (!add_item (b, items[i], i == 0 ? SPACE_FIRST : SPACE_ITEM, error))
      return FALSE;
  if (b->units->len > n_units)
    return TRUE;

  g_autofree char *text = iku_layout_dup_drawable (b, style_none.style,
                                                   iku_wording_get (b->wording, none), -1);
  return builder_add_paragraph (b, &style_none, MARGIN_LEFT, CONTENT_WIDTH, text,
                                SPACE_FIRST, IKU_TAG_P, error);
}

/* Heading, sentence, signature lines with captions and names, filing note:
 * kept on one page when they fit on one. */
static gboolean
add_approval (IkuLayoutBuilder *b, const char *employee, const char *leader, GError **error)
{
  guint first = b->units->len;
  if (!add_heading (b, IKU_TEXT_HEADING_APPROVAL, error))
    return FALSE;

  g_autofree char *sentence = iku_layout_dup_drawable (
      b, style_body.style, iku_wording_get (b->wording, IKU_TEXT_APPROVAL), -1);
  if (!builder_add_paragraph (b, &style_body, MARGIN_LEFT, CONTENT_WIDTH, sentence,
                              SPACE_FIRST, IKU_TAG_P, error))
    return FALSE;

  double column = (CONTENT_WIDTH - SIGN_GAP) / 2;
  double x2 = MARGIN_LEFT + column + SIGN_GAP;
  builder_open_unit (b, 0.0, SIGN_SPACE, -1);
  builder_add_line (b, MARGIN_LEFT, MARGIN_LEFT + column, SIGN_SPACE - 2.0, 0.7, COLOR_TEXT);
  builder_add_line (b, x2, x2 + column, SIGN_SPACE - 2.0, 0.7, COLOR_TEXT);
  if (!builder_close_unit (b, error))
    return FALSE;

  g_autofree char *sign_employee = iku_layout_dup_drawable (
      b, style_caption.style, iku_wording_get (b->wording, IKU_TEXT_SIGN_EMPLOYEE), -1);
  g_autofree char *sign_leader = iku_layout_dup_drawable (
      b, style_caption.style, iku_wording_get (b->wording, IKU_TEXT_SIGN_LEADER), -1);
  /* Read column by column: caption and name of the employee, then the leader's. */
  guint caption_employee = builder_add_element (b, IKU_TAG_P, 0);
  guint name_employee_p = builder_add_element (b, IKU_TAG_P, 0);
  guint caption_leader = builder_add_element (b, IKU_TAG_P, 0);
  guint name_leader_p = builder_add_element (b, IKU_TAG_P, 0);
  Cell captions[2] = {
    { &style_caption, MARGIN_LEFT, column, sign_employee, caption_employee },
    { &style_caption, x2, column, sign_leader, caption_leader },
  };
  if (!builder_add_row (b, captions, 2, 2.0, -1, NULL, 0.0, 0, error))
    return FALSE;

  g_autofree char *name_employee = iku_layout_dup_drawable (b, style_body.style, employee, -1);
  g_autofree char *name_leader = iku_layout_dup_drawable (b, style_body.style,
                                                          leader != NULL ? leader : "", -1);
  Cell names[2] = {
    { &style_body, MARGIN_LEFT, column, name_employee, name_employee_p },
    { &style_body, x2, column, name_leader, name_leader_p },
  };
  if (!builder_add_row (b, names, 2, 1.0, -1, NULL, 0.0, 0, error))
    return FALSE;

  g_autofree char *note = iku_layout_dup_drawable (
      b, style_note.style, iku_wording_get (b->wording, IKU_TEXT_FILING_NOTE), -1);
  if (!builder_add_paragraph (b, &style_note, MARGIN_LEFT, CONTENT_WIDTH, note, 18.0,
                              IKU_TAG_P, error))
    return FALSE;

  if (b->units->len > first)
    g_array_index (b->units, IkuLayoutUnit, first).keep_group = b->units->len - first - 1;
  return TRUE;
}

/* Every unit of the IKU, in order; @date may be NULL (no date line). */
gboolean
iku_layout_builder_add_content (IkuLayoutBuilder  *b,
                                const IkuSchema   *schema,
                                const IkuEmployee *employee,
                                const char        *date,
                                GError           **error)
{
  const char *leader = iku_schema_get_leader (schema);
  const char *values[] = {
    b->employee, iku_schema_get_team (schema), leader, date,
  };
  const IkuTextId labels[] = {
    IKU_TEXT_LABEL_EMPLOYEE, IKU_TEXT_LABEL_TEAM, IKU_TEXT_LABEL_LEADER, IKU_TEXT_LABEL_DATE,
  };
  return add_title (b, error)
         && add_info (b, values, labels, G_N_ELEMENTS (values), error)
         && add_section (b, IKU_TEXT_HEADING_TEAM, IKU_TEXT_NONE_TEAM,
                         iku_schema_get_team_items (schema, NULL), error)
         && add_section (b, IKU_TEXT_HEADING_INDIVIDUAL, IKU_TEXT_NONE_INDIVIDUAL,
                         iku_employee_get_items (employee, NULL), error)
         && add_approval (b, b->employee, leader, error);
}
