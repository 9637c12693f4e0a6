/* tranche-timeline-layout.h: the timeline laid out as a scene
 *
 * A widget (or an export) sets the dataset, lane mode and theme, then calls
 * tranche_timeline_layout_update() whenever the size or the visible range
 * changes; the scene it builds (lanes, markers, clusters, labels, ticks,
 * legend, density strips) is then painted any number of times by
 * tranche_timeline_painter_paint() and hit-tested here. Tests read it too.
 *
 * Cost follows pixels: events outside the range are culled by binary search;
 * overlapping markers merge into clusters; above a few thousand visible
 * events each lane becomes a density strip (events per pixel column) with
 * exact markers for the largest few hundred only.
 */
#pragma once

#include <glib.h>
#include <pango/pango.h>

#include "tranche-dataset.h"
#include "tranche-label-placer.h"
#include "tranche-lane-index.h"
#include "tranche-text-cache.h"
#include "tranche-theme.h"
#include "tranche-ticks.h"
#include "tranche-time-scale.h"

G_BEGIN_DECLS

/* Above this many events in the visible range, lanes become density strips. */
#define TRANCHE_TIMELINE_DENSE_THRESHOLD 3000
/* Up to this many lanes a scrolling scene scrolls them; beyond, or in a
 * scene that can't scroll, the lanes that don't fit fold into one. */
#define TRANCHE_TIMELINE_MERGE_LANES     200
/* How many exact markers the density mode keeps (the largest amounts). */
#define TRANCHE_TIMELINE_DENSE_MARKERS   200

typedef enum
{
  TRANCHE_MARKER_CIRCLE = 0,  /* investment, commitment */
  TRANCHE_MARKER_DIAMOND,     /* acquisition */
  TRANCHE_MARKER_TRIANGLE,    /* valuation (not sized: it is no money put in) */
  TRANCHE_MARKER_DOT,         /* news */
} TrancheMarkerShape;

typedef enum
{
  TRANCHE_MARKER_HOLLOW  = 1 << 0,  /* amount undisclosed: hollow, with "?" */
  TRANCHE_MARKER_APPROX  = 1 << 1,  /* "~" */
  TRANCHE_MARKER_RANGE   = 1 << 2,  /* whisker from radius_min to radius_max */
  TRANCHE_MARKER_PARTIAL = 1 << 3,  /* date known to the year, quarter or month: band */
  TRANCHE_MARKER_SPAN    = 1 << 4,  /* has an end: bar from start to end */
  TRANCHE_MARKER_UP_TO   = 1 << 5,  /* "up to": sized by its maximum, outline dashed */
  TRANCHE_MARKER_DRAFT   = 1 << 6,  /* a draft event: dashed ring around it */
  TRANCHE_MARKER_SHARE   = 1 << 7,  /* one investor's share of a syndicated round,
                                     * in that investor's lane */
} TrancheMarkerFlags;

typedef struct
{
  guint        event;        /* index in the dataset */
  guint        lane;         /* index in the scene's lanes */
  guint32      investor;     /* SHARE: whose share (entity), else TRANCHE_NO_ENTITY */
  double       x, y;         /* centre: the middle of the date's span */
  double       radius;       /* area proportional to the amount */
  double       radius_min;   /* RANGE: radii of min and max */
  double       radius_max;
  double       band_x0;      /* PARTIAL: the span of the date */
  double       band_x1;
  double       span_x0;      /* SPAN: from the date's start to the end's end */
  double       span_x1;
  TrancheColor color;
  guint8       shape;        /* TrancheMarkerShape */
  guint8       flags;        /* TrancheMarkerFlags */
  guint8       precision;    /* TranchePrecision of the date */
} TrancheTimelineMarker;

typedef struct
{
  guint        lane;
  double       x0, x1;       /* the members' centres, first and last */
  double       y;
  double       radius;       /* half the pill's height */
  guint        n_members;
  guint        first_member; /* into tranche_timeline_layout_get_cluster_members() */
  double       total;        /* known amounts, in the dataset's currency */
  gboolean     partial;      /* some member has no known amount */
  TrancheColor color;
} TrancheTimelineCluster;

