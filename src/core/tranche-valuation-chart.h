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
 * A TrancheChart: set the data once per dataset or filter, lay out per size
 * or visible range, paint per frame (selection and crosshair cost no
 * layout), hit-test the last layout, all through tranche-chart.h. The
 * functions below read the scene.
 */
#pragma once

#include <cairo.h>

#include "tranche-chart-frame.h"
#include "tranche-chart.h"
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

#define TRANCHE_TYPE_VALUATION_CHART (tranche_valuation_chart_get_type ())

G_DECLARE_FINAL_TYPE (TrancheValuationChart, tranche_valuation_chart,
                      TRANCHE, VALUATION_CHART, GObject)

TrancheValuationChart  *tranche_valuation_chart_new          (void);

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

G_END_DECLS
