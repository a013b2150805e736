/* SPDX-License-Identifier: GPL-3.0-or-later
 * UNO strings (UTF-16 rtl_uString) <-> UTF-8, converted once at the edge. */
#pragma once

#include "iku-uno-sdk.h"

G_BEGIN_DECLS

/* A new UNO string from UTF-8 (invalid bytes become U+FFFD). Never NULL.
 * (transfer full): release with rtl_uString_release(). */
rtl_uString *iku_uno_string_new         (const char *utf8);

/* Valid UTF-8 for @str (NULL gives ""); unpaired surrogates become U+FFFD, so text
 * from the office always enters core/ as valid UTF-8. (transfer full) */
char        *iku_uno_string_dup_utf8    (const rtl_uString *str);

/* TRUE when @str equals the ASCII text @ascii exactly. */
gboolean     iku_uno_string_equal_ascii (const rtl_uString *str,
                                         const char        *ascii);

G_END_DECLS
