/* SPDX-License-Identifier: GPL-3.0-or-later
 * Between iku-schema.c (rows and employees) and iku-schema-header.c (the header
 * row, the header area and the button text). Not installed, not for other modules. */
#pragma once

#include "iku-schema.h"

G_BEGIN_DECLS

typedef enum {
  ROLE_NONE,
  ROLE_NAME,
  ROLE_INDIVIDUAL,
  ROLE_TEAM,
} ColumnRole;

/* Where the columns of one sheet are. */
typedef struct
{
  guint header_row;
  gint  col[4];   /* by ColumnRole; -1 when absent */
} IkuSchemaColumns;

/* The first row (top to bottom) that has a name header and at least one content
 * header, with the leftmost cell of each role; FALSE when the sheet has none. */
gboolean iku_schema_columns_find      (const IkuGrid    *grid,
                                       IkuSchemaColumns *columns);
void     iku_schema_columns_read_area (const IkuGrid *grid,
                                       guint          header_row,
                                       char         **team,
                                       char         **leader,
                                       char         **date,
                                       char         **follow_up);

G_END_DECLS
