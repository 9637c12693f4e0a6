/* tranche-palette.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "tranche-palette.h"

/* Okabe & Ito (2008), "Color Universal Design", then colours from Paul
 * Tol's and Tableau's sets kept only when at least
 * TRANCHE_PALETTE_MIN_DISTANCE from every colour before them (a test
 * checks it). */
static const guint32 palette[] = {
  0x0072b2, /* blue */
  0xe69f00, /* orange */
  0x009e73, /* bluish green */
  0xcc79a7, /* reddish purple */
  0x56b4e9, /* sky blue */
  0xd55e00, /* vermillion */
  0xf0e442, /* yellow */
  0x882255, /* wine */
  0x999933, /* olive */
  0x332288, /* indigo */
  0xaa4499, /* purple */
  0x117733, /* green */
  0xddcc77, /* sand */
  0xcc6677, /* rose */
  0x994f00, /* brown */
  0x7d5ba6, /* violet */
  0x5b8c2a, /* leaf */
  0x8c564b, /* chestnut */
  0x17becf, /* cyan */
  0x2ca02c, /* grass */
  0xd62728, /* red */
};

typedef struct
{
  double l, a, b;
} Lab;

static double
linear (double u)
{
  return u <= 0.04045 ? u / 12.92 : pow ((u + 0.055) / 1.055, 2.4);
}

static double
lab_f (double t)
{
  return t > 216.0 / 24389.0 ? cbrt (t) : (24389.0 / 27.0 * t + 16.0) / 116.0;
}

static Lab
to_lab (guint32 rgb)
{
  double r = linear (((rgb >> 16) & 0xff) / 255.0);
  double g = linear (((rgb >> 8) & 0xff) / 255.0);
  double b = linear ((rgb & 0xff) / 255.0);
  double fx = lab_f ((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  double fy = lab_f (0.2126 * r + 0.7152 * g + 0.0722 * b);
  double fz = lab_f ((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);

  return (Lab) { 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz) };
}

guint
tranche_palette_get_n_colors (void)
{
  return G_N_ELEMENTS (palette);
}

guint32
tranche_palette_get_color (guint index)
{
  return palette[index % G_N_ELEMENTS (palette)];
}

static double lab_distance (const Lab *x,
                            const Lab *y);

double
tranche_palette_distance (guint32 a,
                          guint32 b)
{
  Lab x = to_lab (a), y = to_lab (b);

  return lab_distance (&x, &y);
}

/* FNV-1a: fixed here, unlike g_str_hash, which GLib may change. */
static guint32
hash_id (const char *id)
{
  guint32 hash = 2166136261u;

  for (const guchar *p = (const guchar *) id; *p != '\0'; p++)
    {
      hash ^= *p;
      hash *= 16777619u;
    }
  return hash;
}

guint
tranche_palette_index_for_id (const char *id)
{
  g_return_val_if_fail (id != NULL, 0);
  return hash_id (id) % G_N_ELEMENTS (palette);
}

guint32
tranche_palette_color_for_id (const char *id)
{
  g_return_val_if_fail (id != NULL, palette[0]);
  return palette[tranche_palette_index_for_id (id)];
}

static double
lab_distance (const Lab *x,
              const Lab *y)
{
  return sqrt ((x->l - y->l) * (x->l - y->l) + (x->a - y->a) * (x->a - y->a)
               + (x->b - y->b) * (x->b - y->b));
}

/* The palette slots far enough from every declared colour; each colour is
 * converted once, so a file with thousands of entities stays cheap. */
static guint
usable_slots (const guint32 *declared,
              guint          n_declared,
              guint         *usable)
{
  g_autofree Lab *declared_lab = g_new (Lab, MAX (n_declared, 1));
  guint n_usable = 0;

  for (guint k = 0; k < n_declared; k++)
    declared_lab[k] = to_lab (declared[k]);
  for (guint i = 0; i < G_N_ELEMENTS (palette); i++)
    {
      Lab lab = to_lab (palette[i]);
      gboolean far = TRUE;

      for (guint k = 0; k < n_declared && far; k++)
        far = lab_distance (&lab, &declared_lab[k]) >= TRANCHE_PALETTE_MIN_DISTANCE;
      if (far)
        usable[n_usable++] = i;
    }
  return n_usable;
}

static guint32
pick (const char  *id,
      const guint *usable,
      guint        n_usable)
{
  /* A file that declares colours near every one of the palette's: the
   * id's own colour, as if none were declared. */
  if (n_usable == 0)
    return tranche_palette_color_for_id (id);
  return palette[usable[hash_id (id) % n_usable]];
}

guint32
tranche_palette_auto_color (const char    *id,
                            const guint32 *declared,
                            guint          n_declared)
{
  guint usable[G_N_ELEMENTS (palette)];
  guint n_usable;

  g_return_val_if_fail (id != NULL, palette[0]);
  g_return_val_if_fail (n_declared == 0 || declared != NULL, palette[0]);

  n_usable = usable_slots (declared, n_declared, usable);
  return pick (id, usable, n_usable);
}

void
tranche_palette_auto_colors (const char * const *ids,
                             guint               n,
                             const guint32      *declared,
                             guint               n_declared,
                             guint32            *colors)
{
  guint usable[G_N_ELEMENTS (palette)];
  guint n_usable;

  g_return_if_fail (n == 0 || (ids != NULL && colors != NULL));
  g_return_if_fail (n_declared == 0 || declared != NULL);

  n_usable = usable_slots (declared, n_declared, usable);
  for (guint i = 0; i < n; i++)
    colors[i] = pick (ids[i], usable, n_usable);
}

guint32
tranche_palette_entity_color (const TrancheEntity *entity)
{
  g_return_val_if_fail (entity != NULL, palette[0]);
  if (entity->has_color)
    return entity->color;
  if (entity->auto_color != 0)
    return entity->auto_color;
  return tranche_palette_color_for_id (entity->id);
}

void
tranche_palette_assign (const TrancheEntity * const *entities,
                        guint                        n,
                        guint32                     *colors)
{
  g_return_if_fail (n == 0 || (entities != NULL && colors != NULL));

  /* Never from who else is shown: that would change an entity's colour
   * when a filter or a reload changes the others. */
  for (guint i = 0; i < n; i++)
    colors[i] = tranche_palette_entity_color (entities[i]);
}
