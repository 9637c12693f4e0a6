/* tranche-slide-event.c: an event's slide
 *
 * The timeline is the window's, laid out through its public API with three
 * slide settings: no legend (the slide says only what it shows, on one
 * line), the event being told labelled first and the events after it not
 * labelled yet, and no today line. Its lane header column is scrolled off
 * the left edge so the plot spans the slide, and each lane is named inside
 * its band instead.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "tranche-draw.h"
#include "tranche-format.h"
#include "tranche-slide-private.h"
#include "tranche-timeline-painter.h"

/* How many news items the aside names before "and N more". */
#define MAX_ASIDE_NEWS 6

static TrancheTimelineLayout *
ensure_timeline (TrancheSlidePainter *self,
                 const TrancheTheme  *theme)
{
  TranchePresentation *p = self->presentation;

  if (self->timeline == NULL)
    {
      self->timeline = tranche_timeline_layout_new ();
      tranche_timeline_layout_set_dataset (self->timeline, tranche_presentation_get_dataset (p));
      tranche_timeline_layout_set_mask (self->timeline, tranche_presentation_get_mask (p));
      tranche_timeline_layout_set_lane_mode (self->timeline, self->lane_mode);
      tranche_timeline_layout_set_show_legend (self->timeline, FALSE);
      /* A slide shows the lanes that have something in its range, and the
       * current event's lane always (set_selected), never lanes of investors
       * that only appear years later. */
      tranche_timeline_layout_set_lanes_in_range (self->timeline, TRUE);
      /* A slide tells a story from the past: "today" is not part of it. */
      tranche_timeline_layout_set_today (self->timeline, NAN);
    }
  if (memcmp (tranche_timeline_layout_get_theme (self->timeline), theme,
              sizeof (TrancheTheme)) != 0)
    tranche_timeline_layout_set_theme (self->timeline, theme);
  return self->timeline;
}

/* Lays the timeline out so that its plot starts `left` from the slide's
 * left edge: the canvas is widened by the header column, which is then
 * painted off the slide. Returns how far to shift it left. */
static double
lay_out_timeline (TrancheTimelineLayout *layout,
                  const TrancheRect     *chart,
                  double                 left,
                  TrancheDay             first,
                  TrancheDay             end)
{
  double shift = 0;

  /* The header column depends on the canvas' width: twice settles it. */
  for (int i = 0; i < 3; i++)
    {
      double plot_x;

      tranche_timeline_layout_update (layout, chart->width + shift, chart->height, first, end);
      plot_x = tranche_timeline_layout_get_plot (layout)->x;
      if (fabs (plot_x - left - shift) < 0.5)
        break;
      shift = MAX (plot_x - left, 0);
    }
  return shift;
}

/* The most of the slide's height below the overview that the chart may
 * take from the words under it when lanes would otherwise fold. */
#define CHART_MAX_SHARE 0.62

/* A chart that folds lanes away ("5 more lanes") grows, up to
 * CHART_MAX_SHARE, by the rows it lacks, and the legend and the words
 * under it move down: a slide names every investor of its period before
 * it shows a second quote. TRUE when it grew. */
static gboolean
grow_chart_for_lanes (TrancheTimelineLayout *layout,
                      TrancheSlideGeometry  *g)
{
  guint n_shown, n_rows;
  double below, grow, row;

  tranche_timeline_layout_get_lane_rows (layout, NULL, &n_shown, &n_rows);
  if (n_shown >= n_rows || n_shown == 0)
    return FALSE;
  below = g->previous.y - g->chart.y;
  /* the folded lane's row and the rows it holds */
  row = tranche_timeline_layout_get_plot (layout)->height / n_shown;
  grow = MIN ((n_rows - n_shown + 1) * row, below * CHART_MAX_SHARE - g->chart.height);
  if (grow < row)
    return FALSE;
  g->chart.height += grow;
  g->legend.y += grow;
  g->caption.y += grow;
  g->caption.height = MAX (g->caption.height - grow, 1);
  g->aside.y += grow;
  g->aside.height = MAX (g->aside.height - grow, 1);
  return TRUE;
}

static double
overlap_area (const TrancheRect *a,
              const TrancheRect *b)
{
  double w = MIN (a->x + a->width, b->x + b->width) - MAX (a->x, b->x);
  double h = MIN (a->y + a->height, b->y + b->height) - MAX (a->y, b->y);

  return w > 0 && h > 0 ? w * h : 0;
}

