/* tranche-extract-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tranche-extract-date.h"

typedef struct
{
  const char *pattern;
  guint8      month;
  gboolean    capital;  /* English names are capitalised ("May" is no month, "may" is) */
} MonthName;

static const MonthName month_names[] = {
  { "january", 1, TRUE }, { "february", 2, TRUE }, { "march", 3, TRUE },
  { "april", 4, TRUE }, { "may", 5, TRUE }, { "june", 6, TRUE }, { "july", 7, TRUE },
  { "august", 8, TRUE }, { "september", 9, TRUE }, { "october", 10, TRUE },
  { "november", 11, TRUE }, { "december", 12, TRUE },
  { "jan.", 1, TRUE }, { "feb.", 2, TRUE }, { "aug.", 8, TRUE }, { "sept.", 9, TRUE },
  { "sep.", 9, TRUE }, { "oct.", 10, TRUE }, { "nov.", 11, TRUE }, { "dec.", 12, TRUE },
  { "janvier", 1, FALSE }, { "février", 2, FALSE }, { "fevrier", 2, FALSE },
  { "mars", 3, FALSE }, { "avril", 4, FALSE }, { "mai", 5, FALSE }, { "juin", 6, FALSE },
  { "juillet", 7, FALSE }, { "août", 8, FALSE }, { "aout", 8, FALSE },
  { "septembre", 9, FALSE }, { "octobre", 10, FALSE }, { "novembre", 11, FALSE },
  { "décembre", 12, FALSE }, { "decembre", 12, FALSE },
  { NULL, 0, FALSE }
};

typedef struct
{
  const char *pattern;
  guint8      weekday;  /* 0 Sunday .. 6 Saturday */
  gboolean    capital;
} WeekdayName;

static const WeekdayName weekday_names[] = {
  { "sunday", 0, TRUE }, { "monday", 1, TRUE }, { "tuesday", 2, TRUE },
  { "wednesday", 3, TRUE }, { "thursday", 4, TRUE }, { "friday", 5, TRUE },
  { "saturday", 6, TRUE }, { "dimanche", 0, FALSE }, { "lundi", 1, FALSE },
  { "mardi", 2, FALSE }, { "mercredi", 3, FALSE }, { "jeudi", 4, FALSE },
  { "vendredi", 5, FALSE }, { "samedi", 6, FALSE },
  { NULL, 0, FALSE }
};

typedef enum
{
  REL_THIS_YEAR,
  REL_LAST_YEAR,
  REL_THIS_MONTH,
  REL_LAST_MONTH,
  REL_TODAY,
  REL_YESTERDAY,
  REL_LAST_QUARTER,
} Relative;

typedef struct
{
  const char *pattern;
  Relative    relative;
} RelativePhrase;

/* Longest first where one starts another. */
static const RelativePhrase relative_phrases[] = {
  { "earlier this year", REL_THIS_YEAR }, { "earlier in the year", REL_THIS_YEAR },
  { "this year", REL_THIS_YEAR }, { "last year", REL_LAST_YEAR },
  { "a year ago", REL_LAST_YEAR }, { "the previous year", REL_LAST_YEAR },
  { "earlier this month", REL_THIS_MONTH }, { "this month", REL_THIS_MONTH },
  { "last month", REL_LAST_MONTH }, { "last quarter", REL_LAST_QUARTER },
  { "the previous quarter", REL_LAST_QUARTER }, { "today", REL_TODAY },
  { "yesterday", REL_YESTERDAY },
  { "plus tôt cette année", REL_THIS_YEAR }, { "plus tot cette année", REL_THIS_YEAR },
  { "plus tôt dans l'année", REL_THIS_YEAR }, { "cette année", REL_THIS_YEAR },
  { "l'an dernier", REL_LAST_YEAR }, { "l'an passé", REL_LAST_YEAR },
  { "l'année dernière", REL_LAST_YEAR }, { "l'année passée", REL_LAST_YEAR },
  { "plus tôt ce mois-ci", REL_THIS_MONTH }, { "ce mois-ci", REL_THIS_MONTH },
  { "le mois dernier", REL_LAST_MONTH }, { "le mois passé", REL_LAST_MONTH },
  { "le trimestre dernier", REL_LAST_QUARTER }, { "au dernier trimestre", REL_LAST_QUARTER },
  { "aujourd'hui", REL_TODAY }, { "hier", REL_YESTERDAY },
  { NULL, 0 }
};

