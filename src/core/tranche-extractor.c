/* tranche-extractor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "tranche-extract-cues.h"
#include "tranche-extract-date.h"
#include "tranche-extract-sentences.h"
#include "tranche-extractor.h"

/* How far (bytes) a cue may be from the figure it explains. */
#define CUE_REACH 160

struct _TrancheExtraction
{
  TrancheLanguage  language;
  GArray          *drafts;  /* TrancheDraft */
};

typedef struct
{
  guint    target;
  guint    n_investors;
  guint    investors[TRANCHE_DRAFT_MAX_INVESTORS];
  gboolean lead[TRANCHE_DRAFT_MAX_INVESTORS];
} Roles;

typedef struct
{
  const char     *text;
  gsize           len;
  TrancheLanguage language;
  TrancheDate     published;
  TrancheActors  *actors;
  GArray         *drafts;
  Roles           context;   /* who the last sentence with a draft named */
  /* per sentence, reused */
  GArray         *money;
  GArray         *dates;
  GArray         *cues;
  GArray         *mentions;
  GArray         *roles;     /* int TrancheCueSubject per mention */
  TrancheDate     context_date;  /* the last date read in this paragraph */
  gboolean        anaphora;      /* the sentence starts "Cette levée", "The round" */
  guint           paragraph;
} Extractor;

const char *
tranche_draft_kind_to_string (TrancheDraftKind kind)
{
  static const char * const names[] = {
    "investment", "commitment", "valuation", "total", "acquisition", "secondary",
  };

  g_return_val_if_fail (kind <= TRANCHE_DRAFT_SECONDARY, NULL);
  return names[kind];
}

TrancheLanguage
tranche_extract_guess_language (const char *text,
                                gsize       len)
{
  static const char * const english[] = {
    "the", "and", "of", "to", "in", "is", "was", "for", "that", "with", "its", "has", NULL
  };
  static const char * const french[] = {
    "le", "la", "les", "de", "des", "du", "et", "est", "dans", "une", "pour", "que", "qui",
    "sur", "au", "aux", NULL
  };
  guint en = 0, fr = 0;

  g_return_val_if_fail (text != NULL || len == 0, TRANCHE_LANGUAGE_UNKNOWN);

  for (gsize pos = 0; pos < len; pos++)
    {
      gsize end;

      if (!g_ascii_isalpha (text[pos]) || !tranche_scan_word_starts (text, pos))
        continue;
      if (tranche_scan_phrases (text, len, pos, english, &end) >= 0)
        en++;
      else if (tranche_scan_phrases (text, len, pos, french, &end) >= 0)
        fr++;
      pos = tranche_scan_word_end (text, len, pos);
    }
  if (en == 0 && fr == 0)
    return TRANCHE_LANGUAGE_UNKNOWN;
  return fr > en ? TRANCHE_LANGUAGE_FR : TRANCHE_LANGUAGE_EN;
}

static void
add_investor (Roles    *roles,
              guint     actor,
              gboolean  lead)
{
  for (guint i = 0; i < roles->n_investors; i++)
    if (roles->investors[i] == actor)
      {
        roles->lead[i] |= lead;
        return;
      }
  if (roles->n_investors == TRANCHE_DRAFT_MAX_INVESTORS || roles->target == actor)
    return;
  roles->investors[roles->n_investors] = actor;
  roles->lead[roles->n_investors] = lead;
  roles->n_investors++;
}

static void
set_target (Roles *roles,
            guint  actor)
{
  for (guint i = 0; i < roles->n_investors; i++)
    if (roles->investors[i] == actor)
      return;
  if (roles->target == G_MAXUINT)
    roles->target = actor;
}

/* The cue nearest to span: before it, or (counting double) after it. */
static const TrancheCue *
nearest_cue (GArray      *cues,
             TrancheSpan  span,
             gsize        reach,
             gsize       *distance)
{
  const TrancheCue *best = NULL;
  gsize best_distance = reach + 1;

  for (guint i = 0; i < cues->len; i++)
    {
      const TrancheCue *cue = &g_array_index (cues, TrancheCue, i);
      gsize d;

      if (cue->span.end <= span.start)
        d = span.start - cue->span.end;
      else if (cue->span.start >= span.end)
        d = (cue->span.start - span.end) * 2;
      else
        d = 0;
      if (d < best_distance)
        {
          best = cue;
          best_distance = d;
        }
    }
  if (distance != NULL)
    *distance = best_distance;
  return best;
}