typedef enum
{
  TRANCHE_LABEL_FOR_MARKER = 0,
  TRANCHE_LABEL_FOR_CLUSTER,
  TRANCHE_LABEL_FOR_TODAY,
  TRANCHE_LABEL_FOR_LANE,        /* a lane's "+2 unlabelled" badge; index is the lane */
} TrancheLabelOwner;

typedef struct
{
  TrancheLabelOwner owner;
  guint             index;       /* marker or cluster index */
  guint             lane;        /* the scene lane it belongs in (G_MAXUINT for today) */
  TrancheRect       rect;        /* what the label covers */
  const char       *text;        /* first line: "$1B · First investment" */
  const char       *detail;      /* second line (the date), or NULL */
  PangoLayout      *layout;      /* first line, ready to paint at rect.x, rect.y */
  PangoLayout      *detail_layout;
  double            detail_y;
  gboolean          leader;      /* set apart from its marker, joined by a line: */
  double            leader_x0, leader_y0, leader_x1, leader_y1;
} TrancheTimelineLabel;

typedef struct
{
  guint              index;      /* in tranche_lane_index, or G_MAXUINT for "others" */
  TrancheLaneKind    kind;
  double             y, height;  /* the band across the plot */
  TrancheColor       color;
  gboolean           neutral;
  const char        *title;      /* "Microsoft → OpenAI" */
  const char        *subtitle;   /* "3 events · $11B", or the total alone when
                                  * that doesn't fit: amounts are never cut */
  const char        *total;      /* "$11B + 1 undisclosed", or NULL */
  PangoLayout       *title_layout;
  PangoLayout       *subtitle_layout;
  TrancheRect        header;     /* where the title and subtitle go */
  guint              n_merged;   /* lanes folded into an "others" lane */
  gboolean           pinned;     /* shown first by set_pinned_lanes: its dot is ringed */
} TrancheTimelineLane;

typedef enum
{
  TRANCHE_LEGEND_SWATCH = 0,     /* an investor's colour */
  TRANCHE_LEGEND_SIZE,           /* a marker of `radius` for an amount */
  TRANCHE_LEGEND_UNDISCLOSED,
  TRANCHE_LEGEND_APPROX,
  TRANCHE_LEGEND_RANGE,
  TRANCHE_LEGEND_BAND,
  TRANCHE_LEGEND_SPAN,
  TRANCHE_LEGEND_ACQUISITION,
  TRANCHE_LEGEND_VALUATION,
  TRANCHE_LEGEND_NEWS,
  TRANCHE_LEGEND_CLUSTER,
  TRANCHE_LEGEND_DENSITY,
  TRANCHE_LEGEND_UP_TO,          /* dashed outline: "up to", sized at the maximum */
  TRANCHE_LEGEND_DRAFT,          /* dashed ring: not yet reviewed */
} TrancheLegendKind;

typedef struct
{
  TrancheLegendKind kind;
  TrancheRect       symbol;      /* where the sample symbol goes */
  double            radius;
  TrancheColor      color;
  const char       *text;
  PangoLayout      *layout;
  double            text_x, text_y;
  guint32           entity;      /* the entity a swatch names, else TRANCHE_NO_ENTITY */
  guint             n_more;      /* "+N more": the entities not named, else 0 */
} TrancheTimelineLegendItem;

typedef enum
{
  TRANCHE_HIT_NONE = 0,
  TRANCHE_HIT_MARKER,
  TRANCHE_HIT_CLUSTER,
} TrancheHitKind;

typedef struct
{
  TrancheHitKind kind;
  guint          index;  /* marker or cluster index */
  guint          event;  /* the marker's event, or the cluster's first member */
} TrancheTimelineHit;

typedef struct _TrancheTimelineLayout TrancheTimelineLayout;

TrancheTimelineLayout *tranche_timeline_layout_new            (void);
void                   tranche_timeline_layout_free           (TrancheTimelineLayout *self);

