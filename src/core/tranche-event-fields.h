/* tranche-event-fields.h: an event's fields as people read them, and events
 * compared by them
 *
 * The table, the source panel and the filter bar show the same fields (the
 * investors' names, the target's, the kind) and the table sorts by them. Both
 * live here, without GTK, so that what is shown and how it is ordered agree and
 * can be tested without a display. Comparisons allocate nothing: sorting a
 * million events calls them some twenty million times.
 */
#pragma once

#include <glib.h>

#include "tranche-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  TRANCHE_EVENT_FIELD_DATE = 0,
  TRANCHE_EVENT_FIELD_TITLE,
  TRANCHE_EVENT_FIELD_INVESTORS,
  TRANCHE_EVENT_FIELD_TARGET,
  TRANCHE_EVENT_FIELD_AMOUNT,
  TRANCHE_EVENT_FIELD_VALUATION,
  TRANCHE_EVENT_FIELD_ROUND,
  TRANCHE_EVENT_FIELD_SOURCES,
  TRANCHE_EVENT_FIELD_KIND,
  TRANCHE_N_EVENT_FIELDS
} TrancheEventField;

/* Orders events `a` and `b` (indices) by one field, ascending: dates by
 * tranche_date_compare (then end), money by its best value in the default
 * currency where a rate is known, with a figure that exists but is undisclosed
 * below every value and an absent one below that (so a descending sort puts
 * the largest first and the unknowns last), text case- and accent-insensitively
 * with empty text first. Ties fall back to dataset order, so the order is total. */
int          tranche_event_compare_field     (TrancheDataset     *dataset,
                                              guint               a,
                                              guint               b,
                                              TrancheEventField   field);

/* Case-insensitive order of two UTF-8 strings that ignores accents first
 * ("Éclair" between "Eagle" and "Ezra"), then case, then bytes. NULL and ""
 * come first. */
int          tranche_utf8_casecmp            (const char         *a,
                                              const char         *b);

/* The investors' names joined by ", " ("…, Khosla and 40 others" past a
 * dozen); "" when there are none. */
char        *tranche_event_dup_investor_names (TrancheDataset     *dataset,
                                               const TrancheEvent *event);
/* Who led the round, "led by Spark Capital", "led by ICONIQ, Fidelity and
 * Lightspeed"; NULL when no investor is marked as lead. */
char        *tranche_event_dup_leads         (TrancheDataset     *dataset,
                                              const TrancheEvent *event);
/* The target's name, or NULL when the event has none. */
const char  *tranche_event_get_target_name   (TrancheDataset     *dataset,
                                              const TrancheEvent *event);
/* "Investment", "Valuation"… in the user's language. */
const char  *tranche_event_kind_get_label    (TrancheEventKind    kind);
/* "post-money", "pre-money", "reported" in the user's language, or NULL for
 * TRANCHE_BASIS_NONE. */
const char  *tranche_valuation_basis_get_label (TrancheValuationBasis basis);

G_END_DECLS
