/* SPDX-License-Identifier: GPL-3.0-or-later
 * What LibreOffice Calc (7.4, Danish locale) shows for a number in the built-in
 * formats of SpreadsheetML, checked against Calc's own output:
 *
 *   0  general   1234,5  0,125  0,0000001  1E-10  1,5E+016 (15 significant digits)
 *   1  0         1235    2  0.00   1234,50   3  #,##0  1.235   4  #,##0.00  1.234,50
 *   9  0%        13 %    10 0.00%  12,50 %   (a no-break space before %)
 *   14 31-12-2023   15 31-dec-23   16 31-dec   17 dec-23
 *   18 6:00 PM      19 6:00:00 PM  20 18:00    21 18:00:00   22 31-12-2023 18:00
 *
 * Numbers are rounded half away from zero in decimal, after being cut to the 15
 * significant digits Calc keeps (so 2,675 in 0.00 is 2,68). Day 0 is
 * 30-12-1899 (1-1-1904 in a workbook with date1904). A date outside the years
 * 1-9999 is shown in the general format (Calc shows #FMT); a time alone is the
 * time of day of any number. */
#include "iku-xlsx-private.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NBSP "\302\240"

static const char *const MONTHS[12] = {
  "jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
};

/* The 15 significant digits of |@value| and the power of ten of the first. */
typedef struct {
  char digits[16];
  int  exponent;
  int  n_digits;   /* without trailing zeros, at least 1 */
} Decimal;

static void
decimal_init (Decimal *d, double value)
{
  char buffer[32];
  g_ascii_formatd (buffer, sizeof buffer, "%.14e", fabs (value));
  /* d.ddddddddddddddde±XX */
  int n = 0;
  const char *p = buffer;
  for (; *p != '\0' && *p != 'e'; p++)
    if (g_ascii_isdigit (*p) && n < 15)
      d->digits[n++] = *p;
  d->digits[n] = '\0';
  d->exponent = *p == 'e' ? atoi (p + 1) : 0;
  while (n > 1 && d->digits[n - 1] == '0')
    n--;
  d->n_digits = n;
  if (strspn (d->digits, "0") == strlen (d->digits))
    {
      d->exponent = 0;
      d->n_digits = 1;
    }
}

/* The digit of weight 10^@power, 0 beyond the kept ones. */
static int
digit_at (const Decimal *d, int power)
{
  int i = d->exponent - power;
  return i >= 0 && i < d->n_digits ? d->digits[i] - '0' : 0;
}

/* @value rounded to @places decimals, as integer digits and decimals; the
 * integer part grouped by '.' in thousands when @grouped. */
static void
append_fixed (GString *out, double value, int places, gboolean grouped)
{
  Decimal d;
  decimal_init (&d, value);
  /* Digits from the highest power down to 10^-places, then rounded. */
  int top = MAX (d.exponent, 0);
  g_autoptr(GString) digits = g_string_new (NULL);
  g_string_append_c (digits, '0');  /* room for a carry */
  for (int power = top; power >= -places; power--)
    g_string_append_c (digits, (char) ('0' + digit_at (&d, power)));
  if (digit_at (&d, -places - 1) >= 5)
    for (gssize i = (gssize) digits->len - 1; i >= 0; i--)
      {
        if (digits->str[i] == '9')
          digits->str[i] = '0';
        else
          {
            digits->str[i]++;
            break;
          }
      }
  gsize n_int = digits->len - (gsize) places;
  const char *int_digits = digits->str;
  while (n_int > 1 && *int_digits == '0')
    {
      int_digits++;
      n_int--;
    }
  gboolean zero = strspn (int_digits, "0") == strlen (int_digits);
  if (value < 0 && !zero)
    g_string_append_c (out, '-');
  for (gsize i = 0; i < n_int; i++)
    {
      if (grouped && i > 0 && (n_int - i) % 3 == 0)
        g_string_append_c (out, '.');
      g_string_append_c (out, int_digits[i]);
    }
  if (places > 0)
    {
      g_string_append_c (out, ',');
      g_string_append_len (out, int_digits + n_int, places);
    }
}

