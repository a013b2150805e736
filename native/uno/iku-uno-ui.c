/* SPDX-License-Identifier: GPL-3.0-or-later
 * Progress and message boxes (see iku-uno-ui.h). Every failure here is logged and
 * swallowed: the export's result must not depend on whether a dialog could be shown. */
#include "iku-uno-ui.h"

#include <string.h>

#include "iku-uno-call.h"
#include "iku-uno-config.h"
#include "iku-uno-error.h"
#include "iku-uno-open-folder.h"
#include "iku-uno-string.h"
#include "iku-uno-value.h"

/* com.sun.star.awt.MessageBoxType and MessageBoxButtons */
enum { BOX_INFO = 1, BOX_WARNING = 2, BOX_ERROR = 3, BOX_QUERY = 4 };
enum { BUTTONS_OK = 1, BUTTONS_YES_NO = 3, DEFAULT_BUTTON_YES = 0x40000 };
/* com.sun.star.awt.MessageBoxResults */
enum { RESULT_YES = 2 };

/* More warnings than this are summarised in one line, so the box fits a screen. */
#define MAX_WARNINGS_SHOWN 12

struct _IkuUnoUi {
  uno_Interface *context;     /* borrowed */
  gboolean       interactive; /* what the caller asked for */
  gboolean       visible;     /* interactive, and the office has a screen */
  IkuUnoLang     lang;
  uno_Interface *frame;       /* owned; NULL when unknown */
  uno_Interface *indicator;   /* owned while progress is shown */
  GPtrArray     *details;     /* char*: paragraphs after the outcome */
};

/* TRUE when the office was started with --headless: it has no screen to show on. */
static gboolean
office_is_headless (void)
{
  sal_uInt32 n = osl_getCommandArgCount ();

  for (sal_uInt32 i = 0; i < n; i++)
    {
      g_autoptr(rtl_uString) arg = NULL;

      if (osl_getCommandArg (i, &arg) == osl_Process_E_None &&
          (iku_uno_string_equal_ascii (arg, "--headless") ||
           iku_uno_string_equal_ascii (arg, "-headless")))
        return TRUE;
    }
  return FALSE;
}

/* The value of @property of the configuration node @node_path, constructed in
 * @value (unconstructed memory) on success. */
static gboolean
get_config_value (uno_Interface *context,
                  const char    *node_path,
                  const char    *property,
                  uno_Any       *value,
                  GError       **error)
{
  g_autoptr(uno_Interface) access = iku_uno_config_open (context, node_path, FALSE, error);
  g_autoptr(rtl_uString) name = NULL;
  void *args[1];

  if (access == NULL)
    return FALSE;
  name = iku_uno_string_new (property);
  args[0] = &name;
  return iku_uno_call (access, "com.sun.star.container.XNameAccess::getByName", value, args, error);
}

IkuUnoLang
iku_uno_ui_lang_from_config (const uno_Any *chosen,
                             const uno_Any *installed)
{
  g_autofree char *chosen_tag = iku_uno_any_dup_string (chosen);
  g_autofree char *installed_tag = NULL;

  if (chosen_tag != NULL && *chosen_tag != '\0')
    return iku_uno_l10n_lang_from_tag (chosen_tag);
  installed_tag = iku_uno_any_dup_string (installed);
  if (installed_tag == NULL)
    g_debug ("UI language unknown (no configured text), using Danish");
  return iku_uno_l10n_lang_from_tag (installed_tag);
}

/* The office's UI language: the one chosen in Tools > Options, else the installed one. */
static IkuUnoLang
read_ui_language (uno_Interface *context)
{
  g_autoptr(GError) error = NULL;
  uno_Any chosen;
  uno_Any installed;
  gboolean have_chosen, have_installed;
  IkuUnoLang lang;

  have_chosen = get_config_value (context, "/org.openoffice.Office.Linguistic/General", "UILocale",
                                  &chosen, &error);
  if (!have_chosen)
    {
      g_debug ("no UI language chosen: %s", error->message);
      g_clear_error (&error);
    }
  have_installed = get_config_value (context, "/org.openoffice.Setup/L10N", "ooLocale",
                                     &installed, &error);
  if (!have_installed)
    g_debug ("no installed UI language: %s", error->message);
  lang = iku_uno_ui_lang_from_config (have_chosen ? &chosen : NULL,
                                      have_installed ? &installed : NULL);
  if (have_chosen)
    uno_any_destruct (&chosen, NULL);
  if (have_installed)
    uno_any_destruct (&installed, NULL);
  return lang;
}

IkuUnoUi *
iku_uno_ui_new (uno_Interface *context,
                gboolean       interactive)
{
  IkuUnoUi *ui = g_new0 (IkuUnoUi, 1);

  ui->context = context;
  ui->interactive = interactive;
  ui->visible = interactive && !office_is_headless ();
  ui->lang = ui->visible ? read_ui_language (context) : IKU_UNO_LANG_DA;
  ui->details = g_ptr_array_new_with_free_func (g_free);
  return ui;
}

