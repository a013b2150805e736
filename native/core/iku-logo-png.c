/* SPDX-License-Identifier: GPL-3.0-or-later
 * PNG logos decoded with libpng's simplified API, which catches every libpng
 * error itself (no longjmp through our frames). libharu 2.3.0's own PNG loader
 * is not used: its error callback returns to libpng, which then aborts the
 * process, it labels 16-bit images wrongly and it reads past the rows of a
 * transparent palette image under 8 bits. */
#include "iku-logo.h"
#include "iku-logo-private.h"

#include <png.h>
#include <string.h>

gboolean
iku_logo_png_decode (const guint8 *data, gsize len, const char *name, guint *width,
                     guint *height, guint *components, GBytes **pixels, GBytes **alpha,
                     GError **error)
{
  png_image image;
  memset (&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory (&image, data, len))
    {
      g_set_error (error, IKU_LOGO_ERROR, IKU_LOGO_ERROR_BROKEN,
                   "Logoet »%s« er en ødelagt PNG-fil (%s). Gem logoet igen som PNG eller "
                   "JPEG, og prøv igen.", name, image.message);
      png_image_free (&image);
      return FALSE;
    }
  if (image.width == 0 || image.height == 0 || image.width > IKU_LOGO_MAX_PIXELS
      || image.height > IKU_LOGO_MAX_PIXELS)
    {
      iku_logo_set_too_big_error (error, name, image.width, image.height);
      png_image_free (&image);
      return FALSE;
    }
  gboolean color = (image.format & PNG_FORMAT_FLAG_COLOR) != 0;
  gboolean has_alpha = (image.format & PNG_FORMAT_FLAG_ALPHA) != 0;
  image.format = color ? (has_alpha ? PNG_FORMAT_RGBA : PNG_FORMAT_RGB)
                       : (has_alpha ? PNG_FORMAT_GA : PNG_FORMAT_GRAY);
  gsize n_pixels = (gsize) image.width * image.height;
  gsize size = PNG_IMAGE_SIZE (image);
  g_autofree guint8 *buffer = g_try_malloc (size);
  if (buffer == NULL)
    {
      png_image_free (&image);
      iku_logo_set_too_big_error (error, name, image.width, image.height);
      return FALSE;
    }
  if (!png_image_finish_read (&image, NULL, buffer, 0, NULL))
    {
      g_set_error (error, IKU_LOGO_ERROR, IKU_LOGO_ERROR_BROKEN,
                   "Logoet »%s« er en ødelagt eller afkortet PNG-fil (%s). Gem logoet igen "
                   "som PNG eller JPEG, og prøv igen.", name, image.message);
      png_image_free (&image);
      return FALSE;
    }
  guint n_color = color ? 3 : 1;
  *width = image.width;
  *height = image.height;
  *components = n_color;
  *alpha = NULL;
  if (!has_alpha)
    {
      *pixels = g_bytes_new_take (g_steal_pointer (&buffer), size);
      return TRUE;
    }
  /* Split the interleaved alpha off into its own plane (the PDF's SMask); an
   * alpha that is opaque everywhere is dropped. */
  guint8 *samples = g_malloc (n_pixels * n_color);
  guint8 *mask = g_malloc (n_pixels);
  gboolean opaque = TRUE;
  for (gsize i = 0; i < n_pixels; i++)
    {
      memcpy (samples + i * n_color, buffer + i * (n_color + 1), n_color);
      mask[i] = buffer[i * (n_color + 1) + n_color];
      opaque = opaque && mask[i] == 0xFF;
    }
  *pixels = g_bytes_new_take (samples, n_pixels * n_color);
  if (opaque)
    g_free (mask);
  else
    *alpha = g_bytes_new_take (mask, n_pixels);
  return TRUE;
}
