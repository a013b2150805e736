/* SPDX-License-Identifier: GPL-3.0-or-later
 * Safe, unique IKU file names: "IKU - <navn>.pdf" as PRODUCT.md "Files" says. A
 * name never contains a path separator, so a file can only land in its folder. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Most UTF-8 bytes of a file name before ".pdf". */
#define IKU_FILE_NAME_MAX_STEM_BYTES 120

/* "IKU - <name>.pdf" with <name> sanitised and cut to fit. (transfer full) */
char *iku_file_name_for_employee (const char *name);

/* <stem>.pdf with the whole stem sanitised and cut to fit. (transfer full) */
char *iku_file_name_for_stem (const char *stem);

/* A value put into a file name pattern, sanitised as <name> is above but not
 * cut; iku_file_name_clean_part() may return "", iku_file_name_clean_name()
 * gives "_" then. (transfer full) */
char *iku_file_name_clean_part (const char *text);
char *iku_file_name_clean_name (const char *name);

/* "Teamudviklingsplan - <team>.pdf", or "Teamudviklingsplan.pdf" when @team is
 * NULL; <team> sanitised and cut to fit. (transfer full) */
char *iku_file_name_for_team_plan (const char *team);

/* The print file with every IKU of an export. */
#define IKU_FILE_NAME_COMBINED "IKU'er samlet.pdf"

/* Hands out names for one folder, in order: a name that collides with an earlier
 * one (also case-insensitively) gets " (2)", " (3)", ... before ".pdf". */
typedef struct _IkuFileNamer IkuFileNamer;

IkuFileNamer *iku_file_namer_new  (void);
void          iku_file_namer_free (IkuFileNamer *namer);
/* (transfer full) */
char         *iku_file_namer_next (IkuFileNamer *namer,
                                   const char   *employee_name);
/* The same for a whole stem, e.g. an expanded file name pattern; the stem is
 * sanitised as iku_file_name_for_stem() does. (transfer full) */
char         *iku_file_namer_next_stem (IkuFileNamer *namer,
                                        const char   *stem);

/* The same for a file name made elsewhere (the team plan, the combined file).
 * (transfer full) */
char         *iku_file_namer_next_file (IkuFileNamer *namer,
                                        const char   *file_name);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuFileNamer, iku_file_namer_free)

G_END_DECLS
