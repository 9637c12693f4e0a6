/* tranche-problems.c: the loader's problems, their cap and their hand-over
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tranche-checks.h"
#include "tranche-loader-private.h"

static void
clear_problem (gpointer data)
{
  TrancheProblem *p = data;

  g_clear_pointer (&p->path, g_free);
  g_clear_pointer (&p->message, g_free);
}

static GArray *
problem_list_new (void)
{
  GArray *list = g_array_new (FALSE, TRUE, sizeof (TrancheProblem));

  g_array_set_clear_func (list, clear_problem);
  return list;
}

void
tranche_problems_init (TrancheProblems *problems)
{
  memset (problems, 0, sizeof *problems);
  problems->list = problem_list_new ();
  problems->fatal = problem_list_new ();
}

void
tranche_problems_clear (TrancheProblems *problems)
{
  g_clear_pointer (&problems->list, g_array_unref);
  g_clear_pointer (&problems->fatal, g_array_unref);
}

gboolean
tranche_problems_has_room (TrancheProblems *problems)
{
  return problems->list->len < TRANCHE_MAX_PROBLEMS;
}

static void
append (GArray          *list,
        TrancheSeverity  severity,
        char            *path,
        gsize            offset,
        char            *message)
{
  TrancheProblem p = { severity, path, offset, 0, 0, message, list->len };

  g_array_append_val (list, p);
}

void
tranche_problems_add (TrancheProblems *problems,
                      TrancheSeverity  severity,
                      char            *path,
                      gsize            offset,
                      char            *message)
{
  if (!tranche_problems_has_room (problems))
    {
      /* counted, not stored: a broken million-event file stays cheap */
      problems->n_dropped++;
      problems->dropped_error |= severity == TRANCHE_SEVERITY_ERROR;
      g_free (path);
      g_free (message);
      return;
    }
  append (problems->list, severity, path, offset, message);
}

void
tranche_problems_add_fatal (TrancheProblems *problems,
                            gsize            offset,
                            const char      *path,
                            char            *message)
{
  append (problems->fatal, TRANCHE_SEVERITY_ERROR, g_strdup (path), offset, message);
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const TrancheProblem *pa = a;
  const TrancheProblem *pb = b;

  if (pa->offset != pb->offset)
    return pa->offset < pb->offset ? -1 : 1;
  return pa->seq < pb->seq ? -1 : pa->seq > pb->seq;
}

/* In file order, with offsets turned into line:column in one pass. */
static void
hand_over_list (GArray             *list,
                const char         *data,
                gsize               len,
                TrancheDiagnostics *diagnostics)
{
  TrancheCursor cursor;

  g_array_sort (list, compare_problems);
  tranche_cursor_init (&cursor, data, len);
  for (guint i = 0; i < list->len; i++)
    {
      const TrancheProblem *p = &g_array_index (list, TrancheProblem, i);
      guint line = p->line, column = p->column;

      if (p->offset != TRANCHE_NO_OFFSET)
        {
          tranche_cursor_seek (&cursor, p->offset);
          line = cursor.line;
          column = tranche_cursor_column (&cursor);
        }
      tranche_diagnostics_add (diagnostics, p->severity, p->path, line, column, "%s", p->message);
    }
}

void
tranche_problems_hand_over (TrancheProblems    *problems,
                            gboolean            fatal,
                            const char         *data,
                            gsize               len,
                            TrancheDiagnostics *diagnostics)
{
  if (diagnostics == NULL)
    return;
  /* Problems found in events of a file that is no dataset would only be
   * noise: the reasons it is none are all that is reported. */
  if (fatal)
    {
      hand_over_list (problems->fatal, data, len, diagnostics);
      return;
    }
  hand_over_list (problems->list, data, len, diagnostics);
  if (problems->n_dropped > 0)
    tranche_diagnostics_add (diagnostics,
                             problems->dropped_error ? TRANCHE_SEVERITY_ERROR
                                                     : TRANCHE_SEVERITY_WARNING,
                             "", 0, 0,
                             ngettext ("%u more problem not listed",
                                       "%u more problems not listed", problems->n_dropped),
                             problems->n_dropped);
}

/* Only made when a problem is reported: most values are fine. */
char *
tranche_problems_shorten (const char *text)
{
  const char *cut;

  if (g_utf8_strlen (text, 41) <= 40)
    return g_strdup (text);
  cut = g_utf8_offset_to_pointer (text, 37);
  return g_strdup_printf ("%.*s…", (int) (cut - text), text);
}

/* The loader's own problems, at its current path */

void
tranche_loader_report_valist (Loader          *self,
                              TrancheSeverity  severity,
                              const char      *format,
                              va_list          args)
{
  if (severity == TRANCHE_SEVERITY_ERROR)
    self->n_errors_here++;
  /* neither formatted nor located past the cap */
  if (!tranche_problems_has_room (&self->problems))
    {
      tranche_problems_add (&self->problems, severity, NULL, 0, NULL);
      return;
    }
  tranche_problems_add (&self->problems, severity, tranche_loader_path_to_string (self),
                        tranche_loader_locate (self, FALSE), g_strdup_vprintf (format, args));
}

typedef gboolean (*IsKnownFunc) (TrancheDatasetBuilder *builder,
                                 const char            *id);
typedef char    *(*MessageFunc) (Loader                *self,
                                 const char            *id,
                                 const char            *quoted_id);

/* A warning at the first use of each id that nothing declared by the end. */
static void
warn_undeclared (Loader      *self,
                 GHashTable  *uses,
                 IsKnownFunc  is_known,
                 MessageFunc  message)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, uses);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Reference *ref = value;
      g_autofree char *quoted = NULL;

      if (is_known (self->builder, key))
        continue;
      if (!tranche_problems_has_room (&self->problems))
        {
          tranche_problems_add (&self->problems, TRANCHE_SEVERITY_WARNING, NULL, 0, NULL);
          continue;
        }
      quoted = tranche_problems_shorten (key);
      tranche_problems_add (&self->problems, TRANCHE_SEVERITY_WARNING, g_strdup (ref->path),
                            ref->offset, message (self, key, quoted));
    }
}

static char *
undeclared_entity (Loader     *self,
                   const char *id,
                   const char *quoted_id)
{
  g_autofree const char **declared = NULL;
  const char *closest;
  guint n = 0;

  declared = tranche_dataset_builder_get_declared_ids (self->builder, &n);
  closest = tranche_checks_closest_id (id, declared, n);
  if (closest != NULL)
    {
      g_autofree char *quoted_closest = tranche_problems_shorten (closest);

      /* Translators: an id no entity declares, and the declared one it is
       * most likely a typo of. */
      return g_strdup_printf (_("no entity has the id \"%1$s\"; did you mean \"%2$s\"?"),
                              quoted_id, quoted_closest);
    }
  return g_strdup_printf (_("no entity has the id \"%s\"; it is shown under that id until one "
                            "is declared in \"entities\""), quoted_id);
}

static char *
undeclared_source (Loader     *self,
                   const char *id,
                   const char *quoted_id)
{
  return g_strdup_printf (_("no source has the id \"%s\"; the quote is kept without it"),
                          quoted_id);
}

void
tranche_loader_report_unknown_references (Loader *self)
{
  warn_undeclared (self, self->unknown_entities, tranche_dataset_builder_entity_is_declared,
                   undeclared_entity);
  warn_undeclared (self, self->unknown_sources, tranche_dataset_builder_has_source,
                   undeclared_source);
}
