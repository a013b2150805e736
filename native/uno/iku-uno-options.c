/* SPDX-License-Identifier: GPL-3.0-or-later
 * org.ikuflet.OptionsHandler (see iku-uno-options.h).
 *
 * "ok" saves only what passed the checks an export makes (the pattern, the logo and
 * wording files, the folder); otherwise it says what is wrong and the settings in
 * effect stay as they were. The options dialog closes after "ok" whatever the
 * handler answers, so the message says where to correct it. */
#include "iku-uno-options.h"

#include <string.h>

#include "iku-uno-call.h"
#include "iku-uno-error.h"
#include "iku-uno-object.h"
#include "iku-uno-options-dialogs.h"
#include "iku-uno-options-l10n.h"
#include "iku-uno-options-page.h"
#include "iku-uno-string.h"
#include "iku-uno-ui.h"
#include "iku-uno-value.h"

#define XHANDLER "com.sun.star.awt.XContainerWindowEventHandler"

/* The options dialog's own calls, and the events of IkufletOptions.xdl. */
#define METHOD_EXTERNAL "external_event"
static const char * const page_methods[] = {
  "browseLogo", "browseTexts", "browseFolder", "folderChoice", "patternChanged",
};

typedef struct {
  uno_Interface *context;   /* owned */
} Handler;

static void
handler_free (gpointer data)
{
  Handler *handler = data;

  iku_uno_release (handler->context);
  g_free (handler);
}

/* The language of the office's UI, as ikuflet's other dialogs use it. */
static IkuUnoLang
ui_language (Handler *handler)
{
  g_autoptr(IkuUnoUi) ui = iku_uno_ui_new (handler->context, TRUE);

  return iku_uno_ui_get_language (ui);
}

static void
tell (Handler      *handler,
      uno_Interface *page,
      IkuUnoLang    lang,
      const char   *text)
{
  g_autofree char *title = iku_uno_options_l10n_format (lang, IKU_UNO_OPTIONS_TEXT_TITLE, NULL);
  g_autoptr(uno_Interface) parent = NULL;
  g_autoptr(uno_Interface) control = iku_uno_query_or_null (page, "com.sun.star.awt.XControl");

  g_message ("%s", text);
  if (control != NULL)
    {
      g_autoptr(GError) error = NULL;
      if (!iku_uno_call_object_or_null (control, "com.sun.star.awt.XControl::getPeer", NULL,
                                        &parent, &error))
        g_debug ("no parent for the message: %s", error->message);
    }
  iku_uno_dialogs_show_error (handler->context, parent, title, text);
}

/* A technical failure: the office's words for it, framed by @id. */
static void
tell_failure (Handler             *handler,
              uno_Interface       *page,
              IkuUnoLang           lang,
              IkuUnoOptionsTextId  id,
              const GError        *error)
{
  g_autofree char *detail = iku_uno_error_dup_message (error, lang);
  g_autofree char *text = iku_uno_options_l10n_format (lang, id, detail);

  tell (handler, page, lang, text);
}

static void
tell_invalid (Handler       *handler,
              uno_Interface *page,
              IkuUnoLang     lang,
              const GError  *error)
{
  g_autofree char *text = iku_uno_options_l10n_format (lang, IKU_UNO_OPTIONS_TEXT_NOT_SAVED,
                                                       error->message);
  tell (handler, page, lang, text);
}

static void
save (Handler       *handler,
      uno_Interface *page,
      IkuUnoLang     lang)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuUnoOptions) options = iku_uno_options_page_dup_values (page, lang, &error);
  g_autoptr(IkuUnoOptions) saved = NULL;

  if (options == NULL)
    {
      if (g_error_matches (error, IKU_UNO_OPTIONS_PAGE_ERROR, IKU_UNO_OPTIONS_PAGE_ERROR_INVALID))
        tell_invalid (handler, page, lang, error);
      else
        tell_failure (handler, page, lang, IKU_UNO_OPTIONS_TEXT_SAVE_FAILED, error);
      return;
    }
  /* OK in the options dialog comes here whenever the page was opened: what was
   * not changed is not checked again (a logo moved since would be reported at the
   * export, which names it), nor written. */
  saved = iku_uno_options_config_read (handler->context, &error);
  if (saved != NULL && iku_uno_options_equal (options, saved))
    return;
  g_clear_error (&error);
  if (!iku_uno_options_page_check (options, lang, &error))
    tell_invalid (handler, page, lang, error);
  else if (!iku_uno_options_config_write (handler->context, options, &error))
    tell_failure (handler, page, lang, IKU_UNO_OPTIONS_TEXT_SAVE_FAILED, error);
}

