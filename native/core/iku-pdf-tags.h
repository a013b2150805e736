/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuPdfTags: the tagging of one PDF document (PDF 32000-1, 14.7-14.8) for the
 * PDF home (iku-pdf*.c): marked-content sequences with MCIDs around what a page
 * draws, artifacts around decoration and pagination, and at the end the
 * structure tree built from the layouts' element lists, the parent tree and the
 * catalog entries (/MarkInfo, /Lang, /ViewerPreferences /DisplayDocTitle).
 * libharu 2.3.0 has no tagging API: this module writes into the page streams
 * and builds the objects with libharu's object layer. Its own records live in
 * GLib memory. */
#pragma once

#include <glib.h>
#include <hpdf.h>
#include "iku-layout-private.h"

G_BEGIN_DECLS

typedef struct _IkuPdfTags IkuPdfTags;

IkuPdfTags *iku_pdf_tags_new          (void);
void        iku_pdf_tags_free         (IkuPdfTags *tags);

/* Adds the element tree of one layout and returns the number to add to its draw
 * ops' element indices. The first layout's Document is the document's; with
 * @as_section, the layout's Document becomes a Sect under it (one per IKU of a
 * combined file). */
guint       iku_pdf_tags_add_elements (IkuPdfTags             *tags,
                                       const IkuLayoutElement *elements,
                                       guint                   n_elements,
                                       gboolean                as_section);

/* Every page, before anything is drawn on it. */
HPDF_STATUS iku_pdf_tags_begin_page   (IkuPdfTags *tags,
                                       HPDF_Page   page);

/* Before drawing what belongs to @element (a global element index, see
 * iku_pdf_tags_add_elements(), or an IKU_LAYOUT_ARTIFACT_*): continues the open
 * sequence when it is the same, else closes it and opens one. Only in page
 * description mode or inside a text object, never inside a path. */
HPDF_STATUS iku_pdf_tags_mark         (IkuPdfTags *tags,
                                       gint        element);

/* The box (lower left, upper right, page coordinates) of the Figure @element,
 * for its /BBox attribute. */
void        iku_pdf_tags_set_bbox     (IkuPdfTags *tags,
                                       gint        element,
                                       double      x,
                                       double      y,
                                       double      x2,
                                       double      y2);

/* Closes the open sequence, if any: before HPDF_Page_EndText() for a sequence
 * opened inside the text object, and at the end of every page. */
HPDF_STATUS iku_pdf_tags_close        (IkuPdfTags *tags);

/* After the last page: structure tree, parent tree, catalog entries, PDF 1.7. */
HPDF_STATUS iku_pdf_tags_finish       (IkuPdfTags *tags,
                                       HPDF_Doc    doc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuPdfTags, iku_pdf_tags_free)

G_END_DECLS
