/* SPDX-License-Identifier: GPL-3.0-or-later
 * A live sheet -> IkuGrid (see iku-uno-sheet.h).
 *
 * How it stays fast: the used area bounds everything; queryContentCells finds the
 * non-empty cells as rectangles, which are joined into a few blocks that are mostly
 * content; one getDataArray per block brings its cells in one call. Text cells are taken from that array as they are; only
 * cells holding a number, a date or a formula error (shown formatted) are asked for
 * their displayed string one by one. Merged areas are found through the sheet's
 * unique formatting ranges: covered cells carry their own attribute pattern, so
 * checking one cell per pattern finds them all. */
#include "iku-uno-sheet.h"

#include <stdlib.h>
#include <string.h>

#include "iku-limits.h"
#include "iku-schema.h"
#include "iku-uno-call.h"
#include "iku-uno-cell-text.h"
#include "iku-uno-error.h"
#include "iku-uno-selection.h"
#include "iku-uno-string.h"
#include "iku-uno-value.h"

#define RANGE_ADDRESS "com.sun.star.table.CellRangeAddress"
#define RANGE_ADDRESS_SEQ "[]com.sun.star.table.CellRangeAddress"
#define ANY_MATRIX "[][]any"

/* com.sun.star.sheet.CellFlags: VALUE | DATETIME | STRING | FORMULA (no ANNOTATION). */
#define CONTENT_FLAGS ((sal_Int16) (1 | 2 | 4 | 16))

typedef struct {
  gint32 sheet;
  gint32 start_col;
  gint32 start_row;
  gint32 end_col;
  gint32 end_row;
} Range;

static gboolean
read_range_address (const void *mem,
                    Range      *range,
                    GError    **error)
{
  gsize sheet, start_col, start_row, end_col, end_row;
  const char *p = mem;

  if (!iku_uno_struct_offset (RANGE_ADDRESS, "Sheet", &sheet, error) ||
      !iku_uno_struct_offset (RANGE_ADDRESS, "StartColumn", &start_col, error) ||
      !iku_uno_struct_offset (RANGE_ADDRESS, "StartRow", &start_row, error) ||
      !iku_uno_struct_offset (RANGE_ADDRESS, "EndColumn", &end_col, error) ||
      !iku_uno_struct_offset (RANGE_ADDRESS, "EndRow", &end_row, error))
    return FALSE;
  range->sheet = *(const sal_Int16 *) (const void *) (p + sheet);
  range->start_col = *(const sal_Int32 *) (const void *) (p + start_col);
  range->start_row = *(const sal_Int32 *) (const void *) (p + start_row);
  range->end_col = *(const sal_Int32 *) (const void *) (p + end_col);
  range->end_row = *(const sal_Int32 *) (const void *) (p + end_row);
  if (range->start_col < 0 || range->start_row < 0 || range->end_col < range->start_col ||
      range->end_row < range->start_row)
    {
      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_TYPE, "ugyldigt celleområde");
      return FALSE;
    }
  return TRUE;
}

/* XCellRangeAddressable::getRangeAddress of @obj. */
static gboolean
get_range_address (uno_Interface *obj,
                   Range         *range,
                   GError       **error)
{
  typelib_TypeDescription *type = iku_uno_type_get (RANGE_ADDRESS, error);
  g_autofree void *mem = NULL;
  gboolean ok;

  if (type == NULL)
    return FALSE;
  mem = g_malloc0 ((gsize) type->nSize);
  if (!iku_uno_call (obj, "com.sun.star.sheet.XCellRangeAddressable::getRangeAddress", mem, NULL,
                     error))
    return FALSE;
  ok = read_range_address (mem, range, error);
  uno_destructData (mem, type, NULL);
  return ok;
}

