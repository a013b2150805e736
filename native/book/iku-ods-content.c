/* SPDX-License-Identifier: GPL-3.0-or-later
 * content.xml -> IkuBook through the guarded streaming reader (iku-book-xml.c):
 * memory stays small whatever the file's size. iku-ods-walk.c says what the
 * elements mean, and the builder keeps positions and bounds. */
#include "iku-ods-walk.h"
#include "iku-book-xml.h"

IkuBook *
iku_ods_content_parse (IkuBookStream *content, const char *display_name, gboolean *out_not_xml,
                       GError **error)
{
  g_return_val_if_fail (content != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  if (out_not_xml != NULL)
    *out_not_xml = FALSE;
  g_autoptr(IkuBookXml) xml = iku_book_xml_new (content, display_name, "content.xml");
  g_autoptr(IkuBookBuilder) builder = iku_book_builder_new (display_name);
  g_autoptr(IkuOdsWalk) walk = NULL;
  int status;
  while ((status = iku_book_xml_read (xml, error)) == 1)
    {
      if (walk == NULL)
        walk = iku_ods_walk_new (iku_book_xml_get_reader (xml), builder, display_name);
      if (!iku_ods_walk_node (walk, error))
        return NULL;
    }
  if (status < 0)
    {
      if (out_not_xml != NULL)
        *out_not_xml = iku_book_xml_not_xml (xml);
      return NULL;
    }
  if (walk == NULL || !iku_ods_walk_saw_spreadsheet (walk))
    {
      g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_NOT_SPREADSHEET,
                   "Filen »%s« er et OpenDocument-dokument, men ikke et regneark. "
                   "Gem skemaet som .ods i LibreOffice Calc, og prøv igen.",
                   display_name);
      return NULL;
    }
  return iku_book_builder_steal_book (builder);
}
