/* SPDX-License-Identifier: GPL-3.0-or-later
 * The office's configuration (com.sun.star.configuration): a view of one node,
 * read-only or for update. */
#pragma once

#include "iku-uno-sdk.h"

G_BEGIN_DECLS

/* A ConfigurationAccess (@for_update FALSE) or ConfigurationUpdateAccess (TRUE) of
 * the node @node_path ("/org.ikuflet.Settings") made by the configuration provider
 * of the component context @context. (transfer full) */
uno_Interface *iku_uno_config_open (uno_Interface *context,
                                    const char    *node_path,
                                    gboolean       for_update,
                                    GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
