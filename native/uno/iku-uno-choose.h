/* SPDX-License-Identifier: GPL-3.0-or-later
 * Which schema sheets of a live workbook one command exports, never picked
 * silently: the active sheet when it is a schema; otherwise the only schema sheet,
 * or, among several, the one the person picks (interactive) or the first one with
 * a note saying so (non-interactive). "All teams" takes every schema sheet. */
#pragma once

#include "iku-uno-sdk.h"
#include "iku-grid.h"
#include "iku-schema.h"
#include "iku-uno-ui.h"

G_BEGIN_DECLS

typedef enum {
  IKU_UNO_SHEETS_ONE,   /* one sheet, as above */
  IKU_UNO_SHEETS_ALL,   /* every schema sheet */
  IKU_UNO_SHEETS_ACTIVE, /* the active sheet, which must be a schema (the selection's) */
} IkuUnoSheets;

/* The 0-based indices of the sheets of @book to export, in workbook order.
 * @sheet_name (NULL: none) names the one sheet a caller asked for. A note for
 * the result (Danish) is appended to @notes when a sheet was taken without being
 * asked. Errors: the schema's own when no sheet is a schema (IKU_SCHEMA_ERROR_*),
 * IKU_UNO_ERROR_ARGUMENT for an unknown or non-schema @sheet_name,
 * IKU_UNO_ERROR_CANCELLED when the person cancelled the choice. (transfer full) */
GArray *iku_uno_choose_sheets   (const IkuBook *book,
                                 IkuUnoSheets   which,
                                 const char    *sheet_name,
                                 IkuUnoUi      *ui,
                                 GPtrArray     *notes,
                                 GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* The sheet and team of @schema as a message names them: »Skema« (team: Nord).
 * (transfer full) */
char   *iku_uno_choose_dup_name (const IkuSchema *schema,
                                 IkuUnoLang       lang);

G_END_DECLS
