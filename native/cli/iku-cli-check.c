/* SPDX-License-Identifier: GPL-3.0-or-later
 * ikuflet --check; see iku-cli-check.h. */
#include "iku-cli-check.h"
#include "iku-cli-report.h"

#include <glib/gstdio.h>
#include <unistd.h>

char *
iku_cli_check_dup_folder (const IkuSettings *settings, const char *schema_dir, const char *out_dir,
                          GError **error)
{
  g_return_val_if_fail (settings != NULL && schema_dir != NULL, NULL);
  if (out_dir != NULL)
    return g_strdup (out_dir);
  const char *wanted = iku_settings_get_folder (settings);
  if (wanted != NULL && *wanted != '\0' && !g_path_is_absolute (wanted))
    {
      /* A subfolder: the export makes it; the check only looks. */
      g_autofree char *sub = g_build_filename (schema_dir, wanted, NULL);
      if (!g_file_test (sub, G_FILE_TEST_EXISTS))
        {
          /* Settings that climb out are refused as the export refuses them. */
          g_auto(GStrv) parts = g_strsplit_set (wanted, "/\\", -1);
          for (guint i = 0; parts[i] != NULL; i++)
            if (g_strcmp0 (parts[i], "..") == 0)
              return iku_settings_resolve_folder (settings, schema_dir, error);
          return g_steal_pointer (&sub);
        }
    }
  /* Beside the schema, an existing subfolder or a fixed folder: nothing is made. */
  return iku_settings_resolve_folder (settings, schema_dir, error);
}

char *
iku_cli_check_dup_folder_problem (const char *folder)
{
  g_return_val_if_fail (folder != NULL, NULL);
  if (!g_file_test (folder, G_FILE_TEST_EXISTS))
    return NULL;
  if (!g_file_test (folder, G_FILE_TEST_IS_DIR))
    return g_strdup_printf ("»%s« er ikke en mappe, så IKU'erne kan ikke gemmes der. "
                            "Vælg en anden mappe.", folder);
  if (g_access (folder, W_OK | X_OK) != 0)
    return g_strdup_printf ("Du har ikke lov til at gemme filer i mappen »%s«. Vælg en mappe, "
                            "du kan skrive i (fx Dokumenter).", folder);
  return NULL;
}

static char *
dup_pages (guint n_pages)
{
  if (n_pages == 0)
    return g_strdup ("kan ikke laves");
  return n_pages == 1 ? g_strdup ("1 side") : g_strdup_printf ("%u sider", n_pages);
}

char *
iku_cli_check_to_text (const IkuExport *x, const char * const *warnings, const char *folder,
                       const char *error)
{
  g_return_val_if_fail (x != NULL, NULL);
  GString *out = g_string_new ("Tjek af skemaet (intet er gemt):\n");
  guint n_ikus = iku_export_get_n_ikus (x);
  for (guint s = 0; s < iku_export_get_n_schemas (x); s++)
    {
      const IkuSchema *schema = iku_export_get_schema (x, s);
      g_autofree char *label = iku_schema_dup_label (schema);
      guint n = 0;
      for (guint i = 0; i < n_ikus; i++)
        n += iku_export_get_iku_schema (x, i) == s;
      g_string_append_printf (out, "%c%s: %u %s\n", g_ascii_toupper (label[0]), label + 1, n,
                              n == 1 ? "IKU" : "IKU'er");
      for (guint i = 0; i < n_ikus; i++)
        {
          if (iku_export_get_iku_schema (x, i) != s)
            continue;
          const IkuEmployee *e = iku_export_get_iku_employee (x, i);
          g_autofree char *pages = dup_pages (iku_export_get_iku_n_pages (x, i));
          g_string_append_printf (out, "  %s (række %u): »%s«, %s\n", iku_employee_get_name (e),
                                  iku_employee_get_row (e), iku_export_get_iku_file_name (x, i), pages);
        }
    }
  if (folder != NULL)
    g_string_append_printf (out, "IKU'erne gemmes i %s, når de laves.\n", folder);
  guint n_warnings = warnings != NULL ? g_strv_length ((char **) warnings) : 0;
  if (n_warnings == 0)
    g_string_append (out, "Ingen bemærkninger.\n");
  else
    {
      g_string_append_printf (out, "%u %s:\n", n_warnings, n_warnings == 1 ? "bemærkning" : "bemærkninger");
      for (guint i = 0; i < n_warnings; i++)
        g_string_append_printf (out, "  %s\n", warnings[i]);
    }
  if (error != NULL)
    g_string_append_printf (out, "Fejl: %s\n", error);
  return g_string_free (out, FALSE);
}

char *
iku_cli_check_to_json (const IkuExport *x, const char * const *warnings, const char *folder,
                       const char *error)
{
  g_return_val_if_fail (x != NULL, NULL);
  GString *out = g_string_new ("{\"written\": [], \"warnings\": ");
  iku_cli_report_append_json_array (out, warnings);
  g_string_append (out, ", \"error\": ");
  if (error != NULL)
    iku_cli_report_append_json_string (out, error);
  else
    g_string_append (out, "null");
  g_string_append (out, ", \"check\": {\"folder\": ");
  if (folder != NULL)
    iku_cli_report_append_json_string (out, folder);
  else
    g_string_append (out, "null");
  g_string_append (out, ", \"ikus\": [");
  for (guint i = 0; i < iku_export_get_n_ikus (x); i++)
    {
      const IkuSchema *schema = iku_export_get_schema (x, iku_export_get_iku_schema (x, i));
      const IkuEmployee *e = iku_export_get_iku_employee (x, i);
      g_string_append (out, i == 0 ? "{\"sheet\": " : ", {\"sheet\": ");
      iku_cli_report_append_json_string (out, iku_schema_get_sheet_name (schema));
      g_string_append (out, ", \"team\": ");
      if (iku_schema_get_team (schema) != NULL)
        iku_cli_report_append_json_string (out, iku_schema_get_team (schema));
      else
        g_string_append (out, "null");
      g_string_append (out, ", \"name\": ");
      iku_cli_report_append_json_string (out, iku_employee_get_name (e));
      g_string_append_printf (out, ", \"row\": %u, \"file\": ", iku_employee_get_row (e));
      iku_cli_report_append_json_string (out, iku_export_get_iku_file_name (x, i));
      g_string_append_printf (out, ", \"pages\": %u}", iku_export_get_iku_n_pages (x, i));
    }
  g_string_append (out, "], \"stale\": ");
  iku_cli_report_append_json_array (out, iku_export_get_stale (x, NULL));
  g_string_append (out, "}}\n");
  return g_string_free (out, FALSE);
}
