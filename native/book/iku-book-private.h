/* SPDX-License-Identifier: GPL-3.0-or-later
 * Internals shared by the spreadsheet readers (native/book): zip access
 * (iku-book-zip.c), the guards in front of libxml2 (iku-book-prolog.c,
 * iku-book-markup.c), merged areas and the builder of the book
 * (iku-book-merges.c, iku-book-builder.c) and the messages (iku-book-error.c). */
#pragma once

#include <glib.h>
#include "iku-limits.h"
#include "iku-book-error.h"
#include "iku-grid.h"

G_BEGIN_DECLS

/* Bytes decompressed from content.xml at most: the zip-bomb guard, sized so
 * that libxml2 gets through any content of that size within the reader's time
 * budget (2 s). LibreOffice writes some 500 bytes per employee (name,
 * individual and team cell), so 2,000 employees take 1 MB and this is some
 * 60,000; a few kilobytes on disk can inflate to far more. */
#define IKU_BOOK_MAX_CONTENT_BYTES (G_GUINT64_CONSTANT (32) << 20)

/* Bytes of META-INF/manifest.xml searched for the mark of a password. */
#define IKU_BOOK_MAX_MANIFEST_BYTES (1024 * 1024)

/* Messages shared by the reader's files; @display_name is the file's basename. */
void iku_book_error_set_corrupt   (GError     **error,
                                   const char  *display_name,
                                   const char  *reason_format,
                                   ...) G_GNUC_PRINTF (3, 4);
void iku_book_error_set_encrypted (GError     **error,
                                   const char  *display_name);
void iku_book_error_set_not_ods   (GError     **error,
                                   const char  *display_name);
void iku_book_error_set_forbidden (GError     **error,
                                   const char  *display_name);

/* An open zip archive. */
typedef struct _IkuBookZip IkuBookZip;

IkuBookZip *iku_book_zip_open_file (const char   *path,
                                    const char   *display_name,
                                    GError      **error) G_GNUC_WARN_UNUSED_RESULT;
/* @data must stay valid and unchanged until the zip is freed. */
IkuBookZip *iku_book_zip_open_data (const guint8 *data,
                                    gsize         len,
                                    const char   *display_name,
                                    GError      **error) G_GNUC_WARN_UNUSED_RESULT;
void        iku_book_zip_free      (IkuBookZip   *zip);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuBookZip, iku_book_zip_free)

/* TRUE when META-INF/manifest.xml says that streams of the package are
 * encrypted (a document saved with a password in LibreOffice). */
gboolean iku_book_zip_has_encrypted_streams (IkuBookZip *zip);

gboolean iku_book_zip_has_member (IkuBookZip *zip,
                                  const char *name);

/* A member of the archive, being decompressed; must be freed before its zip. */
typedef struct _IkuBookStream IkuBookStream;

/* A missing member is IKU_BOOK_ERROR_CORRUPT: ask iku_book_zip_has_member()
 * first where it may be missing. */
IkuBookStream *iku_book_zip_open_member  (IkuBookZip     *zip,
                                          const char     *name,
                                          guint64         max_bytes,
                                          GError        **error) G_GNUC_WARN_UNUSED_RESULT;
/* Reads up to @len bytes; returns 0 at the end and -1 with @error set on a
 * damaged stream or when more than the stream's max_bytes would be read. */
gssize         iku_book_stream_read      (IkuBookStream  *stream,
                                          guint8         *buffer,
                                          gsize           len,
                                          GError        **error);
/* Bytes inflated so far. */
guint64        iku_book_stream_get_n_read (const IkuBookStream *stream);
void           iku_book_stream_free      (IkuBookStream  *stream);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuBookStream, iku_book_stream_free)

/* The guard in front of libxml2: follows the bytes of the document's prolog
 * (before the root element), the only place a DOCTYPE can stand, and stops at a
 * DOCTYPE before libxml2 sees one. */
typedef enum {
  IKU_BOOK_PROLOG_OK,       /* go on feeding */
  IKU_BOOK_PROLOG_NOT_XML,  /* cannot start an XML document in UTF-8 */
  IKU_BOOK_PROLOG_DOCTYPE,  /* a DOCTYPE: refuse the document */
} IkuBookPrologResult;

typedef struct {
  int                 state;   /* private: where in the prolog */
  IkuBookPrologResult result;  /* private: a refusal is final */
} IkuBookProlog;

#define IKU_BOOK_PROLOG_INIT { 0, IKU_BOOK_PROLOG_OK }
IkuBookPrologResult iku_book_prolog_feed (IkuBookProlog *prolog,
                                          const guint8  *bytes,
                                          gsize          len);

/* The markup guard in front of libxml2 (iku-book-markup.c): bounds what makes
 * libxml2's work grow faster than the file. A spreadsheet application writes a
 * handful of attributes per element and some 40 namespace declarations on the
 * root; nesting deeper than 256 is libxml2's own limit. */
#define IKU_BOOK_MAX_ATTRIBUTES 128u   /* per start tag, namespace declarations included */
#define IKU_BOOK_MAX_NAMESPACES 128u   /* declarations in scope at any element */
#define IKU_BOOK_MAX_DEPTH      256u   /* open elements */

