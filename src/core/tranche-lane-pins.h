/* tranche-lane-pins.h: which timeline lanes a dataset has pinned, in order
 *
 * Pinned lanes come first in the timeline and are never folded
 * (tranche_timeline_layout_set_pinned_lanes()). The list is kept per
 * dataset file in a small key file under g_get_user_state_dir()/tranche,
 * so it comes back when the file is opened again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  TRANCHE_LANE_PIN_TO_TOP,   /* pinned, first of the pinned */
  TRANCHE_LANE_PIN_UP,       /* one place up among the pinned */
  TRANCHE_LANE_PIN_DOWN,     /* one place down among the pinned */
  TRANCHE_LANE_PIN_REMOVE,   /* unpinned */
} TrancheLanePinAction;

/* Applies `action` to the lane `key` in `keys` (char *, owned). FALSE when
 * nothing changed (moving the first one up, unpinning what is not pinned). */
gboolean  tranche_lane_pins_apply   (GPtrArray             *keys,
                                     const char            *key,
                                     TrancheLanePinAction   action);
/* TRUE when `key` is in `keys`; its place in *position when not NULL. */
gboolean  tranche_lane_pins_find    (GPtrArray             *keys,
                                     const char            *key,
                                     guint                 *position);
/* The lanes pinned for the dataset `id` (its file's path or URI), in order;
 * an empty array when none were (or the state cannot be read). */
GPtrArray *tranche_lane_pins_load   (const char            *id);
/* Remembers `keys` for the dataset `id`; an empty array forgets it. */
gboolean  tranche_lane_pins_save    (const char            *id,
                                     GPtrArray             *keys,
                                     GError               **error);

G_END_DECLS
