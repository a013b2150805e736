/* SPDX-License-Identifier: GPL-3.0-or-later
 * IkuFontFile: TrueType reading and subsetting; see iku-font-subset.h. Every read
 * is bounds-checked against the table it belongs to: a truncated or odd file is
 * refused when it is opened or subset, never read past. */
#include "iku-font-subset.h"

#include <string.h>

G_DEFINE_QUARK (iku-font-subset-error-quark, iku_font_subset_error)

/* Composite glyph flags (OpenType glyf table). */
#define ARG_1_AND_2_ARE_WORDS    0x0001
#define WE_HAVE_A_SCALE          0x0008
#define MORE_COMPONENTS          0x0020
#define WE_HAVE_AN_X_AND_Y_SCALE 0x0040
#define WE_HAVE_A_TWO_BY_TWO     0x0080

/* Components of components are rare; this bounds a cycle in a broken font. */
#define MAX_SUBSET_GLYPHS 2048u

typedef struct {
  const guint8 *data;
  guint32       len;
} Table;

enum { T_OS2, T_CMAP, T_GLYF, T_HEAD, T_HHEA, T_HMTX, T_LOCA, T_MAXP, T_NAME, T_POST, N_TABLES };

/* In the order of the table directory (sorted by tag). */
static const char table_tags[N_TABLES][5] = {
  "OS/2", "cmap", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "post",
};

struct _IkuFontFile
{
  GBytes     *bytes;
  Table       tables[N_TABLES];
  guint       n_glyphs;
  guint       n_hmetrics;
  gboolean    long_loca;
  GHashTable *cmap;   /* code point -> glyph */
};

static guint16
get16 (const guint8 *p)
{
  return (guint16) ((p[0] << 8) | p[1]);
}

static guint32
get32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static gboolean
invalid (GError **error, const char *what)
{
  g_set_error (error, IKU_FONT_SUBSET_ERROR, IKU_FONT_SUBSET_ERROR_INVALID,
               "Skrifttypen kan ikke bruges (%s). Installer ikuflet igen.", what);
  return FALSE;
}

/* ---- Reading ---- */

static gboolean
read_directory (IkuFontFile *font, const guint8 *data, gsize len, GError **error)
{
  if (len < 12)
    return invalid (error, "for kort");
  guint n = get16 (data + 4);
  if (12 + 16 * (gsize) n > len)
    return invalid (error, "tabeloversigt");
  for (guint i = 0; i < n; i++)
    {
      const guint8 *record = data + 12 + 16 * i;
      guint32 offset = get32 (record + 8);
      guint32 length = get32 (record + 12);
      for (guint t = 0; t < N_TABLES; t++)
        if (memcmp (record, table_tags[t], 4) == 0)
          {
            if (offset > len || length > len - offset)
              return invalid (error, table_tags[t]);
            font->tables[t] = (Table) { data + offset, length };
          }
    }
  for (guint t = 0; t < N_TABLES; t++)
    if (font->tables[t].data == NULL)
      return invalid (error, table_tags[t]);
  return TRUE;
}

