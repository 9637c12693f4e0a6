/* tranche-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>

#include "tranche-export.h"
#include "tranche-mask.h"
#include "tranche-timeline-painter.h"

/* cairo's own limit for image surfaces. */
#define MAX_PIXELS_PER_SIDE 32767

G_DEFINE_QUARK (tranche-export-error-quark, tranche_export_error)

void
tranche_export_options_init (TrancheExportOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->width = 1920;
  options->height = 1080;
  options->scale = 1;
  options->theme = TRANCHE_THEME_LIGHT;
  options->lane_mode = TRANCHE_LANES_BY_PAIR;
  options->views = TRANCHE_STACK_TIMELINE;
  options->show_title = TRUE;
  options->selected = -1;
  options->first = NAN;
  options->end = NAN;
  /* An export is shown later, elsewhere: a "today" line would be wrong by then. */
  options->today = NAN;
}

gboolean
tranche_export_format_for_filename (const char          *filename,
                                    TrancheExportFormat *format)
{
  const char *dot;

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (format != NULL, FALSE);

  dot = strrchr (filename, '.');
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;
  if (g_ascii_strcasecmp (dot, ".png") == 0)
    *format = TRANCHE_EXPORT_PNG;
  else if (g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = TRANCHE_EXPORT_SVG;
  else if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = TRANCHE_EXPORT_PDF;
  else
    return FALSE;
  return TRUE;
}

/* Below this, print type gets hard to read at arm's length. */
#define PRINT_TYPE_SCALE_MIN 0.7

double
tranche_export_type_scale (int                 width,
                           int                 height,
                           TrancheExportFormat format)
{
  double fit = MIN (width / 1400.0, height / 860.0);

  return CLAMP (fit, format == TRANCHE_EXPORT_PDF ? PRINT_TYPE_SCALE_MIN : 1.0, 3.0);
}

gboolean
tranche_export_parse_size (const char *text,
                           int        *width,
                           int        *height)
{
  char *end;
  gint64 w, h;

  g_return_val_if_fail (width != NULL && height != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (text, "slide") == 0 || g_ascii_strcasecmp (text, "1080p") == 0)
    {
      *width = TRANCHE_EXPORT_SLIDE_WIDTH;
      *height = TRANCHE_EXPORT_SLIDE_HEIGHT;
      return TRUE;
    }
  if (g_ascii_strcasecmp (text, "4k") == 0)
    {
      *width = TRANCHE_EXPORT_4K_WIDTH;
      *height = TRANCHE_EXPORT_4K_HEIGHT;
      return TRUE;
    }
  if (g_ascii_strcasecmp (text, "a4") == 0)
    {
      *width = TRANCHE_EXPORT_A4_WIDTH;
      *height = TRANCHE_EXPORT_A4_HEIGHT;
      return TRUE;
    }

  w = g_ascii_strtoll (text, &end, 10);
  if (end == text || (*end != 'x' && *end != 'X'))
    return FALSE;
  text = end + 1;
  h = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0' || w <= 0 || h <= 0 || w > G_MAXINT || h > G_MAXINT)
    return FALSE;
  *width = (int) w;
  *height = (int) h;
  return TRUE;
}

void
tranche_export_theme_init (TrancheTheme        *theme,
                           TrancheThemeVariant  variant,
                           gboolean             transparent,
                           double               scale)
{
  g_return_if_fail (theme != NULL);

  tranche_theme_init (theme, variant, scale);
  if (transparent)
    {
      /* The slide's own colour shows through: no background, and stripes
       * that darken (or lighten) whatever is under them a little. */
      theme->background = tranche_color_with_alpha (theme->background, 0);
      theme->lane_stripe = tranche_color_with_alpha (theme->foreground, 0.04);
    }
}

/* "Could not write “FILE”: the system's reason". */
static void
set_write_error (GError     **error,
                 const char  *filename,
                 int          saved_errno)
{
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               _("Could not write “%s”: %s"), filename, g_strerror (saved_errno));
}

/* ---- PNG through libpng ---- */

typedef struct
{
  cairo_surface_t   *surface;
  TrancheExportSink  sink;
  char               message[256];
} PngJob;

static void
png_write_cb (png_structp  png,
              png_bytep    data,
              png_size_t   length)
{
  PngJob *job = png_get_io_ptr (png);

  if (tranche_export_sink_write (&job->sink, data, length) != CAIRO_STATUS_SUCCESS)
    png_error (png, "write error");
}

