/* tranche-diagnostics.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "tranche-diagnostics.h"

struct _TrancheDiagnostics
{
  gatomicrefcount ref_count;
  GArray *items;       /* TrancheDiagnostic */
  guint   n_unlisted[TRANCHE_SEVERITY_ERROR + 1];
  guint   unlisted_line;  /* the index of the item saying so, or G_MAXUINT */
};

G_DEFINE_BOXED_TYPE (TrancheDiagnostics, tranche_diagnostics,
                     tranche_diagnostics_ref, tranche_diagnostics_unref)

static void
clear_diagnostic (gpointer data)
{
  TrancheDiagnostic *d = data;

  g_clear_pointer (&d->path, g_free);
  g_clear_pointer (&d->message, g_free);
}

TrancheDiagnostics *
tranche_diagnostics_new (void)
{
  TrancheDiagnostics *self = g_new0 (TrancheDiagnostics, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->unlisted_line = G_MAXUINT;
  self->items = g_array_new (FALSE, TRUE, sizeof (TrancheDiagnostic));
  g_array_set_clear_func (self->items, clear_diagnostic);
  return self;
}

TrancheDiagnostics *
tranche_diagnostics_ref (TrancheDiagnostics *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
tranche_diagnostics_unref (TrancheDiagnostics *self)
{
  g_return_if_fail (self != NULL);
  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_array_unref (self->items);
      g_free (self);
    }
}

void
tranche_diagnostics_add (TrancheDiagnostics *self,
                         TrancheSeverity     severity,
                         const char         *path,
                         guint               line,
                         guint               column,
                         const char         *format,
                         ...)
{
  TrancheDiagnostic d = { 0 };
  va_list args;

  g_return_if_fail (self != NULL);
  g_return_if_fail (format != NULL);

  d.severity = severity;
  d.path = g_strdup (path ? path : "");
  d.line = line;
  d.column = column;
  va_start (args, format);
  d.message = g_strdup_vprintf (format, args);
  va_end (args);
  g_array_append_val (self->items, d);
}

void
tranche_diagnostics_add_unlisted (TrancheDiagnostics *self,
                                  guint               n_errors,
                                  guint               n_warnings)
{
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (self->unlisted_line == G_MAXUINT);

  if (n_errors + n_warnings == 0)
    return;
  self->n_unlisted[TRANCHE_SEVERITY_ERROR] = n_errors;
  self->n_unlisted[TRANCHE_SEVERITY_WARNING] = n_warnings;
  self->unlisted_line = self->items->len;
  if (n_warnings == 0)
    tranche_diagnostics_add (self, TRANCHE_SEVERITY_ERROR, "", 0, 0,
                             ngettext ("%u more error is not listed",
                                       "%u more errors are not listed", n_errors), n_errors);
  else if (n_errors == 0)
    tranche_diagnostics_add (self, TRANCHE_SEVERITY_WARNING, "", 0, 0,
                             ngettext ("%u more warning is not listed",
                                       "%u more warnings are not listed", n_warnings),
                             n_warnings);
  else
    {
      errors = g_strdup_printf (ngettext ("%u error", "%u errors", n_errors), n_errors);
      warnings = g_strdup_printf (ngettext ("%u warning", "%u warnings", n_warnings),
                                  n_warnings);
      /* Translators: "1200 more problems are not listed: 200 errors and 1000 warnings" */
      tranche_diagnostics_add (self, TRANCHE_SEVERITY_ERROR, "", 0, 0,
                               _("%u more problems are not listed: %s and %s"),
                               n_errors + n_warnings, errors, warnings);
    }
}

guint
tranche_diagnostics_get_length (TrancheDiagnostics *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->items->len;
}

const TrancheDiagnostic *
tranche_diagnostics_get (TrancheDiagnostics *self,
                         guint               index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return &g_array_index (self->items, TrancheDiagnostic, index);
}

guint
tranche_diagnostics_count (TrancheDiagnostics *self,
                           TrancheSeverity     severity)
{
  guint n;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (severity <= TRANCHE_SEVERITY_ERROR, 0);
  n = self->n_unlisted[severity];
  for (guint i = 0; i < self->items->len; i++)
    if (i != self->unlisted_line
        && g_array_index (self->items, TrancheDiagnostic, i).severity == severity)
      n++;
  return n;
}

guint
tranche_diagnostics_get_n_unlisted (TrancheDiagnostics *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_unlisted[TRANCHE_SEVERITY_ERROR] + self->n_unlisted[TRANCHE_SEVERITY_WARNING];
}

const TrancheDiagnostic *
tranche_diagnostics_find (TrancheDiagnostics *self,
                          const char         *path)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (path != NULL, NULL);
  for (guint i = 0; i < self->items->len; i++)
    {
      const TrancheDiagnostic *d = &g_array_index (self->items, TrancheDiagnostic, i);
      if (g_strcmp0 (d->path, path) == 0)
        return d;
    }
  return NULL;
}

TrancheDiagnostics *
tranche_diagnostics_filter_path (TrancheDiagnostics *self,
                                 const char         *prefix)
{
  TrancheDiagnostics *under;
  gsize len;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (prefix != NULL, NULL);

  under = tranche_diagnostics_new ();
  len = strlen (prefix);
  for (guint i = 0; i < self->items->len; i++)
    {
      const TrancheDiagnostic *d = &g_array_index (self->items, TrancheDiagnostic, i);
      char next = d->path[len];

      if (strncmp (d->path, prefix, len) == 0
          && (len == 0 || next == '\0' || next == '.' || next == '['))
        tranche_diagnostics_add (under, d->severity, d->path, d->line, d->column, "%s",
                                 d->message);
    }
  return under;
}

char *
tranche_diagnostic_to_string (const TrancheDiagnostic *diagnostic,
                              const char              *filename)
{
  GString *s;
  const char *severity;

  g_return_val_if_fail (diagnostic != NULL, NULL);

  /* Translators: severity word in compiler-style messages ("file:3:5: error: …") */
  severity = diagnostic->severity == TRANCHE_SEVERITY_ERROR ? _("error") : _("warning");
  s = g_string_new (filename ? filename : "");
  /* checks made on a built dataset know an event's line, not a column */
  if (diagnostic->line > 0 && diagnostic->column > 0)
    g_string_append_printf (s, ":%u:%u", diagnostic->line, diagnostic->column);
  else if (diagnostic->line > 0)
    g_string_append_printf (s, ":%u", diagnostic->line);
  g_string_append_printf (s, "%s%s: ", s->len > 0 ? ": " : "", severity);
  if (diagnostic->path != NULL && diagnostic->path[0] != '\0')
    g_string_append_printf (s, "%s: ", diagnostic->path);
  g_string_append (s, diagnostic->message);
  return g_string_free (s, FALSE);
}
