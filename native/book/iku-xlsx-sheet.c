/* SPDX-License-Identifier: GPL-3.0-or-later
 * One worksheet part: the cells of <sheetData> (each with its position, type,
 * style and cached value: formulas are read as the value last computed), the
 * hidden rows, and the merged areas of <mergeCells>, which follow the cells in
 * the part. So the cells are kept until the part ends, then given to the
 * builder in order with the merged areas known, as Calc shows them: content
 * under a merged area is hidden. The dimension and the rows' spans are never
 * read: positions come from each row's and cell's own reference. */
#include "iku-xlsx-private.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  guint64     row;
  guint64     col;
  guint       seq;        /* document order, for two cells at one position */
  const char *text;       /* borrowed from the shared strings, or owned */
  gsize       len;
  gboolean    owned;
} SheetCell;

typedef struct {
  guint64 row, col, n_rows, n_cols;
} Merge;

typedef enum {
  TYPE_NUMBER,
  TYPE_SHARED,
  TYPE_STRING,     /* a formula's text result */
  TYPE_INLINE,
  TYPE_BOOLEAN,
  TYPE_ERROR,
  TYPE_DATE,
} CellType;

typedef struct {
  const IkuXlsxStrings *strings;
  const IkuXlsxStyles  *styles;
  gboolean              date1904;
  const char           *display_name;
  const char           *sheet_name;

  GArray  *cells;        /* SheetCell */
  guint64  text_bytes;   /* of the kept cells */
  GArray  *merges;       /* Merge */
  GArray  *hidden_rows;  /* guint64 */

  gboolean in_sheet_data;
  gboolean in_row;
  guint64  row;           /* of the open (or last) row */
  guint64  next_row;
  guint64  next_col;

  gboolean in_cell;
  guint64  cell_col;
  CellType cell_type;
  guint    cell_format;
  const char *cell_code;  /* custom format code, or NULL */
  gboolean cell_has_value;
  gboolean in_value;
  gboolean in_inline;
  IkuXlsxRichText rich;
  GString *value;
} SheetWalk;

static void
sheet_cell_clear (gpointer data)
{
  SheetCell *cell = data;
  if (cell->owned)
    g_free ((char *) cell->text);
}

static void
sheet_walk_clear (SheetWalk *w)
{
  g_clear_pointer (&w->cells, g_array_unref);
  g_clear_pointer (&w->merges, g_array_unref);
  g_clear_pointer (&w->hidden_rows, g_array_unref);
  if (w->value != NULL)
    g_string_free (g_steal_pointer (&w->value), TRUE);
}
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (SheetWalk, sheet_walk_clear)

static guint64
saturating_mul_add (guint64 a, guint64 m, guint64 b)
{
  if (a > (G_MAXUINT64 - b) / m)
    return G_MAXUINT64;
  return a * m + b;
}

/* "AB12" -> column 27 and row 11 (0-based); either part may be missing.
 * Returns the end of what was read; *col or *row stay G_MAXUINT64 when absent. */
static const char *
parse_reference (const char *p, guint64 *row, guint64 *col)
{
  *row = G_MAXUINT64;
  *col = G_MAXUINT64;
  if (*p == '$')
    p++;
  if (g_ascii_isalpha (*p))
    {
      guint64 c = 0;
      for (; g_ascii_isalpha (*p); p++)
        c = saturating_mul_add (c, 26, (guint64) (g_ascii_toupper (*p) - 'A' + 1));
      *col = c - 1;
    }
  if (*p == '$')
    p++;
  if (g_ascii_isdigit (*p))
    {
      guint64 r = 0;
      for (; g_ascii_isdigit (*p); p++)
        r = saturating_mul_add (r, 10, (guint64) (*p - '0'));
      *row = r > 0 ? r - 1 : G_MAXUINT64;
    }
  return p;
}

static gboolean
is_end (xmlTextReaderPtr reader, const char *local_name)
{
  if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_END_ELEMENT)
    return FALSE;
  const xmlChar *name = xmlTextReaderConstLocalName (reader);
  return name != NULL && strcmp ((const char *) name, local_name) == 0;
}

static gboolean
is_true (const char *value)
{
  return value != NULL && (strcmp (value, "1") == 0 || strcmp (value, "true") == 0);
}

