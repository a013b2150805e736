/* SPDX-License-Identifier: GPL-3.0-or-later
 * The extension's own user-visible texts, in Danish and English. The IKU wording and
 * the messages of core/ are Danish only; these frame them in the office's UI language. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  IKU_UNO_LANG_DA,   /* the product language and the default */
  IKU_UNO_LANG_EN,
} IkuUnoLang;

typedef enum {
  IKU_UNO_TEXT_TITLE,            /* message box title */
  IKU_UNO_TEXT_PROGRESS,         /* status bar text while exporting */
  IKU_UNO_TEXT_DONE_ONE,         /* %1: folder */
  IKU_UNO_TEXT_DONE_MANY,        /* %1: count, %2: folder */
  IKU_UNO_TEXT_NOTES,            /* heading above the warnings */
  IKU_UNO_TEXT_MORE_NOTES,       /* %1: count of warnings not listed */
  IKU_UNO_TEXT_NONE_MADE,        /* first sentence of an error message */
  IKU_UNO_TEXT_SOME_MADE,        /* %1: count written before the error */
  IKU_UNO_TEXT_NO_DOCUMENT,
  IKU_UNO_TEXT_WHICH_DOCUMENT,   /* several spreadsheets open, none current */
  IKU_UNO_TEXT_NOT_SPREADSHEET,
  IKU_UNO_TEXT_NOT_SAVED,
  IKU_UNO_TEXT_NOT_LOCAL,        /* %1: the document's location */
  IKU_UNO_TEXT_OFFICE_FAILED,    /* %1: the technical detail */
  IKU_UNO_TEXT_NEW_TITLE,        /* title of the "new schema" menu entry's messages */
  IKU_UNO_TEXT_NO_TEMPLATE,      /* %1: the technical detail */
  /* Which sheet, and what an export left out (iku-uno-choose.c, iku-uno-export.c). */
  IKU_UNO_TEXT_SHEET_ONE,        /* %1: the sheet as IKU_UNO_TEXT_SHEET_NAME(_TEAM) gives it */
  IKU_UNO_TEXT_SHEET_MANY,       /* %1: the sheets, each as IKU_UNO_TEXT_SHEET_NAME(_TEAM) */
  IKU_UNO_TEXT_SHEET_NAME,       /* %1: a sheet's name */
  IKU_UNO_TEXT_SHEET_NAME_TEAM,  /* %1: a sheet's name, %2: its team */
  IKU_UNO_TEXT_PICK_TITLE,
  IKU_UNO_TEXT_PICK_PROMPT,      /* %1: the active sheet's name */
  IKU_UNO_TEXT_OK,
  IKU_UNO_TEXT_CANCEL,
  IKU_UNO_TEXT_UNSELECTED_ONE,   /* one employee outside the selection */
  IKU_UNO_TEXT_UNSELECTED_MANY,  /* %1: count */
  /* "Tjek skemaet" (iku-uno-check.c). */
  IKU_UNO_TEXT_CHECK_TITLE,
  IKU_UNO_TEXT_CHECK_ONE,        /* one employee would get an IKU */
  IKU_UNO_TEXT_CHECK_MANY,       /* %1: count */
  IKU_UNO_TEXT_CHECK_LINE,       /* %1: name, %2: file name */
  IKU_UNO_TEXT_PAGES_ONE,
  IKU_UNO_TEXT_PAGES_MANY,       /* %1: count */
  IKU_UNO_TEXT_CHECK_NO_NOTES,
  IKU_UNO_TEXT_CHECK_NOTHING_SAVED,
  IKU_UNO_TEXT_EDIT_NOT_COMMITTED, /* a cell edit Calc did not accept */
  IKU_UNO_TEXT_OPEN_FOLDER,      /* the question below a result: open the folder? */
  IKU_UNO_TEXT_OPEN_FOLDER_FAILED, /* %1: the technical detail, %2: the folder */
  IKU_UNO_N_TEXTS
} IkuUnoTextId;

/* Maps a BCP 47 tag or locale name ("da-DK", "en_US.UTF-8") to a language:
 * Danish for Danish and for an empty tag, English for every other language. */
IkuUnoLang  iku_uno_l10n_lang_from_tag (const char *tag);

const char *iku_uno_l10n_get           (IkuUnoLang   lang,
                                        IkuUnoTextId id);

/* The text @id with %1 and %2 replaced by @arg1 and @arg2 (NULL: left as is).
 * (transfer full) */
char       *iku_uno_l10n_format        (IkuUnoLang   lang,
                                        IkuUnoTextId id,
                                        const char  *arg1,
                                        const char  *arg2);

G_END_DECLS
