/* SPDX-License-Identifier: GPL-3.0-or-later
 * Tests of iku-layout: what is drawn where, on which page — without a PDF. */
#include "iku-layout-private.h"
#include "iku-schema.h"
#include "iku-test-util.h"
#include "iku-wording.h"

#include <math.h>
#include <string.h>

/* Below this, only the footer is drawn. */
#define FOOTER_TOP 70.0
/* Content never goes lower than this (the layout's bottom margin). */
#define CONTENT_LOWEST 84.0

static IkuWording *
load_wording (void)
{
  const char *dir = g_getenv ("IKUFLET_DATA_DIR");
  g_assert_nonnull (dir);
  g_autofree char *path = g_build_filename (dir, "iku-tekster.ini", NULL);
  g_autoptr(GError) error = NULL;
  IkuWording *wording = iku_wording_new_from_file (path, &error);
  g_assert_no_error (error);
  return wording;
}

static IkuSchema *
schema_from_grid (const IkuGrid *grid)
{
  g_autoptr(GError) error = NULL;
  IkuSchema *schema = iku_schema_new_from_grid (grid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (schema);
  return schema;
}

static IkuSchema *
schema_from_spec (const char *spec)
{
  g_autoptr(IkuGrid) grid = iku_test_grid_new ("Ark1", spec);
  return schema_from_grid (grid);
}

/* One employee "Anne Berg" with @individual (cells of rows), the team items
 * @team, no header area. */
static IkuSchema *
schema_with_items (const char * const *individual, guint n_individual,
                   const char * const *team, guint n_team)
{
  g_autoptr(IkuGrid) grid = iku_grid_new ("Ark1");
  g_autoptr(GError) error = NULL;
  gboolean ok = iku_grid_set_cell (grid, 0, 0, "Navn", -1, &error)
                && iku_grid_set_cell (grid, 0, 1, "Individuelt fokus", -1, &error)
                && iku_grid_set_cell (grid, 0, 2, "Teamfokus", -1, &error)
                && iku_grid_set_cell (grid, 1, 0, "Anne Berg", -1, &error);
  for (guint i = 0; ok && i < MAX (n_individual, n_team); i++)
    {
      if (i < n_individual)
        ok = iku_grid_set_cell (grid, 1 + i, 1, individual[i], -1, &error);
      if (ok && i < n_team)
        ok = iku_grid_set_cell (grid, 1 + i, 2, team[i], -1, &error);
    }
  g_assert_no_error (error);
  g_assert_true (ok);
  return schema_from_grid (grid);
}

static IkuLayout *
layout_new (const IkuSchema *schema, const char *date)
{
  g_autoptr(IkuWording) wording = load_wording ();
  g_autoptr(GError) error = NULL;
  IkuLayout *layout = iku_layout_new (schema, 0, date, wording, &error);
  g_assert_no_error (error);
  g_assert_nonnull (layout);
  return layout;
}

static gboolean
is_footer (const IkuDrawOp *op)
{
  return op->y < FOOTER_TOP;
}

/* The structure for tagged PDF: a tree rooted in the Document, parents before
 * children; text only in leaves (which group nothing), decoration and footers
 * as artifacts, and every leaf has text. */
static void
assert_structure_sound (const IkuLayout *layout)
{
  guint n = 0;
  const IkuLayoutElement *elements = iku_layout_get_elements (layout, &n);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpint (elements[0].role, ==, IKU_TAG_DOCUMENT);
  g_autofree gboolean *is_parent = g_new0 (gboolean, n);
  g_autofree guint *n_texts = g_new0 (guint, n);
  for (guint i = 1; i < n; i++)
    {
      g_assert_cmpuint (elements[i].parent, <, i);
      g_assert_cmpint (elements[i].role, !=, IKU_TAG_DOCUMENT);
      is_parent[elements[i].parent] = TRUE;
    }
  for (guint p = 0; p < iku_layout_get_n_pages (layout); p++)
    {
      guint n_ops = 0;
      const IkuDrawOp *ops = iku_layout_get_page_ops (layout, p, &n_ops);
      for (guint i = 0; i < n_ops; i++)
        {
          const IkuDrawOp *op = &ops[i];
          if (op->kind != IKU_DRAW_TEXT)
            g_assert_cmpint (op->element, <, 0);
          else if (is_footer (op))
            g_assert_cmpint (op->element, ==, IKU_LAYOUT_ARTIFACT_PAGINATION);
          else
            {
              g_assert_cmpint (op->element, >, 0);
              g_assert_cmpint (op->element, <, (gint) n);
              g_assert_false (is_parent[op->element]);
              n_texts[op->element]++;
            }
        }
    }
  const IkuTagRole groups[] = { IKU_TAG_TABLE, IKU_TAG_TR, IKU_TAG_L, IKU_TAG_LI, IKU_TAG_LBODY };
  for (guint i = 1; i < n; i++)
    for (guint k = 0; k < G_N_ELEMENTS (groups); k++)
      if (elements[i].role == groups[k])
        {
          g_assert_true (is_parent[i]);
          g_assert_cmpuint (n_texts[i], ==, 0);
        }
}

/* The texts of element @element, joined as a screen reader reads them. */
static char *
element_text (const IkuLayout *layout, gint element)
{
  GString *s = g_string_new (NULL);
  for (guint p = 0; p < iku_layout_get_n_pages (layout); p++)
    {
      guint n_ops = 0;
      const IkuDrawOp *ops = iku_layout_get_page_ops (layout, p, &n_ops);
      for (guint i = 0; i < n_ops; i++)
        if (ops[i].kind == IKU_DRAW_TEXT && ops[i].element == element)
          g_string_append (s, ops[i].text);
    }
  return g_string_free (s, FALSE);
}

/* Every invariant of a layout: texts on the page and within the margins, only
 * drawable characters, content above the footer, the right footer, and a
 * sound structure. */
static void
assert_layout_sound (const IkuLayout *layout, const char *name)
{
  assert_structure_sound (layout);
  guint n_pages = iku_layout_get_n_pages (layout);
  g_assert_cmpuint (n_pages, >=, 1);
  g_assert_cmpuint (n_pages, <=, IKU_LAYOUT_MAX_PAGES);
  for (guint p = 0; p < n_pages; p++)
    {
      guint n_ops = 0;
      const IkuDrawOp *ops = iku_layout_get_page_ops (layout, p, &n_ops);
      g_autofree char *side = g_strdup_printf ("Side %u af %u", p + 1, n_pages);
      guint n_side = 0;
      guint n_name = 0;
      for (guint i = 0; i < n_ops; i++)
        {
          const IkuDrawOp *op = &ops[i];
          g_assert_cmpfloat (op->x, >=, 60.0);
          g_assert_cmpfloat (op->y, >=, 40.0);
          g_assert_cmpfloat (op->y, <=, IKU_LAYOUT_PAGE_HEIGHT - 60.0);
          if (op->kind != IKU_DRAW_TEXT)
            {
              g_assert_cmpfloat (op->x2, <=, IKU_LAYOUT_PAGE_WIDTH - 60.0);
              g_assert_cmpfloat (op->y2, <=, IKU_LAYOUT_PAGE_HEIGHT - 60.0);
              if (!is_footer (op))
                g_assert_cmpfloat (MIN (op->y, op->y2), >=, CONTENT_LOWEST - 4.0);
              continue;
            }
          g_assert_nonnull (op->text);
          g_assert_cmpstr (op->text, !=, "");
          g_assert_true (g_utf8_validate (op->text, -1, NULL));
          for (const char *c = op->text; *c != '\0'; c = g_utf8_next_char (c))
            {
              gunichar u = g_utf8_get_char (c);
              g_assert_true (u == IKU_FONT_REPLACEMENT_CHAR || iku_font_has_glyph (op->style, u));
              g_assert_true (u != '\t' && u != '\n');
            }
          double width = iku_font_text_width (op->style, op->size, op->text, -1);
          g_assert_cmpfloat (op->x + width, <=, IKU_LAYOUT_PAGE_WIDTH - 60.0 + 1e-6);
          if (is_footer (op))
            {
              if (strcmp (op->text, side) == 0)
                n_side++;
              else if (g_str_has_prefix (name, op->text)
                       || (g_str_has_suffix (op->text, "…")
                           && strncmp (name, op->text, strlen (op->text) - strlen ("…")) == 0))
                n_name++;
              else
                g_error ("unexpected footer text »%s« on page %u", op->text, p + 1);
            }
          else
            g_assert_cmpfloat (op->y, >=, CONTENT_LOWEST);
        }
      g_assert_cmpuint (n_side, ==, 1);
      g_assert_cmpuint (n_name, ==, 1);
    }
}

/* The texts of the content (not the footers), page after page, joined by @sep. */
static char *
content_text (const IkuLayout *layout, const char *sep)
{
  GString *s = g_string_new (NULL);
  for (guint p = 0; p < iku_layout_get_n_pages (layout); p++)
    {
      guint n_ops = 0;
      const IkuDrawOp *ops = iku_layout_get_page_ops (layout, p, &n_ops);
      for (guint i = 0; i < n_ops; i++)
        if (ops[i].kind == IKU_DRAW_TEXT && !is_footer (&ops[i]))
          {
            g_string_append (s, ops[i].text);
            g_string_append (s, sep);
          }
    }
  return g_string_free (s, FALSE);
}

static char *
strip_space (const char *text)
{
  GString *s = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (s, g_utf8_get_char (p));
  return g_string_free (s, FALSE);
}

typedef struct {
  guint            page;
  guint            index;
  const IkuDrawOp *op;
} Found;

/* The first text op (from page @from_page on) whose text starts with @prefix. */
static Found
find_text (const IkuLayout *layout, const char *prefix)
{
  for (guint p = 0; p < iku_layout_get_n_pages (layout); p++)
    {
      guint n_ops = 0;
      const IkuDrawOp *ops = iku_layout_get_page_ops (layout, p, &n_ops);
      for (guint i = 0; i < n_ops; i++)
        if (ops[i].kind == IKU_DRAW_TEXT && g_str_has_prefix (ops[i].text, prefix))
          return (Found) { p, i, &ops[i] };
    }
  g_error ("no text starting with »%s«", prefix);
}

/* The lowest content text on page @page. */
static const IkuDrawOp *
last_content (const IkuLayout *layout, guint page)
{
  guint n_ops = 0;
  const IkuDrawOp *ops = iku_layout_get_page_ops (layout, page, &n_ops);
  const IkuDrawOp *last = NULL;
  for (guint i = 0; i < n_ops; i++)
    if (ops[i].kind == IKU_DRAW_TEXT && !is_footer (&ops[i]) && (last == NULL || ops[i].y < last->y))
      last = &ops[i];
  return last;
}

/* The first content text on page @page. */
static const IkuDrawOp *
first_content (const IkuLayout *layout, guint page)
{
  guint n_ops = 0;
  const IkuDrawOp *ops = iku_layout_get_page_ops (layout, page, &n_ops);
  const IkuDrawOp *first = NULL;
  for (guint i = 0; i < n_ops; i++)
    if (ops[i].kind == IKU_DRAW_TEXT && !is_footer (&ops[i]) && (first == NULL || ops[i].y > first->y))
      first = &ops[i];
  return first;
}

/* ---- Tests ---- */

static void
test_basic (void)
{
  g_autoptr(IkuSchema) schema = schema_from_spec (
      "Team:|Hjemmeplejen Nord\n"
      "Leder:||Mette Hansen\n"
      "Dato:|3. marts 2026\n"
      "Navn|Individuelt fokus|Teamfokus\n"
      "Søren Ærø Åse|Kursus i konflikthåndtering|Fælles faglig sparring hver måned\n"
      "|Mentor for nye kolleger|Bedre overlevering\n"
      "Anne Berg|Diabetes-kursus|");
  g_autoptr(IkuLayout) layout = layout_new (schema, NULL);
  assert_layout_sound (layout, "Søren Ærø Åse");
  g_assert_cmpuint (iku_layout_get_n_pages (layout), ==, 1);
  g_assert_null (iku_layout_get_missing_chars (layout));
  g_assert_cmpstr (iku_layout_get_title (layout), ==, "IKU – Søren Ærø Åse");
  g_assert_cmpstr (iku_layout_get_author (layout), ==, "Mette Hansen");
  g_assert_cmpstr (iku_layout_get_subject (layout), ==, "Individuel kompetenceudviklingsplan");

  g_autofree char *text = content_text (layout, "\n");
  g_assert_nonnull (strstr (text, "Individuel kompetenceudviklingsplan (IKU)\n"
                                  "Medarbejder:\nSøren Ærø Åse\n"
                                  "Team:\nHjemmeplejen Nord\n"
                                  "Leder:\nMette Hansen\n"
                                  "Dato for samtalen:\n3. marts 2026\n"
                                  "Teamfokus\n"
                                  "Fælles faglig sparring hver måned\n"
                                  "Bedre overlevering\n"
                                  "Individuelt fokus\n"
                                  "Kursus i konflikthåndtering\n"
                                  "Mentor for nye kolleger\n"
                                  "Godkendelse\n"));
  g_assert_null (strstr (text, "Diabetes"));
  /* Labels and values share their line; the values are aligned. */
  Found label = find_text (layout, "Medarbejder:");
  Found value = find_text (layout, "Søren Ærø Åse");
  Found team = find_text (layout, "Hjemmeplejen Nord");
  g_assert_cmpfloat (label.op->y, ==, value.op->y);
  g_assert_cmpfloat (value.op->x, ==, team.op->x);
  g_assert_cmpint (label.op->style, ==, IKU_FONT_BOLD);
  /* Each of the four items is a block with its own bar. */
  guint n_ops = 0;
  const IkuDrawOp *ops = iku_layout_get_page_ops (layout, 0, &n_ops);
  guint n_bars = 0;
  for (guint i = 0; i < n_ops; i++)
    n_bars += ops[i].kind == IKU_DRAW_RECT;
  g_assert_cmpuint (n_bars, ==, 4);
}

static void
test_optional_info (void)
{
  g_autoptr(IkuSchema) schema = schema_from_spec ("Navn|Individuelt fokus|Teamfokus\n"
                                                  "Łukasz Żółć||\n"
                                                  "Anne Berg|Kursus|");
  g_autoptr(IkuLayout) layout = layout_new (schema, "1. april 2026");
  assert_layout_sound (layout, "Łukasz Żółć");
  g_assert_null (iku_layout_get_author (layout));
  g_autofree char *text = content_text (layout, "\n");
  g_assert_null (strstr (text, "Team:"));
  g_assert_null (strstr (text, "Leder:"));
  g_assert_nonnull (strstr (text, "Dato for samtalen:\n1. april 2026\n"));
  /* Both sections are empty for this employee: the "none" sentences. */
  g_assert_nonnull (strstr (text, "Teamfokus\nDer er ikke aftalt noget teamfokus"));
  g_assert_nonnull (strstr (text, "Individuelt fokus\nDer er ikke aftalt noget individuelt"));
  /* The approval block shows the employee's name, no leader's. */
  g_assert_nonnull (strstr (text, "Dato og underskrift, medarbejder\nDato og underskrift, leder\n"
                                  "Łukasz Żółć\nNår IKU'en"));
}

static void
test_nothing_lost (void)
{
  g_autoptr(GString) word = g_string_new (NULL);
  for (guint i = 0; i < 300; i++)
    g_string_append (word, i % 3 == 0 ? "ø" : i % 3 == 1 ? "W" : "x");
  g_autofree char *item = g_strdup_printf (
      "Første afsnit med\tfaneblad og en helt almindelig sætning, der er lang nok til at "
      "blive ombrudt mindst én gang på en A4-side.\n\nEt langt ord: %s slut.\n"
      "Sidste linje", word->str);
  const char *items[] = { item };
  g_autoptr(IkuSchema) schema = schema_with_items (items, 1, NULL, 0);
  g_autoptr(IkuLayout) layout = layout_new (schema, "1. april 2026");
  assert_layout_sound (layout, "Anne Berg");

  g_autofree char *text = content_text (layout, "");
  g_autofree char *got = strip_space (text);
  g_autofree char *want = strip_space (item);
  g_assert_nonnull (strstr (got, want));
  /* The tab became a space. */
  g_autofree char *lines = content_text (layout, "\n");
  g_assert_nonnull (strstr (lines, "Første afsnit med faneblad"));

  /* The empty line gave more space than a line break. */
  Found first = find_text (layout, "Første afsnit");
  Found second = find_text (layout, "Et langt ord:");
  Found last = find_text (layout, "Sidste linje");
  const IkuDrawOp *before_last = last.op - 1;
  double line = before_last->y - last.op->y;
  g_assert_cmpfloat (line, >, 10.0);
  g_assert_cmpfloat (first.op->y - second.op->y, >, 2 * line + 5.0);
}

static void
test_bullets (void)
{
  const char *item =
      "Mål for året:\n"
      "• Første punkt har en lang tekst, der er så lang, at den skal ombrydes over flere "
      "linjer i planen, så den hængende indrykning kan ses tydeligt på siden.\n"
      "- Andet punkt\n"
      "* Tredje punkt\n"
      "  – Fjerde punkt, med mellemrum før tegnet\n"
      "  fortsættelse af det fjerde punkt\n"
      "Almindelig tekst bagefter\n"
      "-ikke et punkt";
  const char *items[] = { item };
  g_autoptr(IkuSchema) schema = schema_with_items (items, 1, NULL, 0);
  g_autoptr(IkuLayout) layout = layout_new (schema, NULL);
  assert_layout_sound (layout, "Anne Berg");

  /* Tagged: a P, then one list of four items (label "•", body), then P's. */
  guint n_elements = 0;
  const IkuLayoutElement *elements = iku_layout_get_elements (layout, &n_elements);
  Found wrapped = find_text (layout, "Første punkt");
  g_autofree char *body = element_text (layout, wrapped.op->element);
  g_assert_cmpstr (body, ==, "Første punkt har en lang tekst, der er så lang, at den skal "
                             "ombrydes over flere linjer i planen, så den hængende indrykning "
                             "kan ses tydeligt på siden.");
  const IkuLayoutElement *p = &elements[wrapped.op->element];
  g_assert_cmpint (p->role, ==, IKU_TAG_P);
  g_assert_cmpint (elements[p->parent].role, ==, IKU_TAG_LBODY);
  guint li = elements[p->parent].parent;
  g_assert_cmpint (elements[li].role, ==, IKU_TAG_LI);
  guint list = elements[li].parent;
  g_assert_cmpint (elements[list].role, ==, IKU_TAG_L);
  guint n_items = 0, n_labels = 0;
  for (guint e = 0; e < n_elements; e++)
    {
      n_items += elements[e].role == IKU_TAG_LI && elements[e].parent == list;
      if (elements[e].role == IKU_TAG_LBL)
        {
          g_autofree char *label = element_text (layout, (gint) e);
          g_assert_cmpstr (label, ==, "•");
          n_labels++;
        }
    }
  g_assert_cmpuint (n_items, ==, 4);
  g_assert_cmpuint (n_labels, ==, 4);
  Found continued = find_text (layout, "fortsættelse af det fjerde");
  g_assert_cmpint (elements[elements[continued.op->element].parent].role, ==, IKU_TAG_LBODY);
  Found plain = find_text (layout, "Almindelig tekst bagefter");
  g_assert_cmpint (elements[plain.op->element].role, ==, IKU_TAG_P);
  g_assert_cmpuint (elements[plain.op->element].parent, ==, 0);

  Found intro = find_text (layout, "Mål for året:");
  guint n_ops = 0;
  const IkuDrawOp *ops = iku_layout_get_page_ops (layout, intro.page, &n_ops);
  guint n_bullets = 0;
  double text_x = 0.0;
  guint i = intro.index + 1;
  for (; i < n_ops && !g_str_has_prefix (ops[i].text, "Almindelig"); i++)
    {
      g_assert_cmpint (ops[i].kind, ==, IKU_DRAW_TEXT);
      if (strcmp (ops[i].text, "•") == 0)
        {
          n_bullets++;
          g_assert_cmpfloat (ops[i].x, >=, intro.op->x);
          /* The bullet's text on the same line, indented. */
          g_assert_cmpint (ops[i + 1].kind, ==, IKU_DRAW_TEXT);
          g_assert_cmpfloat (ops[i + 1].y, ==, ops[i].y);
          g_assert_cmpfloat (ops[i + 1].x, >, ops[i].x + 5.0);
          text_x = ops[i + 1].x;
          i++;
          continue;
        }
      /* Wrapped and continued lines hang at the bullet text's indent. */
      g_assert_cmpfloat (text_x, >, 0.0);
      g_assert_cmpfloat (ops[i].x, ==, text_x);
    }
  g_assert_cmpuint (n_bullets, ==, 4);
  Found after = find_text (layout, "Almindelig tekst bagefter");
  g_assert_cmpfloat (after.op->x, ==, intro.op->x);
  Found not_bullet = find_text (layout, "-ikke et punkt");
  g_assert_cmpfloat (not_bullet.op->x, ==, intro.op->x);

  Found first = find_text (layout, "Første punkt");
  Found fourth = find_text (layout, "Fjerde punkt, med");
  Found cont = find_text (layout, "fortsættelse af det fjerde");
  g_assert_cmpfloat (cont.op->x, ==, fourth.op->x);
  g_assert_cmpfloat (first.op->x, ==, fourth.op->x);
  g_assert_cmpfloat (first.op->x, >, intro.op->x + 5.0);
  /* The first bullet's text wrapped, and hangs. */
  g_assert_cmpstr (ops[first.index + 1].text, !=, "•");
  g_assert_cmpfloat (ops[first.index + 1].y, <, first.op->y);
  g_assert_cmpfloat (ops[first.index + 1].x, ==, first.op->x);

  g_autofree char *text = content_text (layout, "\n");
  g_assert_null (strstr (text, "\n- "));
  g_assert_null (strstr (text, "\n* "));
  g_assert_null (strstr (text, "– Fjerde"));
  g_assert_nonnull (strstr (text, "\n•\nAndet punkt\n•\nTredje punkt\n•\nFjerde punkt"));
}

static void
test_many_pages (void)
{
  guint n = 150;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_strdup_printf ("Punkt %u: en aftale om kompetenceudvikling\n"
                                             "• med et delmål\n• og endnu et delmål", i + 1));
  g_autoptr(IkuSchema) schema = schema_with_items ((const char * const *) items->pdata, n, NULL, 0);
  g_autoptr(IkuLayout) layout = layout_new (schema, NULL);
  assert_layout_sound (layout, "Anne Berg");
  guint n_pages = iku_layout_get_n_pages (layout);
  g_assert_cmpuint (n_pages, >=, 10);

  /* Every item once, in order. */
  g_autofree char *text = content_text (layout, "\n");
  const char *at = text;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *want = g_strdup_printf ("Punkt %u: en aftale", i + 1);
      const char *found = strstr (at, want);
      g_assert_nonnull (found);
      at = found + strlen (want);
    }
  Found last = find_text (layout, "Når IKU'en er godkendt");
  g_assert_cmpuint (last.page, ==, n_pages - 1);
}

