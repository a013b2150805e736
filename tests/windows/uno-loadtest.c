/* SPDX-License-Identifier: GPL-3.0-or-later
 * uno-loadtest.exe DLL: loads the component the way LibreOffice's shared library
 * loader does (LoadLibraryW, GetProcAddress), asks for its environment and for a
 * factory it does not have, and unloads it. With stand-in sal3.dll/cppu3.dll
 * beside it (make-uno-stubs.py) this proves every import resolves and that
 * loading runs none of the office's functions. Exit 0 when all holds. */
#include <stdio.h>
#include <string.h>
#include <windows.h>

typedef void (*EnvironmentFunc) (const char **env_type_name, void **env);
typedef void *(*FactoryFunc) (const char *implementation_name, void *service_manager,
                              void *registry_key);

static int
fail (const char *what)
{
  printf ("FAIL %s (error %lu)\n", what, GetLastError ());
  return 1;
}

int wmain (int argc, wchar_t **argv);

int
wmain (int argc, wchar_t **argv)
{
  if (argc != 2)
    return fail ("usage: uno-loadtest.exe DLL");
  HMODULE module = LoadLibraryW (argv[1]);
  if (module == NULL)
    return fail ("LoadLibraryW");
  EnvironmentFunc environment
    = (EnvironmentFunc) (void (*) (void)) GetProcAddress (module,
                                                          "component_getImplementationEnvironment");
  FactoryFunc factory
    = (FactoryFunc) (void (*) (void)) GetProcAddress (module, "component_getFactory");
  if (environment == NULL || factory == NULL)
    return fail ("GetProcAddress of the two entry points");
  const char *name = NULL;
  void *env = NULL;
  environment (&name, &env);
  if (name == NULL || strcmp (name, "uno") != 0)
    return fail ("environment is not \"uno\"");
  printf ("environment %s\n", name);
  if (factory ("org.example.NotOurs", NULL, NULL) != NULL)
    return fail ("a factory for an implementation the component does not have");
  if (!FreeLibrary (module))
    return fail ("FreeLibrary");
  puts ("OK");
  return 0;
}