typedef struct
{
  const char *pattern;
  guint8      quarter;
} QuarterWord;

static const QuarterWord quarter_words[] = {
  { "first quarter", 1 }, { "second quarter", 2 }, { "third quarter", 3 },
  { "fourth quarter", 4 }, { "premier trimestre", 1 }, { "1er trimestre", 1 },
  { "deuxième trimestre", 2 }, { "second trimestre", 2 }, { "2e trimestre", 2 },
  { "troisième trimestre", 3 }, { "3e trimestre", 3 }, { "quatrième trimestre", 4 },
  { "4e trimestre", 4 }, { "dernier trimestre", 4 },
  { NULL, 0 }
};

static gsize
skip_spaces (const char *text,
             gsize       len,
             gsize       pos)
{
  gsize n;

  while ((n = tranche_scan_space_len (text, len, pos)) > 0)
    pos += n;
  return pos;
}

static gboolean
has_day (const TrancheDate *date)
{
  return date != NULL && date->precision == TRANCHE_PRECISION_DAY;
}

static gboolean
has_month (const TrancheDate *date)
{
  return date != NULL && (date->precision == TRANCHE_PRECISION_MONTH
                          || date->precision == TRANCHE_PRECISION_DAY);
}

static TrancheDate
make_date (int year, int month, int day, TranchePrecision precision)
{
  TrancheDate d = { 0 };

  d.year = year;
  d.month = month;
  d.day = day;
  d.precision = precision;
  return d;
}

/* A four-digit year 1000..2999 standing alone at pos. */
static gboolean
read_year (const char *text,
           gsize       len,
           gsize       pos,
           int        *year,
           gsize      *end)
{
  if (pos + 4 > len || !tranche_scan_word_starts (text, pos))
    return FALSE;
  for (int i = 0; i < 4; i++)
    if (!g_ascii_isdigit (text[pos + i]))
      return FALSE;
  if (pos + 4 < len && (g_ascii_isalnum (text[pos + 4])
                        || ((text[pos + 4] == ',' || text[pos + 4] == '.')
                            && pos + 5 < len && g_ascii_isdigit (text[pos + 5]))))
    return FALSE;
  *year = g_ascii_digit_value (text[pos]) * 1000 + g_ascii_digit_value (text[pos + 1]) * 100
          + g_ascii_digit_value (text[pos + 2]) * 10 + g_ascii_digit_value (text[pos + 3]);
  if (*year < 1900 || *year > 2199)
    return FALSE;
  *end = pos + 4;
  return TRUE;
}

/* "5", "05", "1er", "1st", "22nd", "3rd", "5th" */
static gboolean
read_day (const char *text,
          gsize       len,
          gsize       pos,
          int        *day,
          gsize      *end)
{
  static const char * const suffixes[] = { "er", "st", "nd", "rd", "th", NULL };
  gsize i = pos;
  gsize after;

  if (!tranche_scan_word_starts (text, pos))
    return FALSE;
  *day = 0;
  while (i < len && g_ascii_isdigit (text[i]) && i - pos < 2)
    *day = *day * 10 + g_ascii_digit_value (text[i++]);
  if (i == pos || *day < 1 || *day > 31)
    return FALSE;
  if (tranche_scan_phrases (text, len, i, suffixes, &after) >= 0)
    i = after;
  else if (i < len && g_ascii_isalnum (text[i]))
    return FALSE;
  *end = i;
  return TRUE;
}

static int
read_month (const char *text,
            gsize       len,
            gsize       pos,
            gsize      *end)
{
  if (!tranche_scan_word_starts (text, pos))
    return 0;
  for (guint i = 0; month_names[i].pattern != NULL; i++)
    if (tranche_scan_phrase (text, len, pos, month_names[i].pattern, end))
      {
        if (month_names[i].capital && !g_ascii_isupper (text[pos]))
          continue;
        return month_names[i].month;
      }
  return 0;
}

static gboolean
valid_day (int year, int month, int day)
{
  return g_date_valid_dmy (day, month, year);
}

