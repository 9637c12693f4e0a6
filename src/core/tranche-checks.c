/* tranche-checks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tranche-checks.h"
#include "tranche-format.h"
#include "tranche-quote.h"
#include "tranche-totals.h"

typedef struct
{
  TrancheDataset     *dataset;
  const guint        *file_index;
  TrancheDiagnostics *diagnostics;
} Checker;

static char *
event_path (Checker            *self,
            const TrancheEvent *event,
            const char         *member)
{
  guint index = self->file_index != NULL ? self->file_index[event->order] : event->order;

  return g_strdup_printf ("events[%u]%s", index, member != NULL ? member : "");
}

/* Every message starts with the event, so it can be found without the path. */
static void
warn (Checker            *self,
      const TrancheEvent *event,
      const char         *member,
      char               *message)
{
  g_autofree char *path = event_path (self, event, member);
  g_autofree char *text = message;

  tranche_diagnostics_add (self->diagnostics, TRANCHE_SEVERITY_WARNING, path, event->line, 0,
                           "%s", text);
}

static void
check_quotes (Checker            *self,
              const TrancheEvent *event)
{
  for (guint i = 0; i < event->n_citations; i++)
    {
      const TrancheCitation *c = tranche_dataset_event_citation (self->dataset, event, i);
      const TrancheSource *source;
      g_autofree char *member = NULL;

      if (c->paraphrase || c->quote == NULL || c->source == TRANCHE_NO_ENTITY)
        continue;
      source = tranche_dataset_get_source (self->dataset, c->source);
      if (source->text == NULL || tranche_quote_find (source->text, c->quote, NULL, NULL))
        continue;
      member = g_strdup_printf (".sources[%u].quote", i);
      /* Translators: %1$s is an event's id, %2$s its title, %3$s a source's id. */
      warn (self, event, member,
            g_strdup_printf (_("event “%1$s” (%2$s) quotes a passage that is not in the text of "
                               "source “%3$s”; copy it from the text, or mark it "
                               "\"paraphrase\": true"),
                             event->id, event->title, source->id));
    }
}

static gboolean
moves_money (TrancheEventKind kind)
{
  return kind == TRANCHE_EVENT_INVESTMENT || kind == TRANCHE_EVENT_COMMITMENT
         || kind == TRANCHE_EVENT_ACQUISITION || kind == TRANCHE_EVENT_SECONDARY;
}

static void
check_amount (Checker            *self,
              const TrancheEvent *event)
{
  double min, max, largest;
  g_autofree char *shown = NULL;

  if (!moves_money (event->kind) || !tranche_money_get_bounds (&event->amount, &min, &max))
    return;
  /* 0 is a placeholder, not a slip of the unit */
  largest = isfinite (max) ? max : min;
  if (largest <= 0 || largest >= TRANCHE_CHECKS_MIN_AMOUNT)
    return;
  /* below a unit, "$0" would hide what was written */
  if (largest < 1)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE], code[4];

      g_ascii_formatd (number, sizeof number, "%g", largest);
      shown = g_strdup_printf ("%s %s", number,
                               tranche_currency_to_code (event->amount.currency, code));
    }
  else
    shown = tranche_format_money (&event->amount);
  /* Translators: %1$s is an event's id, %2$s its title, %3$s the amount as
   * written ("$5"): amounts are in units, so 5 billion is 5000000000. */
  warn (self, event, ".amount",
        g_strdup_printf (_("event “%1$s” (%2$s) has an amount of %3$s, which is implausible for "
                           "its kind: amounts are in units; did you mean millions?"),
                         event->id, event->title, shown));
}

static void
check_fulfils (Checker            *self,
               const TrancheEvent *event)
{
  const char *id = tranche_dataset_event_fulfils_id (self->dataset, event);
  guint other;

  if (id == NULL || event->fulfils != TRANCHE_NO_EVENT)
    return;
  other = tranche_dataset_find_event (self->dataset, id);
  if (other == TRANCHE_NO_EVENT)
    /* Translators: %1$s is an event's id, %2$s its title, %3$s the id it names. */
    warn (self, event, ".fulfils",
          g_strdup_printf (_("event “%1$s” (%2$s) fulfils “%3$s”, but no event has that id"),
                           event->id, event->title, id));
  else
    warn (self, event, ".fulfils",
          g_strdup_printf (_("event “%1$s” (%2$s) fulfils “%3$s”, which is not a commitment"),
                           event->id, event->title, id));
}

