/* test-timeline.c: the timeline scene (lanes, markers, clusters, labels,
 * culling, hit testing); the palette has tests/test-palette.c */
#include "config.h"

#include <math.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "tranche-dataset-builder.h"
#include "tranche-lane-pins.h"
#include "tranche-palette.h"
#include "tranche-timeline-layout.h"

static TrancheDay
ymd (int y,
     int m,
     int d)
{
  return tranche_day_from_ymd (y, m, d);
}

/* Adds an investment of `value` (< 0: undisclosed) by `investor` into `target`. */
static void
add (TrancheDatasetBuilder *b,
     const char            *id,
     const char            *date,
     const char            *investor,
     const char            *target,
     double                 value)
{
  TrancheEvent ev = { 0 };
  guint32 inv = tranche_dataset_builder_ensure_entity (b, investor);

  ev.id = id;
  ev.title = id;
  g_assert_cmpint (tranche_date_parse (date, &ev.date), ==, TRANCHE_DATE_OK);
  ev.kind = TRANCHE_EVENT_INVESTMENT;
  ev.target = tranche_dataset_builder_ensure_entity (b, target);
  ev.amount.flags = TRANCHE_MONEY_PRESENT;
  if (value >= 0)
    {
      ev.amount.flags |= TRANCHE_MONEY_HAS_VALUE;
      ev.amount.value = value;
    }
  else
    ev.amount.flags |= TRANCHE_MONEY_UNDISCLOSED;
  tranche_dataset_builder_add_event (b, &ev, &inv, 1, NULL, 0, NULL, 0);
}

static TrancheTimelineLayout *
lay_out (TrancheDataset *ds,
         double          width,
         double          height,
         TrancheDay      first,
         TrancheDay      end)
{
  TrancheTimelineLayout *layout = tranche_timeline_layout_new ();

  tranche_timeline_layout_set_today (layout, NAN);
  tranche_timeline_layout_set_dataset (layout, ds);
  tranche_timeline_layout_update (layout, width, height, first, end);
  return layout;
}

static const TrancheTimelineMarker *
marker_of (TrancheTimelineLayout *layout,
           guint                  event)
{
  TrancheTimelineHit hit;

  g_assert_true (tranche_timeline_layout_find_event (layout, event, &hit));
  g_assert_cmpint (hit.kind, ==, TRANCHE_HIT_MARKER);
  return tranche_timeline_layout_get_marker (layout, hit.index);
}

static void
test_marker_x_per_precision (void)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  g_autoptr(TrancheTimelineLayout) layout = NULL;
  const char *dates[] = { "2021", "2021-Q2", "2021-05", "2021-05-17" };
  const TrancheTimeScale *scale;

  /* One lane each, so nothing clusters. */
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *investor = g_strdup_printf ("investor-%u", i);
      add (b, dates[i], dates[i], investor, "target", 1e9 * (i + 1));
    }
  ds = tranche_dataset_builder_finish (g_steal_pointer (&b));
  layout = lay_out (ds, 1600, 1000, ymd (2020, 6, 1), ymd (2022, 6, 1));
  scale = tranche_timeline_layout_get_scale (layout);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      guint index = tranche_dataset_find_event (ds, dates[i]);
      const TrancheEvent *ev = tranche_dataset_get_event (ds, index);
      const TrancheTimelineMarker *m = marker_of (layout, index);
      TrancheDay first = tranche_date_first_day (&ev->date);
      TrancheDay end = tranche_date_end_day (&ev->date);

      g_assert_cmpfloat_with_epsilon (m->x, tranche_time_scale_day_to_x (scale, (first + end) / 2),
                                      1e-9);
      if (ev->date.precision == TRANCHE_PRECISION_DAY)
        g_assert_false (m->flags & TRANCHE_MARKER_PARTIAL);
      else
        {
          /* the band covers exactly the span the date stands for */
          g_assert_true (m->flags & TRANCHE_MARKER_PARTIAL);
          g_assert_cmpfloat_with_epsilon (m->band_x0, tranche_time_scale_day_to_x (scale, first),
                                          1e-9);
          g_assert_cmpfloat_with_epsilon (m->band_x1, tranche_time_scale_day_to_x (scale, end),
                                          1e-9);
        }
    }
  /* "2021" is centred on 2 July 2021, not on 1 January */
  g_assert_cmpfloat (marker_of (layout, tranche_dataset_find_event (ds, "2021"))->x, >,
                     tranche_time_scale_day_to_x (scale, ymd (2021, 6, 30)));
}

static void
test_area_ratio (void)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  const double widths[] = { 1024, 1920, 3000 };

  add (b, "small", "2019-03-01", "msft", "openai", 1e9);
  add (b, "big", "2023-03-01", "msft", "openai", 10e9);
  add (b, "hidden", "2021", "msft", "openai", -1);
  ds = tranche_dataset_builder_finish (g_steal_pointer (&b));

  for (guint i = 0; i < G_N_ELEMENTS (widths); i++)
    {
      g_autoptr(TrancheTimelineLayout) layout =
        lay_out (ds, widths[i], widths[i] * 0.56, ymd (2018, 1, 1), ymd (2025, 1, 1));
      const TrancheTimelineMarker *small = marker_of (layout, tranche_dataset_find_event (ds, "small"));
      const TrancheTimelineMarker *big = marker_of (layout, tranche_dataset_find_event (ds, "big"));
      const TrancheTimelineMarker *hidden = marker_of (layout,
                                                       tranche_dataset_find_event (ds, "hidden"));
      double ratio = (big->radius * big->radius) / (small->radius * small->radius);

      g_assert_cmpfloat (fabs (ratio - 10) / 10, <=, 0.01);
      g_assert_true (hidden->flags & TRANCHE_MARKER_HOLLOW);
      g_assert_false (big->flags & TRANCHE_MARKER_HOLLOW);
    }
}

