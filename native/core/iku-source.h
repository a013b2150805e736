/* SPDX-License-Identifier: GPL-3.0-or-later
 * Source ids: which schema file and sheet an IKU came from, without saying it.
 * An id is HMAC-SHA256 of the schema's absolute path and the sheet name under
 * a key of 32 random bytes made once per user and kept in the user's config
 * folder (g_get_user_config_dir()/ikuflet/source-key; the CLI and the
 * extension share it). The PDF goes to the employee: the id tells them
 * nothing, and anyone without the key cannot test a guess. Written into the
 * IKU's document info (iku_pdf_writer_set_source_id), read back cheaply from
 * PDFs in a folder to find IKUs that no longer belong to anyone. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IKU_SOURCE_ERROR (iku_source_error_quark ())
typedef enum {
  IKU_SOURCE_ERROR_KEY,   /* the key file could not be read or made */
} IkuSourceError;
GQuark iku_source_error_quark (void);

/* Hex digits of an id. */
#define IKU_SOURCE_ID_LEN 64
/* How much of a PDF is read to find its id, at most. */
#define IKU_SOURCE_READ_BYTES (16 * 1024)
/* The document info key that holds the id. */
#define IKU_SOURCE_INFO_KEY "IkufletSource"

typedef struct _IkuSourceKey IkuSourceKey;

/* The user's key in @config_dir/ikuflet/source-key (@config_dir NULL: the
 * user's config folder, g_get_user_config_dir()). With @create, made
 * (atomically, once, whoever comes first) when missing; without, NULL and no
 * error when there is none yet. */
IkuSourceKey *iku_source_key_load  (const char *config_dir,
                                    gboolean    create,
                                    GError    **error) G_GNUC_WARN_UNUSED_RESULT;
void          iku_source_key_free  (IkuSourceKey *key);
/* The id of @sheet_name in the schema file @schema_path (made absolute and
 * canonical first), IKU_SOURCE_ID_LEN lowercase hex digits. (transfer full) */
char         *iku_source_key_dup_id (const IkuSourceKey *key,
                                     const char         *schema_path,
                                     const char         *sheet_name);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuSourceKey, iku_source_key_free)

/* The id in the PDF at @path, or NULL: reads at most IKU_SOURCE_READ_BYTES of
 * a regular file (never a FIFO or device), which must start "%PDF-", and
 * accepts only our own marker "/IkufletSource (<64 hex>)". (transfer full) */
char *iku_source_dup_pdf_id (const char *path);

/* @file_name case-folded and NFC, to compare file names as file systems that
 * ignore case do. (transfer full) */
char      *iku_source_dup_folded_name (const char *file_name);

/* The files named *.pdf (in any case) in @folder whose id (iku_source_dup_pdf_id)
 * is in @ids, except those whose folded name is in @skip (nullable): full paths,
 * sorted. At most @max_scanned files are read; *@too_many says whether there
 * were more. A folder that cannot be read has none. (transfer full) */
GPtrArray *iku_source_find_pdfs (const char *folder,
                                 GHashTable *ids,
                                 GHashTable *skip,
                                 guint       max_scanned,
                                 gboolean   *too_many);

G_END_DECLS
