/* tranche-summary.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "tranche-event-fields.h"
#include "tranche-format.h"
#include "tranche-summary.h"

/* Who is a target (of anything but news) and who invested in each, in
 * entity order so the output is the same for the same file. */
typedef struct
{
  guint32    target;
  GArray    *investors; /* guint32, sorted, distinct */
  guint32    valuation; /* the last event valuing it, or TRANCHE_NO_EVENT */
} Target;

static void
target_clear (gpointer data)
{
  Target *t = data;

  g_clear_pointer (&t->investors, g_array_unref);
}

static int
compare_u32 (gconstpointer a,
             gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return x < y ? -1 : x > y;
}

static GArray *
collect_targets (TrancheDataset *ds,
                 const guint8   *mask)
{
  guint n_entities = tranche_dataset_get_n_entities (ds);
  g_autofree guint *slot = g_new0 (guint, MAX (n_entities, 1)); /* entity -> index + 1 */
  g_autoptr(GArray) targets = g_array_new (FALSE, TRUE, sizeof (Target));
  GArray *sorted;

  g_array_set_clear_func (targets, target_clear);
  for (guint i = 0; i < tranche_dataset_get_n_events (ds); i++)
    {
      const TrancheEvent *ev = tranche_dataset_get_event (ds, i);
      Target *t;

      if (ev->kind == TRANCHE_EVENT_NEWS || ev->target == TRANCHE_NO_ENTITY
          || (mask != NULL && mask[i] == 0))
        continue;
      if (slot[ev->target] == 0)
        {
          Target fresh = { ev->target, g_array_new (FALSE, FALSE, sizeof (guint32)),
                           TRANCHE_NO_EVENT };
          g_array_append_val (targets, fresh);
          slot[ev->target] = targets->len;
        }
      t = &g_array_index (targets, Target, slot[ev->target] - 1);
      if (tranche_money_is_known (&ev->valuation))
        t->valuation = i;
      if (ev->kind == TRANCHE_EVENT_VALUATION || ev->kind == TRANCHE_EVENT_SECONDARY)
        continue;
      for (guint j = 0; j < ev->n_investors; j++)
        {
          guint32 investor = tranche_dataset_event_investor (ds, ev, j);
          g_array_append_val (t->investors, investor);
        }
    }

  /* Entity order, investors distinct. */
  sorted = g_array_new (FALSE, TRUE, sizeof (Target));
  g_array_set_clear_func (sorted, target_clear);
  for (guint e = 0; e < n_entities; e++)
    if (slot[e] != 0)
      {
        Target *t = &g_array_index (targets, Target, slot[e] - 1);
        GArray *inv = t->investors;
        guint kept = 0;

        g_array_sort (inv, compare_u32);
        for (guint k = 0; k < inv->len; k++)
          {
            guint32 id = g_array_index (inv, guint32, k);

            if (kept == 0 || g_array_index (inv, guint32, kept - 1) != id)
              g_array_index (inv, guint32, kept++) = id;
          }
        g_array_set_size (inv, kept);
        g_array_append_val (sorted, *t);
        t->investors = NULL;
      }
  return sorted;
}

static void
line_clear (gpointer data)
{
  TrancheSummaryLine *line = data;

  g_clear_pointer (&line->received, g_array_unref);
  g_clear_pointer (&line->outstanding, g_array_unref);
}

/* The line's steps in the totals, in every currency: the events in which it
 * put money in, as the totals count them, and those the file says it led. */
static void
count_rounds (TrancheTotals      *totals,
              TrancheSummaryLine *line)
{
  TrancheDataset *ds = tranche_totals_get_dataset (totals);
  guint first, end;

  tranche_totals_target_series (totals, line->target, &first, &end);
  for (guint i = first; i < end; i++)
    {
      const TrancheSeries *series = tranche_totals_get_series (totals, i);
      const TrancheStep *steps;
      guint n_steps;

      if (series->investor != line->investor)
        continue;
      steps = tranche_totals_get_steps (totals, i, &n_steps);
      for (guint k = 0; k < n_steps; k++)
        {
          const TrancheEvent *ev = tranche_dataset_get_event (ds, steps[k].event);

          line->n_rounds++;
          for (guint j = 0; j < ev->n_investors; j++)
            if (tranche_dataset_event_investor (ds, ev, j) == line->investor
                && tranche_dataset_event_is_lead (ds, ev, j))
              {
                line->n_led++;
                break;
              }
        }
    }
}

