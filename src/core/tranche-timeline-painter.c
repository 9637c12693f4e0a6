/* tranche-timeline-painter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tranche-draw.h"
#include "tranche-timeline-painter.h"

typedef struct
{
  TrancheTimelineLayout *layout;
  cairo_t               *cr;
  const TrancheTheme    *theme;
  double                 s;  /* the theme's scale */
} Painter;

static void
show_text (cairo_t      *cr,
           PangoLayout  *layout,
           double        x,
           double        y,
           TrancheColor  color)
{
  tranche_draw_set_color (cr, color);
  tranche_draw_layout (cr, layout, x, y);
}

/* A short text centred on (x, y), such as "?" or a cluster's count. */
static void
show_centred (Painter      *p,
              const char   *text,
              double        x,
              double        y,
              TrancheColor  color)
{
  TrancheTextCache *cache = tranche_timeline_layout_get_text_cache (p->layout);
  g_autoptr(PangoLayout) layout = tranche_text_cache_get (cache, TRANCHE_TEXT_SMALL_BOLD, text,
                                                          -1, 0);

  tranche_draw_set_color (p->cr, color);
  tranche_draw_layout_centred (p->cr, layout, x, y);
}

static void
shape_path (cairo_t            *cr,
            TrancheMarkerShape  shape,
            double              x,
            double              y,
            double              r)
{
  double d;

  switch (shape)
    {
    case TRANCHE_MARKER_DIAMOND:
      /* The same area as a circle of radius r: 2d² = πr². */
      d = r * sqrt (G_PI / 2);
      cairo_move_to (cr, x, y - d);
      cairo_line_to (cr, x + d, y);
      cairo_line_to (cr, x, y + d);
      cairo_line_to (cr, x - d, y);
      cairo_close_path (cr);
      break;
    case TRANCHE_MARKER_TRIANGLE:
      cairo_move_to (cr, x, y - r * 1.15);
      cairo_line_to (cr, x + r, y + r * 0.75);
      cairo_line_to (cr, x - r, y + r * 0.75);
      cairo_close_path (cr);
      break;
    case TRANCHE_MARKER_CIRCLE:
    case TRANCHE_MARKER_DOT:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

/* Raster targets get markers as cached sprites: filling two anti-aliased
 * shapes costs ~20 µs, copying a small image ~2 µs, and a dense frame has
 * hundreds of markers. Vector targets (SVG, PDF, GTK's recordings) keep real
 * paths. A sprite is placed on whole device pixels (at most half a pixel
 * off), per thread, so exports on worker threads don't share it. */
static GPrivate sprite_cache = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);

static gboolean
paint_sprite (Painter            *p,
              TrancheMarkerShape  shape,
              double              x,
              double              y,
              double              r,
              TrancheColor        color)
{
  cairo_t *cr = p->cr;
  GHashTable *cache;
  cairo_surface_t *sprite;
  double dx = x, dy = y, unit = 1, dummy = 0, outline, radius;
  g_autofree char *key = NULL;
  int half;

  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_IMAGE)
    return FALSE;
  cairo_user_to_device (cr, &dx, &dy);
  cairo_user_to_device_distance (cr, &unit, &dummy);
  if (dummy != 0 || unit <= 0)
    return FALSE;  /* rotated or skewed: draw the path */

  /* Quarter-pixel radii keep the area honest to within a percent. */
  radius = round (r * unit * 4) / 4;
  outline = round (1.5 * p->s * unit * 4) / 4;
  key = g_strdup_printf ("%d|%.3f|%.3f|%.3f|%.3f|%.3f|%.3f|%.3f|%.3f", shape, radius, outline,
                         color.red, color.green, color.blue, p->theme->marker_outline.red,
                         p->theme->marker_outline.green, p->theme->marker_outline.alpha);
  cache = g_private_get (&sprite_cache);
  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                     (GDestroyNotify) cairo_surface_destroy);
      g_private_set (&sprite_cache, cache);
    }
  half = (int) ceil ((radius + outline) * (shape == TRANCHE_MARKER_DIAMOND ? 1.26 : 1)) + 1;
  sprite = g_hash_table_lookup (cache, key);
  if (sprite == NULL)
    {
      cairo_t *scr;

      if (g_hash_table_size (cache) > 512)
        g_hash_table_remove_all (cache);
      sprite = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 2 * half, 2 * half);
      scr = cairo_create (sprite);
      shape_path (scr, shape, half, half, radius + outline);
      tranche_draw_set_color (scr, p->theme->marker_outline);
      cairo_fill (scr);
      shape_path (scr, shape, half, half, radius);
      tranche_draw_set_color (scr, tranche_color_with_alpha (color, 0.92));
      cairo_fill (scr);
      cairo_destroy (scr);
      g_hash_table_insert (cache, g_steal_pointer (&key), sprite);
    }

  cairo_new_path (cr);
  cairo_save (cr);
  cairo_identity_matrix (cr);
  cairo_set_source_surface (cr, sprite, round (dx) - half, round (dy) - half);
  cairo_rectangle (cr, round (dx) - half, round (dy) - half, 2 * half, 2 * half);
  cairo_fill (cr);
  cairo_restore (cr);
  return TRUE;
}