static void
test_page_limit (void)
{
  /* One line per source line: 20,000 lines are about 460 pages, 30,000 too many. */
  g_autoptr(GString) fits = g_string_new (NULL);
  for (guint i = 0; i < 20000; i++)
    g_string_append (fits, "x\n");
  g_string_append (fits, "slut");
  const char *items[] = { fits->str };
  g_autoptr(IkuSchema) schema = schema_with_items (items, 1, NULL, 0);
  g_autoptr(IkuLayout) layout = layout_new (schema, NULL);
  guint n_pages = iku_layout_get_n_pages (layout);
  g_assert_cmpuint (n_pages, >, 400);
  g_assert_cmpuint (n_pages, <=, IKU_LAYOUT_MAX_PAGES);
  assert_layout_sound (layout, "Anne Berg");

  for (guint i = 0; i < 10000; i++)
    g_string_append (fits, "\nx");
  items[0] = fits->str;
  g_autoptr(IkuSchema) too_long = schema_with_items (items, 1, NULL, 0);
  g_autoptr(IkuWording) wording = load_wording ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuLayout) none = iku_layout_new (too_long, 0, NULL, wording, &error);
  g_assert_null (none);
  g_assert_error (error, IKU_LAYOUT_ERROR, IKU_LAYOUT_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "Anne Berg"));
  g_assert_nonnull (strstr (error->message, "500 sider"));
}

