/* SPDX-License-Identifier: GPL-3.0-or-later
 * The text of one Calc cell rebuilt from the office's text model (paragraphs and
 * their text portions), for cells whose plain string the office got wrong. */
#pragma once

#include "iku-uno-sdk.h"

G_BEGIN_DECLS

/* TRUE when @text, a cell's string as the office gives it, holds U+0001: the
 * placeholder a text field (a hyperlink, a sheet name, ...) occupies in the
 * office's text. The office's own string shows the field's text there; a bare
 * U+0001 means the field was put somewhere else. LibreOffice 25.2 (not 7.4) does that
 * when they load an .ods cell with a line break (text:line-break) before a field:
 * the field's text lands at the end of an earlier line and its placeholder stays
 * behind, shown as nothing. */
gboolean  iku_uno_cell_text_has_lost_field (const char *text);

/* The text of the cell (@col, @row) of @range (relative positions), rebuilt from
 * its text model: its paragraphs joined by '\n', each paragraph's text portions in
 * order, tabs as '\t'; the text of a field the office put in the wrong place back
 * at its placeholder. (transfer full) */
char     *iku_uno_cell_text_dup            (uno_Interface *range,
                                            gint32         col,
                                            gint32         row,
                                            GError       **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