/* "Microsoft invests", "Mistral lève", "X's valuation": the role of a name
 * that no preposition introduces, from the cue after (or before) it. */
static int
role_from_cues (Extractor            *x,
                const TrancheMention *mention)
{
  const TrancheActor *actor = tranche_actors_get (x->actors, mention->actor);

  /* "Google acquired Fitbit": the object of an acquirer's verb */
  for (guint i = x->cues->len; i > 0; i--)
    {
      const TrancheCue *cue = &g_array_index (x->cues, TrancheCue, i - 1);

      if (cue->span.end <= mention->span.start && mention->span.start - cue->span.end < 40
          && cue->subject == TRANCHE_SUBJECT_INVESTOR && cue->kind == TRANCHE_CUE_ACQUISITION)
        return TRANCHE_SUBJECT_TARGET;
    }
  for (guint i = 0; i < x->cues->len; i++)
    {
      const TrancheCue *cue = &g_array_index (x->cues, TrancheCue, i);

      if (cue->span.start < mention->span.end || cue->span.start - mention->span.end > 80)
        continue;
      if (cue->kind == TRANCHE_CUE_NOT_EVENT)
        continue;
      if (cue->subject == TRANCHE_SUBJECT_INVESTOR)
        return TRANCHE_SUBJECT_INVESTOR;
      if (cue->subject == TRANCHE_SUBJECT_TARGET)
        return TRANCHE_SUBJECT_TARGET;
      return cue->kind == TRANCHE_CUE_VALUATION ? TRANCHE_SUBJECT_TARGET
                                                : TRANCHE_SUBJECT_INVESTOR;
    }
  if (actor->known && (actor->kind == TRANCHE_ENTITY_INVESTOR
                       || actor->kind == TRANCHE_ENTITY_FUND))
    return TRANCHE_SUBJECT_INVESTOR;
  return TRANCHE_SUBJECT_NONE;
}

/* Whether a figure or a cue ends in the few bytes before pos ("in", "dans",
 * "au capital de" and white space). */
static gboolean
follows_figure_or_cue (Extractor *x,
                       gsize      pos)
{
  static const char * const equity[] = {
    "shares in", "stake in", "stakes in", "holding in", "actions de", "parts de", NULL
  };
  gsize s;

  for (guint i = 0; equity[i] != NULL; i++)
    if (tranche_scan_phrase_before (x->text, pos, equity[i], &s))
      return TRUE;
  for (guint i = 0; i < x->money->len; i++)
    {
      const TrancheMoneyMatch *m = &g_array_index (x->money, TrancheMoneyMatch, i);

      if (m->span.end <= pos && pos - m->span.end <= 20)
        return TRUE;
    }
  for (guint i = 0; i < x->cues->len; i++)
    {
      const TrancheCue *c = &g_array_index (x->cues, TrancheCue, i);

      if (c->span.end <= pos && pos - c->span.end <= 20)
        return TRUE;
    }
  return FALSE;
}

/* Whether the article names the mention more than once: "dans OpenAI" far
 * from the figure still names the target when the article is about it, but
 * a place named once ("factories in Ohio") does not. */
static gboolean
named_again (Extractor            *x,
             const TrancheMention *m)
{
  gsize n = m->span.end - m->span.start;
  const char *name = x->text + m->span.start;
  guint count = 0;

  for (const char *p = x->text; count < 2 && p + n <= x->text + x->len; p++)
    {
      p = memmem (p, x->text + x->len - p, name, n);
      if (p == NULL)
        break;
      count++;
    }
  return count >= 2;
}

