/* SPDX-License-Identifier: GPL-3.0-or-later
 * The pick-one-line dialog (see iku-uno-pick.h): a UnoControlDialog whose model
 * holds a label, a list box and two push buttons. Sizes are in the dialog's
 * "appfont" units, which follow the UI font, so the texts fit in either language. */
#include "iku-uno-pick.h"

#include "iku-uno-call.h"
#include "iku-uno-error.h"
#include "iku-uno-string.h"
#include "iku-uno-value.h"

/* com.sun.star.awt.PushButtonType */
enum { PUSH_BUTTON_OK = 1, PUSH_BUTTON_CANCEL = 2 };
/* What XDialog::execute returns when the OK button closed the dialog. */
#define RESULT_OK 1

#define DIALOG_WIDTH 220
#define MARGIN 6
#define PROMPT_HEIGHT 24
#define LIST_HEIGHT 84
#define BUTTON_WIDTH 50
#define BUTTON_HEIGHT 14
#define DIALOG_HEIGHT (MARGIN + PROMPT_HEIGHT + 4 + LIST_HEIGHT + MARGIN + BUTTON_HEIGHT + MARGIN)

/* The list shows this many lines at most; a workbook has at most IKU_MAX_SHEETS. */
#define MAX_ITEMS 256

static gboolean
set_any (uno_Interface *model,
         const char    *name,
         uno_Any       *value,
         GError       **error)
{
  g_autoptr(rtl_uString) uname = iku_uno_string_new (name);
  void *args[2] = { &uname, value };
  gboolean ok = iku_uno_call (model, "com.sun.star.beans.XPropertySet::setPropertyValue", NULL,
                              args, error);

  uno_any_destruct (value, NULL);
  return ok;
}

static gboolean
set_int32 (uno_Interface *model,
           const char    *name,
           sal_Int32      number,
           GError       **error)
{
  uno_Any value;

  uno_type_any_construct (&value, &number, *typelib_static_type_getByTypeClass (typelib_TypeClass_LONG),
                          NULL);
  return set_any (model, name, &value, error);
}

static gboolean
set_int16 (uno_Interface *model,
           const char    *name,
           sal_Int16      number,
           GError       **error)
{
  uno_Any value;

  uno_type_any_construct (&value, &number,
                          *typelib_static_type_getByTypeClass (typelib_TypeClass_SHORT), NULL);
  return set_any (model, name, &value, error);
}

static gboolean
set_boolean (uno_Interface *model,
             const char    *name,
             gboolean       on,
             GError       **error)
{
  uno_Any value;

  iku_uno_any_init_boolean (&value, on);
  return set_any (model, name, &value, error);
}

static gboolean
set_string (uno_Interface *model,
            const char    *name,
            const char    *text,
            GError       **error)
{
  uno_Any value;

  iku_uno_any_init_string (&value, text);
  return set_any (model, name, &value, error);
}

static gboolean
set_bounds (uno_Interface *model,
            sal_Int32      x,
            sal_Int32      y,
            sal_Int32      width,
            sal_Int32      height,
            GError       **error)
{
  return set_int32 (model, "PositionX", x, error) && set_int32 (model, "PositionY", y, error) &&
         set_int32 (model, "Width", width, error) && set_int32 (model, "Height", height, error);
}

/* SelectedItems = { 0 }: the first line is selected when the dialog opens. */
static gboolean
select_first (uno_Interface *model,
              GError       **error)
{
  typelib_TypeDescription *type = iku_uno_type_get ("[]short", error);
  sal_Int16 first = 0;
  uno_Sequence *seq = NULL;
  uno_Any value;

  if (type == NULL)
    return FALSE;
  uno_sequence_construct (&seq, type, &first, 1, NULL);
  uno_any_construct (&value, &seq, type, NULL);
  uno_destructData (&seq, type, NULL);
  return set_any (model, "SelectedItems", &value, error);
}

/* A new control model of @service made by the dialog model @dialog_model, added to
 * it as @name. (transfer full) */
