/* SPDX-License-Identifier: GPL-3.0-or-later
 * File name patterns; see iku-name-pattern.h. */
#include "iku-name-pattern.h"
#include "iku-file-name.h"

#include <string.h>

G_DEFINE_QUARK (iku-name-pattern-error-quark, iku_name_pattern_error)

typedef enum { FIELD_NAME, FIELD_TEAM, FIELD_DATE, FIELD_YEAR, N_FIELDS } Field;

static const char *const field_names[N_FIELDS] = { "navn", "team", "dato", "år" };

/* One piece of a parsed pattern: literal text, or a field. */
typedef struct
{
  char *text;    /* literal text, or NULL for a field */
  Field field;
} Piece;

static void
piece_clear (gpointer data)
{
  g_free (((Piece *) data)->text);
}

static gboolean
field_of (const char *name, gsize len, Field *field)
{
  g_autofree char *folded = g_utf8_casefold (name, (gssize) len);
  g_autofree char *nfc = g_utf8_normalize (folded, -1, G_NORMALIZE_NFC);
  for (int f = 0; f < N_FIELDS; f++)
    if (nfc != NULL && strcmp (nfc, field_names[f]) == 0)
      {
        *field = (Field) f;
        return TRUE;
      }
  return FALSE;
}

static const char *
effective (const char *pattern)
{
  return pattern == NULL || *pattern == '\0' ? IKU_NAME_PATTERN_DEFAULT : pattern;
}

/* Splits @pattern into pieces, or fails naming what is wrong. */
static GArray *
parse (const char *pattern, GError **error)
{
  gsize len = strlen (pattern);
  if (len > IKU_NAME_PATTERN_MAX_BYTES)
    {
      g_set_error (error, IKU_NAME_PATTERN_ERROR, IKU_NAME_PATTERN_ERROR_INVALID,
                   "Filnavnet er for langt (%" G_GSIZE_FORMAT " tegn; højst %u). Brug et kortere "
                   "mønster, fx »%s«.", (gsize) g_utf8_strlen (pattern, -1),
                   IKU_NAME_PATTERN_MAX_BYTES, IKU_NAME_PATTERN_DEFAULT);
      return NULL;
    }
  if (!g_utf8_validate (pattern, -1, NULL))
    {
      g_set_error_literal (error, IKU_NAME_PATTERN_ERROR, IKU_NAME_PATTERN_ERROR_INVALID,
                           "Filnavnet er ikke gyldig tekst (UTF-8). Skriv det igen.");
      return NULL;
    }
  /* "IKU - {navn}.pdf" means "IKU - {navn}": ".pdf" is added anyway. */
  if (len >= 4 && g_ascii_strcasecmp (pattern + len - 4, ".pdf") == 0)
    len -= 4;

  g_autoptr(GArray) pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  g_array_set_clear_func (pieces, piece_clear);
  gboolean has_name = FALSE;
  const char *p = pattern, *end = pattern + len;
  while (p < end)
    {
      const char *open = memchr (p, '{', (gsize) (end - p));
      const char *close = memchr (p, '}', (gsize) (end - p));
      if (close != NULL && (open == NULL || close < open))
        {
          g_set_error (error, IKU_NAME_PATTERN_ERROR, IKU_NAME_PATTERN_ERROR_FIELD,
                       "Filnavnet »%s« har en »}« uden »{« foran. Felterne skrives {navn}, "
                       "{team}, {dato} og {år}.", pattern);
          return NULL;
        }
      const char *stop = open != NULL ? open : end;
      if (stop > p)
        {
          Piece literal = { g_strndup (p, (gsize) (stop - p)), FIELD_NAME };
          g_array_append_val (pieces, literal);
        }
      if (open == NULL)
        break;
      const char *name = open + 1;
      const char *field_end = memchr (name, '}', (gsize) (end - name));
      const char *next_open = memchr (name, '{', (gsize) (end - name));
      if (field_end == NULL || (next_open != NULL && next_open < field_end))
        {
          g_set_error (error, IKU_NAME_PATTERN_ERROR, IKU_NAME_PATTERN_ERROR_FIELD,
                       "Filnavnet »%s« har en »{« uden »}« efter. Felterne skrives {navn}, "
                       "{team}, {dato} og {år}.", pattern);
          return NULL;
        }
      Piece field = { NULL, FIELD_NAME };
      if (!field_of (name, (gsize) (field_end - name), &field.field))
        {
          g_autofree char *unknown = g_strndup (name, (gsize) (field_end - name));
          g_set_error (error, IKU_NAME_PATTERN_ERROR, IKU_NAME_PATTERN_ERROR_FIELD,
                       "Filnavnet »%s« har feltet »{%s}«, som ikuflet ikke kender. "
                       "Brug {navn}, {team}, {dato} og {år}.", pattern, unknown);
          return NULL;
        }
      has_name = has_name || field.field == FIELD_NAME;
      g_array_append_val (pieces, field);
      p = field_end + 1;
    }
  if (!has_name)
    {
      g_set_error (error, IKU_NAME_PATTERN_ERROR, IKU_NAME_PATTERN_ERROR_NO_NAME,
                   "Filnavnet »%s« mangler {navn}; uden det ville alle medarbejdere få samme "
                   "filnavn. Skriv {navn} et sted i mønstret, fx »%s«.", pattern,
                   IKU_NAME_PATTERN_DEFAULT);
      return NULL;
    }
  return g_steal_pointer (&pieces);
}

