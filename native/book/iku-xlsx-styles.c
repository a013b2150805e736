/* SPDX-License-Identifier: GPL-3.0-or-later
 * The number format of each cell style (styles.xml: <cellXfs>/<xf numFmtId>):
 * a built-in format id, or the code of a custom format (<numFmts>/<numFmt
 * formatCode>), which replaces the built-in format of its id. iku-xlsx-number.c
 * says how each is shown. */
#include "iku-xlsx-private.h"

#include <stdlib.h>
#include <string.h>

/* Styles beyond any real workbook's (Excel allows 64,000). */
#define MAX_STYLES 65536u
/* Bytes of a format code (Excel allows 255 characters): a longer one is shown
 * in the general format, so that no code makes each cell slow to show. */
#define MAX_CODE_BYTES 1024u

struct _IkuXlsxStyles
{
  GArray     *formats;   /* guint: the numFmtId of xf i */
  GHashTable *custom;    /* numFmtId -> its format code (owned) */
};

void
iku_xlsx_styles_free (IkuXlsxStyles *styles)
{
  if (styles == NULL)
    return;
  g_array_unref (styles->formats);
  g_hash_table_unref (styles->custom);
  g_free (styles);
}

guint
iku_xlsx_styles_get_format (const IkuXlsxStyles *styles, guint64 xf, const char **code)
{
  g_return_val_if_fail (styles != NULL && code != NULL, 0);
  *code = NULL;
  if (xf >= styles->formats->len)
    return 0;
  guint id = g_array_index (styles->formats, guint, xf);
  *code = g_hash_table_lookup (styles->custom, GUINT_TO_POINTER (id));
  return id;
}

typedef struct {
  IkuXlsxStyles *styles;
  const char    *display_name;
  const char    *part;
  gboolean       in_cell_xfs;
} StylesWalk;

static guint64
parse_id (const char *text)
{
  if (text == NULL || !g_ascii_isdigit (text[0]))
    return 0;
  guint64 value = g_ascii_strtoull (text, NULL, 10);
  return MIN (value, G_MAXUINT);
}

static gboolean
styles_node (IkuBookXml *xml, xmlTextReaderPtr reader, gpointer user_data, GError **error)
{
  StylesWalk *w = user_data;
  if (iku_xlsx_is_element (reader, "numFmt"))
    {
      g_autofree char *id = iku_book_xml_dup_attribute (xml, "numFmtId");
      g_autofree char *code = iku_book_xml_dup_attribute (xml, "formatCode");
      if (id != NULL && code != NULL && strlen (code) <= MAX_CODE_BYTES
          && g_hash_table_size (w->styles->custom) < MAX_STYLES)
        g_hash_table_insert (w->styles->custom, GUINT_TO_POINTER ((guint) parse_id (id)),
                             g_steal_pointer (&code));
      return TRUE;
    }
  if (iku_xlsx_is_element (reader, "cellXfs"))
    {
      w->in_cell_xfs = !xmlTextReaderIsEmptyElement (reader);
      return TRUE;
    }
  if (xmlTextReaderNodeType (reader) == XML_READER_TYPE_END_ELEMENT
      && strcmp ((const char *) xmlTextReaderConstLocalName (reader), "cellXfs") == 0)
    {
      w->in_cell_xfs = FALSE;
      return TRUE;
    }
  if (w->in_cell_xfs && iku_xlsx_is_element (reader, "xf"))
    {
      if (w->styles->formats->len >= MAX_STYLES)
        {
          g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_TOO_LARGE,
                       "Filen »%s« kan ikke læses: %s har flere celleformater, end noget "
                       "regneark har. Åbn den i LibreOffice Calc, og gem den igen.",
                       w->display_name, w->part);
          return FALSE;
        }
      g_autofree char *id_text = iku_book_xml_dup_attribute (xml, "numFmtId");
      guint id = (guint) parse_id (id_text);
      g_array_append_val (w->styles->formats, id);
    }
  return TRUE;
}

IkuXlsxStyles *
iku_xlsx_styles_read (IkuBookZip *zip, const char *part, const char *display_name,
                      guint64 *budget, GError **error)
{
  g_return_val_if_fail (zip != NULL && display_name != NULL && budget != NULL, NULL);

  g_autoptr(IkuXlsxStyles) styles = g_new0 (IkuXlsxStyles, 1);
  styles->formats = g_array_new (FALSE, FALSE, sizeof (guint));
  styles->custom = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  if (part == NULL)
    return g_steal_pointer (&styles);
  StylesWalk w = { styles, display_name, part, FALSE };
  if (!iku_xlsx_walk_part (zip, part, display_name, budget, styles_node, &w, error))
    return NULL;
  return g_steal_pointer (&styles);
}
