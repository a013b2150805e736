/* SPDX-License-Identifier: GPL-3.0-or-later
 * The service org.ikuflet.OptionsHandler: the XContainerWindowEventHandler of
 * ikuflet's page in Tools > Options (extension/OptionsDialog.xcu). The options
 * dialog calls callHandlerMethod (page, "initialize" | "ok" | "back",
 * "external_event"); the page's own controls call it with the methods named in the
 * .xdl's "vnd.sun.star.UNO:" events. It never throws: what goes wrong is shown in
 * a message box over the page (or logged when there is no screen). */
#pragma once

#include "iku-uno-sdk.h"

G_BEGIN_DECLS

#define IKU_UNO_OPTIONS_IMPLEMENTATION_NAME "org.ikuflet.OptionsHandler"
#define IKU_UNO_OPTIONS_SERVICE_NAME "org.ikuflet.OptionsHandler"

/* A new handler working in @context (acquired). (transfer full) */
uno_Interface *iku_uno_options_handler_new (uno_Interface *context);

G_END_DECLS
