/* SPDX-License-Identifier: GPL-3.0-or-later
 * Internals of the .xlsx reader: the workbook and its relationships
 * (iku-xlsx-workbook.c), the shared strings and the text escapes
 * (iku-xlsx-strings.c), the number formats of styles.xml (iku-xlsx-styles.c),
 * what Calc shows for a number (iku-xlsx-number.c), and one worksheet
 * (iku-xlsx-sheet.c). */
#pragma once

#include "iku-book-xml.h"
#include "iku-xlsx.h"

G_BEGIN_DECLS

/* Every part is inflated to at most this (the zip-bomb guard of the .ods
 * reader's content.xml), and all parts read of a workbook together to at most
 * IKU_XLSX_MAX_TOTAL_BYTES, so that no file keeps libxml2 busy for long. */
#define IKU_XLSX_MAX_PART_BYTES  IKU_BOOK_MAX_CONTENT_BYTES
#define IKU_XLSX_MAX_TOTAL_BYTES (G_GUINT64_CONSTANT (48) << 20)

/* Opens a part for reading, bounded by what is left of the workbook's budget
 * *@budget; iku_xlsx_close_part() takes what was read off the budget. */
IkuBookStream *iku_xlsx_open_part  (IkuBookZip     *zip,
                                    const char     *part,
                                    const guint64  *budget,
                                    GError        **error) G_GNUC_WARN_UNUSED_RESULT;
void           iku_xlsx_close_part (IkuBookStream  *stream,
                                    guint64        *budget);

/* Calls @func for every node of @part, behind the guards of iku-book-xml.c;
 * stops at the first FALSE. */
typedef gboolean (*IkuXlsxNodeFunc) (IkuBookXml        *xml,
                                     xmlTextReaderPtr   reader,
                                     gpointer           user_data,
                                     GError           **error);
gboolean iku_xlsx_walk_part (IkuBookZip       *zip,
                             const char       *part,
                             const char       *display_name,
                             guint64          *budget,
                             IkuXlsxNodeFunc   func,
                             gpointer          user_data,
                             GError          **error);

/* The attribute @local_name in some namespace (r:id) of the current element,
 * or NULL. (transfer full) */
char *iku_xlsx_dup_attribute_ns (xmlTextReaderPtr  reader,
                                 const char       *local_name);

/* Whether the reader stands on an element named @local_name (any namespace:
 * transitional and strict SpreadsheetML name their elements alike). */
gboolean iku_xlsx_is_element (xmlTextReaderPtr  reader,
                              const char       *local_name);

/* Reads an opened package (iku-book-read.c tells the format). (transfer full) */
IkuBook *iku_xlsx_read_zip (IkuBookZip  *zip,
                            const char  *display_name,
                            GError     **error) G_GNUC_WARN_UNUSED_RESULT;

/* One sheet of the workbook, in workbook order. */
typedef struct {
  char    *name;
  char    *part;    /* the worksheet's part, e.g. "xl/worksheets/sheet1.xml" */
  gboolean hidden;  /* state="hidden" or "veryHidden" */
} IkuXlsxSheetRef;

typedef struct {
  GPtrArray *sheets;          /* IkuXlsxSheetRef, workbook order */
  char      *shared_strings;  /* its part, or NULL */
  char      *styles;          /* its part, or NULL */
  gboolean   date1904;        /* serial 0 is 1904-01-01, not 1899-12-30 */
} IkuXlsxWorkbook;

IkuXlsxWorkbook *iku_xlsx_workbook_read (IkuBookZip       *zip,
                                         const char       *display_name,
                                         guint64          *budget,
                                         GError          **error) G_GNUC_WARN_UNUSED_RESULT;
void             iku_xlsx_workbook_free (IkuXlsxWorkbook  *workbook);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuXlsxWorkbook, iku_xlsx_workbook_free)

/* Resolves a relationship's Target against the folder of @source_part ("xl/"
 * for "xl/workbook.xml"); NULL when it leaves the package. (transfer full) */
