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

/* Whether `a` comes after `b` in the file (ties: found after it). */
static gboolean
is_after (const TrancheProblem *a,
          const TrancheProblem *b)
{
  if (a->offset != b->offset)
    return a->offset > b->offset;
  return a->seq > b->seq;
}

static void
heap_swap (GArray *heap,
           guint   i,
           guint   j)
{
  TrancheProblem t = g_array_index (heap, TrancheProblem, i);

  g_array_index (heap, TrancheProblem, i) = g_array_index (heap, TrancheProblem, j);
  g_array_index (heap, TrancheProblem, j) = t;
}

static void
heap_sift_up (GArray *heap,
              guint   i)
{
  while (i > 0)
    {
      guint parent = (i - 1) / 2;

      if (!is_after (&g_array_index (heap, TrancheProblem, i),
                     &g_array_index (heap, TrancheProblem, parent)))
        return;
      heap_swap (heap, i, parent);
      i = parent;
    }
}

static void
heap_sift_down (GArray *heap,
                guint   i)
{
  for (;;)
    {
      guint last = i, left = 2 * i + 1, right = 2 * i + 2;

      if (left < heap->len && is_after (&g_array_index (heap, TrancheProblem, left),
                                        &g_array_index (heap, TrancheProblem, last)))
        last = left;
      if (right < heap->len && is_after (&g_array_index (heap, TrancheProblem, right),
                                         &g_array_index (heap, TrancheProblem, last)))
        last = right;
      if (last == i)
        return;
      heap_swap (heap, i, last);
      i = last;
    }
}

gboolean
tranche_problems_would_keep (TrancheProblems *problems,
                             gsize            offset)
{
  /* a problem found now comes after every kept one at the same offset */
  return problems->list->len < TRANCHE_MAX_PROBLEMS
         || offset < g_array_index (problems->list, TrancheProblem, 0).offset;
}

void
tranche_problems_count_unlisted (TrancheProblems *problems,
                                 TrancheSeverity  severity)
{
  g_assert (severity <= TRANCHE_SEVERITY_ERROR);
  problems->n_reported++;
  problems->n_unlisted[severity]++;
}

static void
append (GArray          *list,
        TrancheSeverity  severity,
        char            *path,
        gsize            offset,
        char            *message,
        guint            seq)
{
  TrancheProblem p = { severity, path, offset, 0, 0, message, seq };

  g_array_append_val (list, p);
}

void
tranche_problems_add (TrancheProblems *problems,
                      TrancheSeverity  severity,
                      char            *path,
                      gsize            offset,
                      char            *message)
{
  GArray *heap = problems->list;
  TrancheProblem *top;

  if (!tranche_problems_would_keep (problems, offset))
    {
      /* counted, not stored: a broken million-event file stays cheap */
      tranche_problems_count_unlisted (problems, severity);
      g_free (path);
      g_free (message);
      return;
    }
  if (heap->len < TRANCHE_MAX_PROBLEMS)
    {
      append (heap, severity, path, offset, message, problems->n_reported++);
      heap_sift_up (heap, heap->len - 1);
      return;
    }
  /* the last kept one in file order makes room */
  top = &g_array_index (heap, TrancheProblem, 0);
  problems->n_unlisted[top->severity]++;
  clear_problem (top);
  *top = (TrancheProblem) { severity, path, offset, 0, 0, message, problems->n_reported++ };
  heap_sift_down (heap, 0);
}

void
tranche_problems_add_fatal (TrancheProblems *problems,
                            gsize            offset,
                            const char      *path,
                            char            *message)
{
  append (problems->fatal, TRANCHE_SEVERITY_ERROR, g_strdup (path), offset, message,
          problems->n_reported++);
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
  tranche_diagnostics_add_unlisted (diagnostics,
                                    problems->n_unlisted[TRANCHE_SEVERITY_ERROR],
                                    problems->n_unlisted[TRANCHE_SEVERITY_WARNING]);
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
  gsize offset;

  if (severity == TRANCHE_SEVERITY_ERROR)
    self->n_errors_here++;
  /* Neither located nor formatted past the cap: what the current path
   * names is at or after its anchor. */
  if (!tranche_problems_would_keep (&self->problems, self->anchor_offset)
      || !tranche_problems_would_keep (&self->problems,
                                       offset = tranche_loader_locate (self, FALSE)))
    {
      tranche_problems_count_unlisted (&self->problems, severity);
      return;
    }
  tranche_problems_add (&self->problems, severity, tranche_loader_path_to_string (self),
                        offset, g_strdup_vprintf (format, args));
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
      if (!tranche_problems_would_keep (&self->problems, ref->offset))
        {
          tranche_problems_count_unlisted (&self->problems, TRANCHE_SEVERITY_WARNING);
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
