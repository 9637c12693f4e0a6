/* tranche-summary.h: the totals Tranche draws, as text or JSON
 *
 * For `tranche --summary FILE [--json]` and anyone who scripts: per target
 * and per investor→target pair, money received, commitments outstanding and
 * the last valuation, then every reported total with the computed one
 * beside it. Every figure comes from TrancheTotals, as the charts' do.
 *
 * JSON members (amounts in units, null when unknown):
 *   {"file", "currency",
 *    "targets": [{"id", "name", "received": [Sum], "committed_outstanding": [Sum],
 *                 "last_valuation": {"date", "value", "currency", "basis", "approx"} | null,
 *                 "investors": [{"id", "name", "received", "committed_outstanding",
 *                                "share": {"min", "max"} | null, "rounds", "led"}]}],
 *    "reported": [{"event", "date", "target", "scope", "investors",
 *                  "reported": {"value", "currency", "approx"},
 *                  "computed": {"currency", "min", "max", "undisclosed"}, "gap"}]}
 * where Sum is {"currency", "min", "max", "undisclosed", "approx"}, one per
 * currency that could not be converted. A range (reported or valuation) has
 * "value": null and adds "min" and "max". An investor's "share" is of the
 * money its target received whose amount is known, 0 to 1, "max" null when
 * its own undisclosed amounts leave it open; "rounds" counts the events in
 * which it put money in, "led" those it led.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "tranche-dataset.h"
#include "tranche-totals.h"

G_BEGIN_DECLS

/* One line of the summary: a target's own (investor TRANCHE_NO_ENTITY) or an
 * investor's in it. The summary slide shows these, as --summary does. */
typedef struct
{
  guint32  target;       /* entity index */
  guint32  investor;     /* entity index, or TRANCHE_NO_ENTITY */
  GArray  *received;     /* TrancheSum, one per currency, the dataset's first */
  GArray  *outstanding;  /* commitments not yet paid, likewise */
  double   share_min;    /* of the target's known money received, 0 to 1; NAN when
                          * unknown (nothing known, or the target's own line) */
  double   share_max;    /* INFINITY when undisclosed amounts of its own leave it open */
  guint    n_rounds;     /* events in which it put money in (its steps in the totals) */
  guint    n_led;        /* of which the file says it led */
} TrancheSummaryLine;

/* Every line, in --summary's order: each target, then its investors in entity
 * order. `mask` is the one `totals` was built with (NULL for all events):
 * investors only in hidden events get no line. Free with g_array_unref. */
GArray   *tranche_summary_get_lines    (TrancheTotals            *totals,
                                        const guint8             *mask);
/* "17–29%", "38%", "≥ 0.4%", or "unknown", in the user's language. */
char     *tranche_summary_format_share (const TrancheSummaryLine *line);
/* "$110M", "$385–660M + 1 undisclosed", or "none" as --summary says it. */
char     *tranche_summary_format_sums  (GArray                   *sums);

/* Whose money a reported total counts: "Atlas Industrial → Helio Robotics",
 * "its investors → Anthropic", or the company's name. */
char     *tranche_summary_describe_scope (TrancheDataset         *ds,
                                          const TrancheGap       *gap);

/* `file_name` is what "file" says (the caller passes the base name). */
JsonNode *tranche_summary_to_json (TrancheTotals *totals,
                                   const char    *file_name);
/* The same, for a person to read, in their language; ends with a newline. */
char     *tranche_summary_to_text (TrancheTotals *totals);

G_END_DECLS
