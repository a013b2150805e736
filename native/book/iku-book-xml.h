/* SPDX-License-Identifier: GPL-3.0-or-later
 * One XML part of a spreadsheet package through libxml2's streaming reader,
 * behind the prolog (DOCTYPE) and markup guards: no DTD, no entities, no
 * network, bounded work per byte, memory small whatever the part's size. The
 * only place that sets up a libxml2 reader; the formats walk its nodes. */
#pragma once

#include <libxml/xmlreader.h>
#include "iku-book-private.h"

G_BEGIN_DECLS

typedef struct _IkuBookXml IkuBookXml;

/* @stream is borrowed and must outlive the reader. @part_name (e.g.
 * "content.xml", "xl/worksheets/sheet1.xml") names the part in messages. */
IkuBookXml      *iku_book_xml_new        (IkuBookStream    *stream,
                                          const char       *display_name,
                                          const char       *part_name);
void             iku_book_xml_free       (IkuBookXml       *xml);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuBookXml, iku_book_xml_free)

/* Moves to the next node. Returns 1 at a node, 0 at the end of a well-formed
 * part, -1 with @error set (damaged, refused by a guard, not XML, ...). */
int              iku_book_xml_read       (IkuBookXml       *xml,
                                          GError          **error);
/* The reader positioned by iku_book_xml_read(); borrowed. */
xmlTextReaderPtr iku_book_xml_get_reader (IkuBookXml       *xml);
/* Whether the part did not start like an XML document in UTF-8 at all (the
 * error was then IKU_BOOK_ERROR_CORRUPT; a caller may know a better reason). */
gboolean         iku_book_xml_not_xml    (const IkuBookXml *xml);

/* Attribute @name (no namespace) of the current element, or NULL. (transfer full) */
char            *iku_book_xml_dup_attribute (IkuBookXml *xml,
                                             const char *name);

G_END_DECLS
