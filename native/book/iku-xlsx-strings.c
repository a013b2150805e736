/* SPDX-License-Identifier: GPL-3.0-or-later
 * The shared strings table (xl/sharedStrings.xml): one <si> per string, its
 * text in <t> or in the <t> of rich-text runs <r>; phonetic runs <rPh> are not
 * shown. And the text escapes Excel writes: _xHHHH_ for a UTF-16 code unit. */
#include "iku-xlsx-private.h"

#include <string.h>

struct _IkuXlsxStrings
{
  GString *text;     /* every string, one after the other */
  GArray  *offsets;  /* gsize: where string i starts; one more at the end */
};

void
iku_xlsx_strings_free (IkuXlsxStrings *strings)
{
  if (strings == NULL)
    return;
  g_string_free (strings->text, TRUE);
  g_array_unref (strings->offsets);
  g_free (strings);
}

guint
iku_xlsx_strings_get_n (const IkuXlsxStrings *strings)
{
  g_return_val_if_fail (strings != NULL, 0);
  return strings->offsets->len - 1;
}

const char *
iku_xlsx_strings_get (const IkuXlsxStrings *strings, guint64 index, gsize *len)
{
  g_return_val_if_fail (strings != NULL && len != NULL, NULL);
  if (index >= iku_xlsx_strings_get_n (strings))
    return NULL;
  gsize start = g_array_index (strings->offsets, gsize, index);
  *len = g_array_index (strings->offsets, gsize, index + 1) - start;
  return strings->text->str + start;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The code unit of an escape "_xHHHH_" at @p (at least 7 bytes), or -1. */
static int
escape_at (const char *p)
{
  if (p[0] != '_' || p[1] != 'x' || p[6] != '_')
    return -1;
  int value = 0;
  for (int i = 2; i < 6; i++)
    {
      int h = hex_value (p[i]);
      if (h < 0)
        return -1;
      value = value * 16 + h;
    }
  return value;
}

/* One character as Calc keeps it: CR (alone or before LF) a line break, the
 * other control characters but tab dropped, as are what UTF-8 cannot hold. */
static void
append_char (GString *out, gunichar c, gboolean *after_cr)
{
  gboolean was_cr = *after_cr;
  *after_cr = c == '\r';
  if (c == '\n' && was_cr)
    return;  /* the LF of a CR LF: the CR made the break */
  if (c == '\r')
    c = '\n';
  if ((c < 0x20 && c != '\t' && c != '\n') || c == 0xFFFE || c == 0xFFFF
      || (c >= 0xD800 && c <= 0xDFFF))
    return;
  g_string_append_unichar (out, c);
}

void
iku_xlsx_append_text (GString *out, const char *text, gsize len)
{
  g_return_if_fail (out != NULL && (text != NULL || len == 0));

  gboolean after_cr = FALSE;
  gsize i = 0;
  while (i < len)
    {
      int unit = len - i >= 7 ? escape_at (text + i) : -1;
      if (unit >= 0)
        {
          i += 7;
          gunichar c = (gunichar) unit;
          /* A surrogate pair is two escapes. */
          if (c >= 0xD800 && c <= 0xDBFF && len - i >= 7)
            {
              int low = escape_at (text + i);
              if (low >= 0xDC00 && low <= 0xDFFF)
                {
                  c = 0x10000 + ((c - 0xD800) << 10) + ((gunichar) low - 0xDC00);
                  i += 7;
                }
            }
          append_char (out, c, &after_cr);
          continue;
        }
      /* Plain text: libxml2 has checked that it is UTF-8. */
      const char *p = text + i;
      const char *next = g_utf8_find_next_char (p, text + len);
      gsize n = next != NULL ? (gsize) (next - p) : len - i;
      gunichar c = g_utf8_get_char_validated (p, (gssize) n);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          i += n;
          continue;
        }
      if (c < 0x20)
        append_char (out, c, &after_cr);
      else
        {
          after_cr = FALSE;
          g_string_append_len (out, p, (gssize) n);
        }
      i += n;
    }
}

static gboolean
is_end (xmlTextReaderPtr reader, const char *local_name)
{
  if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_END_ELEMENT)
    return FALSE;
  const xmlChar *name = xmlTextReaderConstLocalName (reader);
  return name != NULL && strcmp ((const char *) name, local_name) == 0;
}

gboolean
iku_xlsx_is_text_node (xmlTextReaderPtr reader)
{
  switch (xmlTextReaderNodeType (reader))
    {
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      return TRUE;
    default:
      return FALSE;
    }
}

gboolean
iku_xlsx_rich_text_node (IkuXlsxRichText *rich, xmlTextReaderPtr reader, GString *out)
{
  if (iku_xlsx_is_element (reader, "rPh"))
    {
      if (!xmlTextReaderIsEmptyElement (reader))
        rich->in_phonetic++;
      return TRUE;
    }
  if (is_end (reader, "rPh"))
    {
      if (rich->in_phonetic > 0)
        rich->in_phonetic--;
      return TRUE;
    }
  if (iku_xlsx_is_element (reader, "t"))
    {
      rich->in_t = !xmlTextReaderIsEmptyElement (reader) && rich->in_phonetic == 0;
      return TRUE;
    }
  if (is_end (reader, "t"))
    {
      rich->in_t = FALSE;
      return TRUE;
    }
  if (rich->in_t && iku_xlsx_is_text_node (reader))
    {
      const char *text = (const char *) xmlTextReaderConstValue (reader);
      if (text != NULL)
        iku_xlsx_append_text (out, text, strlen (text));
    }
  return TRUE;
}

typedef struct {
  IkuXlsxStrings *strings;
  IkuXlsxRichText rich;
  gboolean        in_si;
} SstWalk;

static gboolean
sst_node (IkuBookXml *xml, xmlTextReaderPtr reader, gpointer user_data, GError **error)
{
  SstWalk *w = user_data;
  IkuXlsxStrings *s = w->strings;
  if (iku_xlsx_is_element (reader, "si"))
    {
      w->in_si = TRUE;
      w->rich = (IkuXlsxRichText) { 0 };
      /* An empty <si/> is an empty string. */
      if (xmlTextReaderIsEmptyElement (reader))
        {
          w->in_si = FALSE;
          g_array_append_val (s->offsets, s->text->len);
        }
      return TRUE;
    }
  if (is_end (reader, "si"))
    {
      w->in_si = FALSE;
      g_array_append_val (s->offsets, s->text->len);
      return TRUE;
    }
  if (w->in_si)
    iku_xlsx_rich_text_node (&w->rich, reader, s->text);
  return TRUE;
}

IkuXlsxStrings *
iku_xlsx_strings_read (IkuBookZip *zip, const char *part, const char *display_name,
                       guint64 *budget, GError **error)
{
  g_return_val_if_fail (zip != NULL && display_name != NULL && budget != NULL, NULL);

  g_autoptr(IkuXlsxStrings) strings = g_new0 (IkuXlsxStrings, 1);
  strings->text = g_string_new (NULL);
  strings->offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize zero = 0;
  g_array_append_val (strings->offsets, zero);
  if (part == NULL)
    return g_steal_pointer (&strings);
  SstWalk w = { strings, { 0 }, FALSE };
  if (!iku_xlsx_walk_part (zip, part, display_name, budget, sst_node, &w, error))
    return NULL;
  return g_steal_pointer (&strings);
}
