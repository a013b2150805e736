/* SPDX-License-Identifier: GPL-3.0-or-later
 * The extension's settings: the configuration node /org.ikuflet.Settings
 * (extension/Settings.xcs), read at every export, so a change in the
 * configuration (the Options page, a macro, an administrator's .xcu) counts
 * from the next export on. */
#pragma once

#include "iku-uno-sdk.h"

G_BEGIN_DECLS

typedef struct {
  gboolean team_plan;   /* Teamudviklingsplan: also write the team development plan */
  gboolean combined;    /* Samlet: also write every IKU in one print file */
} IkuUnoSettings;

/* Fills @settings from the configuration; a node or property that cannot be
 * read keeps its default (off) and is logged. */
void iku_uno_settings_read (uno_Interface  *context,
                            IkuUnoSettings *settings);

G_END_DECLS