static const TrancheSum *
find_sum (GArray          *sums,
          TrancheCurrency  currency)
{
  for (guint i = 0; i < sums->len; i++)
    if (g_array_index (sums, TrancheSum, i).currency == currency)
      return &g_array_index (sums, TrancheSum, i);
  return NULL;
}

/* The investor's part of the target's money received, in the default
 * currency, as bounds: its least over the target's most, its most over the
 * target's least. Only known amounts count; an undisclosed one of its own
 * leaves the top open, one of the target's is outside both. */
static void
compute_share (TrancheDataset           *ds,
               TrancheSummaryLine       *line,
               const TrancheSummaryLine *whole)
{
  TrancheCurrency currency = tranche_dataset_get_currency (ds);
  const TrancheSum *t = find_sum (whole->received, currency);
  const TrancheSum *a = find_sum (line->received, currency);
  gboolean open;

  line->share_min = line->share_max = NAN;
  if (t == NULL || !tranche_sum_has_known (t) || t->max <= 0
      || (a == NULL && line->received->len > 0))
    return;
  if (a == NULL)
    {
      line->share_min = line->share_max = 0;
      return;
    }
  open = a->n_undisclosed > 0 || !isfinite (a->max);
  line->share_min = isfinite (t->max) ? a->min / t->max : 0;
  line->share_max = open && line->share_min < 1 ? INFINITY
                    : t->min > 0 ? MIN (1, a->max / t->min) : 1;
}

static TrancheSummaryLine
make_line (TrancheTotals *totals,
           guint32        target,
           guint32        investor)
{
  TrancheSummaryLine line = { target, investor, tranche_sums_new (), tranche_sums_new (),
                              NAN, NAN, 0, 0 };

  tranche_totals_get_received (totals, target, investor, INFINITY, line.received);
  tranche_totals_get_outstanding (totals, target, investor, INFINITY, line.outstanding);
  count_rounds (totals, &line);
  return line;
}

GArray *
tranche_summary_get_lines (TrancheTotals *totals,
                           const guint8  *mask)
{
  g_autoptr(GArray) targets = NULL;
  TrancheDataset *ds;
  GArray *lines;

  g_return_val_if_fail (totals != NULL, NULL);

  ds = tranche_totals_get_dataset (totals);
  targets = collect_targets (ds, mask);
  lines = g_array_new (FALSE, TRUE, sizeof (TrancheSummaryLine));
  g_array_set_clear_func (lines, line_clear);
  for (guint i = 0; i < targets->len; i++)
    {
      const Target *t = &g_array_index (targets, Target, i);
      TrancheSummaryLine whole = make_line (totals, t->target, TRANCHE_NO_ENTITY);
      guint at = lines->len;

      g_array_append_val (lines, whole);
      for (guint k = 0; k < t->investors->len; k++)
        {
          TrancheSummaryLine line = make_line (totals, t->target,
                                               g_array_index (t->investors, guint32, k));

          compute_share (ds, &line, &g_array_index (lines, TrancheSummaryLine, at));
          g_array_append_val (lines, line);
        }
    }
  return lines;
}

/* A percentage to a reader: a tenth under 1%, whole above. */
static char *
format_percent (double   fraction,
                gboolean up)
{
  double percent = fraction * 100;
  /* A bound is rounded away from the share, never past it: "≥ 2.5%" read
   * as "≥ 3%" claimed more than the file says. Tenths below 1%. */
  double unit = percent > 0 && percent < 0.95 ? 0.1 : 1;
  double rounded = (up ? ceil (percent / unit - 1e-9) : floor (percent / unit + 1e-9)) * unit;

  return g_strdup_printf (unit < 1 ? "%.1f" : "%.0f", rounded);
}

