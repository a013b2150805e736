/* SPDX-License-Identifier: GPL-3.0-or-later
 * The Options page (see iku-uno-options-page.h).
 *
 * Mappe in the configuration and the page's three folder choices:
 *   ""                              "I samme mappe som skemaet"  (FolderBeside)
 *   a relative name ("IKU 2026")    "I en undermappe:"           (FolderSub + Subfolder)
 *   an absolute path or file URL    "I en fast mappe:"           (FolderFixed + FixedFolder)
 * as iku_settings_set_folder() reads it. */
#include "iku-uno-options-page.h"

#include <string.h>

#include "iku-settings.h"
#include "iku-uno-options-controls.h"
#include "iku-uno-options-dialogs.h"
#include "iku-uno-options-l10n.h"
#include "iku-uno-path.h"

G_DEFINE_QUARK (iku-uno-options-page-error-quark, iku_uno_options_page_error)

/* The text field of each text option, and the controls a lock disables with it. */
typedef struct {
  IkuUnoOption option;
  const char  *field;
  const char  *browse;   /* NULL: no button */
} TextControl;

static const TextControl text_controls[] = {
  { IKU_UNO_OPTION_ORGANISATION, "Organisation", NULL },
  { IKU_UNO_OPTION_LOGO, "Logo", "LogoBrowse" },
  { IKU_UNO_OPTION_TEXTS, "Texts", "TextsBrowse" },
  { IKU_UNO_OPTION_PATTERN, "Pattern", NULL },
};

static const struct {
  IkuUnoOption option;
  const char  *box;
} check_controls[] = {
  { IKU_UNO_OPTION_TEAM_PLAN, "TeamPlan" },
  { IKU_UNO_OPTION_COMBINED, "Combined" },
};

#define FOLDER_BESIDE "FolderBeside"
#define FOLDER_SUB "FolderSub"
#define FOLDER_FIXED "FolderFixed"
#define SUBFOLDER_FIELD "Subfolder"
#define FIXED_FOLDER_FIELD "FixedFolder"
#define FOLDER_BROWSE "FolderBrowse"
#define PATTERN_FIELD "Pattern"
#define PREVIEW_LABEL "Preview"

typedef enum { FOLDER_IS_BESIDE, FOLDER_IS_SUB, FOLDER_IS_FIXED } FolderChoice;

static FolderChoice
folder_choice_of (const char *mappe)
{
  if (*mappe == '\0')
    return FOLDER_IS_BESIDE;
  if (g_ascii_strncasecmp (mappe, "file:", 5) == 0 || g_path_is_absolute (mappe))
    return FOLDER_IS_FIXED;
  return FOLDER_IS_SUB;
}

static gboolean
show_folder (uno_Interface       *page,
             const IkuUnoOptions *options,
             GError             **error)
{
  const char *mappe = iku_uno_options_get_string (options, IKU_UNO_OPTION_FOLDER);
  FolderChoice choice = folder_choice_of (mappe);
  gboolean locked = iku_uno_options_is_locked (options, IKU_UNO_OPTION_FOLDER);
  g_autofree char *fixed = choice == FOLDER_IS_FIXED ? iku_uno_path_from_text (mappe) : NULL;
  const char * const radios[] = { FOLDER_BESIDE, FOLDER_SUB, FOLDER_FIXED };

  for (guint i = 0; i < G_N_ELEMENTS (radios); i++)
    if (!iku_uno_controls_set_checked (page, radios[i], (FolderChoice) i == choice, error) ||
        !iku_uno_controls_set_enabled (page, radios[i], !locked, error))
      return FALSE;
  return iku_uno_controls_set_text (page, SUBFOLDER_FIELD, choice == FOLDER_IS_SUB ? mappe : "",
                                    error) &&
         iku_uno_controls_set_text (page, FIXED_FOLDER_FIELD,
                                    choice == FOLDER_IS_FIXED ? (fixed != NULL ? fixed : mappe) : "",
                                    error) &&
         iku_uno_options_page_update_folder (page, error);
}

