/* tranche-export-context.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tranche-chart-stack.h"
#include "tranche-export-context.h"

TrancheExportContext *
tranche_export_context_new (TrancheDataset *dataset)
{
  TrancheExportContext *self;

  g_return_val_if_fail (dataset != NULL, NULL);

  self = g_new0 (TrancheExportContext, 1);
  self->dataset = tranche_dataset_ref (dataset);
  self->n_shown = tranche_dataset_get_n_events (dataset);
  self->first = NAN;
  self->end = NAN;
  self->view_width = 1280;
  self->view_height = 720;
  self->views = TRANCHE_STACK_TIMELINE;
  return self;
}

void
tranche_export_context_free (TrancheExportContext *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  g_clear_pointer (&self->mask, g_bytes_unref);
  g_clear_pointer (&self->name, g_free);
  g_clear_object (&self->folder);
  g_free (self);
}

GdkTexture *
tranche_export_context_render (const TrancheExportContext  *self,
                               int                          scale,
                               GError                     **error)
{
  g_autoptr(TrancheChartStack) stack = tranche_chart_stack_new ();
  g_autoptr(GBytes) bytes = NULL;
  TrancheExportOptions options;
  cairo_surface_t *surface;
  TrancheDay first, end;
  int width, height, stride;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (scale >= 1, NULL);

  /* What the window shows: no title or footer, its own size and type. */
  tranche_export_options_init (&options);
  options.width = MAX (self->view_width, 200);
  options.height = MAX (self->view_height, 150);
  options.theme = self->dark ? TRANCHE_THEME_DARK : TRANCHE_THEME_LIGHT;
  options.views = self->views;
  options.lane_mode = self->lane_mode;
  options.mask = self->mask;
  options.first = self->first;
  options.end = self->end;
  options.show_title = FALSE;
  options.type_scale = 1;

  tranche_export_configure_stack (stack, self->dataset, &options, TRANCHE_EXPORT_PNG);
  tranche_export_get_range (stack, &options, &first, &end);
  tranche_chart_stack_layout (stack, options.width, options.height, first, end);
  surface = tranche_export_render_image (stack, scale, -1, error);
  if (surface == NULL)
    return NULL;

  /* cairo's ARGB32 is premultiplied native-endian: GDK's default format. */
  cairo_surface_flush (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) stride * height,
                                      (GDestroyNotify) cairo_surface_destroy, surface);
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes, stride);
}

gboolean
tranche_export_context_copy_image (const TrancheExportContext  *self,
                                   GdkClipboard                *clipboard,
                                   int                          scale,
                                   GError                     **error)
{
  g_autoptr(GdkTexture) texture = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (GDK_IS_CLIPBOARD (clipboard), FALSE);

  texture = tranche_export_context_render (self, scale, error);
  if (texture == NULL)
    return FALSE;
  gdk_clipboard_set_texture (clipboard, texture);
  return TRUE;
}
