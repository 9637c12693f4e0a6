/* tranche-timeline-view.c: the interactive timeline
 *
 * Thin by design: core lays the scene out and paints it; this widget turns
 * pointer, touch and keys into a new visible range (shared through the
 * viewport with the other charts), a hovered and a selected event, and
 * animates range changes on the frame clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tranche-draw.h"
#include "tranche-frame-budget.h"
#include "tranche-enums.h"
#include "tranche-mask.h"
#include "tranche-session.h"
#include "tranche-time-gestures.h"
#include "tranche-timeline-layout.h"
#include "tranche-timeline-painter.h"
#include "tranche-timeline-view.h"
#include "tranche-timeline-view-private.h"

#define ANIMATION_USEC (280 * 1000)
#define HIT_TOLERANCE 4.0
#define KEY_ZOOM 1.5


G_DEFINE_FINAL_TYPE (TrancheTimelineView, tranche_timeline_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_DATASET,
  PROP_MASK,
  PROP_VIEWPORT,
  PROP_SELECTED,
  PROP_HOVERED,
  PROP_LANE_MODE,
  N_PROPS
};

enum {
  EVENT_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean
event_is_shown (TrancheTimelineView *self,
                guint                index)
{
  /* The dataset and the mask can be set apart: never index a mask made for
   * another dataset. */
  GBytes *mask = tranche_mask_bytes_for (self->mask, self->dataset);

  g_assert (self->dataset != NULL && index < tranche_dataset_get_n_events (self->dataset));
  if (mask == NULL)
    return TRUE;
  return ((const guint8 *) g_bytes_get_data (mask, NULL))[index] != 0;
}

/* The session's dataset and mask, always made for each other. The
 * selection bound both ways is let go meanwhile: a new dataset clears this
 * view's selection, which must not clear the one the session kept. Bound
 * again, it takes the session's. */
static void
session_dataset_changed_cb (TrancheTimelineView *self)
{
  TrancheDataset *dataset = tranche_session_get_dataset (self->session);
  GBytes *mask = tranche_session_get_mask_bytes (self->session);
  TrancheViewData *views = tranche_session_get_view_data (self->session);
  TrancheLaneIndex *index = NULL;

  g_assert (self->session != NULL);

  /* A lane index made in the loading worker: the layout takes it, and the
   * setters below find nothing left to build. */
  if (views != NULL)
    index = tranche_view_data_take_lane_index (views, dataset, self->lane_mode, mask);
  if (index != NULL)
    tranche_timeline_layout_set_data_with_index (self->layout, dataset, mask, index);
  g_binding_group_set_source (self->session_bindings, NULL);
  tranche_timeline_view_set_dataset (self, dataset);
  tranche_timeline_view_set_mask (self, mask);
  g_binding_group_set_source (self->session_bindings, self->session);
}

/* A new filter: the selection stays bound, so a view that lets go of a
 * selected event it no longer shows tells the session, as it would with
 * any other choice. */
static void
session_mask_changed_cb (TrancheTimelineView *self)
{
  g_assert (self->session != NULL);

  if (self->dataset != tranche_session_get_dataset (self->session))
    session_dataset_changed_cb (self);
  else
    tranche_timeline_view_set_mask (self, tranche_session_get_mask_bytes (self->session));
}

static gboolean
current_scale (TrancheTimelineView *self,
               TrancheTimeScale    *scale)
{
  return tranche_time_gestures_get_scale (self->gestures, scale);
}

static void
apply_scale (TrancheTimelineView    *self,
             const TrancheTimeScale *scale)
{
  if (self->viewport != NULL)
    tranche_viewport_set_range (self->viewport, scale->first, scale->end);
}

static void
stop_animation (TrancheTimelineView *self)
{
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
}

static gboolean
animation_tick_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  TrancheTimelineView *self = TRANCHE_TIMELINE_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double t = CLAMP ((double) (now - self->anim_start) / ANIMATION_USEC, 0, 1);
  double eased = 1 - pow (1 - t, 3);
  TrancheTimeScale scale;

  tranche_time_scale_interpolate (&self->anim_from, &self->anim_to, eased, &scale);
  apply_scale (self, &scale);
  if (t >= 1)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