static void
append_scientific (GString *out, const Decimal *d, gboolean negative)
{
  if (negative)
    g_string_append_c (out, '-');
  g_string_append_c (out, d->digits[0]);
  if (d->n_digits > 1)
    {
      g_string_append_c (out, ',');
      g_string_append_len (out, d->digits + 1, d->n_digits - 1);
    }
  if (d->exponent >= 0)
    g_string_append_printf (out, "E+%03d", d->exponent);
  else
    g_string_append_printf (out, "E-%02d", -d->exponent);
}

static void
append_general (GString *out, double value)
{
  Decimal d;
  decimal_init (&d, value);
  gboolean negative = value < 0 && strspn (d.digits, "0") != strlen (d.digits);
  int decimals = d.n_digits - 1 - d.exponent;
  if (fabs (value) > 1e15 || d.exponent <= -10 || decimals > 15)
    {
      append_scientific (out, &d, negative);
      return;
    }
  if (negative)
    g_string_append_c (out, '-');
  if (d.exponent < 0)
    g_string_append_c (out, '0');
  for (int power = d.exponent; power >= 0; power--)
    g_string_append_c (out, (char) ('0' + digit_at (&d, power)));
  if (decimals > 0)
    {
      g_string_append_c (out, ',');
      for (int power = -1; power >= -decimals; power--)
        g_string_append_c (out, (char) ('0' + digit_at (&d, power)));
    }
}

/* The date and time of a serial day number, to the second; FALSE outside the
 * years 1-9999. */
static gboolean
split_serial (double serial, gboolean date1904, GDate *date, int *seconds)
{
  if (!isfinite (serial) || fabs (serial) > 3.0e6)
    return FALSE;
  double day = floor (serial);
  double rounded = floor ((serial - day) * 86400.0 + 0.5);
  if (rounded >= 86400.0)
    {
      day += 1;
      rounded -= 86400.0;
    }
  *seconds = (int) rounded;
  g_date_clear (date, 1);
  if (date1904)
    g_date_set_dmy (date, 1, G_DATE_JANUARY, 1904);
  else
    g_date_set_dmy (date, 30, G_DATE_DECEMBER, 1899);
  /* GDate counts days from 1-1-1. */
  gint64 julian = (gint64) g_date_get_julian (date) + (gint64) day;
  if (julian < 1 || julian > 3652059)  /* 31-12-9999 */
    return FALSE;
  g_date_set_julian (date, (guint32) julian);
  return TRUE;
}

static void
append_time (GString *out, int seconds, gboolean twelve_hour, gboolean with_seconds)
{
  int h = seconds / 3600, m = seconds / 60 % 60, s = seconds % 60;
  if (twelve_hour)
    g_string_append_printf (out, "%d:%02d", h % 12 == 0 ? 12 : h % 12, m);
  else
    g_string_append_printf (out, "%02d:%02d", h, m);
  if (with_seconds)
    g_string_append_printf (out, ":%02d", s);
  if (twelve_hour)
    g_string_append (out, h < 12 ? " AM" : " PM");
}

static gboolean
append_date (GString *out, double serial, guint format_id, gboolean date1904)
{
  GDate date;
  int seconds = 0;
  if (format_id >= 18 && format_id <= 21 && isfinite (serial))
    {
      /* A time alone shows only the fraction of the day, whatever the day. */
      double fraction = serial - floor (serial);
      int rounded = (int) floor (fraction * 86400.0 + 0.5);
      append_time (out, rounded % 86400, format_id <= 19, format_id % 2 == 1);
      return TRUE;
    }
  if (!split_serial (serial, date1904, &date, &seconds))
    return FALSE;
  guint d = g_date_get_day (&date), y = g_date_get_year (&date);
  guint m = (guint) g_date_get_month (&date);
  switch (format_id)
    {
    case 14:
      g_string_append_printf (out, "%02u-%02u-%04u", d, m, y);
      break;
    case 15:
      g_string_append_printf (out, "%02u-%s-%02u", d, MONTHS[m - 1], y % 100);
      break;
    case 16:
      g_string_append_printf (out, "%02u-%s", d, MONTHS[m - 1]);
      break;
    case 17:
      g_string_append_printf (out, "%s-%02u", MONTHS[m - 1], y % 100);
      break;
    case 22:
    default:
      g_string_append_printf (out, "%02u-%02u-%04u ", d, m, y);
      append_time (out, seconds, FALSE, FALSE);
      break;
    }
  return TRUE;
}

