/* SPDX-License-Identifier: GPL-3.0-or-later
 * Zip access for the spreadsheet readers (libzip): open a package from a file or
 * from memory and stream a member out of it with a bound on what it may inflate to. */
#include "iku-book-private.h"
#include "iku-book-file.h"
#include "iku-system-error.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <zip.h>

#define MANIFEST_NAME "META-INF/manifest.xml"
/* What a zip archive starts with (a local file header). */
#define ZIP_MAGIC "PK\003\004"

struct _IkuBookZip
{
  zip_t *archive;
  char  *display_name;
};

struct _IkuBookStream
{
  zip_file_t *file;
  char       *display_name;
  char       *member;       /* its name in the archive, for messages */
  guint64     max_bytes;
  guint64     n_read;
};

void
iku_book_zip_free (IkuBookZip *zip)
{
  if (zip == NULL)
    return;
  /* Read-only: zip_discard never writes back, unlike zip_close. */
  zip_discard (zip->archive);
  g_free (zip->display_name);
  g_free (zip);
}

/* Maps libzip's reason for refusing an archive to our error. @starts_like_zip:
 * the bytes begin with a zip header, so a missing directory means a cut file. */
static void
set_open_error (GError **error, const char *display_name, zip_error_t *zip_error,
                gboolean starts_like_zip)
{
  switch (zip_error_code_zip (zip_error))
    {
    case ZIP_ER_NOZIP:
      if (starts_like_zip)
        iku_book_error_set_corrupt (error, display_name,
                                    "filen er ufuldstændig: zip-arkivets indholdsfortegnelse mangler");
      else
        iku_book_error_set_not_ods (error, display_name);
      break;
    case ZIP_ER_READ:
    case ZIP_ER_SEEK:
    case ZIP_ER_TELL:
    case ZIP_ER_OPEN:
      g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_UNREADABLE,
                   "Filen »%s« kunne ikke læses: %s. "
                   "Kontrollér at filen findes, og at du har adgang til den.",
                   display_name, iku_system_error_text (zip_error_code_system (zip_error)));
      break;
    case ZIP_ER_MEMORY:
      g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_UNREADABLE,
                   "Filen »%s« kunne ikke læses, fordi der ikke var hukommelse nok. "
                   "Luk andre programmer, og prøv igen.",
                   display_name);
      break;
    case ZIP_ER_EXISTS:
      /* Two entries of one name (with ZIP_CHECKCONS). libzip would read the
       * first, LibreOffice 7.4 the last, and later versions refuse the package. */
      iku_book_error_set_corrupt (error, display_name, "zip-arkivet har to filer med samme navn");
      break;
    case ZIP_ER_INCONS:
      iku_book_error_set_corrupt (error, display_name,
                                  "zip-arkivets indholdsfortegnelse passer ikke med filerne i arkivet");
      break;
    case ZIP_ER_MULTIDISK:
      iku_book_error_set_corrupt (error, display_name, "zip-arkivet er delt over flere filer");
      break;
    default:
      iku_book_error_set_corrupt (error, display_name, "zip-arkivets indholdsfortegnelse er ødelagt");
      break;
    }
}

/* Takes @source, also on failure. */
static IkuBookZip *
open_source (zip_source_t *source, const char *display_name, gboolean starts_like_zip,
             GError **error)
{
  zip_error_t zip_error;
  zip_error_init (&zip_error);
  /* ZIP_CHECKCONS: every local header must agree with the central directory
   * (name, sizes, method), as LibreOffice requires, and no two entries may
   * share a name; otherwise two readers of one archive could see different
   * files in it. */
  zip_t *archive = zip_open_from_source (source, ZIP_RDONLY | ZIP_CHECKCONS, &zip_error);
  if (archive == NULL)
    {
      zip_source_free (source);
      set_open_error (error, display_name, &zip_error, starts_like_zip);
      zip_error_fini (&zip_error);
      return NULL;
    }
  zip_error_fini (&zip_error);

  IkuBookZip *zip = g_new0 (IkuBookZip, 1);
  zip->archive = archive;
  zip->display_name = g_strdup (display_name);
  return zip;
}

