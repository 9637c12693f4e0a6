/* tranche-valuation-chart.h: what each target was worth over time
 *
 * For every target, its valuations (events of kind valuation, and the
 * `valuation` of any other event) as markers joined by a step line: the
 * value holds until the next one. Post-money markers are filled, pre-money
 * hollow, reported ones (basis unknown) dotted; a range is an error bar, an
 * approximate figure says "~", and a date known only to the year, quarter or
 * month gets a bar over its span. The y axis is logarithmic when the values
 * span more than ten times (unless the options say otherwise).
 *
 * Currencies: values in a currency the dataset gives a rate for are
 * converted into the default currency; values in one without a rate are a
 * series of their own, drawn in a band with its own axis and a note, never
 * on the default currency's axis.
 *
 * Use: set the data once per dataset or filter, lay out per size or visible
 * range, paint per frame (selection and crosshair cost no layout), hit-test
 * the last layout. Or call tranche_valuation_chart_draw() once.
 */
#pragma once

#include <cairo.h>

#include "tranche-chart-frame.h"
#include "tranche-chart-options.h"
#include "tranche-dataset.h"

G_BEGIN_DECLS

typedef struct
{
  guint32     event;        /* index in the dataset */
  guint       series;
  TrancheDay  day;          /* the middle of the date's span, where the marker is */
  TrancheDay  first_day;    /* the date's span */
  TrancheDay  end_day;
  double      value;        /* in the series' currency (converted with a rate) */
  double      min, max;     /* with has_range, converted too */
  guint8      basis;        /* TrancheValuationBasis */
  guint8      precision;    /* TranchePrecision of the date */
  gboolean    approx;
  gboolean    has_range;
  gboolean    converted;    /* a rate was used */

  /* Laid out (valid when `drawn`) */
  gboolean    drawn;
  double      x, y;
  double      y_min, y_max; /* the range's ends */
  double      span_x0, span_x1;
  double      radius;
  const char *label;        /* "~$29B", or NULL when there was no room */
  TrancheRect label_rect;
} TrancheValuationPoint;

typedef struct
{
  guint32         target;   /* entity index */
  const char     *name;
  TrancheColor    color;
  TrancheCurrency currency;
  gboolean        converted; /* some of its values were converted with a rate */
  gboolean        no_rate;   /* in a currency without a rate: its own band */
  guint           first_point;
  guint           n_points;
  double          lo;        /* smallest positive value, ranges included */
  double          hi;        /* largest value */
  gboolean        drawn;     /* among the TRANCHE_CHART_MAX_SERIES largest */
  guint           band;      /* when drawn */
} TrancheValuationSeries;

typedef struct _TrancheValuationChart TrancheValuationChart;

TrancheValuationChart  *tranche_valuation_chart_new          (void);
void                    tranche_valuation_chart_free         (TrancheValuationChart *self);

/* `mask`: one byte per event (1 = shown), or NULL for all. */
void                    tranche_valuation_chart_set_data     (TrancheValuationChart *self,
                                                              TrancheDataset        *dataset,
                                                              GBytes                *mask);
/* Lays the chart out in (x, y, width, height); `scale` maps days to x and
 * its x range is the plot's. `options` may be NULL (defaults). */
void                    tranche_valuation_chart_layout       (TrancheValuationChart     *self,
                                                              const TrancheTheme        *theme,
                                                              const TrancheChartOptions *options,
                                                              const TrancheTimeScale    *scale,
                                                              double                     x,
                                                              double                     y,
                                                              double                     width,
                                                              double                     height);
/* `selected`: an event index or -1; `pointer_day`: NAN for no crosshair.
 * Nothing is drawn outside the laid-out rectangle. */
void                    tranche_valuation_chart_paint        (TrancheValuationChart *self,
                                                              cairo_t               *cr,
                                                              int                    selected,
                                                              TrancheDay             pointer_day);
/* The event whose marker (or range bar or label) is under (x, y), within
 * `tolerance` pixels; the nearest wins. -1 for none. */
int                     tranche_valuation_chart_hit_test     (TrancheValuationChart *self,
                                                              double                 x,
                                                              double                 y,
                                                              double                 tolerance);

/* The scene. */
TrancheChartFrame      *tranche_valuation_chart_get_frame    (TrancheValuationChart *self);
guint                   tranche_valuation_chart_get_n_series (TrancheValuationChart *self);
const TrancheValuationSeries *tranche_valuation_chart_get_series  (TrancheValuationChart *self,
                                                                   guint                  series);
/* The series of a target in a currency, or G_MAXUINT. */
guint                   tranche_valuation_chart_find_series  (TrancheValuationChart *self,
                                                              guint32                target,
                                                              TrancheCurrency        currency);
/* Points of all series, series after series, each by day. */
guint                   tranche_valuation_chart_get_n_points (TrancheValuationChart *self);
const TrancheValuationPoint *tranche_valuation_chart_get_point  (TrancheValuationChart *self,
                                                                 guint                  index);
/* The point of an event, or G_MAXUINT. */
guint                   tranche_valuation_chart_find_point   (TrancheValuationChart *self,
                                                              guint32                event);
/* A series' last value at or before `day` (a valuation holds until the next
 * one); FALSE before its first. A valuation counts from its marker day, the
 * middle of its date's span (noon for an exact day), as the step line shows
 * it and as TrancheTotals counts rounds. `point` gets that point's index. */
gboolean                tranche_valuation_chart_value_at     (TrancheValuationChart *self,
                                                              guint                  series,
                                                              TrancheDay             day,
                                                              double                *value,
                                                              guint                 *point);
/* What the crosshair says at `day`: one TrancheChartReadoutLine per series
 * with a value by then. Free with g_array_unref. */
GArray                 *tranche_valuation_chart_readout      (TrancheValuationChart *self,
                                                              TrancheDay             day);

/* All of the above at once, for an export: `scale` NULL fits every event of
 * the dataset in the rectangle. */
void                    tranche_valuation_chart_draw  (cairo_t                   *cr,
                                                       double                     x,
                                                       double                     y,
                                                       double                     width,
                                                       double                     height,
                                                       const TrancheTimeScale    *scale,
                                                       const TrancheTheme        *theme,
                                                       TrancheDataset            *dataset,
                                                       GBytes                    *mask,
                                                       int                        selected,
                                                       TrancheDay                 pointer_day,
                                                       const TrancheChartOptions *options);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrancheValuationChart, tranche_valuation_chart_free)

G_END_DECLS
