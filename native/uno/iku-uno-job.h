/* SPDX-License-Identifier: GPL-3.0-or-later
 * The service org.ikuflet.Export: XJobExecutor.trigger("export") exports the current
 * document as the menu does, trigger("new-schema") opens a new schema from the
 * bundled template; XJob.execute(NamedValues) is the automation interface
 * (Document, Folder, Interactive -> Written, Warnings, Error).
 *
 * org.ikuflet.ViewJob: the job Jobs.xcu runs on OnViewCreated for spreadsheet
 * documents. XJob.execute takes the document from the event's Environment (Model)
 * and gives each of its spreadsheet views the double-click button
 * (iku-uno-views.h); it never fails the event. */
#pragma once

#include "iku-uno-sdk.h"
#include "iku-uno-views.h"

G_BEGIN_DECLS

/* The implementation and the one service it offers have the same name. */
#define IKU_UNO_JOB_IMPLEMENTATION_NAME "org.ikuflet.Export"
#define IKU_UNO_JOB_SERVICE_NAME "org.ikuflet.Export"

/* The commands of XJobExecutor.trigger (Addons.xcu: service:org.ikuflet.Export?CMD). */
#define IKU_UNO_JOB_COMMAND_EXPORT "export"
#define IKU_UNO_JOB_COMMAND_NEW_SCHEMA "new-schema"
/* Every schema sheet in one run. */
#define IKU_UNO_JOB_COMMAND_ALL_TEAMS "all-teams"
/* Only the employees whose rows the selection touches. */
#define IKU_UNO_JOB_COMMAND_SELECTION "selection"
/* "Tjek skemaet": who would get which IKU, and every warning; writes nothing. */
#define IKU_UNO_JOB_COMMAND_CHECK "check"

/* A new instance working in @context (acquired) with the data files in @data_dir
 * and the empty schema @template_path. (transfer full) */
uno_Interface *iku_uno_job_new (uno_Interface *context,
                                const char    *data_dir,
                                const char    *template_path);

#define IKU_UNO_VIEW_JOB_IMPLEMENTATION_NAME "org.ikuflet.ViewJob"
#define IKU_UNO_VIEW_JOB_SERVICE_NAME "org.ikuflet.ViewJob"

/* A new org.ikuflet.ViewJob working in @context (acquired) with the data files in
 * @data_dir, recording views in @views (referenced). (transfer full) */
uno_Interface *iku_uno_view_job_new (uno_Interface *context,
                                     const char    *data_dir,
                                     IkuUnoViews   *views);

G_END_DECLS
