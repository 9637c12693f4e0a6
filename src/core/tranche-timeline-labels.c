/* tranche-timeline-labels.c: labels placed around markers and clusters where they hide nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tranche-format.h"
#include "tranche-sum.h"
#include "tranche-timeline-layout-private.h"
#include "tranche-totals.h"

/* Labels tried per scene: more would not fit on any screen anyway. */
#define MAX_LABEL_TRIES 400
/* Labels a scene searches a leader line's place for (a wider search). */
#define MAX_LEADERS 12

/* Something that wants a label, ordered by how much it matters. */
typedef struct
{
  double            priority;
  TrancheLabelOwner owner;
  guint             index;
} LabelRequest;

static int
compare_requests (const void *a,
                  const void *b)
{
  const LabelRequest *ra = a, *rb = b;

  if (ra->priority != rb->priority)
    return ra->priority > rb->priority ? -1 : 1;
  if (ra->owner != rb->owner)
    return ra->owner < rb->owner ? -1 : 1;
  return ra->index < rb->index ? -1 : ra->index > rb->index;
}

/* What a label says: an amount (bold, never shortened) and a title (which
 * shortens, by whole words, to fit), and a detail line under them. */
typedef struct
{
  char *amount;   /* NULL or "" for none */
  char *title;
  char *around;   /* NULL, or a text with \x01 where the title goes ("\x01 +3 more"),
                   * which the title shortens inside */
  char *detail;
} LabelText;

