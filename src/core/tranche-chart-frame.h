/* tranche-chart-frame.h: what the valuation and cumulative charts share
 *
 * A chart's frame is everything around its data: the background, a header
 * row (title, a note when some amounts could not be converted, legend), one
 * band per currency with its own y axis and money ticks (amounts in a
 * currency without a rate are never drawn on another currency's axis), the
 * time axis of the shared TrancheTimeScale, and the crosshair readout.
 *
 * A chart resets the frame, describes it (title, legend items, bands with the
 * values they must show), lays it out, then paints its data between
 * paint_under() and paint_over(). The laid-out frame is what tests read.
 *
 * The plot spans the time scale's x range (so charts stacked under the
 * timeline line up with it); y tick labels go in the room left of it, or
 * inside the plot on a faint backing when there is no room.
 */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "tranche-chart-options.h"
#include "tranche-chart-symbol.h"
#include "tranche-dataset.h"
#include "tranche-label-placer.h"
#include "tranche-money.h"
#include "tranche-text-cache.h"
#include "tranche-theme.h"
#include "tranche-ticks.h"
#include "tranche-time-scale.h"
#include "tranche-value-axis.h"

G_BEGIN_DECLS

typedef struct
{
  TrancheChartSymbol symbol;
  TrancheColor       color;
  const char        *text;
  PangoLayout       *layout;
  TrancheRect        symbol_rect;
  TrancheRect        text_rect;
  gboolean           shown;        /* FALSE when the header had no room for it */
} TrancheChartLegendItem;

typedef struct
{
  double       value;
  double       y;
  gboolean     major;              /* decades on a log axis get a stronger line */
  const char  *label;              /* NULL when it had no room */
  PangoLayout *layout;
  TrancheRect  rect;
} TrancheChartTick;

typedef struct
{
  TrancheCurrency   currency;
  const char       *title;         /* "Valuation (EUR)" */
  const char       *note;          /* "EUR values not converted: no rate", or NULL */
  TrancheAxisMode   mode;
  double            lo, hi;        /* the values to show; lo is the smallest positive */
  TrancheRect       rect;          /* where the band's data goes */
  TrancheRect       caption;       /* title and note above the band (height 0 for the
                                    * first band: its title is the header's) */
  PangoLayout      *title_layout;
  PangoLayout      *note_layout;
  TrancheRect       note_rect;
  TrancheValueAxis  axis;
  guint             first_tick;    /* into the frame's ticks */
  guint             n_ticks;
} TrancheChartBand;

/* A caveat beside the title, on a tinted backing. */
typedef struct
{
  const char  *text;
  PangoLayout *layout;
  TrancheRect  rect;
} TrancheChartNote;

/* One line of the crosshair readout: a series' value at the pointer's day. */
typedef struct
{
  TrancheChartSymbol symbol;
  TrancheColor       color;
  char              *name;
  char              *value;
  double             y;            /* where the value is in the plot, or NAN */
} TrancheChartReadoutLine;

typedef struct _TrancheChartFrame TrancheChartFrame;

/* A time scale for a chart drawn on its own (an export of one chart): every
 * event of `dataset` in view, the plot in (x, width) less room for the y
 * tick labels on the left. */
void                    tranche_chart_fit_scale              (const TrancheTheme        *theme,
                                                              TrancheDataset            *dataset,
                                                              double                     x,
                                                              double                     width,
                                                              TrancheTimeScale          *scale);

TrancheChartFrame      *tranche_chart_frame_new              (void);
void                    tranche_chart_frame_free             (TrancheChartFrame         *self);

/* Starts over for a chart in the rectangle (x, y, width, height). `scale`
 * maps days to x; its x range is the plot's. */
void                    tranche_chart_frame_reset            (TrancheChartFrame         *self,
                                                              const TrancheTheme        *theme,
                                                              const TrancheChartOptions *options,
                                                              const TrancheTimeScale    *scale,
                                                              double                     x,
                                                              double                     y,
                                                              double                     width,
                                                              double                     height);
/* A copy of `text` that lives as long as the layout. */
const char             *tranche_chart_frame_intern           (TrancheChartFrame         *self,
                                                              const char                *text);
void                    tranche_chart_frame_set_title        (TrancheChartFrame         *self,
                                                              const char                *title);
/* Said in the middle of the plot when there are no bands. */
void                    tranche_chart_frame_set_empty_text   (TrancheChartFrame         *self,
                                                              const char                *text);
/* A caveat shown beside the title ("12 smaller targets not drawn"). */
void                    tranche_chart_frame_add_note         (TrancheChartFrame         *self,
                                                              const char                *text);
void                    tranche_chart_frame_add_legend       (TrancheChartFrame         *self,
                                                              TrancheChartSymbol         symbol,
                                                              TrancheColor               color,
                                                              const char                *text);
/* Bands stack top to bottom in the order they are added; returns the index. */
guint                   tranche_chart_frame_add_band         (TrancheChartFrame         *self,
                                                              TrancheCurrency            currency,
                                                              const char                *title,
                                                              const char                *note,
                                                              TrancheAxisMode            mode,
                                                              double                     lo,
                                                              double                     hi);
/* Places header, bands, axes and ticks; then the getters below hold. */
void                    tranche_chart_frame_layout           (TrancheChartFrame         *self);

