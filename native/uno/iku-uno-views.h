/* SPDX-License-Identifier: GPL-3.0-or-later
 * The double-click button's bookkeeping: which Calc views (controllers) already
 * carry ikuflet's mouse click handler, so each view gets exactly one, however
 * often the office reports it. The factory of org.ikuflet.ViewJob owns one
 * IkuUnoViews for the life of the component; every handler holds a reference. */
#pragma once

#include "iku-uno-sdk.h"

G_BEGIN_DECLS

typedef struct _IkuUnoViews IkuUnoViews;

/* (transfer full) */
IkuUnoViews *iku_uno_views_new    (void);
IkuUnoViews *iku_uno_views_ref    (IkuUnoViews *views);
void         iku_uno_views_unref  (IkuUnoViews *views);

/* Gives every spreadsheet view of the document @model that has none yet a
 * double-click handler (see iku-uno-click.h), which exports through @context with
 * the data files in @data_dir. Other views (print preview, other modules) are
 * skipped. Failing for one view does not stop the others; the first failure is
 * returned. */
gboolean     iku_uno_views_attach (IkuUnoViews   *views,
                                   uno_Interface *context,
                                   const char    *data_dir,
                                   uno_Interface *model,
                                   GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* Forgets the view @view_id: its handler saw it go (XEventListener.disposing). */
void         iku_uno_views_forget (IkuUnoViews *views,
                                   const char  *view_id);

/* How many views carry a handler now. */
guint        iku_uno_views_get_n_views (IkuUnoViews *views);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuUnoViews, iku_uno_views_unref)

G_END_DECLS