static void
set_unreadable (GError **error, const char *display_name, int errsv)
{
  g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_UNREADABLE,
               "Filen »%s« kunne ikke åbnes: %s. "
               "Kontrollér at filen findes, og at du har adgang til den.",
               display_name, iku_system_error_text (errsv));
}

IkuBookZip *
iku_book_zip_open_file (const char *path, const char *display_name, GError **error)
{
  FILE *fp = NULL;
  int errsv = 0;
  switch (iku_book_file_open (path, &fp, &errsv))
    {
    case IKU_BOOK_FILE_OPENED:
      break;
    case IKU_BOOK_FILE_IS_FOLDER:
      g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_UNREADABLE,
                   "»%s« er en mappe, ikke en fil. Angiv selve skemafilen (.ods).", display_name);
      return NULL;
    case IKU_BOOK_FILE_NOT_REGULAR:
      g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_UNREADABLE,
                   "»%s« er ikke en almindelig fil. Angiv selve skemafilen (.ods).", display_name);
      return NULL;
    case IKU_BOOK_FILE_FAILED:
    default:
      set_unreadable (error, display_name, errsv);
      return NULL;
    }

  char magic[4] = { 0 };
  size_t n_magic = fread (magic, 1, sizeof magic, fp);
  if (ferror (fp) || fseek (fp, 0, SEEK_SET) != 0)
    {
      int err = errno;
      fclose (fp);
      set_unreadable (error, display_name, err);
      return NULL;
    }
  gboolean starts_like_zip = n_magic == sizeof magic
                             && memcmp (magic, ZIP_MAGIC, sizeof magic) == 0;

  zip_error_t zip_error;
  zip_error_init (&zip_error);
  /* The source owns fp from here on (it closes it when freed). */
  zip_source_t *source = zip_source_filep_create (fp, 0, -1, &zip_error);
  if (source == NULL)
    {
      fclose (fp);
      set_open_error (error, display_name, &zip_error, starts_like_zip);
      zip_error_fini (&zip_error);
      return NULL;
    }
  zip_error_fini (&zip_error);
  return open_source (source, display_name, starts_like_zip, error);
}

IkuBookZip *
iku_book_zip_open_data (const guint8 *data, gsize len, const char *display_name, GError **error)
{
  static const guint8 empty[1] = { 0 };
  gboolean starts_like_zip = len >= 4 && memcmp (data, ZIP_MAGIC, 4) == 0;

  zip_error_t zip_error;
  zip_error_init (&zip_error);
  /* libzip wants a pointer even for no bytes. freep = 0: the data stays the caller's. */
  zip_source_t *source = zip_source_buffer_create (len > 0 ? data : empty, len, 0, &zip_error);
  if (source == NULL)
    {
      set_open_error (error, display_name, &zip_error, starts_like_zip);
      zip_error_fini (&zip_error);
      return NULL;
    }
  zip_error_fini (&zip_error);
  return open_source (source, display_name, starts_like_zip, error);
}

gboolean
iku_book_zip_has_encrypted_streams (IkuBookZip *zip)
{
  g_return_val_if_fail (zip != NULL, FALSE);

  zip_int64_t index = zip_name_locate (zip->archive, MANIFEST_NAME, 0);
  if (index < 0)
    return FALSE;
  zip_file_t *file = zip_fopen_index (zip->archive, (zip_uint64_t) index, 0);
  if (file == NULL)
    return FALSE;

  /* A plain search, not a parse: the manifest only decides which message a
   * file that is already unreadable gets. */
  g_autofree char *text = g_malloc (IKU_BOOK_MAX_MANIFEST_BYTES + 1);
  gsize len = 0;
  while (len < IKU_BOOK_MAX_MANIFEST_BYTES)
    {
      zip_int64_t n = zip_fread (file, text + len, IKU_BOOK_MAX_MANIFEST_BYTES - len);
      if (n <= 0)
        break;
      len += (gsize) n;
    }
  zip_fclose (file);
  text[len] = '\0';
  return g_strstr_len (text, (gssize) len, "encryption-data") != NULL;
}

static void
set_too_large (GError **error, const char *display_name, guint64 max_bytes)
{
  g_autofree char *size = g_format_size (max_bytes);
  g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_TOO_LARGE,
               "Filen »%s« er for stor: regnearkets indhold fylder mere end %s udpakket. "
               "Kontrollér at det er det rigtige skema.",
               display_name, size);
}

