/* tranche-csv-columns.c: header names, English and French
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "tranche-csv-columns.h"
#include "tranche-csv-reader.h"
#include "tranche-csv-values.h"

typedef struct
{
  const char       *header;  /* folded: see tranche_csv_fold() */
  TrancheCsvMember  member;
} Header;

/* Names for --map, in the enum's order. */
static const char * const member_names[TRANCHE_CSV_N_MEMBERS] = {
  "ignore", "id", "date", "end", "kind", "title", "target", "investors", "lead-investors",
  "amount", "currency", "approximate", "min", "max", "valuation", "pre-money",
  "post-money", "valuation-currency", "basis", "round", "tags", "sources", "summary",
};

/* Headers are folded before lookup, so "Date d'annonce", "DATE D’ANNONCE"
 * and "date_d'annonce" are one entry. Columns a database converted into
 * another currency ("Money Raised (in USD)") are left out on purpose: the
 * native amount and currency are the data. */
static const Header headers[] = {
  { "id", TRANCHE_CSV_ID }, { "event id", TRANCHE_CSV_ID }, { "identifiant", TRANCHE_CSV_ID },

  { "date", TRANCHE_CSV_DATE }, { "announced date", TRANCHE_CSV_DATE },
  { "announced on", TRANCHE_CSV_DATE }, { "announcement date", TRANCHE_CSV_DATE },
  { "funding date", TRANCHE_CSV_DATE }, { "closed on", TRANCHE_CSV_DATE },
  { "date d'annonce", TRANCHE_CSV_DATE }, { "date annonce", TRANCHE_CSV_DATE },
  { "date de l'annonce", TRANCHE_CSV_DATE }, { "date de levee", TRANCHE_CSV_DATE },
  { "date de l'operation", TRANCHE_CSV_DATE },

  { "end", TRANCHE_CSV_END }, { "end date", TRANCHE_CSV_END }, { "fin", TRANCHE_CSV_END },
  { "date de fin", TRANCHE_CSV_END },

  { "kind", TRANCHE_CSV_KIND }, { "event kind", TRANCHE_CSV_KIND },
  { "event type", TRANCHE_CSV_KIND }, { "type d'evenement", TRANCHE_CSV_KIND },
  { "nature", TRANCHE_CSV_KIND },

  { "title", TRANCHE_CSV_TITLE }, { "transaction name", TRANCHE_CSV_TITLE },
  { "titre", TRANCHE_CSV_TITLE }, { "intitule", TRANCHE_CSV_TITLE },
  { "nom de l'operation", TRANCHE_CSV_TITLE }, { "operation", TRANCHE_CSV_TITLE },

  { "target", TRANCHE_CSV_TARGET }, { "organization name", TRANCHE_CSV_TARGET },
  { "organization", TRANCHE_CSV_TARGET }, { "company", TRANCHE_CSV_TARGET },
  { "company name", TRANCHE_CSV_TARGET }, { "startup", TRANCHE_CSV_TARGET },
  { "societe", TRANCHE_CSV_TARGET }, { "entreprise", TRANCHE_CSV_TARGET },
  { "cible", TRANCHE_CSV_TARGET }, { "nom de l'entreprise", TRANCHE_CSV_TARGET },
  { "nom de la societe", TRANCHE_CSV_TARGET },

  { "investors", TRANCHE_CSV_INVESTORS }, { "investor names", TRANCHE_CSV_INVESTORS },
  { "investor", TRANCHE_CSV_INVESTORS }, { "investisseurs", TRANCHE_CSV_INVESTORS },
  { "investisseur", TRANCHE_CSV_INVESTORS },

  { "lead investors", TRANCHE_CSV_LEADS }, { "lead investor", TRANCHE_CSV_LEADS },
  { "lead", TRANCHE_CSV_LEADS }, { "leads", TRANCHE_CSV_LEADS },
  { "investisseurs principaux", TRANCHE_CSV_LEADS },
  { "investisseur principal", TRANCHE_CSV_LEADS }, { "chef de file", TRANCHE_CSV_LEADS },
  { "chefs de file", TRANCHE_CSV_LEADS },

  { "amount", TRANCHE_CSV_AMOUNT }, { "money raised", TRANCHE_CSV_AMOUNT },
  { "amount raised", TRANCHE_CSV_AMOUNT }, { "raised", TRANCHE_CSV_AMOUNT },
  { "montant", TRANCHE_CSV_AMOUNT }, { "montant leve", TRANCHE_CSV_AMOUNT },
  { "montant de la levee", TRANCHE_CSV_AMOUNT },

  { "currency", TRANCHE_CSV_CURRENCY }, { "money raised currency", TRANCHE_CSV_CURRENCY },
  { "amount currency", TRANCHE_CSV_CURRENCY }, { "devise", TRANCHE_CSV_CURRENCY },
  { "monnaie", TRANCHE_CSV_CURRENCY },

  { "approximate", TRANCHE_CSV_APPROX }, { "approx", TRANCHE_CSV_APPROX },
  { "approximatif", TRANCHE_CSV_APPROX },

  { "min", TRANCHE_CSV_MIN }, { "minimum", TRANCHE_CSV_MIN },
  { "max", TRANCHE_CSV_MAX }, { "maximum", TRANCHE_CSV_MAX },

  { "valuation", TRANCHE_CSV_VALUATION }, { "valorisation", TRANCHE_CSV_VALUATION },

  { "pre-money valuation", TRANCHE_CSV_PRE_MONEY },
  { "pre money valuation", TRANCHE_CSV_PRE_MONEY },
  { "valorisation pre-money", TRANCHE_CSV_PRE_MONEY },
  { "valorisation pre money", TRANCHE_CSV_PRE_MONEY },
  { "post-money valuation", TRANCHE_CSV_POST_MONEY },
  { "post money valuation", TRANCHE_CSV_POST_MONEY },
  { "valorisation post-money", TRANCHE_CSV_POST_MONEY },
  { "valorisation post money", TRANCHE_CSV_POST_MONEY },

  { "valuation currency", TRANCHE_CSV_VALUATION_CURRENCY },
  { "pre-money valuation currency", TRANCHE_CSV_VALUATION_CURRENCY },
  { "post-money valuation currency", TRANCHE_CSV_VALUATION_CURRENCY },
  { "devise de la valorisation", TRANCHE_CSV_VALUATION_CURRENCY },

  { "basis", TRANCHE_CSV_BASIS }, { "valuation basis", TRANCHE_CSV_BASIS },
  { "base", TRANCHE_CSV_BASIS },

  { "round", TRANCHE_CSV_ROUND }, { "funding type", TRANCHE_CSV_ROUND },
  { "funding round", TRANCHE_CSV_ROUND }, { "stage", TRANCHE_CSV_ROUND },
  { "funding stage", TRANCHE_CSV_ROUND }, { "series", TRANCHE_CSV_ROUND },
  { "tour", TRANCHE_CSV_ROUND }, { "tour de table", TRANCHE_CSV_ROUND },
  { "serie", TRANCHE_CSV_ROUND }, { "type de tour", TRANCHE_CSV_ROUND },

  { "tags", TRANCHE_CSV_TAGS }, { "tag", TRANCHE_CSV_TAGS }, { "labels", TRANCHE_CSV_TAGS },
  { "etiquettes", TRANCHE_CSV_TAGS },

  { "sources", TRANCHE_CSV_SOURCES }, { "source", TRANCHE_CSV_SOURCES },
  { "url", TRANCHE_CSV_SOURCES }, { "urls", TRANCHE_CSV_SOURCES },
  { "source url", TRANCHE_CSV_SOURCES }, { "link", TRANCHE_CSV_SOURCES },
  { "lien", TRANCHE_CSV_SOURCES },

  { "summary", TRANCHE_CSV_SUMMARY }, { "description", TRANCHE_CSV_SUMMARY },
  { "resume", TRANCHE_CSV_SUMMARY },
};