static uno_Interface *
add_control (uno_Interface *dialog_model,
             const char    *service,
             const char    *name,
             GError       **error)
{
  g_autoptr(rtl_uString) uservice = iku_uno_string_new (service);
  g_autoptr(rtl_uString) uname = iku_uno_string_new (name);
  g_autoptr(uno_Interface) created = NULL;
  g_autoptr(uno_Interface) control_model = NULL;
  typelib_TypeDescription *type;
  void *args[2];
  uno_Any element;
  gboolean ok;

  args[0] = &uservice;
  created = iku_uno_call_object (dialog_model, "com.sun.star.lang.XMultiServiceFactory::createInstance",
                                 args, error);
  if (created == NULL)
    return NULL;
  control_model = iku_uno_query (created, "com.sun.star.awt.XControlModel", error);
  type = control_model != NULL ? iku_uno_type_get ("com.sun.star.awt.XControlModel", error) : NULL;
  if (type == NULL)
    return NULL;
  uno_any_construct (&element, &control_model, type, NULL);
  args[0] = &uname;
  args[1] = &element;
  ok = iku_uno_call (dialog_model, "com.sun.star.container.XNameContainer::insertByName", NULL, args,
                     error);
  uno_any_destruct (&element, NULL);
  return ok ? g_steal_pointer (&created) : NULL;
}

static gboolean
add_button (uno_Interface *dialog_model,
            const char    *name,
            const char    *label,
            sal_Int32      x,
            sal_Int16      type,
            GError       **error)
{
  g_autoptr(uno_Interface) button = add_control (dialog_model, "com.sun.star.awt.UnoControlButtonModel",
                                                 name, error);

  return button != NULL &&
         set_bounds (button, x, DIALOG_HEIGHT - MARGIN - BUTTON_HEIGHT, BUTTON_WIDTH, BUTTON_HEIGHT,
                     error) &&
         set_string (button, "Label", label, error) &&
         set_int16 (button, "PushButtonType", type, error) &&
         set_boolean (button, "DefaultButton", type == PUSH_BUTTON_OK, error);
}

/* The dialog's model with its controls. (transfer full) */
static uno_Interface *
build_model (uno_Interface      *context,
             const char         *title,
             const char         *prompt,
             const char * const *items,
             guint               n_items,
             const char         *ok,
             const char         *cancel,
             GError            **error)
{
  g_autoptr(uno_Interface) model = NULL;
  g_autoptr(uno_Interface) label = NULL;
  g_autoptr(uno_Interface) list = NULL;
  uno_Any lines;

  model = iku_uno_create_instance (context, "com.sun.star.awt.UnoControlDialogModel", error);
  if (model == NULL || !set_bounds (model, 60, 40, DIALOG_WIDTH, DIALOG_HEIGHT, error) ||
      !set_string (model, "Title", title, error))
    return NULL;

  label = add_control (model, "com.sun.star.awt.UnoControlFixedTextModel", "prompt", error);
  if (label == NULL ||
      !set_bounds (label, MARGIN, MARGIN, DIALOG_WIDTH - 2 * MARGIN, PROMPT_HEIGHT, error) ||
      !set_string (label, "Label", prompt, error) || !set_boolean (label, "MultiLine", TRUE, error))
    return NULL;

  list = add_control (model, "com.sun.star.awt.UnoControlListBoxModel", "list", error);
  if (list == NULL ||
      !set_bounds (list, MARGIN, MARGIN + PROMPT_HEIGHT + 4, DIALOG_WIDTH - 2 * MARGIN, LIST_HEIGHT,
                   error) ||
      !set_boolean (list, "Dropdown", FALSE, error) ||
      !set_boolean (list, "MultiSelection", FALSE, error) ||
      !iku_uno_any_init_strings (&lines, items, n_items, error) ||
      !set_any (list, "StringItemList", &lines, error) || !select_first (list, error))
    return NULL;

  if (!add_button (model, "ok", ok, DIALOG_WIDTH - 2 * (MARGIN + BUTTON_WIDTH), PUSH_BUTTON_OK,
                   error) ||
      !add_button (model, "cancel", cancel, DIALOG_WIDTH - MARGIN - BUTTON_WIDTH,
                   PUSH_BUTTON_CANCEL, error))
    return NULL;
  return g_steal_pointer (&model);
}

/* The window peer of @frame's container window, or NULL. (transfer full) */
static uno_Interface *
dup_parent_peer (uno_Interface *frame)
{
  g_autoptr(uno_Interface) window = NULL;

  if (frame == NULL ||
      !iku_uno_call_object_or_null (frame, "com.sun.star.frame.XFrame::getContainerWindow", NULL,
                                    &window, NULL))
    return NULL;
  return iku_uno_query_or_null (window, "com.sun.star.awt.XWindowPeer");
}

