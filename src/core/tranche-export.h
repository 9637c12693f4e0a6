/* tranche-export.h: the timeline as a PNG, SVG or PDF file, with no display
 *
 * The format follows the file's extension. The file is written beside its
 * destination under a temporary name and renamed into place, so a failed
 * export never leaves a broken or half-written file behind.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

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

typedef struct
{
  int                 width;      /* in logical pixels (PDF/SVG points), default 1920 */
  int                 height;     /* default 1080 */
  double              scale;      /* pixel density: a PNG is width×scale pixels wide */
  TrancheThemeVariant theme;
  TrancheLaneMode     lane_mode;
  TrancheDay          first;      /* NAN (the default): where the dataset starts */
  TrancheDay          end;        /* NAN: where it ends */
  gboolean            show_title; /* default TRUE: an export stands alone */
  TrancheDay          today;      /* default: now; NAN for no line */
} TrancheExportOptions;

GQuark   tranche_export_error_quark        (void);
void     tranche_export_options_init       (TrancheExportOptions       *options);
gboolean tranche_export_format_for_filename (const char                *filename,
                                             TrancheExportFormat       *format);
/* The type size for a canvas: 1 up to about 1300×800, larger beyond, so a
 * 1920×1080 slide reads from the back of the room. */
double   tranche_export_type_scale          (int                        width,
                                             int                        height);

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

G_END_DECLS