static void
paint_shape (Painter            *p,
             TrancheMarkerShape  shape,
             guint               flags,
             double              x,
             double              y,
             double              r,
             TrancheColor        color)
{
  cairo_t *cr = p->cr;

  shape_path (cr, shape, x, y, r);
  if (flags & (TRANCHE_MARKER_HOLLOW | TRANCHE_MARKER_UP_TO))
    {
      double dash[] = { 3 * p->s, 2 * p->s };

      tranche_draw_set_color (cr, p->theme->background);
      cairo_fill_preserve (cr);
      tranche_draw_set_color (cr, tranche_color_with_alpha (color, 0.12));
      cairo_fill_preserve (cr);
      tranche_draw_set_color (cr, color);
      cairo_set_line_width (cr, 2 * p->s);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      /* "?" is for an undisclosed amount; an "up to" is known at most */
      if (r >= 6 * p->s && (flags & TRANCHE_MARKER_HOLLOW))
        show_centred (p, "?", x, y, color);
    }
  else if (shape == TRANCHE_MARKER_TRIANGLE)
    {
      tranche_draw_set_color (cr, tranche_color_with_alpha (color, 0.25));
      cairo_fill_preserve (cr);
      tranche_draw_set_color (cr, color);
      cairo_set_line_width (cr, 2 * p->s);
      cairo_stroke (cr);
    }
  else if (shape != TRANCHE_MARKER_TRIANGLE && paint_sprite (p, shape, x, y, r, color))
    cairo_new_path (cr);
  else
    {
      /* The outline is a slightly larger shape under the marker: two fills
       * cost a fraction of a stroke, which matters with hundreds of them. */
      cairo_new_path (cr);
      shape_path (cr, shape, x, y, r + 1.5 * p->s);
      tranche_draw_set_color (cr, p->theme->marker_outline);
      cairo_fill (cr);
      shape_path (cr, shape, x, y, r);
      tranche_draw_set_color (cr, tranche_color_with_alpha (color, 0.92));
      cairo_fill (cr);
    }
}

/* A draft (not yet reviewed) event: a dashed ring a little outside its
 * marker, so it reads as proposed whatever its fill says. */
static void
paint_draft_ring (Painter            *p,
                  TrancheMarkerShape  shape,
                  double              x,
                  double              y,
                  double              r,
                  TrancheColor        color)
{
  cairo_t *cr = p->cr;
  double dash[] = { 2 * p->s, 2 * p->s };

  cairo_new_path (cr);
  shape_path (cr, shape, x, y, r + 4 * p->s);
  tranche_draw_set_color (cr, color);
  cairo_set_line_width (cr, 1.5 * p->s);
  cairo_set_dash (cr, dash, 2, 0);
  cairo_stroke (cr);
  cairo_set_dash (cr, NULL, 0, 0);
}