/* Configuration: each marks the scene out of date. */
void                   tranche_timeline_layout_set_dataset    (TrancheTimelineLayout *self,
                                                               TrancheDataset        *dataset);
TrancheDataset        *tranche_timeline_layout_get_dataset    (TrancheTimelineLayout *self);
/* The dataset and the mask at once, with the lane index made for them and
 * the current lane mode in a worker (tranche-view-data.h), owned from here:
 * no index is built on the caller's thread. */
void                   tranche_timeline_layout_set_data_with_index
                                                              (TrancheTimelineLayout *self,
                                                               TrancheDataset        *dataset,
                                                               GBytes                *mask,
                                                               TrancheLaneIndex      *index);
void                   tranche_timeline_layout_set_lane_mode  (TrancheTimelineLayout *self,
                                                               TrancheLaneMode        mode);
TrancheLaneMode        tranche_timeline_layout_get_lane_mode  (TrancheTimelineLayout *self);
/* One byte per event (a TrancheFilter's mask); events whose byte is 0 are
 * not drawn nor counted. NULL shows every event. */
void                   tranche_timeline_layout_set_mask       (TrancheTimelineLayout *self,
                                                               GBytes                *mask);
/* Sizes and fonts come from the theme (its colours too, for the scene's
 * colours; a light/dark switch needs a new update). */
void                   tranche_timeline_layout_set_theme      (TrancheTimelineLayout *self,
                                                               const TrancheTheme    *theme);
const TrancheTheme    *tranche_timeline_layout_get_theme      (TrancheTimelineLayout *self);
/* The dataset's title above the chart (exports and slides), off by default. */
void                   tranche_timeline_layout_set_show_title (TrancheTimelineLayout *self,
                                                               gboolean               show);
/* No legend under the axis, nor room for one (a slide draws its own). */
void                   tranche_timeline_layout_set_show_legend (TrancheTimelineLayout *self,
                                                                gboolean               show);
/* A story told in order (slides): `event` (-1 for none) is labelled before
 * any other (a cluster holding it is labelled with its title, "+2 more"),
 * and events starting on or after `label_end` (NAN: none) are drawn but
 * not labelled yet. */
void                   tranche_timeline_layout_set_focus      (TrancheTimelineLayout *self,
                                                               int                    event,
                                                               TrancheDay             label_end);
/* Where the "today" line goes; NAN for none. Defaults to the current date. */
void                   tranche_timeline_layout_set_today      (TrancheTimelineLayout *self,
                                                               TrancheDay             today);

/* Lanes that don't fit: a scrolling scene (the window) shows a window of
 * the rows (see set_lane_scroll); one that doesn't (an export) folds the
 * rest into one lane. Off by default. */
void                   tranche_timeline_layout_set_scroll_lanes (TrancheTimelineLayout *self,
                                                                 gboolean               scroll);
/* Only lanes with events in the range shown (exports, slides). Off by default. */
void                   tranche_timeline_layout_set_lanes_in_range (TrancheTimelineLayout *self,
                                                                   gboolean               in_range);
/* The first lane row shown when the lanes scroll (clamped by update). */
void                   tranche_timeline_layout_set_lane_scroll (TrancheTimelineLayout *self,
                                                                guint                  first_row);
/* After an update: the first row shown, how many are shown and how many there are. */
void                   tranche_timeline_layout_get_lane_rows  (TrancheTimelineLayout *self,
                                                               guint                 *first_row,
                                                               guint                 *n_shown,
                                                               guint                 *n_rows);
/* After an update: how much taller the plot would have to be for every
 * lane row to have `factor` times its legible minimum (0 when they have). */
double                 tranche_timeline_layout_get_lane_shortfall (TrancheTimelineLayout *self,
                                                                   double                 factor);
/* After an update: whether every lane has a row of its own at the least
 * height the scene allows (two lines in a scrolling scene, one in an
 * export or a slide), so none needs folding. */
gboolean               tranche_timeline_layout_lanes_fit (TrancheTimelineLayout *self);
/* After an update: how much taller the plot would have to be for every
 * lane row to fit at that least height (0 when they do). */
