/* tranche-event-editor.c: a dialog that edits one event, every member of it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tranche-editor-rows.h"
#include "tranche-element-edit.h"
#include "tranche-event-editor-private.h"

#define CHECK_DELAY_MS 300
/* Above this, a check takes long enough to be felt while typing. */
#define CHECK_IN_THREAD_BYTES (1024 * 1024)

G_DEFINE_FINAL_TYPE (TrancheEventEditor, tranche_event_editor, ADW_TYPE_WINDOW)

/* Values as the file writes them, in the order of the combo rows' labels;
 * NULL first where the member may be left out. */
const char * const _tranche_event_kinds[] = {
  "investment", "valuation", "acquisition", "commitment", "secondary", "news", NULL
};
const char * const _tranche_valuation_bases[] = {
  "", "post-money", "pre-money", "reported", NULL
};
const char * const _tranche_cumulative_scopes[] = { "", "investors", "target", NULL };
static const char * const precisions[] = { "year", "quarter", "month", "day", NULL };

static void schedule_check (TrancheEventEditor *self);

void
_tranche_event_editor_set_combo (GtkWidget          *row,
                                 const char * const *values,
                                 const char         *value)
{
  for (guint i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value ? value : "") == 0)
      {
        adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
        return;
      }
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 0);
}

const char *
_tranche_event_editor_get_combo (GtkWidget          *row,
                                 const char * const *values)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (row));

  for (guint i = 0; values[i] != NULL; i++)
    if (i == selected)
      return values[i];
  return values[0];
}

void
_tranche_event_editor_touch (TrancheEventEditor *self,
                             const char         *member)
{
  if (self->filling)
    return;
  g_hash_table_add (self->touched, (gpointer) g_intern_string (member));
  schedule_check (self);
}

static void
field_changed_cb (GObject    *field,
                  GParamSpec *pspec,
                  gpointer    user_data)
{
  TrancheEventEditor *self = TRANCHE_EVENT_EDITOR (user_data);

  _tranche_event_editor_touch (self, g_object_get_data (field, "tranche-member"));
}

static void
editable_changed_cb (GtkEditable *editable,
                     gpointer     user_data)
{
  field_changed_cb (G_OBJECT (editable), NULL, user_data);
}

/* `name` is the field's path under the event ("amount.value"); what is
 * touched is its member ("amount"). */
static void
register_field (TrancheEventEditor *self,
                const char         *name,
                GtkWidget          *field)
{
  g_autofree char *member = g_strdup (name);
  char *cut = strpbrk (member, ".[");

  if (cut != NULL)
    *cut = '\0';
  g_object_set_data (G_OBJECT (field), "tranche-member", (gpointer) g_intern_string (member));
  g_hash_table_replace (self->fields, g_strdup (name), field);
  if (GTK_IS_EDITABLE (field))
    g_signal_connect_object (field, "changed", G_CALLBACK (editable_changed_cb), self, 0);
  else if (ADW_IS_COMBO_ROW (field))
    g_signal_connect_object (field, "notify::selected", G_CALLBACK (field_changed_cb), self, 0);
  else if (GTK_IS_SWITCH (field))
    g_signal_connect_object (field, "notify::active", G_CALLBACK (field_changed_cb), self, 0);
  else if (GTK_IS_CHECK_BUTTON (field))
    g_signal_connect_object (field, "notify::active", G_CALLBACK (field_changed_cb), self, 0);
}

static GtkWidget *
add_entry (TrancheEventEditor  *self,
           AdwPreferencesGroup *group,
           const char          *name,
           const char          *title)
{
  GtkWidget *row = tranche_editor_entry_row (title);

  adw_preferences_group_add (group, row);
  register_field (self, name, row);
  return row;
}

static GtkWidget *
add_combo (TrancheEventEditor  *self,
           AdwPreferencesGroup *group,
           const char          *name,
           const char          *title,
           const char * const  *labels)
{
  GtkWidget *row = tranche_editor_combo_row (title, labels);

  adw_preferences_group_add (group, row);
  register_field (self, name, row);
  return row;
}

static GtkWidget *
add_switch (TrancheEventEditor  *self,
            AdwPreferencesGroup *group,
            const char          *name,
            const char          *title,
            GtkWidget          **out_row)
{
  GtkWidget *toggle;
  GtkWidget *row = tranche_editor_switch_row (title, &toggle);

  adw_preferences_group_add (group, row);
  register_field (self, name, toggle);
  if (out_row != NULL)
    *out_row = row;
  return toggle;
}

