/* SPDX-License-Identifier: GPL-3.0-or-later
 * What the elements of content.xml mean: follows the nodes libxml2's reader
 * delivers and tells the builder about sheets, rows, cells and their text.
 * Elements are known by namespace URI, never by prefix. */
#include "iku-ods-walk.h"

#include <string.h>

#define NS_OFFICE "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_TEXT "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

/* What an open element means. Everything inside a SKIP element is skipped too:
 * styles, column descriptions, shapes, cell comments (office:annotation), ... */
typedef enum {
  ROLE_SKIP,
  ROLE_DOCUMENT,     /* office:document-content */
  ROLE_BODY,         /* office:body */
  ROLE_SPREADSHEET,  /* office:spreadsheet */
  ROLE_TABLE,        /* table:table: one sheet */
  ROLE_ROW_GROUP,    /* table:table-header-rows, table:table-row-group, table:table-rows */
  ROLE_ROW,          /* table:table-row */
  ROLE_CELL,         /* table:table-cell */
  ROLE_PARAGRAPH,    /* text:p or text:h directly in a cell: one line of its text */
  ROLE_INLINE,       /* text:span, text:a, ... inside a paragraph: its text counts */
} Role;

struct _IkuOdsWalk
{
  xmlTextReaderPtr reader;        /* borrowed */
  IkuBookBuilder  *builder;       /* borrowed */
  char            *display_name;
  GArray          *roles;         /* Role of each open element, innermost last */
  gboolean         saw_spreadsheet;
};

typedef xmlChar XmlString;
static void
xml_string_free (XmlString *s)
{
  xmlFree (s);
}
G_DEFINE_AUTOPTR_CLEANUP_FUNC (XmlString, xml_string_free)

IkuOdsWalk *
iku_ods_walk_new (xmlTextReaderPtr reader, IkuBookBuilder *builder, const char *display_name)
{
  g_return_val_if_fail (reader != NULL && builder != NULL && display_name != NULL, NULL);

  IkuOdsWalk *w = g_new0 (IkuOdsWalk, 1);
  w->reader = reader;
  w->builder = builder;
  w->display_name = g_strdup (display_name);
  w->roles = g_array_new (FALSE, FALSE, sizeof (Role));
  return w;
}

void
iku_ods_walk_free (IkuOdsWalk *w)
{
  if (w == NULL)
    return;
  g_array_unref (w->roles);
  g_free (w->display_name);
  g_free (w);
}

gboolean
iku_ods_walk_saw_spreadsheet (const IkuOdsWalk *w)
{
  g_return_val_if_fail (w != NULL, FALSE);
  return w->saw_spreadsheet;
}

/* ---- attributes ----------------------------------------------------------- */

static char *
dup_attribute (IkuOdsWalk *w, const char *ns, const char *name)
{
  g_autoptr(XmlString) value = xmlTextReaderGetAttributeNs (w->reader, (const xmlChar *) name,
                                                            (const xmlChar *) ns);
  return value != NULL ? g_strdup ((const char *) value) : NULL;
}

/* A count (repetitions, spaces): 1 when absent or not a positive integer, as
 * Calc reads it; numbers beyond 2^32 (more than any sheet has) are 2^32. */
static guint64
read_count (IkuOdsWalk *w, const char *ns, const char *name)
{
  g_autofree char *value = dup_attribute (w, ns, name);
  if (value == NULL)
    return 1;
  const char *digits = g_strstrip (value);
  guint64 count = 0;
  if (g_ascii_string_to_unsigned (digits, 10, 1, G_MAXUINT32, &count, NULL))
    return count;
  gsize n_digits = strspn (digits, "0123456789");
  if (n_digits > 0 && digits[n_digits] == '\0' && strspn (digits, "0") < n_digits)
    return G_MAXUINT32;
  return 1;
}

/* The cell's office:*-value for its type, as written: all there is to show of
 * a cell that has no paragraph (LibreOffice always writes one). */
static char *
dup_cell_value (IkuOdsWalk *w)
{
  static const struct {
    const char *type;
    const char *attribute;
  } value_attributes[] = {
    { "string", "string-value" },
    { "float", "value" },
    { "percentage", "value" },
    { "currency", "value" },
    { "date", "date-value" },
    { "time", "time-value" },
    { "boolean", "boolean-value" },
  };
  g_autofree char *type = dup_attribute (w, NS_OFFICE, "value-type");
  if (type == NULL)
    return NULL;
  for (gsize i = 0; i < G_N_ELEMENTS (value_attributes); i++)
    if (strcmp (type, value_attributes[i].type) == 0)
      return dup_attribute (w, NS_OFFICE, value_attributes[i].attribute);
  return NULL;
}