static void
label_text_clear (LabelText *t)
{
  g_clear_pointer (&t->amount, g_free);
  g_clear_pointer (&t->title, g_free);
  g_clear_pointer (&t->around, g_free);
  g_clear_pointer (&t->detail, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LabelText, label_text_clear)

/* A share's amount: the investor's part as the totals count it, "$2B
 * share", or "undisclosed share". */
static char *
share_text (TrancheTimelineLayout *self,
            const TrancheEvent    *event,
            guint32                investor)
{
  g_autoptr(GArray) sums = tranche_sums_new ();
  g_autofree char *amount = NULL;

  tranche_totals_add_event (self->dataset, event, investor, sums);
  if (sums->len == 0 || !tranche_sum_has_known (&g_array_index (sums, TrancheSum, 0)))
    /* Translators: in an investor's lane, that investor's part of a round
     * with several investors when the source doesn't give it */
    return g_strdup (C_("marker label", "undisclosed share"));
  amount = tranche_sums_format ((const TrancheSum *) sums->data, sums->len);
  /* Translators: in an investor's lane, that investor's part of a round
   * with several investors: "$2B share" */
  return g_strdup_printf (C_("marker label", "%s share"), amount);
}

static void
marker_label_text (TrancheTimelineLayout       *self,
                   const TrancheEvent          *event,
                   const TrancheTimelineMarker *marker,
                   LabelText                   *t)
{
  if (event->kind == TRANCHE_EVENT_VALUATION)
    t->amount = tranche_format_money (&event->valuation);
  else if (marker != NULL && (marker->flags & TRANCHE_MARKER_SHARE))
    t->amount = share_text (self, event, marker->investor);
  else if (event->kind != TRANCHE_EVENT_NEWS)
    t->amount = tranche_format_money (&event->amount);
  t->title = g_strdup (event->title ? event->title : "");
  t->detail = tranche_format_date_span (&event->date, &event->end);
}

/* The first line of a label: the amount whole, then as many of the title's
 * words as fit in `max_width` (with "…" when some are left out); NULL when
 * not even the amount fits, or there is nothing to say. */
static char *
fit_first_line (TrancheTimelineLayout *self,
                const LabelText       *t,
                gboolean               with_title,
                double                 max_width,
                gsize                 *bold_len)
{
  gboolean has_amount = t->amount != NULL && *t->amount != '\0';
  g_autofree char *title = g_strdup (with_title ? t->title : "");
  double width;

  *bold_len = has_amount ? strlen (t->amount) : 0;
  for (guint attempt = 0; attempt < 12; attempt++)
    {
      g_autofree char *text = NULL;
      char *space;

      if (has_amount && *title != '\0')
        /* Translators: a timeline label, amount then title: "$1B · First investment" */
        text = g_strdup_printf (C_("marker label", "%s · %s"), t->amount, title);
      else if (t->around != NULL && *title != '\0')
        {
          g_auto(GStrv) parts = g_strsplit (t->around, "\x01", 2);

          text = g_strjoinv (title, parts);
        }
      else
        text = g_strdup (has_amount ? t->amount : title);
      if (*text == '\0')
        return NULL;
      tranche_text_cache_measure (self->text, TRANCHE_TEXT_BODY, text, &width, NULL);
      if (width <= max_width)
        return g_steal_pointer (&text);
      if (*title == '\0')
        return NULL;
      /* Drop the last word (and a "…" added before), then mark the cut. */
      if (g_str_has_suffix (title, "…"))
        title[strlen (title) - strlen ("…")] = '\0';
      space = strrchr (title, ' ');
      if (space == NULL || space == title)
        *title = '\0';
      else
        {
          *space = '\0';
          while (space > title && strchr (" ·,;:-–", space[-1]) != NULL)
            *--space = '\0';
          if (*title != '\0')
            {
              char *cut = g_strconcat (title, "…", NULL);
              g_free (title);
              title = cut;
            }
        }
      if (*title == '\0' && !has_amount)
        return NULL;
    }
  return NULL;
}

/* Tries the places around a shape at (x, y) of half-width `rx` and half-height
 * `ry`; fills `rect` with the first free one. */
static gboolean
find_place (TrancheLabelPlacer *placer,
            const TrancheRect  *band,
            double              x,
            double              y,
            double              rx,
            double              ry,
            double              w,
            double              h,
            double              gap,
            gboolean            prefer_side,
            TrancheRect        *rect)
{
  const double above = y - ry - gap - h, below = y + ry + gap, middle = y - h / 2;
  const double places[][2] = {
    { x - w / 2, above },       /* centred above */
    { x - w / 2, below },       /* centred below */
    { x + rx + gap, middle },   /* right */
    { x - rx - gap - w, middle },
    { x - rx, above },          /* above, leaning right */
    { x + rx - w, above },      /* above, leaning left */
    { x - rx, below },
    { x + rx - w, below },
  };
  static const guint side_first[] = { 2, 3, 4, 5, 6, 7, 0, 1 };

  for (guint k = 0; k < G_N_ELEMENTS (places); k++)
    {
      guint i = prefer_side ? side_first[k] : k;
      TrancheRect candidate = { places[i][0], places[i][1], w, h };
      /* Inside its own lane's band: a label never reads as another lane's. */
      if (candidate.y < band->y || candidate.y + h > band->y + band->height)
        continue;
      if (tranche_label_placer_is_free (placer, &candidate, x, y))
        {
          *rect = candidate;
          return TRUE;
        }
    }
  return FALSE;
}

/* A cluster says what it holds so two never read alike: its total (or,
 * with no amounts, its first headline and how many more) and the dates
 * from its first member to its last. */
static void
cluster_label_text (TrancheTimelineLayout        *self,
                    const TrancheTimelineCluster *c,
                    LabelText                    *t)
{
  guint first = g_array_index (self->members, guint, c->first_member);
  guint last = g_array_index (self->members, guint, c->first_member + c->n_members - 1);
  const TrancheEvent *first_event = tranche_dataset_get_event (self->dataset, first);
  const TrancheEvent *last_event = tranche_dataset_get_event (self->dataset, last);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event",
                                                         "%u events", c->n_members),
                                            c->n_members);
  g_autofree char *from = tranche_format_date (&first_event->date);
  g_autofree char *to = tranche_format_date (&last_event->date);
  /* summed as the lanes are, currencies without a rate apart */
  g_autofree char *total = c->total > 0
    ? tranche_timeline_layout_dup_cluster_total (self, (guint) (c - (const TrancheTimelineCluster *)
                                                                self->clusters->data))
    : NULL;

  /* The event a story is at is named even inside a cluster. */
  for (guint k = 0; self->focus >= 0 && k < c->n_members; k++)
    if (g_array_index (self->members, guint, c->first_member + k) == (guint) self->focus)
      {
        g_autofree char *date = NULL;
        guint rest = c->n_members - 1;

        marker_label_text (self, tranche_dataset_get_event (self->dataset, self->focus), NULL,
                           t);
        date = g_steal_pointer (&t->detail);
        /* Translators: a cluster's second line when the label names one of
         * its events: "2023 · +2 more" */
        t->detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · +%u more",
                                                  "%s · +%u more", rest), date, rest);
        return;
      }

  if (total != NULL && *total != '\0')
    {
      /* Translators: a cluster's label, "12 events · $3.4B + 1 undisclosed",
       * "2 events · €1 + ¥1" */
      t->amount = g_strdup_printf (C_("cluster label", "%s · %s"), count, total);
      t->title = g_strdup ("");
    }
  else
    {
      t->amount = g_strdup ("");
      t->title = g_strdup (first_event->title ? first_event->title : count);
      /* Translators: a cluster of headlines, "Munich plant opens +1 more";
       * the headline shortens, the count stays */
      t->around = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s +%u more", "%s +%u more",
                                                c->n_members - 1),
                                   "\x01", c->n_members - 1);
    }
  if (g_strcmp0 (from, to) == 0)
    t->detail = g_steal_pointer (&from);
  else
    /* Translators: the dates a cluster's events span, "Feb 2022 – Jan 2023" */
    t->detail = g_strdup_printf (C_("cluster label", "%s – %s"), from, to);
}

