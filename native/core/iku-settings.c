/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuSettings; see iku-settings.h. */
#include "iku-settings.h"
#include "iku-file-name.h"
#include "iku-key-file.h"
#include "iku-logo.h"
#include "iku-name-pattern.h"
#include "iku-system-error.h"
#include "iku-text.h"
#include "iku-wording.h"

#include <glib/gstdio.h>
#include <errno.h>
#include <string.h>

G_DEFINE_QUARK (iku-settings-error-quark, iku_settings_error)

#define WHAT "Indstillingsfilen"

struct _IkuSettings
{
  char    *organisation;
  char    *logo;
  char    *texts;
  char    *folder;
  char    *name_pattern;
  gboolean team_plan;
  gboolean combined;
};

static const char *const keys[] = {
  IKU_SETTINGS_KEY_ORGANISATION, IKU_SETTINGS_KEY_LOGO, IKU_SETTINGS_KEY_TEXTS,
  IKU_SETTINGS_KEY_FOLDER, IKU_SETTINGS_KEY_NAME_PATTERN, IKU_SETTINGS_KEY_TEAM_PLAN,
  IKU_SETTINGS_KEY_COMBINED, NULL
};

IkuSettings *
iku_settings_new (void)
{
  IkuSettings *s = g_new0 (IkuSettings, 1);
  s->name_pattern = g_strdup (IKU_NAME_PATTERN_DEFAULT);
  return s;
}

IkuSettings *
iku_settings_copy (const IkuSettings *s)
{
  g_return_val_if_fail (s != NULL, NULL);
  IkuSettings *c = g_new0 (IkuSettings, 1);
  c->organisation = g_strdup (s->organisation);
  c->logo = g_strdup (s->logo);
  c->texts = g_strdup (s->texts);
  c->folder = g_strdup (s->folder);
  c->name_pattern = g_strdup (s->name_pattern);
  c->team_plan = s->team_plan;
  c->combined = s->combined;
  return c;
}

void
iku_settings_free (IkuSettings *s)
{
  if (s == NULL)
    return;
  g_free (s->organisation);
  g_free (s->logo);
  g_free (s->texts);
  g_free (s->folder);
  g_free (s->name_pattern);
  g_free (s);
}

/* NULL for NULL or "" (after trimming white space). */
static char *
dup_value (const char *value)
{
  if (value == NULL)
    return NULL;
  g_autofree char *copy = g_strstrip (g_strdup (value));
  return *copy != '\0' ? g_steal_pointer (&copy) : NULL;
}

/* A system path from a path or a file: URL; NULL for NULL or "". */
static char *
dup_path (const char *value)
{
  g_autofree char *v = dup_value (value);
  if (v != NULL && g_ascii_strncasecmp (v, "file:", 5) == 0)
    {
      char *path = g_filename_from_uri (v, NULL, NULL);
      if (path != NULL)
        return path;
    }
  return g_steal_pointer (&v);
}

static void
replace (char **field, char *value)
{
  g_free (*field);
  *field = value;
}

void
iku_settings_set_organisation (IkuSettings *s, const char *organisation)
{
  g_return_if_fail (s != NULL);
  replace (&s->organisation, dup_value (organisation));
}

void
iku_settings_set_logo (IkuSettings *s, const char *path)
{
  g_return_if_fail (s != NULL);
  replace (&s->logo, dup_path (path));
}

void
iku_settings_set_texts (IkuSettings *s, const char *path)
{
  g_return_if_fail (s != NULL);
  replace (&s->texts, dup_path (path));
}

void
iku_settings_set_folder (IkuSettings *s, const char *folder)
{
  g_return_if_fail (s != NULL);
  replace (&s->folder, dup_path (folder));
}

void
iku_settings_set_name_pattern (IkuSettings *s, const char *pattern)
{
  g_return_if_fail (s != NULL);
  /* Spaces at the ends are kept out of file names anyway. */
  char *v = dup_value (pattern);
  replace (&s->name_pattern, v != NULL ? v : g_strdup (IKU_NAME_PATTERN_DEFAULT));
}