/* The latest `month` at or before the publication (before it with `strictly`). */
static TrancheDate
month_before (const TrancheDate *published,
              int                month,
              gboolean           strictly)
{
  int year = published->year;

  if (has_month (published)
      ? (month > published->month || (strictly && month == published->month))
      : strictly)
    year--;
  return make_date (year, month, 0, TRANCHE_PRECISION_MONTH);
}

/* "March 5, 2024", "March 5", "March 2024", "en février dernier", "in March" */
static gboolean
read_month_first (const char        *text,
                  gsize              len,
                  gsize              pos,
                  const TrancheDate *published,
                  TrancheDateMatch  *match)
{
  gsize p, e;
  int month = read_month (text, len, pos, &p);
  int day = 0, year;

  if (month == 0)
    return FALSE;
  e = skip_spaces (text, len, p);
  if (read_day (text, len, e, &day, &e))
    {
      gsize after_day = e;

      if (e < len && text[e] == ',')
        e++;
      e = skip_spaces (text, len, e);
      if (read_year (text, len, e, &year, &e) && valid_day (year, month, day))
        {
          match->date = make_date (year, month, day, TRANCHE_PRECISION_DAY);
          match->span.end = e;
          return TRUE;
        }
      if (published != NULL && tranche_date_is_set (published) && day <= 28)
        {
          TrancheDate d = month_before (published, month, FALSE);

          match->date = make_date (d.year, month, day, TRANCHE_PRECISION_DAY);
          match->relative = TRUE;
          match->span.end = after_day;
          return TRUE;
        }
      return FALSE;
    }
  if (read_year (text, len, e, &year, &e))
    {
      match->date = make_date (year, month, 0, TRANCHE_PRECISION_MONTH);
      match->span.end = e;
      return TRUE;
    }
  if (published == NULL || !tranche_date_is_set (published))
    return FALSE;
  /* "février dernier": the last February before the publication */
  if (tranche_scan_phrase (text, len, skip_spaces (text, len, p), "dernier", &e))
    {
      match->date = month_before (published, month, TRUE);
      match->span.end = e;
      match->relative = TRUE;
      return TRUE;
    }
  /* a bare month is a date only after "in"/"en"/"since"/"depuis"/"last" */
  {
    static const char * const before[] = { "in", "en", "since", "depuis", "last", "début",
                                           "fin", "mi-", NULL };
    gboolean introduced = FALSE;
    gsize s;

    for (guint i = 0; before[i] != NULL && !introduced; i++)
      introduced = tranche_scan_phrase_before (text, pos, before[i], &s);
    if (!introduced)
      return FALSE;
    match->date = month_before (published, month, FALSE);
    match->span.end = p;
    match->relative = TRUE;
    return TRUE;
  }
}

/* "5 March 2024", "le 1er mars 2024", "5 mars" */
static gboolean
read_day_first (const char        *text,
                gsize              len,
                gsize              pos,
                const TrancheDate *published,
                TrancheDateMatch  *match)
{
  int day, month, year;
  gsize e;

  if (!read_day (text, len, pos, &day, &e))
    return FALSE;
  e = skip_spaces (text, len, e);
  /* "the 5th of March" */
  tranche_scan_phrase (text, len, e, "of ", &e);
  month = read_month (text, len, e, &e);
  if (month == 0)
    return FALSE;
  match->span.end = e;
  e = skip_spaces (text, len, e);
  if (e < len && text[e] == ',')
    e = skip_spaces (text, len, e + 1);
  if (read_year (text, len, e, &year, &e))
    {
      if (!valid_day (year, month, day))
        return FALSE;
      match->date = make_date (year, month, day, TRANCHE_PRECISION_DAY);
      match->span.end = e;
      return TRUE;
    }
  if (published == NULL || !tranche_date_is_set (published))
    return FALSE;
  year = month_before (published, month, FALSE).year;
  if (!valid_day (year, month, day))
    return FALSE;
  match->date = make_date (year, month, day, TRANCHE_PRECISION_DAY);
  match->relative = TRUE;
  return TRUE;
}

/* "Q3 2023", "T3 2023", "third quarter of 2023", "au troisième trimestre 2023",
 * "the third quarter" (of the publication's year or the one before). */
