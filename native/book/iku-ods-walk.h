/* SPDX-License-Identifier: GPL-3.0-or-later
 * The element walk of content.xml (iku-ods-walk.c), between libxml2's reader
 * and the builder. Internal to the .ods reader. */
#pragma once

#include <libxml/xmlreader.h>
#include "iku-ods-private.h"

G_BEGIN_DECLS

typedef struct _IkuOdsWalk IkuOdsWalk;

/* @reader and @builder are borrowed and must outlive the walk. */
IkuOdsWalk *iku_ods_walk_new              (xmlTextReaderPtr  reader,
                                           IkuBookBuilder   *builder,
                                           const char       *display_name);
void        iku_ods_walk_free             (IkuOdsWalk       *walk);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuOdsWalk, iku_ods_walk_free)

gboolean    iku_ods_walk_node             (IkuOdsWalk       *walk,
                                           GError          **error);
/* Whether office:body held an office:spreadsheet (not an .odt, ...). */
gboolean    iku_ods_walk_saw_spreadsheet  (const IkuOdsWalk *walk);

G_END_DECLS
