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

/* One amount as totals sum it (converted where a rate allows), for
 * comparing a commitment with what paid it. */
static gboolean
sum_of (TrancheDataset     *dataset,
        const TrancheEvent *event,
        TrancheSum         *sum)
{
  g_autoptr(GArray) sums = tranche_sums_new ();

  if (!tranche_totals_add_event (dataset, event, TRANCHE_NO_ENTITY, sums) || sums->len != 1)
    return FALSE;
  *sum = g_array_index (sums, TrancheSum, 0);
  return TRUE;
}

/* Commitments paid more than promised: only events that fulfil one are
 * looked at, so a file without commitments pays nothing for it. */
static void
check_overpaid (Checker *self)
{
  TrancheDataset *ds = self->dataset;
  g_autoptr(GHashTable) paid = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < tranche_dataset_get_n_events (ds); i++)
    {
      const TrancheEvent *event = tranche_dataset_get_event (ds, i);
      TrancheSum part, *total;

      if (event->fulfils == TRANCHE_NO_EVENT || !sum_of (ds, event, &part))
        continue;
      total = g_hash_table_lookup (paid, GUINT_TO_POINTER (event->fulfils + 1));
      if (total == NULL)
        {
          total = g_new (TrancheSum, 1);
          tranche_sum_init (total, part.currency);
          g_hash_table_insert (paid, GUINT_TO_POINTER (event->fulfils + 1), total);
        }
      /* a payment in a currency that can't be converted is not compared */
      if (part.currency == total->currency)
        tranche_sum_merge (total, &part);
    }

  g_hash_table_iter_init (&iter, paid);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const TrancheEvent *event = tranche_dataset_get_event (ds, GPOINTER_TO_UINT (key) - 1);
      const TrancheSum *total = value;
      TrancheSum promised;
      g_autofree char *promised_text = NULL;
      g_autofree char *paid_text = NULL;

      if (!sum_of (ds, event, &promised) || promised.currency != total->currency
          || !tranche_sum_has_known (&promised) || total->min <= promised.max * (1 + 1e-9))
        continue;
      promised_text = tranche_format_money (&event->amount);
      paid_text = tranche_sum_format (total);
      /* Translators: %1$s is a commitment's id, %2$s its title, %3$s what the
       * investments that fulfil it paid, %4$s what it promised. */
      warn (self, event, ".amount",
            g_strdup_printf (_("commitment “%1$s” (%2$s) is paid %3$s by the events that fulfil "
                               "it, more than it promised (%4$s)"),
                             event->id, event->title, paid_text, promised_text));
    }
}

/* Where money first went into a target, or from an investor into it. */
typedef struct
{
  guint32 target;    /* TRANCHE_NO_ENTITY: an empty slot */
  guint32 investor;  /* TRANCHE_NO_ENTITY: the target's own */
  guint32 event;     /* the first by marker day, then by place */
} Entry;

/* The first entry of each (target, investor), by day then event: all that
 * has_money_by() needs. An open-addressing table sized once for the most
 * entries there can be, not a sorted array of every entry: sorting 1.5
 * million entries with a comparison function was most of the checks on a
 * million events, and the array and qsort's copy of it took more memory. */
typedef struct
{
  TrancheDay *days;   /* by event: the marker day of those noted */
  Entry      *slots;
  guint       bits;
} FirstMoney;

static void
first_money_init (FirstMoney *t,
                  guint       n_events,
                  gsize       most)
{
  gsize size;

  t->days = g_new (TrancheDay, MAX (n_events, 1));
  /* at most three quarters full */
  for (t->bits = 4; ((gsize) 1 << t->bits) / 4 * 3 < most; t->bits++)
    ;
  size = (gsize) 1 << t->bits;
  t->slots = g_new (Entry, size);
  for (gsize i = 0; i < size; i++)
    t->slots[i].target = TRANCHE_NO_ENTITY;
}