static void
paint_whisker (Painter      *p,
               double        x,
               double        y,
               double        r_min,
               double        r_max,
               TrancheColor  color)
{
  cairo_t *cr = p->cr;
  double cap = 5 * p->s;

  /* A size whisker: the marker's radius could be anything from r_min to
   * r_max, so the stem runs over that stretch above and below. */
  tranche_draw_set_color (cr, tranche_color_mix (color, p->theme->foreground, 0.35));
  cairo_set_line_width (cr, 1.5 * p->s);
  for (int sign = -1; sign <= 1; sign += 2)
    {
      cairo_move_to (cr, x, y + sign * r_min);
      cairo_line_to (cr, x, y + sign * r_max);
      cairo_move_to (cr, x - cap, y + sign * r_max);
      cairo_line_to (cr, x + cap, y + sign * r_max);
      cairo_move_to (cr, x - cap / 2, y + sign * r_min);
      cairo_line_to (cr, x + cap / 2, y + sign * r_min);
    }
  cairo_stroke (cr);
}

/* The span a partial date stands for: a light band (pass 0) with bracket
 * ends (pass 1), as rectangles so many can share one fill. */
static void
band_path (Painter *p,
           double   x0,
           double   x1,
           double   y,
           double   half_height,
           gboolean brackets)
{
  cairo_t *cr = p->cr;
  double w = 1.5 * p->s;
  double serif = MIN (5 * p->s, (x1 - x0) / 4);

  if (!brackets)
    {
      cairo_rectangle (cr, x0, y - half_height, x1 - x0, 2 * half_height);
      return;
    }
  cairo_rectangle (cr, x0, y - half_height, w, 2 * half_height);
  cairo_rectangle (cr, x1 - w, y - half_height, w, 2 * half_height);
  if (serif > w)
    {
      cairo_rectangle (cr, x0 + w, y - half_height, serif - w, w);
      cairo_rectangle (cr, x0 + w, y + half_height - w, serif - w, w);
      cairo_rectangle (cr, x1 - serif, y - half_height, serif - w, w);
      cairo_rectangle (cr, x1 - serif, y + half_height - w, serif - w, w);
    }
}

static void
paint_band (Painter      *p,
            double        x0,
            double        x1,
            double        y,
            double        half_height,
            TrancheColor  color)
{
  cairo_new_path (p->cr);
  band_path (p, x0, x1, y, half_height, FALSE);
  tranche_draw_set_color (p->cr, tranche_color_with_alpha (color, 0.13));
  cairo_fill (p->cr);
  band_path (p, x0, x1, y, half_height, TRUE);
  tranche_draw_set_color (p->cr, tranche_color_with_alpha (color, 0.7));
  cairo_fill (p->cr);
}

static void
paint_span (Painter      *p,
            double        x0,
            double        x1,
            double        y,
            TrancheColor  color)
{
  cairo_t *cr = p->cr;
  double h = 8 * p->s;

  tranche_draw_rounded_rect (cr, x0, y - h / 2, MAX (x1 - x0, h), h, h / 2);
  tranche_draw_set_color (cr, tranche_color_with_alpha (color, 0.4));
  cairo_fill (cr);
  /* An end cap says where the span stops. */
  tranche_draw_set_color (cr, tranche_color_with_alpha (color, 0.9));
  cairo_set_line_width (cr, 2 * p->s);
  cairo_move_to (cr, x1, y - h);
  cairo_line_to (cr, x1, y + h);
  cairo_stroke (cr);
}

static void
paint_pill (Painter      *p,
            double        x0,
            double        x1,
            double        y,
            double        r,
            TrancheColor  color,
            const char   *count)
{
  cairo_t *cr = p->cr;

  tranche_draw_rounded_rect (cr, x0 - r, y - r, x1 - x0 + 2 * r, 2 * r, r);
  tranche_draw_set_color (cr, tranche_color_with_alpha (color, 0.85));
  cairo_fill_preserve (cr);
  tranche_draw_set_color (cr, p->theme->marker_outline);
  cairo_set_line_width (cr, 1.5 * p->s);
  cairo_stroke (cr);
  if (count != NULL && r >= 7 * p->s)
    show_centred (p, count, (x0 + x1) / 2, y, tranche_color_contrasting (color));
}

