/* SPDX-License-Identifier: GPL-3.0-or-later
 * The extension's settings: the configuration node /org.ikuflet.Settings
 * (extension/Settings.xcs), read at every export into an IkuSettings, so a
 * change in the configuration (the Options page, a macro, an administrator's
 * preset in the shared layer) counts from the next export on. */
#pragma once

#include "iku-settings.h"
#include "iku-uno-sdk.h"

G_BEGIN_DECLS

/* The settings in effect. A node or property that cannot be read keeps its
 * default and is logged. Logo, Tekster and Mappe are taken as system paths
 * (also "C:\..." on Windows) or URLs: file URLs, and vnd.sun.star.expand: URLs
 * such as a preset extension's %origin% gives, expanded by the office. A URL
 * the office cannot turn into a local path is kept as written, so that
 * iku_settings_validate() names it. (transfer full) */
IkuSettings *iku_uno_settings_read (uno_Interface *context);

G_END_DECLS
