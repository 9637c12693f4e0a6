/* test-presentation.c: the steps of a presentation, their order, ranges and
 * captions, and the slides painted from them
 *
 * On the bundled sample, whose events and French quotes are known; the
 * French case runs in a subprocess under fr_FR.UTF-8 with the build's
 * catalog, as the app would.
 */
#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>

#include "tranche-diagnostics.h"
#include "tranche-filter.h"
#include "tranche-i18n.h"
#include "tranche-loader.h"
#include "tranche-presentation.h"
#include "tranche-slide-private.h"
#include "tranche-summary.h"
#include "tranche-totals.h"

static TrancheDataset *
load_path (const char *path)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  TrancheDataset *dataset = tranche_loader_load_file (path, NULL, diagnostics, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static TrancheDataset *
load_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "microsoft-openai.json", NULL);
  return load_path (path);
}

/* The 20-event syndicated history (its README has the totals checked by hand). */
static TrancheDataset *
load_helio (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "histories",
                                                 "helio.json", NULL);
  return load_path (path);
}

static const char *
step_id (TranchePresentation *presentation,
         guint                step)
{
  TrancheDataset *ds = tranche_presentation_get_dataset (presentation);

  return tranche_dataset_get_event (ds, tranche_presentation_get_event (presentation, step))->id;
}

static guint
step_of (TranchePresentation *presentation,
         const char          *id)
{
  TrancheDataset *ds = tranche_presentation_get_dataset (presentation);

  return tranche_presentation_find_step (presentation, tranche_dataset_find_event (ds, id));
}

static void
test_order (void)
{
  g_autoptr(TrancheDataset) ds = load_sample ();
  g_autoptr(TranchePresentation) p = tranche_presentation_new (ds, NULL);
  guint n = tranche_presentation_get_n_steps (p);
  TrancheDate previous = { 0 };

  g_assert_cmpuint (n, ==, tranche_dataset_get_n_events (ds));
  /* The title, a slide per event, then the four about the whole period. */
  g_assert_cmpuint (tranche_presentation_get_n_positions (p), ==, n + 1 + 4);
  /* The story in date order: the 2018 departure, then each tranche. */
  g_assert_cmpstr (step_id (p, 0), ==, "musk-leaves-2018");
  g_assert_cmpstr (step_id (p, 1), ==, "msft-2019");
  g_assert_cmpstr (step_id (p, 2), ==, "msft-2021");
  g_assert_cmpuint (step_of (p, "msft-2023"), <, step_of (p, "musk-criticism-2023-02"));
  for (guint i = 0; i < n; i++)
    {
      const TrancheEvent *ev = tranche_dataset_get_event (ds, tranche_presentation_get_event (p,
                                                                                              i));
      if (i > 0)
        g_assert_cmpint (tranche_date_compare (&previous, &ev->date), <=, 0);
      previous = ev->date;
      g_assert_cmpuint (tranche_presentation_find_step (p, tranche_presentation_get_event (p, i)),
                        ==, i);
    }
}

static void
test_mask (void)
{
  g_autoptr(TrancheDataset) ds = load_sample ();
  g_autoptr(TrancheFilter) filter = tranche_filter_new ();
  g_autoptr(GBytes) mask = NULL;
  g_autoptr(TranchePresentation) p = NULL;
  g_autofree char *describe = NULL;
  guint n_shown;

  tranche_filter_add (filter, TRANCHE_FILTER_INVESTOR, "microsoft");
  mask = tranche_filter_apply (filter, ds, &n_shown);
  p = tranche_presentation_new (ds, mask);

  /* Only what the filter shows, still in date order. */
  g_assert_cmpuint (tranche_presentation_get_n_steps (p), ==, 3);
  g_assert_cmpstr (step_id (p, 0), ==, "msft-2019");
  g_assert_cmpstr (step_id (p, 1), ==, "msft-2021");
  g_assert_cmpstr (step_id (p, 2), ==, "msft-2023");
  g_assert_cmpuint (step_of (p, "musk-leaves-2018"), ==, G_MAXUINT);

  describe = tranche_presentation_describe (p);
  g_assert_cmpstr (describe, ==, "3 of 13 events · 2019–2023 · 1 source");
}

static void
test_ranges (void)
{
  g_autoptr(TrancheDataset) ds = load_sample ();
  g_autoptr(TranchePresentation) p = tranche_presentation_new (ds, NULL);
  TrancheDay all_first, all_end;

  g_assert_true (tranche_dataset_get_day_range (ds, &all_first, &all_end));
  for (guint i = 0; i < tranche_presentation_get_n_steps (p); i++)
    {
      const TrancheEvent *ev = tranche_dataset_get_event (ds, tranche_presentation_get_event (p,
                                                                                              i));
      TrancheDay first, end;

      tranche_presentation_get_range (p, i, &first, &end);
      /* Centred on the event, its whole span in view, with the
       * neighbours: half the story's length. */
      g_assert_cmpfloat_with_epsilon ((first + end) / 2, (ev->first_day + ev->end_day) / 2, 1e-6);
      g_assert_cmpfloat (first, <, ev->first_day);
      g_assert_cmpfloat (end, >, ev->end_day);
      g_assert_cmpfloat_with_epsilon (end - first, (all_end - all_first) / 2, 1e-6);
    }
}

