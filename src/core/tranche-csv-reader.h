/* tranche-csv-reader.h: CSV as spreadsheets and databases write it
 *
 * RFC 4180 and what is written in the wild: a comma, semicolon or tab
 * separator (detected from the header, or named by an Excel "sep=" line),
 * quoted fields holding separators, doubled quotes and line breaks, LF or
 * CRLF line ends, UTF-8 with or without a byte-order mark. Any other
 * encoding is refused as a whole, naming the first line that is not UTF-8,
 * so nothing is ever half read.
 *
 * Rows are counted as a spreadsheet shows them (the header is row 1) and
 * columns from 1, so messages can name the cell a user sees. All fields sit
 * in one buffer: a 100k-row file is a handful of allocations.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define TRANCHE_CSV_ERROR (tranche_csv_error_quark ())

typedef enum
{
  TRANCHE_CSV_ERROR_ENCODING,  /* not UTF-8 (or UTF-16, or NUL bytes) */
  TRANCHE_CSV_ERROR_SYNTAX,    /* a quoted field never closed */
  TRANCHE_CSV_ERROR_EMPTY,     /* no header (tranche-csv-import.h) */
  TRANCHE_CSV_ERROR_COLUMNS,   /* no column for the dates or the companies */
} TrancheCsvError;

typedef struct _TrancheCsvTable TrancheCsvTable;

GQuark           tranche_csv_error_quark          (void);

/* Reads a whole file's bytes; NULL with `error` set (its message names the
 * line) when they are not UTF-8 or a quote is never closed. An empty file
 * gives a table with no rows. */
TrancheCsvTable *tranche_csv_table_read           (const char      *data,
                                                   gsize            length,
                                                   GError         **error);
void             tranche_csv_table_free           (TrancheCsvTable *self);

/* The separator used: ',', ';' or '\t'. */
char             tranche_csv_table_get_separator  (TrancheCsvTable *self);
/* Rows, the header included, blank lines left out. */
guint            tranche_csv_table_get_n_rows     (TrancheCsvTable *self);
guint            tranche_csv_table_get_n_fields   (TrancheCsvTable *self,
                                                   guint            row);
/* The field's text, unquoted; "" past the end of a short row. `row` and
 * `column` count from 0. */
const char      *tranche_csv_table_get            (TrancheCsvTable *self,
                                                   guint            row,
                                                   guint            column);
/* Where a row starts in the file: the spreadsheet's row number (1 for the
 * header) and the text line (they differ after fields with line breaks). */
guint            tranche_csv_table_get_row_number (TrancheCsvTable *self,
                                                   guint            row);
guint            tranche_csv_table_get_line       (TrancheCsvTable *self,
                                                   guint            row);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TrancheCsvTable, tranche_csv_table_free)

G_END_DECLS