const TrancheTheme     *tranche_chart_frame_get_theme        (TrancheChartFrame         *self);
const TrancheTimeScale *tranche_chart_frame_get_scale        (TrancheChartFrame         *self);
const TrancheRect      *tranche_chart_frame_get_rect         (TrancheChartFrame         *self);
/* The union of the bands: where data is drawn (and clipped). */
const TrancheRect      *tranche_chart_frame_get_plot         (TrancheChartFrame         *self);
const char             *tranche_chart_frame_get_title        (TrancheChartFrame         *self,
                                                              TrancheRect               *rect);
guint                   tranche_chart_frame_get_n_bands      (TrancheChartFrame         *self);
const TrancheChartBand *tranche_chart_frame_get_band         (TrancheChartFrame         *self,
                                                              guint                      band);
/* The band of a currency, or G_MAXUINT. */
guint                   tranche_chart_frame_find_band        (TrancheChartFrame         *self,
                                                              TrancheCurrency            currency);
const TrancheChartTick *tranche_chart_frame_get_tick         (TrancheChartFrame         *self,
                                                              guint                      band,
                                                              guint                      index);
/* Header notes after layout: the first band's, then the chart's. */
guint                   tranche_chart_frame_get_n_notes      (TrancheChartFrame         *self);
const TrancheChartNote *tranche_chart_frame_get_note         (TrancheChartFrame         *self,
                                                              guint                      index);
guint                   tranche_chart_frame_get_n_legend_items (TrancheChartFrame       *self);
const TrancheChartLegendItem *tranche_chart_frame_get_legend_item (TrancheChartFrame    *self,
                                                                   guint                 index);
/* TRUE when the y tick labels are inside the plot (no room left of it). */
gboolean                tranche_chart_frame_labels_inside    (TrancheChartFrame         *self);
/* Where a value of a band is in y. */
double                  tranche_chart_frame_value_to_y       (TrancheChartFrame         *self,
                                                              guint                      band,
                                                              double                     value);
/* The width the y tick labels want left of the plot, so a caller stacking
 * charts can give every chart the same plot x. */
double                  tranche_chart_frame_get_gutter_width (TrancheChartFrame         *self);

/* For the chart's own labels: a layout in the small font (bold or not),
 * owned by the frame until the next reset. */
PangoLayout            *tranche_chart_frame_make_label       (TrancheChartFrame         *self,
                                                              const char                *text,
                                                              gboolean                   bold);
/* For painting the chart's labels: one layout per font (bold or not),
 * owned by the frame until the next reset, whose text the painter sets.
 * Painting makes no new layout, however often it runs. */
PangoLayout            *tranche_chart_frame_get_label_layout (TrancheChartFrame         *self,
                                                              gboolean                   bold);
/* The frame's shaped text, in the theme's fonts, for the chart to measure
 * its labels with. */
TrancheTextCache       *tranche_chart_frame_get_text_cache   (TrancheChartFrame         *self);
/* Something the crosshair's readout box should not hide (a marker, a
 * label); the box goes where it covers the fewest. */
void                    tranche_chart_frame_add_landmark     (TrancheChartFrame         *self,
                                                              const TrancheRect         *rect);
/* Obstacles so far: legend, notes and inside tick labels; the chart adds
 * its markers and labels. Bounds: the plot. */
TrancheLabelPlacer     *tranche_chart_frame_get_placer       (TrancheChartFrame         *self);

/* A chart's paint goes between these two. begin: the background, grid
 * lines and y tick labels (unless they are inside the plot: those come at
 * the end), clipped to the rectangle, then a clip to the plot widened by
 * `overhang` above and below for markers on its edges. end: the header,
 * band captions and time labels over the data. */
void                    tranche_chart_frame_begin_paint      (TrancheChartFrame         *self,
                                                              cairo_t                   *cr,
                                                              double                     overhang);
void                    tranche_chart_frame_end_paint        (TrancheChartFrame         *self,
                                                              cairo_t                   *cr);
/* A legend symbol or a marker of `radius` centred on (x, y). */
void                    tranche_chart_frame_paint_symbol     (TrancheChartFrame         *self,
                                                              cairo_t                   *cr,
                                                              TrancheChartSymbol         symbol,
                                                              TrancheColor               color,
                                                              double                     x,
                                                              double                     y,
                                                              double                     radius);
/* A ring around a selected marker. */
void                    tranche_chart_frame_paint_selection  (TrancheChartFrame         *self,
                                                              cairo_t                   *cr,
                                                              double                     x,
                                                              double                     y,
                                                              double                     radius);
/* The vertical line at `day` and, when there are `lines`
 * (TrancheChartReadoutLine), a box with the date and them; nothing when
 * `day` is NAN or out of view. */
void                    tranche_chart_frame_paint_crosshair  (TrancheChartFrame         *self,
                                                              cairo_t                   *cr,
                                                              TrancheDay                 day,
                                                              GArray                    *lines);
/* An array of TrancheChartReadoutLine that frees their strings; _add()
 * copies `name` and takes `value`. */
GArray                 *tranche_chart_readout_new            (void);
void                    tranche_chart_readout_add            (GArray                    *lines,
                                                              TrancheChartSymbol         symbol,
                                                              TrancheColor               color,
                                                              const char                *name,
                                                              char                      *value,
                                                              double                     y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrancheChartFrame, tranche_chart_frame_free)

G_END_DECLS