static void
test_caption (void)
{
  g_autoptr(TrancheDataset) ds = load_sample ();
  g_autoptr(TranchePresentation) p = tranche_presentation_new (ds, NULL);
  g_autoptr(TrancheCaption) big = tranche_presentation_get_caption (p, step_of (p, "msft-2023"));
  g_autoptr(TrancheCaption) hidden = tranche_presentation_get_caption (p, step_of (p,
                                                                                  "msft-2021"));
  g_autoptr(TrancheCaption) valued = NULL;
  g_autoptr(TrancheCaption) news = tranche_presentation_get_caption (p, 0);
  const TrancheCaptionQuote *quote;

  g_assert_cmpstr (big->date, ==, "2023");
  g_assert_cmpstr (big->amount, ==, "$10B");
  g_assert_cmpstr (big->title, ==, "Multi-year investment, reportedly $10B");
  g_assert_cmpstr (big->parties, ==, "Microsoft → OpenAI");
  g_assert_cmpstr (big->facts, ==, "Tranche 3 · valuation ~$29B · reported total $13B");
  g_assert_cmpuint (big->quotes->len, ==, 3);
  quote = g_ptr_array_index (big->quotes, 1);
  g_assert_cmpstr (quote->text, ==, "Selon des initiés, Microsoft a investi 10 milliards de "
                   "dollars dans OpenAI plus tôt cette année. Cela fait partie d’un accord "
                   "« pluriannuel ».");
  g_assert_cmpstr (quote->source, ==, "Microsoft investit plusieurs milliards de dollars dans "
                   "OpenAI sur plusieurs années (Nov 2023)");

  g_assert_cmpstr (hidden->amount, ==, "undisclosed");
  g_assert_cmpstr (hidden->facts, ==, "Tranche 2");

  /* A valuation's figure is its amount; news has none. */
  valued = tranche_presentation_get_caption (p, step_of (p, "openai-valuation-2023"));
  g_assert_cmpstr (valued->amount, ==, "~$29B");
  g_assert_null (valued->facts);
  g_assert_cmpstr (news->title, ==, "Elon Musk leaves OpenAI");
  g_assert_null (news->amount);
  g_assert_cmpstr (news->parties, ==, "Elon Musk");
}

static gboolean
surface_unchanged_outside (cairo_surface_t *surface,
                           int              x0,
                           int              y0,
                           int              x1,
                           int              y1)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data;

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      if ((x < x0 || x >= x1 || y < y0 || y >= y1)
          && *(const guint32 *) (data + y * stride + x * 4) != 0)
        return FALSE;
  return TRUE;
}

static void
test_caption_paint (void)
{
  g_autoptr(TrancheDataset) ds = load_sample ();
  g_autoptr(TranchePresentation) p = tranche_presentation_new (ds, NULL);
  g_autoptr(TrancheCaption) big = tranche_presentation_get_caption (p, step_of (p, "msft-2023"));
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1000, 1100);
  cairo_t *cr = cairo_create (surface);
  TrancheTheme theme;

  tranche_theme_init (&theme, TRANCHE_THEME_LIGHT, 1.5);
  /* Room for everything: the summary, whole, and the three passages. */
  g_assert_cmpuint (tranche_caption_paint (big, cr, &theme, 100, 100, 800, 900), ==, 3);
  g_assert_true (surface_unchanged_outside (surface, 100, 100, 900, 1000));

  /* A short strip: fewer passages, never past its bottom edge. */
  cairo_set_operator (cr, CAIRO_OPERATOR_CLEAR);
  cairo_paint (cr);
  cairo_set_operator (cr, CAIRO_OPERATOR_OVER);
  g_assert_cmpuint (tranche_caption_paint (big, cr, &theme, 100, 100, 800, 200), <, 3);
  g_assert_true (surface_unchanged_outside (surface, 100, 100, 900, 300));
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  cairo_surface_flush (surface);
  return *(guint32 *) (cairo_image_surface_get_data (surface)
                       + y * cairo_image_surface_get_stride (surface) + x * 4);
}

