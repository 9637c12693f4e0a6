/* tranche-csv-values.c: reading cells as people and spreadsheets write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "tranche-csv-values.h"

typedef struct
{
  const char *text;
  double      factor;
} Multiplier;

typedef struct
{
  const char *symbol;
  const char *code;
} Symbol;

/* Compared with the folded word, so "M", "m", "Md" and "MD" are alike. */
static const Multiplier multipliers[] = {
  { "k", 1e3 }, { "thousand", 1e3 }, { "mille", 1e3 },
  { "m", 1e6 }, { "mm", 1e6 }, { "mn", 1e6 }, { "mio", 1e6 }, { "million", 1e6 },
  { "millions", 1e6 },
  { "b", 1e9 }, { "bn", 1e9 }, { "bln", 1e9 }, { "billion", 1e9 }, { "billions", 1e9 },
  { "md", 1e9 }, { "mds", 1e9 }, { "mrd", 1e9 }, { "mrds", 1e9 }, { "milliard", 1e9 },
  { "milliards", 1e9 },
  { "t", 1e12 }, { "tn", 1e12 }, { "trillion", 1e12 },
};

/* Longest first: "US$" before "$". */
static const Symbol symbols[] = {
  { "US$", "USD" }, { "C$", "CAD" }, { "A$", "AUD" }, { "HK$", "HKD" }, { "S$", "SGD" },
  { "$", "USD" }, { "€", "EUR" }, { "£", "GBP" }, { "¥", "JPY" }, { "₹", "INR" },
  { "₩", "KRW" }, { "₪", "ILS" }, { "CHF", "CHF" },
};

static const char * const undisclosed_words[] = {
  "undisclosed", "not disclosed", "n/a", "na", "nc", "n.c.", "non communique",
  "non divulgue", "non divulgues", "-", "?", "unknown", "inconnu", "nd", "n.d.",
};

static const char * const approx_prefixes[] = {
  "~", "\xe2\x89\x88" /* ≈ */, "approximately ", "approx. ", "approx ", "about ", "around ",
  "circa ", "ca. ", "environ ", "env. ",
};

char *
tranche_csv_fold (const char *text)
{
  g_autofree char *ascii = NULL;
  GString *out;
  gboolean space = FALSE;

  g_return_val_if_fail (text != NULL, NULL);
  /* g_str_to_ascii() looks every character up: most cells are ASCII already */
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x80)
      {
        ascii = g_str_to_ascii (text, "C");
        break;
      }
  if (ascii != NULL)
    text = ascii;
  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p++)
    {
      char c = *p;

      if (g_ascii_isspace (c) || c == '_')
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, g_ascii_tolower (c));
    }
  return g_string_free (out, FALSE);
}

static gboolean
in_list (const char         *folded,
         const char * const *list,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (strcmp (folded, list[i]) == 0)
      return TRUE;
  return FALSE;
}

/* A space that groups digits: ' ', U+00A0, U+202F or an apostrophe (Swiss). */
static gsize
group_space_length (const char *p)
{
  if (*p == ' ' || *p == '\'')
    return 1;
  if (strncmp (p, "\xc2\xa0", 2) == 0)
    return 2;
  if (strncmp (p, "\xe2\x80\xaf", 3) == 0 || strncmp (p, "\xe2\x80\x99", 3) == 0)
    return 3;
  return 0;
}

static const char *
skip_spaces (const char *p)
{
  gsize n;

  while ((n = group_space_length (p)) > 0 && *p != '\'')
    p += n;
  return p;
}

