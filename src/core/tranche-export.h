/* tranche-export.h: the charts as a PNG, SVG or PDF file, with no display
 *
 * The format follows the file's extension. The file is written beside its
 * destination under a temporary name and renamed into place, so a failed
 * export never leaves a broken or half-written file behind.
 *
 * What is drawn is a TrancheChartStack: the timeline, the valuation and the
 * cumulative chart (any of them, stacked on one time axis), with the
 * dataset's title above and a footer naming the sources below when asked.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <stdio.h>

#include "tranche-chart-stack.h"
#include "tranche-timeline-layout.h"

G_BEGIN_DECLS

#define TRANCHE_EXPORT_ERROR (tranche_export_error_quark ())

typedef enum
{
  TRANCHE_EXPORT_ERROR_FORMAT,   /* an extension we can't write */
  TRANCHE_EXPORT_ERROR_OPTIONS,  /* a size, scale or range out of bounds */
  TRANCHE_EXPORT_ERROR_RENDER,   /* cairo or libpng failed */
} TrancheExportError;

typedef enum
{
  TRANCHE_EXPORT_PNG = 0,
  TRANCHE_EXPORT_SVG,
  TRANCHE_EXPORT_PDF,
} TrancheExportFormat;

/* Named sizes, in logical pixels (points for PDF and SVG). */
#define TRANCHE_EXPORT_SLIDE_WIDTH  1920
#define TRANCHE_EXPORT_SLIDE_HEIGHT 1080
#define TRANCHE_EXPORT_4K_WIDTH     3840
#define TRANCHE_EXPORT_4K_HEIGHT    2160
/* ISO A4 landscape, 297 × 210 mm, in PostScript points. */
#define TRANCHE_EXPORT_A4_WIDTH     842
#define TRANCHE_EXPORT_A4_HEIGHT    595

typedef struct
{
  int                 width;       /* in logical pixels (PDF/SVG points), default 1920 */
  int                 height;      /* default 1080 */
  double              scale;       /* pixel density: a PNG is width×scale pixels wide */
  TrancheThemeVariant theme;
  gboolean            transparent; /* PNG only: no background behind the charts */
  TrancheLaneMode     lane_mode;
  guint               views;       /* TrancheStackChart bits; default the timeline */
  TrancheDay          first;       /* NAN (the default): where the dataset starts */
  TrancheDay          end;         /* NAN: where it ends */
  gboolean            show_title;  /* default TRUE: an export stands alone */
  gboolean            show_footer; /* default FALSE: "Sources: …" and the range shown */
  GBytes             *mask;        /* borrowed: events shown (TrancheFilter), NULL all */
  int                 selected;    /* an event to highlight, -1 (default) none */
  double              type_scale;  /* 0 (default): tranche_export_type_scale() of the size
                                    * and format */
  TrancheDay          today;       /* NAN (the default): no today line */
  const char         *title;       /* borrowed: instead of the dataset's title, or NULL */
  const char         *subtitle;    /* borrowed: instead of the events, range and currency */
} TrancheExportOptions;

/* Writes the whole content of a file into `file`; FALSE with `error` set
 * when it can't. */
typedef gboolean (*TrancheExportWriteFunc) (FILE     *file,
                                            gpointer  user_data,
                                            GError  **error);

GQuark   tranche_export_error_quark        (void);
void     tranche_export_options_init       (TrancheExportOptions       *options);
gboolean tranche_export_format_for_filename (const char                *filename,
                                             TrancheExportFormat       *format);
/* The type size for a canvas: 1 up to about 1300×800, larger beyond, so a
 * 1920×1080 slide reads from the back of the room. A PDF is a page held in
 * the hand, its sizes points: a small page takes print-size type (down to
 * 0.7, 8.4 pt small text) rather than screen-size type. */
double   tranche_export_type_scale          (int                        width,
                                             int                        height,
                                             TrancheExportFormat        format);
