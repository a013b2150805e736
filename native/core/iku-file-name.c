/* SPDX-License-Identifier: GPL-3.0-or-later
 * Safe, unique IKU file names; see iku-file-name.h. */
#include "iku-file-name.h"
#include "iku-text.h"

#include <string.h>

#define PREFIX "IKU - "
#define SUFFIX ".pdf"

struct _IkuFileNamer
{
  GHashTable *taken;   /* case-folded stems handed out */
};

static gboolean
is_forbidden (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x2028 || c == 0x2029
         || (c < 0x80 && strchr ("/\\:*?\"<>|", (int) c) != NULL);
}

/* Removes leading and trailing dots and spaces (Windows drops them silently,
 * and a leading dot hides the file). */
static void
trim_dots_and_spaces (GString *s)
{
  gsize start = 0;
  while (start < s->len && (s->str[start] == '.' || s->str[start] == ' '))
    start++;
  g_string_erase (s, 0, (gssize) start);
  while (s->len > 0 && (s->str[s->len - 1] == '.' || s->str[s->len - 1] == ' '))
    g_string_truncate (s, s->len - 1);
}

/* CON, PRN, AUX, NUL, COM1-9 and LPT1-9 are devices on Windows, also with any
 * extension ("con.txt"); such a name gets a trailing '_'. */
static gboolean
is_device_name (const char *name)
{
  static const char *const devices[] = { "CON", "PRN", "AUX", "NUL" };
  gsize len = strcspn (name, ".");
  g_autofree char *base = g_ascii_strup (name, (gssize) len);
  g_strchomp (base);
  for (gsize i = 0; i < G_N_ELEMENTS (devices); i++)
    if (strcmp (base, devices[i]) == 0)
      return TRUE;
  return strlen (base) == 4 && (g_str_has_prefix (base, "COM") || g_str_has_prefix (base, "LPT"))
         && base[3] >= '1' && base[3] <= '9';
}

/* Whether @c belongs to the character before it: a combining mark (accents,
 * vowel signs, variation selectors) or a joiner. */
static gboolean
extends_previous (gunichar c)
{
  return g_unichar_ismark (c) || c == 0x200D || c == 0x200C;
}

/* Cuts @s to at most @max bytes on a grapheme boundary: never inside a
 * character, never before a combining mark that would lose its base, and
 * never right after a virama, which would join the letter that was cut off. */
static void
cut_graphemes (GString *s, gsize max)
{
  if (s->len <= max)
    return;
  const char *start = s->str;
  const char *end = start + max;
  /* Back up to the start of the character that would be split. */
  while (end > start && ((guchar) *end & 0xC0) == 0x80)
    end--;
  while (end > start)
    {
      const char *prev = g_utf8_prev_char (end);
      gunichar last = g_utf8_get_char (prev);
      if (extends_previous (g_utf8_get_char (end)) || g_unichar_combining_class (last) == 9
          || last == 0x200D)
        end = prev;
      else
        break;
    }
  g_string_truncate (s, (gsize) (end - start));
}

/* @name with invisible characters removed, characters a file name cannot hold
 * replaced by '_', dots and spaces trimmed and a device name defused; not cut,
 * and empty when nothing is left. */
static GString *
clean (const char *name)
{
  g_autofree char *nfc = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
  GString *s = g_string_new (NULL);
  for (const char *p = nfc != NULL ? nfc : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (iku_text_is_invisible (c))
        continue;
      if (is_forbidden (c))
        g_string_append_c (s, '_');
      else
        g_string_append_unichar (s, c);
    }
  trim_dots_and_spaces (s);
  return s;
}

/* The sanitised <name> part, not cut; "_" when nothing is left. */
static GString *
clean_name (const char *name)
{
  GString *s = clean (name);
  if (is_device_name (s->str))
    g_string_append_c (s, '_');
  if (s->len == 0)
    g_string_append_c (s, '_');
  return s;
}

/* A whole stem made safe and cut to at most @max bytes. A stem that starts
 * with a device name ("con.Anna") gets '_' after it ("con_.Anna"). */
static char *
sanitise_stem (const char *stem, gsize max)
{
  GString *s = clean (stem);
  if (is_device_name (s->str))
    g_string_insert_c (s, (gssize) strcspn (s->str, "."), '_');
  cut_graphemes (s, max);
  trim_dots_and_spaces (s);
  if (s->len == 0)
    g_string_append_c (s, '_');
  return g_string_free (s, FALSE);
}

