/* tranche-window.c: the main window
 *
 * What is open — the dataset, the filter and its mask, the selected event,
 * the time range shown — is the window's TrancheSession; every view takes
 * the session and follows it. The window builds the views, keeps its title,
 * problems bar and actions in step with the session, and remembers its size.
 * Loading, actions and drag and drop live in tranche-window-load.c,
 * tranche-window-actions.c and tranche-window-dnd.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tranche-application.h"
#include "tranche-settings.h"
#include "tranche-window-edit.h"
#include "tranche-window-private.h"

G_DEFINE_FINAL_TYPE (TrancheWindow, tranche_window, ADW_TYPE_APPLICATION_WINDOW)

void
_tranche_window_add_toast (TrancheWindow *self,
           const char    *text)
{
  /* Toast titles are markup in libadwaita 1.2, and what we show can contain
   * file names: escape them so they stay text. */
  g_autofree char *escaped = g_markup_escape_text (text, -1);
  AdwToast *toast;

  /* Nothing pops up on the projector while presenting. */
  if (self->presenting)
    return;
  toast = adw_toast_new (escaped);
  g_set_weak_pointer (&self->last_toast, toast);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_tranche_window_update_actions (TrancheWindow *self)
{
  gboolean has_dataset = tranche_session_get_dataset (self->session) != NULL;
  const TrancheFilter *filter = tranche_session_get_filter (self->session);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reload", self->file != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-problems",
                                 self->diagnostics != NULL
                                 && tranche_diagnostics_get_length (self->diagnostics) > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-panel", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.clear-filters",
                                 has_dataset && !tranche_filter_is_empty (filter));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-table", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.copy-image", has_dataset);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.present", has_dataset);
  _tranche_window_edit_update_actions (self);
}

/* The header names what is open: the dataset's title, and the file it
 * comes from under it. How many events show is the filter bar's to say. */
static void
update_title (TrancheWindow *self)
{
  TrancheDataset *dataset = tranche_session_get_dataset (self->session);
  const char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *marked = NULL;

  if (dataset != NULL)
    {
      title = tranche_dataset_get_title (dataset);
      if (title == NULL || *title == '\0')
        title = _("Untitled Dataset");
      subtitle = _tranche_window_display_name (self->file);
      if (tranche_session_get_modified (self->session))
        /* Translators: the window title of a dataset with unsaved changes */
        title = marked = g_strdup_printf (_("• %s"), title);
    }
  adw_window_title_set_title (self->window_title, title ? title : _("Tranche"));
  adw_window_title_set_subtitle (self->window_title, subtitle ? subtitle : "");
  /* Where the file is, and the whole title when a narrow window cuts it. */
  if (dataset != NULL && self->file != NULL)
    {
      g_autofree char *where = g_file_get_parse_name (self->file);
      g_autofree char *tooltip = g_strdup_printf ("%s\n%s", title, where);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), tooltip);
    }
  else
    gtk_widget_set_tooltip_text (GTK_WIDGET (self->window_title), title);
  gtk_window_set_title (GTK_WINDOW (self), title ? title : _("Tranche"));
}