gboolean
iku_uno_options_page_load (uno_Interface *context,
                           uno_Interface *page,
                           IkuUnoLang     lang,
                           GError       **error)
{
  g_autoptr(IkuUnoOptions) options = NULL;

  if (!iku_uno_controls_set_language (page, lang, error))
    return FALSE;
  options = iku_uno_options_config_read (context, error);
  if (options == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (text_controls); i++)
    {
      const TextControl *c = &text_controls[i];
      gboolean locked = iku_uno_options_is_locked (options, c->option);

      if (!iku_uno_controls_set_text (page, c->field, iku_uno_options_get_string (options, c->option),
                                      error) ||
          !iku_uno_controls_set_enabled (page, c->field, !locked, error) ||
          (c->browse != NULL && !iku_uno_controls_set_enabled (page, c->browse, !locked, error)))
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (check_controls); i++)
    if (!iku_uno_controls_set_checked (page, check_controls[i].box,
                                       iku_uno_options_get_boolean (options, check_controls[i].option),
                                       error) ||
        !iku_uno_controls_set_enabled (page, check_controls[i].box,
                                       !iku_uno_options_is_locked (options, check_controls[i].option),
                                       error))
      return FALSE;
  return show_folder (page, options, error) &&
         iku_uno_options_page_update_preview (page, lang, error);
}

/* The chosen folder radio button. */
static gboolean
read_folder_choice (uno_Interface *page,
                    FolderChoice  *choice,
                    GError       **error)
{
  gboolean sub = FALSE, fixed = FALSE;

  if (!iku_uno_controls_get_checked (page, FOLDER_SUB, &sub, error) ||
      !iku_uno_controls_get_checked (page, FOLDER_FIXED, &fixed, error))
    return FALSE;
  *choice = sub ? FOLDER_IS_SUB : fixed ? FOLDER_IS_FIXED : FOLDER_IS_BESIDE;
  return TRUE;
}

gboolean
iku_uno_options_page_update_folder (uno_Interface *page,
                                    GError       **error)
{
  FolderChoice choice;
  gboolean unlocked = FALSE;

  /* The radio buttons are disabled exactly when Mappe is locked. */
  if (!read_folder_choice (page, &choice, error) ||
      !iku_uno_controls_get_enabled (page, FOLDER_BESIDE, &unlocked, error))
    return FALSE;
  return iku_uno_controls_set_enabled (page, SUBFOLDER_FIELD, unlocked && choice == FOLDER_IS_SUB,
                                       error) &&
         iku_uno_controls_set_enabled (page, FIXED_FOLDER_FIELD,
                                       unlocked && choice == FOLDER_IS_FIXED, error) &&
         iku_uno_controls_set_enabled (page, FOLDER_BROWSE, unlocked && choice == FOLDER_IS_FIXED,
                                       error);
}

/* The pattern an empty field stands for: the default. (transfer full) */
static char *
dup_effective_pattern (const char *typed)
{
  g_autoptr(IkuSettings) settings = iku_settings_new ();

  iku_settings_set_name_pattern (settings, typed);
  return g_strdup (iku_settings_get_name_pattern (settings));
}

gboolean
iku_uno_options_page_update_preview (uno_Interface *page,
                                     IkuUnoLang     lang,
                                     GError       **error)
{
  g_autofree char *typed = iku_uno_controls_dup_text (page, PATTERN_FIELD, error);
  g_autofree char *pattern = NULL;
  g_autofree char *name = NULL;
  g_autofree char *line = NULL;

  if (typed == NULL)
    return FALSE;
  pattern = dup_effective_pattern (g_strstrip (typed));
  name = iku_settings_preview_file_name (pattern);
  if (name != NULL)
    line = iku_uno_options_l10n_format (lang, IKU_UNO_OPTIONS_TEXT_PREVIEW, name);
  else
    {
      g_autoptr(GError) why = NULL;

      if (iku_settings_check_name_pattern (pattern, &why))
        g_set_error_literal (&why, IKU_SETTINGS_ERROR, IKU_SETTINGS_ERROR_VALUE, pattern);
      line = iku_uno_options_l10n_format (lang, IKU_UNO_OPTIONS_TEXT_PREVIEW_BAD, why->message);
    }
  return iku_uno_controls_set_label (page, PREVIEW_LABEL, line, error);
}

