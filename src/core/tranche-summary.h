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
 *                 "investors": [{"id", "name", "received", "committed_outstanding"}]}],
 *    "reported": [{"event", "date", "target", "scope", "investors",
 *                  "reported": {"value", "currency", "approx"},
 *                  "computed": {"currency", "min", "max", "undisclosed"}, "gap"}]}
 * where Sum is {"currency", "min", "max", "undisclosed", "approx"}, one per
 * currency that could not be converted. A range (reported or valuation) has
 * "value": null and adds "min" and "max".
 */
#pragma once

#include <json-glib/json-glib.h>

#include "tranche-dataset.h"
#include "tranche-totals.h"

G_BEGIN_DECLS

/* `file_name` is what "file" says (the caller passes the base name). */
JsonNode *tranche_summary_to_json (TrancheTotals *totals,
                                   const char    *file_name);
/* The same, for a person to read, in their language; ends with a newline. */
char     *tranche_summary_to_text (TrancheTotals *totals);

G_END_DECLS
