/* tranche-mask.c: which events are shown, for one dataset
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tranche-mask.h"

struct _TrancheMask
{
  gatomicrefcount  ref_count;
  guint            n_events;
  guint            n_shown;
  GBytes          *bytes;     /* NULL: every event shown */
};

G_DEFINE_BOXED_TYPE (TrancheMask, tranche_mask, tranche_mask_ref, tranche_mask_unref)

TrancheMask *
tranche_mask_new_for_filter (const TrancheFilter *filter,
                             TrancheDataset      *dataset)
{
  TrancheMask *self;

  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (dataset != NULL, NULL);

  self = g_new0 (TrancheMask, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->n_events = tranche_dataset_get_n_events (dataset);
  self->bytes = tranche_filter_apply (filter, dataset, &self->n_shown);
  g_assert (self->bytes == NULL || g_bytes_get_size (self->bytes) == self->n_events);
  return self;
}

TrancheMask *
tranche_mask_ref (TrancheMask *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
tranche_mask_unref (TrancheMask *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self);
}

guint
tranche_mask_get_n_events (const TrancheMask *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_events;
}

guint
tranche_mask_get_n_shown (const TrancheMask *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_shown;
}

gboolean
tranche_mask_shows_all (const TrancheMask *self)
{
  g_return_val_if_fail (self != NULL, TRUE);
  return self->bytes == NULL;
}

GBytes *
tranche_mask_get_bytes (const TrancheMask *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->bytes;
}

gboolean
tranche_mask_bytes_fit (GBytes         *bytes,
                        TrancheDataset *dataset)
{
  gsize n = dataset != NULL ? tranche_dataset_get_n_events (dataset) : 0;

  return bytes == NULL || g_bytes_get_size (bytes) == n;
}

GBytes *
tranche_mask_bytes_for (GBytes         *bytes,
                        TrancheDataset *dataset)
{
  return tranche_mask_bytes_fit (bytes, dataset) ? bytes : NULL;
}
