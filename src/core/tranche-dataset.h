/* tranche-dataset.h: an immutable, reference-counted set of funding events
 *
 * Events are plain structs in one array sorted by date, strings are interned in
 * one chunk, and entity references are indices: a million events fit in a few
 * hundred megabytes and can be culled by binary search. Once built a dataset
 * never changes, so it can be shared between threads and swapped in whole.
 */
#pragma once

#include <glib-object.h>

#include "tranche-date.h"
#include "tranche-money.h"

G_BEGIN_DECLS

#define TRANCHE_NO_ENTITY G_MAXUINT32
#define TRANCHE_NO_EVENT  G_MAXUINT32

typedef enum
{
  TRANCHE_ENTITY_COMPANY = 0,
  TRANCHE_ENTITY_INVESTOR,
  TRANCHE_ENTITY_FUND,
  TRANCHE_ENTITY_PERSON,
  TRANCHE_ENTITY_GOVERNMENT,
} TrancheEntityKind;

typedef enum
{
  TRANCHE_EVENT_INVESTMENT = 0,
  TRANCHE_EVENT_VALUATION,
  TRANCHE_EVENT_ACQUISITION,
  TRANCHE_EVENT_COMMITMENT,
  TRANCHE_EVENT_NEWS,
  TRANCHE_EVENT_SECONDARY,   /* shares sold between holders: never money the target got */
  TRANCHE_N_EVENT_KINDS
} TrancheEventKind;

/* Bits of TrancheEvent.flags. */
typedef enum
{
  TRANCHE_EVENT_DRAFT           = 1 << 0, /* proposed by the extractor, not yet reviewed */
  TRANCHE_EVENT_HAS_SHARES      = 1 << 1, /* some investor is an object: see _event_share() */
  TRANCHE_EVENT_SCOPE_INVESTORS = 1 << 2, /* `cumulative.scope` given as "investors" */
  TRANCHE_EVENT_SCOPE_TARGET    = 1 << 3, /* `cumulative.scope` given as "target" */
} TrancheEventFlags;

/* Whose money a reported `cumulative` total counts. */
typedef enum
{
  TRANCHE_SCOPE_INVESTORS = 0, /* what the event's investors put into its target so far */
  TRANCHE_SCOPE_TARGET,        /* all the target received so far */
} TrancheScope;

typedef struct
{
  const char        *id;
  const char        *name;
  TrancheEntityKind  kind;
  gboolean           has_color;
  guint32            color;      /* 0xRRGGBB, valid with has_color */
  gboolean           declared;   /* FALSE: only named by an event (a warning) */
  guint32            auto_color; /* 0xRRGGBB the palette picked, 0 until the dataset is
                                  * built: see tranche_palette_entity_color() */
} TrancheEntity;

typedef struct
{
  const char  *id;
  const char  *title;
  const char  *publisher;  /* may be NULL, as all optional strings */
  const char  *author;
  const char  *url;
  TrancheDate  published;  /* precision NONE when absent */
  const char  *language;
  const char  *summary;
  const char  *text;       /* from `text` or the `text_file` it names */
} TrancheSource;

typedef struct
{
  guint32     source;      /* index into the sources, or TRANCHE_NO_ENTITY when unknown */
  gboolean    paraphrase;  /* the analyst's words: shown as such, never searched for */
  const char *source_id;
  const char *quote;
} TrancheCitation;

/* What an object in `investors` adds to the id: see tranche_dataset_event_share(). */
typedef struct
{
  TrancheMoney amount;  /* PRESENT when the participant's own amount was given */
  gboolean     lead;
} TrancheShare;

typedef struct
{
  const char      *id;
  const char      *title;
  const char      *round;
  const char      *summary;
  TrancheDate      date;
  TrancheDate      end;         /* precision NONE when absent */
  TrancheDay       first_day;   /* cached span: date's first day .. end's (or date's) end */
  TrancheDay       end_day;
  TrancheMoney     amount;
  TrancheMoney     valuation;   /* basis in valuation.basis */
  TrancheMoney     cumulative;
  guint32          target;      /* entity index or TRANCHE_NO_ENTITY */
  guint32          investors;   /* offset into the dataset's index pool */
  guint32          citations;   /* offset into the dataset's citation pool */
  guint32          tags;        /* offset into the dataset's string pool */
  guint16          n_investors;
  guint16          n_citations;
  guint16          n_tags;
  guint8           kind;        /* TrancheEventKind */
  guint8           flags;       /* TrancheEventFlags */
  guint32          order;       /* position in the file, to keep ties stable */
  guint32          line;        /* where it is in the file, 0 when unknown */
  guint32          fulfils;     /* index of the commitment it pays, or TRANCHE_NO_EVENT */
  guint32          shares;      /* offset into the share pool, with HAS_SHARES */
} TrancheEvent;

typedef struct _TrancheDataset TrancheDataset;