/* XSheetCellRanges::getRangeAddresses of @ranges, appended to @out. */
static gboolean
get_range_addresses (uno_Interface *ranges,
                     GArray        *out,
                     GError       **error)
{
  typelib_TypeDescription *type = iku_uno_type_get (RANGE_ADDRESS, error);
  uno_Sequence *seq = NULL;
  gboolean ok = TRUE;

  if (type == NULL ||
      !iku_uno_call (ranges, "com.sun.star.sheet.XSheetCellRanges::getRangeAddresses", &seq, NULL,
                     error))
    return FALSE;
  for (sal_Int32 i = 0; ok && i < seq->nElements; i++)
    {
      Range range;

      ok = read_range_address (seq->elements + (gsize) i * (gsize) type->nSize, &range, error);
      if (ok)
        g_array_append_val (out, range);
    }
  iku_uno_sequence_free (seq, RANGE_ADDRESS_SEQ);
  return ok;
}

static uno_Interface *
get_cell_range (uno_Interface *range,
                gint32         left,
                gint32         top,
                gint32         right,
                gint32         bottom,
                GError       **error)
{
  void *args[4] = { &left, &top, &right, &bottom };

  return iku_uno_call_object (range, "com.sun.star.table.XCellRange::getCellRangeByPosition", args,
                              error);
}

/* TRUE in *@covered when the cell (@col, @row) lies inside a merged area but is
 * not its top-left cell. */
static gboolean
cell_is_covered (uno_Interface *sheet,
                 gint32         col,
                 gint32         row,
                 gboolean      *covered,
                 GError       **error)
{
  g_autoptr(uno_Interface) cell = NULL;
  g_autoptr(uno_Interface) sheet_cell_range = NULL;
  g_autoptr(uno_Interface) cursor = NULL;
  void *args[1];
  Range merged;

  cell = get_cell_range (sheet, col, row, col, row, error);
  if (cell == NULL)
    return FALSE;
  /* The parameter of createCursorByRange is an XSheetCellRange, exactly. */
  sheet_cell_range = iku_uno_query (cell, "com.sun.star.sheet.XSheetCellRange", error);
  if (sheet_cell_range == NULL)
    return FALSE;
  args[0] = &sheet_cell_range;
  cursor = iku_uno_call_object (sheet, "com.sun.star.sheet.XSpreadsheet::createCursorByRange", args,
                                error);
  if (cursor == NULL ||
      !iku_uno_call (cursor, "com.sun.star.sheet.XSheetCellCursor::collapseToMergedArea", NULL,
                     NULL, error) ||
      !get_range_address (cursor, &merged, error))
    return FALSE;
  *covered = merged.start_col != col || merged.start_row != row;
  return TRUE;
}

static gboolean
ranges_intersect (const GArray *a,
                  const GArray *b)
{
  for (guint i = 0; i < a->len; i++)
    for (guint j = 0; j < b->len; j++)
      {
        const Range *x = &g_array_index (a, Range, i);
        const Range *y = &g_array_index (b, Range, j);

        if (x->start_col <= y->end_col && y->start_col <= x->end_col &&
            x->start_row <= y->end_row && y->start_row <= x->end_row)
          return TRUE;
      }
  return FALSE;
}

/* The rectangles of cells covered by merged areas inside @area that hold some of
 * the @contents, appended to @out. */