static GtkEntry *
add_completing (TrancheEventEditor  *self,
                AdwPreferencesGroup *group,
                const char          *name,
                const char          *title,
                TrancheCompleteKind  kind)
{
  GtkEntry *entry;
  /* The session comes after the form is built; completions are set then. */
  GtkWidget *row = tranche_editor_completing_row (title, NULL, kind, &entry);

  adw_preferences_group_add (group, row);
  register_field (self, name, GTK_WIDGET (entry));
  return entry;
}

static AdwPreferencesGroup *
add_group (AdwPreferencesPage *page,
           const char         *title)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  return ADW_PREFERENCES_GROUP (group);
}

/* Changing the precision rewrites the date at it: "2021-03-15" becomes
 * "2021-Q1" at a quarter, "2021" at a year. */
static void
precision_changed_cb (TrancheEventEditor *self)
{
  TrancheDate date;
  const char *precision = _tranche_event_editor_get_combo (self->precision_row, precisions);
  g_autofree char *text = tranche_editor_dup_text (GTK_EDITABLE (self->date_row));
  g_autofree char *iso = NULL;
  guint month;

  if (self->filling || text == NULL || tranche_date_parse (text, &date) != TRANCHE_DATE_OK)
    return;
  month = date.month ? date.month : 1;
  if (g_str_equal (precision, "year"))
    iso = g_strdup_printf ("%04d", date.year);
  else if (g_str_equal (precision, "quarter"))
    iso = g_strdup_printf ("%04d-Q%u", date.year, (month - 1) / 3 + 1);
  else if (g_str_equal (precision, "month"))
    iso = g_strdup_printf ("%04d-%02u", date.year, month);
  else
    iso = g_strdup_printf ("%04d-%02u-%02u", date.year, month, date.day ? date.day : 1);
  if (g_strcmp0 (iso, text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->date_row), iso);
}

/* A new event's id follows its title until the analyst writes one. */
static void
title_changed_cb (TrancheEventEditor *self)
{
  g_autofree char *title = NULL;
  g_autofree char *id = NULL;

  if (self->index >= 0 || self->filling || self->document == NULL
      || g_hash_table_contains (self->touched, "id"))
    return;
  title = tranche_editor_dup_text (GTK_EDITABLE (self->title_row));
  id = tranche_element_edit_new_id (self->document, TRANCHE_DOCUMENT_EVENTS,
                                    title ? title : "event");
  self->filling = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->id_row), id);
  self->filling = FALSE;
}

/* A new event's amount follows its kind while no figure is typed: the
 * kinds that need one get an exact figure to type, the others none. */
static void
kind_changed_cb (TrancheEventEditor *self)
{
  const char *kind = _tranche_event_editor_get_combo (self->kind_row, _tranche_event_kinds);
  g_autofree char *value = tranche_editor_dup_text (GTK_EDITABLE (self->amount_value_row));
  gboolean needs = g_str_equal (kind, "investment") || g_str_equal (kind, "commitment")
                   || g_str_equal (kind, "acquisition");

  if (self->index >= 0 || self->filling || value != NULL
      || g_hash_table_contains (self->touched, "amount"))
    return;
  self->filling = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->amount_form_row),
                              needs ? AMOUNT_EXACT : AMOUNT_NONE);
  self->filling = FALSE;
}

/* The precision row shows the date's own. */
static void
date_changed_cb (TrancheEventEditor *self)
{
  g_autofree char *text = tranche_editor_dup_text (GTK_EDITABLE (self->date_row));
  TrancheDate date;
  gboolean filling = self->filling;

  if (text == NULL || tranche_date_parse (text, &date) != TRANCHE_DATE_OK)
    return;
  self->filling = TRUE;
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->precision_row), date.precision - 1);
  self->filling = filling;
}

void
_tranche_event_editor_update_amount_rows (TrancheEventEditor *self)
{
  AmountForm form = adw_combo_row_get_selected (ADW_COMBO_ROW (self->amount_form_row));
  gboolean some = form != AMOUNT_NONE && form != AMOUNT_UNDISCLOSED;

  gtk_widget_set_visible (self->amount_value_row, form == AMOUNT_EXACT);
  gtk_widget_set_visible (self->amount_min_row, form == AMOUNT_RANGE || form == AMOUNT_AT_LEAST);
  gtk_widget_set_visible (self->amount_max_row, form == AMOUNT_RANGE || form == AMOUNT_UP_TO);
  gtk_widget_set_visible (self->amount_currency_row, some);
  gtk_widget_set_visible (self->amount_approx_row, some);
}

