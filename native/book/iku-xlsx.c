/* SPDX-License-Identifier: GPL-3.0-or-later
 * The .xlsx reader's entry point: the workbook says which sheets there are, in
 * which order, under which names, and where their parts are; the shared strings
 * and the number formats are read once; then each sheet into the book. */
#include "iku-xlsx-private.h"

#include <string.h>

IkuBookStream *
iku_xlsx_open_part (IkuBookZip *zip, const char *part, const guint64 *budget, GError **error)
{
  return iku_book_zip_open_member (zip, part, MIN (*budget, IKU_XLSX_MAX_PART_BYTES), error);
}

void
iku_xlsx_close_part (IkuBookStream *stream, guint64 *budget)
{
  if (stream == NULL)
    return;
  guint64 n = iku_book_stream_get_n_read (stream);
  *budget = n < *budget ? *budget - n : 0;
  iku_book_stream_free (stream);
}

gboolean
iku_xlsx_is_element (xmlTextReaderPtr reader, const char *local_name)
{
  if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
    return FALSE;
  const xmlChar *name = xmlTextReaderConstLocalName (reader);
  return name != NULL && strcmp ((const char *) name, local_name) == 0;
}

char *
iku_xlsx_resolve_target (const char *source_part, const char *target)
{
  g_return_val_if_fail (source_part != NULL && target != NULL, NULL);

  /* An absolute target starts at the package root; a relative one at the
   * folder of the part that holds the relationship. */
  g_autoptr(GString) path = g_string_new (NULL);
  if (target[0] != '/')
    {
      const char *slash = strrchr (source_part, '/');
      if (slash != NULL)
        g_string_append_len (path, source_part, slash - source_part + 1);
    }
  g_auto(GStrv) segments = g_strsplit (target, "/", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_auto(GStrv) base = g_strsplit (path->str, "/", -1);
  for (guint i = 0; base[i] != NULL; i++)
    if (base[i][0] != '\0')
      g_ptr_array_add (kept, base[i]);
  for (guint i = 0; segments[i] != NULL; i++)
    {
      const char *s = segments[i];
      if (s[0] == '\0' || strcmp (s, ".") == 0)
        continue;
      if (strcmp (s, "..") == 0)
        {
          if (kept->len == 0)
            return NULL;  /* outside the package */
          g_ptr_array_remove_index (kept, kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, (gpointer) s);
    }
  if (kept->len == 0)
    return NULL;
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (char **) kept->pdata);
}

static IkuBook *
read_zip (IkuBookZip *zip, const char *display_name, GError **error)
{
  guint64 budget = IKU_XLSX_MAX_TOTAL_BYTES;
  g_autoptr(IkuXlsxWorkbook) workbook = iku_xlsx_workbook_read (zip, display_name, &budget,
                                                                error);
  if (workbook == NULL)
    return NULL;
  g_autoptr(IkuXlsxStrings) strings = iku_xlsx_strings_read (zip, workbook->shared_strings,
                                                             display_name, &budget, error);
  if (strings == NULL)
    return NULL;
  g_autoptr(IkuXlsxStyles) styles = iku_xlsx_styles_read (zip, workbook->styles, display_name,
                                                          &budget, error);
  if (styles == NULL)
    return NULL;

  g_autoptr(IkuBookBuilder) builder = iku_book_builder_new (display_name);
  for (guint i = 0; i < workbook->sheets->len; i++)
    {
      const IkuXlsxSheetRef *ref = g_ptr_array_index (workbook->sheets, i);
      /* A hidden sheet is not shown in Calc, so it is no schema ikuflet finds,
       * as for the live document. */
      if (ref->hidden)
        continue;
      if (!iku_book_builder_start_sheet (builder, ref->name, error))
        return NULL;
      if (!iku_xlsx_sheet_read (zip, ref->part, strings, styles, workbook->date1904, builder,
                                display_name, &budget, error))
        return NULL;
      iku_book_builder_end_sheet (builder);
    }
  /* The active sheet is not taken from the workbook, as for .ods: the schema
   * is found on the first sheet with its header. */
  return iku_book_builder_steal_book (builder);
}

/**
 * iku_xlsx_read_data:
 * @data: (array length=len): the bytes of an .xlsx/.xlsm file; borrowed for the call
 * @len: their number
 * @display_name: how messages name the file, normally its basename
 * @error: IKU_BOOK_ERROR on failure
 *
 * Reads every visible sheet of an Office Open XML workbook, in workbook order,
 * as the texts LibreOffice Calc displays for the Danish locale.
 *
 * Returns: (transfer full): the book, or %NULL with @error set
 */
IkuBook *
iku_xlsx_read_data (const guint8 *data, gsize len, const char *display_name, GError **error)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr(IkuBookZip) zip = iku_book_zip_open_data (data, len, display_name, error);
  if (zip == NULL)
    return NULL;
  return iku_xlsx_read_zip (zip, display_name, error);
}