/* Issue 13: the marker scale is the dataset's, not the filter's nor the
 * index's origin. With many investors in the window, filtering to one left
 * it a lane four times as tall, and its $60M marker grew to match; with the
 * index made in the loading worker, every marker was the smallest size. */
static void
test_sizes_fixed_per_dataset (void)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  g_autoptr(TrancheTimelineLayout) layout = tranche_timeline_layout_new ();
  g_autoptr(GBytes) mask = NULL;
  guint8 bits[13] = { 0 };
  guint small, big;
  double r_small, r_big;

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *investor = g_strdup_printf ("investor%u", i);
      add (b, id, "2020-03-01", investor, "helio", 1e8);
    }
  add (b, "big", "2023-03-01", "investor0", "helio", 1e9);
  ds = tranche_dataset_builder_finish (g_steal_pointer (&b));
  small = tranche_dataset_find_event (ds, "e0");
  big = tranche_dataset_find_event (ds, "big");

  tranche_timeline_layout_set_today (layout, NAN);
  tranche_timeline_layout_set_scroll_lanes (layout, TRUE);
  /* as the window gets it: an index made elsewhere, unfiltered */
  tranche_timeline_layout_set_data_with_index (layout, ds, NULL,
                                               tranche_lane_index_new (
                                                 ds, tranche_timeline_layout_get_lane_mode (layout),
                                                 NULL));
  tranche_timeline_layout_update (layout, 1400, 700, ymd (2019, 1, 1), ymd (2025, 1, 1));
  r_small = marker_of (layout, small)->radius;
  r_big = marker_of (layout, big)->radius;
  /* sized by amount against the dataset's largest (the small one may sit
   * at the least size) */
  g_assert_cmpfloat (r_big, >, 2 * r_small);

  bits[small] = bits[big] = 1;
  mask = g_bytes_new (bits, tranche_dataset_get_n_events (ds));
  tranche_timeline_layout_set_mask (layout, mask);
  tranche_timeline_layout_update (layout, 1400, 700, ymd (2019, 1, 1), ymd (2025, 1, 1));
  g_assert_cmpuint (tranche_timeline_layout_get_n_lanes (layout), ==, 1);
  g_assert_cmpfloat_with_epsilon (marker_of (layout, small)->radius, r_small, 1e-9);
  g_assert_cmpfloat_with_epsilon (marker_of (layout, big)->radius, r_big, 1e-9);

  /* filtered from the start (an export of a filtered window): about the
   * same, from the unfiltered lanes' height worked out */
  {
    g_autoptr(TrancheTimelineLayout) filtered = tranche_timeline_layout_new ();

    tranche_timeline_layout_set_today (filtered, NAN);
    tranche_timeline_layout_set_scroll_lanes (filtered, TRUE);
    tranche_timeline_layout_set_dataset (filtered, ds);
    tranche_timeline_layout_set_mask (filtered, mask);
    tranche_timeline_layout_update (filtered, 1400, 700, ymd (2019, 1, 1), ymd (2025, 1, 1));
    g_assert_cmpfloat (fabs (marker_of (filtered, big)->radius - r_big) / r_big, <, 0.1);
  }
}

static TrancheDataset *
random_dataset (guint n_events,
                guint n_investors,
                guint n_targets,
                int   first_year,
                int   n_years)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();

  for (guint i = 0; i < n_events; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *investor = g_strdup_printf ("inv%d", g_test_rand_int_range (0, n_investors));
      g_autofree char *target = g_strdup_printf ("co%d", g_test_rand_int_range (0, n_targets));
      int year = first_year + g_test_rand_int_range (0, n_years);
      int p = g_test_rand_int_range (0, 4);
      g_autofree char *date = NULL;
      double value = g_test_rand_int_range (0, 10) == 0 ? -1
                     : exp (g_test_rand_double_range (log (1e6), log (2e10)));

      if (p == 0)
        date = g_strdup_printf ("%04d", year);
      else if (p == 1)
        date = g_strdup_printf ("%04d-Q%d", year, g_test_rand_int_range (1, 5));
      else if (p == 2)
        date = g_strdup_printf ("%04d-%02d", year, g_test_rand_int_range (1, 13));
      else
        date = g_strdup_printf ("%04d-%02d-%02d", year, g_test_rand_int_range (1, 13),
                                g_test_rand_int_range (1, 29));
      add (b, id, date, investor, target, value);
    }
  return tranche_dataset_builder_finish (g_steal_pointer (&b));
}

static void
assert_labels_apart (TrancheTimelineLayout *layout)
{
  guint n = tranche_timeline_layout_get_n_labels (layout);
  double width = tranche_timeline_layout_get_width (layout);
  double height = tranche_timeline_layout_get_height (layout);

  for (guint i = 0; i < n; i++)
    {
      const TrancheTimelineLabel *a = tranche_timeline_layout_get_label (layout, i);

      g_assert_cmpfloat (a->rect.x, >=, 0);
      g_assert_cmpfloat (a->rect.y, >=, 0);
      g_assert_cmpfloat (a->rect.x + a->rect.width, <=, width);
      g_assert_cmpfloat (a->rect.y + a->rect.height, <=, height);
      for (guint j = i + 1; j < n; j++)
        {
          const TrancheTimelineLabel *c = tranche_timeline_layout_get_label (layout, j);
          if (tranche_rect_intersects (&a->rect, &c->rect))
            g_error ("labels “%s” and “%s” overlap", a->text, c->text);
        }
    }
}

