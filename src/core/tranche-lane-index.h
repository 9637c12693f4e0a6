/* tranche-lane-index.h: which lane each event of a dataset goes in
 *
 * Built once per dataset and lane mode (in about linear time), so every
 * frame after it costs what the pixels cost: the lanes with their totals and
 * colours, each event's lane, each lane's marker days sorted (the density
 * layer counts a pixel column with two binary searches), the entities the
 * legend names, and the events ranked by amount (the largest visible ones
 * are drawn exactly when there are too many). Nothing a frame asks walks
 * every lane or every event.
 */
#pragma once

#include <glib.h>

#include "tranche-dataset.h"

G_BEGIN_DECLS

typedef enum
{
  TRANCHE_LANES_BY_PAIR = 0,  /* one lane per investor → target */
  TRANCHE_LANES_BY_TARGET,
  TRANCHE_LANES_BY_INVESTOR,
} TrancheLaneMode;

typedef enum
{
  TRANCHE_LANE_MONEY = 0,     /* investments, commitments, acquisitions */
  TRANCHE_LANE_VALUATIONS,    /* a target's valuations, in pair and investor modes */
  TRANCHE_LANE_NEWS,          /* all news, always last */
} TrancheLaneKind;

typedef struct
{
  TrancheLaneKind kind;
  guint32         investor;       /* entity index or TRANCHE_NO_ENTITY */
  guint32         target;         /* entity index or TRANCHE_NO_ENTITY */
  guint32         color;          /* 0xRRGGBB */
  gboolean        neutral;        /* no investor colour: drawn in the theme's neutral */
  guint           n_events;
  guint           n_undisclosed;
  double          total;          /* known amounts, in the dataset's currency */
  TrancheDay      first_day;
} TrancheLaneInfo;

/* Which features the dataset uses, so the legend only explains those. */
typedef enum
{
  TRANCHE_FEATURE_UNDISCLOSED = 1 << 0,
  TRANCHE_FEATURE_APPROX      = 1 << 1,
  TRANCHE_FEATURE_RANGE       = 1 << 2,
  TRANCHE_FEATURE_SPAN        = 1 << 3,
  TRANCHE_FEATURE_YEAR        = 1 << 4,  /* dates known only to the year */
  TRANCHE_FEATURE_QUARTER     = 1 << 5,
  TRANCHE_FEATURE_MONTH       = 1 << 6,
  TRANCHE_FEATURE_ACQUISITION = 1 << 7,
  TRANCHE_FEATURE_VALUATION   = 1 << 8,
  TRANCHE_FEATURE_NEWS        = 1 << 9,
  TRANCHE_FEATURE_UP_TO       = 1 << 10, /* an amount known only at most */
  TRANCHE_FEATURE_DRAFT       = 1 << 11, /* an event not yet reviewed */
} TrancheFeatures;

#define TRANCHE_LANE_ALL  G_MAXUINT
#define TRANCHE_LANE_NONE G_MAXUINT

typedef struct _TrancheLaneIndex TrancheLaneIndex;

/* `mask` (may be NULL) has a byte per event, as a TrancheFilter gives: events
 * whose byte is 0 are in no lane and count nowhere. It is not kept. */
TrancheLaneIndex      *tranche_lane_index_new            (TrancheDataset   *dataset,
                                                          TrancheLaneMode   mode,
                                                          const guint8     *mask);
void                   tranche_lane_index_free           (TrancheLaneIndex *self);

TrancheDataset        *tranche_lane_index_get_dataset    (TrancheLaneIndex *self);
TrancheLaneMode        tranche_lane_index_get_mode       (TrancheLaneIndex *self);
/* Lanes by total, largest first; the news lane, when there is one, last. */
guint                  tranche_lane_index_get_n_lanes    (TrancheLaneIndex *self);
const TrancheLaneInfo *tranche_lane_index_get_lane       (TrancheLaneIndex *self,
                                                          guint             lane);
/* An event's lane (its first investor's), TRANCHE_LANE_NONE for an event
 * the mask hides. */
guint                  tranche_lane_index_event_lane     (TrancheLaneIndex *self,
                                                          guint             event);
/* A syndicated round (money, several investors, by pair or by investor)
 * is in each of its investors' lanes, in their order in the event: how many
 * lanes an event is in (0 when the mask hides it) and the nth of them (the
 * 0th is tranche_lane_index_event_lane()'s). */
guint                  tranche_lane_index_event_n_lanes  (TrancheLaneIndex *self,
                                                          guint             event);
guint                  tranche_lane_index_event_nth_lane (TrancheLaneIndex *self,
                                                          guint             event,
                                                          guint             nth);
/* Marker days of a lane's events, sorted; `events` (may be NULL) gets their
 * event indices in the same order. */
const TrancheDay      *tranche_lane_index_lane_days      (TrancheLaneIndex *self,
                                                          guint             lane,
                                                          const guint     **events,
                                                          guint            *n_days);
/* A money lane's total as tranche_totals_add_event() counts its events
 * for the lane's investor (its target by target): "$11B + 1 undisclosed",
 * "€1 + ¥1"; "" when nothing counts. Made on first use, then kept. */
const char            *tranche_lane_index_get_total_text (TrancheLaneIndex *self,
                                                          guint             lane);
/* How many of a lane's marker days are < day; TRANCHE_LANE_ALL counts all
 * lanes together. */
guint                  tranche_lane_index_count_before   (TrancheLaneIndex *self,
                                                          guint             lane,
                                                          TrancheDay        day);
/* Events with a known amount, largest first (computed on first use);
 * `days` gets their marker days. */
const guint           *tranche_lane_index_ranked         (TrancheLaneIndex  *self,
                                                          const TrancheDay **days,
                                                          guint             *n_ranked);
/* The `max` largest of those events whose marker days are in [first, end),
 * largest first, into `events`; returns how many. Costs about
 * sqrt (max × ranked events) at most, however long or short the range. */
guint                  tranche_lane_index_largest_in     (TrancheLaneIndex  *self,
                                                          TrancheDay         first,
                                                          TrancheDay         end,
                                                          guint              max,
                                                          guint             *events);
/* The amount a marker's size shows: the known minimum (an "up to", whose
 * minimum is 0, its maximum; never a range's midpoint), converted into the
 * dataset's currency (kept as they are when the file gives no rate, as the
 * label names the currency); FALSE when there is none. */
gboolean               tranche_lane_index_size_value     (TrancheLaneIndex   *self,
                                                          const TrancheEvent *event,
                                                          double             *value);
/* The colour markers of an investor (or lane headers of a target) take:
 * the file's, else the palette's, distinct among the dataset's investors. */
guint32                tranche_lane_index_entity_color   (TrancheLaneIndex *self,
                                                          guint32           entity);
/* The largest size value of all events (for the marker scale). */
double                 tranche_lane_index_get_max_value  (TrancheLaneIndex *self);
/* For an index made without a mask: the largest size value of the
 * dataset's money events (commitments too, not valuations), which sizes
 * markers whatever the filter; -1 for an index made with a mask. */
double                 tranche_lane_index_get_scale_max  (TrancheLaneIndex *self);
/* The entities whose colours money lanes show (investors; targets by
 * target), each once, in lane order: what the legend names. */
const guint32         *tranche_lane_index_get_lane_entities (TrancheLaneIndex *self,
                                                            guint            *n_entities);
TrancheFeatures        tranche_lane_index_get_features   (TrancheLaneIndex *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrancheLaneIndex, tranche_lane_index_free)

G_END_DECLS
