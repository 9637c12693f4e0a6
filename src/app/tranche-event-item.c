/* tranche-event-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tranche-event-item-private.h"

struct _TrancheEventItem
{
  GObject         parent_instance;

  TrancheDataset *dataset;
  GHashTable     *live;   /* the model's table of live items, or NULL */
  guint           index;
};

G_DEFINE_FINAL_TYPE (TrancheEventItem, tranche_event_item, G_TYPE_OBJECT)

static void
tranche_event_item_finalize (GObject *object)
{
  TrancheEventItem *self = TRANCHE_EVENT_ITEM (object);

  if (self->live != NULL)
    {
      gpointer key = GUINT_TO_POINTER (self->index);

      if (g_hash_table_lookup (self->live, key) == self)
        g_hash_table_remove (self->live, key);
      g_hash_table_unref (self->live);
    }
  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  G_OBJECT_CLASS (tranche_event_item_parent_class)->finalize (object);
}

static void
tranche_event_item_class_init (TrancheEventItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tranche_event_item_finalize;
}

static void
tranche_event_item_init (TrancheEventItem *self)
{
}

void
_tranche_event_item_set_live_table (TrancheEventItem *self,
                                    GHashTable       *live)
{
  g_return_if_fail (TRANCHE_IS_EVENT_ITEM (self));
  g_return_if_fail (self->live == NULL);

  self->live = g_hash_table_ref (live);
  g_hash_table_insert (live, GUINT_TO_POINTER (self->index), self);
}

TrancheEventItem *
tranche_event_item_new (TrancheDataset *dataset,
                        guint           index)
{
  TrancheEventItem *self;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (index < tranche_dataset_get_n_events (dataset), NULL);

  /* No construct properties: the table creates these by the thousand while
   * sorting, and the property machinery would dominate the cost. */
  self = g_object_new (TRANCHE_TYPE_EVENT_ITEM, NULL);
  self->dataset = tranche_dataset_ref (dataset);
  self->index = index;
  return self;
}

TrancheDataset *
tranche_event_item_get_dataset (TrancheEventItem *self)
{
  g_return_val_if_fail (TRANCHE_IS_EVENT_ITEM (self), NULL);
  return self->dataset;
}

guint
tranche_event_item_get_index (TrancheEventItem *self)
{
  g_return_val_if_fail (TRANCHE_IS_EVENT_ITEM (self), 0);
  return self->index;
}

const TrancheEvent *
tranche_event_item_get_event (TrancheEventItem *self)
{
  g_return_val_if_fail (TRANCHE_IS_EVENT_ITEM (self), NULL);
  return tranche_dataset_get_event (self->dataset, self->index);
}