static void
assign_roles (Extractor *x,
              Roles     *roles)
{
  int previous = TRANCHE_SUBJECT_NONE;
  gboolean previous_lead = FALSE;

  roles->target = G_MAXUINT;
  roles->n_investors = 0;
  g_array_set_size (x->roles, 0);
  for (guint i = 0; i < x->mentions->len; i++)
    {
      const TrancheMention *m = &g_array_index (x->mentions, TrancheMention, i);
      int role = TRANCHE_SUBJECT_NONE;
      gboolean lead = FALSE;

      switch (m->mark)
        {
        case TRANCHE_MARK_LEAD:
          role = TRANCHE_SUBJECT_INVESTOR;
          lead = TRUE;
          break;
        case TRANCHE_MARK_FROM:
          role = TRANCHE_SUBJECT_INVESTOR;
          break;
        case TRANCHE_MARK_INTO:
          /* "invested $10B in OpenAI", "a stake in X", not "factories in Ohio" */
          role = follows_figure_or_cue (x, m->span.start) || named_again (x, m)
                 ? TRANCHE_SUBJECT_TARGET : role_from_cues (x, m);
          break;
        case TRANCHE_MARK_OF:
          {
            gsize d;
            const TrancheCue *cue = nearest_cue (x->cues, m->span, 40, &d);

            if (cue != NULL && cue->span.end <= m->span.start)
              role = (cue->kind == TRANCHE_CUE_VALUATION || cue->kind == TRANCHE_CUE_ACQUISITION)
                     ? TRANCHE_SUBJECT_TARGET : TRANCHE_SUBJECT_INVESTOR;
          }
          break;
        case TRANCHE_MARK_SOURCE:
          break;
        case TRANCHE_MARK_AND:
        case TRANCHE_MARK_ALSO:
          role = previous;
          lead = previous_lead && m->mark == TRANCHE_MARK_AND;
          if (role == TRANCHE_SUBJECT_NONE)
            role = role_from_cues (x, m);
          break;
        case TRANCHE_MARK_NONE:
        default:
          role = role_from_cues (x, m);
          break;
        }
      if (role == TRANCHE_SUBJECT_INVESTOR)
        add_investor (roles, m->actor, lead);
      else if (role == TRANCHE_SUBJECT_TARGET)
        set_target (roles, m->actor);
      g_array_append_val (x->roles, role);
      previous = role;
      previous_lead = lead;
    }
}

/* Dates that are not when an event happened: a founding ("founded in 2017")
 * or a deadline ("d'ici 2027", "by 2026"). */
static gboolean
is_other_date (Extractor              *x,
                  const TrancheDateMatch *date)
{
  static const char * const founded[] = {
    "founded in", "founded", "created in", "since", "fondée en", "fondé en", "créée en",
    "créé en", "depuis", "née en", "création en", "since its", "since their", "depuis sa",
    "depuis son", "depuis leur", "by", "until", "d'ici", "d'ici à",
    "jusqu'en", "jusqu'à", "through", "to close in", "close in", "closing in",
    "expected in", "prévue en", "prévue au", "attendue en", "attendue au", NULL
  };
  static const char * const articles[] = { "the", "le", "la", "au", NULL };
  gsize starts[2] = { date->span.start, date->span.start };
  gsize s;

  /* "to close in the first quarter": look past the article too */
  for (guint i = 0; articles[i] != NULL; i++)
    if (tranche_scan_phrase_before (x->text, date->span.start, articles[i], &s))
      starts[1] = s;
  for (guint k = 0; k < G_N_ELEMENTS (starts); k++)
    for (guint i = 0; founded[i] != NULL; i++)
      if (tranche_scan_phrase_before (x->text, starts[k], founded[i], &s))
        return TRUE;
  return FALSE;
}

static gboolean
money_between (Extractor *x,
               gsize      from,
               gsize      to)
{
  for (guint i = 0; i < x->money->len; i++)
    {
      const TrancheMoneyMatch *m = &g_array_index (x->money, TrancheMoneyMatch, i);

      if (m->span.start >= from && m->span.end <= to)
        return TRUE;
    }
  return FALSE;
}

/* How far a date is from a figure, as the figure's date: one after it
 * counts less ("$1B in 2019"), and one that another figure, a ";" or an
 * "and" stands between counts much more. */
