/* tranche-document.c: the document object, what it answers, undo and redo
 *
 * See tranche-document.h. Edits are in tranche-document-edit.c, the index
 * they keep right in tranche-document-index.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tranche-document-private.h"
#include "tranche-json-write.h"
#include "tranche-loader.h"

G_DEFINE_FINAL_TYPE (TrancheDocument, tranche_document, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILENAME,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *empty_text =
  "{\n"
  "  \"tranche\": 1,\n"
  "  \"events\": []\n"
  "}\n";

G_DEFINE_QUARK (tranche-document-error-quark, tranche_document_error)

static void
step_free (gpointer data)
{
  TrancheDocStep *step = data;

  g_ptr_array_unref (step->changes);
  g_free (step);
}

static TrancheDocStep *
step_new (TrancheDocument *self)
{
  TrancheDocStep *step = g_new0 (TrancheDocStep, 1);

  step->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) tranche_doc_change_free);
  step->before = self->state;
  return step;
}

/* Notifies what follows from the state having changed. */
static void
state_changed (TrancheDocument *self,
               gboolean         was_modified,
               gboolean         could_undo,
               gboolean         could_redo)
{
  if (was_modified != tranche_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  if (could_undo != tranche_document_can_undo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  if (could_redo != tranche_document_can_redo (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
close_step (TrancheDocument *self)
{
  TrancheDocStep *step = g_steal_pointer (&self->open_step);
  gboolean was_modified = tranche_document_get_modified (self);
  gboolean could_undo = tranche_document_can_undo (self);
  gboolean could_redo = tranche_document_can_redo (self);

  if (step->changes->len == 0)
    {
      step_free (step);
      return;
    }
  step->after = self->state = ++self->next_state;
  g_ptr_array_add (self->undo, step);
  g_ptr_array_set_size (self->redo, 0);
  state_changed (self, was_modified, could_undo, could_redo);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
tranche_doc_commit (TrancheDocument  *self,
                    TrancheDocChange *change)
{
  tranche_doc_change_apply (self, change, FALSE);
  if (self->open_step == NULL)
    {
      self->open_step = step_new (self);
      g_ptr_array_add (self->open_step->changes, change);
      close_step (self);
    }
  else
    g_ptr_array_add (self->open_step->changes, change);
}

void
tranche_doc_mark_saved (TrancheDocument        *self,
                        guint64                 state,
                        const TrancheDiskStamp *stamp)
{
  gboolean was_modified = tranche_document_get_modified (self);

  self->saved_state = state;
  self->disk = *stamp;
  if (was_modified != tranche_document_get_modified (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
tranche_document_finalize (GObject *object)
{
  TrancheDocument *self = TRANCHE_DOCUMENT (object);

  g_string_free (self->text, TRUE);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->untitled_id, g_free);
  tranche_doc_index_clear (self);
  g_clear_pointer (&self->undo, g_ptr_array_unref);
  g_clear_pointer (&self->redo, g_ptr_array_unref);
  g_clear_pointer (&self->open_step, step_free);
  G_OBJECT_CLASS (tranche_document_parent_class)->finalize (object);
}

static void
tranche_document_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  TrancheDocument *self = TRANCHE_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_FILENAME:
      g_value_set_string (value, self->filename);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, tranche_document_get_modified (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, tranche_document_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, tranche_document_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tranche_document_class_init (TrancheDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tranche_document_finalize;
  object_class->get_property = tranche_document_get_property;

  properties[PROP_FILENAME] =
    g_param_spec_string ("filename", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The text changed: after an edit, an undo, a redo or a restore. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
tranche_document_init (TrancheDocument *self)
{
  self->text = g_string_new (NULL);
  self->undo = g_ptr_array_new_with_free_func (step_free);
  self->redo = g_ptr_array_new_with_free_func (step_free);
}

void
tranche_doc_set_filename (TrancheDocument *self,
                          const char      *filename)
{
  if (g_strcmp0 (self->filename, filename) == 0)
    return;
  g_free (self->filename);
  self->filename = g_strdup (filename);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILENAME]);
}

TrancheDocument *
tranche_document_new_from_bytes (GBytes      *bytes,
                                 const char  *filename,
                                 GError     **error)
{
  g_autoptr(TrancheDocument) self = NULL;
  gsize len = 0;
  const char *data;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (TRANCHE_TYPE_DOCUMENT, NULL);
  data = g_bytes_get_data (bytes, &len);
  g_string_append_len (self->text, data, len);
  if (!tranche_doc_index_build (self, error))
    {
      if (filename != NULL)
        g_prefix_error (error, _("Could not edit “%s”: "), filename);
      return NULL;
    }
  self->filename = g_strdup (filename);
  if (filename == NULL)
    self->untitled_id = g_uuid_string_random ();
  return g_steal_pointer (&self);
}

TrancheDocument *
tranche_document_new_unsaved (GBytes  *bytes,
                              GError **error)
{
  TrancheDocument *self;

  g_return_val_if_fail (bytes != NULL, NULL);

  if ((self = tranche_document_new_from_bytes (bytes, NULL, error)) == NULL)
    return NULL;
  /* nothing on disk has this text: a state no step reaches */
  self->saved_state = G_MAXUINT64;
  return self;
}

TrancheDocument *
tranche_document_new_empty (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (empty_text, strlen (empty_text));

  return tranche_document_new_from_bytes (bytes, NULL, NULL);
}

TrancheDocument *
tranche_document_new_from_file (const char  *filename,
                                GError     **error)
{
  g_autoptr(TrancheDocument) self = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local = NULL;
  TrancheDiskStamp stamp = { 0 };
  char *data = NULL;
  gsize len = 0;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (filename, &data, &len, error))
    return NULL;
  bytes = g_bytes_new_take (data, len);
  self = tranche_document_new_from_bytes (bytes, filename, error);
  if (self == NULL)
    return NULL;
  /* what was read is what a later check compares with; a failed stat only
   * means the check can't tell */
  data = (char *) g_bytes_get_data (bytes, &len);
  if (tranche_doc_stamp_file (filename, data, len, &stamp, &local))
    self->disk = stamp;
  self->bytes = g_steal_pointer (&bytes);
  return g_steal_pointer (&self);
}

const char *
tranche_document_get_filename (TrancheDocument *self)
{
  g_return_val_if_fail (TRANCHE_IS_DOCUMENT (self), NULL);
  return self->filename;
}

const char *
tranche_document_get_text (TrancheDocument *self,
                           gsize           *len)
{
  g_return_val_if_fail (TRANCHE_IS_DOCUMENT (self), NULL);
  if (len != NULL)
    *len = self->text->len;
  return self->text->str;
}

GBytes *
tranche_document_get_bytes (TrancheDocument *self)
{
  g_return_val_if_fail (TRANCHE_IS_DOCUMENT (self), NULL);
  if (self->bytes == NULL)
    self->bytes = g_bytes_new (self->text->str, self->text->len);
  return g_bytes_ref (self->bytes);
}

TrancheDataset *
tranche_document_load_dataset (TrancheDocument     *self,
                               TrancheDiagnostics  *diagnostics,
                               GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;

  g_return_val_if_fail (TRANCHE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (diagnostics != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = tranche_document_get_bytes (self);
  return tranche_loader_load_bytes (bytes, self->filename, NULL, diagnostics, error);
}

char *
tranche_document_element_path (TrancheDocumentArray array,
                               guint                index)
{
  static const char *const names[] = { "entities", "sources", "events" };

  g_return_val_if_fail (array < TRANCHE_DOCUMENT_N_ARRAYS, NULL);
  return g_strdup_printf ("%s[%u]", names[array], index);
}

guint
tranche_document_get_n_elements (TrancheDocument      *self,
                                 TrancheDocumentArray  array)
{
  g_return_val_if_fail (TRANCHE_IS_DOCUMENT (self), 0);
  g_return_val_if_fail (array < TRANCHE_DOCUMENT_N_ARRAYS, 0);
  return self->elements[array] != NULL ? self->elements[array]->len : 0;
}

char *
tranche_document_dup_element_text (TrancheDocument      *self,
                                   TrancheDocumentArray  array,
                                   guint                 index)
{
  TrancheDocRange r;

  g_return_val_if_fail (index < tranche_document_get_n_elements (self, array), NULL);
  r = g_array_index (self->elements[array], TrancheDocRange, index);
  return g_strndup (self->text->str + r.start, r.end - r.start);
}

static JsonNode *
parse_range (TrancheDocument *self,
             gsize            start,
             gsize            end)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  if (!json_parser_load_from_data (parser, self->text->str + start, end - start, NULL))
    return NULL;
  return json_parser_steal_root (parser);
}

JsonNode *
tranche_document_dup_element (TrancheDocument      *self,
                              TrancheDocumentArray  array,
                              guint                 index)
{
  TrancheDocRange r;

  g_return_val_if_fail (index < tranche_document_get_n_elements (self, array), NULL);
  r = g_array_index (self->elements[array], TrancheDocRange, index);
  return parse_range (self, r.start, r.end);
}

JsonNode *
tranche_document_dup_root_member (TrancheDocument *self,
                                  const char      *member)
{
  int i;

  g_return_val_if_fail (TRANCHE_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (member != NULL, NULL);

  for (i = self->members->len - 1; i >= 0; i--)
    {
      const TrancheDocMember *m = &g_array_index (self->members, TrancheDocMember, i);

      if (g_str_equal (m->key, member))
        return parse_range (self, m->value_offset, m->value_end);
    }
  return NULL;
}

void
tranche_document_begin_user_action (TrancheDocument *self)
{
  g_return_if_fail (TRANCHE_IS_DOCUMENT (self));
  if (self->action_depth++ == 0)
    self->open_step = step_new (self);
}

void
tranche_document_end_user_action (TrancheDocument *self)
{
  g_return_if_fail (TRANCHE_IS_DOCUMENT (self));
  g_return_if_fail (self->action_depth > 0);
  if (--self->action_depth == 0)
    close_step (self);
}

gboolean
tranche_document_can_undo (TrancheDocument *self)
{
  g_return_val_if_fail (TRANCHE_IS_DOCUMENT (self), FALSE);
  return self->undo->len > 0 && self->open_step == NULL;
}

gboolean
tranche_document_can_redo (TrancheDocument *self)
{
  g_return_val_if_fail (TRANCHE_IS_DOCUMENT (self), FALSE);
  return self->redo->len > 0 && self->open_step == NULL;
}

/* Moves the last step of `from` to `to`, applying it backwards or not. */
static void
replay (TrancheDocument *self,
        GPtrArray       *from,
        GPtrArray       *to,
        gboolean         backwards)
{
  gboolean was_modified = tranche_document_get_modified (self);
  gboolean could_undo = tranche_document_can_undo (self);
  gboolean could_redo = tranche_document_can_redo (self);
  TrancheDocStep *step = g_ptr_array_steal_index (from, from->len - 1);

  if (backwards)
    for (guint i = step->changes->len; i > 0; i--)
      tranche_doc_change_apply (self, g_ptr_array_index (step->changes, i - 1), TRUE);
  else
    for (guint i = 0; i < step->changes->len; i++)
      tranche_doc_change_apply (self, g_ptr_array_index (step->changes, i), FALSE);
  self->state = backwards ? step->before : step->after;
  g_ptr_array_add (to, step);
  state_changed (self, was_modified, could_undo, could_redo);
  g_signal_emit (self, signals[CHANGED], 0);
}

void
tranche_document_undo (TrancheDocument *self)
{
  g_return_if_fail (tranche_document_can_undo (self));
  replay (self, self->undo, self->redo, TRUE);
}

void
tranche_document_redo (TrancheDocument *self)
{
  g_return_if_fail (tranche_document_can_redo (self));
  replay (self, self->redo, self->undo, FALSE);
}

gboolean
tranche_document_get_modified (TrancheDocument *self)
{
  g_return_val_if_fail (TRANCHE_IS_DOCUMENT (self), FALSE);
  return self->state != self->saved_state;
}

int
tranche_document_find_element (TrancheDocument      *self,
                               TrancheDocumentArray  array,
                               const char           *id)
{
  g_autoptr(GString) quoted = g_string_new (NULL);
  const TrancheDocMember *m;
  GArray *ranges;
  const char *text, *hit, *end;
  int i;

  g_return_val_if_fail (TRANCHE_IS_DOCUMENT (self), -1);
  g_return_val_if_fail (array < TRANCHE_DOCUMENT_N_ARRAYS, -1);
  g_return_val_if_fail (id != NULL, -1);

  if ((i = tranche_doc_array_member (self, array)) < 0)
    return -1;
  m = &g_array_index (self->members, TrancheDocMember, i);
  ranges = self->elements[array];
  text = self->text->str;
  end = text + m->value_end;
  /* a search for the id's text, then a look at the elements it is in:
   * no parse of every element */
  tranche_json_write_string (quoted, id);
  for (hit = text + m->value_offset;
       (hit = memmem (hit, end - hit, quoted->str, quoted->len)) != NULL;
       hit += quoted->len)
    {
      gsize at = hit - text;
      guint lo = 0, hi = ranges->len;
      g_autoptr(GArray) members = NULL;
      TrancheDocRange r;

      while (lo < hi)
        {
          guint mid = lo + (hi - lo) / 2;

          if (g_array_index (ranges, TrancheDocRange, mid).end <= at)
            lo = mid + 1;
          else
            hi = mid;
        }
      if (lo == ranges->len)
        break;
      r = g_array_index (ranges, TrancheDocRange, lo);
      members = g_array_new (FALSE, TRUE, sizeof (TrancheDocMember));
      g_array_set_clear_func (members, (GDestroyNotify) tranche_doc_member_clear);
      if (!tranche_doc_scan_members (text, r, members))
        continue;
      for (guint k = 0; k < members->len; k++)
        {
          const TrancheDocMember *dm = &g_array_index (members, TrancheDocMember, k);

          if (g_str_equal (dm->key, "id") && dm->value_offset == at
              && dm->value_end == at + quoted->len)
            return lo;
        }
    }
  return -1;
}
