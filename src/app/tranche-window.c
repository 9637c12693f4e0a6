/* tranche-window.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "tranche-loader.h"
#include "tranche-window.h"

#define SAMPLE_RESOURCE "/org/tranche/Tranche/samples/microsoft-openai.json"

struct _TrancheWindow
{
  AdwApplicationWindow  parent_instance;

  TrancheDataset       *dataset;

  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwStatusPage        *summary_page;
  AdwStatusPage        *error_page;
};

G_DEFINE_FINAL_TYPE (TrancheWindow, tranche_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATASET,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_dataset (TrancheWindow *self)
{
  const char *title = tranche_dataset_get_title (self->dataset);
  guint n = tranche_dataset_get_n_events (self->dataset);
  g_autofree char *count = g_strdup_printf (ngettext ("%u event", "%u events", n), n);

  if (title == NULL || *title == '\0')
    title = _("Untitled dataset");
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, count);
  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_status_page_set_title (self->summary_page, title);
  adw_status_page_set_description (self->summary_page, count);
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->summary_page));
}

static void
show_problems (TrancheWindow      *self,
               const char         *display_name,
               TrancheDiagnostics *diagnostics,
               const GError       *error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  if (diagnostics != NULL)
    for (guint i = 0; i < tranche_diagnostics_get_length (diagnostics) && i < 20; i++)
      {
        g_autofree char *line =
          tranche_diagnostic_to_string (tranche_diagnostics_get (diagnostics, i), NULL);
        g_string_append_printf (text, "%s%s", text->len ? "\n" : "", line);
      }
  if (text->len == 0 && error != NULL)
    g_string_append (text, error->message);

  /* Keep what is open: only an empty window shows the error page. */
  if (self->dataset != NULL)
    {
      g_warning ("%s: %s", display_name, text->str);
      return;
    }
  adw_status_page_set_title (self->error_page, display_name);
  /* Status page descriptions are markup; file text must stay text. */
  {
    g_autofree char *escaped = g_markup_escape_text (text->str, -1);
    adw_status_page_set_description (self->error_page, escaped);
  }
  gtk_stack_set_visible_child (self->stack, GTK_WIDGET (self->error_page));
}

static void
set_dataset (TrancheWindow  *self,
             TrancheDataset *dataset)
{
  if (self->dataset == dataset)
    return;
  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  self->dataset = dataset ? tranche_dataset_ref (dataset) : NULL;
  if (self->dataset != NULL)
    show_dataset (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATASET]);
}

static void
tranche_window_dispose (GObject *object)
{
  TrancheWindow *self = TRANCHE_WINDOW (object);

  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), TRANCHE_TYPE_WINDOW);
  G_OBJECT_CLASS (tranche_window_parent_class)->dispose (object);
}

static void
tranche_window_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TrancheWindow *self = TRANCHE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATASET:
      g_value_set_boxed (value, self->dataset);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tranche_window_class_init (TrancheWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tranche_window_dispose;
  object_class->get_property = tranche_window_get_property;

  properties[PROP_DATASET] =
    g_param_spec_boxed ("dataset", NULL, NULL, TRANCHE_TYPE_DATASET,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/tranche/Tranche/tranche-window.ui");
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, summary_page);
  gtk_widget_class_bind_template_child (widget_class, TrancheWindow, error_page);
}

static void
tranche_window_init (TrancheWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

TrancheWindow *
tranche_window_new (TrancheApplication *application)
{
  return g_object_new (TRANCHE_TYPE_WINDOW, "application", application, NULL);
}

void
tranche_window_open_file (TrancheWindow *self,
                          GFile         *file)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;

  g_return_if_fail (TRANCHE_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  if (path == NULL)
    {
      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Only local files can be opened"));
      show_problems (self, name, NULL, error);
      return;
    }
  dataset = tranche_loader_load_file (path, NULL, diagnostics, &error);
  if (dataset == NULL)
    show_problems (self, name, diagnostics, error);
  else
    set_dataset (self, dataset);
}

void
tranche_window_open_sample (TrancheWindow *self)
{
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(TrancheDataset) dataset = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (TRANCHE_IS_WINDOW (self));

  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, 0, &error);
  if (bytes != NULL)
    dataset = tranche_loader_load_bytes (bytes, NULL, NULL, diagnostics, &error);
  if (dataset == NULL)
    show_problems (self, _("Sample dataset"), diagnostics, error);
  else
    set_dataset (self, dataset);
}

TrancheDataset *
tranche_window_get_dataset (TrancheWindow *self)
{
  g_return_val_if_fail (TRANCHE_IS_WINDOW (self), NULL);
  return self->dataset;
}