static gboolean
read_quarter (const char        *text,
              gsize              len,
              gsize              pos,
              const TrancheDate *published,
              TrancheDateMatch  *match)
{
  int quarter = 0, year;
  gboolean short_form = FALSE;
  gsize e;

  if ((text[pos] == 'Q' || text[pos] == 'T') && pos + 1 < len && text[pos + 1] >= '1'
      && text[pos + 1] <= '4' && !tranche_scan_is_word_at (text, len, pos + 2))
    {
      quarter = text[pos + 1] - '0';
      e = pos + 2;
      short_form = TRUE;
    }
  else
    {
      for (guint i = 0; quarter_words[i].pattern != NULL && quarter == 0; i++)
        if (tranche_scan_phrase (text, len, pos, quarter_words[i].pattern, &e))
          quarter = quarter_words[i].quarter;
    }
  if (quarter == 0)
    return FALSE;
  match->span.end = e;
  {
    static const char * const links[] = { " of ", " de ", " ", NULL };
    gsize p;

    if (tranche_scan_phrases (text, len, e, links, &p) >= 0
        && read_year (text, len, p, &year, &p))
      {
        match->date = make_date (year, (quarter - 1) * 3 + 1, 0, TRANCHE_PRECISION_QUARTER);
        match->span.end = p;
        return TRUE;
      }
  }
  /* "Q3" alone is too easily something else */
  if (published == NULL || !tranche_date_is_set (published) || short_form)
    return FALSE;
  year = published->year;
  if (has_month (published) && (quarter - 1) * 3 + 1 > published->month)
    year--;
  match->date = make_date (year, (quarter - 1) * 3 + 1, 0, TRANCHE_PRECISION_QUARTER);
  match->relative = TRUE;
  return TRUE;
}

static TrancheDate
resolve_relative (Relative           relative,
                  const TrancheDate *published)
{
  int y = published->year, m = MAX (published->month, 1);

  switch (relative)
    {
    case REL_THIS_YEAR:
      return make_date (y, 0, 0, TRANCHE_PRECISION_YEAR);
    case REL_LAST_YEAR:
      return make_date (y - 1, 0, 0, TRANCHE_PRECISION_YEAR);
    case REL_THIS_MONTH:
    case REL_TODAY:
    case REL_YESTERDAY:
      if (has_day (published) && relative != REL_THIS_MONTH)
        {
          TrancheDay day = tranche_date_first_day (published) - (relative == REL_YESTERDAY);
          int yy, mm, dd;

          tranche_day_to_ymd (day, &yy, &mm, &dd);
          return make_date (yy, mm, dd, TRANCHE_PRECISION_DAY);
        }
      if (!has_month (published))
        return make_date (y, 0, 0, TRANCHE_PRECISION_YEAR);
      return make_date (y, m, 0, TRANCHE_PRECISION_MONTH);
    case REL_LAST_MONTH:
      if (!has_month (published))
        return make_date (y, 0, 0, TRANCHE_PRECISION_YEAR);
      return m == 1 ? make_date (y - 1, 12, 0, TRANCHE_PRECISION_MONTH)
                    : make_date (y, m - 1, 0, TRANCHE_PRECISION_MONTH);
    case REL_LAST_QUARTER:
    default:
      {
        int q = (m - 1) / 3;  /* this quarter, 0-based */

        if (q == 0)
          return make_date (y - 1, 10, 0, TRANCHE_PRECISION_QUARTER);
        return make_date (y, (q - 1) * 3 + 1, 0, TRANCHE_PRECISION_QUARTER);
      }
    }
}

/* "on Friday", "vendredi dernier": the last such day on or before publication */
static gboolean
read_weekday (const char        *text,
              gsize              len,
              gsize              pos,
              const TrancheDate *published,
              TrancheDateMatch  *match)
{
  gsize e;

  for (guint i = 0; weekday_names[i].pattern != NULL; i++)
    {
      TrancheDay day;
      int dow, back, y, m, d;
      gsize after;

      if (!tranche_scan_phrase (text, len, pos, weekday_names[i].pattern, &e)
          || (weekday_names[i].capital && !g_ascii_isupper (text[pos])))
        continue;
      if (tranche_scan_phrase (text, len, skip_spaces (text, len, e), "dernier", &after))
        e = after;
      match->span.end = e;
      match->relative = TRUE;
      if (!has_day (published))
        {
          match->date = has_month (published)
                        ? make_date (published->year, published->month, 0,
                                     TRANCHE_PRECISION_MONTH)
                        : make_date (published->year, 0, 0, TRANCHE_PRECISION_YEAR);
          return TRUE;
        }
      day = tranche_date_first_day (published);
      /* 1970-01-01 was a Thursday */
      dow = (((gint64) day % 7) + 7 + 4) % 7;
      back = (dow - weekday_names[i].weekday + 7) % 7;
      tranche_day_to_ymd (day - back, &y, &m, &d);
      match->date = make_date (y, m, d, TRANCHE_PRECISION_DAY);
      return TRUE;
    }
  return FALSE;
}