/* What a label goes around: a shape at (x, y) of half-width `rx` and
 * half-height `ry`, and whether the sides come first. */
typedef struct
{
  double   x, y, rx, ry;
  gboolean side;
} Around;

static void
label_target (TrancheTimelineLayout *self,
              const LabelRequest    *r,
              Around                *around,
              LabelText             *t,
              guint                 *lane)
{
  if (r->owner == TRANCHE_LABEL_FOR_MARKER)
    {
      const TrancheTimelineMarker *m =
        &g_array_index (self->markers, TrancheTimelineMarker, r->index);

      marker_label_text (self, tranche_dataset_get_event (self->dataset, m->event), m, t);
      *lane = m->lane;
      around->x = m->x;
      around->y = m->y;
      around->rx = around->ry = m->radius;
      if (m->flags & TRANCHE_MARKER_RANGE)
        around->ry = MAX (around->ry, m->radius_max);
      around->side = m->shape == TRANCHE_MARKER_DOT;
    }
  else
    {
      const TrancheTimelineCluster *c =
        &g_array_index (self->clusters, TrancheTimelineCluster, r->index);

      cluster_label_text (self, c, t);
      *lane = c->lane;
      around->x = (c->x0 + c->x1) / 2;
      around->y = c->y;
      around->rx = (c->x1 - c->x0) / 2 + c->radius;
      around->ry = c->radius;
      around->side = FALSE;
    }
}

/* Tries one first line (and the detail under it, when `detail` is set)
 * around the target; TRUE with the label filled when it found room. */
static gboolean
try_label (TrancheTimelineLayout *self,
           TrancheLabelPlacer    *placer,
           const TrancheRect     *band,
           const Around          *a,
           const char            *text,
           gsize                  bold_len,
           const char            *detail,
           double                 gap,
           TrancheTimelineLabel  *label)
{
  PangoLayout *first_line, *second_line = NULL;
  double w1, h1, w2 = 0, h2 = 0;

  first_line = tranche_text_cache_get (self->text, TRANCHE_TEXT_BODY, text, -1, bold_len);
  tranche_draw_get_text_size (first_line, &w1, &h1);
  if (detail != NULL)
    {
      second_line = tranche_text_cache_get (self->text, TRANCHE_TEXT_SMALL, detail, -1, 0);
      tranche_draw_get_text_size (second_line, &w2, &h2);
    }
  if (!find_place (placer, band, a->x, a->y, a->rx, a->ry, MAX (w1, w2), h1 + h2, gap, a->side,
                   &label->rect))
    {
      g_object_unref (first_line);
      g_clear_object (&second_line);
      return FALSE;
    }
  g_ptr_array_add (self->layouts, first_line);
  label->text = tranche_timeline_scene_intern (self, text);
  label->layout = first_line;
  if (second_line != NULL)
    {
      g_ptr_array_add (self->layouts, second_line);
      label->detail = tranche_timeline_scene_intern (self, detail);
      label->detail_layout = second_line;
      label->detail_y = label->rect.y + h1;
    }
  return TRUE;
}

