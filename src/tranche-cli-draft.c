/* tranche-cli-draft.c: `tranche --draft ARTICLE.txt`
 *
 * Prints a format-1 dataset: the article as a source (with its text, language
 * and published date), the actors the drafts name, and one event per draft
 * with "draft": true and its quote. With --into, ids are those of the given
 * dataset: its entities are recognised by name, and new ids never collide
 * with its own. The JSON is written by json-glib's generator, so everything
 * from the article is escaped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "tranche-cli.h"
#include "tranche-draft-writer.h"
#include "tranche-loader.h"

static TrancheDataset *
load_into (const char *filename)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  TrancheDataset *dataset = tranche_loader_load_file (filename, NULL, diagnostics, &error);

  if (dataset == NULL)
    {
      for (guint i = 0; i < tranche_diagnostics_get_length (diagnostics); i++)
        {
          g_autofree char *line =
            tranche_diagnostic_to_string (tranche_diagnostics_get (diagnostics, i), filename);
          g_printerr ("%s\n", line);
        }
      /* Translators: FILE: error: reason, when a file can't be read at all */
      g_printerr (_("%s: error: %s\n"), filename, error->message);
    }
  return dataset;
}

int
tranche_cli_draft (const TrancheCliDraft *args)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autoptr(TrancheDataset) into = NULL;
  g_autoptr(TrancheActors) actors = tranche_actors_new ();
  g_autoptr(TrancheExtraction) extraction = NULL;
  g_autofree char *json = NULL;
  TrancheExtractOptions options = { TRANCHE_LANGUAGE_UNKNOWN, { 0 } };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *title = g_path_get_basename (args->article);
  gsize len;

  g_return_val_if_fail (args != NULL && args->article != NULL, 2);

  if (args->language != NULL)
    {
      options.language = tranche_language_from_tag (args->language);
      if (options.language == TRANCHE_LANGUAGE_UNKNOWN)
        {
          g_printerr (_("tranche: --language is fr or en, not “%s”\n"), args->language);
          return 2;
        }
    }
  if (args->published != NULL
      && tranche_date_parse (args->published, &options.published) != TRANCHE_DATE_OK)
    {
      g_printerr (_("tranche: --published needs a date like 2023, 2023-11 or 2023-11-05, "
                    "not “%s”\n"), args->published);
      return 2;
    }
  if (!g_file_get_contents (args->article, &text, &len, &error))
    {
      g_printerr (_("%s: error: %s\n"), args->article, error->message);
      return 1;
    }
  if (!g_utf8_validate (text, len, NULL) || strlen (text) != len)
    {
      g_printerr (_("%s: error: the article is not UTF-8 text\n"), args->article);
      return 1;
    }
  if (args->into != NULL)
    {
      if ((into = load_into (args->into)) == NULL)
        return 1;
      tranche_actors_add_dataset (actors, into);
    }

  extraction = tranche_extract (text, len, &options, actors);
  root = tranche_draft_write_dataset (text, len, title, &options.published, into, actors,
                                      extraction);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json = json_generator_to_data (generator, NULL);
  g_print ("%s\n", json);
  return 0;
}