char *
iku_file_name_clean_part (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);
  GString *s = clean (text);
  if (is_device_name (s->str))
    g_string_append_c (s, '_');
  return g_string_free (s, FALSE);
}

char *
iku_file_name_clean_name (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);
  return g_string_free (clean_name (name), FALSE);
}

static char *
dup_default_stem (const char *name)
{
  g_autoptr(GString) safe = clean_name (name);
  return g_strconcat (PREFIX, safe->str, NULL);
}

char *
iku_file_name_for_stem (const char *stem)
{
  g_return_val_if_fail (stem != NULL, NULL);
  g_autofree char *safe = sanitise_stem (stem, IKU_FILE_NAME_MAX_STEM_BYTES);
  return g_strconcat (safe, SUFFIX, NULL);
}

char *
iku_file_name_for_employee (const char *name)
{
  g_return_val_if_fail (name != NULL, NULL);
  g_autofree char *stem = dup_default_stem (name);
  return iku_file_name_for_stem (stem);
}

char *
iku_file_name_for_team_plan (const char *team)
{
  static const char plan[] = "Teamudviklingsplan";
  if (team == NULL)
    return g_strconcat (plan, SUFFIX, NULL);
  g_autoptr(GString) safe = clean_name (team);
  g_autofree char *stem = g_strconcat (plan, " - ", safe->str, NULL);
  return iku_file_name_for_stem (stem);
}

IkuFileNamer *
iku_file_namer_new (void)
{
  IkuFileNamer *namer = g_new0 (IkuFileNamer, 1);
  namer->taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return namer;
}

void
iku_file_namer_free (IkuFileNamer *namer)
{
  if (namer == NULL)
    return;
  g_hash_table_unref (namer->taken);
  g_free (namer);
}

static char *
folded (const char *stem)
{
  g_autofree char *f = g_utf8_casefold (stem, -1);
  return g_utf8_normalize (f, -1, G_NORMALIZE_NFC);
}

char *
iku_file_namer_next_stem (IkuFileNamer *namer, const char *stem)
{
  g_return_val_if_fail (namer != NULL && stem != NULL, NULL);
  for (guint n = 1;; n++)
    {
      g_autofree char *counter = n == 1 ? g_strdup ("") : g_strdup_printf (" (%u)", n);
      /* The counter must fit inside the byte limit too: cut the stem, not it. */
      g_autofree char *safe = sanitise_stem (stem, IKU_FILE_NAME_MAX_STEM_BYTES - strlen (counter));
      g_autofree char *full = g_strconcat (safe, counter, NULL);
      g_autofree char *key = folded (full);
      if (!g_hash_table_contains (namer->taken, key))
        {
          g_hash_table_add (namer->taken, g_steal_pointer (&key));
          return g_strconcat (full, SUFFIX, NULL);
        }
    }
}

char *
iku_file_namer_next (IkuFileNamer *namer, const char *employee_name)
{
  g_return_val_if_fail (namer != NULL && employee_name != NULL, NULL);
  g_autofree char *stem = dup_default_stem (employee_name);
  return iku_file_namer_next_stem (namer, stem);
}

/**
 * iku_file_namer_next_file:
 * @file_name: a safe file name ending in ".pdf" (iku_file_name_for_team_plan(),
 *   IKU_FILE_NAME_COMBINED)
 *
 * Takes @file_name for the folder, with " (2)", " (3)", ... before ".pdf" when
 * an earlier name took it.
 * Returns: (transfer full): the name to use.
 */
char *
iku_file_namer_next_file (IkuFileNamer *namer, const char *file_name)
{
  g_return_val_if_fail (namer != NULL && file_name != NULL, NULL);
  g_return_val_if_fail (g_str_has_suffix (file_name, SUFFIX), NULL);
  g_autofree char *base = g_strndup (file_name, strlen (file_name) - strlen (SUFFIX));
  for (guint n = 1;; n++)
    {
      g_autofree char *stem = n == 1 ? g_strdup (base) : g_strdup_printf ("%s (%u)", base, n);
      g_autofree char *key = folded (stem);
      if (!g_hash_table_contains (namer->taken, key))
        {
          g_hash_table_add (namer->taken, g_steal_pointer (&key));
          return g_strconcat (stem, SUFFIX, NULL);
        }
    }
}