static double
date_distance (Extractor              *x,
               const TrancheDateMatch *d,
               TrancheSpan             span)
{
  static const char * const ands[] = { " and ", " et ", NULL };
  double distance;
  gsize from, to;

  if (d->span.start >= span.end)
    from = span.end, to = d->span.start, distance = to - from;
  else
    from = d->span.end, to = MAX (d->span.end, span.start), distance = (to - from) * 1.5;
  if (from < to && (money_between (x, from, to)
                    || memchr (x->text + from, ';', to - from) != NULL))
    distance += 400;
  if (d->span.start < span.end)
    for (gsize i = from; i < to; i++)
      {
        gsize e;

        if (x->text[i] == ' ' && tranche_scan_phrases (x->text, to + 1, i, ands, &e) >= 0)
          {
            distance += 100;
            break;
          }
      }
  return distance;
}

/* The date nearest to a figure, of those nearer to it than to any other
 * figure; -1 when none. */
static int
nearest_date (Extractor   *x,
              TrancheSpan  span)
{
  int best = -1;
  double best_distance = G_MAXDOUBLE;

  for (guint i = 0; i < x->dates->len; i++)
    {
      const TrancheDateMatch *d = &g_array_index (x->dates, TrancheDateMatch, i);
      double distance;

      if (is_other_date (x, d))
        continue;
      distance = date_distance (x, d, span);
      for (guint j = 0; j < x->money->len; j++)
        {
          const TrancheMoneyMatch *m = &g_array_index (x->money, TrancheMoneyMatch, j);

          if (m->span.start != span.start && date_distance (x, d, m->span) < distance)
            distance += 300;
        }
      if (distance < best_distance)
        {
          best = i;
          best_distance = distance;
        }
    }
  /* never across another figure: "$1.1 billion, up from $400 million in June 2022" */
  return best_distance < 400 ? best : -1;
}

static TrancheDraftKind
draft_kind (TrancheCueKind kind)
{
  switch (kind)
    {
    case TRANCHE_CUE_COMMITMENT:
      return TRANCHE_DRAFT_COMMITMENT;
    case TRANCHE_CUE_VALUATION:
      return TRANCHE_DRAFT_VALUATION;
    case TRANCHE_CUE_TOTAL:
      return TRANCHE_DRAFT_TOTAL;
    case TRANCHE_CUE_ACQUISITION:
      return TRANCHE_DRAFT_ACQUISITION;
    case TRANCHE_CUE_SECONDARY:
      return TRANCHE_DRAFT_SECONDARY;
    case TRANCHE_CUE_INVESTMENT:
    default:
      return TRANCHE_DRAFT_INVESTMENT;
    }
}

/* The kind of event a figure is: its nearest cue, then a promise ("agreed
 * to", "s'engage") or a total ("in all", "cumulatif") around it. */
static gboolean
figure_kind (Extractor        *x,
             TrancheSpan       figure,
             TrancheDraftKind *kind,
             gsize            *distance)
{
  const TrancheCue *cue = nearest_cue (x->cues, figure, CUE_REACH, distance);

  static const char * const compared[] = { "up from", "down from", "contre", NULL };
  gsize s;

  /* "valued at $1.1 billion, up from $400 million": the same kind as before */
  for (guint i = 0; compared[i] != NULL; i++)
    if (tranche_scan_phrase_before (x->text, figure.start, compared[i], &s))
      for (guint j = x->money->len; j > 0; j--)
        {
          const TrancheMoneyMatch *m = &g_array_index (x->money, TrancheMoneyMatch, j - 1);

          if (m->span.end <= s)
            return figure_kind (x, m->span, kind, distance);
        }
  if (cue == NULL || cue->kind == TRANCHE_CUE_NOT_EVENT)
    return FALSE;
  *kind = draft_kind (cue->kind);
  for (guint i = 0; i < x->cues->len; i++)
    {
      const TrancheCue *c = &g_array_index (x->cues, TrancheCue, i);
      gboolean near = c->span.end + 60 >= figure.start && c->span.start <= figure.end + 30;

      if (*kind == TRANCHE_DRAFT_INVESTMENT && c->kind == TRANCHE_CUE_COMMITMENT
          && c->span.end <= figure.start)
        *kind = TRANCHE_DRAFT_COMMITMENT;
      /* "total funding to £24.5m, after a £6.5m seed round": the first only */
      if ((*kind == TRANCHE_DRAFT_INVESTMENT || *kind == TRANCHE_DRAFT_COMMITMENT)
          && c->kind == TRANCHE_CUE_TOTAL && near
          && !money_between (x, MIN (c->span.end, figure.end),
                             MAX (c->span.start, figure.start)))
        *kind = TRANCHE_DRAFT_TOTAL;
    }
  return TRUE;
}

