/* tranche-format-v1-values.c: the values of format version 1
 *
 * Strings, numbers, dates, currencies, ids and amounts, each read from a
 * json-glib node at the loader's current path: what is wrong is reported
 * there, with the value quoted, and the caller gets NULL or FALSE.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "tranche-loader-private.h"

const char *
tranche_v1_describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("a string");
        case G_TYPE_BOOLEAN:
          /* JSON's own words, not translated */
          return json_node_get_boolean (node) ? "true" : "false";
        default:
          return _("a number");
        }
    }
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

gboolean
tranche_v1_is_number (JsonNode *node)
{
  GType type;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  type = json_node_get_value_type (node);
  return type == G_TYPE_INT64 || type == G_TYPE_DOUBLE;
}

/* The number a node holds. json-glib 1.6 wraps integers beyond 64 bits
 * around to negative values: the raw text says what was written. */
double
tranche_v1_number_value (Loader   *self,
                         JsonNode *node)
{
  gint64 v;
  gsize at;

  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return json_node_get_double (node);
  v = json_node_get_int (node);
  if (v >= 0)
    return (double) v;
  at = tranche_loader_locate (self, TRUE);
  if (at != TRANCHE_NO_OFFSET && at < self->len
      && (self->data[at] == '-' || g_ascii_isdigit (self->data[at])))
    return g_ascii_strtod (self->data + at, NULL);
  return (double) v;
}

/* The string of the member named by the current path, or NULL after
 * reporting that it is no string. */
const char *
tranche_v1_expect_string (Loader   *self,
                          JsonNode *node)
{
  if (is_string (node))
    return json_node_get_string (node);
  report (self, TRANCHE_SEVERITY_ERROR, _("expected a string in double quotes, got %s"),
          tranche_v1_describe_node (node));
  return NULL;
}

/* `text`, or a copy cut to `max_chars` characters after a warning about
 * what the current path names. */
const char *
tranche_v1_limit_length (Loader     *self,
                         const char *text,
                         glong       max_chars)
{
  glong n_chars;
  const char *cut;
  char *copy;

  if (text == NULL || strnlen (text, max_chars + 1) <= (gsize) max_chars
      || (n_chars = g_utf8_strlen (text, -1)) <= max_chars)
    return text;
  cut = g_utf8_offset_to_pointer (text, max_chars);
  copy = g_strdup_printf ("%.*s…", (int) (cut - text), text);
  g_ptr_array_add (self->shortened, copy);
  report (self, TRANCHE_SEVERITY_WARNING, _("%ld characters long; only the first %ld are "
                                            "shown"), n_chars, max_chars);
  return copy;
}

/* The string the current path names, cut to `max_chars`; NULL after
 * reporting that it is no string. */
const char *
tranche_v1_expect_text (Loader   *self,
                        JsonNode *node,
                        glong     max_chars)
{
  return tranche_v1_limit_length (self, tranche_v1_expect_string (self, node), max_chars);
}

gboolean
tranche_v1_expect_boolean (Loader   *self,
                           JsonNode *node,
                           gboolean *out)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    {
      *out = json_node_get_boolean (node);
      return TRUE;
    }
  report (self, TRANCHE_SEVERITY_ERROR, _("expected true or false, got %s"),
          tranche_v1_describe_node (node));
  return FALSE;
}

const char *
tranche_v1_member_string (Loader     *self,
                          JsonNode   *node,
                          const char *name)
{
  const char *value;

  if (node == NULL)
    return NULL;
  push_key (self, name);
  value = tranche_v1_expect_string (self, node);
  pop (self);
  return value;
}

/* An optional string member, cut to `max_chars`. */
const char *
tranche_v1_member_text (Loader     *self,
                        JsonNode   *node,
                        const char *name,
                        glong       max_chars)
{
  const char *value = tranche_v1_member_string (self, node, name);

  if (value == NULL)
    return NULL;
  push_key (self, name);
  value = tranche_v1_limit_length (self, value, max_chars);
  pop (self);
  return value;
}

static gboolean
entity_id_is_valid (const char *id)
{
  if (!(g_ascii_islower (id[0]) || g_ascii_isdigit (id[0])))
    return FALSE;
  for (const char *c = id + 1; *c != '\0'; c++)
    if (!(g_ascii_islower (*c) || g_ascii_isdigit (*c) || *c == '.' || *c == '_' || *c == '-'))
      return FALSE;
  return TRUE;
}

