/* SPDX-License-Identifier: GPL-3.0-or-later
 * Internals of the .ods reader: zip access (iku-ods-zip.c), content.xml parsing
 * (iku-ods-content.c) and the messages they share (iku-ods.c). */
#pragma once

#include <glib.h>
#include "iku-limits.h"
#include "iku-ods.h"

G_BEGIN_DECLS

/* Bytes decompressed from content.xml at most: the zip-bomb guard. LibreOffice
 * writes some 100-300 bytes per filled cell, so a sheet at IKU_MAX_CELLS is far
 * below this; a few kilobytes on disk can inflate to far more. */
#define IKU_ODS_MAX_CONTENT_BYTES (G_GUINT64_CONSTANT (1) << 30)

/* Bytes of META-INF/manifest.xml searched for the mark of a password. */
#define IKU_ODS_MAX_MANIFEST_BYTES (1024 * 1024)

/* Messages shared by the reader's files; @display_name is the file's basename. */
void iku_ods_set_corrupt   (GError     **error,
                            const char  *display_name,
                            const char  *reason_format,
                            ...) G_GNUC_PRINTF (3, 4);
void iku_ods_set_encrypted (GError     **error,
                            const char  *display_name);
void iku_ods_set_not_ods   (GError     **error,
                            const char  *display_name);
void iku_ods_set_forbidden (GError     **error,
                            const char  *display_name);

/* An open zip archive. */
typedef struct _IkuOdsZip IkuOdsZip;

IkuOdsZip *iku_ods_zip_open_file (const char   *path,
                                  const char   *display_name,
                                  GError      **error) G_GNUC_WARN_UNUSED_RESULT;
/* @data must stay valid and unchanged until the zip is freed. */
IkuOdsZip *iku_ods_zip_open_data (const guint8 *data,
                                  gsize         len,
                                  const char   *display_name,
                                  GError      **error) G_GNUC_WARN_UNUSED_RESULT;
void       iku_ods_zip_free      (IkuOdsZip    *zip);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuOdsZip, iku_ods_zip_free)

/* TRUE when META-INF/manifest.xml says that streams of the package are
 * encrypted (a document saved with a password in LibreOffice). */
gboolean iku_ods_zip_has_encrypted_streams (IkuOdsZip *zip);

/* content.xml of the archive, being decompressed; must be freed before its zip. */
typedef struct _IkuOdsStream IkuOdsStream;

IkuOdsStream *iku_ods_zip_open_content (IkuOdsZip     *zip,
                                        guint64        max_bytes,
                                        GError       **error) G_GNUC_WARN_UNUSED_RESULT;
/* Reads up to @len bytes; returns 0 at the end and -1 with @error set on a
 * damaged stream or when more than the stream's max_bytes would be read. */
gssize        iku_ods_stream_read      (IkuOdsStream  *stream,
                                        guint8        *buffer,
                                        gsize          len,
                                        GError       **error);
void          iku_ods_stream_free      (IkuOdsStream  *stream);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuOdsStream, iku_ods_stream_free)

/* The guard in front of libxml2: follows the bytes of the document's prolog
 * (before the root element), the only place a DOCTYPE can stand, and stops at a
 * DOCTYPE before libxml2 sees one. */
typedef enum {
  IKU_ODS_PROLOG_OK,       /* go on feeding */
  IKU_ODS_PROLOG_NOT_XML,  /* cannot start an XML document in UTF-8 */
  IKU_ODS_PROLOG_DOCTYPE,  /* a DOCTYPE: refuse the document */
} IkuOdsPrologResult;

typedef struct {
  int                state;   /* private: where in the prolog */
  IkuOdsPrologResult result;  /* private: a refusal is final */
} IkuOdsProlog;

#define IKU_ODS_PROLOG_INIT { 0, IKU_ODS_PROLOG_OK }
IkuOdsPrologResult iku_ods_prolog_feed (IkuOdsProlog *prolog,
                                        const guint8 *bytes,
                                        gsize         len);

/* Builds a book from the events of a spreadsheet's content: sheets, rows and
 * cells in document order, with their repetitions. It owns the positions, the
 * bounds and the messages that name a sheet and a cell. */
typedef struct _IkuOdsBuilder IkuOdsBuilder;

IkuOdsBuilder *iku_ods_builder_new             (const char     *display_name);
void           iku_ods_builder_free            (IkuOdsBuilder  *builder);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuOdsBuilder, iku_ods_builder_free)
/* @name: table:name, or %NULL when the sheet has none */
gboolean       iku_ods_builder_start_sheet     (IkuOdsBuilder  *builder,
                                                const char     *name,
                                                GError        **error);
void           iku_ods_builder_end_sheet       (IkuOdsBuilder  *builder);
void           iku_ods_builder_start_row       (IkuOdsBuilder  *builder,
                                                guint64         n_repeated);
gboolean       iku_ods_builder_end_row         (IkuOdsBuilder  *builder,
                                                GError        **error);
/* Covered cells: they take room, their content is never seen. */
void           iku_ods_builder_skip_cells      (IkuOdsBuilder  *builder,
                                                guint64         n_cells);
/* @value: (transfer full) (nullable): the office:*-value text, used only when
 * the cell has no paragraph at all. */
void           iku_ods_builder_start_cell      (IkuOdsBuilder  *builder,
                                                guint64         n_repeated,
                                                char           *value);
gboolean       iku_ods_builder_start_paragraph (IkuOdsBuilder  *builder,
                                                GError        **error);
gboolean       iku_ods_builder_append_text     (IkuOdsBuilder  *builder,
                                                const char     *text,
                                                gsize           len,
                                                GError        **error);
gboolean       iku_ods_builder_append_repeated (IkuOdsBuilder  *builder,
                                                char            c,
                                                guint64         count,
                                                GError        **error);
gboolean       iku_ods_builder_end_cell        (IkuOdsBuilder  *builder,
                                                GError        **error);
/* (transfer full): the sheets ended so far. */
IkuBook       *iku_ods_builder_steal_book      (IkuOdsBuilder  *builder);

/* Parses content.xml into a book. @out_not_xml is set when the stream does not
 * start like an XML document at all (then @error is IKU_ODS_ERROR_CORRUPT and the
 * caller may find a better reason, such as a password). (transfer full) */
IkuBook *iku_ods_content_parse (IkuOdsStream  *content,
                                const char    *display_name,
                                gboolean      *out_not_xml,
                                GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* Test hook: iku_ods_read_data with another bound than IKU_ODS_MAX_CONTENT_BYTES,
 * so that the zip-bomb guard is tested without inflating a gigabyte. */
IkuBook *iku_ods_read_data_with_limit (const guint8 *data,
                                       gsize         len,
                                       const char   *display_name,
                                       guint64       max_content_bytes,
                                       GError      **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
