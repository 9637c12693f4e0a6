/* tranche-presentation-view.c
 *
 * Every slide is painted by core's slide painter, exactly as a deck's
 * pages are; the view adds what a room needs live: the timeline moving from
 * one event's range to the next (its own viewport, so the window's range
 * and selection are left as they were), clicks on the arrows and the
 * overview strip, and slides that advance by themselves.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tranche-presentation-view.h"
#include "tranche-presentation.h"
#include "tranche-session.h"
#include "tranche-slide.h"
#include "tranche-time-scale.h"
#include "tranche-viewport.h"

/* Slower than the window's zoom: the room follows the move. */
#define ANIMATION_USEC (650 * 1000)

/* What A steps through: off, then these seconds between slides. */
static const guint auto_advance_choices[] = { 0, 5, 10, 20 };

struct _TranchePresentationView
{
  GtkWidget            parent_instance;

  TrancheSession      *session;
  TranchePresentation *presentation;
  TrancheViewport     *viewport;     /* its own: the window's range is kept */
  TrancheSlidePainter *painter;
  TrancheLaneMode      lane_mode;
  TrancheTheme         theme;
  guint                auto_advance; /* index into auto_advance_choices */
  guint                auto_id;
  guint                cursor_id;    /* hides the pointer when it stops moving */
  double               pointer_x, pointer_y;
  guint                position;
  gboolean             blanked;
  gboolean             active;

  guint                tick_id;
  gint64               anim_start;
  TrancheTimeScale     anim_from;
  TrancheTimeScale     anim_to;
};

G_DEFINE_FINAL_TYPE (TranchePresentationView, tranche_presentation_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  PROP_POSITION,
  PROP_BLANKED,
  PROP_ACTIVE,
  N_PROPS
};

enum {
  FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_theme (TranchePresentationView *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double scale = width > 0 && height > 0 ? tranche_slide_type_scale (width, height) : 1.0;
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());

  tranche_theme_init (&self->theme, dark ? TRANCHE_THEME_DARK : TRANCHE_THEME_LIGHT, scale);
}

