/* tranche-event-fields.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "tranche-event-fields.h"

/* Money ranks below any value: absent, then undisclosed, then known. */
enum
{
  MONEY_ABSENT = 0,
  MONEY_UNDISCLOSED,
  MONEY_KNOWN,
};

static int
compare_ints (gint64 a,
              gint64 b)
{
  return (a > b) - (a < b);
}

static int
compare_doubles (double a,
                 double b)
{
  return (a > b) - (a < b);
}

/* The base letter of a character, lower-cased: "É" gives "e". Only the first
 * character of the canonical decomposition matters, so nothing is allocated. */
static gunichar
base_letter (gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

  if (c >= 0x80 && g_unichar_fully_decompose (c, FALSE, decomposed,
                                              G_N_ELEMENTS (decomposed)) > 0)
    c = decomposed[0];
  return g_unichar_tolower (c);
}

static int
compare_by (const char *a,
            const char *b,
            gunichar  (*fold) (gunichar))
{
  while (*a != '\0' && *b != '\0')
    {
      gunichar ca = fold (g_utf8_get_char (a));
      gunichar cb = fold (g_utf8_get_char (b));

      if (ca != cb)
        return ca < cb ? -1 : 1;
      a = g_utf8_next_char (a);
      b = g_utf8_next_char (b);
    }
  return (*a != '\0') - (*b != '\0');
}

static int
money_rank (const TrancheMoney *money,
            double             *value)
{
  if (tranche_money_best_value (money, value))
    return MONEY_KNOWN;
  if (money->flags & TRANCHE_MONEY_UNDISCLOSED)
    return MONEY_UNDISCLOSED;
  return MONEY_ABSENT;
}

static int
compare_money (TrancheDataset     *dataset,
               const TrancheMoney *a,
               const TrancheMoney *b)
{
  double va = 0, vb = 0, rate;
  int ra = money_rank (a, &va);
  int rb = money_rank (b, &vb);

  if (ra != rb || ra != MONEY_KNOWN)
    return compare_ints (ra, rb);
  /* Amounts in a currency with no rate can't be converted; their face value
   * is the best order we have. */
  if (tranche_dataset_get_rate (dataset, a->currency, &rate))
    va *= rate;
  if (tranche_dataset_get_rate (dataset, b->currency, &rate))
    vb *= rate;
  return compare_doubles (va, vb);
}

static const char *
entity_name (TrancheDataset *dataset,
             guint32         entity)
{
  if (entity == TRANCHE_NO_ENTITY)
    return NULL;
  return tranche_dataset_get_entity (dataset, entity)->name;
}

static int
compare_investors (TrancheDataset     *dataset,
                   const TrancheEvent *a,
                   const TrancheEvent *b)
{
  guint n = MIN (a->n_investors, b->n_investors);

  /* Name by name, as the joined "A, B" text would compare, without joining. */
  for (guint i = 0; i < n; i++)
    {
      int cmp = tranche_utf8_casecmp (
        entity_name (dataset, tranche_dataset_event_investor (dataset, a, i)),
        entity_name (dataset, tranche_dataset_event_investor (dataset, b, i)));

      if (cmp != 0)
        return cmp;
    }
  return compare_ints (a->n_investors, b->n_investors);
}

int
tranche_utf8_casecmp (const char *a,
                      const char *b)
{
  int cmp;

  if (a == NULL)
    a = "";
  if (b == NULL)
    b = "";
  cmp = compare_by (a, b, base_letter);
  if (cmp == 0)
    cmp = compare_by (a, b, g_unichar_tolower);
  if (cmp == 0)
    cmp = g_strcmp0 (a, b);
  return cmp < 0 ? -1 : cmp > 0;
}

int
tranche_event_compare_field (TrancheDataset    *dataset,
                             guint              a,
                             guint              b,
                             TrancheEventField  field)
{
  const TrancheEvent *ea, *eb;
  int cmp = 0;

  g_return_val_if_fail (dataset != NULL, 0);
  g_return_val_if_fail (a < tranche_dataset_get_n_events (dataset), 0);
  g_return_val_if_fail (b < tranche_dataset_get_n_events (dataset), 0);

  if (a == b)
    return 0;
  ea = tranche_dataset_get_event (dataset, a);
  eb = tranche_dataset_get_event (dataset, b);

  switch (field)
    {
    case TRANCHE_EVENT_FIELD_DATE:
      cmp = tranche_date_compare (&ea->date, &eb->date);
      if (cmp == 0)
        cmp = tranche_date_compare (&ea->end, &eb->end);
      break;
    case TRANCHE_EVENT_FIELD_TITLE:
      cmp = tranche_utf8_casecmp (ea->title, eb->title);
      break;
    case TRANCHE_EVENT_FIELD_INVESTORS:
      cmp = compare_investors (dataset, ea, eb);
      break;
    case TRANCHE_EVENT_FIELD_TARGET:
      cmp = tranche_utf8_casecmp (entity_name (dataset, ea->target),
                                  entity_name (dataset, eb->target));
      break;
    case TRANCHE_EVENT_FIELD_AMOUNT:
      cmp = compare_money (dataset, &ea->amount, &eb->amount);
      break;
    case TRANCHE_EVENT_FIELD_VALUATION:
      cmp = compare_money (dataset, &ea->valuation, &eb->valuation);
      break;
    case TRANCHE_EVENT_FIELD_ROUND:
      cmp = tranche_utf8_casecmp (ea->round, eb->round);
      break;
    case TRANCHE_EVENT_FIELD_SOURCES:
      cmp = compare_ints (ea->n_citations, eb->n_citations);
      break;
    case TRANCHE_EVENT_FIELD_KIND:
      cmp = tranche_utf8_casecmp (tranche_event_kind_get_label (ea->kind),
                                  tranche_event_kind_get_label (eb->kind));
      break;
    case TRANCHE_N_EVENT_FIELDS:
    default:
      g_return_val_if_reached (0);
    }

  /* Dataset order is date order, a sensible tie-break for every field. */
  if (cmp == 0)
    cmp = compare_ints (a, b);
  return cmp;
}