static CellType
parse_type (const char *t)
{
  if (t == NULL || strcmp (t, "n") == 0)
    return TYPE_NUMBER;
  if (strcmp (t, "s") == 0)
    return TYPE_SHARED;
  if (strcmp (t, "str") == 0)
    return TYPE_STRING;
  if (strcmp (t, "inlineStr") == 0)
    return TYPE_INLINE;
  if (strcmp (t, "b") == 0)
    return TYPE_BOOLEAN;
  if (strcmp (t, "e") == 0)
    return TYPE_ERROR;
  if (strcmp (t, "d") == 0)
    return TYPE_DATE;
  return TYPE_NUMBER;
}

static void
set_bad_value (SheetWalk *w, GError **error, const char *what)
{
  g_autofree char *cell = iku_grid_dup_cell_name ((guint) MIN (w->row, G_MAXUINT),
                                                  (guint) MIN (w->cell_col, G_MAXUINT));
  iku_book_error_set_corrupt (error, w->display_name, "cellen %s på arket »%s« har %s",
                              cell, w->sheet_name, what);
}

static gboolean
parse_double (const char *text, double *value)
{
  char *end = NULL;
  while (g_ascii_isspace (*text))
    text++;
  *value = g_ascii_strtod (text, &end);
  while (end != NULL && g_ascii_isspace (*end))
    end++;
  return end != NULL && end != text && *end == '\0';
}

static gboolean
keep_cell (SheetWalk *w, const char *text, gsize len, gboolean owned, GError **error)
{
  if (len == 0)
    {
      if (owned)
        g_free ((char *) text);
      return TRUE;
    }
  if (w->cells->len >= IKU_MAX_CELLS)
    {
      if (owned)
        g_free ((char *) text);
      g_autofree char *cell = iku_grid_dup_cell_name ((guint) MIN (w->row, G_MAXUINT),
                                                      (guint) MIN (w->cell_col, G_MAXUINT));
      g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_TOO_LARGE,
                   "Filen »%s« har mere end %u udfyldte celler (celle %s på arket »%s« er én "
                   "for meget). Slet det, der ikke hører til skemaet, og prøv igen.",
                   w->display_name, IKU_MAX_CELLS, cell, w->sheet_name);
      return FALSE;
    }
  /* The text kept before the builder counts it: bounded as the book's is, so
   * that a sheet of long texts is refused before it fills the memory (in an
   * .xlsx, text hidden under a merged area counts too). */
  if (w->text_bytes + len > IKU_MAX_BOOK_TEXT_BYTES)
    {
      if (owned)
        g_free ((char *) text);
      g_autofree char *cell = iku_grid_dup_cell_name ((guint) MIN (w->row, G_MAXUINT),
                                                      (guint) MIN (w->cell_col, G_MAXUINT));
      g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_TOO_LARGE,
                   "Filen »%s« indeholder mere end %u MB tekst (ved celle %s på arket »%s«). "
                   "Slet det, der ikke hører til skemaet, og prøv igen.",
                   w->display_name, IKU_MAX_BOOK_TEXT_BYTES / (1024 * 1024), cell,
                   w->sheet_name);
      return FALSE;
    }
  w->text_bytes += len;
  SheetCell cell = { w->row, w->cell_col, w->cells->len, text, len, owned };
  g_array_append_val (w->cells, cell);
  return TRUE;
}

static gboolean
keep_owned (SheetWalk *w, char *text, GError **error)
{
  return keep_cell (w, text, strlen (text), TRUE, error);
}

