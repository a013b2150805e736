/* SPDX-License-Identifier: GPL-3.0-or-later
 * The .ods reader's entry points: open the zip, parse content.xml, and turn what
 * went wrong into one Danish message that names the file and says what to do. */
#include "iku-ods-private.h"

#define CONTENT_NAME "content.xml"
/* Present in every .xlsx/.xlsm: lets us say "this is an Excel file". */
#define XLSX_WORKBOOK_NAME "xl/workbook.xml"

/* Reads the book out of an opened archive. */
IkuBook *
iku_ods_read_zip (IkuBookZip *zip, const char *display_name, guint64 max_content_bytes,
                  GError **error)
{
  if (!iku_book_zip_has_member (zip, CONTENT_NAME))
    {
      if (iku_book_zip_has_member (zip, XLSX_WORKBOOK_NAME))
        g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_NOT_SPREADSHEET,
                     "Filen »%s« er et Excel-regneark, ikke et OpenDocument-regneark (.ods).",
                     display_name);
      else
        iku_book_error_set_not_ods (error, display_name);
      return NULL;
    }
  g_autoptr(IkuBookStream) content = iku_book_zip_open_member (zip, CONTENT_NAME,
                                                               max_content_bytes, error);
  if (content == NULL)
    return NULL;

  g_autoptr(GError) local_error = NULL;
  gboolean not_xml = FALSE;
  g_autoptr(IkuBook) book = iku_ods_content_parse (content, display_name, &not_xml,
                                                   &local_error);
  if (book != NULL)
    return g_steal_pointer (&book);

  /* A document saved with a password keeps its zip, but its content.xml is
   * ciphertext: say so rather than calling the file damaged. */
  if (not_xml && iku_book_zip_has_encrypted_streams (zip))
    {
      iku_book_error_set_encrypted (error, display_name);
      return NULL;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/**
 * iku_ods_read_file:
 * @path: the .ods file, in the GLib file name encoding
 * @error: IKU_BOOK_ERROR on failure; the message names the file's basename
 *
 * Reads every sheet of an OpenDocument spreadsheet, in document order, as the
 * texts LibreOffice Calc displays. Only content.xml of the package is read.
 *
 * Returns: (transfer full): the book, or %NULL with @error set
 */
IkuBook *
iku_ods_read_file (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autofree char *display_name = g_filename_display_basename (path);
  g_autoptr(IkuBookZip) zip = iku_book_zip_open_file (path, display_name, error);
  if (zip == NULL)
    return NULL;
  return iku_ods_read_zip (zip, display_name, IKU_BOOK_MAX_CONTENT_BYTES, error);
}

IkuBook *
iku_ods_read_data_with_limit (const guint8 *data,
                              gsize         len,
                              const char   *display_name,
                              guint64       max_content_bytes,
                              GError      **error)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr(IkuBookZip) zip = iku_book_zip_open_data (data, len, display_name, error);
  if (zip == NULL)
    return NULL;
  return iku_ods_read_zip (zip, display_name, max_content_bytes, error);
}

/**
 * iku_ods_read_data:
 * @data: (array length=len): the bytes of an .ods file; borrowed for the call
 * @len: their number
 * @display_name: how messages name the file, normally its basename
 * @error: IKU_BOOK_ERROR on failure
 *
 * As iku_ods_read_file(), from memory (fuzzing, tests, files already loaded).
 *
 * Returns: (transfer full): the book, or %NULL with @error set
 */
IkuBook *
iku_ods_read_data (const guint8 *data, gsize len, const char *display_name, GError **error)
{
  return iku_ods_read_data_with_limit (data, len, display_name, IKU_BOOK_MAX_CONTENT_BYTES,
                                       error);
}
