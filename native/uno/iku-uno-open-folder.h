/* SPDX-License-Identifier: GPL-3.0-or-later
 * Showing a folder to the person in the system's file manager. */
#pragma once

#include "iku-uno-sdk.h"

G_BEGIN_DECLS

/* Asks the system to open the local folder @folder (com.sun.star.system.
 * SystemShellExecute with the folder's file URL, URIS_ONLY): the file manager
 * starts beside the office, which does not wait for it. FALSE with @error when
 * the office could not hand it over; a system without a file manager fails
 * silently, outside the office. */
gboolean iku_uno_open_folder (uno_Interface *context,
                              const char    *folder,
                              GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
