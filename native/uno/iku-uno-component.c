/* SPDX-License-Identifier: GPL-3.0-or-later
 * The component's two exported entry points and the factories of its
 * implementations: org.ikuflet.Export (the export service, the menu and toolbar
 * commands), org.ikuflet.ViewJob (the double-click button's job) and
 * org.ikuflet.OptionsHandler (the page in Tools > Options).
 *
 * The office learns from component_getImplementationEnvironment (and from
 * environment="uno" in ikuflet.components) that this library speaks binary UNO:
 * every pointer it hands out is a uno_Interface. */
#include <string.h>

#include "iku-uno-call.h"
#include "iku-uno-error.h"
#include "iku-uno-job.h"
#include "iku-uno-module.h"
#include "iku-uno-object.h"
#include "iku-uno-options.h"
#include "iku-uno-views.h"

SAL_DLLPUBLIC_EXPORT void  SAL_CALL component_getImplementationEnvironment (const char       **env_type_name,
                                                                            uno_Environment  **env);
SAL_DLLPUBLIC_EXPORT void *SAL_CALL component_getFactory                   (const char        *implementation_name,
                                                                            void              *service_manager,
                                                                            void              *registry_key);

/* The extension's layout beside this library (see extension/meson.build). */
#define DATA_SUBDIR "data"
#define TEMPLATE_FILE "template/kompetenceskema.ods"

typedef enum {
  FACTORY_EXPORT,
  FACTORY_VIEW_JOB,
  FACTORY_OPTIONS,
} FactoryKind;

/* What a factory gives the instances it makes. */
typedef struct {
  FactoryKind  kind;
  char        *data_dir;
  char        *template_path;
  IkuUnoViews *views;   /* FACTORY_VIEW_JOB: the views that have the double-click
                           button, shared by every job instance */
} Factory;

static Factory *
factory_new (FactoryKind kind)
{
  Factory *factory = g_new0 (Factory, 1);
  g_autofree char *extension_dir = iku_uno_module_dup_dir ();

  factory->kind = kind;
  factory->data_dir = g_build_filename (extension_dir, DATA_SUBDIR, NULL);
  factory->template_path = g_build_filename (extension_dir, TEMPLATE_FILE, NULL);
  if (kind == FACTORY_VIEW_JOB)
    factory->views = iku_uno_views_new ();
  return factory;
}

static void
factory_free (gpointer data)
{
  Factory *factory = data;

  g_free (factory->data_dir);
  g_free (factory->template_path);
  iku_uno_views_unref (factory->views);
  g_free (factory);
}

static gboolean
factory_call (IkuUnoObject *self,
              const char   *member,
              void         *ret,
              void        **args,
              GError      **error)
{
  Factory *factory = iku_uno_object_get_data (self);
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
                           "ikuflet kræver en komponentkontekst");
      return FALSE;
    }
  if (factory->kind == FACTORY_VIEW_JOB)
    *(uno_Interface **) ret = iku_uno_view_job_new (context, factory->data_dir, factory->views);
  else if (factory->kind == FACTORY_OPTIONS)
    *(uno_Interface **) ret = iku_uno_options_handler_new (context);
  else
    *(uno_Interface **) ret = iku_uno_job_new (context, factory->data_dir, factory->template_path);
  return TRUE;
}

static const char * const factory_interfaces[] = {
  "com.sun.star.lang.XSingleComponentFactory",
  NULL
};
static const char * const export_services[] = { IKU_UNO_JOB_SERVICE_NAME, NULL };
static const IkuUnoClass export_factory_class = {
  IKU_UNO_JOB_IMPLEMENTATION_NAME, export_services, factory_interfaces, factory_call
};
static const char * const view_job_services[] = { IKU_UNO_VIEW_JOB_SERVICE_NAME, NULL };
static const IkuUnoClass view_job_factory_class = {
  IKU_UNO_VIEW_JOB_IMPLEMENTATION_NAME, view_job_services, factory_interfaces, factory_call
};
static const char * const options_services[] = { IKU_UNO_OPTIONS_SERVICE_NAME, NULL };
static const IkuUnoClass options_factory_class = {
  IKU_UNO_OPTIONS_IMPLEMENTATION_NAME, options_services, factory_interfaces, factory_call
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
  if (implementation_name == NULL)
    return NULL;
  if (strcmp (implementation_name, IKU_UNO_JOB_IMPLEMENTATION_NAME) == 0)
    return iku_uno_object_new (&export_factory_class, factory_new (FACTORY_EXPORT), factory_free);
  /* The service manager keeps this factory while the office runs, and with it the
   * record of which views have the double-click button. */
  if (strcmp (implementation_name, IKU_UNO_VIEW_JOB_IMPLEMENTATION_NAME) == 0)
    return iku_uno_object_new (&view_job_factory_class, factory_new (FACTORY_VIEW_JOB),
                               factory_free);
  if (strcmp (implementation_name, IKU_UNO_OPTIONS_IMPLEMENTATION_NAME) == 0)
    return iku_uno_object_new (&options_factory_class, factory_new (FACTORY_OPTIONS),
                               factory_free);
  return NULL;
}
