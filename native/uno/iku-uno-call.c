/* SPDX-License-Identifier: GPL-3.0-or-later
 * Calls into the office by member name (see iku-uno-call.h).
 *
 * Why calls go through the declaring interface: a binary UNO reference is one
 * interface of an object, and its dispatcher maps a member to a slot of that
 * interface only. Calling XModel::getURL through an XSpreadsheetDocument reference
 * would hit the wrong slot, so every call first asks the object for the member's
 * interface (a cheap bridge-local lookup when it is the same one). */
#include "iku-uno-call.h"

#include "iku-uno-error.h"
#include "iku-uno-string.h"

/* Type descriptions by name. The office's type library lives as long as the process,
 * and descriptions are immutable, so entries are never removed; the mutex makes
 * lookups safe from the main thread and from remote bridge threads alike. */
static GMutex type_cache_lock;
static GHashTable *type_cache;

typelib_TypeDescription *
iku_uno_type_get (const char *name,
                  GError    **error)
{
  typelib_TypeDescription *type;

  g_return_val_if_fail (name != NULL, NULL);

  g_mutex_lock (&type_cache_lock);
  if (type_cache == NULL)
    type_cache = g_hash_table_new (g_str_hash, g_str_equal);
  type = g_hash_table_lookup (type_cache, name);
  if (type == NULL)
    {
      g_autoptr(rtl_uString) uname = iku_uno_string_new (name);

      typelib_typedescription_getByName (&type, uname);
      if (type != NULL && !type->bComplete)
        typelib_typedescription_complete (&type);
      if (type != NULL)
        g_hash_table_insert (type_cache, g_strdup (name), type);
    }
  g_mutex_unlock (&type_cache_lock);

  if (type == NULL)
    g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_TYPE,
                 "LibreOffice kender ikke typen %s", name);
  return type;
}

/* queryInterface on @obj, which may be any interface of the object. */
static uno_Interface *
query_type (uno_Interface                   *obj,
            typelib_TypeDescriptionReference *type,
            GError                          **error)
{
  typelib_TypeDescription *member;
  uno_Any result;
  uno_Any exception;
  uno_Any *exception_ptr = &exception;
  void *args[1] = { &type };
  uno_Interface *iface = NULL;

  member = iku_uno_type_get ("com.sun.star.uno.XInterface::queryInterface", error);
  if (member == NULL)
    return NULL;
  (*obj->pDispatcher) (obj, member, &result, args, &exception_ptr);
  if (exception_ptr != NULL)
    {
      iku_uno_error_take_exception (error, "XInterface::queryInterface", exception_ptr);
      return NULL;
    }
  if (result.pType->eTypeClass == typelib_TypeClass_INTERFACE)
    {
      iface = *(uno_Interface **) result.pData;
      if (iface != NULL)
        (*iface->acquire) (iface);
    }
  uno_any_destruct (&result, NULL);
  if (iface == NULL)
    {
      g_autofree char *name = iku_uno_string_dup_utf8 (type->pTypeName);
      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_UNSUPPORTED,
                   "objektet har ikke grænsefladen %s", name);
    }
  return iface;
}

uno_Interface *
iku_uno_query (uno_Interface *obj,
               const char    *iface_name,
               GError       **error)
{
  typelib_TypeDescription *type;

  g_return_val_if_fail (iface_name != NULL, NULL);

  if (obj == NULL)
    {
      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_NULL,
                   "intet objekt at spørge efter %s", iface_name);
      return NULL;
    }
  type = iku_uno_type_get (iface_name, error);
  if (type == NULL)
    return NULL;
  return query_type (obj, type->pWeakRef, error);
}

uno_Interface *
iku_uno_query_or_null (uno_Interface *obj,
                       const char    *iface_name)
{
  g_autoptr(GError) ignored = NULL;

  if (obj == NULL)
    return NULL;
  return iku_uno_query (obj, iface_name, &ignored);
}

