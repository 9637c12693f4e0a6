/* fuzz-csv-import.c: libFuzzer target for the CSV import
 *
 * Any bytes go through tranche_csv_import() as `tranche --import` and the
 * window's import dialog run it (the first byte picks the options: date
 * order, a currency, a column override, so those paths are fuzzed too).
 * Beyond "no crash, no sanitizer report", it aborts when:
 *  - an import gives no document and no error, or both;
 *  - a problem's message is not UTF-8, or names a row the file can't have;
 *  - the document it writes does not load through the loader with no error,
 *    or loads to another number of events than it holds.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tranche-csv-import.h"
#include "tranche-loader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void fail (const char *format,
                  ...) G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN;

/* g_error() traps (SIGTRAP), which libFuzzer doesn't catch: abort() is a
 * crash it saves and minimizes. */
static void
fail (const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  abort ();
}

static guint
count_lines (const char *data,
             size_t      size)
{
  guint lines = 1;

  for (size_t i = 0; i < size; i++)
    if (data[i] == '\n' || (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n')))
      lines++;
  return lines;
}

static void
check_diagnostics (TrancheDiagnostics *diagnostics,
                   guint               max_row,
                   const char         *what)
{
  for (guint i = 0; i < tranche_diagnostics_get_length (diagnostics); i++)
    {
      const TrancheDiagnostic *d = tranche_diagnostics_get (diagnostics, i);

      if (!g_utf8_validate (d->message, -1, NULL))
        fail ("%s: a problem's message is not UTF-8", what);
      if (d->line > max_row)
        fail ("%s: a problem names row %u of a text of %u lines: %s", what, d->line, max_row,
              d->message);
    }
}

static guint
n_events (JsonNode *document)
{
  JsonObject *root = json_node_get_object (document);
  JsonArray *events = json_object_get_array_member (root, "events");

  return events ? json_array_get_length (events) : 0;
}

static void
check_document (JsonNode *document)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;
  char *text;

  if (!JSON_NODE_HOLDS_OBJECT (document))
    fail ("the import's document is not an object");
  json_generator_set_root (generator, document);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, &length);
  bytes = g_bytes_new_take (text, length);
  dataset = tranche_loader_load_bytes (bytes, NULL, NULL, diagnostics, &error);
  if (dataset == NULL)
    fail ("the imported document does not load: %s\n%s", error ? error->message : "(no error)",
          text);
  for (guint i = 0; i < tranche_diagnostics_get_length (diagnostics); i++)
    {
      const TrancheDiagnostic *d = tranche_diagnostics_get (diagnostics, i);

      if (d->severity == TRANCHE_SEVERITY_ERROR)
        fail ("the imported document has an error at %s: %s\n%s", d->path, d->message, text);
    }
  if (tranche_dataset_get_n_events (dataset) != n_events (document))
    fail ("the imported document holds %u events, the loader read %u", n_events (document),
          tranche_dataset_get_n_events (dataset));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char * const maps[][3] = {
    { NULL }, { "1=date", NULL }, { "2=target", "3=amount", NULL },
    { "1=investors", "2=lead-investors", NULL },
  };
  static const char * const currencies[] = { NULL, "EUR", "USD", "JPY" };
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(JsonNode) document = NULL;
  g_autoptr(GError) error = NULL;
  TrancheCsvImportOptions options = { 0 };
  TrancheCsvImportResult result = { 0 };
  const char *text;
  guint8 flags;

  if (size == 0)
    return 0;
  flags = data[0];
  text = (const char *) data + 1;
  size--;
  options.date_order = flags & 3;
  if (options.date_order == 3)
    options.date_order = TRANCHE_CSV_DATE_ORDER_UNKNOWN;
  options.currency = currencies[(flags >> 2) & 3];
  options.map = (flags & 0x10) ? maps[(flags >> 5) & 3] : NULL;

  document = tranche_csv_import (size ? text : "", size, &options, diagnostics, &result, &error);
  if ((document == NULL) == (error == NULL))
    fail ("the import gave %s", document ? "a document and an error" : "neither a document "
                                                                      "nor an error");
  if (error != NULL && !g_utf8_validate (error->message, -1, NULL))
    fail ("the import's error is not UTF-8");
  check_diagnostics (diagnostics, count_lines (text, size), "import");
  if (document == NULL)
    return 0;
  if (result.n_events != n_events (document))
    fail ("the import says %u events, its document holds %u", result.n_events,
          n_events (document));
  check_document (document);
  return 0;
}
