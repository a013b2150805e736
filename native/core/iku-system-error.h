/* SPDX-License-Identifier: GPL-3.0-or-later
 * Danish texts for the system errors users meet (GLib's own texts are English
 * when it is built without translations, as in the Windows build). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A short Danish description of errno value @errsv, for "…: %s."; GLib's
 * (possibly English) text for errors users rarely meet. (transfer none) */
const char *iku_system_error_text (int errsv);

G_END_DECLS