/* For @n team items of one line before the individual section, lay out and
 * call @check. */
typedef gboolean (*SweepCheck) (const IkuLayout *layout);

static guint
sweep (const char * const *individual, guint n_individual, SweepCheck check)
{
  guint straddles = 0;
  for (guint n = 1; n <= 90; n++)
    {
      g_autoptr(GPtrArray) team = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (team, g_strdup_printf ("Teamemne %u", i + 1));
      g_autoptr(IkuSchema) schema = schema_with_items (individual, n_individual,
                                                       (const char * const *) team->pdata, n);
      g_autoptr(IkuLayout) layout = layout_new (schema, NULL);
      assert_layout_sound (layout, "Anne Berg");
      straddles += check (layout);
    }
  return straddles;
}

/* The heading "Individuelt fokus" has at least its first two lines under it on
 * its page; TRUE when it was moved to a new page although it alone would have
 * fitted on the previous one. */
static gboolean
check_heading_kept (const IkuLayout *layout)
{
  Found heading = find_text (layout, "Individuelt fokus");
  Found line1 = find_text (layout, "Første linje");
  Found line2 = find_text (layout, "Anden linje");
  g_assert_cmpuint (line1.page, ==, heading.page);
  g_assert_cmpuint (line2.page, ==, heading.page);
  g_assert_cmpfloat (line1.op->y, <, heading.op->y);
  if (heading.page == 0 || first_content (layout, heading.page) != heading.op)
    return FALSE;
  /* Room left on the previous page for the heading's 26 pt space, its 24 pt line
   * and the 4 pt below the last baseline. */
  return last_content (layout, heading.page - 1)->y - 4.5 - 50.0 >= CONTENT_LOWEST;
}