/* ---- custom format codes ------------------------------------------------- */

static const char *const MONTH_NAMES[12] = {
  "januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
  "oktober", "november", "december",
};
static const char *const DAY_NAMES[7] = {  /* GDateWeekday order, Monday first */
  "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag",
};

typedef enum {
  TOKEN_LITERAL,  /* text shown as it is */
  TOKEN_YEAR, TOKEN_MONTH, TOKEN_DAY, TOKEN_HOUR, TOKEN_MINUTE, TOKEN_SECOND, TOKEN_AMPM,
  TOKEN_DIGIT,    /* 0 # ? */
  TOKEN_POINT,    /* the decimal point */
  TOKEN_COMMA,    /* thousands grouping */
  TOKEN_PERCENT,
  TOKEN_GENERAL,
  TOKEN_TEXT,     /* @ */
  TOKEN_EXPONENT, /* E+ E- */
} TokenKind;

typedef struct {
  TokenKind kind;
  char      placeholder;  /* '0', '#' or '?' for digits */
  guint     count;        /* letters in a row: yy, yyyy, mmm, ... */
  GString  *text;         /* literal text */
} Token;

static void
token_clear (gpointer data)
{
  Token *t = data;
  if (t->text != NULL)
    g_string_free (t->text, TRUE);
}

static void
add_literal (GArray *tokens, const char *text, gsize len)
{
  if (len == 0)
    return;
  if (tokens->len > 0)
    {
      Token *last = &g_array_index (tokens, Token, tokens->len - 1);
      if (last->kind == TOKEN_LITERAL)
        {
          g_string_append_len (last->text, text, (gssize) len);
          return;
        }
    }
  Token t = { TOKEN_LITERAL, 0, 0, g_string_new_len (text, (gssize) len) };
  g_array_append_val (tokens, t);
}

static void
add_token (GArray *tokens, TokenKind kind, char placeholder, guint count)
{
  Token t = { kind, placeholder, count, NULL };
  g_array_append_val (tokens, t);
}

/* Whether the section at @p has a date letter (d, y, or m without digits)
 * outside quotes and brackets: then '/' is the date separator, not a fraction. */
static gboolean
is_date_code (const char *p)
{
  gboolean month = FALSE, digit = FALSE;
  for (; *p != '\0' && *p != ';'; p++)
    {
      if (*p == '"')
        {
          const char *end = strchr (p + 1, '"');
          if (end == NULL)
            break;
          p = end;
        }
      else if (*p == '\\' && p[1] != '\0')
        p++;
      else if (*p == '[')
        {
          const char *end = strchr (p, ']');
          if (end == NULL)
            break;
          p = end;
        }
      else if (strchr ("dDyY", *p) != NULL)
        return TRUE;
      else if (*p == 'm' || *p == 'M')
        month = TRUE;
      else if (strchr ("0#?", *p) != NULL)
        digit = TRUE;
    }
  return month && !digit;
}

/* Splits one section of a format code (up to an unquoted ';') into tokens;
 * returns where the section ended. */
