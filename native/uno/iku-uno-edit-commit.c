/* SPDX-License-Identifier: GPL-3.0-or-later
 * Committing a cell edit before an export (see iku-uno-edit-commit.h).
 *
 * What LibreOffice offers (7.4 and 25.2, read in sc/ and tried in a real window):
 * Calc's Enter and its save command end an edit through the module's
 * InputEnterHandler, which writes the text into the cell being edited with the
 * same undo step as Enter. The UNO call that reaches it without side effects is
 * XCalculatable.calculate(): ScDocShell::DoRecalc(bApi) first ends the input of
 * the current view (ScTabView::UpdateInputLine) and then recalculates only what
 * is dirty; it leaves the cursor and the selection alone and, without an edit,
 * leaves the document unmodified. Selecting the cell under the cursor again, or
 * the active sheet, commits nothing; selecting another cell moves the cursor, and
 * XController.suspend can ask to save.
 *
 * calculate() ends the edit of the *current* view, whichever document it shows.
 * An edit lives only in the view that has the focus (Calc ends it when another
 * document is activated), so it is called only when @view itself is editing:
 * then the current view is @view. Whether a view is editing is read from its
 * frame, as its menus read it: the commands of Calc's text edit shell (here
 * "Insert soft hyphen") are enabled exactly while a cell has an edit view.
 *
 * Input Calc refuses (a validity rule that stops it) is dropped by Calc after
 * its own message box, which it shows modally inside calculate(): the edit ends
 * and the cell keeps its old text. That is told apart from an edit with nothing
 * typed (which also ends without a change) by the box: a window opened during the
 * commit and no undo step was added. */
#include "iku-uno-edit-commit.h"

#include <string.h>

#include "iku-uno-call.h"
#include "iku-uno-error.h"
#include "iku-uno-object.h"
#include "iku-uno-string.h"
#include "iku-uno-value.h"

#define URL_TYPE "com.sun.star.util.URL"
#define FEATURE_STATE_EVENT "com.sun.star.frame.FeatureStateEvent"
#define XSTATUSLISTENER "com.sun.star.frame.XStatusListener"
#define XTOPWINDOWLISTENER "com.sun.star.awt.XTopWindowListener"
#define XEXTENDEDTOOLKIT "com.sun.star.awt.XExtendedToolkit"

/* A command of ScEditShell that has no condition of its own. */
#define EDIT_SHELL_COMMAND ".uno:InsertSoftHyphen"

/* What one status listener heard. */
typedef struct {
  gboolean heard;
  gboolean enabled;
} Status;

static gboolean
listener_call (IkuUnoObject *self,
               const char   *member,
               void         *ret,
               void        **args,
               GError      **error)
{
  Status *status = iku_uno_object_get_data (self);

  if (strcmp (member, XSTATUSLISTENER "::statusChanged") == 0)
    {
      gsize offset;

      if (!iku_uno_struct_offset (FEATURE_STATE_EVENT, "IsEnabled", &offset, error))
        return FALSE;
      status->heard = TRUE;
      status->enabled = *(const sal_Bool *) ((const char *) args[0] + offset) != 0;
      return TRUE;
    }
  if (strcmp (member, "com.sun.star.lang.XEventListener::disposing") == 0)
    return TRUE;
  g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_UNSUPPORTED,
               "XStatusListener har ikke medlemmet %s", member);
  return FALSE;
}

static const char * const no_services[] = { NULL };
static const char * const listener_interfaces[] = { XSTATUSLISTENER, NULL };
static const IkuUnoClass listener_class = {
  "org.ikuflet.EditStateListener", no_services, listener_interfaces, listener_call
};

/* Counts the windows that open while it listens. */
static gboolean
window_counter_call (IkuUnoObject *self,
                     const char   *member,
                     void         *ret,
                     void        **args,
                     GError      **error)
{
  gint *opened = iku_uno_object_get_data (self);
  const char *name = g_str_has_prefix (member, XTOPWINDOWLISTENER "::")
    ? member + strlen (XTOPWINDOWLISTENER "::") : NULL;

  if (name != NULL && strcmp (name, "windowOpened") == 0)
    {
      g_atomic_int_inc (opened);
      return TRUE;
    }
  if (name != NULL || strcmp (member, "com.sun.star.lang.XEventListener::disposing") == 0)
    return TRUE;   /* the other window events */
  g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_UNSUPPORTED,
               "XTopWindowListener har ikke medlemmet %s", member);
  return FALSE;
}

static const char * const window_counter_interfaces[] = { XTOPWINDOWLISTENER, NULL };
static const IkuUnoClass window_counter_class = {
  "org.ikuflet.EditCommitWindowCounter", no_services, window_counter_interfaces,
  window_counter_call
};

/* The number of steps @model's undo manager holds. */
static gboolean
count_undo_steps (uno_Interface *model,
                  gint32        *n,
                  GError       **error)
{
  g_autoptr(uno_Interface) undo = NULL;
  uno_Sequence *titles = NULL;

  undo = iku_uno_call_object (model, "com.sun.star.document.XUndoManagerSupplier::getUndoManager",
                              NULL, error);
  if (undo == NULL ||
      !iku_uno_call (undo, "com.sun.star.document.XUndoManager::getAllUndoActionTitles", &titles,
                     NULL, error))
    return FALSE;
  *n = titles->nElements;
  iku_uno_sequence_free (titles, "[]string");
  return TRUE;
}

/* Ends the edit of the current view (XCalculatable.calculate, see above); *@refused
 * when Calc showed a window meanwhile and kept no undo step of the input. */
