/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuSchema: the rules of "Det fælles kompetenceskema" applied to a workbook —
 * which sheet, which columns, which employees with which individual items, which
 * team items, and the optional header area (team, leader, date). */
#pragma once

#include <glib.h>
#include "iku-grid.h"

G_BEGIN_DECLS

#define IKU_SCHEMA_ERROR (iku_schema_error_quark ())
typedef enum {
  IKU_SCHEMA_ERROR_NO_HEADER,     /* no sheet has the name and content headers */
  IKU_SCHEMA_ERROR_NO_EMPLOYEES,  /* a header, but no named row below it */
} IkuSchemaError;
GQuark iku_schema_error_quark (void);

typedef struct _IkuSchema   IkuSchema;
typedef struct _IkuEmployee IkuEmployee;

/* How rows are read. By default an employee is exported when at least one row
 * carrying their name is visible (iku_grid_is_row_hidden); their items come
 * from all their rows, continuation rows too, hidden or not. Employees whose
 * every name row is hidden are skipped and counted
 * (iku_schema_get_n_hidden_skipped) and one warning says how many. Team items
 * count whatever their visibility. */
typedef enum {
  IKU_SCHEMA_FLAGS_NONE               = 0,
  IKU_SCHEMA_FLAGS_INCLUDE_HIDDEN_ROWS = 1 << 0,   /* hidden rows are read as visible (CLI --all-rows) */
} IkuSchemaFlags;

/* The _full forms take @flags; the others are the same with IKU_SCHEMA_FLAGS_NONE. */
IkuSchema *iku_schema_new_from_book      (const IkuBook *book,
                                          GError       **error) G_GNUC_WARN_UNUSED_RESULT;
IkuSchema *iku_schema_new_from_book_full (const IkuBook  *book,
                                          IkuSchemaFlags  flags,
                                          GError        **error) G_GNUC_WARN_UNUSED_RESULT;
IkuSchema *iku_schema_new_from_grid      (const IkuGrid *grid,
                                          GError       **error) G_GNUC_WARN_UNUSED_RESULT;
IkuSchema *iku_schema_new_from_grid_full (const IkuGrid  *grid,
                                          IkuSchemaFlags  flags,
                                          GError        **error) G_GNUC_WARN_UNUSED_RESULT;
void       iku_schema_free               (IkuSchema *schema);

/* TRUE when @grid has a schema header row (a sheet "Lav IKU'er for alle teams"
 * would export). */
gboolean   iku_schema_grid_is_schema     (const IkuGrid *grid);

const char *iku_schema_get_sheet_name   (const IkuSchema *schema);
/* For reports: "arket »Nord«", or "arket »Nord« (team Nord)" when the header
 * area names the team. (transfer full) */
char       *iku_schema_dup_label        (const IkuSchema *schema);
/* Header area values; NULL when the schema does not give them. */
const char *iku_schema_get_team         (const IkuSchema *schema);
const char *iku_schema_get_leader       (const IkuSchema *schema);
const char *iku_schema_get_date         (const IkuSchema *schema);
/* When the team plan is followed up ("Opfølgning" in the header area). */
const char *iku_schema_get_follow_up    (const IkuSchema *schema);
/* Overrides (or sets) the date of the talk, e.g. from the command line. */
void        iku_schema_set_date         (IkuSchema  *schema,
                                         const char *date);

/* Team items in row order, each once; items are cell texts whose paragraphs are
 * separated by '\n'. The array is NULL-terminated and owned by the schema. */
const char * const *iku_schema_get_team_items (const IkuSchema *schema,
                                               guint           *n_items);

guint              iku_schema_get_n_employees (const IkuSchema *schema);
const IkuEmployee *iku_schema_get_employee    (const IkuSchema *schema,
                                               guint            index);

/* Employees left out because every row with their name is hidden or filtered
 * out (0 with IKU_SCHEMA_FLAGS_INCLUDE_HIDDEN_ROWS). For each, by @index in
 * row order: the name and the 1-based row where it first appears. */
guint       iku_schema_get_n_hidden_skipped (const IkuSchema *schema);
const char *iku_schema_get_hidden_skipped   (const IkuSchema *schema,
                                             guint            index,
                                             guint           *row);

/* Warnings in Danish, each naming the 1-based sheet row concerned; NULL-terminated. */
const char * const *iku_schema_get_warnings  (const IkuSchema *schema,
                                              guint           *n_warnings);

/* The printed name (first spelling, normalised). */
const char         *iku_employee_get_name    (const IkuEmployee *employee);
/* 1-based sheet row where the employee first appears. */
guint               iku_employee_get_row     (const IkuEmployee *employee);
/* Individual items in row order; NULL-terminated, owned by the schema. */
const char * const *iku_employee_get_items   (const IkuEmployee *employee,
                                              guint             *n_items);

/* Where a schema on @grid has its header: the header row and the columns of the
 * name, individual and team headers (-1 when absent), found as
 * iku_schema_new_from_grid() finds them; FALSE when @grid has no header row.
 * Lets a reader read only what the schema needs. */
gboolean iku_schema_find_header (const IkuGrid *grid,
                                 guint         *header_row,
                                 gint          *name_col,
                                 gint          *individual_col,
                                 gint          *team_col);

/* TRUE when @text is the button text "Dobbeltklik for at lave PDF-filer"
 * (compared as headers are: case, white space and line breaks ignored). A cheap
 * first test; iku_schema_is_button_cell() also checks where the cell is. */
gboolean iku_schema_is_button_text (const char *text);

/* TRUE when (row, col) of @grid holds the button text "Dobbeltklik for at lave
 * PDF-filer" above the header row of a schema on that sheet. */
gboolean iku_schema_is_button_cell (const IkuGrid *grid,
                                    guint          row,
                                    guint          col);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuSchema, iku_schema_free)

G_END_DECLS