static gboolean
find_covered (uno_Interface *sheet,
              uno_Interface *area,
              const GArray  *contents,
              GArray        *out,
              GError       **error)
{
  g_autoptr(uno_Interface) groups = NULL;
  gboolean merged = FALSE;
  gint32 n_groups = 0;

  /* TRUE when any merged area starts inside @area; used areas start at A1, so a
   * covered cell inside implies its merged area's origin is inside too. */
  if (!iku_uno_call_boolean (area, "com.sun.star.util.XMergeable::getIsMerged", NULL, &merged,
                             error))
    return FALSE;
  if (!merged)
    return TRUE;

  groups = iku_uno_call_object (area,
                                "com.sun.star.sheet.XUniqueCellFormatRangesSupplier::getUniqueCellFormatRanges",
                                NULL, error);
  if (groups == NULL ||
      !iku_uno_call_int32 (groups, "com.sun.star.container.XIndexAccess::getCount", NULL, &n_groups,
                           error))
    return FALSE;

  for (gint32 i = 0; i < n_groups; i++)
    {
      g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (Range));
      g_autoptr(uno_Interface) group = NULL;
      const Range *first;
      void *args[1] = { &i };
      uno_Any element;
      gboolean covered = FALSE;

      if (!iku_uno_call (groups, "com.sun.star.container.XIndexAccess::getByIndex", &element, args,
                         error))
        return FALSE;
      group = iku_uno_any_dup_interface (&element);
      uno_any_destruct (&element, NULL);
      if (group == NULL || !get_range_addresses (group, ranges, error))
        {
          if (group == NULL)
            g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_NULL, "tomt formateringsområde");
          return FALSE;
        }
      if (ranges->len == 0 || !ranges_intersect (ranges, contents))
        continue;   /* no content there: whether it is covered does not matter */
      /* Cells of one group share one attribute pattern, merge flags included. */
      first = &g_array_index (ranges, Range, 0);
      if (!cell_is_covered (sheet, first->start_col, first->start_row, &covered, error))
        return FALSE;
      if (covered)
        g_array_append_vals (out, ranges->data, ranges->len);
    }
  return TRUE;
}

/* Paragraph breaks as '\n' whatever the source (xlsx text may carry "\r\n"), in place. */
static char *
normalise_breaks (char *text)
{
  char *out = text;
  char *in = text;

  if (strchr (text, '\r') == NULL)
    return text;
  while (*in != '\0')
    {
      if (in[0] == '\r')
        {
          *out++ = '\n';
          in += in[1] == '\n' ? 2 : 1;
        }
      else
        *out++ = *in++;
    }
  *out = '\0';
  return text;
}

/* The text a user sees in the cell (@col, @row) of @range (relative positions). */
static char *
dup_displayed_text (uno_Interface *range,
                    gint32         col,
                    gint32         row,
                    GError       **error)
{
  g_autoptr(uno_Interface) cell = NULL;
  void *args[2] = { &col, &row };

  cell = iku_uno_call_object (range, "com.sun.star.table.XCellRange::getCellByPosition", args,
                              error);
  if (cell == NULL)
    return NULL;
  return iku_uno_call_string (cell, "com.sun.star.text.XTextRange::getString", NULL, error);
}

static guint64
range_area (const Range *r)
{
  return (guint64) (r->end_col - r->start_col + 1) * (guint64) (r->end_row - r->start_row + 1);
}

static gint
compare_by_position (gconstpointer a,
                     gconstpointer b)
{
  const Range *x = a;
  const Range *y = b;

  if (x->start_row != y->start_row)
    return x->start_row < y->start_row ? -1 : 1;
  if (x->start_col != y->start_col)
    return x->start_col < y->start_col ? -1 : 1;
  return 0;
}

/* The blocks to read with one getDataArray each: the content rectangles in
 * reading order, joined while the joined block stays mostly content.
 * queryContentCells may cut one dense table into a rectangle per row (merged cells
 * do that), and one call per row would cost a millisecond each. (transfer full) */
static GArray *
plan_blocks (const GArray *contents)
{
  g_autoptr(GArray) sorted = g_array_copy ((GArray *) contents);
  GArray *blocks = g_array_new (FALSE, FALSE, sizeof (Range));
  Range block = { 0 };
  guint64 block_cells = 0;

  g_array_sort (sorted, compare_by_position);
  for (guint i = 0; i < sorted->len; i++)
    {
      const Range *r = &g_array_index (sorted, Range, i);
      Range joined = { r->sheet,
                       MIN (block.start_col, r->start_col), MIN (block.start_row, r->start_row),
                       MAX (block.end_col, r->end_col), MAX (block.end_row, r->end_row) };

      if (i > 0 && range_area (&joined) <= 2 * (block_cells + range_area (r)) + 1024)
        {
          block = joined;
          block_cells += range_area (r);
          continue;
        }
      if (i > 0)
        g_array_append_val (blocks, block);
      block = *r;
      block_cells = range_area (r);
    }
  if (sorted->len > 0)
    g_array_append_val (blocks, block);
  return blocks;
}

