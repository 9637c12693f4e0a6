/* tranche-chart-view.c
 *
 * The valuation and cumulative charts differ only in what core lays out and
 * paints; this widget gives both the window's time axis (the timeline's
 * plot extent and range, through the viewport), the shared crosshair, the
 * selection, and the same zoom and pan gestures as the timeline.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tranche-chart-options.h"
#include "tranche-chart-view.h"
#include "tranche-frame-budget.h"
#include "tranche-app-enums.h"
#include "tranche-chart.h"
#include "tranche-cumulative-chart.h"
#include "tranche-draw.h"
#include "tranche-mask.h"
#include "tranche-session.h"
#include "tranche-theme.h"
#include "tranche-time-gestures.h"
#include "tranche-valuation-chart.h"

#define HIT_TOLERANCE 4.0

struct _TrancheChartView
{
  GtkWidget               parent_instance;

  TrancheChartKind        kind;
  TrancheSession         *session;
  GSignalGroup           *session_signals;
  GBindingGroup          *session_bindings;
  TrancheDataset         *dataset;
  GBytes                 *mask;
  TrancheViewport        *viewport;
  TrancheTimeGestures    *gestures;
  TrancheTheme            theme;
  TrancheChartOptions     options;
  int                     selected;
  TrancheTimeScale        drawn_scale; /* of the last frame with data, for tests */
  gboolean                drawn;

  TrancheChart           *chart;       /* of the kind */
  /* The dataset the chart was last laid out for (compared, never read):
   * a large one's first layout waits for a frame's budget. */
  TrancheDataset         *laid_out;
  /* The chart as last painted, without the crosshair: a pointer move
   * paints only the crosshair over it. */
  GskRenderNode          *chart_node;
  int                     chart_node_selected;
};

