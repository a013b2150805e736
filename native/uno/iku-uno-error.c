/* SPDX-License-Identifier: GPL-3.0-or-later
 * GError <-> UNO exceptions and messages (see iku-uno-error.h). */
#include "iku-uno-error.h"

#include "iku-uno-string.h"

G_DEFINE_QUARK (iku-uno-error-quark, iku_uno_error)

void
iku_uno_error_take_exception (GError    **error,
                              const char *what,
                              uno_Any    *exception)
{
  g_autofree char *type_name = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (exception != NULL);

  type_name = iku_uno_string_dup_utf8 (exception->pType->pTypeName);
  /* Every UNO exception is a struct whose first member is the string Message. */
  if (exception->pType->eTypeClass == typelib_TypeClass_EXCEPTION && exception->pData != NULL)
    message = iku_uno_string_dup_utf8 (*(rtl_uString **) exception->pData);
  uno_any_destruct (exception, NULL);

  g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_EXCEPTION, "%s: %s%s%s",
               what, type_name,
               message != NULL && *message != '\0' ? ": " : "",
               message != NULL ? message : "");
}

void
iku_uno_error_throw (const GError *error,
                     uno_Any      *exception_memory,
                     uno_Any     **exception)
{
  typelib_TypeDescription *type = NULL;
  g_autoptr(rtl_uString) type_name = NULL;
  g_autoptr(rtl_uString) message = NULL;

  g_return_if_fail (error != NULL && exception_memory != NULL && exception != NULL);

  type_name = iku_uno_string_new ("com.sun.star.uno.RuntimeException");
  typelib_typedescription_getByName (&type, type_name);
  if (type == NULL)
    {
      /* Cannot happen in a running office; an empty any still signals failure. */
      uno_any_construct (exception_memory, NULL, NULL, NULL);
      *exception = exception_memory;
      return;
    }
  uno_any_construct (exception_memory, NULL, type, NULL);
  message = iku_uno_string_new (error->message);
  rtl_uString_assign ((rtl_uString **) exception_memory->pData, message);
  typelib_typedescription_release (type);
  *exception = exception_memory;
}

char *
iku_uno_error_dup_message (const GError *error,
                           IkuUnoLang    lang)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == IKU_UNO_ERROR &&
      (error->code == IKU_UNO_ERROR_EXCEPTION || error->code == IKU_UNO_ERROR_TYPE ||
       error->code == IKU_UNO_ERROR_NULL || error->code == IKU_UNO_ERROR_UNSUPPORTED))
    return iku_uno_l10n_format (lang, IKU_UNO_TEXT_OFFICE_FAILED, error->message, NULL);
  return g_strdup (error->message);
}
