/* tranche-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "tranche-filter.h"

struct _TrancheFilter
{
  char       *text;      /* as typed */
  char       *folded;    /* casefolded, for matching; NULL when no text */
  GHashTable *ids[TRANCHE_FILTER_N_FIELDS];
  guint       kinds;
};

G_DEFINE_BOXED_TYPE (TrancheFilter, tranche_filter, tranche_filter_copy, tranche_filter_free)

static int
compare_strings (const void *a,
                 const void *b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static gboolean
contains_folded (const char *haystack,
                 const char *folded_needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;
  folded = g_utf8_casefold (haystack, -1);
  return strstr (folded, folded_needle) != NULL;
}

static gboolean
entity_matches_text (TrancheDataset *dataset,
                     guint32         entity,
                     const char     *folded)
{
  const TrancheEntity *e;

  if (entity == TRANCHE_NO_ENTITY)
    return FALSE;
  e = tranche_dataset_get_entity (dataset, entity);
  return contains_folded (e->name, folded) || contains_folded (e->id, folded);
}

static gboolean
text_matches (const TrancheFilter *self,
              TrancheDataset      *dataset,
              const TrancheEvent  *ev)
{
  const char *f = self->folded;

  if (contains_folded (ev->title, f) || contains_folded (ev->summary, f)
      || contains_folded (ev->round, f) || contains_folded (ev->id, f)
      || entity_matches_text (dataset, ev->target, f))
    return TRUE;
  for (guint i = 0; i < ev->n_investors; i++)
    if (entity_matches_text (dataset, tranche_dataset_event_investor (dataset, ev, i), f))
      return TRUE;
  for (guint i = 0; i < ev->n_tags; i++)
    if (contains_folded (tranche_dataset_event_tag (dataset, ev, i), f))
      return TRUE;
  return FALSE;
}

static gboolean
entity_in (GHashTable     *set,
           TrancheDataset *dataset,
           guint32         entity)
{
  return entity != TRANCHE_NO_ENTITY
         && g_hash_table_contains (set, tranche_dataset_get_entity (dataset, entity)->id);
}

TrancheFilter *
tranche_filter_new (void)
{
  TrancheFilter *self = g_new0 (TrancheFilter, 1);

  for (guint i = 0; i < TRANCHE_FILTER_N_FIELDS; i++)
    self->ids[i] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return self;
}

TrancheFilter *
tranche_filter_copy (const TrancheFilter *self)
{
  TrancheFilter *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = tranche_filter_new ();
  tranche_filter_set_text (copy, self->text);
  copy->kinds = self->kinds;
  for (guint i = 0; i < TRANCHE_FILTER_N_FIELDS; i++)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->ids[i]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_hash_table_add (copy->ids[i], g_strdup (key));
    }
  return copy;
}

void
tranche_filter_free (TrancheFilter *self)
{
  if (self == NULL)
    return;
  g_free (self->text);
  g_free (self->folded);
  for (guint i = 0; i < TRANCHE_FILTER_N_FIELDS; i++)
    g_hash_table_unref (self->ids[i]);
  g_free (self);
}

gboolean
tranche_filter_equal (const TrancheFilter *a,
                      const TrancheFilter *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  if (g_strcmp0 (a->text, b->text) != 0 || a->kinds != b->kinds)
    return FALSE;
  for (guint i = 0; i < TRANCHE_FILTER_N_FIELDS; i++)
    {
      GHashTableIter iter;
      gpointer key;

      if (g_hash_table_size (a->ids[i]) != g_hash_table_size (b->ids[i]))
        return FALSE;
      g_hash_table_iter_init (&iter, a->ids[i]);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (b->ids[i], key))
          return FALSE;
    }
  return TRUE;
}

gboolean
tranche_filter_is_empty (const TrancheFilter *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  if (self->folded != NULL || self->kinds != 0)
    return FALSE;
  for (guint i = 0; i < TRANCHE_FILTER_N_FIELDS; i++)
    if (g_hash_table_size (self->ids[i]) > 0)
      return FALSE;
  return TRUE;
}

void
tranche_filter_set_text (TrancheFilter *self,
                         const char    *text)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->text, g_free);
  g_clear_pointer (&self->folded, g_free);
  if (text == NULL)
    return;
  self->text = g_strdup (text);
  stripped = g_strstrip (g_strdup (text));
  if (*stripped != '\0')
    self->folded = g_utf8_casefold (stripped, -1);
}