static TrancheCsvMember
lookup (const char *header)
{
  g_autofree char *folded = tranche_csv_fold (header);

  /* typographic apostrophes fold to '?' or "'" depending on the table */
  g_strdelimit (folded, "?`", '\'');
  for (gsize i = 0; i < G_N_ELEMENTS (headers); i++)
    if (strcmp (folded, headers[i].header) == 0)
      return headers[i].member;
  return TRANCHE_CSV_IGNORE;
}

static gboolean
holds_money (TrancheCsvMember member)
{
  return member == TRANCHE_CSV_AMOUNT || member == TRANCHE_CSV_MIN || member == TRANCHE_CSV_MAX
         || member == TRANCHE_CSV_VALUATION || member == TRANCHE_CSV_PRE_MONEY
         || member == TRANCHE_CSV_POST_MONEY;
}

/* "Amount (M€)": the text before the parentheses and the unit inside. */
static gboolean
split_unit (const char  *header,
            char       **base,
            char       **unit)
{
  g_autofree char *copy = g_strstrip (g_strdup (header));
  char *open = strrchr (copy, '(');
  gsize length = strlen (copy);

  if (open == NULL || open == copy || length < 3 || copy[length - 1] != ')')
    return FALSE;
  copy[length - 1] = '\0';
  *open = '\0';
  *base = g_strdup (g_strstrip (copy));
  *unit = g_strdup (g_strstrip (open + 1));
  return TRUE;
}

/* "M€", "USD", "millions", "in millions", "k$": as an amount of one. */
static gboolean
parse_unit (const char      *unit,
            double          *factor,
            TrancheCurrency *currency)
{
  g_autofree char *one = NULL;
  TrancheCsvAmount amount;

  if (g_ascii_strncasecmp (unit, "in ", 3) == 0 || g_ascii_strncasecmp (unit, "en ", 3) == 0)
    unit += 3;
  one = g_strconcat ("1 ", unit, NULL);
  if (tranche_csv_parse_amount (one, &amount) != TRANCHE_CSV_VALUE_OK
      || (amount.currency == 0 && !amount.scaled))
    return FALSE;
  *factor = amount.value;
  *currency = amount.currency;
  return TRUE;
}

