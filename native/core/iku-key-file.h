/* SPDX-License-Identifier: GPL-3.0-or-later
 * A strict reader for the small GKeyFiles HR writes by hand (the settings file,
 * the wording file): every line is checked first, so that a broken line, an
 * unknown group or an unknown key is reported with the file and the line. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IKU_KEY_FILE_ERROR (iku_key_file_error_quark ())
typedef enum {
  IKU_KEY_FILE_ERROR_UNREADABLE,  /* missing, unreadable, too big or not UTF-8 */
  IKU_KEY_FILE_ERROR_SYNTAX,      /* a line that is no group, key=value or comment */
  IKU_KEY_FILE_ERROR_UNKNOWN,     /* a group or key this file does not have */
} IkuKeyFileError;
GQuark iku_key_file_error_quark (void);

/* Largest key file read. */
#define IKU_KEY_FILE_MAX_BYTES (1024 * 1024)

/* Reads @path, which may hold only the group @group with keys from the
 * NULL-terminated @keys (and comments and empty lines); a UTF-8 byte order
 * mark is allowed. @what names the file in messages, e.g. "Indstillingsfilen".
 * Returns: (transfer full): the key file, or NULL with @error set. */
GKeyFile *iku_key_file_load (const char        *path,
                             const char        *what,
                             const char        *group,
                             const char * const *keys,
                             GError           **error) G_GNUC_WARN_UNUSED_RESULT;

/* As iku_key_file_load() for text already in memory; @name names it in messages. */
GKeyFile *iku_key_file_load_data (const char        *data,
                                  gsize              len,
                                  const char        *name,
                                  const char        *what,
                                  const char        *group,
                                  const char * const *keys,
                                  GError           **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
