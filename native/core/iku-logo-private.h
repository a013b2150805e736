/* SPDX-License-Identifier: GPL-3.0-or-later
 * The PNG decoder behind IkuLogo (iku-logo-png.c, the one user of <png.h>). */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Decodes the PNG @data into 8-bit samples: @pixels gets gray or RGB
 * (@components 1 or 3), @alpha 8-bit alpha or NULL when the image is opaque.
 * Checks the dimensions against IKU_LOGO_MAX_PIXELS before decoding. */
gboolean iku_logo_png_decode (const guint8 *data,
                              gsize         len,
                              const char   *name,
                              guint        *width,
                              guint        *height,
                              guint        *components,
                              GBytes      **pixels,
                              GBytes      **alpha,
                              GError      **error);

/* The Danish message for a logo over the pixel limit. */
void     iku_logo_set_too_big_error (GError    **error,
                                     const char *name,
                                     guint       width,
                                     guint       height);

G_END_DECLS