static void
check_overpaid (Checker            *self,
                TrancheTotals      *totals,
                guint               index,
                const TrancheEvent *event)
{
  TrancheSum paid;
  double min, max;
  g_autofree char *promised = NULL;
  g_autofree char *paid_text = NULL;

  if (event->kind != TRANCHE_EVENT_COMMITMENT
      || tranche_totals_get_fulfilled (totals, index, &paid) == 0
      || !tranche_money_get_bounds (&event->amount, &min, &max)
      || paid.min <= max * (1 + 1e-9))
    return;
  promised = tranche_format_money (&event->amount);
  paid_text = tranche_sum_format (&paid);
  /* Translators: %1$s is a commitment's id, %2$s its title, %3$s what the
   * investments that fulfil it paid, %4$s what it promised. */
  warn (self, event, ".amount",
        g_strdup_printf (_("commitment “%1$s” (%2$s) is paid %3$s by the events that fulfil it, "
                           "more than it promised (%4$s)"),
                         event->id, event->title, paid_text, promised));
}

static void
check_scopes (Checker       *self,
              TrancheTotals *totals)
{
  for (guint i = 0; i < tranche_totals_get_n_gaps (totals); i++)
    {
      const TrancheGap *gap = tranche_totals_get_gap (totals, i);
      const TrancheEvent *event;

      if (gap->n_events > 0)
        continue;
      event = tranche_dataset_get_event (self->dataset, gap->event);
      if (gap->scope == TRANCHE_SCOPE_TARGET)
        /* Translators: %1$s is an event's id, %2$s its title, %3$s a company. */
        warn (self, event, ".cumulative",
              g_strdup_printf (_("event “%1$s” (%2$s) reports a total for %3$s, but no event up "
                                 "to that date puts money into it"),
                               event->id, event->title,
                               tranche_dataset_get_entity (self->dataset, gap->target)->name));
      else
        warn (self, event, ".cumulative",
              g_strdup_printf (_("event “%1$s” (%2$s) reports its investors’ total in %3$s, but "
                                 "none of its investors put money into it up to that date; "
                                 "for the company’s own total, add \"scope\": \"target\""),
                               event->id, event->title,
                               tranche_dataset_get_entity (self->dataset, gap->target)->name));
    }
}

void
tranche_checks_run (TrancheDataset     *dataset,
                    const guint        *file_index,
                    TrancheDiagnostics *diagnostics)
{
  Checker self = { dataset, file_index, diagnostics };
  g_autoptr(TrancheTotals) totals = NULL;
  guint n;

  g_return_if_fail (dataset != NULL);
  g_return_if_fail (diagnostics != NULL);

  totals = tranche_totals_new (dataset, NULL);
  n = tranche_dataset_get_n_events (dataset);
  for (guint i = 0; i < n; i++)
    {
      const TrancheEvent *event = tranche_dataset_get_event (dataset, i);

      check_quotes (&self, event);
      check_amount (&self, event);
      check_fulfils (&self, event);
      check_overpaid (&self, totals, i, event);
    }
  check_scopes (&self, totals);
}

/* Levenshtein distance, giving up above `limit`. */
static guint
edit_distance (const char *a,
               const char *b,
               guint       limit)
{
  gsize la = strlen (a), lb = strlen (b);
  g_autofree guint *row = NULL;

  if ((la > lb ? la - lb : lb - la) > limit)
    return limit + 1;
  row = g_new (guint, lb + 1);
  for (gsize j = 0; j <= lb; j++)
    row[j] = j;
  for (gsize i = 1; i <= la; i++)
    {
      guint diagonal = row[0], best = i;

      row[0] = i;
      for (gsize j = 1; j <= lb; j++)
        {
          guint up = row[j];

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + (a[i - 1] != b[j - 1]));
          diagonal = up;
          best = MIN (best, row[j]);
        }
      if (best > limit)
        return limit + 1;
    }
  return row[lb];
}

const char *
tranche_checks_closest_id (const char         *id,
                           const char * const *candidates,
                           guint               n)
{
  const char *best = NULL;
  guint best_distance, limit;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (n == 0 || candidates != NULL, NULL);

  /* "spark" for "spark-capital" is not a typo, "spark-captial" is. */
  limit = MIN (2, strlen (id) / 3);
  best_distance = limit + 1;
  for (guint i = 0; i < n; i++)
    {
      guint d;

      if (strcmp (candidates[i], id) == 0)
        return NULL;
      d = edit_distance (id, candidates[i], limit);
      /* ties go to the id first in byte order, so the answer never depends
       * on the order of a hash table */
      if (d < best_distance || (d == best_distance && best != NULL
                                && strcmp (candidates[i], best) < 0))
        {
          best_distance = d;
          best = candidates[i];
        }
    }
  return best;
}

const char *
tranche_checks_suggest_id (TrancheDataset *dataset,
                           const char     *id)
{
  g_autoptr(GPtrArray) declared = g_ptr_array_new ();

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < tranche_dataset_get_n_entities (dataset); i++)
    {
      const TrancheEntity *e = tranche_dataset_get_entity (dataset, i);
      if (e->declared)
        g_ptr_array_add (declared, (gpointer) e->id);
    }
  return tranche_checks_closest_id (id, (const char * const *) declared->pdata, declared->len);
}
