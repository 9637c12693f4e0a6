/* tranche-deck.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cairo-pdf.h>

#include "tranche-deck.h"
#include "tranche-mask.h"
#include "tranche-presentation.h"
#include "tranche-slide.h"

typedef struct
{
  TranchePresentation *presentation;
  TrancheSlidePainter *painter;
  TrancheTheme         theme;
  double               width, height;
} Deck;

static void
deck_clear (Deck *deck)
{
  g_clear_pointer (&deck->painter, tranche_slide_painter_free);
  g_clear_pointer (&deck->presentation, tranche_presentation_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Deck, deck_clear)

static void
paint_page (Deck    *deck,
            cairo_t *cr,
            guint    page)
{
  tranche_slide_painter_paint (deck->painter, cr, &deck->theme, page, deck->width, deck->height,
                               NULL);
}

static gboolean
write_pdf (FILE     *file,
           gpointer  user_data,
           GError  **error)
{
  Deck *deck = user_data;
  guint n_pages = tranche_presentation_get_n_positions (deck->presentation);
  TrancheExportSink sink = { file, 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  surface = cairo_pdf_surface_create_for_stream (tranche_export_sink_write, &sink, deck->width,
                                                 deck->height);
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; page++)
    {
      cairo_save (cr);
      paint_page (deck, cr, page);
      cairo_restore (cr);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  /* cairo 1.16 does not report every failed write of a PDF's last objects
   * in its status: the sink's record is the one to trust. */
  if (status != CAIRO_STATUS_SUCCESS || sink.write_errno != 0)
    {
      tranche_export_sink_set_error (&sink, status, error);
      return FALSE;
    }
  return TRUE;
}

/* A page as an image, written to a temporary file in `folder`; its name
 * is returned in `tmp`. */
static gboolean
write_png_page (Deck        *deck,
                guint        page,
                double       scale,
                const char  *folder,
                char       **tmp,
                GError     **error)
{
  g_autofree char *path = g_build_filename (folder, ".deck-page.XXXXXX", NULL);
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  FILE *file;
  gboolean ok;
  int fd, saved;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (deck->width * scale),
                                        (int) ceil (deck->height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  paint_page (deck, cr, page);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_RENDER,
                   _("Could not draw the deck: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  fd = g_mkstemp_full (path, O_RDWR, 0644);
  if (fd < 0 || (file = fdopen (fd, "wb")) == NULL)
    {
      saved = errno;
      if (fd >= 0)
        {
          close (fd);
          g_unlink (path);
        }
      cairo_surface_destroy (surface);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not write in “%s”: %s"), folder, g_strerror (saved));
      return FALSE;
    }
  ok = tranche_export_write_png_stream (surface, file, error);
  cairo_surface_destroy (surface);
  if (!ok && error != NULL && *error != NULL && (*error)->domain == G_FILE_ERROR)
    g_prefix_error (error, _("Could not write in “%s”: "), folder);
  if (fclose (file) != 0 && ok)
    {
      saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not write in “%s”: %s"), folder, g_strerror (saved));
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (path);
      return FALSE;
    }
  *tmp = g_steal_pointer (&path);
  return TRUE;
}

/* The page number of a deck page's name, or 0 for any other name. */
static guint
page_number (const char *name)
{
  const char *p;
  guint64 n;
  char *end;

  if (!g_str_has_prefix (name, "deck-") || !g_str_has_suffix (name, ".png"))
    return 0;
  p = name + strlen ("deck-");
  if (!g_ascii_isdigit (*p))
    return 0;
  n = g_ascii_strtoull (p, &end, 10);
  return strcmp (end, ".png") == 0 && n <= G_MAXUINT ? (guint) n : 0;
}

static gboolean
write_png_folder (Deck        *deck,
                  const char  *folder,
                  double       scale,
                  GError     **error)
{
  guint n_pages = tranche_presentation_get_n_positions (deck->presentation);
  g_autoptr(GPtrArray) tmps = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;

  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not create the folder “%s”: %s"), folder, g_strerror (saved));
      return FALSE;
    }

  /* Every page first under a temporary name: a failure halfway leaves the
   * folder's older deck whole. */
  for (guint page = 0; page < n_pages && ok; page++)
    {
      char *tmp = NULL;

      ok = write_png_page (deck, page, scale, folder, &tmp, error);
      if (ok)
        g_ptr_array_add (tmps, tmp);
    }
  for (guint page = 0; page < tmps->len && ok; page++)
    {
      g_autofree char *name = tranche_deck_page_name (page, n_pages);
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_rename (g_ptr_array_index (tmps, page), path) != 0)
        {
          int saved = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                       _("Could not write “%s”: %s"), path, g_strerror (saved));
          ok = FALSE;
        }
    }
  if (!ok)
    {
      for (guint i = 0; i < tmps->len; i++)
        g_unlink (g_ptr_array_index (tmps, i));
      return FALSE;
    }

  /* Pages past the new last one belong to an older, longer deck: left
   * there they would read as part of this one. */
  {
    g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        guint number = page_number (name);
        g_autofree char *ours = number > 0 ? tranche_deck_page_name (number - 1, n_pages) : NULL;

        /* Only names this deck would give (same digits), past its end. */
        if (number > n_pages && g_strcmp0 (ours, name) == 0)
          {
            g_autofree char *path = g_build_filename (folder, name, NULL);
            g_unlink (path);
          }
      }
  }
  return TRUE;
}

