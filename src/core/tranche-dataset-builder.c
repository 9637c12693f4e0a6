/* tranche-dataset-builder.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "tranche-dataset-builder.h"
#include "tranche-dataset-private.h"
#include "tranche-palette.h"
#include "tranche-radix-sort.h"

struct _TrancheDatasetBuilder
{
  TrancheDataset *dataset;
  GHashTable     *event_ids;  /* interned id set, for duplicate checks */
  const char     *claimed;    /* the id claimed last, not yet added */
  GHashTable     *declared;   /* interned entity ids that were declared */
  GHashTable     *shared_texts;  /* texts in the chunk that sources share */
  gboolean        has_currency;
  GHashTable     *fulfils;    /* file order of an event -> interned commitment id */
};

static TrancheDay
span_end (const TrancheEvent *event)
{
  TrancheDay end = tranche_date_end_day (&event->date);

  if (tranche_date_is_set (&event->end))
    end = MAX (end, tranche_date_end_day (&event->end));
  return end;
}

static void
resolve_currency (TrancheMoney    *money,
                  TrancheCurrency  currency)
{
  if ((money->flags & TRANCHE_MONEY_PRESENT) && money->currency == 0)
    money->currency = currency;
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const TrancheEvent *ea = a;
  const TrancheEvent *eb = b;

  /* tranche_date_compare()'s order (first day, then coarser precision first)
   * on the day cached by add_event: recomputing both days in every one of a
   * million events' 20 million comparisons took a second */
  if (ea->first_day != eb->first_day)
    return ea->first_day < eb->first_day ? -1 : 1;
  if (ea->date.precision != eb->date.precision)
    return ea->date.precision < eb->date.precision ? -1 : 1;
  return ea->order < eb->order ? -1 : ea->order > eb->order;
}

static gboolean
is_sorted (const GArray *events)
{
  for (guint i = 1; i < events->len; i++)
    if (compare_events (&g_array_index (events, TrancheEvent, i - 1),
                        &g_array_index (events, TrancheEvent, i)) > 0)
      return FALSE;
  return TRUE;
}

/* compare_events()'s order as one integer: first day, precision, file
 * order. FALSE when an event doesn't fit (a day beyond ±2^31, or more than
 * 2^29 events), and then qsort() does it. */
#define ORDER_BITS 29

static gboolean
sort_key (const TrancheEvent *event,
          guint64            *key)
{
  double day = event->first_day;

  if (!(day >= G_MININT32 && day <= G_MAXINT32) || day != floor (day)
      || event->date.precision >= 1u << (32 - ORDER_BITS) || event->order >= 1u << ORDER_BITS)
    return FALSE;
  *key = ((guint64) ((gint64) day - G_MININT32) << 32)
         | ((guint64) event->date.precision << ORDER_BITS) | event->order;
  return TRUE;
}

/* Puts the event that was at from[i] at i, for every i, in place: each
 * cycle of the permutation is walked once, and from[] marks what is done.
 * A second array of events would add 192 MB to the peak at 1M events. */
static void
permute_events (GArray *events,
                guint  *from)
{
  TrancheEvent *ev = (TrancheEvent *) (gpointer) events->data;

  for (guint start = 0; start < events->len; start++)
    {
      TrancheEvent held;
      guint at = start;

      if (from[start] == start)
        continue;
      held = ev[start];
      while (from[at] != start)
        {
          guint next = from[at];

          ev[at] = ev[next];
          from[at] = at;
          at = next;
        }
      ev[at] = held;
      from[at] = at;
    }
}

/* Date order. Files are often written in it already: one pass tells. Else
 * sort compact keys and move each event once: qsort() with compare_events()
 * took 0.6 s for a million events in random order. */
