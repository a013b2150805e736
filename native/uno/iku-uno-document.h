/* SPDX-License-Identifier: GPL-3.0-or-later
 * The live Calc document: which one to export, where it lies, and its sheets as an
 * IkuBook (the document as shown, unsaved edits included; nothing is changed). */
#pragma once

#include "iku-uno-sdk.h"
#include "iku-grid.h"
#include "iku-uno-l10n.h"

G_BEGIN_DECLS

/* @document (any interface of a document) as the XModel of a spreadsheet document,
 * or IKU_UNO_ERROR_NOT_SPREADSHEET. (transfer full) */
uno_Interface *iku_uno_document_dup_model     (uno_Interface *document,
                                               IkuUnoLang     lang,
                                               GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* The document to export when none is given: the desktop's current component when
 * it is a spreadsheet, else the only spreadsheet document open. (transfer full) */
uno_Interface *iku_uno_document_find_current  (uno_Interface *context,
                                               IkuUnoLang     lang,
                                               GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* The local folder @model's file lies in; IKU_UNO_ERROR_NOT_SAVED for a document
 * never saved, IKU_UNO_ERROR_NOT_LOCAL for one that is not a local file.
 * (transfer full) */
char          *iku_uno_document_dup_folder    (uno_Interface *model,
                                               IkuUnoLang     lang,
                                               GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* The local path of @model's file, or NULL for a document never saved or not a
 * local file. (transfer full) */
char          *iku_uno_document_dup_path      (uno_Interface *model);

/* The view (controller) @model shows itself in now, or NULL when it has none.
 * (transfer full) */
uno_Interface *iku_uno_document_dup_view      (uno_Interface *model);

/* The frame of the view @view, or NULL. (transfer full) */
uno_Interface *iku_uno_document_dup_frame     (uno_Interface *view);

/* Every sheet of @model as iku_uno_sheet_read() reads it, with the sheet active
 * in @view marked (NULL: in the document's current view). Cells and text are
 * counted over the whole workbook; more than IKU_MAX_SHEETS sheets, or more cells
 * or text than iku-limits.h allows, is IKU_UNO_ERROR_TOO_LARGE. (transfer full) */
IkuBook       *iku_uno_document_read_book     (uno_Interface *model,
                                               uno_Interface *view,
                                               GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* Opens a new, untitled document made from the template file @path (a local path)
 * in a window of its own, as File > New > Templates does. */
gboolean       iku_uno_document_new_from_template (uno_Interface *context,
                                                   const char    *path,
                                                   GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