static void
set_invalid (GError           **error,
             IkuUnoLang         lang,
             IkuUnoOptionsTextId id,
             const char        *arg)
{
  g_autofree char *message = iku_uno_options_l10n_format (lang, id, arg);

  g_set_error_literal (error, IKU_UNO_OPTIONS_PAGE_ERROR, IKU_UNO_OPTIONS_PAGE_ERROR_INVALID,
                       message);
}

/* TRUE when @name is a relative path of ordinary folder names ("IKU 2026",
 * "Personale/IKU 2026"): no root, no empty, "." or ".." part. */
static gboolean
is_subfolder_name (const char *name)
{
  g_auto(GStrv) parts = NULL;

  if (g_path_is_absolute (name) || g_ascii_strncasecmp (name, "file:", 5) == 0 ||
      strchr (name, ':') != NULL)
    return FALSE;
  parts = g_strsplit_set (name, "/\\", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    if (*parts[i] == '\0' || strcmp (parts[i], ".") == 0 || strcmp (parts[i], "..") == 0)
      return FALSE;
  return TRUE;
}

/* Mappe from the folder controls: "", the subfolder's name, or the fixed folder
 * (its path when the text is a path or file URL). A choice the controls leave
 * incomplete is IKU_UNO_OPTIONS_PAGE_ERROR_INVALID. (transfer full) */
static char *
dup_folder (uno_Interface *page,
            IkuUnoLang     lang,
            GError       **error)
{
  FolderChoice choice;
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;

  if (!read_folder_choice (page, &choice, error))
    return NULL;
  if (choice == FOLDER_IS_BESIDE)
    return g_strdup ("");
  text = iku_uno_controls_dup_text (page, choice == FOLDER_IS_SUB ? SUBFOLDER_FIELD
                                                                  : FIXED_FOLDER_FIELD, error);
  if (text == NULL)
    return NULL;
  g_strstrip (text);
  if (choice == FOLDER_IS_SUB && *text == '\0')
    set_invalid (error, lang, IKU_UNO_OPTIONS_TEXT_NO_SUBFOLDER, NULL);
  else if (choice == FOLDER_IS_SUB && !is_subfolder_name (text))
    set_invalid (error, lang, IKU_UNO_OPTIONS_TEXT_BAD_SUBFOLDER, text);
  else if (choice == FOLDER_IS_SUB)
    return g_steal_pointer (&text);
  else if (*text == '\0')
    set_invalid (error, lang, IKU_UNO_OPTIONS_TEXT_NO_FOLDER, NULL);
  else if ((path = iku_uno_path_from_text (text)) == NULL)
    set_invalid (error, lang, IKU_UNO_OPTIONS_TEXT_BAD_FOLDER, text);
  else
    return g_steal_pointer (&path);
  return NULL;
}

IkuUnoOptions *
iku_uno_options_page_dup_values (uno_Interface *page,
                                 IkuUnoLang     lang,
                                 GError       **error)
{
  g_autoptr(IkuUnoOptions) options = iku_uno_options_new ();
  g_autofree char *folder = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (text_controls); i++)
    {
      g_autofree char *text = iku_uno_controls_dup_text (page, text_controls[i].field, error);

      if (text == NULL)
        return NULL;
      iku_uno_options_set_string (options, text_controls[i].option, g_strstrip (text));
    }
  for (guint i = 0; i < G_N_ELEMENTS (check_controls); i++)
    {
      gboolean checked = FALSE;

      if (!iku_uno_controls_get_checked (page, check_controls[i].box, &checked, error))
        return NULL;
      iku_uno_options_set_boolean (options, check_controls[i].option, checked);
    }
  folder = dup_folder (page, lang, error);
  if (folder == NULL)
    return NULL;
  iku_uno_options_set_string (options, IKU_UNO_OPTION_FOLDER, folder);
  return g_steal_pointer (&options);
}

