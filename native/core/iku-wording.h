/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuWording: every sentence and heading printed in an IKU, read at run time from
 * templates/iku-tekster.ini (a GKeyFile) so HR can reword it without a rebuild. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IKU_WORDING_ERROR (iku_wording_error_quark ())
typedef enum {
  IKU_WORDING_ERROR_UNREADABLE,
  IKU_WORDING_ERROR_MISSING_KEY,
} IkuWordingError;
GQuark iku_wording_error_quark (void);

/* The keys of [IKU] in the file; every one is required. */
typedef enum {
  IKU_TEXT_TITLE,              /* Individuel kompetenceudviklingsplan (IKU) */
  IKU_TEXT_LABEL_EMPLOYEE,     /* Medarbejder */
  IKU_TEXT_LABEL_TEAM,         /* Team */
  IKU_TEXT_LABEL_LEADER,       /* Leder */
  IKU_TEXT_LABEL_DATE,         /* Dato for samtalen */
  IKU_TEXT_HEADING_TEAM,       /* Teamfokus */
  IKU_TEXT_HEADING_INDIVIDUAL, /* Individuelt fokus */
  IKU_TEXT_NONE_TEAM,          /* shown when there are no team items */
  IKU_TEXT_NONE_INDIVIDUAL,    /* shown when the employee has no items */
  IKU_TEXT_HEADING_APPROVAL,   /* Godkendelse */
  IKU_TEXT_APPROVAL,           /* the employee has read and approves the plan */
  IKU_TEXT_SIGN_EMPLOYEE,      /* Dato og underskrift, medarbejder */
  IKU_TEXT_SIGN_LEADER,        /* Dato og underskrift, leder */
  IKU_TEXT_FILING_NOTE,        /* goes on the personnel file and to the employee */
  IKU_TEXT_PAGE,               /* "Side %1 af %2" */
  IKU_TEXT_DOC_TITLE,          /* "IKU – %1" */
  IKU_TEXT_DOC_SUBJECT,        /* Individuel kompetenceudviklingsplan */
  IKU_TEXT_PLAN_TITLE,         /* Teamudviklingsplan */
  IKU_TEXT_PLAN_HEADING,       /* the team items' heading in the team plan */
  IKU_TEXT_LABEL_FOLLOW_UP,    /* Opfølgning */
  IKU_TEXT_PLAN_APPROVAL,      /* the team plan is agreed */
  IKU_TEXT_SIGN_TEAM,          /* Dato og underskrift, teamrepræsentant */
  IKU_TEXT_PLAN_DOC_TITLE,     /* "Teamudviklingsplan – %1" (the team) */
  IKU_TEXT_COMBINED_TITLE,     /* IKU'er samlet */
  IKU_TEXT_COMBINED_DOC_TITLE, /* "IKU'er samlet – %1" (the team) */
  IKU_N_TEXTS
} IkuTextId;

typedef struct _IkuWording IkuWording;

IkuWording *iku_wording_new_from_file (const char *path,
                                       GError    **error) G_GNUC_WARN_UNUSED_RESULT;
IkuWording *iku_wording_new_from_data (const char *data,
                                       gsize       len,
                                       GError    **error) G_GNUC_WARN_UNUSED_RESULT;
/* The wording of @base with the texts the override file @path gives instead
 * (the same keys in [IKU] as iku-tekster.ini); keys it leaves out or leaves
 * empty keep @base's text. An unknown group or key, or a broken line, fails
 * with a message naming the file and the line. */
IkuWording *iku_wording_new_override  (const IkuWording *base,
                                       const char       *path,
                                       GError          **error) G_GNUC_WARN_UNUSED_RESULT;
/* Whether @path is a usable override file (as iku_wording_new_override()). */
gboolean    iku_wording_check_override (const char *path,
                                        GError    **error);
void        iku_wording_free          (IkuWording *wording);
const char *iku_wording_get           (const IkuWording *wording,
                                       IkuTextId         id);
/* Replaces %1 and %2 in the text @id; (transfer full). */
char       *iku_wording_format        (const IkuWording *wording,
                                       IkuTextId         id,
                                       const char       *arg1,
                                       const char       *arg2);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuWording, iku_wording_free)

G_END_DECLS