static const char *
match_currency (const char *p,
                const char **code,
                gboolean    *dollar)
{
  for (gsize i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (g_str_has_prefix (p, symbols[i].symbol))
      {
        *code = symbols[i].code;
        *dollar = strcmp (symbols[i].symbol, "$") == 0;
        return p + strlen (symbols[i].symbol);
      }
  if (g_ascii_isupper (p[0]) && g_ascii_isupper (p[1]) && g_ascii_isupper (p[2])
      && !g_ascii_isalpha (p[3]))
    {
      char buf[4];

      memcpy (buf, p, 3);
      buf[3] = '\0';
      *code = g_intern_string (buf);
      *dollar = FALSE;
      return p + 3;
    }
  return NULL;
}

/* A multiplier word at `p` ("M", "bn", "Md", "milliards"): past it, or `p`
 * when the word is something else (a currency code perhaps). */
static const char *
match_multiplier (const char *p,
                  double     *factor,
                  gboolean   *scaled)
{
  const char *word = p;
  g_autofree char *folded = NULL;

  while (g_ascii_isalpha (*p))
    p++;
  folded = g_ascii_strdown (word, p - word);
  for (gsize i = 0; i < G_N_ELEMENTS (multipliers); i++)
    if (strcmp (folded, multipliers[i].text) == 0)
      {
        *factor = multipliers[i].factor;
        *scaled = TRUE;
        return p;
      }
  return word;
}

/* Digits with ',' '.' and spaces, as one of the writing conventions has
 * them, into plain ASCII for g_ascii_strtod. */
static gboolean
normalise_number (const char *from,
                  const char *to,
                  gboolean    has_multiplier,
                  char       *buf,
                  gsize       size)
{
  const char *last_comma = NULL, *last_dot = NULL;
  guint commas = 0, dots = 0, digits = 0;
  char decimal = '\0';
  gsize n = 0;

  for (const char *p = from; p < to; p++)
    if (*p == ',')
      commas++, last_comma = p;
    else if (*p == '.')
      dots++, last_dot = p;
  if (commas > 0 && dots > 0)
    decimal = last_comma > last_dot ? ',' : '.';
  else if (commas + dots == 1)
    {
      const char *sep = commas ? last_comma : last_dot;
      guint after = 0;

      for (const char *p = sep + 1; p < to && g_ascii_isdigit (*p); p++)
        after++;
      /* "124,000" and "1.250" group thousands; "1,25", "1.5" and "1.250B"
       * have decimals ("1,250M" still groups: a comma then three digits) */
      if (after == 3 && (commas == 1 || !has_multiplier))
        decimal = '\0';
      else
        decimal = commas ? ',' : '.';
    }
  if ((decimal == ',' && commas > 1) || (decimal == '.' && dots > 1))
    return FALSE;

  for (const char *p = from; p < to; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          digits++;
          buf[n++] = *p;
        }
      else if (*p == decimal)
        buf[n++] = '.';
      else if (*p == ',' || *p == '.')
        continue;
      else
        p += group_space_length (p) - 1;
      if (n + 1 >= size)
        return FALSE;
    }
  buf[n] = '\0';
  return digits > 0;
}

static TrancheCsvValue
parse_amount_parts (const char       *p,
                    TrancheCsvAmount *out)
{
  const char *code = NULL, *start, *end, *after;
  double factor = 1;
  char number[64];

  p = skip_spaces (p);
  if ((after = match_currency (p, &code, &out->dollar)) != NULL)
    p = skip_spaces (after);
  if (*p == '-')
    return TRANCHE_CSV_VALUE_INVALID;
  start = p;
  while (g_ascii_isdigit (*p) || *p == ',' || *p == '.'
         || (group_space_length (p) > 0
             && g_ascii_isdigit (p[group_space_length (p)]) && p > start))
    p += g_ascii_isdigit (*p) || *p == ',' || *p == '.' ? 1 : group_space_length (p);
  end = p;
  if (end == start)
    return TRANCHE_CSV_VALUE_INVALID;
  /* a multiplier and a currency after the number, in either order:
   * "300 M€", "300 USD m", "1 $bn" */
  for (int twice = 0; twice < 2; twice++)
    {
      p = skip_spaces (p);
      if (!out->scaled && g_ascii_isalpha (*p))
        p = match_multiplier (p, &factor, &out->scaled);
      p = skip_spaces (p);
      if (*p != '\0' && code == NULL
          && (after = match_currency (p, &code, &out->dollar)) != NULL)
        p = after;
    }
  if (*p != '\0')
    return TRANCHE_CSV_VALUE_INVALID;
  if (!normalise_number (start, end, factor != 1, number, sizeof number))
    return TRANCHE_CSV_VALUE_INVALID;
  out->value = g_ascii_strtod (number, NULL) * factor;
  if (code != NULL)
    {
      if (!tranche_currency_code_is_valid (code))
        return TRANCHE_CSV_VALUE_INVALID;
      out->currency = tranche_currency_from_code (code);
    }
  return isfinite (out->value) ? TRANCHE_CSV_VALUE_OK : TRANCHE_CSV_VALUE_INVALID;
}

