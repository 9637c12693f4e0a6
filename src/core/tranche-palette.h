/* tranche-palette.h: colours for entities, stable per id and told apart
 *
 * An entity's colour is the file's `color` when it declares one, else a
 * function of its id and of the colours the file declares, nothing else:
 * the same in every chart, after every reload and filter, whoever else is
 * in the file. The automatic colours come from a fixed palette (Okabe–Ito's
 * colour-blind-safe seven, then colours no closer to them or to each other
 * than TRANCHE_PALETTE_MIN_DISTANCE, CIE76 ΔE in CIELAB); a palette colour
 * within that distance of a declared colour is never picked, so an
 * automatic colour is never mistaken for a declared one. Two ids may hash
 * to the same colour; they never get two colours that are merely close.
 */
#pragma once

#include <glib.h>

#include "tranche-dataset.h"

G_BEGIN_DECLS

/* CIE76 ΔE; about 2.3 is a just noticeable difference. */
#define TRANCHE_PALETTE_MIN_DISTANCE 20.0

guint    tranche_palette_get_n_colors   (void);
/* 0xRRGGBB */
guint32  tranche_palette_get_color      (guint                index);
/* CIE76 ΔE between two 0xRRGGBB colours (sRGB, D65). */
double   tranche_palette_distance       (guint32              a,
                                         guint32              b);
guint    tranche_palette_index_for_id   (const char          *id);
/* The id's colour when the file declares none. */
guint32  tranche_palette_color_for_id   (const char          *id);
/* The id's colour among palette colours far enough from every declared one
 * (all of them when none is). */
guint32  tranche_palette_auto_color     (const char          *id,
                                         const guint32       *declared,
                                         guint                n_declared);
/* The same for `n` ids at once, `colors` getting one each: the declared
 * colours are compared with the palette once. */
void     tranche_palette_auto_colors    (const char * const  *ids,
                                         guint                n,
                                         const guint32       *declared,
                                         guint                n_declared,
                                         guint32             *colors);
/* The file's colour when it gives one, else the automatic one (as the
 * dataset worked it out, or the id's when the entity was made elsewhere). */
guint32  tranche_palette_entity_color   (const TrancheEntity *entity);
/* tranche_palette_entity_color() of each of `n` entities, into `colors`. */
void     tranche_palette_assign         (const TrancheEntity * const *entities,
                                         guint                n,
                                         guint32             *colors);

G_END_DECLS