/* table:visibility of a table:table-row: "collapse" (hidden by the user or a
 * collapsed group) and "filter" (filtered out) both hide it; Calc writes it on
 * every such row, inside row groups and header rows too. */
static gboolean
row_is_hidden (IkuOdsWalk *w)
{
  g_autofree char *visibility = dup_attribute (w, NS_TABLE, "visibility");
  if (visibility == NULL)
    return FALSE;
  const char *value = g_strstrip (visibility);
  return strcmp (value, "collapse") == 0 || strcmp (value, "filter") == 0;
}

/* ---- the document's structure --------------------------------------------- */

static gboolean
is_element (const char *ns, const char *name, const char *want_ns, const char *want_name)
{
  return ns != NULL && strcmp (ns, want_ns) == 0 && strcmp (name, want_name) == 0;
}

/* An element inside a paragraph: its text counts, unless it belongs to another
 * vocabulary (a comment, a drawing anchored in the text) or is a note. */
static gboolean
start_inline (IkuOdsWalk *w, const char *ns, const char *name, Role *role, GError **error)
{
  *role = ROLE_SKIP;
  if (ns == NULL || strcmp (ns, NS_TEXT) != 0 || strcmp (name, "note") == 0)
    return TRUE;
  if (strcmp (name, "s") == 0)
    return iku_book_builder_append_repeated (w->builder, ' ', read_count (w, NS_TEXT, "c"), error);
  if (strcmp (name, "tab") == 0)
    return iku_book_builder_append_repeated (w->builder, '\t', 1, error);
  if (strcmp (name, "line-break") == 0)
    return iku_book_builder_append_repeated (w->builder, '\n', 1, error);
  *role = ROLE_INLINE;
  return TRUE;
}

/* Decides what a new element means from its parent's role, and acts on it. */
static gboolean
start_element (IkuOdsWalk *w, Role *role, GError **error)
{
  *role = ROLE_SKIP;
  gboolean is_root = w->roles->len == 0;
  Role parent = is_root ? ROLE_SKIP : g_array_index (w->roles, Role, w->roles->len - 1);
  if (parent == ROLE_SKIP && !is_root)
    return TRUE;

  const char *ns = (const char *) xmlTextReaderConstNamespaceUri (w->reader);
  const char *name = (const char *) xmlTextReaderConstLocalName (w->reader);
  if (name == NULL)
    return TRUE;

  if (is_root)
    {
      if (!is_element (ns, name, NS_OFFICE, "document-content"))
        {
          iku_book_error_set_not_ods (error, w->display_name);
          return FALSE;
        }
      *role = ROLE_DOCUMENT;
      return TRUE;
    }

  switch (parent)
    {
    case ROLE_DOCUMENT:
      if (is_element (ns, name, NS_OFFICE, "body"))
        *role = ROLE_BODY;
      return TRUE;
    case ROLE_BODY:
      if (is_element (ns, name, NS_OFFICE, "spreadsheet"))
        {
          w->saw_spreadsheet = TRUE;
          *role = ROLE_SPREADSHEET;
        }
      return TRUE;
    case ROLE_SPREADSHEET:
      if (!is_element (ns, name, NS_TABLE, "table"))
        return TRUE;
      *role = ROLE_TABLE;
      {
        g_autofree char *sheet_name = dup_attribute (w, NS_TABLE, "name");
        return iku_book_builder_start_sheet (w->builder, sheet_name, error);
      }
    case ROLE_TABLE:
    case ROLE_ROW_GROUP:
      if (is_element (ns, name, NS_TABLE, "table-row"))
        {
          *role = ROLE_ROW;
          iku_book_builder_start_row (w->builder, read_count (w, NS_TABLE, "number-rows-repeated"));
          if (row_is_hidden (w))
            iku_book_builder_hide_row (w->builder);
        }
      else if (is_element (ns, name, NS_TABLE, "table-header-rows")
               || is_element (ns, name, NS_TABLE, "table-row-group")
               || is_element (ns, name, NS_TABLE, "table-rows"))
        *role = ROLE_ROW_GROUP;
      return TRUE;
    case ROLE_ROW:
      /* A covered cell is hidden by the merged area it lies in, not by its
       * element: Calc shows one that no area covers, and hides an ordinary
       * cell that one does (iku-book-merges.c). Only an ordinary cell begins
       * an area. */
      if (is_element (ns, name, NS_TABLE, "table-cell"))
        {
          *role = ROLE_CELL;
          return iku_book_builder_start_cell (w->builder,
                                              read_count (w, NS_TABLE, "number-columns-repeated"),
                                              read_count (w, NS_TABLE, "number-rows-spanned"),
                                              read_count (w, NS_TABLE, "number-columns-spanned"),
                                              dup_cell_value (w), error);
        }
      if (is_element (ns, name, NS_TABLE, "covered-table-cell"))
        {
          *role = ROLE_CELL;
          return iku_book_builder_start_cell (w->builder,
                                              read_count (w, NS_TABLE, "number-columns-repeated"),
                                              1, 1, dup_cell_value (w), error);
        }
      return TRUE;
    case ROLE_CELL:
      if (!is_element (ns, name, NS_TEXT, "p") && !is_element (ns, name, NS_TEXT, "h"))
        return TRUE;
      *role = ROLE_PARAGRAPH;
      return iku_book_builder_start_paragraph (w->builder, error);
    case ROLE_PARAGRAPH:
    case ROLE_INLINE:
      return start_inline (w, ns, name, role, error);
    case ROLE_SKIP:
    default:
      return TRUE;
    }
}