/* Header cells and the labels of the header area are short: the search for the
 * header row keeps only texts up to this many UTF-16 units (iku-schema-header.c
 * looks at none longer than 200 bytes). */
#define PROBE_MAX_UNITS 200

/* Where one pass over a sheet puts what it reads. */
typedef struct {
  IkuGrid           *grid;
  IkuUnoSheetBudget *budget;   /* the text kept is counted here */
  const char        *sheet_name;
  gboolean           probe;    /* header candidates only: short texts, no numbers */
} Reader;

static gboolean
charge_text (Reader  *reader,
             guint    row,
             guint    col,
             gsize    n_bytes,
             GError **error)
{
  if (reader->budget->text_bytes + n_bytes > IKU_MAX_BOOK_TEXT_BYTES)
    {
      g_autofree char *cell = iku_grid_dup_cell_name (row, col);

      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_TOO_LARGE,
                   "Regnearket har mere end %u MB tekst i det, ikuflet skal læse (ved celle %s "
                   "på arket »%s«). Slet det, der ikke hører til skemaet, og prøv igen.",
                   IKU_MAX_BOOK_TEXT_BYTES / (1024 * 1024), cell, reader->sheet_name);
      return FALSE;
    }
  reader->budget->text_bytes += n_bytes;
  return TRUE;
}

/* The cell @value at (@grid_row, @grid_col), @col and @row relative to @range,
 * into the reader's grid. */
static gboolean
read_cell (Reader        *reader,
           uno_Interface *range,
           const uno_Any *value,
           gint32         col,
           gint32         row,
           guint          grid_row,
           guint          grid_col,
           GError       **error)
{
  gint32 units = iku_uno_any_get_string_units (value);
  g_autofree char *text = NULL;
  gsize n_bytes;

  if (units >= 0)
    {
      if (reader->probe && units > PROBE_MAX_UNITS)
        return TRUE;
      /* Each UTF-16 unit is at least one UTF-8 byte: too long, whatever it says.
       * Nothing of it is converted or kept. */
      if ((guint64) units > IKU_MAX_CELL_BYTES)
        return iku_grid_refuse_cell (reader->grid, grid_row, grid_col, error);
      text = iku_uno_any_dup_string (value);
      if (!reader->probe && iku_uno_cell_text_has_lost_field (text))
        {
          g_free (text);
          text = iku_uno_cell_text_dup (range, col, row, error);
          if (text == NULL)
            return FALSE;
        }
    }
  else if (reader->probe)
    return TRUE;   /* a number, a date or an error is no header */
  else
    {
      /* A number or date (shown formatted), or a formula error (no value in the
       * array): ask the cell what it shows. */
      text = dup_displayed_text (range, col, row, error);
      if (text == NULL)
        return FALSE;
    }
  if (*text == '\0')
    return TRUE;
  n_bytes = strlen (text);
  /* A cell over the bound is recorded as refused, and reading goes on: the
   * schema tells which employee it concerns. */
  if (n_bytes > IKU_MAX_CELL_BYTES)
    return iku_grid_refuse_cell (reader->grid, grid_row, grid_col, error);
  return charge_text (reader, grid_row, grid_col, n_bytes, error) &&
         iku_grid_set_cell (reader->grid, grid_row, grid_col, normalise_breaks (text), -1,
                            error);
}

/* Reads the cells of @content (a block of mostly non-empty cells) with @reader,
 * leaving out empty cells and cells inside any of the @covered rectangles. */