void
_tranche_window_update_problems (TrancheWindow *self,
                 gboolean       failed)
{
  guint n_errors = 0, n_warnings = 0;
  g_autofree char *text = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;

  if (self->diagnostics != NULL)
    {
      n_errors = tranche_diagnostics_count (self->diagnostics, TRANCHE_SEVERITY_ERROR);
      n_warnings = tranche_diagnostics_count (self->diagnostics, TRANCHE_SEVERITY_WARNING);
    }
  if (n_errors + n_warnings == 0)
    {
      gtk_revealer_set_reveal_child (self->problems_revealer, FALSE);
      _tranche_window_update_actions (self);
      return;
    }

  errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
  warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings), n_warnings);
  if (failed)
    /* Translators: "data.json could not be opened (1 error). The dataset already open is kept." */
    text = g_strdup_printf (_("%s could not be opened (%s). What was open is kept."),
                            self->problems_name, errors);
  else if (n_errors > 0)
    {
      TrancheDataset *dataset = tranche_session_get_dataset (self->session);
      guint skipped = tranche_dataset_get_n_skipped (dataset);
      g_autofree char *left_out = g_strdup_printf (ngettext ("%u event was left out",
                                                             "%u events were left out", skipped),
                                                   skipped);
      /* Translators: "data.json: 2 errors, 1 warning; 2 events were left out" */
      text = g_strdup_printf (_("%s: %s, %s; %s"), self->problems_name, errors, warnings,
                              left_out);
    }
  else
    /* Translators: "data.json: 2 warnings" */
    text = g_strdup_printf (_("%s: %s"), self->problems_name, warnings);

  gtk_label_set_text (self->problems_label, text);
  gtk_image_set_from_icon_name (self->problems_icon, n_errors > 0 ? "dialog-error-symbolic"
                                                                  : "dialog-warning-symbolic");
  gtk_revealer_set_reveal_child (self->problems_revealer, TRUE);
  _tranche_window_update_actions (self);
}

/* The page to show, and where the keyboard goes, follow the dataset. */
static void
session_dataset_changed_cb (TrancheWindow *self)
{
  gboolean had_dataset = self->has_dataset;

  self->has_dataset = tranche_session_get_dataset (self->session) != NULL;
  /* A reload while presenting must not end the presentation: the page to
   * come back to changes instead. */
  if (self->presenting)
    {
      g_free (self->stack_page);
      self->stack_page = g_strdup (self->has_dataset ? "dataset" : "empty");
    }
  else if (self->has_dataset)
    /* No crossfade into the charts: it draws the whole page into an
     * offscreen image every frame for a fifth of a second, 100-250 ms of
     * the main thread at a time with the cairo renderer after a big load. */
    gtk_stack_set_visible_child_full (self->main_stack, "dataset",
                                      GTK_STACK_TRANSITION_TYPE_NONE);
  else
    gtk_stack_set_visible_child_name (self->main_stack, "empty");
  /* A first dataset puts the keyboard on the timeline, so arrows step
   * through events at once; a reload leaves the focus where it was. */
  if (!had_dataset && self->has_dataset)
    gtk_widget_grab_focus (GTK_WIDGET (self->timeline));
  update_title (self);
  _tranche_window_update_actions (self);
}

static void
session_mask_changed_cb (TrancheWindow *self)
{
  _tranche_window_update_actions (self);
}

static void
event_activated_cb (TrancheWindow *self,
                    int            index)
{
  /* Enter or a double-click on an event: show where its figures come from,
   * and where it sits in time when it came from the table. */
  adw_flap_set_reveal_flap (self->flap, TRUE);
  tranche_session_set_selected (self->session, index);
  tranche_timeline_view_go_to_event (self->timeline, index);
}

static void
lane_grouping_changed_cb (TrancheWindow *self)
{
  tranche_timeline_view_set_lane_mode (self->timeline,
                                       g_settings_get_enum (self->settings, "lane-grouping"));
}

