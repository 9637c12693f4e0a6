/* tranche-import-dialog.h: a CSV file shown before it is imported
 *
 * What each column holds (as recognised from its header, changeable with a
 * combo per column), the first events the rows give and every problem with
 * its row and column, all from core's tranche_csv_import() run again on
 * each change. Import emits "import" with the dataset's JSON text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "tranche-csv-columns.h"
#include "tranche-dataset.h"
#include "tranche-diagnostics.h"

G_BEGIN_DECLS

#define TRANCHE_TYPE_IMPORT_DIALOG (tranche_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (TrancheImportDialog, tranche_import_dialog, TRANCHE, IMPORT_DIALOG,
                      AdwWindow)

/* Events shown in the preview, at most. */
#define TRANCHE_IMPORT_PREVIEW_ROWS 12

/* The preview's columns. */
typedef enum
{
  TRANCHE_IMPORT_PREVIEW_DATE,
  TRANCHE_IMPORT_PREVIEW_KIND,
  TRANCHE_IMPORT_PREVIEW_TITLE,
  TRANCHE_IMPORT_PREVIEW_INVESTORS,
  TRANCHE_IMPORT_PREVIEW_TARGET,
  TRANCHE_IMPORT_PREVIEW_AMOUNT,
  TRANCHE_IMPORT_PREVIEW_N_COLUMNS
} TrancheImportPreviewColumn;

/* `name` is the file's name, shown and used as the dataset's title. */
TrancheImportDialog *tranche_import_dialog_new           (GtkWindow           *parent,
                                                          const char          *name,
                                                          GBytes              *bytes);
guint                tranche_import_dialog_get_n_columns (TrancheImportDialog *self);
TrancheCsvMember     tranche_import_dialog_get_member    (TrancheImportDialog *self,
                                                          guint                column);
/* As choosing in the column's combo does. */
void                 tranche_import_dialog_set_member    (TrancheImportDialog *self,
                                                          guint                column,
                                                          TrancheCsvMember     member);
/* The dataset the rows give now, NULL when nothing can be imported. */
TrancheDataset      *tranche_import_dialog_get_dataset   (TrancheImportDialog *self);
TrancheDiagnostics  *tranche_import_dialog_get_diagnostics (TrancheImportDialog *self);
/* A preview cell's text, NULL past the rows shown. */
const char          *tranche_import_dialog_get_preview   (TrancheImportDialog *self,
                                                          guint                row,
                                                          TrancheImportPreviewColumn column);
/* As the Import button does: emits "import" and closes. */
void                 tranche_import_dialog_import        (TrancheImportDialog *self);

G_END_DECLS