static gboolean
needs_investors (TrancheDraftKind kind)
{
  return kind != TRANCHE_DRAFT_VALUATION;
}

/* The target named nearest to a figure: "acquire Greenleaf for $1.25 billion
 * … since it bought Crispin Bakery in 2018 for $300mn" has two. */
static guint
nearest_target (Extractor   *x,
                TrancheSpan  figure)
{
  guint best = G_MAXUINT;
  gsize best_distance = G_MAXSIZE;

  for (guint i = 0; i < x->mentions->len; i++)
    {
      const TrancheMention *m = &g_array_index (x->mentions, TrancheMention, i);
      gsize d;

      if (g_array_index (x->roles, int, i) != TRANCHE_SUBJECT_TARGET)
        continue;
      d = m->span.end <= figure.start ? figure.start - m->span.end
          : m->span.start >= figure.end ? m->span.start - figure.end : 0;
      if (d < best_distance)
        best = m->actor, best_distance = d;
    }
  return best;
}

/* The target most drafts so far are about (the latest of equals), else the
 * last one named: "the company" after "Rival X was acquired" is still the
 * article's own company. */
static guint
main_target (Extractor *x)
{
  guint best = x->context.target, best_count = 0;

  for (guint i = x->drafts->len; i > 0; i--)
    {
      guint t = g_array_index (x->drafts, TrancheDraft, i - 1).target, count = 0;

      for (guint j = 0; t != G_MAXUINT && j < x->drafts->len; j++)
        count += g_array_index (x->drafts, TrancheDraft, j).target == t;
      if (count > best_count)
        best = t, best_count = count;
    }
  return best;
}

static void
fill_actors (Extractor    *x,
             const Roles  *roles,
             TrancheDraft *draft)
{
  const Roles *from = roles->n_investors > 0 ? roles : &x->context;
  guint target = nearest_target (x, draft->figure);

  draft->target = target != G_MAXUINT ? target : main_target (x);
  if (roles->target == G_MAXUINT)
    draft->confidence -= draft->target == G_MAXUINT ? 0.3 : 0.15;
  draft->n_investors = 0;
  if (!needs_investors (draft->kind))
    return;
  draft->investors_from_text = roles->n_investors > 0;
  if (roles->n_investors == 0)
    draft->confidence -= x->context.n_investors > 0 ? 0.1 : 0.2;
  for (guint i = 0; i < from->n_investors; i++)
    if (from->investors[i] != draft->target)
      {
        draft->investors[draft->n_investors] = from->investors[i];
        draft->lead[draft->n_investors] = from->lead[i];
        draft->n_investors++;
      }
}

static gboolean
same_figure (const TrancheDraft *a,
             const TrancheDraft *b)
{
  return a->kind == b->kind && a->money.flags == b->money.flags
         && a->money.value == b->money.value && a->money.min == b->money.min
         && a->money.max == b->money.max && a->target == b->target
         && !(a->money.flags & TRANCHE_MONEY_UNDISCLOSED);
}

/* A headline and its article's first sentence give the same figure twice:
 * one draft, dated by the text where one of them is. */
static void
add_draft (Extractor    *x,
           TrancheDraft *draft)
{
  draft->confidence = CLAMP (draft->confidence, 0.05, 0.95);
  for (guint i = 0; i < x->drafts->len; i++)
    {
      TrancheDraft *old = &g_array_index (x->drafts, TrancheDraft, i);
      gboolean same_date;

      /* the cheap tests first: this runs for every pair of drafts */
      if (old->kind != draft->kind || old->target != draft->target
          || old->money.flags != draft->money.flags)
        continue;
      same_date = tranche_date_compare (&old->date, &draft->date) == 0;
      if (same_figure (old, draft) || (same_date
                                       && (old->money.flags & TRANCHE_MONEY_UNDISCLOSED)))
        {
          /* keep the one dated by the text, then the one naming more investors */
          if ((!old->date_from_text && draft->date_from_text)
              || (same_date && old->date_from_text == draft->date_from_text
                  && draft->n_investors > old->n_investors))
            {
              *old = *draft;
              return;
            }
          if (same_date || (old->date_from_text && !draft->date_from_text))
            return;
        }
    }
  g_array_append_val (x->drafts, *draft);
}

