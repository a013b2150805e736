/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuLogo: PNG and JPEG logos checked before use (format, size, pixels,
 * damage), and the logo and organisation at the top of page 1 of a layout. */
#include "iku-layout-private.h"
#include "iku-logo.h"
#include "iku-resources.h"
#include "iku-test-util.h"

#include <string.h>
#include <zlib.h>

static void
put_u32 (GByteArray *a, guint32 v)
{
  guint8 b[4] = { v >> 24, (v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF };
  g_byte_array_append (a, b, 4);
}

static void
put_chunk (GByteArray *a, const char *kind, const guint8 *data, gsize len, gboolean crc_ok)
{
  put_u32 (a, (guint32) len);
  guint start = a->len;
  g_byte_array_append (a, (const guint8 *) kind, 4);
  if (len > 0)
    g_byte_array_append (a, data, (guint) len);
  uLong crc = crc32 (0L, a->data + start, (uInt) (len + 4));
  put_u32 (a, (guint32) crc ^ (crc_ok ? 0u : 1u));
}

/* A PNG of @width × @height 8-bit pixels of @color_type (0 gray, 2 RGB, 4 gray
 * and alpha, 6 RGBA); @alpha is every pixel's alpha; @height_claimed may
 * exceed the rows written. */
static GBytes *
make_png (guint width, guint height, guint height_claimed, guint8 color_type, guint8 alpha,
          gboolean crc_ok)
{
  guint channels = color_type == 0 ? 1 : color_type == 2 ? 3 : color_type == 4 ? 2 : 4;
  GByteArray *raw = g_byte_array_new ();
  for (guint y = 0; y < height; y++)
    {
      guint8 filter = 0;
      g_byte_array_append (raw, &filter, 1);
      for (guint x = 0; x < width; x++)
        for (guint c = 0; c < channels; c++)
          {
            gboolean is_alpha = (color_type == 4 && c == 1) || (color_type == 6 && c == 3);
            guint8 v = is_alpha ? alpha : (guint8) ((x * 7 + y * 3 + c * 60) & 0xFF);
            g_byte_array_append (raw, &v, 1);
          }
    }
  uLongf packed_len = compressBound (raw->len);
  g_autofree guint8 *packed = g_malloc (packed_len);
  g_assert_cmpint (compress (packed, &packed_len, raw->data, raw->len), ==, Z_OK);
  g_byte_array_unref (raw);

  GByteArray *png = g_byte_array_new ();
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
  g_byte_array_append (png, signature, 8);
  GByteArray *ihdr = g_byte_array_new ();
  put_u32 (ihdr, width);
  put_u32 (ihdr, height_claimed);
  guint8 rest[5] = { 8, color_type, 0, 0, 0 };
  g_byte_array_append (ihdr, rest, 5);
  put_chunk (png, "IHDR", ihdr->data, ihdr->len, TRUE);
  g_byte_array_unref (ihdr);
  put_chunk (png, "IDAT", packed, packed_len, crc_ok);
  put_chunk (png, "IEND", NULL, 0, TRUE);
  return g_byte_array_free_to_bytes (png);
}

static IkuLogo *
logo_from (GBytes *bytes, GError **error)
{
  gsize len = 0;
  const guint8 *data = g_bytes_get_data (bytes, &len);
  return iku_logo_new_from_data (data, len, "logo.png", error);
}

static void
expect_error (GBytes *bytes, gint code, const char *needle)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuLogo) logo = logo_from (bytes, &error);
  g_assert_null (logo);
  g_assert_error (error, IKU_LOGO_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "logo.png"));
  if (needle != NULL)
    g_assert_nonnull (strstr (error->message, needle));
}