/* How much a lane name at `r` would cover: text (labels, names placed
 * before it) counts far more than markers, which the veil leaves legible. */
static double
name_cost (TrancheTimelineLayout *layout,
           GArray                *placed,
           const TrancheRect     *r)
{
  double cost = 0;

  for (guint i = 0; i < placed->len; i++)
    cost += 100 * overlap_area (r, &g_array_index (placed, TrancheRect, i));
  for (guint i = 0; i < tranche_timeline_layout_get_n_labels (layout); i++)
    cost += 100 * overlap_area (r, &tranche_timeline_layout_get_label (layout, i)->rect);
  for (guint i = 0; i < tranche_timeline_layout_get_n_markers (layout); i++)
    {
      const TrancheTimelineMarker *m = tranche_timeline_layout_get_marker (layout, i);
      double rr = MAX (m->radius, m->flags & TRANCHE_MARKER_RANGE ? m->radius_max : 0);
      TrancheRect box = { m->x - rr, m->y - rr, 2 * rr, 2 * rr };

      /* a name over a marker hides a figure; over a bar, only a stretch of it */
      cost += 50 * overlap_area (r, &box);
      if (m->flags & TRANCHE_MARKER_SPAN)
        {
          TrancheRect bar = { m->span_x0, m->y - 4, m->span_x1 - m->span_x0, 8 };
          cost += overlap_area (r, &bar);
        }
    }
  for (guint i = 0; i < tranche_timeline_layout_get_n_clusters (layout); i++)
    {
      const TrancheTimelineCluster *c = tranche_timeline_layout_get_cluster (layout, i);
      TrancheRect pill = { c->x0 - c->radius, c->y - c->radius, c->x1 - c->x0 + 2 * c->radius,
                           2 * c->radius };

      cost += overlap_area (r, &pill);
    }
  return cost;
}

/* Candidate places of a lane's name besides the band's corners: along its
 * top edge, from the left, so a one-line lane whose ends are taken (a
 * marker at the left edge, a badge at the right) still finds a gap. */
#define NAME_STEPS 24

/* Each lane's name inside its band, over a veil of the background: where
 * it covers least, the band's top left first, then its other corners, then
 * along its top. */
static void
paint_lane_names (cairo_t               *cr,
                  const TrancheTheme    *theme,
                  PangoContext          *context,
                  TrancheTimelineLayout *layout,
                  double                 x,
                  double                 max_width)
{
  const TrancheRect *plot = tranche_timeline_layout_get_plot (layout);
  g_autoptr(GArray) placed = g_array_new (FALSE, FALSE, sizeof (TrancheRect));
  double s = theme->scale, r = 5 * s;

  for (guint i = 0; i < tranche_timeline_layout_get_n_lanes (layout); i++)
    {
      const TrancheTimelineLane *lane = tranche_timeline_layout_get_lane (layout, i);
      g_autoptr(PangoLayout) name = NULL;
      TrancheRect corners[4 + NAME_STEPS], box;
      double w, h, box_w, best;

      if (lane->title == NULL)
        continue;
      name = tranche_slide_text (context, theme, lane->title, theme->small_size, TRUE,
                                 max_width, 1);
      tranche_draw_get_text_size (name, &w, &h);
      box_w = w + 2 * r + 14 * s;
      corners[0] = (TrancheRect) { x - 4 * s, lane->y + 2 * s, box_w, h + 4 * s };
      corners[1] = corners[0];
      corners[1].x = plot->x + plot->width - box_w;
      corners[2] = corners[0];
      corners[2].y = lane->y + lane->height - h - 6 * s;
      corners[3] = corners[2];
      corners[3].x = corners[1].x;
      for (guint k = 0; k < NAME_STEPS; k++)
        {
          corners[4 + k] = corners[0];
          corners[4 + k].x = x + (plot->x + plot->width - box_w - x) * (k + 1) / (NAME_STEPS + 1);
        }
      box = corners[0];
      best = G_MAXDOUBLE;
      for (guint c = 0; c < G_N_ELEMENTS (corners) && best > 0; c++)
        {
          double cost = name_cost (layout, placed, &corners[c]);

          if (cost < best)
            {
              best = cost;
              box = corners[c];
            }
        }
      g_array_append_val (placed, box);
      tranche_draw_set_color (cr, tranche_color_with_alpha (theme->background, 0.82));
      tranche_draw_rounded_rect (cr, box.x, box.y, box.width, box.height, 4 * s);
      cairo_fill (cr);
      tranche_draw_set_color (cr, lane->neutral ? theme->neutral : lane->color);
      cairo_arc (cr, box.x + 4 * s + r, box.y + 2 * s + h / 2, r, 0, 2 * G_PI);
      cairo_fill (cr);
      tranche_draw_set_color (cr, theme->foreground);
      tranche_draw_layout (cr, name, box.x + 4 * s + 2 * r + 6 * s, box.y + 2 * s);
    }
}