/* Moves to `target` smoothly, or at once when animations are off. */
static void
animate_to (TrancheTimelineView    *self,
            const TrancheTimeScale *target)
{
  TrancheTimeScale from;
  gboolean animate = FALSE;

  stop_animation (self);
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)),
                "gtk-enable-animations", &animate, NULL);
  if (!animate || !gtk_widget_get_mapped (GTK_WIDGET (self)) || !current_scale (self, &from))
    {
      apply_scale (self, target);
      return;
    }
  self->anim_from = from;
  self->anim_to = *target;
  self->anim_start = gdk_frame_clock_get_frame_time (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), animation_tick_cb, NULL, NULL);
}

static gboolean
fit_scale (TrancheTimelineView *self,
           TrancheTimeScale    *scale)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  TrancheDay first, end;
  double plot_x = 0, plot_width = width;

  if (self->dataset == NULL || width <= 0 || height <= 0)
    return FALSE;
  if (!tranche_timeline_layout_fit_range (self->layout, width, height, &first, &end))
    return FALSE;
  if (self->viewport != NULL)
    tranche_viewport_get_plot (self->viewport, &plot_x, &plot_width);
  tranche_time_scale_init (scale, first, end, plot_x, MAX (1, plot_width));
  return TRUE;
}

static void
set_hovered (TrancheTimelineView *self,
             int                  hovered)
{
  if (self->hovered == hovered)
    return;
  self->hovered = hovered;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOVERED]);
}

/* Brings an event into view when it is outside, keeping the zoom level. */
static void
reveal_event (TrancheTimelineView *self,
              guint                index)
{
  const TrancheEvent *ev = tranche_dataset_get_event (self->dataset, index);
  TrancheTimeScale scale, target;
  TrancheDay middle = tranche_date_middle_day (&ev->date);
  double x, margin;

  if (!current_scale (self, &scale))
    return;
  x = tranche_time_scale_day_to_x (&scale, middle);
  margin = scale.width * 0.08;
  if (x >= scale.x + margin && x <= scale.x + scale.width - margin)
    return;
  target = scale;
  tranche_time_scale_pan (&target, scale.x + scale.width / 2 - x);
  animate_to (self, &target);
}

static int
step_event (TrancheTimelineView *self,
            int                  from,
            int                  direction)
{
  int n = (int) tranche_dataset_get_n_events (self->dataset);
  int i = from;

  if (from < 0)
    {
      /* Nothing selected: start from what is in view. */
      TrancheTimeScale scale;
      if (current_scale (self, &scale))
        {
          guint first = tranche_dataset_lower_bound (self->dataset,
                                                     direction > 0 ? scale.first : scale.end);
          i = direction > 0 ? (int) first - 1 : (int) first;
        }
      else
        i = direction > 0 ? -1 : n;
    }
  for (i += direction; i >= 0 && i < n; i += direction)
    if (event_is_shown (self, i))
      return i;
  return from;
}

/* Key zooms animate; a second press during the animation zooms further from
 * where the first one was going, not from where it happens to be. */
static void
zoom_at (TrancheTimelineView *self,
         double               factor,
         double               anchor_x)
{
  TrancheTimeScale scale;

  if (!current_scale (self, &scale))
    return;
  if (self->tick_id != 0)
    scale = self->anim_to;
  tranche_time_scale_zoom (&scale, factor, anchor_x);
  animate_to (self, &scale);
}

gboolean
_tranche_timeline_view_hit_event (TrancheTimelineView *self,
                                  double               x,
                                  double               y,
                                  TrancheTimelineHit  *hit)
{
  if (self->dataset == NULL)
    return FALSE;
  return tranche_timeline_layout_hit_test (self->layout, x, y, HIT_TOLERANCE, hit);
}

