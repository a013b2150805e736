/* SPDX-License-Identifier: GPL-3.0-or-later
 * The Options page's settings in the configuration (see iku-uno-options-config.h).
 *
 * A locked option is one whose property the update access reports READONLY: the
 * configuration does that for a value finalized in a lower layer (an
 * administrator's preset, oor:finalized="true"). Writing one would throw, so a
 * locked option is shown but never written. */
#include "iku-uno-options-config.h"

#include <string.h>

#include "iku-uno-call.h"
#include "iku-uno-config.h"
#include "iku-uno-error.h"
#include "iku-uno-string.h"
#include "iku-uno-value.h"

/* com.sun.star.beans.PropertyAttribute::READONLY */
#define ATTRIBUTE_READONLY 16

static const char * const option_names[IKU_UNO_N_OPTIONS] = {
  [IKU_UNO_OPTION_ORGANISATION] = "Organisation",
  [IKU_UNO_OPTION_LOGO] = "Logo",
  [IKU_UNO_OPTION_TEXTS] = "Tekster",
  [IKU_UNO_OPTION_FOLDER] = "Mappe",
  [IKU_UNO_OPTION_PATTERN] = "Filnavn",
  [IKU_UNO_OPTION_TEAM_PLAN] = "Teamudviklingsplan",
  [IKU_UNO_OPTION_COMBINED] = "Samlet",
};

struct _IkuUnoOptions {
  char     *strings[IKU_UNO_N_OPTIONS];    /* text options; NULL for the switches */
  gboolean  booleans[IKU_UNO_N_OPTIONS];   /* switches */
  gboolean  locked[IKU_UNO_N_OPTIONS];
};

const char *
iku_uno_option_get_name (IkuUnoOption option)
{
  g_return_val_if_fail (option < IKU_UNO_N_OPTIONS, "");
  return option_names[option];
}

gboolean
iku_uno_option_is_boolean (IkuUnoOption option)
{
  return option == IKU_UNO_OPTION_TEAM_PLAN || option == IKU_UNO_OPTION_COMBINED;
}

IkuUnoOptions *
iku_uno_options_new (void)
{
  IkuUnoOptions *options = g_new0 (IkuUnoOptions, 1);

  for (guint i = 0; i < IKU_UNO_N_OPTIONS; i++)
    if (!iku_uno_option_is_boolean (i))
      options->strings[i] = g_strdup ("");
  return options;
}

IkuUnoOptions *
iku_uno_options_copy (const IkuUnoOptions *options)
{
  IkuUnoOptions *copy;

  g_return_val_if_fail (options != NULL, NULL);

  copy = g_memdup2 (options, sizeof *options);
  for (guint i = 0; i < IKU_UNO_N_OPTIONS; i++)
    copy->strings[i] = g_strdup (options->strings[i]);
  return copy;
}

void
iku_uno_options_free (IkuUnoOptions *options)
{
  if (options == NULL)
    return;
  for (guint i = 0; i < IKU_UNO_N_OPTIONS; i++)
    g_free (options->strings[i]);
  g_free (options);
}

const char *
iku_uno_options_get_string (const IkuUnoOptions *options,
                            IkuUnoOption         option)
{
  g_return_val_if_fail (options != NULL && option < IKU_UNO_N_OPTIONS, "");
  g_return_val_if_fail (!iku_uno_option_is_boolean (option), "");
  return options->strings[option];
}

void
iku_uno_options_set_string (IkuUnoOptions *options,
                            IkuUnoOption   option,
                            const char    *value)
{
  g_return_if_fail (options != NULL && option < IKU_UNO_N_OPTIONS);
  g_return_if_fail (!iku_uno_option_is_boolean (option));

  g_free (options->strings[option]);
  options->strings[option] = g_strdup (value != NULL ? value : "");
}

gboolean
iku_uno_options_get_boolean (const IkuUnoOptions *options,
                             IkuUnoOption         option)
{
  g_return_val_if_fail (options != NULL && iku_uno_option_is_boolean (option), FALSE);
  return options->booleans[option];
}

void
iku_uno_options_set_boolean (IkuUnoOptions *options,
                             IkuUnoOption   option,
                             gboolean       value)
{
  g_return_if_fail (options != NULL && iku_uno_option_is_boolean (option));
  options->booleans[option] = value != FALSE;
}

gboolean
iku_uno_options_is_locked (const IkuUnoOptions *options,
                           IkuUnoOption         option)
{
  g_return_val_if_fail (options != NULL && option < IKU_UNO_N_OPTIONS, FALSE);
  return options->locked[option];
}

gboolean
iku_uno_options_equal (const IkuUnoOptions *a,
                       const IkuUnoOptions *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  for (guint i = 0; i < IKU_UNO_N_OPTIONS; i++)
    if (iku_uno_option_is_boolean (i) ? a->booleans[i] != b->booleans[i]
                                      : strcmp (a->strings[i], b->strings[i]) != 0)
      return FALSE;
  return TRUE;
}

