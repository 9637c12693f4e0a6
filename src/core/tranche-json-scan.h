/* tranche-json-scan.h: checks a JSON text before json-glib sees it
 *
 * UTF-8 (with the position of the first bad byte), then a light lexer and
 * grammar check. json-glib 1.6 parses recursively with no depth limit
 * (100,000 nested brackets overflow the stack) and accepts things that are
 * not JSON (comments, single quotes, `var x =`, raw line breaks in strings,
 * 01), so the scan refuses those with a position of its own. It also notes,
 * at no extra cost, where each member of the root object starts and ends
 * and where each element of `events`, `entities` and `sources` starts.
 *
 * Needs nothing but the bytes and somewhere to put problems, so that a
 * fuzzer can drive it directly (fuzz/fuzz-json-scan.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tranche-problems.h"

G_BEGIN_DECLS

/* Deeper than any dataset needs, far below what json-glib's recursion on
 * a worker thread's stack survives. */
#define TRANCHE_JSON_MAX_DEPTH 512

typedef enum
{
  TRANCHE_ROOT_OTHER,
  TRANCHE_ROOT_ENTITIES,
  TRANCHE_ROOT_SOURCES,
  TRANCHE_ROOT_EVENTS,
} TrancheRootKind;

typedef struct
{
  char            *key;           /* decoded member name */
  gsize            key_offset;    /* its opening quote */
  gsize            value_offset;
  gsize            value_end;     /* just past the value */
  TrancheRootKind  kind;          /* streamed array, or OTHER */
  GArray          *elements;      /* gsize start offsets of a streamed array's elements */
} TrancheRootMember;

typedef struct
{
  gsize start;  /* the name's opening quote */
  gsize end;    /* just past its closing quote */
} TrancheJsonKey;

typedef struct
{
  const char      *data;
  gsize            len;
  TrancheProblems *problems;      /* fatal ones say why the text is refused */

  /* what the scan found */
  gsize            root_offset;
  gboolean         root_is_object;
  GArray          *root_members;  /* TrancheRootMember */
  guint            n_streamed;    /* elements in all streamed arrays */
  GArray          *duplicate_keys; /* TrancheJsonKey: a name given again in the same object
                                   * (json-glib keeps one silently), below the root, in
                                   * file order */

  guint8           string_stop[256];  /* bytes that end a run inside a string */
} TrancheJsonScan;

void      tranche_json_scan_init           (TrancheJsonScan *scan,
                                            const char      *data,
                                            gsize            len,
                                            TrancheProblems *problems);
void      tranche_json_scan_clear          (TrancheJsonScan *scan);
/* FALSE after a fatal problem: not UTF-8. */
gboolean  tranche_json_scan_check_encoding (TrancheJsonScan *scan);
/* FALSE after a fatal problem: not JSON, or nested too deep. Expects text
 * that passed tranche_json_scan_check_encoding(). */
gboolean  tranche_json_scan_run            (TrancheJsonScan *scan);

/* The text of the string token from `start` (its opening quote) to `end`
 * (just past its closing one), in a text the scan accepted. */
char     *tranche_json_decode_string       (const char      *data,
                                            gsize            start,
                                            gsize            end);

G_END_DECLS
