/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuLayout: one employee's IKU laid out on A4 pages — every line placed from the
 * font's metrics, page breaks decided, footers "Side X af N" written. The PDF
 * module only draws what the layout decided, so layout is testable without a PDF. */
#pragma once

#include <glib.h>
#include "iku-schema.h"
#include "iku-wording.h"
#include "iku-logo.h"

G_BEGIN_DECLS

/* The most pages one IKU may have; more is a paste accident, not a plan. */
#define IKU_LAYOUT_MAX_PAGES 500u

#define IKU_LAYOUT_ERROR (iku_layout_error_quark ())
typedef enum {
  IKU_LAYOUT_ERROR_TOO_LONG,   /* more pages than IKU_LAYOUT_MAX_PAGES */
} IkuLayoutError;
GQuark iku_layout_error_quark (void);

typedef struct _IkuLayout IkuLayout;

/* Lays out the IKU of employee @index of @schema; @date is the printed date of
 * the talk (the schema's, or one the caller chose). The layout copies what it
 * needs: @schema and @wording may be freed afterwards. */
IkuLayout  *iku_layout_new (const IkuSchema  *schema,
                            guint             index,
                            const char       *date,
                            const IkuWording *wording,
                            GError          **error) G_GNUC_WARN_UNUSED_RESULT;
/* The team development plan of @schema: its team items, team, leader, date and
 * follow-up, signatures of the leader and a team representative. */
IkuLayout  *iku_layout_new_team_plan (const IkuSchema  *schema,
                                      const char       *date,
                                      const IkuWording *wording,
                                      GError          **error) G_GNUC_WARN_UNUSED_RESULT;
/* The same, with what the municipality prints at the top of page 1: its
 * @organisation's name and its @logo (either may be NULL; the layout keeps a
 * reference to the logo), scaled into a fixed box with its aspect kept. */
IkuLayout  *iku_layout_new_with_header (const IkuSchema  *schema,
                                        guint             index,
                                        const char       *date,
                                        const IkuWording *wording,
                                        const char       *organisation,
                                        IkuLogo          *logo,
                                        GError          **error) G_GNUC_WARN_UNUSED_RESULT;
IkuLayout  *iku_layout_new_team_plan_with_header (const IkuSchema  *schema,
                                                  const char       *date,
                                                  const IkuWording *wording,
                                                  const char       *organisation,
                                                  IkuLogo          *logo,
                                                  GError          **error) G_GNUC_WARN_UNUSED_RESULT;
void        iku_layout_free (IkuLayout *layout);

guint       iku_layout_get_n_pages (const IkuLayout *layout);

/* The characters of the IKU's text that the font cannot show, each once, in
 * order of appearance (UTF-8), or NULL when every character can be shown. */
const char *iku_layout_get_missing_chars (const IkuLayout *layout);

/* Document info. */
const char *iku_layout_get_title   (const IkuLayout *layout);
const char *iku_layout_get_author  (const IkuLayout *layout);  /* NULL: unknown */
const char *iku_layout_get_subject (const IkuLayout *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuLayout, iku_layout_free)

G_END_DECLS