static void
sort_events (TrancheDataset *ds)
{
  GArray *events = ds->events;
  g_autofree guint64 *keys = NULL;
  g_autofree guint *from = NULL;
  guint n = events->len;

  if (n < 2 || is_sorted (events))
    return;
  keys = g_new (guint64, n);
  for (guint i = 0; i < n; i++)
    if (!sort_key (&g_array_index (events, TrancheEvent, i), &keys[i]))
      {
        qsort (events->data, n, sizeof (TrancheEvent), compare_events);
        return;
      }
  tranche_radix_sort_u64 (keys, n, 0);
  /* `order` is the event's index before sorting */
  from = g_new (guint, n);
  for (guint i = 0; i < n; i++)
    from[i] = keys[i] & ((1u << ORDER_BITS) - 1);
  g_clear_pointer (&keys, g_free);
  permute_events (events, from);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

TrancheDatasetBuilder *
tranche_dataset_builder_new (void)
{
  TrancheDatasetBuilder *self = g_new0 (TrancheDatasetBuilder, 1);

  self->dataset = tranche_dataset_new_empty ();
  self->event_ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->declared = g_hash_table_new (g_str_hash, g_str_equal);
  self->shared_texts = g_hash_table_new (g_direct_hash, g_direct_equal);
  return self;
}

void
tranche_dataset_builder_free (TrancheDatasetBuilder *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  g_hash_table_unref (self->event_ids);
  g_hash_table_unref (self->declared);
  g_clear_pointer (&self->fulfils, g_hash_table_unref);
  g_hash_table_unref (self->shared_texts);
  g_free (self);
}

const char *
tranche_dataset_builder_intern (TrancheDatasetBuilder *self,
                                const char            *text)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (text == NULL)
    return NULL;
  return g_string_chunk_insert_const (self->dataset->strings, text);
}

const char *
tranche_dataset_builder_share_text (TrancheDatasetBuilder *self,
                                    const char            *text)
{
  const char *copy;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);
  /* not hashed: a pointer into the chunk is never another string's */
  copy = g_string_chunk_insert (self->dataset->strings, text);
  g_hash_table_add (self->shared_texts, (gpointer) copy);
  return copy;
}

void
tranche_dataset_builder_set_title (TrancheDatasetBuilder *self,
                                   const char            *title)
{
  g_return_if_fail (self != NULL);
  self->dataset->title = tranche_dataset_builder_intern (self, title);
}

void
tranche_dataset_builder_set_description (TrancheDatasetBuilder *self,
                                         const char            *description)
{
  g_return_if_fail (self != NULL);
  self->dataset->description = tranche_dataset_builder_intern (self, description);
}

void
tranche_dataset_builder_set_currency (TrancheDatasetBuilder *self,
                                      TrancheCurrency        currency)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (currency != 0);
  self->dataset->currency = currency;
}

void
tranche_dataset_builder_set_rate (TrancheDatasetBuilder *self,
                                  TrancheCurrency        currency,
                                  double                 rate)
{
  TrancheRate r = { currency, rate };

  g_return_if_fail (self != NULL);
  /* a later rate for the same currency replaces it when the dataset is
   * finished: looking for it here made 17,576 rates quadratic */
  g_array_append_val (self->dataset->rates, r);
}

static int
compare_rates (gconstpointer a,
               gconstpointer b)
{
  TrancheCurrency ca = ((const TrancheRate *) a)->currency;
  TrancheCurrency cb = ((const TrancheRate *) b)->currency;

  return ca < cb ? -1 : ca > cb;
}

/* By currency, for a binary search; of rates set twice, the last. */
static void
sort_rates (GArray *rates)
{
  guint kept = 0;

  /* g_array_sort() is stable (a merge sort): equal currencies stay in
   * the order they were set */
  g_array_sort (rates, compare_rates);
  for (guint i = 0; i < rates->len; i++)
    {
      if (kept > 0 && g_array_index (rates, TrancheRate, kept - 1).currency
                      == g_array_index (rates, TrancheRate, i).currency)
        kept--;
      g_array_index (rates, TrancheRate, kept++) = g_array_index (rates, TrancheRate, i);
    }
  g_array_set_size (rates, kept);
}

void
tranche_dataset_builder_set_filename (TrancheDatasetBuilder *self,
                                      const char            *filename)
{
  g_return_if_fail (self != NULL);
  g_free (self->dataset->filename);
  self->dataset->filename = g_strdup (filename);
}

void
tranche_dataset_builder_add_skipped (TrancheDatasetBuilder *self)
{
  g_return_if_fail (self != NULL);
  self->dataset->n_skipped++;
}

void
tranche_dataset_builder_set_target (TrancheDatasetBuilder *self,
                                    guint32                target)
{
  g_return_if_fail (self != NULL);
  self->dataset->target = target;
}

