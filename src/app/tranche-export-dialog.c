/* tranche-export-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "tranche-deck.h"
#include "tranche-export-dialog.h"
#include "tranche-format.h"
#include "tranche-settings.h"

typedef enum
{
  WHAT_VIEW = 0,
  WHAT_DATASET,
  WHAT_TIMELINE,
  WHAT_VALUATION,
  WHAT_CUMULATIVE,
  WHAT_DECK,
  N_WHAT
} What;

typedef enum
{
  SIZE_WINDOW = 0,
  SIZE_SLIDE,
  SIZE_4K,
  SIZE_A4,
  SIZE_CUSTOM,
  N_SIZES
} SizePreset;

typedef enum
{
  THEME_LIGHT = 0,
  THEME_DARK,
  THEME_TRANSPARENT,
  N_THEMES
} ThemeChoice;

/* Settings nicks, in the order of the lists above. */
static const char * const what_nicks[] = {
  "view", "dataset", "timeline", "valuation", "cumulative", "deck"
};
static const char * const format_nicks[] = { "png", "svg", "pdf" };
static const char * const size_nicks[] = { "window", "slide", "4k", "a4", "custom" };
static const char * const theme_nicks[] = { "light", "dark", "transparent" };
static const char * const extensions[] = { ".png", ".svg", ".pdf" };

struct _TrancheExportDialog
{
  AdwWindow             parent_instance;

  TrancheExportContext *context;
  AdwToastOverlay      *toasts;
  GSettings            *settings;
  GCancellable         *cancellable;
  gboolean              busy;

  AdwComboRow          *what_row;
  AdwComboRow          *format_row;
  AdwComboRow          *size_row;
  AdwActionRow         *custom_row;
  GtkSpinButton        *width_spin;
  GtkSpinButton        *height_spin;
  AdwActionRow         *scale_row;
  GtkSpinButton        *scale_spin;
  AdwComboRow          *theme_row;
  AdwPreferencesGroup  *labels_group;
  GtkSwitch            *title_switch;
  AdwEntryRow          *title_entry;     /* empty: the dataset's title */
  AdwEntryRow          *subtitle_entry;  /* empty: the events, years and currency */
  GtkSwitch            *footer_switch;
  GtkLabel             *problem_label;
  GtkButton            *export_button;
};

G_DEFINE_FINAL_TYPE (TrancheExportDialog, tranche_export_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  TrancheDataset       *dataset;
  GBytes               *mask;
  TrancheExportOptions  options;
  char                 *title;     /* options.title and subtitle point here */
  char                 *subtitle;
  char                 *path;
  GFile                *file;
  gboolean              deck;
  guint                 n_pages;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_clear_pointer (&job->dataset, tranche_dataset_unref);
  g_clear_pointer (&job->mask, g_bytes_unref);
  g_clear_pointer (&job->path, g_free);
  g_clear_pointer (&job->title, g_free);
  g_clear_pointer (&job->subtitle, g_free);
  g_clear_object (&job->file);
  g_free (job);
}

static guint
nick_index (const char * const *nicks,
            guint               n,
            const char         *nick)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (nicks[i], nick) == 0)
      return i;
  return 0;
}

static GListModel *
string_list (const char * const *items,
             guint               n)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, items[i]);
  return G_LIST_MODEL (list);
}

static TranchePrecision
precision_for (TrancheDay first,
               TrancheDay end)
{
  if (end - first > 365.2425 * 6)
    return TRANCHE_PRECISION_YEAR;
  if (end - first > 62)
    return TRANCHE_PRECISION_MONTH;
  return TRANCHE_PRECISION_DAY;
}

static char *
describe_events (TrancheExportDialog *self)
{
  guint n = tranche_dataset_get_n_events (self->context->dataset);

  if (self->context->mask != NULL)
    /* Translators: in the export dialog, when a filter is on */
    return g_strdup_printf (ngettext ("%u of %u event (filtered)", "%u of %u events (filtered)",
                                      n), self->context->n_shown, n);
  return g_strdup_printf (ngettext ("%u event", "%u events", n), n);
}

