/* fuzz-document.c: libFuzzer target for editing through a TrancheDocument
 *
 * The input is a program: its first byte picks a starting text (pretty,
 * one line, CRLF, an empty array, no entities), each next few bytes one
 * edit (append, set a title or an amount, remove an amount, duplicate,
 * delete, undo, redo, a root title set or removed, an entity appended or
 * deleted, a grouped pair), with titles made of
 * the characters that need care in JSON (quotes, backslashes, control
 * characters, non-ASCII, U+2028). Events are news (an amount is optional
 * there, so removing one keeps the file valid). Beside the document the target keeps a
 * model of the events (id, title, amount, in file order) with its own undo
 * and redo stacks. After every edit the document's text must load, with
 * no error, to exactly the model's events; undoing everything must give
 * back the starting bytes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tranche-document.h"
#include "tranche-loader.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char *const starts[] = {
  "{\n  \"tranche\": 1,\n  \"entities\": [\n    {\"id\": \"fund\", \"name\": \"Fund\"}\n  ],\n"
  "  \"events\": [\n    {\n      \"id\": \"e0\",\n      \"date\": \"2020\",\n"
  "      \"kind\": \"news\",\n      \"title\": \"Zero\",\n      \"target\": \"co\",\n"
  "      \"investors\": [\"fund\"],\n"
  "      \"amount\": {\"value\": 5}\n    }\n  ]\n}\n",
  "{\"tranche\":1,\"events\":[{\"id\":\"e0\",\"date\":\"2020\",\"kind\":\"news\","
  "\"title\":\"Zero\",\"target\":\"co\",\"investors\":[\"fund\"]}],"
  "\"entities\":[{\"id\":\"fund\",\"name\":\"F\"}]}",
  "{\r\n  \"tranche\": 1,\r\n  \"entities\": [{\"id\": \"fund\", \"name\": \"F\"}],\r\n"
  "  \"events\": [\r\n  ]\r\n}",
  "\xef\xbb\xbf{\"tranche\": 1, \"events\": [], \"x-unknown\": {\"keep\": [1, 2]}}",
  NULL,  /* tranche_document_new_empty () */
};

typedef struct
{
  char   *id;
  char   *title;
  gint64  amount;   /* -1: none */
} ModelEvent;

static void
model_event_clear (gpointer data)
{
  ModelEvent *e = data;

  g_free (e->id);
  g_free (e->title);
}

typedef struct
{
  GArray *events;      /* ModelEvent, in file order */
  guint   n_entities;  /* elements of "entities" */
} Model;

static Model *
model_new (void)
{
  Model *model = g_new0 (Model, 1);

  model->events = g_array_new (FALSE, TRUE, sizeof (ModelEvent));
  g_array_set_clear_func (model->events, model_event_clear);
  return model;
}

static void
model_free (Model *model)
{
  g_array_unref (model->events);
  g_free (model);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Model, model_free)

static Model *
model_copy (Model *model)
{
  Model *copy = model_new ();

  copy->n_entities = model->n_entities;
  for (guint i = 0; i < model->events->len; i++)
    {
      ModelEvent e = g_array_index (model->events, ModelEvent, i);

      e.id = g_strdup (e.id);
      e.title = g_strdup (e.title);
      g_array_append_val (copy->events, e);
    }
  return copy;
}

static void G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN
fail (const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  vfprintf (stderr, format, args);
  va_end (args);
  fputc ('\n', stderr);
  abort ();
}

typedef struct
{
  const uint8_t *data;
  size_t         size;
  size_t         at;
} Input;

static guint
next (Input *in)
{
  return in->at < in->size ? in->data[in->at++] : 0;
}

static gboolean
more (Input *in)
{
  return in->at < in->size;
}

