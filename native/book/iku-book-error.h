/* SPDX-License-Identifier: GPL-3.0-or-later
 * The errors of the spreadsheet file readers (native/book): one domain for every
 * format, each message in Danish naming the file and saying what to do. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IKU_BOOK_ERROR (iku_book_error_quark ())
typedef enum {
  IKU_BOOK_ERROR_UNREADABLE,       /* missing or unreadable file, or password protected */
  IKU_BOOK_ERROR_NOT_SPREADSHEET,  /* not a zip, no content.xml, or not a spreadsheet */
  IKU_BOOK_ERROR_CORRUPT,          /* truncated zip, bad checksum, malformed XML, invalid UTF-8 */
  IKU_BOOK_ERROR_FORBIDDEN,        /* a DOCTYPE (DTD, entity declarations): never processed */
  IKU_BOOK_ERROR_TOO_LARGE,        /* a bound of iku-limits.h or of the reader was exceeded */
} IkuBookError;
GQuark iku_book_error_quark (void);

G_END_DECLS
