/* tranche-csv-names.h: ids made from names, and the lists a cell holds
 *
 * Shared by the import and its tests (and later the import dialog's
 * preview), so an id or a split list is made one way only.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The format's id pattern, [a-z0-9][a-z0-9._-]*, from a name: accents
 * dropped, other runs of characters made one "-", at most 48 characters;
 * `fallback` when nothing is left ("東京"). */
char      *tranche_csv_slug           (const char *name,
                                       const char *fallback);
/* `base`, else base-2, base-3…: the first not in `used`, which it is then
 * added to. */
char      *tranche_csv_unique_id      (GHashTable *used,
                                       const char *base);
/* Splits an investor or tag list on commas outside double quotes ("\"Foo,
 * Bar\", Baz"), trimming each name and dropping empty ones; a company
 * suffix alone ("FTX, Inc.") stays with the name before it. */
GStrv      tranche_csv_split_list     (const char *text);
/* http:, https: or www. */
gboolean   tranche_csv_looks_like_url (const char *text);
/* The items of a sources cell: one a line, or several URLs on a line
 * separated by spaces, commas or semicolons. Strings owned by the array. */
GPtrArray *tranche_csv_split_sources  (const char *text);

G_END_DECLS