static GBytes *
mask_for_range (TrancheDataset *dataset,
                GBytes         *mask,
                TrancheDay      first,
                TrancheDay      end)
{
  guint n = tranche_dataset_get_n_events (dataset);
  guint8 *bytes = g_malloc (MAX (n, 1));

  for (guint i = 0; i < n; i++)
    {
      const TrancheEvent *event = tranche_dataset_get_event (dataset, i);
      gboolean shown = mask == NULL || ((const guint8 *) g_bytes_get_data (mask, NULL))[i];

      if (isfinite (first) && event->end_day <= first)
        shown = FALSE;
      if (isfinite (end) && event->first_day >= end)
        shown = FALSE;
      bytes[i] = shown ? 1 : 0;
    }
  return g_bytes_new_take (bytes, n);
}

gboolean
tranche_deck_output_is_folder (const char *output)
{
  g_return_val_if_fail (output != NULL, FALSE);

  return g_str_has_suffix (output, G_DIR_SEPARATOR_S) || g_str_has_suffix (output, "/")
         || g_file_test (output, G_FILE_TEST_IS_DIR);
}

char *
tranche_deck_page_name (guint page,
                        guint n_pages)
{
  int digits = 2;

  for (guint n = n_pages; n >= 100; n /= 10)
    digits++;
  return g_strdup_printf ("deck-%0*u.png", digits, page + 1);
}

guint
tranche_deck_count_pages (const char *folder)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint n = 0;

  g_return_val_if_fail (folder != NULL, 0);

  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    n += page_number (name) > 0;
  return n;
}

gboolean
tranche_deck_export (TrancheDataset             *dataset,
                     const char                 *output,
                     const TrancheExportOptions *options,
                     guint                      *n_pages,
                     GError                    **error)
{
  g_auto(Deck) deck = { 0 };
  g_autoptr(GBytes) mask = NULL;
  TrancheExportOptions defaults;
  TrancheExportFormat format;
  gboolean folder, ok;
  double type_scale;

  g_return_val_if_fail (dataset != NULL, FALSE);
  g_return_val_if_fail (output != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      tranche_export_options_init (&defaults);
      options = &defaults;
    }
  folder = tranche_deck_output_is_folder (output);
  if (!folder && (!tranche_export_format_for_filename (output, &format)
                  || format != TRANCHE_EXPORT_PDF))
    {
      g_set_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_FORMAT,
                   _("“%s”: a deck is a PDF file (deck.pdf) or a folder of PNG images "
                     "(a name ending in /)"), output);
      return FALSE;
    }
  if (!tranche_mask_bytes_fit (options->mask, dataset))
    {
      g_set_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_OPTIONS,
                   _("The filter does not match the dataset"));
      return FALSE;
    }
  if (!tranche_export_check_options (options, folder ? TRANCHE_EXPORT_PNG : TRANCHE_EXPORT_PDF,
                                     error))
    return FALSE;
  if (options->transparent)
    {
      g_set_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_OPTIONS,
                   _("A deck's pages have a background: a transparent one is only for "
                     "a single PNG image"));
      return FALSE;
    }

  if (isfinite (options->first) || isfinite (options->end))
    mask = mask_for_range (dataset, options->mask, options->first, options->end);
  else if (options->mask != NULL)
    mask = g_bytes_ref (options->mask);

  {
    g_autoptr(TranchePresentation) steps = tranche_presentation_new (dataset, mask);
    guint n_positions = tranche_presentation_get_n_positions (steps);

    if (n_positions > TRANCHE_DECK_MAX_PAGES)
      {
        g_set_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_OPTIONS,
                     g_dngettext (GETTEXT_PACKAGE,
                                  "The deck would have %u page, more than the %u a deck can "
                                  "hold: filter the events, or choose a period, first",
                                  "The deck would have %u pages, more than the %u a deck can "
                                  "hold: filter the events, or choose a period, first",
                                  n_positions), n_positions, TRANCHE_DECK_MAX_PAGES);
        return FALSE;
      }
  }

  deck.width = options->width;
  deck.height = options->height;
  type_scale = options->type_scale > 0 ? options->type_scale
                                       : tranche_slide_type_scale (deck.width, deck.height);
  tranche_theme_init (&deck.theme, options->theme, type_scale);
  deck.presentation = tranche_presentation_new (dataset, mask);
  /* No auto-advance on paper, and no today line: a deck tells the story
   * of the events, not of the day it was written. */
  deck.painter = tranche_slide_painter_new (deck.presentation, options->lane_mode);

  if (folder)
    ok = write_png_folder (&deck, output, options->scale, error);
  else
    ok = tranche_export_write_atomically (output, write_pdf, &deck, error);
  if (ok && n_pages != NULL)
    *n_pages = tranche_presentation_get_n_positions (deck.presentation);
  return ok;
}