static gboolean
read_relative (const char        *text,
               gsize              len,
               gsize              pos,
               const TrancheDate *published,
               TrancheDateMatch  *match)
{
  gsize e;

  for (guint i = 0; relative_phrases[i].pattern != NULL; i++)
    if (tranche_scan_phrase (text, len, pos, relative_phrases[i].pattern, &e))
      {
        match->date = resolve_relative (relative_phrases[i].relative, published);
        match->span.end = e;
        match->relative = TRUE;
        return TRUE;
      }
  return read_weekday (text, len, pos, published, match);
}

/* "2023-11", "2023-11-05", "2024-Q2" */
static gboolean
read_iso (const char       *text,
          gsize             len,
          gsize             pos,
          TrancheDateMatch *match)
{
  char buf[11];
  gsize n = 0;
  int year;
  gsize e;

  if (!read_year (text, len, pos, &year, &e) && !(pos + 5 < len && text[pos + 4] == '-'))
    return FALSE;
  while (pos + n < len && n < 10 && (g_ascii_isdigit (text[pos + n]) || text[pos + n] == '-'
                                     || text[pos + n] == 'Q'))
    {
      buf[n] = text[pos + n];
      n++;
    }
  while (n > 4 && buf[n - 1] == '-')
    n--;
  buf[n] = '\0';
  if (n < 7 || buf[4] != '-' || (pos + n < len && g_ascii_isalnum (text[pos + n])))
    return FALSE;
  if (tranche_date_parse (buf, &match->date) != TRANCHE_DATE_OK)
    return FALSE;
  match->span.end = pos + n;
  return TRUE;
}

static gboolean
read_date (const char        *text,
           gsize              len,
           gsize              pos,
           const TrancheDate *published,
           TrancheDateMatch  *match)
{
  gboolean have_published = published != NULL && tranche_date_is_set (published);
  int year;

  match->span.start = pos;
  match->relative = FALSE;
  if (g_ascii_isdigit (text[pos]))
    {
      if (read_iso (text, len, pos, match) || read_day_first (text, len, pos, published, match))
        return TRUE;
      if (read_quarter (text, len, pos, published, match))
        return TRUE;
      if (read_year (text, len, pos, &year, &match->span.end))
        {
          match->date = make_date (year, 0, 0, TRANCHE_PRECISION_YEAR);
          return TRUE;
        }
      return FALSE;
    }
  if (read_quarter (text, len, pos, published, match)
      || read_month_first (text, len, pos, published, match))
    return TRUE;
  {
    static const char * const the[] = { "the ", "le ", "au ", NULL };
    gsize after;

    if (tranche_scan_phrases (text, len, pos, the, &after) >= 0
        && !g_ascii_isdigit (text[after])
        && read_quarter (text, len, after, published, match))
      {
        match->span.start = after;
        return TRUE;
      }
  }
  return have_published && read_relative (text, len, pos, published, match);
}

void
tranche_extract_dates (const char        *text,
                       gsize              len,
                       gsize              start,
                       gsize              end,
                       const TrancheDate *published,
                       GArray            *out)
{
  g_return_if_fail (text != NULL);
  g_return_if_fail (out != NULL);
  g_return_if_fail (start <= end && end <= len);

  for (gsize pos = start; pos < end;)
    {
      TrancheDateMatch match = { 0 };
      guchar c = text[pos];

      if ((g_ascii_isalnum (c) || c == 0xC3 || c == 'l') && tranche_scan_word_starts (text, pos)
          && read_date (text, len, pos, published, &match) && match.span.end <= end)
        {
          g_array_append_val (out, match);
          pos = match.span.end;
          continue;
        }
      pos++;
      while (pos < end && (((guchar) text[pos]) & 0xC0) == 0x80)
        pos++;
    }
}
