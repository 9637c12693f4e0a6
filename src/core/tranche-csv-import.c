/* tranche-csv-import.c: rows into events, names into entities
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "tranche-csv-columns.h"
#include "tranche-csv-import.h"
#include "tranche-csv-names.h"
#include "tranche-csv-reader.h"

/* Amounts from this size up are refused: see read_amount(). */
#define MAX_AMOUNT 1e15

typedef struct
{
  char     *id;
  char     *name;
  gboolean  investor;
} Entity;

typedef struct
{
  const TrancheCsvImportOptions *options;
  TrancheCsvTable    *table;
  TrancheDiagnostics *diagnostics;
  TrancheCsvMember   *members;       /* per column */
  int                 column[TRANCHE_CSV_N_MEMBERS];  /* first column of each member, -1 */
  TrancheCsvDateOrder order;         /* of the date and end columns */
  GHashTable         *entities;      /* folded name -> Entity */
  GPtrArray          *new_entities;  /* Entity, in the order they were met */
  GHashTable         *entity_ids;    /* ids in use */
  GHashTable         *sources;       /* url or title -> id */
  GHashTable         *source_ids;
  GHashTable         *event_ids;
  JsonArray          *entities_out;
  JsonArray          *sources_out;
  JsonArray          *events_out;
  gboolean            has_default_target;
  TrancheCurrency     fallback;      /* --currency with --into: named on every amount */
  double              factor[TRANCHE_CSV_N_MEMBERS];    /* "Montant (M€)": 1e6 */
  TrancheCurrency     currency[TRANCHE_CSV_N_MEMBERS];  /* and EUR */
  guint               n_ambiguous;   /* rows left out for an undecided date order */
  guint               row;           /* the row being read */
  gboolean            row_failed;
  TrancheCsvImportResult result;
} Import;

static void
entity_free (gpointer data)
{
  Entity *entity = data;

  g_free (entity->id);
  g_free (entity->name);
  g_free (entity);
}

static void
report (Import          *self,
        TrancheSeverity  severity,
        TrancheCsvMember member,
        const char      *format,
        ...) G_GNUC_PRINTF (4, 5);

/* Against the cell of `member` in the current row (column 0: the row). */
static void
report (Import          *self,
        TrancheSeverity  severity,
        TrancheCsvMember member,
        const char      *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;
  int column = member == TRANCHE_CSV_IGNORE ? -1 : self->column[member];

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  tranche_diagnostics_add (self->diagnostics, severity, "",
                           tranche_csv_table_get_row_number (self->table, self->row),
                           column + 1, "%s", message);
  if (severity == TRANCHE_SEVERITY_ERROR)
    self->row_failed = TRUE;
}

/* The trimmed text of `member` in the current row, NULL when empty or
 * when no column holds it. A leading "'" that protects a formula-like
 * text from spreadsheets (see tranche-csv-writer.c) is taken off. */