/* An entity id the current path names, or NULL after reporting. */
const char *
tranche_v1_expect_entity_id (Loader   *self,
                             JsonNode *node)
{
  const char *id = tranche_v1_expect_string (self, node);
  g_autofree char *quoted = NULL;

  if (id == NULL || entity_id_is_valid (id))
    return id;
  quoted = tranche_problems_shorten (id);
  report (self, TRANCHE_SEVERITY_ERROR, _("expected an entity id of lowercase letters, digits, "
                                          "\".\", \"_\" or \"-\" like \"openai\", got \"%s\""),
          quoted);
  return NULL;
}

gboolean
tranche_v1_expect_currency (Loader          *self,
                            JsonNode        *node,
                            TrancheCurrency *out)
{
  const char *code = tranche_v1_expect_string (self, node);
  g_autofree char *quoted = NULL;

  if (code == NULL)
    return FALSE;
  if (tranche_currency_code_is_valid (code))
    {
      *out = tranche_currency_from_code (code);
      return TRUE;
    }
  quoted = tranche_problems_shorten (code);
  report (self, TRANCHE_SEVERITY_ERROR, _("expected a currency code of three capital letters "
                                          "like \"USD\" or \"EUR\", got \"%s\""), quoted);
  return FALSE;
}

gboolean
tranche_v1_expect_date (Loader      *self,
                        JsonNode    *node,
                        TrancheDate *out)
{
  const char *text = tranche_v1_expect_string (self, node);
  g_autofree char *quoted = NULL;

  if (text == NULL)
    return FALSE;
  switch (tranche_date_parse (text, out))
    {
    case TRANCHE_DATE_OK:
      return TRUE;
    case TRANCHE_DATE_ERROR_RANGE:
      quoted = tranche_problems_shorten (text);
      report (self, TRANCHE_SEVERITY_ERROR, _("expected a year from 1000 to 9999, got \"%s\""),
              quoted);
      return FALSE;
    case TRANCHE_DATE_ERROR_CALENDAR:
      quoted = tranche_problems_shorten (text);
      report (self, TRANCHE_SEVERITY_ERROR, _("\"%s\" is not on the calendar: check the month "
                                              "(1 to 12), quarter (Q1 to Q4) and day"), quoted);
      return FALSE;
    case TRANCHE_DATE_ERROR_SYNTAX:
    default:
      quoted = tranche_problems_shorten (text);
      report (self, TRANCHE_SEVERITY_ERROR, _("expected a date like 2023, 2023-Q2, 2023-01 or "
                                              "2023-01-31, got \"%s\""), quoted);
      return FALSE;
    }
}

/* An amount as a figure: finite, not negative. */
static gboolean
expect_amount_number (Loader   *self,
                      JsonNode *node,
                      double   *out)
{
  double v;

  if (!tranche_v1_is_number (node))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("expected a number of currency units like "
                                              "1000000000, got %s"),
              tranche_v1_describe_node (node));
      return FALSE;
    }
  v = tranche_v1_number_value (self, node);
  if (!isfinite (v))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("too large to be a number; expected a finite "
                                              "amount like 1000000000"));
      return FALSE;
    }
  if (v < 0)
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("expected an amount of 0 or more, got %g"), v);
      return FALSE;
    }
  *out = v;
  return TRUE;
}

/* `message` is a whole sentence for each kind of object, for translators,
 * marked with N_(): translated only when said, not once per element. */
static void
warn_unknown_member (Loader     *self,
                     const char *name,
                     const char *message)
{
  push_key (self, name);
  report (self, TRANCHE_SEVERITY_WARNING, "%s", _(message));
  pop (self);
}

int
tranche_v1_lookup_name (const char         *name,
                        const char * const *names,
                        int                 n_names)
{
  for (int i = 0; i < n_names; i++)
    if (name[0] == names[i][0] && strcmp (name, names[i]) == 0)
      return i;
  return -1;
}

/* Sorts an object's members into `found` by their index in `names`; members
 * the format does not know get the warning `unknown` (untranslated, marked
 * with N_()), which names what they are in. */
void
tranche_v1_collect_members (Loader             *self,
                            JsonNode           *node,
                            const char * const *names,
                            int                 n_names,
                            JsonNode          **found,
                            const char         *unknown)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &name, &value))
    {
      int k = tranche_v1_lookup_name (name, names, n_names);

      if (k < 0)
        warn_unknown_member (self, name, unknown);
      else
        found[k] = value;
    }
}