static void
remove_investor_cb (GtkButton          *button,
                    TrancheEventEditor *self)
{
  for (guint i = 0; i < self->investors->len; i++)
    {
      InvestorRow *row = g_ptr_array_index (self->investors, i);
      if (gtk_widget_is_ancestor (GTK_WIDGET (button), row->row))
        {
          adw_preferences_group_remove (self->investors_group, row->row);
          g_ptr_array_remove_index (self->investors, i);
          _tranche_event_editor_touch (self, "investors");
          return;
        }
    }
}

static void
remove_citation_cb (GtkButton          *button,
                    TrancheEventEditor *self)
{
  for (guint i = 0; i < self->citations->len; i++)
    {
      CitationRow *row = g_ptr_array_index (self->citations, i);
      if (gtk_widget_is_ancestor (GTK_WIDGET (button), row->row))
        {
          adw_preferences_group_remove (self->citations_group, row->row);
          adw_preferences_group_remove (self->citations_group, row->quote);
          g_ptr_array_remove_index (self->citations, i);
          _tranche_event_editor_touch (self, "sources");
          return;
        }
    }
}

static GtkWidget *
remove_button (const char *accessible)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, accessible);
  return button;
}

static void
add_investor_cb (TrancheEventEditor *self)
{
  InvestorRow *row;

  tranche_event_editor_add_investor (self, NULL, FALSE, NULL);
  row = g_ptr_array_index (self->investors, self->investors->len - 1);
  gtk_widget_grab_focus (GTK_WIDGET (row->entity));
}

static void
add_citation_cb (TrancheEventEditor *self)
{
  CitationRow *row;

  tranche_event_editor_add_citation (self, NULL, NULL, FALSE);
  row = g_ptr_array_index (self->citations, self->citations->len - 1);
  gtk_widget_grab_focus (GTK_WIDGET (row->source));
}

static GtkWidget *
group_add_button (AdwPreferencesGroup *group,
                  const char          *label)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_widget_add_css_class (button, "flat");
  adw_preferences_group_set_header_suffix (group, button);
  return button;
}

/* One group and row after another, in the order the form shows them: long,
 * but read top to bottom like the dialog. */