/* The date of a draft, from its sentence or else the publication. */
static gboolean
date_draft (Extractor    *x,
            int           date,
            TrancheDraft *draft)
{
  if (date >= 0)
    {
      const TrancheDateMatch *d = &g_array_index (x->dates, TrancheDateMatch, date);

      draft->date = d->date;
      draft->date_from_text = TRUE;
      if (d->relative)
        draft->confidence -= 0.05;
      return TRUE;
    }
  if (x->anaphora && tranche_date_is_set (&x->context_date))
    {
      draft->date = x->context_date;
      draft->date_from_text = TRUE;
      draft->confidence -= 0.1;
      return TRUE;
    }
  if (!tranche_date_is_set (&x->published))
    return FALSE;
  draft->date = x->published;
  draft->date_from_text = FALSE;
  draft->confidence -= 0.2;
  return TRUE;
}

static void
draft_figures (Extractor             *x,
               const TrancheSentence *sentence,
               const Roles           *roles,
               gboolean              *date_used)
{
  for (guint i = 0; i < x->money->len; i++)
    {
      const TrancheMoneyMatch *m = &g_array_index (x->money, TrancheMoneyMatch, i);
      TrancheDraft draft = { 0 };
      gsize distance;
      int date;

      if (!figure_kind (x, m->span, &draft.kind, &distance))
        continue;
      /* "several billion" makes sense for money paid, not for a valuation */
      if ((m->money.flags & TRANCHE_MONEY_UNDISCLOSED)
          && (draft.kind == TRANCHE_DRAFT_VALUATION || draft.kind == TRANCHE_DRAFT_TOTAL))
        continue;
      draft.confidence = 0.9;
      if (distance > 60)
        draft.confidence -= 0.1;
      if (m->money.flags & TRANCHE_MONEY_UNDISCLOSED)
        draft.confidence -= 0.1;
      date = nearest_date (x, m->span);
      if (!date_draft (x, date, &draft))
        continue;
      if (date >= 0)
        date_used[date] = TRUE;
      draft.money = m->money;
      draft.bound = m->bound;
      draft.quote = sentence->span;
      draft.figure = m->span;
      fill_actors (x, roles, &draft);
      add_draft (x, &draft);
    }
}

/* A date right by a figure is that figure's, even one that is no event
 * ("revenue of $6.3 billion last year"). */
static gboolean
near_figure (Extractor   *x,
             TrancheSpan  span)
{
  for (guint i = 0; i < x->money->len; i++)
    {
      const TrancheMoneyMatch *m = &g_array_index (x->money, TrancheMoneyMatch, i);

      gsize from = MIN (m->span.end, span.end), to = MAX (m->span.start, span.start);
      gboolean between = FALSE;

      if (to - from >= 40)
        continue;
      /* "1 milliard en 2019 et une autre tranche en 2021": 2019 is its date */
      for (guint j = 0; j < x->dates->len && !between; j++)
        {
          const TrancheDateMatch *d = &g_array_index (x->dates, TrancheDateMatch, j);

          between = d->span.start >= from && d->span.end <= to;
        }
      if (!between)
        return TRUE;
    }
  return FALSE;
}

/* "une autre tranche en 2021", "a Series B in March": a dated event with no
 * figure is an undisclosed amount. */