static Entry *
first_money_slot (const FirstMoney *t,
                  guint32           target,
                  guint32           investor)
{
  guint64 key = (guint64) target << 32 | investor;
  gsize mask = ((gsize) 1 << t->bits) - 1;
  gsize i = (gsize) ((key * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> (64 - t->bits));

  while (t->slots[i].target != TRANCHE_NO_ENTITY
         && (t->slots[i].target != target || t->slots[i].investor != investor))
    i = (i + 1) & mask;
  return &t->slots[i];
}

/* Events come in order: a later one replaces only an earlier day. */
static void
first_money_note (FirstMoney *t,
                  guint32     target,
                  guint32     investor,
                  guint32     event,
                  TrancheDay  day)
{
  Entry *slot = first_money_slot (t, target, investor);

  g_assert (target != TRANCHE_NO_ENTITY);
  t->days[event] = day;
  if (slot->target == TRANCHE_NO_ENTITY || day < t->days[slot->event])
    *slot = (Entry) { target, investor, event };
}

/* Whether (target, investor) has money at or before (day, event), in the
 * order totals read "as of". */
static gboolean
has_money_by (const FirstMoney *t,
              guint32           target,
              guint32           investor,
              TrancheDay        day,
              guint32           event)
{
  const Entry *first = first_money_slot (t, target, investor);
  TrancheDay first_day;

  if (first->target == TRANCHE_NO_ENTITY)
    return FALSE;
  first_day = t->days[first->event];
  return first_day < day || (first_day == day && first->event <= event);
}

/* A reported total whose scope has no money by then. Only the targets
 * that have one are indexed, so most files pay little for it. */
static void
check_scopes (Checker *self)
{
  TrancheDataset *ds = self->dataset;
  guint n = tranche_dataset_get_n_events (ds);
  g_autoptr(GHashTable) reported = g_hash_table_new (NULL, NULL);
  FirstMoney entries;
  gsize most = 0;

  for (guint i = 0; i < n; i++)
    {
      const TrancheEvent *event = tranche_dataset_get_event (ds, i);
      if (event->target != TRANCHE_NO_ENTITY && tranche_money_is_known (&event->cumulative))
        g_hash_table_add (reported, GUINT_TO_POINTER (event->target + 1));
    }
  if (g_hash_table_size (reported) == 0)
    return;

  /* each event that may put money in: its target's own and one per investor */
  for (guint i = 0; i < n; i++)
    {
      const TrancheEvent *event = tranche_dataset_get_event (ds, i);

      if (g_hash_table_contains (reported, GUINT_TO_POINTER (event->target + 1))
          && event->kind != TRANCHE_EVENT_COMMITMENT)
        most += 1 + event->n_investors;
    }
  first_money_init (&entries, n, most);
  for (guint i = 0; i < n; i++)
    {
      const TrancheEvent *event = tranche_dataset_get_event (ds, i);
      g_autoptr(GArray) sums = NULL;
      TrancheDay day;

      if (!g_hash_table_contains (reported, GUINT_TO_POINTER (event->target + 1))
          || event->kind == TRANCHE_EVENT_COMMITMENT)
        continue;
      sums = tranche_sums_new ();
      if (!tranche_totals_add_event (ds, event, TRANCHE_NO_ENTITY, sums))
        continue;
      day = tranche_date_middle_day (&event->date);
      first_money_note (&entries, event->target, TRANCHE_NO_ENTITY, i, day);
      for (guint j = 0; j < event->n_investors; j++)
        first_money_note (&entries, event->target, tranche_dataset_event_investor (ds, event, j),
                          i, day);
    }

  for (guint i = 0; i < n; i++)
    {
      const TrancheEvent *event = tranche_dataset_get_event (ds, i);
      TrancheDay day = tranche_date_middle_day (&event->date);
      const char *target_name;
      gboolean any = FALSE;

      if (event->target == TRANCHE_NO_ENTITY || !tranche_money_is_known (&event->cumulative))
        continue;
      target_name = tranche_dataset_get_entity (ds, event->target)->name;
      if (tranche_event_get_scope (event) == TRANCHE_SCOPE_TARGET)
        {
          if (has_money_by (&entries, event->target, TRANCHE_NO_ENTITY, day, i))
            continue;
          /* Translators: %1$s is an event's id, %2$s its title, %3$s a company. */
          warn (self, event, ".cumulative",
                g_strdup_printf (_("event “%1$s” (%2$s) reports a total for %3$s, but no event "
                                   "up to that date puts money into it"),
                                 event->id, event->title, target_name));
          continue;
        }
      for (guint j = 0; j < event->n_investors && !any; j++)
        any = has_money_by (&entries, event->target, tranche_dataset_event_investor (ds, event, j),
                            day, i);
      if (any)
        continue;
      warn (self, event, ".cumulative",
            g_strdup_printf (_("event “%1$s” (%2$s) reports its investors’ total in %3$s, but "
                               "none of its investors put money into it up to that date; "
                               "for the company’s own total, add \"scope\": \"target\""),
                             event->id, event->title, target_name));
    }
  g_free (entries.slots);
  g_free (entries.days);
}

void
tranche_checks_run (TrancheDataset     *dataset,
                    const guint        *file_index,
                    TrancheDiagnostics *diagnostics)
{
  Checker self = { dataset, file_index, diagnostics };
  guint n;

  g_return_if_fail (dataset != NULL);
  g_return_if_fail (diagnostics != NULL);

  n = tranche_dataset_get_n_events (dataset);
  for (guint i = 0; i < n; i++)
    {
      const TrancheEvent *event = tranche_dataset_get_event (dataset, i);

      check_quotes (&self, event);
      check_amount (&self, event);
      check_fulfils (&self, event);
    }
  check_overpaid (&self);
  check_scopes (&self);
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
