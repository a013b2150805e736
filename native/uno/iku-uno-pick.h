/* SPDX-License-Identifier: GPL-3.0-or-later
 * A small modal dialog that asks a person to pick one line of a list (which sheet
 * to export), built from the office's own dialog controls. */
#pragma once

#include "iku-uno-sdk.h"

G_BEGIN_DECLS

/* Shows a dialog titled @title with the text @prompt above the list @items (at
 * least one; the first is selected), an OK and a Cancel button labelled @ok and
 * @cancel, parented to @frame's window (NULL allowed). Returns the index picked,
 * -1 when the person cancelled, or -2 with @error when no dialog could be shown. */
gint iku_uno_pick (uno_Interface      *context,
                   uno_Interface      *frame,
                   const char         *title,
                   const char         *prompt,
                   const char * const *items,
                   guint               n_items,
                   const char         *ok,
                   const char         *cancel,
                   GError            **error);

G_END_DECLS