gboolean
tranche_dataset_builder_add_entity (TrancheDatasetBuilder *self,
                                    const TrancheEntity   *entity)
{
  TrancheDataset *ds;
  TrancheEntity copy;
  const char *id;
  guint pos;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (entity != NULL && entity->id != NULL, FALSE);

  ds = self->dataset;
  id = tranche_dataset_builder_intern (self, entity->id);
  if (g_hash_table_contains (self->declared, id))
    return FALSE;
  g_hash_table_add (self->declared, (gpointer) id);

  copy = *entity;
  copy.id = id;
  copy.name = tranche_dataset_builder_intern (self, entity->name ? entity->name : entity->id);
  copy.declared = TRUE;

  pos = GPOINTER_TO_UINT (g_hash_table_lookup (ds->entity_by_id, id));
  if (pos != 0)
    {
      /* An event named it first; the declaration fills in the details. */
      g_array_index (ds->entities, TrancheEntity, pos - 1) = copy;
      return TRUE;
    }
  g_array_append_val (ds->entities, copy);
  g_hash_table_insert (ds->entity_by_id, (gpointer) id, GUINT_TO_POINTER (ds->entities->len));
  return TRUE;
}

guint32
tranche_dataset_builder_ensure_entity (TrancheDatasetBuilder *self,
                                       const char            *id)
{
  TrancheDataset *ds;
  TrancheEntity entity = { 0 };
  guint pos;

  g_return_val_if_fail (self != NULL, TRANCHE_NO_ENTITY);
  g_return_val_if_fail (id != NULL, TRANCHE_NO_ENTITY);

  ds = self->dataset;
  pos = GPOINTER_TO_UINT (g_hash_table_lookup (ds->entity_by_id, id));
  if (pos != 0)
    return pos - 1;

  entity.id = tranche_dataset_builder_intern (self, id);
  entity.name = entity.id;
  entity.kind = TRANCHE_ENTITY_COMPANY;
  entity.declared = FALSE;
  g_array_append_val (ds->entities, entity);
  g_hash_table_insert (ds->entity_by_id, (gpointer) entity.id,
                       GUINT_TO_POINTER (ds->entities->len));
  return ds->entities->len - 1;
}

gboolean
tranche_dataset_builder_entity_is_declared (TrancheDatasetBuilder *self,
                                            const char            *id)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);
  return g_hash_table_contains (self->declared, id);
}

const char **
tranche_dataset_builder_get_declared_ids (TrancheDatasetBuilder *self,
                                          guint                 *n)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char **) g_hash_table_get_keys_as_array (self->declared, n);
}

gboolean
tranche_dataset_builder_add_source (TrancheDatasetBuilder *self,
                                    const TrancheSource   *source)
{
  TrancheDataset *ds;
  TrancheSource copy;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (source != NULL && source->id != NULL, FALSE);

  ds = self->dataset;
  if (g_hash_table_contains (ds->source_by_id, source->id))
    return FALSE;

  copy = *source;
  copy.id = tranche_dataset_builder_intern (self, source->id);
  copy.title = tranche_dataset_builder_intern (self, source->title);
  copy.publisher = tranche_dataset_builder_intern (self, source->publisher);
  copy.author = tranche_dataset_builder_intern (self, source->author);
  copy.url = tranche_dataset_builder_intern (self, source->url);
  copy.language = tranche_dataset_builder_intern (self, source->language);
  copy.summary = tranche_dataset_builder_intern (self, source->summary);
  /* Article texts are long and unique: no point hashing them for sharing.
   * One that several sources name as their text_file was shared already:
   * 20,000 copies of a 1 MB file would not fit in memory. */
  if (source->text != NULL && g_hash_table_contains (self->shared_texts, source->text))
    copy.text = source->text;
  else
    copy.text = source->text ? g_string_chunk_insert (ds->strings, source->text) : NULL;
  g_array_append_val (ds->sources, copy);
  g_hash_table_insert (ds->source_by_id, (gpointer) copy.id, GUINT_TO_POINTER (ds->sources->len));
  return TRUE;
}

gboolean
tranche_dataset_builder_has_source (TrancheDatasetBuilder *self,
                                    const char            *id)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return id != NULL && g_hash_table_contains (self->dataset->source_by_id, id);
}

const char *
tranche_dataset_builder_claim_event_id (TrancheDatasetBuilder *self,
                                        const char            *id)
{
  const char *copy;

  g_return_val_if_fail (self != NULL && id != NULL, NULL);

  /* One insertion answers both questions. For a taken id it swaps the key
   * for an equal copy, which is as good. */
  copy = g_string_chunk_insert (self->dataset->strings, id);
  if (!g_hash_table_add (self->event_ids, (gpointer) copy))
    return NULL;
  self->claimed = copy;
  return copy;
}