/* What a legend text stands for, checked against the markers in view. */
static gboolean
legend_item_shown (TrancheTimelineLayout *layout,
                   const char            *text)
{
  const TrancheRect *plot = tranche_timeline_layout_get_plot (layout);

  if (g_str_equal (text, "this slide's event"))
    return TRUE;
  if (g_str_equal (text, "merged events: count"))
    return tranche_timeline_layout_get_n_clusters (layout) > 0;
  for (guint i = 0; i < tranche_timeline_layout_get_n_markers (layout); i++)
    {
      const TrancheTimelineMarker *m = tranche_timeline_layout_get_marker (layout, i);

      if (m->x < plot->x || m->x > plot->x + plot->width)
        continue;
      if ((g_str_equal (text, "news") && m->shape == TRANCHE_MARKER_DOT)
          || (g_str_equal (text, "acquisition") && m->shape == TRANCHE_MARKER_DIAMOND)
          || (g_str_equal (text, "valuation (not to scale)")
              && m->shape == TRANCHE_MARKER_TRIANGLE)
          || (g_str_equal (text, "area: amount") && m->shape == TRANCHE_MARKER_CIRCLE
              && !(m->flags & TRANCHE_MARKER_HOLLOW))
          || (g_str_equal (text, "hollow: amount undisclosed")
              && (m->flags & TRANCHE_MARKER_HOLLOW))
          || (g_str_equal (text, "bar: until its end date") && (m->flags & TRANCHE_MARKER_SPAN))
          || (g_str_equal (text, "whisker: reported range")
              && (m->flags & TRANCHE_MARKER_RANGE))
          || (g_str_has_prefix (text, "band: ") && (m->flags & TRANCHE_MARKER_PARTIAL)))
        return TRUE;
    }
  return FALSE;
}

/* On an event slide: the event is labelled, events after it are not, and
 * the legend names only what is drawn. */
/* A label names an event by its title, whole or shortened by whole words
 * with "…" (labels shorten titles, never amounts): its first line is the
 * title or a prefix of it of a few words at least. */
static void
assert_names_title (const char *text,
                    const char *title)
{
  g_autofree char *first = g_strndup (text, strcspn (text, "\n"));
  gsize len = strlen (first);

  if (g_str_has_suffix (first, "…"))
    first[len - strlen ("…")] = '\0';
  g_assert_true (g_str_has_prefix (title, first) || strstr (first, title) != NULL);
  g_assert_cmpuint (strlen (first), >=, MIN (strlen (title), 12));
}

static void
assert_event_slide (TranchePresentation *p,
                    TrancheSlidePainter *painter,
                    guint                step)
{
  TrancheDataset *ds = tranche_presentation_get_dataset (p);
  TrancheTimelineLayout *layout = tranche_slide_painter_get_timeline (painter);
  guint event = tranche_presentation_get_event (p, step);
  TrancheDay day = tranche_dataset_get_event (ds, event)->first_day;
  GPtrArray *legend = tranche_slide_painter_get_legend (painter);
  gboolean labelled = FALSE;
  TrancheTimelineHit hit;

  g_assert_true (tranche_timeline_layout_find_event (layout, event, &hit));
  for (guint i = 0; i < tranche_timeline_layout_get_n_labels (layout); i++)
    {
      const TrancheTimelineLabel *label = tranche_timeline_layout_get_label (layout, i);
      guint labelled_event;

      g_assert_cmpint (label->owner, !=, TRANCHE_LABEL_FOR_TODAY);
      /* a lane's "+1 unlabelled" badge names no event */
      if (label->owner == TRANCHE_LABEL_FOR_LANE)
        continue;
      if (label->owner == TRANCHE_LABEL_FOR_MARKER)
        labelled_event = tranche_timeline_layout_get_marker (layout, label->index)->event;
      else
        {
          guint n;
          labelled_event = tranche_timeline_layout_get_cluster_members (layout, label->index,
                                                                        &n)[0];
        }
      labelled |= labelled_event == event
                  || (hit.kind == TRANCHE_HIT_CLUSTER && label->owner == TRANCHE_LABEL_FOR_CLUSTER
                      && label->index == hit.index);
      g_assert_cmpfloat (tranche_dataset_get_event (ds, labelled_event)->first_day, <=, day);
    }
  g_assert_true (labelled);
  /* Inside a cluster, the cluster's label names the event. */
  for (guint i = 0; hit.kind == TRANCHE_HIT_CLUSTER
                    && i < tranche_timeline_layout_get_n_labels (layout); i++)
    {
      const TrancheTimelineLabel *label = tranche_timeline_layout_get_label (layout, i);

      if (label->owner == TRANCHE_LABEL_FOR_CLUSTER && label->index == hit.index)
        assert_names_title (label->text, tranche_dataset_get_event (ds, event)->title);
    }
  g_assert_cmpuint (legend->len, >=, 2);
  g_assert_cmpstr (g_ptr_array_index (legend, 0), ==, "this slide's event");
  for (guint i = 0; i < legend->len; i++)
    {
      if (!legend_item_shown (layout, g_ptr_array_index (legend, i)))
        g_error ("step %u: legend item “%s” stands for nothing drawn", step,
                 (const char *) g_ptr_array_index (legend, i));
    }
}