char *
tranche_summary_format_share (const TrancheSummaryLine *line)
{
  g_autofree char *low = NULL;
  g_autofree char *high = NULL;

  g_return_val_if_fail (line != NULL, NULL);

  if (isnan (line->share_min) || (line->share_min == 0 && isinf (line->share_max)))
    /* Translators: an investor's share of the money received, when the
     * amounts known can't say it */
    return g_strdup (C_("share", "unknown"));
  low = format_percent (line->share_min, FALSE);
  if (isinf (line->share_max))
    /* Translators: a share of the money received at least this, "≥ 2%" */
    return g_strdup_printf (C_("share", "≥ %s%%"), low);
  high = format_percent (line->share_max, TRUE);
  if (strcmp (low, high) == 0)
    /* Translators: a share of the money received, "38%" */
    return g_strdup_printf (C_("share", "%s%%"), low);
  /* Translators: a share of the money received between two bounds, "17–29%" */
  return g_strdup_printf (C_("share", "%1$s–%2$s%%"), low, high);
}

char *
tranche_summary_format_sums (GArray *sums)
{
  g_return_val_if_fail (sums != NULL, NULL);

  if (sums->len == 0)
    /* Translators: a total of nothing, in --summary ("received: none"). */
    return g_strdup (C_("summary", "none"));
  return tranche_sums_format ((const TrancheSum *) (gpointer) sums->data, sums->len);
}

static void
add_amount (JsonBuilder *builder,
            const char  *member,
            double       value)
{
  json_builder_set_member_name (builder, member);
  /* A converted amount carries the rate's binary rounding (€15M × 1.1 is
   * 16500000.000000002): cents are the finest a reported figure means. */
  if (isfinite (value))
    value = round (value * 100) / 100;
  if (!isfinite (value))
    json_builder_add_null_value (builder);
  else if (value == floor (value) && fabs (value) < 9007199254740992.0)
    json_builder_add_int_value (builder, (gint64) value);
  else
    json_builder_add_double_value (builder, value);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
add_bool (JsonBuilder *builder,
          const char  *member,
          gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}

static void
add_currency (JsonBuilder     *builder,
              TrancheCurrency  currency)
{
  char code[4];

  add_string (builder, "currency", tranche_currency_to_code (currency, code));
}

/* {"currency", "min", "max", "undisclosed"[, "approx"]}: min and max are null
 * when no amount is known. */
static void
add_sum (JsonBuilder      *builder,
         const TrancheSum *sum,
         gboolean          approx)
{
  gboolean known = tranche_sum_has_known (sum);

  json_builder_begin_object (builder);
  add_currency (builder, sum->currency);
  add_amount (builder, "min", known ? sum->min : NAN);
  add_amount (builder, "max", known ? sum->max : NAN);
  json_builder_set_member_name (builder, "undisclosed");
  json_builder_add_int_value (builder, sum->n_undisclosed);
  if (approx)
    add_bool (builder, "approx", sum->approx);
  json_builder_end_object (builder);
}

static void
add_sums (JsonBuilder *builder,
          const char  *member,
          GArray      *sums)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < sums->len; i++)
    add_sum (builder, &g_array_index (sums, TrancheSum, i), TRUE);
  json_builder_end_array (builder);
}

/* A reported figure: {"value", "currency", "approx"}, a range with "value"
 * null, "min" and "max". `extra` adds "basis" for a valuation. */
static void
add_money (JsonBuilder        *builder,
           const TrancheMoney *money)
{
  double min = NAN, max = NAN;

  tranche_money_get_bounds (money, &min, &max);
  if (money->flags & TRANCHE_MONEY_HAS_VALUE)
    add_amount (builder, "value", money->value);
  else
    {
      add_amount (builder, "value", NAN);
      add_amount (builder, "min", min);
      add_amount (builder, "max", max);
    }
  add_currency (builder, money->currency);
}

