/* SPDX-License-Identifier: GPL-3.0-or-later
 * The check dialog's text (see iku-uno-check.h). */
#include "iku-uno-check.h"

/* More warnings than this are summarised in one line, so the dialog fits a
 * screen; XJob.execute's Warnings has every one. */
#define MAX_WARNINGS_SHOWN 25

char *
iku_uno_check_dup_text (const IkuUnoReport *report,
                        IkuUnoLang          lang)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_planned = iku_uno_report_get_n_planned (report);
  guint n_details = 0, n_warnings = 0;
  const char * const *details = iku_uno_report_get_details (report, &n_details);
  const char * const *warnings = iku_uno_report_get_warnings (report, &n_warnings);
  g_autofree char *count = g_strdup_printf ("%u", n_planned);
  g_autofree char *summary = n_planned == 1
    ? g_strdup (iku_uno_l10n_get (lang, IKU_UNO_TEXT_CHECK_ONE))
    : iku_uno_l10n_format (lang, IKU_UNO_TEXT_CHECK_MANY, count, NULL);

  g_return_val_if_fail (report != NULL, NULL);

  for (guint i = 0; i < n_details; i++)
    g_string_append_printf (text, "%s\n\n", details[i]);
  g_string_append (text, summary);
  for (guint i = 0; i < n_planned; i++)
    {
      const char *file_name = NULL;
      guint n_pages = 0;
      const char *name = iku_uno_report_get_planned (report, i, &file_name, &n_pages);
      g_autofree char *line = iku_uno_l10n_format (lang, IKU_UNO_TEXT_CHECK_LINE, name, file_name);
      g_autofree char *pages_count = g_strdup_printf ("%u", n_pages);
      g_autofree char *pages = n_pages == 1
        ? g_strdup (iku_uno_l10n_get (lang, IKU_UNO_TEXT_PAGES_ONE))
        : iku_uno_l10n_format (lang, IKU_UNO_TEXT_PAGES_MANY, pages_count, NULL);

      g_string_append_printf (text, "\n• %s, %s", line, pages);
    }
  g_string_append (text, "\n\n");
  if (n_warnings == 0)
    g_string_append (text, iku_uno_l10n_get (lang, IKU_UNO_TEXT_CHECK_NO_NOTES));
  else
    {
      g_string_append (text, iku_uno_l10n_get (lang, IKU_UNO_TEXT_NOTES));
      for (guint i = 0; i < n_warnings && i < MAX_WARNINGS_SHOWN; i++)
        g_string_append_printf (text, "\n• %s", warnings[i]);
      if (n_warnings > MAX_WARNINGS_SHOWN)
        {
          g_autofree char *rest = g_strdup_printf ("%u", n_warnings - MAX_WARNINGS_SHOWN);
          g_autofree char *more = iku_uno_l10n_format (lang, IKU_UNO_TEXT_MORE_NOTES, rest, NULL);

          g_string_append_printf (text, "\n%s", more);
        }
    }
  g_string_append_printf (text, "\n\n%s", iku_uno_l10n_get (lang, IKU_UNO_TEXT_CHECK_NOTHING_SAVED));
  return g_string_free (g_steal_pointer (&text), FALSE);
}
