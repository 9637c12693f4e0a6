/* test-scene.c: the timeline's scene checked over a corpus at meeting sizes
 *
 * The two bundled samples, a 20-event syndicated history, and a 200- and a
 * 5,000-event generated set, laid out as the window does (lanes scroll) at
 * 1920×1080, 1600×1000 and 1024×700, and as exports (every chart stacked,
 * lanes of the range) at the slide size, 1600×1000, 1024×700 and A4. In
 * every scene, read from the scene itself (never from pixels): no two texts
 * overlap, no label covers a marker it does not belong to, every label lies
 * inside its own lane's band, no amount is cut, and no lane is folded while
 * every row fits (in an export, at one line a row: the histories show
 * every lane at every size).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tranche-chart-stack.h"
#include "tranche-export.h"
#include "tranche-format.h"
#include "tranche-diagnostics.h"
#include "tranche-draw.h"
#include "tranche-loader.h"
#include "tranche-sum.h"
#include "tranche-timeline-layout.h"
#include "tranche-totals.h"

typedef struct
{
  const char         *name;
  int                 width, height;
  TrancheExportFormat format;  /* of an export: A4 is a PDF page */
  gboolean            stacked_rows;  /* room for 16 rows beside the two other charts */
} Size;

static const Size window_sizes[] = {
  { "1920x1080", 1920, 1080 },
  { "1600x1000", 1600, 1000 },
  { "1024x700", 1024, 700 },
};

static const Size export_sizes[] = {
  { "slide", TRANCHE_EXPORT_SLIDE_WIDTH, TRANCHE_EXPORT_SLIDE_HEIGHT, TRANCHE_EXPORT_PNG, TRUE },
  { "1600x1000", 1600, 1000, TRANCHE_EXPORT_PNG, TRUE },
  /* screen-size type, two charts of 130 px: 16 one-line rows don't fit */
  { "1024x700", 1024, 700, TRANCHE_EXPORT_PNG, FALSE },
  /* print-size type on a PDF page */
  { "a4", TRANCHE_EXPORT_A4_WIDTH, TRANCHE_EXPORT_A4_HEIGHT, TRANCHE_EXPORT_PDF, TRUE },
};

static TrancheDataset *
load_path (const char *path)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  TrancheDataset *dataset = tranche_loader_load_file (path, NULL, diagnostics, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==, 0);
  return dataset;
}

/* A history of `n` events among `n_investors` investors and `n_targets`
 * targets, with news, valuations, ranges, undisclosed amounts and dates at
 * every precision; the same every run. */
static TrancheDataset *
generate (guint n,
          guint n_investors,
          guint n_targets)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (n);
  g_autoptr(GString) json = g_string_new ("{\"tranche\": 1, \"title\": \"Generated\", ");
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  TrancheDataset *dataset;
  static const char *const titles[] = {
    "Seed round", "Series A", "Series B led by a sovereign fund", "Bridge", "Growth round",
    "Strategic investment in the robotics arm", "Opens a second plant", "New CEO",
  };

  g_string_append (json, "\"entities\": [");
  for (guint i = 0; i < n_investors; i++)
    g_string_append_printf (json, "%s{\"id\": \"i%u\", \"name\": \"Investor %u Capital\", "
                            "\"kind\": \"investor\"}", i ? ", " : "", i, i);
  for (guint i = 0; i < n_targets; i++)
    g_string_append_printf (json, ", {\"id\": \"t%u\", \"name\": \"Target %u\", "
                            "\"kind\": \"company\"}", i, i);
  g_string_append (json, "], \"events\": [");
  for (guint e = 0; e < n; e++)
    {
      guint kind = g_rand_int_range (rand, 0, 10);
      int year = g_rand_int_range (rand, 2012, 2025);
      int month = g_rand_int_range (rand, 1, 13);
      g_autofree char *date = NULL;

      switch (g_rand_int_range (rand, 0, 6))
        {
        case 0:
          date = g_strdup_printf ("%d", year);
          break;
        case 1:
          date = g_strdup_printf ("%d-Q%d", year, (month - 1) / 3 + 1);
          break;
        case 2:
          date = g_strdup_printf ("%d-%02d", year, month);
          break;
        default:
          date = g_strdup_printf ("%d-%02d-%02d", year, month, g_rand_int_range (rand, 1, 29));
          break;
        }
      g_string_append_printf (json, "%s{\"id\": \"e%u\", \"date\": \"%s\", \"title\": \"%s\"",
                              e ? ",\n" : "", e, date,
                              titles[g_rand_int_range (rand, 0, G_N_ELEMENTS (titles))]);
      if (kind == 0)
        g_string_append (json, ", \"kind\": \"news\"}");
      else if (kind == 1)
        g_string_append_printf (json, ", \"kind\": \"valuation\", \"target\": \"t%u\", "
                                "\"valuation\": %.0f}", g_rand_int_range (rand, 0, n_targets),
                                pow (10, g_rand_double_range (rand, 7, 11)));
      else
        {
          double amount = pow (10, g_rand_double_range (rand, 5.5, 10.2));

          g_string_append_printf (json, ", \"investors\": [\"i%u\"], \"target\": \"t%u\", ",
                                  g_rand_int_range (rand, 0, n_investors),
                                  g_rand_int_range (rand, 0, n_targets));
          if (kind == 2)
            g_string_append (json, "\"amount\": {\"disclosed\": false}}");
          else if (kind == 3)
            g_string_append_printf (json, "\"amount\": {\"min\": %.0f, \"max\": %.0f}}",
                                    amount, amount * 2);
          else
            g_string_append_printf (json, "\"amount\": %.0f}", amount);
        }
    }
  g_string_append (json, "]}\n");
  bytes = g_string_free_to_bytes (g_steal_pointer (&json));
  dataset = tranche_loader_load_bytes (bytes, NULL, NULL, diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  g_assert_cmpuint (tranche_diagnostics_count (diagnostics, TRANCHE_SEVERITY_ERROR), ==, 0);
  g_assert_cmpuint (tranche_dataset_get_n_events (dataset), ==, n);
  return dataset;
}

