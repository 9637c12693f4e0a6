/* tranche-diagnostics.h: what the loader found wrong, and where
 *
 * Every problem is kept, not only the first, with its JSON path and, where the
 * parser knew it, line and column (1-based; 0 when unknown). Past the
 * loader's cap, problems are counted and not listed: the counts stay exact,
 * and one last diagnostic says how many are not listed.
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  TRANCHE_SEVERITY_WARNING,
  TRANCHE_SEVERITY_ERROR,
} TrancheSeverity;

typedef struct
{
  TrancheSeverity severity;
  char           *path;     /* "events[3].amount.value"; "" for the document */
  guint           line;
  guint           column;
  char           *message;  /* translated, plain text */
} TrancheDiagnostic;

typedef struct _TrancheDiagnostics TrancheDiagnostics;

#define TRANCHE_TYPE_DIAGNOSTICS (tranche_diagnostics_get_type ())

GType                    tranche_diagnostics_get_type    (void) G_GNUC_CONST;
TrancheDiagnostics      *tranche_diagnostics_new         (void);
TrancheDiagnostics      *tranche_diagnostics_ref         (TrancheDiagnostics *self);
void                     tranche_diagnostics_unref       (TrancheDiagnostics *self);
void                     tranche_diagnostics_add         (TrancheDiagnostics *self,
                                                          TrancheSeverity     severity,
                                                          const char         *path,
                                                          guint               line,
                                                          guint               column,
                                                          const char         *format,
                                                          ...) G_GNUC_PRINTF (6, 7);
/* Problems found but not listed: counted by tranche_diagnostics_count(),
 * and said by one diagnostic added last (the one thing
 * tranche_diagnostics_count() leaves out). Once, after the listed ones. */
void                     tranche_diagnostics_add_unlisted (TrancheDiagnostics *self,
                                                           guint               n_errors,
                                                           guint               n_warnings);
/* What is listed, the "not listed" line included. */
guint                    tranche_diagnostics_get_length  (TrancheDiagnostics *self);
const TrancheDiagnostic *tranche_diagnostics_get         (TrancheDiagnostics *self,
                                                          guint               index);
/* How many problems of `severity` there are, listed or not. */
guint                    tranche_diagnostics_count       (TrancheDiagnostics *self,
                                                          TrancheSeverity     severity);
/* How many problems of either severity are not listed. */
guint                    tranche_diagnostics_get_n_unlisted (TrancheDiagnostics *self);
/* The first diagnostic at exactly this path, or NULL (for tests and the UI). */
const TrancheDiagnostic *tranche_diagnostics_find        (TrancheDiagnostics *self,
                                                          const char         *path);
/* "FILE:LINE:COL: error: PATH: MESSAGE", as compilers print it. */
/* The diagnostics at `prefix` or under it ("events[3]" takes
 * "events[3].amount.value", not "events[30]"): what an editor shows beside
 * one element's fields. */
TrancheDiagnostics      *tranche_diagnostics_filter_path (TrancheDiagnostics *self,
                                                          const char         *prefix);
char                    *tranche_diagnostic_to_string    (const TrancheDiagnostic *diagnostic,
                                                          const char         *filename);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrancheDiagnostics, tranche_diagnostics_unref)

G_END_DECLS
