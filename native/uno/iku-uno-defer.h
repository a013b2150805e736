/* SPDX-License-Identifier: GPL-3.0-or-later
 * Work deferred to the office's main loop (com.sun.star.awt.AsyncCallback): how a
 * handler that the office calls in the middle of its own event handling (a mouse
 * click) gets out of the way before doing something long or modal. */
#pragma once

#include "iku-uno-sdk.h"

G_BEGIN_DECLS

typedef void (*IkuUnoDeferFunc) (gpointer data);

/* Calls @func (@data) once, on the main thread, when the office next handles its
 * queued events. @data is always consumed: @destroy (NULL allowed) runs after
 * @func, or at once when the call could not be queued (FALSE and @error). */
gboolean iku_uno_defer (uno_Interface  *context,
                        IkuUnoDeferFunc func,
                        gpointer        data,
                        GDestroyNotify  destroy,
                        GError        **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