/* A round with thousands of investors would make labels and tooltips take
 * seconds to lay out, and nobody reads past the first dozen names. */
#define MAX_NAMED_INVESTORS 12

char *
tranche_event_dup_investor_names (TrancheDataset     *dataset,
                                  const TrancheEvent *event)
{
  GString *names;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (event != NULL, NULL);

  names = g_string_new (NULL);
  for (guint i = 0; i < event->n_investors; i++)
    {
      const char *name;

      if (i == MAX_NAMED_INVESTORS && event->n_investors > MAX_NAMED_INVESTORS + 1)
        {
          guint rest = event->n_investors - i;
          /* Translators: after the first names of a long list of investors */
          g_string_append_printf (names, ngettext (" and %u other", " and %u others", rest),
                                  rest);
          break;
        }
      name = entity_name (dataset, tranche_dataset_event_investor (dataset, event, i));
      if (name == NULL)
        continue;
      if (names->len > 0)
        /* Translators: between the names of investors, "Microsoft, Khosla" */
        g_string_append (names, C_("list separator", ", "));
      g_string_append (names, name);
    }
  return g_string_free (names, FALSE);
}

const char *
tranche_event_get_target_name (TrancheDataset     *dataset,
                               const TrancheEvent *event)
{
  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (event != NULL, NULL);

  return entity_name (dataset, event->target);
}

char *
tranche_event_dup_leads (TrancheDataset     *dataset,
                         const TrancheEvent *event)
{
  g_autoptr(GPtrArray) leads = NULL;
  g_autofree char *names = NULL;

  g_return_val_if_fail (dataset != NULL, NULL);
  g_return_val_if_fail (event != NULL, NULL);

  leads = g_ptr_array_new ();
  for (guint i = 0; i < event->n_investors; i++)
    if (tranche_dataset_event_is_lead (dataset, event, i))
      {
        const char *name = entity_name (dataset, tranche_dataset_event_investor (dataset, event,
                                                                                 i));
        if (name != NULL)
          g_ptr_array_add (leads, (gpointer) name);
      }
  if (leads->len == 0)
    return NULL;
  names = g_strdup (g_ptr_array_index (leads, 0));
  for (guint i = 1; i < leads->len; i++)
    {
      char *joined;

      if (i + 1 < leads->len)
        /* Translators: between the names of investors, "Microsoft, Khosla" */
        joined = g_strconcat (names, C_("list separator", ", "),
                              (const char *) g_ptr_array_index (leads, i), NULL);
      else
        /* Translators: before the last of several co-leads, "ICONIQ, Fidelity
         * and Lightspeed": %1$s the names before, %2$s the last. */
        joined = g_strdup_printf (C_("list", "%1$s and %2$s"), names,
                                  (const char *) g_ptr_array_index (leads, i));
      g_free (names);
      names = joined;
    }
  /* Translators: who led a funding round, as in "led by Spark Capital". */
  return g_strdup_printf (C_("round", "led by %s"), names);
}

const char *
tranche_event_kind_get_label (TrancheEventKind kind)
{
  switch (kind)
    {
    case TRANCHE_EVENT_INVESTMENT:
      return C_("event kind", "Investment");
    case TRANCHE_EVENT_VALUATION:
      return C_("event kind", "Valuation");
    case TRANCHE_EVENT_ACQUISITION:
      return C_("event kind", "Acquisition");
    case TRANCHE_EVENT_COMMITMENT:
      return C_("event kind", "Commitment");
    case TRANCHE_EVENT_NEWS:
      return C_("event kind", "News");
    case TRANCHE_EVENT_SECONDARY:
      /* Translators: shares sold by one holder to another; no money goes to
       * the company itself. */
      return C_("event kind", "Secondary sale");
    case TRANCHE_N_EVENT_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
tranche_valuation_basis_get_label (TrancheValuationBasis basis)
{
  switch (basis)
    {
    case TRANCHE_BASIS_POST_MONEY:
      return C_("valuation basis", "post-money");
    case TRANCHE_BASIS_PRE_MONEY:
      return C_("valuation basis", "pre-money");
    case TRANCHE_BASIS_REPORTED:
      return C_("valuation basis", "reported");
    case TRANCHE_BASIS_NONE:
    default:
      return NULL;
    }
}