static void
draft_undisclosed (Extractor             *x,
                   const TrancheSentence *sentence,
                   const Roles           *roles,
                   const gboolean        *date_used)
{
  for (guint i = 0; i < x->dates->len; i++)
    {
      const TrancheDateMatch *d = &g_array_index (x->dates, TrancheDateMatch, i);
      const TrancheCue *cue = NULL;

      if (date_used[i] || is_other_date (x, d) || near_figure (x, d->span))
        continue;
      for (guint c = 0; c < x->cues->len; c++)
        {
          const TrancheCue *candidate = &g_array_index (x->cues, TrancheCue, c);
          gboolean before = candidate->span.end <= d->span.start
                            && d->span.start - candidate->span.end <= 60
                            && !money_between (x, candidate->span.end, d->span.start);
          gboolean after = candidate->span.start >= d->span.end
                           && candidate->span.start - d->span.end <= 30
                           && !money_between (x, d->span.end, candidate->span.start);

          if ((before || after) && candidate->names_event
              && candidate->kind != TRANCHE_CUE_VALUATION && candidate->kind != TRANCHE_CUE_TOTAL)
            cue = candidate;
        }
      if (cue == NULL)
        continue;
      {
        TrancheDraft draft = { 0 };

        draft.kind = draft_kind (cue->kind);
        draft.confidence = 0.7;
        date_draft (x, i, &draft);
        draft.money.flags = TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_UNDISCLOSED;
        draft.quote = sentence->span;
        draft.figure = cue->span;
        fill_actors (x, roles, &draft);
        add_draft (x, &draft);
      }
    }
}

/* "Cette levée de 60 millions", "The round also drew": the event of the
 * sentence before, so its date too. */
static gboolean
starts_with_anaphora (Extractor             *x,
                      const TrancheSentence *sentence)
{
  static const char * const starts[] = {
    "cette ", "ce ", "cet ", "this ", "the round", "the deal", "the investment",
    "the funding", "the financing", "the raise", "l'opération", "la levée", "le tour",
    "le financement", NULL
  };
  gsize end;

  if (tranche_scan_phrases (x->text, x->len, sentence->span.start, starts, &end) < 0
      || x->cues->len == 0)
    return FALSE;
  return g_array_index (x->cues, TrancheCue, 0).span.start - sentence->span.start < 30;
}

/* "€2019" is money, not a year */
static void
drop_dates_in_figures (Extractor *x)
{
  for (guint i = x->dates->len; i > 0; i--)
    {
      const TrancheDateMatch *d = &g_array_index (x->dates, TrancheDateMatch, i - 1);

      for (guint j = 0; j < x->money->len; j++)
        {
          const TrancheMoneyMatch *m = &g_array_index (x->money, TrancheMoneyMatch, j);

          if (d->span.start < m->span.end && m->span.start < d->span.end)
            {
              g_array_remove_index (x->dates, i - 1);
              break;
            }
        }
    }
}

static void
extract_sentence (Extractor             *x,
                  const TrancheSentence *sentence)
{
  gsize start = sentence->span.start, end = sentence->span.end;
  guint before = x->drafts->len;
  g_autofree gboolean *date_used = NULL;
  Roles roles;

  g_array_set_size (x->cues, 0);
  tranche_extract_cues (x->text, x->len, start, end, x->cues);
  if (x->cues->len == 0)
    return;
  g_array_set_size (x->money, 0);
  g_array_set_size (x->dates, 0);
  g_array_set_size (x->mentions, 0);
  tranche_extract_money (x->text, x->len, start, end, x->language, x->money);
  tranche_extract_dates (x->text, x->len, start, end, &x->published, x->dates);
  drop_dates_in_figures (x);
  tranche_actors_find (x->actors, x->text, x->len, start, end, x->mentions);
  assign_roles (x, &roles);

  if (sentence->paragraph != x->paragraph)
    {
      x->paragraph = sentence->paragraph;
      memset (&x->context_date, 0, sizeof x->context_date);
    }
  x->anaphora = starts_with_anaphora (x, sentence);
  date_used = g_new0 (gboolean, x->dates->len + 1);
  draft_figures (x, sentence, &roles, date_used);
  draft_undisclosed (x, sentence, &roles, date_used);

  for (guint i = 0; i < x->dates->len; i++)
    {
      const TrancheDateMatch *d = &g_array_index (x->dates, TrancheDateMatch, i);

      if (!is_other_date (x, d))
        x->context_date = d->date;
    }
  /* "The financing was co-led by A and B": the investors of the draft before */
  if (x->drafts->len == before && before > 0 && x->anaphora && roles.n_investors > 0)
    {
      TrancheDraft *last = &g_array_index (x->drafts, TrancheDraft, before - 1);

      if (!last->investors_from_text && needs_investors (last->kind))
        {
          last->n_investors = 0;
          for (guint i = 0; i < roles.n_investors; i++)
            if (roles.investors[i] != last->target)
              {
                last->investors[last->n_investors] = roles.investors[i];
                last->lead[last->n_investors] = roles.lead[i];
                last->n_investors++;
              }
          last->investors_from_text = TRUE;
        }
      /* "…, the company said on Monday" */
      for (guint i = 0; i < x->dates->len && !last->date_from_text; i++)
        {
          const TrancheDateMatch *d = &g_array_index (x->dates, TrancheDateMatch, i);

          if (!is_other_date (x, d))
            {
              last->date = d->date;
              last->date_from_text = TRUE;
              last->confidence = MIN (0.95, last->confidence + 0.1);
            }
        }
    }
  /* the next sentences may say "it" or "son investissement" */
  if (x->drafts->len > before || roles.n_investors > 0 || roles.target != G_MAXUINT)
    {
      if (roles.target != G_MAXUINT)
        x->context.target = roles.target;
      if (roles.n_investors > 0)
        {
          x->context.n_investors = roles.n_investors;
          memcpy (x->context.investors, roles.investors, sizeof roles.investors);
          memcpy (x->context.lead, roles.lead, sizeof roles.lead);
        }
    }
}