static void
test_slide_kinds (void)
{
  g_autoptr(TrancheDataset) ds = load_sample ();
  g_autoptr(TranchePresentation) p = tranche_presentation_new (ds, NULL);
  g_autoptr(TrancheFilter) filter = tranche_filter_new ();
  g_autoptr(GBytes) mask = NULL;
  g_autoptr(TranchePresentation) news = NULL;
  static const TrancheSlideKind closing[] = {
    TRANCHE_SLIDE_VALUATION, TRANCHE_SLIDE_CUMULATIVE, TRANCHE_SLIDE_SUMMARY,
    TRANCHE_SLIDE_SOURCES,
  };
  guint n_steps = tranche_presentation_get_n_steps (p), n_sources, n_shown;

  /* Title, one slide per event, then the four about the whole period. */
  g_assert_cmpuint (tranche_presentation_get_n_positions (p), ==, 1 + n_steps + 4);
  g_assert_cmpint (tranche_presentation_get_kind (p, 0), ==, TRANCHE_SLIDE_TITLE);
  for (guint i = 1; i <= n_steps; i++)
    {
      g_assert_cmpint (tranche_presentation_get_kind (p, i), ==, TRANCHE_SLIDE_EVENT);
      g_assert_cmpuint (tranche_presentation_get_step_at (p, i), ==, i - 1);
      g_assert_cmpuint (tranche_presentation_find_position (p, TRANCHE_SLIDE_EVENT, i - 1), ==,
                        i);
    }
  for (guint i = 0; i < G_N_ELEMENTS (closing); i++)
    {
      g_assert_cmpint (tranche_presentation_get_kind (p, 1 + n_steps + i), ==, closing[i]);
      g_assert_cmpuint (tranche_presentation_get_step_at (p, 1 + n_steps + i), ==, G_MAXUINT);
      g_assert_cmpuint (tranche_presentation_find_position (p, closing[i], 0), ==,
                        1 + n_steps + i);
    }
  tranche_presentation_get_sources (p, &n_sources);
  g_assert_cmpuint (n_sources, ==, tranche_dataset_get_n_sources (ds));

  /* News alone: no money, no valuation; only the slides that say something. */
  tranche_filter_set_kinds (filter, 1 << TRANCHE_EVENT_NEWS);
  mask = tranche_filter_apply (filter, ds, &n_shown);
  news = tranche_presentation_new (ds, mask);
  g_assert_cmpuint (tranche_presentation_find_position (news, TRANCHE_SLIDE_VALUATION, 0), ==,
                    G_MAXUINT);
  g_assert_cmpuint (tranche_presentation_find_position (news, TRANCHE_SLIDE_SUMMARY, 0), ==,
                    G_MAXUINT);
  g_assert_cmpuint (tranche_presentation_get_n_positions (news), <=,
                    1 + tranche_presentation_get_n_steps (news) + 1);
}

static void
test_slides (void)
{
  g_autoptr(TrancheDataset) ds = load_sample ();
  g_autoptr(TranchePresentation) p = tranche_presentation_new (ds, NULL);
  g_autoptr(TrancheSlidePainter) painter = tranche_slide_painter_new (p, TRANCHE_LANES_BY_PAIR);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1920, 1080);
  cairo_t *cr = cairo_create (surface);
  guint step = step_of (p, "msft-2019"), n = tranche_presentation_get_n_positions (p);
  TrancheTimelineLayout *layout;
  TrancheTheme theme;
  TrancheTimelineHit hit;
  const TrancheTimelineMarker *marker;
  const TrancheRect *plot;
  guint32 bar_done, bar_todo;
  TrancheColor selection;
  double width;

  g_assert_cmpfloat_with_epsilon (tranche_slide_type_scale (1920, 1080), 1080 / 700.0, 1e-9);
  tranche_theme_init (&theme, TRANCHE_THEME_DARK, tranche_slide_type_scale (1920, 1080));

  /* Every slide paints, whatever its kind. */
  for (guint position = 0; position < n; position++)
    {
      tranche_slide_painter_paint (painter, cr, &theme, position, 1920, 1080, NULL);
      g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
      if (tranche_presentation_get_kind (p, position) == TRANCHE_SLIDE_EVENT)
        assert_event_slide (p, painter, position - 1);
    }

  tranche_slide_painter_paint (painter, cr, &theme, step + 1, 1920, 1080, NULL);
  layout = tranche_slide_painter_get_timeline (painter);
  /* The step's event is in the middle of the timeline, and the plot spans
   * the slide: no column of lane headers beside it. */
  g_assert_true (tranche_timeline_layout_find_event (layout, tranche_presentation_get_event (p,
                                                                                            step),
                                                     &hit));
  marker = tranche_timeline_layout_get_marker (layout, hit.index);
  plot = tranche_timeline_layout_get_plot (layout);
  g_assert_cmpfloat (fabs (marker->x - (plot->x + plot->width / 2)), <, 2);
  width = tranche_timeline_layout_get_width (layout);
  g_assert_cmpfloat (plot->width, >=, 0.9 * 1920);
  g_assert_cmpfloat (width - plot->x, <=, 1920);

  /* The progress bar along the bottom: the slides so far done in the
   * selection's colour over the track, the rest in the track's. */
  selection = tranche_color_mix (theme.grid, theme.selection, 0.8);
  bar_done = pixel_at (surface, 10, 1078);
  bar_todo = pixel_at (surface, 1900, 1078);
  g_assert_cmpint (ABS ((int) ((bar_done >> 16) & 0xff) - (int) round (selection.red * 255)), <=,
                   2);
  g_assert_cmpint (ABS ((int) (bar_done & 0xff) - (int) round (selection.blue * 255)), <=, 2);
  g_assert_cmpint (ABS ((int) (bar_todo & 0xff) - (int) round (theme.grid.blue * 255)), <=, 2);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The arrows go to the neighbours, the overview strip to the event under
 * the click; elsewhere nothing. */
