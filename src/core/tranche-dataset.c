/* tranche-dataset.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tranche-dataset-private.h"

G_DEFINE_BOXED_TYPE (TrancheDataset, tranche_dataset, tranche_dataset_ref, tranche_dataset_unref)

TrancheDataset *
tranche_dataset_new_empty (void)
{
  TrancheDataset *self = g_new0 (TrancheDataset, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->strings = g_string_chunk_new (64 * 1024);
  self->currency = tranche_currency_from_code ("USD");
  self->rates = g_array_new (FALSE, FALSE, sizeof (TrancheRate));
  self->entities = g_array_new (FALSE, TRUE, sizeof (TrancheEntity));
  self->entity_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->sources = g_array_new (FALSE, TRUE, sizeof (TrancheSource));
  self->source_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  self->events = g_array_new (FALSE, TRUE, sizeof (TrancheEvent));
  self->investor_pool = g_array_new (FALSE, FALSE, sizeof (guint32));
  self->citation_pool = g_array_new (FALSE, FALSE, sizeof (TrancheCitation));
  self->share_pool = g_array_new (FALSE, FALSE, sizeof (TrancheShare));
  self->target = TRANCHE_NO_ENTITY;
  self->tag_pool = g_ptr_array_new ();
  self->all_tags = g_ptr_array_new ();
  g_mutex_init (&self->lookup_lock);
  return self;
}

TrancheDataset *
tranche_dataset_ref (TrancheDataset *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
tranche_dataset_unref (TrancheDataset *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_string_chunk_free (self->strings);
  g_free (self->filename);
  g_array_unref (self->rates);
  g_array_unref (self->entities);
  g_hash_table_unref (self->entity_by_id);
  g_array_unref (self->sources);
  g_hash_table_unref (self->source_by_id);
  g_array_unref (self->events);
  g_clear_pointer (&self->event_by_id, g_hash_table_unref);
  g_clear_pointer (&self->fulfils_ids, g_hash_table_unref);
  g_array_unref (self->investor_pool);
  g_array_unref (self->citation_pool);
  g_array_unref (self->share_pool);
  g_ptr_array_unref (self->tag_pool);
  g_ptr_array_unref (self->all_tags);
  g_mutex_clear (&self->lookup_lock);
  g_free (self);
}

const char *
tranche_dataset_get_title (TrancheDataset *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->title;
}

const char *
tranche_dataset_get_description (TrancheDataset *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->description;
}

TrancheCurrency
tranche_dataset_get_currency (TrancheDataset *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->currency;
}

gboolean
tranche_dataset_get_rate (TrancheDataset  *self,
                          TrancheCurrency  currency,
                          double          *rate)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (currency == 0 || currency == self->currency)
    {
      if (rate)
        *rate = 1.0;
      return TRUE;
    }
  /* sorted by currency when the dataset was built: totals ask per event */
  for (guint low = 0, high = self->rates->len; low < high;)
    {
      guint mid = low + (high - low) / 2;
      const TrancheRate *r = &g_array_index (self->rates, TrancheRate, mid);

      if (r->currency == currency)
        {
          if (rate)
            *rate = r->rate;
          return TRUE;
        }
      if (r->currency < currency)
        low = mid + 1;
      else
        high = mid;
    }
  return FALSE;
}

const char *
tranche_dataset_get_filename (TrancheDataset *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->filename;
}

guint
tranche_dataset_get_n_skipped (TrancheDataset *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_skipped;
}

guint32
tranche_dataset_get_target (TrancheDataset *self)
{
  g_return_val_if_fail (self != NULL, TRANCHE_NO_ENTITY);
  return self->target;
}

guint
tranche_dataset_get_n_entities (TrancheDataset *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->entities->len;
}

const TrancheEntity *
tranche_dataset_get_entity (TrancheDataset *self,
                            guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->entities->len, NULL);
  return &g_array_index (self->entities, TrancheEntity, index);
}

