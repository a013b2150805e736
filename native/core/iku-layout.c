/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuLayout: builds an IKU's units (iku-layout-content.c), places them on pages
 * (iku-layout-pages.c), and holds the result for the PDF writer. */
#include "iku-layout-builder.h"

#include <string.h>

G_DEFINE_QUARK (iku-layout-error-quark, iku_layout_error)

void
iku_layout_free (IkuLayout *layout)
{
  if (layout == NULL)
    return;
  if (layout->pages != NULL)
    g_ptr_array_unref (layout->pages);
  if (layout->elements != NULL)
    g_array_unref (layout->elements);
  if (layout->strings != NULL)
    g_string_chunk_free (layout->strings);
  g_free (layout->missing);
  g_free (layout->title);
  g_free (layout->author);
  g_free (layout->subject);
  iku_logo_unref (layout->logo);
  g_free (layout);
}

static void
builder_clear (IkuLayoutBuilder *b)
{
  g_clear_pointer (&b->units, g_array_unref);
  g_clear_pointer (&b->ops, g_array_unref);
  g_clear_pointer (&b->missing_seen, g_hash_table_unref);
  if (b->missing != NULL)
    g_string_free (g_steal_pointer (&b->missing), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IkuLayoutBuilder, builder_clear)

gboolean
iku_layout_set_too_long (GError **error, const char *employee)
{
  g_set_error (error, IKU_LAYOUT_ERROR, IKU_LAYOUT_ERROR_TOO_LONG,
               "IKU'en for %s ville fylde mere end %u sider. Forkort indholdet "
               "i kompetenceskemaet, eller del det op.",
               employee, IKU_LAYOUT_MAX_PAGES);
  return FALSE;
}

static char *
dup_nonblank (const char *text)
{
  if (text == NULL || *(text + strspn (text, " \t\n\r")) == '\0')
    return NULL;
  return g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
}

/* Lays out the IKU of @employee, or the team plan when it is NULL; @name is
 * the employee's (or the team's) name for the footers. */
static IkuLayout *
layout_build (const IkuSchema   *schema,
              const IkuEmployee *employee,
              const char        *name,
              const char        *date,
              const IkuWording  *wording,
              const char        *title,
              const char        *subject,
              const char        *organisation,
              IkuLogo           *logo,
              GError           **error)
{
  g_autofree char *the_date = dup_nonblank (date != NULL ? date : iku_schema_get_date (schema));

  g_autoptr(IkuLayout) layout = g_new0 (IkuLayout, 1);
  layout->strings = g_string_chunk_new (4096);
  layout->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  layout->elements = g_array_new (FALSE, FALSE, sizeof (IkuLayoutElement));
  IkuLayoutElement document = { IKU_TAG_DOCUMENT, 0, NULL };
  g_array_append_val (layout->elements, document);
  layout->title = g_strdup (title);
  layout->author = dup_nonblank (iku_schema_get_leader (schema));
  layout->subject = g_strdup (subject);
  layout->logo = logo != NULL ? iku_logo_ref (logo) : NULL;
  g_autofree char *the_organisation = dup_nonblank (organisation);

  g_auto(IkuLayoutBuilder) b = {
    .layout = layout,
    .wording = wording,
    .employee = name,
    .organisation = the_organisation,
    .logo = logo,
    .units = g_array_new (FALSE, FALSE, sizeof (IkuLayoutUnit)),
    .ops = g_array_new (FALSE, FALSE, sizeof (IkuDrawOp)),
    .missing = g_string_new (NULL),
    .missing_seen = g_hash_table_new (NULL, NULL),
  };
  gboolean ok = employee != NULL
                  ? iku_layout_builder_add_content (&b, schema, employee, the_date, error)
                  : iku_layout_builder_add_plan_content (&b, schema, the_date, error);
  if (!ok || !iku_layout_builder_paginate (&b, error))
    return NULL;
  iku_layout_builder_add_footers (&b);

  if (b.missing->len > 0)
    layout->missing = g_strdup (b.missing->str);
  return g_steal_pointer (&layout);
}

/**
 * iku_layout_new:
 * Lays out the IKU of employee @index of @schema, dated @date (NULL: the
 * schema's date; no date line when neither is given). Fails with
 * IKU_LAYOUT_ERROR_TOO_LONG beyond IKU_LAYOUT_MAX_PAGES pages.
 * Returns: (transfer full): the layout, or NULL with @error set.
 */
IkuLayout *
iku_layout_new (const IkuSchema  *schema,
                guint             index,
                const char       *date,
                const IkuWording *wording,
                GError          **error)
{
  return iku_layout_new_with_header (schema, index, date, wording, NULL, NULL, error);
}

/**
 * iku_layout_new_with_header:
 * As iku_layout_new(), with @organisation and @logo at the top of page 1.
 * Returns: (transfer full): the layout, or NULL with @error set.
 */
IkuLayout *
iku_layout_new_with_header (const IkuSchema  *schema,
                            guint             index,
                            const char       *date,
                            const IkuWording *wording,
                            const char       *organisation,
                            IkuLogo          *logo,
                            GError          **error)
{
  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (index < iku_schema_get_n_employees (schema), NULL);
  g_return_val_if_fail (wording != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  const IkuEmployee *employee = iku_schema_get_employee (schema, index);
  g_autofree char *name = g_utf8_normalize (iku_employee_get_name (employee), -1,
                                            G_NORMALIZE_NFC);
  g_autofree char *title = iku_wording_format (wording, IKU_TEXT_DOC_TITLE, name, NULL);
  return layout_build (schema, employee, name, date, wording, title,
                       iku_wording_get (wording, IKU_TEXT_DOC_SUBJECT), organisation, logo,
                       error);
}

/**
 * iku_layout_new_team_plan:
 * Lays out the team development plan of @schema: its team items only, with
 * team, leader, date (as iku_layout_new()) and follow-up, and the signatures of
 * the leader and a team representative. Its footer names the team.
 * Returns: (transfer full): the layout, or NULL with @error set.
 */
IkuLayout *
iku_layout_new_team_plan (const IkuSchema  *schema,
                          const char       *date,
                          const IkuWording *wording,
                          GError          **error)
{
  return iku_layout_new_team_plan_with_header (schema, date, wording, NULL, NULL, error);
}

/**
 * iku_layout_new_team_plan_with_header:
 * As iku_layout_new_team_plan(), with @organisation and @logo at the top.
 * Returns: (transfer full): the layout, or NULL with @error set.
 */
IkuLayout *
iku_layout_new_team_plan_with_header (const IkuSchema  *schema,
                                      const char       *date,
                                      const IkuWording *wording,
                                      const char       *organisation,
                                      IkuLogo          *logo,
                                      GError          **error)
{
  g_return_val_if_fail (schema != NULL, NULL);
  g_return_val_if_fail (wording != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autofree char *team = dup_nonblank (iku_schema_get_team (schema));
  const char *plan = iku_wording_get (wording, IKU_TEXT_PLAN_TITLE);
  g_autofree char *title = team != NULL
                             ? iku_wording_format (wording, IKU_TEXT_PLAN_DOC_TITLE, team, NULL)
                             : g_strdup (plan);
  return layout_build (schema, NULL, team != NULL ? team : plan, date, wording, title, plan,
                       organisation, logo, error);
}

guint
iku_layout_get_n_pages (const IkuLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);
  return layout->pages->len;
}

const char *
iku_layout_get_missing_chars (const IkuLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);
  return layout->missing;
}

const char *
iku_layout_get_title (const IkuLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);
  return layout->title;
}

const char *
iku_layout_get_author (const IkuLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);
  return layout->author;
}

const char *
iku_layout_get_subject (const IkuLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);
  return layout->subject;
}

const IkuDrawOp *
iku_layout_get_page_ops (const IkuLayout *layout, guint page, guint *n_ops)
{
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (page < layout->pages->len, NULL);
  GArray *ops = g_ptr_array_index (layout->pages, page);
  if (n_ops != NULL)
    *n_ops = ops->len;
  return (const IkuDrawOp *) (gpointer) ops->data;
}

IkuLogo *
iku_layout_get_logo (const IkuLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);
  return layout->logo;
}

const IkuLayoutElement *
iku_layout_get_elements (const IkuLayout *layout, guint *n_elements)
{
  g_return_val_if_fail (layout != NULL, NULL);
  g_return_val_if_fail (n_elements != NULL, NULL);
  *n_elements = layout->elements->len;
  return (const IkuLayoutElement *) (gpointer) layout->elements->data;
}
