/* SPDX-License-Identifier: GPL-3.0-or-later
 * The .ods reader's entry points: open the zip, parse content.xml, and turn what
 * went wrong into one Danish message that names the file and says what to do. */
#include "iku-ods-private.h"

#include <stdarg.h>

G_DEFINE_QUARK (iku-ods-error-quark, iku_ods_error)

void
iku_ods_set_corrupt (GError     **error,
                     const char  *display_name,
                     const char  *reason_format,
                     ...)
{
  va_list args;
  va_start (args, reason_format);
  g_autofree char *reason = g_strdup_vprintf (reason_format, args);
  va_end (args);
  g_set_error (error, IKU_ODS_ERROR, IKU_ODS_ERROR_CORRUPT,
               "Filen »%s« er beskadiget (%s). "
               "Åbn den i LibreOffice Calc, og gem den igen.",
               display_name, reason);
}

void
iku_ods_set_encrypted (GError **error, const char *display_name)
{
  g_set_error (error, IKU_ODS_ERROR, IKU_ODS_ERROR_UNREADABLE,
               "Filen »%s« er beskyttet med en adgangskode, og ikuflet kan ikke læse den. "
               "Gem skemaet uden adgangskode i LibreOffice Calc, og prøv igen.",
               display_name);
}

void
iku_ods_set_not_ods (GError **error, const char *display_name)
{
  g_set_error (error, IKU_ODS_ERROR, IKU_ODS_ERROR_NOT_ODS,
               "Filen »%s« er ikke et OpenDocument-regneark (.ods). "
               "Gem skemaet som .ods i LibreOffice Calc, og prøv igen.",
               display_name);
}

void
iku_ods_set_forbidden (GError **error, const char *display_name)
{
  g_set_error (error, IKU_ODS_ERROR, IKU_ODS_ERROR_FORBIDDEN,
               "Filen »%s« indeholder en dokumenttypeerklæring (DOCTYPE), som ikuflet af "
               "sikkerhedshensyn ikke læser. Åbn filen i LibreOffice Calc, og gem den igen "
               "som .ods.",
               display_name);
}

/* Reads the book out of an opened archive. */
static IkuBook *
read_zip (IkuOdsZip *zip, const char *display_name, guint64 max_content_bytes, GError **error)
{
  g_autoptr(IkuOdsStream) content = iku_ods_zip_open_content (zip, max_content_bytes, error);
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
  if (not_xml && iku_ods_zip_has_encrypted_streams (zip))
    {
      iku_ods_set_encrypted (error, display_name);
      return NULL;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/**
 * iku_ods_read_file:
 * @path: the .ods file, in the GLib file name encoding
 * @error: IKU_ODS_ERROR on failure; the message names the file's basename
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
  g_autoptr(IkuOdsZip) zip = iku_ods_zip_open_file (path, display_name, error);
  if (zip == NULL)
    return NULL;
  return read_zip (zip, display_name, IKU_ODS_MAX_CONTENT_BYTES, error);
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

  g_autoptr(IkuOdsZip) zip = iku_ods_zip_open_data (data, len, display_name, error);
  if (zip == NULL)
    return NULL;
  return read_zip (zip, display_name, max_content_bytes, error);
}

/**
 * iku_ods_read_data:
 * @data: (array length=len): the bytes of an .ods file; borrowed for the call
 * @len: their number
 * @display_name: how messages name the file, normally its basename
 * @error: IKU_ODS_ERROR on failure
 *
 * As iku_ods_read_file(), from memory (fuzzing, tests, files already loaded).
 *
 * Returns: (transfer full): the book, or %NULL with @error set
 */
IkuBook *
iku_ods_read_data (const guint8 *data, gsize len, const char *display_name, GError **error)
{
  return iku_ods_read_data_with_limit (data, len, display_name, IKU_ODS_MAX_CONTENT_BYTES,
                                       error);
}
