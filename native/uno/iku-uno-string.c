/* SPDX-License-Identifier: GPL-3.0-or-later
 * UNO strings <-> UTF-8. GLib does the work; the office's own converters are not
 * needed, and we choose how broken input is repaired (U+FFFD, never a silent cut). */
#include "iku-uno-string.h"

#include <string.h>

rtl_uString *
iku_uno_string_new (const char *utf8)
{
  g_autofree char *valid = NULL;
  g_autofree gunichar2 *utf16 = NULL;
  glong n_units = 0;
  rtl_uString *str = NULL;

  if (utf8 == NULL)
    utf8 = "";
  if (!g_utf8_validate (utf8, -1, NULL))
    utf8 = valid = g_utf8_make_valid (utf8, -1);

  utf16 = g_utf8_to_utf16 (utf8, -1, NULL, &n_units, NULL);
  if (utf16 == NULL || n_units > G_MAXINT32)
    {
      rtl_uString_new (&str);
      return str;
    }
  G_STATIC_ASSERT (sizeof (sal_Unicode) == sizeof (gunichar2));
  rtl_uString_newFromStr_WithLength (&str, (const sal_Unicode *) utf16, (sal_Int32) n_units);
  return str;
}

char *
iku_uno_string_dup_utf8 (const rtl_uString *str)
{
  GString *out;

  if (str == NULL || str->length <= 0)
    return g_strdup ("");

  out = g_string_sized_new ((gsize) str->length + 16);
  for (sal_Int32 i = 0; i < str->length; i++)
    {
      gunichar c = str->buffer[i];

      if (c >= 0xD800 && c <= 0xDBFF && i + 1 < str->length &&
          str->buffer[i + 1] >= 0xDC00 && str->buffer[i + 1] <= 0xDFFF)
        {
          c = 0x10000 + ((c - 0xD800) << 10) + (str->buffer[i + 1] - 0xDC00u);
          i++;
        }
      else if ((c >= 0xD800 && c <= 0xDFFF) || c == 0)
        c = 0xFFFD;   /* an unpaired surrogate, or a NUL that would cut the C string */
      if (c < 0x80)
        g_string_append_c (out, (char) c);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

gboolean
iku_uno_string_equal_ascii (const rtl_uString *str,
                            const char        *ascii)
{
  g_return_val_if_fail (ascii != NULL, FALSE);

  if (str == NULL)
    return *ascii == '\0';
  return rtl_ustr_ascii_compare_WithLength (str->buffer, str->length, ascii) == 0;
}
