/* SPDX-License-Identifier: GPL-3.0-or-later
 * The dialogs the Options page opens: the office's file and folder pickers for the
 * "Gennemse…" buttons and a message box over the page. */
#pragma once

#include "iku-uno-sdk.h"

G_BEGIN_DECLS

/* One filter of a file picker: a title and patterns ("*.png;*.jpg"). */
typedef struct {
  const char *title;
  const char *patterns;
} IkuUnoFileFilter;

/* Lets the user choose an existing file, starting in the folder of @current (a
 * path; NULL or "" for the picker's own choice), with @filters (the first one
 * chosen). @parent: the window the picker belongs to (NULL allowed). Returns the
 * chosen file's local path, or NULL without @error when the user cancelled.
 * (transfer full) */
char *iku_uno_dialogs_pick_file   (uno_Interface          *context,
                                   uno_Interface          *parent,
                                   const char             *title,
                                   const char             *current,
                                   const IkuUnoFileFilter *filters,
                                   guint                   n_filters,
                                   GError                **error) G_GNUC_WARN_UNUSED_RESULT;

/* Lets the user choose a folder, starting in @current (NULL or "" allowed).
 * Returns its local path, or NULL without @error when cancelled. (transfer full) */
char *iku_uno_dialogs_pick_folder (uno_Interface *context,
                                   const char    *title,
                                   const char    *current,
                                   GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* An error box titled @title showing @text over @parent (a window peer; NULL
 * allowed). Logged when it cannot be shown. */
void  iku_uno_dialogs_show_error  (uno_Interface *context,
                                   uno_Interface *parent,
                                   const char    *title,
                                   const char    *text);

G_END_DECLS
