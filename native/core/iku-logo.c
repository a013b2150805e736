/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuLogo: a PNG or JPEG logo, checked and made ready for the PDF once per
 * export; see iku-logo.h. */
#include "iku-logo.h"
#include "iku-logo-private.h"

#include <glib/gstdio.h>
#include <string.h>
#include <zlib.h>

G_DEFINE_QUARK (iku-logo-error-quark, iku_logo_error)

struct _IkuLogo
{
  gint          ref_count;   /* atomic */
  IkuLogoFormat format;
  guint         width;
  guint         height;
  guint         components;
  gboolean      inverted;
  GBytes       *data;
  GBytes       *alpha;
};

static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };

void
iku_logo_set_too_big_error (GError **error, const char *name, guint width, guint height)
{
  g_set_error (error, IKU_LOGO_ERROR, IKU_LOGO_ERROR_TOO_BIG,
               "Logoet »%s« er %u × %u punkter; det må højst være %u × %u. Gem det i en "
               "mindre størrelse (fx 1000 punkter bredt), og prøv igen.",
               name, width, height, IKU_LOGO_MAX_PIXELS, IKU_LOGO_MAX_PIXELS);
}

static void
set_jpeg_broken (GError **error, const char *name, const char *what)
{
  g_set_error (error, IKU_LOGO_ERROR, IKU_LOGO_ERROR_BROKEN,
               "Logoet »%s« er en ødelagt eller afkortet JPEG-fil (%s). Gem logoet igen som "
               "PNG eller JPEG, og prøv igen.", name, what);
}

/* Walks the JPEG's segments: its frame header gives size and components; the
 * file must end with its end marker after the image data (a cut-off file
 * does not). Only what PDF's DCTDecode reads is accepted: 8-bit baseline,
 * extended or progressive Huffman frames with 1, 3 or 4 components. */
static gboolean
parse_jpeg (IkuLogo *logo, const guint8 *d, gsize len, const char *name, GError **error)
{
  gsize p = 2;
  gboolean have_frame = FALSE, have_scan = FALSE, adobe = FALSE;
  while (p < len)
    {
      if (d[p] != 0xFF)
        {
          if (!have_scan)
            {
              set_jpeg_broken (error, name, "uventede data mellem afsnittene");
              return FALSE;
            }
          p++;            /* entropy-coded data */
          continue;
        }
      while (p < len && d[p] == 0xFF)
        p++;
      if (p >= len)
        break;
      guint8 marker = d[p++];
      if (marker == 0x00 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01)
        continue;         /* stuffed byte, restart marker: inside the scan */
      if (marker == 0xD9)
        {
          if (!have_frame || !have_scan)
            {
              set_jpeg_broken (error, name, "ingen billeddata");
              return FALSE;
            }
          logo->inverted = adobe && logo->components == 4;
          return TRUE;
        }
      if (p + 2 > len)
        break;
      gsize seg = ((gsize) d[p] << 8) | d[p + 1];
      if (seg < 2 || p + seg > len)
        break;
      const guint8 *body = d + p + 2;
      gsize body_len = seg - 2;
      if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC)
        {
          if (marker > 0xC2)
            {
              g_set_error (error, IKU_LOGO_ERROR, IKU_LOGO_ERROR_FORMAT,
                           "Logoet »%s« er en JPEG-fil af en sjælden slags (aritmetisk eller "
                           "tabsfri kodning), som en PDF ikke kan vise. Gem det igen som "
                           "almindelig JPEG eller som PNG.", name);
              return FALSE;
            }
          if (body_len < 6)
            break;
          guint precision = body[0];
          logo->height = ((guint) body[1] << 8) | body[2];
          logo->width = ((guint) body[3] << 8) | body[4];
          logo->components = body[5];
          if (logo->width > IKU_LOGO_MAX_PIXELS || logo->height > IKU_LOGO_MAX_PIXELS)
            {
              iku_logo_set_too_big_error (error, name, logo->width, logo->height);
              return FALSE;
            }
          if (precision != 8 || logo->width == 0 || logo->height == 0
              || (logo->components != 1 && logo->components != 3 && logo->components != 4))
            {
              g_set_error (error, IKU_LOGO_ERROR, IKU_LOGO_ERROR_FORMAT,
                           "Logoet »%s« er en JPEG-fil, som ikuflet ikke kan bruge (%u bit, "
                           "%u farvekanaler). Gem det igen som almindelig JPEG med 8 bit eller "
                           "som PNG.", name, precision, logo->components);
              return FALSE;
            }
          have_frame = TRUE;
        }
      else if (marker == 0xEE && body_len >= 5 && memcmp (body, "Adobe", 5) == 0)
        adobe = TRUE;
      else if (marker == 0xDA)
        {
          if (!have_frame)
            break;
          have_scan = TRUE;
        }
      p += seg;
    }
  set_jpeg_broken (error, name, "filen slutter for tidligt");
  return FALSE;
}

static GBytes *
deflate_bytes (GBytes *raw)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (raw, &len);
  uLongf out_len = compressBound ((uLong) len);
  guint8 *out = g_malloc (out_len);
  if (compress2 (out, &out_len, data, (uLong) len, Z_DEFAULT_COMPRESSION) != Z_OK)
    {
      g_free (out);
      return NULL;
    }
  return g_bytes_new_take (g_realloc (out, out_len), out_len);
}

/**
 * iku_logo_new_from_data:
 * Returns: (transfer full): the checked logo, or NULL with a Danish @error
 * naming @name and what to do.
 */