gboolean
iku_uno_options_page_check (const IkuUnoOptions *options,
                            IkuUnoLang           lang,
                            GError             **error)
{
  const char *folder = iku_uno_options_get_string (options, IKU_UNO_OPTION_FOLDER);
  g_autoptr(IkuSettings) settings = iku_settings_new ();
  g_autoptr(GError) why = NULL;

  if (folder_choice_of (folder) == FOLDER_IS_FIXED)
    {
      g_autofree char *path = iku_uno_path_from_text (folder);

      if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          set_invalid (error, lang, IKU_UNO_OPTIONS_TEXT_BAD_FOLDER, folder);
          return FALSE;
        }
    }
  iku_settings_set_organisation (settings,
                                 iku_uno_options_get_string (options, IKU_UNO_OPTION_ORGANISATION));
  iku_settings_set_logo (settings, iku_uno_options_get_string (options, IKU_UNO_OPTION_LOGO));
  iku_settings_set_texts (settings, iku_uno_options_get_string (options, IKU_UNO_OPTION_TEXTS));
  iku_settings_set_folder (settings, folder);
  iku_settings_set_name_pattern (settings,
                                 iku_uno_options_get_string (options, IKU_UNO_OPTION_PATTERN));
  if (!iku_settings_validate (settings, &why))
    {
      g_set_error_literal (error, IKU_UNO_OPTIONS_PAGE_ERROR, IKU_UNO_OPTIONS_PAGE_ERROR_INVALID,
                           why->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
iku_uno_options_page_browse (uno_Interface *context,
                             uno_Interface *page,
                             IkuUnoLang     lang,
                             IkuUnoOption   option,
                             GError       **error)
{
  g_autofree char *images = iku_uno_options_l10n_format (lang, IKU_UNO_OPTIONS_TEXT_FILTER_IMAGES,
                                                         NULL);
  g_autofree char *wording = iku_uno_options_l10n_format (lang, IKU_UNO_OPTIONS_TEXT_FILTER_TEXTS,
                                                          NULL);
  g_autofree char *all = iku_uno_options_l10n_format (lang, IKU_UNO_OPTIONS_TEXT_FILTER_ALL, NULL);
  const IkuUnoFileFilter logo_filters[] = {
    { images, "*.png;*.jpg;*.jpeg;*.PNG;*.JPG;*.JPEG" }, { all, "*" } };
  const IkuUnoFileFilter text_filters[] = { { wording, "*.ini;*.txt" }, { all, "*" } };
  g_autoptr(uno_Interface) parent = iku_uno_controls_dup_peer (page);
  g_autofree char *title = NULL;
  g_autofree char *current = NULL;
  g_autofree char *chosen = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *field;

  switch (option)
    {
    case IKU_UNO_OPTION_LOGO:
      field = "Logo";
      break;
    case IKU_UNO_OPTION_TEXTS:
      field = "Texts";
      break;
    case IKU_UNO_OPTION_FOLDER:
      field = FIXED_FOLDER_FIELD;
      break;
    default:
      g_return_val_if_reached (FALSE);
    }
  current = iku_uno_controls_dup_text (page, field, error);
  if (current == NULL)
    return FALSE;
  g_strstrip (current);
  if (option == IKU_UNO_OPTION_FOLDER)
    {
      title = iku_uno_options_l10n_format (lang, IKU_UNO_OPTIONS_TEXT_PICK_FOLDER, NULL);
      chosen = iku_uno_dialogs_pick_folder (context, title, current, &local_error);
    }
  else
    {
      gboolean logo = option == IKU_UNO_OPTION_LOGO;

      title = iku_uno_options_l10n_format (lang, logo ? IKU_UNO_OPTIONS_TEXT_PICK_LOGO
                                                      : IKU_UNO_OPTIONS_TEXT_PICK_TEXTS, NULL);
      chosen = iku_uno_dialogs_pick_file (context, parent, title, current,
                                          logo ? logo_filters : text_filters, 2, &local_error);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return chosen == NULL || iku_uno_controls_set_text (page, field, chosen, error);
}