static void
png_flush_cb (png_structp png)
{
}

static void
png_error_cb (png_structp png,
              const char *message)
{
  PngJob *job = png_get_error_ptr (png);

  g_strlcpy (job->message, message, sizeof job->message);
  png_longjmp (png, 1);
}

static void
png_warning_cb (png_structp png,
                const char *message)
{
}

/* Whether every pixel is opaque: an image with a background is written
 * without its alpha channel, a quarter less for zlib to compress. */
static gboolean
is_opaque (const guint8 *data,
           int           width,
           int           height,
           int           stride)
{
  for (int y = 0; y < height; y++)
    {
      const guint32 *src = (const guint32 *) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        if ((src[x] >> 24) != 255)
          return FALSE;
    }
  return TRUE;
}

static gboolean
write_png_to_file (FILE     *file,
                   gpointer  user_data,
                   GError  **error)
{
  PngJob *job = user_data;
  cairo_surface_t *surface = job->surface;
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guint8 *data;
  gboolean opaque;
  png_structp png;
  png_infop info;
  /* Allocated before setjmp so a longjmp can't lose it. */
  guint8 *volatile row = g_malloc ((gsize) width * 4);

  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  opaque = is_opaque (data, width, height, stride);
  job->message[0] = '\0';

  png = png_create_write_struct (PNG_LIBPNG_VER_STRING, job, png_error_cb, png_warning_cb);
  info = png != NULL ? png_create_info_struct (png) : NULL;
  if (png == NULL || info == NULL)
    {
      png_destroy_write_struct (&png, NULL);
      g_free (row);
      g_set_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_RENDER,
                   _("Could not start writing the PNG image"));
      return FALSE;
    }
  if (setjmp (png_jmpbuf (png)))
    {
      png_destroy_write_struct (&png, &info);
      g_free (row);
      if (job->sink.write_errno != 0)
        tranche_export_sink_set_error (&job->sink, CAIRO_STATUS_WRITE_ERROR, error);
      else
        g_set_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_RENDER,
                     _("Could not write the PNG image: %s"), job->message);
      return FALSE;
    }

  job->sink = (TrancheExportSink) { file, 0 };
  png_set_write_fn (png, job, png_write_cb, png_flush_cb);
  /* Speed over size: level 1 and no row filters make an export 4–5 times
   * faster than cairo's writer, for files about a third bigger. */
  png_set_compression_level (png, 1);
  png_set_filter (png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
  png_set_IHDR (png, info, width, height, 8,
                opaque ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_RGB_ALPHA, PNG_INTERLACE_NONE,
                PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  png_write_info (png, info);

  for (int y = 0; y < height; y++)
    {
      const guint32 *src = (const guint32 *) (data + (gsize) y * stride);
      guint8 *out = row;

      if (opaque)
        {
          for (int x = 0; x < width; x++, out += 3)
            {
              out[0] = (src[x] >> 16) & 0xff;
              out[1] = (src[x] >> 8) & 0xff;
              out[2] = src[x] & 0xff;
            }
          png_write_row (png, row);
          continue;
        }
      for (int x = 0; x < width; x++, out += 4)
        {
          guint32 pixel = src[x];
          guint alpha = pixel >> 24;

          /* cairo stores premultiplied native-endian ARGB; PNG wants
           * straight RGBA bytes. */
          if (alpha == 255)
            {
              out[0] = (pixel >> 16) & 0xff;
              out[1] = (pixel >> 8) & 0xff;
              out[2] = pixel & 0xff;
            }
          else if (alpha == 0)
            out[0] = out[1] = out[2] = 0;
          else
            {
              out[0] = (((pixel >> 16) & 0xff) * 255 + alpha / 2) / alpha;
              out[1] = (((pixel >> 8) & 0xff) * 255 + alpha / 2) / alpha;
              out[2] = ((pixel & 0xff) * 255 + alpha / 2) / alpha;
            }
          out[3] = alpha;
        }
      png_write_row (png, row);
    }
  png_write_end (png, info);
  png_destroy_write_struct (&png, &info);
  g_free (row);
  return TRUE;
}

static gboolean
check_png_surface (cairo_surface_t  *surface,
                   GError          **error)
{
  if (cairo_surface_get_type (surface) != CAIRO_SURFACE_TYPE_IMAGE
      || cairo_image_surface_get_format (surface) != CAIRO_FORMAT_ARGB32)
    {
      g_set_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_RENDER,
                   _("Only ARGB32 images can be written as PNG"));
      return FALSE;
    }
  return TRUE;
}