static const char *
tokenize (const char *p, GArray *tokens)
{
  const char *start = p;
  while (*p != '\0' && *p != ';')
    {
      char c = *p;
      char lower = g_ascii_tolower (c);
      if (c == '"')
        {
          const char *end = strchr (p + 1, '"');
          gsize len = end != NULL ? (gsize) (end - p - 1) : strlen (p + 1);
          add_literal (tokens, p + 1, len);
          p += len + 1 + (end != NULL);
        }
      else if (c == '\\' && p[1] != '\0')
        {
          const char *next = g_utf8_next_char (p + 1);
          add_literal (tokens, p + 1, (gsize) (next - p - 1));
          p = next;
        }
      else if ((c == '_' || c == '*') && p[1] != '\0')
        {
          if (c == '_')
            add_literal (tokens, " ", 1);  /* room as wide as the next character */
          p = g_utf8_next_char (p + 1);  /* '*': the fill character is not shown */
        }
      else if (c == '[')
        {
          const char *end = strchr (p, ']');
          if (end == NULL)
            return p + strlen (p);
          char first = g_ascii_tolower (p[1]);
          if (first == 'h' || first == 'm' || first == 's')
            add_token (tokens, first == 'h' ? TOKEN_HOUR : first == 'm' ? TOKEN_MINUTE
                                                               : TOKEN_SECOND,
                       0, (guint) (end - p - 1));
          else if (p[1] == '$')
            {
              /* [$kr.-406]: a currency symbol, then the locale. */
              const char *dash = memchr (p + 2, '-', (gsize) (end - p - 2));
              add_literal (tokens, p + 2, (gsize) ((dash != NULL ? dash : end) - p - 2));
            }
          p = end + 1;  /* colours, conditions: not text */
        }
      else if (g_ascii_strncasecmp (p, "general", 7) == 0)
        {
          add_token (tokens, TOKEN_GENERAL, 0, 0);
          p += 7;
        }
      else if (g_ascii_strncasecmp (p, "am/pm", 5) == 0 || g_ascii_strncasecmp (p, "a/p", 3) == 0)
        {
          add_token (tokens, TOKEN_AMPM, 0, 0);
          p += g_ascii_strncasecmp (p, "am/pm", 5) == 0 ? 5 : 3;
        }
      else if (lower == 'y' || lower == 'm' || lower == 'd' || lower == 'h' || lower == 's'
               || lower == 'e')
        {
          guint n = 0;
          while (g_ascii_tolower (p[n]) == lower)
            n++;
          TokenKind kind = lower == 'm' ? TOKEN_MONTH : lower == 'd' ? TOKEN_DAY
                           : lower == 'h' ? TOKEN_HOUR : lower == 's' ? TOKEN_SECOND
                           : TOKEN_YEAR;
          if (lower == 'e' && (p[1] == '+' || p[1] == '-'))
            {
              add_token (tokens, TOKEN_EXPONENT, 0, 0);
              p += 2;
              continue;
            }
          add_token (tokens, kind, 0, lower == 'e' ? 4 : n);
          p += n;
        }
      else if (c == '0' || c == '#' || c == '?')
        {
          add_token (tokens, TOKEN_DIGIT, c, 1);
          p++;
        }
      else if (c == '.' || c == ',' || c == '%' || c == '@')
        {
          add_token (tokens, c == '.' ? TOKEN_POINT : c == ',' ? TOKEN_COMMA
                             : c == '%' ? TOKEN_PERCENT : TOKEN_TEXT, 0, 0);
          p++;
        }
      else if (c == '/' && is_date_code (start))
        {
          /* The date separator of Excel's codes is the locale's: "-" in Danish. */
          add_literal (tokens, "-", 1);
          p++;
        }
      else
        {
          const char *next = g_utf8_next_char (p);
          add_literal (tokens, p, (gsize) (next - p));
          p = next;
        }
    }
  return p;
}

static gboolean
has_kind (GArray *tokens, TokenKind first, TokenKind last)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      TokenKind k = g_array_index (tokens, Token, i).kind;
      if (k >= first && k <= last)
        return TRUE;
    }
  return FALSE;
}