guint
tranche_dataset_find_entity (TrancheDataset *self,
                             const char     *id)
{
  guint pos;

  g_return_val_if_fail (self != NULL, TRANCHE_NO_ENTITY);
  g_return_val_if_fail (id != NULL, TRANCHE_NO_ENTITY);
  pos = GPOINTER_TO_UINT (g_hash_table_lookup (self->entity_by_id, id));
  return pos == 0 ? TRANCHE_NO_ENTITY : pos - 1;
}

guint
tranche_dataset_get_n_sources (TrancheDataset *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->sources->len;
}

const TrancheSource *
tranche_dataset_get_source (TrancheDataset *self,
                            guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->sources->len, NULL);
  return &g_array_index (self->sources, TrancheSource, index);
}

guint
tranche_dataset_find_source (TrancheDataset *self,
                             const char     *id)
{
  guint pos;

  g_return_val_if_fail (self != NULL, TRANCHE_NO_ENTITY);
  g_return_val_if_fail (id != NULL, TRANCHE_NO_ENTITY);
  pos = GPOINTER_TO_UINT (g_hash_table_lookup (self->source_by_id, id));
  return pos == 0 ? TRANCHE_NO_ENTITY : pos - 1;
}

guint
tranche_dataset_get_n_events (TrancheDataset *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->events->len;
}

const TrancheEvent *
tranche_dataset_get_event (TrancheDataset *self,
                           guint           index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->events->len, NULL);
  return &g_array_index (self->events, TrancheEvent, index);
}

const TrancheEvent *
tranche_dataset_get_events (TrancheDataset *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const TrancheEvent *) (gpointer) self->events->data;
}

guint
tranche_dataset_find_event (TrancheDataset *self,
                            const char     *id)
{
  guint pos;

  g_return_val_if_fail (self != NULL, TRANCHE_NO_ENTITY);
  g_return_val_if_fail (id != NULL, TRANCHE_NO_ENTITY);

  /* Only the app looks events up by id (selection across reloads), so the
   * index is built on first use rather than costing every load. */
  g_mutex_lock (&self->lookup_lock);
  if (self->event_by_id == NULL)
    {
      self->event_by_id = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < self->events->len; i++)
        g_hash_table_insert (self->event_by_id,
                             (gpointer) g_array_index (self->events, TrancheEvent, i).id,
                             GUINT_TO_POINTER (i + 1));
    }
  pos = GPOINTER_TO_UINT (g_hash_table_lookup (self->event_by_id, id));
  g_mutex_unlock (&self->lookup_lock);
  return pos == 0 ? TRANCHE_NO_ENTITY : pos - 1;
}

guint32
tranche_dataset_event_investor (TrancheDataset     *self,
                                const TrancheEvent *event,
                                guint               i)
{
  g_return_val_if_fail (self != NULL, TRANCHE_NO_ENTITY);
  g_return_val_if_fail (event != NULL, TRANCHE_NO_ENTITY);
  g_return_val_if_fail (i < event->n_investors, TRANCHE_NO_ENTITY);
  return g_array_index (self->investor_pool, guint32, event->investors + i);
}

const char *
tranche_dataset_event_fulfils_id (TrancheDataset     *self,
                                  const TrancheEvent *event)
{
  const TrancheEvent *first;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (event != NULL, NULL);
  if (self->fulfils_ids == NULL)
    return NULL;
  first = (const TrancheEvent *) (gpointer) self->events->data;
  return g_hash_table_lookup (self->fulfils_ids, GUINT_TO_POINTER (event - first));
}

const TrancheShare *
tranche_dataset_event_share (TrancheDataset     *self,
                             const TrancheEvent *event,
                             guint               i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (event != NULL, NULL);
  g_return_val_if_fail (i < event->n_investors, NULL);
  if (!(event->flags & TRANCHE_EVENT_HAS_SHARES))
    return NULL;
  return &g_array_index (self->share_pool, TrancheShare, event->shares + i);
}