void
iku_settings_set_team_plan (IkuSettings *s, gboolean on)
{
  g_return_if_fail (s != NULL);
  s->team_plan = !!on;
}

void
iku_settings_set_combined (IkuSettings *s, gboolean on)
{
  g_return_if_fail (s != NULL);
  s->combined = !!on;
}

const char *
iku_settings_get_organisation (const IkuSettings *s)
{
  g_return_val_if_fail (s != NULL, NULL);
  return s->organisation;
}

const char *
iku_settings_get_logo (const IkuSettings *s)
{
  g_return_val_if_fail (s != NULL, NULL);
  return s->logo;
}

const char *
iku_settings_get_texts (const IkuSettings *s)
{
  g_return_val_if_fail (s != NULL, NULL);
  return s->texts;
}

const char *
iku_settings_get_folder (const IkuSettings *s)
{
  g_return_val_if_fail (s != NULL, NULL);
  return s->folder;
}

const char *
iku_settings_get_name_pattern (const IkuSettings *s)
{
  g_return_val_if_fail (s != NULL, NULL);
  return s->name_pattern;
}

gboolean
iku_settings_get_team_plan (const IkuSettings *s)
{
  g_return_val_if_fail (s != NULL, FALSE);
  return s->team_plan;
}

gboolean
iku_settings_get_combined (const IkuSettings *s)
{
  g_return_val_if_fail (s != NULL, FALSE);
  return s->combined;
}

/* "C:\x", "C:/x", "\\server\share" and "/x" are absolute wherever ikuflet runs:
 * a settings file written on Windows must not make a folder named "C:\x"
 * beside the schema on Linux. */
static gboolean
is_absolute (const char *path)
{
  if (g_path_is_absolute (path))
    return TRUE;
  if (g_ascii_isalpha (path[0]) && path[1] == ':' && (path[2] == '\\' || path[2] == '/'))
    return TRUE;
  return (path[0] == '\\' && path[1] == '\\') || path[0] == '/';
}

/* @value made absolute against @base_dir when it is a relative path. */
static char *
dup_path_in (const char *value, const char *base_dir)
{
  g_autofree char *path = dup_path (value);
  if (path == NULL || is_absolute (path) || base_dir == NULL)
    return g_steal_pointer (&path);
  return g_build_filename (base_dir, path, NULL);
}

static gboolean
read_string (GKeyFile *file, const char *key, const char *name, char **value, GError **error)
{
  *value = NULL;
  if (!g_key_file_has_key (file, IKU_SETTINGS_GROUP, key, NULL))
    return TRUE;
  g_autoptr(GError) local = NULL;
  *value = g_key_file_get_string (file, IKU_SETTINGS_GROUP, key, &local);
  if (*value == NULL)
    {
      g_set_error (error, IKU_SETTINGS_ERROR, IKU_SETTINGS_ERROR_VALUE,
                   "%s »%s«: værdien af %s kan ikke læses (%s).",
                   WHAT, name, key, local->message);
      return FALSE;
    }
  return TRUE;
}

/* Whether every run of backslashes in @raw has an even length, as in a value
 * that GKeyFile's escaping wrote: "C:\\x", "\\\\server\\share". */
static gboolean
looks_escaped (const char *raw)
{
  for (const char *p = raw; *p != '\0';)
    {
      gsize run = strspn (p, "\\");
      if (run % 2 != 0)
        return FALSE;
      p += run > 0 ? run : 1;
    }
  return TRUE;
}

/* A path as written: with single backslashes, as people write Windows paths
 * ("C:\Logoer\logo.png", "\\server\hr\logo.png"; GKeyFile would read "\L" as a
 * bad escape), or escaped as GKeyFile writes them. */
