/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuFontFile: a TrueType font file (the embedded Ikuflet Sans) read once, and cut
 * into small per-document subsets: only the glyphs a document shows, renumbered,
 * with a cmap that maps the codes the caller chooses to them. The PDF writer uses
 * them for single-byte fonts of any script: every code of a simple font shows the
 * glyph of the character the document assigned to it. Pure byte work, no libharu;
 * a font can be subset from several threads at once. */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IKU_FONT_SUBSET_ERROR (iku_font_subset_error_quark ())
typedef enum {
  IKU_FONT_SUBSET_ERROR_INVALID,   /* not a TrueType font this reader understands */
} IkuFontSubsetError;
GQuark iku_font_subset_error_quark (void);

typedef struct _IkuFontFile IkuFontFile;

/* Parses @data (kept, not copied): the tables a subset needs, each checked to lie
 * inside the file, and the Unicode cmap. */
IkuFontFile *iku_font_file_new      (GBytes      *data,
                                     GError     **error) G_GNUC_WARN_UNUSED_RESULT;
void         iku_font_file_free     (IkuFontFile *font);

/* What a PDF font descriptor says about the font, in font units. */
typedef struct {
  guint  units_per_em;
  gint   x_min, y_min, x_max, y_max;   /* the bounding box of all glyphs */
  gint   ascent, descent;              /* hhea */
  gint   cap_height;                   /* OS/2, or 70 % of the ascent */
  double italic_angle;                 /* post, degrees */
} IkuFontFileMetrics;

void         iku_font_file_get_metrics (const IkuFontFile  *font,
                                        IkuFontFileMetrics *metrics);

/* The advance width of @c (of .notdef when the font has none), in font units. */
guint        iku_font_file_advance  (const IkuFontFile *font,
                                     gunichar           c);

/* The glyph of @c, or 0 (.notdef) when the font has none. */
guint        iku_font_file_glyph    (const IkuFontFile *font,
                                     gunichar           c);

/* A TrueType file holding .notdef, the glyphs of @chars and the components of
 * those (composite glyphs), in which code point @codes[i] maps to the glyph of
 * @chars[i]. @codes ascending, no repeats; @n at most 256. Tables: OS/2, cmap
 * (3,1 format 4), glyf, head, hhea, hmtx, loca, maxp, name, post (format 3).
 * Returns: (transfer full): the file, or NULL with @error. */
GBytes      *iku_font_file_subset   (const IkuFontFile *font,
                                     const gunichar    *chars,
                                     const guint16     *codes,
                                     guint              n,
                                     GError           **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IkuFontFile, iku_font_file_free)

G_END_DECLS
