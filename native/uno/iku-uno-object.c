/* SPDX-License-Identifier: GPL-3.0-or-later
 * UNO objects in C (see iku-uno-object.h). */
#include "iku-uno-object.h"

#include <string.h>

#include "iku-uno-call.h"
#include "iku-uno-error.h"
#include "iku-uno-string.h"

#define XINTERFACE "com.sun.star.uno.XInterface"
#define XTYPEPROVIDER "com.sun.star.lang.XTypeProvider"
#define XSERVICEINFO "com.sun.star.lang.XServiceInfo"

struct _IkuUnoObject {
  uno_Interface      iface;   /* first: the object is handed out as &self->iface */
  gint               ref_count;
  const IkuUnoClass *klass;
  gpointer           data;
  GDestroyNotify     destroy;
};

static void SAL_CALL
object_acquire (uno_Interface *iface)
{
  g_atomic_int_inc (&((IkuUnoObject *) iface)->ref_count);
}

static void SAL_CALL
object_release (uno_Interface *iface)
{
  IkuUnoObject *self = (IkuUnoObject *) iface;

  if (g_atomic_int_dec_and_test (&self->ref_count))
    {
      if (self->destroy != NULL)
        self->destroy (self->data);
      g_free (self);
    }
}

static gboolean
class_has_interface (const IkuUnoClass *klass,
                     const rtl_uString *name)
{
  if (iku_uno_string_equal_ascii (name, XINTERFACE) ||
      iku_uno_string_equal_ascii (name, XTYPEPROVIDER) ||
      iku_uno_string_equal_ascii (name, XSERVICEINFO))
    return TRUE;
  for (guint i = 0; klass->interface_names[i] != NULL; i++)
    if (iku_uno_string_equal_ascii (name, klass->interface_names[i]))
      return TRUE;
  return FALSE;
}

static void
query_interface (IkuUnoObject *self,
                 void         *ret,
                 void        **args)
{
  typelib_TypeDescriptionReference *type = *(typelib_TypeDescriptionReference **) args[0];
  uno_Interface *iface = &self->iface;

  if (class_has_interface (self->klass, type->pTypeName))
    uno_type_any_construct ((uno_Any *) ret, &iface, type, NULL);   /* acquires */
  else
    uno_any_construct ((uno_Any *) ret, NULL, NULL, NULL);          /* void: not supported */
}

static gboolean
get_types (IkuUnoObject *self,
           void         *ret,
           GError      **error)
{
  typelib_TypeDescription *seq_type = iku_uno_type_get ("[]type", error);
  g_autoptr(GPtrArray) refs = g_ptr_array_new ();
  const char *base[] = { XINTERFACE, XTYPEPROVIDER, XSERVICEINFO };
  uno_Sequence *seq = NULL;

  if (seq_type == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (base); i++)
    {
      typelib_TypeDescription *type = iku_uno_type_get (base[i], error);
      if (type == NULL)
        return FALSE;
      g_ptr_array_add (refs, type->pWeakRef);
    }
  for (guint i = 0; self->klass->interface_names[i] != NULL; i++)
    {
      typelib_TypeDescription *type = iku_uno_type_get (self->klass->interface_names[i], error);
      if (type == NULL)
        return FALSE;
      g_ptr_array_add (refs, type->pWeakRef);
    }
  uno_sequence_construct (&seq, seq_type, refs->pdata, (sal_Int32) refs->len, NULL);
  *(uno_Sequence **) ret = seq;
  return TRUE;
}

static gboolean
get_implementation_id (void    *ret,
                       GError **error)
{
  typelib_TypeDescription *seq_type = iku_uno_type_get ("[]byte", error);
  uno_Sequence *seq = NULL;

  if (seq_type == NULL)
    return FALSE;
  /* An empty id: the office no longer uses ids to cache type information. */
  uno_sequence_construct (&seq, seq_type, NULL, 0, NULL);
  *(uno_Sequence **) ret = seq;
  return TRUE;
}