static gboolean
read_path (GKeyFile *file, const char *key, const char *name, char **value, GError **error)
{
  *value = NULL;
  if (!g_key_file_has_key (file, IKU_SETTINGS_GROUP, key, NULL))
    return TRUE;
  g_autofree char *raw = g_key_file_get_value (file, IKU_SETTINGS_GROUP, key, NULL);
  if (raw != NULL && (strchr (raw, '\\') == NULL || !looks_escaped (raw)))
    {
      *value = g_steal_pointer (&raw);
      return TRUE;
    }
  return read_string (file, key, name, value, error);
}

static gboolean
read_boolean (GKeyFile *file, const char *key, const char *name, gboolean *value, GError **error)
{
  if (!g_key_file_has_key (file, IKU_SETTINGS_GROUP, key, NULL))
    return TRUE;
  g_autoptr(GError) local = NULL;
  gboolean on = g_key_file_get_boolean (file, IKU_SETTINGS_GROUP, key, &local);
  if (local != NULL)
    {
      g_autofree char *raw = g_key_file_get_value (file, IKU_SETTINGS_GROUP, key, NULL);
      g_set_error (error, IKU_SETTINGS_ERROR, IKU_SETTINGS_ERROR_VALUE,
                   "%s »%s«: %s=%s kan ikke forstås. Skriv %s=true eller %s=false.",
                   WHAT, name, key, raw != NULL ? raw : "", key, key);
      return FALSE;
    }
  *value = on;
  return TRUE;
}

/* Sets what @file says; nothing changes when it fails. */
static gboolean
apply_key_file (IkuSettings *s, GKeyFile *file, const char *name, const char *base_dir,
                GError **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *organisation = NULL, *logo = NULL, *texts = NULL, *folder = NULL;
  g_autofree char *pattern = NULL;
  gboolean team_plan = s->team_plan, combined = s->combined;
  if (!read_string (file, IKU_SETTINGS_KEY_ORGANISATION, name, &organisation, error)
      || !read_path (file, IKU_SETTINGS_KEY_LOGO, name, &logo, error)
      || !read_path (file, IKU_SETTINGS_KEY_TEXTS, name, &texts, error)
      || !read_path (file, IKU_SETTINGS_KEY_FOLDER, name, &folder, error)
      || !read_string (file, IKU_SETTINGS_KEY_NAME_PATTERN, name, &pattern, error)
      || !read_boolean (file, IKU_SETTINGS_KEY_TEAM_PLAN, name, &team_plan, error)
      || !read_boolean (file, IKU_SETTINGS_KEY_COMBINED, name, &combined, error))
    return FALSE;
  if (pattern != NULL && !iku_name_pattern_check (pattern, &local))
    {
      g_set_error (error, IKU_SETTINGS_ERROR, IKU_SETTINGS_ERROR_VALUE, "%s »%s«: %s",
                   WHAT, name, local->message);
      return FALSE;
    }
  if (g_key_file_has_key (file, IKU_SETTINGS_GROUP, IKU_SETTINGS_KEY_ORGANISATION, NULL))
    iku_settings_set_organisation (s, organisation);
  if (g_key_file_has_key (file, IKU_SETTINGS_GROUP, IKU_SETTINGS_KEY_LOGO, NULL))
    replace (&s->logo, dup_path_in (logo, base_dir));
  if (g_key_file_has_key (file, IKU_SETTINGS_GROUP, IKU_SETTINGS_KEY_TEXTS, NULL))
    replace (&s->texts, dup_path_in (texts, base_dir));
  if (g_key_file_has_key (file, IKU_SETTINGS_GROUP, IKU_SETTINGS_KEY_FOLDER, NULL))
    iku_settings_set_folder (s, folder);
  if (g_key_file_has_key (file, IKU_SETTINGS_GROUP, IKU_SETTINGS_KEY_NAME_PATTERN, NULL))
    iku_settings_set_name_pattern (s, pattern);
  s->team_plan = team_plan;
  s->combined = combined;
  return TRUE;
}

/* A key file error as the settings' own. */
static gboolean
set_file_error (GError **error, const GError *local)
{
  g_set_error_literal (error, IKU_SETTINGS_ERROR, IKU_SETTINGS_ERROR_FILE, local->message);
  return FALSE;
}