typedef enum {
  IKU_BOOK_MARKUP_OK,
  IKU_BOOK_MARKUP_TOO_MANY_ATTRIBUTES,
  IKU_BOOK_MARKUP_TOO_MANY_NAMESPACES,
  IKU_BOOK_MARKUP_TOO_DEEP,
} IkuBookMarkupResult;

typedef struct {
  /* all private */
  int                 state;
  IkuBookMarkupResult result;
  guint               depth;
  guint               n_namespaces;    /* declarations in scope */
  guint               tag_attributes;  /* of the open start tag */
  guint               tag_namespaces;
  int                 name_matched;    /* of "xmlns" in the attribute's name; -1: no */
  guint               run;             /* '-', ']' or '?' seen in a row */
  guint8              quote;
  guint8              namespaces_at[IKU_BOOK_MAX_DEPTH];  /* declared by each open element */
} IkuBookMarkup;
G_STATIC_ASSERT (IKU_BOOK_MAX_NAMESPACES <= G_MAXUINT8);

#define IKU_BOOK_MARKUP_INIT { 0 }
IkuBookMarkupResult iku_book_markup_feed (IkuBookMarkup *markup,
                                          const guint8  *bytes,
                                          gsize          len);

/* The merged areas of one sheet (iku-book-merges.c). Positions are those of
 * the builder; a hostile file may hold numbers beyond the sheet, and the
 * arithmetic saturates. */
typedef struct _IkuBookMerges IkuBookMerges;

IkuBookMerges *iku_book_merges_new         (void);
void           iku_book_merges_free        (IkuBookMerges       *merges);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuBookMerges, iku_book_merges_free)
gboolean       iku_book_merges_covers      (IkuBookMerges       *merges,
                                            guint64              row,
                                            guint64              col);
void           iku_book_merges_add         (IkuBookMerges       *merges,
                                            guint64              row,
                                            guint64              col,
                                            guint64              n_rows,
                                            guint64              n_cols);
guint          iku_book_merges_get_n_added (const IkuBookMerges *merges);

/* Builds a book from the events of a spreadsheet's content: sheets, rows and
 * cells in document order, with their repetitions. It owns the positions, the
 * bounds and the messages that name a sheet and a cell. */
typedef struct _IkuBookBuilder IkuBookBuilder;

IkuBookBuilder *iku_book_builder_new             (const char      *display_name);
void            iku_book_builder_free            (IkuBookBuilder  *builder);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuBookBuilder, iku_book_builder_free)
/* @name: table:name, or %NULL when the sheet has none */
gboolean        iku_book_builder_start_sheet     (IkuBookBuilder  *builder,
                                                  const char      *name,
                                                  GError         **error);
void            iku_book_builder_end_sheet       (IkuBookBuilder  *builder);
void            iku_book_builder_start_row       (IkuBookBuilder  *builder,
                                                  guint64          n_repeated);
gboolean        iku_book_builder_end_row         (IkuBookBuilder  *builder,
                                                  GError         **error);
/* Between start_row and end_row: the row (with its repetitions) is hidden or
 * filtered out (iku_grid_set_rows_hidden). */
void            iku_book_builder_hide_row        (IkuBookBuilder  *builder);
/* A table:table-cell or table:covered-table-cell: Calc shows either unless
 * it lies inside a merged area (and is not its first cell). @n_rows_spanned,
 * @n_cols_spanned: the merged area this cell begins (1 and 1: none).
 * @value: (transfer full) (nullable): the office:*-value text, used only when
 * the cell has no paragraph at all. */
gboolean        iku_book_builder_start_cell      (IkuBookBuilder  *builder,
                                                  guint64          n_repeated,
                                                  guint64          n_rows_spanned,
                                                  guint64          n_cols_spanned,
                                                  char            *value,
                                                  GError         **error);
gboolean        iku_book_builder_start_paragraph (IkuBookBuilder  *builder,
                                                  GError         **error);
gboolean        iku_book_builder_append_text     (IkuBookBuilder  *builder,
                                                  const char      *text,
                                                  gsize            len,
                                                  GError         **error);
gboolean        iku_book_builder_append_repeated (IkuBookBuilder  *builder,
                                                  char             c,
                                                  guint64          count,
                                                  GError         **error);
gboolean        iku_book_builder_end_cell        (IkuBookBuilder  *builder,
                                                  GError         **error);
/* A merged area of the open sheet given apart from its cells (a format that
 * lists them after the cells, as .xlsx does): in row order, before the cells
 * of its first row. */
gboolean        iku_book_builder_add_merge       (IkuBookBuilder  *builder,
                                                  guint64          row,
                                                  guint64          col,
                                                  guint64          n_rows,
                                                  guint64          n_cols,
                                                  GError         **error);
/* Marks row @row of the open sheet hidden (by the user or a filter), for a
 * format that says so apart from the row's cells (.xlsx: any time). */
void            iku_book_builder_hide_row_at     (IkuBookBuilder  *builder,
                                                  guint64          row);
/* The name of the open sheet. */
const char     *iku_book_builder_get_sheet_name  (IkuBookBuilder  *builder);
/* (transfer full): the sheets ended so far. */
IkuBook        *iku_book_builder_steal_book      (IkuBookBuilder  *builder);

G_END_DECLS
