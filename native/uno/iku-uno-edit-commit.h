/* SPDX-License-Identifier: GPL-3.0-or-later
 * Text still being typed into a cell is part of the schema: before an export reads
 * the document, a cell edit in progress in its view is committed, as Calc commits
 * it before it saves. */
#pragma once

#include "iku-uno-sdk.h"
#include "iku-uno-l10n.h"

G_BEGIN_DECLS

/* When @view (a spreadsheet view of @model, borrowed) is editing a cell, commits
 * the edit into that cell as Enter would, without moving the cursor or the
 * selection. Nothing happens when no cell is being edited. @context is the
 * component context. Fails with IKU_UNO_ERROR_EDITING (a message in @lang) when
 * the cell is still being edited afterwards (Calc refused the input, e.g. by a
 * validity rule): then the document holds the old text and nothing may be exported. */
gboolean iku_uno_edit_commit (uno_Interface *context,
                              uno_Interface *model,
                              uno_Interface *view,
                              IkuUnoLang     lang,
                              GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