gboolean
tranche_export_write_png_stream (cairo_surface_t  *surface,
                                 FILE             *file,
                                 GError          **error)
{
  PngJob job = { surface, { NULL, 0 }, "" };

  g_return_val_if_fail (surface != NULL, FALSE);
  g_return_val_if_fail (file != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_png_surface (surface, error))
    return FALSE;
  return write_png_to_file (file, &job, error);
}

gboolean
tranche_export_write_png (cairo_surface_t  *surface,
                          const char       *filename,
                          GError          **error)
{
  PngJob job = { surface, { NULL, 0 }, "" };
  FILE *file;
  gboolean ok;

  g_return_val_if_fail (surface != NULL, FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_png_surface (surface, error))
    return FALSE;
  file = g_fopen (filename, "wb");
  if (file == NULL)
    {
      set_write_error (error, filename, errno);
      return FALSE;
    }
  ok = write_png_to_file (file, &job, error);
  if (!ok && error != NULL && *error != NULL && (*error)->domain == G_FILE_ERROR)
    g_prefix_error (error, _("Could not write “%s”: "), filename);
  if (fclose (file) != 0 && ok)
    {
      set_write_error (error, filename, errno);
      ok = FALSE;
    }
  return ok;
}

/* ---- vector formats ---- */

typedef void (*PaintFunc) (cairo_t  *cr,
                           gpointer  data);

typedef struct
{
  TrancheExportFormat format;
  double              width, height;
  PaintFunc           paint;
  gpointer            data;
} VectorJob;

cairo_status_t
tranche_export_sink_write (void                *closure,
                           const unsigned char *data,
                           unsigned int         length)
{
  TrancheExportSink *sink = closure;

  if (sink->write_errno != 0)
    return CAIRO_STATUS_WRITE_ERROR;
  if (fwrite (data, 1, length, sink->file) != length)
    {
      /* fwrite sets errno; an error with none would still be an error. */
      sink->write_errno = errno != 0 ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  return CAIRO_STATUS_SUCCESS;
}

void
tranche_export_sink_set_error (const TrancheExportSink  *sink,
                               cairo_status_t            fallback,
                               GError                  **error)
{
  g_return_if_fail (sink != NULL);

  if (sink->write_errno != 0)
    g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (sink->write_errno),
                         g_strerror (sink->write_errno));
  else
    g_set_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_RENDER,
                 _("Could not draw the chart: %s"), cairo_status_to_string (fallback));
}

