/* SPDX-License-Identifier: GPL-3.0-or-later
 * Configuration nodes (see iku-uno-config.h). */
#include "iku-uno-config.h"

#include "iku-uno-call.h"
#include "iku-uno-string.h"
#include "iku-uno-value.h"

uno_Interface *
iku_uno_config_open (uno_Interface *context,
                     const char    *node_path,
                     gboolean       for_update,
                     GError       **error)
{
  typelib_TypeDescription *any_seq_type;
  g_autoptr(uno_Interface) provider = NULL;
  g_autoptr(rtl_uString) service = NULL;
  uno_Interface *access;
  uno_Sequence *arguments = NULL;
  uno_Any path;
  uno_Any argument;
  void *args[2];
  gboolean ok;

  g_return_val_if_fail (node_path != NULL, NULL);

  any_seq_type = iku_uno_type_get ("[]any", error);
  if (any_seq_type == NULL)
    return NULL;
  provider = iku_uno_create_instance (context, "com.sun.star.configuration.ConfigurationProvider",
                                      error);
  if (provider == NULL)
    return NULL;

  iku_uno_any_init_string (&path, node_path);
  ok = iku_uno_any_init_named_value (&argument, "nodepath", &path, error);
  uno_any_destruct (&path, NULL);
  if (!ok)
    return NULL;
  uno_sequence_construct (&arguments, any_seq_type, &argument, 1, NULL);
  uno_any_destruct (&argument, NULL);

  service = iku_uno_string_new (for_update
                                ? "com.sun.star.configuration.ConfigurationUpdateAccess"
                                : "com.sun.star.configuration.ConfigurationAccess");
  args[0] = &service;
  args[1] = &arguments;
  access = iku_uno_call_object (provider,
                                "com.sun.star.lang.XMultiServiceFactory::createInstanceWithArguments",
                                args, error);
  uno_destructData (&arguments, any_seq_type, NULL);
  if (access == NULL)
    g_prefix_error (error, "%s: ", node_path);
  return access;
}
