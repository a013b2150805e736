/* SPDX-License-Identifier: GPL-3.0-or-later
 * Which schemas of a workbook the command line exports: the one sheet the
 * schema rules pick, or with --all-sheets every sheet with a schema header
 * (every team in one run), and the line of the report that names them. */
#pragma once

#include <glib.h>
#include "iku-schema.h"

G_BEGIN_DECLS

/* (transfer full) (element-type IkuSchema): at least one schema, or NULL with
 * @error (IKU_SCHEMA_ERROR). With @all_sheets, a schema sheet that has no
 * employees is told in @warnings (char *, appended) and left out; the error
 * comes only when no sheet gives any. */
GPtrArray *iku_cli_schemas_read (const IkuBook  *book,
                                 gboolean        all_sheets,
                                 IkuSchemaFlags  flags,
                                 GPtrArray      *warnings,
                                 GError        **error);

/* "Læst fra arket »Nord« (team Nord)." or "... og arket »Syd«." (transfer full) */
char      *iku_cli_schemas_dup_line (GPtrArray *schemas);

G_END_DECLS