/* Sets of bad ids are nearly always empty: skip hashing the id then. */
gboolean
tranche_v1_set_contains (GHashTable *set,
                         const char *key)
{
  return g_hash_table_size (set) > 0 && g_hash_table_contains (set, key);
}

/* "#rrggbb" */
gboolean
tranche_v1_parse_color (const char *text,
                        guint32    *out)
{
  guint32 v = 0;

  if (strlen (text) != 7 || text[0] != '#')
    return FALSE;
  for (int i = 1; i < 7; i++)
    {
      int d = g_ascii_xdigit_value (text[i]);
      if (d < 0)
        return FALSE;
      v = v << 4 | d;
    }
  *out = v;
  return TRUE;
}

/* BCP 47 in the shape it has in practice: a 2-3 letter language, then
 * subtags ("fr", "pt-BR", "zh-Hant-TW"). Longer languages are syntactically
 * allowed but none is registered, and "French" is the usual mistake. */
gboolean
tranche_v1_language_tag_is_valid (const char *tag)
{
  gsize n = 0;
  const char *c = tag;

  for (; g_ascii_isalpha (*c); c++)
    n++;
  if (n < 2 || n > 3)
    return FALSE;
  while (*c == '-')
    {
      c++;
      for (n = 0; g_ascii_isalnum (*c); c++)
        n++;
      if (n < 1 || n > 8)
        return FALSE;
    }
  return *c == '\0';
}

/* The array the current path names, or NULL after reporting. */
JsonArray *
tranche_v1_expect_array (Loader     *self,
                         JsonNode   *node,
                         const char *example)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("expected an array like %s, got %s"), example,
              tranche_v1_describe_node (node));
      return NULL;
    }
  array = json_node_get_array (node);
  if (json_array_get_length (array) > G_MAXUINT16)
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("%u entries; an event can have at most %u"),
              json_array_get_length (array), G_MAXUINT16);
      return NULL;
    }
  return array;
}

/* Money, at the current path */

enum
{
  MONEY_VALUE, MONEY_CURRENCY, MONEY_APPROX, MONEY_MIN, MONEY_MAX, MONEY_DISCLOSED, MONEY_BASIS,
  N_MONEY_MEMBERS
};

static const char * const money_members[] = {
  "value", "currency", "approx", "min", "max", "disclosed", "basis",
};

static const char * const basis_names[] = {
  NULL, "post-money", "pre-money", "reported",
};

/* An amount written as an object, while its members are read. */
typedef struct
{
  JsonNode *m[N_MONEY_MEMBERS];
  gboolean  disclosed;
  double    min;
  double    max;
  gboolean  has_min;
  gboolean  has_max;
} MoneyDraft;

static void
money_basis (Loader       *self,
             JsonNode     *node,
             TrancheMoney *out)
{
  const char *basis = tranche_v1_expect_string (self, node);
  g_autofree char *quoted = NULL;
  int b;

  if (basis == NULL)
    return;
  b = tranche_v1_lookup_name (basis, basis_names + 1, G_N_ELEMENTS (basis_names) - 1);
  if (b >= 0)
    {
      out->basis = b + 1;
      return;
    }
  quoted = tranche_problems_shorten (basis);
  report (self, TRANCHE_SEVERITY_ERROR, _("expected \"post-money\", \"pre-money\" "
                                          "or \"reported\", got \"%s\""), quoted);
}

static void
money_read_members (Loader       *self,
                    MoneyDraft   *d,
                    TrancheMoney *out)
{
  gboolean approx = FALSE;

  if (d->m[MONEY_VALUE] != NULL)
    {
      push_key (self, "value");
      if (expect_amount_number (self, d->m[MONEY_VALUE], &out->value))
        out->flags |= TRANCHE_MONEY_HAS_VALUE;
      pop (self);
    }
  if (d->m[MONEY_CURRENCY] != NULL)
    {
      push_key (self, "currency");
      tranche_v1_expect_currency (self, d->m[MONEY_CURRENCY], &out->currency);
      pop (self);
    }
  if (d->m[MONEY_APPROX] != NULL)
    {
      push_key (self, "approx");
      if (tranche_v1_expect_boolean (self, d->m[MONEY_APPROX], &approx) && approx)
        out->flags |= TRANCHE_MONEY_APPROX;
      pop (self);
    }
  if (d->m[MONEY_MIN] != NULL)
    {
      push_key (self, "min");
      d->has_min = expect_amount_number (self, d->m[MONEY_MIN], &d->min);
      pop (self);
    }
  if (d->m[MONEY_MAX] != NULL)
    {
      push_key (self, "max");
      d->has_max = expect_amount_number (self, d->m[MONEY_MAX], &d->max);
      pop (self);
    }
  if (d->m[MONEY_DISCLOSED] != NULL)
    {
      push_key (self, "disclosed");
      tranche_v1_expect_boolean (self, d->m[MONEY_DISCLOSED], &d->disclosed);
      pop (self);
    }
  if (d->m[MONEY_BASIS] != NULL)
    {
      push_key (self, "basis");
      money_basis (self, d->m[MONEY_BASIS], out);
      pop (self);
    }
}