void
tranche_dataset_builder_add_event (TrancheDatasetBuilder *self,
                                   const TrancheEvent    *event,
                                   const guint32         *investors,
                                   guint                  n_investors,
                                   const TrancheCitation *citations,
                                   guint                  n_citations,
                                   const char * const    *tags,
                                   guint                  n_tags)
{
  TrancheDataset *ds;
  TrancheEvent copy;

  g_return_if_fail (self != NULL);
  g_return_if_fail (event != NULL && event->id != NULL);
  g_return_if_fail (n_investors <= G_MAXUINT16 && n_citations <= G_MAXUINT16);
  g_return_if_fail (n_tags <= G_MAXUINT16);

  ds = self->dataset;
  copy = *event;
  /* Event ids are unique (the loader refuses duplicates), so sharing equal
   * copies buys nothing and costs a hash insertion per event. */
  if (event->id == self->claimed)
    self->claimed = NULL;
  else
    {
      copy.id = g_string_chunk_insert (ds->strings, event->id);
      g_hash_table_add (self->event_ids, (gpointer) copy.id);
    }
  /* Titles and summaries of big files are mostly unique: store them without
   * the dedup hash, which would cost more memory than it saves. */
  copy.title = event->title ? g_string_chunk_insert (ds->strings, event->title) : NULL;
  copy.summary = event->summary ? g_string_chunk_insert (ds->strings, event->summary) : NULL;
  copy.round = tranche_dataset_builder_intern (self, event->round);
  copy.order = ds->events->len;
  copy.fulfils = TRANCHE_NO_EVENT;
  copy.shares = 0;
  copy.flags &= ~TRANCHE_EVENT_HAS_SHARES;
  copy.first_day = tranche_date_first_day (&event->date);
  copy.end_day = span_end (event);

  copy.investors = ds->investor_pool->len;
  copy.n_investors = n_investors;
  if (n_investors > 0)
    g_array_append_vals (ds->investor_pool, investors, n_investors);

  copy.citations = ds->citation_pool->len;
  copy.n_citations = n_citations;
  for (guint i = 0; i < n_citations; i++)
    {
      TrancheCitation c = citations[i];
      c.source = TRANCHE_NO_ENTITY;
      c.source_id = tranche_dataset_builder_intern (self, citations[i].source_id);
      c.quote = citations[i].quote ? g_string_chunk_insert (ds->strings, citations[i].quote)
                                   : NULL;
      g_array_append_val (ds->citation_pool, c);
    }

  copy.tags = ds->tag_pool->len;
  copy.n_tags = n_tags;
  for (guint i = 0; i < n_tags; i++)
    g_ptr_array_add (ds->tag_pool, (gpointer) tranche_dataset_builder_intern (self, tags[i]));

  g_array_append_val (ds->events, copy);
}

void
tranche_dataset_builder_set_event_shares (TrancheDatasetBuilder *self,
                                          const TrancheShare    *shares,
                                          guint                  n)
{
  TrancheEvent *last;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->dataset->events->len > 0);
  last = &g_array_index (self->dataset->events, TrancheEvent, self->dataset->events->len - 1);
  g_return_if_fail (n == last->n_investors && (n == 0 || shares != NULL));

  if (n == 0)
    return;
  /* Only events that wrote an object pay for shares: plain ids stay 4 bytes. */
  last->shares = self->dataset->share_pool->len;
  last->flags |= TRANCHE_EVENT_HAS_SHARES;
  g_array_append_vals (self->dataset->share_pool, shares, n);
}

void
tranche_dataset_builder_set_event_fulfils (TrancheDatasetBuilder *self,
                                           const char            *id)
{
  guint order;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->dataset->events->len > 0);

  if (id == NULL)
    return;
  if (self->fulfils == NULL)
    self->fulfils = g_hash_table_new (NULL, NULL);
  order = self->dataset->events->len - 1;
  g_hash_table_insert (self->fulfils, GUINT_TO_POINTER (order),
                       (gpointer) tranche_dataset_builder_intern (self, id));
}

