/* SPDX-License-Identifier: GPL-3.0-or-later
 * The content of an IKU and of the team plan as units: title, info rows, the
 * team and individual sections with their items, and the approval block, each
 * with its structure elements (iku-layout-rows.c draws the lines). */
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

static const IkuLayoutStyle style_title   = { IKU_FONT_BOLD,    18.0, 23.0, COLOR_ACCENT };
static const IkuLayoutStyle style_heading = { IKU_FONT_BOLD,    13.0, 18.0, COLOR_ACCENT };
static const IkuLayoutStyle style_label   = { IKU_FONT_BOLD,    10.5, 15.5, COLOR_TEXT };
static const IkuLayoutStyle style_body    = { IKU_FONT_REGULAR, 10.5, 15.5, COLOR_TEXT };
static const IkuLayoutStyle style_none    = { IKU_FONT_REGULAR, 10.5, 15.5, COLOR_MUTED };
static const IkuLayoutStyle style_caption = { IKU_FONT_REGULAR,  8.5, 12.0, COLOR_MUTED };
static const IkuLayoutStyle style_note    = { IKU_FONT_REGULAR,  9.0, 13.0, COLOR_MUTED };
static const IkuLayoutStyle style_org     = { IKU_FONT_BOLD,    11.0, 15.0, COLOR_ACCENT };

/* The logo is scaled to fit this box (points), its aspect kept, at the top
 * right of page 1; the organisation's name stands left of it when it fits. */
#define LOGO_BOX_WIDTH  170.0
#define LOGO_BOX_HEIGHT 56.0
#define LOGO_GAP        18.0
#define SPACE_MASTHEAD  16.0   /* between the organisation and logo and the title */

/* ---- The parts of an IKU ---- */

/* The organisation's name and logo above the title, when the settings give
 * them; the logo is a Figure whose alternative text is the organisation's
 * name (or "Logo"). Kept with the title. */
static gboolean
add_masthead (IkuLayoutBuilder *b, GError **error)
{
  if (b->organisation == NULL && b->logo == NULL)
    return TRUE;
  g_autofree char *org = b->organisation != NULL
                           ? iku_layout_dup_drawable (b, style_org.style, b->organisation, -1)
                           : NULL;
  guint org_element = org != NULL ? iku_layout_builder_add_element (b, IKU_TAG_P, 0) : 0;
  gboolean org_done = org == NULL;
  if (b->logo != NULL)
    {
      double w = iku_logo_get_width (b->logo), h = iku_logo_get_height (b->logo);
      double scale = MIN (LOGO_BOX_WIDTH / w, LOGO_BOX_HEIGHT / h);
      double logo_w = w * scale, logo_h = h * scale;
      guint figure = iku_layout_builder_add_element (b, IKU_TAG_FIGURE, 0);
      g_array_index (b->layout->elements, IkuLayoutElement, figure).alt =
          g_string_chunk_insert (b->layout->strings,
                                 b->organisation != NULL ? b->organisation : "Logo");
      iku_layout_builder_open_unit (b, 0.0, MAX (logo_h, style_org.leading), -1);
      if (org != NULL && iku_font_text_width (style_org.style, style_org.size, org, -1)
                         <= CONTENT_WIDTH - logo_w - LOGO_GAP)
        {
          iku_layout_builder_add_text_line (b, &style_org, MARGIN_LEFT,
                                            MAX (0.0, (logo_h - style_org.leading) / 2), org,
                                            org_element);
          org_done = TRUE;
        }
      iku_layout_builder_add_image (b, MARGIN_LEFT + CONTENT_WIDTH - logo_w, logo_w, 0.0, logo_h,
                                    figure);
      if (!iku_layout_builder_close_unit (b, error))
        return FALSE;
    }
  if (!org_done)
    {
      IkuLayoutCell cell = { &style_org, MARGIN_LEFT, CONTENT_WIDTH, org, org_element };
      if (!iku_layout_builder_add_row (b, &cell, 1, b->logo != NULL ? 6.0 : 0.0, -1, NULL, 0.0,
                                       0, error))
        return FALSE;
    }
  iku_layout_builder_last_unit (b)->keep_with_next = 1;
  return TRUE;
}