/* ---- the checks ---- */

typedef struct
{
  TrancheRect rect;
  char       *what;
} Text;

static void
text_clear (gpointer data)
{
  g_free (((Text *) data)->what);
}

static void
add_text (GArray            *texts,
          const TrancheRect *rect,
          const char        *what)
{
  Text t = { *rect, g_strdup (what) };

  g_array_append_val (texts, t);
}

static TrancheRect
layout_rect (PangoLayout *layout,
             double       x,
             double       y)
{
  PangoRectangle logical;

  pango_layout_get_pixel_extents (layout, NULL, &logical);
  return (TrancheRect) { x, y, logical.width, logical.height };
}

/* Overlap by more than a hair (shared edges and rounding are not overlap). */
static gboolean
rects_overlap (const TrancheRect *a,
               const TrancheRect *b)
{
  const double e = 0.5;

  return a->x + e < b->x + b->width && b->x + e < a->x + a->width
         && a->y + e < b->y + b->height && b->y + e < a->y + a->height;
}

static gboolean
circle_overlaps (const TrancheRect *r,
                 double             cx,
                 double             cy,
                 double             radius)
{
  double nx = CLAMP (cx, r->x, r->x + r->width);
  double ny = CLAMP (cy, r->y, r->y + r->height);

  return (cx - nx) * (cx - nx) + (cy - ny) * (cy - ny) < (radius - 0.5) * (radius - 0.5);
}

static guint
label_lane (TrancheTimelineLayout      *layout,
            const TrancheTimelineLabel *label)
{
  switch (label->owner)
    {
    case TRANCHE_LABEL_FOR_MARKER:
      return tranche_timeline_layout_get_marker (layout, label->index)->lane;
    case TRANCHE_LABEL_FOR_CLUSTER:
      return tranche_timeline_layout_get_cluster (layout, label->index)->lane;
    case TRANCHE_LABEL_FOR_LANE:
      return label->index;
    case TRANCHE_LABEL_FOR_TODAY:
    default:
      return G_MAXUINT;
    }
}

/* The amount a marker's label must show whole, or NULL. */
static char *
marker_amount (TrancheDataset              *dataset,
               const TrancheTimelineMarker *marker)
{
  const TrancheEvent *event = tranche_dataset_get_event (dataset, marker->event);

  if (event->kind == TRANCHE_EVENT_VALUATION)
    return tranche_format_money (&event->valuation);
  if (event->kind == TRANCHE_EVENT_NEWS)
    return NULL;
  /* in an investor's lane, a syndicated round shows that investor's share,
   * never the whole round */
  if (marker->flags & TRANCHE_MARKER_SHARE)
    {
      g_autoptr(GArray) sums = tranche_sums_new ();

      g_assert_true (tranche_totals_add_event (dataset, event, marker->investor, sums));
      if (!tranche_sum_has_known (&g_array_index (sums, TrancheSum, 0)))
        return g_strdup ("undisclosed share");
      return tranche_sums_format ((const TrancheSum *) sums->data, sums->len);
    }
  return tranche_format_money (&event->amount);
}