static void
test_slide_hit_test (void)
{
  g_autoptr(TrancheDataset) ds = load_sample ();
  g_autoptr(TranchePresentation) p = tranche_presentation_new (ds, NULL);
  g_autoptr(TrancheSlidePainter) painter = tranche_slide_painter_new (p, TRANCHE_LANES_BY_PAIR);
  TrancheSlideGeometry g;
  TrancheTheme theme;
  guint position = 4, n = tranche_presentation_get_n_positions (p), last_event;

  tranche_theme_init (&theme, TRANCHE_THEME_LIGHT, tranche_slide_type_scale (1600, 1000));
  tranche_slide_get_geometry (&theme, 1600, 1000, &g);
  g_assert_cmpuint (tranche_slide_painter_hit_test (painter, &theme, position, 1600, 1000,
                                                    g.previous.x + 5, g.previous.y + 5), ==,
                    position - 1);
  g_assert_cmpuint (tranche_slide_painter_hit_test (painter, &theme, position, 1600, 1000,
                                                    g.next.x + g.next.width - 5, g.next.y + 5),
                    ==, position + 1);
  g_assert_cmpuint (tranche_slide_painter_hit_test (painter, &theme, position, 1600, 1000,
                                                    800, g.chart.y + 20), ==, G_MAXUINT);
  /* The strip's ends: the first event and the last. */
  g_assert_cmpuint (tranche_slide_painter_hit_test (painter, &theme, position, 1600, 1000,
                                                    g.overview.x, g.overview.y + 10), ==, 1);
  last_event = tranche_presentation_get_n_steps (p);
  g_assert_cmpuint (tranche_slide_painter_hit_test (painter, &theme, position, 1600, 1000,
                                                    g.overview.x + g.overview.width,
                                                    g.overview.y + 10), ==, last_event);
  /* Slides that are not an event's have no arrows to click. */
  g_assert_cmpuint (tranche_slide_painter_hit_test (painter, &theme, n - 1, 1600, 1000,
                                                    g.previous.x + 5, g.previous.y + 5), ==,
                    G_MAXUINT);
}

/* The summary slide's rows are --summary's lines: each target first, then
 * its investors, most received first. */
static void
test_summary_rows (void)
{
  g_autoptr(TrancheDataset) ds = load_sample ();
  g_autoptr(TrancheTotals) totals = tranche_totals_new (ds, NULL);
  g_autoptr(GArray) rows = tranche_slide_summary_lines (ds, NULL);
  g_autoptr(GArray) lines = tranche_summary_get_lines (totals, NULL);
  guint32 msft = tranche_dataset_find_entity (ds, "microsoft");
  gboolean seen = FALSE;

  g_assert_cmpuint (rows->len, ==, lines->len);
  g_assert_cmpuint (g_array_index (rows, TrancheSummaryLine, 0).investor, ==,
                    TRANCHE_NO_ENTITY);
  for (guint i = 1; i < rows->len; i++)
    {
      const TrancheSummaryLine *row = &g_array_index (rows, TrancheSummaryLine, i);
      const TrancheSummaryLine *before = &g_array_index (rows, TrancheSummaryLine, i - 1);

      if (row->investor != TRANCHE_NO_ENTITY && before->investor != TRANCHE_NO_ENTITY
          && row->received->len > 0 && before->received->len > 0)
        g_assert_cmpfloat (g_array_index (row->received, TrancheSum, 0).min, <=,
                           g_array_index (before->received, TrancheSum, 0).min);
      if (row->investor == msft && !seen)
        {
          g_autofree char *received = tranche_summary_format_sums (row->received);

          /* Microsoft put in $1B, an undisclosed amount, then $10B. */
          g_assert_cmpstr (received, ==, "$11B + 1 undisclosed");
          g_assert_cmpuint (row->n_rounds, ==, 3);
          seen = TRUE;
        }
    }
  g_assert_true (seen);
}

/* Review of issue 13: the summary slide said Atlas had nothing committed,
 * that nobody led a round and that Atlas had 38% of the money, where
 * --summary and the file say otherwise. Every figure of the slide is
 * --summary's. */