static void
add_line (JsonBuilder              *builder,
          const TrancheSummaryLine *line)
{
  add_sums (builder, "received", line->received);
  add_sums (builder, "committed_outstanding", line->outstanding);
  if (line->investor == TRANCHE_NO_ENTITY)
    return;
  json_builder_set_member_name (builder, "share");
  if (isnan (line->share_min))
    json_builder_add_null_value (builder);
  else
    {
      json_builder_begin_object (builder);
      /* Four decimals: a hundredth of a percent. */
      json_builder_set_member_name (builder, "min");
      json_builder_add_double_value (builder, round (line->share_min * 1e4) / 1e4);
      json_builder_set_member_name (builder, "max");
      if (isinf (line->share_max))
        json_builder_add_null_value (builder);
      else
        json_builder_add_double_value (builder, round (line->share_max * 1e4) / 1e4);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "rounds");
  json_builder_add_int_value (builder, line->n_rounds);
  json_builder_set_member_name (builder, "led");
  json_builder_add_int_value (builder, line->n_led);
}

static void
add_valuation (JsonBuilder    *builder,
               TrancheDataset *ds,
               guint32         event)
{
  const TrancheEvent *ev;
  g_autofree char *date = NULL;

  json_builder_set_member_name (builder, "last_valuation");
  if (event == TRANCHE_NO_EVENT)
    {
      json_builder_add_null_value (builder);
      return;
    }
  ev = tranche_dataset_get_event (ds, event);
  date = tranche_date_to_iso (&ev->date);
  json_builder_begin_object (builder);
  add_string (builder, "date", date);
  add_money (builder, &ev->valuation);
  add_string (builder, "basis",
              (const char *[]) { NULL, "post-money", "pre-money", "reported" }
                [MIN (ev->valuation.basis, TRANCHE_BASIS_REPORTED)]);
  add_bool (builder, "approx", (ev->valuation.flags & TRANCHE_MONEY_APPROX) != 0);
  json_builder_end_object (builder);
}

static void
add_gap (JsonBuilder      *builder,
         TrancheDataset   *ds,
         const TrancheGap *gap)
{
  const TrancheEvent *ev = tranche_dataset_get_event (ds, gap->event);
  g_autofree char *date = tranche_date_to_iso (&ev->date);

  json_builder_begin_object (builder);
  add_string (builder, "event", ev->id);
  add_string (builder, "date", date);
  add_string (builder, "target", tranche_dataset_get_entity (ds, gap->target)->id);
  add_string (builder, "scope", tranche_scope_to_string (gap->scope));
  json_builder_set_member_name (builder, "investors");
  json_builder_begin_array (builder);
  if (gap->scope == TRANCHE_SCOPE_INVESTORS)
    for (guint j = 0; j < ev->n_investors; j++)
      json_builder_add_string_value (
        builder, tranche_dataset_get_entity (ds, tranche_dataset_event_investor (ds, ev, j))->id);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "reported");
  json_builder_begin_object (builder);
  if (gap->reported_min == gap->reported_max)
    add_amount (builder, "value", gap->reported_min);
  else
    {
      add_amount (builder, "value", NAN);
      add_amount (builder, "min", gap->reported_min);
      add_amount (builder, "max", gap->reported_max);
    }
  add_currency (builder, gap->currency);
  add_bool (builder, "approx", (ev->cumulative.flags & TRANCHE_MONEY_APPROX) != 0);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "computed");
  add_sum (builder, &gap->computed_sum, FALSE);
  add_amount (builder, "gap", gap->gap);
  json_builder_end_object (builder);
}