static void
test_labels_never_overlap (void)
{
  guint n_labels = 0;

  for (int round = 0; round < 40; round++)
    {
      g_autoptr(TrancheDataset) ds = random_dataset (g_test_rand_int_range (1, 400),
                                                     g_test_rand_int_range (1, 8),
                                                     g_test_rand_int_range (1, 5),
                                                     2000, g_test_rand_int_range (1, 20));
      double width = g_test_rand_double_range (700, 2600);
      double height = g_test_rand_double_range (450, 1500);
      g_autoptr(TrancheTimelineLayout) layout = tranche_timeline_layout_new ();
      TrancheDay first, end;

      tranche_timeline_layout_set_today (layout, ymd (2010, 1, 1));
      tranche_timeline_layout_set_show_title (layout, round % 2 == 0);
      tranche_timeline_layout_set_lane_mode (layout, round % 3);
      tranche_timeline_layout_set_dataset (layout, ds);
      g_assert_true (tranche_timeline_layout_fit_range (layout, width, height, &first, &end));
      tranche_timeline_layout_update (layout, width, height, first, end);
      assert_labels_apart (layout);
      n_labels += tranche_timeline_layout_get_n_labels (layout);

      /* and zoomed into a random year */
      {
        int year = 2000 + g_test_rand_int_range (0, 20);
        tranche_timeline_layout_update (layout, width, height, ymd (year, 1, 1),
                                        ymd (year + 1, 1, 1));
        assert_labels_apart (layout);
      }
    }
  /* the test would pass vacuously with no labels at all */
  g_assert_cmpuint (n_labels, >, 200);
}

static void
test_clusters_sum (void)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  g_autoptr(TrancheTimelineLayout) layout = NULL;
  g_autofree guint *seen = NULL;
  guint n_events, n_clustered = 0;

  /* Forty rounds in two weeks of one lane, seen over twenty years: they
   * can't be told apart and must merge. */
  for (int i = 0; i < 40; i++)
    {
      g_autofree char *id = g_strdup_printf ("r%d", i);
      g_autofree char *date = g_strdup_printf ("2015-06-%02d", 1 + i % 14);
      add (b, id, date, "fund", "startup", i % 7 == 0 ? -1 : 1e6 * (i + 1));
    }
  add (b, "alone", "2004-01-10", "fund", "startup", 5e6);
  ds = tranche_dataset_builder_finish (g_steal_pointer (&b));
  n_events = tranche_dataset_get_n_events (ds);
  layout = lay_out (ds, 1400, 800, ymd (2000, 1, 1), ymd (2020, 1, 1));
  g_assert_cmpuint (tranche_timeline_layout_get_n_clusters (layout), >=, 1);

  seen = g_new0 (guint, n_events);
  for (guint i = 0; i < tranche_timeline_layout_get_n_markers (layout); i++)
    seen[tranche_timeline_layout_get_marker (layout, i)->event]++;
  for (guint c = 0; c < tranche_timeline_layout_get_n_clusters (layout); c++)
    {
      const TrancheTimelineCluster *cluster = tranche_timeline_layout_get_cluster (layout, c);
      guint n_members;
      const guint *members = tranche_timeline_layout_get_cluster_members (layout, c, &n_members);
      double total = 0;
      gboolean partial = FALSE;

      g_assert_cmpuint (n_members, ==, cluster->n_members);
      g_assert_cmpuint (n_members, >=, 2);
      for (guint k = 0; k < n_members; k++)
        {
          const TrancheEvent *ev = tranche_dataset_get_event (ds, members[k]);
          double value;
          if (tranche_money_best_value (&ev->amount, &value))
            total += value;
          else
            partial = TRUE;
          seen[members[k]]++;
          g_assert_cmpfloat (tranche_time_scale_day_to_x (tranche_timeline_layout_get_scale (layout),
                                                          tranche_date_middle_day (&ev->date)),
                             >=, cluster->x0 - 1e-9);
        }
      n_clustered += n_members;
      g_assert_cmpfloat_with_epsilon (cluster->total, total, 1e-3);
      g_assert_cmpint (cluster->partial, ==, partial);
    }
  /* every event is drawn exactly once, as a marker or in one cluster */
  for (guint i = 0; i < n_events; i++)
    g_assert_cmpuint (seen[i], ==, 1);
  g_assert_cmpuint (n_clustered, >=, 30);
  g_assert_cmpuint (seen[tranche_dataset_find_event (ds, "alone")], ==, 1);
}

