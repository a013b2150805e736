/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuSettings: what a municipality chooses for its IKUs — organisation, logo,
 * wording file, folder, file name pattern and the extra outputs — the same for
 * the extension (configuration /org.ikuflet.Settings) and the CLI (a key file
 * with group [ikuflet] and the same key names). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IKU_SETTINGS_ERROR (iku_settings_error_quark ())
typedef enum {
  IKU_SETTINGS_ERROR_FILE,      /* the settings file is missing, broken or has unknown keys */
  IKU_SETTINGS_ERROR_VALUE,     /* a value that cannot be used (a yes/no that is neither) */
  IKU_SETTINGS_ERROR_LOGO,      /* the logo is missing, too big or no PNG/JPEG */
  IKU_SETTINGS_ERROR_TEXTS,     /* the wording file is missing or broken */
  IKU_SETTINGS_ERROR_FOLDER,    /* the folder cannot be used or made */
} IkuSettingsError;
GQuark iku_settings_error_quark (void);

/* The group and key names, in the key file and in the configuration. */
#define IKU_SETTINGS_GROUP            "ikuflet"
#define IKU_SETTINGS_KEY_ORGANISATION "Organisation"
#define IKU_SETTINGS_KEY_LOGO         "Logo"
#define IKU_SETTINGS_KEY_TEXTS        "Tekster"
#define IKU_SETTINGS_KEY_FOLDER       "Mappe"
#define IKU_SETTINGS_KEY_NAME_PATTERN "Filnavn"
#define IKU_SETTINGS_KEY_TEAM_PLAN    "Teamudviklingsplan"
#define IKU_SETTINGS_KEY_COMBINED     "Samlet"

/* Longest organisation name printed in the IKU's header. */
#define IKU_SETTINGS_MAX_ORGANISATION_CHARS 120

typedef struct _IkuSettings IkuSettings;

IkuSettings *iku_settings_new  (void);
IkuSettings *iku_settings_copy (const IkuSettings *s);
void         iku_settings_free (IkuSettings *s);

/* Setters copy; NULL or "" means the default. Paths are system paths (file:
 * URLs accepted). */
void iku_settings_set_organisation (IkuSettings *s, const char *organisation);
void iku_settings_set_logo         (IkuSettings *s, const char *path);   /* PNG or JPEG */
void iku_settings_set_texts        (IkuSettings *s, const char *path);   /* wording override */
/* "" beside the schema; relative: a subfolder of the schema's folder, created
 * when missing; absolute (also "C:\..." and "\\server\..."): that fixed folder. */
void iku_settings_set_folder       (IkuSettings *s, const char *folder);
void iku_settings_set_name_pattern (IkuSettings *s, const char *pattern); /* default "IKU - {navn}" */
void iku_settings_set_team_plan    (IkuSettings *s, gboolean on);
void iku_settings_set_combined     (IkuSettings *s, gboolean on);

/* Getters borrow; NULL when not set (the pattern is never NULL). */
const char *iku_settings_get_organisation (const IkuSettings *s);
const char *iku_settings_get_logo         (const IkuSettings *s);
const char *iku_settings_get_texts        (const IkuSettings *s);
const char *iku_settings_get_folder       (const IkuSettings *s);
const char *iku_settings_get_name_pattern (const IkuSettings *s);
gboolean    iku_settings_get_team_plan    (const IkuSettings *s);
gboolean    iku_settings_get_combined     (const IkuSettings *s);

/* Sets what the key file @path says (keys it leaves out keep their value).
 * Relative Logo and Tekster paths are relative to the file's folder. Unknown
 * keys or groups and broken lines fail with a message naming file and line. */
gboolean iku_settings_load_file (IkuSettings *s,
                                 const char  *path,
                                 GError     **error) G_GNUC_WARN_UNUSED_RESULT;
/* The same for text in memory; @name names it in messages, @base_dir is where
 * relative paths start (NULL: the current folder). */
gboolean iku_settings_load_data (IkuSettings *s,
                                 const char  *data,
                                 gsize        len,
                                 const char  *name,
                                 const char  *base_dir,
                                 GError     **error) G_GNUC_WARN_UNUSED_RESULT;

gboolean iku_settings_check_name_pattern (const char *pattern,
                                          GError    **error);
/* The file name @pattern gives for a sample employee, e.g. "IKU - Anna
 * Jensen.pdf"; NULL if the pattern is invalid. (transfer full) */
char    *iku_settings_preview_file_name  (const char *pattern);

/* Checks the pattern, the organisation, the logo and the wording file. */
gboolean iku_settings_validate (const IkuSettings *s,
                                GError           **error) G_GNUC_WARN_UNUSED_RESULT;

/* The folder the IKUs of a schema in @schema_dir go to; a subfolder is created
 * when missing. Returns: (transfer full): the folder, or NULL with @error. */
char    *iku_settings_resolve_folder (const IkuSettings *s,
                                      const char        *schema_dir,
                                      GError           **error) G_GNUC_WARN_UNUSED_RESULT;

/* The settings as key file text (every key), for --print-settings. (transfer full) */
char    *iku_settings_to_data (const IkuSettings *s);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuSettings, iku_settings_free)

G_END_DECLS