TrancheExtraction *
tranche_extract (const char                  *text,
                 gsize                        len,
                 const TrancheExtractOptions *options,
                 TrancheActors               *actors)
{
  TrancheExtraction *self;
  Extractor x = { 0 };
  g_autoptr(GArray) sentences = NULL;

  g_return_val_if_fail (text != NULL || len == 0, NULL);
  g_return_val_if_fail (actors != NULL, NULL);

  self = g_new0 (TrancheExtraction, 1);
  self->drafts = g_array_new (FALSE, TRUE, sizeof (TrancheDraft));
  self->language = options != NULL ? options->language : TRANCHE_LANGUAGE_UNKNOWN;
  if (self->language == TRANCHE_LANGUAGE_UNKNOWN)
    self->language = tranche_extract_guess_language (text, len);
  if (len == 0 || !g_utf8_validate (text, len, NULL))
    return self;

  x.text = text;
  x.len = len;
  x.language = self->language;
  if (options != NULL)
    x.published = options->published;
  x.actors = actors;
  x.drafts = self->drafts;
  x.context.target = G_MAXUINT;
  x.money = g_array_new (FALSE, FALSE, sizeof (TrancheMoneyMatch));
  x.dates = g_array_new (FALSE, FALSE, sizeof (TrancheDateMatch));
  x.cues = g_array_new (FALSE, FALSE, sizeof (TrancheCue));
  x.mentions = g_array_new (FALSE, FALSE, sizeof (TrancheMention));
  x.roles = g_array_new (FALSE, FALSE, sizeof (int));

  sentences = tranche_extract_sentences (text, len);
  tranche_actors_learn (actors, text, len, sentences);
  for (guint i = 0; i < sentences->len; i++)
    extract_sentence (&x, &g_array_index (sentences, TrancheSentence, i));

  g_array_unref (x.money);
  g_array_unref (x.dates);
  g_array_unref (x.cues);
  g_array_unref (x.mentions);
  g_array_unref (x.roles);
  return self;
}

void
tranche_extraction_free (TrancheExtraction *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->drafts);
  g_free (self);
}

TrancheLanguage
tranche_extraction_get_language (TrancheExtraction *self)
{
  g_return_val_if_fail (self != NULL, TRANCHE_LANGUAGE_UNKNOWN);
  return self->language;
}

guint
tranche_extraction_get_n_drafts (TrancheExtraction *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->drafts->len;
}

const TrancheDraft *
tranche_extraction_get_draft (TrancheExtraction *self,
                              guint              index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->drafts->len, NULL);
  return &g_array_index (self->drafts, TrancheDraft, index);
}