static void
test_heading_kept (void)
{
  const char *individual[] = { "Første linje\nAnden linje\nTredje linje" };
  guint straddles = sweep (individual, 1, check_heading_kept);
  g_assert_cmpuint (straddles, >, 0);
}

/* The approval block is on one page; TRUE when it was moved to a new page
 * although its heading and two lines would have fitted on the previous one. */
static gboolean
check_approval_together (const IkuLayout *layout)
{
  const char *parts[] = { "Godkendelse", "Jeg har læst", "Dato og underskrift, medarbejder",
                          "Dato og underskrift, leder", "Anne Berg", "Når IKU'en", "e-Boks)." };
  Found heading = find_text (layout, parts[0]);
  for (guint i = 1; i < G_N_ELEMENTS (parts); i++)
    {
      guint n_ops = 0;
      const IkuDrawOp *ops = iku_layout_get_page_ops (layout, heading.page, &n_ops);
      gboolean found = FALSE;
      for (guint k = heading.index; k < n_ops && !found; k++)
        found = ops[k].kind == IKU_DRAW_TEXT && !is_footer (&ops[k])
                && strstr (ops[k].text, parts[i]) != NULL;
      if (!found)
        g_error ("»%s« is not on the page of the approval heading", parts[i]);
    }
  if (heading.page == 0 || first_content (layout, heading.page) != heading.op)
    return FALSE;
  return last_content (layout, heading.page - 1)->y - 4.5 - 50.0 - 2 * 15.5 - 8.0
         >= CONTENT_LOWEST;
}