static char *
cell (Import           *self,
      TrancheCsvMember  member)
{
  char *text;

  if (self->column[member] < 0)
    return NULL;
  text = g_strdup (tranche_csv_table_get (self->table, self->row, self->column[member]));
  /* Control characters mean nothing in a spreadsheet's text, and json-glib
   * 1.6 writes U+001F unescaped, which no JSON reader accepts (found by
   * fuzz/fuzz-csv-import.c): each becomes a space. Tabs and line breaks
   * stay. */
  for (char *p = text; *p != '\0'; p++)
    if ((guchar) *p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
      *p = ' ';
  g_strstrip (text);
  if (text[0] == '\'' && strchr ("=+-@", text[1]) != NULL && text[1] != '\0')
    memmove (text, text + 1, strlen (text));
  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static Entity *
use_entity (Import     *self,
            const char *name)
{
  char *key = tranche_csv_fold (name);
  Entity *entity = g_hash_table_lookup (self->entities, key);

  if (entity != NULL)
    {
      g_free (key);
      return entity;
    }
  entity = g_new0 (Entity, 1);
  {
    g_autofree char *base = tranche_csv_slug (name, "entity");

    entity->id = tranche_csv_unique_id (self->entity_ids, base);
  }
  entity->name = g_strdup (name);
  g_hash_table_insert (self->entities, key, entity);
  g_ptr_array_add (self->new_entities, entity);
  return entity;
}

static JsonArray *
member_array (JsonObject *object,
              const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      json_object_set_array_member (object, name, json_array_new ());
      node = json_object_get_member (object, name);
    }
  return json_node_get_array (node);
}

/* What the dataset the rows go into already has: its entities by name and
 * all ids, so new ones never collide. */
static void
register_existing (Import     *self,
                   JsonObject *root)
{
  const struct { JsonArray *array; GHashTable *ids; } lists[] = {
    { self->entities_out, self->entity_ids },
    { self->sources_out, self->source_ids },
    { self->events_out, self->event_ids },
  };

  for (gsize l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < json_array_get_length (lists[l].array); i++)
      {
        JsonNode *node = json_array_get_element (lists[l].array, i);
        JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
        const char *id = object ? json_object_get_string_member_with_default (object, "id", NULL)
                                : NULL;

        if (id == NULL)
          continue;
        g_hash_table_add (lists[l].ids, g_strdup (id));
        if (l == 0 && json_object_has_member (object, "name"))
          {
            const char *name = json_object_get_string_member_with_default (object, "name", "");
            Entity *entity = g_new0 (Entity, 1);

            entity->id = g_strdup (id);
            entity->name = g_strdup (name);
            g_hash_table_replace (self->entities, tranche_csv_fold (name), entity);
          }
        else if (l == 1)
          {
            const char *url = json_object_get_string_member_with_default (object, "url", NULL);
            const char *title = json_object_get_string_member_with_default (object, "title",
                                                                            NULL);

            if (url != NULL || title != NULL)
              g_hash_table_replace (self->sources, g_strdup (url ? url : title), g_strdup (id));
          }
      }
  self->has_default_target = json_object_has_member (root, "target");
}

static const char *
member_header (Import           *self,
               TrancheCsvMember  member)
{
  return tranche_csv_table_get (self->table, 0, self->column[member]);
}

/* The currency column's code, 0 when empty; FALSE after reporting. */
static gboolean
read_currency (Import           *self,
               TrancheCsvMember  member,
               TrancheCurrency  *currency)
{
  g_autofree char *text = cell (self, member);
  TrancheCsvAmount amount;
  g_autofree char *one = NULL;

  *currency = 0;
  if (text == NULL)
    return TRUE;
  {
    g_autofree char *upper = g_ascii_strup (text, -1);

    if (tranche_currency_code_is_valid (upper))
      {
        *currency = tranche_currency_from_code (upper);
        return TRUE;
      }
  }
  /* "$", "€" or "EUR" as an amount would have them */
  one = g_strconcat ("1 ", text, NULL);
  if (tranche_csv_parse_amount (one, &amount) == TRANCHE_CSV_VALUE_OK && amount.currency != 0
      && amount.value == 1)
    {
      *currency = amount.currency;
      return TRUE;
    }
  report (self, TRANCHE_SEVERITY_ERROR, member,
          _("“%s” is not a currency: write its ISO 4217 code, like USD or EUR"), text);
  return FALSE;
}

/* A bare "$" goes with any dollar (USD, CAD, AUD…) the currency column names. */
static gboolean
currencies_agree (const TrancheCsvAmount *amount,
                  TrancheCurrency         column)
{
  return amount->currency == 0 || column == 0 || amount->currency == column
         || (amount->dollar && (column & 0xff) == 'D');
}

static void
set_currency (JsonObject      *money,
              const char      *member,
              TrancheCurrency  currency)
{
  char code[4];

  if (currency != 0)
    json_object_set_string_member (money, member, tranche_currency_to_code (currency, code));
}

/* Nodes that take the object or array over (json_node_init_object() would
 * add a reference that nobody drops). */
static JsonNode *
object_node (JsonObject *object)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_take_object (node, object);
  return node;
}

