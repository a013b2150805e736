/* SPDX-License-Identifier: GPL-3.0-or-later
 * Text rules shared by the schema and the export: how headers are compared, how
 * names are normalised, how dates are printed. All input is valid UTF-8. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The comparison key of a header or label: NFC, case-folded, white space runs
 * (also line breaks) collapsed to one space, trimmed. (transfer full) */
char    *iku_text_dup_key        (const char *text);
/* FALSE only when iku_text_dup_key (@text) certainly differs from @key (a key
 * made by iku_text_dup_key()): a test without allocation for scanning many cells
 * against a few keys. Where the answer depends on normalisation (a non-ASCII
 * character on either side), TRUE: the caller then compares the keys. */
gboolean iku_text_may_match_key  (const char *text,
                                  const char *key);

/* Characters that show nothing and can make two names that look alike differ,
 * or make a name look other than it is: format characters (zero-width space
 * and joiners, byte order mark, soft hyphen, bidi controls) and fillers. */
gboolean iku_text_is_invisible   (gunichar c);
/* A name as printed, compared and turned into a file name: NFC, invisible
 * characters removed, trimmed, inner white space runs collapsed. (transfer full) */
char    *iku_text_dup_clean_name (const char *text);

/* TRUE when @text is NULL or only white space and invisible characters. */
gboolean iku_text_is_blank       (const char *text);

/* @text without blank first and last lines and with trailing white space cut
 * from every line (leading indentation is kept). (transfer full) */
char    *iku_text_dup_trimmed    (const char *text);

/* "22. november 2026". (transfer full) */
char    *iku_text_format_date    (GDateTime *date);

G_END_DECLS
