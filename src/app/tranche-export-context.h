/* tranche-export-context.h: what the window shows, for exports and copies
 *
 * A snapshot of the window taken when the analyst asks for an export or a
 * copy: the dataset and filter, the visible range, the size of the charts'
 * area and which charts are shown. The export dialog and the clipboard copy
 * read it, so they never reach into the window's widgets.
 */
#pragma once

#include <adwaita.h>

#include "tranche-dataset.h"
#include "tranche-export.h"

G_BEGIN_DECLS

typedef struct
{
  TrancheDataset  *dataset;
  GBytes          *mask;         /* NULL: no filter */
  guint            n_shown;      /* events the filter shows */
  TrancheDay       first;        /* the visible range, NAN when there is none yet */
  TrancheDay       end;
  int              view_width;   /* the charts' area, in logical pixels */
  int              view_height;
  guint            views;        /* TrancheStackChart bits of the charts shown */
  TrancheLaneMode  lane_mode;
  gboolean         dark;         /* the window's style */
  char            *name;         /* for suggested file names: the dataset file's, no extension */
  GFile           *folder;       /* the dataset's folder, or NULL */
} TrancheExportContext;

TrancheExportContext *tranche_export_context_new        (TrancheDataset             *dataset);
void                  tranche_export_context_free       (TrancheExportContext       *self);
/* Paints the charts as the window shows them (range, filter, charts, size,
 * light or dark) at `scale` pixels per logical pixel. */
GdkTexture           *tranche_export_context_render     (const TrancheExportContext *self,
                                                         int                         scale,
                                                         GError                    **error);
/* Puts that image on `clipboard`. */
gboolean              tranche_export_context_copy_image (const TrancheExportContext *self,
                                                         GdkClipboard               *clipboard,
                                                         int                         scale,
                                                         GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrancheExportContext, tranche_export_context_free)

G_END_DECLS