static void
style_changed_cb (TranchePresentationView *self)
{
  update_theme (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
stop_animation (TranchePresentationView *self)
{
  if (self->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->tick_id);
      self->tick_id = 0;
    }
}

static gboolean
current_scale (TranchePresentationView *self,
               TrancheTimeScale        *scale)
{
  TrancheDay first, end;
  double width = MAX (1, gtk_widget_get_width (GTK_WIDGET (self)));

  if (!tranche_viewport_get_range (self->viewport, &first, &end))
    return FALSE;
  /* The plot spans the slide: interpolating over its width is near enough. */
  tranche_time_scale_init (scale, first, end, 0, width);
  return TRUE;
}

static gboolean
animation_tick_cb (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  TranchePresentationView *self = TRANCHE_PRESENTATION_VIEW (widget);
  gint64 now = gdk_frame_clock_get_frame_time (clock);
  double t = CLAMP ((double) (now - self->anim_start) / ANIMATION_USEC, 0, 1);
  /* Ease in and out: a presenter's move starts and lands gently. */
  double eased = t < 0.5 ? 4 * t * t * t : 1 - pow (-2 * t + 2, 3) / 2;
  TrancheTimeScale scale;

  tranche_time_scale_interpolate (&self->anim_from, &self->anim_to, eased, &scale);
  tranche_viewport_set_range (self->viewport, scale.first, scale.end);
  gtk_widget_queue_draw (widget);
  if (t >= 1)
    {
      self->tick_id = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
show_step (TranchePresentationView *self,
           guint                    step,
           gboolean                 animate)
{
  TrancheTimeScale from, to;
  TrancheDay first, end;
  gboolean animations = FALSE;

  tranche_presentation_get_range (self->presentation, step, &first, &end);
  stop_animation (self);
  g_object_get (gtk_widget_get_settings (GTK_WIDGET (self)), "gtk-enable-animations",
                &animations, NULL);
  if (!animate || !animations || !gtk_widget_get_mapped (GTK_WIDGET (self))
      || !current_scale (self, &from))
    {
      tranche_viewport_set_range (self->viewport, first, end);
      return;
    }
  to = from;
  tranche_time_scale_set_range (&to, first, end);
  self->anim_from = from;
  self->anim_to = to;
  self->anim_start = gdk_frame_clock_get_frame_time (gtk_widget_get_frame_clock (GTK_WIDGET (self)));
  self->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), animation_tick_cb, NULL, NULL);
}

static void
update_accessible (TranchePresentationView *self)
{
  g_autofree char *text = NULL;

  if (self->presentation == NULL)
    return;
  if (self->blanked)
    text = g_strdup (_("Screen blanked"));
  else if (tranche_presentation_get_step_at (self->presentation, self->position) == G_MAXUINT
           && self->position > 0)
    text = g_strdup_printf (_("Slide %u of %u"), self->position,
                            tranche_presentation_get_n_positions (self->presentation) - 1);
  else if (self->position == 0)
    {
      const char *title = tranche_dataset_get_title (tranche_presentation_get_dataset (self->presentation));
      text = g_strdup (title != NULL && *title != '\0' ? title : _("Untitled Dataset"));
    }
  else
    {
      g_autoptr(TrancheCaption) caption =
        tranche_presentation_get_caption (self->presentation, self->position - 1);

      /* Translators: what screen readers hear for a presentation step:
       * "Step 3 of 13: 2023, $10B, Multi-year investment" */
      text = g_strdup_printf (_("Step %u of %u: %s, %s, %s"), self->position,
                              tranche_presentation_get_n_steps (self->presentation),
                              caption->date, caption->amount ? caption->amount : "",
                              caption->title);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  text, -1);
}

static void
update_child (TranchePresentationView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  update_accessible (self);
}

static void schedule_auto_advance (TranchePresentationView *self);

static gboolean
auto_advance_cb (gpointer user_data)
{
  TranchePresentationView *self = user_data;

  self->auto_id = 0;
  if (self->presentation != NULL && !self->blanked
      && self->position + 1 < tranche_presentation_get_n_positions (self->presentation))
    tranche_presentation_view_set_position (self, self->position + 1);
  schedule_auto_advance (self);
  return G_SOURCE_REMOVE;
}

/* The next slide in the chosen interval from now; none at the last. */
static void
schedule_auto_advance (TranchePresentationView *self)
{
  guint seconds = auto_advance_choices[self->auto_advance];

  g_clear_handle_id (&self->auto_id, g_source_remove);
  if (self->painter != NULL)
    tranche_slide_painter_set_auto_advance (self->painter, seconds);
  if (seconds == 0 || self->presentation == NULL
      || self->position + 1 >= tranche_presentation_get_n_positions (self->presentation))
    return;
  self->auto_id = g_timeout_add_seconds (seconds, auto_advance_cb, self);
}

static void
step_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TranchePresentationView *self = TRANCHE_PRESENTATION_VIEW (widget);
  int delta = g_variant_get_int32 (parameter);

  if (self->presentation == NULL)
    return;
  /* A key on a blank screen brings the slide back before moving on, so
   * the room never misses one. */
  if (self->blanked)
    {
      tranche_presentation_view_set_blanked (self, FALSE);
      return;
    }
  if (delta < 0 && self->position == 0)
    return;
  tranche_presentation_view_set_position (self, (guint) ((int) self->position + delta));
}

static void
first_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TranchePresentationView *self = TRANCHE_PRESENTATION_VIEW (widget);

  tranche_presentation_view_set_blanked (self, FALSE);
  tranche_presentation_view_set_position (self, 0);
}

static void
last_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TranchePresentationView *self = TRANCHE_PRESENTATION_VIEW (widget);

  if (self->presentation == NULL)
    return;
  tranche_presentation_view_set_blanked (self, FALSE);
  tranche_presentation_view_set_position (self,
                                          tranche_presentation_get_n_positions (self->presentation)
                                          - 1);
}

static void
blank_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TranchePresentationView *self = TRANCHE_PRESENTATION_VIEW (widget);

  tranche_presentation_view_set_blanked (self, !self->blanked);
}

static void
auto_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TranchePresentationView *self = TRANCHE_PRESENTATION_VIEW (widget);

  self->auto_advance = (self->auto_advance + 1) % G_N_ELEMENTS (auto_advance_choices);
  schedule_auto_advance (self);
  gtk_widget_queue_draw (widget);
}

static void
leave_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TranchePresentationView *self = TRANCHE_PRESENTATION_VIEW (widget);

  if (self->active)
    g_signal_emit (self, signals[FINISHED], 0);
}