void
iku_uno_ui_free (IkuUnoUi *ui)
{
  if (ui == NULL)
    return;
  iku_uno_ui_progress_end (ui);
  iku_uno_release (ui->frame);
  g_ptr_array_unref (ui->details);
  g_free (ui);
}

IkuUnoLang
iku_uno_ui_get_language (const IkuUnoUi *ui)
{
  g_return_val_if_fail (ui != NULL, IKU_UNO_LANG_DA);
  return ui->lang;
}

gboolean
iku_uno_ui_can_ask (const IkuUnoUi *ui)
{
  g_return_val_if_fail (ui != NULL, FALSE);
  return ui->visible;
}

uno_Interface *
iku_uno_ui_get_context (const IkuUnoUi *ui)
{
  g_return_val_if_fail (ui != NULL, NULL);
  return ui->context;
}

uno_Interface *
iku_uno_ui_get_frame (const IkuUnoUi *ui)
{
  g_return_val_if_fail (ui != NULL, NULL);
  return ui->frame;
}

void
iku_uno_ui_add_detail (IkuUnoUi   *ui,
                       const char *paragraph)
{
  g_return_if_fail (ui != NULL && paragraph != NULL);
  g_ptr_array_add (ui->details, g_strdup (paragraph));
}

void
iku_uno_ui_set_frame (IkuUnoUi      *ui,
                      uno_Interface *frame)
{
  g_return_if_fail (ui != NULL);

  if (frame != NULL)
    (*frame->acquire) (frame);
  iku_uno_release (ui->frame);
  ui->frame = frame;
}

void
iku_uno_ui_progress_start (IkuUnoUi *ui,
                           guint     total)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(rtl_uString) text = NULL;
  sal_Int32 range = (sal_Int32) MIN (total, (guint) G_MAXINT32);
  void *args[2];

  g_return_if_fail (ui != NULL);

  if (!ui->visible || ui->frame == NULL || ui->indicator != NULL)
    return;
  ui->indicator = iku_uno_call_object (ui->frame,
                                       "com.sun.star.task.XStatusIndicatorFactory::createStatusIndicator",
                                       NULL, &error);
  if (ui->indicator == NULL)
    {
      g_debug ("no progress bar: %s", error->message);
      return;
    }
  text = iku_uno_string_new (iku_uno_l10n_get (ui->lang, IKU_UNO_TEXT_PROGRESS));
  args[0] = &text;
  args[1] = &range;
  if (!iku_uno_call (ui->indicator, "com.sun.star.task.XStatusIndicator::start", NULL, args, &error))
    {
      g_debug ("no progress bar: %s", error->message);
      g_clear_pointer (&ui->indicator, iku_uno_release);
    }
}

void
iku_uno_ui_progress_set (IkuUnoUi *ui,
                         guint     done)
{
  g_autoptr(GError) error = NULL;
  sal_Int32 value = (sal_Int32) MIN (done, (guint) G_MAXINT32);
  void *args[1] = { &value };

  g_return_if_fail (ui != NULL);

  if (ui->indicator != NULL &&
      !iku_uno_call (ui->indicator, "com.sun.star.task.XStatusIndicator::setValue", NULL, args,
                     &error))
    g_debug ("progress: %s", error->message);
}

void
iku_uno_ui_progress_end (IkuUnoUi *ui)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (ui != NULL);

  if (ui->indicator == NULL)
    return;
  if (!iku_uno_call (ui->indicator, "com.sun.star.task.XStatusIndicator::end", NULL, NULL, &error))
    g_debug ("progress: %s", error->message);
  g_clear_pointer (&ui->indicator, iku_uno_release);
}

/* Shows a message box with @buttons (MessageBoxButtons); the button pressed as
 * MessageBoxResults, 0 when no box could be shown. */
static sal_Int16
show_box (IkuUnoUi     *ui,
          IkuUnoTextId  title_id,
          sal_Int32     type,
          sal_Int32     buttons,
          const char   *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(uno_Interface) toolkit = NULL;
  g_autoptr(uno_Interface) window = NULL;
  g_autoptr(uno_Interface) parent = NULL;
  g_autoptr(uno_Interface) box = NULL;
  g_autoptr(rtl_uString) title = NULL;
  g_autoptr(rtl_uString) message = NULL;
  sal_Int16 pressed = 0;
  void *args[5];

  toolkit = iku_uno_create_instance (ui->context, "com.sun.star.awt.Toolkit", &error);
  if (toolkit == NULL)
    {
      g_warning ("%s (%s)", text, error->message);
      return 0;
    }
  if (ui->frame != NULL &&
      iku_uno_call_object_or_null (ui->frame, "com.sun.star.frame.XFrame::getContainerWindow",
                                   NULL, &window, NULL))
    parent = iku_uno_query_or_null (window, "com.sun.star.awt.XWindowPeer");

  title = iku_uno_string_new (iku_uno_l10n_get (ui->lang, title_id));
  message = iku_uno_string_new (text);
  args[0] = &parent;
  args[1] = &type;
  args[2] = &buttons;
  args[3] = &title;
  args[4] = &message;
  box = iku_uno_call_object (toolkit, "com.sun.star.awt.XMessageBoxFactory::createMessageBox", args,
                             &error);
  if (box == NULL ||
      !iku_uno_call (box, "com.sun.star.awt.XMessageBox::execute", &pressed, NULL, &error))
    {
      g_warning ("%s (%s)", text, error->message);
      return 0;
    }
  return pressed;
}

