/* SPDX-License-Identifier: GPL-3.0-or-later
 * The extension's settings (see iku-uno-settings.h), through
 * com.sun.star.configuration.ConfigurationProvider: a read-only
 * ConfigurationAccess on the node, XNameAccess.getByName for each property. */
#include "iku-uno-settings.h"

#include "iku-uno-call.h"
#include "iku-uno-error.h"
#include "iku-uno-string.h"
#include "iku-uno-value.h"

#define SETTINGS_NODE "/org.ikuflet.Settings"

/* A read-only view of the configuration node @node_path. (transfer full) */
static uno_Interface *
open_node (uno_Interface *context, const char *node_path, GError **error)
{
  typelib_TypeDescription *any_seq_type = iku_uno_type_get ("[]any", error);
  g_autoptr(uno_Interface) provider = any_seq_type != NULL
    ? iku_uno_create_instance (context, "com.sun.star.configuration.ConfigurationProvider", error)
    : NULL;
  if (provider == NULL)
    return NULL;

  uno_Any path, argument;
  iku_uno_any_init_string (&path, node_path);
  gboolean ok = iku_uno_any_init_named_value (&argument, "nodepath", &path, error);
  uno_any_destruct (&path, NULL);
  if (!ok)
    return NULL;
  uno_Sequence *arguments = NULL;
  uno_sequence_construct (&arguments, any_seq_type, &argument, 1, NULL);
  uno_any_destruct (&argument, NULL);

  g_autoptr(rtl_uString) service = iku_uno_string_new ("com.sun.star.configuration.ConfigurationAccess");
  void *args[2] = { &service, &arguments };
  uno_Interface *access = iku_uno_call_object (
      provider, "com.sun.star.lang.XMultiServiceFactory::createInstanceWithArguments", args,
      error);
  uno_destructData (&arguments, any_seq_type, NULL);
  return access;
}

/* The boolean @property of @access into @value; FALSE (value kept) when absent. */
static gboolean
read_boolean (uno_Interface *access, const char *property, gboolean *value, GError **error)
{
  g_autoptr(rtl_uString) name = iku_uno_string_new (property);
  void *args[1] = { &name };
  uno_Any any;
  if (!iku_uno_call (access, "com.sun.star.container.XNameAccess::getByName", &any, args, error))
    return FALSE;
  gboolean ok = iku_uno_any_get_boolean (&any, value);
  uno_any_destruct (&any, NULL);
  if (!ok)
    g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_ARGUMENT, "%s is not a boolean", property);
  return ok;
}

void
iku_uno_settings_read (uno_Interface *context, IkuUnoSettings *settings)
{
  g_return_if_fail (settings != NULL);
  *settings = (IkuUnoSettings) { FALSE, FALSE };

  g_autoptr(GError) error = NULL;
  g_autoptr(uno_Interface) access = open_node (context, SETTINGS_NODE, &error);
  if (access == NULL)
    {
      g_debug ("settings %s not readable, defaults used: %s", SETTINGS_NODE, error->message);
      return;
    }
  const struct { const char *name; gboolean *value; } props[] = {
    { "Teamudviklingsplan", &settings->team_plan },
    { "Samlet", &settings->combined },
  };
  for (guint i = 0; i < G_N_ELEMENTS (props); i++)
    if (!read_boolean (access, props[i].name, props[i].value, &error))
      {
        g_debug ("setting %s/%s not readable, off: %s", SETTINGS_NODE, props[i].name,
                 error->message);
        g_clear_error (&error);
      }
}
