/* SPDX-License-Identifier: GPL-3.0-or-later
 * The settings options of the command line: --settings FILE (a key file like
 * the extension's configuration), the flags that override it (--organisation,
 * --logo, --texts, --name-pattern) and --print-settings. */
#pragma once

#include <glib.h>
#include "iku-settings.h"

G_BEGIN_DECLS

typedef struct _IkuCliSettings IkuCliSettings;

IkuCliSettings     *iku_cli_settings_new     (void);
void                iku_cli_settings_free    (IkuCliSettings *cs);
/* The option entries, for g_option_context_add_main_entries(); they write
 * into @cs. (transfer none) */
const GOptionEntry *iku_cli_settings_entries (IkuCliSettings *cs);
gboolean            iku_cli_settings_wants_print (const IkuCliSettings *cs);

/* The settings in effect: the defaults, then the --settings file, then the
 * flags; @team_plan and @combined (--teamplan, --samlet) switch those outputs
 * on over the file. Returns: (transfer full): the settings, or NULL with a
 * Danish @error naming the file or flag. */
IkuSettings        *iku_cli_settings_build   (const IkuCliSettings *cs,
                                              gboolean              team_plan,
                                              gboolean              combined,
                                              GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuCliSettings, iku_cli_settings_free)

G_END_DECLS
