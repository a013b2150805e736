/* SPDX-License-Identifier: GPL-3.0-or-later
 * The extension's settings (see iku-uno-settings.h), through
 * com.sun.star.configuration.ConfigurationProvider: a read-only
 * ConfigurationAccess on the node, XNameAccess.getByName for each property. */
#include "iku-uno-settings.h"

#include <string.h>

#include "iku-uno-call.h"
#include "iku-uno-error.h"
#include "iku-uno-path.h"
#include "iku-uno-string.h"
#include "iku-uno-value.h"

#define SETTINGS_NODE "/org.ikuflet.Settings"
#define EXPAND_SCHEME "vnd.sun.star.expand:"
#define MACRO_EXPANDER "/singletons/com.sun.star.util.theMacroExpander"

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

/* The value of @property of @access into @any (unconstructed memory). */
static gboolean
read_any (uno_Interface *access, const char *property, uno_Any *any, GError **error)
{
  g_autoptr(rtl_uString) name = iku_uno_string_new (property);
  void *args[1] = { &name };
  return iku_uno_call (access, "com.sun.star.container.XNameAccess::getByName", any, args,
                       error);
}

static gboolean
read_boolean (uno_Interface *access, const char *property, gboolean *value, GError **error)
{
  uno_Any any;
  if (!read_any (access, property, &any, error))
    return FALSE;
  gboolean ok = iku_uno_any_get_boolean (&any, value);
  uno_any_destruct (&any, NULL);
  if (!ok)
    g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_ARGUMENT, "%s is not a boolean", property);
  return ok;
}

/* (transfer full) */
static char *
read_string (uno_Interface *access, const char *property, GError **error)
{
  uno_Any any;
  if (!read_any (access, property, &any, error))
    return NULL;
  char *value = iku_uno_any_dup_string (&any);
  uno_any_destruct (&any, NULL);
  if (value == NULL)
    g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_ARGUMENT, "%s is not a string", property);
  return value;
}

/* The URL the vnd.sun.star.expand: URL @url stands for: its rest
 * percent-decoded, then its macros ($UNO_SHARED_PACKAGES_CACHE, ...) expanded by
 * the office. (transfer full) */
static char *
expand_url (uno_Interface *context, const char *url, GError **error)
{
  g_autofree char *macro = g_uri_unescape_string (url + strlen (EXPAND_SCHEME), NULL);
  if (macro == NULL)
    {
      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_ARGUMENT, "badly encoded URL %s", url);
      return NULL;
    }
  g_autoptr(rtl_uString) name = iku_uno_string_new (MACRO_EXPANDER);
  void *args[1] = { &name };
  uno_Any any;
  if (!iku_uno_call (context, "com.sun.star.uno.XComponentContext::getValueByName", &any, args,
                     error))
    return NULL;
  g_autoptr(uno_Interface) expander = iku_uno_any_dup_interface (&any);
  uno_any_destruct (&any, NULL);
  if (expander == NULL)
    {
      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_NULL, "no %s", MACRO_EXPANDER);
      return NULL;
    }
  g_autoptr(rtl_uString) umacro = iku_uno_string_new (macro);
  void *expand_args[1] = { &umacro };
  return iku_uno_call_string (expander, "com.sun.star.util.XMacroExpander::expandMacros",
                              expand_args, error);
}

/* The system path @text stands for, when it is a URL the office can resolve to a
 * local file; otherwise @text as it is (a system path, or a subfolder's name).
 * (transfer full) */
static char *
location_from_text (uno_Interface *context, const char *property, const char *text)
{
  g_autofree char *expanded = NULL;

  if (g_ascii_strncasecmp (text, EXPAND_SCHEME, strlen (EXPAND_SCHEME)) == 0)
    {
      g_autoptr(GError) error = NULL;
      expanded = expand_url (context, text, &error);
      if (expanded == NULL)
        {
          g_debug ("setting %s: %s not expanded: %s", property, text, error->message);
          return g_strdup (text);
        }
      text = expanded;
    }
  if (g_ascii_strncasecmp (text, "file:", 5) == 0)
    {
      char *path = iku_uno_path_from_file_url (text);
      return path != NULL ? path : g_strdup (text);
    }
  return g_strdup (text);
}

IkuSettings *
iku_uno_settings_read (uno_Interface *context)
{
  IkuSettings *settings = iku_settings_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(uno_Interface) access = open_node (context, SETTINGS_NODE, &error);
  if (access == NULL)
    {
      g_debug ("settings %s not readable, defaults used: %s", SETTINGS_NODE, error->message);
      return settings;
    }

  static const struct {
    const char *name;
    void      (*set) (IkuSettings *s, const char *value);
    gboolean    location;   /* a path or URL */
  } strings[] = {
    { IKU_SETTINGS_KEY_ORGANISATION, iku_settings_set_organisation, FALSE },
    { IKU_SETTINGS_KEY_LOGO, iku_settings_set_logo, TRUE },
    { IKU_SETTINGS_KEY_TEXTS, iku_settings_set_texts, TRUE },
    { IKU_SETTINGS_KEY_FOLDER, iku_settings_set_folder, TRUE },
    { IKU_SETTINGS_KEY_NAME_PATTERN, iku_settings_set_name_pattern, FALSE },
  };
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    {
      g_autofree char *value = read_string (access, strings[i].name, &error);
      if (value == NULL)
        {
          g_debug ("setting %s/%s not readable, default used: %s", SETTINGS_NODE,
                   strings[i].name, error->message);
          g_clear_error (&error);
          continue;
        }
      if (strings[i].location && *g_strstrip (value) != '\0')
        {
          g_autofree char *location = location_from_text (context, strings[i].name, value);
          strings[i].set (settings, location);
        }
      else
        strings[i].set (settings, value);
    }

  static const struct {
    const char *name;
    void      (*set) (IkuSettings *s, gboolean on);
  } switches[] = {
    { IKU_SETTINGS_KEY_TEAM_PLAN, iku_settings_set_team_plan },
    { IKU_SETTINGS_KEY_COMBINED, iku_settings_set_combined },
  };
  for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
    {
      gboolean on = FALSE;
      if (read_boolean (access, switches[i].name, &on, &error))
        switches[i].set (settings, on);
      else
        {
          g_debug ("setting %s/%s not readable, off: %s", SETTINGS_NODE, switches[i].name,
                   error->message);
          g_clear_error (&error);
        }
    }
  return settings;
}
