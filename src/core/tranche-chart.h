/* tranche-chart.h: what every chart under the timeline can do
 *
 * A chart (valuation, cumulative funding) is given its data, laid out for a
 * rectangle, a time scale, a theme and options, then painted any number of
 * times. What follows the pointer — the crosshair and its readout — is a
 * separate overlay pass over the painted chart, so moving the pointer costs
 * neither a layout nor a repaint of the chart under it.
 *
 * Callers use these functions, never the implementations' own: the layout
 * is kept until one of its inputs (the data, the rectangle, the scale, the
 * theme, the options) changes, so a caller may ask for a layout on every
 * frame and only the first one after a change does the work.
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "tranche-chart-options.h"
#include "tranche-dataset.h"
#include "tranche-label-placer.h"
#include "tranche-theme.h"
#include "tranche-time-scale.h"

G_BEGIN_DECLS

#define TRANCHE_TYPE_CHART (tranche_chart_get_type ())

G_DECLARE_INTERFACE (TrancheChart, tranche_chart, TRANCHE, CHART, GObject)

struct _TrancheChartInterface
{
  GTypeInterface parent_iface;

  /* `mask` is NULL or holds one byte per event (checked by the caller). */
  void    (*set_data)      (TrancheChart              *self,
                            TrancheDataset            *dataset,
                            GBytes                    *mask);
  /* `options` is never NULL here. */
  void    (*layout)        (TrancheChart              *self,
                            const TrancheTheme        *theme,
                            const TrancheChartOptions *options,
                            const TrancheTimeScale    *scale,
                            const TrancheRect         *rect);
  void    (*paint)         (TrancheChart              *self,
                            cairo_t                   *cr,
                            int                        selected);
  void    (*paint_overlay) (TrancheChart              *self,
                            cairo_t                   *cr,
                            TrancheDay                 pointer_day);
  int     (*hit_test)      (TrancheChart              *self,
                            double                     x,
                            double                     y,
                            double                     tolerance);
  GArray *(*readout)       (TrancheChart              *self,
                            TrancheDay                 day);
  /* Moves the data `donor` holds (a chart of the same type, given its data
   * by set_data() in another thread) into `self`, leaving `donor` with
   * what `self` had, so the caller's thread only swaps pointers. */
  void    (*take_data)     (TrancheChart              *self,
                            TrancheChart              *donor);
};

/* A chart's data made away from the window: tranche_chart_prepare_data()
 * runs set_data()'s work in any thread; tranche_chart_adopt_data() hands it
 * to a chart, which then has it as if set_data() had run there. Nothing
 * changes it once made; it is adopted at most once. */
typedef struct _TrancheChartData TrancheChartData;

#define TRANCHE_TYPE_CHART_DATA (tranche_chart_data_get_type ())
GType             tranche_chart_data_get_type (void) G_GNUC_CONST;
TrancheChartData *tranche_chart_data_ref      (TrancheChartData *self);
void              tranche_chart_data_unref    (TrancheChartData *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrancheChartData, tranche_chart_data_unref)

/* In any thread: the data a chart of `chart_type` would build from
 * `dataset` and `mask` (NULL for all events, or one byte per event). NULL
 * when that type cannot prepare its data apart. */
TrancheChartData *tranche_chart_prepare_data  (GType                      chart_type,
                                               TrancheDataset            *dataset,
                                               GBytes                    *mask);
/* In the chart's thread: takes `data` when it was made for this chart's
 * type, `dataset` and `mask` (the same arguments set_data() would get), and
 * returns TRUE; otherwise changes nothing and returns FALSE (the caller then
 * calls tranche_chart_set_data()). Already adopted data is never taken again. */
gboolean          tranche_chart_adopt_data    (TrancheChart              *self,
                                               TrancheChartData          *data,
                                               TrancheDataset            *dataset,
                                               GBytes                    *mask);

/* `mask`: one byte per event (1 = shown), or NULL for all. The same dataset
 * and mask again (both are immutable) keep the data and the layout. */
void     tranche_chart_set_data      (TrancheChart              *self,
                                      TrancheDataset            *dataset,
                                      GBytes                    *mask);
/* Lays the chart out in `rect`; `scale` maps days to x and its x range is
 * the plot's; `options` may be NULL (defaults). Does nothing when nothing
 * changed since the last layout; TRUE when it laid the chart out anew. */
gboolean tranche_chart_layout        (TrancheChart              *self,
                                      const TrancheTheme        *theme,
                                      const TrancheChartOptions *options,
                                      const TrancheTimeScale    *scale,
                                      const TrancheRect         *rect);
/* The chart as laid out, with `selected` (an event index, or -1)
 * highlighted; nothing outside its rectangle. */
void     tranche_chart_paint         (TrancheChart              *self,
                                      cairo_t                   *cr,
                                      int                        selected);
/* Over a painted chart: the crosshair at `pointer_day` and its readout;
 * nothing when the day is NAN or out of view. */
void     tranche_chart_paint_overlay (TrancheChart              *self,
                                      cairo_t                   *cr,
                                      TrancheDay                 pointer_day);
/* The event under (x, y) within `tolerance` pixels in the last layout, the
 * nearest winning; -1 for none. */
int      tranche_chart_hit_test      (TrancheChart              *self,
                                      double                     x,
                                      double                     y,
                                      double                     tolerance);
/* What the crosshair says at `day`: one TrancheChartReadoutLine (see
 * tranche-chart-frame.h) per series with a value by then. Free with
 * g_array_unref. */
GArray  *tranche_chart_readout       (TrancheChart              *self,
                                      TrancheDay                 day);
/* TRUE once laid out for the current data. */
gboolean tranche_chart_is_laid_out   (TrancheChart              *self);

G_END_DECLS
