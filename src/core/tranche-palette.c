/* tranche-palette.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tranche-palette.h"

/* Okabe & Ito (2008), "Color Universal Design"; ordered so the first colours
 * (the likeliest for a small file) differ most. */
static const guint32 okabe_ito[] = {
  0x0072b2, /* blue */
  0xe69f00, /* orange */
  0x009e73, /* bluish green */
  0xcc79a7, /* reddish purple */
  0x56b4e9, /* sky blue */
  0xd55e00, /* vermillion */
  0xf0e442, /* yellow */
};

guint
tranche_palette_get_n_colors (void)
{
  return G_N_ELEMENTS (okabe_ito);
}

guint32
tranche_palette_get_color (guint index)
{
  return okabe_ito[index % G_N_ELEMENTS (okabe_ito)];
}

guint
tranche_palette_index_for_id (const char *id)
{
  /* FNV-1a: fixed here, unlike g_str_hash, which GLib may change. */
  guint32 hash = 2166136261u;

  g_return_val_if_fail (id != NULL, 0);
  for (const guchar *p = (const guchar *) id; *p != '\0'; p++)
    {
      hash ^= *p;
      hash *= 16777619u;
    }
  return hash % G_N_ELEMENTS (okabe_ito);
}

guint32
tranche_palette_color_for_id (const char *id)
{
  g_return_val_if_fail (id != NULL, okabe_ito[0]);
  return okabe_ito[tranche_palette_index_for_id (id)];
}

guint32
tranche_palette_entity_color (const TrancheEntity *entity)
{
  g_return_val_if_fail (entity != NULL, okabe_ito[0]);
  if (entity->has_color)
    return entity->color;
  return tranche_palette_color_for_id (entity->id);
}

void
tranche_palette_assign (const TrancheEntity * const *entities,
                        guint                        n,
                        guint32                     *colors)
{
  gboolean taken[G_N_ELEMENTS (okabe_ito)] = { FALSE };
  guint n_taken = 0;

  g_return_if_fail (n == 0 || (entities != NULL && colors != NULL));

  for (guint i = 0; i < n; i++)
    {
      guint index;

      if (entities[i]->has_color)
        {
          colors[i] = entities[i]->color;
          continue;
        }
      index = tranche_palette_index_for_id (entities[i]->id);
      if (n_taken < G_N_ELEMENTS (okabe_ito))
        {
          while (taken[index])
            index = (index + 1) % G_N_ELEMENTS (okabe_ito);
          taken[index] = TRUE;
          n_taken++;
        }
      colors[i] = okabe_ito[index];
    }
}