static void
test_summary_helio (void)
{
  g_autoptr(TrancheDataset) ds = load_helio ();
  g_autoptr(TrancheTotals) totals = NULL;
  g_autoptr(GArray) rows = NULL;
  g_autofree char *text = NULL;
  guint n_led = 0, checked = 0;

  totals = tranche_totals_new (ds, NULL);
  text = tranche_summary_to_text (totals);
  rows = tranche_slide_summary_lines (ds, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const TrancheSummaryLine *row = &g_array_index (rows, TrancheSummaryLine, i);
      g_autofree char *received = tranche_summary_format_sums (row->received);
      g_autofree char *outstanding = tranche_summary_format_sums (row->outstanding);
      g_autofree char *money = g_strdup_printf ("received %s; commitments outstanding: %s\n",
                                                received, outstanding);
      const char *id;

      g_assert_nonnull (strstr (text, money));
      n_led += row->n_led;
      if (row->investor == TRANCHE_NO_ENTITY)
        {
          if (row->target == tranche_dataset_find_entity (ds, "helio"))
            {
              /* tests/fixtures/histories/README.md */
              g_assert_cmpstr (received, ==, "$385–660M + 1 undisclosed");
              g_assert_cmpstr (outstanding, ==, "up to $40M");
              g_assert_cmpuint (row->n_rounds, ==, 11);
              checked++;
            }
          continue;
        }
      {
        g_autofree char *share = tranche_summary_format_share (row);
        g_autofree char *rest = g_strdup_printf ("share of the money received: %s; rounds: %u, "
                                                 "led: %u\n", share, row->n_rounds, row->n_led);

        g_assert_nonnull (strstr (text, rest));
        id = tranche_dataset_get_entity (ds, row->investor)->id;
        if (strcmp (id, "atlas") == 0)
          {
            g_assert_cmpstr (received, ==, "$110M");
            g_assert_cmpstr (outstanding, ==, "up to $40M");
            /* $110M of $385–660M known: 16.7–28.6%, bounds rounded
             * outwards, never past the share */
            g_assert_cmpstr (share, ==, "16–29%");
            g_assert_cmpuint (row->n_led, ==, 0);
            checked++;
          }
        else if (strcmp (id, "quanta") == 0)
          {
            g_assert_cmpstr (received, ==, "$105M + 1 undisclosed");
            /* $105M of at most $659.65M is 15.9%: at least 15%, not 16% */
            g_assert_cmpstr (share, ==, "≥ 15%");
            /* Series C and 2025; not Series D */
            g_assert_cmpuint (row->n_rounds, ==, 3);
            g_assert_cmpuint (row->n_led, ==, 2);
            checked++;
          }
        else if (strcmp (id, "bpifrance") == 0)
          {
            g_assert_cmpstr (received, ==, "$7.15M");
            checked++;
          }
      }
    }
  /* Seven participants have "lead": true. */
  g_assert_cmpuint (n_led, ==, 7);
  g_assert_cmpuint (checked, ==, 4);
}

static void
test_french_caption (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(TrancheDataset) ds = NULL;
      g_autoptr(TranchePresentation) p = NULL;
      g_autoptr(TrancheCaption) big = NULL;
      const char *messages;

      g_setenv ("LC_ALL", "fr_FR.UTF-8", TRUE);
      g_setenv ("LANGUAGE", "fr", TRUE);
      tranche_i18n_init ();
      messages = setlocale (LC_MESSAGES, NULL);
      g_assert_true (messages != NULL && g_str_has_prefix (messages, "fr_FR"));
      ds = load_sample ();
      p = tranche_presentation_new (ds, NULL);
      big = tranche_presentation_get_caption (p, step_of (p, "msft-2023"));
      g_print ("amount=%s\nfacts=%s\nsource=%s\n", big->amount, big->facts,
               ((TrancheCaptionQuote *) g_ptr_array_index (big->quotes, 0))->source);
      return;
    }

  {
    g_autofree char *current = g_strdup (setlocale (LC_ALL, NULL));
    gboolean have_french = setlocale (LC_ALL, "fr_FR.UTF-8") != NULL;

    setlocale (LC_ALL, current);
    if (!have_french)
      {
        g_test_skip ("the fr_FR.UTF-8 locale is not installed");
        return;
      }
  }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout ("*amount=10\u00a0Md$*");
  g_test_trap_assert_stdout ("*facts=Tranche 3 · valorisation ≈\u00a029\u00a0Md$ · "
                             "total annoncé 13\u00a0Md$*");
  g_test_trap_assert_stdout ("*source=Microsoft investit plusieurs milliards de dollars dans "
                             "OpenAI sur plusieurs années (nov. 2023)*");
}

/* Issue 12: a caption says who led a syndicated round, and that a
 * round's investors were not reported. */
static void
test_caption_leads (void)
{
  g_autoptr(TrancheDataset) ds = load_helio ();
  g_autoptr(TrancheCaption) series_c = NULL;
  g_autoptr(TrancheCaption) debt = NULL;

  series_c = tranche_caption_new (ds, tranche_dataset_find_event (ds, "series-c"));
  debt = tranche_caption_new (ds, tranche_dataset_find_event (ds, "debt-2022"));
  g_assert_true (g_str_has_suffix (series_c->parties,
                                   "→ Helio Robotics · led by Meridian Growth and Quanta Chips"));
  g_assert_cmpstr (debt->parties, ==, "Investors not reported → Helio Robotics");
}

