/* SPDX-License-Identifier: GPL-3.0-or-later
 * Atomic file writes: a temporary file in the target folder, flushed to disk,
 * then renamed over the target. A failed or interrupted write never leaves a
 * half-written file under the target's name, and no temporary file behind.
 * One implementation per platform: iku-atomic-file-posix.c, iku-atomic-file-win32.c. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IKU_ATOMIC_FILE_ERROR (iku_atomic_file_error_quark ())
typedef enum {
  IKU_ATOMIC_FILE_ERROR_NO_SPACE,
  IKU_ATOMIC_FILE_ERROR_DENIED,
  IKU_ATOMIC_FILE_ERROR_IS_DIRECTORY,
  IKU_ATOMIC_FILE_ERROR_NO_FOLDER,
  IKU_ATOMIC_FILE_ERROR_FAILED,
  IKU_ATOMIC_FILE_ERROR_IN_USE,        /* the target is open in another program (Windows) */
  IKU_ATOMIC_FILE_ERROR_NAME_TOO_LONG,
} IkuAtomicFileError;
GQuark iku_atomic_file_error_quark (void);

/* Writes @bytes to @folder/@name; @name must be a plain file name. Messages
 * are Danish and name the file. */
gboolean iku_atomic_file_write (const char *folder,
                                const char *name,
                                GBytes     *bytes,
                                GError    **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
