/* fuzz-json-scan.c: libFuzzer target for the loader's first pass alone
 *
 * The pre-scan (tranche-json-scan.c) reads every byte of a file from
 * anyone before json-glib does, and decides what json-glib gets to see.
 * Driven directly, with no parse behind it, the fuzzer spends all its time
 * in the lexer and grammar check. Beyond "no crash, no sanitizer report",
 * the target checks what the loader relies on:
 *  - a refused text has at least one fatal problem, an accepted one none;
 *  - every problem's offset is inside the text (or just past its end) and
 *    its message is valid UTF-8 (it reaches the problems dialog);
 *  - for an accepted text, the root members and the elements of the big
 *    arrays start inside the text, in order, and each member's value ends
 *    after it starts, so the second pass cuts the text at real boundaries.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "tranche-json-scan.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static void G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN
fail (const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  abort ();
}

static void
check_problems (GArray *list,
                gsize   len)
{
  for (guint i = 0; i < list->len; i++)
    {
      const TrancheProblem *p = &g_array_index (list, TrancheProblem, i);

      if (p->offset != TRANCHE_NO_OFFSET && p->offset > len)
        fail ("problem at offset %zu of a %zu-byte text", p->offset, len);
      if (!g_utf8_validate (p->message, -1, NULL))
        fail ("a problem's message is not UTF-8");
    }
}

static void
check_members (const TrancheJsonScan *scan)
{
  gsize last = 0;

  if (scan->root_offset >= scan->len)
    fail ("root at %zu of %zu bytes", scan->root_offset, scan->len);
  for (guint i = 0; i < scan->root_members->len; i++)
    {
      const TrancheRootMember *m = &g_array_index (scan->root_members, TrancheRootMember, i);

      if (m->key_offset < last || m->value_offset <= m->key_offset
          || m->value_end <= m->value_offset || m->value_end > scan->len)
        fail ("root member %u \"%s\" at %zu..%zu, out of order or outside the text", i,
              m->key, m->value_offset, m->value_end);
      last = m->value_end;
      if (m->kind == TRANCHE_ROOT_OTHER)
        continue;
      if (scan->data[m->value_offset] != '[' || scan->data[m->value_end - 1] != ']')
        fail ("streamed member \"%s\" is no array", m->key);
      for (guint k = 0; k < m->elements->len; k++)
        {
          gsize at = g_array_index (m->elements, gsize, k);

          if (at <= m->value_offset || at >= m->value_end - 1
              || (k > 0 && at <= g_array_index (m->elements, gsize, k - 1)))
            fail ("element %u of \"%s\" at %zu, out of order or outside", k, m->key, at);
        }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  TrancheProblems problems;
  TrancheJsonScan scan;
  gboolean ok;

  tranche_problems_init (&problems);
  tranche_json_scan_init (&scan, (const char *) data, size, &problems);
  ok = tranche_json_scan_check_encoding (&scan) && tranche_json_scan_run (&scan);

  if (ok != (problems.fatal->len == 0))
    fail ("scan says %s with %u fatal problems", ok ? "yes" : "no", problems.fatal->len);
  check_problems (problems.fatal, size);
  check_problems (problems.list, size);
  if (ok && scan.root_is_object)
    check_members (&scan);

  tranche_json_scan_clear (&scan);
  tranche_problems_clear (&problems);
  return 0;
}
