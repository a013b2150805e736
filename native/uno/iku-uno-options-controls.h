/* SPDX-License-Identifier: GPL-3.0-or-later
 * The controls of an options page: the XWindow that the options dialog hands the
 * event handler is the page's dialog control (an XControlContainer); each control
 * is found by its name in the .xdl and read and written through its model's
 * properties (Text, State, Label, Enabled). */
#pragma once

#include "iku-uno-sdk.h"
#include "iku-uno-l10n.h"

G_BEGIN_DECLS

/* The text of the text field @name of the page @page. (transfer full) */
char     *iku_uno_controls_dup_text    (uno_Interface *page,
                                        const char    *name,
                                        GError       **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean  iku_uno_controls_set_text    (uno_Interface *page,
                                        const char    *name,
                                        const char    *text,
                                        GError       **error) G_GNUC_WARN_UNUSED_RESULT;
/* The label of a fixed text, button, check box or radio button. */
gboolean  iku_uno_controls_set_label   (uno_Interface *page,
                                        const char    *name,
                                        const char    *label,
                                        GError       **error) G_GNUC_WARN_UNUSED_RESULT;
/* TRUE in *@checked when the check box or radio button @name is checked. */
gboolean  iku_uno_controls_get_checked (uno_Interface *page,
                                        const char    *name,
                                        gboolean      *checked,
                                        GError       **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean  iku_uno_controls_set_checked (uno_Interface *page,
                                        const char    *name,
                                        gboolean       checked,
                                        GError       **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean  iku_uno_controls_set_enabled (uno_Interface *page,
                                        const char    *name,
                                        gboolean       enabled,
                                        GError       **error) G_GNUC_WARN_UNUSED_RESULT;

gboolean  iku_uno_controls_get_enabled (uno_Interface *page,
                                        const char    *name,
                                        gboolean      *enabled,
                                        GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* Shows the page's texts from its .properties file for @lang (the dialog's
 * ResourceResolver), whatever language the office picked when it loaded the page. */
gboolean  iku_uno_controls_set_language (uno_Interface *page,
                                         IkuUnoLang     lang,
                                         GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* The page's window peer, the parent for dialogs opened from it. (transfer full)
 * NULL when the page has none (not shown yet). */
uno_Interface *iku_uno_controls_dup_peer (uno_Interface *page);

G_END_DECLS
