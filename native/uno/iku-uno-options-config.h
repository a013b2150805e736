/* SPDX-License-Identifier: GPL-3.0-or-later
 * The settings the Options page edits, as /org.ikuflet.Settings holds them
 * (extension/Settings.xcs): five texts and two switches, each possibly locked by
 * an administrator (oor:finalized in a shared layer). Read from and written to the
 * configuration with one ConfigurationUpdateAccess. */
#pragma once

#include "iku-uno-sdk.h"

G_BEGIN_DECLS

typedef enum {
  IKU_UNO_OPTION_ORGANISATION,   /* the texts first */
  IKU_UNO_OPTION_LOGO,
  IKU_UNO_OPTION_TEXTS,
  IKU_UNO_OPTION_FOLDER,
  IKU_UNO_OPTION_PATTERN,
  IKU_UNO_OPTION_TEAM_PLAN,      /* then the switches */
  IKU_UNO_OPTION_COMBINED,
  IKU_UNO_N_OPTIONS
} IkuUnoOption;

#define IKU_UNO_OPTIONS_NODE "/org.ikuflet.Settings"

typedef struct _IkuUnoOptions IkuUnoOptions;

/* The configuration property of @option ("Filnavn"). */
const char    *iku_uno_option_get_name          (IkuUnoOption option);
/* TRUE for the switches, FALSE for the texts. */
gboolean       iku_uno_option_is_boolean        (IkuUnoOption option);

/* Empty texts, switches off, nothing locked. (transfer full) */
IkuUnoOptions *iku_uno_options_new              (void);
IkuUnoOptions *iku_uno_options_copy             (const IkuUnoOptions *options);
void           iku_uno_options_free             (IkuUnoOptions *options);

/* The text of @option (a text option); never NULL. (transfer none) */
const char    *iku_uno_options_get_string       (const IkuUnoOptions *options,
                                                 IkuUnoOption         option);
/* Copies @value; NULL is "". */
void           iku_uno_options_set_string       (IkuUnoOptions *options,
                                                 IkuUnoOption   option,
                                                 const char    *value);
gboolean       iku_uno_options_get_boolean      (const IkuUnoOptions *options,
                                                 IkuUnoOption         option);
void           iku_uno_options_set_boolean      (IkuUnoOptions *options,
                                                 IkuUnoOption   option,
                                                 gboolean       value);
/* TRUE when the configuration does not let the user change @option. */
gboolean       iku_uno_options_is_locked        (const IkuUnoOptions *options,
                                                 IkuUnoOption         option);
/* TRUE when @a and @b hold the same values (locks are not compared). */
gboolean       iku_uno_options_equal            (const IkuUnoOptions *a,
                                                 const IkuUnoOptions *b);

/* What the configuration of @context holds now, and which options are locked.
 * (transfer full) */
IkuUnoOptions *iku_uno_options_config_read      (uno_Interface *context,
                                                 GError       **error) G_GNUC_WARN_UNUSED_RESULT;
/* Writes every option of @options that is not locked in the configuration and
 * commits, so the next export uses them. On failure nothing is committed. */
gboolean       iku_uno_options_config_write     (uno_Interface       *context,
                                                 const IkuUnoOptions *options,
                                                 GError             **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuUnoOptions, iku_uno_options_free)

G_END_DECLS