double                 tranche_timeline_layout_get_least_lane_shortfall
                                                              (TrancheTimelineLayout *self);
/* Lanes shown first and never folded, in this order, by their keys
 * (tranche_timeline_layout_get_lane_key()); NULL for none. */
void                   tranche_timeline_layout_set_pinned_lanes (TrancheTimelineLayout *self,
                                                                 const char *const     *keys);
/* The selected event, whose lane is never folded (and, when lanes scroll,
 * is scrolled into view at the next update); -1 for none. */
void                   tranche_timeline_layout_set_selected   (TrancheTimelineLayout *self,
                                                               int                    event);

/* The range that shows every event of the dataset at this size, with room
 * for the markers at both ends; FALSE when there are no events. */
gboolean               tranche_timeline_layout_fit_range      (TrancheTimelineLayout *self,
                                                               double                 width,
                                                               double                 height,
                                                               TrancheDay            *first,
                                                               TrancheDay            *end);
/* Lays the scene out for a canvas of width × height showing [first, end).
 * Cheap when nothing changed. */
void                   tranche_timeline_layout_update         (TrancheTimelineLayout *self,
                                                               double                 width,
                                                               double                 height,
                                                               TrancheDay             first,
                                                               TrancheDay             end);

/* The scene. */
double                 tranche_timeline_layout_get_width      (TrancheTimelineLayout *self);
double                 tranche_timeline_layout_get_height     (TrancheTimelineLayout *self);
/* The time scale of the plot (its x and width are the plot's). */
const TrancheTimeScale *tranche_timeline_layout_get_scale     (TrancheTimelineLayout *self);
const TrancheRect     *tranche_timeline_layout_get_plot       (TrancheTimelineLayout *self);
/* The title, or NULL with no title shown. */
PangoLayout           *tranche_timeline_layout_get_title      (TrancheTimelineLayout *self,
                                                               TrancheRect           *rect);
PangoLayout           *tranche_timeline_layout_get_subtitle   (TrancheTimelineLayout *self,
                                                               TrancheRect           *rect);
/* Tick rows: row 0 right under the plot, row 1 under it. */
TrancheTicks          *tranche_timeline_layout_get_ticks      (TrancheTimelineLayout *self);
double                 tranche_timeline_layout_get_tick_row_y (TrancheTimelineLayout *self,
                                                               guint                  row);
/* A PangoLayout set up for tick labels (the painter sets their text). */
PangoLayout           *tranche_timeline_layout_get_tick_layout (TrancheTimelineLayout *self,
                                                                guint                  row);
/* The label of a tick, shaped once and kept (NULL when it has none). */
PangoLayout           *tranche_timeline_layout_get_tick_label (TrancheTimelineLayout *self,
                                                               guint                  row,
                                                               guint                  index);
/* The scene's shaped text, in the theme's fonts: the painter takes short
 * texts drawn inside markers ("?", a cluster's count) from it. */
TrancheTextCache      *tranche_timeline_layout_get_text_cache (TrancheTimelineLayout *self);
/* x of the today line, or NAN when today is not in view. */
double                 tranche_timeline_layout_get_today_x    (TrancheTimelineLayout *self);

guint                  tranche_timeline_layout_get_n_lanes    (TrancheTimelineLayout *self);
const TrancheTimelineLane *tranche_timeline_layout_get_lane   (TrancheTimelineLayout *self,
                                                               guint                  lane);
/* A lane's key, stable across loads and filters ("money:INVESTOR:TARGET",
 * "valuations::TARGET", "news"); NULL for the lane of folded lanes. */
char                  *tranche_timeline_layout_get_lane_key   (TrancheTimelineLayout *self,
                                                               guint                  lane);
/* Markers in painting order: largest first, so small ones stay visible. */
guint                  tranche_timeline_layout_get_n_markers  (TrancheTimelineLayout *self);
const TrancheTimelineMarker *tranche_timeline_layout_get_marker (TrancheTimelineLayout *self,
                                                                 guint                  index);
