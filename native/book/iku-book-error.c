/* SPDX-License-Identifier: GPL-3.0-or-later
 * The messages the readers' files share: what went wrong with a spreadsheet
 * file, in Danish, naming the file and saying what to do. */
#include "iku-book-private.h"

#include <stdarg.h>

G_DEFINE_QUARK (iku-book-error-quark, iku_book_error)

void
iku_book_error_set_corrupt (GError     **error,
                            const char  *display_name,
                            const char  *reason_format,
                            ...)
{
  va_list args;
  va_start (args, reason_format);
  g_autofree char *reason = g_strdup_vprintf (reason_format, args);
  va_end (args);
  g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_CORRUPT,
               "Filen »%s« er beskadiget (%s). "
               "Åbn den i LibreOffice Calc, og gem den igen.",
               display_name, reason);
}

void
iku_book_error_set_encrypted (GError **error, const char *display_name)
{
  g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_UNREADABLE,
               "Filen »%s« er beskyttet med en adgangskode, og ikuflet kan ikke læse den. "
               "Gem skemaet uden adgangskode i LibreOffice Calc, og prøv igen.",
               display_name);
}

void
iku_book_error_set_not_ods (GError **error, const char *display_name)
{
  g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_NOT_SPREADSHEET,
               "Filen »%s« er ikke et OpenDocument-regneark (.ods). "
               "Gem skemaet som .ods i LibreOffice Calc, og prøv igen.",
               display_name);
}

void
iku_book_error_set_forbidden (GError **error, const char *display_name)
{
  g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_FORBIDDEN,
               "Filen »%s« indeholder en dokumenttypeerklæring (DOCTYPE), som ikuflet af "
               "sikkerhedshensyn ikke læser. Åbn filen i LibreOffice Calc, og gem den igen.",
               display_name);
}
