/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuPdfWriter: draws an IkuLayout into a PDF in memory with libharu — the only
 * module that includes <hpdf.h>. One writer per thread (a libharu document and its
 * fonts cannot be shared between threads). */
#pragma once

#include <glib.h>
#include "iku-layout.h"

G_BEGIN_DECLS

#define IKU_PDF_ERROR (iku_pdf_error_quark ())
typedef enum {
  IKU_PDF_ERROR_FONT,     /* the font files could not be loaded */
  IKU_PDF_ERROR_LIBHARU,  /* libharu reported an error while drawing or saving */
} IkuPdfError;
GQuark iku_pdf_error_quark (void);

typedef struct _IkuPdfWriter IkuPdfWriter;

IkuPdfWriter *iku_pdf_writer_new    (const char *font_regular_path,
                                     const char *font_bold_path,
                                     GError    **error) G_GNUC_WARN_UNUSED_RESULT;
void          iku_pdf_writer_free   (IkuPdfWriter *writer);
/* The source id (iku-source.h) the next documents carry in their document
 * info; NULL: none (the default). */
void          iku_pdf_writer_set_source_id (IkuPdfWriter *writer,
                                            const char   *source_id);
/* The whole PDF file. (transfer full) */
GBytes       *iku_pdf_writer_render (IkuPdfWriter    *writer,
                                     const IkuLayout *layout,
                                     GError         **error) G_GNUC_WARN_UNUSED_RESULT;

/* Every layout in one PDF (the print file of all IKUs), each from a new page,
 * with a bookmark to it; @author may be NULL. (transfer full) */
GBytes       *iku_pdf_writer_render_combined (IkuPdfWriter            *writer,
                                              const IkuLayout * const *layouts,
                                              guint                    n_layouts,
                                              const char              *title,
                                              const char              *author,
                                              GError                 **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuPdfWriter, iku_pdf_writer_free)

G_END_DECLS
