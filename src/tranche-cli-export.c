/* tranche-cli-export.c: `tranche --export OUT [options] [FILE]`
 *
 * Renders the timeline with no display at all: only core is used, and the
 * bundled sample is read from the resources compiled into the binary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "tranche-cli.h"
#include "tranche-export.h"
#include "tranche-loader.h"

#define SAMPLE_RESOURCE "/org/tranche/Tranche/samples/microsoft-openai.json"

static gboolean
parse_size (const char *text,
            int        *width,
            int        *height)
{
  char *end;
  gint64 w, h;

  w = g_ascii_strtoll (text, &end, 10);
  if (end == text || (*end != 'x' && *end != 'X'))
    return FALSE;
  text = end + 1;
  h = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || w <= 0 || h <= 0 || w > G_MAXINT || h > G_MAXINT)
    return FALSE;
  *width = (int) w;
  *height = (int) h;
  return TRUE;
}

static gboolean
parse_day (const char *option,
           const char *text,
           gboolean    end_of_span,
           TrancheDay *day)
{
  TrancheDate date;

  if (tranche_date_parse (text, &date) != TRANCHE_DATE_OK)
    {
      /* Translators: --from or --to, then what was given */
      g_printerr (_("tranche: %s “%s” is not a date: use YYYY, YYYY-Qn, YYYY-MM or "
                    "YYYY-MM-DD, years 1000 to 9999\n"), option, text);
      return FALSE;
    }
  /* --to 2023 means up to the end of 2023, so --from 2023 --to 2023 is the year. */
  *day = end_of_span ? tranche_date_end_day (&date) : tranche_date_first_day (&date);
  return TRUE;
}

static TrancheDataset *
load (const char *filename)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  TrancheDataset *dataset;
  const char *shown = filename;

  if (filename != NULL)
    dataset = tranche_loader_load_file (filename, NULL, diagnostics, &error);
  else
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (SAMPLE_RESOURCE,
                                                         G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
      /* Translators: how the bundled sample is named in messages */
      shown = _("the bundled sample");
      dataset = bytes != NULL
        ? tranche_loader_load_bytes (bytes, NULL, NULL, diagnostics, &error) : NULL;
    }

  if (dataset == NULL)
    {
      for (guint i = 0; i < tranche_diagnostics_get_length (diagnostics); i++)
        {
          g_autofree char *line =
            tranche_diagnostic_to_string (tranche_diagnostics_get (diagnostics, i), shown);
          g_printerr ("%s\n", line);
        }
      /* Translators: FILE: error: reason, when a file can't be read at all */
      g_printerr (_("%s: error: %s\n"), shown, error != NULL ? error->message : "");
    }
  return dataset;
}

int
tranche_cli_export (const char *output,
                    const char *filename,
                    const char *size,
                    double      scale,
                    const char *theme,
                    const char *from,
                    const char *to)
{
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  TrancheExportOptions options;
  TrancheExportFormat format;

  g_return_val_if_fail (output != NULL, 2);

  tranche_export_options_init (&options);
  if (!tranche_export_format_for_filename (output, &format))
    {
      g_printerr (_("tranche: cannot export to “%s”: the name must end in .png, .svg or .pdf\n"),
                  output);
      return 2;
    }
  if (size != NULL && !parse_size (size, &options.width, &options.height))
    {
      g_printerr (_("tranche: --size “%s” is not a size: use WIDTHxHEIGHT, e.g. 1920x1080\n"),
                  size);
      return 2;
    }
  if (!isnan (scale))
    options.scale = scale;
  if (theme != NULL && !tranche_theme_variant_parse (theme, &options.theme))
    {
      g_printerr (_("tranche: --theme “%s” is unknown: use light or dark\n"), theme);
      return 2;
    }
  if (from != NULL && !parse_day ("--from", from, FALSE, &options.first))
    return 2;
  if (to != NULL && !parse_day ("--to", to, TRUE, &options.end))
    return 2;

  dataset = load (filename);
  if (dataset == NULL)
    return 1;
  if (!tranche_export_dataset (dataset, output, &options, &error))
    {
      g_printerr ("tranche: %s\n", error->message);
      return g_error_matches (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_OPTIONS) ? 2 : 1;
    }
  return 0;
}
