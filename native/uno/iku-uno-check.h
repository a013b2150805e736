/* SPDX-License-Identifier: GPL-3.0-or-later
 * The text of the "Tjek skemaet" dialog: which sheet, who would get an IKU with
 * its file name and page count, and every warning; nothing is written. */
#pragma once

#include "iku-uno-export.h"
#include "iku-uno-l10n.h"

G_BEGIN_DECLS

/* The check's result in @report (of IKU_UNO_COMMAND_CHECK, without an error) as
 * the dialog shows it in @lang. (transfer full) */
char *iku_uno_check_dup_text (const IkuUnoReport *report,
                              IkuUnoLang          lang);

G_END_DECLS