static void
test_culling_million (void)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  g_autoptr(TrancheTimelineLayout) layout = NULL;
  guint32 investors[20], targets[50];
  const guint n = 1000000;
  TrancheDay first, end;
  guint64 density_total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (investors); i++)
    {
      g_autofree char *id = g_strdup_printf ("inv%u", i);
      investors[i] = tranche_dataset_builder_ensure_entity (b, id);
    }
  for (guint i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *id = g_strdup_printf ("co%u", i);
      targets[i] = tranche_dataset_builder_ensure_entity (b, id);
    }
  for (guint i = 0; i < n; i++)
    {
      TrancheEvent ev = { 0 };
      char id[16];
      guint32 inv = investors[g_test_rand_int_range (0, G_N_ELEMENTS (investors))];

      g_snprintf (id, sizeof id, "e%u", i);
      ev.id = id;
      ev.title = "round";
      ev.date = tranche_date_from_day (1990 + g_test_rand_int_range (0, 34),
                                       g_test_rand_int_range (1, 13),
                                       g_test_rand_int_range (1, 29));
      ev.target = targets[g_test_rand_int_range (0, G_N_ELEMENTS (targets))];
      ev.amount.flags = TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_HAS_VALUE;
      ev.amount.value = exp (g_test_rand_double_range (log (1e5), log (1e10)));
      tranche_dataset_builder_add_event (b, &ev, &inv, 1, NULL, 0, NULL, 0);
    }
  ds = tranche_dataset_builder_finish (g_steal_pointer (&b));

  layout = tranche_timeline_layout_new ();
  tranche_timeline_layout_set_today (layout, NAN);
  tranche_timeline_layout_set_dataset (layout, ds);
  g_assert_true (tranche_timeline_layout_fit_range (layout, 1920, 1080, &first, &end));
  tranche_timeline_layout_update (layout, 1920, 1080, first, end);

  /* A million events become a bounded number of drawn things. */
  g_assert_true (tranche_timeline_layout_is_dense (layout));
  g_assert_cmpuint (tranche_timeline_layout_get_n_markers (layout), <=,
                    TRANCHE_TIMELINE_DENSE_MARKERS);
  g_assert_cmpuint (tranche_timeline_layout_get_n_markers (layout), >, 0);
  g_assert_cmpuint (tranche_timeline_layout_get_n_labels (layout), <=, 400);
  /* rows of one line (about 20 px) at least, the rest folded */
  g_assert_cmpuint (tranche_timeline_layout_get_n_lanes (layout), <=, 1080 / 20);
  /* the strips count every event once */
  for (guint lane = 0; lane < tranche_timeline_layout_get_n_lanes (layout); lane++)
    {
      guint n_columns;
      const guint32 *counts = tranche_timeline_layout_get_density (layout, lane, &n_columns);
      g_assert_nonnull (counts);
      g_assert_cmpuint (n_columns, <=, 1920);
      for (guint c = 0; c < n_columns; c++)
        density_total += counts[c];
    }
  g_assert_cmpuint (density_total, ==, n);
  /* the exact markers are the largest amounts in view */
  {
    const TrancheEvent *ev = tranche_dataset_get_event (ds,
                               tranche_timeline_layout_get_marker (layout, 0)->event);
    g_assert_cmpfloat (ev->amount.value, >, 9e9);
  }
  assert_labels_apart (layout);

  /* Zoomed to a week: few events, each drawn exactly. */
  tranche_timeline_layout_update (layout, 1920, 1080, ymd (2010, 3, 1), ymd (2010, 3, 8));
  g_assert_false (tranche_timeline_layout_is_dense (layout));
  g_assert_cmpuint (tranche_timeline_layout_get_n_markers (layout)
                    + tranche_timeline_layout_get_n_clusters (layout), <=,
                    TRANCHE_TIMELINE_DENSE_THRESHOLD);
  g_assert_cmpuint (tranche_timeline_layout_get_n_markers (layout)
                    + tranche_timeline_layout_get_n_clusters (layout), >, 0);
}

static void
test_hit_test (void)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  g_autoptr(TrancheTimelineLayout) layout = NULL;
  const TrancheTimelineMarker *m;
  TrancheTimelineHit hit;
  guint index;

  add (b, "a", "2020-03-01", "fund", "co", 5e9);
  add (b, "b", "2022-09-01", "fund", "co", 1e9);
  ds = tranche_dataset_builder_finish (g_steal_pointer (&b));
  layout = lay_out (ds, 1200, 700, ymd (2019, 1, 1), ymd (2024, 1, 1));
  index = tranche_dataset_find_event (ds, "a");
  m = marker_of (layout, index);

  g_assert_true (tranche_timeline_layout_hit_test (layout, m->x, m->y, 0, &hit));
  g_assert_cmpint (hit.kind, ==, TRANCHE_HIT_MARKER);
  g_assert_cmpuint (hit.event, ==, index);
  g_assert_true (tranche_timeline_layout_hit_test (layout, m->x + m->radius + 3.5, m->y, 4, &hit));
  g_assert_cmpuint (hit.event, ==, index);
  /* just outside the tolerance, on a side no label covers */
  for (int side = -1; side <= 1; side += 2)
    {
      double x = m->x + side * (m->radius + 6);
      gboolean in_label = FALSE;
      for (guint i = 0; i < tranche_timeline_layout_get_n_labels (layout); i++)
        in_label |= tranche_rect_contains (&tranche_timeline_layout_get_label (layout, i)->rect,
                                           x, m->y);
      if (in_label)
        continue;
      g_assert_false (tranche_timeline_layout_hit_test (layout, x, m->y, 4, &hit));
    }
  /* far from everything */
  g_assert_false (tranche_timeline_layout_hit_test (layout, 2, 2, 4, &hit));
  g_assert_cmpint (hit.kind, ==, TRANCHE_HIT_NONE);
}

