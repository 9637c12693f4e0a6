/* tranche-event-editor-private.h: what the event editor's files share
 *
 * tranche-event-editor.c builds the form and checks and applies it;
 * tranche-event-editor-json.c reads an event into the form and writes the
 * form back as the event's JSON.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "tranche-document.h"
#include "tranche-event-editor.h"

G_BEGIN_DECLS

typedef struct
{
  GtkWidget      *row;
  GtkEntry       *entity;
  GtkCheckButton *lead;
  GtkEntry       *share;
} InvestorRow;

typedef struct
{
  GtkWidget      *row;      /* source, paraphrase, remove */
  GtkWidget      *quote;    /* an AdwEntryRow */
  GtkEntry       *source;
  GtkCheckButton *paraphrase;
} CitationRow;

/* The forms an amount can take; the order of the "amount.form" choices. */
typedef enum
{
  AMOUNT_NONE,
  AMOUNT_EXACT,
  AMOUNT_RANGE,
  AMOUNT_UP_TO,
  AMOUNT_AT_LEAST,
  AMOUNT_UNDISCLOSED,
} AmountForm;

struct _TrancheEventEditor
{
  AdwWindow            parent_instance;

  TrancheSession      *session;
  TrancheDocument     *document;
  int                  index;         /* in the document's events; -1 when new */
  GHashTable          *touched;       /* member names the analyst changed */
  GHashTable          *fields;        /* field name → widget */
  GPtrArray           *investors;     /* InvestorRow */
  GPtrArray           *citations;     /* CitationRow */
  guint                check_source;
  gboolean             filling;       /* the form is being filled: nothing is touched */
  guint                n_errors;      /* of the last check */
  guint                check_generation; /* only the newest check is shown */
  gboolean             disposed;
  gboolean             confirmed;     /* Apply was pressed again over errors */

  GtkWidget           *apply_button;
  GtkWidget           *problems_group;
  GtkLabel            *problems_label;
  AdwPreferencesGroup *investors_group;
  AdwPreferencesGroup *citations_group;
  GtkWidget           *id_row, *title_row, *kind_row, *date_row, *precision_row, *end_row;
  GtkWidget           *round_row, *tags_row, *draft_switch;
  GtkEntry            *target_entry, *fulfils_entry;
  GtkWidget           *amount_form_row, *amount_value_row, *amount_min_row, *amount_max_row;
  GtkWidget           *amount_currency_row, *amount_approx_switch, *amount_approx_row;
  GtkWidget           *valuation_value_row, *valuation_currency_row, *valuation_basis_row;
  GtkWidget           *valuation_approx_switch;
  GtkWidget           *cumulative_value_row, *cumulative_currency_row, *cumulative_scope_row;
  GtkTextView         *summary_view;
};

/* tranche-event-editor.c */
void        _tranche_event_editor_touch       (TrancheEventEditor *self,
                                               const char         *member);
void        _tranche_event_editor_set_combo   (GtkWidget          *row,
                                               const char * const *values,
                                               const char         *value);
const char *_tranche_event_editor_get_combo   (GtkWidget          *row,
                                               const char * const *values);
void        _tranche_event_editor_update_amount_rows (TrancheEventEditor *self);

extern const char * const _tranche_event_kinds[];
extern const char * const _tranche_valuation_bases[];
extern const char * const _tranche_cumulative_scopes[];

/* tranche-event-editor-json.c */
void        _tranche_event_editor_fill        (TrancheEventEditor *self,
                                               JsonObject         *event);
/* The event as the form shows it; entities the form names and the dataset
 * lacks are added to `new_entities` (JsonNode objects). */
JsonObject *_tranche_event_editor_build       (TrancheEventEditor *self,
                                               GPtrArray          *new_entities);
/* The entity id `text` stands for, or NULL when it needs a new entity. */
char       *_tranche_event_editor_resolve_entity (TrancheEventEditor *self,
                                                  const char         *text);

G_END_DECLS