static gboolean
write_vector_to_file (FILE     *file,
                      gpointer  user_data,
                      GError  **error)
{
  VectorJob *job = user_data;
  TrancheExportSink sink = { file, 0 };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (job->format == TRANCHE_EXPORT_SVG)
    {
      surface = cairo_svg_surface_create_for_stream (tranche_export_sink_write, &sink,
                                                     job->width, job->height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
    }
  else
    surface = cairo_pdf_surface_create_for_stream (tranche_export_sink_write, &sink,
                                                   job->width, job->height);

  cr = cairo_create (surface);
  job->paint (cr, job->data);
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

gboolean
tranche_export_write_atomically (const char              *filename,
                                 TrancheExportWriteFunc   func,
                                 gpointer                 user_data,
                                 GError                 **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  g_autofree char *tmp = NULL;
  FILE *file;
  int fd, saved;
  gboolean ok;

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  dir = g_path_get_dirname (filename);
  base = g_path_get_basename (filename);
  name = g_strdup_printf (".%s.XXXXXX", base);
  tmp = g_build_filename (dir, name, NULL);
  fd = g_mkstemp_full (tmp, O_RDWR, 0644);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("Could not write in “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  file = fdopen (fd, "wb");
  if (file == NULL)
    {
      saved = errno;
      close (fd);
      g_unlink (tmp);
      set_write_error (error, filename, saved);
      return FALSE;
    }

  ok = func (file, user_data, error);
  if (!ok && error != NULL && *error != NULL && (*error)->domain == G_FILE_ERROR)
    g_prefix_error (error, _("Could not write “%s”: "), filename);
  if (fflush (file) != 0 && ok)
    {
      set_write_error (error, filename, errno);
      ok = FALSE;
    }
  if (fclose (file) != 0 && ok)
    {
      set_write_error (error, filename, errno);
      ok = FALSE;
    }
  if (ok && g_rename (tmp, filename) != 0)
    {
      set_write_error (error, filename, errno);
      ok = FALSE;
    }
  if (!ok)
    g_unlink (tmp);
  return ok;
}

static gboolean
check_canvas (double   width,
              double   height,
              double   scale,
              GError **error)
{
  if (!(scale > 0) || ceil (width * scale) > MAX_PIXELS_PER_SIDE
      || ceil (height * scale) > MAX_PIXELS_PER_SIDE || width < 1 || height < 1)
    {
      g_set_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_OPTIONS,
                   _("An image of %g×%g at scale %g is too large or too small"),
                   width, height, scale);
      return FALSE;
    }
  return TRUE;
}

/* Paints into a new image of (width, height) × scale. */
static cairo_surface_t *
render_image (double     width,
              double     height,
              double     scale,
              PaintFunc  paint,
              gpointer   data,
              GError   **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (!check_canvas (width, height, scale, error))
    return NULL;
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width * scale),
                                        (int) ceil (height * scale));
  cr = cairo_create (surface);
  cairo_scale (cr, scale, scale);
  paint (cr, data);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_set_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_RENDER,
                   _("Could not draw the chart: %s"), cairo_status_to_string (status));
      return NULL;
    }
  return surface;
}

static gboolean
export_painted (const char  *filename,
                double       width,
                double       height,
                double       scale,
                PaintFunc    paint,
                gpointer     data,
                GError     **error)
{
  TrancheExportFormat format;

  if (!tranche_export_format_for_filename (filename, &format))
    {
      g_set_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_FORMAT,
                   _("“%s”: the file name must end in .png, .svg or .pdf"), filename);
      return FALSE;
    }
  if (!check_canvas (width, height, format == TRANCHE_EXPORT_PNG ? scale : 1, error))
    return FALSE;

  if (format == TRANCHE_EXPORT_PNG)
    {
      cairo_surface_t *surface = render_image (width, height, scale, paint, data, error);
      PngJob job;
      gboolean ok;

      if (surface == NULL)
        return FALSE;
      job.surface = surface;
      ok = tranche_export_write_atomically (filename, write_png_to_file, &job, error);
      cairo_surface_destroy (surface);
      return ok;
    }
  else
    {
      VectorJob job = { format, width, height, paint, data };
      return tranche_export_write_atomically (filename, write_vector_to_file, &job, error);
    }
}

static void
paint_layout (cairo_t  *cr,
              gpointer  data)
{
  tranche_timeline_painter_paint (data, cr, -1, -1, NAN);
}

gboolean
tranche_export_layout (TrancheTimelineLayout  *layout,
                       const char             *filename,
                       double                  scale,
                       GError                **error)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return export_painted (filename, tranche_timeline_layout_get_width (layout),
                         tranche_timeline_layout_get_height (layout), scale, paint_layout,
                         layout, error);
}

typedef struct
{
  TrancheChartStack *stack;
  int                selected;
} StackPaint;

static void
paint_stack (cairo_t  *cr,
             gpointer  data)
{
  StackPaint *paint = data;

  tranche_chart_stack_paint (paint->stack, cr, paint->selected);
}

