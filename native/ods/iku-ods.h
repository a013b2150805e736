/* SPDX-License-Identifier: GPL-3.0-or-later
 * The .ods reader: an OpenDocument spreadsheet file -> IkuBook, one IkuGrid per
 * sheet holding the texts a user sees in Calc. The only zip/XML parser of ikuflet. */
#pragma once

#include <glib.h>
#include "iku-grid.h"

G_BEGIN_DECLS

#define IKU_ODS_ERROR (iku_ods_error_quark ())
typedef enum {
  IKU_ODS_ERROR_UNREADABLE,  /* missing or unreadable file, or password protected */
  IKU_ODS_ERROR_NOT_ODS,     /* not a zip, no content.xml, or not a spreadsheet */
  IKU_ODS_ERROR_CORRUPT,     /* truncated zip, bad checksum, malformed XML, invalid UTF-8 */
  IKU_ODS_ERROR_FORBIDDEN,   /* a DOCTYPE (DTD, entity declarations): never processed */
  IKU_ODS_ERROR_TOO_LARGE,   /* a bound of iku-limits.h or of the reader was exceeded */
} IkuOdsError;
GQuark iku_ods_error_quark (void);

IkuBook *iku_ods_read_file (const char  *path,
                            GError     **error) G_GNUC_WARN_UNUSED_RESULT;
IkuBook *iku_ods_read_data (const guint8 *data,
                            gsize         len,
                            const char   *display_name,
                            GError      **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
