/* SPDX-License-Identifier: GPL-3.0-or-later
 * libFuzzer harness: arbitrary text as a settings file, and each of its lines
 * as a file name pattern expanded for names made of the same bytes. Whatever
 * it is: an answer or a reason, never a crash, and every file name that comes
 * out is one name in one folder, within the byte limit. */
#include "iku-file-name.h"
#include "iku-name-pattern.h"
#include "iku-settings.h"

#include <stdint.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void
check_file_name (const char *name)
{
  g_assert_true (g_utf8_validate (name, -1, NULL));
  g_assert_null (strchr (name, '/'));
  g_assert_null (strchr (name, '\\'));
  g_assert_true (g_str_has_suffix (name, ".pdf"));
  g_assert_cmpuint (strlen (name), <=, IKU_FILE_NAME_MAX_STEM_BYTES + 4);
  g_assert_false (name[0] == '.' || name[0] == ' ');
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(IkuSettings) s = iku_settings_new ();
  g_autoptr(GError) error = NULL;
  if (iku_settings_load_data (s, (const char *) data, size, "fuzz.ini", "/base", &error))
    {
      g_autofree char *text = iku_settings_to_data (s);
      g_autoptr(IkuSettings) back = iku_settings_new ();
      g_assert_true (iku_settings_load_data (back, text, strlen (text), "ud.ini", "/base", NULL));
      g_autofree char *again = iku_settings_to_data (back);
      g_assert_cmpstr (again, ==, text);
    }
  else
    g_assert_nonnull (error);

  g_autofree char *text = g_utf8_make_valid ((const char *) data, (gssize) size);
  g_auto(GStrv) lines = g_strsplit (text, "\n", 8);
  g_autoptr(IkuFileNamer) namer = iku_file_namer_new ();
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *name = lines[i + 1] != NULL ? lines[i + 1] : lines[0];
      g_autofree char *stem = iku_name_pattern_expand (lines[i], name, lines[0], lines[i], NULL);
      g_assert_true ((stem != NULL) == iku_name_pattern_check (lines[i], NULL));
      if (stem == NULL)
        continue;
      g_autofree char *file = iku_file_name_for_stem (stem);
      check_file_name (file);
      g_autofree char *unique = iku_file_namer_next_stem (namer, stem);
      check_file_name (unique);
    }
  return 0;
}
