/* SPDX-License-Identifier: GPL-3.0-or-later
 * Text rules shared by the schema and the export; see iku-text.h. */
#include "iku-text.h"

#include <string.h>

static gboolean
is_space (gunichar c)
{
  /* g_unichar_isspace covers the ASCII and Unicode separators; no-break spaces
   * (U+00A0, U+202F) come from word processors and count as spaces too. */
  return g_unichar_isspace (c) || c == 0x00A0 || c == 0x202F || c == 0x2007;
}

gboolean
iku_text_is_invisible (gunichar c)
{
  /* Format characters: soft hyphen, zero-width space and joiners, word joiner,
   * byte order mark, the bidi marks, embeddings, overrides and isolates
   * (U+200E-U+200F, U+202A-U+202E, U+2066-U+2069), ... Also the combining
   * grapheme joiner and the Hangul fillers, which show nothing either. */
  return g_unichar_type (c) == G_UNICODE_FORMAT || c == 0x034F || c == 0x115F || c == 0x1160
         || c == 0x3164 || c == 0xFFA0;
}

/* Collapses white space runs to one ASCII space, trims, and drops invisible
 * characters; @text is NFC. */
static char *
collapse_space (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  gboolean pending = FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (iku_text_is_invisible (c))
        continue;
      if (is_space (c))
        {
          pending = out->len > 0;
          continue;
        }
      if (pending)
        g_string_append_c (out, ' ');
      pending = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

char *
iku_text_dup_clean_name (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_autofree char *nfc = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  g_autofree char *clean = collapse_space (nfc != NULL ? nfc : "");
  /* What was around a removed character may compose now. */
  char *again = g_utf8_normalize (clean, -1, G_NORMALIZE_NFC);
  return again != NULL ? again : g_steal_pointer (&clean);
}

char *
iku_text_dup_key (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_autofree char *clean = iku_text_dup_clean_name (text);
  g_autofree char *folded = g_utf8_casefold (clean, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

/* ASCII white space, which iku_text_dup_key() collapses and trims. */
static gboolean
is_ascii_space (char c)
{
  return c == ' ' || (c >= '\t' && c <= '\r');
}

gboolean
iku_text_may_match_key (const char *text, const char *key)
{
  g_return_val_if_fail (text != NULL && key != NULL, TRUE);
  /* Both sides are compared without their white space: a necessary condition.
   * An ASCII character of @text stays itself in the key, lower-cased, or is
   * composed with a following mark into a non-ASCII one; either way it can
   * only match the same lower-case ASCII character of @key. */
  const char *k = key;
  for (const char *t = text; *t != '\0'; t++)
    {
      if ((guchar) *t >= 0x80)
        return TRUE;
      if (is_ascii_space (*t))
        continue;
      while (*k == ' ')
        k++;
      if (*k == '\0')
        return FALSE;
      if ((guchar) *k >= 0x80)
        return TRUE;
      if (g_ascii_tolower (*t) != *k)
        return FALSE;
      k++;
    }
  while (*k == ' ')
    k++;
  return *k == '\0';
}

gboolean
iku_text_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!is_space (c) && !iku_text_is_invisible (c))
        return FALSE;
    }
  return TRUE;
}

char *
iku_text_dup_trimmed (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);
  guint first = 0, last = g_strv_length (lines);
  while (first < last && iku_text_is_blank (lines[first]))
    first++;
  while (last > first && iku_text_is_blank (lines[last - 1]))
    last--;
  for (guint i = first; i < last; i++)
    {
      char *line = lines[i];
      gsize len = strlen (line);
      /* Cut trailing white space (also CR from pasted Windows text). */
      while (len > 0)
        {
          const char *prev = g_utf8_find_prev_char (line, line + len);
          if (prev == NULL || !is_space (g_utf8_get_char (prev)))
            break;
          len = (gsize) (prev - line);
        }
      if (out->len > 0 || i > first)
        g_string_append_c (out, '\n');
      g_string_append_len (out, line, (gssize) len);
    }
  return g_string_free (out, FALSE);
}

char *
iku_text_format_date (GDateTime *date)
{
  static const char *const months[] = {
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
  };
  g_return_val_if_fail (date != NULL, NULL);
  int month = g_date_time_get_month (date);
  return g_strdup_printf ("%d. %s %d", g_date_time_get_day_of_month (date),
                          months[CLAMP (month, 1, 12) - 1], g_date_time_get_year (date));
}