/* Review of issue 13: the cumulative slide printed "Sum of events $530M
 * +? / matches" where the events add up to $310–585M + 1 undisclosed: the
 * gap's bracket start, which is the reported figure inside the range. */
static void
test_reconciliation_cells (void)
{
  g_autoptr(TrancheDataset) ds = load_helio ();
  g_autoptr(TrancheDataset) sample = load_sample ();
  g_autoptr(TrancheTotals) totals = NULL;
  g_autoptr(TrancheTotals) sample_totals = NULL;
  g_autofree char *computed = NULL;
  g_autofree char *reported = NULL;
  g_autofree char *verdict = NULL;
  g_autofree char *computed2 = NULL;
  g_autofree char *reported2 = NULL;
  g_autofree char *verdict2 = NULL;
  const TrancheGap *gap;

  totals = tranche_totals_new (ds, NULL);
  gap = tranche_totals_find_gap (totals, tranche_dataset_find_event (ds, "total-2024"));
  g_assert_nonnull (gap);
  tranche_slide_describe_gap (ds, gap, &computed, &reported, &verdict);
  /* tests/fixtures/histories/README.md, and --summary's words */
  g_assert_cmpstr (computed, ==, "$310–585M + 1 undisclosed");
  g_assert_cmpstr (reported, ==, "~$530M");
  g_assert_cmpstr (verdict, ==, "they agree");
  {
    g_autofree char *whose = NULL;

    gap = tranche_totals_find_gap (totals, tranche_dataset_find_event (ds, "atlas-total-2023"));
    whose = tranche_summary_describe_scope (ds, gap);
    /* Atlas's own money, not the company's: the row says whose. */
    g_assert_cmpstr (whose, ==, "Atlas Industrial → Helio Robotics");
  }

  /* Above the range: what the undisclosed round could hold. */
  sample_totals = tranche_totals_new (sample, NULL);
  gap = tranche_totals_find_gap (sample_totals, tranche_dataset_find_event (sample,
                                                                            "msft-2023"));
  g_assert_nonnull (gap);
  tranche_slide_describe_gap (sample, gap, &computed2, &reported2, &verdict2);
  g_assert_cmpstr (computed2, ==, "$11B + 1 undisclosed");
  g_assert_cmpstr (reported2, ==, "$13B");
  g_assert_cmpstr (verdict2, ==, "≤ $2B in 1 undisclosed round");
}

/* Paints a caption where an event slide of 1600×1000 puts it; returns the
 * image. */
static cairo_surface_t *
paint_slide_caption (const TrancheCaption *caption)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1600, 1000);
  cairo_t *cr = cairo_create (surface);
  TrancheSlideGeometry g;
  TrancheTheme theme;

  tranche_theme_init (&theme, TRANCHE_THEME_LIGHT, tranche_slide_type_scale (1600, 1000));
  tranche_slide_get_geometry (&theme, 1600, 1000, &g);
  tranche_caption_paint (caption, cr, &theme, g.caption.x, g.caption.y, g.caption.width,
                         g.caption.height);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static gboolean
surfaces_equal (cairo_surface_t *a,
                cairo_surface_t *b)
{
  int stride = cairo_image_surface_get_stride (a);
  int height = cairo_image_surface_get_height (a);

  return memcmp (cairo_image_surface_get_data (a), cairo_image_surface_get_data (b),
                 (gsize) stride * height) == 0;
}

/* Review of issue 13: the $10B slide dropped the event's summary, which
 * TimelineJS3 shows, because its headline wrapped; and headlines said the
 * amount twice ("$10B Multi-year investment, reportedly $10B"). */
static void
test_caption_summary_shown (void)
{
  g_autoptr(TrancheDataset) ds = load_sample ();
  g_autoptr(TranchePresentation) p = tranche_presentation_new (ds, NULL);
  g_autoptr(TrancheCaption) big = tranche_presentation_get_caption (p, step_of (p, "msft-2023"));
  g_autoptr(TrancheCaption) first = tranche_presentation_get_caption (p,
                                                                      step_of (p, "msft-2019"));
  cairo_surface_t *with = NULL, *without = NULL;
  g_autofree char *summary = NULL;

  g_assert_nonnull (big->summary);
  with = paint_slide_caption (big);
  summary = g_steal_pointer (&big->summary);
  without = paint_slide_caption (big);
  big->summary = g_steal_pointer (&summary);
  g_assert_false (surfaces_equal (with, without));
  cairo_surface_destroy (with);
  cairo_surface_destroy (without);

  /* The title states the amount: the headline says it once. */
  g_assert_cmpstr (big->amount, ==, "$10B");
  g_assert_true (big->amount_in_title);
  g_assert_true (first->amount_in_title);
  {
    g_autoptr(TrancheDataset) helio = load_helio ();
    g_autoptr(TrancheCaption) series_d = NULL;
    g_autoptr(TrancheCaption) series_c = NULL;

    series_d = tranche_caption_new (helio, tranche_dataset_find_event (helio, "series-d"));
    series_c = tranche_caption_new (helio, tranche_dataset_find_event (helio, "series-c"));
    g_assert_cmpstr (series_d->amount, ==, "up to €250M");
    g_assert_true (series_d->amount_in_title);
    g_assert_false (series_c->amount_in_title);
  }
}