static void
test_lane_modes (void)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  g_autoptr(TrancheTimelineLayout) layout = NULL;
  TrancheEvent news = { 0 };
  const guint expected[] = { 4, 3, 3 };  /* pairs, targets, investors; + news */

  add (b, "a", "2020", "msft", "openai", 1e9);
  add (b, "b", "2021", "msft", "inflection", 2e9);
  add (b, "c", "2022", "google", "openai", 3e9);
  news.id = "n";
  news.title = "Something happened";
  news.kind = TRANCHE_EVENT_NEWS;
  news.date = tranche_date_from_day (2021, 5, 5);
  news.target = TRANCHE_NO_ENTITY;
  tranche_dataset_builder_add_event (b, &news, NULL, 0, NULL, 0, NULL, 0);
  ds = tranche_dataset_builder_finish (g_steal_pointer (&b));

  layout = tranche_timeline_layout_new ();
  tranche_timeline_layout_set_dataset (layout, ds);
  for (TrancheLaneMode mode = TRANCHE_LANES_BY_PAIR; mode <= TRANCHE_LANES_BY_INVESTOR; mode++)
    {
      const TrancheTimelineLane *last;
      tranche_timeline_layout_set_lane_mode (layout, mode);
      tranche_timeline_layout_update (layout, 1400, 900, ymd (2019, 1, 1), ymd (2024, 1, 1));
      g_assert_cmpuint (tranche_timeline_layout_get_n_lanes (layout), ==, expected[mode]);
      last = tranche_timeline_layout_get_lane (layout,
                                               tranche_timeline_layout_get_n_lanes (layout) - 1);
      g_assert_cmpint (last->kind, ==, TRANCHE_LANE_NEWS);
    }
  /* largest first: by pair, Google → OpenAI ($3B) leads OpenAI's lanes */
  tranche_timeline_layout_set_lane_mode (layout, TRANCHE_LANES_BY_PAIR);
  tranche_timeline_layout_update (layout, 1400, 900, ymd (2019, 1, 1), ymd (2024, 1, 1));
  g_assert_cmpstr (tranche_timeline_layout_get_lane (layout, 0)->title, ==, "google → openai");
}

/* Adds a valuation of `target`, or (no target) a news item. */
static void
add_other (TrancheDatasetBuilder *b,
           const char            *id,
           const char            *date,
           const char            *target)
{
  TrancheEvent ev = { 0 };

  ev.id = id;
  ev.title = id;
  g_assert_cmpint (tranche_date_parse (date, &ev.date), ==, TRANCHE_DATE_OK);
  if (target != NULL)
    {
      ev.kind = TRANCHE_EVENT_VALUATION;
      ev.target = tranche_dataset_builder_ensure_entity (b, target);
      ev.valuation.flags = TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_HAS_VALUE;
      ev.valuation.value = 1e9;
    }
  else
    {
      ev.kind = TRANCHE_EVENT_NEWS;
      ev.target = TRANCHE_NO_ENTITY;
    }
  tranche_dataset_builder_add_event (b, &ev, NULL, 0, NULL, 0, NULL, 0);
}

/* A file with a lane per pair for most events, as a big generated one. */
static TrancheDataset *
many_pairs_dataset (guint n_events)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();

  for (guint i = 0; i < n_events; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autofree char *investor = g_strdup_printf ("inv%d", g_test_rand_int_range (0, 400));
      g_autofree char *target = g_strdup_printf ("co%d", g_test_rand_int_range (0, 300));
      g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d",
                                               g_test_rand_int_range (2000, 2024),
                                               g_test_rand_int_range (1, 13),
                                               g_test_rand_int_range (1, 29));
      int kind = g_test_rand_int_range (0, 20);
      double value = exp (g_test_rand_double_range (log (1e5), log (1e10)));

      if (kind == 0)
        add_other (b, id, date, target);
      else if (kind == 1)
        add_other (b, id, date, NULL);
      else
        /* a few equal amounts, so ties are ordered too */
        add (b, id, date, investor, target, kind == 2 ? 5e6 : kind == 3 ? -1 : value);
    }
  return tranche_dataset_builder_finish (g_steal_pointer (&b));
}

/* With thousands of lanes the scene shows the first lanes of the index, one
 * lane for the rest and the news lane; the legend names the first investors
 * of the lanes; every event is placed in the lane its index lane maps to. */