/* What the members say together: a whole range, and no figure for an
 * undisclosed amount. */
static void
money_rules (Loader       *self,
             MoneyDraft   *d,
             TrancheMoney *out)
{
  if (d->has_min && d->has_max)
    {
      if (d->min > d->max)
        {
          push_key (self, "min");
          report (self, TRANCHE_SEVERITY_ERROR, _("the range's min (%g) is above its max (%g)"),
                  d->min, d->max);
          pop (self);
        }
      out->min = d->min;
      out->max = d->max;
      out->flags |= TRANCHE_MONEY_HAS_RANGE | TRANCHE_MONEY_HAS_MIN | TRANCHE_MONEY_HAS_MAX;
    }
  /* One bound alone: "at least" or "up to", never a range from 0. */
  else if (d->has_min)
    {
      out->min = d->min;
      out->flags |= TRANCHE_MONEY_HAS_MIN;
    }
  else if (d->has_max)
    {
      out->max = d->max;
      out->flags |= TRANCHE_MONEY_HAS_MAX;
    }

  if (!d->disclosed)
    {
      out->flags |= TRANCHE_MONEY_UNDISCLOSED;
      if (d->m[MONEY_VALUE] != NULL || d->m[MONEY_MIN] != NULL || d->m[MONEY_MAX] != NULL)
        {
          push_key (self, "disclosed");
          report (self, TRANCHE_SEVERITY_ERROR, _("an undisclosed amount can't have a value or a "
                                                  "range; remove them or the \"disclosed\": "
                                                  "false"));
          pop (self);
        }
    }
  else if (d->m[MONEY_VALUE] == NULL && d->m[MONEY_MIN] == NULL && d->m[MONEY_MAX] == NULL)
    {
      push_key (self, "value");
      report (self, TRANCHE_SEVERITY_ERROR, _("missing: give a value, a min, a max, or "
                                              "\"disclosed\": false"));
      pop (self);
    }
}

gboolean
tranche_v1_parse_money (Loader         *self,
                        JsonNode       *node,
                        TrancheV1Money  kind,
                        TrancheMoney   *out)
{
  MoneyDraft d = { { NULL, }, TRUE, 0, 0, FALSE, FALSE };
  guint errors = self->n_errors_here;
  JsonObjectIter iter;
  const char *name;
  JsonNode *value;

  memset (out, 0, sizeof *out);
  out->flags = TRANCHE_MONEY_PRESENT;

  if (tranche_v1_is_number (node))
    {
      if (!expect_amount_number (self, node, &out->value))
        return FALSE;
      out->flags |= TRANCHE_MONEY_HAS_VALUE;
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      report (self, TRANCHE_SEVERITY_ERROR, _("expected an amount as a number or an object like "
                                              "{\"value\": 1000000000}, got %s"),
              tranche_v1_describe_node (node));
      return FALSE;
    }

  json_object_iter_init (&iter, json_node_get_object (node));
  while (json_object_iter_next (&iter, &name, &value))
    {
      int k = tranche_v1_lookup_name (name, money_members, N_MONEY_MEMBERS);

      /* a reported total's scope is read by the event */
      if (kind == TRANCHE_V1_MONEY_CUMULATIVE && g_str_equal (name, "scope"))
        continue;
      if (k < 0 || (k == MONEY_BASIS && kind != TRANCHE_V1_MONEY_VALUATION))
        warn_unknown_member (self, name,
                             kind == TRANCHE_V1_MONEY_VALUATION
                             ? N_("not a member of a valuation in format version 1; ignored")
                             : N_("not a member of an amount in format version 1; ignored"));
      else
        d.m[k] = value;
    }

  money_read_members (self, &d, out);
  money_rules (self, &d, out);
  return self->n_errors_here == errors;
}