/* Whether a leader line from (x0, y0) to (x1, y1) crosses no marker, bar
 * nor label (its own marker at (own_x, own_y) aside, and the first `skip`
 * pixels, where it leaves a bar its marker sits on); `lines` holds them
 * with a thinner padding than labels keep. */
static gboolean
leader_is_free (TrancheTimelineLayout *self,
                TrancheLabelPlacer    *placer,
                double                 x0,
                double                 y0,
                double                 x1,
                double                 y1,
                double                 own_x,
                double                 own_y,
                double                 skip)
{
  double length = hypot (x1 - x0, y1 - y0);
  guint n = (guint) ceil (length / S (self, 3));

  for (guint i = 1; i < n; i++)
    {
      double t = (double) i / n;
      TrancheRect dot = { x0 + (x1 - x0) * t - 0.5, y0 + (y1 - y0) * t - 0.5, 1, 1 };

      if (t * length < skip)
        continue;
      if (!tranche_label_placer_is_free (placer, &dot, own_x, own_y))
        return FALSE;
    }
  return TRUE;
}

/* A label set apart in its lane, at the band's top or bottom edge a little
 * to either side, and joined to its marker by a line: for markers in thin
 * lanes or under a commitment's bar, where no place beside them is free. */
static gboolean
try_leader (TrancheTimelineLayout *self,
            TrancheLabelPlacer    *placer,
            TrancheLabelPlacer    *lines,
            const TrancheRect     *band,
            const Around          *a,
            const char            *text,
            gsize                  bold_len,
            TrancheTimelineLabel  *label)
{
  PangoLayout *layout = tranche_text_cache_get (self->text, TRANCHE_TEXT_BODY, text, -1, bold_len);
  double w, h, step = S (self, 28), inset = S (self, 1);

  tranche_draw_get_text_size (layout, &w, &h);
  /* Nearest first, and near: a long leader reads as part of the chart. */
  for (guint k = 1; k <= 4; k++)
    for (guint side = 0; side < 6; side++)
      {
        double x = side % 2 == 0 ? a->x + a->rx + k * step : a->x - a->rx - k * step - w;
        double y = side < 2 ? band->y + inset
                 : side < 4 ? band->y + band->height - h - inset
                            : band->y + (band->height - h) / 2;
        TrancheRect candidate = { x, y, w, h };
        double lx, ly;

        if (y < band->y || y + h > band->y + band->height)
          continue;
        if (!tranche_label_placer_is_free (placer, &candidate, a->x, a->y))
          continue;
        /* From the marker's edge to the label's nearest corner (or side). */
        lx = side % 2 == 0 ? x : x + w;
        ly = side < 2 ? y + h : side < 4 ? y : y + h / 2;
        {
          double dx = lx - a->x, dy = ly - a->y, d = hypot (dx, dy);
          double sx = a->x + dx / d * a->rx, sy = a->y + dy / d * a->ry;

          if (!leader_is_free (self, lines, sx, sy, lx, ly, a->x, a->y, S (self, 24)))
            continue;
          label->leader = TRUE;
          label->leader_x0 = sx;
          label->leader_y0 = sy;
          label->leader_x1 = lx;
          label->leader_y1 = ly;
        }
        label->rect = candidate;
        g_ptr_array_add (self->layouts, layout);
        label->text = tranche_timeline_scene_intern (self, text);
        label->layout = layout;
        return TRUE;
      }
  g_object_unref (layout);
  return FALSE;
}

/* Keeps a label's neighbours a little further off than the padding
 * alone: two labels side by side must not read as one ("2 events · $2B"
 * beside "$3.5B · Series E"). */
static void
add_label_obstacle (TrancheTimelineLayout      *self,
                    TrancheLabelPlacer         *placer,
                    TrancheLabelPlacer         *lines,
                    const TrancheTimelineLabel *label)
{
  TrancheRect wide = label->rect;

  wide.x -= S (self, 6);
  wide.width += 2 * S (self, 6);
  tranche_label_placer_add_rect (placer, &wide);
  tranche_label_placer_add_rect (lines, &label->rect);
}

/* Finds room for a label of `t` around `a` in its lane's band: with its
 * date under it, else on one line, then with a shorter title, else the
 * amount alone, else (while `leaders` lasts) set apart with a leader line.
 * Each shorter form is made only when the longer one found no room. */
