/* SPDX-License-Identifier: GPL-3.0-or-later
 * Anys, sequences, struct fields and NamedValue lists (see iku-uno-value.h). */
#include "iku-uno-value.h"

#include "iku-uno-call.h"
#include "iku-uno-error.h"
#include "iku-uno-string.h"

#define NAMED_VALUE "com.sun.star.beans.NamedValue"
#define NAMED_VALUE_SEQ "[]com.sun.star.beans.NamedValue"

gboolean
iku_uno_struct_offset (const char *struct_name,
                       const char *field,
                       gsize      *offset,
                       GError    **error)
{
  typelib_TypeDescription *type;

  g_return_val_if_fail (struct_name != NULL && field != NULL && offset != NULL, FALSE);

  type = iku_uno_type_get (struct_name, error);
  if (type == NULL)
    return FALSE;
  if (type->eTypeClass == typelib_TypeClass_STRUCT || type->eTypeClass == typelib_TypeClass_EXCEPTION)
    {
      for (typelib_CompoundTypeDescription *compound = (typelib_CompoundTypeDescription *) type;
           compound != NULL; compound = compound->pBaseTypeDescription)
        for (sal_Int32 i = 0; i < compound->nMembers; i++)
          if (iku_uno_string_equal_ascii (compound->ppMemberNames[i], field))
            {
              *offset = (gsize) compound->pMemberOffsets[i];
              return TRUE;
            }
    }
  g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_TYPE, "%s har intet felt %s", struct_name, field);
  return FALSE;
}

void
iku_uno_sequence_free (uno_Sequence *seq,
                       const char   *type_name)
{
  typelib_TypeDescription *type;

  if (seq == NULL)
    return;
  type = iku_uno_type_get (type_name, NULL);
  g_return_if_fail (type != NULL);
  uno_destructData (&seq, type, NULL);
}

uno_Interface *
iku_uno_any_dup_interface (const uno_Any *any)
{
  uno_Interface *iface;

  if (any == NULL || any->pType->eTypeClass != typelib_TypeClass_INTERFACE)
    return NULL;
  iface = *(uno_Interface **) any->pData;
  if (iface != NULL)
    (*iface->acquire) (iface);
  return iface;
}

char *
iku_uno_any_dup_string (const uno_Any *any)
{
  if (any == NULL || any->pType->eTypeClass != typelib_TypeClass_STRING)
    return NULL;
  return iku_uno_string_dup_utf8 (*(rtl_uString **) any->pData);
}

gint32
iku_uno_any_get_string_units (const uno_Any *any)
{
  const rtl_uString *str;

  if (any == NULL || any->pType->eTypeClass != typelib_TypeClass_STRING)
    return -1;
  str = *(rtl_uString * const *) any->pData;
  return str != NULL ? str->length : 0;
}

gboolean
iku_uno_any_get_boolean (const uno_Any *any,
                         gboolean      *value)
{
  g_return_val_if_fail (value != NULL, FALSE);

  if (any == NULL || any->pType->eTypeClass != typelib_TypeClass_BOOLEAN)
    return FALSE;
  *value = *(sal_Bool *) any->pData != 0;
  return TRUE;
}

void
iku_uno_any_init_boolean (uno_Any *any,
                          gboolean value)
{
  typelib_TypeDescriptionReference **type =
    typelib_static_type_getByTypeClass (typelib_TypeClass_BOOLEAN);
  sal_Bool b = value ? 1 : 0;

  uno_type_any_construct (any, &b, *type, NULL);
}

void
iku_uno_any_init_string (uno_Any    *any,
                         const char *utf8)
{
  typelib_TypeDescriptionReference **type = typelib_static_type_getByTypeClass (typelib_TypeClass_STRING);
  g_autoptr(rtl_uString) str = iku_uno_string_new (utf8);

  uno_type_any_construct (any, &str, *type, NULL);
}

gboolean
iku_uno_any_init_strings (uno_Any            *any,
                          const char * const *strv,
                          guint               n,
                          GError            **error)
{
  typelib_TypeDescription *type;
  g_autofree rtl_uString **strs = NULL;
  uno_Sequence *seq = NULL;

  type = iku_uno_type_get ("[]string", error);
  if (type == NULL)
    return FALSE;
  if (n > G_MAXINT32)
    {
      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_TOO_LARGE, "for mange tekster");
      return FALSE;
    }
  strs = g_new0 (rtl_uString *, n + 1);
  for (guint i = 0; i < n; i++)
    strs[i] = iku_uno_string_new (strv[i]);
  /* Copies (acquires) the strings. */
  uno_sequence_construct (&seq, type, strs, (sal_Int32) n, NULL);
  for (guint i = 0; i < n; i++)
    rtl_uString_release (strs[i]);
  uno_any_construct (any, &seq, type, NULL);
  uno_destructData (&seq, type, NULL);
  return TRUE;
}

/* Fills Name and Value of the default-constructed struct @struct_name (a NamedValue
 * or a PropertyValue) at @mem. */
static gboolean
fill_name_value (const char    *struct_name,
                 void          *mem,
                 const char    *name,
                 const uno_Any *value,
                 GError       **error)
{
  gsize name_offset;
  gsize value_offset;
  g_autoptr(rtl_uString) uname = NULL;
  uno_Any *field;

  if (!iku_uno_struct_offset (struct_name, "Name", &name_offset, error) ||
      !iku_uno_struct_offset (struct_name, "Value", &value_offset, error))
    return FALSE;
  uname = iku_uno_string_new (name);
  rtl_uString_assign ((rtl_uString **) ((char *) mem + name_offset), uname);
  field = (uno_Any *) (void *) ((char *) mem + value_offset);
  uno_any_destruct (field, NULL);
  uno_type_any_construct (field, value->pData, value->pType, NULL);
  return TRUE;
}

