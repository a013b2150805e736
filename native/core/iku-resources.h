/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuResources: the run-time data an export needs — the IKU wording and the font
 * files — found in one data folder:
 *   <dir>/iku-tekster.ini
 *   <dir>/IkufletSans-Regular.ttf
 *   <dir>/IkufletSans-Bold.ttf
 * The CLI looks in $IKUFLET_DATA_DIR, then beside its executable
 * (<exe dir>/ikuflet-data, <exe dir>/../share/ikuflet); the extension passes
 * the folder inside the installed .oxt. */
#pragma once

#include <glib.h>
#include "iku-wording.h"

G_BEGIN_DECLS

#define IKU_RESOURCES_ERROR (iku_resources_error_quark ())
typedef enum {
  IKU_RESOURCES_ERROR_NOT_FOUND,
} IkuResourcesError;
GQuark iku_resources_error_quark (void);

typedef struct _IkuResources IkuResources;

IkuResources     *iku_resources_new_from_dir    (const char *dir,
                                                 GError    **error) G_GNUC_WARN_UNUSED_RESULT;
/* Searches the places listed above for a program whose executable is @exe_path. */
IkuResources     *iku_resources_new_for_program (const char *exe_path,
                                                 GError    **error) G_GNUC_WARN_UNUSED_RESULT;
void              iku_resources_free            (IkuResources *res);
const char       *iku_resources_get_dir         (const IkuResources *res);
const IkuWording *iku_resources_get_wording     (const IkuResources *res);
const char       *iku_resources_get_font_regular (const IkuResources *res);
const char       *iku_resources_get_font_bold    (const IkuResources *res);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuResources, iku_resources_free)

G_END_DECLS