static JsonNode *
array_node (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

/* Whole amounts as JSON integers ("124000000", not "124000000.0"). */
static JsonNode *
number_node (double value)
{
  JsonNode *node = json_node_alloc ();

  if (value == floor (value) && fabs (value) < 9007199254740992.0)
    return json_node_init_int (node, (gint64) value);
  return json_node_init_double (node, value);
}

/* The amount cell of `member`; FALSE after reporting. `value` is set to
 * NULL for an empty cell. */
static gboolean
read_amount (Import            *self,
             TrancheCsvMember   member,
             TrancheCsvValue   *value,
             TrancheCsvAmount  *amount)
{
  g_autofree char *text = cell (self, member);

  *value = text ? tranche_csv_parse_amount (text, amount) : TRANCHE_CSV_VALUE_EMPTY;
  if (*value == TRANCHE_CSV_VALUE_INVALID)
    {
      report (self, TRANCHE_SEVERITY_ERROR, member,
              _("“%s” is not an amount: write it like 124000000, $124,000,000, 1.25B, "
                "600 000 000 or 1,25 Md€"), text);
      return FALSE;
    }
  /* the header's unit, for the figures that don't write their own */
  if (*value == TRANCHE_CSV_VALUE_OK && !amount->scaled)
    amount->value *= self->factor[member];
  if (*value == TRANCHE_CSV_VALUE_OK && amount->currency == 0)
    amount->currency = self->currency[member];
  /* No deal is a quadrillion; past 2^53 a figure is not even a whole number
   * json-glib writes as valid JSON ("1e+76.0"), so the dataset would not
   * load (found by fuzz/fuzz-csv-import.c). */
  if (*value == TRANCHE_CSV_VALUE_OK && fabs (amount->value) >= MAX_AMOUNT)
    {
      report (self, TRANCHE_SEVERITY_ERROR, member,
              _("“%s” is too large to be an amount: more than a quadrillion"), text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
needs_amount (const char *kind)
{
  return strcmp (kind, "investment") == 0 || strcmp (kind, "commitment") == 0
         || strcmp (kind, "acquisition") == 0;
}

/* amount, currency, approximate, min and max into a Money; NULL when the
 * row has none and its kind needs none. Its currency in `*currency`. */
static JsonNode *
read_money (Import          *self,
            const char      *kind,
            TrancheCurrency *currency)
{
  g_autoptr(JsonObject) money = json_object_new ();
  TrancheCsvAmount amount, min, max;
  TrancheCsvValue value, has_min, has_max;
  TrancheCurrency column;
  gboolean approx = FALSE;
  g_autofree char *approx_text = cell (self, TRANCHE_CSV_APPROX);

  if (!read_currency (self, TRANCHE_CSV_CURRENCY, &column)
      | !read_amount (self, TRANCHE_CSV_AMOUNT, &value, &amount)
      | !read_amount (self, TRANCHE_CSV_MIN, &has_min, &min)
      | !read_amount (self, TRANCHE_CSV_MAX, &has_max, &max))
    return NULL;
  if (approx_text != NULL && !tranche_csv_parse_bool (approx_text, &approx))
    report (self, TRANCHE_SEVERITY_ERROR, TRANCHE_CSV_APPROX,
            _("“%s” is not yes or no"), approx_text);

  if (value == TRANCHE_CSV_VALUE_OK && !currencies_agree (&amount, column))
    {
      char a[4], b[4];

      report (self, TRANCHE_SEVERITY_ERROR, TRANCHE_CSV_AMOUNT,
              _("the amount is in %s but the currency column says %s"),
              tranche_currency_to_code (amount.currency, a),
              tranche_currency_to_code (column, b));
      return NULL;
    }
  *currency = column ? column
              : value == TRANCHE_CSV_VALUE_OK && amount.currency ? amount.currency
              : has_min == TRANCHE_CSV_VALUE_OK && min.currency ? min.currency
              : has_max == TRANCHE_CSV_VALUE_OK && max.currency ? max.currency
              : self->fallback;

  if (value == TRANCHE_CSV_VALUE_OK)
    json_object_set_member (money, "value", number_node (amount.value));
  if (has_min == TRANCHE_CSV_VALUE_OK)
    json_object_set_member (money, "min", number_node (min.value));
  if (has_max == TRANCHE_CSV_VALUE_OK)
    json_object_set_member (money, "max", number_node (max.value));
  if (json_object_get_size (money) == 0)
    {
      if (value == TRANCHE_CSV_VALUE_EMPTY && !needs_amount (kind))
        return NULL;
      json_object_set_boolean_member (money, "disclosed", FALSE);
      return object_node (g_steal_pointer (&money));
    }
  set_currency (money, "currency", *currency);
  if (approx || (value == TRANCHE_CSV_VALUE_OK && amount.approx))
    json_object_set_boolean_member (money, "approx", TRUE);
  /* a plain number is the format's short form, and most rows have one */
  if (json_object_get_size (money) == 1 && value == TRANCHE_CSV_VALUE_OK)
    return number_node (amount.value);
  return object_node (g_steal_pointer (&money));
}

/* valuation, pre- or post-money, their currency and basis. */
static JsonNode *
read_valuation (Import          *self,
                TrancheCurrency  amount_currency)
{
  static const TrancheCsvMember columns[] = {
    TRANCHE_CSV_POST_MONEY, TRANCHE_CSV_PRE_MONEY, TRANCHE_CSV_VALUATION,
  };
  static const char * const bases[] = { "post-money", "pre-money", NULL };
  g_autoptr(JsonObject) money = json_object_new ();
  g_autofree char *basis_text = cell (self, TRANCHE_CSV_BASIS);
  const char *basis = NULL;
  TrancheCurrency column;
  TrancheCsvAmount amount;
  TrancheCsvValue value = TRANCHE_CSV_VALUE_EMPTY;
  gsize i;

  if (!read_currency (self, TRANCHE_CSV_VALUATION_CURRENCY, &column))
    return NULL;
  for (i = 0; i < G_N_ELEMENTS (columns) && value == TRANCHE_CSV_VALUE_EMPTY; i++)
    if (!read_amount (self, columns[i], &value, &amount))
      return NULL;
  if (value == TRANCHE_CSV_VALUE_EMPTY)
    return NULL;
  basis = bases[i - 1];
  if (basis_text != NULL && !tranche_csv_parse_basis (basis_text, &basis))
    {
      report (self, TRANCHE_SEVERITY_ERROR, TRANCHE_CSV_BASIS,
              _("“%s” is not a valuation basis: use post-money, pre-money or reported"),
              basis_text);
      return NULL;
    }
  if (value == TRANCHE_CSV_VALUE_UNDISCLOSED)
    json_object_set_boolean_member (money, "disclosed", FALSE);
  else
    {
      if (!currencies_agree (&amount, column))
        {
          report (self, TRANCHE_SEVERITY_ERROR, columns[i - 1],
                  _("the valuation is in another currency than its currency column says"));
          return NULL;
        }
      json_object_set_member (money, "value", number_node (amount.value));
      set_currency (money, "currency",
                    column ? column : amount.currency ? amount.currency : amount_currency);
      if (amount.approx)
        json_object_set_boolean_member (money, "approx", TRUE);
    }
  if (basis != NULL)
    json_object_set_string_member (money, "basis", basis);
  return object_node (g_steal_pointer (&money));
}

/* The investors cell, then the leads, who are marked and added when the
 * investors cell left them out. NULL when there are none (investors not
 * reported). */
static JsonNode *
read_investors (Import *self)
{
  g_autofree char *investors_text = cell (self, TRANCHE_CSV_INVESTORS);
  g_autofree char *leads_text = cell (self, TRANCHE_CSV_LEADS);
  g_auto(GStrv) investors = tranche_csv_split_list (investors_text ? investors_text : "");
  g_auto(GStrv) leads = tranche_csv_split_list (leads_text ? leads_text : "");
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GHashTable) lead_set = g_hash_table_new (NULL, NULL);
  JsonArray *array;

  for (guint i = 0; leads[i] != NULL; i++)
    g_hash_table_add (lead_set, use_entity (self, leads[i]));
  for (guint i = 0; investors[i] != NULL; i++)
    {
      Entity *entity = use_entity (self, investors[i]);

      if (!g_ptr_array_find (order, entity, NULL))
        g_ptr_array_add (order, entity);
    }
  for (guint i = 0; leads[i] != NULL; i++)
    {
      Entity *entity = use_entity (self, leads[i]);

      if (!g_ptr_array_find (order, entity, NULL))
        g_ptr_array_add (order, entity);
    }
  if (order->len == 0)
    return NULL;

  array = json_array_sized_new (order->len);
  for (guint i = 0; i < order->len; i++)
    {
      Entity *entity = order->pdata[i];

      entity->investor = TRUE;
      if (g_hash_table_contains (lead_set, entity))
        {
          JsonObject *participant = json_object_new ();

          json_object_set_string_member (participant, "id", entity->id);
          json_object_set_boolean_member (participant, "lead", TRUE);
          json_array_add_object_element (array, participant);
        }
      else
        json_array_add_string_element (array, entity->id);
    }
  return array_node (array);
}

/* One source per distinct URL (or title, for an item that is no URL). */
static JsonNode *
read_sources (Import *self)
{
  g_autofree char *text = cell (self, TRANCHE_CSV_SOURCES);
  g_autoptr(GPtrArray) items = NULL;
  JsonArray *citations;

  if (text == NULL)
    return NULL;
  items = tranche_csv_split_sources (text);
  if (items->len == 0)
    return NULL;
  citations = json_array_sized_new (items->len);
  for (guint i = 0; i < items->len; i++)
    {
      const char *item = items->pdata[i];
      const char *id = g_hash_table_lookup (self->sources, item);
      JsonObject *citation = json_object_new ();

      if (id == NULL)
        {
          JsonObject *source = json_object_new ();
          g_autofree char *base = NULL;
          const char *name = item;

          if (g_str_has_prefix (name, "https://"))
            name += 8;
          else if (g_str_has_prefix (name, "http://"))
            name += 7;
          if (g_str_has_prefix (name, "www."))
            name += 4;
          base = tranche_csv_slug (name, "source");
          id = tranche_csv_unique_id (self->source_ids, base);
          g_hash_table_insert (self->sources, g_strdup (item), (char *) id);
          json_object_set_string_member (source, "id", id);
          json_object_set_string_member (source, "title", item);
          if (tranche_csv_looks_like_url (item))
            json_object_set_string_member (source, "url", item);
          json_array_add_object_element (self->sources_out, source);
          self->result.n_sources++;
        }
      json_object_set_string_member (citation, "source", id);
      /* A table names the source, not the passage: an empty quote says so,
       * and the format requires the member. */
      json_object_set_string_member (citation, "quote", "");
      json_array_add_object_element (citations, citation);
    }
  return array_node (citations);
}

static TrancheCsvValue
read_date (Import           *self,
           TrancheCsvMember  member,
           TrancheDate      *date)
{
  g_autofree char *text = cell (self, member);
  TrancheCsvValue value;

  if (text == NULL)
    return TRANCHE_CSV_VALUE_EMPTY;
  value = tranche_csv_parse_date (text, self->order, date);
  if (value == TRANCHE_CSV_VALUE_INVALID)
    {
      if (self->order != TRANCHE_CSV_DATE_ORDER_UNKNOWN
          && tranche_csv_date_orders (text) != 0)
        report (self, TRANCHE_SEVERITY_ERROR, member,
                self->options->for_window
                ? (self->order == TRANCHE_CSV_DATE_ORDER_DMY
                   ? _("“%s” is not a date in day/month/year order, which the column’s other "
                       "dates or the date order chosen use")
                   : _("“%s” is not a date in month/day/year order, which the column’s other "
                       "dates or the date order chosen use"))
                : self->order == TRANCHE_CSV_DATE_ORDER_DMY
                ? _("“%s” is not a date in day/month/year order, which the column’s other "
                    "dates or --date-order use")
                : _("“%s” is not a date in month/day/year order, which the column’s other "
                    "dates or --date-order use"), text);
      else
        report (self, TRANCHE_SEVERITY_ERROR, member,
                _("“%s” is not a date: write it like 2023-09-25, 25/09/2023, Sep 25, 2023, "
                  "2023-09 or 2023"), text);
    }
  else if (value == TRANCHE_CSV_VALUE_AMBIGUOUS)
    {
      self->row_failed = TRUE;  /* reported once for the column */
      self->n_ambiguous++;
    }
  return value;
}

static void
set_string (JsonObject *object,
            const char *member,
            char       *text)  /* taken */
{
  if (text != NULL)
    json_object_set_string_member (object, member, text);
  g_free (text);
}

static void
set_date (JsonObject        *object,
          const char        *member,
          const TrancheDate *date)
{
  g_autofree char *iso = tranche_date_to_iso (date);

  json_object_set_string_member (object, member, iso);
}

/* The title a row without one gets: its company and round, as a table would. */
static char *
make_title (const char *target,
            const char *round)
{
  if (target != NULL && round != NULL)
    return g_strdup_printf ("%s %s", target, round);
  return g_strdup (target != NULL ? target : round);
}

/* "<target or title> <date>", deduplicated: stable when the file is read again. */
static char *
make_event_id (Import            *self,
               const char        *name,
               const TrancheDate *date)
{
  g_autofree char *iso = tranche_date_to_iso (date);
  g_autofree char *text = g_strdup_printf ("%s %s", name, iso);
  g_autofree char *base = tranche_csv_slug (text, "event");

  return tranche_csv_unique_id (self->event_ids, base);
}

static JsonNode *
read_tags (Import *self)
{
  g_autofree char *text = cell (self, TRANCHE_CSV_TAGS);
  g_auto(GStrv) tags = NULL;
  JsonArray *array;

  if (text == NULL)
    return NULL;
  tags = tranche_csv_split_list (text);
  array = json_array_new ();
  for (guint i = 0; tags[i] != NULL; i++)
    json_array_add_string_element (array, tags[i]);
  return array_node (array);
}

/* One event from the current row, or a row left out with its problems. */
static void
read_row (Import *self)
{
  g_autoptr(JsonObject) event = json_object_new ();
  g_autofree char *id = cell (self, TRANCHE_CSV_ID);
  g_autofree char *kind_text = cell (self, TRANCHE_CSV_KIND);
  g_autofree char *target_name = cell (self, TRANCHE_CSV_TARGET);
  g_autofree char *title = cell (self, TRANCHE_CSV_TITLE);
  g_autofree char *round = cell (self, TRANCHE_CSV_ROUND);
  const char *kind = "investment";
  TrancheDate date, end;
  TrancheCsvValue has_date, has_end;
  TrancheCurrency currency = 0;
  Entity *target = NULL;
  JsonNode *node, *amount, *valuation;

  self->row_failed = FALSE;
  if (id != NULL && g_hash_table_contains (self->event_ids, id))
    report (self, TRANCHE_SEVERITY_ERROR, TRANCHE_CSV_ID,
            _("the id “%s” is already another event’s"), id);
  has_date = read_date (self, TRANCHE_CSV_DATE, &date);
  if (has_date == TRANCHE_CSV_VALUE_EMPTY)
    report (self, TRANCHE_SEVERITY_ERROR, TRANCHE_CSV_DATE,
            _("missing: every event needs a date"));
  has_end = read_date (self, TRANCHE_CSV_END, &end);
  if (has_date == TRANCHE_CSV_VALUE_OK && has_end == TRANCHE_CSV_VALUE_OK
      && !tranche_date_end_follows (&date, &end))
    {
      g_autofree char *end_text = tranche_date_to_iso (&end);
      g_autofree char *date_text = tranche_date_to_iso (&date);

      report (self, TRANCHE_SEVERITY_ERROR, TRANCHE_CSV_END,
              _("the end (%s) is before the date (%s)"), end_text, date_text);
    }
  if (kind_text != NULL && !tranche_csv_parse_kind (kind_text, &kind))
    report (self, TRANCHE_SEVERITY_ERROR, TRANCHE_CSV_KIND,
            _("“%s” is not an event kind: use investment, valuation, acquisition, commitment, "
              "secondary or news"), kind_text);
  if (target_name == NULL && strcmp (kind, "news") != 0 && !self->has_default_target)
    report (self, TRANCHE_SEVERITY_ERROR, TRANCHE_CSV_TARGET,
            _("missing: the company that received the money or was valued"));
  if (title == NULL)
    title = make_title (target_name, round);
  /* without a target the title can't be made up either; that is said above */
  if (title == NULL && target_name == NULL && strcmp (kind, "news") == 0)
    report (self, TRANCHE_SEVERITY_ERROR, TRANCHE_CSV_TITLE,
            _("missing: a news event needs a title"));
  else if (title == NULL)
    self->row_failed = TRUE;

  amount = read_money (self, kind, &currency);
  valuation = read_valuation (self, currency);
  /* The loader refuses a valuation event with no valuation: say so at the
   * row, rather than write an event that would not load. */
  if (strcmp (kind, "valuation") == 0 && valuation == NULL && !self->row_failed)
    report (self, TRANCHE_SEVERITY_ERROR, TRANCHE_CSV_VALUATION,
            _("missing: a valuation row needs a valuation"));
  if (self->row_failed)
    {
      g_clear_pointer (&amount, json_node_unref);
      g_clear_pointer (&valuation, json_node_unref);
      self->result.n_left_out++;
      return;
    }
  if (target_name != NULL)
    target = use_entity (self, target_name);

  if (id == NULL)
    id = make_event_id (self, target ? target->id : title, &date);
  else
    g_hash_table_add (self->event_ids, g_strdup (id));
  json_object_set_string_member (event, "id", id);
  set_date (event, "date", &date);
  if (has_end == TRANCHE_CSV_VALUE_OK)
    set_date (event, "end", &end);
  if (strcmp (kind, "investment") != 0)
    json_object_set_string_member (event, "kind", kind);
  json_object_set_string_member (event, "title", title);
  if ((node = read_investors (self)) != NULL)
    json_object_set_member (event, "investors", node);
  if (target != NULL)
    json_object_set_string_member (event, "target", target->id);
  if (amount != NULL)
    json_object_set_member (event, "amount", amount);
  if (valuation != NULL)
    json_object_set_member (event, "valuation", valuation);
  set_string (event, "round", g_steal_pointer (&round));
  set_string (event, "summary", cell (self, TRANCHE_CSV_SUMMARY));
  if ((node = read_sources (self)) != NULL)
    json_object_set_member (event, "sources", node);
  if ((node = read_tags (self)) != NULL)
    json_object_set_member (event, "tags", node);
  json_array_add_object_element (self->events_out, g_steal_pointer (&event));
  self->result.n_events++;
}

/* The order of day/month dates in the date columns: from their values
 * when one of them can only be read one way, else --date-order, else the
 * locale (said in a warning), else an error: never a silent guess. */
static void
decide_date_order (Import *self)
{
  static const TrancheCsvMember columns[] = { TRANCHE_CSV_DATE, TRANCHE_CSV_END };
  guint first_dmy = 0, first_mdy = 0, first_ambiguous = 0;
  TrancheCsvMember ambiguous_member = TRANCHE_CSV_DATE;
  guint n_rows = tranche_csv_table_get_n_rows (self->table);
  TrancheCsvDateOrder locale;

  self->order = self->options->date_order;
  if (self->order != TRANCHE_CSV_DATE_ORDER_UNKNOWN)
    return;
  for (gsize c = 0; c < G_N_ELEMENTS (columns); c++)
    {
      if (self->column[columns[c]] < 0)
        continue;
      for (guint row = 1; row < n_rows; row++)
        {
          const char *text = tranche_csv_table_get (self->table, row, self->column[columns[c]]);
          guint orders = tranche_csv_date_orders (text);
          TrancheDate date;

          if (orders == TRANCHE_CSV_DATE_ORDER_DMY && first_dmy == 0)
            first_dmy = row;
          else if (orders == TRANCHE_CSV_DATE_ORDER_MDY && first_mdy == 0)
            first_mdy = row;
          else if (first_ambiguous == 0
                   && tranche_csv_parse_date (text, TRANCHE_CSV_DATE_ORDER_UNKNOWN, &date)
                      == TRANCHE_CSV_VALUE_AMBIGUOUS)
            {
              first_ambiguous = row;
              ambiguous_member = columns[c];
            }
        }
    }
  if (first_dmy > 0 && first_mdy > 0)
    {
      self->row = MAX (first_dmy, first_mdy);
      report (self, TRANCHE_SEVERITY_ERROR, TRANCHE_CSV_DATE,
              self->options->for_window
              ? _("the dates mix day/month/year (row %u) and month/day/year (row %u): rows "
                  "whose dates read both ways are left out; choose the order under “Dates "
                  "such as 01/02/2023”")
              : _("the dates mix day/month/year (row %u) and month/day/year (row %u): rows "
                  "whose dates read both ways are left out; choose with --date-order dmy or "
                  "mdy"),
              tranche_csv_table_get_row_number (self->table, first_dmy),
              tranche_csv_table_get_row_number (self->table, first_mdy));
      return;
    }
  if (first_dmy > 0 || first_mdy > 0)
    {
      self->order = first_dmy > 0 ? TRANCHE_CSV_DATE_ORDER_DMY : TRANCHE_CSV_DATE_ORDER_MDY;
      return;
    }
  if (first_ambiguous == 0)
    return;
  self->row = first_ambiguous;
  locale = tranche_csv_date_order_from_locale ();
  if (locale == TRANCHE_CSV_DATE_ORDER_UNKNOWN)
    report (self, TRANCHE_SEVERITY_ERROR, ambiguous_member,
            self->options->for_window
            ? _("“%s” can be read day/month or month/day, and no date of the column tells "
                "which: choose the order under “Dates such as 01/02/2023” (rows with such "
                "dates are left out)")
            : _("“%s” can be read day/month or month/day, and no date of the column tells "
                "which: choose with --date-order dmy or mdy (rows with such dates are left "
                "out)"),
            tranche_csv_table_get (self->table, first_ambiguous,
                                   self->column[ambiguous_member]));
  else
    {
      self->order = locale;
      report (self, TRANCHE_SEVERITY_WARNING, ambiguous_member,
              self->options->for_window
              ? (locale == TRANCHE_CSV_DATE_ORDER_DMY
                 ? _("“%s” can be read day/month or month/day, and no date of the column "
                     "tells which: read as day/month, as the language settings write dates "
                     "(choose the order under “Dates such as 01/02/2023”)")
                 : _("“%s” can be read day/month or month/day, and no date of the column "
                     "tells which: read as month/day, as the language settings write dates "
                     "(choose the order under “Dates such as 01/02/2023”)"))
              : locale == TRANCHE_CSV_DATE_ORDER_DMY
              ? _("“%s” can be read day/month or month/day, and no date of the column tells "
                  "which: read as day/month, as the language settings write dates (choose "
                  "with --date-order)")
              : _("“%s” can be read day/month or month/day, and no date of the column tells "
                  "which: read as month/day, as the language settings write dates (choose "
                  "with --date-order)"),
              tranche_csv_table_get (self->table, first_ambiguous,
                                     self->column[ambiguous_member]));
    }
}

/* Headers, overrides, and one column per member (the first, with a
 * warning for the others). */
static gboolean
map_columns (Import  *self,
             GError **error)
{
  guint n = tranche_csv_table_get_n_fields (self->table, 0);
  g_autofree const char **names = g_new0 (const char *, n + 1);

  for (guint i = 0; i < n; i++)
    names[i] = tranche_csv_table_get (self->table, 0, i);
  self->members = g_new0 (TrancheCsvMember, n);
  if (!tranche_csv_columns_map (names, n, self->options->map, self->members, error))
    return FALSE;
  for (guint m = 0; m < TRANCHE_CSV_N_MEMBERS; m++)
    {
      self->column[m] = -1;
      self->factor[m] = 1;
    }
  self->row = 0;
  for (guint i = 0; i < n; i++)
    {
      TrancheCsvMember member = self->members[i];

      if (member == TRANCHE_CSV_IGNORE)
        continue;
      if (self->column[member] < 0)
        {
          self->column[member] = i;
          tranche_csv_header_unit (names[i], &self->factor[member], &self->currency[member]);
          continue;
        }
      tranche_diagnostics_add (self->diagnostics, TRANCHE_SEVERITY_WARNING, "", 1, i + 1,
                               self->options->for_window
                               ? _("column “%s” is ignored: “%s” is read as %s already "
                                   "(choose what each column holds)")
                               : _("column “%s” is ignored: “%s” is read as %s already (choose "
                                   "with --map)"), names[i], member_header (self, member),
                               tranche_csv_member_to_string (member));
    }
  if (self->column[TRANCHE_CSV_DATE] < 0)
    {
      g_set_error_literal (error, TRANCHE_CSV_ERROR, TRANCHE_CSV_ERROR_COLUMNS,
                           self->options->for_window
                           ? _("No column holds the dates: choose one to read as Date.")
                           : _("no column holds the dates: name one “Date” (or “Announced "
                               "Date”, “Date d’annonce”) or choose it with --map "
                               "COLUMN=date"));
      return FALSE;
    }
  if (self->column[TRANCHE_CSV_TARGET] < 0 && !self->has_default_target)
    {
      g_set_error_literal (error, TRANCHE_CSV_ERROR, TRANCHE_CSV_ERROR_COLUMNS,
                           self->options->for_window
                           ? _("No column names the companies: choose one to read as "
                               "Company.")
                           : _("no column names the companies: name one “Company” (or "
                               "“Organization Name”, “Société”, “Target”) or choose it with "
                               "--map COLUMN=target"));
      return FALSE;
    }
  return TRUE;
}

static void
add_new_entities (Import *self)
{
  for (guint i = 0; i < self->new_entities->len; i++)
    {
      Entity *entity = self->new_entities->pdata[i];
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "id", entity->id);
      json_object_set_string_member (object, "name", entity->name);
      if (entity->investor)
        json_object_set_string_member (object, "kind", "investor");
      json_array_add_object_element (self->entities_out, object);
    }
  self->result.n_entities = self->new_entities->len;
}

/* json_node_copy() shares objects and arrays: the dataset added to must be
 * left as the caller gave it. */
static JsonNode *
deep_copy (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObject *copy = json_object_new ();
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        json_object_set_member (copy, name, deep_copy (member));
      return object_node (copy);
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);
      JsonArray *copy = json_array_sized_new (n);

      for (guint i = 0; i < n; i++)
        json_array_add_element (copy, deep_copy (json_array_get_element (array, i)));
      return array_node (copy);
    }
  return json_node_copy (node);
}

