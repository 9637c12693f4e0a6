/* test-legend.c: the timeline legend as a filter, in a window
 *
 * A click on an investor's name in the legend filters on it (the filter bar
 * shows the chip), again stops; "+N more" opens every entity in a list that
 * can be searched, and a row filters as a name does. Items are activated as
 * a click on them does (tranche_timeline_view_activate_legend_item), and
 * found where the legend draws them (tranche_timeline_layout_legend_hit).
 */
#include "config.h"

#include <string.h>

#include "gui-test-util.h"
#include "tranche-legend-popover.h"

#define N_INVESTORS 12

/* One investment by each of N_INVESTORS investors into one company: more
 * names than the legend has room for. */
static GFile *
write_many_investors (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "many.json", NULL);
  GString *json = g_string_new ("{\"tranche\": 1, \"title\": \"Many\", \"entities\": [\n"
                                "  {\"id\": \"helio\", \"name\": \"Helio\"}");

  for (guint i = 0; i < N_INVESTORS; i++)
    g_string_append_printf (json, ",\n  {\"id\": \"inv%02u\", \"name\": \"Investor %02u\", "
                                  "\"kind\": \"investor\"}", i, i);
  g_string_append (json, "],\n\"events\": [");
  for (guint i = 0; i < N_INVESTORS; i++)
    g_string_append_printf (json, "%s\n  {\"id\": \"e%02u\", \"date\": \"%u\", "
                                  "\"title\": \"Round %u\", \"investors\": [\"inv%02u\"], "
                                  "\"target\": \"helio\", \"amount\": %u000000}",
                            i ? "," : "", i, 2010 + i, i, i, 10 * (i + 1));
  g_string_append (json, "\n]}\n");
  gui_test_write_file (path, json->str, TRUE);
  g_string_free (json, TRUE);
  return g_file_new_for_path (path);
}

/* The legend item naming `entity`, or (G_MAXUINT32) the "+N more" one. */
static int
find_item (TrancheTimelineView *timeline,
           guint32              entity)
{
  TrancheTimelineLayout *layout = tranche_timeline_view_get_layout (timeline);

  for (guint i = 0; i < tranche_timeline_layout_get_n_legend_items (layout); i++)
    {
      const TrancheTimelineLegendItem *item = tranche_timeline_layout_get_legend_item (layout, i);
      if (entity == G_MAXUINT32 ? item->n_more > 0 : item->entity == entity)
        return (int) i;
    }
  return -1;
}

static gboolean
filters_investor (TrancheWindow *window,
                  const char    *id)
{
  return tranche_filter_has (tranche_window_get_filter (window), TRANCHE_FILTER_INVESTOR, id);
}

static void
test_name_filters (void)
{
  TrancheWindow *window = gui_test_new_window ();
  TrancheTimelineView *timeline = tranche_window_get_timeline (window);
  TrancheTimelineLayout *layout;
  const TrancheTimelineLegendItem *item;
  TrancheDataset *ds;
  g_autofree char *tooltip = NULL;
  guint32 microsoft;
  int index;

  tranche_window_open_sample (window);
  ds = tranche_window_get_dataset (window);
  microsoft = tranche_dataset_find_entity (ds, "microsoft");
  gui_test_wait_frames (GTK_WIDGET (timeline), 2);
  layout = tranche_timeline_view_get_layout (timeline);
  index = find_item (timeline, microsoft);
  g_assert_cmpint (index, >=, 0);
  item = tranche_timeline_layout_get_legend_item (layout, index);
  g_assert_cmpstr (item->text, ==, "Microsoft");
  /* Where the name is drawn, the legend is hit; keys (sizes) do nothing. */
  g_assert_cmpint (tranche_timeline_layout_legend_hit (layout, item->text_x + 2, item->text_y + 2),
                   ==, index);
  g_assert_cmpint (tranche_timeline_layout_legend_hit (layout, -10, -10), ==, -1);
  for (guint i = 0; i < tranche_timeline_layout_get_n_legend_items (layout); i++)
    if (tranche_timeline_layout_get_legend_item (layout, i)->kind == TRANCHE_LEGEND_SIZE)
      g_assert_false (tranche_timeline_view_activate_legend_item (timeline, i));

  /* A click filters on Microsoft (the tooltip says so): the filter bar shows it. */
  tooltip = tranche_legend_dup_tooltip (tranche_window_get_session (window),
                                        TRANCHE_LANES_BY_PAIR, item);
  g_assert_cmpstr (tooltip, ==, "Click to filter on Microsoft");
  g_clear_pointer (&tooltip, g_free);
  g_assert_true (tranche_timeline_view_activate_legend_item (timeline, index));
  g_assert_true (filters_investor (window, "microsoft"));
  wait_for (gui_test_find_shown_label (GTK_WIDGET (window), "3 of 13 events") != NULL);
  wait_for (gui_test_find_shown_label (GTK_WIDGET (window), "Investor: Microsoft") != NULL);

  /* Again: the filter goes. */
  gui_test_wait_frames (GTK_WIDGET (timeline), 2);
  index = find_item (timeline, microsoft);
  g_assert_cmpint (index, >=, 0);
  layout = tranche_timeline_view_get_layout (timeline);
  tooltip = tranche_legend_dup_tooltip (tranche_window_get_session (window), TRANCHE_LANES_BY_PAIR,
                                        tranche_timeline_layout_get_legend_item (layout, index));
  g_assert_cmpstr (tooltip, ==, "Click to stop filtering on Microsoft");
  g_assert_true (tranche_timeline_view_activate_legend_item (timeline, index));
  g_assert_false (filters_investor (window, "microsoft"));
  g_assert_true (tranche_filter_is_empty (tranche_window_get_filter (window)));
  wait_for (gui_test_find_shown_label (GTK_WIDGET (window), "13 events") != NULL);
  gui_test_destroy_window (window);
}

