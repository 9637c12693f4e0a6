/* tranche-view-data.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tranche-event-fields.h"
#include "tranche-view-data.h"

struct _TrancheViewData
{
  gatomicrefcount   ref_count;
  TrancheDataset   *dataset;
  TrancheLaneMode   lane_mode;
  TrancheLaneIndex *lane_index;  /* until a view takes it */
  GArray           *roles;       /* TrancheEntityRole */
  GMutex            lock;        /* taking the lane index is a one-time move */
  GType             chart_types[TRANCHE_VIEW_DATA_MAX_CHARTS];
  TrancheChartData *charts[TRANCHE_VIEW_DATA_MAX_CHARTS];
  guint             n_charts;
};

G_DEFINE_BOXED_TYPE (TrancheViewData, tranche_view_data, tranche_view_data_ref,
                     tranche_view_data_unref)

static int
compare_entity_names (gconstpointer a,
                      gconstpointer b,
                      gpointer      user_data)
{
  TrancheDataset *dataset = user_data;
  const TrancheEntityRole *ra = a, *rb = b;

  return tranche_utf8_casecmp (tranche_dataset_get_entity (dataset, ra->entity)->name,
                               tranche_dataset_get_entity (dataset, rb->entity)->name);
}

GArray *
tranche_entity_roles_new (TrancheDataset *dataset)
{
  guint n_entities, n_events;
  g_autofree guint8 *roles = NULL;
  GArray *order;

  g_return_val_if_fail (dataset != NULL, NULL);

  n_entities = tranche_dataset_get_n_entities (dataset);
  n_events = tranche_dataset_get_n_events (dataset);
  roles = g_new0 (guint8, MAX (n_entities, 1));
  order = g_array_new (FALSE, FALSE, sizeof (TrancheEntityRole));
  /* One pass over the events. */
  for (guint i = 0; i < n_events; i++)
    {
      const TrancheEvent *ev = tranche_dataset_get_event (dataset, i);

      for (guint j = 0; j < ev->n_investors; j++)
        {
          guint32 e = tranche_dataset_event_investor (dataset, ev, j);

          if (e < n_entities)
            roles[e] |= TRANCHE_ROLE_INVESTOR;
        }
      if (ev->target < n_entities)
        roles[ev->target] |= TRANCHE_ROLE_TARGET;
    }
  for (guint e = 0; e < n_entities; e++)
    if (roles[e])
      {
        TrancheEntityRole role = { e, roles[e] };
        g_array_append_val (order, role);
      }
  g_array_sort_with_data (order, compare_entity_names, dataset);
  return order;
}

/* The smaller part, on another core: lanes and the filter menus' entities. */
static gpointer
lane_index_thread (gpointer data)
{
  TrancheViewData *self = data;

  self->roles = tranche_entity_roles_new (self->dataset);
  return tranche_lane_index_new (self->dataset, self->lane_mode, NULL);
}

TrancheViewData *
tranche_view_data_new (TrancheDataset            *dataset,
                       const TrancheViewDataSpec *spec,
                       GCancellable              *cancellable,
                       void (*progress) (double fraction, gpointer user_data),
                       gpointer                   progress_data)
{
  TrancheViewData *self;
  GThread *lanes;
  guint steps, done = 0;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (spec->n_chart_types <= TRANCHE_VIEW_DATA_MAX_CHARTS, NULL);

  self = g_new0 (TrancheViewData, 1);
  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->lock);
  self->dataset = tranche_dataset_ref (dataset);
  self->lane_mode = spec->lane_mode;
  steps = 1 + spec->n_chart_types;
  if (g_cancellable_is_cancelled (cancellable))
    return self;
  /* The lane index on another core, beside the charts: nothing else runs
   * once the file is read, and it is a fifth of the work at most. */
  lanes = g_thread_new ("tranche-lanes", lane_index_thread, self);
  for (guint i = 0; i < spec->n_chart_types; i++)
    {
      TrancheChartData *data;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      data = tranche_chart_prepare_data (spec->chart_types[i], dataset, NULL);
      if (data != NULL)
        {
          self->chart_types[self->n_charts] = spec->chart_types[i];
          self->charts[self->n_charts++] = data;
        }
      if (progress != NULL)
        progress ((double) ++done / steps, progress_data);
    }
  self->lane_index = g_thread_join (lanes);
  if (progress != NULL)
    progress (1.0, progress_data);
  return self;
}

TrancheViewData *
tranche_view_data_ref (TrancheViewData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
tranche_view_data_unref (TrancheViewData *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  for (guint i = 0; i < self->n_charts; i++)
    tranche_chart_data_unref (self->charts[i]);
  g_clear_pointer (&self->lane_index, tranche_lane_index_free);
  g_clear_pointer (&self->roles, g_array_unref);
  tranche_dataset_unref (self->dataset);
  g_mutex_clear (&self->lock);
  g_free (self);
}

TrancheDataset *
tranche_view_data_get_dataset (TrancheViewData *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->dataset;
}

TrancheChartData *
tranche_view_data_get_chart_data (TrancheViewData *self,
                                  GType            chart_type)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->n_charts; i++)
    if (self->chart_types[i] == chart_type)
      return self->charts[i];
  return NULL;
}

GArray *
tranche_view_data_get_entity_roles (TrancheViewData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->roles != NULL ? g_array_ref (self->roles) : NULL;
}

TrancheLaneIndex *
tranche_view_data_take_lane_index (TrancheViewData *self,
                                   TrancheDataset  *dataset,
                                   TrancheLaneMode  mode,
                                   GBytes          *mask)
{
  TrancheLaneIndex *index = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  /* Made with every event shown: only for no mask. */
  if (dataset != self->dataset || mode != self->lane_mode || mask != NULL)
    return NULL;
  g_mutex_lock (&self->lock);
  index = g_steal_pointer (&self->lane_index);
  g_mutex_unlock (&self->lock);
  return index;
}
