/* SPDX-License-Identifier: GPL-3.0-or-later
 * Source ids: the key in the user's config folder, the keyed hash, and the
 * bounded read of an id back from a PDF. */
#include "iku-source.h"
#include "iku-source-file.h"

#include <errno.h>
#include <string.h>

G_DEFINE_QUARK (iku-source-error-quark, iku_source_error)

#define KEY_BYTES 32

struct _IkuSourceKey
{
  guint8 bytes[KEY_BYTES];
};

void
iku_source_key_free (IkuSourceKey *key)
{
  if (key == NULL)
    return;
  memset (key->bytes, 0, sizeof key->bytes);
  g_free (key);
}

static gboolean
parse_hex (const char *text, gsize len, guint8 *out, gsize n_out)
{
  if (len != 2 * n_out)
    return FALSE;
  for (gsize i = 0; i < n_out; i++)
    {
      int hi = g_ascii_xdigit_value (text[2 * i]);
      int lo = g_ascii_xdigit_value (text[2 * i + 1]);
      if (hi < 0 || lo < 0)
        return FALSE;
      out[i] = (guint8) (hi << 4 | lo);
    }
  return TRUE;
}

/* The key file holds the key as 64 hex digits and a line break. */
static IkuSourceKey *
read_key (const char *path, GError **error)
{
  g_autoptr(GBytes) bytes = iku_source_file_read_head (path, 2 * KEY_BYTES + 2);
  if (bytes == NULL)
    return NULL;
  gsize len = 0;
  const char *text = g_bytes_get_data (bytes, &len);
  while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r'))
    len--;
  g_autoptr(IkuSourceKey) key = g_new0 (IkuSourceKey, 1);
  if (!parse_hex (text, len, key->bytes, KEY_BYTES))
    {
      g_autofree char *shown = g_filename_display_name (path);
      g_set_error (error, IKU_SOURCE_ERROR, IKU_SOURCE_ERROR_KEY,
                   "Filen »%s« er beskadiget, så ikuflet kan ikke genkende sine gamle IKU'er. "
                   "Slet filen; den laves igen ved næste eksport.", shown);
      return NULL;
    }
  return g_steal_pointer (&key);
}

static void
set_key_error (GError **error, const char *path, const char *detail)
{
  g_autofree char *shown = g_filename_display_name (path);
  g_set_error (error, IKU_SOURCE_ERROR, IKU_SOURCE_ERROR_KEY,
               "ikuflet kunne ikke gemme sin nøgle i »%s« (%s), så gamle IKU'er kan ikke "
               "genkendes.", shown, detail);
}

/**
 * iku_source_key_load:
 * @config_dir: (nullable): where the "ikuflet" folder is; NULL: the user's
 * @create: make the key when the user has none
 *
 * Returns: (transfer full) (nullable): the key; NULL with @error when it is
 * damaged or cannot be made, NULL without error when missing and !@create.
 */
IkuSourceKey *
iku_source_key_load (const char *config_dir, gboolean create, GError **error)
{
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);
  g_autofree char *dir = g_build_filename (config_dir != NULL ? config_dir : g_get_user_config_dir (),
                                           "ikuflet", NULL);
  g_autofree char *path = g_build_filename (dir, "source-key", NULL);
  GError *local = NULL;
  IkuSourceKey *key = read_key (path, &local);
  if (key != NULL || local != NULL || !create)
    {
      if (local != NULL)
        g_propagate_error (error, local);
      return key;
    }

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      set_key_error (error, dir, g_strerror (errno));
      return NULL;
    }
  guint8 bytes[KEY_BYTES];
  if (!iku_source_file_random (bytes, sizeof bytes, &local))
    {
      set_key_error (error, path, local->message);
      g_error_free (local);
      return NULL;
    }
  char hex[2 * KEY_BYTES + 2];
  for (gsize i = 0; i < KEY_BYTES; i++)
    g_snprintf (hex + 2 * i, 3, "%02x", bytes[i]);
  hex[2 * KEY_BYTES] = '\n';
  hex[2 * KEY_BYTES + 1] = '\0';
  memset (bytes, 0, sizeof bytes);
  gboolean made = iku_source_file_create_new (path, hex, 2 * KEY_BYTES + 1, &local);
  memset (hex, 0, sizeof hex);
  if (!made && !g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_EXIST))
    {
      set_key_error (error, path, local->message);
      g_error_free (local);
      return NULL;
    }
  g_clear_error (&local);
  /* Ours, or the one another ikuflet made at the same moment. */
  key = read_key (path, error);
  if (key == NULL && error != NULL && *error == NULL)
    set_key_error (error, path, "filen forsvandt");
  return key;
}

