/* SPDX-License-Identifier: GPL-3.0-or-later
 * Shared by the platform implementations of iku-atomic-file.h. */
#pragma once

#include "iku-atomic-file.h"

G_BEGIN_DECLS

/* Sets the Danish message for @code about @name in @folder; @detail (a system
 * error text) is only used by IKU_ATOMIC_FILE_ERROR_FAILED. */
void iku_atomic_file_set_error (GError            **error,
                                IkuAtomicFileError  code,
                                const char         *folder,
                                const char         *name,
                                const char         *detail);

G_END_DECLS
