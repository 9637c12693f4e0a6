/* main.c: `tranche`, the command line, and the window's launcher
 *
 * Command-line modes (--check, --export...) run here with core alone, so they
 * work with no display and never load GTK; everything else executes
 * `tranche-window` (src/main-window.c) with the files to open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <unistd.h>

#include <errno.h>

#include "tranche-allocator.h"
#include "tranche-bootstrap.h"
#include "tranche-cli.h"
#include "tranche-cli-summary.h"
#include "tranche-i18n.h"

/* The window may open a big file at any time: it starts with the
 * allocator set up for one. Returns only when it could not be started. */
static int
start_window (const char         *argv0,
              const char * const *files)
{
  g_autofree char *program = tranche_bootstrap_window_program ();
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (gpointer) argv0);
  for (guint i = 0; files != NULL && files[i] != NULL; i++)
    g_ptr_array_add (args, (gpointer) files[i]);
  g_ptr_array_add (args, NULL);
  tranche_bootstrap_restart_tuned (program, (char **) args->pdata);
  /* set already (by the user): no restart, the window all the same */
  execv (program, (char **) args->pdata);
  /* Translators: %s is the program's path, then the system's reason */
  g_printerr (_("tranche: could not start the window (%s): %s\n"), program, g_strerror (errno));
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  gboolean check = FALSE;
  gboolean summary = FALSE, json = FALSE;
  gboolean version = FALSE;
  g_auto(GStrv) files = NULL;
  g_autofree char *export_to = NULL;
  g_autofree char *size = NULL;
  g_autofree char *theme = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *view = NULL;
  gboolean transparent = FALSE;
  gboolean deck = FALSE;
  g_autofree char *title = NULL, *subtitle = NULL;
  gboolean no_title = FALSE;
  gboolean footer = FALSE, no_footer = FALSE;
  double scale = NAN;
  g_autofree char *article = NULL;
  g_autofree char *language = NULL;
  g_autofree char *published = NULL;
  g_autofree char *import = NULL;
  g_autofree char *output = NULL;
  g_autofree char *currency = NULL;
  g_autofree char *date_order = NULL;
  g_autofree char *into = NULL;
  g_auto(GStrv) map = NULL;
  const GOptionEntry entries[] = {
    { "check", 'c', 0, G_OPTION_ARG_NONE, &check,
      N_("Check the files and print their problems, without opening a window"), NULL },
    { "summary", 0, 0, G_OPTION_ARG_NONE, &summary,
      N_("Print the totals of FILE (received, committed, reported), without opening a window"),
      NULL },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("With --summary: as JSON"), NULL },
    { "export", 'e', 0, G_OPTION_ARG_FILENAME, &export_to,
      N_("Draw the charts of FILE into OUT (.png, .svg or .pdf), or write its events as a "
         "table (.csv), without opening a window"), N_("OUT") },
    { "view", 0, 0, G_OPTION_ARG_STRING, &view,
      N_("With --export: timeline (default), valuation, cumulative or all, stacked on one "
         "time axis"), N_("VIEW") },
    { "size", 0, 0, G_OPTION_ARG_STRING, &size,
      N_("With --export: WIDTHxHEIGHT in pixels (points for PDF), or slide (1920x1080, the "
         "default), 4k or a4 (landscape)"), N_("SIZE") },
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale,
      N_("With --export: pixels per unit of size, e.g. 2 for a sharp image on a HiDPI "
         "screen (default 1)"), N_("N") },
    { "theme", 0, 0, G_OPTION_ARG_STRING, &theme,
      N_("With --export: light (default) or dark"), N_("THEME") },
    { "transparent", 0, 0, G_OPTION_ARG_NONE, &transparent,
      N_("With --export to a PNG: no background behind the charts"), NULL },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title,
      N_("With --export: TEXT as the title above the charts, instead of the dataset’s"),
      N_("TEXT") },
    { "subtitle", 0, 0, G_OPTION_ARG_STRING, &subtitle,
      N_("With --export: TEXT under the title, instead of the events, years and currency "
         "shown"), N_("TEXT") },
    { "no-title", 0, 0, G_OPTION_ARG_NONE, &no_title,
      N_("With --export: no title above the charts"), NULL },
    { "footer", 0, 0, G_OPTION_ARG_NONE, &footer,
      N_("With --export: a footer naming the cited sources and the period shown"), NULL },
    { "no-footer", 0, 0, G_OPTION_ARG_NONE, &no_footer,
      N_("With --export: no footer (the default)"), NULL },
    { "deck", 0, 0, G_OPTION_ARG_NONE, &deck,
      N_("With --export: the presentation as pages, a title page and one per event: OUT is "
         "a .pdf, or a folder (ending in /) for numbered PNG images"), NULL },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from,
      N_("With --export: the first date shown, e.g. 2023 or 2023-04"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to,
      N_("With --export: the last date shown, included (--to 2023 ends with 2023)"),
      N_("DATE") },
    { "draft", 0, 0, G_OPTION_ARG_FILENAME, &article,
      N_("Print draft events found in the article FILE as a dataset, without opening a window"),
      N_("FILE") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("With --draft: the article’s language, fr or en (default: guessed)"), N_("LANG") },
    { "published", 0, 0, G_OPTION_ARG_STRING, &published,
      N_("With --draft: when the article was published, for “last year” or “on Friday”"),
      N_("DATE") },
    { "import", 0, 0, G_OPTION_ARG_FILENAME, &import,
      N_("Read the events of a CSV table into a dataset (written with -o), without opening "
         "a window"), N_("FILE.csv") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("With --import: the dataset to write"), N_("OUT.json") },
    { "map", 0, 0, G_OPTION_ARG_STRING_ARRAY, &map,
      N_("With --import: read a column as a member, e.g. “Money Raised=amount” or "
         "“4=ignore” (repeatable)"), N_("COLUMN=MEMBER") },
    { "currency", 0, 0, G_OPTION_ARG_STRING, &currency,
      N_("With --import: the currency of amounts that name none, e.g. EUR"), N_("CODE") },
    { "date-order", 0, 0, G_OPTION_ARG_STRING, &date_order,
      N_("With --import: dmy (25/09/2023) or mdy (09/25/2023), when the dates don’t tell"),
      N_("ORDER") },
    { "into", 0, 0, G_OPTION_ARG_FILENAME, &into,
      N_("With --draft or --import: use the entities and ids of this dataset (--import adds "
         "the rows to it)"), N_("DATASET.json") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Print the version and exit"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("[FILE…]") },
    { NULL }
  };

  g_auto(GStrv) original_argv = g_strdupv (argv);

  tranche_bootstrap_use_build_tree ();
  tranche_i18n_init ();

  context = g_option_context_new (NULL);
  g_option_context_set_summary (context,
                                _("Explore how money flows into companies over time.\n\n"
                                  "With no FILE, opens the bundled sample dataset."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("tranche: %s\n", error->message);
      g_printerr (_("Run “%s --help” to see the options.\n"), g_get_prgname ());
      return 2;
    }

  if (version)
    {
      g_print ("tranche %s\n", PACKAGE_VERSION);
      return 0;
    }

  if (article != NULL || language != NULL || published != NULL)
    {
      TrancheCliDraft draft = { article, language, published, into };

      if (article == NULL || check || export_to != NULL || import != NULL)
        {
          g_printerr (_("tranche: --language, --published and --into go with --draft, which "
                        "goes alone\n"));
          return 2;
        }
      return tranche_cli_draft (&draft);
    }
  if (import != NULL)
    {
      TrancheCliImport args = {
        .filename = import,
        .output = output,
        .map = (const char * const *) map,
        .currency = currency,
        .date_order = date_order,
        .into = into,
      };

      if (check || export_to != NULL || (files != NULL && files[0] != NULL))
        {
          g_printerr (_("tranche: --import reads one CSV file and writes it with -o; it "
                        "takes no other FILE, --check or --export\n"));
          return 2;
        }
      return tranche_cli_import (&args);
    }
  if (output != NULL || map != NULL || currency != NULL || date_order != NULL || into != NULL)
    {
      g_printerr (_("tranche: -o, --map, --currency and --date-order go with --import, "
                    "--into with --draft or --import\n"));
      return 2;
    }
  if (summary || json)
    {
      if (!summary || check || export_to != NULL || files == NULL || files[0] == NULL
          || files[1] != NULL)
        {
          g_printerr (_("tranche: --summary takes one FILE, and --json goes with it\n"));
          return 2;
        }
      return tranche_cli_summary (files[0], json);
    }

  /* --check and --export read FILEs: restart for a big one only. */
  if ((check || export_to != NULL) && output == NULL
      && tranche_allocator_restart_pays_off (
           tranche_bootstrap_largest_file ((const char * const *) files)))
    tranche_bootstrap_restart_tuned (NULL, original_argv);

  if (export_to != NULL)
    {
      if (check)
        {
          g_printerr (_("tranche: --check and --export can't be used together\n"));
          return 2;
        }
      if (files != NULL && files[0] != NULL && files[1] != NULL)
        {
          g_printerr (_("tranche: --export draws one FILE at a time\n"));
          return 2;
        }
      if (((title || subtitle) && no_title) || (footer && no_footer))
        {
          g_printerr (_("tranche: --title or --subtitle and --no-title (or --footer and "
                        "--no-footer) can’t be used together\n"));
          return 2;
        }
      {
        TrancheCliExport args = {
          .output = export_to,
          .filename = files != NULL ? files[0] : NULL,
          .size = size,
          .scale = scale,
          .theme = theme,
          .view = view,
          .from = from,
          .to = to,
          .transparent = transparent,
          .deck = deck,
          .title = title || subtitle ? 1 : no_title ? 0 : -1,
          .title_text = title,
          .subtitle_text = subtitle,
          .footer = footer ? 1 : no_footer ? 0 : -1,
        };
        return tranche_cli_export (&args);
      }
    }
  if (size != NULL || theme != NULL || from != NULL || to != NULL || !isnan (scale)
      || view != NULL || transparent || deck || title || subtitle || no_title || footer || no_footer)
    {
      g_printerr (_("tranche: --view, --size, --scale, --theme, --transparent, --title, "
                    "--subtitle, --footer, --deck, --from and --to go with --export\n"));
      return 2;
    }

  if (check)
    {
      if (files == NULL || files[0] == NULL)
        {
          g_printerr (_("tranche: --check needs at least one FILE\n"));
          return 2;
        }
      return tranche_cli_check ((const char * const *) files);
    }

  return start_window (original_argv[0], (const char * const *) files);
}
