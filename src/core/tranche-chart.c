/* tranche-chart.c
 *
 * The interface's functions hold what every chart would otherwise repeat:
 * the check of the mask before anything changes, and the cache of the
 * layout on its inputs. Their state is kept beside the instance (qdata), so
 * an implementation holds only its own scene.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stddef.h>
#include <string.h>

#include "tranche-chart-private.h"
#include "tranche-chart.h"
#include "tranche-mask.h"

typedef struct
{
  TrancheDataset      *dataset;
  GBytes              *mask;
  gboolean             has_data;
  gboolean             laid_out;   /* for the data, with the inputs below */
  TrancheTheme         theme;
  TrancheChartOptions  options;
  TrancheTimeScale     scale;
  TrancheRect          rect;
  guint                n_layouts;
  guint                n_overlays;
} ChartState;

G_DEFINE_INTERFACE (TrancheChart, tranche_chart, G_TYPE_OBJECT)

static GQuark
state_quark (void)
{
  static GQuark quark;

  if (G_UNLIKELY (quark == 0))
    quark = g_quark_from_static_string ("tranche-chart-state");
  return quark;
}

static void
state_free (gpointer data)
{
  ChartState *state = data;

  g_clear_pointer (&state->dataset, tranche_dataset_unref);
  g_clear_pointer (&state->mask, g_bytes_unref);
  g_free (state);
}

static ChartState *
get_state (TrancheChart *self)
{
  ChartState *state = g_object_get_qdata (G_OBJECT (self), state_quark ());

  if (state == NULL)
    {
      state = g_new0 (ChartState, 1);
      g_object_set_qdata_full (G_OBJECT (self), state_quark (), state, state_free);
    }
  return state;
}

/* Field by field: a theme's colours are doubles, and its font family a
 * string that may be equal without being the same pointer. */
static gboolean
same_theme (const TrancheTheme *a,
            const TrancheTheme *b)
{
  gsize colors = offsetof (TrancheTheme, font_family) - offsetof (TrancheTheme, background);

  return a->variant == b->variant && a->scale == b->scale
         && memcmp (&a->background, &b->background, colors) == 0
         && g_strcmp0 (a->font_family, b->font_family) == 0
         && a->title_size == b->title_size && a->text_size == b->text_size
         && a->small_size == b->small_size;
}

static gboolean
same_options (const TrancheChartOptions *a,
              const TrancheChartOptions *b)
{
  return a->y_mode == b->y_mode && !a->show_pairs == !b->show_pairs
         && !a->show_legend == !b->show_legend && !a->show_time_axis == !b->show_time_axis;
}

static gboolean
same_rect (const TrancheRect *a,
           const TrancheRect *b)
{
  return a->x == b->x && a->y == b->y && a->width == b->width && a->height == b->height;
}

static void
tranche_chart_default_init (TrancheChartInterface *iface)
{
}

void
tranche_chart_set_data (TrancheChart   *self,
                        TrancheDataset *dataset,
                        GBytes         *mask)
{
  ChartState *state;

  g_return_if_fail (TRANCHE_IS_CHART (self));
  /* Checked before anything changes: a chart refused its data keeps what it
   * had, whole. */
  g_return_if_fail (dataset == NULL || tranche_mask_bytes_fit (mask, dataset));

  state = get_state (self);
  if (state->has_data && state->dataset == dataset && state->mask == mask)
    return;
  TRANCHE_CHART_GET_IFACE (self)->set_data (self, dataset, mask);
  g_clear_pointer (&state->dataset, tranche_dataset_unref);
  g_clear_pointer (&state->mask, g_bytes_unref);
  state->dataset = dataset != NULL ? tranche_dataset_ref (dataset) : NULL;
  state->mask = mask != NULL ? g_bytes_ref (mask) : NULL;
  state->has_data = TRUE;
  state->laid_out = FALSE;
}

struct _TrancheChartData
{
  gatomicrefcount  ref_count;
  GType            chart_type;
  TrancheDataset  *dataset;
  GBytes          *mask;
  TrancheChart    *holder;   /* a chart of chart_type that ran set_data(); NULL once adopted */
  GMutex           lock;     /* adoption is a one-time move */
};

G_DEFINE_BOXED_TYPE (TrancheChartData, tranche_chart_data, tranche_chart_data_ref,
                     tranche_chart_data_unref)