/* The (3,1) format 4 cmap into font->cmap. */
static gboolean
read_cmap (IkuFontFile *font, GError **error)
{
  const Table *t = &font->tables[T_CMAP];
  if (t->len < 4)
    return invalid (error, "cmap");
  guint n = get16 (t->data + 2);
  const guint8 *sub = NULL;
  guint32 sub_len = 0;
  for (guint i = 0; i < n && 4 + 8 * (gsize) (i + 1) <= t->len; i++)
    {
      const guint8 *record = t->data + 4 + 8 * i;
      guint32 offset = get32 (record + 4);
      if (get16 (record) == 3 && get16 (record + 2) == 1 && (gsize) offset + 14 <= t->len
          && get16 (t->data + offset) == 4)
        {
          sub = t->data + offset;
          sub_len = MIN (get16 (sub + 2), t->len - offset);
        }
    }
  if (sub == NULL)
    return invalid (error, "ingen Unicode-cmap");
  guint segs = get16 (sub + 6) / 2;
  if (16 + 8 * (gsize) segs > sub_len)
    return invalid (error, "cmap-segmenter");
  const guint8 *ends = sub + 14, *starts = ends + 2 * segs + 2;
  const guint8 *deltas = starts + 2 * segs, *ranges = deltas + 2 * segs;
  /* A format 4 cmap maps each of the 65,535 codes once at most. */
  guint budget = 0xFFFF;
  for (guint s = 0; s < segs; s++)
    {
      guint start = get16 (starts + 2 * s), end = get16 (ends + 2 * s);
      guint delta = get16 (deltas + 2 * s), range = get16 (ranges + 2 * s);
      for (guint c = start; c <= end && c != 0xFFFF; c++)
        {
          if (budget-- == 0)
            return invalid (error, "cmap-segmenter overlapper");
          guint glyph;
          if (range == 0)
            glyph = (c + delta) & 0xFFFF;
          else
            {
              gsize at = (gsize) (ranges + 2 * s - sub) + range + 2 * (gsize) (c - start);
              if (at + 2 > sub_len)
                return invalid (error, "cmap-glyfliste");
              glyph = get16 (sub + at);
              if (glyph != 0)
                glyph = (glyph + delta) & 0xFFFF;
            }
          if (glyph != 0 && glyph < font->n_glyphs)
            g_hash_table_insert (font->cmap, GUINT_TO_POINTER (c), GUINT_TO_POINTER (glyph));
        }
    }
  return TRUE;
}

/* The bytes of glyph @gid in glyf, or FALSE when loca points outside it. */
static gboolean
glyph_range (const IkuFontFile *font, guint gid, guint32 *start, guint32 *end)
{
  const Table *loca = &font->tables[T_LOCA];
  if (font->long_loca)
    {
      *start = get32 (loca->data + 4 * gid);
      *end = get32 (loca->data + 4 * (gid + 1));
    }
  else
    {
      *start = 2u * get16 (loca->data + 2 * gid);
      *end = 2u * get16 (loca->data + 2 * (gid + 1));
    }
  return *start <= *end && *end <= font->tables[T_GLYF].len;
}

IkuFontFile *
iku_font_file_new (GBytes *data, GError **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_autoptr(IkuFontFile) font = g_new0 (IkuFontFile, 1);
  font->bytes = g_bytes_ref (data);
  font->cmap = g_hash_table_new (NULL, NULL);
  gsize len = 0;
  const guint8 *bytes = g_bytes_get_data (data, &len);
  if (!read_directory (font, bytes, len, error))
    return NULL;

  const Table *head = &font->tables[T_HEAD], *hhea = &font->tables[T_HHEA];
  const Table *maxp = &font->tables[T_MAXP], *post = &font->tables[T_POST];
  if (head->len < 54 || hhea->len < 36 || maxp->len < 6 || post->len < 32)
    return invalid (error, "head/hhea/maxp/post"), NULL;
  font->long_loca = get16 (head->data + 50) == 1;
  font->n_glyphs = get16 (maxp->data + 4);
  font->n_hmetrics = get16 (hhea->data + 34);
  if (font->n_glyphs == 0 || font->n_hmetrics == 0 || font->n_hmetrics > font->n_glyphs
      || font->tables[T_HMTX].len < 4 * font->n_hmetrics + 2 * (font->n_glyphs - font->n_hmetrics)
      || font->tables[T_LOCA].len < (font->long_loca ? 4u : 2u) * (font->n_glyphs + 1))
    return invalid (error, "glyfantal"), NULL;
  if (!read_cmap (font, error))
    return NULL;
  return g_steal_pointer (&font);
}

void
iku_font_file_free (IkuFontFile *font)
{
  if (font == NULL)
    return;
  g_clear_pointer (&font->cmap, g_hash_table_unref);
  g_clear_pointer (&font->bytes, g_bytes_unref);
  g_free (font);
}

guint
iku_font_file_glyph (const IkuFontFile *font, gunichar c)
{
  g_return_val_if_fail (font != NULL, 0);
  return GPOINTER_TO_UINT (g_hash_table_lookup (font->cmap, GUINT_TO_POINTER (c)));
}