static gboolean
get_service_names (IkuUnoObject *self,
                   void         *ret,
                   GError      **error)
{
  typelib_TypeDescription *seq_type = iku_uno_type_get ("[]string", error);
  const char * const *names = self->klass->service_names;
  guint n = g_strv_length ((char **) names);
  g_autofree rtl_uString **strs = g_new0 (rtl_uString *, n + 1);
  uno_Sequence *seq = NULL;

  if (seq_type == NULL)
    return FALSE;
  for (guint i = 0; i < n; i++)
    strs[i] = iku_uno_string_new (names[i]);
  uno_sequence_construct (&seq, seq_type, strs, (sal_Int32) n, NULL);
  for (guint i = 0; i < n; i++)
    rtl_uString_release (strs[i]);
  *(uno_Sequence **) ret = seq;
  return TRUE;
}

/* The member's name without the ":@i,j:Interface" suffix the bridge adds when an
 * inherited member is called through a derived interface. (transfer full) */
static char *
dup_member_name (const typelib_TypeDescription *member)
{
  g_autofree char *name = iku_uno_string_dup_utf8 (member->pTypeName);
  char *suffix = strstr (name, ":@");

  if (suffix != NULL)
    *suffix = '\0';
  return g_steal_pointer (&name);
}

static gboolean
dispatch (IkuUnoObject *self,
          const char   *member,
          void         *ret,
          void        **args,
          GError      **error)
{
  if (strcmp (member, XINTERFACE "::queryInterface") == 0)
    {
      query_interface (self, ret, args);
      return TRUE;
    }
  if (strcmp (member, XINTERFACE "::acquire") == 0)
    {
      object_acquire (&self->iface);
      return TRUE;
    }
  if (strcmp (member, XINTERFACE "::release") == 0)
    {
      object_release (&self->iface);
      return TRUE;
    }
  if (strcmp (member, XTYPEPROVIDER "::getTypes") == 0)
    return get_types (self, ret, error);
  if (strcmp (member, XTYPEPROVIDER "::getImplementationId") == 0)
    return get_implementation_id (ret, error);
  if (strcmp (member, XSERVICEINFO "::getImplementationName") == 0)
    {
      *(rtl_uString **) ret = iku_uno_string_new (self->klass->implementation_name);
      return TRUE;
    }
  if (strcmp (member, XSERVICEINFO "::supportsService") == 0)
    {
      const rtl_uString *name = *(rtl_uString **) args[0];
      sal_Bool found = 0;

      for (guint i = 0; self->klass->service_names[i] != NULL; i++)
        if (iku_uno_string_equal_ascii (name, self->klass->service_names[i]))
          found = 1;
      *(sal_Bool *) ret = found;
      return TRUE;
    }
  if (strcmp (member, XSERVICEINFO "::getSupportedServiceNames") == 0)
    return get_service_names (self, ret, error);
  return self->klass->call (self, member, ret, args, error);
}

/* The uno_DispatchMethod of every object. Nothing may escape it but a UNO exception:
 * the caller is the office, which holds the user's unsaved work. */
static void SAL_CALL
object_dispatch (uno_Interface                 *iface,
                 const typelib_TypeDescription *member_type,
                 void                          *ret,
                 void                          *args[],
                 uno_Any                      **exception)
{
  IkuUnoObject *self = (IkuUnoObject *) iface;
  uno_Any *exception_memory = *exception;
  g_autofree char *member = dup_member_name (member_type);
  g_autoptr(GError) error = NULL;

  *exception = NULL;
  if (!dispatch (self, member, ret, args, &error))
    {
      if (error == NULL)
        g_set_error (&error, IKU_UNO_ERROR, IKU_UNO_ERROR_UNSUPPORTED, "%s fejlede", member);
      g_debug ("%s: %s", member, error->message);
      iku_uno_error_throw (error, exception_memory, exception);
    }
}

uno_Interface *
iku_uno_object_new (const IkuUnoClass *klass,
                    gpointer           data,
                    GDestroyNotify     destroy)
{
  IkuUnoObject *self;

  g_return_val_if_fail (klass != NULL && klass->call != NULL, NULL);

  self = g_new0 (IkuUnoObject, 1);
  self->iface.acquire = object_acquire;
  self->iface.release = object_release;
  self->iface.pDispatcher = object_dispatch;
  self->ref_count = 1;
  self->klass = klass;
  self->data = data;
  self->destroy = destroy;
  return &self->iface;
}

gpointer
iku_uno_object_get_data (IkuUnoObject *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->data;
}
