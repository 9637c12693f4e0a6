/* tranche-loader-private.h: what the loader's files share
 *
 * tranche-loader.c      the passes and the parsing threads
 * tranche-json-scan.c   first pass: UTF-8 and JSON grammar, where things start
 * tranche-json-locate.c the JSON path being read, and its offset in the text
 * tranche-problems.c    problems, their cap, and their hand-over
 * tranche-format-v1.c   format version 1: events, root
 * tranche-format-v1-items.c   its entities and sources
 * tranche-format-v1-values.c  its values: strings, dates, amounts, ids
 * tranche-text-file.c   a source's text_file, read only inside its folder
 * tranche-file-read.c   reading the file itself
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "tranche-dataset-builder.h"
#include "tranche-json-scan.h"
#include "tranche-loader.h"
#include "tranche-problems.h"

G_BEGIN_DECLS

/* Text longer than any display shows is cut, with a warning: laying out
 * megabytes of one label froze the window and took 11 s to paint a 5 MB
 * title. Labels (titles, names, tags) and paragraphs (summaries, quotes);
 * a source's full text is shown by a text view that copes, and is kept. */
#define MAX_LABEL 1000
#define MAX_PARAGRAPH 20000
/* events[i].sources[j].quote is the deepest path the format has. */
#define MAX_PATH 8

typedef struct
{
  const char *key;   /* NULL for an array index */
  guint       index;
} PathPart;

/* The first use of an id nothing declared (yet). */
typedef struct
{
  char  *path;
  gsize  offset;
} Reference;

typedef struct
{
  const char                 *data;     /* after any byte order mark */
  gsize                       len;
  const char                 *filename;
  char                       *folder;   /* for text_file; NULL: refuse them */
  GCancellable               *cancellable;
  TrancheLoaderProgressFunc   progress;
  gpointer                    progress_data;
  guint                       n_threads;  /* 0: decided from the input's size */
  gboolean                    checks;
  TrancheDatasetBuilder      *builder;

  TrancheProblems             problems;
  guint                       n_errors_here;  /* errors in the item being read */

  /* the JSON path of what is being read, and where its anchor starts */
  PathPart                    path[MAX_PATH];
  guint                       path_len;
  guint                       anchor_depth;
  gsize                       anchor_offset;
  /* big containers of the anchor's element, by offset, once walked */
  GHashTable                 *indexed;
  gsize                       indexed_anchor;

  /* first pass */
  TrancheJsonScan             scan;

  /* second pass: the elements are converted one at a time, in file order,
   * by whichever parsing thread holds the turn */
  guint                       n_done;
  int                         last_percent;
  gboolean                    cancelled;
  TrancheCursor               event_lines;

  GPtrArray                  *shortened;      /* cut copies of long texts, until built */
  GHashTable                 *bad_entity_ids;
  GHashTable                 *bad_source_ids;
  GHashTable                 *entity_index;      /* interned id -> entity index */
  GHashTable                 *unknown_entities;  /* id -> Reference to its first use */
  GHashTable                 *unknown_sources;
  gboolean                    default_target;  /* the root gives a `target` */
  GArray                      *file_index;     /* guint: events[] index of each event built */
  GHashTable                 *text_files;  /* real path -> its shared text; NULL: not UTF-8 */
} Loader;

/* The path (tranche-json-locate.c) */

static inline void
push_key (Loader     *self,
          const char *key)
{
  g_assert (self->path_len < MAX_PATH);
  self->path[self->path_len].key = key;
  self->path[self->path_len].index = 0;
  self->path_len++;
}

static inline void
push_index (Loader *self,
            guint   index)
{
  g_assert (self->path_len < MAX_PATH);
  self->path[self->path_len].key = NULL;
  self->path[self->path_len].index = index;
  self->path_len++;
}

static inline void
pop (Loader *self)
{
  g_assert (self->path_len > self->anchor_depth);
  self->path_len--;
}

void      tranche_loader_locate_init    (Loader          *self);
void      tranche_loader_locate_clear   (Loader          *self);
char     *tranche_loader_path_to_string (Loader          *self);
gsize     tranche_loader_locate         (Loader          *self,
                                         gboolean         want_value);
void      tranche_loader_free_reference (gpointer         data);

/* Problems (tranche-problems.c) */

void      tranche_loader_report_valist  (Loader          *self,
                                         TrancheSeverity  severity,
                                         const char      *format,
                                         va_list          args) G_GNUC_PRINTF (3, 0);