static void
test_png_kinds (void)
{
  struct { guint8 type; guint8 alpha; guint components; gboolean mask; } cases[] = {
    { 0, 0, 1, FALSE }, { 2, 0, 3, FALSE }, { 4, 128, 1, TRUE }, { 6, 10, 3, TRUE },
    { 6, 255, 3, FALSE },   /* an alpha that is opaque everywhere is dropped */
  };
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) bytes = make_png (30, 20, 20, cases[i].type, cases[i].alpha, TRUE);
      g_autoptr(GError) error = NULL;
      g_autoptr(IkuLogo) logo = logo_from (bytes, &error);
      g_assert_no_error (error);
      g_assert_cmpint (iku_logo_get_format (logo), ==, IKU_LOGO_PNG);
      g_assert_cmpuint (iku_logo_get_width (logo), ==, 30);
      g_assert_cmpuint (iku_logo_get_height (logo), ==, 20);
      g_assert_cmpuint (iku_logo_get_components (logo), ==, cases[i].components);
      g_assert_true ((iku_logo_get_alpha (logo) != NULL) == cases[i].mask);
      /* The samples, Flate-compressed, unpack to exactly one image. */
      gsize len = 0;
      const guint8 *packed = g_bytes_get_data (iku_logo_get_data (logo), &len);
      uLongf size = 30 * 20 * cases[i].components + 1;
      g_autofree guint8 *samples = g_malloc (size);
      g_assert_cmpint (uncompress (samples, &size, packed, len), ==, Z_OK);
      g_assert_cmpuint (size, ==, 30 * 20 * cases[i].components);
    }
}

static void
test_bad_pngs (void)
{
  g_autoptr(GBytes) good = make_png (60, 40, 40, 6, 100, TRUE);
  gsize len = g_bytes_get_size (good);
  for (gsize cut = 8; cut < len; cut += len / 9)
    {
      g_autoptr(GBytes) cut_off = g_bytes_new_from_bytes (good, 0, cut);
      expect_error (cut_off, IKU_LOGO_ERROR_BROKEN, "PNG");
    }
  g_autoptr(GBytes) crc = make_png (20, 20, 20, 2, 0, FALSE);
  expect_error (crc, IKU_LOGO_ERROR_BROKEN, "ødelagt");
  /* Rows missing for the height it claims. */
  g_autoptr(GBytes) short_rows = make_png (20, 10, 20, 2, 0, TRUE);
  expect_error (short_rows, IKU_LOGO_ERROR_BROKEN, NULL);
  g_autoptr(GBytes) huge = make_png (4, 4, 20000, 2, 0, TRUE);
  expect_error (huge, IKU_LOGO_ERROR_TOO_BIG, "× 20000");
  g_autoptr(GBytes) wide = make_png (IKU_LOGO_MAX_PIXELS + 1, 1, 1, 0, 0, TRUE);
  expect_error (wide, IKU_LOGO_ERROR_TOO_BIG, "3001 × 1");
  g_autoptr(GBytes) edge = make_png (IKU_LOGO_MAX_PIXELS, 1, 1, 0, 0, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuLogo) fits = logo_from (edge, &error);
  g_assert_no_error (error);
}

static void
test_not_images (void)
{
  g_autoptr(GBytes) text = g_bytes_new_static ("Det her er en tekst.\n", 21);
  expect_error (text, IKU_LOGO_ERROR_FORMAT, "hverken en PNG- eller en JPEG-fil");
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  expect_error (empty, IKU_LOGO_ERROR_FORMAT, NULL);
  g_autoptr(GBytes) signature = g_bytes_new_static ("\x89PNG\r\n\x1a\n", 8);
  expect_error (signature, IKU_LOGO_ERROR_BROKEN, NULL);
  g_autoptr(GBytes) gif = g_bytes_new_static ("GIF89a\x01\x00\x01\x00", 10);
  expect_error (gif, IKU_LOGO_ERROR_FORMAT, NULL);
  /* Over the file size limit, whatever is in it. */
  gsize big = IKU_LOGO_MAX_BYTES + 1;
  g_autofree guint8 *zeros = g_malloc0 (big);
  g_autoptr(GError) error = NULL;
  g_assert_null (iku_logo_new_from_data (zeros, big, "stort.png", &error));
  g_assert_error (error, IKU_LOGO_ERROR, IKU_LOGO_ERROR_TOO_BIG);
  g_assert_nonnull (strstr (error->message, "5 MB"));
}

