/* SPDX-License-Identifier: GPL-3.0-or-later
 * What a person sees of an export in Calc: a progress bar in the frame's status bar
 * and a message box with the result or the error. A non-interactive export, and any
 * export in a headless office, shows nothing and writes its messages to the log. */
#pragma once

#include "iku-uno-sdk.h"
#include "iku-uno-l10n.h"

G_BEGIN_DECLS

typedef struct _IkuUnoUi IkuUnoUi;

/* @context is the component context (borrowed, must outlive the UI). The UI
 * language is read from the office's configuration when dialogs may be shown;
 * otherwise it is Danish. (transfer full) */
IkuUnoUi   *iku_uno_ui_new            (uno_Interface *context,
                                       gboolean       interactive);
void        iku_uno_ui_free           (IkuUnoUi *ui);

IkuUnoLang  iku_uno_ui_get_language   (const IkuUnoUi *ui);

/* The UI language from the configuration values UILocale (@chosen) and ooLocale
 * (@installed) as the office returned them: the chosen one when it is a non-empty
 * text, else the installed one, else Danish. Either may be NULL (not readable) or
 * hold something other than a text. */
IkuUnoLang  iku_uno_ui_lang_from_config (const uno_Any *chosen,
                                         const uno_Any *installed);

/* The frame whose status bar shows progress and whose window parents the message
 * box (acquired; NULL allowed). */
void        iku_uno_ui_set_frame      (IkuUnoUi      *ui,
                                       uno_Interface *frame);

void        iku_uno_ui_progress_start (IkuUnoUi *ui,
                                       guint     total);
void        iku_uno_ui_progress_set   (IkuUnoUi *ui,
                                       guint     done);
void        iku_uno_ui_progress_end   (IkuUnoUi *ui);

/* TRUE when the UI may ask the person something (interactive, with a screen). */
gboolean       iku_uno_ui_can_ask      (const IkuUnoUi *ui);
/* The component context and the frame the UI was given (borrowed; frame may be NULL). */
uno_Interface *iku_uno_ui_get_context  (const IkuUnoUi *ui);
uno_Interface *iku_uno_ui_get_frame    (const IkuUnoUi *ui);

/* A paragraph iku_uno_ui_report() shows after the outcome's first sentence and
 * before the warnings: which sheet, what was skipped, which files are stale. */
void        iku_uno_ui_add_detail     (IkuUnoUi   *ui,
                                       const char *paragraph);

/* Tells the outcome: the count and folder of what was written, the warnings, and
 * @error_message (NULL on success). */
void        iku_uno_ui_report         (IkuUnoUi           *ui,
                                       guint               n_written,
                                       const char         *folder,
                                       const char * const *warnings,
                                       guint               n_warnings,
                                       const char         *error_message);

/* Shows @text in an information box (a warning box when @warning) titled @title
 * (logged when no box can be shown). */
void        iku_uno_ui_show_message   (IkuUnoUi     *ui,
                                       IkuUnoTextId  title,
                                       gboolean      warning,
                                       const char   *text);

/* Shows @message in an error box titled @title (logged when no box can be shown). */
void        iku_uno_ui_show_error     (IkuUnoUi     *ui,
                                       IkuUnoTextId  title,
                                       const char   *message);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuUnoUi, iku_uno_ui_free)

G_END_DECLS
