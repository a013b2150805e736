/* SPDX-License-Identifier: GPL-3.0-or-later
 * The live document (see iku-uno-document.h). */
#include "iku-uno-document.h"

#include "iku-limits.h"
#include "iku-uno-call.h"
#include "iku-uno-error.h"
#include "iku-uno-path.h"
#include "iku-uno-sheet.h"
#include "iku-uno-value.h"

#define XMODEL "com.sun.star.frame.XModel"
#define XSPREADSHEETDOCUMENT "com.sun.star.sheet.XSpreadsheetDocument"

uno_Interface *
iku_uno_document_get_model (uno_Interface *document,
                            IkuUnoLang     lang,
                            GError       **error)
{
  if (!iku_uno_has_interface (document, XSPREADSHEETDOCUMENT))
    {
      g_set_error_literal (error, IKU_UNO_ERROR, IKU_UNO_ERROR_NOT_SPREADSHEET,
                           iku_uno_l10n_get (lang, IKU_UNO_TEXT_NOT_SPREADSHEET));
      return NULL;
    }
  return iku_uno_query (document, XMODEL, error);
}

/* The spreadsheet models among the desktop's components. */
static gboolean
collect_spreadsheets (uno_Interface *desktop,
                      GPtrArray     *models,
                      GError       **error)
{
  g_autoptr(uno_Interface) components = NULL;
  g_autoptr(uno_Interface) iter = NULL;

  components = iku_uno_call_object (desktop, "com.sun.star.frame.XDesktop::getComponents", NULL,
                                    error);
  if (components == NULL)
    return FALSE;
  iter = iku_uno_call_object (components,
                              "com.sun.star.container.XEnumerationAccess::createEnumeration",
                              NULL, error);
  if (iter == NULL)
    return FALSE;
  /* Bounded: a desktop holds a handful of documents, never this many. */
  for (guint guard = 0; guard < 10000; guard++)
    {
      g_autoptr(uno_Interface) component = NULL;
      gboolean more = FALSE;
      uno_Any element;

      if (!iku_uno_call_boolean (iter, "com.sun.star.container.XEnumeration::hasMoreElements",
                                 NULL, &more, error))
        return FALSE;
      if (!more)
        break;
      if (!iku_uno_call (iter, "com.sun.star.container.XEnumeration::nextElement", &element, NULL,
                         error))
        return FALSE;
      component = iku_uno_any_dup_interface (&element);
      uno_any_destruct (&element, NULL);
      if (iku_uno_has_interface (component, XSPREADSHEETDOCUMENT))
        {
          uno_Interface *model = iku_uno_query_or_null (component, XMODEL);
          if (model != NULL)
            g_ptr_array_add (models, model);
        }
    }
  return TRUE;
}

uno_Interface *
iku_uno_document_find_current (uno_Interface *context,
                               IkuUnoLang     lang,
                               GError       **error)
{
  g_autoptr(uno_Interface) desktop = NULL;
  g_autoptr(uno_Interface) current = NULL;
  g_autoptr(GPtrArray) models = NULL;

  desktop = iku_uno_create_instance (context, "com.sun.star.frame.Desktop", error);
  if (desktop == NULL ||
      !iku_uno_call_object_or_null (desktop, "com.sun.star.frame.XDesktop::getCurrentComponent",
                                    NULL, &current, error))
    return NULL;
  if (iku_uno_has_interface (current, XSPREADSHEETDOCUMENT))
    return iku_uno_query (current, XMODEL, error);

  /* No current spreadsheet (e.g. documents loaded hidden have no active frame). */
  models = g_ptr_array_new_with_free_func ((GDestroyNotify) iku_uno_release);
  if (!collect_spreadsheets (desktop, models, error))
    return NULL;
  if (models->len == 1)
    return g_ptr_array_steal_index (models, 0);
  g_set_error_literal (error, IKU_UNO_ERROR, IKU_UNO_ERROR_NO_DOCUMENT,
                       iku_uno_l10n_get (lang, models->len == 0 ? IKU_UNO_TEXT_NO_DOCUMENT
                                                                : IKU_UNO_TEXT_WHICH_DOCUMENT));
  return NULL;
}

