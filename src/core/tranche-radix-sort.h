/* tranche-radix-sort.h: stable sorts of 64-bit keys in linear time
 *
 * The builder orders a million events by date, the lane index days and
 * amounts: each packs what it sorts by into a 64-bit key and sorts those,
 * least significant digit first, instead of calling a comparison function
 * twenty million times.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* bits of the key sorted in one pass */
#define TRANCHE_RADIX_BITS 11

/* Sorts `keys` by their bits from `first_bit` to the top, keeping the
 * order of keys equal there. */
void     tranche_radix_sort_u64       (guint64 *keys,
                                       guint    n,
                                       guint    first_bit);

/* For radix sorts of other items: turns the counts of one digit's values
 * (1 << TRANCHE_RADIX_BITS of them) into where each value's items start.
 * FALSE when all `n` items have the same digit: the pass can be skipped. */
gboolean tranche_radix_bucket_starts  (guint   *count,
                                       guint    n);

G_END_DECLS