static void
zoom_into_cluster (TrancheTimelineView *self,
                   guint                cluster_index)
{
  const guint *members;
  guint n_members;
  TrancheDay first = G_MAXDOUBLE, end = -G_MAXDOUBLE;
  TrancheTimeScale scale;

  members = tranche_timeline_layout_get_cluster_members (self->layout, cluster_index, &n_members);
  for (guint i = 0; i < n_members; i++)
    {
      const TrancheEvent *ev = tranche_dataset_get_event (self->dataset, members[i]);
      first = MIN (first, tranche_date_middle_day (&ev->date));
      end = MAX (end, tranche_date_middle_day (&ev->date));
    }
  if (!current_scale (self, &scale))
    return;
  /* A margin of a third on each side leaves room to tell members apart. */
  tranche_time_scale_fit (&scale, first, MAX (end, first + TRANCHE_TIME_SCALE_MIN_SPAN),
                          scale.width / 3);
  animate_to (self, &scale);
}

static void
centre_on_event (TrancheTimelineView *self,
                 guint                index)
{
  const TrancheEvent *ev = tranche_dataset_get_event (self->dataset, index);
  TrancheTimeScale scale;
  double x;

  if (!current_scale (self, &scale))
    return;
  x = tranche_time_scale_day_to_x (&scale, tranche_date_middle_day (&ev->date));
  tranche_time_scale_pan (&scale, scale.x + scale.width / 2 - x);
  animate_to (self, &scale);
}

static void
viewport_changed_cb (TrancheTimelineView *self)
{
  TrancheDay first, end;

  /* A cleared range (a new dataset) is fitted at the next allocation. */
  if (!tranche_viewport_get_range (self->viewport, &first, &end))
    gtk_widget_queue_allocate (GTK_WIDGET (self));
  else
    {
      TrancheDay data_first, data_end;
      int width = gtk_widget_get_width (GTK_WIDGET (self));
      int height = gtk_widget_get_height (GTK_WIDGET (self));

      /* Zoomed or panned out past the data and a margin: back within it
       * (the fitted range, markers' room included, is the data here). */
      if (self->dataset != NULL && width > 0 && height > 0
          && tranche_timeline_layout_fit_range (self->layout, width, height, &data_first,
                                                &data_end)
          && tranche_time_scale_bound_range (&first, &end, data_first, data_end))
        {
          tranche_viewport_set_range (self->viewport, first, end);
          return;
        }
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
style_changed_cb (TrancheTimelineView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  tranche_theme_init (&self->theme,
                      adw_style_manager_get_dark (manager) ? TRANCHE_THEME_DARK
                                                           : TRANCHE_THEME_LIGHT,
                      self->type_scale);
  tranche_timeline_layout_set_theme (self->layout, &self->theme);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TrancheTimelineView      *self)
{
  TrancheTimelineHit hit;
  int item = self->dataset ? tranche_timeline_layout_legend_hit (self->layout, x, y) : -1;
  const TrancheTimelineLegendItem *legend =
    item >= 0 ? tranche_timeline_layout_get_legend_item (self->layout, item) : NULL;

  set_hovered (self, _tranche_timeline_view_hit_event (self, x, y, &hit) ? (int) hit.event : -1);
  /* Legend names filter when clicked: say so with the pointer. */
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                   legend != NULL && self->session != NULL
                                   && (legend->entity != TRANCHE_NO_ENTITY || legend->n_more > 0)
                                   ? "pointer" : NULL);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          TrancheTimelineView      *self)
{
  set_hovered (self, -1);
}

static void
gesture_interrupt_cb (gpointer user_data)
{
  stop_animation (TRANCHE_TIMELINE_VIEW (user_data));
}

static void
pressed_cb (GtkGestureClick     *gesture,
            int                  n_press,
            double               x,
            double               y,
            TrancheTimelineView *self)
{
  TrancheTimelineHit hit;
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  int legend_item, lane;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  /* A lane's menu: a right-click on its row, or a click on its header. */
  lane = _tranche_timeline_view_lane_at (self, x, y, button == GDK_BUTTON_SECONDARY);
  if (n_press == 1 && lane >= 0 && button != GDK_BUTTON_MIDDLE
      && tranche_timeline_view_popup_lane_menu (self, lane, x, y))
    return;
  if (button != GDK_BUTTON_PRIMARY)
    return;
  legend_item = self->dataset ? tranche_timeline_layout_legend_hit (self->layout, x, y) : -1;
  if (n_press == 1 && legend_item >= 0
      && tranche_timeline_view_activate_legend_item (self, legend_item))
    return;
  if (!_tranche_timeline_view_hit_event (self, x, y, &hit))
    {
      if (n_press == 1)
        tranche_timeline_view_set_selected (self, -1);
      return;
    }

  if (n_press == 2)
    {
      if (hit.kind == TRANCHE_HIT_CLUSTER)
        zoom_into_cluster (self, hit.index);
      else
        centre_on_event (self, hit.event);
      return;
    }
  tranche_timeline_view_set_selected (self, hit.event);
}

static void
select_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrancheTimelineView *self = TRANCHE_TIMELINE_VIEW (widget);
  int next;

  if (self->dataset == NULL || tranche_dataset_get_n_events (self->dataset) == 0)
    return;
  next = step_event (self, self->selected, g_variant_get_int32 (parameter));
  if (next >= 0)
    {
      tranche_timeline_view_set_selected (self, next);
      reveal_event (self, next);
    }
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrancheTimelineView *self = TRANCHE_TIMELINE_VIEW (widget);
  TrancheTimeScale scale;
  double anchor;

  if (!current_scale (self, &scale))
    return;
  anchor = scale.x + scale.width / 2;
  /* Zoom around the selection when it is in view, so it stays put. */
  if (self->selected >= 0)
    {
      const TrancheEvent *ev = tranche_dataset_get_event (self->dataset, self->selected);
      double x = tranche_time_scale_day_to_x (&scale, tranche_date_middle_day (&ev->date));
      if (x >= scale.x && x <= scale.x + scale.width)
        anchor = x;
    }
  zoom_at (self, g_variant_get_int32 (parameter) > 0 ? KEY_ZOOM : 1 / KEY_ZOOM, anchor);
}