TrancheCsvValue
tranche_csv_parse_amount (const char       *text,
                          TrancheCsvAmount *out)
{
  g_autofree char *folded = NULL;
  g_autofree char *trimmed = NULL;
  const char *p;
  char *end = NULL;

  g_return_val_if_fail (text != NULL && out != NULL, TRANCHE_CSV_VALUE_INVALID);

  memset (out, 0, sizeof *out);
  trimmed = g_strstrip (g_strdup (text));
  if (trimmed[0] == '\0')
    return TRANCHE_CSV_VALUE_EMPTY;
  /* the common case, and what --export writes: a plain C number */
  out->value = g_ascii_strtod (trimmed, &end);
  if (end != trimmed && *end == '\0' && g_ascii_isdigit (trimmed[0]))
    return isfinite (out->value) ? TRANCHE_CSV_VALUE_OK : TRANCHE_CSV_VALUE_INVALID;
  out->value = 0;

  folded = tranche_csv_fold (trimmed);
  if (in_list (folded, undisclosed_words, G_N_ELEMENTS (undisclosed_words))
      || strcmp (trimmed, "\xe2\x80\x94") == 0 || strcmp (trimmed, "\xe2\x80\x93") == 0)
    return TRANCHE_CSV_VALUE_UNDISCLOSED;

  p = trimmed;
  for (gsize i = 0; i < G_N_ELEMENTS (approx_prefixes); i++)
    if (g_ascii_strncasecmp (p, approx_prefixes[i], strlen (approx_prefixes[i])) == 0)
      {
        out->approx = TRUE;
        p += strlen (approx_prefixes[i]);
        break;
      }
  return parse_amount_parts (p, out);
}

typedef struct
{
  const char *name;
  int         month;
} MonthName;

/* Folded English and French names and their abbreviations. */
static const MonthName month_names[] = {
  { "january", 1 }, { "jan", 1 }, { "janvier", 1 }, { "janv", 1 },
  { "february", 2 }, { "feb", 2 }, { "fevrier", 2 }, { "fevr", 2 }, { "fev", 2 },
  { "march", 3 }, { "mar", 3 }, { "mars", 3 },
  { "april", 4 }, { "apr", 4 }, { "avril", 4 }, { "avr", 4 },
  { "may", 5 }, { "mai", 5 },
  { "june", 6 }, { "jun", 6 }, { "juin", 6 },
  { "july", 7 }, { "jul", 7 }, { "juillet", 7 }, { "juil", 7 },
  { "august", 8 }, { "aug", 8 }, { "aout", 8 },
  { "september", 9 }, { "sep", 9 }, { "sept", 9 }, { "septembre", 9 },
  { "october", 10 }, { "oct", 10 }, { "octobre", 10 },
  { "november", 11 }, { "nov", 11 }, { "novembre", 11 },
  { "december", 12 }, { "dec", 12 }, { "decembre", 12 },
};

/* Words a long date style writes that carry no date: weekdays, "1er". */
static const char * const noise_words[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  "mon", "tue", "wed", "thu", "fri", "sat", "sun",
  "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
  "er", "st", "nd", "rd", "th", "the", "of", "le", "de",
};

/* Two-digit years as POSIX strptime reads %y: 69..99 are 19xx, the rest 20xx. */
static int
expand_year (int year,
             int digits)
{
  if (digits == 2)
    return year >= 69 ? 1900 + year : 2000 + year;
  return digits == 4 ? year : -1;
}