static void
build_form (TrancheEventEditor *self,
            AdwPreferencesPage *page)
{
  const char *kinds[] = { _("Investment"), _("Valuation"), _("Acquisition"), _("Commitment"),
                          _("Secondary sale"), _("News"), NULL };
  const char *precision_labels[] = { _("Year"), _("Quarter"), _("Month"), _("Day"), NULL };
  const char *forms[] = { _("No amount"), _("Exact"), _("Range"), _("Up to"), _("At least"),
                          _("Undisclosed"), NULL };
  const char *bases[] = { _("Not given"), _("Post-money"), _("Pre-money"), _("Reported"), NULL };
  const char *scopes[] = { _("Default"), _("These investors"), _("All the target received"),
                           NULL };
  AdwPreferencesGroup *group;
  GtkWidget *button, *frame;

  self->problems_group = GTK_WIDGET (add_group (page, NULL));
  self->problems_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->problems_label, TRUE);
  gtk_label_set_xalign (self->problems_label, 0);
  gtk_label_set_selectable (self->problems_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->problems_label), "error");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->problems_group),
                             GTK_WIDGET (self->problems_label));
  gtk_widget_set_visible (self->problems_group, FALSE);

  group = add_group (page, _("Event"));
  self->title_row = add_entry (self, group, "title", _("Title"));
  self->kind_row = add_combo (self, group, "kind", _("Kind"), kinds);
  self->date_row = add_entry (self, group, "date",
                              _("Date (2021, 2021-Q3, 2021-07 or 2021-07-14)"));
  self->precision_row = tranche_editor_combo_row (_("Precision"), precision_labels);
  adw_preferences_group_add (group, self->precision_row);
  g_signal_connect_swapped (self->precision_row, "notify::selected",
                            G_CALLBACK (precision_changed_cb), self);
  g_signal_connect_swapped (self->date_row, "changed", G_CALLBACK (date_changed_cb), self);
  g_signal_connect_swapped (self->title_row, "changed", G_CALLBACK (title_changed_cb), self);
  g_signal_connect_swapped (self->kind_row, "notify::selected", G_CALLBACK (kind_changed_cb),
                            self);
  self->end_row = add_entry (self, group, "end", _("End (optional)"));
  self->round_row = add_entry (self, group, "round", _("Round"));
  self->tags_row = add_entry (self, group, "tags", _("Tags, separated by commas"));
  self->id_row = add_entry (self, group, "id", _("Identifier"));
  self->draft_switch = add_switch (self, group, "draft", _("Draft, not yet reviewed"), NULL);

  group = add_group (page, _("Parties"));
  self->target_entry = add_completing (self, group, "target", _("Target"),
                                       TRANCHE_COMPLETE_ENTITIES);
  self->investors_group = add_group (page, _("Investors"));
  adw_preferences_group_set_description (self->investors_group,
                                         _("A share left empty is undisclosed."));
  button = group_add_button (self->investors_group, _("Add _Investor"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_investor_cb), self);

  group = add_group (page, _("Amount"));
  self->amount_form_row = add_combo (self, group, "amount.form", _("Amount"), forms);
  g_signal_connect_swapped (self->amount_form_row, "notify::selected",
                            G_CALLBACK (_tranche_event_editor_update_amount_rows), self);
  self->amount_value_row = add_entry (self, group, "amount.value", _("Value (1.25B, 300M…)"));
  self->amount_min_row = add_entry (self, group, "amount.min", _("At least"));
  self->amount_max_row = add_entry (self, group, "amount.max", _("At most"));
  self->amount_currency_row = add_entry (self, group, "amount.currency",
                                         _("Currency (ISO code, default the dataset's)"));
  self->amount_approx_switch = add_switch (self, group, "amount.approx", _("Approximate"),
                                           &self->amount_approx_row);

  group = add_group (page, _("Valuation"));
  self->valuation_value_row = add_entry (self, group, "valuation.value", _("Valuation"));
  self->valuation_currency_row = add_entry (self, group, "valuation.currency",
                                            _("Valuation currency"));
  self->valuation_basis_row = add_combo (self, group, "valuation.basis", _("Basis"), bases);
  self->valuation_approx_switch = add_switch (self, group, "valuation.approx",
                                              _("Approximate valuation"), NULL);

  group = add_group (page, _("Reported Total"));
  adw_preferences_group_set_description (group, _("A total to date that the source reports."));
  self->cumulative_value_row = add_entry (self, group, "cumulative.value", _("Reported total"));
  self->cumulative_currency_row = add_entry (self, group, "cumulative.currency",
                                             _("Reported total currency"));
  self->cumulative_scope_row = add_combo (self, group, "cumulative.scope", _("Scope"), scopes);
  self->fulfils_entry = add_completing (self, group, "fulfils",
                                        _("Fulfils the commitment"),
                                        TRANCHE_COMPLETE_COMMITMENTS);

  group = add_group (page, _("Summary"));
  self->summary_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->summary_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->summary_view, 8);
  gtk_text_view_set_bottom_margin (self->summary_view, 8);
  gtk_text_view_set_left_margin (self->summary_view, 8);
  gtk_text_view_set_right_margin (self->summary_view, 8);
  gtk_text_view_set_accepts_tab (self->summary_view, FALSE);
  gtk_widget_set_size_request (GTK_WIDGET (self->summary_view), -1, 80);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->summary_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Summary"), -1);
  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (self->summary_view));
  gtk_widget_add_css_class (frame, "view");
  adw_preferences_group_add (group, frame);
  g_object_set_data (G_OBJECT (self->summary_view), "tranche-member", (gpointer) "summary");
  g_hash_table_replace (self->fields, g_strdup ("summary"), self->summary_view);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->summary_view), "changed",
                            G_CALLBACK (_tranche_event_editor_touch), self);

  self->citations_group = add_group (page, _("Citations"));
  button = group_add_button (self->citations_group, _("Add _Citation"));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (add_citation_cb), self);
}

/* `_tranche_event_editor_touch` takes the member from the data of the
 * widget it is given; the summary buffer is no widget, so it goes through
 * here. */
static void
summary_changed_cb (GtkTextBuffer      *buffer,
                    TrancheEventEditor *self)
{
  _tranche_event_editor_touch (self, "summary");
}

/* The field a diagnostic is about: its path under the event, or the
 * closest path above it that has a field. */
static GtkWidget *
field_for_path (TrancheEventEditor *self,
                const char         *relative)
{
  g_autofree char *path = g_strdup (relative);

  while (*path != '\0')
    {
      GtkWidget *field = g_hash_table_lookup (self->fields, path);
      char *dot = strrchr (path, '.');
      char *bracket = strrchr (path, '[');
      char *cut = MAX (dot, bracket);

      if (field != NULL)
        return field;
      if (cut == NULL)
        break;
      *cut = '\0';
    }
  return NULL;
}