static gboolean
read_content (uno_Interface *sheet,
              const Range   *content,
              const GArray  *covered,
              Reader        *reader,
              GError       **error)
{
  gint32 n_cols = content->end_col - content->start_col + 1;
  gint32 n_rows = content->end_row - content->start_row + 1;
  g_autofree guint8 *skip = NULL;
  g_autoptr(uno_Interface) range = NULL;
  uno_Sequence *rows = NULL;
  gboolean ok = TRUE;

  if (covered->len > 0)
    {
      skip = g_malloc0 ((gsize) n_cols * (gsize) n_rows);
      for (guint i = 0; i < covered->len; i++)
        {
          const Range *c = &g_array_index (covered, Range, i);
          gint32 top = MAX (c->start_row, content->start_row);
          gint32 bottom = MIN (c->end_row, content->end_row);
          gint32 left = MAX (c->start_col, content->start_col);
          gint32 right = MIN (c->end_col, content->end_col);

          for (gint32 r = top; r <= bottom; r++)
            for (gint32 col = left; col <= right; col++)
              skip[(gsize) (r - content->start_row) * (gsize) n_cols +
                   (gsize) (col - content->start_col)] = 1;
        }
    }

  range = get_cell_range (sheet, content->start_col, content->start_row, content->end_col,
                          content->end_row, error);
  if (range == NULL ||
      !iku_uno_call (range, "com.sun.star.sheet.XCellRangeData::getDataArray", &rows, NULL, error))
    return FALSE;

  for (sal_Int32 r = 0; ok && r < rows->nElements && r < n_rows; r++)
    {
      const uno_Sequence *row = ((uno_Sequence * const *) (const void *) rows->elements)[r];

      for (sal_Int32 c = 0; ok && c < row->nElements && c < n_cols; c++)
        {
          const uno_Any *value = (const uno_Any *) (const void *) row->elements + c;

          if (skip != NULL && skip[(gsize) r * (gsize) n_cols + (gsize) c])
            continue;
          ok = read_cell (reader, range, value, c, r, (guint) (content->start_row + r),
                          (guint) (content->start_col + c), error);
        }
    }
  iku_uno_sequence_free (rows, ANY_MATRIX);
  return ok;
}

/* Reads the parts of @contents that lie inside @region with @reader. */
static gboolean
read_region (uno_Interface *sheet,
             const GArray  *contents,
             const Range   *region,
             const GArray  *covered,
             Reader        *reader,
             GError       **error)
{
  g_autoptr(GArray) inside = g_array_new (FALSE, FALSE, sizeof (Range));
  g_autoptr(GArray) blocks = NULL;

  for (guint i = 0; i < contents->len; i++)
    {
      const Range *c = &g_array_index (contents, Range, i);
      Range part = { c->sheet,
                     MAX (c->start_col, region->start_col), MAX (c->start_row, region->start_row),
                     MIN (c->end_col, region->end_col), MIN (c->end_row, region->end_row) };

      if (part.start_col <= part.end_col && part.start_row <= part.end_row)
        g_array_append_val (inside, part);
    }
  blocks = plan_blocks (inside);
  for (guint i = 0; i < blocks->len; i++)
    if (!read_content (sheet, &g_array_index (blocks, Range, i), covered, reader, error))
      return FALSE;
  return TRUE;
}

static gint
compare_ints (gconstpointer a,
              gconstpointer b)
{
  gint x = *(const gint *) a, y = *(const gint *) b;

  return x < y ? -1 : x > y;
}

/* Reads what the schema needs of a sheet whose header is at @header_row in the
 * columns @cols (-1: absent): every used cell from the top to the header row (the
 * header area, the button, the headers), and below it only the schema's columns. */
static gboolean
read_schema_parts (uno_Interface *sheet,
                   const GArray  *contents,
                   const Range   *whole,
                   const GArray  *covered,
                   guint          header_row,
                   gint           cols[3],
                   Reader        *reader,
                   GError       **error)
{
  Range top = { whole->sheet, 0, 0, whole->end_col, (gint32) header_row };
  gint sorted[3];
  guint n = 0;

  if (!read_region (sheet, contents, &top, covered, reader, error))
    return FALSE;
  if ((gint32) header_row >= whole->end_row)
    return TRUE;
  for (guint i = 0; i < 3; i++)
    if (cols[i] >= 0)
      sorted[n++] = cols[i];
  qsort (sorted, n, sizeof sorted[0], compare_ints);
  /* Adjacent columns (the usual name | individual | team) in one region. */
  for (guint i = 0; i < n;)
    {
      Range below = { whole->sheet, sorted[i], (gint32) header_row + 1, sorted[i],
                      whole->end_row };

      for (i++; i < n && sorted[i] <= below.end_col + 1; i++)
        below.end_col = MAX (below.end_col, sorted[i]);
      if (!read_region (sheet, contents, &below, covered, reader, error))
        return FALSE;
    }
  return TRUE;
}