/**
 * iku_settings_load_data:
 *
 * Sets what the key file text @data says; nothing changes when it fails.
 */
gboolean
iku_settings_load_data (IkuSettings *s, const char *data, gsize len, const char *name,
                        const char *base_dir, GError **error)
{
  g_return_val_if_fail (s != NULL && data != NULL && name != NULL, FALSE);
  g_autoptr(GError) local = NULL;
  g_autoptr(GKeyFile) file = iku_key_file_load_data (data, len, name, WHAT, IKU_SETTINGS_GROUP,
                                                     keys, &local);
  if (file == NULL)
    return set_file_error (error, local);
  return apply_key_file (s, file, name, base_dir, error);
}

/**
 * iku_settings_load_file:
 *
 * Sets what the key file @path says; nothing changes when it fails.
 */
gboolean
iku_settings_load_file (IkuSettings *s, const char *path, GError **error)
{
  g_return_val_if_fail (s != NULL && path != NULL, FALSE);
  g_autoptr(GError) local = NULL;
  g_autoptr(GKeyFile) file = iku_key_file_load (path, WHAT, IKU_SETTINGS_GROUP, keys, &local);
  if (file == NULL)
    return set_file_error (error, local);
  g_autofree char *display = g_filename_display_basename (path);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *abs_dir = g_path_is_absolute (dir) ? g_strdup (dir)
                                                      : g_canonicalize_filename (dir, NULL);
  return apply_key_file (s, file, display, abs_dir, error);
}

gboolean
iku_settings_check_name_pattern (const char *pattern, GError **error)
{
  return iku_name_pattern_check (pattern, error);
}

/**
 * iku_settings_preview_file_name:
 * Returns: (transfer full): the file name @pattern gives "Anna Jensen" of team
 * "Team Nord" in a talk today, or NULL when @pattern is invalid.
 */
char *
iku_settings_preview_file_name (const char *pattern)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = iku_text_format_date (now);
  g_autofree char *stem = iku_name_pattern_expand (pattern, "Anna Jensen", "Team Nord", date, NULL);
  return stem != NULL ? iku_file_name_for_stem (stem) : NULL;
}

/**
 * iku_settings_validate:
 *
 * Checks what can be checked before an export: the name pattern, the length of
 * the organisation name, the logo (PNG or JPEG, within the limits) and the
 * wording file. Returns FALSE with a Danish @error naming the setting.
 */
gboolean
iku_settings_validate (const IkuSettings *s, GError **error)
{
  g_return_val_if_fail (s != NULL, FALSE);
  g_autoptr(GError) local = NULL;
  if (!iku_name_pattern_check (s->name_pattern, error))
    return FALSE;
  if (s->organisation != NULL
      && (!g_utf8_validate (s->organisation, -1, NULL)
          || g_utf8_strlen (s->organisation, -1) > IKU_SETTINGS_MAX_ORGANISATION_CHARS))
    {
      g_set_error (error, IKU_SETTINGS_ERROR, IKU_SETTINGS_ERROR_VALUE,
                   "Organisationens navn er for langt (højst %u tegn). Forkort det.",
                   IKU_SETTINGS_MAX_ORGANISATION_CHARS);
      return FALSE;
    }
  if (s->logo != NULL)
    {
      g_autoptr(IkuLogo) logo = iku_logo_new_from_file (s->logo, &local);
      if (logo == NULL)
        {
          g_set_error_literal (error, IKU_SETTINGS_ERROR, IKU_SETTINGS_ERROR_LOGO, local->message);
          return FALSE;
        }
    }
  if (s->texts != NULL)
    {
      if (!iku_wording_check_override (s->texts, &local))
        {
          g_set_error_literal (error, IKU_SETTINGS_ERROR, IKU_SETTINGS_ERROR_TEXTS, local->message);
          return FALSE;
        }
    }
  return TRUE;
}