/* Through tranche_date_parse, so the calendar rules are the format's own. */
static gboolean
make_date (int          year,
           int          month,
           int          day,
           TrancheDate *out)
{
  char buf[16];

  if (year < 0 || year > 9999)
    return FALSE;
  if (day > 0)
    g_snprintf (buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  else if (month > 0)
    g_snprintf (buf, sizeof buf, "%04d-%02d", year, month);
  else
    g_snprintf (buf, sizeof buf, "%04d", year);
  return tranche_date_parse (buf, out) == TRANCHE_DATE_OK;
}

/* The text before any time of day: "2023-09-25T10:00:00Z", "9/25/2023 14:30". */
static char *
cut_time (const char *text)
{
  char *copy = g_strstrip (g_strdup (text));
  char *colon = strchr (copy, ':');

  if (colon != NULL)
    {
      char *p = colon;

      while (p > copy && p[-1] != ' ' && p[-1] != 'T')
        p--;
      if (p > copy)
        p[-1] = '\0';
      g_strstrip (copy);
    }
  return copy;
}

typedef struct
{
  int  value[4];
  int  digits[4];
  char kind[4];    /* 'n' number, 'm' month name, 'q' quarter */
  char sep;        /* the separator of an all-number date, '\0' when mixed */
  int  n;
} Tokens;

static gboolean
tokenize (const char *text,
          Tokens     *t)
{
  g_autofree char *folded = tranche_csv_fold (text);
  const char *p = folded;

  memset (t, 0, sizeof *t);
  while (*p != '\0')
    {
      const char *start = p;

      if (g_ascii_isdigit (*p))
        {
          int v = 0;

          while (g_ascii_isdigit (*p) && p - start < 9)
            v = v * 10 + (*p++ - '0');
          if (t->n == 4 || g_ascii_isdigit (*p))
            return FALSE;
          t->kind[t->n] = 'n';
          t->digits[t->n] = p - start;
          t->value[t->n++] = v;
        }
      else if (g_ascii_isalpha (*p))
        {
          g_autofree char *word = NULL;
          gboolean found = FALSE;

          while (g_ascii_isalpha (*p))
            p++;
          word = g_strndup (start, p - start);
          if ((word[0] == 'q' || word[0] == 't') && word[1] == '\0' && *p >= '1' && *p <= '4'
              && !g_ascii_isdigit (p[1]))
            {
              if (t->n == 4)
                return FALSE;
              t->kind[t->n] = 'q';
              t->value[t->n++] = *p++ - '0';
              continue;
            }
          if (in_list (word, noise_words, G_N_ELEMENTS (noise_words)))
            continue;
          for (gsize i = 0; i < G_N_ELEMENTS (month_names) && !found; i++)
            if (strcmp (word, month_names[i].name) == 0)
              {
                if (t->n == 4)
                  return FALSE;
                t->kind[t->n] = 'm';
                t->value[t->n++] = month_names[i].month;
                found = TRUE;
              }
          if (!found)
            return FALSE;
        }
      else if (*p == '/' || *p == '-' || *p == '.' || *p == ',' || *p == ' ')
        {
          if (t->n == 1 && t->sep == '\0' && *p != ' ' && *p != ',')
            t->sep = *p;
          else if (t->n > 1 && *p != t->sep && *p != ' ' && *p != ',' && *p != '.')
            t->sep = '?';
          p++;
        }
      else
        return FALSE;
    }
  return t->n > 0;
}

/* Forms with a month name or a quarter: no order question. */
static gboolean
parse_named (const Tokens *t,
             TrancheDate  *out)
{
  char s[8];
  int n = 0;

  for (int i = 0; i < t->n; i++)
    s[n++] = t->kind[i] == 'n' ? (t->digits[i] == 4 ? 'y' : t->digits[i] <= 2 ? 'd' : '?')
                               : t->kind[i];
  s[n] = '\0';

#define N(i) (t->value[i])
#define Y(i) expand_year (t->value[i], t->digits[i])
  if (strcmp (s, "mdy") == 0)           /* Sep 25, 2023 */
    return make_date (N (2), N (0), N (1), out);
  if (strcmp (s, "mdd") == 0)           /* Sep 25, 23 */
    return make_date (Y (2), N (0), N (1), out);
  if (strcmp (s, "dmy") == 0 || strcmp (s, "dmd") == 0)  /* 25 Sep 2023, 25-Sep-23 */
    return make_date (Y (2), N (1), N (0), out);
  if (strcmp (s, "my") == 0 || strcmp (s, "md") == 0)    /* Sep 2023, Sep-23 */
    return make_date (Y (1), N (0), 0, out);
  if (strcmp (s, "ym") == 0)                             /* 2023 Sep */
    return make_date (N (0), N (1), 0, out);
  if (strcmp (s, "ymd") == 0)                            /* 2023 Sep 25 */
    return make_date (N (0), N (1), N (2), out);
  if (strcmp (s, "yd") == 0)                             /* 2023/09 */
    return make_date (N (0), N (1), 0, out);
  if (strcmp (s, "dy") == 0)                             /* 09/2023 */
    return make_date (N (1), N (0), 0, out);
  if (strcmp (s, "qy") == 0 || strcmp (s, "yq") == 0)    /* Q3 2023, 2023 Q3, T3 2023 */
    {
      char buf[16];

      g_snprintf (buf, sizeof buf, "%04d-Q%d", s[0] == 'y' ? N (0) : N (1),
                  s[0] == 'y' ? N (1) : N (0));
      return tranche_date_parse (buf, out) == TRANCHE_DATE_OK;
    }
#undef N
#undef Y
  return FALSE;
}

/* All numbers: "25/09/2023", "9/25/23", "2023/09/25", "25.09.2023". Sets
 * the orders it is valid under. */
static guint
numeric_orders (const Tokens *t,
                TrancheDate  *dmy,
                TrancheDate  *mdy)
{
  guint orders = 0;
  int year;

  if (t->n != 3 || t->sep == '\0' || t->sep == '?')
    return 0;
  if (t->digits[0] == 4)  /* year first: always year, month, day */
    return make_date (t->value[0], t->value[1], t->value[2], dmy)
           ? (*mdy = *dmy, TRANCHE_CSV_DATE_ORDER_DMY | TRANCHE_CSV_DATE_ORDER_MDY) : 0;
  if (t->digits[0] > 2 || t->digits[1] > 2)
    return 0;
  year = expand_year (t->value[2], t->digits[2]);
  if (make_date (year, t->value[1], t->value[0], dmy))
    orders |= TRANCHE_CSV_DATE_ORDER_DMY;
  if (make_date (year, t->value[0], t->value[1], mdy))
    orders |= TRANCHE_CSV_DATE_ORDER_MDY;
  return orders;
}

static TrancheCsvValue
parse_date_full (const char          *text,
                 TrancheCsvDateOrder  order,
                 TrancheDate         *out,
                 guint               *orders)
{
  g_autofree char *date = NULL;
  TrancheDate dmy, mdy;
  Tokens t;
  guint valid;

  *orders = 0;
  if (tranche_date_parse (text, out) == TRANCHE_DATE_OK)
    {
      *orders = TRANCHE_CSV_DATE_ORDER_DMY | TRANCHE_CSV_DATE_ORDER_MDY;
      return TRANCHE_CSV_VALUE_OK;
    }
  date = cut_time (text);
  if (date[0] == '\0')
    return TRANCHE_CSV_VALUE_EMPTY;
  if (tranche_date_parse (date, out) == TRANCHE_DATE_OK)
    {
      *orders = TRANCHE_CSV_DATE_ORDER_DMY | TRANCHE_CSV_DATE_ORDER_MDY;
      return TRANCHE_CSV_VALUE_OK;
    }
  if (!tokenize (date, &t))
    return TRANCHE_CSV_VALUE_INVALID;
  if (t.n == 1 && t.kind[0] == 'n' && t.digits[0] == 5)
    {
      /* A spreadsheet's day number, shown when a date cell lost its
       * style: days since 1899-12-30 */
      int y, m, d;

      tranche_day_to_ymd (tranche_day_from_ymd (1899, 12, 30) + t.value[0], &y, &m, &d);
      if (!make_date (y, m, d, out))
        return TRANCHE_CSV_VALUE_INVALID;
      *orders = TRANCHE_CSV_DATE_ORDER_DMY | TRANCHE_CSV_DATE_ORDER_MDY;
      return TRANCHE_CSV_VALUE_OK;
    }
  if (parse_named (&t, out))
    {
      *orders = TRANCHE_CSV_DATE_ORDER_DMY | TRANCHE_CSV_DATE_ORDER_MDY;
      return TRANCHE_CSV_VALUE_OK;
    }
  valid = numeric_orders (&t, &dmy, &mdy);
  *orders = valid;
  if (valid == 0)
    return TRANCHE_CSV_VALUE_INVALID;
  if (valid == (TRANCHE_CSV_DATE_ORDER_DMY | TRANCHE_CSV_DATE_ORDER_MDY)
      && tranche_date_compare (&dmy, &mdy) != 0 && order == TRANCHE_CSV_DATE_ORDER_UNKNOWN)
    return TRANCHE_CSV_VALUE_AMBIGUOUS;
  if (order == TRANCHE_CSV_DATE_ORDER_UNKNOWN)
    order = valid & TRANCHE_CSV_DATE_ORDER_DMY ? TRANCHE_CSV_DATE_ORDER_DMY
                                               : TRANCHE_CSV_DATE_ORDER_MDY;
  if ((valid & order) == 0)
    return TRANCHE_CSV_VALUE_INVALID;
  *out = order == TRANCHE_CSV_DATE_ORDER_DMY ? dmy : mdy;
  return TRANCHE_CSV_VALUE_OK;
}

TrancheCsvValue
tranche_csv_parse_date (const char          *text,
                        TrancheCsvDateOrder  order,
                        TrancheDate         *out)
{
  guint orders;

  g_return_val_if_fail (text != NULL && out != NULL, TRANCHE_CSV_VALUE_INVALID);
  if (text[0] == '\0')
    return TRANCHE_CSV_VALUE_EMPTY;
  return parse_date_full (text, order, out, &orders);
}

guint
tranche_csv_date_orders (const char *text)
{
  TrancheDate date;
  guint orders;

  g_return_val_if_fail (text != NULL, 0);
  if (parse_date_full (text, TRANCHE_CSV_DATE_ORDER_UNKNOWN, &date, &orders)
      == TRANCHE_CSV_VALUE_EMPTY)
    return TRANCHE_CSV_DATE_ORDER_DMY | TRANCHE_CSV_DATE_ORDER_MDY;
  return orders;
}

TrancheCsvDateOrder
tranche_csv_date_order_from_locale (void)
{
  const char *name = setlocale (LC_TIME, NULL);
  const char *format, *d, *m;

  if (name == NULL || strcmp (name, "C") == 0 || g_str_has_prefix (name, "C.")
      || strcmp (name, "POSIX") == 0)
    return TRANCHE_CSV_DATE_ORDER_UNKNOWN;
  format = nl_langinfo (D_FMT);
  d = strstr (format, "%d");
  if (d == NULL)
    d = strstr (format, "%e");
  m = strstr (format, "%m");
  if (d == NULL || m == NULL)
    return TRANCHE_CSV_DATE_ORDER_UNKNOWN;
  return d < m ? TRANCHE_CSV_DATE_ORDER_DMY : TRANCHE_CSV_DATE_ORDER_MDY;
}

gboolean
tranche_csv_parse_bool (const char *text,
                        gboolean   *out)
{
  static const char * const yes[] = { "yes", "y", "true", "1", "oui", "o", "vrai", "x", "~" };
  static const char * const no[] = { "", "no", "n", "false", "0", "non", "faux" };
  g_autofree char *folded = NULL;

  g_return_val_if_fail (text != NULL && out != NULL, FALSE);
  folded = tranche_csv_fold (text);
  if (in_list (folded, yes, G_N_ELEMENTS (yes)))
    return (*out = TRUE);
  *out = FALSE;
  return in_list (folded, no, G_N_ELEMENTS (no));
}

gboolean
tranche_csv_parse_kind (const char  *text,
                        const char **kind)
{
  static const char * const names[][2] = {
    { "investment", "investment" }, { "investissement", "investment" },
    { "valuation", "valuation" }, { "valorisation", "valuation" },
    { "acquisition", "acquisition" }, { "rachat", "acquisition" },
    { "commitment", "commitment" }, { "engagement", "commitment" },
    { "secondary", "secondary" }, { "secondaire", "secondary" },
    { "news", "news" }, { "actualite", "news" },
  };
  g_autofree char *folded = NULL;

  g_return_val_if_fail (text != NULL && kind != NULL, FALSE);
  folded = tranche_csv_fold (text);
  for (gsize i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (folded, names[i][0]) == 0)
      {
        *kind = names[i][1];
        return TRUE;
      }
  return FALSE;
}

gboolean
tranche_csv_parse_basis (const char  *text,
                         const char **basis)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (text != NULL && basis != NULL, FALSE);
  folded = tranche_csv_fold (text);
  g_strdelimit (folded, " ", '-');
  if (strcmp (folded, "post-money") == 0 || strcmp (folded, "post") == 0
      || strcmp (folded, "postmoney") == 0)
    *basis = "post-money";
  else if (strcmp (folded, "pre-money") == 0 || strcmp (folded, "pre") == 0
           || strcmp (folded, "premoney") == 0)
    *basis = "pre-money";
  else if (strcmp (folded, "reported") == 0 || strcmp (folded, "rapportee") == 0)
    *basis = "reported";
  else
    return FALSE;
  return TRUE;
}