/* A message box when one can be shown, else the log. */
static void
tell (IkuUnoUi     *ui,
      IkuUnoTextId  title,
      sal_Int32     type,
      const char   *text)
{
  if (ui->visible)
    show_box (ui, title, type, BUTTONS_OK, text);
  else if (ui->interactive)
    g_message ("%s", text);   /* asked for a dialog, but the office is headless */
  else
    g_debug ("%s", text);
}

void
iku_uno_ui_report (IkuUnoUi           *ui,
                   guint               n_written,
                   const char         *folder,
                   const char * const *warnings,
                   guint               n_warnings,
                   const char         *error_message)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *count = g_strdup_printf ("%u", n_written);
  sal_Int32 type;

  g_return_if_fail (ui != NULL);

  if (error_message != NULL)
    {
      g_autofree char *lead = n_written == 0
        ? g_strdup (iku_uno_l10n_get (ui->lang, IKU_UNO_TEXT_NONE_MADE))
        : iku_uno_l10n_format (ui->lang, IKU_UNO_TEXT_SOME_MADE, count, NULL);
      g_string_append_printf (text, "%s\n\n%s", lead, error_message);
      type = BOX_ERROR;
    }
  else
    {
      g_autofree char *done = n_written == 1
        ? iku_uno_l10n_format (ui->lang, IKU_UNO_TEXT_DONE_ONE, folder, NULL)
        : iku_uno_l10n_format (ui->lang, IKU_UNO_TEXT_DONE_MANY, count, folder);
      g_string_append (text, done);
      type = n_warnings > 0 ? BOX_WARNING : BOX_INFO;
    }
  for (guint i = 0; i < ui->details->len; i++)
    g_string_append_printf (text, "\n\n%s", (const char *) g_ptr_array_index (ui->details, i));
  if (n_warnings > 0)
    {
      g_string_append_printf (text, "\n\n%s", iku_uno_l10n_get (ui->lang, IKU_UNO_TEXT_NOTES));
      for (guint i = 0; i < n_warnings && i < MAX_WARNINGS_SHOWN; i++)
        g_string_append_printf (text, "\n• %s", warnings[i]);
      if (n_warnings > MAX_WARNINGS_SHOWN)
        {
          g_autofree char *rest = g_strdup_printf ("%u", n_warnings - MAX_WARNINGS_SHOWN);
          g_autofree char *more = iku_uno_l10n_format (ui->lang, IKU_UNO_TEXT_MORE_NOTES, rest,
                                                       NULL);
          g_string_append_printf (text, "\n%s", more);
        }
    }

  /* After a success the folder is one click away, so the leader sees the files. */
  if (error_message == NULL && n_written > 0 && folder != NULL && ui->visible)
    {
      g_string_append_printf (text, "\n\n%s", iku_uno_l10n_get (ui->lang, IKU_UNO_TEXT_OPEN_FOLDER));
      /* An info box has an OK button only, whatever it is asked (XMessageBoxFactory). */
      if (type == BOX_INFO)
        type = BOX_QUERY;
      if (show_box (ui, IKU_UNO_TEXT_TITLE, type, BUTTONS_YES_NO | DEFAULT_BUTTON_YES, text->str) ==
          RESULT_YES)
        {
          g_autoptr(GError) error = NULL;

          if (!iku_uno_open_folder (ui->context, folder, &error))
            {
              g_autofree char *message = iku_uno_l10n_format (ui->lang,
                                                              IKU_UNO_TEXT_OPEN_FOLDER_FAILED,
                                                              error->message, folder);
              show_box (ui, IKU_UNO_TEXT_TITLE, BOX_ERROR, BUTTONS_OK, message);
            }
        }
      return;
    }
  tell (ui, IKU_UNO_TEXT_TITLE, type, text->str);
}

void
iku_uno_ui_show_message (IkuUnoUi     *ui,
                         IkuUnoTextId  title,
                         gboolean      warning,
                         const char   *text)
{
  g_return_if_fail (ui != NULL && text != NULL);

  tell (ui, title, warning ? BOX_WARNING : BOX_INFO, text);
}

void
iku_uno_ui_show_error (IkuUnoUi     *ui,
                       IkuUnoTextId  title,
                       const char   *message)
{
  g_return_if_fail (ui != NULL && message != NULL);

  tell (ui, title, BOX_ERROR, message);
}
