/* tranche-csv-columns.h: which event member each CSV column holds
 *
 * Headers are recognised case- and accent-insensitively in English and
 * French ("Announced Date", "Date d'annonce", "Société", "Investor Names",
 * "Montant"…, the columns of Crunchbase-style funding-round exports and of
 * Tranche's own table export); any of them can be overridden with
 * "COLUMN=MEMBER", COLUMN a header or a column number from 1.
 */
#pragma once

#include <glib.h>

#include "tranche-money.h"

G_BEGIN_DECLS

typedef enum
{
  TRANCHE_CSV_IGNORE = 0,
  TRANCHE_CSV_ID,
  TRANCHE_CSV_DATE,
  TRANCHE_CSV_END,
  TRANCHE_CSV_KIND,
  TRANCHE_CSV_TITLE,
  TRANCHE_CSV_TARGET,
  TRANCHE_CSV_INVESTORS,
  TRANCHE_CSV_LEADS,
  TRANCHE_CSV_AMOUNT,
  TRANCHE_CSV_CURRENCY,
  TRANCHE_CSV_APPROX,
  TRANCHE_CSV_MIN,
  TRANCHE_CSV_MAX,
  TRANCHE_CSV_VALUATION,
  TRANCHE_CSV_PRE_MONEY,
  TRANCHE_CSV_POST_MONEY,
  TRANCHE_CSV_VALUATION_CURRENCY,
  TRANCHE_CSV_BASIS,
  TRANCHE_CSV_ROUND,
  TRANCHE_CSV_TAGS,
  TRANCHE_CSV_SOURCES,
  TRANCHE_CSV_SUMMARY,
  TRANCHE_CSV_N_MEMBERS
} TrancheCsvMember;

/* The member a header names, IGNORE when it is not one we know. An amount
 * header may end with its unit in parentheses: "Montant (M€)", "Amount
 * (USD)", "Valuation (in millions)"; "(in USD)" alone is a column a
 * database converted into another currency, and is ignored. */
TrancheCsvMember tranche_csv_member_for_header (const char       *header);
/* The unit of such a header: 1e6 and EUR for "Montant (M€)". FALSE (and
 * 1, 0) when it has none. */
gboolean         tranche_csv_header_unit       (const char       *header,
                                                double           *factor,
                                                TrancheCurrency  *currency);
/* The name --map takes ("amount", "lead-investors", "ignore"…). */
gboolean         tranche_csv_member_parse      (const char       *name,
                                                TrancheCsvMember *member);
const char      *tranche_csv_member_to_string  (TrancheCsvMember  member);
/* "id, date, end, …": the names --map accepts, for messages. */
char            *tranche_csv_member_list       (void);

/* The member of each of `n_columns` columns: headers recognised, then each
 * "COLUMN=MEMBER" of `overrides` applied. FALSE with `error` when an
 * override names no column or no member. */
gboolean         tranche_csv_columns_map       (const char * const *headers,
                                                guint               n_columns,
                                                const char * const *overrides,
                                                TrancheCsvMember   *members,
                                                GError            **error);

G_END_DECLS
