/* SPDX-License-Identifier: GPL-3.0-or-later
 * The double-click handler of a Calc view (see iku-uno-click.h).
 *
 * Lifetime: the view holds the handler (its mouse click handler) and a watcher
 * (an XEventListener on the view); the handler holds the view only weakly, the
 * watcher not at all. When the view
 * is disposed (its window closes, File > Reload), the watcher takes the handler
 * off the view and forgets the view. Taking it off matters: a view destroyed with
 * handlers still attached calls their disposing() from its destructor, with the
 * half-destroyed view as the event source, and LibreOffice 7.4 can then free the
 * view while a scripting client still holds it (reproduced with a Python handler
 * alone). The handler's own disposing() only covers a view destroyed without
 * being disposed; it must not call the view, which is walking its handler list.
 *
 * Calc calls mousePressed while it dispatches the mouse event and walks its list
 * of handlers, so nothing here may open a dialog or run the main loop: the export
 * is queued with AsyncCallback and runs once the click is handled. A UNO exception
 * thrown from mousePressed would make Calc drop the handler, so every failure here
 * is logged and answered "let Calc handle it". */
#include "iku-uno-click.h"

#include <string.h>

#include "iku-grid.h"
#include "iku-schema.h"
#include "iku-uno-call.h"
#include "iku-uno-defer.h"
#include "iku-uno-error.h"
#include "iku-uno-export.h"
#include "iku-uno-object.h"
#include "iku-uno-sheet.h"
#include "iku-uno-value.h"

#define XHANDLER "com.sun.star.awt.XEnhancedMouseClickHandler"
#define XBROADCASTER "com.sun.star.sheet.XEnhancedMouseClickBroadcaster"
#define XEVENTLISTENER "com.sun.star.lang.XEventListener"
#define MOUSE_EVENT "com.sun.star.awt.EnhancedMouseEvent"
#define CELL_ADDRESS "com.sun.star.table.CellAddress"

/* com.sun.star.awt.MouseButton::LEFT */
#define MOUSE_BUTTON_LEFT 1

/* The button's text (PRODUCT.md) and the longest text worth comparing with it.
 * Only a quick filter, so that an ordinary double-click costs one getString and
 * no sheet read: whether the cell is the button is decided by
 * iku_schema_is_button_cell() on the sheet as read. */

typedef struct {
  IkuUnoViews   *views;      /* owned reference */
  char          *view_id;
  uno_Interface *view_ref;   /* owned XAdapter: a weak reference to the view */
  uno_Interface *context;    /* owned */
  char          *data_dir;
  gint           gone;       /* 1 once the view was disposed */
} Handler;

/* The XEventListener that sees the view go. */
typedef struct {
  Handler       *handler;    /* the data of @handler_object */
  uno_Interface *handler_object; /* owned until the view is disposed */
  GMutex         lock;
} Watcher;

/* What a mouse press carries that matters here. */
typedef struct {
  gint16         buttons;
  gint32         click_count;
  uno_Interface *target;     /* borrowed from the event: the clicked cell or shape */
} Click;

/* One export waiting for the main loop. */
typedef struct {
  uno_Interface *context;    /* owned */
  uno_Interface *model;      /* owned */
  uno_Interface *view;       /* owned */
  char          *data_dir;
} PendingExport;

static void
handler_free (gpointer data)
{
  Handler *handler = data;

  iku_uno_views_unref (handler->views);
  g_free (handler->view_id);
  iku_uno_release (handler->view_ref);
  iku_uno_release (handler->context);
  g_free (handler->data_dir);
  g_free (handler);
}

static gboolean
read_click (const void *event,
            Click      *click,
            GError    **error)
{
  gsize buttons, click_count, target;
  const char *p = event;

  if (!iku_uno_struct_offset (MOUSE_EVENT, "Buttons", &buttons, error) ||
      !iku_uno_struct_offset (MOUSE_EVENT, "ClickCount", &click_count, error) ||
      !iku_uno_struct_offset (MOUSE_EVENT, "Target", &target, error))
    return FALSE;
  click->buttons = *(const sal_Int16 *) (const void *) (p + buttons);
  click->click_count = *(const sal_Int32 *) (const void *) (p + click_count);
  click->target = *(uno_Interface * const *) (const void *) (p + target);
  return TRUE;
}