/* What the "Content" row says about its choice. */
static char *
describe_what (TrancheExportDialog *self,
               What                 what)
{
  g_autofree char *events = describe_events (self);
  const TrancheExportContext *c = self->context;

  switch (what)
    {
    case WHAT_DATASET:
      /* Translators: export dialog, "Every date · 13 events" */
      return g_strdup_printf (_("Every date · %s"), events);
    case WHAT_DECK:
      {
        guint pages = c->n_shown + 1;
        /* Translators: export dialog, "A title page, then one per event: 14 pages" */
        return g_strdup_printf (ngettext ("A title page, then one per event: %u page",
                                          "A title page, then one per event: %u pages", pages),
                                pages);
      }
    case WHAT_VIEW:
    case WHAT_TIMELINE:
    case WHAT_VALUATION:
    case WHAT_CUMULATIVE:
    case N_WHAT:
    default:
      if (isfinite (c->first) && isfinite (c->end))
        {
          TranchePrecision precision = precision_for (c->first, c->end);
          g_autofree char *from = tranche_format_day (c->first, precision);
          g_autofree char *to = tranche_format_day (c->end - 1, precision);
          /* Translators: export dialog, the window's range: "Sep 2017 – Apr 2024 · 13 events" */
          return g_strdup_printf (_("%s – %s · %s"), from, to, events);
        }
      return g_strdup (events);
    }
}

static void
size_for (TrancheExportDialog *self,
          SizePreset           preset,
          int                 *width,
          int                 *height)
{
  switch (preset)
    {
    case SIZE_WINDOW:
      *width = CLAMP (self->context->view_width, 200, 16384);
      *height = CLAMP (self->context->view_height, 150, 16384);
      break;
    case SIZE_4K:
      *width = TRANCHE_EXPORT_4K_WIDTH;
      *height = TRANCHE_EXPORT_4K_HEIGHT;
      break;
    case SIZE_A4:
      *width = TRANCHE_EXPORT_A4_WIDTH;
      *height = TRANCHE_EXPORT_A4_HEIGHT;
      break;
    case SIZE_CUSTOM:
      *width = gtk_spin_button_get_value_as_int (self->width_spin);
      *height = gtk_spin_button_get_value_as_int (self->height_spin);
      break;
    case SIZE_SLIDE:
    case N_SIZES:
    default:
      *width = TRANCHE_EXPORT_SLIDE_WIDTH;
      *height = TRANCHE_EXPORT_SLIDE_HEIGHT;
      break;
    }
}