static gboolean
end_element (IkuOdsWalk *w, Role role, GError **error)
{
  switch (role)
    {
    case ROLE_TABLE:
      iku_book_builder_end_sheet (w->builder);
      return TRUE;
    case ROLE_ROW:
      return iku_book_builder_end_row (w->builder, error);
    case ROLE_CELL:
      return iku_book_builder_end_cell (w->builder, error);
    case ROLE_SKIP:
    case ROLE_DOCUMENT:
    case ROLE_BODY:
    case ROLE_SPREADSHEET:
    case ROLE_ROW_GROUP:
    case ROLE_PARAGRAPH:
    case ROLE_INLINE:
    default:
      return TRUE;
    }
}

/**
 * iku_ods_walk_node:
 * @walk: the walk
 * @error: IKU_BOOK_ERROR when the document or a bound says no
 *
 * Handles the reader's current node (call after each successful
 * xmlTextReaderRead).
 *
 * Returns: %FALSE with @error set to stop reading.
 */
gboolean
iku_ods_walk_node (IkuOdsWalk *w, GError **error)
{
  switch (xmlTextReaderNodeType (w->reader))
    {
    case XML_READER_TYPE_ELEMENT:
      {
        gboolean empty = xmlTextReaderIsEmptyElement (w->reader) == 1;
        Role role = ROLE_SKIP;
        if (!start_element (w, &role, error))
          return FALSE;
        if (empty)
          return end_element (w, role, error);
        g_array_append_val (w->roles, role);
        return TRUE;
      }
    case XML_READER_TYPE_END_ELEMENT:
      {
        if (w->roles->len == 0)
          {
            iku_book_error_set_corrupt (error, w->display_name, "content.xml er ikke velformet XML");
            return FALSE;
          }
        Role role = g_array_index (w->roles, Role, w->roles->len - 1);
        g_array_set_size (w->roles, w->roles->len - 1);
        return end_element (w, role, error);
      }
    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      {
        Role role = w->roles->len > 0 ? g_array_index (w->roles, Role, w->roles->len - 1)
                                      : ROLE_SKIP;
        if (role != ROLE_PARAGRAPH && role != ROLE_INLINE)
          return TRUE;
        /* As written: Calc keeps the spaces and line breaks of the XML text. */
        const char *text = (const char *) xmlTextReaderConstValue (w->reader);
        return text == NULL || iku_book_builder_append_text (w->builder, text, strlen (text), error);
      }
    case XML_READER_TYPE_DOCUMENT_TYPE:
    case XML_READER_TYPE_ENTITY_REFERENCE:
    case XML_READER_TYPE_ENTITY:
    case XML_READER_TYPE_NOTATION:
      /* Unreachable behind the prolog guard; kept so that no path uses a DTD. */
      iku_book_error_set_forbidden (error, w->display_name);
      return FALSE;
    default:
      return TRUE;
    }
}