static void
test_approval_together (void)
{
  const char *individual[] = { "Første linje\nAnden linje" };
  guint straddles = sweep (individual, 1, check_approval_together);
  g_assert_cmpuint (straddles, >, 0);
}

static void
test_missing_chars (void)
{
  g_autoptr(IkuSchema) schema = schema_from_spec (
      "Leder:|Zoë 中村\n"
      "Navn|Individuelt fokus|Teamfokus\n"
      "Vladimir 😀|Læse 中文 og smile 😀\\nOg \xF0\x9F\x98\x80 igen|Team 𝔄");
  g_autoptr(IkuLayout) layout = layout_new (schema, NULL);
  assert_layout_sound (layout, "Vladimir \xEF\xBF\xBD");
  g_assert_cmpstr (iku_layout_get_missing_chars (layout), ==, "😀中村𝔄文");
  g_autofree char *text = content_text (layout, "\n");
  g_assert_null (strstr (text, "中"));
  g_assert_null (strstr (text, "😀"));
  g_assert_nonnull (strstr (text, "Læse \xEF\xBF\xBD\xEF\xBF\xBD og smile \xEF\xBF\xBD"));
  /* Document info keeps the real name. */
  g_assert_cmpstr (iku_layout_get_title (layout), ==, "IKU – Vladimir 😀");
  g_assert_cmpstr (iku_layout_get_author (layout), ==, "Zoë 中村");
}

