/* SPDX-License-Identifier: GPL-3.0-or-later
 * The component's two exported entry points and the factory of org.ikuflet.Export.
 *
 * The office learns from component_getImplementationEnvironment (and from
 * environment="uno" in ikuflet.components) that this library speaks binary UNO:
 * every pointer it hands out is a uno_Interface. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <string.h>

#include "iku-uno-call.h"
#include "iku-uno-error.h"
#include "iku-uno-job.h"
#include "iku-uno-object.h"

SAL_DLLPUBLIC_EXPORT void  SAL_CALL component_getImplementationEnvironment (const char       **env_type_name,
                                                                            uno_Environment  **env);
SAL_DLLPUBLIC_EXPORT void *SAL_CALL component_getFactory                   (const char        *implementation_name,
                                                                            void              *service_manager,
                                                                            void              *registry_key);

/* Any object of this library: dladdr() on it names the library's file. */
static const char library_anchor = 0;

/* The data folder shipped in the extension beside this library. (transfer full) */
static char *
dup_data_dir (void)
{
  Dl_info info;
  g_autofree char *library_dir = NULL;

  if (dladdr (&library_anchor, &info) == 0 || info.dli_fname == NULL)
    return g_strdup ("");
  library_dir = g_path_get_dirname (info.dli_fname);
  return g_build_filename (library_dir, "data", NULL);
}

static gboolean
factory_call (IkuUnoObject *self,
              const char   *member,
              void         *ret,
              void        **args,
              GError      **error)
{
  const char *data_dir = iku_uno_object_get_data (self);
  uno_Interface *context;

  if (strcmp (member, "com.sun.star.lang.XSingleComponentFactory::createInstanceWithContext") == 0)
    context = *(uno_Interface **) args[0];
  else if (strcmp (member,
                   "com.sun.star.lang.XSingleComponentFactory::createInstanceWithArgumentsAndContext") == 0)
    context = *(uno_Interface **) args[1];   /* the arguments are not used */
  else
    {
      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_UNSUPPORTED,
                   "fabrikken har ikke medlemmet %s", member);
      return FALSE;
    }
  if (context == NULL)
    {
      g_set_error_literal (error, IKU_UNO_ERROR, IKU_UNO_ERROR_NULL,
                           "org.ikuflet.Export kræver en komponentkontekst");
      return FALSE;
    }
  *(uno_Interface **) ret = iku_uno_job_new (context, data_dir);
  return TRUE;
}

static const char * const factory_services[] = { IKU_UNO_JOB_SERVICE_NAME, NULL };
static const char * const factory_interfaces[] = {
  "com.sun.star.lang.XSingleComponentFactory",
  NULL
};
static const IkuUnoClass factory_class = {
  IKU_UNO_JOB_IMPLEMENTATION_NAME, factory_services, factory_interfaces, factory_call
};

SAL_DLLPUBLIC_EXPORT void SAL_CALL
component_getImplementationEnvironment (const char      **env_type_name,
                                        uno_Environment **env)
{
  *env_type_name = UNO_LB_UNO;
}

/* Returns an acquired XSingleComponentFactory (a uno_Interface) for
 * @implementation_name, or NULL for a name this library does not implement. */
SAL_DLLPUBLIC_EXPORT void * SAL_CALL
component_getFactory (const char *implementation_name,
                      void       *service_manager,
                      void       *registry_key)
{
  if (implementation_name == NULL ||
      strcmp (implementation_name, IKU_UNO_JOB_IMPLEMENTATION_NAME) != 0)
    return NULL;
  return iku_uno_object_new (&factory_class, dup_data_dir (), g_free);
}
