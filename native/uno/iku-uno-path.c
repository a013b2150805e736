/* SPDX-License-Identifier: GPL-3.0-or-later
 * File URLs <-> local paths through the office's own converter (osl), so URLs are
 * decoded exactly as the office encoded them. */
#include "iku-uno-path.h"

#include <string.h>

#include "iku-uno-string.h"

/* TRUE for a complete local file URL, file:///path or file://localhost/path. The
 * office's converter also accepts "file:" and "file://" (as the root folder). */
static gboolean
is_complete_file_url (const char *url)
{
  const char *rest;

  if (g_ascii_strncasecmp (url, "file://", 7) != 0)
    return FALSE;
  rest = url + 7;
  if (g_ascii_strncasecmp (rest, "localhost/", 10) == 0)
    rest += 9;
  return rest[0] == '/';
}

char *
iku_uno_path_from_file_url (const char *url)
{
  g_autoptr(rtl_uString) uurl = NULL;
  g_autoptr(rtl_uString) upath = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (url != NULL, NULL);

  if (!is_complete_file_url (url))
    return NULL;
  uurl = iku_uno_string_new (url);
  if (osl_getSystemPathFromFileURL (uurl, &upath) != osl_File_E_None || upath == NULL)
    return NULL;
  path = iku_uno_string_dup_utf8 (upath);
  return g_path_is_absolute (path) ? g_steal_pointer (&path) : NULL;
}

char *
iku_uno_path_to_file_url (const char *path)
{
  g_autoptr(rtl_uString) upath = NULL;
  g_autoptr(rtl_uString) uurl = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  upath = iku_uno_string_new (path);
  if (osl_getFileURLFromSystemPath (upath, &uurl) != osl_File_E_None || uurl == NULL)
    return NULL;
  return iku_uno_string_dup_utf8 (uurl);
}

char *
iku_uno_path_from_text (const char *text)
{
  g_autofree char *path = NULL;
  gsize len;

  g_return_val_if_fail (text != NULL, NULL);

  if (g_ascii_strncasecmp (text, "file:", 5) == 0)
    path = iku_uno_path_from_file_url (text);
  else if (g_path_is_absolute (text))
    path = g_strdup (text);
  if (path == NULL)
    return NULL;
  /* Trailing separators go ('/', and on Windows also a backslash); the root
   * stays as it is: "/", a drive's "C:" plus separator, a UNC server's share. */
  len = strlen (path);
  const char *after_root = g_path_skip_root (path);
  gsize keep = after_root != NULL ? (gsize) (after_root - path) : 1;
  while (len > MAX (keep, 1) && G_IS_DIR_SEPARATOR (path[len - 1]))
    path[--len] = '\0';
  return g_steal_pointer (&path);
}