/* The sheet index, column and row of @cell (XCellAddressable). */
static gboolean
get_cell_address (uno_Interface *cell,
                  gint32        *sheet,
                  gint32        *col,
                  gint32        *row,
                  GError       **error)
{
  typelib_TypeDescription *type = iku_uno_type_get (CELL_ADDRESS, error);
  gsize sheet_offset, col_offset, row_offset;
  g_autofree char *mem = NULL;

  if (type == NULL ||
      !iku_uno_struct_offset (CELL_ADDRESS, "Sheet", &sheet_offset, error) ||
      !iku_uno_struct_offset (CELL_ADDRESS, "Column", &col_offset, error) ||
      !iku_uno_struct_offset (CELL_ADDRESS, "Row", &row_offset, error))
    return FALSE;
  mem = g_malloc0 ((gsize) type->nSize);
  if (!iku_uno_call (cell, "com.sun.star.sheet.XCellAddressable::getCellAddress", mem, NULL,
                     error))
    return FALSE;
  *sheet = *(const sal_Int16 *) (const void *) (mem + sheet_offset);
  *col = *(const sal_Int32 *) (const void *) (mem + col_offset);
  *row = *(const sal_Int32 *) (const void *) (mem + row_offset);
  uno_destructData (mem, type, NULL);
  if (*sheet < 0 || *col < 0 || *row < 0)
    {
      g_set_error_literal (error, IKU_UNO_ERROR, IKU_UNO_ERROR_TYPE, "ugyldig celleadresse");
      return FALSE;
    }
  return TRUE;
}

/* Whether @target, double-clicked in @view, is the button cell of a schema: then
 * *@model is the document (acquired), else NULL. FALSE only when the office failed. */
static gboolean
find_button_document (uno_Interface  *view,
                      uno_Interface  *target,
                      uno_Interface **model_out,
                      GError        **error)
{
  g_autofree char *text = NULL;
  g_autoptr(uno_Interface) model = NULL;
  g_autoptr(uno_Interface) sheets = NULL;
  g_autoptr(uno_Interface) sheet = NULL;
  g_autoptr(IkuGrid) grid = NULL;
  IkuUnoSheetBudget budget = { 0, 0 };
  gint32 sheet_index, col, row;
  void *args[1] = { &sheet_index };
  uno_Any element;

  *model_out = NULL;
  /* A cell; for a merged area, its top-left cell. Shapes are never the button. */
  if (!iku_uno_has_interface (target, "com.sun.star.table.XCell"))
    return TRUE;
  text = iku_uno_call_string (target, "com.sun.star.text.XTextRange::getString", NULL, error);
  if (text == NULL)
    return FALSE;
  if (!iku_schema_is_button_text (text))
    return TRUE;

  if (!get_cell_address (target, &sheet_index, &col, &row, error))
    return FALSE;
  model = iku_uno_call_object (view, "com.sun.star.frame.XController::getModel", NULL, error);
  if (model == NULL)
    return FALSE;
  sheets = iku_uno_call_object (model, "com.sun.star.sheet.XSpreadsheetDocument::getSheets", NULL,
                                error);
  if (sheets == NULL ||
      !iku_uno_call (sheets, "com.sun.star.container.XIndexAccess::getByIndex", &element, args,
                     error))
    return FALSE;
  sheet = iku_uno_any_dup_interface (&element);
  uno_any_destruct (&element, NULL);
  /* Only that sheet: the button belongs to the schema below it on the same sheet. */
  grid = iku_uno_sheet_read (sheet, &budget, error);
  if (grid == NULL)
    return FALSE;
  if (iku_schema_is_button_cell (grid, (guint) row, (guint) col))
    *model_out = g_steal_pointer (&model);
  return TRUE;
}

static void
pending_export_free (gpointer data)
{
  PendingExport *pending = data;

  iku_uno_release (pending->context);
  iku_uno_release (pending->model);
  iku_uno_release (pending->view);
  g_free (pending->data_dir);
  g_free (pending);
}