static void
update_state (TrancheExportDialog *self)
{
  What what = adw_combo_row_get_selected (self->what_row);
  TrancheExportFormat format = adw_combo_row_get_selected (self->format_row);
  g_autofree char *subtitle = describe_what (self, what);
  g_autofree char *message = NULL;
  TrancheExportOptions options;
  gboolean deck, ok;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->what_row), subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->custom_row),
                          adw_combo_row_get_selected (self->size_row) == SIZE_CUSTOM);
  /* Vectors are sharp at any size: density is for PNG only. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->scale_row), format == TRANCHE_EXPORT_PNG);
  /* A deck's pages are slides: their own title page, no footer. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->labels_group), what != WHAT_DECK);

  ok = tranche_export_dialog_get_options (self, &options, &deck, &message);
  gtk_label_set_text (self->problem_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), message != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file", ok && !self->busy);
}

static void
save_settings (TrancheExportDialog *self)
{
  GSettings *s = self->settings;

  g_settings_delay (s);
  g_settings_set_string (s, "export-what", what_nicks[adw_combo_row_get_selected (self->what_row)]);
  g_settings_set_string (s, "export-format",
                         format_nicks[adw_combo_row_get_selected (self->format_row)]);
  g_settings_set_string (s, "export-size", size_nicks[adw_combo_row_get_selected (self->size_row)]);
  g_settings_set (s, "export-custom-size", "(ii)",
                  gtk_spin_button_get_value_as_int (self->width_spin),
                  gtk_spin_button_get_value_as_int (self->height_spin));
  g_settings_set_double (s, "export-scale", gtk_spin_button_get_value (self->scale_spin));
  g_settings_set_string (s, "export-theme",
                         theme_nicks[adw_combo_row_get_selected (self->theme_row)]);
  g_settings_set_boolean (s, "export-title", gtk_switch_get_active (self->title_switch));
  g_settings_set_boolean (s, "export-footer", gtk_switch_get_active (self->footer_switch));
  g_settings_apply (s);
}

static void
load_settings (TrancheExportDialog *self)
{
  GSettings *s = self->settings;
  g_autofree char *what = g_settings_get_string (s, "export-what");
  g_autofree char *format = g_settings_get_string (s, "export-format");
  g_autofree char *size = g_settings_get_string (s, "export-size");
  g_autofree char *theme = g_settings_get_string (s, "export-theme");
  int width, height;

  adw_combo_row_set_selected (self->what_row, nick_index (what_nicks, N_WHAT, what));
  adw_combo_row_set_selected (self->format_row, nick_index (format_nicks, 3, format));
  adw_combo_row_set_selected (self->size_row, nick_index (size_nicks, N_SIZES, size));
  g_settings_get (s, "export-custom-size", "(ii)", &width, &height);
  gtk_spin_button_set_value (self->width_spin, width);
  gtk_spin_button_set_value (self->height_spin, height);
  gtk_spin_button_set_value (self->scale_spin, g_settings_get_double (s, "export-scale"));
  adw_combo_row_set_selected (self->theme_row, nick_index (theme_nicks, N_THEMES, theme));
  gtk_switch_set_active (self->title_switch, g_settings_get_boolean (s, "export-title"));
  gtk_switch_set_active (self->footer_switch, g_settings_get_boolean (s, "export-footer"));
}

static void
open_result_cb (AdwToast *toast,
                gpointer  user_data)
{
  const char *uri = g_object_get_data (G_OBJECT (toast), "uri");

  if (uri != NULL)
    gtk_show_uri (NULL, uri, GDK_CURRENT_TIME);
}

static void
show_error (TrancheExportDialog *self,
            const char          *message)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Could Not Export"), NULL));
  /* Plain text: messages name files, which may hold anything. */
  adw_message_dialog_set_body_use_markup (dialog, FALSE);
  adw_message_dialog_set_body (dialog, message);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  gboolean ok;

  job->options.mask = job->mask;
  if (job->deck)
    ok = tranche_deck_export (job->dataset, job->path, &job->options, &job->n_pages, &error);
  else
    ok = tranche_export_dataset (job->dataset, job->path, &job->options, &error);
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  TrancheExportDialog *self = TRANCHE_EXPORT_DIALOG (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  g_autofree char *escaped = NULL;
  AdwToast *toast;

  /* Closed while writing: the file is written, the dialog is gone. */
  if (g_cancellable_is_cancelled (self->cancellable))
    return;
  self->busy = FALSE;
  update_state (self);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }

  save_settings (self);
  {
    g_autoptr(GFile) parent = g_file_get_parent (job->file);
    g_autofree char *folder = parent != NULL ? g_file_get_path (parent) : NULL;
    if (folder != NULL)
      g_settings_set_string (self->settings, "export-folder", folder);
  }

  name = g_file_get_basename (job->file);
  if (job->deck && tranche_deck_output_is_folder (job->path))
    /* Translators: a toast after a deck export to a folder of images */
    text = g_strdup_printf (ngettext ("Exported %u page into “%s”", "Exported %u pages into “%s”",
                                      job->n_pages), job->n_pages, name);
  else
    /* Translators: a toast after an export */
    text = g_strdup_printf (_("Exported “%s”"), name);
  /* Toast titles are markup in libadwaita 1.2; file names are not. */
  escaped = g_markup_escape_text (text, -1);
  toast = adw_toast_new (escaped);
  adw_toast_set_button_label (toast, _("_Open"));
  g_object_set_data_full (G_OBJECT (toast), "uri", g_file_get_uri (job->file), g_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (open_result_cb), NULL);
  adw_toast_overlay_add_toast (self->toasts, toast);
  gtk_window_close (GTK_WINDOW (self));
}