static void
fit_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  tranche_timeline_view_fit (TRANCHE_TIMELINE_VIEW (widget), TRUE);
}

static void
activate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  TrancheTimelineView *self = TRANCHE_TIMELINE_VIEW (widget);

  if (self->selected >= 0)
    g_signal_emit (self, signals[EVENT_ACTIVATED], 0, self->selected);
}

static void
tranche_timeline_view_snapshot (GtkWidget   *widget,
                                GtkSnapshot *snapshot)
{
  TrancheTimelineView *self = TRANCHE_TIMELINE_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;
  TrancheTimeScale scale;
  const TrancheRect *plot;
  TrancheDay pointer_day;
  gboolean deferred;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* A large dataset's first layout waits for the frame's budget, as the
   * charts' do (tranche-frame-budget.c); the timeline, drawn first, gets it. */
  deferred = self->dataset != NULL && self->laid_out != self->dataset
             && tranche_dataset_get_n_events (self->dataset) >= TRANCHE_FRAME_BUDGET_MIN_EVENTS
             && !tranche_frame_budget_take (widget);
  if (deferred)
    tranche_frame_budget_come_back (widget);
  if (self->dataset == NULL || deferred || !current_scale (self, &scale))
    {
      tranche_draw_set_color (cr, self->theme.background);
      cairo_paint (cr);
      cairo_destroy (cr);
      return;
    }
  self->laid_out = self->dataset;

  tranche_timeline_layout_update (self->layout, width, height, scale.first, scale.end);
  plot = tranche_timeline_layout_get_plot (self->layout);
  if (self->viewport != NULL)
    tranche_viewport_set_plot (self->viewport, plot->x, plot->width);

  pointer_day = self->viewport ? tranche_viewport_get_pointer_day (self->viewport) : NAN;
  tranche_timeline_painter_paint (self->layout, cr, self->selected, self->hovered, pointer_day);
  _tranche_timeline_view_paint_lane_scrollbar (self, cr);

  if (gtk_widget_has_visible_focus (widget))
    {
      /* A focus ring inside the edge, in the accent colour. */
      GdkRGBA accent;
      gtk_style_context_lookup_color (gtk_widget_get_style_context (widget), "accent_color",
                                      &accent);
      cairo_set_source_rgba (cr, accent.red, accent.green, accent.blue, 0.6);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, 1, 1, width - 2, height - 2);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
tranche_timeline_view_size_allocate (GtkWidget *widget,
                                     int        width,
                                     int        height,
                                     int        baseline)
{
  TrancheTimelineView *self = TRANCHE_TIMELINE_VIEW (widget);
  TrancheDay first, end;

  /* A resize keeps the visible range; only a first show fits everything. */
  if (self->dataset != NULL && self->viewport != NULL
      && !tranche_viewport_get_range (self->viewport, &first, &end))
    {
      TrancheTimeScale scale;
      if (fit_scale (self, &scale))
        apply_scale (self, &scale);
    }
  if (self->legend_popover != NULL)
    gtk_popover_present (GTK_POPOVER (self->legend_popover));
}

static void
tranche_timeline_view_measure (GtkWidget      *widget,
                               GtkOrientation  orientation,
                               int             for_size,
                               int            *minimum,
                               int            *natural,
                               int            *minimum_baseline,
                               int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 960;
    }
  else
    {
      /* Lane headers, the axis and the legend need this much before the
       * lanes themselves get any room. */
      *minimum = 280;
      *natural = 480;
    }
}