TrancheChartData *
tranche_chart_data_ref (TrancheChartData *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
tranche_chart_data_unref (TrancheChartData *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_clear_object (&self->holder);
  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  g_clear_pointer (&self->mask, g_bytes_unref);
  g_mutex_clear (&self->lock);
  g_free (self);
}

TrancheChartData *
tranche_chart_prepare_data (GType           chart_type,
                            TrancheDataset *dataset,
                            GBytes         *mask)
{
  g_autoptr(GTypeClass) klass = NULL;
  TrancheChartInterface *iface;
  TrancheChartData *self;

  g_return_val_if_fail (g_type_is_a (chart_type, TRANCHE_TYPE_CHART), NULL);
  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (tranche_mask_bytes_fit (mask, dataset), NULL);

  klass = g_type_class_ref (chart_type);
  iface = g_type_interface_peek (klass, TRANCHE_TYPE_CHART);
  if (iface == NULL || iface->take_data == NULL)
    return NULL;
  self = g_new0 (TrancheChartData, 1);
  g_atomic_ref_count_init (&self->ref_count);
  g_mutex_init (&self->lock);
  self->chart_type = chart_type;
  self->dataset = tranche_dataset_ref (dataset);
  self->mask = mask != NULL ? g_bytes_ref (mask) : NULL;
  /* The chart's own set_data() is the one implementation of its data: it
   * runs here on a chart no one else sees, whose data is then moved. */
  self->holder = g_object_new (chart_type, NULL);
  iface->set_data (self->holder, dataset, mask);
  return self;
}

static gpointer
unref_thread (gpointer data)
{
  g_object_unref (data);
  return NULL;
}

gboolean
tranche_chart_adopt_data (TrancheChart     *self,
                          TrancheChartData *data,
                          TrancheDataset   *dataset,
                          GBytes           *mask)
{
  TrancheChart *holder;
  ChartState *state;

  g_return_val_if_fail (TRANCHE_IS_CHART (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);

  if (G_OBJECT_TYPE (self) != data->chart_type || data->dataset != dataset
      || data->mask != mask)
    return FALSE;
  g_mutex_lock (&data->lock);
  holder = g_steal_pointer (&data->holder);
  g_mutex_unlock (&data->lock);
  if (holder == NULL)
    return FALSE;

  state = get_state (self);
  TRANCHE_CHART_GET_IFACE (self)->take_data (self, holder);
  g_clear_pointer (&state->dataset, tranche_dataset_unref);
  g_clear_pointer (&state->mask, g_bytes_unref);
  state->dataset = dataset != NULL ? tranche_dataset_ref (dataset) : NULL;
  state->mask = mask != NULL ? g_bytes_ref (mask) : NULL;
  state->has_data = TRUE;
  state->laid_out = FALSE;
  /* The holder now has what the chart had: after a reload, a million
   * events' worth, freed away from the caller's thread. */
  g_thread_unref (g_thread_new ("tranche-free", unref_thread, holder));
  return TRUE;
}

gboolean
tranche_chart_layout (TrancheChart              *self,
                      const TrancheTheme        *theme,
                      const TrancheChartOptions *options,
                      const TrancheTimeScale    *scale,
                      const TrancheRect         *rect)
{
  TrancheChartOptions defaults;
  ChartState *state;

  g_return_val_if_fail (TRANCHE_IS_CHART (self), FALSE);
  g_return_val_if_fail (theme != NULL && scale != NULL && rect != NULL, FALSE);

  if (options == NULL)
    {
      tranche_chart_options_init (&defaults);
      options = &defaults;
    }
  state = get_state (self);
  if (state->laid_out && same_rect (&state->rect, rect)
      && tranche_time_scale_equal (&state->scale, scale) && same_theme (&state->theme, theme)
      && same_options (&state->options, options))
    return FALSE;

  TRANCHE_CHART_GET_IFACE (self)->layout (self, theme, options, scale, rect);
  state->theme = *theme;
  state->options = *options;
  state->scale = *scale;
  state->rect = *rect;
  state->laid_out = TRUE;
  state->n_layouts++;
  return TRUE;
}

void
tranche_chart_paint (TrancheChart *self,
                     cairo_t      *cr,
                     int           selected)
{
  g_return_if_fail (TRANCHE_IS_CHART (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (get_state (self)->laid_out);

  TRANCHE_CHART_GET_IFACE (self)->paint (self, cr, selected);
}

void
tranche_chart_paint_overlay (TrancheChart *self,
                             cairo_t      *cr,
                             TrancheDay    pointer_day)
{
  ChartState *state;

  g_return_if_fail (TRANCHE_IS_CHART (self));
  g_return_if_fail (cr != NULL);

  state = get_state (self);
  g_return_if_fail (state->laid_out);

  if (!isfinite (pointer_day))
    return;
  TRANCHE_CHART_GET_IFACE (self)->paint_overlay (self, cr, pointer_day);
  state->n_overlays++;
}

int
tranche_chart_hit_test (TrancheChart *self,
                        double        x,
                        double        y,
                        double        tolerance)
{
  g_return_val_if_fail (TRANCHE_IS_CHART (self), -1);

  if (!get_state (self)->laid_out)
    return -1;
  return TRANCHE_CHART_GET_IFACE (self)->hit_test (self, x, y, tolerance);
}

GArray *
tranche_chart_readout (TrancheChart *self,
                       TrancheDay    day)
{
  g_return_val_if_fail (TRANCHE_IS_CHART (self), NULL);
  return TRANCHE_CHART_GET_IFACE (self)->readout (self, day);
}

gboolean
tranche_chart_is_laid_out (TrancheChart *self)
{
  g_return_val_if_fail (TRANCHE_IS_CHART (self), FALSE);
  return get_state (self)->laid_out;
}

guint
tranche_chart_get_n_layouts (TrancheChart *self)
{
  g_return_val_if_fail (TRANCHE_IS_CHART (self), 0);
  return get_state (self)->n_layouts;
}

guint
tranche_chart_get_n_overlays (TrancheChart *self)
{
  g_return_val_if_fail (TRANCHE_IS_CHART (self), 0);
  return get_state (self)->n_overlays;
}