static void
check_labels (TrancheTimelineLayout *layout,
              const char            *scene,
              GArray                *texts)
{
  TrancheDataset *dataset = tranche_timeline_layout_get_dataset (layout);
  const TrancheRect *plot = tranche_timeline_layout_get_plot (layout);

  for (guint i = 0; i < tranche_timeline_layout_get_n_labels (layout); i++)
    {
      const TrancheTimelineLabel *label = tranche_timeline_layout_get_label (layout, i);
      guint lane = label_lane (layout, label);
      g_autofree char *what = g_strdup_printf ("label “%s”", label->text);

      add_text (texts, &label->rect, what);
      g_assert_false (pango_layout_is_ellipsized (label->layout));
      if (label->detail_layout != NULL)
        g_assert_false (pango_layout_is_ellipsized (label->detail_layout));
      if (label->owner == TRANCHE_LABEL_FOR_TODAY)
        continue;

      /* in its own lane's band, inside the plot */
      g_assert_cmpuint (label->lane, ==, lane);
      {
        const TrancheTimelineLane *band = tranche_timeline_layout_get_lane (layout, lane);

        if (label->rect.y < band->y - 0.01
            || label->rect.y + label->rect.height > band->y + band->height + 0.01
            || label->rect.x < plot->x - 0.01
            || label->rect.x + label->rect.width > plot->x + plot->width + 0.01)
          g_error ("%s: %s (%g,%g %gx%g) is outside its lane “%s” (y %g, height %g)", scene,
                   what, label->rect.x, label->rect.y, label->rect.width, label->rect.height,
                   band->title, band->y, band->height);
      }

      /* the amount whole, at the start */
      if (label->owner == TRANCHE_LABEL_FOR_MARKER)
        {
          const TrancheTimelineMarker *m = tranche_timeline_layout_get_marker (layout,
                                                                                label->index);
          g_autofree char *amount = marker_amount (dataset, m);

          if (amount != NULL && *amount != '\0' && !g_str_has_prefix (label->text, amount))
            g_error ("%s: %s does not start with its amount “%s”", scene, what, amount);
        }

      /* no marker or cluster but its own under it */
      for (guint k = 0; k < tranche_timeline_layout_get_n_markers (layout); k++)
        {
          const TrancheTimelineMarker *m = tranche_timeline_layout_get_marker (layout, k);
          double r = m->flags & TRANCHE_MARKER_RANGE ? MAX (m->radius, m->radius_max)
                                                     : m->radius;

          if (label->owner == TRANCHE_LABEL_FOR_MARKER && label->index == k)
            continue;
          if (circle_overlaps (&label->rect, m->x, m->y, r))
            g_error ("%s: %s covers the marker of event %u", scene, what, m->event);
        }
      for (guint k = 0; k < tranche_timeline_layout_get_n_clusters (layout); k++)
        {
          const TrancheTimelineCluster *c = tranche_timeline_layout_get_cluster (layout, k);
          TrancheRect pill = { c->x0 - c->radius, c->y - c->radius,
                               c->x1 - c->x0 + 2 * c->radius, 2 * c->radius };

          if (label->owner == TRANCHE_LABEL_FOR_CLUSTER && label->index == k)
            continue;
          if (rects_overlap (&label->rect, &pill))
            g_error ("%s: %s covers a cluster of %u events", scene, what, c->n_members);
        }
    }
}

static void
check_lanes (TrancheTimelineLayout *layout,
             const char            *scene,
             gboolean               scrolls,
             GArray                *texts)
{
  guint first, n_shown, n_rows;
  guint n_merged = 0;

  tranche_timeline_layout_get_lane_rows (layout, &first, &n_shown, &n_rows);
  for (guint i = 0; i < tranche_timeline_layout_get_n_lanes (layout); i++)
    {
      const TrancheTimelineLane *lane = tranche_timeline_layout_get_lane (layout, i);
      g_autofree char *title = g_strdup_printf ("lane title “%s”", lane->title);
      g_autofree char *subtitle = g_strdup_printf ("lane subtitle “%s”", lane->subtitle);
      TrancheRect t = layout_rect (lane->title_layout, lane->header.x, lane->header.y);

      n_merged += lane->n_merged;
      add_text (texts, &t, title);
      if (lane->subtitle_layout != NULL)
        {
          TrancheRect s = layout_rect (lane->subtitle_layout, lane->header.x,
                                       lane->header.y + t.height);

          /* a lane's totals are amounts: never cut */
          g_assert_false (pango_layout_is_ellipsized (lane->subtitle_layout));
          add_text (texts, &s, subtitle);
        }
    }
  /* folded, the lanes kept are those with the most events */
  if (n_merged > 0)
    {
      TrancheTimelineLayout *l = layout;
      TrancheDataset *dataset = tranche_timeline_layout_get_dataset (l);
      g_autoptr(TrancheLaneIndex) index =
        tranche_lane_index_new (dataset, tranche_timeline_layout_get_lane_mode (l), NULL);
      g_autoptr(GHashTable) kept = g_hash_table_new (NULL, NULL);
      guint fewest = G_MAXUINT, n_index = tranche_lane_index_get_n_lanes (index);

      for (guint i = 0; i < tranche_timeline_layout_get_n_lanes (l); i++)
        {
          const TrancheTimelineLane *lane = tranche_timeline_layout_get_lane (l, i);

          if (lane->index == G_MAXUINT || lane->kind == TRANCHE_LANE_NEWS)
            continue;
          g_hash_table_add (kept, GUINT_TO_POINTER (lane->index + 1));
          fewest = MIN (fewest, tranche_lane_index_get_lane (index, lane->index)->n_events);
        }
      if (n_index <= 2000)
        for (guint i = 0; i < n_index; i++)
          {
            const TrancheLaneInfo *info = tranche_lane_index_get_lane (index, i);

            if (info->kind != TRANCHE_LANE_NEWS && fewest != G_MAXUINT
                && !g_hash_table_contains (kept, GUINT_TO_POINTER (i + 1))
                && info->n_events > fewest)
              g_error ("%s: a lane of %u events folded, one of %u kept", scene, info->n_events,
                       fewest);
          }
    }
  /* no lane folded while every row fits (a scrolling scene folds only
   * past hundreds of lanes) */
  if (tranche_timeline_layout_lanes_fit (layout)
      || (scrolls && n_rows <= TRANCHE_TIMELINE_MERGE_LANES))
    if (n_merged > 0)
      g_error ("%s: %u lanes folded though %u rows fit", scene, n_merged, n_rows);
}