gboolean
iku_uno_has_interface (uno_Interface *obj,
                       const char    *iface_name)
{
  g_autoptr(uno_Interface) iface = iku_uno_query_or_null (obj, iface_name);

  return iface != NULL;
}

gboolean
iku_uno_call (uno_Interface *obj,
              const char    *member,
              void          *ret,
              void         **args,
              GError       **error)
{
  typelib_TypeDescription *member_type;
  typelib_InterfaceTypeDescription *declaring;
  g_autoptr(uno_Interface) target = NULL;
  uno_Any exception;
  uno_Any *exception_ptr = &exception;

  g_return_val_if_fail (member != NULL, FALSE);

  member_type = iku_uno_type_get (member, error);
  if (member_type == NULL)
    return FALSE;
  if (member_type->eTypeClass != typelib_TypeClass_INTERFACE_METHOD)
    {
      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_TYPE, "%s er ikke en metode", member);
      return FALSE;
    }
  if (obj == NULL)
    {
      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_NULL,
                   "intet objekt at kalde %s på", member);
      return FALSE;
    }

  declaring = ((typelib_InterfaceMethodTypeDescription *) member_type)->pInterface;
  if (declaring == NULL)
    {
      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_TYPE,
                   "%s hører ikke til en grænseflade", member);
      return FALSE;
    }
  if (iku_uno_string_equal_ascii (declaring->aBase.pTypeName, "com.sun.star.uno.XInterface"))
    {
      /* Every reference is an XInterface. */
      (*obj->acquire) (obj);
      target = obj;
    }
  else
    {
      target = query_type (obj, declaring->aBase.pWeakRef, error);
      if (target == NULL)
        {
          g_prefix_error (error, "%s: ", member);
          return FALSE;
        }
    }

  (*target->pDispatcher) (target, member_type, ret, args, &exception_ptr);
  if (exception_ptr != NULL)
    {
      iku_uno_error_take_exception (error, member, exception_ptr);
      return FALSE;
    }
  return TRUE;
}

gboolean
iku_uno_call_object_or_null (uno_Interface  *obj,
                             const char     *member,
                             void          **args,
                             uno_Interface **result,
                             GError        **error)
{
  uno_Interface *ret = NULL;

  g_return_val_if_fail (result != NULL, FALSE);

  *result = NULL;
  if (!iku_uno_call (obj, member, &ret, args, error))
    return FALSE;
  *result = ret;
  return TRUE;
}

uno_Interface *
iku_uno_call_object (uno_Interface *obj,
                     const char    *member,
                     void         **args,
                     GError       **error)
{
  uno_Interface *ret = NULL;

  if (!iku_uno_call_object_or_null (obj, member, args, &ret, error))
    return NULL;
  if (ret == NULL)
    g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_NULL, "%s gav intet objekt", member);
  return ret;
}

char *
iku_uno_call_string (uno_Interface *obj,
                     const char    *member,
                     void         **args,
                     GError       **error)
{
  rtl_uString *ret = NULL;
  char *utf8;

  if (!iku_uno_call (obj, member, &ret, args, error))
    return NULL;
  utf8 = iku_uno_string_dup_utf8 (ret);
  if (ret != NULL)
    rtl_uString_release (ret);
  return utf8;
}

gboolean
iku_uno_call_boolean (uno_Interface *obj,
                      const char    *member,
                      void         **args,
                      gboolean      *result,
                      GError       **error)
{
  sal_Bool ret = 0;

  g_return_val_if_fail (result != NULL, FALSE);

  if (!iku_uno_call (obj, member, &ret, args, error))
    return FALSE;
  *result = ret != 0;
  return TRUE;
}

gboolean
iku_uno_call_int32 (uno_Interface *obj,
                    const char    *member,
                    void         **args,
                    gint32        *result,
                    GError       **error)
{
  sal_Int32 ret = 0;

  g_return_val_if_fail (result != NULL, FALSE);

  if (!iku_uno_call (obj, member, &ret, args, error))
    return FALSE;
  *result = ret;
  return TRUE;
}

