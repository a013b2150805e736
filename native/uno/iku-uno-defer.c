/* SPDX-License-Identifier: GPL-3.0-or-later
 * Deferred work (see iku-uno-defer.h): a com.sun.star.awt.XCallback in C that the
 * AsyncCallback service notifies from the main loop. */
#include "iku-uno-defer.h"

#include <string.h>

#include "iku-uno-call.h"
#include "iku-uno-error.h"
#include "iku-uno-object.h"

typedef struct {
  IkuUnoDeferFunc func;
  gpointer        data;
  GDestroyNotify  destroy;
  gint            called;   /* the callback runs once, however often notify comes */
} Deferred;

static void
deferred_free (gpointer p)
{
  Deferred *deferred = p;

  if (deferred->destroy != NULL)
    deferred->destroy (deferred->data);
  g_free (deferred);
}

static gboolean
deferred_call (IkuUnoObject *self,
               const char   *member,
               void         *ret,
               void        **args,
               GError      **error)
{
  Deferred *deferred = iku_uno_object_get_data (self);

  if (strcmp (member, "com.sun.star.awt.XCallback::notify") == 0)
    {
      if (g_atomic_int_compare_and_exchange (&deferred->called, 0, 1))
        deferred->func (deferred->data);
      return TRUE;
    }
  g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_UNSUPPORTED,
               "XCallback har ikke medlemmet %s", member);
  return FALSE;
}

static const char * const deferred_services[] = { NULL };
static const char * const deferred_interfaces[] = { "com.sun.star.awt.XCallback", NULL };
static const IkuUnoClass deferred_class = {
  "org.ikuflet.Deferred", deferred_services, deferred_interfaces, deferred_call
};

gboolean
iku_uno_defer (uno_Interface  *context,
               IkuUnoDeferFunc func,
               gpointer        data,
               GDestroyNotify  destroy,
               GError        **error)
{
  Deferred *deferred;
  g_autoptr(uno_Interface) callback = NULL;
  g_autoptr(uno_Interface) async = NULL;
  uno_Any no_data;
  void *args[2];
  gboolean ok;

  g_return_val_if_fail (func != NULL, FALSE);

  deferred = g_new0 (Deferred, 1);
  deferred->func = func;
  deferred->data = data;
  deferred->destroy = destroy;
  /* From here on the object owns @data: releasing it destroys @data. */
  callback = iku_uno_object_new (&deferred_class, deferred, deferred_free);

  async = iku_uno_create_instance (context, "com.sun.star.awt.AsyncCallback", error);
  if (async == NULL)
    return FALSE;
  uno_any_construct (&no_data, NULL, NULL, NULL);
  args[0] = &callback;
  args[1] = &no_data;
  /* The service keeps a reference to the callback until it has notified it. */
  ok = iku_uno_call (async, "com.sun.star.awt.XRequestCallback::addCallback", NULL, args, error);
  uno_any_destruct (&no_data, NULL);
  return ok;
}
