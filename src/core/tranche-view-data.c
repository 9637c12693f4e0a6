/* tranche-view-data.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tranche-view-data.h"

struct _TrancheViewData
{
  gatomicrefcount   ref_count;
  TrancheDataset   *dataset;
  TrancheLaneMode   lane_mode;
  TrancheLaneIndex *lane_index;  /* until a view takes it */
  GMutex            lock;        /* taking the lane index is a one-time move */
  GType             chart_types[TRANCHE_VIEW_DATA_MAX_CHARTS];
  TrancheChartData *charts[TRANCHE_VIEW_DATA_MAX_CHARTS];
  guint             n_charts;
};

G_DEFINE_BOXED_TYPE (TrancheViewData, tranche_view_data, tranche_view_data_ref,
                     tranche_view_data_unref)

TrancheViewData *
tranche_view_data_new (TrancheDataset            *dataset,
                       const TrancheViewDataSpec *spec,
                       GCancellable              *cancellable,
                       void (*progress) (double fraction, gpointer user_data),
                       gpointer                   progress_data)
{
  TrancheViewData *self;
  guint steps, done = 0;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (spec != NULL, NULL);
  g_return_val_if_fail (spec->n_chart_types <= TRANCHE_VIEW_DATA_MAX_CHARTS, NULL);

  self = g_new0 (TrancheViewData, 1);
  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->lock);
  self->dataset = tranche_dataset_ref (dataset);
  self->lane_mode = spec->lane_mode;
  /* The lane index and each chart take about as long as one another. */
  steps = 1 + spec->n_chart_types;
  if (g_cancellable_is_cancelled (cancellable))
    return self;
  self->lane_index = tranche_lane_index_new (dataset, spec->lane_mode, NULL);
  if (progress != NULL)
    progress ((double) ++done / steps, progress_data);
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