static void
paint_lanes (Painter *p)
{
  cairo_t *cr = p->cr;
  const TrancheRect *plot = tranche_timeline_layout_get_plot (p->layout);
  double left = 0, right = plot->x + plot->width + 12 * p->s;

  for (guint i = 0; i < tranche_timeline_layout_get_n_lanes (p->layout); i++)
    {
      const TrancheTimelineLane *lane = tranche_timeline_layout_get_lane (p->layout, i);
      double r = 6 * p->s, title_height;

      left = lane->header.x - 12 * p->s;
      if (i % 2 == 0)
        {
          tranche_draw_rounded_rect (cr, left, lane->y, right - left, lane->height, 8 * p->s);
          tranche_draw_set_color (cr, p->theme->lane_stripe);
          cairo_fill (cr);
        }
      cairo_new_sub_path (cr);
      cairo_arc (cr, lane->header.x + r, lane->header.y + r + 2 * p->s, r, 0, 2 * G_PI);
      tranche_draw_set_color (cr, lane->color);
      cairo_fill (cr);
      if (lane->pinned)
        {
          /* A pinned lane: a ring around its dot, which stays where it was. */
          cairo_new_sub_path (cr);
          cairo_arc (cr, lane->header.x + r, lane->header.y + r + 2 * p->s, r + 2.5 * p->s,
                     0, 2 * G_PI);
          cairo_set_line_width (cr, 1.5 * p->s);
          tranche_draw_set_color (cr, p->theme->foreground);
          cairo_stroke (cr);
        }
      show_text (cr, lane->title_layout, lane->header.x + 2 * r + 8 * p->s, lane->header.y,
                 p->theme->foreground);
      tranche_draw_get_text_size (lane->title_layout, NULL, &title_height);
      if (lane->subtitle_layout != NULL)
        show_text (cr, lane->subtitle_layout, lane->header.x + 2 * r + 8 * p->s,
                   lane->header.y + title_height, p->theme->muted);
    }
}

static void
paint_grid (Painter *p)
{
  cairo_t *cr = p->cr;
  const TrancheRect *plot = tranche_timeline_layout_get_plot (p->layout);
  TrancheTicks *ticks = tranche_timeline_layout_get_ticks (p->layout);
  guint n_rows = tranche_ticks_get_n_rows (ticks);

  cairo_set_line_width (cr, 1);
  for (guint row = 0; row < n_rows; row++)
    {
      tranche_draw_set_color (cr, row == 0 && n_rows > 1 ? p->theme->grid
                                            : (n_rows > 1 ? p->theme->grid_strong
                                                          : p->theme->grid));
      for (guint i = 0; i < tranche_ticks_get_n_ticks (ticks, row); i++)
        {
          const TrancheTick *tick = tranche_ticks_get_tick (ticks, row, i);
          /* Snap to the pixel grid so hairlines stay crisp. */
          double x = floor (tick->x) + 0.5;
          if (tick->x < plot->x || tick->x > plot->x + plot->width)
            continue;
          cairo_move_to (cr, x, plot->y);
          cairo_line_to (cr, x, plot->y + plot->height + (row == 1 ? 4 : 0) * p->s);
        }
      cairo_stroke (cr);
    }
}

static void
paint_axis (Painter *p)
{
  cairo_t *cr = p->cr;
  const TrancheRect *plot = tranche_timeline_layout_get_plot (p->layout);
  TrancheTicks *ticks = tranche_timeline_layout_get_ticks (p->layout);

  tranche_draw_set_color (cr, p->theme->grid_strong);
  cairo_set_line_width (cr, 1 * p->s);
  cairo_move_to (cr, plot->x, plot->y + plot->height);
  cairo_line_to (cr, plot->x + plot->width, plot->y + plot->height);
  cairo_stroke (cr);

  for (guint row = 0; row < tranche_ticks_get_n_rows (ticks); row++)
    {
      double y = tranche_timeline_layout_get_tick_row_y (p->layout, row);

      for (guint i = 0; i < tranche_ticks_get_n_ticks (ticks, row); i++)
        {
          const TrancheTick *tick = tranche_ticks_get_tick (ticks, row, i);
          PangoLayout *text = tranche_timeline_layout_get_tick_label (p->layout, row, i);
          if (text == NULL)
            continue;
          show_text (cr, text, tick->label_x, y,
                     row == 0 ? p->theme->muted : p->theme->foreground);
        }
    }
}

