/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuResources: wording and font files from one data folder. */
#include "iku-resources.h"

G_DEFINE_QUARK (iku-resources-error-quark, iku_resources_error)

#define WORDING_FILE "iku-tekster.ini"
#define FONT_REGULAR "IkufletSans-Regular.ttf"
#define FONT_BOLD "IkufletSans-Bold.ttf"

struct _IkuResources
{
  char       *dir;
  char       *font_regular;
  char       *font_bold;
  IkuWording *wording;
};

void
iku_resources_free (IkuResources *res)
{
  if (res == NULL)
    return;
  g_free (res->dir);
  g_free (res->font_regular);
  g_free (res->font_bold);
  iku_wording_free (res->wording);
  g_free (res);
}

static gboolean
has_all_files (const char *dir)
{
  const char *names[] = { WORDING_FILE, FONT_REGULAR, FONT_BOLD };
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (dir, names[i], NULL);
      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        return FALSE;
    }
  return TRUE;
}

/**
 * iku_resources_new_from_dir:
 * Returns: (transfer full): the resources of @dir, or NULL with @error set.
 */
IkuResources *
iku_resources_new_from_dir (const char *dir, GError **error)
{
  g_return_val_if_fail (dir != NULL, NULL);
  if (!has_all_files (dir))
    {
      g_set_error (error, IKU_RESOURCES_ERROR, IKU_RESOURCES_ERROR_NOT_FOUND,
                   "ikuflets filer (%s, %s, %s) mangler i mappen »%s«. Installér ikuflet igen.",
                   WORDING_FILE, FONT_REGULAR, FONT_BOLD, dir);
      return NULL;
    }
  g_autoptr(IkuResources) res = g_new0 (IkuResources, 1);
  res->dir = g_strdup (dir);
  res->font_regular = g_build_filename (dir, FONT_REGULAR, NULL);
  res->font_bold = g_build_filename (dir, FONT_BOLD, NULL);
  g_autofree char *wording = g_build_filename (dir, WORDING_FILE, NULL);
  res->wording = iku_wording_new_from_file (wording, error);
  if (res->wording == NULL)
    return NULL;
  return g_steal_pointer (&res);
}

/**
 * iku_resources_new_for_program:
 * @exe_path: the running program's executable (e.g. from /proc/self/exe)
 *
 * Returns: (transfer full): the resources from $IKUFLET_DATA_DIR, or from
 * <exe dir>/ikuflet-data or <exe dir>/../share/ikuflet, or NULL with @error set.
 */
IkuResources *
iku_resources_new_for_program (const char *exe_path, GError **error)
{
  const char *env = g_getenv ("IKUFLET_DATA_DIR");
  if (env != NULL && *env != '\0')
    return iku_resources_new_from_dir (env, error);

  g_autofree char *exe_dir = g_path_get_dirname (exe_path != NULL ? exe_path : ".");
  g_autofree char *beside = g_build_filename (exe_dir, "ikuflet-data", NULL);
  g_autofree char *share = g_build_filename (exe_dir, "..", "share", "ikuflet", NULL);
  if (has_all_files (beside))
    return iku_resources_new_from_dir (beside, error);
  if (has_all_files (share))
    return iku_resources_new_from_dir (share, error);
  g_set_error (error, IKU_RESOURCES_ERROR, IKU_RESOURCES_ERROR_NOT_FOUND,
               "ikuflets tekster og skrifttype blev ikke fundet (hverken i »%s« eller »%s«). "
               "Installér ikuflet igen, eller sæt IKUFLET_DATA_DIR til mappen med filerne.",
               beside, share);
  return NULL;
}

const char *
iku_resources_get_dir (const IkuResources *res)
{
  g_return_val_if_fail (res != NULL, NULL);
  return res->dir;
}

const IkuWording *
iku_resources_get_wording (const IkuResources *res)
{
  g_return_val_if_fail (res != NULL, NULL);
  return res->wording;
}

const char *
iku_resources_get_font_regular (const IkuResources *res)
{
  g_return_val_if_fail (res != NULL, NULL);
  return res->font_regular;
}

const char *
iku_resources_get_font_bold (const IkuResources *res)
{
  g_return_val_if_fail (res != NULL, NULL);
  return res->font_bold;
}