static void
tranche_timeline_view_dispose (GObject *object)
{
  TrancheTimelineView *self = TRANCHE_TIMELINE_VIEW (object);

  stop_animation (self);
  tranche_timeline_view_set_session (self, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session_bindings);
  tranche_timeline_view_set_viewport (self, NULL);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_pointer (&self->legend_popover, gtk_widget_unparent);
  _tranche_timeline_view_lanes_dispose (self);
  G_OBJECT_CLASS (tranche_timeline_view_parent_class)->dispose (object);
}

static void
tranche_timeline_view_finalize (GObject *object)
{
  TrancheTimelineView *self = TRANCHE_TIMELINE_VIEW (object);

  g_clear_pointer (&self->layout, tranche_timeline_layout_free);
  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  g_clear_pointer (&self->mask, g_bytes_unref);
  G_OBJECT_CLASS (tranche_timeline_view_parent_class)->finalize (object);
}

static void
tranche_timeline_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  TrancheTimelineView *self = TRANCHE_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_DATASET:
      g_value_set_boxed (value, self->dataset);
      break;
    case PROP_MASK:
      g_value_set_boxed (value, self->mask);
      break;
    case PROP_VIEWPORT:
      g_value_set_object (value, self->viewport);
      break;
    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;
    case PROP_HOVERED:
      g_value_set_int (value, self->hovered);
      break;
    case PROP_LANE_MODE:
      g_value_set_enum (value, self->lane_mode);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tranche_timeline_view_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  TrancheTimelineView *self = TRANCHE_TIMELINE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      tranche_timeline_view_set_session (self, g_value_get_object (value));
      break;
    case PROP_DATASET:
      tranche_timeline_view_set_dataset (self, g_value_get_boxed (value));
      break;
    case PROP_MASK:
      tranche_timeline_view_set_mask (self, g_value_get_boxed (value));
      break;
    case PROP_VIEWPORT:
      tranche_timeline_view_set_viewport (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      tranche_timeline_view_set_selected (self, g_value_get_int (value));
      break;
    case PROP_LANE_MODE:
      tranche_timeline_view_set_lane_mode (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tranche_timeline_view_class_init (TrancheTimelineViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tranche_timeline_view_dispose;
  object_class->finalize = tranche_timeline_view_finalize;
  object_class->get_property = tranche_timeline_view_get_property;
  object_class->set_property = tranche_timeline_view_set_property;
  widget_class->snapshot = tranche_timeline_view_snapshot;
  widget_class->size_allocate = tranche_timeline_view_size_allocate;
  widget_class->measure = tranche_timeline_view_measure;
  _tranche_timeline_view_lanes_class_init (widget_class);

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, TRANCHE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATASET] =
    g_param_spec_boxed ("dataset", NULL, NULL, TRANCHE_TYPE_DATASET,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MASK] =
    g_param_spec_boxed ("mask", NULL, NULL, G_TYPE_BYTES,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEWPORT] =
    g_param_spec_object ("viewport", NULL, NULL, TRANCHE_TYPE_VIEWPORT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HOVERED] =
    g_param_spec_int ("hovered", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LANE_MODE] =
    g_param_spec_enum ("lane-mode", NULL, NULL, TRANCHE_TYPE_LANE_MODE, TRANCHE_LANES_BY_PAIR,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Enter on the selection: the window opens its details. */
  signals[EVENT_ACTIVATED] =
    g_signal_new ("event-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_install_action (widget_class, "timeline.select-step", "i", select_action);
  gtk_widget_class_install_action (widget_class, "timeline.zoom", "i", zoom_action);
  gtk_widget_class_install_action (widget_class, "timeline.fit", NULL, fit_action);
  gtk_widget_class_install_action (widget_class, "timeline.activate", NULL, activate_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "timeline.select-step",
                                       "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "timeline.select-step",
                                       "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, 0, "timeline.zoom", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, 0, "timeline.zoom", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, 0, "timeline.zoom", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "timeline.zoom", "i", 1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, 0, "timeline.zoom", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, 0, "timeline.zoom",
                                       "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "timeline.zoom", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, 0, "timeline.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, 0, "timeline.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "timeline.fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "timeline.activate",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "timeline.activate",
                                       NULL);

  gtk_widget_class_set_css_name (widget_class, "timeline");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tranche_timeline_view_init (TrancheTimelineView *self)
{
  GtkEventController *motion, *lane_scroll;
  GtkGesture *click;

  self->selected = -1;
  self->hovered = -1;
  self->type_scale = 1.0;
  self->layout = tranche_timeline_layout_new ();
  tranche_timeline_layout_set_scroll_lanes (self->layout, TRUE);
  self->session_signals = g_signal_group_new (TRANCHE_TYPE_SESSION);
  g_signal_group_connect_swapped (self->session_signals, "notify::dataset",
                                  G_CALLBACK (session_dataset_changed_cb), self);
  g_signal_group_connect_swapped (self->session_signals, "notify::mask",
                                  G_CALLBACK (session_mask_changed_cb), self);
  self->session_bindings = g_binding_group_new ();
  g_binding_group_bind (self->session_bindings, "viewport", self, "viewport",
                        G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->session_bindings, "selected", self, "selected",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  style_changed_cb (self);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (_tranche_timeline_view_query_tooltip_cb), self);

  lane_scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (lane_scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (lane_scroll, "scroll", G_CALLBACK (_tranche_timeline_view_lane_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), lane_scroll);
  self->gestures = tranche_time_gestures_attach (GTK_WIDGET (self), gesture_interrupt_cb, self);

  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (motion, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Funding timeline"), -1);
  _tranche_timeline_view_update_description (self);
}

GtkWidget *
tranche_timeline_view_new (void)
{
  return g_object_new (TRANCHE_TYPE_TIMELINE_VIEW, NULL);
}

TrancheSession *
tranche_timeline_view_get_session (TrancheTimelineView *self)
{
  g_return_val_if_fail (TRANCHE_IS_TIMELINE_VIEW (self), NULL);
  return self->session;
}

void
tranche_timeline_view_set_session (TrancheTimelineView *self,
                                   TrancheSession      *session)
{
  g_return_if_fail (TRANCHE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (session == NULL || TRANCHE_IS_SESSION (session));

  if (self->session == session)
    return;
  g_set_object (&self->session, session);
  g_signal_group_set_target (self->session_signals, session);
  if (session != NULL)
    session_dataset_changed_cb (self);
  else
    g_binding_group_set_source (self->session_bindings, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

void
tranche_timeline_view_set_dataset (TrancheTimelineView *self,
                                   TrancheDataset      *dataset)
{
  g_return_if_fail (TRANCHE_IS_TIMELINE_VIEW (self));

  if (self->dataset == dataset)
    return;
  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  self->dataset = dataset ? tranche_dataset_ref (dataset) : NULL;
  tranche_timeline_layout_set_dataset (self->layout, dataset);
  self->hovered = -1;
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  if (self->selected >= 0 && (dataset == NULL
                              || self->selected >= (int) tranche_dataset_get_n_events (dataset)))
    tranche_timeline_view_set_selected (self, -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

void
tranche_timeline_view_set_mask (TrancheTimelineView *self,
                                GBytes              *mask)
{
  g_return_if_fail (TRANCHE_IS_TIMELINE_VIEW (self));

  if (self->mask == mask)
    return;
  g_clear_pointer (&self->mask, g_bytes_unref);
  self->mask = mask ? g_bytes_ref (mask) : NULL;
  tranche_timeline_layout_set_mask (self->layout, mask);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MASK]);
}

void
tranche_timeline_view_set_viewport (TrancheTimelineView *self,
                                    TrancheViewport     *viewport)
{
  g_return_if_fail (TRANCHE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (viewport == NULL || TRANCHE_IS_VIEWPORT (viewport));

  if (self->viewport == viewport)
    return;
  if (self->viewport != NULL)
    g_signal_handlers_disconnect_by_data (self->viewport, self);
  g_set_object (&self->viewport, viewport);
  tranche_time_gestures_set_viewport (self->gestures, viewport);
  if (viewport != NULL)
    {
      g_signal_connect_swapped (viewport, "range-changed", G_CALLBACK (viewport_changed_cb), self);
      g_signal_connect_swapped (viewport, "notify::pointer-day", G_CALLBACK (viewport_changed_cb),
                                self);
    }
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEWPORT]);
}

TrancheViewport *
tranche_timeline_view_get_viewport (TrancheTimelineView *self)
{
  g_return_val_if_fail (TRANCHE_IS_TIMELINE_VIEW (self), NULL);
  return self->viewport;
}

int
tranche_timeline_view_get_selected (TrancheTimelineView *self)
{
  g_return_val_if_fail (TRANCHE_IS_TIMELINE_VIEW (self), -1);
  return self->selected;
}

void
tranche_timeline_view_set_selected (TrancheTimelineView *self,
                                    int                  selected)
{
  g_return_if_fail (TRANCHE_IS_TIMELINE_VIEW (self));

  if (self->dataset == NULL || selected >= (int) tranche_dataset_get_n_events (self->dataset))
    selected = -1;
  if (self->selected == selected)
    return;
  self->selected = selected;
  tranche_timeline_layout_set_selected (self->layout, selected);
  _tranche_timeline_view_update_description (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

void
tranche_timeline_view_set_lane_mode (TrancheTimelineView *self,
                                     TrancheLaneMode      mode)
{
  g_return_if_fail (TRANCHE_IS_TIMELINE_VIEW (self));

  if (self->lane_mode == mode)
    return;
  self->lane_mode = mode;
  tranche_timeline_layout_set_lane_mode (self->layout, mode);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LANE_MODE]);
}

void
tranche_timeline_view_fit (TrancheTimelineView *self,
                           gboolean             animate)
{
  TrancheTimeScale scale;

  g_return_if_fail (TRANCHE_IS_TIMELINE_VIEW (self));

  if (!fit_scale (self, &scale))
    return;
  if (animate)
    animate_to (self, &scale);
  else
    {
      stop_animation (self);
      apply_scale (self, &scale);
    }
}

void
tranche_timeline_view_go_to_event (TrancheTimelineView *self,
                                   int                  index)
{
  g_return_if_fail (TRANCHE_IS_TIMELINE_VIEW (self));

  if (self->dataset == NULL || index < 0 || index >= (int) tranche_dataset_get_n_events (self->dataset))
    return;
  tranche_timeline_view_set_selected (self, index);
  centre_on_event (self, index);
}

TrancheTimelineLayout *
tranche_timeline_view_get_layout (TrancheTimelineView *self)
{
  g_return_val_if_fail (TRANCHE_IS_TIMELINE_VIEW (self), NULL);
  return self->layout;
}

void
tranche_timeline_view_set_type_scale (TrancheTimelineView *self,
                                      double               scale)
{
  g_return_if_fail (TRANCHE_IS_TIMELINE_VIEW (self));
  g_return_if_fail (scale > 0);

  if (self->type_scale == scale)
    return;
  self->type_scale = scale;
  style_changed_cb (self);
}