static void
check_rest (TrancheTimelineLayout *layout,
            GArray                *texts)
{
  TrancheTicks *ticks = tranche_timeline_layout_get_ticks (layout);
  TrancheRect rect;
  PangoLayout *text;

  for (guint row = 0; ticks != NULL && row < tranche_ticks_get_n_rows (ticks); row++)
    for (guint i = 0; i < tranche_ticks_get_n_ticks (ticks, row); i++)
      {
        const TrancheTick *tick = tranche_ticks_get_tick (ticks, row, i);
        PangoLayout *label = tranche_timeline_layout_get_tick_label (layout, row, i);
        g_autofree char *what = NULL;

        if (label == NULL)
          continue;
        what = g_strdup_printf ("tick “%s”", tick->label);
        rect = layout_rect (label, tick->label_x, tranche_timeline_layout_get_tick_row_y (layout,
                                                                                         row));
        add_text (texts, &rect, what);
      }
  for (guint i = 0; i < tranche_timeline_layout_get_n_legend_items (layout); i++)
    {
      const TrancheTimelineLegendItem *item = tranche_timeline_layout_get_legend_item (layout, i);
      g_autofree char *what = g_strdup_printf ("legend “%s”", item->text);

      if (item->layout == NULL)
        continue;
      rect = layout_rect (item->layout, item->text_x, item->text_y);
      add_text (texts, &rect, what);
    }
  if ((text = tranche_timeline_layout_get_title (layout, &rect)) != NULL)
    add_text (texts, &rect, "title");
  if ((text = tranche_timeline_layout_get_subtitle (layout, &rect)) != NULL)
    add_text (texts, &rect, "subtitle");
  if ((text = tranche_timeline_layout_get_note (layout, &rect)) != NULL)
    add_text (texts, &rect, "note");
}

/* Two labels on one line are a word's width apart at least: "$30M share ·
 * Series C undisclosed share · Series D" a space apart read as one label. */
static void
check_label_gaps (TrancheTimelineLayout *layout,
                  const char            *scene)
{
  guint n = tranche_timeline_layout_get_n_labels (layout);
  double gap;

  tranche_text_cache_measure (tranche_timeline_layout_get_text_cache (layout),
                              TRANCHE_TEXT_BODY, "M", &gap, NULL);
  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        const TrancheTimelineLabel *a = tranche_timeline_layout_get_label (layout, i);
        const TrancheTimelineLabel *b = tranche_timeline_layout_get_label (layout, j);
        double apart = MAX (b->rect.x - (a->rect.x + a->rect.width),
                            a->rect.x - (b->rect.x + b->rect.width));

        if (a->rect.y < b->rect.y + b->rect.height && b->rect.y < a->rect.y + a->rect.height
            && apart < gap)
          g_error ("%s: labels “%s” and “%s” are %.1f apart on one line", scene, a->text,
                   b->text, apart);
      }
}

static void
check_scene (TrancheTimelineLayout *layout,
             const char            *scene,
             gboolean               scrolls)
{
  g_autoptr(GArray) texts = g_array_new (FALSE, FALSE, sizeof (Text));

  g_array_set_clear_func (texts, text_clear);
  g_assert_cmpuint (tranche_timeline_layout_get_n_lanes (layout), >, 0);
  check_lanes (layout, scene, scrolls, texts);
  check_labels (layout, scene, texts);
  check_label_gaps (layout, scene);
  check_rest (layout, texts);
  for (guint i = 0; i < texts->len; i++)
    for (guint j = i + 1; j < texts->len; j++)
      {
        const Text *a = &g_array_index (texts, Text, i), *b = &g_array_index (texts, Text, j);

        if (rects_overlap (&a->rect, &b->rect))
          g_error ("%s: %s (%g,%g %gx%g) overlaps %s (%g,%g %gx%g)", scene, a->what, a->rect.x,
                   a->rect.y, a->rect.width, a->rect.height, b->what, b->rect.x, b->rect.y,
                   b->rect.width, b->rect.height);
      }
}

