/* tranche-timeline-layout-private.h: the scene the timeline layout's stages share
 *
 * tranche_timeline_layout_update() runs the stages in order, each in its own
 * file and each filling its part of the scene from what earlier stages and
 * its arguments give it:
 *
 *   lanes    (tranche-timeline-lanes.c)    the frame, lanes and their headers
 *   markers  (tranche-timeline-markers.c)  marker sizes, markers, news rows, clusters
 *   density  (tranche-timeline-density.c)  events per pixel column, when dense
 *   labels   (tranche-timeline-labels.c)   the today label, then marker and cluster labels
 *   legend   (tranche-timeline-legend.c)   what the scene needs explained, and the note
 *
 * Hit testing (tranche-timeline-hit.c) reads the finished scene.
 */
#pragma once

#include "tranche-draw.h"
#include "tranche-text-cache.h"
#include "tranche-timeline-layout.h"

G_BEGIN_DECLS

/* Scene lane numbers that are no index lane. */
#define OTHERS_LANE G_MAXUINT
#define NO_SLOT     G_MAXUINT

/* Geometry shared by fit_range and update. */
typedef struct
{
  double margin_x, margin_top, margin_bottom;
  double header_width;   /* lane header column */
  double plot_x, plot_width;
} TrancheTimelineFrame;

struct _TrancheTimelineLayout
{
  TrancheDataset        *dataset;
  TrancheLaneIndex      *index;
  GBytes                *mask;
  gboolean               has_range;    /* the dataset's day range, kept: it costs a scan */
  TrancheDay             range_first, range_end;
  TrancheLaneMode        mode;
  TrancheTheme           theme;
  gboolean               show_title;
  gboolean               hide_legend;  /* a slide draws its own */
  gboolean               compact_legend; /* small exports: fewer names, shorter keys */
  int                    focus;        /* event labelled first, or -1 */
  TrancheDay             label_end;    /* events from this day on unlabelled; NAN: all */
  TrancheDay             today;
  TrancheTextCache      *text;         /* shaped text, kept across updates */
  gboolean               dirty;
  /* which lanes: the window scrolls them, exports show those in range */
  gboolean               scroll_lanes;
  gboolean               lanes_in_range;
  guint                  lane_scroll;  /* first row shown when scrolling */
  GPtrArray             *pinned_keys;  /* char *, in order */
  GArray                *pinned;       /* guint index lanes of pinned_keys, resolved */
  guint                  selected;     /* event whose lane is never merged, or G_MAXUINT */
  guint                  reveal;       /* event whose lane scrolls into view, or G_MAXUINT */
  TrancheDataset        *scale_dataset;/* what scale_max was measured on */
  double                 scale_max;    /* largest size value of the whole dataset */
  TrancheLaneMode        scale_mode;   /* the mode scale_rows was counted in */
  guint                  scale_rows;   /* rows of the unfiltered dataset (lanes, news) */
  double                 scale_weight; /* their weights' sum (tranche_timeline_lanes_weight()) */
  gboolean               compact_rows; /* lanes on one line each (an export, a slide) */
  double                 scale_r_max;  /* the unfiltered scene's r_max, 0 before one */
  double                 scale_r_width, scale_r_height; /* that scene's size */

  /* the scene; update() fills the frame, title and ticks itself */
  double                 width, height;
  TrancheDay             first, end;
  TrancheTimeScale       scale;
  TrancheRect            plot;
  GPtrArray             *layouts;      /* every PangoLayout of the scene, to free */
  GStringChunk          *strings;
  PangoLayout           *title, *subtitle, *note;
  TrancheRect            title_rect, subtitle_rect, note_rect;
  TrancheTicks          *ticks;
  PangoLayout           *tick_layouts[2];
  GPtrArray             *tick_labels[2]; /* PangoLayout per tick, NULL without label */
  double                 tick_row_y[2];
  double                 today_x;
  /* lanes stage */
  GArray                *lanes;        /* TrancheTimelineLane */
  /* Index lane -> scene lane, with a table as long as the scene's lanes
   * only (the index has a lane per pair, hundreds of thousands in a big
   * file): the lanes shown have their slot, the rest fold into the others
   * lane when there is one, else are not drawn. */
  guint                  n_index_lanes;
  GHashTable            *slots;        /* index lane + 1 -> slot + 1 */
  guint                  others_slot;  /* NO_SLOT without an others lane */
  guint                  n_rows;       /* lanes there are to show (scrolled or not) */
  /* markers stage */
  GArray                *markers;      /* TrancheTimelineMarker */
  GArray                *clusters;     /* TrancheTimelineCluster */
  GArray                *members;      /* guint */
  gboolean               dense;
  guint                  n_visible;
  double                 r_max, r_min, r_unknown, r_fixed, r_news;
  double                 max_value;
  /* density stage */
  guint32               *density;
  guint                  n_columns;
  guint32                density_max;
  /* labels stage */
  GArray                *labels;       /* TrancheTimelineLabel */
  /* legend stage (and note, note_rect) */
  GArray                *legend;       /* TrancheTimelineLegendItem */
};