void
iku_font_file_get_metrics (const IkuFontFile *font, IkuFontFileMetrics *m)
{
  g_return_if_fail (font != NULL && m != NULL);
  const guint8 *head = font->tables[T_HEAD].data, *hhea = font->tables[T_HHEA].data;
  const Table *os2 = &font->tables[T_OS2];
  m->units_per_em = MAX (get16 (head + 18), 16);
  m->x_min = (gint16) get16 (head + 36);
  m->y_min = (gint16) get16 (head + 38);
  m->x_max = (gint16) get16 (head + 40);
  m->y_max = (gint16) get16 (head + 42);
  m->ascent = (gint16) get16 (hhea + 4);
  m->descent = (gint16) get16 (hhea + 6);
  m->cap_height = os2->len >= 90 && get16 (os2->data) >= 2 ? (gint16) get16 (os2->data + 88)
                                                            : m->ascent * 7 / 10;
  m->italic_angle = (gint32) get32 (font->tables[T_POST].data + 4) / 65536.0;
}

guint
iku_font_file_advance (const IkuFontFile *font, gunichar c)
{
  g_return_val_if_fail (font != NULL, 0);
  guint gid = iku_font_file_glyph (font, c);
  guint nh = font->n_hmetrics;
  return get16 (font->tables[T_HMTX].data + 4 * MIN (gid, nh - 1));
}

/* ---- Writing ---- */

static void
put16 (GByteArray *out, guint v)
{
  guint8 b[2] = { (guint8) (v >> 8), (guint8) v };
  g_byte_array_append (out, b, 2);
}

static void
put32 (GByteArray *out, guint32 v)
{
  guint8 b[4] = { (guint8) (v >> 24), (guint8) (v >> 16), (guint8) (v >> 8), (guint8) v };
  g_byte_array_append (out, b, 4);
}

static void
set16 (GByteArray *out, gsize at, guint v)
{
  out->data[at] = (guint8) (v >> 8);
  out->data[at + 1] = (guint8) v;
}

static void
set32 (GByteArray *out, gsize at, guint32 v)
{
  set16 (out, at, v >> 16);
  set16 (out, at + 2, v & 0xFFFF);
}

/* The glyphs of a subset: new glyph id -> old, and back. */
typedef struct {
  GArray     *old_ids;   /* of guint */
  GHashTable *new_ids;   /* old -> new + 1 */
} GlyphMap;

static guint
glyph_map_add (GlyphMap *map, guint old)
{
  guint found = GPOINTER_TO_UINT (g_hash_table_lookup (map->new_ids, GUINT_TO_POINTER (old)));
  if (found != 0)
    return found - 1;
  g_array_append_val (map->old_ids, old);
  g_hash_table_insert (map->new_ids, GUINT_TO_POINTER (old), GUINT_TO_POINTER (map->old_ids->len));
  return map->old_ids->len - 1;
}

/* Walks the components of the composite glyph at @g (@len bytes). With @map
 * NULL only checks it; else with @out, rewrites their glyph ids at @out_at, and
 * without, adds them to @map. */
static gboolean
walk_components (const IkuFontFile *font, const guint8 *g, guint32 len, GlyphMap *map,
                 GByteArray *out, gsize out_at)
{
  for (guint32 p = 10;;)
    {
      if (p + 4 > len)
        return FALSE;
      guint flags = get16 (g + p);
      guint old = get16 (g + p + 2);
      if (old >= font->n_glyphs)
        return FALSE;
      if (out != NULL)
        set16 (out, out_at + p + 2, glyph_map_add (map, old));
      else if (map != NULL)
        glyph_map_add (map, old);
      p += 4 + ((flags & ARG_1_AND_2_ARE_WORDS) ? 4 : 2);
      if (flags & WE_HAVE_A_SCALE)
        p += 2;
      else if (flags & WE_HAVE_AN_X_AND_Y_SCALE)
        p += 4;
      else if (flags & WE_HAVE_A_TWO_BY_TWO)
        p += 8;
      if (!(flags & MORE_COMPONENTS))
        return p <= len;
    }
}