TrancheCsvMember
tranche_csv_member_for_header (const char *header)
{
  g_autofree char *base = NULL, *unit = NULL;
  TrancheCsvMember member;
  double factor;
  TrancheCurrency currency;

  g_return_val_if_fail (header != NULL, TRANCHE_CSV_IGNORE);
  member = lookup (header);
  if (member != TRANCHE_CSV_IGNORE || !split_unit (header, &base, &unit))
    return member;
  member = lookup (base);
  if (!holds_money (member) || !parse_unit (unit, &factor, &currency))
    return TRANCHE_CSV_IGNORE;
  /* "(in USD)": converted by the database, not the amount as reported */
  if (g_ascii_strncasecmp (unit, "in ", 3) == 0 && factor == 1)
    return TRANCHE_CSV_IGNORE;
  return member;
}

gboolean
tranche_csv_header_unit (const char      *header,
                         double          *factor,
                         TrancheCurrency *currency)
{
  g_autofree char *base = NULL, *unit = NULL;

  g_return_val_if_fail (header != NULL && factor != NULL && currency != NULL, FALSE);
  *factor = 1;
  *currency = 0;
  if (lookup (header) != TRANCHE_CSV_IGNORE || !split_unit (header, &base, &unit))
    return FALSE;
  if (!parse_unit (unit, factor, currency))
    {
      *factor = 1;
      *currency = 0;
      return FALSE;
    }
  return TRUE;
}

gboolean
tranche_csv_member_parse (const char       *name,
                          TrancheCsvMember *member)
{
  g_autofree char *folded = NULL;

  g_return_val_if_fail (name != NULL && member != NULL, FALSE);
  folded = tranche_csv_fold (name);
  g_strdelimit (folded, " ", '-');
  for (guint i = 0; i < TRANCHE_CSV_N_MEMBERS; i++)
    if (strcmp (folded, member_names[i]) == 0)
      {
        *member = i;
        return TRUE;
      }
  /* the format's own names for the same members */
  if (strcmp (folded, "leads") == 0 || strcmp (folded, "lead") == 0)
    *member = TRANCHE_CSV_LEADS;
  else if (strcmp (folded, "approx") == 0)
    *member = TRANCHE_CSV_APPROX;
  else if (strcmp (folded, "url") == 0 || strcmp (folded, "source") == 0)
    *member = TRANCHE_CSV_SOURCES;
  else
    return FALSE;
  return TRUE;
}

const char *
tranche_csv_member_to_string (TrancheCsvMember member)
{
  g_return_val_if_fail (member < TRANCHE_CSV_N_MEMBERS, "ignore");
  return member_names[member];
}

char *
tranche_csv_member_list (void)
{
  return g_strjoinv (", ", (char **) member_names);
}

static gboolean
find_column (const char         *name,
             const char * const *header_names,
             guint               n_columns,
             guint              *column)
{
  g_autofree char *folded = tranche_csv_fold (name);
  char *end = NULL;
  guint64 number = g_ascii_strtoull (name, &end, 10);

  if (end != name && *end == '\0')
    {
      *column = number - 1;
      return number >= 1 && number <= n_columns;
    }
  for (guint i = 0; i < n_columns; i++)
    {
      g_autofree char *header = tranche_csv_fold (header_names[i]);

      if (strcmp (header, folded) == 0)
        {
          *column = i;
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
tranche_csv_columns_map (const char * const *header_names,
                         guint               n_columns,
                         const char * const *overrides,
                         TrancheCsvMember   *members,
                         GError            **error)
{
  g_return_val_if_fail (header_names != NULL || n_columns == 0, FALSE);
  g_return_val_if_fail (members != NULL || n_columns == 0, FALSE);

  for (guint i = 0; i < n_columns; i++)
    members[i] = tranche_csv_member_for_header (header_names[i]);
  for (guint i = 0; overrides != NULL && overrides[i] != NULL; i++)
    {
      const char *equals = strrchr (overrides[i], '=');
      g_autofree char *column_name = NULL;
      TrancheCsvMember member;
      guint column;

      if (equals == NULL)
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--map “%s”: write COLUMN=MEMBER, e.g. “Money Raised=amount”"),
                       overrides[i]);
          return FALSE;
        }
      column_name = g_strndup (overrides[i], equals - overrides[i]);
      if (!find_column (column_name, header_names, n_columns, &column))
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--map “%s”: the file has no column “%s” (give its header or its "
                         "number from 1)"), overrides[i], column_name);
          return FALSE;
        }
      if (!tranche_csv_member_parse (equals + 1, &member))
        {
          g_autofree char *list = tranche_csv_member_list ();

          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("--map “%s”: “%s” is not a member; use one of %s"),
                       overrides[i], equals + 1, list);
          return FALSE;
        }
      members[column] = member;
    }
  return TRUE;
}