/* The text Calc shows for the cell that just ended. */
static gboolean
end_cell (SheetWalk *w, GError **error)
{
  w->in_cell = FALSE;
  w->in_value = FALSE;
  w->in_inline = FALSE;
  if (!w->cell_has_value)
    return TRUE;
  const char *value = w->value->str;
  double number = 0;
  switch (w->cell_type)
    {
    case TYPE_SHARED:
      {
        gsize len = 0;
        const char *text = NULL;
        if (parse_double (value, &number) && number >= 0 && number < 4294967296.0
            && number == (double) (guint64) number)
          text = iku_xlsx_strings_get (w->strings, (guint64) number, &len);
        if (text == NULL)
          {
            set_bad_value (w, error, "en henvisning til en delt tekst, der ikke findes");
            return FALSE;
          }
        return keep_cell (w, text, len, FALSE, error);
      }
    case TYPE_INLINE:
      /* Already decoded by the rich-text walk. */
      return keep_cell (w, g_strndup (w->value->str, w->value->len), w->value->len, TRUE, error);
    case TYPE_STRING:
      {
        GString *text = g_string_new (NULL);
        iku_xlsx_append_text (text, w->value->str, w->value->len);
        gsize len = text->len;
        return keep_cell (w, g_string_free (text, FALSE), len, TRUE, error);
      }
    case TYPE_ERROR:
      {
        g_autofree char *text = g_strstrip (g_strdup (value));
        return keep_owned (w, g_steal_pointer (&text), error);
      }
    case TYPE_BOOLEAN:
      {
        g_autofree char *text = g_strstrip (g_strdup (value));
        gboolean on = strcmp (text, "1") == 0 || strcmp (text, "true") == 0;
        if (!on && strcmp (text, "0") != 0 && strcmp (text, "false") != 0)
          {
            set_bad_value (w, error, "en sandhedsværdi, der hverken er sand eller falsk");
            return FALSE;
          }
        /* Calc shows SAND/FALSK in the general format and in LibreOffice's own
         * boolean format; in a number format, 1 or 0. */
        if ((w->cell_format == 0 && w->cell_code == NULL)
            || (w->cell_code != NULL && !iku_xlsx_code_shows_number (w->cell_code)))
          return keep_owned (w, g_strdup (iku_xlsx_format_boolean (on)), error);
        return keep_owned (w, iku_xlsx_format_number (on ? 1 : 0, w->cell_format, w->cell_code,
                                                      w->date1904), error);
      }
    case TYPE_DATE:
      if (!iku_xlsx_parse_iso_date (g_strstrip (w->value->str), w->date1904, &number))
        {
          set_bad_value (w, error, "en dato, der ikke kan læses");
          return FALSE;
        }
      return keep_owned (w, iku_xlsx_format_number (number, w->cell_format, w->cell_code,
                                                    w->date1904), error);
    case TYPE_NUMBER:
    default:
      if (value[0] == '\0')
        return TRUE;
      if (!parse_double (value, &number))
        {
          set_bad_value (w, error, "et tal, der ikke kan læses");
          return FALSE;
        }
      return keep_owned (w, iku_xlsx_format_number (number, w->cell_format, w->cell_code,
                                                    w->date1904), error);
    }
}

/* The attributes r, t and s of a cell, read in one pass over them (a sheet
 * has a cell per few dozen bytes), copied into @values (their valid forms are
 * short: a longer one is cut, and then read as invalid). present[i]: seen. */
#define CELL_ATTRIBUTE_BYTES 32

static void
cell_attributes (xmlTextReaderPtr reader, char values[3][CELL_ATTRIBUTE_BYTES],
                 gboolean present[3])
{
  static const char names[3] = { 'r', 't', 's' };
  for (int i = 0; i < 3; i++)
    {
      values[i][0] = '\0';
      present[i] = FALSE;
    }
  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return;
  do
    {
      const char *name = (const char *) xmlTextReaderConstLocalName (reader);
      if (name == NULL || xmlTextReaderConstNamespaceUri (reader) != NULL || name[0] == '\0'
          || name[1] != '\0')
        continue;
      for (int i = 0; i < 3; i++)
        if (name[0] == names[i])
          {
            const char *value = (const char *) xmlTextReaderConstValue (reader);
            g_strlcpy (values[i], value != NULL ? value : "", CELL_ATTRIBUTE_BYTES);
            present[i] = TRUE;
          }
    }
  while (xmlTextReaderMoveToNextAttribute (reader) == 1);
  xmlTextReaderMoveToElement (reader);
}

static void
start_cell (SheetWalk *w, xmlTextReaderPtr reader)
{
  char values[3][CELL_ATTRIBUTE_BYTES];
  gboolean present[3];
  cell_attributes (reader, values, present);
  const char *r = present[0] ? values[0] : NULL;
  const char *t = present[1] ? values[1] : NULL;
  const char *s = present[2] ? values[2] : NULL;
  guint64 row = 0, col = G_MAXUINT64;
  if (r != NULL)
    parse_reference (r, &row, &col);
  w->cell_col = col != G_MAXUINT64 ? col : w->next_col;
  w->next_col = w->cell_col < G_MAXUINT64 ? w->cell_col + 1 : G_MAXUINT64;
  w->cell_type = parse_type (t);
  guint64 xf = s != NULL && g_ascii_isdigit (s[0]) ? g_ascii_strtoull (s, NULL, 10) : 0;
  w->cell_format = iku_xlsx_styles_get_format (w->styles, xf, &w->cell_code);
  w->cell_has_value = FALSE;
  w->in_value = FALSE;
  w->in_inline = FALSE;
  g_string_truncate (w->value, 0);
  w->in_cell = TRUE;
}