static gboolean
is_composite (const guint8 *g, guint32 len)
{
  return len >= 10 && (gint16) get16 (g) < 0;
}

/* glyf and loca (long offsets) of the glyphs of @map, components remapped. */
static gboolean
write_glyphs (const IkuFontFile *font, GlyphMap *map, GByteArray *glyf, GByteArray *loca)
{
  const guint8 *base = font->tables[T_GLYF].data;
  for (guint i = 0; i < map->old_ids->len; i++)
    {
      guint32 start = 0, end = 0;
      if (!glyph_range (font, g_array_index (map->old_ids, guint, i), &start, &end))
        return FALSE;
      put32 (loca, glyf->len);
      gsize at = glyf->len;
      g_byte_array_append (glyf, base + start, end - start);
      /* Adds no glyph: the closure was taken before. */
      if (is_composite (base + start, end - start)
          && !walk_components (font, base + start, end - start, map, glyf, at))
        return FALSE;
      while (glyf->len % 4 != 0)
        g_byte_array_append (glyf, (const guint8 *) "", 1);
    }
  put32 (loca, glyf->len);
  return TRUE;
}

static void
write_hmtx (const IkuFontFile *font, const GlyphMap *map, GByteArray *out)
{
  const guint8 *hmtx = font->tables[T_HMTX].data;
  guint nh = font->n_hmetrics;
  for (guint i = 0; i < map->old_ids->len; i++)
    {
      guint old = g_array_index (map->old_ids, guint, i);
      guint advance = get16 (hmtx + 4 * (old < nh ? old : nh - 1));
      const guint8 *lsb = old < nh ? hmtx + 4 * old + 2 : hmtx + 4 * nh + 2 * (old - nh);
      put16 (out, advance);
      put16 (out, get16 (lsb));
    }
}

/* A (3,1) format 4 cmap: runs of codes with consecutive glyphs share a segment. */
static void
write_cmap (const guint16 *codes, const guint *glyphs, guint n, GByteArray *out)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) ends = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) deltas = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < n;)
    {
      guint j = i + 1;
      while (j < n && codes[j] == codes[j - 1] + 1 && glyphs[j] == glyphs[j - 1] + 1)
        j++;
      guint start = codes[i], end = codes[j - 1], delta = (glyphs[i] - codes[i]) & 0xFFFF;
      g_array_append_val (starts, start);
      g_array_append_val (ends, end);
      g_array_append_val (deltas, delta);
      i = j;
    }
  guint last = 0xFFFF, one = 1;
  g_array_append_val (starts, last);
  g_array_append_val (ends, last);
  g_array_append_val (deltas, one);

  guint segs = starts->len;
  guint range = 2;
  while (range * 2 <= 2 * segs)
    range *= 2;
  guint selector = 0;
  while ((2u << selector) < range)
    selector++;
  put16 (out, 0);    /* version */
  put16 (out, 1);    /* one subtable */
  put16 (out, 3);
  put16 (out, 1);
  put32 (out, 12);
  put16 (out, 4);
  put16 (out, 16 + 8 * segs);
  put16 (out, 0);    /* language */
  put16 (out, 2 * segs);
  put16 (out, range);
  put16 (out, selector);
  put16 (out, 2 * segs - range);
  for (guint s = 0; s < segs; s++)
    put16 (out, g_array_index (ends, guint, s));
  put16 (out, 0);    /* reservedPad */
  for (guint s = 0; s < segs; s++)
    put16 (out, g_array_index (starts, guint, s));
  for (guint s = 0; s < segs; s++)
    put16 (out, g_array_index (deltas, guint, s));
  for (guint s = 0; s < segs; s++)
    put16 (out, 0);  /* idRangeOffset */
}

static guint32
checksum (const guint8 *data, gsize len)
{
  guint32 sum = 0;
  gsize i = 0;
  for (; i + 4 <= len; i += 4)
    sum += get32 (data + i);
  if (i < len)
    {
      guint8 word[4] = { 0, 0, 0, 0 };
      memcpy (word, data + i, len - i);
      sum += get32 (word);
    }
  return sum;
}

