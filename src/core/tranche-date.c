/* tranche-date.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tranche-date.h"

static gboolean
read_digits (const char *text,
             int         count,
             int        *value)
{
  int v = 0;

  for (int i = 0; i < count; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v = v * 10 + (text[i] - '0');
    }
  *value = v;
  return TRUE;
}

TrancheDateError
tranche_date_parse (const char  *text,
                    TrancheDate *out)
{
  TrancheDate date = { 0 };
  int year, month = 0, day = 0;
  gsize len;

  g_return_val_if_fail (text != NULL, TRANCHE_DATE_ERROR_SYNTAX);
  g_return_val_if_fail (out != NULL, TRANCHE_DATE_ERROR_SYNTAX);

  len = strlen (text);
  if (len < 4 || !read_digits (text, 4, &year))
    return TRANCHE_DATE_ERROR_SYNTAX;

  if (len == 4)
    date.precision = TRANCHE_PRECISION_YEAR;
  else if (len == 7 && text[4] == '-' && (text[5] == 'Q' || text[5] == 'q'))
    {
      if (!g_ascii_isdigit (text[6]))
        return TRANCHE_DATE_ERROR_SYNTAX;
      if (text[6] < '1' || text[6] > '4')
        return TRANCHE_DATE_ERROR_CALENDAR;
      month = (text[6] - '1') * 3 + 1;
      date.precision = TRANCHE_PRECISION_QUARTER;
    }
  else if (len == 7 && text[4] == '-' && read_digits (text + 5, 2, &month))
    date.precision = TRANCHE_PRECISION_MONTH;
  else if (len == 10 && text[4] == '-' && text[7] == '-'
           && read_digits (text + 5, 2, &month) && read_digits (text + 8, 2, &day))
    date.precision = TRANCHE_PRECISION_DAY;
  else
    return TRANCHE_DATE_ERROR_SYNTAX;

  if (year < 1000 || year > 9999)
    return TRANCHE_DATE_ERROR_RANGE;
  if (date.precision >= TRANCHE_PRECISION_MONTH && (month < 1 || month > 12))
    return TRANCHE_DATE_ERROR_CALENDAR;
  if (date.precision == TRANCHE_PRECISION_DAY
      && (day < 1 || day > g_date_get_days_in_month (month, year)))
    return TRANCHE_DATE_ERROR_CALENDAR;

  date.year = year;
  date.month = month;
  date.day = day;
  *out = date;
  return TRANCHE_DATE_OK;
}

gboolean
tranche_date_is_set (const TrancheDate *date)
{
  g_return_val_if_fail (date != NULL, FALSE);
  return date->precision != TRANCHE_PRECISION_NONE;
}

TrancheDate
tranche_date_from_day (int year,
                       int month,
                       int day)
{
  TrancheDate date = { year, month, day, TRANCHE_PRECISION_DAY };
  return date;
}

/* Days since 1970-01-01 in the proleptic Gregorian calendar, for any year
 * (H. Hinnant's days-from-civil); months outside 1..12 roll into the next or
 * previous years so tick generators can step freely. */
TrancheDay
tranche_day_from_ymd (int year,
                      int month,
                      int mday)
{
  int y, era, yoe, doy, doe, m;

  y = year + (month - 1 >= 0 ? (month - 1) / 12 : -((12 - month) / 12));
  m = ((month - 1) % 12 + 12) % 12 + 1;
  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = y - era * 400;
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + mday - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (TrancheDay) era * 146097 + doe - 719468;
}

void
tranche_day_to_ymd (TrancheDay  day,
                    int        *year,
                    int        *month,
                    int        *mday)
{
  gint64 z = (gint64) floor (day) + 719468;
  gint64 era = (z >= 0 ? z : z - 146096) / 146097;
  gint64 doe = z - era * 146097;
  gint64 yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  gint64 doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  gint64 mp = (5 * doy + 2) / 153;
  int d = doy - (153 * mp + 2) / 5 + 1;
  int m = mp < 10 ? mp + 3 : mp - 9;
  int y = yoe + era * 400 + (m <= 2);

  if (year)
    *year = y;
  if (month)
    *month = m;
  if (mday)
    *mday = d;
}

TrancheDay
tranche_date_first_day (const TrancheDate *date)
{
  g_return_val_if_fail (date != NULL, 0);

  switch ((TranchePrecision) date->precision)
    {
    case TRANCHE_PRECISION_YEAR:
      return tranche_day_from_ymd (date->year, 1, 1);
    case TRANCHE_PRECISION_QUARTER:
    case TRANCHE_PRECISION_MONTH:
      return tranche_day_from_ymd (date->year, date->month, 1);
    case TRANCHE_PRECISION_DAY:
      return tranche_day_from_ymd (date->year, date->month, date->day);
    case TRANCHE_PRECISION_NONE:
    default:
      return 0;
    }
}

TrancheDay
tranche_date_end_day (const TrancheDate *date)
{
  g_return_val_if_fail (date != NULL, 0);

  switch ((TranchePrecision) date->precision)
    {
    case TRANCHE_PRECISION_YEAR:
      return tranche_day_from_ymd (date->year + 1, 1, 1);
    case TRANCHE_PRECISION_QUARTER:
      return tranche_day_from_ymd (date->year, date->month + 3, 1);
    case TRANCHE_PRECISION_MONTH:
      return tranche_day_from_ymd (date->year, date->month + 1, 1);
    case TRANCHE_PRECISION_DAY:
      return tranche_day_from_ymd (date->year, date->month, date->day) + 1;
    case TRANCHE_PRECISION_NONE:
    default:
      return 0;
    }
}

TrancheDay
tranche_date_middle_day (const TrancheDate *date)
{
  g_return_val_if_fail (date != NULL, 0);
  return (tranche_date_first_day (date) + tranche_date_end_day (date)) / 2.0;
}

int
tranche_date_compare (const TrancheDate *a,
                      const TrancheDate *b)
{
  TrancheDay da, db;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  da = tranche_date_first_day (a);
  db = tranche_date_first_day (b);
  if (da != db)
    return da < db ? -1 : 1;
  if (a->precision != b->precision)
    return a->precision < b->precision ? -1 : 1;
  return 0;
}

char *
tranche_date_to_iso (const TrancheDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  switch ((TranchePrecision) date->precision)
    {
    case TRANCHE_PRECISION_YEAR:
      return g_strdup_printf ("%04d", date->year);
    case TRANCHE_PRECISION_QUARTER:
      return g_strdup_printf ("%04d-Q%d", date->year, (date->month - 1) / 3 + 1);
    case TRANCHE_PRECISION_MONTH:
      return g_strdup_printf ("%04d-%02d", date->year, date->month);
    case TRANCHE_PRECISION_DAY:
      return g_strdup_printf ("%04d-%02d-%02d", date->year, date->month, date->day);
    case TRANCHE_PRECISION_NONE:
    default:
      return g_strdup ("");
    }
}

gboolean
tranche_date_end_follows (const TrancheDate *date,
                          const TrancheDate *end)
{
  g_return_val_if_fail (date != NULL && end != NULL, FALSE);

  return tranche_date_end_day (end) > tranche_date_first_day (date);
}