static gboolean
choose_label (TrancheTimelineLayout *self,
              TrancheLabelPlacer    *placer,
              TrancheLabelPlacer    *lines,
              const TrancheRect     *band,
              const Around          *a,
              const LabelText       *t,
              double                 gap,
              double                 max_width,
              guint                 *leaders,
              TrancheTimelineLabel  *label)
{
  g_autofree char *full = NULL;
  g_autofree char *half = NULL;
  g_autofree char *bare = NULL;
  gsize full_bold = 0, half_bold = 0, bare_bold = 0;

  full = fit_first_line (self, t, TRUE, max_width, &full_bold);
  if (full != NULL
      && ((t->detail != NULL
           && try_label (self, placer, band, a, full, full_bold, t->detail, gap, label))
          || try_label (self, placer, band, a, full, full_bold, NULL, gap, label)))
    return TRUE;
  half = fit_first_line (self, t, TRUE, max_width / 2, &half_bold);
  if (half != NULL && g_strcmp0 (half, full) != 0
      && ((t->detail != NULL
           && try_label (self, placer, band, a, half, half_bold, t->detail, gap, label))
          || try_label (self, placer, band, a, half, half_bold, NULL, gap, label)))
    return TRUE;
  bare = fit_first_line (self, t, FALSE, max_width, &bare_bold);
  if (bare != NULL && g_strcmp0 (bare, full) != 0
      && try_label (self, placer, band, a, bare, bare_bold, NULL, gap, label))
    return TRUE;
  if (*leaders == 0)
    return FALSE;
  (*leaders)--;
  return (half != NULL && try_leader (self, placer, lines, band, a, half, half_bold, label))
         || (bare != NULL && g_strcmp0 (bare, half) != 0
             && try_leader (self, placer, lines, band, a, bare, bare_bold, label));
}

/* Places the label of one request if there is room for it in its lane;
 * what finds no room is counted for its lane's badge. */
static void
place_label (TrancheTimelineLayout *self,
             TrancheLabelPlacer    *placer,
             TrancheLabelPlacer    *lines,
             TrancheLabelPlacer    *markers_only,
             const LabelRequest    *r,
             double                 gap,
             double                 max_width,
             guint                 *leaders,
             guint                 *unlabelled,
             double                *unlabelled_x)
{
  TrancheTimelineLabel label = { 0 };
  g_auto(LabelText) t = { 0 };
  const TrancheTimelineLane *lane;
  TrancheRect band;
  Around a;
  guint slot = 0;

  label.owner = r->owner;
  label.index = r->index;
  label_target (self, r, &a, &t, &slot);
  label.lane = slot;
  lane = &g_array_index (self->lanes, TrancheTimelineLane, slot);
  band = (TrancheRect) { self->plot.x, lane->y, self->plot.width, lane->height };
  if (t.detail != NULL && *t.detail == '\0')
    g_clear_pointer (&t.detail, g_free);
  /* The event a story is at is always named: in a one-line lane along a
   * commitment's bar, over the bar (the label's plate keeps it legible)
   * if nowhere else. It is placed first, so only markers are in its way. */
  if (!choose_label (self, placer, lines, &band, &a, &t, gap, max_width, leaders, &label)
      && !(r->priority == G_MAXDOUBLE && markers_only != NULL
           && choose_label (self, markers_only, lines, &band, &a, &t, gap, max_width, leaders,
                            &label)))
    {
      if (unlabelled[slot]++ == 0 || a.x < unlabelled_x[slot])
        unlabelled_x[slot] = a.x;
      return;
    }
  add_label_obstacle (self, placer, lines, &label);
  g_array_append_val (self->labels, label);
}

/* A lane whose labels did not all find room says how many are missing,
 * in a badge at the plot's right end inside the lane, else beside the
 * first marker left unlabelled, else at the left end (hover shows them):
 * never far from them at the other end of the lane when there's room. */
