/* SPDX-License-Identifier: GPL-3.0-or-later
 * The command line's report; see iku-cli-report.h. */
#include "iku-cli-report.h"

/* A JSON string of @raw. Paths come from the file system and need not be
 * UTF-8: each byte that is not part of valid UTF-8 is written as the escape
 * of a lone low surrogate, \udc80-\udcff (the "surrogateescape" of PEP 383),
 * so that a script gets the exact bytes back (in Python: os.fsencode). */
void
iku_cli_report_append_json_string (GString *out, const char *raw)
{
  g_string_append_c (out, '"');
  const char *p = raw;
  while (*p != '\0')
    {
      const char *valid_end = NULL;
      g_utf8_validate (p, -1, &valid_end);
      for (; p < valid_end; p++)
        {
          guchar c = (guchar) *p;
          switch (c)
            {
            case '"': g_string_append (out, "\\\""); break;
            case '\\': g_string_append (out, "\\\\"); break;
            case '\n': g_string_append (out, "\\n"); break;
            case '\r': g_string_append (out, "\\r"); break;
            case '\t': g_string_append (out, "\\t"); break;
            default:
              if (c < 0x20)
                g_string_append_printf (out, "\\u%04x", c);
              else
                g_string_append_c (out, (char) c);   /* UTF-8 passes through */
            }
        }
      if (*p != '\0')
        g_string_append_printf (out, "\\udc%02x", (guchar) *p++);
    }
  g_string_append_c (out, '"');
}

void
iku_cli_report_append_json_array (GString *out, const char * const *items)
{
  g_string_append_c (out, '[');
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");
      iku_cli_report_append_json_string (out, items[i]);
    }
  g_string_append_c (out, ']');
}

char *
iku_cli_report_to_json (const IkuCliReport *report)
{
  GString *out = g_string_new ("{\"written\": ");
  iku_cli_report_append_json_array (out, report->written);
  g_string_append (out, ", \"warnings\": ");
  iku_cli_report_append_json_array (out, report->warnings);
  g_string_append (out, ", \"error\": ");
  if (report->error != NULL)
    iku_cli_report_append_json_string (out, report->error);
  else
    g_string_append (out, "null");
  g_string_append (out, "}\n");
  return g_string_free (out, FALSE);
}

char *
iku_cli_report_to_text (const IkuCliReport *report)
{
  GString *out = g_string_new (NULL);
  guint n = report->written != NULL ? g_strv_length ((char **) report->written) : 0;
  if (n == 0)
    return g_string_free (out, FALSE);
  guint n_ikus = n - MIN (report->n_extra, n);
  g_autofree char *extra = report->n_extra == 0 ? g_strdup ("")
                           : report->n_extra == 1 ? g_strdup (" og 1 fil mere")
                           : g_strdup_printf (" og %u filer mere", report->n_extra);
  if (n_ikus == 1)
    g_string_append_printf (out, "1 IKU%s er gemt i %s:\n", extra, report->folder);
  else
    g_string_append_printf (out, "%u IKU'er%s er gemt i %s:\n", n_ikus, extra, report->folder);
  for (guint i = 0; i < n; i++)
    g_string_append_printf (out, "  %s\n", report->written[i]);
  if (report->source != NULL)
    g_string_append_printf (out, "%s\n", report->source);
  return g_string_free (out, FALSE);
}

char *
iku_cli_report_problems (const IkuCliReport *report)
{
  GString *out = g_string_new (NULL);
  for (guint i = 0; report->warnings != NULL && report->warnings[i] != NULL; i++)
    g_string_append_printf (out, "Bemærk: %s\n", report->warnings[i]);
  if (report->error != NULL)
    g_string_append_printf (out, "Fejl: %s\n", report->error);
  return g_string_free (out, FALSE);
}