static void
pressed_cb (GtkGestureClick         *gesture,
            int                      n_press,
            double                   x,
            double                   y,
            TranchePresentationView *self)
{
  guint button = gtk_gesture_single_get_current_button (GTK_GESTURE_SINGLE (gesture));
  guint target = G_MAXUINT;

  /* The arrows and the overview strip go where they say. */
  if (button == GDK_BUTTON_PRIMARY && self->presentation != NULL && !self->blanked)
    target = tranche_slide_painter_hit_test (self->painter, &self->theme, self->position,
                                             gtk_widget_get_width (GTK_WIDGET (self)),
                                             gtk_widget_get_height (GTK_WIDGET (self)), x, y);
  if (target != G_MAXUINT)
    {
      tranche_presentation_view_set_position (self, target);
      return;
    }
  /* Clickers that act as a mouse: left forward, right back. */
  gtk_widget_activate_action (GTK_WIDGET (self), "presentation.step", "i",
                              button == GDK_BUTTON_SECONDARY ? -1 : 1);
}

static gboolean
hide_cursor_cb (gpointer user_data)
{
  TranchePresentationView *self = user_data;

  self->cursor_id = 0;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");
  return G_SOURCE_REMOVE;
}

/* The pointer shows while it moves (a hand over what can be clicked) and
 * goes after two still seconds, so it never sits on a slide. */
static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           TranchePresentationView  *self)
{
  gboolean target;

  if (fabs (x - self->pointer_x) < 1 && fabs (y - self->pointer_y) < 1)
    return;
  self->pointer_x = x;
  self->pointer_y = y;
  target = self->presentation != NULL && !self->blanked
           && tranche_slide_painter_hit_test (self->painter, &self->theme, self->position,
                                              gtk_widget_get_width (GTK_WIDGET (self)),
                                              gtk_widget_get_height (GTK_WIDGET (self)), x, y)
              != G_MAXUINT;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), target ? "pointer" : "default");
  g_clear_handle_id (&self->cursor_id, g_source_remove);
  self->cursor_id = g_timeout_add_seconds (2, hide_cursor_cb, self);
}

static void
tranche_presentation_view_size_allocate (GtkWidget *widget,
                                         int        width,
                                         int        height,
                                         int        baseline)
{
  update_theme (TRANCHE_PRESENTATION_VIEW (widget));
}

static void
tranche_presentation_view_measure (GtkWidget      *widget,
                                   GtkOrientation  orientation,
                                   int             for_size,
                                   int            *minimum,
                                   int            *natural,
                                   int            *minimum_baseline,
                                   int            *natural_baseline)
{
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 240;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 1280 : 720;
}

static void
tranche_presentation_view_snapshot (GtkWidget   *widget,
                                    GtkSnapshot *snapshot)
{
  TranchePresentationView *self = TRANCHE_PRESENTATION_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, width, height);
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  if (self->blanked || self->presentation == NULL)
    {
      gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0, 0, 0, 1 }, &bounds);
      return;
    }
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  {
    TrancheDay range[2];
    guint step = tranche_presentation_get_step_at (self->presentation, self->position);
    gboolean moving = step != G_MAXUINT
                      && tranche_viewport_get_range (self->viewport, &range[0], &range[1]);

    tranche_slide_painter_paint (self->painter, cr, &self->theme, self->position, width, height,
                                 moving ? range : NULL);
  }
  cairo_destroy (cr);
}

static void
tranche_presentation_view_dispose (GObject *object)
{
  TranchePresentationView *self = TRANCHE_PRESENTATION_VIEW (object);

  stop_animation (self);
  g_clear_handle_id (&self->auto_id, g_source_remove);
  g_clear_handle_id (&self->cursor_id, g_source_remove);
  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (tranche_presentation_view_parent_class)->dispose (object);
}

static void
tranche_presentation_view_finalize (GObject *object)
{
  TranchePresentationView *self = TRANCHE_PRESENTATION_VIEW (object);

  g_clear_pointer (&self->painter, tranche_slide_painter_free);
  g_clear_pointer (&self->presentation, tranche_presentation_free);
  g_clear_object (&self->viewport);
  G_OBJECT_CLASS (tranche_presentation_view_parent_class)->finalize (object);
}

