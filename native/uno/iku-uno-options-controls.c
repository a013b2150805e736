/* SPDX-License-Identifier: GPL-3.0-or-later
 * An options page's controls (see iku-uno-options-controls.h). */
#include "iku-uno-options-controls.h"

#include "iku-uno-call.h"
#include "iku-uno-error.h"
#include "iku-uno-string.h"
#include "iku-uno-value.h"

/* The model (an XPropertySet) of the control @name of @page. (transfer full) */
static uno_Interface *
dup_model (uno_Interface *page,
           const char    *name,
           GError       **error)
{
  g_autoptr(rtl_uString) uname = iku_uno_string_new (name);
  g_autoptr(uno_Interface) control = NULL;
  void *args[1] = { &uname };

  if (!iku_uno_call_object_or_null (page, "com.sun.star.awt.XControlContainer::getControl", args,
                                    &control, error))
    return NULL;
  if (control == NULL)
    {
      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_NULL,
                   "indstillingssiden har intet felt %s", name);
      return NULL;
    }
  return iku_uno_call_object (control, "com.sun.star.awt.XControl::getModel", NULL, error);
}

static gboolean
set_property (uno_Interface *page,
              const char    *name,
              const char    *property,
              const uno_Any *value,
              GError       **error)
{
  g_autoptr(uno_Interface) model = dup_model (page, name, error);
  g_autoptr(rtl_uString) uproperty = NULL;
  void *args[2];

  if (model == NULL)
    return FALSE;
  uproperty = iku_uno_string_new (property);
  args[0] = &uproperty;
  args[1] = (void *) value;
  if (!iku_uno_call (model, "com.sun.star.beans.XPropertySet::setPropertyValue", NULL, args,
                     error))
    {
      g_prefix_error (error, "%s.%s: ", name, property);
      return FALSE;
    }
  return TRUE;
}

/* The value of @property of the control @name, constructed in @value. */
static gboolean
get_property (uno_Interface *page,
              const char    *name,
              const char    *property,
              uno_Any       *value,
              GError       **error)
{
  g_autoptr(uno_Interface) model = dup_model (page, name, error);
  g_autoptr(rtl_uString) uproperty = NULL;
  void *args[1];

  if (model == NULL)
    return FALSE;
  uproperty = iku_uno_string_new (property);
  args[0] = &uproperty;
  if (!iku_uno_call (model, "com.sun.star.beans.XPropertySet::getPropertyValue", value, args,
                     error))
    {
      g_prefix_error (error, "%s.%s: ", name, property);
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_string_property (uno_Interface *page,
                     const char    *name,
                     const char    *property,
                     const char    *text,
                     GError       **error)
{
  uno_Any value;
  gboolean ok;

  iku_uno_any_init_string (&value, text != NULL ? text : "");
  ok = set_property (page, name, property, &value, error);
  uno_any_destruct (&value, NULL);
  return ok;
}

char *
iku_uno_controls_dup_text (uno_Interface *page,
                           const char    *name,
                           GError       **error)
{
  uno_Any value;
  char *text;

  g_return_val_if_fail (name != NULL, NULL);

  if (!get_property (page, name, "Text", &value, error))
    return NULL;
  text = iku_uno_any_dup_string (&value);
  uno_any_destruct (&value, NULL);
  if (text == NULL)
    g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_TYPE, "%s har ingen tekst", name);
  return text;
}

gboolean
iku_uno_controls_set_text (uno_Interface *page,
                           const char    *name,
                           const char    *text,
                           GError       **error)
{
  g_return_val_if_fail (name != NULL, FALSE);
  return set_string_property (page, name, "Text", text, error);
}

gboolean
iku_uno_controls_set_label (uno_Interface *page,
                            const char    *name,
                            const char    *label,
                            GError       **error)
{
  g_return_val_if_fail (name != NULL, FALSE);
  return set_string_property (page, name, "Label", label, error);
}

gboolean
iku_uno_controls_get_checked (uno_Interface *page,
                              const char    *name,
                              gboolean      *checked,
                              GError       **error)
{
  uno_Any value;
  gboolean ok;

  g_return_val_if_fail (name != NULL && checked != NULL, FALSE);

  if (!get_property (page, name, "State", &value, error))
    return FALSE;
  /* State is a short: 0 unchecked, 1 checked, 2 undetermined (a tri-state box). */
  ok = value.pType->eTypeClass == typelib_TypeClass_SHORT;
  if (ok)
    *checked = *(sal_Int16 *) value.pData == 1;
  uno_any_destruct (&value, NULL);
  if (!ok)
    g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_TYPE, "%s har ingen afkrydsning", name);
  return ok;
}