guint                  tranche_timeline_layout_get_n_clusters (TrancheTimelineLayout *self);
const TrancheTimelineCluster *tranche_timeline_layout_get_cluster (TrancheTimelineLayout *self,
                                                                   guint                  index);
/* Event indices of a cluster's members. */
/* What a cluster's members put in, summed as lanes are (the lane's
 * investor's shares; whole rounds by target): "$3B + 1 undisclosed",
 * "€1 + ¥1"; "" when nothing counts. */
char                  *tranche_timeline_layout_dup_cluster_total (TrancheTimelineLayout *self,
                                                                  guint                  index);
const guint           *tranche_timeline_layout_get_cluster_members (TrancheTimelineLayout *self,
                                                                    guint                  index,
                                                                    guint                 *n_members);
guint                  tranche_timeline_layout_get_n_labels   (TrancheTimelineLayout *self);
const TrancheTimelineLabel *tranche_timeline_layout_get_label (TrancheTimelineLayout *self,
                                                               guint                  index);
guint                  tranche_timeline_layout_get_n_legend_items (TrancheTimelineLayout *self);
const TrancheTimelineLegendItem *tranche_timeline_layout_get_legend_item (TrancheTimelineLayout *self,
                                                                          guint                  index);
/* The legend item under (x, y), its symbol or its text, or -1: a click on
 * an entity's name filters on it. */
int                    tranche_timeline_layout_legend_hit     (TrancheTimelineLayout *self,
                                                               double                 x,
                                                               double                 y);
/* Every entity the legend names or counts in "+N more", in lane order
 * (investors; targets by target), and the colour each is drawn in. */
const guint32         *tranche_timeline_layout_get_legend_entities (TrancheTimelineLayout *self,
                                                                    guint            *n_entities);
TrancheColor           tranche_timeline_layout_entity_color   (TrancheTimelineLayout *self,
                                                               guint32                entity);
/* Density mode: per lane, events per pixel column from the plot's left edge;
 * NULL when the scene is not in density mode. */
gboolean               tranche_timeline_layout_is_dense       (TrancheTimelineLayout *self);
const guint32         *tranche_timeline_layout_get_density    (TrancheTimelineLayout *self,
                                                               guint                  lane,
                                                               guint                 *n_columns);
guint32                tranche_timeline_layout_get_density_max (TrancheTimelineLayout *self);
/* Events in the visible range (bounded by the culling, not exact at the
 * edges) and how many of them the scene draws one by one. */
guint                  tranche_timeline_layout_get_n_visible  (TrancheTimelineLayout *self);
/* A short note under the legend when not every event is drawn, or NULL. */
PangoLayout           *tranche_timeline_layout_get_note       (TrancheTimelineLayout *self,
                                                               TrancheRect           *rect);
/* The radius of a marker for `value` (dataset currency) in this scene. */
double                 tranche_timeline_layout_radius_for_value (TrancheTimelineLayout *self,
                                                                 double                 value);

/* The marker or cluster under (x, y), `tolerance` pixels around included;
 * labels count as their marker's. The topmost wins. */
gboolean               tranche_timeline_layout_hit_test       (TrancheTimelineLayout *self,
                                                               double                 x,
                                                               double                 y,
                                                               double                 tolerance,
                                                               TrancheTimelineHit    *hit);
/* Where an event is drawn: its marker, or the cluster holding it. FALSE when
 * it is not drawn one by one (out of view, or in a density strip). */
gboolean               tranche_timeline_layout_find_event     (TrancheTimelineLayout *self,
                                                               guint                  event,
                                                               TrancheTimelineHit    *hit);
/* Where an event's marker centre would be in this scene even when it is not
 * drawn (to highlight a selection hidden in a density strip); FALSE when its
 * lane is not shown or it is out of view. */
gboolean               tranche_timeline_layout_event_position (TrancheTimelineLayout *self,
                                                               guint                  event,
                                                               double                *x,
                                                               double                *y);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrancheTimelineLayout, tranche_timeline_layout_free)

G_END_DECLS