/* The event told on this slide stands out: a halo in the selection's
 * colour around its marker (or the cluster holding it). */
static void
paint_emphasis (cairo_t               *cr,
                const TrancheTheme    *theme,
                TrancheTimelineLayout *layout,
                guint                  event)
{
  TrancheTimelineHit hit;
  double s = theme->scale, x, y, r;

  if (!tranche_timeline_layout_find_event (layout, event, &hit))
    return;
  if (hit.kind == TRANCHE_HIT_MARKER)
    {
      const TrancheTimelineMarker *m = tranche_timeline_layout_get_marker (layout, hit.index);

      x = m->x;
      y = m->y;
      r = m->flags & TRANCHE_MARKER_RANGE ? MAX (m->radius, m->radius_max) : m->radius;
    }
  else
    {
      const TrancheTimelineCluster *c = tranche_timeline_layout_get_cluster (layout, hit.index);

      x = (c->x0 + c->x1) / 2;
      y = c->y;
      r = (c->x1 - c->x0) / 2 + c->radius;
    }
  r = MAX (r, 6 * s);
  tranche_draw_set_color (cr, tranche_color_with_alpha (theme->selection, 0.16));
  cairo_arc (cr, x, y, r + 14 * s, 0, 2 * G_PI);
  cairo_fill (cr);
  tranche_draw_set_color (cr, theme->selection);
  cairo_set_line_width (cr, 3 * s);
  cairo_arc (cr, x, y, r + 6 * s, 0, 2 * G_PI);
  cairo_stroke (cr);
}

typedef enum
{
  SYMBOL_FOCUS,
  SYMBOL_CIRCLE,
  SYMBOL_HOLLOW,
  SYMBOL_RANGE,
  SYMBOL_BAND,
  SYMBOL_SPAN,
  SYMBOL_DIAMOND,
  SYMBOL_TRIANGLE,
  SYMBOL_NEWS,
  SYMBOL_CLUSTER,
  N_SYMBOLS
} Symbol;