static void
test_control_chars (void)
{
  const char *items[] = { "a\tb\x01" "c\x7f" "d\r\ne\xE2\x80\xA8" "f\xE2\x80\x8B" "g" };
  g_autoptr(IkuSchema) schema = schema_with_items (items, 1, NULL, 0);
  g_autoptr(IkuLayout) layout = layout_new (schema, NULL);
  assert_layout_sound (layout, "Anne Berg");
  g_assert_null (iku_layout_get_missing_chars (layout));
  g_autofree char *text = content_text (layout, "\n");
  /* Tab as space, controls and the zero-width space dropped, CR LF and U+2028
   * as line breaks. */
  g_assert_nonnull (strstr (text, "\na bcd\ne\nfg\n"));
}

static void
test_long_name (void)
{
  g_autoptr(GString) name = g_string_new ("Anne");
  for (guint i = 0; i < 28; i++)   /* 340 bytes: under IKU_MAX_NAME_BYTES */
    g_string_append_printf (name, " Efternavn%u", i);
  g_autofree char *spec = g_strdup_printf ("Navn|Individuelt fokus|Teamfokus\n%s|Kursus|",
                                           name->str);
  g_autoptr(IkuSchema) schema = schema_from_spec (spec);
  g_autoptr(IkuLayout) layout = layout_new (schema, NULL);
  /* The footer cuts the name with an ellipsis; the content keeps all of it. */
  assert_layout_sound (layout, name->str);
  g_autofree char *text = content_text (layout, " ");
  g_autofree char *got = strip_space (text);
  g_autofree char *want = strip_space (name->str);
  g_assert_nonnull (strstr (got, want));
}

