/* SPDX-License-Identifier: GPL-3.0-or-later
 * One export from the live document: find the document and its folder, read it,
 * apply the schema rules, write the IKUs with progress, and tell the outcome. */
#pragma once

#include "iku-uno-sdk.h"

G_BEGIN_DECLS

/* An option of one export: as the settings say (the default), or off or on. */
typedef enum {
  IKU_UNO_CHOICE_SETTING = 0,
  IKU_UNO_CHOICE_OFF,
  IKU_UNO_CHOICE_ON,
} IkuUnoChoice;

/* What an export is asked to do (XJobExecutor.trigger's commands, XJob.execute's
 * Command argument). */
typedef enum {
  IKU_UNO_COMMAND_EXPORT = 0, /* the IKUs of one schema sheet (iku-uno-choose.h) */
  IKU_UNO_COMMAND_ALL_TEAMS,  /* the IKUs of every schema sheet in one run */
  IKU_UNO_COMMAND_SELECTION,  /* the IKUs of the employees in the selected rows */
  IKU_UNO_COMMAND_CHECK,      /* who would get which IKU, and every warning: writes nothing */
} IkuUnoCommand;

typedef struct {
  IkuUnoCommand  command;
  const char    *sheet;       /* the name of the sheet to export; NULL: as the command says */
  uno_Interface *document;    /* borrowed; NULL: the current document */
  uno_Interface *view;        /* borrowed; the document's view the export was started
                                 from (its active sheet, its window for progress and
                                 messages); NULL: the document's current view */
  const char    *folder;      /* local path; NULL: the document's folder */
  gboolean       interactive; /* progress and message boxes (never when headless) */
  IkuUnoChoice   team_plan;   /* the team development plan too */
  IkuUnoChoice   combined;    /* the print file of all IKUs too */
} IkuUnoExportRequest;

typedef struct _IkuUnoReport IkuUnoReport;

/* Runs the export described by @request with the data files in @data_dir. Never
 * fails: the report holds what was written, the warnings and the error message. */
IkuUnoReport       *iku_uno_export_run           (uno_Interface             *context,
                                                  const char                *data_dir,
                                                  const IkuUnoExportRequest *request);
void                iku_uno_report_free          (IkuUnoReport *report);

/* Full paths of the IKUs written; NULL-terminated, owned by the report. */
const char * const *iku_uno_report_get_written   (const IkuUnoReport *report,
                                                  guint              *n_written);
/* Warnings in Danish; NULL-terminated, owned by the report. */
const char * const *iku_uno_report_get_warnings  (const IkuUnoReport *report,
                                                  guint              *n_warnings);
/* The sheets exported, by name, in workbook order; NULL-terminated. */
const char * const *iku_uno_report_get_sheets    (const IkuUnoReport *report,
                                                  guint              *n_sheets);
/* The paragraphs the message adds to the outcome (which sheet, what was left out,
 * which IKUs are stale), in the message's language; NULL-terminated. */
const char * const *iku_uno_report_get_details   (const IkuUnoReport *report,
                                                  guint              *n_details);
/* The IKUs in the folder that came from the same schema file and sheet but
 * belong to no one in it now (full paths, never deleted); NULL-terminated. */
const char * const *iku_uno_report_get_stale     (const IkuUnoReport *report,
                                                  guint              *n_stale);
/* The check (IKU_UNO_COMMAND_CHECK): who would get an IKU, in order, with the
 * file name and the page count of each; empty for the other commands. */
guint               iku_uno_report_get_n_planned (const IkuUnoReport *report);
const char         *iku_uno_report_get_planned   (const IkuUnoReport *report,
                                                  guint               index,
                                                  const char        **file_name,
                                                  guint              *n_pages);
/* The error message, or NULL when the export succeeded. */
const char         *iku_uno_report_get_error     (const IkuUnoReport *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuUnoReport, iku_uno_report_free)

G_END_DECLS
