/* SPDX-License-Identifier: GPL-3.0-or-later
 * The one entry point of the readers: which format a file is, told by its
 * content. A zip with content.xml or mimetype is OpenDocument, one with
 * [Content_Types].xml and a workbook is Office Open XML; a CFB/OLE2 container is
 * what Excel makes of a workbook saved with a password (and what an old .xls
 * is): refused with a message saying what to do. The file's name plays no part,
 * so a schema with the wrong extension still reads. */
#include "iku-book-read.h"
#include "iku-book-file.h"
#include "iku-ods-private.h"
#include "iku-xlsx-private.h"

#include <stdio.h>
#include <string.h>

/* What every Compound File Binary (OLE2) file starts with. */
static const guint8 CFB_MAGIC[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

static void
set_cfb (GError **error, const char *display_name)
{
  g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_UNREADABLE,
               "Filen »%s« er et Excel-regneark, der enten er beskyttet med en adgangskode "
               "eller gemt i det gamle Excel-format (.xls), og ikuflet kan ikke læse det. "
               "Åbn det i Excel eller LibreOffice Calc, gem det uden adgangskode som .xlsx "
               "eller .ods, og prøv igen.",
               display_name);
}

static void
set_unknown (GError **error, const char *display_name)
{
  g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_NOT_SPREADSHEET,
               "Filen »%s« er hverken et OpenDocument-regneark (.ods) eller et "
               "Excel-regneark (.xlsx, .xlsm). Gem skemaet som .ods eller .xlsx, og prøv igen.",
               display_name);
}

static gboolean
starts_like_cfb (const guint8 *bytes, gsize len)
{
  return len >= sizeof CFB_MAGIC && memcmp (bytes, CFB_MAGIC, sizeof CFB_MAGIC) == 0;
}

static gboolean
file_starts_like_cfb (const char *path)
{
  FILE *fp = NULL;
  int errsv = 0;
  if (iku_book_file_open (path, &fp, &errsv) != IKU_BOOK_FILE_OPENED)
    return FALSE;
  guint8 magic[sizeof CFB_MAGIC];
  gsize n = fread (magic, 1, sizeof magic, fp);
  fclose (fp);
  return starts_like_cfb (magic, n);
}

static IkuBook *
read_zip (IkuBookZip *zip, const char *display_name, GError **error)
{
  if (iku_book_zip_has_member (zip, "content.xml") || iku_book_zip_has_member (zip, "mimetype"))
    return iku_ods_read_zip (zip, display_name, IKU_BOOK_MAX_CONTENT_BYTES, error);
  if (iku_book_zip_has_member (zip, "[Content_Types].xml"))
    return iku_xlsx_read_zip (zip, display_name, error);
  set_unknown (error, display_name);
  return NULL;
}

/* A zip that could not be opened because it is no zip: maybe a CFB container. */
static void
refine_not_zip (GError **error, const char *display_name, gboolean cfb)
{
  if (error == NULL || *error == NULL
      || !g_error_matches (*error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_NOT_SPREADSHEET))
    return;
  g_clear_error (error);
  if (cfb)
    set_cfb (error, display_name);
  else
    set_unknown (error, display_name);
}

/**
 * iku_book_read_file:
 * @path: the spreadsheet file, in the GLib file name encoding
 * @error: IKU_BOOK_ERROR on failure; the message names the file's basename
 *
 * Reads every sheet of an .ods, .xlsx or .xlsm file as the texts LibreOffice
 * Calc displays, whatever the file is named.
 *
 * Returns: (transfer full): the book, or %NULL with @error set
 */
IkuBook *
iku_book_read_file (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autofree char *display_name = g_filename_display_basename (path);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(IkuBookZip) zip = iku_book_zip_open_file (path, display_name, &local_error);
  if (zip == NULL)
    {
      if (g_error_matches (local_error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_NOT_SPREADSHEET))
        refine_not_zip (&local_error, display_name, file_starts_like_cfb (path));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return read_zip (zip, display_name, error);
}

/**
 * iku_book_read_data:
 * @data: (array length=len): the bytes of a spreadsheet file; borrowed for the call
 * @len: their number
 * @display_name: how messages name the file, normally its basename
 * @error: IKU_BOOK_ERROR on failure
 *
 * As iku_book_read_file(), from memory.
 *
 * Returns: (transfer full): the book, or %NULL with @error set
 */
IkuBook *
iku_book_read_data (const guint8 *data, gsize len, const char *display_name, GError **error)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr(GError) local_error = NULL;
  g_autoptr(IkuBookZip) zip = iku_book_zip_open_data (data, len, display_name, &local_error);
  if (zip == NULL)
    {
      refine_not_zip (&local_error, display_name, starts_like_cfb (data, len));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return read_zip (zip, display_name, error);
}
