/* SPDX-License-Identifier: GPL-3.0-or-later
 * ikuflet's page in Tools > Options (extension/options/IkufletOptions.xdl): the
 * settings of /org.ikuflet.Settings shown in its controls, checked and saved. Each
 * function takes @page, the page's dialog control as the options dialog hands it to
 * the event handler, and works in @context, the component context. */
#pragma once

#include "iku-uno-sdk.h"
#include "iku-uno-l10n.h"
#include "iku-uno-options-config.h"

G_BEGIN_DECLS

#define IKU_UNO_OPTIONS_PAGE_ERROR (iku_uno_options_page_error_quark ())
typedef enum {
  IKU_UNO_OPTIONS_PAGE_ERROR_INVALID,   /* a value the user must correct; the message says how */
} IkuUnoOptionsPageError;
GQuark iku_uno_options_page_error_quark (void);

/* Shows the texts in @lang and what the configuration holds now; locked
 * settings are shown but cannot be changed ("initialize", "back"). */
gboolean       iku_uno_options_page_load           (uno_Interface *context,
                                                    uno_Interface *page,
                                                    IkuUnoLang     lang,
                                                    GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* What the controls of @page say. A folder choice left incomplete (no subfolder
 * name, a path as subfolder, no fixed folder) is IKU_UNO_OPTIONS_PAGE_ERROR_INVALID
 * with a message in @lang. (transfer full) */
IkuUnoOptions *iku_uno_options_page_dup_values     (uno_Interface *page,
                                                    IkuUnoLang     lang,
                                                    GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* Checks @options as an export would use them: the file name pattern, the
 * organisation, the logo and wording files (iku_settings_validate) and that a fixed
 * folder exists. IKU_UNO_OPTIONS_PAGE_ERROR_INVALID with a message in @lang says
 * what is wrong. */
gboolean       iku_uno_options_page_check          (const IkuUnoOptions *options,
                                                    IkuUnoLang           lang,
                                                    GError             **error) G_GNUC_WARN_UNUSED_RESULT;

/* The preview line below the file name pattern, for the pattern typed now. */
gboolean       iku_uno_options_page_update_preview (uno_Interface *page,
                                                    IkuUnoLang     lang,
                                                    GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* Enables the folder field that belongs to the chosen folder radio button. */
gboolean       iku_uno_options_page_update_folder  (uno_Interface *page,
                                                    GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* The "Gennemse…" button of @option (LOGO, TEXTS or FOLDER): a picker starting at
 * the current value; the choice goes into the field. Cancelling changes nothing. */
gboolean       iku_uno_options_page_browse         (uno_Interface *context,
                                                    uno_Interface *page,
                                                    IkuUnoLang     lang,
                                                    IkuUnoOption   option,
                                                    GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
