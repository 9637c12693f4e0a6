/* tranche-cli-export.c: `tranche --export OUT [options] [FILE]`
 *
 * Renders the charts, or the presentation as a deck, with no display at
 * all: only core is used, and the bundled sample is read from the resources
 * compiled into the binary.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "tranche-cli.h"
#include "tranche-csv-writer.h"
#include "tranche-deck.h"
#include "tranche-text-cache.h"
#include "tranche-export.h"

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

/* `--export events.csv FILE`: the event table, not a drawing, so none of
 * the drawing options apply. */
static int
export_table (const TrancheCliExport *args)
{
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;

  if (args->deck || args->size != NULL || !isnan (args->scale) || args->theme != NULL
      || args->view != NULL || args->from != NULL || args->to != NULL || args->transparent
      || args->title >= 0 || args->footer >= 0)
    {
      g_printerr (_("tranche: a .csv export is the table of events: --view, --size, --scale, "
                    "--theme, --transparent, --title, --footer, --deck, --from and --to "
                    "don’t apply to it\n"));
      return 2;
    }
  dataset = tranche_cli_load_for_output (args->filename);
  if (dataset == NULL)
    return 1;
  if (!tranche_csv_export_events (dataset, NULL, args->output, &error))
    {
      g_printerr ("tranche: %s\n", error->message);
      return 1;
    }
  return 0;
}

static gpointer
load_thread (gpointer filename)
{
  return tranche_cli_load_for_output (filename);
}

int
tranche_cli_export (const TrancheCliExport *args)
{
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  TrancheExportOptions options;
  TrancheExportFormat format = TRANCHE_EXPORT_PDF;
  GThread *loading;
  gboolean ok;

  g_return_val_if_fail (args != NULL && args->output != NULL, 2);

  if (g_str_has_suffix (args->output, ".csv") || g_str_has_suffix (args->output, ".CSV"))
    return export_table (args);
  tranche_export_options_init (&options);
  if (args->deck)
    {
      if (!tranche_deck_output_is_folder (args->output)
          && (!tranche_export_format_for_filename (args->output, &format)
              || format != TRANCHE_EXPORT_PDF))
        {
          g_printerr (_("tranche: a deck goes into a .pdf file or a folder (a name ending "
                        "in /), not “%s”\n"), args->output);
          return 2;
        }
      if (args->view != NULL || args->title >= 0 || args->footer >= 0 || args->transparent)
        {
          g_printerr (_("tranche: --view, --title, --footer and --transparent don’t apply to "
                        "--deck: its pages are the presentation’s slides\n"));
          return 2;
        }
    }
  else if (!tranche_export_format_for_filename (args->output, &format))
    {
      g_printerr (_("tranche: cannot export to “%s”: the name must end in .png, .svg, .pdf or "
                    ".csv\n"),
                  args->output);
      return 2;
    }
  if (args->size != NULL && !tranche_export_parse_size (args->size, &options.width,
                                                        &options.height))
    {
      g_printerr (_("tranche: --size “%s” is not a size: use WIDTHxHEIGHT (e.g. 1920x1080), "
                    "slide, 4k or a4\n"), args->size);
      return 2;
    }
  if (!isnan (args->scale))
    options.scale = args->scale;
  if (!isnan (args->scale) && format != TRANCHE_EXPORT_PNG && !args->deck)
    {
      g_printerr (_("tranche: --scale is for PNG images; SVG and PDF are drawn in vectors at "
                    "any size\n"));
      return 2;
    }
  if (args->theme != NULL && !tranche_theme_variant_parse (args->theme, &options.theme))
    {
      g_printerr (_("tranche: --theme “%s” is unknown: use light or dark\n"), args->theme);
      return 2;
    }
  if (args->transparent && format != TRANCHE_EXPORT_PNG)
    {
      g_printerr (_("tranche: --transparent is for PNG images; “%s” is not one\n"),
                  args->output);
      return 2;
    }
  options.transparent = args->transparent;
  if (args->view != NULL && !tranche_chart_stack_parse_views (args->view, &options.views))
    {
      g_printerr (_("tranche: --view “%s” is unknown: use timeline, valuation, cumulative or "
                    "all (or several joined by commas)\n"), args->view);
      return 2;
    }
  if (args->title >= 0)
    options.show_title = args->title;
  options.title = args->title_text;
  options.subtitle = args->subtitle_text;
  if (args->footer >= 0)
    options.show_footer = args->footer;
  if (args->from != NULL && !parse_day ("--from", args->from, FALSE, &options.first))
    return 2;
  if (args->to != NULL && !parse_day ("--to", args->to, TRUE, &options.end))
    return 2;

  /* The file loads on another core while this thread, which will draw,
   * sets its fonts up: both are needed before the first text is measured. */
  loading = g_thread_new ("tranche-load", load_thread, (gpointer) args->filename);
  tranche_text_cache_warm_up ();
  dataset = g_thread_join (loading);
  if (dataset == NULL)
    return 1;
  if (args->deck)
    {
      guint n_pages = 0;

      ok = tranche_deck_export (dataset, args->output, &options, &n_pages, &error);
      if (ok && tranche_deck_output_is_folder (args->output))
        /* Translators: after `tranche --export DIR/ --deck` */
        g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u page written\n",
                              "%s: %u pages written\n", n_pages), args->output, n_pages);
    }
  else
    ok = tranche_export_dataset (dataset, args->output, &options, &error);
  if (!ok)
    {
      g_printerr ("tranche: %s\n", error->message);
      return g_error_matches (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_OPTIONS)
             || g_error_matches (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_FORMAT)
             ? 2 : 1;
    }
  return 0;
}