static void
register_list_fields (TrancheEventEditor *self)
{
  for (guint i = 0; i < self->investors->len; i++)
    {
      InvestorRow *row = g_ptr_array_index (self->investors, i);
      g_hash_table_replace (self->fields, g_strdup_printf ("investors[%u]", i), row->entity);
      g_hash_table_replace (self->fields, g_strdup_printf ("investors[%u].amount", i), row->share);
      g_hash_table_replace (self->fields, g_strdup_printf ("investors[%u].lead", i), row->lead);
    }
  for (guint i = 0; i < self->citations->len; i++)
    {
      CitationRow *row = g_ptr_array_index (self->citations, i);
      g_hash_table_replace (self->fields, g_strdup_printf ("sources[%u]", i), row->source);
      g_hash_table_replace (self->fields, g_strdup_printf ("sources[%u].quote", i), row->quote);
      g_hash_table_replace (self->fields, g_strdup_printf ("sources[%u].paraphrase", i),
                            row->paraphrase);
    }
}

/* The loader's messages on the fields they are about, and all of them
 * above the form; returns them, one a line. */
static char *
show_problems (TrancheEventEditor *self,
               TrancheDiagnostics *problems,
               const char         *path)
{
  GHashTableIter iter;
  gpointer field;
  GString *text = g_string_new (NULL);

  self->n_errors = tranche_diagnostics_count (problems, TRANCHE_SEVERITY_ERROR);
  if (self->confirmed && self->n_errors == 0)
    {
      self->confirmed = FALSE;
      gtk_button_set_label (GTK_BUTTON (self->apply_button),
                            self->index >= 0 ? _("_Apply") : _("_Add"));
    }
  register_list_fields (self);
  g_hash_table_iter_init (&iter, self->fields);
  while (g_hash_table_iter_next (&iter, NULL, &field))
    tranche_editor_mark_field (field, NULL);

  for (guint i = 0; i < tranche_diagnostics_get_length (problems); i++)
    {
      const TrancheDiagnostic *d = tranche_diagnostics_get (problems, i);
      const char *relative = d->path + strlen (path);
      GtkWidget *widget;

      if (*relative == '.')
        relative++;
      widget = field_for_path (self, relative);
      if (widget != NULL)
        tranche_editor_mark_field (widget, d->message);
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, d->message);
    }
  gtk_label_set_text (self->problems_label, text->str);
  gtk_widget_set_visible (self->problems_group, text->len > 0);
  return g_string_free (text, FALSE);
}

typedef struct
{
  TrancheElementEdit  edit;
  JsonObject         *event;
  GPtrArray          *new_entities;
  GBytes             *bytes;
  char               *filename;
  guint               generation;
  TrancheDiagnostics *problems;
  char               *path;
} Check;

static void
check_free (Check *c)
{
  g_clear_pointer (&c->event, json_object_unref);
  g_clear_pointer (&c->new_entities, g_ptr_array_unref);
  g_clear_pointer (&c->bytes, g_bytes_unref);
  g_clear_pointer (&c->problems, tranche_diagnostics_unref);
  g_free (c->filename);
  g_free (c->path);
  g_free (c);
}

static Check *
check_new (TrancheEventEditor *self)
{
  Check *c = g_new0 (Check, 1);

  c->new_entities = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  c->event = _tranche_event_editor_build (self, c->new_entities);
  c->edit.array = TRANCHE_DOCUMENT_EVENTS;
  c->edit.index = self->index;
  c->edit.edited = c->event;
  c->edit.new_entities = c->new_entities;
  c->bytes = tranche_document_get_bytes (self->document);
  c->filename = g_strdup (tranche_document_get_filename (self->document));
  c->generation = ++self->check_generation;
  return c;
}

static char *
check (TrancheEventEditor *self)
{
  Check *c = check_new (self);
  char *text;

  c->problems = tranche_element_edit_check_bytes (&c->edit, c->bytes, c->filename, &c->path);
  text = show_problems (self, c->problems, c->path);
  check_free (c);
  return text;
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Check *c = task_data;

  c->problems = tranche_element_edit_check_bytes (&c->edit, c->bytes, c->filename, &c->path);
  g_task_return_boolean (task, TRUE);
}

/* Only the newest check is shown, and none once the dialog is gone. */
static void
check_done_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  TrancheEventEditor *self = TRANCHE_EVENT_EDITOR (source);
  Check *c = g_task_get_task_data (G_TASK (result));
  g_autofree char *text = NULL;

  if (!self->disposed && c->generation == self->check_generation)
    text = show_problems (self, c->problems, c->path);
}

/* A big file is copied and indexed for each check: that is done in a
 * worker thread, so that typing never waits for it. */
