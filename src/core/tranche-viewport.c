/* tranche-viewport.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tranche-viewport.h"

struct _TrancheViewport
{
  GObject    parent_instance;

  TrancheDay first;
  TrancheDay end;
  TrancheDay pointer_day;
  double     plot_x;
  double     plot_width;
  gboolean   has_range;
  gboolean   has_plot;
};

G_DEFINE_FINAL_TYPE (TrancheViewport, tranche_viewport, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIRST,
  PROP_END,
  PROP_POINTER_DAY,
  N_PROPS
};

enum {
  RANGE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
tranche_viewport_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TrancheViewport *self = TRANCHE_VIEWPORT (object);

  switch (prop_id)
    {
    case PROP_FIRST:
      g_value_set_double (value, self->first);
      break;
    case PROP_END:
      g_value_set_double (value, self->end);
      break;
    case PROP_POINTER_DAY:
      g_value_set_double (value, self->pointer_day);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tranche_viewport_class_init (TrancheViewportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = tranche_viewport_get_property;

  properties[PROP_FIRST] =
    g_param_spec_double ("first", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END] =
    g_param_spec_double ("end", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_POINTER_DAY] =
    g_param_spec_double ("pointer-day", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* One signal for both ends, so listeners redraw once per change. */
  signals[RANGE_CHANGED] =
    g_signal_new ("range-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tranche_viewport_init (TrancheViewport *self)
{
  self->pointer_day = NAN;
}

TrancheViewport *
tranche_viewport_new (void)
{
  return g_object_new (TRANCHE_TYPE_VIEWPORT, NULL);
}

void
tranche_viewport_set_range (TrancheViewport *self,
                            TrancheDay       first,
                            TrancheDay       end)
{
  g_return_if_fail (TRANCHE_IS_VIEWPORT (self));
  g_return_if_fail (end > first);

  if (self->has_range && self->first == first && self->end == end)
    return;
  self->first = first;
  self->end = end;
  self->has_range = TRUE;
  g_object_freeze_notify (G_OBJECT (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIRST]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_END]);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[RANGE_CHANGED], 0);
}

gboolean
tranche_viewport_get_range (TrancheViewport *self,
                            TrancheDay      *first,
                            TrancheDay      *end)
{
  g_return_val_if_fail (TRANCHE_IS_VIEWPORT (self), FALSE);

  if (first)
    *first = self->first;
  if (end)
    *end = self->end;
  return self->has_range;
}

void
tranche_viewport_clear_range (TrancheViewport *self)
{
  g_return_if_fail (TRANCHE_IS_VIEWPORT (self));

  if (!self->has_range)
    return;
  self->has_range = FALSE;
  g_signal_emit (self, signals[RANGE_CHANGED], 0);
}

void
tranche_viewport_set_plot (TrancheViewport *self,
                           double           x,
                           double           width)
{
  g_return_if_fail (TRANCHE_IS_VIEWPORT (self));

  if (self->has_plot && self->plot_x == x && self->plot_width == width)
    return;
  self->plot_x = x;
  self->plot_width = width;
  self->has_plot = width > 0;
  g_signal_emit (self, signals[RANGE_CHANGED], 0);
}

gboolean
tranche_viewport_get_plot (TrancheViewport *self,
                           double          *x,
                           double          *width)
{
  g_return_val_if_fail (TRANCHE_IS_VIEWPORT (self), FALSE);

  if (x)
    *x = self->plot_x;
  if (width)
    *width = self->plot_width;
  return self->has_plot;
}

void
tranche_viewport_set_pointer_day (TrancheViewport *self,
                                  TrancheDay       day)
{
  g_return_if_fail (TRANCHE_IS_VIEWPORT (self));

  if (self->pointer_day == day || (isnan (self->pointer_day) && isnan (day)))
    return;
  self->pointer_day = day;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POINTER_DAY]);
}

TrancheDay
tranche_viewport_get_pointer_day (TrancheViewport *self)
{
  g_return_val_if_fail (TRANCHE_IS_VIEWPORT (self), NAN);
  return self->pointer_day;
}