/* Gives the keyboard focus back to @frame's window once the dialog is gone, as
 * closing a dialog of the office does: a message box shown next then has the
 * focus too (without it, its first click only focussed it). */
static void
return_focus (uno_Interface *frame)
{
  g_autoptr(uno_Interface) window = NULL;
  g_autoptr(GError) error = NULL;

  if (frame != NULL &&
      iku_uno_call_object_or_null (frame, "com.sun.star.frame.XFrame::getContainerWindow", NULL,
                                   &window, NULL) &&
      window != NULL &&
      !iku_uno_call (window, "com.sun.star.awt.XWindow::setFocus", NULL, NULL, &error))
    g_debug ("pick dialog: no focus back: %s", error->message);
}

/* Runs the dialog made from @model; the index picked or -1. */
static gint
run_dialog (uno_Interface *context,
            uno_Interface *frame,
            uno_Interface *model,
            GError       **error)
{
  g_autoptr(uno_Interface) dialog = NULL;
  g_autoptr(uno_Interface) control_model = NULL;
  g_autoptr(uno_Interface) toolkit = NULL;
  g_autoptr(uno_Interface) toolkit_iface = NULL;
  g_autoptr(uno_Interface) parent = dup_parent_peer (frame);
  g_autoptr(uno_Interface) list_control = NULL;
  g_autoptr(rtl_uString) list_name = iku_uno_string_new ("list");
  g_autoptr(GError) dispose_error = NULL;
  gboolean accepted_model = FALSE;
  sal_Int16 pressed = 0;
  sal_Int16 position = -1;
  void *args[2];

  dialog = iku_uno_create_instance (context, "com.sun.star.awt.UnoControlDialog", error);
  control_model = dialog != NULL ? iku_uno_query (model, "com.sun.star.awt.XControlModel", error)
                                 : NULL;
  if (control_model == NULL)
    return -2;
  args[0] = &control_model;
  if (!iku_uno_call_boolean (dialog, "com.sun.star.awt.XControl::setModel", args, &accepted_model,
                             error))
    return -2;
  toolkit = iku_uno_create_instance (context, "com.sun.star.awt.Toolkit", error);
  toolkit_iface = toolkit != NULL ? iku_uno_query (toolkit, "com.sun.star.awt.XToolkit", error)
                                  : NULL;
  if (toolkit_iface == NULL)
    return -2;
  args[0] = &toolkit_iface;
  args[1] = &parent;
  if (!iku_uno_call (dialog, "com.sun.star.awt.XControl::createPeer", NULL, args, error) ||
      !iku_uno_call (dialog, "com.sun.star.awt.XDialog::execute", &pressed, NULL, error))
    return -2;

  args[0] = &list_name;
  list_control = iku_uno_call_object (dialog, "com.sun.star.awt.XControlContainer::getControl",
                                      args, error);
  if (list_control == NULL ||
      !iku_uno_call (list_control, "com.sun.star.awt.XListBox::getSelectedItemPos", &position, NULL,
                     error))
    position = -2;
  if (!iku_uno_call (dialog, "com.sun.star.lang.XComponent::dispose", NULL, NULL, &dispose_error))
    g_debug ("pick dialog: %s", dispose_error->message);
  return_focus (frame);
  if (position == -2)
    return -2;
  return pressed == RESULT_OK && position >= 0 ? position : -1;
}

gint
iku_uno_pick (uno_Interface      *context,
              uno_Interface      *frame,
              const char         *title,
              const char         *prompt,
              const char * const *items,
              guint               n_items,
              const char         *ok,
              const char         *cancel,
              GError            **error)
{
  g_autoptr(uno_Interface) model = NULL;

  g_return_val_if_fail (context != NULL && title != NULL && prompt != NULL, -2);
  g_return_val_if_fail (items != NULL && n_items > 0 && n_items <= MAX_ITEMS, -2);
  g_return_val_if_fail (ok != NULL && cancel != NULL, -2);

  model = build_model (context, title, prompt, items, n_items, ok, cancel, error);
  if (model == NULL)
    return -2;
  return run_dialog (context, frame, model, error);
}