static gboolean
add_title (IkuLayoutBuilder *b, IkuTextId id, GError **error)
{
  g_autofree char *title = iku_layout_dup_drawable (
      b, style_title.style, iku_wording_get (b->wording, id), -1);
  guint first = b->units->len;
  if (!add_masthead (b, error))
    return FALSE;
  double space = b->units->len > first ? SPACE_MASTHEAD : 0.0;
  if (!iku_layout_builder_add_paragraph (b, &style_title, MARGIN_LEFT, CONTENT_WIDTH, title, space,
                              IKU_TAG_H1, error))
    return FALSE;
  iku_layout_builder_open_unit (b, 0.0, 18.0, -1);
  iku_layout_builder_add_line (b, MARGIN_LEFT, MARGIN_LEFT + CONTENT_WIDTH, 7.0, 1.2, COLOR_ACCENT);
  return iku_layout_builder_close_unit (b, error);
}

/* "Label:  value" rows, a table of header and data cells; rows with no value
 * (NULL) are left out, an empty value ("") is a line to fill in by hand. */
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
        table = iku_layout_builder_add_element (b, IKU_TAG_TABLE, 0);
      guint row = iku_layout_builder_add_element (b, IKU_TAG_TR, table);
      guint th = iku_layout_builder_add_element (b, IKU_TAG_TH, row);
      g_autofree char *value = iku_layout_dup_drawable (b, style_body.style, values[i], -1);
      IkuLayoutCell cells[2] = {
        { &style_label, MARGIN_LEFT, column - LABEL_GAP, g_ptr_array_index (label_texts, i), th },
        { &style_body, MARGIN_LEFT + column, CONTENT_WIDTH - column, value,
          *value != '\0' ? iku_layout_builder_add_element (b, IKU_TAG_TD, row) : 0 },
      };
      if (!iku_layout_builder_add_row (b, cells, *value != '\0' ? 2 : 1, i == 0 ? 4.0 : 2.0, -1,
                                       NULL, 0.0, 0, error))
        return FALSE;
      if (*value == '\0')
        iku_layout_builder_add_line (b, MARGIN_LEFT + column, MARGIN_LEFT + CONTENT_WIDTH * 0.75,
                                     style_body.leading - 3.0, 0.5, COLOR_MUTED);
    }
  return TRUE;
}

