/* tranche-cli-summary.h: `tranche --summary`, which needs no display */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Prints the totals of `filename` (see tranche-summary.h), as JSON with
 * `json`. Exit status: 0 printed, 1 the file has errors (events left out)
 * or isn't a dataset, 2 it can't be read. */
int tranche_cli_summary (const char *filename,
                         gboolean    json);

G_END_DECLS
