/* tranche-csv-writer.h: the event table as CSV
 *
 * One row per shown event under a header of the format's members — id,
 * date, kind, title, investors, lead investors, target, amount, currency,
 * approximate, min, max, valuation, basis, round, tags, sources, then end
 * and summary — that tranche-csv-import.h reads back into the same events.
 * UTF-8 with a byte-order mark (so Excel reads it as UTF-8), commas, CRLF
 * line ends and quotes where RFC 4180 needs them; a text that a spreadsheet
 * would run as a formula gets a leading "'", which the import takes off.
 */
#pragma once

#include <stdio.h>

#include "tranche-dataset.h"

G_BEGIN_DECLS

/* Writes the events `mask` shows (one byte per event, as TrancheFilter
 * makes it; NULL: all) into `file`. */
gboolean tranche_csv_write_events  (TrancheDataset  *dataset,
                                    GBytes          *mask,
                                    FILE            *file,
                                    GError         **error);
/* The same into `filename`, through a temporary file renamed into place. */
gboolean tranche_csv_export_events (TrancheDataset  *dataset,
                                    GBytes          *mask,
                                    const char      *filename,
                                    GError         **error);

G_END_DECLS
