/* SPDX-License-Identifier: GPL-3.0-or-later
 * Pickers and the message box of the Options page (see iku-uno-options-dialogs.h). */
#include "iku-uno-options-dialogs.h"

#include "iku-uno-call.h"
#include "iku-uno-error.h"
#include "iku-uno-path.h"
#include "iku-uno-string.h"
#include "iku-uno-value.h"

/* com.sun.star.ui.dialogs.TemplateDescription::FILEOPEN_SIMPLE,
 * ExecutableDialogResults::OK, awt.MessageBoxType::ERRORBOX,
 * awt.MessageBoxButtons::BUTTONS_OK */
enum { FILEOPEN_SIMPLE = 0, RESULT_OK = 1, ERRORBOX = 3, BUTTONS_OK = 1 };

/* The folder to start a picker in: @current's folder when @current is a file,
 * @current itself when it is a folder; as a file URL, or NULL. (transfer full) */
static char *
dup_start_url (const char *current,
               gboolean    is_file)
{
  g_autofree char *path = NULL;

  if (current == NULL || *current == '\0')
    return NULL;
  path = iku_uno_path_from_text (current);
  if (path == NULL)
    return NULL;
  if (is_file)
    {
      g_autofree char *dir = g_path_get_dirname (path);
      g_free (path);
      path = g_steal_pointer (&dir);
    }
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return NULL;
  return iku_uno_path_to_file_url (path);
}

static gboolean
call_with_string (uno_Interface *obj,
                  const char    *member,
                  const char    *text,
                  GError       **error)
{
  g_autoptr(rtl_uString) utext = iku_uno_string_new (text);
  void *args[1] = { &utext };

  return iku_uno_call (obj, member, NULL, args, error);
}

/* XExecutableDialog::execute; TRUE in *@chosen when the user pressed OK. */
static gboolean
execute (uno_Interface *picker,
         gboolean      *chosen,
         GError       **error)
{
  sal_Int16 result = 0;

  if (!iku_uno_call (picker, "com.sun.star.ui.dialogs.XExecutableDialog::execute", &result, NULL,
                     error))
    return FALSE;
  *chosen = result == RESULT_OK;
  return TRUE;
}

/* XInitialization::initialize of a FilePicker: open one file, over @parent. */
static gboolean
initialize_file_picker (uno_Interface *picker,
                        uno_Interface *parent,
                        GError       **error)
{
  typelib_TypeDescription *any_seq_type = iku_uno_type_get ("[]any", error);
  typelib_TypeDescription *window_type = iku_uno_type_get ("com.sun.star.awt.XWindow", error);
  typelib_TypeDescriptionReference **short_type =
    typelib_static_type_getByTypeClass (typelib_TypeClass_SHORT);
  g_autoptr(uno_Interface) window = iku_uno_query_or_null (parent, "com.sun.star.awt.XWindow");
  sal_Int16 template_id = FILEOPEN_SIMPLE;
  uno_Any value;
  uno_Any arguments[2];
  guint n = 0;
  uno_Sequence *seq = NULL;
  void *args[1];
  gboolean ok = TRUE;

  if (any_seq_type == NULL || window_type == NULL)
    return FALSE;
  uno_type_any_construct (&value, &template_id, *short_type, NULL);
  ok = iku_uno_any_init_named_value (&arguments[n], "TemplateDescription", &value, error);
  uno_any_destruct (&value, NULL);
  if (!ok)
    return FALSE;
  n++;
  if (window != NULL)
    {
      uno_type_any_construct (&value, &window, window_type->pWeakRef, NULL);
      ok = iku_uno_any_init_named_value (&arguments[n], "ParentWindow", &value, error);
      uno_any_destruct (&value, NULL);
      if (ok)
        n++;
    }
  if (ok)
    {
      uno_sequence_construct (&seq, any_seq_type, arguments, (sal_Int32) n, NULL);
      args[0] = &seq;
      ok = iku_uno_call (picker, "com.sun.star.lang.XInitialization::initialize", NULL, args,
                         error);
      uno_destructData (&seq, any_seq_type, NULL);
    }
  for (guint i = 0; i < n; i++)
    uno_any_destruct (&arguments[i], NULL);
  return ok;
}

static gboolean
add_filters (uno_Interface          *picker,
             const IkuUnoFileFilter *filters,
             guint                   n_filters,
             GError                **error)
{
  for (guint i = 0; i < n_filters; i++)
    {
      g_autoptr(rtl_uString) title = iku_uno_string_new (filters[i].title);
      g_autoptr(rtl_uString) patterns = iku_uno_string_new (filters[i].patterns);
      void *args[2] = { &title, &patterns };

      if (!iku_uno_call (picker, "com.sun.star.ui.dialogs.XFilterManager::appendFilter", NULL, args,
                         error))
        return FALSE;
    }
  return n_filters == 0 ||
         call_with_string (picker, "com.sun.star.ui.dialogs.XFilterManager::setCurrentFilter",
                           filters[0].title, error);
}

