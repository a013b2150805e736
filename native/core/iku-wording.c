/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuWording: the IKU's sentences from templates/iku-tekster.ini (GKeyFile). */
#include "iku-wording.h"
#include "iku-key-file.h"

#include <string.h>

G_DEFINE_QUARK (iku-wording-error-quark, iku_wording_error)

#define GROUP "IKU"

/* Key names in the file, by IkuTextId. */
static const char *const keys[IKU_N_TEXTS] = {
  [IKU_TEXT_TITLE] = "Titel",
  [IKU_TEXT_LABEL_EMPLOYEE] = "Medarbejder",
  [IKU_TEXT_LABEL_TEAM] = "Team",
  [IKU_TEXT_LABEL_LEADER] = "Leder",
  [IKU_TEXT_LABEL_DATE] = "Dato",
  [IKU_TEXT_HEADING_TEAM] = "Teamfokus",
  [IKU_TEXT_HEADING_INDIVIDUAL] = "IndividueltFokus",
  [IKU_TEXT_NONE_TEAM] = "IngenTeamfokus",
  [IKU_TEXT_NONE_INDIVIDUAL] = "IngenIndividueltFokus",
  [IKU_TEXT_HEADING_APPROVAL] = "Godkendelse",
  [IKU_TEXT_APPROVAL] = "GodkendelseTekst",
  [IKU_TEXT_SIGN_EMPLOYEE] = "UnderskriftMedarbejder",
  [IKU_TEXT_SIGN_LEADER] = "UnderskriftLeder",
  [IKU_TEXT_FILING_NOTE] = "Arkivering",
  [IKU_TEXT_PAGE] = "Side",
  [IKU_TEXT_DOC_TITLE] = "Dokumenttitel",
  [IKU_TEXT_DOC_SUBJECT] = "Emne",
  [IKU_TEXT_PLAN_TITLE] = "Teamplan",
  [IKU_TEXT_PLAN_HEADING] = "TeamplanFokus",
  [IKU_TEXT_LABEL_FOLLOW_UP] = "Opfoelgning",
  [IKU_TEXT_PLAN_APPROVAL] = "TeamplanGodkendelse",
  [IKU_TEXT_SIGN_TEAM] = "UnderskriftTeam",
  [IKU_TEXT_PLAN_DOC_TITLE] = "TeamplanDokumenttitel",
  [IKU_TEXT_COMBINED_TITLE] = "Samlet",
  [IKU_TEXT_COMBINED_DOC_TITLE] = "SamletDokumenttitel",
};

struct _IkuWording
{
  char *texts[IKU_N_TEXTS];
};

void
iku_wording_free (IkuWording *wording)
{
  if (wording == NULL)
    return;
  for (int i = 0; i < IKU_N_TEXTS; i++)
    g_free (wording->texts[i]);
  g_free (wording);
}

static IkuWording *
wording_from_key_file (GKeyFile *file, const char *source, GError **error)
{
  g_autoptr(IkuWording) wording = g_new0 (IkuWording, 1);
  for (int i = 0; i < IKU_N_TEXTS; i++)
    {
      g_autoptr(GError) local = NULL;
      char *text = g_key_file_get_string (file, GROUP, keys[i], &local);
      if (text == NULL || *g_strstrip (text) == '\0')
        {
          g_free (text);
          g_set_error (error, IKU_WORDING_ERROR, IKU_WORDING_ERROR_MISSING_KEY,
                       "Tekstfilen »%s« mangler teksten »%s« i afsnittet [%s]. "
                       "Tilføj linjen »%s=…«, eller brug den oprindelige fil.",
                       source, keys[i], GROUP, keys[i]);
          return NULL;
        }
      wording->texts[i] = text;
    }
  return g_steal_pointer (&wording);
}

/**
 * iku_wording_new_from_data:
 * Returns: (transfer full): the wording, or NULL with @error set.
 */
IkuWording *
iku_wording_new_from_data (const char *data, gsize len, GError **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local = NULL;
  if (!g_key_file_load_from_data (file, data, len, G_KEY_FILE_NONE, &local))
    {
      g_set_error (error, IKU_WORDING_ERROR, IKU_WORDING_ERROR_UNREADABLE,
                   "IKU'ernes tekstfil kan ikke læses: %s.", local->message);
      return NULL;
    }
  return wording_from_key_file (file, "iku-tekster.ini", error);
}