static void
place_badges (TrancheTimelineLayout *self,
              TrancheLabelPlacer    *placer,
              const guint           *unlabelled,
              const double          *unlabelled_x)
{
  for (guint slot = 0; slot < self->lanes->len; slot++)
    {
      const TrancheTimelineLane *lane = &g_array_index (self->lanes, TrancheTimelineLane, slot);
      TrancheTimelineLabel label = { 0 };
      g_autofree char *text = NULL;
      double w, h, y;

      if (unlabelled[slot] == 0)
        continue;
      /* Translators: a lane's badge when some of its events have no label for want of room */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "+%u unlabelled", "+%u unlabelled",
                                           unlabelled[slot]), unlabelled[slot]);
      label.owner = TRANCHE_LABEL_FOR_LANE;
      label.index = slot;
      label.lane = slot;
      label.text = tranche_timeline_scene_intern (self, text);
      label.layout = tranche_timeline_scene_text (self, TRANCHE_TEXT_SMALL, text, -1, 0);
      tranche_draw_get_text_size (label.layout, &w, &h);
      if (h > lane->height)
        continue;
      /* At the right end, beside the first unlabelled marker (after it,
       * then before it), else the left end; at the lane's top, middle or
       * bottom. */
      for (guint k = 0; k < 12; k++)
        {
          double xs[] = {
            self->plot.x + self->plot.width - w - S (self, 4),
            unlabelled_x[slot] + S (self, 14),
            unlabelled_x[slot] - S (self, 14) - w,
            self->plot.x + S (self, 4),
          };

          y = k % 3 == 0 ? lane->y + S (self, 2)
            : k % 3 == 1 ? lane->y + (lane->height - h) / 2 : lane->y + lane->height - h - S (self, 2);
          label.rect = (TrancheRect) { xs[k / 3], y, w, h };
          if (tranche_label_placer_is_free (placer, &label.rect, NAN, NAN))
            {
              tranche_label_placer_add_rect (placer, &label.rect);
              g_array_append_val (self->labels, label);
              break;
            }
        }
    }
}

/* Markers in view and clusters, the most important first. */
static GArray *
collect_requests (TrancheTimelineLayout *self)
{
  GArray *requests = g_array_new (FALSE, FALSE, sizeof (LabelRequest));

  for (guint i = 0; i < self->markers->len; i++)
    {
      const TrancheTimelineMarker *m = &g_array_index (self->markers, TrancheTimelineMarker, i);
      LabelRequest r = { m->radius, TRANCHE_LABEL_FOR_MARKER, i };
      /* News and valuations after money; undisclosed like a middling amount. */
      if (m->shape == TRANCHE_MARKER_DOT)
        r.priority = -2;
      else if (m->shape == TRANCHE_MARKER_TRIANGLE)
        r.priority = -1;
      if (m->x < self->plot.x || m->x > self->plot.x + self->plot.width)
        continue;
      /* A story told in order: what comes later is not said yet, and the
       * event being told is said first. */
      if ((int) m->event == self->focus)
        r.priority = G_MAXDOUBLE;
      else if (!isnan (self->label_end)
               && tranche_dataset_get_event (self->dataset, m->event)->first_day
                  >= self->label_end)
        continue;
      g_array_append_val (requests, r);
    }
  for (guint i = 0; i < self->clusters->len; i++)
    {
      const TrancheTimelineCluster *c = &g_array_index (self->clusters, TrancheTimelineCluster, i);
      LabelRequest r = { c->radius + 0.5, TRANCHE_LABEL_FOR_CLUSTER, i };
      guint first = g_array_index (self->members, guint, c->first_member);

      /* Members are in date order: the first one says whether any is told. */
      if (!isnan (self->label_end)
          && tranche_dataset_get_event (self->dataset, first)->first_day >= self->label_end)
        continue;
      for (guint k = 0; self->focus >= 0 && k < c->n_members; k++)
        if (g_array_index (self->members, guint, c->first_member + k) == (guint) self->focus)
          r.priority = G_MAXDOUBLE;
      g_array_append_val (requests, r);
    }
  g_array_sort (requests, compare_requests);
  return requests;
}