#define TRANCHE_TYPE_DATASET (tranche_dataset_get_type ())

GType                  tranche_dataset_get_type          (void) G_GNUC_CONST;
TrancheDataset        *tranche_dataset_ref               (TrancheDataset *self);
void                   tranche_dataset_unref             (TrancheDataset *self);

const char            *tranche_dataset_get_title         (TrancheDataset *self);
const char            *tranche_dataset_get_description   (TrancheDataset *self);
TrancheCurrency        tranche_dataset_get_currency      (TrancheDataset *self);
/* The rate into the default currency; FALSE when the file gives none (and the
 * currency is not the default one, whose rate is 1). */
gboolean               tranche_dataset_get_rate          (TrancheDataset *self,
                                                          TrancheCurrency currency,
                                                          double         *rate);
/* Where the dataset was read from (for text_file and reload), or NULL. */
const char            *tranche_dataset_get_filename      (TrancheDataset *self);
/* Events with errors that were left out while loading. */
guint                  tranche_dataset_get_n_skipped     (TrancheDataset *self);
/* The file's top-level `target` (the default of events that name none), or
 * TRANCHE_NO_ENTITY. */
guint32                tranche_dataset_get_target        (TrancheDataset *self);

guint                  tranche_dataset_get_n_entities    (TrancheDataset *self);
const TrancheEntity   *tranche_dataset_get_entity        (TrancheDataset *self,
                                                          guint           index);
guint                  tranche_dataset_find_entity       (TrancheDataset *self,
                                                          const char     *id);
guint                  tranche_dataset_get_n_sources     (TrancheDataset *self);
const TrancheSource   *tranche_dataset_get_source        (TrancheDataset *self,
                                                          guint           index);
guint                  tranche_dataset_find_source       (TrancheDataset *self,
                                                          const char     *id);

/* Sorted by tranche_date_compare on `date`, then file order. */
guint                  tranche_dataset_get_n_events      (TrancheDataset *self);
const TrancheEvent    *tranche_dataset_get_event         (TrancheDataset *self,
                                                          guint           index);
const TrancheEvent    *tranche_dataset_get_events        (TrancheDataset *self);
guint                  tranche_dataset_find_event        (TrancheDataset *self,
                                                          const char     *id);
guint32                tranche_dataset_event_investor    (TrancheDataset     *self,
                                                          const TrancheEvent *event,
                                                          guint               i);
/* The id the event's `fulfils` names as written, or NULL; `fulfils` is
 * TRANCHE_NO_EVENT when it names no commitment. */
const char            *tranche_dataset_event_fulfils_id  (TrancheDataset     *self,
                                                          const TrancheEvent *event);
/* The i-th investor's details when the file gave it as an object, else NULL
 * (a plain id: no lead, no amount of its own). */
const TrancheShare    *tranche_dataset_event_share       (TrancheDataset     *self,
                                                          const TrancheEvent *event,
                                                          guint               i);
gboolean               tranche_dataset_event_is_lead     (TrancheDataset     *self,
                                                          const TrancheEvent *event,
                                                          guint               i);
const TrancheCitation *tranche_dataset_event_citation    (TrancheDataset     *self,
                                                          const TrancheEvent *event,
                                                          guint               i);
const char            *tranche_dataset_event_tag         (TrancheDataset     *self,
                                                          const TrancheEvent *event,
                                                          guint               i);
/* All distinct tags, sorted (for filters). NULL-terminated, owned by the dataset. */
const char * const    *tranche_dataset_get_tags          (TrancheDataset *self);

/* The span covered by all events (first day of the earliest .. end of the
 * latest); FALSE when there are no events. */
gboolean               tranche_dataset_get_day_range     (TrancheDataset *self,
                                                          TrancheDay     *first,
                                                          TrancheDay     *end);
/* The longest event span in days, so culling can bound its binary search. */
TrancheDay             tranche_dataset_get_max_span      (TrancheDataset *self);
/* Index of the first event whose first_day >= day (binary search). */
guint                  tranche_dataset_lower_bound       (TrancheDataset *self,
                                                          TrancheDay      day);
/* The index range [*from, *to) that holds every event overlapping [first, end);
 * events in it that end before `first` are possible and the caller skips them. */
void                   tranche_dataset_visible_range     (TrancheDataset *self,
                                                          TrancheDay      first,
                                                          TrancheDay      end,
                                                          guint          *from,
                                                          guint          *to);

const char            *tranche_event_kind_to_string      (TrancheEventKind kind);
/* The scope of the event's reported `cumulative`: as the file says, else
 * INVESTORS when the event names investors, TARGET when it names none. */
TrancheScope           tranche_event_get_scope           (const TrancheEvent *event);
const char            *tranche_scope_to_string           (TrancheScope       scope);
const char            *tranche_entity_kind_to_string     (TrancheEntityKind kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrancheDataset, tranche_dataset_unref)

G_END_DECLS