/* ---- the corpus ---- */

typedef struct
{
  const char     *name;
  TrancheDataset *dataset;
  gboolean        all_lanes;  /* few enough lanes that every export of the timeline
                               * shows each */
  gboolean        all_lanes_stacked;  /* and every export of all the charts too */
} Entry;

static void
check_window (gconstpointer data)
{
  const Entry *entry = data;

  for (guint s = 0; s < G_N_ELEMENTS (window_sizes); s++)
    {
      g_autoptr(TrancheTimelineLayout) layout = tranche_timeline_layout_new ();
      g_autofree char *scene = g_strdup_printf ("%s, window %s", entry->name,
                                                window_sizes[s].name);
      TrancheDay first, end;
      guint first_row, n_shown, n_rows;

      tranche_timeline_layout_set_today (layout, NAN);
      tranche_timeline_layout_set_scroll_lanes (layout, TRUE);
      tranche_timeline_layout_set_dataset (layout, entry->dataset);
      g_assert_true (tranche_timeline_layout_fit_range (layout, window_sizes[s].width,
                                                        window_sizes[s].height, &first, &end));
      tranche_timeline_layout_update (layout, window_sizes[s].width, window_sizes[s].height,
                                      first, end);
      check_scene (layout, scene, TRUE);

      /* scrolled to the last rows, the scene holds as well */
      tranche_timeline_layout_get_lane_rows (layout, &first_row, &n_shown, &n_rows);
      if (n_rows > n_shown && n_rows <= TRANCHE_TIMELINE_MERGE_LANES)
        {
          g_autofree char *scrolled = g_strdup_printf ("%s, scrolled", scene);

          tranche_timeline_layout_set_lane_scroll (layout, n_rows);
          tranche_timeline_layout_update (layout, window_sizes[s].width,
                                          window_sizes[s].height, first, end);
          tranche_timeline_layout_get_lane_rows (layout, &first_row, &n_shown, &n_rows);
          g_assert_cmpuint (first_row + n_shown, ==, n_rows);
          check_scene (layout, scrolled, TRUE);

          /* selecting an event of the last row, scrolled out of view, brings
           * its lane back */
          {
            guint event = G_MAXUINT;
            double x, y;

            for (guint m = 0; m < tranche_timeline_layout_get_n_markers (layout); m++)
              if (tranche_timeline_layout_get_marker (layout, m)->lane == n_shown - 1)
                event = tranche_timeline_layout_get_marker (layout, m)->event;
            if (event != G_MAXUINT)
              {
                tranche_timeline_layout_set_lane_scroll (layout, 0);
                tranche_timeline_layout_update (layout, window_sizes[s].width,
                                                window_sizes[s].height, first, end);
                g_assert_false (tranche_timeline_layout_event_position (layout, event, &x, &y));
                tranche_timeline_layout_set_selected (layout, event);
                tranche_timeline_layout_update (layout, window_sizes[s].width,
                                                window_sizes[s].height, first, end);
                g_assert_true (tranche_timeline_layout_event_position (layout, event, &x, &y));
              }
          }
        }
    }
}

/* The first and last years of the data are named on the time axis. */
static void
check_year_labels (TrancheTimelineLayout *layout,
                   const char            *scene)
{
  TrancheDataset *dataset = tranche_timeline_layout_get_dataset (layout);
  TrancheTicks *ticks = tranche_timeline_layout_get_ticks (layout);
  TrancheDay first, end;
  int years[2];

  g_assert_true (tranche_dataset_get_day_range (dataset, &first, &end));
  tranche_day_to_ymd (first, &years[0], NULL, NULL);
  tranche_day_to_ymd (end - 1, &years[1], NULL, NULL);
  for (guint y = 0; y < 2; y++)
    {
      g_autofree char *year = g_strdup_printf ("%d", years[y]);
      gboolean found = FALSE;

      for (guint row = 0; row < tranche_ticks_get_n_rows (ticks); row++)
        for (guint i = 0; i < tranche_ticks_get_n_ticks (ticks, row); i++)
          found |= g_strcmp0 (tranche_ticks_get_tick (ticks, row, i)->label, year) == 0;
      if (!found)
        g_error ("%s: the year %s has no label on the time axis", scene, year);
    }
}

/* An export's timeline legend, which takes its rows from the lanes, never
 * takes more than an eighth of the height: past that it is compact. */