static void
start_row (SheetWalk *w, IkuBookXml *xml)
{
  g_autofree char *r = iku_book_xml_dup_attribute (xml, "r");
  g_autofree char *hidden = iku_book_xml_dup_attribute (xml, "hidden");
  guint64 row = G_MAXUINT64;
  if (r != NULL && g_ascii_isdigit (r[0]))
    {
      guint64 n = g_ascii_strtoull (r, NULL, 10);
      row = n > 0 ? n - 1 : G_MAXUINT64;
    }
  w->row = row != G_MAXUINT64 ? row : w->next_row;
  w->next_row = w->row < G_MAXUINT64 ? w->row + 1 : G_MAXUINT64;
  w->next_col = 0;
  if (is_true (hidden) && w->row < IKU_MAX_ROWS)
    g_array_append_val (w->hidden_rows, w->row);
}

static gboolean
add_merge (SheetWalk *w, IkuBookXml *xml, GError **error)
{
  g_autofree char *ref = iku_book_xml_dup_attribute (xml, "ref");
  if (ref == NULL)
    return TRUE;
  guint64 r1, c1, r2, c2;
  const char *end = parse_reference (ref, &r1, &c1);
  if (*end == ':')
    parse_reference (end + 1, &r2, &c2);
  else
    {
      r2 = r1;
      c2 = c1;
    }
  if (r1 == G_MAXUINT64 || c1 == G_MAXUINT64 || r2 == G_MAXUINT64 || c2 == G_MAXUINT64
      || r2 < r1 || c2 < c1)
    return TRUE;  /* not an area: merges nothing */
  if (w->merges->len >= IKU_MAX_CELLS)
    {
      g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_TOO_LARGE,
                   "Filen »%s« har mere end %u flettede celleområder (på arket »%s«). "
                   "Slet det, der ikke hører til skemaet, og prøv igen.",
                   w->display_name, IKU_MAX_CELLS, w->sheet_name);
      return FALSE;
    }
  Merge m = { r1, c1, r2 - r1 + 1, c2 - c1 + 1 };
  g_array_append_val (w->merges, m);
  return TRUE;
}

static gboolean
sheet_node (IkuBookXml *xml, xmlTextReaderPtr reader, gpointer user_data, GError **error)
{
  SheetWalk *w = user_data;
  if (w->in_cell)
    {
      if (is_end (reader, "c"))
        return end_cell (w, error);
      if (w->in_inline)
        {
          if (is_end (reader, "is"))
            w->in_inline = FALSE;
          else
            iku_xlsx_rich_text_node (&w->rich, reader, w->value);
          return TRUE;
        }
      if (w->in_value)
        {
          if (is_end (reader, "v"))
            w->in_value = FALSE;
          else if (iku_xlsx_is_text_node (reader))
            g_string_append (w->value, (const char *) xmlTextReaderConstValue (reader));
          return TRUE;
        }
      if (iku_xlsx_is_element (reader, "v") && w->cell_type != TYPE_INLINE)
        {
          w->cell_has_value = TRUE;
          w->in_value = !xmlTextReaderIsEmptyElement (reader);
        }
      else if (iku_xlsx_is_element (reader, "is") && w->cell_type == TYPE_INLINE)
        {
          w->cell_has_value = TRUE;
          w->in_inline = !xmlTextReaderIsEmptyElement (reader);
          w->rich = (IkuXlsxRichText) { 0 };
        }
      return TRUE;
    }
  if (w->in_sheet_data)
    {
      if (is_end (reader, "sheetData"))
        w->in_sheet_data = FALSE;
      else if (iku_xlsx_is_element (reader, "row"))
        start_row (w, xml);
      else if (iku_xlsx_is_element (reader, "c"))
        {
          start_cell (w, reader);
          if (xmlTextReaderIsEmptyElement (reader))
            w->in_cell = FALSE;
        }
      return TRUE;
    }
  if (iku_xlsx_is_element (reader, "sheetData"))
    w->in_sheet_data = !xmlTextReaderIsEmptyElement (reader);
  else if (iku_xlsx_is_element (reader, "mergeCell"))
    return add_merge (w, xml, error);
  return TRUE;
}