static gint
compare_by_row (gconstpointer a,
                gconstpointer b)
{
  const Range *x = a;
  const Range *y = b;

  return x->start_row < y->start_row ? -1 : x->start_row > y->start_row;
}

/* Marks the rows 0..@last_row of @grid that @sheet hides (by hand, or a filter:
 * Calc hides the rows a filter leaves out). One call, whatever the number of
 * rows: the visible cells of those rows across every column of the sheet, as a
 * few rectangles (hidden columns only cut them up; all of a sheet's columns are
 * never hidden). The rows no rectangle covers are hidden. */
static gboolean
read_hidden_rows (uno_Interface *sheet,
                  gint32         last_row,
                  IkuGrid       *grid,
                  GError       **error)
{
  g_autoptr(uno_Interface) rows = NULL;
  g_autoptr(uno_Interface) visible = NULL;
  g_autoptr(GArray) ranges = g_array_new (FALSE, FALSE, sizeof (Range));
  Range extent;
  gint32 next = 0;   /* the first row not yet known to be visible */

  if (!get_range_address (sheet, &extent, error))
    return FALSE;
  rows = get_cell_range (sheet, 0, 0, extent.end_col, last_row, error);
  if (rows == NULL)
    return FALSE;
  visible = iku_uno_call_object (rows, "com.sun.star.sheet.XCellRangesQuery::queryVisibleCells",
                                 NULL, error);
  if (visible == NULL || !get_range_addresses (visible, ranges, error))
    return FALSE;
  g_array_sort (ranges, compare_by_row);
  for (guint i = 0; i < ranges->len; i++)
    {
      const Range *r = &g_array_index (ranges, Range, i);

      if (r->start_row > next)
        iku_grid_set_rows_hidden (grid, (guint) next, (guint) (r->start_row - next), TRUE);
      next = MAX (next, r->end_row + 1);
    }
  if (next <= last_row)
    iku_grid_set_rows_hidden (grid, (guint) next, (guint) (last_row - next + 1), TRUE);
  return TRUE;
}