static void
check_legend_share (TrancheTimelineLayout *layout,
                    const char            *scene,
                    double                 height)
{
  double top = G_MAXDOUBLE, bottom = -G_MAXDOUBLE;
  guint n = tranche_timeline_layout_get_n_legend_items (layout);

  for (guint i = 0; i < n; i++)
    {
      const TrancheTimelineLegendItem *item = tranche_timeline_layout_get_legend_item (layout, i);
      double th;

      tranche_draw_get_text_size (item->layout, NULL, &th);
      top = MIN (top, MIN (item->symbol.y, item->text_y));
      bottom = MAX (bottom, MAX (item->symbol.y + item->symbol.height, item->text_y + th));
    }
  if (n > 0 && bottom - top > height / 8)
    g_error ("%s: the legend takes %.0f of %.0f in height", scene, bottom - top, height);
}

static void
check_exports (gconstpointer data)
{
  const Entry *entry = data;

  for (guint k = 0; k < 2 * G_N_ELEMENTS (export_sizes); k++)
    {
      guint s = k / 2;
      gboolean stacked = k % 2 == 1;
      g_autoptr(TrancheChartStack) stack = tranche_chart_stack_new ();
      g_autofree char *scene = g_strdup_printf ("%s, export %s%s", entry->name,
                                                export_sizes[s].name,
                                                stacked ? ", every chart" : "");
      TrancheExportOptions options;
      TrancheDay first, end;

      tranche_export_options_init (&options);
      options.width = export_sizes[s].width;
      options.height = export_sizes[s].height;
      options.views = stacked ? TRANCHE_STACK_ALL : TRANCHE_STACK_TIMELINE;
      tranche_export_configure_stack (stack, entry->dataset, &options,
                                      export_sizes[s].format);
      tranche_export_get_range (stack, &options, &first, &end);
      tranche_chart_stack_layout (stack, options.width, options.height, first, end);
      check_scene (tranche_chart_stack_get_timeline (stack), scene, FALSE);
      if (stacked ? entry->all_lanes_stacked && export_sizes[s].stacked_rows : entry->all_lanes)
        {
          guint n_shown, n_rows;

          /* A4 once folded Helio's thirteen investors into "12 more lanes" */
          tranche_timeline_layout_get_lane_rows (tranche_chart_stack_get_timeline (stack), NULL,
                                                 &n_shown, &n_rows);
          if (n_shown != n_rows)
            g_error ("%s: %u of %u lanes shown", scene, n_shown, n_rows);
        }
      check_year_labels (tranche_chart_stack_get_timeline (stack), scene);
      check_legend_share (tranche_chart_stack_get_timeline (stack), scene, options.height);
    }
}

/* The markers of an event in the layout, each in its lane's title. */
static GPtrArray *
marker_lanes (TrancheTimelineLayout *layout,
              TrancheDataset        *dataset,
              const char            *event_id)
{
  GPtrArray *titles = g_ptr_array_new ();

  for (guint i = 0; i < tranche_timeline_layout_get_n_markers (layout); i++)
    {
      const TrancheTimelineMarker *m = tranche_timeline_layout_get_marker (layout, i);

      if (g_strcmp0 (tranche_dataset_get_event (dataset, m->event)->id, event_id) == 0)
        g_ptr_array_add (titles, (gpointer) tranche_timeline_layout_get_lane (layout,
                                                                              m->lane)->title);
    }
  return titles;
}

static gboolean
has_title (GPtrArray  *titles,
           const char *title)
{
  for (guint i = 0; i < titles->len; i++)
    if (g_strcmp0 (g_ptr_array_index (titles, i), title) == 0)
      return TRUE;
  return FALSE;
}

/* Issue 12: a syndicated round is drawn in every investor's lane (Series F
 * never showed in Lightspeed's), each with its own share; an investment
 * without investors in its target's lane; and no lane or cluster total
 * mixes currencies without a rate. */
