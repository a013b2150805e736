/* SPDX-License-Identifier: GPL-3.0-or-later
 * The double-click button in C: the com.sun.star.awt.XEnhancedMouseClickHandler of
 * one Calc view. A left double-click on the button cell of a schema (PRODUCT.md:
 * a cell above the header row reading "Dobbeltklik for at lave PDF-filer") is
 * swallowed, so Calc does not start editing, and the document is exported right
 * after the click, from the main loop, with the result or error shown. Every other
 * click goes to Calc as before. */
#pragma once

#include "iku-uno-sdk.h"
#include "iku-uno-views.h"

G_BEGIN_DECLS

/* Gives @view (a spreadsheet controller) a double-click handler, known to @views
 * as @view_id. Exports run through @context with the data files in @data_dir.
 * When the view is disposed, the handler is taken off it again and the view is
 * forgotten in @views. */
gboolean iku_uno_click_attach (IkuUnoViews   *views,
                               const char    *view_id,
                               uno_Interface *view,
                               uno_Interface *context,
                               const char    *data_dir,
                               GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
