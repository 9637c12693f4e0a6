/* tranche-radix-sort.c: stable sorts of 64-bit keys in linear time
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "tranche-radix-sort.h"

#define DIGIT_MASK ((1u << TRANCHE_RADIX_BITS) - 1)

gboolean
tranche_radix_bucket_starts (guint *count,
                             guint  n)
{
  guint sum = 0;

  for (guint b = 0; b < 1u << TRANCHE_RADIX_BITS; b++)
    {
      guint c = count[b];

      if (c == n)
        return FALSE;
      count[b] = sum;
      sum += c;
    }
  return TRUE;
}

void
tranche_radix_sort_u64 (guint64 *keys,
                        guint    n,
                        guint    first_bit)
{
  g_autofree guint64 *scratch = NULL;
  guint64 *in = keys, *out;

  if (n < 2)
    return;
  scratch = g_new (guint64, n);
  out = scratch;
  for (guint shift = first_bit; shift < 64; shift += TRANCHE_RADIX_BITS)
    {
      guint count[1u << TRANCHE_RADIX_BITS] = { 0 };
      guint64 *swap = in;

      for (guint i = 0; i < n; i++)
        count[(in[i] >> shift) & DIGIT_MASK]++;
      if (!tranche_radix_bucket_starts (count, n))
        continue;
      for (guint i = 0; i < n; i++)
        out[count[(in[i] >> shift) & DIGIT_MASK]++] = in[i];
      in = out;
      out = swap;
    }
  if (in != keys)
    memcpy (keys, in, sizeof (guint64) * n);
}