/* After sorting: `fulfils` as the index of the commitment it names. */
static void
resolve_fulfils (TrancheDataset *ds,
                 GHashTable     *fulfils)
{
  TrancheEvent *events = (TrancheEvent *) (gpointer) ds->events->data;

  for (guint i = 0; i < ds->events->len; i++)
    {
      const char *id = g_hash_table_lookup (fulfils, GUINT_TO_POINTER (events[i].order));
      guint c;

      if (id == NULL)
        continue;
      if (ds->fulfils_ids == NULL)
        ds->fulfils_ids = g_hash_table_new (NULL, NULL);
      g_hash_table_insert (ds->fulfils_ids, GUINT_TO_POINTER (i), (gpointer) id);
      c = tranche_dataset_find_event (ds, id);
      if (c != TRANCHE_NO_EVENT && events[c].kind == TRANCHE_EVENT_COMMITMENT && c != i)
        events[i].fulfils = c;
    }
}

void
tranche_dataset_builder_reserve (TrancheDatasetBuilder *self,
                                 guint                  n_events)
{
  TrancheDataset *ds;

  g_return_if_fail (self != NULL);

  /* Only an empty array is swapped for one with room: g_array_sized_new()
   * neither clears nor touches the room, so its pages are faulted in as
   * events are added, not all at once up front (zeroing 1M events here
   * took 0.7 s before parsing could start). */
  ds = self->dataset;
  if (ds->events->len > 0 || n_events == 0)
    return;
  g_array_unref (ds->events);
  ds->events = g_array_sized_new (FALSE, TRUE, sizeof (TrancheEvent), n_events);
}

/* Automatic colours depend on the id and the declared colours only. */
static void
assign_colors (TrancheDataset *ds)
{
  g_autoptr(GArray) declared = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree const char **ids = g_new (const char *, MAX (ds->entities->len, 1));
  g_autofree guint32 *colors = g_new (guint32, MAX (ds->entities->len, 1));

  for (guint i = 0; i < ds->entities->len; i++)
    {
      const TrancheEntity *e = &g_array_index (ds->entities, TrancheEntity, i);
      if (e->has_color)
        g_array_append_val (declared, e->color);
      ids[i] = e->id;
    }
  tranche_palette_auto_colors (ids, ds->entities->len, (const guint32 *) (gpointer) declared->data,
                               declared->len, colors);
  for (guint i = 0; i < ds->entities->len; i++)
    g_array_index (ds->entities, TrancheEntity, i).auto_color = colors[i];
}

TrancheDataset *
tranche_dataset_builder_finish (TrancheDatasetBuilder *self)
{
  TrancheDataset *ds;
  g_autoptr(GHashTable) seen_tags = NULL;
  g_autoptr(GHashTable) fulfils = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  ds = g_steal_pointer (&self->dataset);
  fulfils = g_steal_pointer (&self->fulfils);
  tranche_dataset_builder_free (self);

  /* file order is kept for ties, so equal dates stay as the analyst wrote them */
  sort_events (ds);
  sort_rates (ds->rates);

  ds->max_span = 0;
  for (guint i = 0; i < ds->events->len; i++)
    {
      TrancheEvent *ev = &g_array_index (ds->events, TrancheEvent, i);
      resolve_currency (&ev->amount, ds->currency);
      resolve_currency (&ev->valuation, ds->currency);
      resolve_currency (&ev->cumulative, ds->currency);
      /* News is often about someone else; but news that names investors or
       * reports a total ("Atlas: $60M so far") is about the dataset's target,
       * and a reported total without a target would silently go unreconciled. */
      if (ev->target == TRANCHE_NO_ENTITY
          && (ev->kind != TRANCHE_EVENT_NEWS || ev->n_investors > 0
              || tranche_money_is_present (&ev->cumulative)))
        ev->target = ds->target;
      ds->max_span = MAX (ds->max_span, ev->end_day - ev->first_day);
    }

  for (guint i = 0; i < ds->share_pool->len; i++)
    resolve_currency (&g_array_index (ds->share_pool, TrancheShare, i).amount, ds->currency);
  if (fulfils != NULL)
    resolve_fulfils (ds, fulfils);

  for (guint i = 0; i < ds->citation_pool->len; i++)
    {
      TrancheCitation *c = &g_array_index (ds->citation_pool, TrancheCitation, i);
      if (c->source_id != NULL)
        c->source = tranche_dataset_find_source (ds, c->source_id);
    }

  assign_colors (ds);

  seen_tags = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < ds->tag_pool->len; i++)
    {
      const char *tag = g_ptr_array_index (ds->tag_pool, i);
      if (g_hash_table_add (seen_tags, (gpointer) tag))
        g_ptr_array_add (ds->all_tags, (gpointer) tag);
    }
  g_ptr_array_sort (ds->all_tags, compare_strings);
  g_ptr_array_add (ds->all_tags, NULL);

  return ds;
}