/* The team plan: the team items only, the follow-up from the header area (a
 * line to fill in without it), the team's name in the footer. */
static void
test_team_plan (void)
{
  g_autoptr(IkuWording) wording = load_wording ();
  const char *specs[] = {
    "Team:|Hjemmeplejen Nord\nLeder:|Mette Hansen\nOpfølgning:|1. marts 2027\n"
    "Navn|Individuelt fokus|Teamfokus\nAnne Berg|Hemmeligt kursus|Fælles møde\n"
    "Bo Holm|Andet kursus|• Supervision",
    "Navn|Individuelt fokus|Teamfokus\nAnne Berg|Hemmeligt kursus|",
  };
  for (guint k = 0; k < G_N_ELEMENTS (specs); k++)
    {
      g_autoptr(IkuSchema) schema = schema_from_spec (specs[k]);
      g_autoptr(GError) error = NULL;
      g_autoptr(IkuLayout) layout = iku_layout_new_team_plan (schema, "2. april 2026", wording,
                                                              &error);
      g_assert_no_error (error);
      assert_layout_sound (layout, k == 0 ? "Hjemmeplejen Nord"
                                          : iku_wording_get (wording, IKU_TEXT_PLAN_TITLE));
      g_autofree char *text = content_text (layout, "\n");
      g_assert_null (strstr (text, "kursus"));
      g_assert_null (strstr (text, "Anne Berg"));
      g_assert_nonnull (strstr (text, "Teamudviklingsplan\n"));
      g_assert_nonnull (strstr (text, "Opfølgning:\n"));
      if (k == 0)
        {
          g_assert_nonnull (strstr (text, "Opfølgning:\n1. marts 2027\n"));
          g_assert_nonnull (strstr (text, "Fælles møde\n•\nSupervision\n"));
          g_assert_cmpstr (iku_layout_get_title (layout), ==, "Teamudviklingsplan – Hjemmeplejen Nord");
        }
      else
        {
          /* No follow-up date: the label and a line to write it on. */
          Found label = find_text (layout, "Opfølgning:");
          guint n_ops = 0;
          const IkuDrawOp *ops = iku_layout_get_page_ops (layout, label.page, &n_ops);
          gboolean line = FALSE;
          for (guint i = 0; i < n_ops; i++)
            line = line || (ops[i].kind == IKU_DRAW_LINE && ops[i].x > label.op->x
                            && fabs (ops[i].y - label.op->y) < 6.0);
          g_assert_true (line);
          g_assert_nonnull (strstr (text, "Der er ikke aftalt noget teamfokus"));
          g_assert_cmpstr (iku_layout_get_title (layout), ==, "Teamudviklingsplan");
        }
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/layout/basic", test_basic);
  g_test_add_func ("/layout/optional-info", test_optional_info);
  g_test_add_func ("/layout/nothing-lost", test_nothing_lost);
  g_test_add_func ("/layout/bullets", test_bullets);
  g_test_add_func ("/layout/many-pages", test_many_pages);
  g_test_add_func ("/layout/page-limit", test_page_limit);
  g_test_add_func ("/layout/heading-kept", test_heading_kept);
  g_test_add_func ("/layout/approval-together", test_approval_together);
  g_test_add_func ("/layout/missing-chars", test_missing_chars);
  g_test_add_func ("/layout/control-chars", test_control_chars);
  g_test_add_func ("/layout/long-name", test_long_name);
  g_test_add_func ("/layout/team-plan", test_team_plan);
  return g_test_run ();
}