static void
external_event (Handler       *handler,
                uno_Interface *page,
                const char    *event,
                IkuUnoLang     lang)
{
  g_autoptr(GError) error = NULL;

  if (strcmp (event, "ok") == 0)
    save (handler, page, lang);
  else if (strcmp (event, "initialize") == 0 || strcmp (event, "back") == 0)
    {
      if (!iku_uno_options_page_load (handler->context, page, lang, &error))
        tell_failure (handler, page, lang, IKU_UNO_OPTIONS_TEXT_LOAD_FAILED, error);
    }
  else
    g_debug ("options page: event %s ignored", event);
}

/* Runs @method for @page; FALSE when it is not one of the page's methods. */
static gboolean
handle (Handler       *handler,
        uno_Interface *page,
        const uno_Any *event,
        const char    *method)
{
  IkuUnoLang lang = ui_language (handler);
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  if (strcmp (method, METHOD_EXTERNAL) == 0)
    {
      g_autofree char *name = iku_uno_any_dup_string (event);
      external_event (handler, page, name != NULL ? name : "", lang);
      return TRUE;
    }
  if (strcmp (method, "browseLogo") == 0)
    ok = iku_uno_options_page_browse (handler->context, page, lang, IKU_UNO_OPTION_LOGO, &error);
  else if (strcmp (method, "browseTexts") == 0)
    ok = iku_uno_options_page_browse (handler->context, page, lang, IKU_UNO_OPTION_TEXTS, &error);
  else if (strcmp (method, "browseFolder") == 0)
    ok = iku_uno_options_page_browse (handler->context, page, lang, IKU_UNO_OPTION_FOLDER, &error);
  else if (strcmp (method, "folderChoice") == 0)
    ok = iku_uno_options_page_update_folder (page, &error);
  else if (strcmp (method, "patternChanged") == 0)
    ok = iku_uno_options_page_update_preview (page, lang, &error);
  else
    return FALSE;
  if (!ok)
    {
      g_autofree char *text = iku_uno_error_dup_message (error, lang);
      tell (handler, page, lang, text);
    }
  return TRUE;
}

static gboolean
supported_method_names (void    *ret,
                        GError **error)
{
  typelib_TypeDescription *seq_type = iku_uno_type_get ("[]string", error);
  rtl_uString *names[G_N_ELEMENTS (page_methods) + 1];
  uno_Sequence *seq = NULL;

  if (seq_type == NULL)
    return FALSE;
  names[0] = iku_uno_string_new (METHOD_EXTERNAL);
  for (guint i = 0; i < G_N_ELEMENTS (page_methods); i++)
    names[i + 1] = iku_uno_string_new (page_methods[i]);
  /* Copies (acquires) the strings. */
  uno_sequence_construct (&seq, seq_type, names, G_N_ELEMENTS (names), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    rtl_uString_release (names[i]);
  *(uno_Sequence **) ret = seq;
  return TRUE;
}

static gboolean
handler_call (IkuUnoObject *self,
              const char   *member,
              void         *ret,
              void        **args,
              GError      **error)
{
  Handler *handler = iku_uno_object_get_data (self);

  if (strcmp (member, XHANDLER "::callHandlerMethod") == 0)
    {
      uno_Interface *page = *(uno_Interface **) args[0];
      const uno_Any *event = args[1];
      g_autofree char *method = iku_uno_string_dup_utf8 (*(rtl_uString **) args[2]);

      *(sal_Bool *) ret = page != NULL && handle (handler, page, event, method);
      return TRUE;
    }
  if (strcmp (member, XHANDLER "::getSupportedMethodNames") == 0)
    return supported_method_names (ret, error);
  g_set_error (error, IKU_UNO_ERROR, IKU_UNO_ERROR_UNSUPPORTED, "%s is not supported", member);
  return FALSE;
}

static const char * const interfaces[] = { XHANDLER, NULL };
static const char * const services[] = { IKU_UNO_OPTIONS_SERVICE_NAME, NULL };
static const IkuUnoClass handler_class = {
  IKU_UNO_OPTIONS_IMPLEMENTATION_NAME, services, interfaces, handler_call
};

uno_Interface *
iku_uno_options_handler_new (uno_Interface *context)
{
  Handler *handler;

  g_return_val_if_fail (context != NULL, NULL);

  handler = g_new0 (Handler, 1);
  (*context->acquire) (context);
  handler->context = context;
  return iku_uno_object_new (&handler_class, handler, handler_free);
}
