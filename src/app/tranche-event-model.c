/* tranche-event-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tranche-event-item-private.h"
#include "tranche-event-model.h"
#include "tranche-mask.h"

struct _TrancheEventModel
{
  GObject         parent_instance;

  TrancheDataset *dataset;
  GBytes         *mask;
  guint32        *indices;  /* position -> event index; NULL when all are shown */
  guint           n_items;
  GHashTable     *live;     /* index -> TrancheEventItem alive somewhere */
};

static void tranche_event_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (TrancheEventModel, tranche_event_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      tranche_event_model_list_model_init))

enum {
  PROP_0,
  PROP_DATASET,
  PROP_MASK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];


/* Recomputes the rows and tells the views; one items-changed for the lot,
 * since a new dataset or filter can change any row. */
static void
rebuild (TrancheEventModel *self)
{
  guint old_n = self->n_items;

  g_clear_pointer (&self->indices, g_free);
  self->n_items = 0;
  if (self->dataset != NULL)
    {
      guint n = tranche_dataset_get_n_events (self->dataset);

      if (self->mask == NULL)
        self->n_items = n;
      else
        {
          const guint8 *bits = g_bytes_get_data (self->mask, NULL);
          guint shown = 0;

          for (guint i = 0; i < n; i++)
            shown += bits[i] != 0;
          self->indices = g_new (guint32, MAX (shown, 1));
          for (guint i = 0; i < n; i++)
            if (bits[i])
              self->indices[self->n_items++] = i;
        }
    }
  if (old_n != 0 || self->n_items != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, self->n_items);
}

static GType
tranche_event_model_get_item_type (GListModel *model)
{
  return TRANCHE_TYPE_EVENT_ITEM;
}

static guint
tranche_event_model_get_n_items (GListModel *model)
{
  return TRANCHE_EVENT_MODEL (model)->n_items;
}

static gpointer
tranche_event_model_get_item (GListModel *model,
                              guint       position)
{
  TrancheEventModel *self = TRANCHE_EVENT_MODEL (model);
  TrancheEventItem *item;
  guint index;

  if (position >= self->n_items)
    return NULL;
  index = self->indices ? self->indices[position] : position;
  item = g_hash_table_lookup (self->live, GUINT_TO_POINTER (index));
  if (item != NULL)
    return g_object_ref (item);
  item = tranche_event_item_new (self->dataset, index);
  _tranche_event_item_set_live_table (item, self->live);
  return item;
}

static void
tranche_event_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = tranche_event_model_get_item_type;
  iface->get_n_items = tranche_event_model_get_n_items;
  iface->get_item = tranche_event_model_get_item;
}

static void
tranche_event_model_finalize (GObject *object)
{
  TrancheEventModel *self = TRANCHE_EVENT_MODEL (object);

  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  g_clear_pointer (&self->mask, g_bytes_unref);
  g_clear_pointer (&self->indices, g_free);
  g_clear_pointer (&self->live, g_hash_table_unref);
  G_OBJECT_CLASS (tranche_event_model_parent_class)->finalize (object);
}

static void
tranche_event_model_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  TrancheEventModel *self = TRANCHE_EVENT_MODEL (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_boxed (value, self->dataset);
      break;
    case PROP_MASK:
      g_value_set_boxed (value, self->mask);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tranche_event_model_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  TrancheEventModel *self = TRANCHE_EVENT_MODEL (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      tranche_event_model_set_dataset (self, g_value_get_boxed (value));
      break;
    case PROP_MASK:
      tranche_event_model_set_mask (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tranche_event_model_class_init (TrancheEventModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tranche_event_model_finalize;
  object_class->get_property = tranche_event_model_get_property;
  object_class->set_property = tranche_event_model_set_property;

  properties[PROP_DATASET] =
    g_param_spec_boxed ("dataset", NULL, NULL, TRANCHE_TYPE_DATASET,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MASK] =
    g_param_spec_boxed ("mask", NULL, NULL, G_TYPE_BYTES,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tranche_event_model_init (TrancheEventModel *self)
{
  self->live = g_hash_table_new (NULL, NULL);
}

TrancheEventModel *
tranche_event_model_new (void)
{
  return g_object_new (TRANCHE_TYPE_EVENT_MODEL, NULL);
}

TrancheDataset *
tranche_event_model_get_dataset (TrancheEventModel *self)
{
  g_return_val_if_fail (TRANCHE_IS_EVENT_MODEL (self), NULL);
  return self->dataset;
}

void
tranche_event_model_set_dataset (TrancheEventModel *self,
                                 TrancheDataset    *dataset)
{
  gboolean drop_mask;

  g_return_if_fail (TRANCHE_IS_EVENT_MODEL (self));

  if (self->dataset == dataset)
    return;
  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  self->dataset = dataset ? tranche_dataset_ref (dataset) : NULL;
  /* Items of the old dataset may live on (a selection holds one); they keep
   * the old table, and new items go into a fresh one. */
  g_hash_table_unref (self->live);
  self->live = g_hash_table_new (NULL, NULL);
  drop_mask = !tranche_mask_bytes_fit (self->mask, dataset);
  if (drop_mask)
    g_clear_pointer (&self->mask, g_bytes_unref);
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
  if (drop_mask)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MASK]);
}

GBytes *
tranche_event_model_get_mask (TrancheEventModel *self)
{
  g_return_val_if_fail (TRANCHE_IS_EVENT_MODEL (self), NULL);
  return self->mask;
}

void
tranche_event_model_set_mask (TrancheEventModel *self,
                              GBytes            *mask)
{
  g_return_if_fail (TRANCHE_IS_EVENT_MODEL (self));

  /* one policy with every view: a mask of another dataset shows every event */
  mask = tranche_mask_bytes_for (mask, self->dataset);

  if (self->mask == mask
      || (self->mask != NULL && mask != NULL && g_bytes_equal (self->mask, mask)))
    return;
  g_clear_pointer (&self->mask, g_bytes_unref);
  self->mask = mask ? g_bytes_ref (mask) : NULL;
  rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MASK]);
}

guint
tranche_event_model_get_event_index (TrancheEventModel *self,
                                     guint              position)
{
  g_return_val_if_fail (TRANCHE_IS_EVENT_MODEL (self), G_MAXUINT);

  if (position >= self->n_items)
    return G_MAXUINT;
  return self->indices ? self->indices[position] : position;
}

gboolean
tranche_event_model_find_position (TrancheEventModel *self,
                                   guint              event_index,
                                   guint             *position)
{
  guint lo = 0, hi;

  g_return_val_if_fail (TRANCHE_IS_EVENT_MODEL (self), FALSE);

  if (self->indices == NULL)
    {
      if (event_index >= self->n_items)
        return FALSE;
      if (position)
        *position = event_index;
      return TRUE;
    }
  /* The indices are in dataset order, so they are sorted. */
  hi = self->n_items;
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (self->indices[mid] < event_index)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo >= self->n_items || self->indices[lo] != event_index)
    return FALSE;
  if (position)
    *position = lo;
  return TRUE;
}