cairo_surface_t *
tranche_export_render_image (TrancheChartStack  *stack,
                             double              scale,
                             int                 selected,
                             GError            **error)
{
  StackPaint paint = { stack, selected };

  g_return_val_if_fail (stack != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return render_image (tranche_chart_stack_get_width (stack),
                       tranche_chart_stack_get_height (stack), scale, paint_stack, &paint,
                       error);
}

gboolean
tranche_export_check_options (const TrancheExportOptions  *options,
                              TrancheExportFormat          format,
                              GError                     **error)
{
  g_return_val_if_fail (options != NULL, FALSE);

  if (options->width < 200 || options->height < 150 || options->width > 16384
      || options->height > 16384)
    {
      g_set_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_OPTIONS,
                   _("The size must be from 200×150 to 16384×16384, not %d×%d"),
                   options->width, options->height);
      return FALSE;
    }
  if (!(options->scale >= 0.25 && options->scale <= 8))
    {
      g_set_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_OPTIONS,
                   _("The scale must be from 0.25 to 8, not %g"), options->scale);
      return FALSE;
    }
  if (format == TRANCHE_EXPORT_PNG
      && !check_canvas (options->width, options->height, options->scale, error))
    return FALSE;
  if (options->transparent && format != TRANCHE_EXPORT_PNG)
    {
      g_set_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_OPTIONS,
                   _("A transparent background is only for PNG images"));
      return FALSE;
    }
  if (isfinite (options->first) && isfinite (options->end) && !(options->end > options->first))
    {
      g_set_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_OPTIONS,
                   _("The end of the range must come after its start"));
      return FALSE;
    }
  return TRUE;
}

void
tranche_export_configure_stack (TrancheChartStack          *stack,
                                TrancheDataset             *dataset,
                                const TrancheExportOptions *options,
                                TrancheExportFormat         format)
{
  TrancheTheme theme;
  double type_scale;

  g_return_if_fail (stack != NULL);
  g_return_if_fail (options != NULL);

  type_scale = options->type_scale > 0 ? options->type_scale
                                       : tranche_export_type_scale (options->width,
                                                                    options->height, format);
  tranche_export_theme_init (&theme, options->theme, options->transparent, type_scale);
  tranche_chart_stack_set_theme (stack, &theme);
  tranche_chart_stack_set_lane_mode (stack, options->lane_mode);
  tranche_chart_stack_set_dataset (stack, dataset, options->mask);
  tranche_chart_stack_set_views (stack, options->views);
  tranche_chart_stack_set_show_title (stack, options->show_title);
  tranche_chart_stack_set_title_text (stack, options->title, options->subtitle);
  tranche_chart_stack_set_asked_range (stack, options->first, options->end);
  tranche_chart_stack_set_show_footer (stack, options->show_footer);
  tranche_chart_stack_set_today (stack, options->today);
}

void
tranche_export_get_range (TrancheChartStack          *stack,
                          const TrancheExportOptions *options,
                          TrancheDay                 *first,
                          TrancheDay                 *end)
{
  g_return_if_fail (stack != NULL && options != NULL);
  g_return_if_fail (first != NULL && end != NULL);

  if (!tranche_chart_stack_fit_range (stack, options->width, options->height, first, end))
    {
      /* No events: show the current year rather than nothing at all. */
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      *first = tranche_day_from_ymd (g_date_time_get_year (now), 1, 1);
      *end = tranche_day_from_ymd (g_date_time_get_year (now) + 1, 1, 1);
    }
  if (isfinite (options->first))
    *first = options->first;
  if (isfinite (options->end))
    *end = options->end;
}

gboolean
tranche_export_dataset (TrancheDataset             *dataset,
                        const char                 *filename,
                        const TrancheExportOptions *options,
                        GError                    **error)
{
  g_autoptr(TrancheChartStack) stack = NULL;
  TrancheExportOptions defaults;
  TrancheExportFormat format;
  TrancheDay first, end;
  StackPaint paint;

  g_return_val_if_fail (dataset != NULL, FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      tranche_export_options_init (&defaults);
      options = &defaults;
    }
  if (!tranche_export_format_for_filename (filename, &format))
    {
      g_set_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_FORMAT,
                   _("“%s”: the file name must end in .png, .svg or .pdf"), filename);
      return FALSE;
    }
  if (!tranche_mask_bytes_fit (options->mask, dataset))
    {
      g_set_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_OPTIONS,
                   _("The filter does not match the dataset"));
      return FALSE;
    }
  if (!tranche_export_check_options (options, format, error))
    return FALSE;

  stack = tranche_chart_stack_new ();
  tranche_export_configure_stack (stack, dataset, options, format);
  tranche_export_get_range (stack, options, &first, &end);
  if (!(end > first))
    {
      g_set_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_OPTIONS,
                   _("The end of the range must come after its start"));
      return FALSE;
    }
  tranche_chart_stack_layout (stack, options->width, options->height, first, end);
  paint.stack = stack;
  paint.selected = options->selected;
  return export_painted (filename, options->width, options->height, options->scale, paint_stack,
                         &paint, error);
}