static void
test_syndicated (gconstpointer data)
{
  TrancheDataset *dataset = (TrancheDataset *) data;
  g_autoptr(TrancheTimelineLayout) layout = tranche_timeline_layout_new ();
  g_autoptr(GPtrArray) series_c = NULL;
  g_autoptr(GPtrArray) debt = NULL;
  TrancheDay first, end;
  gboolean lumen_share = FALSE;

  tranche_timeline_layout_set_today (layout, NAN);
  tranche_timeline_layout_set_scroll_lanes (layout, TRUE);
  tranche_timeline_layout_set_dataset (layout, dataset);
  tranche_timeline_layout_set_lane_mode (layout, TRANCHE_LANES_BY_PAIR);
  g_assert_true (tranche_timeline_layout_fit_range (layout, 1920, 4000, &first, &end));
  tranche_timeline_layout_update (layout, 1920, 4000, first, end);

  series_c = marker_lanes (layout, dataset, "series-c");
  g_assert_cmpuint (series_c->len, ==, 5);
  g_assert_true (has_title (series_c, "Meridian Growth"));
  g_assert_true (has_title (series_c, "Quanta Chips"));
  g_assert_true (has_title (series_c, "Lumen Capital"));
  g_assert_true (has_title (series_c, "Northwind Capital"));
  g_assert_true (has_title (series_c, "Alder Ventures"));
  for (guint i = 0; i < tranche_timeline_layout_get_n_markers (layout); i++)
    {
      const TrancheTimelineMarker *m = tranche_timeline_layout_get_marker (layout, i);
      const TrancheEvent *ev = tranche_dataset_get_event (dataset, m->event);

      if (g_strcmp0 (ev->id, "series-c") != 0)
        continue;
      g_assert_true (m->flags & TRANCHE_MARKER_SHARE);
      /* Lumen gives no amount: an undisclosed share, hollow */
      if (g_str_has_prefix (tranche_timeline_layout_get_lane (layout, m->lane)->title, "Lumen"))
        {
          g_assert_true (m->flags & TRANCHE_MARKER_HOLLOW);
          lumen_share = TRUE;
        }
    }
  g_assert_true (lumen_share);

  debt = marker_lanes (layout, dataset, "debt-2022");
  g_assert_cmpuint (debt->len, ==, 1);
  /* in Helio's own file, its lanes don't repeat "→ Helio Robotics" */
  g_assert_cmpstr (g_ptr_array_index (debt, 0), ==, "Investors not reported");

  /* a lane's total counts the lane investor's shares, and stays apart by
   * currency: Kestrel put in €15M of Series B (converted, the file gives a
   * rate) and an undisclosed share of Series A */
  for (guint i = 0; i < tranche_timeline_layout_get_n_lanes (layout); i++)
    {
      const TrancheTimelineLane *lane = tranche_timeline_layout_get_lane (layout, i);

      if (g_strcmp0 (lane->title, "Kestrel Partners") == 0)
        g_assert_cmpstr (lane->total, ==, "$16.5M + 1 undisclosed");
      /* its commitment (up to $150M) is a promise, not money received */
      if (g_strcmp0 (lane->title, "Atlas Industrial") == 0)
        g_assert_cmpstr (lane->total, ==, "$110M");
      if (g_strcmp0 (lane->title, "Meridian Growth") == 0)
        g_assert_cmpstr (lane->total, ==, "$50M + 1 undisclosed");
    }
}

static void
test_currencies_apart (void)
{
  static const char json[] =
    "{\"tranche\": 1, \"currency\": \"USD\","
    " \"entities\": [{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"t\", \"name\": \"T\"}],"
    " \"events\": ["
    "  {\"id\": \"e1\", \"date\": \"2020-01-01\", \"investors\": [\"a\"], \"target\": \"t\","
    "   \"title\": \"One\", \"amount\": {\"value\": 1, \"currency\": \"EUR\"}},"
    "  {\"id\": \"e2\", \"date\": \"2020-01-02\", \"investors\": [\"a\"], \"target\": \"t\","
    "   \"title\": \"Two\", \"amount\": {\"value\": 1, \"currency\": \"JPY\"}}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(TrancheDataset) dataset = tranche_loader_load_bytes (bytes, "mixed.json", NULL, NULL,
                                                                 &error);
  g_autoptr(TrancheTimelineLayout) layout = tranche_timeline_layout_new ();
  TrancheDay first, end;
  guint n_lanes_seen = 0;

  g_assert_no_error (error);
  tranche_timeline_layout_set_today (layout, NAN);
  tranche_timeline_layout_set_dataset (layout, dataset);
  /* wide apart: each its own marker */
  g_assert_true (tranche_timeline_layout_fit_range (layout, 1600, 1000, &first, &end));
  tranche_timeline_layout_update (layout, 1600, 1000, first, end);
  for (guint i = 0; i < tranche_timeline_layout_get_n_lanes (layout); i++)
    {
      const TrancheTimelineLane *lane = tranche_timeline_layout_get_lane (layout, i);
      if (lane->kind != TRANCHE_LANE_MONEY)
        continue;
      g_assert_cmpstr (lane->total, ==, "€1 + ¥1");
      g_assert_nonnull (strstr (lane->subtitle, "€1 + ¥1"));
      n_lanes_seen++;
    }
  g_assert_cmpuint (n_lanes_seen, ==, 1);
  /* squeezed: the two in one cluster, whose total is the same */
  tranche_timeline_layout_update (layout, 1600, 1000, first - 3000, end + 3000);
  for (guint i = 0; i < tranche_timeline_layout_get_n_clusters (layout); i++)
    {
      g_autofree char *total = tranche_timeline_layout_dup_cluster_total (layout, i);
      g_assert_cmpstr (total, ==, "€1 + ¥1");
    }
  g_assert_cmpuint (tranche_timeline_layout_get_n_clusters (layout), ==, 1);
}

/* Issue 12: an "up to" marker is sized by its maximum and drawn dashed
 * (never a range's midpoint: "min"/"max" sizes by the minimum), and a
 * draft is ringed. */