static void
test_many_pairs (void)
{
  g_autoptr(TrancheDataset) ds = many_pairs_dataset (6000);
  g_autoptr(TrancheTimelineLayout) layout = tranche_timeline_layout_new ();
  g_autoptr(TrancheLaneIndex) index = tranche_lane_index_new (ds, TRANCHE_LANES_BY_PAIR, NULL);
  guint n_index = tranche_lane_index_get_n_lanes (index);
  g_autoptr(GHashTable) investors = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const TrancheTimelineLane *others, *news;
  guint n_lanes, n_shown, n_swatches = 0;
  TrancheDay first, end;

  tranche_timeline_layout_set_today (layout, NAN);
  tranche_timeline_layout_set_dataset (layout, ds);
  g_assert_true (tranche_timeline_layout_fit_range (layout, 1600, 1000, &first, &end));
  tranche_timeline_layout_update (layout, 1600, 1000, ymd (2010, 1, 1), ymd (2010, 3, 1));
  g_assert_false (tranche_timeline_layout_is_dense (layout));
  g_assert_cmpuint (n_index, >, 3000);
  g_assert_cmpint (tranche_lane_index_get_lane (index, n_index - 1)->kind, ==,
                   TRANCHE_LANE_NEWS);

  n_lanes = tranche_timeline_layout_get_n_lanes (layout);
  g_assert_cmpuint (n_lanes, >=, 3);
  n_shown = n_lanes - 2;
  /* past a few thousand lanes, those kept are the first of the index (ranking
   * them all on every frame would cost a walk over every lane) */
  for (guint i = 0; i < n_shown; i++)
    {
      const TrancheTimelineLane *lane = tranche_timeline_layout_get_lane (layout, i);
      g_assert_cmpuint (lane->index, ==, i);
      g_assert_cmpuint (lane->n_merged, ==, 0);
    }
  others = tranche_timeline_layout_get_lane (layout, n_shown);
  g_assert_cmpuint (others->index, ==, G_MAXUINT);
  g_assert_cmpuint (others->n_merged, ==, n_index - 1 - n_shown);
  news = tranche_timeline_layout_get_lane (layout, n_shown + 1);
  g_assert_cmpuint (news->index, ==, n_index - 1);
  g_assert_cmpint (news->kind, ==, TRANCHE_LANE_NEWS);

  /* the legend: the first eight investors in lane order, then how many more */
  for (guint i = 0; i < n_index; i++)
    {
      const TrancheLaneInfo *info = tranche_lane_index_get_lane (index, i);
      if (!info->neutral && g_hash_table_add (investors, GUINT_TO_POINTER (info->investor + 1))
          && names->len < 8)
        g_ptr_array_add (names,
                         (gpointer) tranche_dataset_get_entity (ds, info->investor)->name);
    }
  g_assert_cmpuint (g_hash_table_size (investors), >, 8);
  for (guint i = 0; i < tranche_timeline_layout_get_n_legend_items (layout); i++)
    {
      const TrancheTimelineLegendItem *item = tranche_timeline_layout_get_legend_item (layout, i);
      if (item->kind != TRANCHE_LEGEND_SWATCH)
        continue;
      if (n_swatches < 8)
        g_assert_cmpstr (item->text, ==, g_ptr_array_index (names, n_swatches));
      else
        {
          g_autofree char *more = g_strdup_printf ("+%u more",
                                                   g_hash_table_size (investors) - 8);
          g_assert_cmpstr (item->text, ==, more);
        }
      n_swatches++;
    }
  g_assert_cmpuint (n_swatches, ==, 9);

  /* every event in view sits in the scene lane of its index lane */
  for (guint i = 0; i < tranche_dataset_get_n_events (ds); i++)
    {
      guint lane = tranche_lane_index_event_lane (index, i);
      guint slot = lane == n_index - 1 ? n_shown + 1 : n_shown;
      const TrancheTimelineLane *expected;
      double x, y;

      for (guint s = 0; s < n_shown; s++)
        if (tranche_timeline_layout_get_lane (layout, s)->index == lane)
          slot = s;
      expected = tranche_timeline_layout_get_lane (layout, slot);
      if (!tranche_timeline_layout_event_position (layout, i, &x, &y))
        continue;
      g_assert_cmpfloat (y, >, expected->y);
      g_assert_cmpfloat (y, <, expected->y + expected->height);
    }
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *) a, db = *(const double *) b;
  return da < db ? -1 : da > db;
}

/* The largest events of a range: what walking the whole ranking finds, for
 * ranges from a day to all of them (both ways of finding them are used). */
static void
check_largest_in (TrancheLaneIndex *index)
{
  const TrancheDay *days;
  guint n_ranked;
  const guint *ranked = tranche_lane_index_ranked (index, &days, &n_ranked);
  const double spans[] = { 0, 1, 7, 31, 200, 900, 4000, 20000 };
  const guint maxes[] = { 1, 5, 200 };

  for (guint s = 0; s < G_N_ELEMENTS (spans); s++)
    for (guint m = 0; m < G_N_ELEMENTS (maxes); m++)
      for (TrancheDay first = ymd (1994, 7, 3); first < ymd (2026, 1, 1); first += 1237)
        {
          guint max = maxes[m], expected[200], got[200], n_expected = 0, n_got;

          for (guint i = 0; i < n_ranked && n_expected < max; i++)
            if (days[i] >= first && days[i] < first + spans[s])
              expected[n_expected++] = ranked[i];
          n_got = tranche_lane_index_largest_in (index, first, first + spans[s], max, got);
          g_assert_cmpuint (n_got, ==, n_expected);
          for (guint i = 0; i < n_got; i++)
            g_assert_cmpuint (got[i], ==, expected[i]);
        }
}

/* The index against a plain reading of its contract: lanes sorted (news
 * last; by pair a target's lanes together, best-funded target first; then
 * kind, total, count, first day), each lane's sums, and its days sorted. */