gboolean
iku_uno_controls_set_checked (uno_Interface *page,
                              const char    *name,
                              gboolean       checked,
                              GError       **error)
{
  typelib_TypeDescriptionReference **type =
    typelib_static_type_getByTypeClass (typelib_TypeClass_SHORT);
  sal_Int16 state = checked ? 1 : 0;
  uno_Any value;
  gboolean ok;

  g_return_val_if_fail (name != NULL, FALSE);

  uno_type_any_construct (&value, &state, *type, NULL);
  ok = set_property (page, name, "State", &value, error);
  uno_any_destruct (&value, NULL);
  return ok;
}

gboolean
iku_uno_controls_set_enabled (uno_Interface *page,
                              const char    *name,
                              gboolean       enabled,
                              GError       **error)
{
  uno_Any value;
  gboolean ok;

  g_return_val_if_fail (name != NULL, FALSE);

  iku_uno_any_init_boolean (&value, enabled);
  ok = set_property (page, name, "Enabled", &value, error);
  uno_any_destruct (&value, NULL);
  return ok;
}

gboolean
iku_uno_controls_get_enabled (uno_Interface *page,
                              const char    *name,
                              gboolean      *enabled,
                              GError       **error)
{
  uno_Any value;
  gboolean ok;

  g_return_val_if_fail (name != NULL && enabled != NULL, FALSE);

  if (!get_property (page, name, "Enabled", &value, error))
    return FALSE;
  ok = iku_uno_any_get_boolean (&value, enabled);
  uno_any_destruct (&value, NULL);
  if (!ok)
    g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_TYPE, "%s.Enabled er ikke ja/nej", name);
  return ok;
}

/* Fills the default-constructed com.sun.star.lang.Locale at @locale. */
static gboolean
fill_locale (void       *locale,
             const char *language,
             const char *country,
             GError    **error)
{
  const char *fields[2] = { "Language", "Country" };
  const char *values[2] = { language, country };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autoptr(rtl_uString) value = iku_uno_string_new (values[i]);
      gsize offset;

      if (!iku_uno_struct_offset ("com.sun.star.lang.Locale", fields[i], &offset, error))
        return FALSE;
      rtl_uString_assign ((rtl_uString **) (void *) ((char *) locale + offset), value);
    }
  return TRUE;
}

gboolean
iku_uno_controls_set_language (uno_Interface *page,
                               IkuUnoLang     lang,
                               GError       **error)
{
  typelib_TypeDescription *locale_type;
  g_autoptr(uno_Interface) control = NULL;
  g_autoptr(uno_Interface) model = NULL;
  g_autoptr(uno_Interface) resolver = NULL;
  g_autoptr(rtl_uString) property = NULL;
  g_autofree void *locale = NULL;
  sal_Bool closest = 0;
  uno_Any value;
  void *args[2];
  gboolean ok;

  locale_type = iku_uno_type_get ("com.sun.star.lang.Locale", error);
  if (locale_type == NULL)
    return FALSE;
  control = iku_uno_query (page, "com.sun.star.awt.XControl", error);
  model = control != NULL
    ? iku_uno_call_object (control, "com.sun.star.awt.XControl::getModel", NULL, error)
    : NULL;
  if (model == NULL)
    return FALSE;
  property = iku_uno_string_new ("ResourceResolver");
  args[0] = &property;
  if (!iku_uno_call (model, "com.sun.star.beans.XPropertySet::getPropertyValue", &value, args,
                     error))
    return FALSE;
  resolver = iku_uno_any_dup_interface (&value);
  uno_any_destruct (&value, NULL);
  if (resolver == NULL)
    {
      g_set_error_literal (error, IKU_UNO_ERROR, IKU_UNO_ERROR_NULL,
                           "indstillingssiden har ingen tekster (.properties)");
      return FALSE;
    }

  locale = g_malloc0 ((gsize) locale_type->nSize);
  uno_constructData (locale, locale_type);
  ok = lang == IKU_UNO_LANG_EN ? fill_locale (locale, "en", "US", error)
                               : fill_locale (locale, "da", "DK", error);
  args[0] = locale;
  args[1] = &closest;
  /* The resolver tells the dialog model, which shows the texts anew. */
  ok = ok && iku_uno_call (resolver, "com.sun.star.resource.XStringResourceManager::setCurrentLocale",
                           NULL, args, error);
  uno_destructData (locale, locale_type, NULL);
  return ok;
}

uno_Interface *
iku_uno_controls_dup_peer (uno_Interface *page)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(uno_Interface) control = iku_uno_query (page, "com.sun.star.awt.XControl", &error);
  uno_Interface *peer = NULL;

  if (control == NULL ||
      !iku_uno_call_object_or_null (control, "com.sun.star.awt.XControl::getPeer", NULL, &peer,
                                    &error))
    g_debug ("options page without a peer: %s", error != NULL ? error->message : "-");
  return peer;
}
