/* tranche-csv-import.h: CSV rows as a format-1 dataset
 *
 * Each row becomes an event; company and investor names become entities
 * with stable ids made from the names (the format's id pattern,
 * deduplicated), or the entities of the dataset the rows are added to when
 * the names match; each distinct source URL becomes one source. Every
 * problem goes into the diagnostics with the spreadsheet's row (the header
 * is row 1) and column number, which print as FILE:ROW:COL like --check;
 * a row with an error is left out, the others are imported.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "tranche-csv-values.h"
#include "tranche-diagnostics.h"

G_BEGIN_DECLS

typedef struct
{
  const char * const  *map;         /* "COLUMN=MEMBER" overrides, NULL-terminated, or NULL */
  const char          *currency;    /* ISO code of amounts that name none, or NULL */
  TrancheCsvDateOrder  date_order;  /* UNKNOWN: from the values, then the locale */
  JsonNode            *into;        /* a format-1 document to add the rows to, or NULL */
  const char          *title;       /* the title of a new dataset, or NULL */
  gboolean             for_window;  /* messages name the import dialog's choices,
                                     * not --map, --date-order or --currency */
} TrancheCsvImportOptions;

typedef struct
{
  guint n_events;     /* rows imported */
  guint n_left_out;   /* rows with errors */
  guint n_entities;   /* entities created */
  guint n_sources;    /* sources created */
} TrancheCsvImportResult;

/* A new document: `options->into` copied with the rows added, or a new
 * dataset. NULL with `error` set when nothing can be imported: the bytes
 * are not UTF-8 CSV, there is no header, no column holds the dates or the
 * companies, or an override is wrong. */
JsonNode *tranche_csv_import (const char                    *data,
                              gsize                          length,
                              const TrancheCsvImportOptions *options,
                              TrancheDiagnostics            *diagnostics,
                              TrancheCsvImportResult        *result,
                              GError                       **error);

G_END_DECLS
