/* SPDX-License-Identifier: GPL-3.0-or-later
 * What the command line prints: a plain Danish report, or the JSON document
 * {"written": [paths], "warnings": [texts], "error": null | text}. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char * const *written;   /* NULL-terminated, may be NULL */
  const char * const *warnings;  /* NULL-terminated, may be NULL */
  const char         *error;     /* NULL on success */
  const char         *folder;    /* where the IKUs went, for the plain report */
  guint               n_extra;   /* the last written files that are not IKUs */
  const char         *source;    /* the plain report's last line: the sheets read, or NULL */
} IkuCliReport;

/* The JSON document, one line, ending in '\n'. (transfer full) */
char *iku_cli_report_to_json  (const IkuCliReport *report);

/* Plain text: the summary and files for stdout, and warnings and the error
 * for stderr. (transfer full) */
char *iku_cli_report_to_text  (const IkuCliReport *report);
char *iku_cli_report_problems (const IkuCliReport *report);

/* @raw as a JSON string (bytes that are not UTF-8 as \udc80-\udcff), and a
 * NULL-terminated array of them (NULL: []), appended to @out. */
void  iku_cli_report_append_json_string (GString    *out,
                                         const char *raw);
void  iku_cli_report_append_json_array  (GString            *out,
                                         const char * const *items);

G_END_DECLS