/* "1920x1080", or a named size: "slide", "4k", "a4" (landscape). */
gboolean tranche_export_parse_size          (const char                *text,
                                             int                       *width,
                                             int                       *height);
/* A theme for an export: `transparent` leaves the background out (and
 * makes the lane stripes a faint tint, so they sit on any slide colour). */
void     tranche_export_theme_init          (TrancheTheme              *theme,
                                             TrancheThemeVariant        variant,
                                             gboolean                   transparent,
                                             double                     scale);
/* Checks size, scale, range and their fit with `format`, as
 * tranche_export_dataset() does before writing anything. */
gboolean tranche_export_check_options       (const TrancheExportOptions *options,
                                             TrancheExportFormat        format,
                                             GError                   **error);
/* The range an export shows: the options' ends where given, otherwise the
 * range that fits every event of the stack at the options' size. */
void     tranche_export_get_range           (TrancheChartStack         *stack,
                                             const TrancheExportOptions *options,
                                             TrancheDay                *first,
                                             TrancheDay                *end);
/* Sets up `stack` (dataset, mask, theme, views, title, footer, today) as
 * the options ask for a file of `format`; the caller lays it out. */
void     tranche_export_configure_stack     (TrancheChartStack         *stack,
                                             TrancheDataset            *dataset,
                                             const TrancheExportOptions *options,
                                             TrancheExportFormat        format);

/* Lays out and paints the dataset into `filename`. */
gboolean tranche_export_dataset            (TrancheDataset             *dataset,
                                            const char                 *filename,
                                            const TrancheExportOptions *options,
                                            GError                    **error);
/* Paints an already laid-out scene (a window's current view) into
 * `filename`, at `scale` pixels per unit for PNG. */
gboolean tranche_export_layout             (TrancheTimelineLayout      *layout,
                                            const char                 *filename,
                                            double                      scale,
                                            GError                    **error);
/* Writes an ARGB32 image surface as PNG with libpng: fast zlib level, no
 * filtering, colours un-premultiplied. Writes straight to `filename`. */
gboolean tranche_export_write_png          (cairo_surface_t            *surface,
                                            const char                 *filename,
                                            GError                    **error);
/* The same into an open file (for tranche_export_write_atomically()). */
gboolean tranche_export_write_png_stream   (cairo_surface_t            *surface,
                                            FILE                       *file,
                                            GError                    **error);
/* Where a writer streams its bytes, and why the first write failed: cairo
 * and libpng only say "write error", but an analyst needs "No space left on
 * device". */
typedef struct
{
  FILE *file;
  int   write_errno;   /* 0 until a write fails */
} TrancheExportSink;

/* A cairo_write_func_t over a TrancheExportSink. */
cairo_status_t tranche_export_sink_write   (void                       *closure,
                                            const unsigned char        *data,
                                            unsigned int                length);
/* Sets `error` for a writer that failed on `sink`: the system's reason when a
 * write failed (G_FILE_ERROR, to be prefixed with the file's name by
 * tranche_export_write_atomically()), else `fallback` (a cairo status). */
void     tranche_export_sink_set_error     (const TrancheExportSink    *sink,
                                            cairo_status_t              fallback,
                                            GError                    **error);
/* Runs `func` on a temporary file beside `filename` (".NAME.XXXXXX"), then
 * renames it into place; on any failure the temporary file is removed and
 * `filename` is left as it was. A G_FILE_ERROR from `func` is prefixed with
 * `filename`, so every failed write names the file and the reason. */
gboolean tranche_export_write_atomically   (const char                 *filename,
                                            TrancheExportWriteFunc      func,
                                            gpointer                    user_data,
                                            GError                    **error);
/* Paints a stack into a new ARGB32 image of its size × `scale`; NULL with
 * `error` set when cairo can't (too large, out of memory). */
cairo_surface_t *tranche_export_render_image (TrancheChartStack        *stack,
                                              double                    scale,
                                              int                       selected,
                                              GError                  **error);

G_END_DECLS
