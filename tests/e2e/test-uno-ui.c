/* SPDX-License-Identifier: GPL-3.0-or-later
 * The component's choice of UI language from configuration values of any type: a
 * value that is not a text must fall back to Danish, never crash the office. */
#include <string.h>

#include <glib.h>

#include "iku-uno-ui.h"

static void
init_int (uno_Any *any, sal_Int32 value)
{
  uno_type_any_construct (any, &value, *typelib_static_type_getByTypeClass (typelib_TypeClass_LONG),
                     NULL);
}

static void
init_string (uno_Any *any, const char *ascii)
{
  rtl_uString *str = NULL;

  rtl_string2UString (&str, ascii, (sal_Int32) strlen (ascii), RTL_TEXTENCODING_UTF8, 0);
  uno_type_any_construct (any, &str, *typelib_static_type_getByTypeClass (typelib_TypeClass_STRING),
                     NULL);
  rtl_uString_release (str);
}

static void
test_chosen_wins (void)
{
  uno_Any chosen, installed;

  init_string (&chosen, "en-US");
  init_string (&installed, "da-DK");
  g_assert_cmpint (iku_uno_ui_lang_from_config (&chosen, &installed), ==, IKU_UNO_LANG_EN);
  uno_any_destruct (&chosen, NULL);
  uno_any_destruct (&installed, NULL);
}

static void
test_empty_choice_uses_installed (void)
{
  uno_Any chosen, installed;

  init_string (&chosen, "");
  init_string (&installed, "en-GB");
  g_assert_cmpint (iku_uno_ui_lang_from_config (&chosen, &installed), ==, IKU_UNO_LANG_EN);
  uno_any_destruct (&chosen, NULL);
  uno_any_destruct (&installed, NULL);
}

/* The office crashed here: a value that was not a text left no error to report. */
static void
test_values_that_are_not_text (void)
{
  uno_Any number, empty, nothing;

  init_int (&number, 7);
  init_string (&empty, "");
  uno_any_construct (&nothing, NULL, NULL, NULL);
  g_assert_cmpint (iku_uno_ui_lang_from_config (&empty, &number), ==, IKU_UNO_LANG_DA);
  g_assert_cmpint (iku_uno_ui_lang_from_config (&number, &nothing), ==, IKU_UNO_LANG_DA);
  g_assert_cmpint (iku_uno_ui_lang_from_config (&nothing, NULL), ==, IKU_UNO_LANG_DA);
  g_assert_cmpint (iku_uno_ui_lang_from_config (NULL, NULL), ==, IKU_UNO_LANG_DA);
  uno_any_destruct (&number, NULL);
  uno_any_destruct (&empty, NULL);
  uno_any_destruct (&nothing, NULL);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/uno-ui/chosen-wins", test_chosen_wins);
  g_test_add_func ("/uno-ui/empty-choice-uses-installed", test_empty_choice_uses_installed);
  g_test_add_func ("/uno-ui/values-that-are-not-text", test_values_that_are_not_text);
  return g_test_run ();
}