static void
save_window_state (TrancheWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && !gtk_window_is_fullscreen (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
tranche_window_close_request (GtkWindow *window)
{
  if (_tranche_window_edit_close_request (TRANCHE_WINDOW (window)))
    return TRUE;
  save_window_state (TRANCHE_WINDOW (window));
  return GTK_WINDOW_CLASS (tranche_window_parent_class)->close_request (window);
}

/* Runs more than once (GTK disposes a window as it closes, and again when
 * it is finalized): every step copes with having been done. */
static void
tranche_window_dispose (GObject *object)
{
  TrancheWindow *self = TRANCHE_WINDOW (object);

  _tranche_window_dispose_load (self);
  _tranche_window_edit_dispose (self);
  g_signal_handlers_disconnect_by_data (gtk_recent_manager_get_default (), self);
  g_clear_weak_pointer (&self->focus_before);
  g_clear_weak_pointer (&self->last_toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRANCHE_TYPE_WINDOW);
  /* they lived in the template's boxes, and are gone with them */
  self->filter_bar = NULL;
  self->timeline = NULL;
  self->lower_charts = NULL;
  self->valuation = NULL;
  self->cumulative = NULL;
  self->table = NULL;
  self->source_panel = NULL;
  self->presentation = NULL;
  G_OBJECT_CLASS (tranche_window_parent_class)->dispose (object);
}

static void
tranche_window_finalize (GObject *object)
{
  TrancheWindow *self = TRANCHE_WINDOW (object);

  g_clear_pointer (&self->diagnostics, tranche_diagnostics_unref);
  g_clear_pointer (&self->problems_name, g_free);
  g_clear_object (&self->file);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);
  g_clear_pointer (&self->stack_page, g_free);
  G_OBJECT_CLASS (tranche_window_parent_class)->finalize (object);
}

static void
tranche_window_class_init (TrancheWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = tranche_window_dispose;
  object_class->finalize = tranche_window_finalize;
  window_class->close_request = tranche_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tranche/Tranche/tranche-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, header_revealer);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, problems_revealer);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, problems_icon);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, problems_label);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, removed_revealer);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, removed_label);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, loading_progress);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, content_box);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, charts_box);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, table_box);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, panel_box);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, drop_target);

  _tranche_window_class_add_actions (widget_class);
  _tranche_window_edit_class_init (widget_class);
}

/* When the window gets too narrow the panel folds over the charts: it is
 * then hidden until asked for, and comes back as it was on unfolding. Only
 * what the analyst chooses while unfolded is remembered. */
static void
flap_folded_cb (TrancheWindow *self)
{
  if (adw_flap_get_folded (self->flap))
    adw_flap_set_reveal_flap (self->flap, FALSE);
  else
    adw_flap_set_reveal_flap (self->flap, g_settings_get_boolean (self->settings, "show-panel"));
}

static void
flap_revealed_cb (TrancheWindow *self)
{
  if (!adw_flap_get_folded (self->flap))
    g_settings_set_boolean (self->settings, "show-panel", adw_flap_get_reveal_flap (self->flap));
}

/* The first time the split gets a size, give the timeline three fifths of
 * the height; with both sides resizable GTK then keeps that proportion as
 * the window changes size, and the analyst can drag it. */
static void
paned_max_position_cb (GtkPaned   *paned,
                       GParamSpec *pspec,
                       gpointer    user_data)
{
  int max = 0;

  g_object_get (paned, "max-position", &max, NULL);
  if (max <= 0)
    return;
  /* max-position is the height less the charts' minimum, not the height */
  gtk_paned_set_position (paned, MIN (max, gtk_widget_get_height (GTK_WIDGET (paned)) * 3 / 5));
  g_signal_handlers_disconnect_by_func (paned, paned_max_position_cb, user_data);
}

/* With both lower charts hidden the timeline takes the whole height. */
static void
update_lower_charts (TrancheWindow *self)
{
  gtk_widget_set_visible (self->lower_charts,
                          g_settings_get_boolean (self->settings, "show-valuation")
                          || g_settings_get_boolean (self->settings, "show-cumulative"));
}

static void
add_settings_actions (TrancheWindow *self)
{
  static const char * const keys[] = { "show-valuation", "show-cumulative" };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autoptr(GAction) action = g_settings_create_action (self->settings, keys[i]);
      g_action_map_add_action (G_ACTION_MAP (group), action);
    }
  gtk_widget_insert_action_group (GTK_WIDGET (self), "charts", G_ACTION_GROUP (group));
}

/* The charts, table, filter bar, panel and presentation each show a part
 * of the session, and each follows it through its one `session` property. */
