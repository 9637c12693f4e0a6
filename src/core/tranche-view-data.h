/* tranche-view-data.h: what a window's views need for a dataset, made off its thread
 *
 * After a load, the charts' data (totals and series) and the timeline's
 * lane index cost seconds at a million events. A TrancheViewData makes them
 * in the loading worker (tranche_loader_load_file_for_views_async()); the
 * session holds it while it tells the views of the new dataset
 * (tranche_session_set_dataset_with_views()), and each view takes its part
 * instead of building it on the main thread. What no view takes is freed
 * with it.
 */
#pragma once

#include <gio/gio.h>

#include "tranche-chart.h"
#include "tranche-dataset.h"
#include "tranche-lane-index.h"

G_BEGIN_DECLS

#define TRANCHE_VIEW_DATA_MAX_CHARTS 4

/* What to prepare: the timeline's lane mode and the charts' types. */
typedef struct
{
  TrancheLaneMode lane_mode;
  GType           chart_types[TRANCHE_VIEW_DATA_MAX_CHARTS];
  guint           n_chart_types;
} TrancheViewDataSpec;

typedef struct _TrancheViewData TrancheViewData;

/* An entity the filter menus list: it invests in (TRANCHE_ROLE_INVESTOR)
 * or is the target of (TRANCHE_ROLE_TARGET) at least one event. */
typedef struct
{
  guint32 entity;
  guint8  roles;
} TrancheEntityRole;

#define TRANCHE_ROLE_INVESTOR 1
#define TRANCHE_ROLE_TARGET   2

/* In any thread: those entities by name (tranche_utf8_casecmp()), a
 * GArray of TrancheEntityRole. */
GArray           *tranche_entity_roles_new          (TrancheDataset            *dataset);

#define TRANCHE_TYPE_VIEW_DATA (tranche_view_data_get_type ())
GType             tranche_view_data_get_type        (void) G_GNUC_CONST;

/* In any thread: everything `spec` asks for, for `dataset` with every event
 * shown (no filter). `progress` (may be NULL) hears the share done, 0..1.
 * Stops early, with less prepared, when `cancellable` is cancelled. */
TrancheViewData  *tranche_view_data_new             (TrancheDataset            *dataset,
                                                     const TrancheViewDataSpec *spec,
                                                     GCancellable              *cancellable,
                                                     void (*progress) (double   fraction,
                                                                       gpointer user_data),
                                                     gpointer                   progress_data);
TrancheViewData  *tranche_view_data_ref             (TrancheViewData           *self);
void              tranche_view_data_unref           (TrancheViewData           *self);
TrancheDataset   *tranche_view_data_get_dataset     (TrancheViewData           *self);
/* The data prepared for a chart of `chart_type`, or NULL. */
TrancheChartData *tranche_view_data_get_chart_data  (TrancheViewData           *self,
                                                     GType                      chart_type);
/* The entities' roles (tranche_entity_roles_new()), made with the rest:
 * a new reference, or NULL when they were not made. */
GArray           *tranche_view_data_get_entity_roles (TrancheViewData          *self);
/* The lane index, when it was made for `dataset`, `mode` and `mask` and no
 * one took it yet: the caller owns it. NULL otherwise. */
TrancheLaneIndex *tranche_view_data_take_lane_index (TrancheViewData           *self,
                                                     TrancheDataset            *dataset,
                                                     TrancheLaneMode            mode,
                                                     GBytes                    *mask);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrancheViewData, tranche_view_data_unref)

G_END_DECLS
