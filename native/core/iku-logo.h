/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuLogo: the organisation's logo (PNG or JPEG), read and checked completely
 * before anything else sees it — size, format, pixel dimensions and, for PNG,
 * every chunk and its CRC — so that a bad file is a clear Danish message and
 * never reaches libharu/libpng half-broken. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IKU_LOGO_ERROR (iku_logo_error_quark ())
typedef enum {
  IKU_LOGO_ERROR_UNREADABLE,  /* missing or unreadable */
  IKU_LOGO_ERROR_TOO_BIG,     /* the file or its pixel dimensions are over the limits */
  IKU_LOGO_ERROR_FORMAT,      /* neither PNG nor JPEG, or a kind of them we cannot print */
  IKU_LOGO_ERROR_BROKEN,      /* a PNG or JPEG that is cut off or damaged */
} IkuLogoError;
GQuark iku_logo_error_quark (void);

/* Limits: a logo is small; these keep a wrong file from filling the memory. */
#define IKU_LOGO_MAX_BYTES  (5 * 1024 * 1024)
#define IKU_LOGO_MAX_PIXELS 3000            /* per side */

typedef enum {
  IKU_LOGO_PNG,
  IKU_LOGO_JPEG,
} IkuLogoFormat;

/* A checked logo, immutable and shared (also between export threads). */
typedef struct _IkuLogo IkuLogo;

/* @name names the file in messages. (transfer full) */
IkuLogo      *iku_logo_new_from_file  (const char *path,
                                       GError    **error) G_GNUC_WARN_UNUSED_RESULT;
IkuLogo      *iku_logo_new_from_data  (const guint8 *data,
                                       gsize         len,
                                       const char   *name,
                                       GError      **error) G_GNUC_WARN_UNUSED_RESULT;
IkuLogo      *iku_logo_ref            (IkuLogo *logo);
void          iku_logo_unref          (IkuLogo *logo);
IkuLogoFormat iku_logo_get_format     (const IkuLogo *logo);
guint         iku_logo_get_width      (const IkuLogo *logo);
guint         iku_logo_get_height     (const IkuLogo *logo);
/* 1 (gray), 3 (RGB) or 4 (CMYK, JPEG only); 8 bits each. */
guint         iku_logo_get_components (const IkuLogo *logo);
/* The image data as a PDF image stream holds it: for a PNG the decoded
 * samples, zlib-compressed (FlateDecode); for a JPEG the file (DCTDecode).
 * (transfer none) */
GBytes       *iku_logo_get_data       (const IkuLogo *logo);
/* A PNG's transparency as zlib-compressed 8-bit gray samples (an SMask), or
 * NULL when the logo is opaque. (transfer none) */
GBytes       *iku_logo_get_alpha      (const IkuLogo *logo);
/* Whether a CMYK JPEG stores its samples inverted (Adobe), so that the PDF
 * needs /Decode [1 0 1 0 1 0 1 0]. */
gboolean      iku_logo_is_inverted    (const IkuLogo *logo);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuLogo, iku_logo_unref)

G_END_DECLS