void
iku_book_stream_free (IkuBookStream *stream)
{
  if (stream == NULL)
    return;
  zip_fclose (stream->file);
  g_free (stream->display_name);
  g_free (stream->member);
  g_free (stream);
}

gboolean
iku_book_zip_has_member (IkuBookZip *zip, const char *name)
{
  g_return_val_if_fail (zip != NULL && name != NULL, FALSE);
  return zip_name_locate (zip->archive, name, 0) >= 0;
}

IkuBookStream *
iku_book_zip_open_member (IkuBookZip *zip, const char *name, guint64 max_bytes, GError **error)
{
  g_return_val_if_fail (zip != NULL && name != NULL, NULL);

  const char *display_name = zip->display_name;
  zip_int64_t index = zip_name_locate (zip->archive, name, 0);
  if (index < 0)
    {
      iku_book_error_set_corrupt (error, display_name, "%s mangler i zip-arkivet", name);
      return NULL;
    }

  /* What the directory says it inflates to: a bomb that declares its size is
   * refused before a byte is inflated; one that lies meets the count in
   * iku_book_stream_read. */
  zip_stat_t st;
  zip_stat_init (&st);
  if (zip_stat_index (zip->archive, (zip_uint64_t) index, 0, &st) == 0
      && (st.valid & ZIP_STAT_SIZE) != 0 && st.size > max_bytes)
    {
      set_too_large (error, display_name, max_bytes);
      return NULL;
    }

  zip_file_t *file = zip_fopen_index (zip->archive, (zip_uint64_t) index, 0);
  if (file == NULL)
    {
      switch (zip_error_code_zip (zip_get_error (zip->archive)))
        {
        case ZIP_ER_NOPASSWD:
        case ZIP_ER_WRONGPASSWD:
        case ZIP_ER_ENCRNOTSUPP:
          iku_book_error_set_encrypted (error, display_name);
          break;
        case ZIP_ER_COMPNOTSUPP:
          iku_book_error_set_corrupt (error, display_name,
                                      "%s er pakket med en metode, ikuflet ikke kender", name);
          break;
        default:
          iku_book_error_set_corrupt (error, display_name, "%s kan ikke pakkes ud", name);
          break;
        }
      return NULL;
    }

  IkuBookStream *stream = g_new0 (IkuBookStream, 1);
  stream->file = file;
  stream->display_name = g_strdup (display_name);
  stream->member = g_strdup (name);
  stream->max_bytes = max_bytes;
  return stream;
}

gssize
iku_book_stream_read (IkuBookStream *stream, guint8 *buffer, gsize len, GError **error)
{
  g_return_val_if_fail (stream != NULL, -1);

  zip_int64_t n = zip_fread (stream->file, buffer, len);
  if (n < 0)
    {
      zip_error_t *zip_error = zip_file_get_error (stream->file);
      int code = zip_error_code_zip (zip_error);
      if ((code == ZIP_ER_READ || code == ZIP_ER_SEEK) && zip_error_code_system (zip_error) != 0)
        g_set_error (error, IKU_BOOK_ERROR, IKU_BOOK_ERROR_UNREADABLE,
                     "Filen »%s« kunne ikke læses: %s. "
                     "Kontrollér at filen findes, og at du har adgang til den.",
                     stream->display_name, iku_system_error_text (zip_error_code_system (zip_error)));
      else if (code == ZIP_ER_CRC)
        iku_book_error_set_corrupt (error, stream->display_name, "kontrolsummen for %s passer ikke",
                                    stream->member);
      else
        iku_book_error_set_corrupt (error, stream->display_name, "%s kan ikke pakkes ud",
                                    stream->member);
      return -1;
    }

  stream->n_read += (guint64) n;
  if (stream->n_read > stream->max_bytes)
    {
      set_too_large (error, stream->display_name, stream->max_bytes);
      return -1;
    }
  return (gssize) n;
}

guint64
iku_book_stream_get_n_read (const IkuBookStream *stream)
{
  g_return_val_if_fail (stream != NULL, 0);
  return stream->n_read;
}