/* "m" is minutes right after hours or right before seconds, else the month. */
static void
resolve_minutes (GArray *tokens)
{
  for (guint i = 0; i < tokens->len; i++)
    {
      Token *t = &g_array_index (tokens, Token, i);
      if (t->kind != TOKEN_MONTH || t->count > 2)
        continue;
      for (gint j = (gint) i - 1; j >= 0; j--)
        {
          TokenKind k = g_array_index (tokens, Token, j).kind;
          if (k == TOKEN_LITERAL)
            continue;
          if (k == TOKEN_HOUR)
            t->kind = TOKEN_MINUTE;
          break;
        }
      for (guint j = i + 1; t->kind == TOKEN_MONTH && j < tokens->len; j++)
        {
          TokenKind k = g_array_index (tokens, Token, j).kind;
          if (k == TOKEN_LITERAL)
            continue;
          if (k == TOKEN_SECOND)
            t->kind = TOKEN_MINUTE;
          break;
        }
    }
}

static gboolean
append_date_tokens (GString *out, double value, GArray *tokens, gboolean date1904)
{
  GDate date;
  int seconds = 0;
  if (!split_serial (value, date1904, &date, &seconds))
    return FALSE;
  resolve_minutes (tokens);
  gboolean twelve = has_kind (tokens, TOKEN_AMPM, TOKEN_AMPM);
  int h = seconds / 3600, mi = seconds / 60 % 60, se = seconds % 60;
  guint y = g_date_get_year (&date), mo = (guint) g_date_get_month (&date);
  guint d = g_date_get_day (&date);
  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = &g_array_index (tokens, Token, i);
      switch (t->kind)
        {
        case TOKEN_LITERAL:
          g_string_append (out, t->text->str);
          break;
        case TOKEN_YEAR:
          if (t->count <= 2)
            g_string_append_printf (out, "%02u", y % 100);
          else
            g_string_append_printf (out, "%u", y);
          break;
        case TOKEN_MONTH:
          if (t->count == 1)
            g_string_append_printf (out, "%u", mo);
          else if (t->count == 2)
            g_string_append_printf (out, "%02u", mo);
          else if (t->count == 3)
            g_string_append (out, MONTHS[mo - 1]);
          else if (t->count == 4)
            g_string_append (out, MONTH_NAMES[mo - 1]);
          else
            g_string_append_c (out, MONTH_NAMES[mo - 1][0]);
          break;
        case TOKEN_DAY:
          if (t->count == 1)
            g_string_append_printf (out, "%u", d);
          else if (t->count == 2)
            g_string_append_printf (out, "%02u", d);
          else
            {
              const char *name = DAY_NAMES[g_date_get_weekday (&date) - 1];
              if (t->count == 3)
                g_string_append_len (out, name, g_utf8_offset_to_pointer (name, 3) - name);
              else
                g_string_append (out, name);
            }
          break;
        case TOKEN_HOUR:
          {
            int shown = twelve ? (h % 12 == 0 ? 12 : h % 12) : h;
            g_string_append_printf (out, t->count >= 2 ? "%02d" : "%d", shown);
          }
          break;
        case TOKEN_MINUTE:
          g_string_append_printf (out, t->count >= 2 ? "%02d" : "%d", mi);
          break;
        case TOKEN_SECOND:
          g_string_append_printf (out, t->count >= 2 ? "%02d" : "%d", se);
          break;
        case TOKEN_AMPM:
          g_string_append (out, h < 12 ? "AM" : "PM");
          break;
        default:
          break;  /* digits in a date code: fractions of a second, not shown */
        }
    }
  return TRUE;
}