/* A JPEG's segments: SOI, APP14 "Adobe" when @adobe, a frame header, a scan
 * header, some entropy-coded bytes (with a stuffed 0xFF00 and a restart
 * marker) and EOI unless @cut. */
static GBytes *
make_jpeg (guint8 sof, guint width, guint height, guint8 components, guint8 precision,
           gboolean adobe, gboolean cut)
{
  GByteArray *a = g_byte_array_new ();
  static const guint8 soi[] = { 0xFF, 0xD8 };
  g_byte_array_append (a, soi, 2);
  if (adobe)
    {
      static const guint8 app14[] = { 0xFF, 0xEE, 0x00, 0x0E, 'A', 'd', 'o', 'b', 'e',
                                      0, 100, 0, 0, 0, 0, 2 };
      g_byte_array_append (a, app14, sizeof app14);
    }
  guint8 frame[] = { 0xFF, sof, 0x00, (guint8) (8 + 3 * components), precision,
                     (guint8) (height >> 8), (guint8) height, (guint8) (width >> 8),
                     (guint8) width, components };
  g_byte_array_append (a, frame, sizeof frame);
  for (guint8 c = 0; c < components; c++)
    {
      guint8 spec[] = { (guint8) (c + 1), 0x11, 0 };
      g_byte_array_append (a, spec, 3);
    }
  static const guint8 sos[] = { 0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00 };
  g_byte_array_append (a, sos, sizeof sos);
  static const guint8 scan[] = { 0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD0, 0x78 };
  g_byte_array_append (a, scan, sizeof scan);
  if (!cut)
    {
      static const guint8 eoi[] = { 0xFF, 0xD9 };
      g_byte_array_append (a, eoi, 2);
    }
  return g_byte_array_free_to_bytes (a);
}

static void
test_jpegs (void)
{
  struct { guint8 sof; guint8 comps; gboolean adobe; gboolean inverted; } good[] = {
    { 0xC0, 3, FALSE, FALSE }, { 0xC1, 1, FALSE, FALSE }, { 0xC2, 3, FALSE, FALSE },
    { 0xC0, 4, TRUE, TRUE }, { 0xC0, 4, FALSE, FALSE }, { 0xC0, 3, TRUE, FALSE },
  };
  for (gsize i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GBytes) bytes = make_jpeg (good[i].sof, 640, 200, good[i].comps, 8,
                                           good[i].adobe, FALSE);
      g_autoptr(GError) error = NULL;
      g_autoptr(IkuLogo) logo = logo_from (bytes, &error);
      g_assert_no_error (error);
      g_assert_cmpint (iku_logo_get_format (logo), ==, IKU_LOGO_JPEG);
      g_assert_cmpuint (iku_logo_get_width (logo), ==, 640);
      g_assert_cmpuint (iku_logo_get_height (logo), ==, 200);
      g_assert_cmpuint (iku_logo_get_components (logo), ==, good[i].comps);
      g_assert_true (iku_logo_is_inverted (logo) == good[i].inverted);
      g_assert_true (g_bytes_equal (iku_logo_get_data (logo), bytes));
      g_assert_null (iku_logo_get_alpha (logo));
    }
  g_autoptr(GBytes) cut = make_jpeg (0xC0, 64, 64, 3, 8, FALSE, TRUE);
  expect_error (cut, IKU_LOGO_ERROR_BROKEN, "afkortet JPEG");
  g_autoptr(GBytes) full = make_jpeg (0xC0, 64, 64, 3, 8, FALSE, FALSE);
  for (gsize n = 3; n < g_bytes_get_size (full) - 1; n++)
    {
      g_autoptr(GBytes) part = g_bytes_new_from_bytes (full, 0, n);
      expect_error (part, IKU_LOGO_ERROR_BROKEN, NULL);
    }
  g_autoptr(GBytes) arithmetic = make_jpeg (0xC9, 64, 64, 3, 8, FALSE, FALSE);
  expect_error (arithmetic, IKU_LOGO_ERROR_FORMAT, "aritmetisk");
  g_autoptr(GBytes) twelve = make_jpeg (0xC1, 64, 64, 3, 12, FALSE, FALSE);
  expect_error (twelve, IKU_LOGO_ERROR_FORMAT, "12 bit");
  g_autoptr(GBytes) two = make_jpeg (0xC0, 64, 64, 2, 8, FALSE, FALSE);
  expect_error (two, IKU_LOGO_ERROR_FORMAT, "2 farvekanaler");
  g_autoptr(GBytes) huge = make_jpeg (0xC0, 20000, 20000, 3, 8, FALSE, FALSE);
  expect_error (huge, IKU_LOGO_ERROR_TOO_BIG, "20000 × 20000");
  g_autoptr(GBytes) none = make_jpeg (0xC0, 0, 64, 3, 8, FALSE, FALSE);
  expect_error (none, IKU_LOGO_ERROR_FORMAT, NULL);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_assert_null (iku_logo_new_from_file ("/nonexistent/logo.png", &error));
  g_assert_error (error, IKU_LOGO_ERROR, IKU_LOGO_ERROR_UNREADABLE);
  g_assert_nonnull (strstr (error->message, "/nonexistent/logo.png"));
}