/* Everything drawn is an obstacle before any label is placed. */
static void
add_obstacles (TrancheTimelineLayout *self,
               TrancheLabelPlacer    *placer,
               TrancheLabelPlacer    *lines)
{
  for (guint i = 0; i < self->markers->len; i++)
    {
      const TrancheTimelineMarker *m = &g_array_index (self->markers, TrancheTimelineMarker, i);
      double r = m->flags & TRANCHE_MARKER_RANGE ? MAX (m->radius, m->radius_max) : m->radius;

      tranche_label_placer_add_circle (placer, m->x, m->y, r);
      tranche_label_placer_add_circle (lines, m->x, m->y, r);
      if (m->flags & TRANCHE_MARKER_SPAN)
        {
          TrancheRect bar = { m->span_x0, m->y - S (self, 4), m->span_x1 - m->span_x0,
                              S (self, 8) };
          tranche_label_placer_add_rect (placer, &bar);
          tranche_label_placer_add_rect (lines, &bar);
        }
    }
  for (guint i = 0; i < self->clusters->len; i++)
    {
      const TrancheTimelineCluster *c = &g_array_index (self->clusters, TrancheTimelineCluster, i);
      TrancheRect pill = { c->x0 - c->radius, c->y - c->radius,
                           c->x1 - c->x0 + 2 * c->radius, 2 * c->radius };
      tranche_label_placer_add_rect (placer, &pill);
      tranche_label_placer_add_rect (lines, &pill);
    }
}

/* "Today" at the top of its line, on the side where it fits. */
static void
place_today (TrancheTimelineLayout *self,
             TrancheLabelPlacer    *placer)
{
  TrancheTimelineLabel label = { 0 };
  double w, h;

  if (!isfinite (self->today_x))
    return;
  label.owner = TRANCHE_LABEL_FOR_TODAY;
  label.index = 0;
  label.lane = G_MAXUINT;
  /* Translators: the label of the vertical line at the current date */
  label.text = tranche_timeline_scene_intern (self, C_("timeline", "Today"));
  label.layout = tranche_timeline_scene_text (self, TRANCHE_TEXT_SMALL_BOLD, label.text, -1, 0);
  tranche_draw_get_text_size (label.layout, &w, &h);
  label.rect = (TrancheRect) { self->today_x + S (self, 4), self->plot.y + S (self, 2), w, h };
  if (label.rect.x + w > self->plot.x + self->plot.width)
    label.rect.x = self->today_x - S (self, 4) - w;
  if (tranche_label_placer_is_free (placer, &label.rect, NAN, NAN))
    {
      tranche_label_placer_add_rect (placer, &label.rect);
      g_array_append_val (self->labels, label);
    }
}

/* The labels of the scene's markers and clusters (and of the today line)
 * where they cover nothing drawn nor another label. */
void
tranche_timeline_labels_place (TrancheTimelineLayout *self)
{
  g_autoptr(TrancheLabelPlacer) placer = NULL;
  g_autoptr(TrancheLabelPlacer) lines = NULL;
  g_autoptr(TrancheLabelPlacer) markers_only = NULL;
  g_autoptr(GArray) requests = NULL;
  g_autofree guint *unlabelled = g_new0 (guint, MAX (self->lanes->len, 1));
  g_autofree double *unlabelled_x = g_new0 (double, MAX (self->lanes->len, 1));
  guint leaders = MAX_LEADERS;
  double gap = S (self, 4);
  double max_width = MIN (S (self, 380), self->plot.width / 2.5);

  g_assert (self != NULL);

  placer = tranche_label_placer_new (&self->plot, S (self, 3));
  tranche_label_placer_set_side_gap (placer, S (self, 14));
  lines = tranche_label_placer_new (&self->plot, S (self, 1));
  add_obstacles (self, placer, lines);
  if (self->focus >= 0)
    {
      markers_only = tranche_label_placer_new (&self->plot, S (self, 3));
      for (guint i = 0; i < self->markers->len; i++)
        {
          const TrancheTimelineMarker *m = &g_array_index (self->markers,
                                                           TrancheTimelineMarker, i);

          tranche_label_placer_add_circle (markers_only, m->x, m->y,
                                           m->flags & TRANCHE_MARKER_RANGE
                                           ? MAX (m->radius, m->radius_max) : m->radius);
        }
    }
  place_today (self, placer);
  requests = collect_requests (self);
  for (guint i = 0; i < MIN (requests->len, MAX_LABEL_TRIES); i++)
    place_label (self, placer, lines, markers_only, &g_array_index (requests, LabelRequest, i),
                 gap, max_width, &leaders, unlabelled, unlabelled_x);
  place_badges (self, placer, unlabelled, unlabelled_x);
}