static gboolean
legend_has (GPtrArray  *legend,
            const char *text)
{
  for (guint i = 0; i < legend->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (legend, i), text))
      return TRUE;
  return FALSE;
}

/* Review of issue 13: the legend stopped where its line ran out of width,
 * leaving out keys for what the slide draws (valuation, news, bar). Every
 * kind of marker in view has its key, on every event slide of a history
 * with all of them, at the projector's size and at a small window's. */
static void
test_legend_complete (void)
{
  g_autoptr(TrancheDataset) ds = load_helio ();
  g_autoptr(TranchePresentation) p = NULL;
  g_autoptr(TrancheSlidePainter) painter = NULL;
  const int sizes[][2] = { { 1600, 1000 }, { 1024, 700 } };

  p = tranche_presentation_new (ds, NULL);
  painter = tranche_slide_painter_new (p, TRANCHE_LANES_BY_PAIR);
  for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, sizes[z][0],
                                                             sizes[z][1]);
      cairo_t *cr = cairo_create (surface);
      TrancheTheme theme;

      tranche_theme_init (&theme, TRANCHE_THEME_LIGHT,
                          tranche_slide_type_scale (sizes[z][0], sizes[z][1]));
      for (guint position = 0; position < tranche_presentation_get_n_positions (p); position++)
        {
          TrancheTimelineLayout *layout;
          GPtrArray *legend;
          const TrancheRect *plot;

          if (tranche_presentation_get_kind (p, position) != TRANCHE_SLIDE_EVENT)
            continue;
          tranche_slide_painter_paint (painter, cr, &theme, position, sizes[z][0], sizes[z][1],
                                       NULL);
          /* and the slide's own event is labelled, even in a one-line
           * lane along Atlas's commitment bar */
          assert_event_slide (p, painter, tranche_presentation_get_step_at (p, position));
          layout = tranche_slide_painter_get_timeline (painter);
          legend = tranche_slide_painter_get_legend (painter);
          plot = tranche_timeline_layout_get_plot (layout);
          if (tranche_timeline_layout_get_n_clusters (layout) > 0)
            g_assert_true (legend_has (legend, "merged events: count"));
          for (guint i = 0; i < tranche_timeline_layout_get_n_markers (layout); i++)
            {
              const TrancheTimelineMarker *m = tranche_timeline_layout_get_marker (layout, i);
              const char *key = NULL;

              if (m->x < plot->x || m->x > plot->x + plot->width)
                continue;
              if (m->shape == TRANCHE_MARKER_DOT)
                key = "news";
              else if (m->shape == TRANCHE_MARKER_DIAMOND)
                key = "acquisition";
              else if (m->shape == TRANCHE_MARKER_TRIANGLE)
                key = "valuation (not to scale)";
              else if (m->flags & TRANCHE_MARKER_HOLLOW)
                key = "hollow: amount undisclosed";
              else
                key = "area: amount";
              if (!legend_has (legend, key))
                g_error ("%dx%d, slide %u: “%s” drawn, not in the legend", sizes[z][0],
                         sizes[z][1], position, key);
              if ((m->flags & TRANCHE_MARKER_SPAN) && !legend_has (legend, "bar: "))
                g_error ("slide %u: a bar drawn, not in the legend", position);
              if ((m->flags & TRANCHE_MARKER_RANGE) && !legend_has (legend, "whisker: "))
                g_error ("slide %u: a whisker drawn, not in the legend", position);
              if ((m->flags & TRANCHE_MARKER_PARTIAL) && !legend_has (legend, "band: "))
                g_error ("slide %u: a band drawn, not in the legend", position);
            }
        }
      cairo_destroy (cr);
      cairo_surface_destroy (surface);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/presentation/caption-leads", test_caption_leads);
  g_test_add_func ("/presentation/order", test_order);
  g_test_add_func ("/presentation/mask", test_mask);
  g_test_add_func ("/presentation/ranges", test_ranges);
  g_test_add_func ("/presentation/caption", test_caption);
  g_test_add_func ("/presentation/caption-paint", test_caption_paint);
  g_test_add_func ("/presentation/slide-kinds", test_slide_kinds);
  g_test_add_func ("/presentation/slides", test_slides);
  g_test_add_func ("/presentation/slide-hit-test", test_slide_hit_test);
  g_test_add_func ("/presentation/summary-rows", test_summary_rows);
  g_test_add_func ("/presentation/summary-helio", test_summary_helio);
  g_test_add_func ("/presentation/reconciliation-cells", test_reconciliation_cells);
  g_test_add_func ("/presentation/caption-summary-shown", test_caption_summary_shown);
  g_test_add_func ("/presentation/legend-complete", test_legend_complete);
  g_test_add_func ("/presentation/french-caption", test_french_caption);
  return g_test_run ();
}
