/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuExport: schemas -> one IKU PDF per employee in one folder, with safe unique
 * file names and atomic writes, and a report of what was written; the check
 * (a dry run) and the stale list. It writes the IKUs; the user's source key
 * and the reading of PDFs back are iku-source.h's. */
#pragma once

#include <glib.h>
#include "iku-schema.h"
#include "iku-resources.h"
#include "iku-settings.h"

G_BEGIN_DECLS

#define IKU_EXPORT_ERROR (iku_export_error_quark ())
typedef enum {
  IKU_EXPORT_ERROR_FOLDER,    /* the target folder is missing or not writable */
  IKU_EXPORT_ERROR_WRITE,     /* one or more IKUs could not be written (the first
                               * failure was the file system's) */
  IKU_EXPORT_ERROR_RENDER,    /* one or more IKUs could not be made: their layout,
                               * font or PDF failed (the first failure was one of these) */
  IKU_EXPORT_ERROR_CANCELLED,
  IKU_EXPORT_ERROR_SETTINGS,  /* the settings cannot be used (file name pattern,
                               * logo, wording file); nothing was written */
} IkuExportError;
GQuark iku_export_error_quark (void);

typedef struct _IkuExport IkuExport;

/* Called after each IKU, from the thread that called iku_export_run(), with the
 * number done so far and the total. Return FALSE to cancel the remaining ones. */
typedef gboolean (*IkuExportProgressFunc) (guint    done,
                                           guint    total,
                                           gpointer user_data);

/* @schema and @res are borrowed and must outlive the export. */
IkuExport *iku_export_new (const IkuSchema    *schema,
                           const IkuResources *res,
                           const char         *folder);
void       iku_export_free (IkuExport *x);

/* More schemas in the same run ("Lav IKU'er for alle teams"): every schema's
 * IKUs go into the one folder, in the order added, with one report. File names
 * that collide across schemas get " (2)" and a warning naming both sheets and
 * rows (never a silent overwrite); with several schemas every schema warning
 * starts "Arket »<ark>«: ". A team plan is made per schema; the combined file
 * holds every IKU of the run. @schema is borrowed and must outlive the export. */
void             iku_export_add_schema    (IkuExport       *x,
                                           const IkuSchema *schema);
guint            iku_export_get_n_schemas (const IkuExport *x);
const IkuSchema *iku_export_get_schema    (const IkuExport *x,
                                           guint            index);

/* The schema file the schemas came from (a system path; NULL: none, the
 * default). Each IKU then records in its document info a source id: a keyed
 * hash of the file's absolute path and the sheet name, never the path itself
 * (iku-source.h; the user's key is made on the first run). After the run,
 * iku_export_get_stale() lists the IKU PDFs in the folder with one of the
 * run's source ids that the run did not write (renamed or removed employees);
 * one warning "Disse IKU'er hører ikke længere til nogen i skemaet: …" lists
 * them too. They are never deleted. */
void       iku_export_set_source        (IkuExport  *x,
                                         const char *schema_path);

/* Number of rendering threads; 0 (the default) means one per core. With one,
 * every IKU is made on the thread that calls iku_export_run(), and the
 * progress function runs after each before the next one starts. */
void       iku_export_set_threads       (IkuExport *x,
                                         guint      n_threads);
void       iku_export_set_progress_func (IkuExport            *x,
                                         IkuExportProgressFunc func,
                                         gpointer              user_data);
/* Also write the team development plan, "Teamudviklingsplan - <team>.pdf"
 * ("Teamudviklingsplan.pdf" without a team name). Off by default. */
void       iku_export_set_team_plan     (IkuExport *x,
                                         gboolean   team_plan);
/* Also write every IKU in one print file, "IKU'er samlet.pdf". Off by default. */
void       iku_export_set_combined      (IkuExport *x,
                                         gboolean   combined);

/* Uses @s (copied) for the IKUs: the file name pattern, the organisation and
 * logo in the header, the wording file over the built-in texts; its team plan
 * and combined switches are set as iku_export_set_team_plan() and
 * iku_export_set_combined() would. The folder is the one given to
 * iku_export_new() (see iku_settings_resolve_folder()). */
void       iku_export_set_settings      (IkuExport         *x,
                                         const IkuSettings *s);

/* Writes every IKU. Returns FALSE with @error when nothing could be done or some
 * IKUs failed; iku_export_get_written() still lists what was written. */
gboolean   iku_export_run (IkuExport *x,
                           GError   **error) G_GNUC_WARN_UNUSED_RESULT;

/* The check before the deadline ("Tjek skemaet", CLI --check): everything an
 * export does except writing anything (not even a temporary file; the user's
 * key is not made either). Afterwards the iku_export_get_iku_*() accessors
 * below tell who would get an IKU, its file name and its page count (from the
 * real layout; the path is NULL), iku_export_get_warnings() has every
 * warning: duplicate names, empty individual content, file-name collisions,
 * characters the font lacks, IKUs that cannot be laid out, one per employee
 * left out for hidden rows, and the IKUs that would be stale
 * (iku_export_get_stale()). Team plans and the combined file are not checked.
 * The progress function is called after each IKU and may cancel. FALSE with
 * @error only when the settings cannot be used or it was cancelled. */
gboolean   iku_export_check (IkuExport *x,
                             GError   **error) G_GNUC_WARN_UNUSED_RESULT;

/* Full paths of the files written, in employee order; NULL-terminated. */
const char * const *iku_export_get_written  (const IkuExport *x,
                                             guint           *n_written);
/* How many of the files written are not IKUs (the team plan, the combined
 * file); they come last in iku_export_get_written(). */
guint      iku_export_get_n_extra (const IkuExport *x);
/* Full paths of the stale IKUs of the last run, sorted; NULL-terminated. */
const char * const *iku_export_get_stale (const IkuExport *x,
                                          guint           *n_stale);

/* The IKUs of the last run: one per employee of every schema, in order (the
 * team plans and the combined file are not among them). For each: the index
 * of its schema (iku_export_get_schema), the employee's index in that schema,
 * its file name, its page count (0 when it could not be laid out) and its full
 * path when written (NULL otherwise). */
guint       iku_export_get_n_ikus          (const IkuExport *x);
guint       iku_export_get_iku_schema      (const IkuExport *x,
                                            guint            index);
const IkuEmployee *iku_export_get_iku_employee (const IkuExport *x,
                                                guint            index);
const char *iku_export_get_iku_file_name   (const IkuExport *x,
                                            guint            index);
guint       iku_export_get_iku_n_pages     (const IkuExport *x,
                                            guint            index);
const char *iku_export_get_iku_path        (const IkuExport *x,
                                            guint            index);
/* How many IKUs of schema @schema_index were written. */
guint       iku_export_get_n_written_from  (const IkuExport *x,
                                            guint            schema_index);

/* The schemas' warnings followed by the export's own, in Danish. */
const char * const *iku_export_get_warnings (const IkuExport *x,
                                             guint           *n_warnings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuExport, iku_export_free)

G_END_DECLS