GBytes *
iku_font_file_subset (const IkuFontFile *font,
                      const gunichar    *chars,
                      const guint16     *codes,
                      guint              n,
                      GError           **error)
{
  g_return_val_if_fail (font != NULL, NULL);
  g_return_val_if_fail (n <= 256 && (n == 0 || (chars != NULL && codes != NULL)), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  GlyphMap map = { g_array_new (FALSE, FALSE, sizeof (guint)), g_hash_table_new (NULL, NULL) };
  guint glyphs[256];
  glyph_map_add (&map, 0);
  for (guint i = 0; i < n; i++)
    {
      g_return_val_if_fail (i == 0 || codes[i] > codes[i - 1], NULL);
      glyphs[i] = glyph_map_add (&map, iku_font_file_glyph (font, chars[i]));
    }
  gboolean ok = TRUE;
  /* The closure over components: the array grows while it is walked. */
  for (guint i = 0; ok && i < map.old_ids->len; i++)
    {
      guint32 start = 0, end = 0;
      const guint8 *base = font->tables[T_GLYF].data;
      ok = map.old_ids->len <= MAX_SUBSET_GLYPHS
           && glyph_range (font, g_array_index (map.old_ids, guint, i), &start, &end)
           && (!is_composite (base + start, end - start)
               || walk_components (font, base + start, end - start, &map, NULL, 0));
    }

  GByteArray *out[N_TABLES] = { NULL };
  for (guint t = 0; t < N_TABLES; t++)
    out[t] = g_byte_array_new ();
  ok = ok && write_glyphs (font, &map, out[T_GLYF], out[T_LOCA]);
  guint n_glyphs = map.old_ids->len;
  if (ok)
    {
      write_hmtx (font, &map, out[T_HMTX]);
      write_cmap (codes, glyphs, n, out[T_CMAP]);
      const guint copied[] = { T_OS2, T_HEAD, T_HHEA, T_MAXP, T_NAME };
      for (guint i = 0; i < G_N_ELEMENTS (copied); i++)
        g_byte_array_append (out[copied[i]], font->tables[copied[i]].data,
                             font->tables[copied[i]].len);
      g_byte_array_append (out[T_POST], font->tables[T_POST].data, 32);
      set32 (out[T_POST], 0, 0x00030000);   /* no glyph names */
      set32 (out[T_HEAD], 8, 0);            /* checkSumAdjustment, set below */
      set16 (out[T_HEAD], 50, 1);           /* long loca */
      set16 (out[T_HHEA], 34, n_glyphs);
      set16 (out[T_MAXP], 4, n_glyphs);
    }
  g_array_unref (map.old_ids);
  g_hash_table_unref (map.new_ids);

  GByteArray *file = NULL;
  if (ok)
    {
      file = g_byte_array_new ();
      put32 (file, 0x00010000);
      put16 (file, N_TABLES);
      put16 (file, 128);   /* searchRange for 10 tables: 16 * 8 */
      put16 (file, 3);
      put16 (file, N_TABLES * 16 - 128);
      guint32 offset = 12 + 16 * N_TABLES;
      for (guint t = 0; t < N_TABLES; t++)
        {
          g_byte_array_append (file, (const guint8 *) table_tags[t], 4);
          put32 (file, checksum (out[t]->data, out[t]->len));
          put32 (file, offset);
          put32 (file, out[t]->len);
          offset += (out[t]->len + 3) & ~3u;
        }
      gsize head_at = 0;
      for (guint t = 0; t < N_TABLES; t++)
        {
          if (t == T_HEAD)
            head_at = file->len;
          g_byte_array_append (file, out[t]->data, out[t]->len);
          while (file->len % 4 != 0)
            g_byte_array_append (file, (const guint8 *) "", 1);
        }
      set32 (file, head_at + 8, 0xB1B0AFBAu - checksum (file->data, file->len));
    }
  for (guint t = 0; t < N_TABLES; t++)
    g_byte_array_unref (out[t]);
  if (!ok)
    {
      invalid (error, "glyffer");
      return NULL;
    }
  return g_byte_array_free_to_bytes (file);
}