IkuLogo *
iku_logo_new_from_data (const guint8 *data, gsize len, const char *name, GError **error)
{
  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  if (len > IKU_LOGO_MAX_BYTES)
    {
      g_set_error (error, IKU_LOGO_ERROR, IKU_LOGO_ERROR_TOO_BIG,
                   "Logoet »%s« fylder %" G_GSIZE_FORMAT " MB; det må højst fylde %u MB. Gem det "
                   "i en mindre størrelse, og prøv igen.", name, (len + (1 << 20) - 1) >> 20,
                   IKU_LOGO_MAX_BYTES >> 20);
      return NULL;
    }
  g_autoptr(IkuLogo) logo = g_new0 (IkuLogo, 1);
  logo->ref_count = 1;
  if (len >= sizeof png_signature && memcmp (data, png_signature, sizeof png_signature) == 0)
    {
      logo->format = IKU_LOGO_PNG;
      g_autoptr(GBytes) pixels = NULL, alpha = NULL;
      if (!iku_logo_png_decode (data, len, name, &logo->width, &logo->height, &logo->components,
                                &pixels, &alpha, error))
        return NULL;
      logo->data = deflate_bytes (pixels);
      logo->alpha = alpha != NULL ? deflate_bytes (alpha) : NULL;
      if (logo->data == NULL || (alpha != NULL && logo->alpha == NULL))
        {
          g_set_error (error, IKU_LOGO_ERROR, IKU_LOGO_ERROR_TOO_BIG,
                       "Logoet »%s« kunne ikke pakkes (for lidt hukommelse).", name);
          return NULL;
        }
      return g_steal_pointer (&logo);
    }
  if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
    {
      logo->format = IKU_LOGO_JPEG;
      if (!parse_jpeg (logo, data, len, name, error))
        return NULL;
      logo->data = g_bytes_new (data, len);
      return g_steal_pointer (&logo);
    }
  g_set_error (error, IKU_LOGO_ERROR, IKU_LOGO_ERROR_FORMAT,
               "Logoet »%s« er hverken en PNG- eller en JPEG-fil (filens indhold er noget "
               "andet, uanset navnet). Vælg et logo i PNG eller JPEG.", name);
  return NULL;
}

/**
 * iku_logo_new_from_file:
 * Returns: (transfer full): the checked logo, or NULL with @error set.
 */
IkuLogo *
iku_logo_new_from_file (const char *path, GError **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_autofree char *display = g_filename_display_name (path);
  GStatBuf st;
  if (g_stat (path, &st) != 0 || !g_file_test (path, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, IKU_LOGO_ERROR, IKU_LOGO_ERROR_UNREADABLE,
                   "Logoet »%s« findes ikke. Kontrollér stien i indstillingerne.", display);
      return NULL;
    }
  if ((guint64) st.st_size > IKU_LOGO_MAX_BYTES)
    {
      g_set_error (error, IKU_LOGO_ERROR, IKU_LOGO_ERROR_TOO_BIG,
                   "Logoet »%s« fylder %" G_GUINT64_FORMAT " MB; det må højst fylde %u MB. Gem "
                   "det i en mindre størrelse, og prøv igen.", display,
                   ((guint64) st.st_size + (1 << 20) - 1) >> 20, IKU_LOGO_MAX_BYTES >> 20);
      return NULL;
    }
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
  if (mapped == NULL)
    {
      g_set_error (error, IKU_LOGO_ERROR, IKU_LOGO_ERROR_UNREADABLE,
                   "Logoet »%s« kan ikke læses. Kontrollér, at du har adgang til filen.", display);
      return NULL;
    }
  gsize len = g_mapped_file_get_length (mapped);
  const guint8 *data = len > 0 ? (const guint8 *) g_mapped_file_get_contents (mapped)
                               : (const guint8 *) "";
  return iku_logo_new_from_data (data, len, display, error);
}

IkuLogo *
iku_logo_ref (IkuLogo *logo)
{
  g_return_val_if_fail (logo != NULL, NULL);
  g_atomic_int_inc (&logo->ref_count);
  return logo;
}

void
iku_logo_unref (IkuLogo *logo)
{
  if (logo == NULL || !g_atomic_int_dec_and_test (&logo->ref_count))
    return;
  g_clear_pointer (&logo->data, g_bytes_unref);
  g_clear_pointer (&logo->alpha, g_bytes_unref);
  g_free (logo);
}

IkuLogoFormat
iku_logo_get_format (const IkuLogo *logo)
{
  g_return_val_if_fail (logo != NULL, IKU_LOGO_PNG);
  return logo->format;
}

guint
iku_logo_get_width (const IkuLogo *logo)
{
  g_return_val_if_fail (logo != NULL, 0);
  return logo->width;
}

guint
iku_logo_get_height (const IkuLogo *logo)
{
  g_return_val_if_fail (logo != NULL, 0);
  return logo->height;
}

guint
iku_logo_get_components (const IkuLogo *logo)
{
  g_return_val_if_fail (logo != NULL, 0);
  return logo->components;
}

GBytes *
iku_logo_get_data (const IkuLogo *logo)
{
  g_return_val_if_fail (logo != NULL, NULL);
  return logo->data;
}

GBytes *
iku_logo_get_alpha (const IkuLogo *logo)
{
  g_return_val_if_fail (logo != NULL, NULL);
  return logo->alpha;
}

gboolean
iku_logo_is_inverted (const IkuLogo *logo)
{
  g_return_val_if_fail (logo != NULL, FALSE);
  return logo->inverted;
}