static void
tranche_presentation_view_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  TranchePresentationView *self = TRANCHE_PRESENTATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_BLANKED:
      g_value_set_boolean (value, self->blanked);
      break;
    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tranche_presentation_view_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  TranchePresentationView *self = TRANCHE_PRESENTATION_VIEW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      tranche_presentation_view_set_session (self, g_value_get_object (value));
      break;
    case PROP_POSITION:
      tranche_presentation_view_set_position (self, g_value_get_uint (value));
      break;
    case PROP_BLANKED:
      tranche_presentation_view_set_blanked (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tranche_presentation_view_class_init (TranchePresentationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const guint forward[] = { GDK_KEY_Right, GDK_KEY_KP_Right, GDK_KEY_space,
                                   GDK_KEY_Page_Down, GDK_KEY_KP_Page_Down, GDK_KEY_Down,
                                   GDK_KEY_Return, GDK_KEY_KP_Enter };
  static const guint back[] = { GDK_KEY_Left, GDK_KEY_KP_Left, GDK_KEY_Page_Up,
                                GDK_KEY_KP_Page_Up, GDK_KEY_Up, GDK_KEY_BackSpace };

  object_class->dispose = tranche_presentation_view_dispose;
  object_class->finalize = tranche_presentation_view_finalize;
  object_class->get_property = tranche_presentation_view_get_property;
  object_class->set_property = tranche_presentation_view_set_property;
  widget_class->size_allocate = tranche_presentation_view_size_allocate;
  widget_class->measure = tranche_presentation_view_measure;
  widget_class->snapshot = tranche_presentation_view_snapshot;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, TRANCHE_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BLANKED] =
    g_param_spec_boolean ("blanked", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Esc: the window puts itself back as it was. */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "presentation.step", "i", step_action);
  gtk_widget_class_install_action (widget_class, "presentation.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "presentation.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "presentation.blank", NULL, blank_action);
  gtk_widget_class_install_action (widget_class, "presentation.leave", NULL, leave_action);
  gtk_widget_class_install_action (widget_class, "presentation.auto", NULL, auto_action);

  for (guint i = 0; i < G_N_ELEMENTS (forward); i++)
    gtk_widget_class_add_binding_action (widget_class, forward[i], 0, "presentation.step",
                                         "i", 1);
  for (guint i = 0; i < G_N_ELEMENTS (back); i++)
    gtk_widget_class_add_binding_action (widget_class, back[i], 0, "presentation.step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, GDK_SHIFT_MASK,
                                       "presentation.step", "i", -1);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "presentation.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Home, 0, "presentation.first",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "presentation.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_End, 0, "presentation.last",
                                       NULL);
  /* B, and the "." many clickers send for a black screen. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, 0, "presentation.blank", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_B, GDK_SHIFT_MASK,
                                       "presentation.blank", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_period, 0, "presentation.blank",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "presentation.leave",
                                       NULL);
  /* A: off, 5 s, 10 s, 20 s between slides (said on the slide). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_a, 0, "presentation.auto", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_A, GDK_SHIFT_MASK,
                                       "presentation.auto", NULL);

  gtk_widget_class_set_css_name (widget_class, "presentation");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
tranche_presentation_view_init (TranchePresentationView *self)
{
  GtkGesture *click;
  GtkEventController *motion;

  self->viewport = tranche_viewport_new ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "none");
  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), 0);
  g_signal_connect (click, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));
  motion = gtk_event_controller_motion_new ();
  g_signal_connect (motion, "motion", G_CALLBACK (motion_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (style_changed_cb), self, G_CONNECT_SWAPPED);
  update_theme (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Presentation"), -1);
}

GtkWidget *
tranche_presentation_view_new (void)
{
  return g_object_new (TRANCHE_TYPE_PRESENTATION_VIEW, NULL);
}

TrancheSession *
tranche_presentation_view_get_session (TranchePresentationView *self)
{
  g_return_val_if_fail (TRANCHE_IS_PRESENTATION_VIEW (self), NULL);
  return self->session;
}

void
tranche_presentation_view_set_session (TranchePresentationView *self,
                                       TrancheSession          *session)
{
  g_return_if_fail (TRANCHE_IS_PRESENTATION_VIEW (self));
  g_return_if_fail (session == NULL || TRANCHE_IS_SESSION (session));

  if (g_set_object (&self->session, session))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

/* The steps are taken from the session once: a reload while presenting
 * changes what the window shows after, not the story being told. With an
 * event selected in the window, the presentation starts at its slide. */