IkuGrid *
iku_uno_sheet_read (uno_Interface     *sheet,
                    IkuUnoSheetBudget *budget,
                    GError           **error)
{
  g_autofree char *name = NULL;
  g_autoptr(IkuGrid) grid = NULL;
  g_autoptr(IkuGrid) probe = NULL;
  g_autoptr(uno_Interface) cursor = NULL;
  g_autoptr(uno_Interface) area = NULL;
  g_autoptr(uno_Interface) content_ranges = NULL;
  g_autoptr(GArray) contents = g_array_new (FALSE, FALSE, sizeof (Range));
  g_autoptr(GArray) covered = g_array_new (FALSE, FALSE, sizeof (Range));
  IkuUnoSheetBudget probe_budget = { 0, 0 };
  Reader probe_reader, reader;
  sal_Int16 flags = CONTENT_FLAGS;
  sal_Bool expand = 0;
  void *args[1];
  Range used, whole;
  guint64 n_cells = 0;
  guint header_row = 0;
  gint cols[3];

  g_return_val_if_fail (budget != NULL, NULL);

  name = iku_uno_call_string (sheet, "com.sun.star.container.XNamed::getName", NULL, error);
  if (name == NULL)
    return NULL;
  grid = iku_grid_new (name);

  /* The used area: from A1 to the last cell that holds anything. */
  cursor = iku_uno_call_object (sheet, "com.sun.star.sheet.XSpreadsheet::createCursor", NULL,
                                error);
  args[0] = &expand;
  if (cursor == NULL ||
      !iku_uno_call (cursor, "com.sun.star.sheet.XUsedAreaCursor::gotoEndOfUsedArea", NULL, args,
                     error) ||
      !get_range_address (cursor, &used, error))
    return NULL;
  if ((guint) used.end_row >= IKU_MAX_ROWS || (guint) used.end_col >= IKU_MAX_COLS)
    {
      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_TOO_LARGE,
                   "Arket »%s« er større, end ikuflet kan læse.", name);
      return NULL;
    }
  whole = (Range) { used.sheet, 0, 0, used.end_col, used.end_row };
  area = get_cell_range (sheet, 0, 0, used.end_col, used.end_row, error);
  if (area == NULL)
    return NULL;

  args[0] = &flags;
  content_ranges = iku_uno_call_object (area,
                                        "com.sun.star.sheet.XCellRangesQuery::queryContentCells",
                                        args, error);
  if (content_ranges == NULL || !get_range_addresses (content_ranges, contents, error))
    return NULL;
  for (guint i = 0; i < contents->len; i++)
    {
      n_cells += range_area (&g_array_index (contents, Range, i));
    }
  /* Counted over the workbook, as the .ods reader counts them. */
  if (budget->cells + n_cells > IKU_MAX_CELLS)
    {
      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_TOO_LARGE,
                   "Regnearket har mere end %u udfyldte celler (arket »%s« har %"
                   G_GUINT64_FORMAT "). Et kompetenceskema er meget mindre; kontrollér, at det er "
                   "det rigtige regneark, eller slet det, der ikke hører til skemaet.",
                   IKU_MAX_CELLS, name, n_cells);
      return NULL;
    }
  budget->cells += n_cells;
  if (n_cells == 0)
    return g_steal_pointer (&grid);

  if (!find_covered (sheet, area, contents, covered, error))
    return NULL;

  /* First the header row, from the short texts of the whole used area; then only
   * what the schema needs. A sheet without a header gives an empty grid. */
  probe = iku_grid_new (name);
  probe_reader = (Reader) { probe, &probe_budget, name, TRUE };
  if (!read_region (sheet, contents, &whole, covered, &probe_reader, error))
    return NULL;
  if (!iku_schema_find_header (probe, &header_row, &cols[0], &cols[1], &cols[2]))
    return g_steal_pointer (&grid);
  g_clear_pointer (&probe, iku_grid_free);

  reader = (Reader) { grid, budget, name, FALSE };
  if (!read_schema_parts (sheet, contents, &whole, covered, header_row, cols, &reader, error) ||
      !read_hidden_rows (sheet, used.end_row, grid, error))
    return NULL;
  return g_steal_pointer (&grid);
}

gboolean
iku_uno_sheet_collect_rows (uno_Interface *ranges,
                            guint          sheet_index,
                            GArray        *spans,
                            GError       **error)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Range));

  g_return_val_if_fail (ranges != NULL && spans != NULL, FALSE);

  if (iku_uno_has_interface (ranges, "com.sun.star.sheet.XSheetCellRanges"))
    {
      if (!get_range_addresses (ranges, found, error))
        return FALSE;
    }
  else if (iku_uno_has_interface (ranges, "com.sun.star.sheet.XCellRangeAddressable"))
    {
      Range range;

      if (!get_range_address (ranges, &range, error))
        return FALSE;
      g_array_append_val (found, range);
    }
  for (guint i = 0; i < found->len; i++)
    {
      const Range *r = &g_array_index (found, Range, i);
      IkuUnoRowSpan span = { (guint) r->start_row, (guint) r->end_row };

      if (r->sheet >= 0 && (guint) r->sheet == sheet_index)
        g_array_append_val (spans, span);
    }
  return TRUE;
}

gboolean
iku_uno_sheet_get_index (uno_Interface *sheet,
                         guint         *index,
                         GError       **error)
{
  Range range;

  g_return_val_if_fail (index != NULL, FALSE);

  if (!get_range_address (sheet, &range, error))
    return FALSE;
  if (range.sheet < 0)
    {
      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_TYPE, "arket har intet nummer");
      return FALSE;
    }
  *index = (guint) range.sheet;
  return TRUE;
}