static gboolean
add_heading (IkuLayoutBuilder *b, IkuTextId id, GError **error)
{
  g_autofree char *text = iku_layout_dup_drawable (b, style_heading.style,
                                                   iku_wording_get (b->wording, id), -1);
  guint first = b->units->len;
  if (!iku_layout_builder_add_paragraph (b, &style_heading, MARGIN_LEFT, CONTENT_WIDTH, text,
                              SPACE_HEADING, IKU_TAG_H2, error))
    return FALSE;
  if (b->units->len == first)
    return TRUE;   /* HR left the heading empty */
  /* The rule goes under the last line; no heading stands alone at a page's foot. */
  for (guint i = first; i + 1 < b->units->len; i++)
    g_array_index (b->units, IkuLayoutUnit, i).keep_with_next = 1;
  IkuLayoutUnit *last = iku_layout_builder_last_unit (b);
  iku_layout_builder_add_line (b, MARGIN_LEFT, MARGIN_LEFT + CONTENT_WIDTH, last->height + 2.0, 0.6,
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
      IkuLayoutCell cell = { &style_body, ITEM_X, ITEM_WIDTH, body, 0 };
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
                list = iku_layout_builder_add_element (b, IKU_TAG_L, 0);
              guint li = iku_layout_builder_add_element (b, IKU_TAG_LI, list);
              label = iku_layout_builder_add_element (b, IKU_TAG_LBL, li);
              list_body = iku_layout_builder_add_element (b, IKU_TAG_LBODY, li);
            }
          cell.element = iku_layout_builder_add_element (b, IKU_TAG_P, list_body);
        }
      else
        {
          in_bullet = FALSE;
          list = G_MAXUINT;
          cell.element = iku_layout_builder_add_element (b, IKU_TAG_P, 0);
        }

      if (!iku_layout_builder_add_row (b, &cell, 1, pending, block,
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
  return iku_layout_builder_add_paragraph (b, &style_none, MARGIN_LEFT, CONTENT_WIDTH, text,
                                SPACE_FIRST, IKU_TAG_P, error);
}

/* The approval block: a sentence, two signature columns (caption over the line's
 * foot, the name below) and an optional note. */
typedef struct {
  IkuTextId   sentence;
  IkuTextId   captions[2];
  const char *names[2];   /* NULL: none */
  gint        note;       /* an IkuTextId, or -1 */
} Approval;

/* Heading, sentence, signature lines with captions and names, note: kept on one
 * page when they fit on one. */
static gboolean
add_approval (IkuLayoutBuilder *b, const Approval *a, GError **error)
{
  guint first = b->units->len;
  if (!add_heading (b, IKU_TEXT_HEADING_APPROVAL, error))
    return FALSE;

  g_autofree char *sentence = iku_layout_dup_drawable (
      b, style_body.style, iku_wording_get (b->wording, a->sentence), -1);
  if (!iku_layout_builder_add_paragraph (b, &style_body, MARGIN_LEFT, CONTENT_WIDTH, sentence,
                                         SPACE_FIRST, IKU_TAG_P, error))
    return FALSE;

  double column = (CONTENT_WIDTH - SIGN_GAP) / 2;
  const double x[2] = { MARGIN_LEFT, MARGIN_LEFT + column + SIGN_GAP };
  iku_layout_builder_open_unit (b, 0.0, SIGN_SPACE, -1);
  for (guint i = 0; i < 2; i++)
    iku_layout_builder_add_line (b, x[i], x[i] + column, SIGN_SPACE - 2.0, 0.7, COLOR_TEXT);
  if (!iku_layout_builder_close_unit (b, error))
    return FALSE;

  /* Read column by column: caption and name of the first signer, then the second's. */
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  IkuLayoutCell captions[2], names[2];
  for (guint i = 0; i < 2; i++)
    {
      char *caption = iku_layout_dup_drawable (
          b, style_caption.style, iku_wording_get (b->wording, a->captions[i]), -1);
      char *name = iku_layout_dup_drawable (b, style_body.style,
                                            a->names[i] != NULL ? a->names[i] : "", -1);
      g_ptr_array_add (texts, caption);
      g_ptr_array_add (texts, name);
      captions[i] = (IkuLayoutCell) { &style_caption, x[i], column, caption,
                                      iku_layout_builder_add_element (b, IKU_TAG_P, 0) };
      names[i] = (IkuLayoutCell) { &style_body, x[i], column, name,
                                   iku_layout_builder_add_element (b, IKU_TAG_P, 0) };
    }
  if (!iku_layout_builder_add_row (b, captions, 2, 2.0, -1, NULL, 0.0, 0, error)
      || !iku_layout_builder_add_row (b, names, 2, 1.0, -1, NULL, 0.0, 0, error))
    return FALSE;

  if (a->note >= 0)
    {
      g_autofree char *note = iku_layout_dup_drawable (
          b, style_note.style, iku_wording_get (b->wording, (IkuTextId) a->note), -1);
      if (!iku_layout_builder_add_paragraph (b, &style_note, MARGIN_LEFT, CONTENT_WIDTH, note,
                                             18.0, IKU_TAG_P, error))
        return FALSE;
    }
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
  const Approval approval = {
    IKU_TEXT_APPROVAL, { IKU_TEXT_SIGN_EMPLOYEE, IKU_TEXT_SIGN_LEADER }, { b->employee, leader },
    IKU_TEXT_FILING_NOTE,
  };
  return add_title (b, IKU_TEXT_TITLE, error)
         && add_info (b, values, labels, G_N_ELEMENTS (values), error)
         && add_section (b, IKU_TEXT_HEADING_TEAM, IKU_TEXT_NONE_TEAM,
                         iku_schema_get_team_items (schema, NULL), error)
         && add_section (b, IKU_TEXT_HEADING_INDIVIDUAL, IKU_TEXT_NONE_INDIVIDUAL,
                         iku_employee_get_items (employee, NULL), error)
         && add_approval (b, &approval, error);
}

/* Every unit of the team plan: the team's items only, the follow-up (a line to
 * fill in when the schema gives none) and the signatures of the leader and a
 * team representative. */
gboolean
iku_layout_builder_add_plan_content (IkuLayoutBuilder  *b,
                                     const IkuSchema   *schema,
                                     const char        *date,
                                     GError           **error)
{
  const char *leader = iku_schema_get_leader (schema);
  const char *follow_up = iku_schema_get_follow_up (schema);
  const char *values[] = {
    iku_schema_get_team (schema), leader, date, follow_up != NULL ? follow_up : "",
  };
  const IkuTextId labels[] = {
    IKU_TEXT_LABEL_TEAM, IKU_TEXT_LABEL_LEADER, IKU_TEXT_LABEL_DATE, IKU_TEXT_LABEL_FOLLOW_UP,
  };
  const Approval approval = {
    IKU_TEXT_PLAN_APPROVAL, { IKU_TEXT_SIGN_LEADER, IKU_TEXT_SIGN_TEAM }, { leader, NULL }, -1,
  };
  return add_title (b, IKU_TEXT_PLAN_TITLE, error)
         && add_info (b, values, labels, G_N_ELEMENTS (values), error)
         && add_section (b, IKU_TEXT_PLAN_HEADING, IKU_TEXT_NONE_TEAM,
                         iku_schema_get_team_items (schema, NULL), error)
         && add_approval (b, &approval, error);
}