static gboolean
check_cb (gpointer user_data)
{
  TrancheEventEditor *self = user_data;
  g_autoptr(GTask) task = NULL;
  g_autofree char *text = NULL;
  Check *c;

  self->check_source = 0;
  c = check_new (self);
  if (g_bytes_get_size (c->bytes) < CHECK_IN_THREAD_BYTES)
    {
      c->problems = tranche_element_edit_check_bytes (&c->edit, c->bytes, c->filename,
                                                      &c->path);
      text = show_problems (self, c->problems, c->path);
      check_free (c);
      return G_SOURCE_REMOVE;
    }
  task = g_task_new (self, NULL, check_done_cb, NULL);
  g_task_set_task_data (task, c, (GDestroyNotify) check_free);
  g_task_run_in_thread (task, check_thread);
  return G_SOURCE_REMOVE;
}

static void
schedule_check (TrancheEventEditor *self)
{
  g_clear_handle_id (&self->check_source, g_source_remove);
  self->check_source = g_timeout_add (CHECK_DELAY_MS, check_cb, self);
}

/* An event with errors is left out of the charts when it is loaded: the
 * first Apply says so and asks again, so that it never vanishes unseen. */
static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  TrancheEventEditor *self = TRANCHE_EVENT_EDITOR (widget);
  g_autofree char *problems = tranche_event_editor_check_now (self);

  if (self->n_errors > 0 && !self->confirmed)
    {
      g_autofree char *text =
        /* Translators: the loader's messages come after this sentence */
        g_strdup_printf (_("With these errors the event is kept in the file but left out of "
                           "the charts until they are fixed.\n%s"), problems);

      self->confirmed = TRUE;
      gtk_label_set_text (self->problems_label, text);
      gtk_widget_set_visible (self->problems_group, TRUE);
      gtk_button_set_label (GTK_BUTTON (self->apply_button), _("Apply _Anyway"));
      gtk_button_set_use_underline (GTK_BUTTON (self->apply_button), TRUE);
      return;
    }
  tranche_event_editor_apply (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
investor_row_free (gpointer data)
{
  g_free (data);
}

static void
tranche_event_editor_dispose (GObject *object)
{
  TrancheEventEditor *self = TRANCHE_EVENT_EDITOR (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  self->disposed = TRUE;
  G_OBJECT_CLASS (tranche_event_editor_parent_class)->dispose (object);
}

static void
tranche_event_editor_finalize (GObject *object)
{
  TrancheEventEditor *self = TRANCHE_EVENT_EDITOR (object);

  g_clear_object (&self->session);
  g_clear_object (&self->document);
  g_clear_pointer (&self->touched, g_hash_table_unref);
  g_clear_pointer (&self->fields, g_hash_table_unref);
  g_clear_pointer (&self->investors, g_ptr_array_unref);
  g_clear_pointer (&self->citations, g_ptr_array_unref);
  G_OBJECT_CLASS (tranche_event_editor_parent_class)->finalize (object);
}

static void
tranche_event_editor_class_init (TrancheEventEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tranche_event_editor_dispose;
  object_class->finalize = tranche_event_editor_finalize;

  gtk_widget_class_install_action (widget_class, "editor.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "editor.apply", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "editor.apply", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
tranche_event_editor_init (TrancheEventEditor *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *page = adw_preferences_page_new ();

  self->index = -1;
  self->touched = g_hash_table_new (NULL, NULL);
  self->fields = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->investors = g_ptr_array_new_with_free_func (investor_row_free);
  self->citations = g_ptr_array_new_with_free_func (g_free);

  self->apply_button = gtk_button_new_with_mnemonic (_("_Apply"));
  gtk_widget_add_css_class (self->apply_button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->apply_button), "editor.apply");
  gtk_widget_set_tooltip_text (self->apply_button, _("Apply (Ctrl+Enter)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "editor.cancel");
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->apply_button);
  gtk_box_append (GTK_BOX (box), header);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  adw_window_set_content (ADW_WINDOW (self), box);

  self->filling = TRUE;
  build_form (self, ADW_PREFERENCES_PAGE (page));
  g_signal_handlers_disconnect_by_func (gtk_text_view_get_buffer (self->summary_view),
                                        _tranche_event_editor_touch, self);
  g_signal_connect (gtk_text_view_get_buffer (self->summary_view), "changed",
                    G_CALLBACK (summary_changed_cb), self);
  self->filling = FALSE;
}

TrancheEventEditor *
tranche_event_editor_new (GtkWindow      *parent,
                          TrancheSession *session,
                          int             index)
{
  TrancheEventEditor *self;
  int width = 640, height = 760;

  g_return_val_if_fail (TRANCHE_IS_SESSION (session), NULL);
  g_return_val_if_fail (tranche_session_get_document (session) != NULL, NULL);

  self = g_object_new (TRANCHE_TYPE_EVENT_EDITOR,
                       "modal", TRUE,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  /* The form is built before it knows the session: its completions come
   * from the dataset, so they are filled now. */
  self->session = g_object_ref (session);
  self->document = g_object_ref (tranche_session_get_document (session));
  self->index = index;
  tranche_editor_complete_entry (self->target_entry, tranche_session_get_dataset (session),
                                 TRANCHE_COMPLETE_ENTITIES);
  tranche_editor_complete_entry (self->fulfils_entry, tranche_session_get_dataset (session),
                                 TRANCHE_COMPLETE_COMMITMENTS);
  if (parent != NULL)
    {
      width = MIN (width, gtk_widget_get_width (GTK_WIDGET (parent)) - 48);
      height = MIN (height, gtk_widget_get_height (GTK_WIDGET (parent)) - 48);
    }
  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 400));

  if (index >= 0)
    {
      g_autoptr(JsonNode) node = tranche_document_dup_element (self->document,
                                                               TRANCHE_DOCUMENT_EVENTS, index);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Event"));
      if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
        _tranche_event_editor_fill (self, json_node_get_object (node));
    }
  else
    {
      g_autofree char *id = tranche_element_edit_new_id (self->document,
                                                         TRANCHE_DOCUMENT_EVENTS, "event");
      g_autoptr(JsonObject) empty = json_object_new ();

      gtk_window_set_title (GTK_WINDOW (self), _("New Event"));
      gtk_button_set_label (GTK_BUTTON (self->apply_button), _("_Add"));
      gtk_button_set_use_underline (GTK_BUTTON (self->apply_button), TRUE);
      _tranche_event_editor_fill (self, empty);
      self->filling = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->id_row), id);
      /* A new event is an investment, which has an amount: its figure is
       * what the analyst types next. */
      adw_combo_row_set_selected (ADW_COMBO_ROW (self->amount_form_row), AMOUNT_EXACT);
      self->filling = FALSE;
    }
  _tranche_event_editor_update_amount_rows (self);
  gtk_widget_grab_focus (self->title_row);
  return self;
}

static void
share_changed_cb (TrancheEventEditor *self)
{
  _tranche_event_editor_touch (self, "investors");
}

void
tranche_event_editor_add_investor (TrancheEventEditor *self,
                                   const char         *entity,
                                   gboolean            lead,
                                   const char         *share)
{
  InvestorRow *row;
  GtkWidget *remove;

  g_return_if_fail (TRANCHE_IS_EVENT_EDITOR (self));

  row = g_new0 (InvestorRow, 1);
  row->row = adw_action_row_new ();
  row->entity = GTK_ENTRY (gtk_entry_new ());
  row->lead = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Lead")));
  row->share = GTK_ENTRY (gtk_entry_new ());
  remove = remove_button (_("Remove the investor"));

  gtk_entry_set_placeholder_text (row->entity, _("Entity"));
  gtk_entry_set_placeholder_text (row->share, _("Share"));
  gtk_editable_set_width_chars (GTK_EDITABLE (row->share), 8);
  gtk_widget_set_hexpand (GTK_WIDGET (row->entity), TRUE);
  for (GtkWidget *w = GTK_WIDGET (row->entity); w != NULL;
       w = w == GTK_WIDGET (row->entity) ? GTK_WIDGET (row->lead)
         : w == GTK_WIDGET (row->lead) ? GTK_WIDGET (row->share)
         : w == GTK_WIDGET (row->share) ? remove : NULL)
    {
      gtk_widget_set_valign (w, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row->row), w);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->entity), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Investor"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->share), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Investor's share of the amount"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove the investor"), -1);
  tranche_editor_complete_entry (row->entity, tranche_session_get_dataset (self->session),
                                 TRANCHE_COMPLETE_ENTITIES);
  gtk_editable_set_text (GTK_EDITABLE (row->entity), entity ? entity : "");
  gtk_check_button_set_active (row->lead, lead);
  gtk_editable_set_text (GTK_EDITABLE (row->share), share ? share : "");
  g_signal_connect_swapped (row->entity, "changed", G_CALLBACK (share_changed_cb), self);
  g_signal_connect_swapped (row->share, "changed", G_CALLBACK (share_changed_cb), self);
  g_signal_connect_swapped (row->lead, "toggled", G_CALLBACK (share_changed_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_investor_cb), self);

  adw_preferences_group_add (self->investors_group, row->row);
  g_ptr_array_add (self->investors, row);
  _tranche_event_editor_touch (self, "investors");
}

