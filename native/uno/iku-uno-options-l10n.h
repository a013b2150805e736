/* SPDX-License-Identifier: GPL-3.0-or-later
 * The texts the Options page's handler writes itself, in Danish and English: the
 * preview line, the titles and filters of the pickers, and the messages of a
 * failed save. The page's fixed texts are in the .properties files of extension/options. */
#pragma once

#include "iku-uno-l10n.h"

G_BEGIN_DECLS

typedef enum {
  IKU_UNO_OPTIONS_TEXT_TITLE,          /* message box title */
  IKU_UNO_OPTIONS_TEXT_PREVIEW,        /* %1: the file name */
  IKU_UNO_OPTIONS_TEXT_PREVIEW_BAD,    /* %1: what is wrong with the pattern */
  IKU_UNO_OPTIONS_TEXT_NOT_SAVED,      /* %1: what is wrong */
  IKU_UNO_OPTIONS_TEXT_SAVE_FAILED,    /* %1: the technical detail */
  IKU_UNO_OPTIONS_TEXT_LOAD_FAILED,    /* %1: the technical detail */
  IKU_UNO_OPTIONS_TEXT_NO_SUBFOLDER,
  IKU_UNO_OPTIONS_TEXT_BAD_SUBFOLDER,  /* %1: the name */
  IKU_UNO_OPTIONS_TEXT_NO_FOLDER,
  IKU_UNO_OPTIONS_TEXT_BAD_FOLDER,     /* %1: the text */
  IKU_UNO_OPTIONS_TEXT_PICK_LOGO,
  IKU_UNO_OPTIONS_TEXT_PICK_TEXTS,
  IKU_UNO_OPTIONS_TEXT_PICK_FOLDER,
  IKU_UNO_OPTIONS_TEXT_FILTER_IMAGES,
  IKU_UNO_OPTIONS_TEXT_FILTER_TEXTS,
  IKU_UNO_OPTIONS_TEXT_FILTER_ALL,
  IKU_UNO_OPTIONS_N_TEXTS
} IkuUnoOptionsTextId;

/* The text @id with %1 replaced by @arg (NULL: left as is). (transfer full) */
char *iku_uno_options_l10n_format (IkuUnoLang          lang,
                                   IkuUnoOptionsTextId id,
                                   const char         *arg);

G_END_DECLS
