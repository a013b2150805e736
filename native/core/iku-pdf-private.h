/* SPDX-License-Identifier: GPL-3.0-or-later
 * Internal to the PDF home (iku-pdf*.c, the only files that include <hpdf.h>):
 * one document being built, its error bookkeeping, and the parts that the
 * writer (iku-pdf.c) combines: fonts (iku-pdf-fonts.c), tagging
 * (iku-pdf-tags.c). */
#pragma once

#include "iku-pdf.h"
#include "iku-layout-private.h"
#include "iku-pdf-tags.h"

#include <hpdf.h>

G_BEGIN_DECLS

/* The first error libharu reported for one document. */
typedef struct {
  HPDF_STATUS error;
  HPDF_STATUS detail;
} IkuPdfFailure;

typedef struct _IkuPdfFonts    IkuPdfFonts;      /* the writer's font files */
typedef struct _IkuPdfDocFonts IkuPdfDocFonts;   /* one document's fonts */

/* One document being built; heap-allocated because libharu keeps a pointer to
 * its failure record. */
typedef struct {
  HPDF_Doc        doc;
  IkuPdfFailure   failure;
  IkuPdfDocFonts *fonts;
  IkuPdfTags     *tags;
  guint           element_base;   /* of the layout being drawn */
  const IkuLogo  *logo;           /* the logo whose XObject is logo_image */
  HPDF_Dict       logo_image;     /* made on first use, owned by the document */
} IkuPdfDoc;

IkuPdfDoc *iku_pdf_doc_new        (GError     **error);
void       iku_pdf_doc_free       (IkuPdfDoc   *d);
/* FALSE, with the failure recorded, when @status or an earlier call failed. */
gboolean   iku_pdf_doc_ok         (IkuPdfDoc   *d,
                                   HPDF_STATUS  status);
/* For calls that return a handle: NULL is a failure even if libharu did not
 * say which. */
gboolean   iku_pdf_doc_ok_handle  (IkuPdfDoc   *d,
                                   const void  *handle);
/* Sets @error from the document's first failure; returns FALSE. */
gboolean   iku_pdf_doc_set_error  (IkuPdfDoc   *d,
                                   GError     **error,
                                   IkuPdfError  code,
                                   const char  *what);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuPdfDoc, iku_pdf_doc_free)

/* ---- iku-pdf-image.c ---- */

/* Draws @logo into the box of the IKU_DRAW_IMAGE @op (its XObject is made
 * once per document). */
gboolean   iku_pdf_doc_draw_image (IkuPdfDoc       *d,
                                   HPDF_Page        page,
                                   const IkuLogo   *logo,
                                   const IkuDrawOp *op);

/* ---- iku-pdf-fonts.c ----
 * Every document gets its own small simple TrueType fonts, cut from the
 * embedded font to the characters its text uses: each character gets a code
 * of one font (its Windows-1252 code where it has one), more fonts per style
 * when one cannot hold them all, with a /ToUnicode map so text copies. */

IkuPdfFonts *iku_pdf_fonts_new      (const char *regular_path,
                                     const char *bold_path,
                                     GError    **error);
void         iku_pdf_fonts_free     (IkuPdfFonts *fonts);

/* Loads the fonts for everything @layouts draw into @d (once per document). */
gboolean     iku_pdf_doc_load_fonts (IkuPdfDoc               *d,
                                     const IkuPdfFonts       *fonts,
                                     const IkuLayout * const *layouts,
                                     guint                    n_layouts,
                                     GError                 **error);
/* The document's fonts in @page's resources: every page, once. */
gboolean     iku_pdf_doc_add_font_resources (IkuPdfDoc *d,
                                             HPDF_Page  page);
/* A text object in @page's content: BT, then any number of texts, then ET. */
gboolean     iku_pdf_doc_begin_text (IkuPdfDoc       *d,
                                     HPDF_Page        page);
/* @op's text at its place, in its colour (font changes included). */
gboolean     iku_pdf_doc_show_text  (IkuPdfDoc       *d,
                                     HPDF_Page        page,
                                     const IkuDrawOp *op);
gboolean     iku_pdf_doc_end_text   (IkuPdfDoc       *d,
                                     HPDF_Page        page);
void         iku_pdf_doc_fonts_free (IkuPdfDocFonts *fonts);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuPdfFonts, iku_pdf_fonts_free)

G_END_DECLS