/**
 * iku_wording_new_from_file:
 * Returns: (transfer full): the wording, or NULL with @error set.
 */
IkuWording *
iku_wording_new_from_file (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(GError) local = NULL;
  g_autofree char *base = g_path_get_basename (path);
  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &local))
    {
      g_set_error (error, IKU_WORDING_ERROR, IKU_WORDING_ERROR_UNREADABLE,
                   "IKU'ernes tekstfil »%s« kan ikke læses: %s. Kontrollér, at filen findes "
                   "og er gemt som UTF-8.", path, local->message);
      return NULL;
    }
  return wording_from_key_file (file, base, error);
}

static GKeyFile *
load_override (const char *path, GError **error)
{
  const char *names[IKU_N_TEXTS + 1];
  for (int i = 0; i < IKU_N_TEXTS; i++)
    names[i] = keys[i];
  names[IKU_N_TEXTS] = NULL;
  g_autoptr(GError) local = NULL;
  GKeyFile *file = iku_key_file_load (path, "Tekstfilen", GROUP, names, &local);
  if (file == NULL)
    g_set_error_literal (error, IKU_WORDING_ERROR, IKU_WORDING_ERROR_UNREADABLE, local->message);
  return file;
}

/* The override's text for @key: NULL when absent or empty, FALSE on a value
 * GKeyFile cannot read (a bad escape). */
static gboolean
get_override (GKeyFile *file, const char *key, const char *path, char **text, GError **error)
{
  *text = NULL;
  if (!g_key_file_has_key (file, GROUP, key, NULL))
    return TRUE;
  g_autoptr(GError) local = NULL;
  char *value = g_key_file_get_string (file, GROUP, key, &local);
  if (value == NULL)
    {
      g_autofree char *display = g_filename_display_name (path);
      g_set_error (error, IKU_WORDING_ERROR, IKU_WORDING_ERROR_UNREADABLE,
                   "Tekstfilen »%s«: teksten %s kan ikke læses (%s). Et \\ skal skrives som \\\\.",
                   display, key, local->message);
      return FALSE;
    }
  if (*g_strstrip (value) == '\0')
    g_clear_pointer (&value, g_free);
  *text = value;
  return TRUE;
}

/**
 * iku_wording_new_override:
 * Returns: (transfer full): @base's wording with the file's texts instead, or
 * NULL with @error set.
 */
IkuWording *
iku_wording_new_override (const IkuWording *base, const char *path, GError **error)
{
  g_return_val_if_fail (base != NULL && path != NULL, NULL);
  g_autoptr(GKeyFile) file = load_override (path, error);
  if (file == NULL)
    return NULL;
  g_autoptr(IkuWording) wording = g_new0 (IkuWording, 1);
  for (int i = 0; i < IKU_N_TEXTS; i++)
    {
      if (!get_override (file, keys[i], path, &wording->texts[i], error))
        return NULL;
      if (wording->texts[i] == NULL)
        wording->texts[i] = g_strdup (base->texts[i]);
    }
  return g_steal_pointer (&wording);
}

gboolean
iku_wording_check_override (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_autoptr(GKeyFile) file = load_override (path, error);
  if (file == NULL)
    return FALSE;
  for (int i = 0; i < IKU_N_TEXTS; i++)
    {
      g_autofree char *text = NULL;
      if (!get_override (file, keys[i], path, &text, error))
        return FALSE;
    }
  return TRUE;
}

const char *
iku_wording_get (const IkuWording *wording, IkuTextId id)
{
  g_return_val_if_fail (wording != NULL, NULL);
  g_return_val_if_fail (id >= 0 && id < IKU_N_TEXTS, NULL);
  return wording->texts[id];
}

/**
 * iku_wording_format:
 * Returns: (transfer full): the text @id with "%1" replaced by @arg1 and "%2" by
 * @arg2 (empty when NULL); "%%" gives "%".
 */
char *
iku_wording_format (const IkuWording *wording, IkuTextId id, const char *arg1, const char *arg2)
{
  const char *text = iku_wording_get (wording, id);
  g_return_val_if_fail (text != NULL, NULL);
  GString *out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '%' && (p[1] == '1' || p[1] == '2'))
        {
          const char *arg = p[1] == '1' ? arg1 : arg2;
          g_string_append (out, arg != NULL ? arg : "");
          p++;
        }
      else if (p[0] == '%' && p[1] == '%')
        {
          g_string_append_c (out, '%');
          p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}