/* A title from the input, made of what JSON strings need care with. */
static char *
next_title (Input *in)
{
  static const char *const pieces[] = {
    "a", "B", " ", "\"", "\\", "\n", "\t", "\r", "\x01", "\x1f", "/", "é", "😀",
    "\xe2\x80\xa8", "\\u0041", "’", "{", "}", "[", "]", ",", ":",
  };
  GString *title = g_string_new ("T");
  guint n = next (in) % 8;

  for (guint i = 0; i < n; i++)
    g_string_append (title, pieces[next (in) % G_N_ELEMENTS (pieces)]);
  return g_string_free (title, FALSE);
}

static JsonNode *
amount_node (gint64 value)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "value");
  json_builder_add_int_value (builder, value);
  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static JsonNode *
string_node (const char *text)
{
  JsonNode *node = json_node_new (JSON_NODE_VALUE);

  json_node_set_string (node, text);
  return node;
}

/* The document must load, with no error, to the model's events. */
static void
check (TrancheDocument *doc,
       Model           *model)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = tranche_document_load_dataset (doc, diagnostics, NULL);

  if (dataset == NULL)
    fail ("the edited text no longer loads");
  for (guint i = 0; i < tranche_diagnostics_get_length (diagnostics); i++)
    {
      const TrancheDiagnostic *d = tranche_diagnostics_get (diagnostics, i);
      gsize len;
      const char *text = tranche_document_get_text (doc, &len);

      if (d->severity == TRANCHE_SEVERITY_ERROR)
        fail ("an error after editing: %s: %s\n%.*s", d->path, d->message, (int) len, text);
    }
  if (tranche_dataset_get_n_events (dataset) != model->events->len
      || tranche_document_get_n_elements (doc, TRANCHE_DOCUMENT_EVENTS) != model->events->len)
    fail ("%u events loaded, %u in the document, %u in the model",
          tranche_dataset_get_n_events (dataset),
          tranche_document_get_n_elements (doc, TRANCHE_DOCUMENT_EVENTS), model->events->len);
  if (tranche_document_get_n_elements (doc, TRANCHE_DOCUMENT_ENTITIES) != model->n_entities)
    fail ("%u entities in the document, %u in the model",
          tranche_document_get_n_elements (doc, TRANCHE_DOCUMENT_ENTITIES), model->n_entities);
  for (guint i = 0; i < model->events->len; i++)
    {
      const ModelEvent *m = &g_array_index (model->events, ModelEvent, i);
      guint index = tranche_dataset_find_event (dataset, m->id);
      const TrancheEvent *e;

      if (index >= tranche_dataset_get_n_events (dataset))
        fail ("event %s is missing", m->id);
      e = tranche_dataset_get_event (dataset, index);
      /* same date everywhere: ties keep the file's order */
      if (index != i)
        fail ("event %s is at %u, not %u", m->id, index, i);
      if (g_strcmp0 (e->title, m->title) != 0)
        fail ("event %s has title \"%s\", not \"%s\"", m->id, e->title, m->title);
      if ((m->amount < 0) != !(e->amount.flags & TRANCHE_MONEY_HAS_VALUE)
          || (m->amount >= 0 && e->amount.value != (double) m->amount))
        fail ("event %s has the wrong amount", m->id);
    }
}

static char *
copy_id_of (TrancheDocument *doc,
            guint            index)
{
  g_autoptr(JsonNode) node = tranche_document_dup_element (doc, TRANCHE_DOCUMENT_EVENTS,
                                                           index);
  JsonObject *object = node ? json_node_get_object (node) : NULL;

  if (object == NULL || !json_object_has_member (object, "id"))
    fail ("the copy has no id");
  return g_strdup (json_object_get_string_member (object, "id"));
}

/* One edit to both the document and the model; FALSE when it was no
 * change at all (nothing for undo to undo). */