static void
append_number_tokens (GString *out, double value, GArray *tokens, gboolean sign)
{
  guint required = 0, optional = 0, min_int = 0, n_percent = 0;
  gboolean point = FALSE, grouped = FALSE, seen_digit = FALSE;
  gint first = -1, last = -1;
  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = &g_array_index (tokens, Token, i);
      if (t->kind == TOKEN_DIGIT)
        {
          if (first < 0)
            first = (gint) i;
          last = (gint) i;
          seen_digit = TRUE;
          if (!point && t->placeholder == '0')
            min_int++;
          else if (point && t->placeholder == '0')
            required++;
          else if (point)
            optional++;
        }
      else if (t->kind == TOKEN_POINT && seen_digit)
        {
          point = TRUE;
          last = (gint) i;
        }
      else if (t->kind == TOKEN_POINT && first < 0)
        {
          point = TRUE;
          first = last = (gint) i;
        }
      else if (t->kind == TOKEN_COMMA && seen_digit && !point)
        grouped = TRUE;
      else if (t->kind == TOKEN_PERCENT)
        n_percent++;
    }
  for (guint i = 0; i < n_percent; i++)
    value *= 100;

  g_autoptr(GString) number = g_string_new (NULL);
  append_fixed (number, fabs (value), (int) (required + optional), grouped);
  /* Optional decimals are shown only when they are not zero. */
  if (optional > 0)
    {
      char *comma = strchr (number->str, ',');
      gsize keep = (gsize) (comma - number->str) + 1 + required;
      while (number->len > keep && number->str[number->len - 1] == '0')
        g_string_truncate (number, number->len - 1);
    }
  /* Leading zeros the code asks for; none when it has only '#' before the point. */
  const char *comma = strchr (number->str, ',');
  gsize n_int = comma != NULL ? (gsize) (comma - number->str) : number->len;
  if (min_int == 0 && n_int == 1 && number->str[0] == '0' && (comma != NULL || point))
    g_string_erase (number, 0, 1);
  else
    for (gsize digits = n_int; digits < min_int; digits++)
      g_string_prepend_c (number, '0');

  gboolean negative = sign && value < 0 && strspn (number->str, "0,.") != number->len;
  if (negative)
    g_string_append_c (out, '-');
  for (guint i = 0; i < tokens->len; i++)
    {
      const Token *t = &g_array_index (tokens, Token, i);
      if ((gint) i == first)
        g_string_append (out, number->str);
      if (first >= 0 && (gint) i >= first && (gint) i <= last)
        continue;
      if (t->kind == TOKEN_LITERAL)
        g_string_append (out, t->text->str);
      else if (t->kind == TOKEN_PERCENT)
        g_string_append_c (out, '%');
    }
}

gboolean
iku_xlsx_code_shows_number (const char *code)
{
  g_return_val_if_fail (code != NULL, FALSE);
  g_autoptr(GArray) tokens = g_array_new (FALSE, FALSE, sizeof (Token));
  g_array_set_clear_func (tokens, token_clear);
  tokenize (code, tokens);
  /* "General" alone is the general format, which shows a boolean as such. */
  if (tokens->len == 1 && g_array_index (tokens, Token, 0).kind == TOKEN_GENERAL)
    return FALSE;
  return has_kind (tokens, TOKEN_YEAR, TOKEN_EXPONENT);
}

/* A custom format code as Calc shows it: a date/time code with the Danish
 * month and day names, a number code with its decimals, grouping, percent and
 * literal text; anything else (scientific, fractions, text) in the general
 * format. The first section is for positive numbers (all numbers, when it is
 * alone), the second for negative ones, the third for zero. */
static void
append_custom (GString *out, double value, const char *code, gboolean date1904)
{
  g_autoptr(GPtrArray) sections = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  const char *p = code;
  while (sections->len < 4)
    {
      GArray *tokens = g_array_new (FALSE, FALSE, sizeof (Token));
      g_array_set_clear_func (tokens, token_clear);
      p = tokenize (p, tokens);
      g_ptr_array_add (sections, tokens);
      if (*p != ';')
        break;
      p++;
    }
  GArray *tokens = g_ptr_array_index (sections, 0);
  gboolean sign = TRUE;
  if (value < 0 && sections->len >= 2)
    {
      tokens = g_ptr_array_index (sections, 1);
      value = -value;
      sign = FALSE;
    }
  else if (value == 0 && sections->len >= 3)
    tokens = g_ptr_array_index (sections, 2);

  if (has_kind (tokens, TOKEN_YEAR, TOKEN_AMPM))
    {
      if (!append_date_tokens (out, value, tokens, date1904))
        append_general (out, value);
      return;
    }
  if (has_kind (tokens, TOKEN_GENERAL, TOKEN_EXPONENT) || !has_kind (tokens, TOKEN_DIGIT, TOKEN_DIGIT))
    {
      /* General inside literal text ("Kr. "General) keeps the text. */
      if (value < 0 && !sign)
        g_string_append_c (out, '-');
      for (guint i = 0; i < tokens->len; i++)
        {
          const Token *t = &g_array_index (tokens, Token, i);
          if (t->kind == TOKEN_LITERAL)
            g_string_append (out, t->text->str);
          else if (t->kind == TOKEN_GENERAL || t->kind == TOKEN_TEXT || t->kind == TOKEN_EXPONENT)
            append_general (out, value);
        }
      return;
    }
  append_number_tokens (out, value, tokens, sign);
}

