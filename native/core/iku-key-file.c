/* SPDX-License-Identifier: GPL-3.0-or-later
 * Strict hand-written key files; see iku-key-file.h. */
#include "iku-key-file.h"

#include <string.h>

G_DEFINE_QUARK (iku-key-file-error-quark, iku_key_file_error)

static gboolean
is_known (const char * const *keys, const char *key)
{
  for (gsize i = 0; keys[i] != NULL; i++)
    if (strcmp (keys[i], key) == 0)
      return TRUE;
  return FALSE;
}

/* "Organisation, Logo og Mappe" */
static char *
dup_key_list (const char * const *keys)
{
  GString *s = g_string_new (NULL);
  guint n = g_strv_length ((char **) keys);
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (s, i + 1 == n ? " og " : ", ");
      g_string_append (s, keys[i]);
    }
  return g_string_free (s, FALSE);
}

/* The first line (1-based) of @data that holds invalid UTF-8. */
static guint
first_bad_line (const char *data, gsize len)
{
  const char *end = NULL;
  g_utf8_validate_len (data, len, &end);
  guint line = 1;
  for (const char *p = data; p < end; p++)
    line += *p == '\n';
  return line;
}

/* Checks every line of @data; see iku_key_file_load(). */
static gboolean
check_lines (const char *data, gsize len, const char *name, const char *what,
             const char *group, const char * const *keys, GError **error)
{
  g_auto(GStrv) lines = g_strsplit (data, "\n", -1);
  gboolean in_group = FALSE;
  for (guint i = 0; lines[i] != NULL; i++)
    {
      guint line = i + 1;
      char *text = g_strstrip (lines[i]);   /* also drops a '\r' */
      if (*text == '\0' || *text == '#')
        continue;
      if (*text == '[')
        {
          gsize n = strlen (text);
          if (n < 2 || text[n - 1] != ']')
            {
              g_set_error (error, IKU_KEY_FILE_ERROR, IKU_KEY_FILE_ERROR_SYNTAX,
                           "%s »%s«, linje %u: »%s« er ikke en gyldig afsnitsoverskrift. "
                           "Skriv [%s] på linjen.", what, name, line, text, group);
              return FALSE;
            }
          text[n - 1] = '\0';
          if (strcmp (g_strstrip (text + 1), group) != 0)
            {
              g_set_error (error, IKU_KEY_FILE_ERROR, IKU_KEY_FILE_ERROR_UNKNOWN,
                           "%s »%s«, linje %u: afsnittet [%s] kendes ikke. Filen må kun have "
                           "afsnittet [%s].", what, name, line, text + 1, group);
              return FALSE;
            }
          in_group = TRUE;
          continue;
        }
      const char *eq = strchr (text, '=');
      if (eq == NULL || eq == text)
        {
          g_set_error (error, IKU_KEY_FILE_ERROR, IKU_KEY_FILE_ERROR_SYNTAX,
                       "%s »%s«, linje %u: »%s« kan ikke forstås. Hver linje skal være "
                       "»Navn=værdi«, en overskrift som [%s] eller en kommentar, der begynder "
                       "med #.", what, name, line, text, group);
          return FALSE;
        }
      g_autofree char *key = g_strndup (text, (gsize) (eq - text));
      g_strchomp (key);
      if (!in_group)
        {
          g_set_error (error, IKU_KEY_FILE_ERROR, IKU_KEY_FILE_ERROR_SYNTAX,
                       "%s »%s«, linje %u: »%s« står før afsnittet [%s]. Skriv [%s] på en "
                       "linje for sig over den.", what, name, line, key, group, group);
          return FALSE;
        }
      if (!is_known (keys, key))
        {
          g_autofree char *known = dup_key_list (keys);
          g_set_error (error, IKU_KEY_FILE_ERROR, IKU_KEY_FILE_ERROR_UNKNOWN,
                       "%s »%s«, linje %u: »%s« kendes ikke. Kontrollér stavemåden; "
                       "de mulige navne er %s.", what, name, line, key, known);
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * iku_key_file_load_data:
 * Returns: (transfer full): the key file, or NULL with @error set.
 */
GKeyFile *
iku_key_file_load_data (const char *data, gsize len, const char *name, const char *what,
                        const char *group, const char * const *keys, GError **error)
{
  g_return_val_if_fail (data != NULL && name != NULL && what != NULL, NULL);
  g_return_val_if_fail (group != NULL && keys != NULL, NULL);
  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  if (!g_utf8_validate_len (data, len, NULL))
    {
      g_set_error (error, IKU_KEY_FILE_ERROR, IKU_KEY_FILE_ERROR_UNREADABLE,
                   "%s »%s«, linje %u: teksten er ikke UTF-8 (eller filen har et nultegn). "
                   "Gem filen som UTF-8, og prøv igen.", what, name, first_bad_line (data, len));
      return NULL;
    }
  g_autofree char *text = g_strndup (data, len);
  if (!check_lines (text, len, name, what, group, keys, error))
    return NULL;
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local = NULL;
  if (!g_key_file_load_from_data (file, text, len, G_KEY_FILE_NONE, &local))
    {
      /* check_lines() accepts only what GKeyFile reads; this is a safety net. */
      g_set_error (error, IKU_KEY_FILE_ERROR, IKU_KEY_FILE_ERROR_SYNTAX,
                   "%s »%s« kan ikke læses: %s.", what, name, local->message);
      return NULL;
    }
  return g_steal_pointer (&file);
}

/**
 * iku_key_file_load:
 * Returns: (transfer full): the key file, or NULL with @error set.
 */
GKeyFile *
iku_key_file_load (const char *path, const char *what, const char *group,
                   const char * const *keys, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_autofree char *display = g_filename_display_name (path);
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GError) local = NULL;
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR)
      || (mapped = g_mapped_file_new (path, FALSE, &local)) == NULL)
    {
      g_set_error (error, IKU_KEY_FILE_ERROR, IKU_KEY_FILE_ERROR_UNREADABLE,
                   "%s »%s« findes ikke eller kan ikke læses. Kontrollér stien.",
                   what, display);
      return NULL;
    }
  gsize len = g_mapped_file_get_length (mapped);
  if (len > IKU_KEY_FILE_MAX_BYTES)
    {
      g_set_error (error, IKU_KEY_FILE_ERROR, IKU_KEY_FILE_ERROR_UNREADABLE,
                   "%s »%s« er for stor (over %u kB); den skal kun have nogle få linjer.",
                   what, display, IKU_KEY_FILE_MAX_BYTES / 1024);
      return NULL;
    }
  const char *data = len > 0 ? g_mapped_file_get_contents (mapped) : "";
  return iku_key_file_load_data (data, len, display, what, group, keys, error);
}