static void
paint_density (Painter *p)
{
  cairo_t *cr = p->cr;
  const TrancheRect *plot = tranche_timeline_layout_get_plot (p->layout);
  guint32 max = tranche_timeline_layout_get_density_max (p->layout);
  double log_max = log1p (MAX (max, 1));

  for (guint i = 0; i < tranche_timeline_layout_get_n_lanes (p->layout); i++)
    {
      const TrancheTimelineLane *lane = tranche_timeline_layout_get_lane (p->layout, i);
      guint n;
      const guint32 *counts = tranche_timeline_layout_get_density (p->layout, i, &n);
      cairo_surface_t *strip;
      cairo_pattern_t *pattern;
      guint32 *pixels;
      double strip_h = lane->height * 0.56;

      if (counts == NULL || n == 0)
        continue;
      /* One pixel row per lane, stretched to the strip's height: a single
       * image draw instead of a rectangle per column. */
      strip = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, n, 1);
      cairo_surface_flush (strip);
      pixels = (guint32 *) cairo_image_surface_get_data (strip);
      for (guint c = 0; c < n; c++)
        {
          double a = counts[c] == 0 ? 0 : 0.12 + 0.7 * log1p (counts[c]) / log_max;
          guint8 alpha = (guint8) (a * 255 + 0.5);
          guint8 r = (guint8) (lane->color.red * alpha + 0.5);
          guint8 g = (guint8) (lane->color.green * alpha + 0.5);
          guint8 b = (guint8) (lane->color.blue * alpha + 0.5);
          pixels[c] = ((guint32) alpha << 24) | ((guint32) r << 16) | ((guint32) g << 8) | b;
        }
      cairo_surface_mark_dirty (strip);

      cairo_save (cr);
      cairo_translate (cr, plot->x, lane->y + (lane->height - strip_h) / 2);
      cairo_scale (cr, 1, strip_h);
      pattern = cairo_pattern_create_for_surface (strip);
      cairo_pattern_set_filter (pattern, CAIRO_FILTER_NEAREST);
      cairo_set_source (cr, pattern);
      cairo_rectangle (cr, 0, 0, n, 1);
      cairo_fill (cr);
      cairo_pattern_destroy (pattern);
      cairo_restore (cr);
      cairo_surface_destroy (strip);
    }
}

static void
paint_markers (Painter *p)
{
  guint n = tranche_timeline_layout_get_n_markers (p->layout);
  const TrancheTimelineLane *lane;

  /* Bands and bars first, under every marker. Bands of one colour go in one
   * path: hundreds of them cost a handful of fills. */
  {
    g_autoptr(GArray) done = g_array_new (FALSE, TRUE, sizeof (gboolean));
    g_array_set_size (done, n);
    for (guint i = 0; i < n; i++)
      {
        const TrancheTimelineMarker *first = tranche_timeline_layout_get_marker (p->layout, i);
        if (!(first->flags & TRANCHE_MARKER_PARTIAL) || g_array_index (done, gboolean, i))
          continue;
        for (int pass = 0; pass < 2; pass++)
          {
            cairo_new_path (p->cr);
            for (guint j = i; j < n; j++)
              {
                const TrancheTimelineMarker *m = tranche_timeline_layout_get_marker (p->layout, j);
                double h;
                if (!(m->flags & TRANCHE_MARKER_PARTIAL)
                    || memcmp (&m->color, &first->color, sizeof m->color) != 0)
                  continue;
                lane = tranche_timeline_layout_get_lane (p->layout, m->lane);
                h = MIN (m->radius + 6 * p->s, lane->height * 0.45);
                band_path (p, m->band_x0, m->band_x1, m->y, h, pass == 1);
                g_array_index (done, gboolean, j) = TRUE;
              }
            tranche_draw_set_color (p->cr, tranche_color_with_alpha (first->color,
                                                                     pass == 0 ? 0.13 : 0.7));
            cairo_fill (p->cr);
          }
      }
  }
  for (guint i = 0; i < n; i++)
    {
      const TrancheTimelineMarker *m = tranche_timeline_layout_get_marker (p->layout, i);
      if (m->flags & TRANCHE_MARKER_SPAN)
        paint_span (p, m->span_x0, m->span_x1, m->y, m->color);
    }
  for (guint i = 0; i < tranche_timeline_layout_get_n_clusters (p->layout); i++)
    {
      const TrancheTimelineCluster *c = tranche_timeline_layout_get_cluster (p->layout, i);
      g_autofree char *count = g_strdup_printf ("%u", c->n_members);
      paint_pill (p, c->x0, c->x1, c->y, c->radius, c->color, count);
    }
  for (guint i = 0; i < n; i++)
    {
      const TrancheTimelineMarker *m = tranche_timeline_layout_get_marker (p->layout, i);
      paint_shape (p, m->shape, m->flags, m->x, m->y, m->radius, m->color);
      if (m->flags & TRANCHE_MARKER_DRAFT)
        paint_draft_ring (p, m->shape, m->x, m->y, m->radius, m->color);
      if (m->flags & TRANCHE_MARKER_RANGE)
        paint_whisker (p, m->x, m->y, m->radius_min, m->radius_max, m->color);
    }
}