char *
iku_uno_document_dup_folder (uno_Interface *model,
                             IkuUnoLang     lang,
                             GError       **error)
{
  g_autofree char *url = NULL;
  g_autofree char *path = NULL;

  url = iku_uno_call_string (model, "com.sun.star.frame.XModel::getURL", NULL, error);
  if (url == NULL)
    return NULL;
  if (*url == '\0')
    {
      g_set_error_literal (error, IKU_UNO_ERROR, IKU_UNO_ERROR_NOT_SAVED,
                           iku_uno_l10n_get (lang, IKU_UNO_TEXT_NOT_SAVED));
      return NULL;
    }
  path = iku_uno_path_from_file_url (url);
  if (path == NULL)
    {
      g_autofree char *message = iku_uno_l10n_format (lang, IKU_UNO_TEXT_NOT_LOCAL, url, NULL);
      g_set_error_literal (error, IKU_UNO_ERROR, IKU_UNO_ERROR_NOT_LOCAL, message);
      return NULL;
    }
  return g_path_get_dirname (path);
}

uno_Interface *
iku_uno_document_dup_frame (uno_Interface *model)
{
  g_autoptr(uno_Interface) controller = NULL;
  uno_Interface *frame = NULL;

  if (!iku_uno_call_object_or_null (model, "com.sun.star.frame.XModel::getCurrentController", NULL,
                                    &controller, NULL) ||
      controller == NULL ||
      !iku_uno_call_object_or_null (controller, "com.sun.star.frame.XController::getFrame", NULL,
                                    &frame, NULL))
    return NULL;
  return frame;
}

/* The index of the sheet active in @model's view; FALSE when there is no view. */
static gboolean
get_active_index (uno_Interface *model,
                  guint         *index)
{
  g_autoptr(uno_Interface) controller = NULL;
  g_autoptr(uno_Interface) sheet = NULL;

  if (!iku_uno_call_object_or_null (model, "com.sun.star.frame.XModel::getCurrentController", NULL,
                                    &controller, NULL) ||
      !iku_uno_has_interface (controller, "com.sun.star.sheet.XSpreadsheetView"))
    return FALSE;
  sheet = iku_uno_call_object (controller, "com.sun.star.sheet.XSpreadsheetView::getActiveSheet",
                               NULL, NULL);
  return sheet != NULL && iku_uno_sheet_get_index (sheet, index, NULL);
}

IkuBook *
iku_uno_document_read_book (uno_Interface *model,
                            GError       **error)
{
  g_autoptr(IkuBook) book = iku_book_new ();
  g_autoptr(uno_Interface) sheets = NULL;
  gint32 n_sheets = 0;
  guint active = 0;

  sheets = iku_uno_call_object (model, "com.sun.star.sheet.XSpreadsheetDocument::getSheets", NULL,
                                error);
  if (sheets == NULL ||
      !iku_uno_call_int32 (sheets, "com.sun.star.container.XIndexAccess::getCount", NULL, &n_sheets,
                           error))
    return NULL;

  for (gint32 i = 0; i < n_sheets && (guint) i < IKU_MAX_SHEETS; i++)
    {
      g_autoptr(uno_Interface) sheet = NULL;
      void *args[1] = { &i };
      uno_Any element;
      IkuGrid *grid;

      if (!iku_uno_call (sheets, "com.sun.star.container.XIndexAccess::getByIndex", &element, args,
                         error))
        return NULL;
      sheet = iku_uno_any_dup_interface (&element);
      uno_any_destruct (&element, NULL);
      grid = iku_uno_sheet_read (sheet, error);
      if (grid == NULL)
        return NULL;
      iku_book_add_sheet (book, grid);
    }
  if (get_active_index (model, &active) && active < iku_book_get_n_sheets (book))
    iku_book_set_active (book, active);
  return g_steal_pointer (&book);
}