static void
add_children (TrancheWindow *self)
{
  GtkWidget *charts_paned;

  self->filter_bar = TRANCHE_FILTER_BAR (tranche_filter_bar_new ());
  gtk_widget_set_margin_start (GTK_WIDGET (self->filter_bar), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->filter_bar), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->filter_bar), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->filter_bar), 6);
  gtk_box_prepend (self->content_box, GTK_WIDGET (self->filter_bar));
  tranche_filter_bar_set_session (self->filter_bar, self->session);

  self->timeline = TRANCHE_TIMELINE_VIEW (tranche_timeline_view_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->timeline), TRUE);
  tranche_timeline_view_set_session (self->timeline, self->session);
  g_signal_connect_swapped (self->timeline, "event-activated", G_CALLBACK (event_activated_cb),
                            self);

  self->valuation = TRANCHE_CHART_VIEW (tranche_chart_view_new (TRANCHE_CHART_VALUATION));
  self->cumulative = TRANCHE_CHART_VIEW (tranche_chart_view_new (TRANCHE_CHART_CUMULATIVE));
  self->lower_charts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  for (guint i = 0; i < 2; i++)
    {
      TrancheChartView *chart = i == 0 ? self->valuation : self->cumulative;
      gtk_widget_set_vexpand (GTK_WIDGET (chart), TRUE);
      tranche_chart_view_set_session (chart, self->session);
      gtk_box_append (GTK_BOX (self->lower_charts), GTK_WIDGET (chart));
    }
  g_settings_bind (self->settings, "show-valuation", self->valuation, "visible",
                   G_SETTINGS_BIND_GET);
  g_settings_bind (self->settings, "show-cumulative", self->cumulative, "visible",
                   G_SETTINGS_BIND_GET);

  /* The timeline on top, the two charts under it; the analyst can move the
   * split, and a resize goes mostly to the timeline. */
  charts_paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  gtk_paned_set_start_child (GTK_PANED (charts_paned), GTK_WIDGET (self->timeline));
  gtk_paned_set_end_child (GTK_PANED (charts_paned), self->lower_charts);
  gtk_paned_set_shrink_start_child (GTK_PANED (charts_paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (charts_paned), FALSE);
  gtk_widget_set_vexpand (charts_paned, TRUE);
  g_signal_connect (charts_paned, "notify::max-position", G_CALLBACK (paned_max_position_cb),
                    NULL);
  gtk_box_append (self->charts_box, charts_paned);
  g_signal_connect_object (self->settings, "changed::show-valuation",
                           G_CALLBACK (update_lower_charts), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->settings, "changed::show-cumulative",
                           G_CALLBACK (update_lower_charts), self, G_CONNECT_SWAPPED);
  update_lower_charts (self);

  self->table = TRANCHE_EVENT_TABLE (tranche_event_table_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->table), TRUE);
  gtk_box_append (self->table_box, GTK_WIDGET (self->table));
  tranche_event_table_set_session (self->table, self->session);
  g_signal_connect_swapped (self->table, "event-activated", G_CALLBACK (event_activated_cb), self);

  self->source_panel = TRANCHE_SOURCE_PANEL (tranche_source_panel_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->source_panel), TRUE);
  gtk_box_append (self->panel_box, GTK_WIDGET (self->source_panel));
  tranche_source_panel_set_session (self->source_panel, self->session);

  /* Presentation mode takes the whole window while it lasts. */
  self->presentation = TRANCHE_PRESENTATION_VIEW (tranche_presentation_view_new ());
  tranche_presentation_view_set_session (self->presentation, self->session);
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->presentation), "presentation");
  g_signal_connect_object (self->presentation, "finished", G_CALLBACK (_tranche_window_presentation_finished),
                           self, G_CONNECT_SWAPPED);
}