static void
ring (Painter      *p,
      double        x,
      double        y,
      double        r,
      double        width,
      TrancheColor  color)
{
  cairo_new_sub_path (p->cr);
  cairo_arc (p->cr, x, y, r, 0, 2 * G_PI);
  tranche_draw_set_color (p->cr, color);
  cairo_set_line_width (p->cr, width);
  cairo_stroke (p->cr);
}

static void
paint_hit (Painter                  *p,
           const TrancheTimelineHit *hit,
           double                    width,
           TrancheColor              color)
{
  if (hit->kind == TRANCHE_HIT_MARKER
      && hit->index < tranche_timeline_layout_get_n_markers (p->layout))
    {
      const TrancheTimelineMarker *m = tranche_timeline_layout_get_marker (p->layout, hit->index);
      double r = m->shape == TRANCHE_MARKER_DIAMOND ? m->radius * sqrt (G_PI / 2) : m->radius;
      ring (p, m->x, m->y, r + 2 * p->s + width / 2, width, color);
    }
  else if (hit->kind == TRANCHE_HIT_CLUSTER
           && hit->index < tranche_timeline_layout_get_n_clusters (p->layout))
    {
      const TrancheTimelineCluster *c =
        tranche_timeline_layout_get_cluster (p->layout, hit->index);
      double grow = 2 * p->s + width / 2;
      tranche_draw_rounded_rect (p->cr, c->x0 - c->radius - grow, c->y - c->radius - grow,
                    c->x1 - c->x0 + 2 * (c->radius + grow), 2 * (c->radius + grow),
                    c->radius + grow);
      tranche_draw_set_color (p->cr, color);
      cairo_set_line_width (p->cr, width);
      cairo_stroke (p->cr);
    }
}

static void
paint_event_highlight (Painter      *p,
                       int           event,
                       double        width,
                       TrancheColor  color,
                       gboolean      mark_hidden)
{
  TrancheTimelineHit hit;
  double x, y;

  if (event < 0)
    return;
  if (tranche_timeline_layout_find_event (p->layout, event, &hit))
    paint_hit (p, &hit, width, color);
  else if (mark_hidden && tranche_timeline_layout_event_position (p->layout, event, &x, &y))
    {
      /* Hidden in a density strip: still show where it is. */
      cairo_new_sub_path (p->cr);
      cairo_arc (p->cr, x, y, 5 * p->s, 0, 2 * G_PI);
      tranche_draw_set_color (p->cr, color);
      cairo_fill (p->cr);
      ring (p, x, y, 9 * p->s, width, color);
    }
}