G_DEFINE_FINAL_TYPE (TrancheChartView, tranche_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_KIND,
  PROP_SESSION,
  PROP_DATASET,
  PROP_MASK,
  PROP_VIEWPORT,
  PROP_SELECTED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* As the timeline does: the dataset and mask together, and the selection
 * bound both ways let go while they change, then taken from the session. */
static void
session_dataset_changed_cb (TrancheChartView *self)
{
  TrancheDataset *dataset = tranche_session_get_dataset (self->session);
  GBytes *mask = tranche_session_get_mask_bytes (self->session);
  TrancheViewData *views = tranche_session_get_view_data (self->session);
  TrancheChartData *data = NULL;

  g_assert (self->session != NULL);

  /* Data made in the loading worker: the chart takes it now, and the
   * set_data() of the next snapshot finds nothing left to do. */
  if (views != NULL && self->chart != NULL)
    data = tranche_view_data_get_chart_data (views, G_OBJECT_TYPE (self->chart));
  if (data != NULL)
    tranche_chart_adopt_data (self->chart, data, dataset, tranche_mask_bytes_for (mask, dataset));
  g_binding_group_set_source (self->session_bindings, NULL);
  tranche_chart_view_set_dataset (self, dataset);
  tranche_chart_view_set_mask (self, mask);
  g_binding_group_set_source (self->session_bindings, self->session);
}

/* A new filter: the selection stays bound, so a view that lets go of a
 * selected event it no longer shows tells the session, as it would with
 * any other choice. */
static void
session_mask_changed_cb (TrancheChartView *self)
{
  g_assert (self->session != NULL);

  if (self->dataset != tranche_session_get_dataset (self->session))
    session_dataset_changed_cb (self);
  else
    tranche_chart_view_set_mask (self, tranche_session_get_mask_bytes (self->session));
}

static int
hit_test (TrancheChartView *self,
          double            x,
          double            y)
{
  if (self->dataset == NULL)
    return -1;
  return tranche_chart_hit_test (self->chart, x, y, HIT_TOLERANCE);
}

static void
redraw_cb (TrancheChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
style_changed_cb (TrancheChartView *self)
{
  tranche_theme_init (&self->theme,
                      adw_style_manager_get_dark (adw_style_manager_get_default ())
                        ? TRANCHE_THEME_DARK : TRANCHE_THEME_LIGHT,
                      1.0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pressed_cb (GtkGestureClick  *gesture,
            int               n_press,
            double            x,
            double            y,
            TrancheChartView *self)
{
  int hit = hit_test (self, x, y);

  /* Clicking empty space keeps the selection: the charts are often clicked
   * only to start a drag. */
  if (hit >= 0)
    tranche_chart_view_set_selected (self, hit);
}

static gboolean
query_tooltip_cb (GtkWidget        *widget,
                  int               x,
                  int               y,
                  gboolean          keyboard_mode,
                  GtkTooltip       *tooltip,
                  TrancheChartView *self)
{
  int hit = keyboard_mode ? -1 : hit_test (self, x, y);
  const TrancheEvent *ev;

  if (hit < 0)
    return FALSE;
  ev = tranche_dataset_get_event (self->dataset, hit);
  /* Plain text: titles come from the file. */
  gtk_tooltip_set_text (tooltip, ev->title ? ev->title : ev->id);
  return TRUE;
}

static void
tranche_chart_view_snapshot (GtkWidget   *widget,
                             GtkSnapshot *snapshot)
{
  TrancheChartView *self = TRANCHE_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  TrancheTimeScale scale;
  TrancheDay pointer_day;
  gboolean have_scale, deferred;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  /* A large dataset's first layout and paint take tens of milliseconds:
   * one view a frame does it (tranche-frame-budget.c), the others come back. */
  have_scale = self->dataset != NULL && tranche_time_gestures_get_scale (self->gestures, &scale);
  deferred = have_scale && self->laid_out != self->dataset
             && tranche_dataset_get_n_events (self->dataset) >= TRANCHE_FRAME_BUDGET_MIN_EVENTS
             && !tranche_frame_budget_take (widget);
  if (deferred)
    tranche_frame_budget_come_back (widget);
  if (!have_scale || deferred)
    {
      self->drawn = FALSE;
      g_clear_pointer (&self->chart_node, gsk_render_node_unref);
      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      tranche_draw_set_color (cr, self->theme.background);
      cairo_paint (cr);
      cairo_destroy (cr);
      return;
    }
  self->laid_out = self->dataset;
  self->drawn_scale = scale;
  self->drawn = TRUE;
  /* Both do nothing unless the data, size, range or theme changed. The
   * dataset and the mask can be set apart: one policy with every view. */
  tranche_chart_set_data (self->chart, self->dataset,
                          tranche_mask_bytes_for (self->mask, self->dataset));
  if (tranche_chart_layout (self->chart, &self->theme, &self->options, &scale,
                            &(TrancheRect) { 0, 0, width, height })
      || self->chart_node_selected != self->selected)
    g_clear_pointer (&self->chart_node, gsk_render_node_unref);
  if (self->chart_node == NULL)
    {
      g_autoptr(GtkSnapshot) chart = gtk_snapshot_new ();

      cr = gtk_snapshot_append_cairo (chart, &bounds);
      tranche_chart_paint (self->chart, cr, self->selected);
      cairo_destroy (cr);
      self->chart_node = gtk_snapshot_free_to_node (g_steal_pointer (&chart));
      self->chart_node_selected = self->selected;
    }
  gtk_snapshot_append_node (snapshot, self->chart_node);

  pointer_day = self->viewport ? tranche_viewport_get_pointer_day (self->viewport) : NAN;
  if (isfinite (pointer_day))
    {
      cr = gtk_snapshot_append_cairo (snapshot, &bounds);
      tranche_chart_paint_overlay (self->chart, cr, pointer_day);
      cairo_destroy (cr);
    }
}

static void
tranche_chart_view_measure (GtkWidget      *widget,
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
      *minimum = 110;
      *natural = 170;
    }
}

static void
tranche_chart_view_constructed (GObject *object)
{
  TrancheChartView *self = TRANCHE_CHART_VIEW (object);

  G_OBJECT_CLASS (tranche_chart_view_parent_class)->constructed (object);

  tranche_chart_options_init (&self->options);
  if (self->kind == TRANCHE_CHART_VALUATION)
    {
      self->chart = TRANCHE_CHART (tranche_valuation_chart_new ());
      /* The cumulative chart sits below and carries the date labels. */
      self->options.show_time_axis = FALSE;
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Valuation chart"), -1);
    }
  else
    {
      self->chart = TRANCHE_CHART (tranche_cumulative_chart_new ());
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Cumulative funding chart"), -1);
    }
}

static void
tranche_chart_view_dispose (GObject *object)
{
  TrancheChartView *self = TRANCHE_CHART_VIEW (object);

  tranche_chart_view_set_session (self, NULL);
  g_clear_object (&self->session_signals);
  g_clear_object (&self->session_bindings);
  tranche_chart_view_set_viewport (self, NULL);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  G_OBJECT_CLASS (tranche_chart_view_parent_class)->dispose (object);
}

static void
tranche_chart_view_finalize (GObject *object)
{
  TrancheChartView *self = TRANCHE_CHART_VIEW (object);

  g_clear_object (&self->chart);
  g_clear_pointer (&self->chart_node, gsk_render_node_unref);
  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  g_clear_pointer (&self->mask, g_bytes_unref);
  G_OBJECT_CLASS (tranche_chart_view_parent_class)->finalize (object);
}

static void
tranche_chart_view_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  TrancheChartView *self = TRANCHE_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
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
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tranche_chart_view_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  TrancheChartView *self = TRANCHE_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_SESSION:
      tranche_chart_view_set_session (self, g_value_get_object (value));
      break;
    case PROP_DATASET:
      tranche_chart_view_set_dataset (self, g_value_get_boxed (value));
      break;
    case PROP_MASK:
      tranche_chart_view_set_mask (self, g_value_get_boxed (value));
      break;
    case PROP_VIEWPORT:
      tranche_chart_view_set_viewport (self, g_value_get_object (value));
      break;
    case PROP_SELECTED:
      tranche_chart_view_set_selected (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tranche_chart_view_class_init (TrancheChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = tranche_chart_view_constructed;
  object_class->dispose = tranche_chart_view_dispose;
  object_class->finalize = tranche_chart_view_finalize;
  object_class->get_property = tranche_chart_view_get_property;
  object_class->set_property = tranche_chart_view_set_property;
  widget_class->snapshot = tranche_chart_view_snapshot;
  widget_class->measure = tranche_chart_view_measure;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, TRANCHE_TYPE_CHART_KIND, TRANCHE_CHART_VALUATION,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tranche_chart_view_init (TrancheChartView *self)
{
  GtkGesture *click;

  self->selected = -1;
  self->gestures = tranche_time_gestures_attach (GTK_WIDGET (self), NULL, NULL);
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

  click = gtk_gesture_click_new ();
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), self);
}

GtkWidget *
tranche_chart_view_new (TrancheChartKind kind)
{
  return g_object_new (TRANCHE_TYPE_CHART_VIEW, "kind", kind, NULL);
}

TrancheChartKind
tranche_chart_view_get_kind (TrancheChartView *self)
{
  g_return_val_if_fail (TRANCHE_IS_CHART_VIEW (self), TRANCHE_CHART_VALUATION);
  return self->kind;
}

TrancheSession *
tranche_chart_view_get_session (TrancheChartView *self)
{
  g_return_val_if_fail (TRANCHE_IS_CHART_VIEW (self), NULL);
  return self->session;
}

void
tranche_chart_view_set_session (TrancheChartView *self,
                                TrancheSession   *session)
{
  g_return_if_fail (TRANCHE_IS_CHART_VIEW (self));
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
tranche_chart_view_set_dataset (TrancheChartView *self,
                                TrancheDataset   *dataset)
{
  g_return_if_fail (TRANCHE_IS_CHART_VIEW (self));

  if (self->dataset == dataset)
    return;
  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  self->dataset = dataset ? tranche_dataset_ref (dataset) : NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

void
tranche_chart_view_set_mask (TrancheChartView *self,
                             GBytes           *mask)
{
  g_return_if_fail (TRANCHE_IS_CHART_VIEW (self));

  if (self->mask == mask)
    return;
  g_clear_pointer (&self->mask, g_bytes_unref);
  self->mask = mask ? g_bytes_ref (mask) : NULL;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MASK]);
}

void
tranche_chart_view_set_viewport (TrancheChartView *self,
                                 TrancheViewport  *viewport)
{
  g_return_if_fail (TRANCHE_IS_CHART_VIEW (self));
  g_return_if_fail (viewport == NULL || TRANCHE_IS_VIEWPORT (viewport));

  if (self->viewport == viewport)
    return;
  if (self->viewport != NULL)
    g_signal_handlers_disconnect_by_data (self->viewport, self);
  g_set_object (&self->viewport, viewport);
  tranche_time_gestures_set_viewport (self->gestures, viewport);
  if (viewport != NULL)
    {
      g_signal_connect_swapped (viewport, "range-changed", G_CALLBACK (redraw_cb), self);
      g_signal_connect_swapped (viewport, "notify::pointer-day", G_CALLBACK (redraw_cb), self);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEWPORT]);
}

int
tranche_chart_view_get_selected (TrancheChartView *self)
{
  g_return_val_if_fail (TRANCHE_IS_CHART_VIEW (self), -1);
  return self->selected;
}

void
tranche_chart_view_set_selected (TrancheChartView *self,
                                 int               selected)
{
  g_return_if_fail (TRANCHE_IS_CHART_VIEW (self));

  if (self->selected == selected)
    return;
  self->selected = selected;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

gboolean
tranche_chart_view_get_scale (TrancheChartView *self,
                              TrancheTimeScale *scale)
{
  g_return_val_if_fail (TRANCHE_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (scale != NULL, FALSE);

  if (!self->drawn)
    return FALSE;
  *scale = self->drawn_scale;
  return TRUE;
}

TrancheChart *
tranche_chart_view_get_chart (TrancheChartView *self)
{
  g_return_val_if_fail (TRANCHE_IS_CHART_VIEW (self), NULL);
  return self->chart;
}