/* The first op of @kind on page 1, or NULL. */
static const IkuDrawOp *
find_op (const IkuLayout *layout, IkuDrawKind kind, const char *text)
{
  guint n = 0;
  const IkuDrawOp *ops = iku_layout_get_page_ops (layout, 0, &n);
  for (guint i = 0; i < n; i++)
    if (ops[i].kind == kind && (text == NULL || g_strcmp0 (ops[i].text, text) == 0))
      return &ops[i];
  return NULL;
}

/* The same, which must be there. */
static const IkuDrawOp *
get_op (const IkuLayout *layout, IkuDrawKind kind, const char *text)
{
  const IkuDrawOp *op = find_op (layout, kind, text);
  if (op == NULL)
    g_error ("no draw op of kind %d with text %s", kind, text != NULL ? text : "(any)");
  return op;
}

static void
assert_size (const IkuDrawOp *op, double width, double height)
{
  g_assert_nonnull (op);
  if (op == NULL)
    return;
  g_assert_cmpfloat_with_epsilon (op->x2 - op->x, width, 0.01);
  g_assert_cmpfloat_with_epsilon (op->y2 - op->y, height, 0.01);
}

static void
test_masthead_layout (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IkuResources) res = iku_resources_new_from_dir (g_getenv ("IKUFLET_DATA_DIR"), &error);
  g_assert_no_error (error);
  const IkuWording *wording = iku_resources_get_wording (res);
  g_autoptr(IkuSchema) schema = iku_test_schema_new ("Navn|Individuelt fokus|Teamfokus\nAnne|Kursus|");
  g_autoptr(GBytes) wide = make_png (300, 100, 100, 2, 0, TRUE);
  g_autoptr(IkuLogo) logo = logo_from (wide, &error);
  g_assert_no_error (error);

  g_autoptr(IkuLayout) plain = iku_layout_new (schema, 0, NULL, wording, &error);
  g_assert_no_error (error);
  g_assert_null (find_op (plain, IKU_DRAW_IMAGE, NULL));
  g_assert_null (iku_layout_get_logo (plain));
  const IkuDrawOp *plain_title = get_op (plain, IKU_DRAW_TEXT, "Individuel kompetenceudviklingsplan (IKU)");
  g_assert_nonnull (plain_title);

  g_autoptr(IkuLayout) l = iku_layout_new_with_header (schema, 0, NULL, wording, "Randers Kommune",
                                                       logo, &error);
  g_assert_no_error (error);
  g_assert_true (iku_layout_get_logo (l) == logo);
  const IkuDrawOp *image = get_op (l, IKU_DRAW_IMAGE, NULL);
  const IkuDrawOp *org = get_op (l, IKU_DRAW_TEXT, "Randers Kommune");
  const IkuDrawOp *title = get_op (l, IKU_DRAW_TEXT, "Individuel kompetenceudviklingsplan (IKU)");
  g_assert_nonnull (image);
  g_assert_nonnull (org);
  g_assert_nonnull (title);
  /* 300 × 100 into 170 × 56: 168 × 56, aspect kept, at the top right. */
  assert_size (image, 168.0, 56.0);
  g_assert_cmpfloat_with_epsilon (image->x2, IKU_LAYOUT_PAGE_WIDTH - 70.0, 0.01);
  g_assert_cmpfloat (image->y2, <=, IKU_LAYOUT_PAGE_HEIGHT - 60.0);
  /* The name beside it, the title below both. */
  g_assert_cmpfloat (org->x, <, image->x);
  g_assert_cmpfloat (org->y, >, image->y);
  g_assert_cmpfloat (org->y, <, image->y2);
  g_assert_cmpfloat (title->y, <, image->y);
  g_assert_cmpfloat (title->y, <, plain_title->y);
  /* The Figure with its alternative text, after the name in reading order. */
  guint n = 0;
  const IkuLayoutElement *elements = iku_layout_get_elements (l, &n);
  g_assert_cmpint (elements[image->element].role, ==, IKU_TAG_FIGURE);
  g_assert_cmpstr (elements[image->element].alt, ==, "Randers Kommune");
  g_assert_cmpint (elements[org->element].role, ==, IKU_TAG_P);
  g_assert_cmpint (org->element, <, image->element);

  /* A tall logo keeps its aspect too; without an organisation its text is "Logo". */
  g_autoptr(GBytes) tall = make_png (20, 200, 200, 0, 0, TRUE);
  g_autoptr(IkuLogo) tall_logo = logo_from (tall, &error);
  g_assert_no_error (error);
  g_autoptr(IkuLayout) t = iku_layout_new_team_plan_with_header (schema, NULL, wording, NULL,
                                                                 tall_logo, &error);
  g_assert_no_error (error);
  image = get_op (t, IKU_DRAW_IMAGE, NULL);
  assert_size (image, 5.6, 56.0);
  elements = iku_layout_get_elements (t, &n);
  g_assert_cmpstr (elements[image->element].alt, ==, "Logo");

  /* An organisation too long to stand beside the logo goes under it. */
  g_autofree char *long_org = g_strjoinv (" ", (char *[]) { "Den", "Selvejende", "Institution",
                                                             "for", "Ældreomsorg", "og",
                                                             "Hjemmepleje", "i", "Østjylland", NULL });
  g_autoptr(IkuLayout) u = iku_layout_new_with_header (schema, 0, NULL, wording, long_org, logo,
                                                       &error);
  g_assert_no_error (error);
  image = get_op (u, IKU_DRAW_IMAGE, NULL);
  org = get_op (u, IKU_DRAW_TEXT, long_org);
  g_assert_nonnull (image);
  g_assert_nonnull (org);
  g_assert_cmpfloat (org->y, <, image->y);
  /* Only the organisation: a line above the title, no image. */
  g_autoptr(IkuLayout) v = iku_layout_new_with_header (schema, 0, NULL, wording, "Randers Kommune",
                                                       NULL, &error);
  g_assert_no_error (error);
  g_assert_null (find_op (v, IKU_DRAW_IMAGE, NULL));
  org = get_op (v, IKU_DRAW_TEXT, "Randers Kommune");
  title = get_op (v, IKU_DRAW_TEXT, "Individuel kompetenceudviklingsplan (IKU)");
  g_assert_nonnull (org);
  g_assert_nonnull (title);
  g_assert_cmpfloat (org->y, >, title->y);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/logo/png-kinds", test_png_kinds);
  g_test_add_func ("/logo/bad-pngs", test_bad_pngs);
  g_test_add_func ("/logo/not-images", test_not_images);
  g_test_add_func ("/logo/jpegs", test_jpegs);
  g_test_add_func ("/logo/missing-file", test_missing_file);
  g_test_add_func ("/logo/masthead-layout", test_masthead_layout);
  return g_test_run ();
}