static void
paint_labels (Painter *p)
{
  cairo_t *cr = p->cr;

  for (guint i = 0; i < tranche_timeline_layout_get_n_labels (p->layout); i++)
    {
      const TrancheTimelineLabel *label = tranche_timeline_layout_get_label (p->layout, i);
      TrancheColor color = p->theme->foreground;

      if (label->leader)
        {
          cairo_move_to (cr, label->leader_x0, label->leader_y0);
          cairo_line_to (cr, label->leader_x1, label->leader_y1);
          cairo_set_line_width (cr, 1 * p->s);
          tranche_draw_set_color (cr, p->theme->muted);
          cairo_stroke (cr);
        }
      /* A soft backing keeps text readable over grid lines and bands. */
      tranche_draw_rounded_rect (cr, label->rect.x - 2 * p->s, label->rect.y,
                    label->rect.width + 4 * p->s, label->rect.height, 3 * p->s);
      tranche_draw_set_color (cr, tranche_color_with_alpha (p->theme->background, 0.78));
      cairo_fill (cr);
      if (label->owner == TRANCHE_LABEL_FOR_TODAY)
        color = p->theme->today;
      show_text (cr, label->layout, label->rect.x, label->rect.y, color);
      if (label->detail_layout != NULL)
        show_text (cr, label->detail_layout, label->rect.x, label->detail_y, p->theme->muted);
    }
}

static void
paint_legend (Painter *p)
{
  cairo_t *cr = p->cr;

  for (guint i = 0; i < tranche_timeline_layout_get_n_legend_items (p->layout); i++)
    {
      const TrancheTimelineLegendItem *item =
        tranche_timeline_layout_get_legend_item (p->layout, i);
      const TrancheRect *b = &item->symbol;
      double cx = b->x + b->width / 2, cy = b->y + b->height / 2;
      TrancheColor ink = tranche_color_mix (p->theme->muted, p->theme->foreground, 0.3);

      switch (item->kind)
        {
        case TRANCHE_LEGEND_SWATCH:
          if (b->width > 0)
            {
              cairo_new_sub_path (cr);
              cairo_arc (cr, cx, cy, item->radius, 0, 2 * G_PI);
              tranche_draw_set_color (cr, item->color);
              cairo_fill (cr);
            }
          break;
        case TRANCHE_LEGEND_SIZE:
          cairo_new_sub_path (cr);
          cairo_arc (cr, cx, cy, item->radius, 0, 2 * G_PI);
          tranche_draw_set_color (cr, tranche_color_with_alpha (item->color, 0.35));
          cairo_fill_preserve (cr);
          tranche_draw_set_color (cr, item->color);
          cairo_set_line_width (cr, 1.2 * p->s);
          cairo_stroke (cr);
          break;
        case TRANCHE_LEGEND_UNDISCLOSED:
          paint_shape (p, TRANCHE_MARKER_CIRCLE, TRANCHE_MARKER_HOLLOW, cx, cy, item->radius, ink);
          break;
        case TRANCHE_LEGEND_UP_TO:
          paint_shape (p, TRANCHE_MARKER_CIRCLE, TRANCHE_MARKER_UP_TO, cx, cy, item->radius, ink);
          break;
        case TRANCHE_LEGEND_DRAFT:
          paint_shape (p, TRANCHE_MARKER_CIRCLE, 0, cx, cy, item->radius, ink);
          paint_draft_ring (p, TRANCHE_MARKER_CIRCLE, cx, cy, item->radius, ink);
          break;
        case TRANCHE_LEGEND_RANGE:
          paint_shape (p, TRANCHE_MARKER_CIRCLE, 0, cx, cy, item->radius * 0.7, ink);
          paint_whisker (p, cx, cy, item->radius * 0.45, item->radius * 1.0, ink);
          break;
        case TRANCHE_LEGEND_BAND:
          paint_band (p, b->x, b->x + b->width, cy, item->radius, ink);
          paint_shape (p, TRANCHE_MARKER_CIRCLE, 0, cx, cy, item->radius * 0.55, ink);
          break;
        case TRANCHE_LEGEND_SPAN:
          paint_span (p, b->x, b->x + b->width, cy, ink);
          break;
        case TRANCHE_LEGEND_ACQUISITION:
          paint_shape (p, TRANCHE_MARKER_DIAMOND, 0, cx, cy, item->radius * 0.8, ink);
          break;
        case TRANCHE_LEGEND_VALUATION:
          paint_shape (p, TRANCHE_MARKER_TRIANGLE, 0, cx, cy, item->radius, ink);
          break;
        case TRANCHE_LEGEND_CLUSTER:
          paint_pill (p, b->x + item->radius, b->x + b->width - item->radius, cy, item->radius,
                      ink, NULL);
          break;
        case TRANCHE_LEGEND_DENSITY:
          {
            cairo_pattern_t *gradient = cairo_pattern_create_linear (b->x, 0, b->x + b->width, 0);
            cairo_pattern_add_color_stop_rgba (gradient, 0, ink.red, ink.green, ink.blue, 0.1);
            cairo_pattern_add_color_stop_rgba (gradient, 1, ink.red, ink.green, ink.blue, 0.85);
            cairo_rectangle (cr, b->x, cy - item->radius, b->width, 2 * item->radius);
            cairo_set_source (cr, gradient);
            cairo_fill (cr);
            cairo_pattern_destroy (gradient);
          }
          break;
        case TRANCHE_LEGEND_APPROX:
        case TRANCHE_LEGEND_NEWS:
        default:
          break;
        }
      show_text (cr, item->layout, item->text_x, item->text_y,
                 item->kind == TRANCHE_LEGEND_SWATCH ? p->theme->foreground : p->theme->muted);
    }
}