/* Runs on the main loop after the click: the export as the menu entry runs it,
 * with progress and the result or error box over the window clicked in. */
static void
pending_export_run (gpointer data)
{
  PendingExport *pending = data;
  IkuUnoExportRequest request = {
    .document = pending->model,
    .view = pending->view,
    .folder = NULL,
    .interactive = TRUE,
  };

  iku_uno_report_free (iku_uno_export_run (pending->context, pending->data_dir, &request));
}

static gboolean
queue_export (Handler       *handler,
              uno_Interface *model,
              uno_Interface *view,
              GError       **error)
{
  PendingExport *pending = g_new0 (PendingExport, 1);

  (*handler->context->acquire) (handler->context);
  pending->context = handler->context;
  (*model->acquire) (model);
  pending->model = model;
  (*view->acquire) (view);
  pending->view = view;
  pending->data_dir = g_strdup (handler->data_dir);
  return iku_uno_defer (handler->context, pending_export_run, pending, pending_export_free, error);
}

/* TRUE: Calc handles the press as usual; FALSE: the press is the button's. */
static gboolean
mouse_pressed (Handler    *handler,
               const void *event)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(uno_Interface) view = NULL;
  g_autoptr(uno_Interface) model = NULL;
  Click click;

  if (!read_click (event, &click, &error))
    {
      g_warning ("double-click button: %s", error->message);
      return TRUE;
    }
  /* Calc reports a double-click as a press with ClickCount 1, then one with 2; a
   * third click soon after is 3. Like Calc's own edit mode, act on 2 only. */
  if (click.buttons != MOUSE_BUTTON_LEFT || click.click_count != 2 || click.target == NULL ||
      g_atomic_int_get (&handler->gone))
    return TRUE;
  view = iku_uno_weak_dup (handler->view_ref);
  if (view == NULL)
    return TRUE;
  if (!find_button_document (view, click.target, &model, &error))
    {
      g_warning ("double-click button: %s", error->message);
      return TRUE;
    }
  if (model == NULL)
    return TRUE;
  if (!queue_export (handler, model, view, &error))
    {
      g_warning ("double-click button: the export could not be started: %s", error->message);
      return TRUE;
    }
  return FALSE;
}

/* Forgets the view in the registry, once. */
static void
handler_forget_view (Handler *handler)
{
  if (g_atomic_int_compare_and_exchange (&handler->gone, 0, 1))
    iku_uno_views_forget (handler->views, handler->view_id);
}

static gboolean
handler_call (IkuUnoObject *self,
              const char   *member,
              void         *ret,
              void        **args,
              GError      **error)
{
  Handler *handler = iku_uno_object_get_data (self);

  if (strcmp (member, XHANDLER "::mousePressed") == 0)
    {
      *(sal_Bool *) ret = mouse_pressed (handler, args[0]) ? 1 : 0;
      return TRUE;
    }
  if (strcmp (member, XHANDLER "::mouseReleased") == 0)
    {
      *(sal_Bool *) ret = 1;
      return TRUE;
    }
  if (strcmp (member, XEVENTLISTENER "::disposing") == 0)
    {
      /* The view is being destroyed with the handler still on it. */
      handler_forget_view (handler);
      return TRUE;
    }
  g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_UNSUPPORTED,
               "XEnhancedMouseClickHandler har ikke medlemmet %s", member);
  return FALSE;
}

/* Objects of this file are no services: nothing creates them by name. */
static const char * const no_services[] = { NULL };
static const char * const handler_interfaces[] = { XHANDLER, XEVENTLISTENER, NULL };
static const IkuUnoClass handler_class = {
  "org.ikuflet.DoubleClickHandler", no_services, handler_interfaces, handler_call
};

static uno_Interface *
handler_new (IkuUnoViews   *views,
             const char    *view_id,
             uno_Interface *view,
             uno_Interface *context,
             const char    *data_dir,
             Handler      **handler_out,
             GError       **error)
{
  Handler *handler;
  uno_Interface *view_ref;

  view_ref = iku_uno_weak_new (view, error);
  if (view_ref == NULL)
    return NULL;
  handler = g_new0 (Handler, 1);
  handler->views = iku_uno_views_ref (views);
  handler->view_id = g_strdup (view_id);
  handler->view_ref = view_ref;
  (*context->acquire) (context);
  handler->context = context;
  handler->data_dir = g_strdup (data_dir);
  *handler_out = handler;
  return iku_uno_object_new (&handler_class, handler, handler_free);
}