static JsonNode *
new_document (const TrancheCsvImportOptions *options)
{
  JsonObject *root = json_object_new ();

  json_object_set_int_member (root, "tranche", 1);
  if (options->title != NULL)
    json_object_set_string_member (root, "title", options->title);
  if (options->currency != NULL)
    json_object_set_string_member (root, "currency", options->currency);
  return object_node (root);
}

/* ",,,," or spaces only: what a spreadsheet leaves below a table. */
static gboolean
row_is_blank (TrancheCsvTable *table,
              guint            row)
{
  for (guint c = 0; c < tranche_csv_table_get_n_fields (table, row); c++)
    {
      const char *text = tranche_csv_table_get (table, row, c);

      if (text[strspn (text, " \t")] != '\0')
        return FALSE;
    }
  return TRUE;
}

static void
import_clear (Import *self)
{
  g_clear_pointer (&self->table, tranche_csv_table_free);
  g_clear_pointer (&self->members, g_free);
  g_clear_pointer (&self->entities, g_hash_table_unref);
  g_clear_pointer (&self->new_entities, g_ptr_array_unref);
  g_clear_pointer (&self->entity_ids, g_hash_table_unref);
  g_clear_pointer (&self->sources, g_hash_table_unref);
  g_clear_pointer (&self->source_ids, g_hash_table_unref);
  g_clear_pointer (&self->event_ids, g_hash_table_unref);
}