static void
test_marker_bounds_and_drafts (void)
{
  static const char json[] =
    "{\"tranche\": 1, \"currency\": \"USD\","
    " \"entities\": [{\"id\": \"a\", \"name\": \"A\"}, {\"id\": \"t\", \"name\": \"T\"}],"
    " \"events\": ["
    "  {\"id\": \"upto\", \"date\": \"2020-01-01\", \"investors\": [\"a\"],"
    "   \"target\": \"t\", \"title\": \"Up to\", \"amount\": {\"max\": 4000000000}},"
    "  {\"id\": \"range\", \"date\": \"2022-01-01\", \"investors\": [\"a\"],"
    "   \"target\": \"t\", \"title\": \"Range\","
    "   \"amount\": {\"min\": 1000000000, \"max\": 3000000000}},"
    "  {\"id\": \"exact\", \"date\": \"2024-01-01\", \"investors\": [\"a\"],"
    "   \"target\": \"t\", \"title\": \"Exact\", \"amount\": 1000000000,"
    "   \"draft\": true}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(TrancheDataset) dataset = tranche_loader_load_bytes (bytes, "bounds.json", NULL, NULL,
                                                                 &error);
  g_autoptr(TrancheTimelineLayout) layout = tranche_timeline_layout_new ();
  const TrancheTimelineMarker *upto = NULL, *range = NULL, *exact = NULL;
  TrancheDay first, end;

  g_assert_no_error (error);
  tranche_timeline_layout_set_today (layout, NAN);
  tranche_timeline_layout_set_dataset (layout, dataset);
  g_assert_true (tranche_timeline_layout_fit_range (layout, 1600, 1000, &first, &end));
  tranche_timeline_layout_update (layout, 1600, 1000, first, end);
  for (guint i = 0; i < tranche_timeline_layout_get_n_markers (layout); i++)
    {
      const TrancheTimelineMarker *m = tranche_timeline_layout_get_marker (layout, i);
      const char *id = tranche_dataset_get_event (dataset, m->event)->id;

      if (g_str_equal (id, "upto"))
        upto = m;
      else if (g_str_equal (id, "range"))
        range = m;
      else if (g_str_equal (id, "exact"))
        exact = m;
    }
  g_assert_nonnull (upto);
  g_assert_nonnull (range);
  g_assert_nonnull (exact);
  g_assert_true (upto->flags & TRANCHE_MARKER_UP_TO);
  g_assert_false (upto->flags & TRANCHE_MARKER_HOLLOW);
  g_assert_false (range->flags & TRANCHE_MARKER_UP_TO);
  /* $1–3B is sized as its known minimum, $1B, not as $2B */
  g_assert_cmpfloat_with_epsilon (range->radius, exact->radius, 1e-9);
  g_assert_cmpfloat (upto->radius, >, exact->radius);
  g_assert_true (exact->flags & TRANCHE_MARKER_DRAFT);
  g_assert_false (range->flags & TRANCHE_MARKER_DRAFT);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *sample = NULL;
  g_autofree char *helio = NULL;
  g_autofree char *anthropic = NULL;
  Entry corpus[5];
  int status;

  g_test_init (&argc, &argv, NULL);

  sample = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "microsoft-openai.json",
                                  NULL);
  anthropic = g_test_build_filename (G_TEST_DIST, "..", "data", "samples", "anthropic.json",
                                     NULL);
  helio = g_test_build_filename (G_TEST_DIST, "fixtures", "histories", "helio.json", NULL);
  corpus[0] = (Entry) { "sample", load_path (sample), TRUE, TRUE };
  corpus[1] = (Entry) { "helio", load_path (helio), TRUE, TRUE };
  corpus[2] = (Entry) { "generated-200", generate (200, 12, 4), FALSE, FALSE };
  corpus[3] = (Entry) { "generated-5000", generate (5000, 40, 10), FALSE, FALSE };
  /* 26 investors fold at 1024×700: lanes_fit() judges */
  corpus[4] = (Entry) { "anthropic", load_path (anthropic), FALSE, FALSE };
  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    {
      g_autofree char *window = g_strdup_printf ("/scene/window/%s", corpus[i].name);
      g_autofree char *exports = g_strdup_printf ("/scene/export/%s", corpus[i].name);

      g_test_add_data_func (window, &corpus[i], check_window);
      g_test_add_data_func (exports, &corpus[i], check_exports);
    }
  g_test_add_data_func ("/scene/syndicated/helio", corpus[1].dataset, test_syndicated);
  g_test_add_func ("/scene/currencies-apart", test_currencies_apart);
  g_test_add_func ("/scene/marker-bounds-and-drafts", test_marker_bounds_and_drafts);
  status = g_test_run ();
  for (guint i = 0; i < G_N_ELEMENTS (corpus); i++)
    tranche_dataset_unref (corpus[i].dataset);
  return status;
}
