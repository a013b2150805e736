/* SPDX-License-Identifier: GPL-3.0-or-later
 * ikuflet --check: where the IKUs would go (without making the folder), and
 * the report of iku_export_check() as Danish text or JSON. */
#pragma once

#include <glib.h>
#include "iku-export.h"
#include "iku-settings.h"

G_BEGIN_DECLS

/* The folder the export would use: --out (@out_dir), else the settings' Mappe
 * resolved beside the schema, but never made; a subfolder that does not exist
 * yet is returned as it will be. NULL with @error when the settings' folder
 * cannot be used. (transfer full) */
char *iku_cli_check_dup_folder (const IkuSettings *settings,
                                const char        *schema_dir,
                                const char        *out_dir,
                                GError           **error);

/* Why the export could not write into @folder (missing folders are made by
 * the export, so only an existing folder without the right to write), or
 * NULL. (transfer full) */
char *iku_cli_check_dup_folder_problem (const char *folder);

/* The report for stdout; @warnings: every warning (NULL-terminated). Text: per sheet, who gets an IKU with file name and
 * pages, then every warning, then @error. JSON: {"written": [], "warnings":
 * [...], "error": null | text, "check": {"folder": ..., "ikus": [{"sheet",
 * "team", "name", "row", "file", "pages"}], "stale": [paths]}}.
 * (transfer full) */
char *iku_cli_check_to_text (const IkuExport   *x,
                             const char * const *warnings,
                             const char        *folder,
                             const char        *error);
char *iku_cli_check_to_json (const IkuExport   *x,
                             const char * const *warnings,
                             const char        *folder,
                             const char        *error);

G_END_DECLS