char *iku_xlsx_resolve_target (const char *source_part,
                               const char *target);

/* The shared strings table (xl/sharedStrings.xml). */
typedef struct _IkuXlsxStrings IkuXlsxStrings;

/* @part NULL: a workbook without shared strings. */
IkuXlsxStrings *iku_xlsx_strings_read  (IkuBookZip            *zip,
                                        const char            *part,
                                        const char            *display_name,
                                        guint64               *budget,
                                        GError               **error) G_GNUC_WARN_UNUSED_RESULT;
void            iku_xlsx_strings_free  (IkuXlsxStrings        *strings);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuXlsxStrings, iku_xlsx_strings_free)
guint           iku_xlsx_strings_get_n (const IkuXlsxStrings  *strings);
/* NULL when @index is past the table. */
const char     *iku_xlsx_strings_get   (const IkuXlsxStrings  *strings,
                                        guint64                index,
                                        gsize                 *len);

/* Appends @text as Calc shows it: the _xHHHH_ escapes decoded (_x005F_ is a
 * literal '_', so "_x005F_x000D_" stays "_x000D_"), CR LF and lone CR as a line
 * break, other control characters but tab dropped. */
void iku_xlsx_append_text (GString    *out,
                           const char *text,
                           gsize       len);

/* Text, CDATA or white space. */
gboolean iku_xlsx_is_text_node (xmlTextReaderPtr reader);

/* Follows a string item (<si> of the shared strings, <is> of an inline
 * string): the text of its <t>, directly or in runs <r>, not of <rPh>. */
typedef struct {
  gboolean in_t;
  guint    in_phonetic;  /* open <rPh> elements */
} IkuXlsxRichText;
gboolean iku_xlsx_rich_text_node (IkuXlsxRichText  *rich,
                                  xmlTextReaderPtr  reader,
                                  GString          *out);

/* Number formats (styles.xml): which display a cell's style asks for. */
typedef struct _IkuXlsxStyles IkuXlsxStyles;

IkuXlsxStyles *iku_xlsx_styles_read       (IkuBookZip          *zip,
                                           const char          *part,
                                           const char          *display_name,
                                           guint64             *budget,
                                           GError             **error) G_GNUC_WARN_UNUSED_RESULT;
void           iku_xlsx_styles_free       (IkuXlsxStyles       *styles);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuXlsxStyles, iku_xlsx_styles_free)
/* The number format id of style @xf (0, general, for an unknown style) and
 * in *@code its custom format code, or NULL for a built-in format. */
guint          iku_xlsx_styles_get_format (const IkuXlsxStyles *styles,
                                           guint64              xf,
                                           const char         **code);

/* What Calc shows for @value in built-in format @format_id, or in the custom
 * format @code when it is not NULL, Danish locale. (transfer full) */
char *iku_xlsx_format_number (double      value,
                              guint       format_id,
                              const char *code,
                              gboolean    date1904);
/* Whether a custom format code shows a boolean as a number: not LibreOffice's
 * own boolean format ("TRUE";"TRUE";"FALSE", only text) nor "General" (the
 * general format, as LibreOffice writes its default style). */
gboolean iku_xlsx_code_shows_number (const char *code);
/* What Calc shows for a boolean cell. */
const char *iku_xlsx_format_boolean (gboolean value);
/* An ISO 8601 date/time (t="d") as a serial day number; FALSE if malformed. */
gboolean iku_xlsx_parse_iso_date (const char *text,
                                  gboolean    date1904,
                                  double     *serial);

/* Reads one worksheet into the builder's open sheet. */
gboolean iku_xlsx_sheet_read (IkuBookZip            *zip,
                              const char            *part,
                              const IkuXlsxStrings  *strings,
                              const IkuXlsxStyles   *styles,
                              gboolean               date1904,
                              IkuBookBuilder        *builder,
                              const char            *display_name,
                              guint64               *budget,
                              GError               **error);

G_END_DECLS