static gint
compare_cells (gconstpointer a, gconstpointer b)
{
  const SheetCell *x = a, *y = b;
  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  if (x->col != y->col)
    return x->col < y->col ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static gint
compare_merges (gconstpointer a, gconstpointer b)
{
  const Merge *x = a, *y = b;
  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  return x->col < y->col ? -1 : x->col > y->col;
}

static gint
compare_rows (gconstpointer a, gconstpointer b)
{
  guint64 x = *(const guint64 *) a, y = *(const guint64 *) b;
  return x < y ? -1 : (x > y);
}

/* Gives the kept cells to the builder, row by row; of two cells at one
 * position the later one counts. The merged areas are given in row order as
 * the rows are reached, as the builder follows them (an area is known from
 * its first row on, as in an .ods). */
static gboolean
feed_builder (SheetWalk *w, IkuBookBuilder *builder, GError **error)
{
  /* Sorted, so that the grid's hidden ranges grow at their end. */
  g_array_sort (w->hidden_rows, compare_rows);
  for (guint i = 0; i < w->hidden_rows->len; i++)
    iku_book_builder_hide_row_at (builder, g_array_index (w->hidden_rows, guint64, i));

  g_array_sort (w->merges, compare_merges);
  g_array_sort (w->cells, compare_cells);
  guint next_merge = 0;
  guint64 row = 0;  /* the builder's position */
  guint i = 0;
  while (i < w->cells->len)
    {
      guint64 this_row = g_array_index (w->cells, SheetCell, i).row;
      for (; next_merge < w->merges->len
             && g_array_index (w->merges, Merge, next_merge).row <= this_row; next_merge++)
        {
          const Merge *m = &g_array_index (w->merges, Merge, next_merge);
          if (!iku_book_builder_add_merge (builder, m->row, m->col, m->n_rows, m->n_cols, error))
            return FALSE;
        }
      if (this_row > row)
        {
          iku_book_builder_start_row (builder, this_row - row);
          if (!iku_book_builder_end_row (builder, error))
            return FALSE;
        }
      iku_book_builder_start_row (builder, 1);
      guint64 col = 0;
      for (; i < w->cells->len && g_array_index (w->cells, SheetCell, i).row == this_row; i++)
        {
          const SheetCell *cell = &g_array_index (w->cells, SheetCell, i);
          if (i + 1 < w->cells->len)
            {
              const SheetCell *next = &g_array_index (w->cells, SheetCell, i + 1);
              if (next->row == cell->row && next->col == cell->col)
                continue;
            }
          if (cell->col > col
              && !(iku_book_builder_start_cell (builder, cell->col - col, 1, 1, NULL, error)
                   && iku_book_builder_end_cell (builder, error)))
            return FALSE;
          if (!(iku_book_builder_start_cell (builder, 1, 1, 1, NULL, error)
                && iku_book_builder_start_paragraph (builder, error)
                && iku_book_builder_append_text (builder, cell->text, cell->len, error)
                && iku_book_builder_end_cell (builder, error)))
            return FALSE;
          col = cell->col + 1;
        }
      if (!iku_book_builder_end_row (builder, error))
        return FALSE;
      row = this_row + 1;
    }
  return TRUE;
}

gboolean
iku_xlsx_sheet_read (IkuBookZip *zip, const char *part, const IkuXlsxStrings *strings,
                     const IkuXlsxStyles *styles, gboolean date1904, IkuBookBuilder *builder,
                     const char *display_name, guint64 *budget, GError **error)
{
  g_return_val_if_fail (zip != NULL && part != NULL && builder != NULL, FALSE);

  g_auto(SheetWalk) w = { 0 };
  w.strings = strings;
  w.styles = styles;
  w.date1904 = date1904;
  w.display_name = display_name;
  w.sheet_name = iku_book_builder_get_sheet_name (builder);
  w.cells = g_array_new (FALSE, FALSE, sizeof (SheetCell));
  g_array_set_clear_func (w.cells, sheet_cell_clear);
  w.merges = g_array_new (FALSE, FALSE, sizeof (Merge));
  w.hidden_rows = g_array_new (FALSE, FALSE, sizeof (guint64));
  w.value = g_string_new (NULL);
  if (!iku_xlsx_walk_part (zip, part, display_name, budget, sheet_node, &w, error))
    return FALSE;
  return feed_builder (&w, builder, error);
}