static void
paint_symbol (cairo_t            *cr,
              const TrancheTheme *theme,
              Symbol              symbol,
              double              x,
              double              cy)
{
  double s = theme->scale, r = 7 * s;
  TrancheColor c = theme->neutral;

  cairo_set_line_width (cr, 1.5 * s);
  tranche_draw_set_color (cr, c);
  switch (symbol)
    {
    case SYMBOL_FOCUS:
      tranche_draw_set_color (cr, theme->selection);
      cairo_set_line_width (cr, 3 * s);
      cairo_arc (cr, x + r, cy, r, 0, 2 * G_PI);
      cairo_stroke (cr);
      break;
    case SYMBOL_CIRCLE:
      cairo_arc (cr, x + r, cy, r, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case SYMBOL_HOLLOW:
      cairo_arc (cr, x + r, cy, r - s, 0, 2 * G_PI);
      cairo_stroke (cr);
      break;
    case SYMBOL_RANGE:
      cairo_arc (cr, x + r, cy, r * 0.6, 0, 2 * G_PI);
      cairo_fill (cr);
      cairo_move_to (cr, x + r, cy - r);
      cairo_line_to (cr, x + r, cy + r);
      cairo_stroke (cr);
      break;
    case SYMBOL_BAND:
      tranche_draw_set_color (cr, tranche_color_with_alpha (c, 0.25));
      cairo_rectangle (cr, x, cy - r, 4 * r, 2 * r);
      cairo_fill (cr);
      tranche_draw_set_color (cr, c);
      cairo_arc (cr, x + 2 * r, cy, r * 0.6, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case SYMBOL_SPAN:
      tranche_draw_set_color (cr, tranche_color_with_alpha (c, 0.55));
      cairo_rectangle (cr, x, cy - 3 * s, 4 * r, 6 * s);
      cairo_fill (cr);
      break;
    case SYMBOL_DIAMOND:
      cairo_move_to (cr, x + r, cy - r);
      cairo_line_to (cr, x + 2 * r, cy);
      cairo_line_to (cr, x + r, cy + r);
      cairo_line_to (cr, x, cy);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    case SYMBOL_TRIANGLE:
      cairo_move_to (cr, x + r, cy - r);
      cairo_line_to (cr, x + 2 * r, cy + r * 0.8);
      cairo_line_to (cr, x, cy + r * 0.8);
      cairo_close_path (cr);
      cairo_stroke (cr);
      break;
    case SYMBOL_NEWS:
      cairo_arc (cr, x + r, cy, r * 0.5, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case SYMBOL_CLUSTER:
      tranche_draw_rounded_rect (cr, x, cy - r, 4 * r, 2 * r, r);
      cairo_fill (cr);
      break;
    default:
      g_assert_not_reached ();
    }
}

static double
symbol_width (const TrancheTheme *theme,
              Symbol              symbol)
{
  gboolean wide = symbol == SYMBOL_BAND || symbol == SYMBOL_SPAN || symbol == SYMBOL_CLUSTER;

  return (wide ? 28 : 14) * theme->scale;
}

/* Which symbols the markers in view use. */
static void
collect_symbols (TrancheTimelineLayout *layout,
                 gboolean               symbols[N_SYMBOLS],
                 TranchePrecision      *coarsest)
{
  const TrancheRect *plot = tranche_timeline_layout_get_plot (layout);

  *coarsest = TRANCHE_PRECISION_DAY;
  for (guint i = 0; i < tranche_timeline_layout_get_n_markers (layout); i++)
    {
      const TrancheTimelineMarker *m = tranche_timeline_layout_get_marker (layout, i);

      if (m->x < plot->x || m->x > plot->x + plot->width)
        continue;
      switch (m->shape)
        {
        case TRANCHE_MARKER_DIAMOND:
          symbols[SYMBOL_DIAMOND] = TRUE;
          break;
        case TRANCHE_MARKER_TRIANGLE:
          symbols[SYMBOL_TRIANGLE] = TRUE;
          break;
        case TRANCHE_MARKER_DOT:
          symbols[SYMBOL_NEWS] = TRUE;
          break;
        default:
          symbols[SYMBOL_CIRCLE] |= !(m->flags & TRANCHE_MARKER_HOLLOW);
        }
      symbols[SYMBOL_HOLLOW] |= (m->flags & TRANCHE_MARKER_HOLLOW) != 0;
      symbols[SYMBOL_RANGE] |= (m->flags & TRANCHE_MARKER_RANGE) != 0;
      symbols[SYMBOL_SPAN] |= (m->flags & TRANCHE_MARKER_SPAN) != 0;
      if (m->flags & TRANCHE_MARKER_PARTIAL)
        {
          symbols[SYMBOL_BAND] = TRUE;
          *coarsest = MIN (*coarsest, (TranchePrecision) m->precision);
        }
    }
  symbols[SYMBOL_CLUSTER] = tranche_timeline_layout_get_n_clusters (layout) > 0;
}

static const char *
symbol_text (Symbol           symbol,
             TranchePrecision coarsest)
{
  switch (symbol)
    {
    case SYMBOL_FOCUS:
      /* Translators: in a slide's legend, the ring around the event told */
      return C_("legend", "this slide's event");
    case SYMBOL_CIRCLE:
      /* Translators: in a slide's legend */
      return C_("legend", "area: amount");
    case SYMBOL_HOLLOW:
      return C_("legend", "hollow: amount undisclosed");
    case SYMBOL_RANGE:
      return C_("legend", "whisker: reported range");
    case SYMBOL_BAND:
      if (coarsest <= TRANCHE_PRECISION_YEAR)
        return C_("legend", "band: date known only to the year");
      if (coarsest == TRANCHE_PRECISION_QUARTER)
        return C_("legend", "band: date known only to the quarter");
      return C_("legend", "band: date known only to the month");
    case SYMBOL_SPAN:
      return C_("legend", "bar: until its end date");
    case SYMBOL_DIAMOND:
      return C_("legend", "acquisition");
    case SYMBOL_TRIANGLE:
      return C_("legend", "valuation (not to scale)");
    case SYMBOL_NEWS:
      /* Translators: in a slide's legend, the small dots of news items */
      return C_("legend", "news");
    case SYMBOL_CLUSTER:
      return C_("legend", "merged events: count");
    default:
      g_assert_not_reached ();
    }
}

/* What the symbols on this slide mean, and nothing else: every one of
 * them, on as many lines as it takes (one, mostly), never cut. Returns how
 * far below `rect` the lines after the first go. */
static double
paint_legend (TrancheSlidePainter   *self,
              cairo_t               *cr,
              const TrancheTheme    *theme,
              PangoContext          *context,
              TrancheTimelineLayout *layout,
              gboolean               focus_shown,
              const TrancheRect     *rect)
{
  gboolean symbols[N_SYMBOLS] = { 0 };
  TranchePrecision coarsest;
  double s = theme->scale, x = rect->x, cy = rect->y + rect->height / 2, row_step = 0;
  double extra = 0;

  g_ptr_array_set_size (self->legend, 0);
  collect_symbols (layout, symbols, &coarsest);
  symbols[SYMBOL_FOCUS] = focus_shown;
  for (int i = 0; i < N_SYMBOLS; i++)
    {
      const char *text;
      g_autoptr(PangoLayout) label = NULL;
      double w, h, sw;

      if (!symbols[i])
        continue;
      text = symbol_text (i, coarsest);
      label = tranche_slide_text (context, theme, text, theme->small_size, FALSE, -1, 1);
      tranche_draw_get_text_size (label, &w, &h);
      sw = symbol_width (theme, i);
      row_step = MAX (row_step, h + 8 * s);
      /* The next line when this one is full (a key wider than a whole line
       * is written whole all the same). */
      if (x > rect->x && x + sw + 6 * s + w > rect->x + rect->width)
        {
          x = rect->x;
          cy += row_step;
          extra += row_step;
        }
      paint_symbol (cr, theme, i, x, cy);
      tranche_draw_set_color (cr, theme->muted);
      tranche_draw_layout (cr, label, x + sw + 6 * s, cy - h / 2);
      g_ptr_array_add (self->legend, g_strdup (text));
      x += sw + 6 * s + w + 22 * s;
    }
  return extra;
}

/* The whole period from the first step to the last, in x. */
static void
overview_range (TranchePresentation *p,
                TrancheDay          *first,
                TrancheDay          *end)
{
  TrancheDataset *dataset = tranche_presentation_get_dataset (p);
  guint n = tranche_presentation_get_n_steps (p);

  *first = G_MAXDOUBLE;
  *end = -G_MAXDOUBLE;
  for (guint i = 0; i < n; i++)
    {
      const TrancheEvent *e =
        tranche_dataset_get_event (dataset, tranche_presentation_get_event (p, i));

      *first = MIN (*first, e->first_day);
      *end = MAX (*end, e->end_day);
    }
  /* A little room at both ends, so the first and last dots are whole. */
  *first -= MAX ((*end - *first) * 0.02, 15);
  *end += MAX ((*end - *first) * 0.02, 15);
}

static double
overview_x (const TrancheRect *strip,
            TrancheDay         first,
            TrancheDay         end,
            TrancheDay         day)
{
  return strip->x + strip->width * (day - first) / MAX (end - first, 1);
}

static TrancheDay
marker_day (const TrancheEvent *e)
{
  return tranche_date_middle_day (&e->date);
}

/* A tick per year on the strip, labelled where the labels fit. */
static void
paint_overview_years (cairo_t            *cr,
                      const TrancheTheme *theme,
                      PangoContext       *context,
                      const TrancheRect  *strip,
                      double              line_y,
                      TrancheDay          first,
                      TrancheDay          end)
{
  double s = theme->scale;
  int y0, y1;

  tranche_day_to_ymd (first, &y0, NULL, NULL);
  tranche_day_to_ymd (end, &y1, NULL, NULL);
  {
    double last_right = -G_MAXDOUBLE;
    int every = 1;

    while ((y1 - y0) / every > 24)
      every *= 2;
    for (int y = y0; y <= y1; y++)
      {
        TrancheDay d = tranche_day_from_ymd (y, 1, 1);
        g_autofree char *year = g_strdup_printf ("%d", y);
        g_autoptr(PangoLayout) label = NULL;
        double x = overview_x (strip, first, end, d), w, h;

        /* A year is labelled at its first day, so the end of the year
         * before the first event gets no label of its own. */
        if ((y - y0) % every != 0 || d < first || d >= end)
          continue;
        label = tranche_slide_text (context, theme, year, theme->small_size, FALSE, -1, 1);
        tranche_draw_get_text_size (label, &w, &h);
        tranche_draw_set_color (cr, theme->grid_strong);
        cairo_rectangle (cr, x, line_y - 4 * s, MAX (1, s), 8 * s);
        cairo_fill (cr);
        x = MIN (x, strip->x + strip->width - w);
        if (x < last_right + 8 * s)
          continue;
        tranche_draw_set_color (cr, theme->muted);
        tranche_draw_layout (cr, label, x, line_y + 8 * s);
        last_right = x + w;
      }
  }

}

/* The whole period on one line: a dot per step, the steps told so far
 * darker, the one told now large, and the range the timeline shows. */
static void
paint_overview (TrancheSlidePainter *self,
                cairo_t             *cr,
                const TrancheTheme  *theme,
                PangoContext        *context,
                guint                step,
                TrancheDay           shown_first,
                TrancheDay           shown_end,
                const TrancheRect   *strip)
{
  TranchePresentation *p = self->presentation;
  TrancheDataset *dataset = tranche_presentation_get_dataset (p);
  TrancheDay first, end;
  double s = theme->scale, line_y = strip->y + 14 * s, x0, x1;

  overview_range (p, &first, &end);
  /* The part of the period the chart below shows. */
  x0 = MAX (overview_x (strip, first, end, shown_first), strip->x);
  x1 = MIN (overview_x (strip, first, end, shown_end), strip->x + strip->width);
  if (x1 > x0)
    {
      tranche_draw_set_color (cr, tranche_color_with_alpha (theme->selection, 0.12));
      tranche_draw_rounded_rect (cr, x0, line_y - 10 * s, x1 - x0, 20 * s, 4 * s);
      cairo_fill (cr);
    }
  tranche_draw_set_color (cr, theme->grid_strong);
  cairo_rectangle (cr, strip->x, line_y - s / 2, strip->width, MAX (1, s));
  cairo_fill (cr);

  paint_overview_years (cr, theme, context, strip, line_y, first, end);

  for (guint i = 0; i < tranche_presentation_get_n_steps (p); i++)
    {
      const TrancheEvent *e =
        tranche_dataset_get_event (dataset, tranche_presentation_get_event (p, i));
      double x = overview_x (strip, first, end, marker_day (e));

      if (i == step)
        continue;
      /* Opaque, so dots on the same day don't add up to a darker one. */
      tranche_draw_set_color (cr, i < step ? theme->foreground
                                           : tranche_color_mix (theme->background, theme->muted,
                                                                0.6));
      cairo_arc (cr, x, line_y, 3.5 * s, 0, 2 * G_PI);
      cairo_fill (cr);
    }
  if (step != G_MAXUINT)
    {
      const TrancheEvent *e =
        tranche_dataset_get_event (dataset, tranche_presentation_get_event (p, step));
      double x = overview_x (strip, first, end, marker_day (e));

      tranche_draw_set_color (cr, theme->background);
      cairo_arc (cr, x, line_y, 9 * s, 0, 2 * G_PI);
      cairo_fill (cr);
      tranche_draw_set_color (cr, theme->selection);
      cairo_arc (cr, x, line_y, 7 * s, 0, 2 * G_PI);
      cairo_fill (cr);
    }
}

/* News shown in the timeline's range, named one by one. */
static void
paint_aside (TrancheSlidePainter *self,
             cairo_t             *cr,
             const TrancheTheme  *theme,
             PangoContext        *context,
             guint                step,
             TrancheDay           first,
             TrancheDay           end,
             const TrancheRect   *rect)
{
  TranchePresentation *p = self->presentation;
  TrancheDataset *dataset = tranche_presentation_get_dataset (p);
  g_autoptr(PangoLayout) heading = NULL;
  double s = theme->scale, y = rect->y, bottom = rect->y + rect->height;
  guint n = tranche_presentation_get_n_steps (p), shown = 0, more = 0;

  if (rect->width <= 0)
    return;
  for (guint i = 0; i < n; i++)
    {
      guint event = tranche_presentation_get_event (p, i);
      const TrancheEvent *e = tranche_dataset_get_event (dataset, event);
      g_autofree char *date = NULL;
      g_autoptr(PangoLayout) when = NULL;
      g_autoptr(PangoLayout) what = NULL;
      double h;

      if (i == step || e->kind != TRANCHE_EVENT_NEWS || e->end_day <= first
          || e->first_day >= end)
        continue;
      if (heading == NULL)
        {
          /* Translators: heading of the news listed beside an event's slide */
          heading = tranche_slide_text (context, theme, _("News around it"), theme->small_size,
                                        TRUE, rect->width, 1);
          tranche_draw_set_color (cr, theme->muted);
          tranche_draw_layout (cr, heading, rect->x, y);
          y += tranche_slide_text_height (heading) + 8 * s;
        }
      date = tranche_format_date (&e->date);
      when = tranche_slide_text (context, theme, date, theme->small_size, FALSE, rect->width, 1);
      what = tranche_slide_text (context, theme, e->title != NULL ? e->title : e->id,
                                 theme->text_size, FALSE, rect->width, 2);
      h = tranche_slide_text_height (when) + tranche_slide_text_height (what);
      if (shown >= MAX_ASIDE_NEWS || y + h > bottom - 24 * s)
        {
          more++;
          continue;
        }
      tranche_draw_set_color (cr, theme->muted);
      tranche_draw_layout (cr, when, rect->x, y);
      y += tranche_slide_text_height (when);
      tranche_draw_set_color (cr, theme->foreground);
      tranche_draw_layout (cr, what, rect->x, y);
      y += tranche_slide_text_height (what) + 10 * s;
      shown++;
    }
  if (more > 0)
    {
      /* Translators: under the news listed beside an event's slide */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more",
                                                            "and %u more", more), more);
      g_autoptr(PangoLayout) layout = tranche_slide_text (context, theme, text,
                                                          theme->small_size, FALSE,
                                                          rect->width, 1);
      tranche_draw_set_color (cr, theme->muted);
      tranche_draw_layout (cr, layout, rect->x, y);
    }
}

/* An arrow in a circle, with the slide it goes to named beside it. */
static void
paint_arrow (TrancheSlidePainter *self,
             cairo_t             *cr,
             const TrancheTheme  *theme,
             PangoContext        *context,
             guint                target,
             gboolean            forward,
             const TrancheRect   *rect)
{
  double s = theme->scale, r = 17 * s, cx, cy = rect->y + rect->height / 2;
  double text_w = rect->width - 2 * r - 14 * s, text_x, w1, w2;
  g_autofree char *name = tranche_slide_describe (self, target);
  g_autoptr(PangoLayout) what = NULL;
  g_autoptr(PangoLayout) where = NULL;

  cx = forward ? rect->x + rect->width - r : rect->x + r;
  tranche_draw_set_color (cr, tranche_color_with_alpha (theme->selection, 0.14));
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  cairo_fill (cr);
  tranche_draw_set_color (cr, theme->selection);
  cairo_set_line_width (cr, 3 * s);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to (cr, cx + (forward ? -4 : 4) * s, cy - 8 * s);
  cairo_line_to (cr, cx + (forward ? 4 : -4) * s, cy);
  cairo_line_to (cr, cx + (forward ? -4 : 4) * s, cy + 8 * s);
  cairo_stroke (cr);

  /* Translators: above the title of the slide the right arrow goes to */
  where = tranche_slide_text (context, theme, forward ? _("Next") : _("Previous"),
                              theme->small_size, FALSE, text_w, 1);
  what = tranche_slide_text (context, theme, name, theme->text_size, TRUE, text_w, 1);
  tranche_draw_get_text_size (where, &w1, NULL);
  tranche_draw_get_text_size (what, &w2, NULL);
  text_x = forward ? cx - r - 14 * s : cx + r + 14 * s;
  tranche_draw_set_color (cr, theme->muted);
  tranche_draw_layout (cr, where, forward ? text_x - w1 : text_x,
                       cy - tranche_slide_text_height (where) - s);
  tranche_draw_set_color (cr, theme->foreground);
  tranche_draw_layout (cr, what, forward ? text_x - w2 : text_x, cy + s);
}

void
tranche_slide_paint_event (TrancheSlidePainter *self,
                           cairo_t             *cr,
                           const TrancheTheme  *theme,
                           guint                position,
                           double               width,
                           double               height,
                           const TrancheDay    *range)
{
  TranchePresentation *p = self->presentation;
  guint step = tranche_presentation_get_step_at (p, position);
  guint event = tranche_presentation_get_event (p, step);
  const TrancheEvent *e = tranche_dataset_get_event (tranche_presentation_get_dataset (p),
                                                     event);
  g_autoptr(GObject) context_ref = NULL;
  g_autoptr(TrancheCaption) caption = NULL;
  PangoContext *context;
  TrancheTimelineLayout *layout;
  TrancheSlideGeometry g;
  TrancheDay first, end;
  TrancheTimelineHit hit;
  double shift, legend_extra, s = theme->scale;

  tranche_slide_get_geometry (theme, width, height, &g);
  tranche_presentation_get_range (p, step, &first, &end);
  if (range != NULL)
    {
      first = range[0];
      end = range[1];
    }
  context = tranche_draw_create_context ();
  context_ref = G_OBJECT (context);
  tranche_draw_set_color (cr, theme->background);
  cairo_paint (cr);

  layout = ensure_timeline (self, theme);
  /* Later events are drawn (the room sees what is coming) but not yet
   * labelled; this one is labelled first. */
  tranche_timeline_layout_set_focus (layout, (int) event, e->first_day + 1);
  tranche_timeline_layout_set_selected (layout, (int) event);
  shift = lay_out_timeline (layout, &g.chart, g.legend.x, first, end);
  if (grow_chart_for_lanes (layout, &g))
    shift = lay_out_timeline (layout, &g.chart, g.legend.x, first, end);
  cairo_save (cr);
  /* The header column ends left of the slide; the clip keeps any of it
   * that a long lane title would bring in. */
  cairo_rectangle (cr, g.chart.x + g.legend.x / 2, g.chart.y, g.chart.width - g.legend.x / 2,
                   g.chart.height);
  cairo_clip (cr);
  cairo_translate (cr, g.chart.x - shift, g.chart.y);
  tranche_timeline_painter_paint (layout, cr, (int) event, -1, NAN);
  paint_emphasis (cr, theme, layout, event);
  paint_lane_names (cr, theme, context, layout, shift + g.legend.x, 240 * s);
  cairo_restore (cr);

  legend_extra = paint_legend (self, cr, theme, context, layout,
                               tranche_timeline_layout_find_event (layout, event, &hit),
                               &g.legend);
  /* A legend on two lines takes its second from the words under it. */
  g.caption.y += legend_extra;
  g.caption.height = MAX (g.caption.height - legend_extra, 1);
  g.aside.y += legend_extra;
  g.aside.height = MAX (g.aside.height - legend_extra, 1);
  paint_overview (self, cr, theme, context, step, first, end, &g.overview);

  caption = tranche_presentation_get_caption (p, step);
  tranche_caption_paint (caption, cr, theme, g.caption.x, g.caption.y, g.caption.width,
                         g.caption.height);
  paint_aside (self, cr, theme, context, step, first, end, &g.aside);
  paint_arrow (self, cr, theme, context, position - 1, FALSE, &g.previous);
  if (position + 1 < tranche_presentation_get_n_positions (p))
    paint_arrow (self, cr, theme, context, position + 1, TRUE, &g.next);
}

static gboolean
rect_contains (const TrancheRect *r,
               double             x,
               double             y)
{
  return x >= r->x && x < r->x + r->width && y >= r->y && y < r->y + r->height;
}

guint
tranche_slide_event_hit_test (TrancheSlidePainter *self,
                              const TrancheTheme  *theme,
                              guint                position,
                              double               width,
                              double               height,
                              double               x,
                              double               y)
{
  TranchePresentation *p = self->presentation;
  TrancheDataset *dataset = tranche_presentation_get_dataset (p);
  TrancheSlideGeometry g;
  TrancheRect strip;
  TrancheDay first, end;
  guint best = G_MAXUINT;
  double best_d = G_MAXDOUBLE;

  tranche_slide_get_geometry (theme, width, height, &g);
  if (rect_contains (&g.previous, x, y))
    return position - 1;
  if (rect_contains (&g.next, x, y))
    return position + 1 < tranche_presentation_get_n_positions (p) ? position + 1 : G_MAXUINT;
  strip = g.overview;
  strip.x -= 10 * theme->scale;
  strip.width += 20 * theme->scale;
  if (!rect_contains (&strip, x, y))
    return G_MAXUINT;
  overview_range (p, &first, &end);
  /* The step whose dot is nearest the click. */
  for (guint i = 0; i < tranche_presentation_get_n_steps (p); i++)
    {
      const TrancheEvent *e =
        tranche_dataset_get_event (dataset, tranche_presentation_get_event (p, i));
      double d = fabs (overview_x (&g.overview, first, end, marker_day (e)) - x);

      if (d < best_d)
        {
          best_d = d;
          best = i;
        }
    }
  return best == G_MAXUINT ? G_MAXUINT
                           : tranche_presentation_find_position (p, TRANCHE_SLIDE_EVENT, best);
}
