/* tranche-session.c: what is open in a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "tranche-session.h"

struct _TrancheSession
{
  GObject          parent_instance;

  TrancheDataset  *dataset;
  TrancheFilter   *filter;
  TrancheMask     *mask;      /* NULL with no dataset */
  int              selected;  /* event index, -1 for none */
  TrancheViewport *viewport;
  TrancheViewData *views;     /* while the views hear of a new dataset */
  TrancheDocument *document;  /* the text being edited; NULL until the first edit */
};

G_DEFINE_FINAL_TYPE (TrancheSession, tranche_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATASET,
  PROP_FILTER,
  PROP_MASK,
  PROP_SELECTED,
  PROP_VIEWPORT,
  PROP_DOCUMENT,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The mask always follows the dataset and the filter. */
static void
update_mask (TrancheSession *self)
{
  g_clear_pointer (&self->mask, tranche_mask_unref);
  if (self->dataset != NULL)
    self->mask = tranche_mask_new_for_filter (self->filter, self->dataset);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MASK]);
}

/* The document's undo and modified state are the session's: views and
 * actions follow the session alone, whichever document it holds. */
static void
document_notify_cb (TrancheSession *self,
                    GParamSpec     *pspec)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "modified"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  else if (g_str_equal (name, "can-undo"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  else if (g_str_equal (name, "can-redo"))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
drop_document (TrancheSession *self)
{
  if (self->document == NULL)
    return;
  g_signal_handlers_disconnect_by_func (self->document, document_notify_cb, self);
  g_clear_object (&self->document);
}

static void
tranche_session_dispose (GObject *object)
{
  TrancheSession *self = TRANCHE_SESSION (object);

  drop_document (self);
  g_clear_object (&self->viewport);
  G_OBJECT_CLASS (tranche_session_parent_class)->dispose (object);
}

static void
tranche_session_finalize (GObject *object)
{
  TrancheSession *self = TRANCHE_SESSION (object);

  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  g_clear_pointer (&self->filter, tranche_filter_free);
  g_clear_pointer (&self->mask, tranche_mask_unref);
  G_OBJECT_CLASS (tranche_session_parent_class)->finalize (object);
}

static void
tranche_session_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TrancheSession *self = TRANCHE_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_boxed (value, self->dataset);
      break;
    case PROP_FILTER:
      g_value_set_boxed (value, self->filter);
      break;
    case PROP_MASK:
      g_value_set_boxed (value, self->mask);
      break;
    case PROP_SELECTED:
      g_value_set_int (value, self->selected);
      break;
    case PROP_VIEWPORT:
      g_value_set_object (value, self->viewport);
      break;
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, tranche_session_get_modified (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->document && tranche_document_can_undo (self->document));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->document && tranche_document_can_redo (self->document));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tranche_session_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TrancheSession *self = TRANCHE_SESSION (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      tranche_session_set_dataset (self, g_value_get_boxed (value));
      break;
    case PROP_FILTER:
      tranche_session_set_filter (self, g_value_get_boxed (value));
      break;
    case PROP_SELECTED:
      tranche_session_set_selected (self, g_value_get_int (value));
      break;
    case PROP_DOCUMENT:
      tranche_session_set_document (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tranche_session_class_init (TrancheSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tranche_session_dispose;
  object_class->finalize = tranche_session_finalize;
  object_class->get_property = tranche_session_get_property;
  object_class->set_property = tranche_session_set_property;

  properties[PROP_DATASET] =
    g_param_spec_boxed ("dataset", NULL, NULL, TRANCHE_TYPE_DATASET,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FILTER] =
    g_param_spec_boxed ("filter", NULL, NULL, TRANCHE_TYPE_FILTER,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MASK] =
    g_param_spec_boxed ("mask", NULL, NULL, TRANCHE_TYPE_MASK,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTED] =
    g_param_spec_int ("selected", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, TRANCHE_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VIEWPORT] =
    g_param_spec_object ("viewport", NULL, NULL, TRANCHE_TYPE_VIEWPORT,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tranche_session_init (TrancheSession *self)
{
  self->selected = -1;
  self->filter = tranche_filter_new ();
  self->viewport = tranche_viewport_new ();
}

TrancheSession *
tranche_session_new (void)
{
  return g_object_new (TRANCHE_TYPE_SESSION, NULL);
}

TrancheDataset *
tranche_session_get_dataset (TrancheSession *self)
{
  g_return_val_if_fail (TRANCHE_IS_SESSION (self), NULL);
  return self->dataset;
}

void
tranche_session_set_dataset_with_views (TrancheSession  *self,
                                        TrancheDataset  *dataset,
                                        TrancheViewData *views)
{
  g_return_if_fail (TRANCHE_IS_SESSION (self));
  g_return_if_fail (views == NULL || tranche_view_data_get_dataset (views) == dataset);

  /* Held only while the views are told: what none takes goes with it. */
  self->views = views;
  tranche_session_set_dataset (self, dataset);
  self->views = NULL;
}

TrancheViewData *
tranche_session_get_view_data (TrancheSession *self)
{
  g_return_val_if_fail (TRANCHE_IS_SESSION (self), NULL);

  if (self->views == NULL || tranche_view_data_get_dataset (self->views) != self->dataset)
    return NULL;
  return self->views;
}

void
tranche_session_set_dataset (TrancheSession *self,
                             TrancheDataset *dataset)
{
  const char *selected_id = NULL;
  g_autoptr(TrancheDataset) old = NULL;
  int keep = -1;

  g_return_if_fail (TRANCHE_IS_SESSION (self));

  if (self->dataset == dataset)
    return;

  /* Keep the selection across a reload by the event's id. */
  if (self->dataset != NULL && self->selected >= 0)
    selected_id = tranche_dataset_get_event (self->dataset, self->selected)->id;
  if (dataset != NULL && selected_id != NULL)
    {
      guint found = tranche_dataset_find_event (dataset, selected_id);
      if (found != TRANCHE_NO_ENTITY)
        keep = found;
    }

  /* Everything changes first and is told after: whoever hears of the new
   * dataset finds its mask and selection already made for it. */
  g_object_freeze_notify (G_OBJECT (self));
  old = g_steal_pointer (&self->dataset);
  self->dataset = dataset ? tranche_dataset_ref (dataset) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
  update_mask (self);
  self->selected = keep;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
  g_object_thaw_notify (G_OBJECT (self));
}

const TrancheFilter *
tranche_session_get_filter (TrancheSession *self)
{
  g_return_val_if_fail (TRANCHE_IS_SESSION (self), NULL);
  return self->filter;
}

void
tranche_session_set_filter (TrancheSession      *self,
                            const TrancheFilter *filter)
{
  g_autoptr(TrancheFilter) empty = NULL;

  g_return_if_fail (TRANCHE_IS_SESSION (self));

  if (filter == NULL)
    filter = empty = tranche_filter_new ();
  if (tranche_filter_equal (self->filter, filter))
    return;
  g_object_freeze_notify (G_OBJECT (self));
  tranche_filter_free (self->filter);
  self->filter = tranche_filter_copy (filter);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
  update_mask (self);
  g_object_thaw_notify (G_OBJECT (self));
}

TrancheMask *
tranche_session_get_mask (TrancheSession *self)
{
  g_return_val_if_fail (TRANCHE_IS_SESSION (self), NULL);
  return self->mask;
}

GBytes *
tranche_session_get_mask_bytes (TrancheSession *self)
{
  g_return_val_if_fail (TRANCHE_IS_SESSION (self), NULL);
  return self->mask != NULL ? tranche_mask_get_bytes (self->mask) : NULL;
}

int
tranche_session_get_selected (TrancheSession *self)
{
  g_return_val_if_fail (TRANCHE_IS_SESSION (self), -1);
  return self->selected;
}

void
tranche_session_set_selected (TrancheSession *self,
                              int             selected)
{
  g_return_if_fail (TRANCHE_IS_SESSION (self));

  if (self->dataset == NULL || selected < 0
      || selected >= (int) tranche_dataset_get_n_events (self->dataset))
    selected = -1;
  if (self->selected == selected)
    return;
  self->selected = selected;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED]);
}

TrancheViewport *
tranche_session_get_viewport (TrancheSession *self)
{
  g_return_val_if_fail (TRANCHE_IS_SESSION (self), NULL);
  return self->viewport;
}

TrancheDocument *
tranche_session_get_document (TrancheSession *self)
{
  g_return_val_if_fail (TRANCHE_IS_SESSION (self), NULL);
  return self->document;
}

void
tranche_session_set_document (TrancheSession  *self,
                              TrancheDocument *document)
{
  g_return_if_fail (TRANCHE_IS_SESSION (self));
  g_return_if_fail (document == NULL || TRANCHE_IS_DOCUMENT (document));

  if (self->document == document)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  drop_document (self);
  if (document != NULL)
    {
      self->document = g_object_ref (document);
      g_signal_connect_swapped (document, "notify", G_CALLBACK (document_notify_cb), self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_thaw_notify (G_OBJECT (self));
}

gboolean
tranche_session_get_modified (TrancheSession *self)
{
  g_return_val_if_fail (TRANCHE_IS_SESSION (self), FALSE);
  return self->document != NULL && tranche_document_get_modified (self->document);
}