char *
iku_xlsx_format_number (double value, guint format_id, const char *code, gboolean date1904)
{
  GString *out = g_string_new (NULL);
  if (!isfinite (value))
    {
      g_string_append (out, "#NUM!");
      return g_string_free (out, FALSE);
    }
  if (code != NULL)
    {
      append_custom (out, value, code, date1904);
      return g_string_free (out, FALSE);
    }
  switch (format_id)
    {
    case 1:
    case 2:
    case 3:
    case 4:
      append_fixed (out, value, format_id % 2 == 0 ? 2 : 0, format_id >= 3);
      break;
    case 9:
    case 10:
      /* Times 100 in decimal, not in binary: 0,125 is 12,5 %. */
      {
        Decimal d;
        decimal_init (&d, value);
        char buffer[48];
        g_snprintf (buffer, sizeof buffer, "%s%c.%se%d", value < 0 ? "-" : "", d.digits[0],
                    d.digits[1] != '\0' ? d.digits + 1 : "0", d.exponent + 2);
        append_fixed (out, g_ascii_strtod (buffer, NULL), format_id == 10 ? 2 : 0, FALSE);
        g_string_append (out, NBSP "%");
      }
      break;
    case 14: case 15: case 16: case 17: case 18: case 19: case 20: case 21: case 22:
      if (!append_date (out, value, format_id, date1904))
        append_general (out, value);
      break;
    default:
      append_general (out, value);
      break;
    }
  return g_string_free (out, FALSE);
}

const char *
iku_xlsx_format_boolean (gboolean value)
{
  return value ? "SAND" : "FALSK";
}

gboolean
iku_xlsx_parse_iso_date (const char *text, gboolean date1904, double *serial)
{
  g_return_val_if_fail (text != NULL && serial != NULL, FALSE);
  int y = 0, mo = 0, d = 0, h = 0, mi = 0;
  double s = 0;
  int n = sscanf (text, "%4d-%2d-%2dT%2d:%2d:%lf", &y, &mo, &d, &h, &mi, &s);
  if (n < 3 && sscanf (text, "%2d:%2d:%lf", &h, &mi, &s) >= 2)
    {
      /* A time alone is a time on day 0. */
      *serial = (h * 3600.0 + mi * 60.0 + s) / 86400.0;
      return h >= 0 && h < 24 && mi >= 0 && mi < 60 && s >= 0 && s < 61;
    }
  if (n < 3 || !g_date_valid_dmy ((GDateDay) d, (GDateMonth) mo, (GDateYear) y)
      || h < 0 || h > 23 || mi < 0 || mi > 59 || s < 0 || s >= 61)
    return FALSE;
  GDate date, epoch;
  g_date_clear (&date, 1);
  g_date_clear (&epoch, 1);
  g_date_set_dmy (&date, (GDateDay) d, (GDateMonth) mo, (GDateYear) y);
  if (date1904)
    g_date_set_dmy (&epoch, 1, G_DATE_JANUARY, 1904);
  else
    g_date_set_dmy (&epoch, 30, G_DATE_DECEMBER, 1899);
  *serial = (double) g_date_days_between (&epoch, &date) + (h * 3600.0 + mi * 60.0 + s) / 86400.0;
  return TRUE;
}