/* The file's name with the extension of the chosen format. */
static GFile *
with_extension (GFile               *file,
                TrancheExportFormat  format)
{
  g_autofree char *path = g_file_get_path (file);
  TrancheExportFormat given;
  g_autofree char *fixed = NULL;

  if (path == NULL || (tranche_export_format_for_filename (path, &given) && given == format))
    return g_object_ref (file);
  fixed = g_strconcat (path, extensions[format], NULL);
  return g_file_new_for_path (fixed);
}

static void
start_export (TrancheExportDialog *self,
              GFile               *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *message = NULL;
  ExportJob *job;

  job = g_new0 (ExportJob, 1);
  if (!tranche_export_dialog_get_options (self, &job->options, &job->deck, &message))
    {
      export_job_free (job);
      show_error (self, message);
      return;
    }
  /* The job outlives the entries' text: it keeps its own. */
  job->title = g_strdup (job->options.title);
  job->subtitle = g_strdup (job->options.subtitle);
  job->options.title = job->title;
  job->options.subtitle = job->subtitle;
  job->path = g_file_get_path (file);
  if (job->path == NULL)
    {
      export_job_free (job);
      show_error (self, _("Only local files can be written"));
      return;
    }
  if (job->deck && adw_combo_row_get_selected (self->format_row) == TRANCHE_EXPORT_PNG
      && !g_str_has_suffix (job->path, G_DIR_SEPARATOR_S))
    {
      /* A folder of images: core knows a folder by its final separator. */
      char *folder = g_strconcat (job->path, G_DIR_SEPARATOR_S, NULL);
      g_free (job->path);
      job->path = folder;
    }
  job->file = g_object_ref (file);
  job->dataset = tranche_dataset_ref (self->context->dataset);
  job->mask = self->context->mask != NULL ? g_bytes_ref (self->context->mask) : NULL;

  self->busy = TRUE;
  update_state (self);
  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_thread);
}

static void
replace_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  TrancheExportDialog *self = TRANCHE_EXPORT_DIALOG (user_data);
  GFile *file = g_object_get_data (G_OBJECT (dialog), "file");

  if (g_strcmp0 (response, "replace") == 0)
    start_export (self, file);
}

/* Asks before replacing what the file chooser did not ask about: a file
 * whose extension we added, or the pages of an older deck. */
static void
confirm_and_export (TrancheExportDialog *self,
                    GFile               *file,
                    const char          *heading,
                    const char          *body)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  adw_message_dialog_set_heading_use_markup (dialog, FALSE);
  adw_message_dialog_set_heading (dialog, heading);
  adw_message_dialog_set_body_use_markup (dialog, FALSE);
  adw_message_dialog_set_body (dialog, body);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "replace", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "file", g_object_ref (file), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (replace_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  TrancheExportDialog *self = TRANCHE_EXPORT_DIALOG (user_data);
  g_autoptr(GFile) chosen = NULL;
  TrancheExportFormat format = adw_combo_row_get_selected (self->format_row);
  gboolean folder = g_object_get_data (G_OBJECT (chooser), "folder") != NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  if (chosen == NULL)
    return;

  if (folder)
    {
      g_autofree char *path = g_file_get_path (chosen);
      g_autofree char *name = g_file_get_basename (chosen);
      guint pages = path != NULL ? tranche_deck_count_pages (path) : 0;

      if (pages > 0)
        {
          g_autofree char *heading = g_strdup_printf (_("Replace the Deck in “%s”?"), name);
          g_autofree char *body =
            /* Translators: the folder already has deck-01.png, deck-02.png… */
            g_strdup_printf (ngettext ("The folder has %u page of an earlier deck. Its pages "
                                       "will be replaced by the new ones.",
                                       "The folder has %u pages of an earlier deck. Its pages "
                                       "will be replaced by the new ones.", pages), pages);
          confirm_and_export (self, chosen, heading, body);
        }
      else
        start_export (self, chosen);
      return;
    }

  {
    g_autoptr(GFile) file = with_extension (chosen, format);

    /* The chooser asked about the name it was given; a name we changed
     * gets its own question. */
    if (!g_file_equal (file, chosen) && g_file_query_exists (file, NULL))
      {
        g_autofree char *name = g_file_get_basename (file);
        g_autofree char *heading = g_strdup_printf (_("Replace “%s”?"), name);

        confirm_and_export (self, file, heading,
                            _("A file with this name already exists. Replacing it will "
                              "overwrite its contents."));
      }
    else
      start_export (self, file);
  }
}