const char *
tranche_filter_get_text (const TrancheFilter *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->text;
}

void
tranche_filter_add (TrancheFilter      *self,
                    TrancheFilterField  field,
                    const char         *id)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (field < TRANCHE_FILTER_N_FIELDS);
  g_return_if_fail (id != NULL);
  g_hash_table_add (self->ids[field], g_strdup (id));
}

void
tranche_filter_remove (TrancheFilter      *self,
                       TrancheFilterField  field,
                       const char         *id)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (field < TRANCHE_FILTER_N_FIELDS);
  g_return_if_fail (id != NULL);
  g_hash_table_remove (self->ids[field], id);
}

gboolean
tranche_filter_has (const TrancheFilter *self,
                    TrancheFilterField   field,
                    const char          *id)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (field < TRANCHE_FILTER_N_FIELDS, FALSE);
  return id != NULL && g_hash_table_contains (self->ids[field], id);
}

char **
tranche_filter_list (const TrancheFilter *self,
                     TrancheFilterField   field)
{
  g_autofree const char **keys = NULL;
  guint n;
  char **out;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (field < TRANCHE_FILTER_N_FIELDS, NULL);

  keys = (const char **) g_hash_table_get_keys_as_array (self->ids[field], &n);
  out = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    out[i] = g_strdup (keys[i]);
  qsort (out, n, sizeof (char *), compare_strings);
  return out;
}

void
tranche_filter_set_kinds (TrancheFilter *self,
                          guint          kinds)
{
  g_return_if_fail (self != NULL);
  self->kinds = kinds;
}

guint
tranche_filter_get_kinds (const TrancheFilter *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->kinds;
}

void
tranche_filter_clear (TrancheFilter *self)
{
  g_return_if_fail (self != NULL);
  tranche_filter_set_text (self, NULL);
  self->kinds = 0;
  for (guint i = 0; i < TRANCHE_FILTER_N_FIELDS; i++)
    g_hash_table_remove_all (self->ids[i]);
}

gboolean
tranche_filter_matches (const TrancheFilter *self,
                        TrancheDataset      *dataset,
                        guint                event_index)
{
  const TrancheEvent *ev;
  GHashTable *investors, *targets, *tags;

  g_return_val_if_fail (self != NULL, TRUE);
  g_return_val_if_fail (dataset != NULL, TRUE);

  ev = tranche_dataset_get_event (dataset, event_index);
  if (self->kinds != 0 && (self->kinds & (1u << ev->kind)) == 0)
    return FALSE;

  targets = self->ids[TRANCHE_FILTER_TARGET];
  if (g_hash_table_size (targets) > 0 && !entity_in (targets, dataset, ev->target))
    return FALSE;

  investors = self->ids[TRANCHE_FILTER_INVESTOR];
  if (g_hash_table_size (investors) > 0)
    {
      gboolean any = FALSE;
      for (guint i = 0; i < ev->n_investors && !any; i++)
        any = entity_in (investors, dataset, tranche_dataset_event_investor (dataset, ev, i));
      if (!any)
        return FALSE;
    }

  tags = self->ids[TRANCHE_FILTER_TAG];
  if (g_hash_table_size (tags) > 0)
    {
      gboolean any = FALSE;
      for (guint i = 0; i < ev->n_tags && !any; i++)
        any = g_hash_table_contains (tags, tranche_dataset_event_tag (dataset, ev, i));
      if (!any)
        return FALSE;
    }

  return self->folded == NULL || text_matches (self, dataset, ev);
}

GBytes *
tranche_filter_apply (const TrancheFilter *self,
                      TrancheDataset      *dataset,
                      guint               *n_shown)
{
  guint n, shown = 0;
  guint8 *mask;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (dataset != NULL, NULL);

  n = tranche_dataset_get_n_events (dataset);
  if (tranche_filter_is_empty (self))
    {
      if (n_shown)
        *n_shown = n;
      return NULL;
    }

  mask = g_malloc0 (MAX (n, 1));
  for (guint i = 0; i < n; i++)
    if (tranche_filter_matches (self, dataset, i))
      {
        mask[i] = 1;
        shown++;
      }
  if (n_shown)
    *n_shown = shown;
  return g_bytes_new_take (mask, n);
}
