/* SPDX-License-Identifier: GPL-3.0-or-later
 * The service org.ikuflet.Export: XJobExecutor.trigger("export") exports the current
 * document as the menu does; XJob.execute(NamedValues) is the automation interface
 * (Document, Folder, Interactive -> Written, Warnings, Error). */
#pragma once

#include "iku-uno-sdk.h"

G_BEGIN_DECLS

/* The implementation and the one service it offers have the same name. */
#define IKU_UNO_JOB_IMPLEMENTATION_NAME "org.ikuflet.Export"
#define IKU_UNO_JOB_SERVICE_NAME "org.ikuflet.Export"

/* A new instance working in @context (acquired) with the data files in @data_dir.
 * (transfer full) */
uno_Interface *iku_uno_job_new (uno_Interface *context,
                                const char    *data_dir);

G_END_DECLS