/* A size of the theme, in pixels at its scale. */
static inline double
S (TrancheTimelineLayout *self,
   double                 size)
{
  return tranche_theme_size (&self->theme, size);
}

/* Text the scene shows, shaped through the text cache; the scene keeps a
 * reference until the next update. */
PangoLayout *tranche_timeline_scene_text       (TrancheTimelineLayout      *self,
                                                TrancheTextFont             font,
                                                const char                 *text,
                                                double                      max_width,
                                                gsize                       bold_len);
/* A copy of `text` that lives as long as the scene. */
const char  *tranche_timeline_scene_intern     (TrancheTimelineLayout      *self,
                                                const char                 *text);

/* lanes */
void         tranche_timeline_frame_init       (TrancheTimelineLayout      *self,
                                                double                      width,
                                                TrancheTimelineFrame       *frame);
void         tranche_timeline_lanes_build      (TrancheTimelineLayout      *self,
                                                const TrancheTimelineFrame *frame,
                                                double                      top,
                                                double                      height);
/* The height of the lanes when each has its legible minimum. */
double       tranche_timeline_lanes_min_height (TrancheTimelineLayout      *self,
                                                guint                       n_lanes);
/* A lane's share of the height left over its minimum: a valuation lane
 * holds small fixed markers, a busy news lane stacks its headlines. */
double       tranche_timeline_lanes_weight     (TrancheLaneKind             kind,
                                                guint                       n_events);
/* About how tall a lane of the unfiltered dataset would be in `height`:
 * what marker sizes are fitted to, whatever the filter. */
double       tranche_timeline_lanes_unfiltered_height (TrancheTimelineLayout *self,
                                                       double                 height);
/* The height of `n_lanes` rows at the least the scene allows: two lines
 * in a scrolling scene, one in an export or a slide. */
double       tranche_timeline_lanes_least_height (TrancheTimelineLayout *self,
                                                  guint                  n_lanes);
/* Whether every row fits in `height` at the least the scene allows. */
gboolean     tranche_timeline_lanes_fit        (TrancheTimelineLayout      *self,
                                                double                      height);
void         tranche_timeline_lanes_resolve_pins (TrancheTimelineLayout    *self);
guint        tranche_timeline_lanes_slot       (TrancheTimelineLayout      *self,
                                                guint                       lane);

/* markers */
double       tranche_timeline_markers_radius   (TrancheTimelineLayout      *self,
                                                double                      r_max,
                                                double                      value);
void         tranche_timeline_markers_init_radii (TrancheTimelineLayout    *self);
void         tranche_timeline_markers_fit_radii  (TrancheTimelineLayout    *self);
void         tranche_timeline_markers_build    (TrancheTimelineLayout      *self,
                                                double                      line_height);

/* density */
void         tranche_timeline_density_build    (TrancheTimelineLayout      *self);

/* labels */
void         tranche_timeline_labels_place     (TrancheTimelineLayout      *self);

/* legend */
double       tranche_timeline_legend_measure   (TrancheTimelineLayout      *self,
                                                const TrancheTimelineFrame *frame,
                                                double                      width);
void         tranche_timeline_legend_build     (TrancheTimelineLayout      *self,
                                                const TrancheTimelineFrame *frame,
                                                double                      y,
                                                double                      width,
                                                double                      height);

G_END_DECLS
