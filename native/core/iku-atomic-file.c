/* SPDX-License-Identifier: GPL-3.0-or-later
 * The messages of iku-atomic-file.h, the same on every platform. */
#include "iku-atomic-file-private.h"

G_DEFINE_QUARK (iku-atomic-file-error-quark, iku_atomic_file_error)

void
iku_atomic_file_set_error (GError **error, IkuAtomicFileError code, const char *folder,
                           const char *name, const char *detail)
{
  switch (code)
    {
    case IKU_ATOMIC_FILE_ERROR_NO_SPACE:
      g_set_error (error, IKU_ATOMIC_FILE_ERROR, code,
                   "»%s« kunne ikke gemmes, fordi der ikke er plads på drevet med mappen »%s«. "
                   "Frigør plads, og prøv igen.", name, folder);
      break;
    case IKU_ATOMIC_FILE_ERROR_DENIED:
      g_set_error (error, IKU_ATOMIC_FILE_ERROR, code,
                   "»%s« kunne ikke gemmes, fordi du ikke har lov til at skrive i mappen »%s« "
                   "(eller filen er skrivebeskyttet). Vælg en anden mappe, eller få rettighederne ændret.",
                   name, folder);
      break;
    case IKU_ATOMIC_FILE_ERROR_IS_DIRECTORY:
      g_set_error (error, IKU_ATOMIC_FILE_ERROR, code,
                   "»%s« kunne ikke gemmes, fordi der ligger en mappe med samme navn i »%s«. "
                   "Omdøb eller flyt mappen, og prøv igen.", name, folder);
      break;
    case IKU_ATOMIC_FILE_ERROR_NO_FOLDER:
      g_set_error (error, IKU_ATOMIC_FILE_ERROR, code,
                   "»%s« kunne ikke gemmes, fordi mappen »%s« ikke findes (længere). "
                   "Kontrollér, at mappen er der, og prøv igen.", name, folder);
      break;
    case IKU_ATOMIC_FILE_ERROR_IN_USE:
      g_set_error (error, IKU_ATOMIC_FILE_ERROR, code,
                   "»%s« i mappen »%s« kunne ikke erstattes, fordi filen er åben i et andet program. "
                   "Luk »%s« i PDF-læseren, og prøv igen.", name, folder, name);
      break;
    case IKU_ATOMIC_FILE_ERROR_NAME_TOO_LONG:
      g_set_error (error, IKU_ATOMIC_FILE_ERROR, code,
                   "»%s« kunne ikke gemmes, fordi stien til mappen »%s« er for lang. "
                   "Vælg en mappe med en kortere sti, og prøv igen.", name, folder);
      break;
    case IKU_ATOMIC_FILE_ERROR_FAILED:
    default:
      g_set_error (error, IKU_ATOMIC_FILE_ERROR, IKU_ATOMIC_FILE_ERROR_FAILED,
                   "»%s« kunne ikke gemmes i mappen »%s«: %s.", name, folder,
                   detail != NULL ? detail : "ukendt fejl");
      break;
    }
}
