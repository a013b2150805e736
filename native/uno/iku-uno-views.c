/* SPDX-License-Identifier: GPL-3.0-or-later
 * Attaching the double-click handler to Calc views (see iku-uno-views.h).
 *
 * A view is known by its UNO object identity, not by a reference: holding the
 * controller would keep it alive after its window closed. The view's handler
 * forgets it here when the view is disposed (iku-uno-click.c). */
#include "iku-uno-views.h"

#include "iku-uno-call.h"
#include "iku-uno-click.h"
#include "iku-uno-error.h"
#include "iku-uno-value.h"

#define XENHANCED_BROADCASTER "com.sun.star.sheet.XEnhancedMouseClickBroadcaster"

/* A document has a handful of views. */
#define MAX_VIEWS_PER_DOCUMENT 1000

struct _IkuUnoViews {
  gint        ref_count;
  GMutex      lock;
  GHashTable *ids;   /* set of view identities (char *, owned) */
};

IkuUnoViews *
iku_uno_views_new (void)
{
  IkuUnoViews *views = g_new0 (IkuUnoViews, 1);

  views->ref_count = 1;
  g_mutex_init (&views->lock);
  views->ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return views;
}

IkuUnoViews *
iku_uno_views_ref (IkuUnoViews *views)
{
  g_return_val_if_fail (views != NULL, NULL);

  g_atomic_int_inc (&views->ref_count);
  return views;
}

void
iku_uno_views_unref (IkuUnoViews *views)
{
  if (views == NULL || !g_atomic_int_dec_and_test (&views->ref_count))
    return;
  g_hash_table_unref (views->ids);
  g_mutex_clear (&views->lock);
  g_free (views);
}

/* Records @view_id; FALSE when it was known already. */
static gboolean
remember (IkuUnoViews *views,
          const char  *view_id)
{
  gboolean added;

  g_mutex_lock (&views->lock);
  added = g_hash_table_add (views->ids, g_strdup (view_id));
  g_mutex_unlock (&views->lock);
  return added;
}

void
iku_uno_views_forget (IkuUnoViews *views,
                      const char  *view_id)
{
  g_return_if_fail (views != NULL && view_id != NULL);

  g_mutex_lock (&views->lock);
  g_hash_table_remove (views->ids, view_id);
  g_mutex_unlock (&views->lock);
}

guint
iku_uno_views_get_n_views (IkuUnoViews *views)
{
  guint n;

  g_return_val_if_fail (views != NULL, 0);

  g_mutex_lock (&views->lock);
  n = g_hash_table_size (views->ids);
  g_mutex_unlock (&views->lock);
  return n;
}

static gboolean
attach_to_view (IkuUnoViews   *views,
                uno_Interface *context,
                const char    *data_dir,
                uno_Interface *view,
                GError       **error)
{
  g_autofree char *view_id = NULL;

  if (!iku_uno_has_interface (view, XENHANCED_BROADCASTER))
    return TRUE;   /* not a spreadsheet view: nothing to do */
  view_id = iku_uno_dup_object_id (view);
  if (view_id == NULL)
    {
      g_set_error_literal (error, IKU_UNO_ERROR, IKU_UNO_ERROR_NULL,
                           "visningen har ingen identitet");
      return FALSE;
    }
  if (!remember (views, view_id))
    return TRUE;   /* handled before: New Window and Reload report every view again */

  if (!iku_uno_click_attach (views, view_id, view, context, data_dir, error))
    {
      iku_uno_views_forget (views, view_id);
      return FALSE;
    }
  return TRUE;
}

/* The views of @model, acquired, into @out: every controller (XModel2), or the
 * current one when the document cannot list them. */
static gboolean
collect_views (uno_Interface *model,
               GPtrArray     *out,
               GError       **error)
{
  g_autoptr(uno_Interface) iter = NULL;
  uno_Interface *current = NULL;

  if (!iku_uno_has_interface (model, "com.sun.star.frame.XModel2"))
    {
      if (!iku_uno_call_object_or_null (model, "com.sun.star.frame.XModel::getCurrentController",
                                        NULL, &current, error))
        return FALSE;
      if (current != NULL)
        g_ptr_array_add (out, current);
      return TRUE;
    }
  iter = iku_uno_call_object (model, "com.sun.star.frame.XModel2::getControllers", NULL, error);
  return iter != NULL && iku_uno_enumeration_collect (iter, MAX_VIEWS_PER_DOCUMENT, out, error);
}

gboolean
iku_uno_views_attach (IkuUnoViews   *views,
                      uno_Interface *context,
                      const char    *data_dir,
                      uno_Interface *model,
                      GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) iku_uno_release);
  g_autoptr(GError) first_error = NULL;

  g_return_val_if_fail (views != NULL && context != NULL && data_dir != NULL, FALSE);

  if (!collect_views (model, list, error))
    return FALSE;
  for (guint i = 0; i < list->len; i++)
    {
      g_autoptr(GError) view_error = NULL;

      if (!attach_to_view (views, context, data_dir, g_ptr_array_index (list, i), &view_error) &&
          first_error == NULL)
        first_error = g_steal_pointer (&view_error);
    }
  if (first_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&first_error));
      return FALSE;
    }
  return TRUE;
}