IkuBook *
iku_xlsx_read_zip (IkuBookZip *zip, const char *display_name, GError **error)
{
  g_return_val_if_fail (zip != NULL && display_name != NULL, NULL);
  return read_zip (zip, display_name, error);
}

/* A part refused for what was left of the workbook's budget, not for its own
 * bound: the message says how much the workbook may hold. */
static void
set_over_budget (GError **error, const char *display_name)
{
  if (error == NULL || !g_error_matches (*error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_TOO_LARGE))
    return;
  g_clear_error (error);
  g_autofree char *size = g_format_size (IKU_XLSX_MAX_TOTAL_BYTES);
  g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_TOO_LARGE,
               "Filen »%s« er for stor: regnearkets dele fylder tilsammen mere end %s udpakket. "
               "Kontrollér at det er det rigtige skema.",
               display_name, size);
}

gboolean
iku_xlsx_walk_part (IkuBookZip *zip, const char *part, const char *display_name, guint64 *budget,
                    IkuXlsxNodeFunc func, gpointer user_data, GError **error)
{
  guint64 before = *budget;
  g_autoptr(IkuBookStream) stream = iku_xlsx_open_part (zip, part, budget, error);
  if (stream == NULL)
    {
      if (before < IKU_XLSX_MAX_PART_BYTES)
        set_over_budget (error, display_name);
      return FALSE;
    }
  gboolean ok = TRUE;
  {
    g_autoptr(IkuBookXml) xml = iku_book_xml_new (stream, display_name, part);
    int status;
    while ((status = iku_book_xml_read (xml, error)) == 1)
      if (!func (xml, iku_book_xml_get_reader (xml), user_data, error))
        {
          ok = FALSE;
          break;
        }
    if (status < 0)
      ok = FALSE;
  }
  /* Stopped by what was left of the workbook's budget, not by the part's own
   * bound: say how much the workbook may hold. */
  if (!ok && before < IKU_XLSX_MAX_PART_BYTES && iku_book_stream_get_n_read (stream) >= before)
    set_over_budget (error, display_name);
  iku_xlsx_close_part (g_steal_pointer (&stream), budget);
  return ok;
}

char *
iku_xlsx_dup_attribute_ns (xmlTextReaderPtr reader, const char *local_name)
{
  if (xmlTextReaderMoveToFirstAttribute (reader) != 1)
    return NULL;
  char *value = NULL;
  do
    {
      const xmlChar *name = xmlTextReaderConstLocalName (reader);
      const xmlChar *ns = xmlTextReaderConstNamespaceUri (reader);
      if (ns != NULL && name != NULL && strcmp ((const char *) name, local_name) == 0
          && strcmp ((const char *) ns, "http://www.w3.org/2000/xmlns/") != 0)
        {
          value = g_strdup ((const char *) xmlTextReaderConstValue (reader));
          break;
        }
    }
  while (xmlTextReaderMoveToNextAttribute (reader) == 1);
  xmlTextReaderMoveToElement (reader);
  return value;
}
