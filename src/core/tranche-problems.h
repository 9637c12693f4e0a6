/* tranche-problems.h: the loader's problems until they are handed over
 *
 * Problems are kept with a byte offset into the input, not a line: most
 * loads report none, and those that do turn all their offsets into
 * line:column in one forward pass (TrancheCursor) when they are handed
 * over to a TrancheDiagnostics, in file order. Shared by the JSON pre-scan
 * and the format reader, so that the cap on their number is one rule.
 *
 * The cap keeps the first problems in file order, whatever order they are
 * found in (references nothing declared are only known at the end): the
 * kept ones are a heap whose top is the last of them in the file, so a
 * problem found later but earlier in the file takes its place. Those left
 * out are counted by severity, never formatted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "tranche-diagnostics.h"

G_BEGIN_DECLS

/* A million broken events must not make a million diagnostics. */
#define TRANCHE_MAX_PROBLEMS 1000
/* A problem's offset when it has none: line and column as given. */
#define TRANCHE_NO_OFFSET G_MAXSIZE

typedef struct
{
  TrancheSeverity  severity;
  char            *path;
  gsize            offset;  /* TRANCHE_NO_OFFSET: line and column as given */
  guint            line;
  guint            column;
  char            *message;
  guint            seq;     /* keeps the order of problems at one offset */
} TrancheProblem;

typedef struct
{
  GArray   *list;           /* TrancheProblem: what a dataset is reported with; a
                             * heap with the last in file order on top */
  GArray   *fatal;          /* TrancheProblem: why the document is no dataset */
  guint     n_reported;     /* numbers the problems, for ties at one offset */
  guint     n_unlisted[TRANCHE_SEVERITY_ERROR + 1];  /* past the cap: counted, not kept */
} TrancheProblems;

/* Turns byte offsets, visited in increasing order, into line and column
 * (tranche-json-locate.c). */
typedef struct
{
  const char *data;
  gsize       len;
  gsize       offset;
  guint       line;
  gsize       line_start;
  gsize       col_offset;  /* where `col` was last counted, on the current line */
  guint       col;
} TrancheCursor;

void      tranche_cursor_init            (TrancheCursor      *c,
                                          const char         *data,
                                          gsize               len);
void      tranche_cursor_seek            (TrancheCursor      *c,
                                          gsize               offset);
guint     tranche_cursor_column          (TrancheCursor      *c);

void      tranche_problems_init          (TrancheProblems    *problems);
void      tranche_problems_clear         (TrancheProblems    *problems);
/* Whether a problem at `offset` (or at any offset after it), found now,
 * would be kept rather than just counted: what is known to be left out
 * need not be located or formatted. */
gboolean  tranche_problems_would_keep    (TrancheProblems    *problems,
                                          gsize               offset);
/* Counts a problem that tranche_problems_would_keep() said is left out. */
void      tranche_problems_count_unlisted (TrancheProblems   *problems,
                                           TrancheSeverity    severity);
/* Keeps a problem, or counts it past the cap; takes `path` and `message`. */
void      tranche_problems_add           (TrancheProblems    *problems,
                                          TrancheSeverity     severity,
                                          char               *path,
                                          gsize               offset,
                                          char               *message);
/* A problem that means there is no dataset at all; never capped. */
void      tranche_problems_add_fatal     (TrancheProblems    *problems,
                                          gsize               offset,
                                          const char         *path,
                                          char               *message);
/* The kept problems (or the fatal ones), in file order, with line:column
 * counted in `data`; then how many were left out, by severity. */
void      tranche_problems_hand_over     (TrancheProblems    *problems,
                                          gboolean            fatal,
                                          const char         *data,
                                          gsize               len,
                                          TrancheDiagnostics *diagnostics);

/* Short quotes of the input's text inside messages. */
char     *tranche_problems_shorten       (const char         *text);

G_END_DECLS