static gboolean
commit_current_edit (uno_Interface *context,
                     uno_Interface *model,
                     gboolean      *refused,
                     GError       **error)
{
  g_autoptr(uno_Interface) toolkit = NULL;
  g_autoptr(uno_Interface) counter = NULL;
  gint *opened = g_new0 (gint, 1);
  gint32 before = 0, after = 0;
  gboolean listening, ok;
  void *args[1];

  *refused = FALSE;
  counter = iku_uno_object_new (&window_counter_class, opened, g_free);
  if (!count_undo_steps (model, &before, error))
    return FALSE;
  toolkit = iku_uno_create_instance (context, "com.sun.star.awt.Toolkit", error);
  if (toolkit == NULL)
    return FALSE;
  args[0] = &counter;
  listening = iku_uno_call (toolkit, XEXTENDEDTOOLKIT "::addTopWindowListener", NULL, args, error);
  if (!listening)
    return FALSE;
  ok = iku_uno_call (model, "com.sun.star.sheet.XCalculatable::calculate", NULL, NULL, error);
  {
    g_autoptr(GError) ignored = NULL;

    if (!iku_uno_call (toolkit, XEXTENDEDTOOLKIT "::removeTopWindowListener", NULL, args,
                       &ignored))
      g_debug ("removeTopWindowListener: %s", ignored->message);
  }
  if (!ok || !count_undo_steps (model, &after, error))
    return FALSE;
  *refused = g_atomic_int_get (opened) > 0 && after == before;
  return TRUE;
}

/* A parsed com.sun.star.util.URL for @command in @mem (unconstructed memory of the
 * struct's size); destruct it with uno_destructData. */
static gboolean
url_init (uno_Interface *context,
          const char    *command,
          void          *mem,
          GError       **error)
{
  typelib_TypeDescription *type = iku_uno_type_get (URL_TYPE, error);
  g_autoptr(uno_Interface) transformer = NULL;
  g_autoptr(rtl_uString) complete = NULL;
  gsize offset;
  gboolean parsed = FALSE;
  void *args[1] = { mem };

  if (type == NULL || !iku_uno_struct_offset (URL_TYPE, "Complete", &offset, error))
    return FALSE;
  uno_constructData (mem, type);
  complete = iku_uno_string_new (command);
  rtl_uString_assign ((rtl_uString **) ((char *) mem + offset), complete);
  transformer = iku_uno_create_instance (context, "com.sun.star.util.URLTransformer", error);
  if (transformer == NULL ||
      !iku_uno_call_boolean (transformer, "com.sun.star.util.XURLTransformer::parseStrict", args,
                             &parsed, error))
    {
      uno_destructData (mem, type, NULL);
      return FALSE;
    }
  return TRUE;
}

/* Whether @frame's view is editing a cell: the state of EDIT_SHELL_COMMAND, which
 * the frame's dispatch tells a listener as soon as it is added. */
static gboolean
frame_is_editing (uno_Interface *context,
                  uno_Interface *frame,
                  gboolean      *editing,
                  GError       **error)
{
  typelib_TypeDescription *type = iku_uno_type_get (URL_TYPE, error);
  g_autofree char *url = NULL;
  g_autoptr(rtl_uString) target = NULL;
  g_autoptr(uno_Interface) dispatch = NULL;
  g_autoptr(uno_Interface) listener = NULL;
  Status *status;
  sal_Int32 flags = 0;
  gboolean ok;

  *editing = FALSE;
  if (type == NULL)
    return FALSE;
  url = g_malloc0 ((gsize) type->nSize);
  if (!url_init (context, EDIT_SHELL_COMMAND, url, error))
    return FALSE;

  target = iku_uno_string_new ("");
  {
    void *args[3] = { url, &target, &flags };
    ok = iku_uno_call_object_or_null (frame, "com.sun.star.frame.XDispatchProvider::queryDispatch",
                                      args, &dispatch, error);
  }
  if (ok && dispatch != NULL)
    {
      status = g_new0 (Status, 1);
      listener = iku_uno_object_new (&listener_class, status, g_free);
      void *args[2] = { &listener, url };
      ok = iku_uno_call (dispatch, "com.sun.star.frame.XDispatch::addStatusListener", NULL, args,
                         error);
      if (ok)
        {
          g_autoptr(GError) ignored = NULL;

          if (!iku_uno_call (dispatch, "com.sun.star.frame.XDispatch::removeStatusListener", NULL,
                             args, &ignored))
            g_debug ("removeStatusListener: %s", ignored->message);
          *editing = status->heard && status->enabled;
        }
    }
  uno_destructData (url, type, NULL);
  return ok;
}

gboolean
iku_uno_edit_commit (uno_Interface *context,
                     uno_Interface *model,
                     uno_Interface *view,
                     IkuUnoLang     lang,
                     GError       **error)
{
  g_autoptr(uno_Interface) frame = NULL;
  gboolean editing = FALSE;
  gboolean refused = FALSE;

  g_return_val_if_fail (context != NULL && model != NULL, FALSE);

  if (view == NULL ||
      !iku_uno_call_object_or_null (view, "com.sun.star.frame.XController::getFrame", NULL, &frame,
                                    error))
    return view == NULL;
  if (frame == NULL)
    return TRUE;   /* a view without a window has no edit */
  if (!frame_is_editing (context, frame, &editing, error))
    return FALSE;
  if (!editing)
    return TRUE;

  if (!commit_current_edit (context, model, &refused, error) ||
      !frame_is_editing (context, frame, &editing, error))
    return FALSE;
  if (editing || refused)
    {
      g_set_error_literal (error, IKU_UNO_ERROR, IKU_UNO_ERROR_EDITING,
                           iku_uno_l10n_get (lang, IKU_UNO_TEXT_EDIT_NOT_COMMITTED));
      return FALSE;
    }
  g_debug ("the cell being edited was committed before the export");
  return TRUE;
}
