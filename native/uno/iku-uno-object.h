/* SPDX-License-Identifier: GPL-3.0-or-later
 * A UNO object implemented in C: a uno_Interface with an atomic reference count that
 * answers XInterface, XTypeProvider and XServiceInfo itself and hands every other
 * member to its class. One pointer serves all of the object's interfaces. */
#pragma once

#include "iku-uno-sdk.h"

G_BEGIN_DECLS

typedef struct _IkuUnoObject IkuUnoObject;

/* Implements @member ("com.sun.star.task.XJob::execute", without the bridge's
 * ":@..." suffix) of one of the class's interfaces. @ret and @args are as in a
 * uno_DispatchMethod. Returns FALSE with @error to throw a RuntimeException (a
 * member the class does not know is IKU_UNO_ERROR_UNSUPPORTED). */
typedef gboolean (*IkuUnoMethodFunc) (IkuUnoObject *self,
                                      const char   *member,
                                      void         *ret,
                                      void        **args,
                                      GError      **error);

typedef struct {
  const char        *implementation_name;
  const char * const *service_names;    /* NULL-terminated */
  const char * const *interface_names;  /* NULL-terminated; besides XInterface,
                                           XTypeProvider and XServiceInfo */
  IkuUnoMethodFunc    call;
} IkuUnoClass;

/* A new object of @klass (which must outlive it) owning @data, freed with @destroy
 * when the last reference goes. (transfer full): the reference count is 1. */
uno_Interface *iku_uno_object_new      (const IkuUnoClass *klass,
                                        gpointer           data,
                                        GDestroyNotify     destroy);
gpointer       iku_uno_object_get_data (IkuUnoObject *self);

G_END_DECLS
