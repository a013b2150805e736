/* SPDX-License-Identifier: GPL-3.0-or-later
 * Danish system error texts; see iku-system-error.h. */
#include "iku-system-error.h"

#include <errno.h>

const char *
iku_system_error_text (int errsv)
{
  switch (errsv)
    {
    case ENOENT:
      return "filen eller mappen findes ikke";
    case EACCES:
    case EPERM:
      return "du har ikke lov til det (adgang nægtet)";
    case EROFS:
      return "drevet er skrivebeskyttet";
    case ENOSPC:
#ifdef EDQUOT
    case EDQUOT:
#endif
      return "der er ikke plads på drevet";
    case ENAMETOOLONG:
      return "filnavnet eller stien er for lang";
    case EBUSY:
#ifdef ETXTBSY
    case ETXTBSY:
#endif
      return "filen er i brug af et andet program";
    case ENOTDIR:
      return "en del af stien er ikke en mappe";
    case EISDIR:
      return "det er en mappe, ikke en fil";
    case EEXIST:
      return "der findes allerede en fil eller mappe med det navn";
    case EIO:
      return "drevet kunne ikke læses eller skrives (I/O-fejl)";
    case EMFILE:
    case ENFILE:
      return "der er for mange åbne filer";
    case ENOMEM:
      return "der er ikke nok hukommelse";
    default:
      return g_strerror (errsv);
    }
}
