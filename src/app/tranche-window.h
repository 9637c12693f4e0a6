/* tranche-window.h */
#pragma once

#include <adwaita.h>

#include "tranche-application.h"
#include "tranche-chart-view.h"
#include "tranche-dataset.h"
#include "tranche-diagnostics.h"
#include "tranche-event-table.h"
#include "tranche-filter.h"
#include "tranche-session.h"
#include "tranche-source-panel.h"
#include "tranche-timeline-view.h"

G_BEGIN_DECLS

#define TRANCHE_TYPE_WINDOW (tranche_window_get_type ())

G_DECLARE_FINAL_TYPE (TrancheWindow, tranche_window, TRANCHE, WINDOW, AdwApplicationWindow)

TrancheWindow       *tranche_window_new             (TrancheApplication  *application);
/* Loads in a worker thread; the dataset already open stays until it succeeds. */
void                 tranche_window_open_file       (TrancheWindow       *self,
                                                     GFile               *file);
void                 tranche_window_open_sample     (TrancheWindow       *self);
gboolean             tranche_window_is_loading      (TrancheWindow       *self);
/* What is open; the getters and setters below read and change it. */
TrancheSession      *tranche_window_get_session     (TrancheWindow       *self);
TrancheDataset      *tranche_window_get_dataset     (TrancheWindow       *self);
/* The problems of the last load or reload (also when it failed). */
TrancheDiagnostics  *tranche_window_get_diagnostics (TrancheWindow       *self);
GFile               *tranche_window_get_file        (TrancheWindow       *self);
const TrancheFilter *tranche_window_get_filter      (TrancheWindow       *self);
void                 tranche_window_set_filter      (TrancheWindow       *self,
                                                     const TrancheFilter *filter);
/* One byte per event, 1 when shown; NULL when no filter is on. */
GBytes              *tranche_window_get_mask        (TrancheWindow       *self);
int                  tranche_window_get_selected    (TrancheWindow       *self);
void                 tranche_window_set_selected    (TrancheWindow       *self,
                                                     int                  selected);
/* Writes the events shown (the filter applied) as CSV with the table's
 * header (tranche-csv-writer.h), what "Export Table…" does once a file is
 * chosen. FALSE with `error` naming the file and the reason. */
gboolean             tranche_window_export_table    (TrancheWindow       *self,
                                                     GFile               *file,
                                                     GError             **error);

/* The window's children, for tests (and only for reading or driving them as
 * a user would): the timeline, a lower chart, the events table and the
 * source panel. Owned by the window. */
TrancheTimelineView *tranche_window_get_timeline    (TrancheWindow       *self);
TrancheChartView    *tranche_window_get_chart       (TrancheWindow       *self,
                                                     TrancheChartKind     kind);
TrancheEventTable   *tranche_window_get_table       (TrancheWindow       *self);
TrancheSourcePanel  *tranche_window_get_source_panel (TrancheWindow      *self);

G_END_DECLS