/**
 * iku_source_key_dup_id:
 *
 * Returns: (transfer full): HMAC-SHA256 over the canonical absolute path, a
 * NUL byte and the sheet name, in lowercase hex.
 */
char *
iku_source_key_dup_id (const IkuSourceKey *key, const char *schema_path, const char *sheet_name)
{
  g_return_val_if_fail (key != NULL && schema_path != NULL && sheet_name != NULL, NULL);
  g_autofree char *absolute = g_canonicalize_filename (schema_path, NULL);
  g_autoptr(GHmac) hmac = g_hmac_new (G_CHECKSUM_SHA256, key->bytes, sizeof key->bytes);
  g_hmac_update (hmac, (const guchar *) absolute, (gssize) strlen (absolute) + 1);
  g_hmac_update (hmac, (const guchar *) sheet_name, -1);
  return g_strdup (g_hmac_get_string (hmac));
}

/* memmem: binary data may hold NUL bytes before the marker. */
static const char *
find_bytes (const char *data, gsize len, const char *needle, gsize n)
{
  for (const char *p = data; (gsize) (data + len - p) >= n;)
    {
      const char *hit = memchr (p, needle[0], (gsize) (data + len - p) - n + 1);
      if (hit == NULL)
        return NULL;
      if (memcmp (hit, needle, n) == 0)
        return hit;
      p = hit + 1;
    }
  return NULL;
}

/**
 * iku_source_dup_pdf_id:
 *
 * Returns: (transfer full) (nullable): the id ikuflet wrote into the PDF.
 */
char *
iku_source_dup_pdf_id (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);
  static const char marker[] = "/" IKU_SOURCE_INFO_KEY " (";
  g_autoptr(GBytes) head = iku_source_file_read_head (path, IKU_SOURCE_READ_BYTES);
  if (head == NULL)
    return NULL;
  gsize len = 0;
  const char *data = g_bytes_get_data (head, &len);
  if (len < 5 || memcmp (data, "%PDF-", 5) != 0)
    return NULL;
  const char *at = find_bytes (data, len, marker, strlen (marker));
  if (at == NULL)
    return NULL;
  const char *id = at + strlen (marker);
  if ((gsize) (data + len - id) < IKU_SOURCE_ID_LEN + 1 || id[IKU_SOURCE_ID_LEN] != ')')
    return NULL;
  for (guint i = 0; i < IKU_SOURCE_ID_LEN; i++)
    if (!g_ascii_isxdigit (id[i]) || g_ascii_isupper (id[i]))
      return NULL;
  return g_strndup (id, IKU_SOURCE_ID_LEN);
}

char *
iku_source_dup_folded_name (const char *file_name)
{
  g_return_val_if_fail (file_name != NULL, NULL);
  g_autofree char *folded = g_utf8_casefold (file_name, -1);
  return g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
}

static gint
compare_paths (gconstpointer a, gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/**
 * iku_source_find_pdfs:
 *
 * Returns: (transfer full) (element-type utf8): the matching files' full paths.
 */
GPtrArray *
iku_source_find_pdfs (const char *folder, GHashTable *ids, GHashTable *skip, guint max_scanned,
                      gboolean *too_many)
{
  g_return_val_if_fail (folder != NULL && ids != NULL, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  if (too_many != NULL)
    *too_many = FALSE;
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  if (dir == NULL)
    return found;
  guint n_scanned = 0;
  const char *name;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      /* Names that are not UTF-8 are no IKU's. */
      if (!g_utf8_validate (name, -1, NULL))
        continue;
      g_autofree char *folded = iku_source_dup_folded_name (name);
      if (folded == NULL || !g_str_has_suffix (folded, ".pdf")
          || (skip != NULL && g_hash_table_contains (skip, folded)))
        continue;
      if (n_scanned++ == max_scanned)
        {
          if (too_many != NULL)
            *too_many = TRUE;
          break;
        }
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autofree char *id = iku_source_dup_pdf_id (path);
      if (id != NULL && g_hash_table_contains (ids, id))
        g_ptr_array_add (found, g_steal_pointer (&path));
    }
  g_ptr_array_sort (found, compare_paths);
  return found;
}
