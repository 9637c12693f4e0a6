/* tranche-label-placer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tranche-label-placer.h"

#define COLUMN_WIDTH 64.0

typedef struct
{
  gboolean    circle;
  TrancheRect rect;    /* for a circle, its bounding box */
  double      cx, cy, radius;
} Obstacle;

struct _TrancheLabelPlacer
{
  TrancheRect  bounds;
  double       padding;
  double       side_gap;   /* kept beside a rectangle (another label): >= padding */
  GArray      *obstacles;  /* Obstacle */
  GArray     **columns;    /* guint indices into obstacles */
  guint        n_columns;
};

static void
column_span (TrancheLabelPlacer *self,
             double              x0,
             double              x1,
             guint              *first,
             guint              *last)
{
  double a = floor ((x0 - self->bounds.x) / COLUMN_WIDTH);
  double b = floor ((x1 - self->bounds.x) / COLUMN_WIDTH);

  *first = (guint) CLAMP (a, 0, self->n_columns - 1);
  *last = (guint) CLAMP (b, 0, self->n_columns - 1);
}

static void
add_obstacle (TrancheLabelPlacer *self,
              const Obstacle     *obstacle)
{
  guint index = self->obstacles->len, first, last;

  g_array_append_val (self->obstacles, *obstacle);
  column_span (self, obstacle->rect.x, obstacle->rect.x + obstacle->rect.width, &first, &last);
  for (guint c = first; c <= last; c++)
    {
      if (self->columns[c] == NULL)
        self->columns[c] = g_array_new (FALSE, FALSE, sizeof (guint));
      g_array_append_val (self->columns[c], index);
    }
}

TrancheLabelPlacer *
tranche_label_placer_new (const TrancheRect *bounds,
                          double             padding)
{
  TrancheLabelPlacer *self;

  g_return_val_if_fail (bounds != NULL, NULL);

  self = g_new0 (TrancheLabelPlacer, 1);
  self->bounds = *bounds;
  self->padding = MAX (padding, 0);
  self->side_gap = self->padding;
  self->obstacles = g_array_new (FALSE, FALSE, sizeof (Obstacle));
  self->n_columns = (guint) MAX (1, ceil (MAX (bounds->width, 0) / COLUMN_WIDTH) + 1);
  self->columns = g_new0 (GArray *, self->n_columns);
  return self;
}

void
tranche_label_placer_set_side_gap (TrancheLabelPlacer *self,
                                   double              gap)
{
  g_return_if_fail (self != NULL);
  self->side_gap = MAX (gap, self->padding);
}

void
tranche_label_placer_free (TrancheLabelPlacer *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n_columns; i++)
    g_clear_pointer (&self->columns[i], g_array_unref);
  g_free (self->columns);
  g_array_unref (self->obstacles);
  g_free (self);
}

void
tranche_label_placer_add_circle (TrancheLabelPlacer *self,
                                 double              x,
                                 double              y,
                                 double              radius)
{
  Obstacle obstacle = { TRUE, { x - radius, y - radius, 2 * radius, 2 * radius }, x, y, radius };

  g_return_if_fail (self != NULL);
  add_obstacle (self, &obstacle);
}

void
tranche_label_placer_add_rect (TrancheLabelPlacer *self,
                               const TrancheRect  *rect)
{
  Obstacle obstacle = { FALSE, *rect, 0, 0, 0 };

  g_return_if_fail (self != NULL);
  g_return_if_fail (rect != NULL);
  add_obstacle (self, &obstacle);
}

static gboolean
circle_hits_rect (const Obstacle    *circle,
                  const TrancheRect *rect)
{
  double nx = CLAMP (circle->cx, rect->x, rect->x + rect->width);
  double ny = CLAMP (circle->cy, rect->y, rect->y + rect->height);
  double dx = circle->cx - nx, dy = circle->cy - ny;

  return dx * dx + dy * dy < circle->radius * circle->radius;
}

gboolean
tranche_label_placer_is_free (TrancheLabelPlacer *self,
                              const TrancheRect  *rect,
                              double              ignore_x,
                              double              ignore_y)
{
  TrancheRect padded, beside;
  guint first, last;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (rect != NULL, FALSE);

  if (rect->x < self->bounds.x || rect->y < self->bounds.y
      || rect->x + rect->width > self->bounds.x + self->bounds.width
      || rect->y + rect->height > self->bounds.y + self->bounds.height)
    return FALSE;

  padded.x = rect->x - self->padding;
  padded.y = rect->y - self->padding;
  padded.width = rect->width + 2 * self->padding;
  padded.height = rect->height + 2 * self->padding;
  /* wider beside rectangles: two labels a space apart read as one */
  beside = padded;
  beside.x = rect->x - self->side_gap;
  beside.width = rect->width + 2 * self->side_gap;
  column_span (self, beside.x, beside.x + beside.width, &first, &last);
  for (guint c = first; c <= last; c++)
    {
      GArray *column = self->columns[c];
      if (column == NULL)
        continue;
      for (guint i = 0; i < column->len; i++)
        {
          const Obstacle *o = &g_array_index (self->obstacles, Obstacle,
                                              g_array_index (column, guint, i));
          if (!o->circle)
            {
              if (tranche_rect_intersects (&o->rect, &beside))
                return FALSE;
              continue;
            }
          if (!tranche_rect_intersects (&o->rect, &padded))
            continue;
          if (o->cx == ignore_x && o->cy == ignore_y)
            continue;
          if (circle_hits_rect (o, &padded))
            return FALSE;
        }
    }
  return TRUE;
}

gboolean
tranche_rect_intersects (const TrancheRect *a,
                         const TrancheRect *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return a->x < b->x + b->width && b->x < a->x + a->width
         && a->y < b->y + b->height && b->y < a->y + a->height;
}

gboolean
tranche_rect_contains (const TrancheRect *rect,
                       double             x,
                       double             y)
{
  g_return_val_if_fail (rect != NULL, FALSE);
  return x >= rect->x && x < rect->x + rect->width && y >= rect->y && y < rect->y + rect->height;
}