/* The local path from a picker's file URL @url. (transfer full) */
static char *
dup_chosen_path (const char *url,
                 GError    **error)
{
  char *path = iku_uno_path_from_file_url (url);

  if (path == NULL)
    g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_NOT_LOCAL,
                 "det valgte (%s) ligger ikke på computeren", url);
  return path;
}

char *
iku_uno_dialogs_pick_file (uno_Interface          *context,
                           uno_Interface          *parent,
                           const char             *title,
                           const char             *current,
                           const IkuUnoFileFilter *filters,
                           guint                   n_filters,
                           GError                **error)
{
  g_autoptr(uno_Interface) picker = NULL;
  g_autofree char *start = dup_start_url (current, TRUE);
  g_autofree char *url = NULL;
  uno_Sequence *files = NULL;
  gboolean chosen = FALSE;

  g_return_val_if_fail (title != NULL, NULL);

  picker = iku_uno_create_instance (context, "com.sun.star.ui.dialogs.FilePicker", error);
  if (picker == NULL ||
      !initialize_file_picker (picker, parent, error) ||
      !call_with_string (picker, "com.sun.star.ui.dialogs.XExecutableDialog::setTitle", title,
                         error) ||
      !add_filters (picker, filters, n_filters, error))
    return NULL;
  if (start != NULL &&
      !call_with_string (picker, "com.sun.star.ui.dialogs.XFilePicker::setDisplayDirectory", start,
                         error))
    return NULL;
  if (!execute (picker, &chosen, error) || !chosen)
    return NULL;
  if (!iku_uno_call (picker, "com.sun.star.ui.dialogs.XFilePicker::getFiles", &files, NULL, error))
    return NULL;
  if (files != NULL && files->nElements > 0)
    url = iku_uno_string_dup_utf8 (((rtl_uString **) (void *) files->elements)[0]);
  iku_uno_sequence_free (files, "[]string");
  if (url == NULL)
    return NULL;   /* nothing chosen after all */
  return dup_chosen_path (url, error);
}

char *
iku_uno_dialogs_pick_folder (uno_Interface *context,
                             const char    *title,
                             const char    *current,
                             GError       **error)
{
  g_autoptr(uno_Interface) picker = NULL;
  g_autofree char *start = dup_start_url (current, FALSE);
  g_autofree char *url = NULL;
  gboolean chosen = FALSE;

  g_return_val_if_fail (title != NULL, NULL);

  picker = iku_uno_create_instance (context, "com.sun.star.ui.dialogs.FolderPicker", error);
  if (picker == NULL ||
      !call_with_string (picker, "com.sun.star.ui.dialogs.XExecutableDialog::setTitle", title,
                         error))
    return NULL;
  if (start != NULL &&
      !call_with_string (picker, "com.sun.star.ui.dialogs.XFolderPicker::setDisplayDirectory",
                         start, error))
    return NULL;
  if (!execute (picker, &chosen, error) || !chosen)
    return NULL;
  url = iku_uno_call_string (picker, "com.sun.star.ui.dialogs.XFolderPicker::getDirectory", NULL,
                             error);
  if (url == NULL)
    return NULL;
  return *url != '\0' ? dup_chosen_path (url, error) : NULL;
}

void
iku_uno_dialogs_show_error (uno_Interface *context,
                            uno_Interface *parent,
                            const char    *title,
                            const char    *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(uno_Interface) toolkit = NULL;
  g_autoptr(uno_Interface) peer = iku_uno_query_or_null (parent, "com.sun.star.awt.XWindowPeer");
  g_autoptr(uno_Interface) box = NULL;
  g_autoptr(rtl_uString) utitle = NULL;
  g_autoptr(rtl_uString) utext = NULL;
  sal_Int32 type = ERRORBOX;
  sal_Int32 buttons = BUTTONS_OK;
  sal_Int16 pressed = 0;
  void *args[5];

  g_return_if_fail (title != NULL && text != NULL);

  toolkit = iku_uno_create_instance (context, "com.sun.star.awt.Toolkit", &error);
  if (toolkit == NULL)
    {
      g_warning ("%s (%s)", text, error->message);
      return;
    }
  utitle = iku_uno_string_new (title);
  utext = iku_uno_string_new (text);
  args[0] = &peer;
  args[1] = &type;
  args[2] = &buttons;
  args[3] = &utitle;
  args[4] = &utext;
  box = iku_uno_call_object (toolkit, "com.sun.star.awt.XMessageBoxFactory::createMessageBox", args,
                             &error);
  if (box == NULL ||
      !iku_uno_call (box, "com.sun.star.awt.XMessageBox::execute", &pressed, NULL, &error))
    g_warning ("%s (%s)", text, error->message);
}
