/* SPDX-License-Identifier: GPL-3.0-or-later
 * File name patterns such as "IKU - {navn}" or "{år} {team} - {navn}": the
 * fields {navn}, {team}, {dato} and {år} filled in for one employee. The result
 * is a stem that iku-file-name.h makes safe and unique. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IKU_NAME_PATTERN_ERROR (iku_name_pattern_error_quark ())
typedef enum {
  IKU_NAME_PATTERN_ERROR_INVALID,   /* not UTF-8, too long, or empty */
  IKU_NAME_PATTERN_ERROR_FIELD,     /* an unknown {field} or a lone brace */
  IKU_NAME_PATTERN_ERROR_NO_NAME,   /* no {navn}: everyone would get one name */
} IkuNamePatternError;
GQuark iku_name_pattern_error_quark (void);

#define IKU_NAME_PATTERN_DEFAULT "IKU - {navn}"
/* Longest pattern accepted (the file name itself is cut to 120 bytes). */
#define IKU_NAME_PATTERN_MAX_BYTES 1000

/* Whether @pattern is a usable pattern (NULL or "" count as the default). */
gboolean iku_name_pattern_check  (const char *pattern,
                                  GError    **error);

/* The stem for one employee: @pattern with {navn} = @name, {team} = @team,
 * {dato} = @date (the date of the talk as the IKU prints it) and {år} = the
 * year in @date (or this year), each value sanitised. A field without a value
 * (no team) is left out with the separator next to it ("{navn} - {team}"
 * gives "Anna"). A trailing ".pdf" in the pattern is ignored.
 * Returns: (transfer full): the stem, or NULL with @error for a bad pattern. */
char    *iku_name_pattern_expand (const char *pattern,
                                  const char *name,
                                  const char *team,
                                  const char *date,
                                  GError    **error);

/* The year a date text names ("3. marts 2026" -> "2026"): its last group of
 * four digits, or the current year. (transfer full) */
char    *iku_name_pattern_dup_year (const char *date);

G_END_DECLS