/* TRUE in *@locked when the property @name of the node @access is read-only. */
static gboolean
read_locked (uno_Interface *access,
             const char    *name,
             gboolean      *locked,
             GError       **error)
{
  typelib_TypeDescription *property_type;
  g_autoptr(uno_Interface) info = NULL;
  g_autoptr(rtl_uString) uname = NULL;
  g_autofree void *property = NULL;
  gsize offset;
  void *args[1];

  property_type = iku_uno_type_get ("com.sun.star.beans.Property", error);
  if (property_type == NULL ||
      !iku_uno_struct_offset ("com.sun.star.beans.Property", "Attributes", &offset, error))
    return FALSE;
  info = iku_uno_call_object (access, "com.sun.star.beans.XPropertySet::getPropertySetInfo", NULL,
                              error);
  if (info == NULL)
    return FALSE;
  uname = iku_uno_string_new (name);
  args[0] = &uname;
  property = g_malloc0 ((gsize) property_type->nSize);
  if (!iku_uno_call (info, "com.sun.star.beans.XPropertySetInfo::getPropertyByName", property,
                     args, error))
    return FALSE;
  *locked = (*(sal_Int16 *) (void *) ((char *) property + offset) & ATTRIBUTE_READONLY) != 0;
  uno_destructData (property, property_type, NULL);
  return TRUE;
}

/* Reads @option from @access into @options. */
static gboolean
read_option (uno_Interface *access,
             IkuUnoOptions *options,
             IkuUnoOption   option,
             GError       **error)
{
  const char *name = option_names[option];
  g_autoptr(rtl_uString) uname = iku_uno_string_new (name);
  void *args[1] = { &uname };
  gboolean ok = TRUE;
  uno_Any value;

  if (!iku_uno_call (access, "com.sun.star.container.XNameAccess::getByName", &value, args, error))
    return FALSE;
  if (iku_uno_option_is_boolean (option))
    {
      gboolean b = FALSE;
      /* A void value (a nil in some layer) is the default: off. */
      if (value.pType->eTypeClass != typelib_TypeClass_VOID && !iku_uno_any_get_boolean (&value, &b))
        ok = FALSE;
      options->booleans[option] = b;
    }
  else
    {
      g_autofree char *text = iku_uno_any_dup_string (&value);
      if (text == NULL && value.pType->eTypeClass != typelib_TypeClass_VOID)
        ok = FALSE;
      iku_uno_options_set_string (options, option, text);
    }
  uno_any_destruct (&value, NULL);
  if (!ok)
    {
      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_TYPE,
                   "%s/%s har en værdi af en forkert type", IKU_UNO_OPTIONS_NODE, name);
      return FALSE;
    }
  return read_locked (access, name, &options->locked[option], error);
}

IkuUnoOptions *
iku_uno_options_config_read (uno_Interface *context,
                             GError       **error)
{
  g_autoptr(IkuUnoOptions) options = iku_uno_options_new ();
  g_autoptr(uno_Interface) access = iku_uno_config_open (context, IKU_UNO_OPTIONS_NODE, TRUE,
                                                         error);

  if (access == NULL)
    return NULL;
  for (guint i = 0; i < IKU_UNO_N_OPTIONS; i++)
    if (!read_option (access, options, i, error))
      return NULL;
  return g_steal_pointer (&options);
}

gboolean
iku_uno_options_config_write (uno_Interface       *context,
                              const IkuUnoOptions *options,
                              GError             **error)
{
  g_autoptr(uno_Interface) access = NULL;

  g_return_val_if_fail (options != NULL, FALSE);

  access = iku_uno_config_open (context, IKU_UNO_OPTIONS_NODE, TRUE, error);
  if (access == NULL)
    return FALSE;
  for (guint i = 0; i < IKU_UNO_N_OPTIONS; i++)
    {
      g_autoptr(rtl_uString) name = iku_uno_string_new (option_names[i]);
      gboolean locked = FALSE;
      gboolean ok;
      uno_Any value;
      void *args[2] = { &name, &value };

      /* Asked afresh: an administrator may have locked it since the page was filled. */
      if (!read_locked (access, option_names[i], &locked, error))
        return FALSE;
      if (locked)
        continue;
      if (iku_uno_option_is_boolean (i))
        iku_uno_any_init_boolean (&value, options->booleans[i]);
      else
        iku_uno_any_init_string (&value, options->strings[i]);
      ok = iku_uno_call (access, "com.sun.star.container.XNameReplace::replaceByName", NULL, args,
                         error);
      uno_any_destruct (&value, NULL);
      if (!ok)
        return FALSE;
    }
  /* Changes not committed are dropped with the access. */
  return iku_uno_call (access, "com.sun.star.util.XChangesBatch::commitChanges", NULL, NULL, error);
}