void
tranche_presentation_view_start (TranchePresentationView *self,
                                 TrancheLaneMode          lane_mode)
{
  TrancheDataset *dataset;
  GBytes *mask;
  int selected;
  guint step = G_MAXUINT;

  g_return_if_fail (TRANCHE_IS_PRESENTATION_VIEW (self));
  g_return_if_fail (self->session != NULL);
  g_return_if_fail (tranche_session_get_dataset (self->session) != NULL);

  dataset = tranche_session_get_dataset (self->session);
  mask = tranche_session_get_mask_bytes (self->session);

  stop_animation (self);
  g_clear_pointer (&self->painter, tranche_slide_painter_free);
  g_clear_pointer (&self->presentation, tranche_presentation_free);
  self->presentation = tranche_presentation_new (dataset, mask);
  self->lane_mode = lane_mode;
  self->painter = tranche_slide_painter_new (self->presentation, lane_mode);
  tranche_viewport_clear_range (self->viewport);
  selected = tranche_session_get_selected (self->session);
  if (selected >= 0)
    step = tranche_presentation_find_step (self->presentation, (guint) selected);
  self->position = 0;
  if (step != G_MAXUINT)
    {
      self->position = tranche_presentation_find_position (self->presentation,
                                                           TRANCHE_SLIDE_EVENT, step);
      show_step (self, step, FALSE);
    }
  self->blanked = FALSE;
  self->active = TRUE;
  schedule_auto_advance (self);
  update_child (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLANKED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

void
tranche_presentation_view_stop (TranchePresentationView *self)
{
  g_return_if_fail (TRANCHE_IS_PRESENTATION_VIEW (self));

  if (!self->active)
    return;
  stop_animation (self);
  g_clear_handle_id (&self->auto_id, g_source_remove);
  g_clear_pointer (&self->painter, tranche_slide_painter_free);
  g_clear_pointer (&self->presentation, tranche_presentation_free);
  self->active = FALSE;
  self->blanked = FALSE;
  update_child (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

gboolean
tranche_presentation_view_is_active (TranchePresentationView *self)
{
  g_return_val_if_fail (TRANCHE_IS_PRESENTATION_VIEW (self), FALSE);
  return self->active;
}

guint
tranche_presentation_view_get_position (TranchePresentationView *self)
{
  g_return_val_if_fail (TRANCHE_IS_PRESENTATION_VIEW (self), 0);
  return self->position;
}

guint
tranche_presentation_view_get_n_positions (TranchePresentationView *self)
{
  g_return_val_if_fail (TRANCHE_IS_PRESENTATION_VIEW (self), 0);
  return self->presentation != NULL
         ? tranche_presentation_get_n_positions (self->presentation) : 0;
}

void
tranche_presentation_view_set_position (TranchePresentationView *self,
                                        guint                    position)
{
  guint previous;

  g_return_if_fail (TRANCHE_IS_PRESENTATION_VIEW (self));

  if (self->presentation == NULL)
    return;
  position = MIN (position, tranche_presentation_get_n_positions (self->presentation) - 1);
  if (self->position == position)
    return;
  previous = self->position;
  self->position = position;
  /* From another kind of slide the timeline appears in place; between
   * steps it moves, so the room sees where the next event is. */
  if (tranche_presentation_get_step_at (self->presentation, position) != G_MAXUINT)
    show_step (self, tranche_presentation_get_step_at (self->presentation, position),
               tranche_presentation_get_step_at (self->presentation, previous) != G_MAXUINT);
  schedule_auto_advance (self);
  update_child (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

int
tranche_presentation_view_get_event (TranchePresentationView *self)
{
  guint step;

  g_return_val_if_fail (TRANCHE_IS_PRESENTATION_VIEW (self), -1);

  if (self->presentation == NULL)
    return -1;
  step = tranche_presentation_get_step_at (self->presentation, self->position);
  return step == G_MAXUINT ? -1 : (int) tranche_presentation_get_event (self->presentation, step);
}

TrancheViewport *
tranche_presentation_view_get_viewport (TranchePresentationView *self)
{
  g_return_val_if_fail (TRANCHE_IS_PRESENTATION_VIEW (self), NULL);
  return self->viewport;
}

guint
tranche_presentation_view_get_auto_advance (TranchePresentationView *self)
{
  g_return_val_if_fail (TRANCHE_IS_PRESENTATION_VIEW (self), 0);
  return auto_advance_choices[self->auto_advance];
}

gboolean
tranche_presentation_view_get_blanked (TranchePresentationView *self)
{
  g_return_val_if_fail (TRANCHE_IS_PRESENTATION_VIEW (self), FALSE);
  return self->blanked;
}

void
tranche_presentation_view_set_blanked (TranchePresentationView *self,
                                       gboolean                 blanked)
{
  g_return_if_fail (TRANCHE_IS_PRESENTATION_VIEW (self));

  blanked = !!blanked;
  if (self->blanked == blanked)
    return;
  self->blanked = blanked;
  update_child (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BLANKED]);
}