static gboolean
edit (TrancheDocument *doc,
      Model           *model,
      Input           *in,
      guint           *counter)
{
  guint op = next (in) % 12;
  guint n = model->events->len;
  guint i = n > 0 ? next (in) % n : 0;
  g_autoptr(JsonNode) node = NULL;
  ModelEvent *m = n > 0 ? &g_array_index (model->events, ModelEvent, i) : NULL;

  if (n == 0 && op >= 1 && op <= 6)
    op = 0;
  if (op == 10 && model->n_entities == 0)
    op = 9;
  switch (op)
    {
    case 0:
      {
        g_autoptr(JsonBuilder) b = json_builder_new ();
        ModelEvent e = { g_strdup_printf ("n%u", (*counter)++), next_title (in), -1 };

        json_builder_begin_object (b);
        json_builder_set_member_name (b, "id");
        json_builder_add_string_value (b, e.id);
        json_builder_set_member_name (b, "date");
        json_builder_add_string_value (b, "2020");
        json_builder_set_member_name (b, "kind");
        json_builder_add_string_value (b, "news");
        json_builder_set_member_name (b, "title");
        json_builder_add_string_value (b, e.title);
        json_builder_set_member_name (b, "target");
        json_builder_add_string_value (b, "co");
        json_builder_set_member_name (b, "investors");
        json_builder_begin_array (b);
        json_builder_add_string_value (b, "fund");
        json_builder_end_array (b);
        json_builder_end_object (b);
        node = json_builder_get_root (b);
        if (!tranche_document_append_element (doc, TRANCHE_DOCUMENT_EVENTS, node, NULL, NULL))
          fail ("append failed");
        g_array_append_val (model->events, e);
        return TRUE;
      }
    case 1:
      {
        g_autofree char *title = next_title (in);
        gboolean same = g_str_equal (title, m->title);

        node = string_node (title);
        if (!tranche_document_set_member (doc, TRANCHE_DOCUMENT_EVENTS, i, "title", node, NULL))
          fail ("set title failed");
        g_free (m->title);
        m->title = g_steal_pointer (&title);
        return !same;
      }
    case 2:
      {
        gint64 value = (gint64) next (in) * 1000003 + next (in);
        gboolean same = m->amount == value;

        node = amount_node (value);
        if (!tranche_document_set_member (doc, TRANCHE_DOCUMENT_EVENTS, i, "amount", node, NULL))
          fail ("set amount failed");
        m->amount = value;
        return !same;
      }
    case 3:
      {
        gboolean had = m->amount >= 0;

        if (!tranche_document_remove_member (doc, TRANCHE_DOCUMENT_EVENTS, i, "amount", NULL))
          fail ("remove amount failed");
        m->amount = -1;
        return had;
      }
    case 4:
      {
        ModelEvent copy = { NULL, g_strdup (m->title), m->amount };
        g_autofree char *prefix = g_strconcat (m->id, "-copy", NULL);

        if (!tranche_document_duplicate_element (doc, TRANCHE_DOCUMENT_EVENTS, i, NULL, NULL))
          fail ("duplicate failed");
        copy.id = copy_id_of (doc, i + 1);
        if (!g_str_has_prefix (copy.id, prefix))
          fail ("the copy of %s is %s", m->id, copy.id);
        g_array_insert_val (model->events, i + 1, copy);
        return TRUE;
      }
    case 5:
    case 6:
      tranche_document_delete_element (doc, TRANCHE_DOCUMENT_EVENTS, i);
      g_array_remove_index (model->events, i);
      return TRUE;
    case 7:
      {
        /* two edits as one step */
        gboolean changed;

        tranche_document_begin_user_action (doc);
        changed = edit (doc, model, in, counter);
        changed = edit (doc, model, in, counter) || changed;
        tranche_document_end_user_action (doc);
        return changed;
      }
    case 9:
      {
        /* entities before the events: every edit here moves the events */
        g_autofree char *element = g_strdup_printf ("{\"id\": \"x%u\", \"name\": \"X\"}",
                                                     (*counter)++);

        node = json_from_string (element, NULL);
        if (!tranche_document_append_element (doc, TRANCHE_DOCUMENT_ENTITIES, node, NULL,
                                              NULL))
          fail ("append entity failed");
        model->n_entities++;
        return TRUE;
      }
    case 10:
      /* unknown ids are only warnings: any entity may go */
      tranche_document_delete_element (doc, TRANCHE_DOCUMENT_ENTITIES,
                                       next (in) % model->n_entities);
      model->n_entities--;
      return TRUE;
    case 11:
      {
        gsize len;
        const char *text = tranche_document_get_text (doc, &len);
        /* event titles start with T, the root's with R */
        gboolean had = g_strstr_len (text, len, "\"title\": \"R") != NULL;

        if (!tranche_document_remove_root_member (doc, "title", NULL))
          fail ("remove root title failed");
        return had;
      }
    case 8:
    default:
      {
        g_autofree char *title = next_title (in);
        g_autofree char *unique = g_strdup_printf ("R%u %s", (*counter)++, title);

        /* a title never set before: always a step, as the model has no
         * root title to compare with */
        node = string_node (unique);
        if (!tranche_document_set_root_member (doc, "title", node, NULL))
          fail ("set root title failed");
        return TRUE;
      }
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(TrancheDocument) doc = NULL;
  g_autoptr(GPtrArray) undo = g_ptr_array_new_with_free_func ((GDestroyNotify) model_free);
  g_autoptr(GPtrArray) redo = g_ptr_array_new_with_free_func ((GDestroyNotify) model_free);
  g_autoptr(Model) model = model_new ();
  g_autofree char *start_text = NULL;
  Input in = { data, size, 0 };
  const char *start = starts[next (&in) % G_N_ELEMENTS (starts)];
  guint counter = 0;
  gsize len;
  const char *text;

  if (start != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (start, strlen (start));

      doc = tranche_document_new_from_bytes (bytes, NULL, NULL);
      if (strstr (start, "\"e0\"") != NULL)
        {
          ModelEvent e = { g_strdup ("e0"), g_strdup ("Zero"),
                           strstr (start, "\"value\": 5") ? 5 : -1 };

          g_array_append_val (model->events, e);
        }
    }
  else
    doc = tranche_document_new_empty ();
  if (doc == NULL)
    fail ("a starting text does not open");
  text = tranche_document_get_text (doc, &len);
  start_text = g_strndup (text, len);
  model->n_entities = tranche_document_get_n_elements (doc, TRANCHE_DOCUMENT_ENTITIES);

  for (guint steps = 0; more (&in) && steps < 64; steps++)
    {
      guint what = next (&in) % 8;

      if (what == 0 && undo->len > 0)
        {
          if (!tranche_document_can_undo (doc))
            fail ("nothing to undo");
          tranche_document_undo (doc);
          g_ptr_array_add (redo, model);
          model = g_ptr_array_steal_index (undo, undo->len - 1);
        }
      else if (what == 1 && redo->len > 0)
        {
          if (!tranche_document_can_redo (doc))
            fail ("nothing to redo");
          tranche_document_redo (doc);
          g_ptr_array_add (undo, model);
          model = g_ptr_array_steal_index (redo, redo->len - 1);
        }
      else
        {
          Model *before = model_copy (model);

          if (edit (doc, model, &in, &counter))
            {
              g_ptr_array_add (undo, before);
              g_ptr_array_set_size (redo, 0);
            }
          else
            model_free (before);
        }
      check (doc, model);
    }

  /* everything undone: the starting bytes */
  while (tranche_document_can_undo (doc))
    tranche_document_undo (doc);
  text = tranche_document_get_text (doc, &len);
  if (len != strlen (start_text) || memcmp (text, start_text, len) != 0)
    fail ("undoing everything did not give back the starting text");
  if (tranche_document_get_modified (doc))
    fail ("modified after undoing everything");
  return 0;
}
