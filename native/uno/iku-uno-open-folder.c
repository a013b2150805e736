/* SPDX-License-Identifier: GPL-3.0-or-later
 * Opening a folder in the file manager (see iku-uno-open-folder.h).
 *
 * SystemShellExecute on Linux hands a URL to xdg-open (or to the program named
 * by DESKTOP_LAUNCH) in the background; on Windows to ShellExecute. URIS_ONLY
 * makes it refuse anything that is not an absolute URI, so no folder name can
 * ever be run as a command; NO_SYSTEM_ERROR_MESSAGE keeps the system's own error
 * dialog away: a failure comes back here as an exception. */
#include "iku-uno-open-folder.h"

#include "iku-uno-call.h"
#include "iku-uno-error.h"
#include "iku-uno-path.h"
#include "iku-uno-string.h"

/* com.sun.star.system.SystemShellExecuteFlags */
enum { FLAG_NO_SYSTEM_ERROR_MESSAGE = 1, FLAG_URIS_ONLY = 2 };

gboolean
iku_uno_open_folder (uno_Interface *context,
                     const char    *folder,
                     GError       **error)
{
  g_autofree char *url = NULL;
  g_autoptr(uno_Interface) shell = NULL;
  g_autoptr(rtl_uString) command = NULL;
  g_autoptr(rtl_uString) parameters = NULL;
  sal_Int32 flags = FLAG_URIS_ONLY | FLAG_NO_SYSTEM_ERROR_MESSAGE;
  void *args[3];

  g_return_val_if_fail (context != NULL && folder != NULL, FALSE);

  url = iku_uno_path_to_file_url (folder);
  if (url == NULL)
    {
      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_NOT_LOCAL,
                   "mappen »%s« har ingen file:-URL", folder);
      return FALSE;
    }
  shell = iku_uno_create_instance (context, "com.sun.star.system.SystemShellExecute", error);
  if (shell == NULL)
    return FALSE;
  command = iku_uno_string_new (url);
  parameters = iku_uno_string_new ("");
  args[0] = &command;
  args[1] = &parameters;
  args[2] = &flags;
  if (!iku_uno_call (shell, "com.sun.star.system.XSystemShellExecute::execute", NULL, args, error))
    return FALSE;
  g_debug ("asked the system to open %s", url);
  return TRUE;
}
