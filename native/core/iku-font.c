/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuFont: metrics and line fitting over the generated width table. */
#include "iku-font.h"

#include "iku-font-table.h"

#include <string.h>

/* The advance of glyph 0 (.notdef, the missing-glyph box) in both styles of
 * Ikuflet Sans, in font units; the table only lists mapped characters.
 * test-font checks it against the font files. */
#define NOTDEF_ADVANCE 1536u

typedef struct {
  const IkuFontWidth *widths;
  guint               n_widths;
} WidthTable;

static WidthTable
table_for (IkuFontStyle style)
{
  if (style == IKU_FONT_BOLD)
    return (WidthTable) { iku_font_widths_bold, iku_font_n_widths_bold };
  return (WidthTable) { iku_font_widths_regular, iku_font_n_widths_regular };
}

/* The entry for @c, or NULL. The table is sorted by code point and starts with
 * the contiguous printable ASCII range, which is looked up directly. */
static const IkuFontWidth *
lookup (WidthTable table, gunichar c)
{
  if (c >= 0x20 && c <= 0x7E && c - 0x20 < table.n_widths
      && table.widths[c - 0x20].codepoint == c)
    return &table.widths[c - 0x20];

  guint lo = 0;
  guint hi = table.n_widths;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      guint32 cp = table.widths[mid].codepoint;
      if (cp == c)
        return &table.widths[mid];
      if (cp < c)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

static guint
advance_units (WidthTable table, gunichar c)
{
  const IkuFontWidth *w = lookup (table, c);
  return w != NULL ? w->advance : NOTDEF_ADVANCE;
}

gboolean
iku_font_has_glyph (IkuFontStyle style, gunichar c)
{
  g_return_val_if_fail (style < IKU_FONT_N_STYLES, FALSE);
  return lookup (table_for (style), c) != NULL;
}

double
iku_font_char_width (IkuFontStyle style, double size, gunichar c)
{
  g_return_val_if_fail (style < IKU_FONT_N_STYLES, 0.0);
  return advance_units (table_for (style), c) * size / iku_font_units_per_em;
}

double
iku_font_text_width (IkuFontStyle style, double size, const char *text, gssize len)
{
  g_return_val_if_fail (style < IKU_FONT_N_STYLES, 0.0);
  g_return_val_if_fail (text != NULL || len == 0, 0.0);

  if (len < 0)
    len = (gssize) strlen (text);
  WidthTable table = table_for (style);
  guint64 units = 0;
  for (const char *p = text, *end = text + len; p < end; p = g_utf8_next_char (p))
    units += advance_units (table, g_utf8_get_char (p));
  return units * size / iku_font_units_per_em;
}

gsize
iku_font_fit_line (IkuFontStyle style,
                   double       size,
                   const char  *text,
                   gsize        len,
                   double       max_width,
                   gsize       *draw_len)
{
  g_return_val_if_fail (style < IKU_FONT_N_STYLES, 0);
  g_return_val_if_fail (text != NULL || len == 0, 0);
  g_return_val_if_fail (size > 0.0, 0);

  WidthTable table = table_for (style);
  /* Compare in font units: sums of integers, no rounding drift along a line. */
  const double limit = max_width * iku_font_units_per_em / size;
  const guint space = advance_units (table, ' ');
  guint64 units = 0;
  gsize break_draw = 0;   /* the line up to the last space run after text ... */
  gsize break_next = 0;   /* ... and where the next line starts after it */
  gsize p = 0;

  while (p < len)
    {
      if (text[p] == ' ')
        {
          gsize run = p;
          while (run < len && text[run] == ' ')
            run++;
          if (p > 0)
            {
              break_draw = p;
              break_next = run;
            }
          units += (guint64) (run - p) * space;
          p = run;
          continue;
        }

      gsize next = (gsize) (g_utf8_next_char (text + p) - text);
      units += advance_units (table, g_utf8_get_char (text + p));
      if ((double) units > limit)
        {
          if (break_draw > 0)
            {
              if (draw_len != NULL)
                *draw_len = break_draw;
              return break_next;
            }
          /* One word wider than the line: cut it, keeping at least one character. */
          gsize cut = p > 0 ? p : MIN (next, len);
          if (draw_len != NULL)
            *draw_len = cut;
          return cut;
        }
      p = next;
    }

  /* Everything fits; trailing spaces are consumed but not drawn. */
  gsize end = len;
  while (end > 0 && text[end - 1] == ' ')
    end--;
  if (draw_len != NULL)
    *draw_len = end;
  return len;
}