/* A new sequence @seq_name of @n structs @struct_name made of @names and @values.
 * (transfer full) */
static uno_Sequence *
new_name_value_sequence (const char         *seq_name,
                         const char         *struct_name,
                         const char * const *names,
                         const uno_Any      *values,
                         guint               n,
                         GError            **error)
{
  typelib_TypeDescription *seq_type;
  typelib_TypeDescription *type;
  uno_Sequence *seq = NULL;

  seq_type = iku_uno_type_get (seq_name, error);
  type = seq_type != NULL ? iku_uno_type_get (struct_name, error) : NULL;
  if (type == NULL)
    return NULL;
  g_return_val_if_fail (n <= 1024, NULL);

  uno_sequence_construct (&seq, seq_type, NULL, (sal_Int32) n, NULL);
  for (guint i = 0; i < n; i++)
    if (!fill_name_value (struct_name, seq->elements + (gsize) i * (gsize) type->nSize, names[i],
                          &values[i], error))
      {
        uno_destructData (&seq, seq_type, NULL);
        return NULL;
      }
  return seq;
}

gboolean
iku_uno_any_init_named_value (uno_Any       *any,
                              const char    *name,
                              const uno_Any *value,
                              GError       **error)
{
  typelib_TypeDescription *type;
  g_autofree void *mem = NULL;
  gboolean ok;

  type = iku_uno_type_get (NAMED_VALUE, error);
  if (type == NULL)
    return FALSE;
  mem = g_malloc0 ((gsize) type->nSize);
  uno_constructData (mem, type);
  ok = fill_name_value (NAMED_VALUE, mem, name, value, error);
  if (ok)
    uno_any_construct (any, mem, type, NULL);
  uno_destructData (mem, type, NULL);
  return ok;
}

gboolean
iku_uno_any_init_named_values (uno_Any            *any,
                               const char * const *names,
                               const uno_Any      *values,
                               guint               n,
                               GError            **error)
{
  typelib_TypeDescription *seq_type = iku_uno_type_get (NAMED_VALUE_SEQ, error);
  uno_Sequence *seq;

  if (seq_type == NULL)
    return FALSE;
  seq = new_name_value_sequence (NAMED_VALUE_SEQ, NAMED_VALUE, names, values, n, error);
  if (seq == NULL)
    return FALSE;
  uno_any_construct (any, &seq, seq_type, NULL);
  uno_destructData (&seq, seq_type, NULL);
  return TRUE;
}

uno_Sequence *
iku_uno_property_values_new (const char * const *names,
                             const uno_Any      *values,
                             guint               n,
                             GError            **error)
{
  return new_name_value_sequence (IKU_UNO_PROPERTY_VALUE_SEQ, "com.sun.star.beans.PropertyValue",
                                  names, values, n, error);
}

static gboolean
call_with_named_value (const void          *mem,
                       IkuUnoNamedValueFunc func,
                       gpointer             user_data,
                       GError             **error)
{
  gsize name_offset;
  gsize value_offset;
  g_autofree char *name = NULL;

  if (!iku_uno_struct_offset (NAMED_VALUE, "Name", &name_offset, error) ||
      !iku_uno_struct_offset (NAMED_VALUE, "Value", &value_offset, error))
    return FALSE;
  name = iku_uno_string_dup_utf8 (*(rtl_uString * const *) ((const char *) mem + name_offset));
  return func (name, (const uno_Any *) (const void *) ((const char *) mem + value_offset),
               user_data, error);
}

gboolean
iku_uno_named_values_foreach (const uno_Sequence  *seq,
                              IkuUnoNamedValueFunc func,
                              gpointer             user_data,
                              GError             **error)
{
  typelib_TypeDescription *type;

  g_return_val_if_fail (func != NULL, FALSE);

  if (seq == NULL)
    return TRUE;
  type = iku_uno_type_get (NAMED_VALUE, error);
  if (type == NULL)
    return FALSE;
  for (sal_Int32 i = 0; i < seq->nElements; i++)
    if (!call_with_named_value (seq->elements + (gsize) i * (gsize) type->nSize,
                                func, user_data, error))
      return FALSE;
  return TRUE;
}

gboolean
iku_uno_any_foreach_named_value (const uno_Any       *any,
                                 IkuUnoNamedValueFunc func,
                                 gpointer             user_data,
                                 GError             **error)
{
  const uno_Sequence *seq;

  g_return_val_if_fail (any != NULL && func != NULL, FALSE);

  if (iku_uno_string_equal_ascii (any->pType->pTypeName, NAMED_VALUE_SEQ))
    return iku_uno_named_values_foreach (*(uno_Sequence * const *) any->pData, func, user_data,
                                         error);
  if (!iku_uno_string_equal_ascii (any->pType->pTypeName, "[]any"))
    {
      g_autofree char *type_name = iku_uno_string_dup_utf8 (any->pType->pTypeName);
      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_ARGUMENT,
                   "forventede en liste af NamedValue, fik %s", type_name);
      return FALSE;
    }
  seq = *(uno_Sequence * const *) any->pData;
  for (sal_Int32 i = 0; i < seq->nElements; i++)
    {
      const uno_Any *element = (const uno_Any *) (const void *) seq->elements + i;

      if (iku_uno_string_equal_ascii (element->pType->pTypeName, NAMED_VALUE) &&
          !call_with_named_value (element->pData, func, user_data, error))
        return FALSE;
    }
  return TRUE;
}
