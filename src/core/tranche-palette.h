/* tranche-palette.h: colours for investors that colour-blind readers can tell apart
 *
 * The Okabe–Ito palette (without its black, which vanishes on dark themes).
 * An entity's colour comes from a hash of its id, so it is the same in every
 * chart, file and session; a `color` in the file wins.
 */
#pragma once

#include <glib.h>

#include "tranche-dataset.h"

G_BEGIN_DECLS

guint    tranche_palette_get_n_colors   (void);
/* 0xRRGGBB */
guint32  tranche_palette_get_color      (guint                index);
guint    tranche_palette_index_for_id   (const char          *id);
guint32  tranche_palette_color_for_id   (const char          *id);
/* The file's colour when it gives one, else the id's. */
guint32  tranche_palette_entity_color   (const TrancheEntity *entity);
/* Colours for entities shown together: each keeps its id's colour unless an
 * entity before it in `entities` took that one and free colours remain; then
 * it takes the next free one, so a handful of investors never share a colour.
 * Entities with a file colour keep it. Writes `n` colours to `colors`. */
void     tranche_palette_assign         (const TrancheEntity * const *entities,
                                         guint                n,
                                         guint32             *colors);

G_END_DECLS