void      tranche_loader_report_unknown_references (Loader *self);

/* A problem with what the current path names. */
static inline void report (Loader          *self,
                           TrancheSeverity  severity,
                           const char      *format,
                           ...) G_GNUC_PRINTF (3, 4);
static inline void
report (Loader          *self,
        TrancheSeverity  severity,
        const char      *format,
        ...)
{
  va_list args;

  va_start (args, format);
  tranche_loader_report_valist (self, severity, format, args);
  va_end (args);
}

/* A problem that means there is no dataset at all. */
static inline void fatal_at (Loader     *self,
                             gsize       offset,
                             const char *path,
                             const char *format,
                             ...) G_GNUC_PRINTF (4, 5);
static inline void
fatal_at (Loader     *self,
          gsize       offset,
          const char *path,
          const char *format,
          ...)
{
  va_list args;

  va_start (args, format);
  tranche_problems_add_fatal (&self->problems, offset, path, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Format version 1 (tranche-format-v1.c) */

void      tranche_format_v1_load_entity     (Loader     *self,
                                             JsonNode   *node);
void      tranche_format_v1_load_source     (Loader     *self,
                                             JsonNode   *node);
void      tranche_format_v1_load_event      (Loader     *self,
                                             JsonNode   *node);
void      tranche_format_v1_check_version   (Loader     *self,
                                             JsonObject *root);
void      tranche_format_v1_load_root       (Loader     *self,
                                             JsonObject *root);

/* Its values (tranche-format-v1-values.c): each reports what is wrong with
 * what the current path names and returns NULL or FALSE then. */

const char *tranche_v1_describe_node        (JsonNode           *node);
gboolean    tranche_v1_is_number            (JsonNode           *node);
double      tranche_v1_number_value         (Loader             *self,
                                             JsonNode           *node);
const char *tranche_v1_expect_string        (Loader             *self,
                                             JsonNode           *node);
const char *tranche_v1_limit_length         (Loader             *self,
                                             const char         *text,
                                             glong               max_chars);
const char *tranche_v1_expect_text          (Loader             *self,
                                             JsonNode           *node,
                                             glong               max_chars);
gboolean    tranche_v1_expect_boolean       (Loader             *self,
                                             JsonNode           *node,
                                             gboolean           *out);
const char *tranche_v1_member_string        (Loader             *self,
                                             JsonNode           *node,
                                             const char         *name);
const char *tranche_v1_member_text          (Loader             *self,
                                             JsonNode           *node,
                                             const char         *name,
                                             glong               max_chars);
const char *tranche_v1_expect_entity_id     (Loader             *self,
                                             JsonNode           *node);
gboolean    tranche_v1_expect_currency      (Loader             *self,
                                             JsonNode           *node,
                                             TrancheCurrency    *out);
gboolean    tranche_v1_expect_date          (Loader             *self,
                                             JsonNode           *node,
                                             TrancheDate        *out);
gboolean    tranche_v1_set_contains         (GHashTable         *set,
                                             const char         *key);
gboolean    tranche_v1_parse_color          (const char         *text,
                                             guint32            *out);
gboolean    tranche_v1_language_tag_is_valid (const char        *tag);
JsonArray  *tranche_v1_expect_array         (Loader             *self,
                                             JsonNode           *node,
                                             const char         *example);
int         tranche_v1_lookup_name          (const char         *name,
                                             const char * const *names,
                                             int                 n_names);
void        tranche_v1_collect_members      (Loader             *self,
                                             JsonNode           *node,
                                             const char * const *names,
                                             int                 n_names,
                                             JsonNode          **found,
                                             const char         *unknown);
typedef enum
{
  TRANCHE_V1_MONEY_AMOUNT,
  TRANCHE_V1_MONEY_VALUATION,   /* also reads `basis` */
  TRANCHE_V1_MONEY_CUMULATIVE,  /* leaves `scope` to the event */
} TrancheV1Money;

gboolean    tranche_v1_parse_money          (Loader             *self,
                                             JsonNode           *node,
                                             TrancheV1Money      kind,
                                             TrancheMoney       *out);

/* A source's text_file (tranche-text-file.c) */

const char *tranche_text_file_read          (Loader             *self,
                                             const char         *relative);

/* The file (tranche-file-read.c) */

GBytes     *tranche_file_read               (const char         *filename,
                                             GError            **error);

G_END_DECLS
