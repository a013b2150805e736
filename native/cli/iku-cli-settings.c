/* SPDX-License-Identifier: GPL-3.0-or-later
 * The settings options of the command line; see iku-cli-settings.h. */
#include "iku-cli-settings.h"

struct _IkuCliSettings
{
  char        *file;
  char        *organisation;
  char        *logo;
  char        *texts;
  char        *name_pattern;
  gboolean     print;
  GOptionEntry entries[7];
};

IkuCliSettings *
iku_cli_settings_new (void)
{
  IkuCliSettings *cs = g_new0 (IkuCliSettings, 1);
  const GOptionEntry entries[] = {
    { "settings", 0, 0, G_OPTION_ARG_FILENAME, &cs->file,
      "Brug indstillingerne i FIL (afsnittet [ikuflet] med Organisation, Logo, Tekster, Mappe, "
      "Filnavn, Teamudviklingsplan og Samlet); flagene herunder går forud for filen", "FIL" },
    { "organisation", 0, 0, G_OPTION_ARG_STRING, &cs->organisation,
      "Organisationens navn øverst i IKU'en, fx »Randers Kommune«", "NAVN" },
    { "logo", 0, 0, G_OPTION_ARG_FILENAME, &cs->logo,
      "Logo øverst på første side (PNG eller JPEG, højst 5 MB og 3000 × 3000 punkter)", "FIL" },
    { "texts", 0, 0, G_OPTION_ARG_FILENAME, &cs->texts,
      "Egne tekster i IKU'en: en fil med nøglerne fra iku-tekster.ini (de, der mangler, "
      "beholder den oprindelige tekst)", "FIL" },
    { "name-pattern", 0, 0, G_OPTION_ARG_STRING, &cs->name_pattern,
      "Filnavnene, med felterne {navn}, {team}, {dato} og {år} (standard: »IKU - {navn}«)",
      "MØNSTER" },
    { "print-settings", 0, 0, G_OPTION_ARG_NONE, &cs->print,
      "Skriv de indstillinger, der gælder (fil og flag), i filens format, og slut", NULL },
    G_OPTION_ENTRY_NULL
  };
  G_STATIC_ASSERT (G_N_ELEMENTS (entries) == G_N_ELEMENTS (cs->entries));
  for (gsize i = 0; i < G_N_ELEMENTS (entries); i++)
    cs->entries[i] = entries[i];
  return cs;
}

void
iku_cli_settings_free (IkuCliSettings *cs)
{
  if (cs == NULL)
    return;
  g_free (cs->file);
  g_free (cs->organisation);
  g_free (cs->logo);
  g_free (cs->texts);
  g_free (cs->name_pattern);
  g_free (cs);
}

const GOptionEntry *
iku_cli_settings_entries (IkuCliSettings *cs)
{
  g_return_val_if_fail (cs != NULL, NULL);
  return cs->entries;
}

gboolean
iku_cli_settings_wants_print (const IkuCliSettings *cs)
{
  g_return_val_if_fail (cs != NULL, FALSE);
  return cs->print;
}

/* A path from the command line, made absolute so that --print-settings shows
 * what will be read wherever it is used from. */
static char *
dup_absolute (const char *path)
{
  return g_path_is_absolute (path) ? g_strdup (path) : g_canonicalize_filename (path, NULL);
}

/**
 * iku_cli_settings_build:
 * Returns: (transfer full): the settings in effect, or NULL with @error set.
 */
IkuSettings *
iku_cli_settings_build (const IkuCliSettings *cs, gboolean team_plan, gboolean combined,
                        GError **error)
{
  g_return_val_if_fail (cs != NULL, NULL);
  g_autoptr(IkuSettings) s = iku_settings_new ();
  if (cs->file != NULL && !iku_settings_load_file (s, cs->file, error))
    return NULL;
  if (cs->organisation != NULL)
    iku_settings_set_organisation (s, cs->organisation);
  if (cs->logo != NULL)
    {
      g_autofree char *logo = *cs->logo != '\0' ? dup_absolute (cs->logo) : NULL;
      iku_settings_set_logo (s, logo);
    }
  if (cs->texts != NULL)
    {
      g_autofree char *texts = *cs->texts != '\0' ? dup_absolute (cs->texts) : NULL;
      iku_settings_set_texts (s, texts);
    }
  if (cs->name_pattern != NULL)
    {
      g_autoptr(GError) local = NULL;
      if (!iku_settings_check_name_pattern (cs->name_pattern, &local))
        {
          g_set_error (error, IKU_SETTINGS_ERROR, IKU_SETTINGS_ERROR_VALUE, "--name-pattern: %s",
                       local->message);
          return NULL;
        }
      iku_settings_set_name_pattern (s, cs->name_pattern);
    }
  if (team_plan)
    iku_settings_set_team_plan (s, TRUE);
  if (combined)
    iku_settings_set_combined (s, TRUE);
  return g_steal_pointer (&s);
}
