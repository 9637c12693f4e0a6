/* tranche-csv-values.h: amounts, dates and flags as spreadsheets write them
 *
 * One implementation of each rule for every CSV caller (import, tests, and
 * later the window's import dialog).
 */
#pragma once

#include <glib.h>

#include "tranche-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  TRANCHE_CSV_VALUE_OK = 0,
  TRANCHE_CSV_VALUE_EMPTY,        /* nothing in the cell */
  TRANCHE_CSV_VALUE_UNDISCLOSED,  /* "undisclosed", "n/a", "non communiqué", "—"… */
  TRANCHE_CSV_VALUE_INVALID,
  TRANCHE_CSV_VALUE_AMBIGUOUS,    /* a date that reads both day/month and month/day */
} TrancheCsvValue;

typedef struct
{
  double          value;     /* in units: "1.25B" is 1250000000 */
  TrancheCurrency currency;  /* 0 when the cell names none */
  gboolean        dollar;    /* the currency came from a bare "$", which any dollar uses */
  gboolean        approx;    /* "~", "≈", "about", "environ"… */
  gboolean        scaled;    /* a multiplier was written: "M", "Md", "billion"… */
} TrancheCsvAmount;

typedef enum
{
  TRANCHE_CSV_DATE_ORDER_UNKNOWN = 0,
  TRANCHE_CSV_DATE_ORDER_DMY = 1 << 0,  /* 25/09/2023 */
  TRANCHE_CSV_DATE_ORDER_MDY = 1 << 1,  /* 09/25/2023 */
} TrancheCsvDateOrder;

/* Lowercase ASCII with accents and surrounding space removed, inner space
 * runs (and '_') made one space: "  Société_Cible " is "societe cible". */
char           *tranche_csv_fold                (const char          *text);

/* "$124,000,000", "€105,000,000", "600 000 000" (with U+00A0 or U+202F too),
 * "1 700 000 000,00", "1.25B", "$300M", "1,25 Md€", "USD 5m", "~40M"… */
TrancheCsvValue tranche_csv_parse_amount        (const char          *text,
                                                 TrancheCsvAmount    *out);

/* "2023-09-25", "2023-09", "2023", "2023-Q3", "25/09/2023" or "09/25/2023"
 * (in `order`; AMBIGUOUS when it matters and is UNKNOWN), "9/25/23",
 * "25.09.2023", "Sep 25, 2023", "25-Sep-23", "Monday, September 25, 2023",
 * "25 septembre 2023", "Sep-23", "Q3 2023", an Excel day number (45194),
 * with any time of day after it ignored. */
TrancheCsvValue tranche_csv_parse_date          (const char          *text,
                                                 TrancheCsvDateOrder  order,
                                                 TrancheDate         *out);
/* The orders under which `text` is a valid date, as TrancheCsvDateOrder
 * bits: both for forms where the order plays no part, 0 when invalid. */
guint           tranche_csv_date_orders         (const char          *text);
/* How the user's locale writes numeric dates (LC_TIME), UNKNOWN for C/POSIX. */
TrancheCsvDateOrder tranche_csv_date_order_from_locale (void);

/* "yes"/"no", "true"/"false", "1"/"0", "oui"/"non", "x", "~"; an empty cell is FALSE. */
gboolean        tranche_csv_parse_bool          (const char          *text,
                                                 gboolean            *out);
/* An event kind in English or French ("investment", "investissement"…). */
gboolean        tranche_csv_parse_kind          (const char          *text,
                                                 const char         **kind);
/* "post-money", "pre-money" or "reported" (and "post money", "post"…). */
gboolean        tranche_csv_parse_basis         (const char          *text,
                                                 const char         **basis);

G_END_DECLS