static void
citation_changed_cb (TrancheEventEditor *self)
{
  _tranche_event_editor_touch (self, "sources");
}

void
tranche_event_editor_add_citation (TrancheEventEditor *self,
                                   const char         *source,
                                   const char         *quote,
                                   gboolean            paraphrase)
{
  CitationRow *row;
  GtkWidget *remove;
  GtkWidget *source_row;

  g_return_if_fail (TRANCHE_IS_EVENT_EDITOR (self));

  row = g_new0 (CitationRow, 1);
  source_row = tranche_editor_completing_row (_("Source"),
                                              tranche_session_get_dataset (self->session),
                                              TRANCHE_COMPLETE_SOURCES, &row->source);
  row->row = source_row;
  row->paraphrase = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("_Paraphrase")));
  gtk_widget_set_valign (GTK_WIDGET (row->paraphrase), GTK_ALIGN_CENTER);
  remove = remove_button (_("Remove the citation"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove the citation"), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (source_row), GTK_WIDGET (row->paraphrase));
  adw_action_row_add_suffix (ADW_ACTION_ROW (source_row), remove);
  row->quote = tranche_editor_entry_row (_("Quote"));

  gtk_editable_set_text (GTK_EDITABLE (row->source), source ? source : "");
  gtk_editable_set_text (GTK_EDITABLE (row->quote), quote ? quote : "");
  gtk_check_button_set_active (row->paraphrase, paraphrase);
  g_signal_connect_swapped (row->source, "changed", G_CALLBACK (citation_changed_cb), self);
  g_signal_connect_swapped (row->quote, "changed", G_CALLBACK (citation_changed_cb), self);
  g_signal_connect_swapped (row->paraphrase, "toggled", G_CALLBACK (citation_changed_cb), self);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_citation_cb), self);

  adw_preferences_group_add (self->citations_group, row->row);
  adw_preferences_group_add (self->citations_group, row->quote);
  g_ptr_array_add (self->citations, row);
  _tranche_event_editor_touch (self, "sources");
}