void
tranche_timeline_painter_paint (TrancheTimelineLayout *layout,
                                cairo_t               *cr,
                                int                    selected,
                                int                    hovered,
                                double                 pointer_day)
{
  Painter p;
  const TrancheRect *plot;
  TrancheRect rect;
  PangoLayout *text;
  double today_x;

  g_return_if_fail (layout != NULL);
  g_return_if_fail (cr != NULL);

  p.layout = layout;
  p.cr = cr;
  p.theme = tranche_timeline_layout_get_theme (layout);
  p.s = p.theme->scale;
  plot = tranche_timeline_layout_get_plot (layout);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, tranche_timeline_layout_get_width (layout),
                   tranche_timeline_layout_get_height (layout));
  cairo_clip (cr);
  tranche_draw_set_color (cr, p.theme->background);
  cairo_paint (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);

  if ((text = tranche_timeline_layout_get_title (layout, &rect)) != NULL)
    show_text (cr, text, rect.x, rect.y, p.theme->foreground);
  if ((text = tranche_timeline_layout_get_subtitle (layout, &rect)) != NULL)
    show_text (cr, text, rect.x, rect.y, p.theme->muted);

  if (tranche_timeline_layout_get_ticks (layout) == NULL)
    {
      cairo_restore (cr);
      return;
    }

  paint_lanes (&p);

  /* What belongs to the time axis stays inside the plot. */
  cairo_save (cr);
  cairo_rectangle (cr, plot->x, 0, plot->width, tranche_timeline_layout_get_height (layout));
  cairo_clip (cr);
  paint_grid (&p);
  paint_density (&p);
  today_x = tranche_timeline_layout_get_today_x (layout);
  if (isfinite (today_x))
    {
      double dash[] = { 4 * p.s, 3 * p.s };
      tranche_draw_set_color (cr, tranche_color_with_alpha (p.theme->today, 0.8));
      cairo_set_line_width (cr, 1.5 * p.s);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, today_x, plot->y);
      cairo_line_to (cr, today_x, plot->y + plot->height);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  paint_markers (&p);
  paint_event_highlight (&p, hovered, 5 * p.s, p.theme->hover, FALSE);
  paint_event_highlight (&p, selected, 3 * p.s, p.theme->selection, TRUE);
  if (isfinite (pointer_day))
    {
      double x = floor (tranche_time_scale_day_to_x (tranche_timeline_layout_get_scale (layout),
                                                     pointer_day)) + 0.5;
      tranche_draw_set_color (cr, tranche_color_with_alpha (p.theme->foreground, 0.45));
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, x, plot->y);
      cairo_line_to (cr, x, plot->y + plot->height);
      cairo_stroke (cr);
    }
  cairo_restore (cr);

  paint_labels (&p);
  paint_axis (&p);
  paint_legend (&p);
  if ((text = tranche_timeline_layout_get_note (layout, &rect)) != NULL)
    show_text (cr, text, rect.x, rect.y, p.theme->muted);

  cairo_restore (cr);
}
