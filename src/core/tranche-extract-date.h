/* tranche-extract-date.h: dates as articles write them
 *
 * Years ("en 2019", "in 2019"), months ("en février 2023", "in March 2024",
 * "September 2023"), days ("March 5, 2024", "le 1er mars 2024"), quarters
 * ("Q3 2023", "the third quarter of 2023", "T2 2024", "au deuxième trimestre
 * 2024"), ISO forms ("2023-11"), and dates relative to the publication date
 * ("earlier this year", "last year", "plus tôt cette année", "l'an dernier",
 * "en février dernier", "in February", "on Friday", "vendredi dernier",
 * "last month", "le mois dernier"). A date keeps the precision it is written
 * with: "last year" is a year, "on Friday" a day.
 */
#pragma once

#include <glib.h>

#include "tranche-date.h"
#include "tranche-extract-scan.h"

G_BEGIN_DECLS

typedef struct
{
  TrancheSpan span;
  TrancheDate date;
  gboolean    relative;  /* computed from the publication date */
} TrancheDateMatch;

/* Appends to `out` (of TrancheDateMatch) every date in text[start, end), in
 * order. Relative dates need `published` (NULL or unset: they are skipped);
 * "on Friday" needs it to the day, else it gives the published month. */
void tranche_extract_dates (const char        *text,
                            gsize              len,
                            gsize              start,
                            gsize              end,
                            const TrancheDate *published,
                            GArray            *out);

G_END_DECLS
