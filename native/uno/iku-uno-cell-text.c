/* SPDX-License-Identifier: GPL-3.0-or-later
 * A cell's text from its text model (see iku-uno-cell-text.h).
 *
 * The model: the cell (com.sun.star.text.XText) enumerates its paragraphs, each
 * paragraph its text portions; a portion's TextPortionType tells plain text
 * ("Text") from a field ("TextField", whose string is what the field shows).
 *
 * The repair: when a .ods cell has a line break before a field, LibreOffice 25.2
 * splits the paragraph at the break but inserts the field at its position counted
 * in the unsplit paragraph, clamped to the line it lands in. So the field's text
 * appears too early, and the U+0001 placeholder it should have taken stays in the
 * text. Fields are inserted in reading order and each misplaced one leaves one
 * placeholder, and every field before the first break is in its place: the last N
 * fields in reading order are the misplaced ones, for N bare placeholders, and
 * they belong to those placeholders in order. */
#include "iku-uno-cell-text.h"

#include <string.h>

#include "iku-uno-call.h"
#include "iku-uno-string.h"
#include "iku-uno-value.h"

#define FIELD_PLACEHOLDER '\x01'

/* More paragraphs or portions than a cell within IKU_MAX_CELL_BYTES can hold. */
#define MAX_ELEMENTS (1u << 20)

typedef struct {
  char    *text;
  gboolean field;
  gboolean new_paragraph;   /* the first portion of a paragraph after the first */
} Portion;

static void
portion_clear (gpointer data)
{
  Portion *portion = data;

  g_free (portion->text);
}

gboolean
iku_uno_cell_text_has_lost_field (const char *text)
{
  return text != NULL && strchr (text, FIELD_PLACEHOLDER) != NULL;
}

/* The elements of the XEnumerationAccess @container (a cell or a paragraph). */
static GPtrArray *
collect_elements (uno_Interface *container,
                  GError       **error)
{
  g_autoptr(GPtrArray) elements = g_ptr_array_new_with_free_func ((GDestroyNotify) iku_uno_release);
  g_autoptr(uno_Interface) enumeration = NULL;

  enumeration = iku_uno_call_object (container,
                                     "com.sun.star.container.XEnumerationAccess::createEnumeration",
                                     NULL, error);
  if (enumeration == NULL ||
      !iku_uno_enumeration_collect (enumeration, MAX_ELEMENTS, elements, error))
    return NULL;
  return g_steal_pointer (&elements);
}

/* TRUE in *@field when the text portion @portion is a field. */
static gboolean
portion_is_field (uno_Interface *portion,
                  gboolean      *field,
                  GError       **error)
{
  g_autoptr(rtl_uString) name = iku_uno_string_new ("TextPortionType");
  g_autofree char *type = NULL;
  void *args[1] = { &name };
  uno_Any value;

  if (!iku_uno_call (portion, "com.sun.star.beans.XPropertySet::getPropertyValue", &value, args,
                     error))
    return FALSE;
  type = iku_uno_any_dup_string (&value);
  uno_any_destruct (&value, NULL);
  *field = type != NULL && strcmp (type, "TextField") == 0;
  return TRUE;
}

/* Every text portion of @cell, in reading order, appended to @out. */
static gboolean
read_portions (uno_Interface *cell,
               GArray        *out,
               GError       **error)
{
  g_autoptr(GPtrArray) paragraphs = collect_elements (cell, error);

  if (paragraphs == NULL)
    return FALSE;
  for (guint p = 0; p < paragraphs->len; p++)
    {
      g_autoptr(GPtrArray) portions = collect_elements (g_ptr_array_index (paragraphs, p), error);

      if (portions == NULL)
        return FALSE;
      if (portions->len == 0 && p > 0)
        {
          /* An empty paragraph still ends a line. */
          Portion empty = { g_strdup (""), FALSE, TRUE };
          g_array_append_val (out, empty);
        }
      for (guint i = 0; i < portions->len; i++)
        {
          uno_Interface *obj = g_ptr_array_index (portions, i);
          Portion portion = { NULL, FALSE, p > 0 && i == 0 };

          if (!portion_is_field (obj, &portion.field, error))
            return FALSE;
          portion.text = iku_uno_call_string (obj, "com.sun.star.text.XTextRange::getString", NULL,
                                              error);
          if (portion.text == NULL)
            return FALSE;
          g_array_append_val (out, portion);
        }
    }
  return TRUE;
}

char *
iku_uno_cell_text_dup (uno_Interface *range,
                       gint32         col,
                       gint32         row,
                       GError       **error)
{
  g_autoptr(uno_Interface) cell = NULL;
  g_autoptr(GArray) portions = g_array_new (FALSE, TRUE, sizeof (Portion));
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_fields = 0;
  guint n_placeholders = 0;
  guint n_moved;
  guint first_moved = 0;
  guint next_moved;
  guint field_index = 0;

  void *args[2] = { &col, &row };

  g_return_val_if_fail (range != NULL, NULL);

  g_array_set_clear_func (portions, portion_clear);
  cell = iku_uno_call_object (range, "com.sun.star.table.XCellRange::getCellByPosition", args,
                              error);
  if (cell == NULL || !read_portions (cell, portions, error))
    return NULL;

  for (guint i = 0; i < portions->len; i++)
    {
      const Portion *portion = &g_array_index (portions, Portion, i);

      if (portion->field)
        n_fields++;
      else
        for (const char *c = portion->text; (c = strchr (c, FIELD_PLACEHOLDER)) != NULL; c++)
          n_placeholders++;
    }
  n_moved = MIN (n_fields, n_placeholders);

  /* The misplaced fields: the last n_moved ones; next_moved walks them in order. */
  for (guint i = 0, seen = 0; i < portions->len; i++)
    if (g_array_index (portions, Portion, i).field && seen++ == n_fields - n_moved)
      {
        first_moved = i;
        break;
      }
  next_moved = first_moved;

  for (guint i = 0; i < portions->len; i++)
    {
      const Portion *portion = &g_array_index (portions, Portion, i);

      if (portion->new_paragraph)
        g_string_append_c (text, '\n');
      if (portion->field)
        {
          if (field_index++ < n_fields - n_moved)
            g_string_append (text, portion->text);
          continue;
        }
      for (const char *c = portion->text; *c != '\0'; c++)
        {
          if (*c != FIELD_PLACEHOLDER)
            {
              g_string_append_c (text, *c);
              continue;
            }
          /* A placeholder: the next misplaced field's text, or nothing (as shown). */
          while (next_moved < portions->len && !g_array_index (portions, Portion, next_moved).field)
            next_moved++;
          if (next_moved < portions->len)
            g_string_append (text, g_array_index (portions, Portion, next_moved++).text);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