GtkWidget *
tranche_event_editor_get_field (TrancheEventEditor *self,
                                const char         *name)
{
  g_return_val_if_fail (TRANCHE_IS_EVENT_EDITOR (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  register_list_fields (self);
  if (g_str_equal (name, "amount.form"))
    return self->amount_form_row;
  if (g_str_equal (name, "precision"))
    return self->precision_row;
  return g_hash_table_lookup (self->fields, name);
}

char *
tranche_event_editor_check_now (TrancheEventEditor *self)
{
  g_return_val_if_fail (TRANCHE_IS_EVENT_EDITOR (self), NULL);

  g_clear_handle_id (&self->check_source, g_source_remove);
  return check (self);
}

gboolean
tranche_event_editor_apply (TrancheEventEditor *self)
{
  g_autoptr(GPtrArray) new_entities = g_ptr_array_new_with_free_func
                                        ((GDestroyNotify) json_node_unref);
  g_autoptr(JsonObject) event = NULL;
  g_autoptr(GPtrArray) touched = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GHashTableIter iter;
  gpointer member;
  TrancheElementEdit edit = { .array = TRANCHE_DOCUMENT_EVENTS, .index = self->index };
  TrancheDataset *dataset;
  JsonNode *id;

  g_return_val_if_fail (TRANCHE_IS_EVENT_EDITOR (self), FALSE);

  event = _tranche_event_editor_build (self, new_entities);
  g_hash_table_iter_init (&iter, self->touched);
  while (g_hash_table_iter_next (&iter, &member, NULL))
    g_ptr_array_add (touched, member);
  g_ptr_array_add (touched, NULL);
  edit.edited = event;
  edit.touched = self->index >= 0 ? (const char * const *) touched->pdata : NULL;
  edit.new_entities = new_entities;

  if (!tranche_element_edit_apply (&edit, self->document, NULL, &error))
    {
      gtk_label_set_text (self->problems_label, error->message);
      gtk_widget_set_visible (self->problems_group, TRUE);
      return FALSE;
    }
  /* The window swapped the new dataset in as the document changed: show
   * the event there. */
  dataset = tranche_session_get_dataset (self->session);
  id = json_object_get_member (event, "id");
  if (dataset != NULL && id != NULL && json_node_get_value_type (id) == G_TYPE_STRING)
    {
      guint found = tranche_dataset_find_event (dataset, json_node_get_string (id));
      if (found != G_MAXUINT && found < tranche_dataset_get_n_events (dataset))
        tranche_session_set_selected (self->session, found);
    }
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}
