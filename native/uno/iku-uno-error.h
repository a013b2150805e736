/* SPDX-License-Identifier: GPL-3.0-or-later
 * The UNO layer's error domain, and the one place where errors cross the UNO edge:
 * a UNO exception becomes a GError (iku_uno_error_take_exception), a GError becomes
 * a UNO exception (iku_uno_error_throw) or a text for a person (iku_uno_error_dup_message). */
#pragma once

#include "iku-uno-sdk.h"
#include "iku-uno-l10n.h"

G_BEGIN_DECLS

#define IKU_UNO_ERROR (iku_uno_error_quark ())
typedef enum {
  IKU_UNO_ERROR_EXCEPTION,       /* a call into the office threw a UNO exception */
  IKU_UNO_ERROR_TYPE,            /* the office does not know a UNO type or member */
  IKU_UNO_ERROR_NULL,            /* no object where one was needed */
  IKU_UNO_ERROR_UNSUPPORTED,     /* an object lacks an interface, or a member is unknown */
  IKU_UNO_ERROR_NO_DOCUMENT,     /* no spreadsheet document to work on */
  IKU_UNO_ERROR_NOT_SPREADSHEET, /* the document given is not a spreadsheet */
  IKU_UNO_ERROR_NOT_SAVED,       /* never saved: there is no folder beside it */
  IKU_UNO_ERROR_NOT_LOCAL,       /* the document or folder is not a local path */
  IKU_UNO_ERROR_ARGUMENT,        /* an argument of XJob.execute is unusable */
  IKU_UNO_ERROR_TOO_LARGE,       /* a sheet exceeds a bound of iku-limits.h */
  IKU_UNO_ERROR_NO_TEMPLATE,     /* the bundled empty schema is missing or did not open */
  IKU_UNO_ERROR_CANCELLED,       /* the person cancelled a choice the export needed */
  IKU_UNO_ERROR_EDITING,         /* a cell edit could not be committed before an export */
} IkuUnoError;
GQuark iku_uno_error_quark (void);

/* Sets @error from the UNO exception in @exception (naming @what, the member called)
 * and destructs @exception. */
void  iku_uno_error_take_exception (GError    **error,
                                    const char *what,
                                    uno_Any    *exception);

/* Constructs a com.sun.star.uno.RuntimeException carrying @error's message in
 * @exception_memory and points *@exception at it, as a uno_DispatchMethod must. */
void  iku_uno_error_throw          (const GError *error,
                                    uno_Any      *exception_memory,
                                    uno_Any     **exception);

/* The text a person reads for @error: messages of core/ and of the UNO layer pass
 * through; a technical failure of the office is put in a plain sentence in @lang.
 * (transfer full) */
char *iku_uno_error_dup_message    (const GError *error,
                                    IkuUnoLang    lang);

G_END_DECLS