static void
check_lane_index (TrancheDataset  *ds,
                  TrancheLaneMode  mode)
{
  g_autoptr(TrancheLaneIndex) index = tranche_lane_index_new (ds, mode, NULL);
  guint n_lanes = tranche_lane_index_get_n_lanes (index);
  guint n_events = tranche_dataset_get_n_events (ds);
  guint n_entities = tranche_dataset_get_n_entities (ds);
  g_autofree double *target_totals = g_new0 (double, n_entities);
  g_autofree guint *n_in_lane = g_new0 (guint, n_lanes);
  g_autofree double *total_in_lane = g_new0 (double, n_lanes);
  const guint *ranked;
  const TrancheDay *ranked_days;
  guint n_ranked;

  for (guint i = 0; i < n_events; i++)
    {
      const TrancheEvent *ev = tranche_dataset_get_event (ds, i);
      guint lane = tranche_lane_index_event_lane (index, i);
      const TrancheLaneInfo *info = tranche_lane_index_get_lane (index, lane);
      guint32 investor = ev->n_investors > 0 ? tranche_dataset_event_investor (ds, ev, 0)
                                             : TRANCHE_NO_ENTITY;
      double value;

      n_in_lane[lane]++;
      if (ev->kind == TRANCHE_EVENT_NEWS)
        {
          g_assert_cmpint (info->kind, ==, TRANCHE_LANE_NEWS);
          continue;
        }
      if (mode != TRANCHE_LANES_BY_INVESTOR)
        g_assert_cmpuint (info->target, ==, ev->target);
      if (mode != TRANCHE_LANES_BY_TARGET && ev->kind != TRANCHE_EVENT_VALUATION)
        g_assert_cmpuint (info->investor, ==, investor);
      if (ev->kind != TRANCHE_EVENT_VALUATION
          && tranche_lane_index_size_value (index, ev, &value))
        total_in_lane[lane] += value;
    }
  for (guint l = 0; l < n_lanes; l++)
    {
      const TrancheLaneInfo *info = tranche_lane_index_get_lane (index, l);
      guint n_days;
      const guint *events;
      const TrancheDay *days = tranche_lane_index_lane_days (index, l, &events, &n_days);
      const TrancheEvent *ev;

      g_assert_cmpuint (info->n_events, ==, n_in_lane[l]);
      g_assert_cmpfloat (info->total, ==, total_in_lane[l]);
      g_assert_cmpuint (n_days, ==, info->n_events);
      for (guint k = 0; k < n_days; k++)
        {
          ev = tranche_dataset_get_event (ds, events[k]);
          g_assert_cmpuint (tranche_lane_index_event_lane (index, events[k]), ==, l);
          g_assert_cmpfloat (days[k], ==, tranche_date_middle_day (&ev->date));
          if (k > 0)
            g_assert_true (days[k - 1] < days[k]
                           || (days[k - 1] == days[k] && events[k - 1] < events[k]));
        }
      if (info->target != TRANCHE_NO_ENTITY)
        target_totals[info->target] += info->total;
    }
  for (guint l = 1; l < n_lanes; l++)
    {
      const TrancheLaneInfo *a = tranche_lane_index_get_lane (index, l - 1);
      const TrancheLaneInfo *b = tranche_lane_index_get_lane (index, l);
      double ta, tb;

      g_assert_cmpint (a->kind, !=, TRANCHE_LANE_NEWS);
      if (b->kind == TRANCHE_LANE_NEWS)
        continue;
      if (mode == TRANCHE_LANES_BY_PAIR && a->target != b->target)
        {
          ta = a->target != TRANCHE_NO_ENTITY ? target_totals[a->target] : -1;
          tb = b->target != TRANCHE_NO_ENTITY ? target_totals[b->target] : -1;
          g_assert_true (ta > tb || (ta == tb && a->target < b->target));
          continue;
        }
      g_assert_cmpint (a->kind, <=, b->kind);
      if (a->kind != b->kind)
        continue;
      g_assert_cmpfloat (a->total, >=, b->total);
      if (a->total != b->total)
        continue;
      g_assert_cmpuint (a->n_events, >=, b->n_events);
      if (a->n_events == b->n_events)
        g_assert_cmpfloat (a->first_day, <=, b->first_day);
    }

  /* every marker day once, sorted, for counting across all lanes */
  {
    g_autofree double *days = g_new (double, n_events);
    for (guint i = 0; i < n_events; i++)
      days[i] = tranche_date_middle_day (&tranche_dataset_get_event (ds, i)->date);
    qsort (days, n_events, sizeof (double), compare_doubles);
    for (guint k = 0; k < n_events; k += 97)
      g_assert_cmpuint (tranche_lane_index_count_before (index, TRANCHE_LANE_ALL, days[k]), <=, k);
    g_assert_cmpuint (tranche_lane_index_count_before (index, TRANCHE_LANE_ALL,
                                                       days[n_events - 1] + 1), ==, n_events);
  }

  /* the ranking: largest amount first, ties in event order */
  ranked = tranche_lane_index_ranked (index, &ranked_days, &n_ranked);
  g_assert_cmpuint (n_ranked, >, 0);
  for (guint k = 0; k < n_ranked; k++)
    {
      const TrancheEvent *ev = tranche_dataset_get_event (ds, ranked[k]);
      g_assert_cmpfloat (ranked_days[k], ==, tranche_date_middle_day (&ev->date));
      if (k > 0)
        {
          const TrancheEvent *before = tranche_dataset_get_event (ds, ranked[k - 1]);
          double va, vb;
          g_assert_true (tranche_lane_index_size_value (index, before, &va));
          g_assert_true (tranche_lane_index_size_value (index, ev, &vb));
          g_assert_true (va > vb || (va == vb && ranked[k - 1] < ranked[k]));
        }
    }
  check_largest_in (index);
}

static char *
joined (GPtrArray *keys)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < keys->len; i++)
    g_string_append_printf (text, "%s%s", i ? "," : "", (char *) g_ptr_array_index (keys, i));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

#define assert_pins(keys, expected) G_STMT_START { \
    g_autofree char *got_ = joined (keys); \
    g_assert_cmpstr (got_, ==, expected); \
  } G_STMT_END