gboolean
tranche_dataset_event_is_lead (TrancheDataset     *self,
                               const TrancheEvent *event,
                               guint               i)
{
  const TrancheShare *share = tranche_dataset_event_share (self, event, i);

  return share != NULL && share->lead;
}

const TrancheCitation *
tranche_dataset_event_citation (TrancheDataset     *self,
                                const TrancheEvent *event,
                                guint               i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (event != NULL, NULL);
  g_return_val_if_fail (i < event->n_citations, NULL);
  return &g_array_index (self->citation_pool, TrancheCitation, event->citations + i);
}

const char *
tranche_dataset_event_tag (TrancheDataset     *self,
                           const TrancheEvent *event,
                           guint               i)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (event != NULL, NULL);
  g_return_val_if_fail (i < event->n_tags, NULL);
  return g_ptr_array_index (self->tag_pool, event->tags + i);
}

const char * const *
tranche_dataset_get_tags (TrancheDataset *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return (const char * const *) self->all_tags->pdata;
}

gboolean
tranche_dataset_get_day_range (TrancheDataset *self,
                               TrancheDay     *first,
                               TrancheDay     *end)
{
  TrancheDay lo, hi;

  g_return_val_if_fail (self != NULL, FALSE);
  if (self->events->len == 0)
    return FALSE;

  /* Sorted by first day, so the first is exact; the end needs a scan because
   * a long span early on can end after later events. */
  lo = g_array_index (self->events, TrancheEvent, 0).first_day;
  hi = lo;
  for (guint i = 0; i < self->events->len; i++)
    hi = MAX (hi, g_array_index (self->events, TrancheEvent, i).end_day);
  if (first)
    *first = lo;
  if (end)
    *end = hi;
  return TRUE;
}

TrancheDay
tranche_dataset_get_max_span (TrancheDataset *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->max_span;
}

guint
tranche_dataset_lower_bound (TrancheDataset *self,
                             TrancheDay      day)
{
  guint lo = 0, hi;

  g_return_val_if_fail (self != NULL, 0);
  hi = self->events->len;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;
      if (g_array_index (self->events, TrancheEvent, mid).first_day < day)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

void
tranche_dataset_visible_range (TrancheDataset *self,
                               TrancheDay      first,
                               TrancheDay      end,
                               guint          *from,
                               guint          *to)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (from != NULL && to != NULL);

  /* An event overlaps when it starts before `end` and ends after `first`; no
   * event is longer than max_span, so none starting earlier than that can. */
  *from = tranche_dataset_lower_bound (self, first - self->max_span);
  *to = tranche_dataset_lower_bound (self, end);
}

const char *
tranche_event_kind_to_string (TrancheEventKind kind)
{
  static const char * const names[] = {
    "investment", "valuation", "acquisition", "commitment", "news", "secondary",
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == TRANCHE_N_EVENT_KINDS);
  g_return_val_if_fail (kind < TRANCHE_N_EVENT_KINDS, NULL);
  return names[kind];
}

TrancheScope
tranche_event_get_scope (const TrancheEvent *event)
{
  g_return_val_if_fail (event != NULL, TRANCHE_SCOPE_TARGET);
  if (event->flags & TRANCHE_EVENT_SCOPE_TARGET)
    return TRANCHE_SCOPE_TARGET;
  if (event->flags & TRANCHE_EVENT_SCOPE_INVESTORS)
    return TRANCHE_SCOPE_INVESTORS;
  return event->n_investors > 0 ? TRANCHE_SCOPE_INVESTORS : TRANCHE_SCOPE_TARGET;
}

const char *
tranche_scope_to_string (TrancheScope scope)
{
  return scope == TRANCHE_SCOPE_TARGET ? "target" : "investors";
}

const char *
tranche_entity_kind_to_string (TrancheEntityKind kind)
{
  static const char * const names[] = {
    "company", "investor", "fund", "person", "government",
  };

  g_return_val_if_fail (kind <= TRANCHE_ENTITY_GOVERNMENT, NULL);
  return names[kind];
}