static void
tranche_window_init (TrancheWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->session = tranche_session_new ();
  self->settings = tranche_settings_new ();
  add_children (self);
  /* after the views: they follow the session first, then the window's
   * title and focus do */
  g_signal_connect_object (self->session, "notify::dataset",
                           G_CALLBACK (session_dataset_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::mask",
                           G_CALLBACK (session_mask_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::filter",
                           G_CALLBACK (_tranche_window_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session, "notify::modified",
                           G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  _tranche_window_edit_init (self);
  add_settings_actions (self);
  g_signal_connect_object (self->settings, "changed::lane-grouping",
                           G_CALLBACK (lane_grouping_changed_cb), self, G_CONNECT_SWAPPED);
  lane_grouping_changed_cb (self);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  adw_flap_set_reveal_flap (self->flap, g_settings_get_boolean (self->settings, "show-panel"));
  g_signal_connect_swapped (self->flap, "notify::folded", G_CALLBACK (flap_folded_cb), self);
  g_signal_connect_swapped (self->flap, "notify::reveal-flap", G_CALLBACK (flap_revealed_cb),
                            self);

  _tranche_window_init_dnd (self);
  _tranche_window_init_actions (self);

  gtk_stack_set_visible_child_name (self->main_stack, "empty");
  update_title (self);
  _tranche_window_update_actions (self);
}

TrancheWindow *
tranche_window_new (TrancheApplication *application)
{
  return g_object_new (TRANCHE_TYPE_WINDOW, "application", application, NULL);
}

void
tranche_window_open_file (TrancheWindow *self,
                          GFile         *file)
{
  g_return_if_fail (TRANCHE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* A spreadsheet is shown in the import dialog first, whatever opened it
   * (the Open dialog, a drop, a recent file, the command line). */
  if (_tranche_window_is_csv (file))
    {
      tranche_window_import_csv (self, file);
      return;
    }
  _tranche_window_start_load (self, file, FALSE);
}

void
tranche_window_open_sample (TrancheWindow *self)
{
  g_return_if_fail (TRANCHE_IS_WINDOW (self));

  _tranche_window_load_sample (self);
}

gboolean
tranche_window_is_loading (TrancheWindow *self)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), FALSE);
  return self->loading != NULL;
}

TrancheSession *
tranche_window_get_session (TrancheWindow *self)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);
  return self->session;
}

TrancheDataset *
tranche_window_get_dataset (TrancheWindow *self)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);
  return tranche_session_get_dataset (self->session);
}

TrancheDiagnostics *
tranche_window_get_diagnostics (TrancheWindow *self)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);
  return self->diagnostics;
}

GFile *
tranche_window_get_file (TrancheWindow *self)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);
  return self->file;
}

const TrancheFilter *
tranche_window_get_filter (TrancheWindow *self)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);
  return tranche_session_get_filter (self->session);
}

void
tranche_window_set_filter (TrancheWindow       *self,
                           const TrancheFilter *filter)
{
  g_return_if_fail (TRANCHE_IS_WINDOW (self));
  g_return_if_fail (filter != NULL);

  tranche_session_set_filter (self->session, filter);
}

GBytes *
tranche_window_get_mask (TrancheWindow *self)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);
  return tranche_session_get_mask_bytes (self->session);
}

int
tranche_window_get_selected (TrancheWindow *self)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), -1);
  return tranche_session_get_selected (self->session);
}

void
tranche_window_set_selected (TrancheWindow *self,
                             int            selected)
{
  g_return_if_fail (TRANCHE_IS_WINDOW (self));

  tranche_session_set_selected (self->session, selected);
}

TrancheTimelineView *
tranche_window_get_timeline (TrancheWindow *self)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);
  return self->timeline;
}

TrancheChartView *
tranche_window_get_chart (TrancheWindow    *self,
                          TrancheChartKind  kind)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);
  return kind == TRANCHE_CHART_VALUATION ? self->valuation : self->cumulative;
}

TrancheEventTable *
tranche_window_get_table (TrancheWindow *self)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);
  return self->table;
}

TrancheSourcePanel *
tranche_window_get_source_panel (TrancheWindow *self)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);
  return self->source_panel;
}