gboolean
iku_uno_enumeration_collect (uno_Interface *enumeration,
                             guint          max,
                             GPtrArray     *out,
                             GError       **error)
{
  g_return_val_if_fail (out != NULL, FALSE);

  for (guint i = 0; i < max; i++)
    {
      gboolean more = FALSE;
      uno_Any element;
      uno_Interface *obj;

      if (!iku_uno_call_boolean (enumeration,
                                 "com.sun.star.container.XEnumeration::hasMoreElements", NULL,
                                 &more, error))
        return FALSE;
      if (!more)
        break;
      if (!iku_uno_call (enumeration, "com.sun.star.container.XEnumeration::nextElement", &element,
                         NULL, error))
        return FALSE;
      obj = element.pType->eTypeClass == typelib_TypeClass_INTERFACE
        ? *(uno_Interface **) element.pData : NULL;
      if (obj != NULL)
        {
          (*obj->acquire) (obj);
          g_ptr_array_add (out, obj);
        }
      uno_any_destruct (&element, NULL);
    }
  return TRUE;
}

uno_Interface *
iku_uno_create_instance (uno_Interface *context,
                         const char    *name,
                         GError       **error)
{
  g_autoptr(uno_Interface) ctx = NULL;
  g_autoptr(uno_Interface) factory = NULL;
  g_autoptr(rtl_uString) uname = NULL;
  void *args[2];
  uno_Interface *instance;

  g_return_val_if_fail (name != NULL, NULL);

  /* A parameter of interface type must be exactly that interface. */
  ctx = iku_uno_query (context, "com.sun.star.uno.XComponentContext", error);
  if (ctx == NULL)
    return NULL;
  factory = iku_uno_call_object (ctx, "com.sun.star.uno.XComponentContext::getServiceManager",
                                 NULL, error);
  if (factory == NULL)
    return NULL;
  uname = iku_uno_string_new (name);
  args[0] = &uname;
  args[1] = &ctx;
  instance = iku_uno_call_object (factory,
                                  "com.sun.star.lang.XMultiComponentFactory::createInstanceWithContext",
                                  args, error);
  if (instance == NULL)
    g_prefix_error (error, "%s: ", name);
  return instance;
}

char *
iku_uno_dup_object_id (uno_Interface *obj)
{
  g_autoptr(rtl_uString) env_name = NULL;
  rtl_uString *oid = NULL;
  uno_Environment *env = NULL;
  char *id = NULL;

  g_return_val_if_fail (obj != NULL, NULL);

  /* The binary UNO environment this library lives in ("uno") knows every object
   * that crosses into it by its object identifier, the same for all of the
   * object's interfaces; comparing pointers would depend on proxy reuse. */
  env_name = iku_uno_string_new (UNO_LB_UNO);
  uno_getEnvironment (&env, env_name, NULL);
  if (env == NULL)
    return NULL;
  if (env->pExtEnv != NULL)
    (*env->pExtEnv->getObjectIdentifier) (env->pExtEnv, &oid, obj);
  (*env->release) (env);
  if (oid == NULL)
    return NULL;
  if (oid->length > 0)
    id = iku_uno_string_dup_utf8 (oid);
  rtl_uString_release (oid);
  return id;
}

uno_Interface *
iku_uno_weak_new (uno_Interface *obj,
                  GError       **error)
{
  return iku_uno_call_object (obj, "com.sun.star.uno.XWeak::queryAdapter", NULL, error);
}

uno_Interface *
iku_uno_weak_dup (uno_Interface *adapter)
{
  g_autoptr(GError) error = NULL;
  uno_Interface *obj = NULL;

  if (adapter == NULL)
    return NULL;
  if (!iku_uno_call_object_or_null (adapter, "com.sun.star.uno.XAdapter::queryAdapted", NULL, &obj,
                                    &error))
    g_debug ("weak reference: %s", error->message);
  return obj;
}