/* Pin to top, up, down, unpin; what changes nothing says so; the list is
 * kept per dataset in the user's state folder. */
static void
test_lane_pins (void)
{
  g_autofree char *state = g_dir_make_tmp ("tranche-pins-XXXXXX", NULL);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(GPtrArray) other = NULL;
  g_autofree char *file = NULL;
  g_autofree char *folder = NULL;

  g_assert_true (tranche_lane_pins_apply (keys, "a", TRANCHE_LANE_PIN_TO_TOP));
  g_assert_true (tranche_lane_pins_apply (keys, "b", TRANCHE_LANE_PIN_TO_TOP));
  g_assert_true (tranche_lane_pins_apply (keys, "c", TRANCHE_LANE_PIN_TO_TOP));
  assert_pins (keys, "c,b,a");
  g_assert_false (tranche_lane_pins_apply (keys, "c", TRANCHE_LANE_PIN_TO_TOP));
  g_assert_false (tranche_lane_pins_apply (keys, "c", TRANCHE_LANE_PIN_UP));
  g_assert_false (tranche_lane_pins_apply (keys, "a", TRANCHE_LANE_PIN_DOWN));
  g_assert_false (tranche_lane_pins_apply (keys, "z", TRANCHE_LANE_PIN_UP));
  g_assert_false (tranche_lane_pins_apply (keys, "z", TRANCHE_LANE_PIN_REMOVE));
  g_assert_true (tranche_lane_pins_apply (keys, "a", TRANCHE_LANE_PIN_UP));
  assert_pins (keys, "c,a,b");
  g_assert_true (tranche_lane_pins_apply (keys, "c", TRANCHE_LANE_PIN_DOWN));
  assert_pins (keys, "a,c,b");
  g_assert_true (tranche_lane_pins_apply (keys, "b", TRANCHE_LANE_PIN_TO_TOP));
  assert_pins (keys, "b,a,c");
  g_assert_true (tranche_lane_pins_apply (keys, "a", TRANCHE_LANE_PIN_REMOVE));
  assert_pins (keys, "b,c");

  /* A path with what a key file's group could not hold, and a second
   * dataset. GLib reads XDG_STATE_HOME when first asked: nothing has yet. */
  g_setenv ("XDG_STATE_HOME", state, TRUE);
  g_assert_true (tranche_lane_pins_save ("/data/[odd] name=1.json", keys, NULL));
  other = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (other, g_strdup ("money:x:y"));
  g_assert_true (tranche_lane_pins_save ("/data/other.json", other, NULL));
  loaded = tranche_lane_pins_load ("/data/[odd] name=1.json");
  assert_pins (loaded, "b,c");
  g_clear_pointer (&loaded, g_ptr_array_unref);
  loaded = tranche_lane_pins_load ("/data/unknown.json");
  g_assert_cmpuint (loaded->len, ==, 0);
  g_clear_pointer (&loaded, g_ptr_array_unref);
  /* Forgetting one dataset keeps the other's. */
  g_ptr_array_set_size (keys, 0);
  g_assert_true (tranche_lane_pins_save ("/data/[odd] name=1.json", keys, NULL));
  loaded = tranche_lane_pins_load ("/data/other.json");
  assert_pins (loaded, "money:x:y");
  file = g_build_filename (state, "tranche", "pinned-lanes.ini", NULL);
  g_assert_cmpint (g_remove (file), ==, 0);
  folder = g_path_get_dirname (file);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  g_assert_cmpint (g_rmdir (state), ==, 0);
}

static void
test_lane_index (void)
{
  g_autoptr(TrancheDataset) ds = many_pairs_dataset (6000);
  g_autoptr(TrancheDataset) mixed = random_dataset (3000, 30, 60, 1995, 25);

  for (TrancheLaneMode mode = TRANCHE_LANES_BY_PAIR; mode <= TRANCHE_LANES_BY_INVESTOR; mode++)
    {
      check_lane_index (ds, mode);
      check_lane_index (mixed, mode);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* Random datasets come from a fixed seed, so a failure can be replayed;
   * --seed on the command line still wins. */
  g_autofree char **args = g_new0 (char *, argc + 2);
  int n_args = 0;

  args[n_args++] = argv[0];
  args[n_args++] = (char *) "--seed=R02S0f1e2d3c4b5a69788796a5b4c3d2e1f0";
  for (int i = 1; i < argc; i++)
    args[n_args++] = argv[i];
  argv = args;
  argc = n_args;
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/timeline/marker-x-per-precision", test_marker_x_per_precision);
  g_test_add_func ("/timeline/area-ratio", test_area_ratio);
  g_test_add_func ("/timeline/sizes-fixed-per-dataset", test_sizes_fixed_per_dataset);
  g_test_add_func ("/timeline/labels-never-overlap", test_labels_never_overlap);
  g_test_add_func ("/timeline/clusters-sum", test_clusters_sum);
  g_test_add_func ("/timeline/culling-million", test_culling_million);
  g_test_add_func ("/timeline/hit-test", test_hit_test);
  g_test_add_func ("/timeline/lane-modes", test_lane_modes);
  g_test_add_func ("/timeline/many-pairs", test_many_pairs);
  g_test_add_func ("/timeline/lane-index", test_lane_index);
  g_test_add_func ("/timeline/lane-pins", test_lane_pins);
  return g_test_run ();
}
