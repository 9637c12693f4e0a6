/* tranche-date.h: partial calendar dates whose form is their precision
 *
 * "2021" means some time in 2021, not 1 January 2021: a date keeps the
 * precision it was written with, and maps to a span of days, never to a
 * made-up exact day.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TRANCHE_PRECISION_NONE = 0, /* no date (an absent `end`) */
  TRANCHE_PRECISION_YEAR,
  TRANCHE_PRECISION_QUARTER,
  TRANCHE_PRECISION_MONTH,
  TRANCHE_PRECISION_DAY,
} TranchePrecision;

typedef struct
{
  gint16 year;    /* 1000..9999 */
  guint8 month;   /* 1..12; for QUARTER the first month of the quarter; 0 for YEAR */
  guint8 day;     /* 1..31 for DAY, else 0 */
  guint8 precision;
} TrancheDate;

typedef enum
{
  TRANCHE_DATE_OK = 0,
  TRANCHE_DATE_ERROR_SYNTAX,     /* not one of YYYY, YYYY-Qn, YYYY-MM, YYYY-MM-DD */
  TRANCHE_DATE_ERROR_RANGE,      /* year outside 1000..9999 */
  TRANCHE_DATE_ERROR_CALENDAR,   /* 2023-02-30, 2023-13, 2023-Q5 */
} TrancheDateError;

/* Days since 1970-01-01 (proleptic Gregorian), as doubles so a time scale can
 * map them to x and place things inside a day without conversions. */
typedef double TrancheDay;

TrancheDateError tranche_date_parse          (const char        *text,
                                              TrancheDate       *out);
gboolean         tranche_date_is_set         (const TrancheDate *date);
TrancheDate      tranche_date_from_day       (int                year,
                                              int                month,
                                              int                day);
/* First day of the span the date stands for, and the first day after it. */
TrancheDay       tranche_date_first_day      (const TrancheDate *date);
TrancheDay       tranche_date_end_day        (const TrancheDate *date);
/* FALSE when `end` ends on or before the day `date` starts: an event's end
 * must come after its date (the loader's rule, which importers follow). */
gboolean         tranche_date_end_follows    (const TrancheDate *date,
                                              const TrancheDate *end);
/* Where a marker for the date goes: the centre of its span. */
TrancheDay       tranche_date_middle_day     (const TrancheDate *date);
/* Ordering: by first day, then coarser precision first, so "2021" sorts before
 * "2021-01-01" and both before "2021-02". */
int              tranche_date_compare        (const TrancheDate *a,
                                              const TrancheDate *b);
/* ISO-style text in the date's own form ("2021", "2024-Q2", "2023-01-05"). */
char            *tranche_date_to_iso         (const TrancheDate *date);
/* The calendar date of a day number (for ticks and the crosshair). */
void             tranche_day_to_ymd          (TrancheDay         day,
                                              int               *year,
                                              int               *month,
                                              int               *mday);
TrancheDay       tranche_day_from_ymd        (int                year,
                                              int                month,
                                              int                mday);

G_END_DECLS