/* Whether @folder has a ".." part (it would leave the schema's folder). */
static gboolean
climbs_out (const char *folder)
{
  g_auto(GStrv) parts = g_regex_split_simple ("[/\\\\]", folder, 0, 0);
  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (g_strstrip (parts[i]), "..") == 0)
      return TRUE;
  return FALSE;
}

/**
 * iku_settings_resolve_folder:
 * Returns: (transfer full): the folder for the IKUs of a schema in @schema_dir:
 * @schema_dir itself, a subfolder of it (created when missing) or the fixed
 * folder, which must exist; NULL with @error when it cannot be used.
 */
char *
iku_settings_resolve_folder (const IkuSettings *s, const char *schema_dir, GError **error)
{
  g_return_val_if_fail (s != NULL && schema_dir != NULL, NULL);
  if (s->folder == NULL)
    return g_strdup (schema_dir);
  if (is_absolute (s->folder))
    {
      if (!g_file_test (s->folder, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, IKU_SETTINGS_ERROR, IKU_SETTINGS_ERROR_FOLDER,
                       "Mappen »%s« (indstillingen Mappe) findes ikke. Opret den, eller vælg "
                       "en anden mappe i indstillingerne.", s->folder);
          return NULL;
        }
      return g_strdup (s->folder);
    }
  if (climbs_out (s->folder))
    {
      g_set_error (error, IKU_SETTINGS_ERROR, IKU_SETTINGS_ERROR_FOLDER,
                   "Mappen »%s« (indstillingen Mappe) må ikke gå op over skemaets mappe (..). "
                   "Skriv navnet på en undermappe, fx »IKU 2026«, eller en fuld sti.", s->folder);
      return NULL;
    }
  g_autofree char *folder = g_build_filename (schema_dir, s->folder, NULL);
  if (g_mkdir_with_parents (folder, 0777) != 0)
    {
      int saved = errno;
      g_set_error (error, IKU_SETTINGS_ERROR, IKU_SETTINGS_ERROR_FOLDER,
                   "Mappen »%s« kunne ikke oprettes: %s.", folder, iku_system_error_text (saved));
      return NULL;
    }
  return g_steal_pointer (&folder);
}

/* A path as read_path() reads it back: as it is, unless it would look
 * escaped (every run of backslashes even, "a\\b") or holds a line break; then
 * escaped. */
static void
set_path (GKeyFile *file, const char *key, const char *path)
{
  const char *value = path != NULL ? path : "";
  if ((strchr (value, '\\') != NULL && looks_escaped (value)) || strpbrk (value, "\r\n") != NULL)
    g_key_file_set_string (file, IKU_SETTINGS_GROUP, key, value);
  else
    g_key_file_set_value (file, IKU_SETTINGS_GROUP, key, value);
}

/**
 * iku_settings_to_data:
 * Returns: (transfer full): every setting as key file text, as
 * iku_settings_load_data() reads it.
 */
char *
iku_settings_to_data (const IkuSettings *s)
{
  g_return_val_if_fail (s != NULL, NULL);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_key_file_set_string (file, IKU_SETTINGS_GROUP, IKU_SETTINGS_KEY_ORGANISATION,
                         s->organisation != NULL ? s->organisation : "");
  set_path (file, IKU_SETTINGS_KEY_LOGO, s->logo);
  set_path (file, IKU_SETTINGS_KEY_TEXTS, s->texts);
  set_path (file, IKU_SETTINGS_KEY_FOLDER, s->folder);
  g_key_file_set_string (file, IKU_SETTINGS_GROUP, IKU_SETTINGS_KEY_NAME_PATTERN, s->name_pattern);
  g_key_file_set_boolean (file, IKU_SETTINGS_GROUP, IKU_SETTINGS_KEY_TEAM_PLAN, s->team_plan);
  g_key_file_set_boolean (file, IKU_SETTINGS_GROUP, IKU_SETTINGS_KEY_COMBINED, s->combined);
  return g_key_file_to_data (file, NULL, NULL);
}