JsonNode *
tranche_summary_to_json (TrancheTotals *totals,
                         const char    *file_name)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  TrancheDataset *ds;
  g_autoptr(GArray) targets = NULL;
  g_autoptr(GArray) lines = NULL;
  guint next = 0;

  g_return_val_if_fail (totals != NULL, NULL);

  ds = tranche_totals_get_dataset (totals);
  targets = collect_targets (ds, NULL);
  /* Each target's line, then its investors', in the order of `targets`. */
  lines = tranche_summary_get_lines (totals, NULL);
  json_builder_begin_object (builder);
  add_string (builder, "file", file_name);
  add_currency (builder, tranche_dataset_get_currency (ds));

  json_builder_set_member_name (builder, "targets");
  json_builder_begin_array (builder);
  for (guint i = 0; i < targets->len; i++)
    {
      const Target *t = &g_array_index (targets, Target, i);
      const TrancheEntity *entity = tranche_dataset_get_entity (ds, t->target);

      json_builder_begin_object (builder);
      add_string (builder, "id", entity->id);
      add_string (builder, "name", entity->name);
      add_line (builder, &g_array_index (lines, TrancheSummaryLine, next++));
      add_valuation (builder, ds, t->valuation);
      json_builder_set_member_name (builder, "investors");
      json_builder_begin_array (builder);
      for (guint k = 0; k < t->investors->len; k++)
        {
          guint32 investor = g_array_index (t->investors, guint32, k);
          const TrancheEntity *who = tranche_dataset_get_entity (ds, investor);

          json_builder_begin_object (builder);
          add_string (builder, "id", who->id);
          add_string (builder, "name", who->name);
          add_line (builder, &g_array_index (lines, TrancheSummaryLine, next++));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "reported");
  json_builder_begin_array (builder);
  for (guint i = 0; i < tranche_totals_get_n_gaps (totals); i++)
    add_gap (builder, ds, tranche_totals_get_gap (totals, i));
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

/* ---- text ---- */

static void
append_money_lines (GString                  *out,
                    const TrancheSummaryLine *line,
                    const char               *indent)
{
  g_autofree char *received_text = tranche_summary_format_sums (line->received);
  g_autofree char *outstanding_text = tranche_summary_format_sums (line->outstanding);
  g_autofree char *share = NULL;

  g_string_append (out, indent);
  /* Translators: a line of --summary: the money a company (or one investor
   * in it) received, then the commitments still to be paid. */
  g_string_append_printf (out, C_("summary", "received %s; commitments outstanding: %s"),
                          received_text, outstanding_text);
  g_string_append_c (out, '\n');
  if (line->investor == TRANCHE_NO_ENTITY)
    return;
  share = tranche_summary_format_share (line);
  g_string_append (out, indent);
  /* Translators: a line of --summary under an investor's money: %1$s its
   * share of the money the company received ("17–29%"), %2$u the rounds it
   * put money in, %3$u how many of them it led. */
  g_string_append_printf (out, C_("summary", "share of the money received: %1$s; rounds: %2$u, "
                                  "led: %3$u"),
                          share, line->n_rounds, line->n_led);
  g_string_append_c (out, '\n');
}

static char *
pair_name (TrancheDataset *ds,
           guint32         investor,
           guint32         target)
{
  /* Translators: an investor and the company it put money in, as in
   * "Microsoft → OpenAI". */
  return g_strdup_printf (C_("pair", "%1$s → %2$s"),
                          tranche_dataset_get_entity (ds, investor)->name,
                          tranche_dataset_get_entity (ds, target)->name);
}

char *
tranche_summary_describe_scope (TrancheDataset   *ds,
                                const TrancheGap *gap)
{
  const TrancheEvent *ev;

  g_return_val_if_fail (ds != NULL && gap != NULL, NULL);

  ev = tranche_dataset_get_event (ds, gap->event);
  if (gap->scope == TRANCHE_SCOPE_INVESTORS && ev->n_investors == 1)
    return pair_name (ds, tranche_dataset_event_investor (ds, ev, 0), gap->target);
  if (gap->scope == TRANCHE_SCOPE_INVESTORS)
    /* Translators: the scope of a reported total made by several investors,
     * as in "its investors → Anthropic". */
    return g_strdup_printf (C_("summary", "its investors → %s"),
                            tranche_dataset_get_entity (ds, gap->target)->name);
  return g_strdup (tranche_dataset_get_entity (ds, gap->target)->name);
}

static void
append_gap_line (GString          *out,
                 TrancheDataset   *ds,
                 const TrancheGap *gap)
{
  const TrancheEvent *ev = tranche_dataset_get_event (ds, gap->event);
  g_autofree char *date = tranche_format_date (&ev->date);
  g_autofree char *reported = tranche_format_money (&ev->cumulative);
  g_autofree char *computed = tranche_sum_format (&gap->computed_sum);
  g_autofree char *explained = tranche_totals_explain_gap (gap);
  g_autofree char *whose = tranche_summary_describe_scope (ds, gap);

  if (*computed == '\0')
    {
      g_free (computed);
      computed = g_strdup (C_("summary", "none"));
    }

  g_string_append (out, "  ");
  if (explained == NULL)
    /* Translators: a line of --summary: %1$s the event's title, %2$s its
     * date, %3$s whose money, %4$s the total a source reports, %5$s the one
     * computed from the events, which agree. */
    g_string_append_printf (out, C_("summary", "%1$s (%2$s), %3$s: reported %4$s, computed %5$s: "
                                    "they agree"),
                            ev->title, date, whose, reported, computed);
  else
    /* Translators: as above, when they don't agree: %6$s says by how much,
     * as in "≤ $2B in 1 undisclosed round". */
    g_string_append_printf (out, C_("summary", "%1$s (%2$s), %3$s: reported %4$s, computed %5$s: "
                                    "%6$s"),
                            ev->title, date, whose, reported, computed, explained);
  g_string_append_c (out, '\n');
}

char *
tranche_summary_to_text (TrancheTotals *totals)
{
  TrancheDataset *ds;
  g_autoptr(GArray) targets = NULL;
  g_autoptr(GArray) lines = NULL;
  GString *out = g_string_new (NULL);
  guint next = 0;

  g_return_val_if_fail (totals != NULL, NULL);

  ds = tranche_totals_get_dataset (totals);
  targets = collect_targets (ds, NULL);
  /* Each target's line, then its investors', in the order of `targets`. */
  lines = tranche_summary_get_lines (totals, NULL);
  for (guint i = 0; i < targets->len; i++)
    {
      const Target *t = &g_array_index (targets, Target, i);

      g_string_append_printf (out, "%s\n", tranche_dataset_get_entity (ds, t->target)->name);
      append_money_lines (out, &g_array_index (lines, TrancheSummaryLine, next++), "  ");
      if (t->valuation != TRANCHE_NO_EVENT)
        {
          const TrancheEvent *ev = tranche_dataset_get_event (ds, t->valuation);
          g_autofree char *value = tranche_format_money (&ev->valuation);
          g_autofree char *date = tranche_format_date (&ev->date);

          g_string_append (out, "  ");
          /* Translators: a line of --summary: the company's last reported
           * valuation and its date, as in "last valuation ~$29B (2023)". */
          g_string_append_printf (out, C_("summary", "last valuation %1$s (%2$s)"), value, date);
          g_string_append_c (out, '\n');
        }
      for (guint k = 0; k < t->investors->len; k++)
        {
          guint32 investor = g_array_index (t->investors, guint32, k);
          g_autofree char *name = pair_name (ds, investor, t->target);

          g_string_append_printf (out, "  %s\n", name);
          append_money_lines (out, &g_array_index (lines, TrancheSummaryLine, next++), "    ");
        }
    }
  if (tranche_totals_get_n_gaps (totals) > 0)
    {
      /* Translators: the heading of --summary's list of totals sources
       * report, each beside the one computed from the events. */
      g_string_append_printf (out, "%s\n", C_("summary", "Reported totals"));
      for (guint i = 0; i < tranche_totals_get_n_gaps (totals); i++)
        append_gap_line (out, ds, tranche_totals_get_gap (totals, i));
    }
  return g_string_free (out, FALSE);
}