static void
watcher_free (gpointer data)
{
  Watcher *watcher = data;

  iku_uno_release (watcher->handler_object);
  g_mutex_clear (&watcher->lock);
  g_free (watcher);
}

/* The view is disposed: take the handler off it (@event's Source) and forget it. */
static void
watcher_disposing (Watcher    *watcher,
                   const void *event)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(uno_Interface) handler_object = NULL;
  uno_Interface *source = NULL;
  gsize source_offset;

  g_mutex_lock (&watcher->lock);
  handler_object = g_steal_pointer (&watcher->handler_object);
  g_mutex_unlock (&watcher->lock);
  if (handler_object == NULL)
    return;   /* told before */

  handler_forget_view (watcher->handler);
  if (iku_uno_struct_offset ("com.sun.star.lang.EventObject", "Source", &source_offset, &error))
    source = *(uno_Interface * const *) (const void *) ((const char *) event + source_offset);
  if (source != NULL)
    {
      void *args[1] = { &handler_object };

      if (!iku_uno_call (source, XBROADCASTER "::removeEnhancedMouseClickHandler", NULL, args,
                         &error))
        g_debug ("double-click button: the handler stays on the closed view: %s",
                 error->message);
    }
  else if (error != NULL)
    g_debug ("double-click button: %s", error->message);
}

static gboolean
watcher_call (IkuUnoObject *self,
              const char   *member,
              void         *ret,
              void        **args,
              GError      **error)
{
  if (strcmp (member, XEVENTLISTENER "::disposing") == 0)
    {
      watcher_disposing (iku_uno_object_get_data (self), args[0]);
      return TRUE;
    }
  g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_UNSUPPORTED,
               "XEventListener har ikke medlemmet %s", member);
  return FALSE;
}

static const char * const watcher_interfaces[] = { XEVENTLISTENER, NULL };
static const IkuUnoClass watcher_class = {
  "org.ikuflet.DoubleClickViewWatcher", no_services, watcher_interfaces, watcher_call
};

/* (transfer full) */
static uno_Interface *
watcher_new (Handler       *handler,
             uno_Interface *handler_object)
{
  Watcher *watcher = g_new0 (Watcher, 1);

  g_mutex_init (&watcher->lock);
  watcher->handler = handler;
  (*handler_object->acquire) (handler_object);
  watcher->handler_object = handler_object;
  return iku_uno_object_new (&watcher_class, watcher, watcher_free);
}

gboolean
iku_uno_click_attach (IkuUnoViews   *views,
                      const char    *view_id,
                      uno_Interface *view,
                      uno_Interface *context,
                      const char    *data_dir,
                      GError       **error)
{
  g_autoptr(uno_Interface) handler_object = NULL;
  g_autoptr(uno_Interface) watcher = NULL;
  Handler *handler = NULL;
  void *watcher_args[1];
  void *handler_args[1];

  g_return_val_if_fail (views != NULL && view_id != NULL && context != NULL && data_dir != NULL,
                        FALSE);

  handler_object = handler_new (views, view_id, view, context, data_dir, &handler, error);
  if (handler_object == NULL)
    return FALSE;
  watcher = watcher_new (handler, handler_object);
  watcher_args[0] = &watcher;
  handler_args[0] = &handler_object;
  if (!iku_uno_call (view, "com.sun.star.lang.XComponent::addEventListener", NULL, watcher_args,
                     error))
    return FALSE;
  if (!iku_uno_call (view, XBROADCASTER "::addEnhancedMouseClickHandler", NULL, handler_args,
                     error))
    {
      g_autoptr(GError) ignored = NULL;

      if (!iku_uno_call (view, "com.sun.star.lang.XComponent::removeEventListener", NULL,
                         watcher_args, &ignored))
        g_debug ("removeEventListener: %s", ignored->message);
      return FALSE;
    }
  return TRUE;
}