static char *
suggested_name (TrancheExportDialog *self,
                What                 what,
                TrancheExportFormat  format)
{
  const char *base = self->context->name != NULL ? self->context->name : "tranche";
  static const char * const suffixes[] = {
    "", "", "-timeline", "-valuation", "-cumulative", "-deck"
  };

  if (what == WHAT_DECK && format == TRANCHE_EXPORT_PNG)
    return g_strconcat (base, suffixes[what], NULL);
  return g_strconcat (base, suffixes[what], extensions[format], NULL);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TrancheExportDialog *self = TRANCHE_EXPORT_DIALOG (widget);
  What what = adw_combo_row_get_selected (self->what_row);
  TrancheExportFormat format = adw_combo_row_get_selected (self->format_row);
  gboolean folder = what == WHAT_DECK && format == TRANCHE_EXPORT_PNG;
  g_autofree char *last = g_settings_get_string (self->settings, "export-folder");
  g_autofree char *name = suggested_name (self, what, format);
  g_autoptr(GFile) start = NULL;
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (folder ? _("Choose a Folder for the Deck’s Images")
                                                : _("Export As"),
                                         GTK_WINDOW (self),
                                         folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER
                                                : GTK_FILE_CHOOSER_ACTION_SAVE,
                                         folder ? _("_Select") : _("_Export"), _("_Cancel"));
  if (*last != '\0' && g_file_test (last, G_FILE_TEST_IS_DIR))
    start = g_file_new_for_path (last);
  else if (self->context->folder != NULL)
    start = g_object_ref (self->context->folder);
  if (start != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), start, NULL);
  if (!folder)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  else
    g_object_set_data (G_OBJECT (chooser), "folder", GINT_TO_POINTER (1));

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
tranche_export_dialog_dispose (GObject *object)
{
  TrancheExportDialog *self = TRANCHE_EXPORT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRANCHE_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (tranche_export_dialog_parent_class)->dispose (object);
}

static void
tranche_export_dialog_finalize (GObject *object)
{
  TrancheExportDialog *self = TRANCHE_EXPORT_DIALOG (object);

  g_clear_pointer (&self->context, tranche_export_context_free);
  g_clear_object (&self->toasts);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (tranche_export_dialog_parent_class)->finalize (object);
}

static void
tranche_export_dialog_class_init (TrancheExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tranche_export_dialog_dispose;
  object_class->finalize = tranche_export_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tranche/Tranche/tranche-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, TrancheExportDialog, what_row);
  gtk_widget_class_bind_template_child (widget_class, TrancheExportDialog, format_row);
  gtk_widget_class_bind_template_child (widget_class, TrancheExportDialog, size_row);
  gtk_widget_class_bind_template_child (widget_class, TrancheExportDialog, custom_row);
  gtk_widget_class_bind_template_child (widget_class, TrancheExportDialog, width_spin);
  gtk_widget_class_bind_template_child (widget_class, TrancheExportDialog, height_spin);
  gtk_widget_class_bind_template_child (widget_class, TrancheExportDialog, scale_row);
  gtk_widget_class_bind_template_child (widget_class, TrancheExportDialog, scale_spin);
  gtk_widget_class_bind_template_child (widget_class, TrancheExportDialog, theme_row);
  gtk_widget_class_bind_template_child (widget_class, TrancheExportDialog, labels_group);
  gtk_widget_class_bind_template_child (widget_class, TrancheExportDialog, title_switch);
  gtk_widget_class_bind_template_child (widget_class, TrancheExportDialog, title_entry);
  gtk_widget_class_bind_template_child (widget_class, TrancheExportDialog, subtitle_entry);
  gtk_widget_class_bind_template_child (widget_class, TrancheExportDialog, footer_switch);
  gtk_widget_class_bind_template_child (widget_class, TrancheExportDialog, problem_label);
  gtk_widget_class_bind_template_child (widget_class, TrancheExportDialog, export_button);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