JsonNode *
tranche_csv_import (const char                    *data,
                    gsize                          length,
                    const TrancheCsvImportOptions *options,
                    TrancheDiagnostics            *diagnostics,
                    TrancheCsvImportResult        *result,
                    GError                       **error)
{
  g_autoptr(JsonNode) document = NULL;
  JsonObject *root;
  Import self = { 0 };
  guint n_rows;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (options != NULL && diagnostics != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options->into != NULL && !JSON_NODE_HOLDS_OBJECT (options->into))
    {
      g_set_error (error, TRANCHE_CSV_ERROR, TRANCHE_CSV_ERROR_COLUMNS,
                   _("the dataset to add to is not a JSON object"));
      return NULL;
    }
  self.options = options;
  self.diagnostics = diagnostics;
  self.table = tranche_csv_table_read (data, length, error);
  if (self.table == NULL)
    return NULL;
  if (tranche_csv_table_get_n_rows (self.table) == 0)
    {
      g_set_error (error, TRANCHE_CSV_ERROR, TRANCHE_CSV_ERROR_EMPTY,
                   _("the file is empty: a CSV file starts with a header row naming its "
                     "columns"));
      import_clear (&self);
      return NULL;
    }

  document = options->into ? deep_copy (options->into) : new_document (options);
  root = json_node_get_object (document);
  self.entities = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, entity_free);
  self.new_entities = g_ptr_array_new ();
  self.entity_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.sources = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self.source_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.event_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self.entities_out = member_array (root, "entities");
  self.sources_out = member_array (root, "sources");
  self.events_out = member_array (root, "events");
  register_existing (&self, root);
  /* A new dataset gets --currency as its own; one added to keeps its own, so
   * the rows' amounts name theirs. */
  if (options->into != NULL && options->currency != NULL
      && tranche_currency_code_is_valid (options->currency))
    self.fallback = tranche_currency_from_code (options->currency);

  if (!map_columns (&self, error))
    {
      import_clear (&self);
      return NULL;
    }
  decide_date_order (&self);
  n_rows = tranche_csv_table_get_n_rows (self.table);
  if (n_rows == 1)
    tranche_diagnostics_add (diagnostics, TRANCHE_SEVERITY_WARNING, "", 1, 1,
                             _("the file has a header but no rows under it: no event to "
                               "import"));
  for (self.row = 1; self.row < n_rows; self.row++)
    if (!row_is_blank (self.table, self.row))
      read_row (&self);
  add_new_entities (&self);
  if (options->currency == NULL && options->into == NULL && self.column[TRANCHE_CSV_CURRENCY] < 0
      && self.result.n_events > 0)
    tranche_diagnostics_add (diagnostics, TRANCHE_SEVERITY_WARNING, "", 0, 0, "%s",
                             options->for_window
                             ? _("no column gives the currency: amounts that name none are "
                                 "in US dollars, the format’s default")
                             : _("no column gives the currency and --currency was not "
                                 "given: amounts that name none are in US dollars, the "
                                 "format’s default"));
  if (json_array_get_length (self.entities_out) == 0)
    json_object_remove_member (root, "entities");
  if (json_array_get_length (self.sources_out) == 0)
    json_object_remove_member (root, "sources");
  if (result != NULL)
    *result = self.result;
  import_clear (&self);
  return g_steal_pointer (&document);
}