gboolean
iku_name_pattern_check (const char *pattern, GError **error)
{
  g_autoptr(GArray) pieces = parse (effective (pattern), error);
  return pieces != NULL;
}

char *
iku_name_pattern_dup_year (const char *date)
{
  const char *found = NULL;
  for (const char *p = date != NULL ? date : ""; *p != '\0'; p++)
    if (g_ascii_isdigit (p[0]) && g_ascii_isdigit (p[1]) && g_ascii_isdigit (p[2])
        && g_ascii_isdigit (p[3]) && !g_ascii_isdigit (p[4])
        && (p == date || !g_ascii_isdigit (p[-1])))
      found = p;
  if (found != NULL)
    return g_strndup (found, 4);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  return g_strdup_printf ("%d", g_date_time_get_year (now));
}

/* Text that only separates fields: spaces, dashes, dots, commas (not
 * brackets, which belong to the field they enclose). */
static gboolean
is_separator (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (!g_unichar_isspace (c) && !(c < 0x80 && strchr ("-_.,;", (int) c) != NULL)
          && c != 0x2013 && c != 0x2014)
        return FALSE;
    }
  return TRUE;
}

char *
iku_name_pattern_expand (const char *pattern, const char *name, const char *team,
                         const char *date, GError **error)
{
  g_return_val_if_fail (name != NULL, NULL);
  g_autoptr(GArray) pieces = parse (effective (pattern), error);
  if (pieces == NULL)
    return NULL;
  g_autofree char *year = iku_name_pattern_dup_year (date);
  char *values[N_FIELDS] = {
    iku_file_name_clean_name (name),
    iku_file_name_clean_part (team != NULL ? team : ""),
    iku_file_name_clean_part (date != NULL ? date : ""),
    iku_file_name_clean_part (year),
  };
  /* A field without a value drops the separator before it, or after it when
   * nothing precedes it. */
  guint n = pieces->len;
  g_autofree gboolean *dropped = g_new0 (gboolean, n);
  for (guint i = 0; i < n; i++)
    {
      Piece *piece = &g_array_index (pieces, Piece, i);
      if (piece->text != NULL || *values[piece->field] != '\0')
        continue;
      if (i > 0 && !dropped[i - 1] && g_array_index (pieces, Piece, i - 1).text != NULL
          && is_separator (g_array_index (pieces, Piece, i - 1).text))
        dropped[i - 1] = TRUE;
      else if (i + 1 < n && g_array_index (pieces, Piece, i + 1).text != NULL
               && is_separator (g_array_index (pieces, Piece, i + 1).text))
        dropped[i + 1] = TRUE;
    }
  GString *stem = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      Piece *piece = &g_array_index (pieces, Piece, i);
      if (!dropped[i])
        g_string_append (stem, piece->text != NULL ? piece->text : values[piece->field]);
    }
  for (int f = 0; f < N_FIELDS; f++)
    g_free (values[f]);
  return g_string_free (stem, FALSE);
}