tranche_export_dialog_init (TrancheExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->settings = tranche_settings_new ();
  self->cancellable = g_cancellable_new ();
}

TrancheExportDialog *
tranche_export_dialog_new (GtkWindow            *parent,
                           TrancheExportContext *context,
                           AdwToastOverlay      *toasts)
{
  TrancheExportDialog *self;
  g_autofree char *window_size = NULL;
  const char *what[N_WHAT];
  const char *sizes[N_SIZES];
  const char *formats[3];
  const char *themes[N_THEMES];
  GObject *rows[4];
  g_autoptr(GListModel) what_model = NULL;
  g_autoptr(GListModel) format_model = NULL;
  g_autoptr(GListModel) size_model = NULL;
  g_autoptr(GListModel) theme_model = NULL;

  g_return_val_if_fail (context != NULL, NULL);
  g_return_val_if_fail (ADW_IS_TOAST_OVERLAY (toasts), NULL);

  self = g_object_new (TRANCHE_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->context = context;
  self->toasts = g_object_ref (toasts);

  what[WHAT_VIEW] = _("Current View");
  what[WHAT_DATASET] = _("Whole Dataset");
  what[WHAT_TIMELINE] = _("Timeline Only");
  what[WHAT_VALUATION] = _("Valuation Chart Only");
  what[WHAT_CUMULATIVE] = _("Cumulative Funding Chart Only");
  what[WHAT_DECK] = _("Presentation Deck");
  formats[TRANCHE_EXPORT_PNG] = _("PNG Image");
  formats[TRANCHE_EXPORT_SVG] = _("SVG Drawing");
  formats[TRANCHE_EXPORT_PDF] = _("PDF Document");
  /* Translators: export size preset, the charts' size in the window */
  window_size = g_strdup_printf (_("Window (%d × %d)"), CLAMP (context->view_width, 200, 16384),
                                 CLAMP (context->view_height, 150, 16384));
  sizes[SIZE_WINDOW] = window_size;
  sizes[SIZE_SLIDE] = _("Slide (1920 × 1080)");
  sizes[SIZE_4K] = _("4K (3840 × 2160)");
  sizes[SIZE_A4] = _("A4 Landscape (842 × 595 pt)");
  sizes[SIZE_CUSTOM] = _("Custom");
  themes[THEME_LIGHT] = _("Light");
  themes[THEME_DARK] = _("Dark");
  themes[THEME_TRANSPARENT] = _("Transparent (PNG)");

  what_model = string_list (what, N_WHAT);
  format_model = string_list (formats, 3);
  size_model = string_list (sizes, N_SIZES);
  theme_model = string_list (themes, N_THEMES);
  adw_combo_row_set_model (self->what_row, what_model);
  adw_combo_row_set_model (self->format_row, format_model);
  adw_combo_row_set_model (self->size_row, size_model);
  adw_combo_row_set_model (self->theme_row, theme_model);
  load_settings (self);

  rows[0] = G_OBJECT (self->what_row);
  rows[1] = G_OBJECT (self->format_row);
  rows[2] = G_OBJECT (self->size_row);
  rows[3] = G_OBJECT (self->theme_row);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    g_signal_connect_object (rows[i], "notify::selected", G_CALLBACK (update_state), self,
                             G_CONNECT_SWAPPED);
  g_signal_connect_object (self->width_spin, "value-changed", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->height_spin, "value-changed", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->scale_spin, "value-changed", G_CALLBACK (update_state), self,
                           G_CONNECT_SWAPPED);
  update_state (self);
  return self;
}

/* An entry's text from its first non-space character, or NULL when blank
 * (the export then writes its own); borrowed from the entry. */
static const char *
text_or_null (GtkEditable *editable)
{
  const char *text = gtk_editable_get_text (editable);

  while (g_ascii_isspace (*text))
    text++;
  return *text != '\0' ? text : NULL;
}

gboolean
tranche_export_dialog_get_options (TrancheExportDialog  *self,
                                   TrancheExportOptions *options,
                                   gboolean             *deck,
                                   char                **message)
{
  What what;
  TrancheExportFormat format;
  ThemeChoice theme;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (TRANCHE_IS_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (options != NULL && deck != NULL, FALSE);

  what = adw_combo_row_get_selected (self->what_row);
  format = adw_combo_row_get_selected (self->format_row);
  theme = adw_combo_row_get_selected (self->theme_row);
  tranche_export_options_init (options);
  size_for (self, adw_combo_row_get_selected (self->size_row), &options->width,
            &options->height);
  options->scale = format == TRANCHE_EXPORT_PNG ? gtk_spin_button_get_value (self->scale_spin)
                                                : 1;
  options->theme = theme == THEME_DARK ? TRANCHE_THEME_DARK : TRANCHE_THEME_LIGHT;
  options->transparent = theme == THEME_TRANSPARENT;
  options->lane_mode = self->context->lane_mode;
  options->mask = self->context->mask;
  options->show_title = gtk_switch_get_active (self->title_switch);
  options->title = text_or_null (GTK_EDITABLE (self->title_entry));
  options->subtitle = text_or_null (GTK_EDITABLE (self->subtitle_entry));
  options->show_footer = gtk_switch_get_active (self->footer_switch);
  if (what != WHAT_DATASET && what != WHAT_DECK)
    {
      options->first = self->context->first;
      options->end = self->context->end;
    }
  switch (what)
    {
    case WHAT_TIMELINE:
      options->views = TRANCHE_STACK_TIMELINE;
      break;
    case WHAT_VALUATION:
      options->views = TRANCHE_STACK_VALUATION;
      break;
    case WHAT_CUMULATIVE:
      options->views = TRANCHE_STACK_CUMULATIVE;
      break;
    case WHAT_VIEW:
    case WHAT_DATASET:
    case WHAT_DECK:
    case N_WHAT:
    default:
      options->views = self->context->views;
      break;
    }
  /* The window's own size reads at the window's type size. */
  if (adw_combo_row_get_selected (self->size_row) == SIZE_WINDOW)
    options->type_scale = 1;
  *deck = what == WHAT_DECK;

  if (*deck && format == TRANCHE_EXPORT_SVG)
    {
      if (message != NULL)
        *message = g_strdup (_("A presentation deck is a PDF document, or PNG images in a "
                               "folder: choose PDF or PNG."));
      return FALSE;
    }
  if (options->transparent && (format != TRANCHE_EXPORT_PNG || *deck))
    {
      if (message != NULL)
        *message = g_strdup (*deck ? _("Deck pages have a background: choose Light or Dark.")
                                   : _("Only PNG images can have a transparent background: "
                                       "choose PNG, or Light or Dark."));
      return FALSE;
    }
  if (!tranche_export_check_options (options, format, &error))
    {
      if (message != NULL)
        *message = g_strdup (error->message);
      return FALSE;
    }
  if (message != NULL)
    *message = NULL;
  return TRUE;
}

void
tranche_export_dialog_export_to (TrancheExportDialog *self,
                                 GFile               *file)
{
  g_return_if_fail (TRANCHE_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (file));

  start_export (self, file);
}
