/* SPDX-License-Identifier: GPL-3.0-or-later
 * The live document (see iku-uno-document.h). */
#include "iku-uno-document.h"

#include "iku-limits.h"
#include "iku-uno-call.h"
#include "iku-uno-error.h"
#include "iku-uno-path.h"
#include "iku-uno-sheet.h"
#include "iku-uno-string.h"
#include "iku-uno-value.h"

#define XMODEL "com.sun.star.frame.XModel"
#define XSPREADSHEETDOCUMENT "com.sun.star.sheet.XSpreadsheetDocument"

/* A desktop holds a handful of documents, never this many. */
#define MAX_DOCUMENTS 10000

uno_Interface *
iku_uno_document_dup_model (uno_Interface *document,
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
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) iku_uno_release);

  components = iku_uno_call_object (desktop, "com.sun.star.frame.XDesktop::getComponents", NULL,
                                    error);
  if (components == NULL)
    return FALSE;
  iter = iku_uno_call_object (components,
                              "com.sun.star.container.XEnumerationAccess::createEnumeration",
                              NULL, error);
  if (iter == NULL || !iku_uno_enumeration_collect (iter, MAX_DOCUMENTS, all, error))
    return FALSE;
  for (guint i = 0; i < all->len; i++)
    {
      uno_Interface *component = g_ptr_array_index (all, i);

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

char *
iku_uno_document_dup_path (uno_Interface *model)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = iku_uno_call_string (model, "com.sun.star.frame.XModel::getURL", NULL,
                                              &error);

  if (url == NULL)
    g_debug ("no document location: %s", error->message);
  if (url == NULL || *url == '\0')
    return NULL;
  return iku_uno_path_from_file_url (url);
}

uno_Interface *
iku_uno_document_dup_view (uno_Interface *model)
{
  g_autoptr(GError) error = NULL;
  uno_Interface *view = NULL;

  if (!iku_uno_call_object_or_null (model, "com.sun.star.frame.XModel::getCurrentController", NULL,
                                    &view, &error))
    g_debug ("no current view: %s", error->message);
  return view;
}

uno_Interface *
iku_uno_document_dup_frame (uno_Interface *view)
{
  g_autoptr(GError) error = NULL;
  uno_Interface *frame = NULL;

  if (view != NULL &&
      !iku_uno_call_object_or_null (view, "com.sun.star.frame.XController::getFrame", NULL, &frame,
                                    &error))
    g_debug ("no frame: %s", error->message);
  return frame;
}

/* The index of the sheet active in @view; FALSE when @view shows no sheets. */
static gboolean
get_active_index (uno_Interface *view,
                  guint         *index)
{
  g_autoptr(uno_Interface) sheet = NULL;

  if (!iku_uno_has_interface (view, "com.sun.star.sheet.XSpreadsheetView"))
    return FALSE;
  sheet = iku_uno_call_object (view, "com.sun.star.sheet.XSpreadsheetView::getActiveSheet", NULL,
                               NULL);
  return sheet != NULL && iku_uno_sheet_get_index (sheet, index, NULL);
}

IkuBook *
iku_uno_document_read_book (uno_Interface *model,
                            uno_Interface *view,
                            GError       **error)
{
  g_autoptr(IkuBook) book = iku_book_new ();
  g_autoptr(uno_Interface) current_view = NULL;
  g_autoptr(uno_Interface) sheets = NULL;
  IkuUnoSheetBudget budget = { 0, 0 };
  gint32 n_sheets = 0;
  guint active = 0;

  sheets = iku_uno_call_object (model, "com.sun.star.sheet.XSpreadsheetDocument::getSheets", NULL,
                                error);
  if (sheets == NULL ||
      !iku_uno_call_int32 (sheets, "com.sun.star.container.XIndexAccess::getCount", NULL, &n_sheets,
                           error))
    return NULL;

  /* As the .ods reader: more sheets than it reads is an error, never a silent cut. */
  if (n_sheets < 0 || (guint) n_sheets > IKU_MAX_SHEETS)
    {
      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_TOO_LARGE,
                   "Regnearket har %d ark; ikuflet læser højst %u. "
                   "Slet de ark, der ikke hører til skemaet, og prøv igen.",
                   n_sheets, IKU_MAX_SHEETS);
      return NULL;
    }
  for (gint32 i = 0; i < n_sheets; i++)
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
      grid = iku_uno_sheet_read (sheet, &budget, error);
      if (grid == NULL)
        return NULL;
      iku_book_add_sheet (book, grid);
    }
  if (view == NULL)
    view = current_view = iku_uno_document_dup_view (model);
  if (get_active_index (view, &active) && active < iku_book_get_n_sheets (book))
    iku_book_set_active (book, active);
  return g_steal_pointer (&book);
}

gboolean
iku_uno_document_new_from_template (uno_Interface *context,
                                    const char    *path,
                                    GError       **error)
{
  const char *names[1] = { "AsTemplate" };
  g_autoptr(uno_Interface) desktop = NULL;
  g_autoptr(uno_Interface) document = NULL;
  g_autoptr(rtl_uString) url = NULL;
  g_autoptr(rtl_uString) target = NULL;
  g_autofree char *url_text = NULL;
  uno_Sequence *properties;
  uno_Any values[1];
  sal_Int32 search_flags = 0;
  void *args[4];
  gboolean ok;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_NO_TEMPLATE, "%s findes ikke", path);
      return FALSE;
    }
  url_text = iku_uno_path_to_file_url (path);
  if (url_text == NULL)
    {
      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_NO_TEMPLATE, "%s er ikke en gyldig sti",
                   path);
      return FALSE;
    }
  desktop = iku_uno_create_instance (context, "com.sun.star.frame.Desktop", error);
  if (desktop == NULL)
    return FALSE;

  /* AsTemplate: an untitled copy, so the template itself is never saved over. */
  iku_uno_any_init_boolean (&values[0], TRUE);
  properties = iku_uno_property_values_new (names, values, G_N_ELEMENTS (values), error);
  uno_any_destruct (&values[0], NULL);
  if (properties == NULL)
    return FALSE;
  url = iku_uno_string_new (url_text);
  target = iku_uno_string_new ("_blank");
  args[0] = &url;
  args[1] = &target;
  args[2] = &search_flags;
  args[3] = &properties;
  ok = iku_uno_call_object_or_null (desktop,
                                    "com.sun.star.frame.XComponentLoader::loadComponentFromURL",
                                    args, &document, error);
  iku_uno_sequence_free (properties, IKU_UNO_PROPERTY_VALUE_SEQ);
  if (ok && document == NULL)
    {
      g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_NO_TEMPLATE, "%s kunne ikke indlæses",
                   path);
      ok = FALSE;
    }
  return ok;
}