static void
test_more_opens_list (void)
{
  g_autofree char *dir = gui_test_make_dir ();
  g_autoptr(GFile) file = write_many_investors (dir);
  TrancheWindow *window = gui_test_new_window ();
  TrancheTimelineView *timeline = tranche_window_get_timeline (window);
  TrancheTimelineLayout *layout;
  TrancheLegendPopover *popover;
  int index;

  gui_test_open_and_wait (window, file);
  g_assert_cmpuint (tranche_dataset_get_n_events (tranche_window_get_dataset (window)), ==,
                    N_INVESTORS);
  gui_test_wait_frames (GTK_WIDGET (timeline), 2);
  layout = tranche_timeline_view_get_layout (timeline);
  index = find_item (timeline, G_MAXUINT32);
  g_assert_cmpint (index, >=, 0);
  g_assert_nonnull (strstr (tranche_timeline_layout_get_legend_item (layout, index)->text,
                            "more"));

  /* "+4 more" opens the list of all twelve. */
  g_assert_null (tranche_timeline_view_get_legend_popover (timeline));
  g_assert_true (tranche_timeline_view_activate_legend_item (timeline, index));
  popover = TRANCHE_LEGEND_POPOVER (tranche_timeline_view_get_legend_popover (timeline));
  g_assert_nonnull (popover);
  wait_for (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  g_assert_cmpuint (tranche_legend_popover_count_shown (popover), ==, N_INVESTORS);
  wait_for (gui_test_find_shown_label (GTK_WIDGET (popover), "Investor 11") != NULL);

  /* Searched, then the first row shown activated (Enter): it filters. */
  tranche_legend_popover_set_search (popover, "investor 1");
  g_assert_cmpuint (tranche_legend_popover_count_shown (popover), ==, 2);  /* 10 and 11 */
  tranche_legend_popover_set_search (popover, "TOR 11");
  g_assert_cmpuint (tranche_legend_popover_count_shown (popover), ==, 1);
  tranche_legend_popover_activate_first (popover);
  g_assert_true (filters_investor (window, "inv11"));
  wait_for (!gtk_widget_get_visible (GTK_WIDGET (popover)));
  wait_for (gui_test_find_shown_label (GTK_WIDGET (window), "1 of 12 events") != NULL);

  /* The same entity again stops filtering on it. */
  tranche_legend_toggle_filter (tranche_window_get_session (window), TRANCHE_LANES_BY_PAIR,
                                tranche_dataset_find_entity (tranche_window_get_dataset (window),
                                                             "inv11"));
  g_assert_true (tranche_filter_is_empty (tranche_window_get_filter (window)));
  gui_test_destroy_window (window);
  gui_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (!gui_test_init (&argc, &argv))
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  g_test_add_func ("/legend/name-filters", test_name_filters);
  g_test_add_func ("/legend/more-opens-list", test_more_opens_list);
  return g_test_run ();
}
