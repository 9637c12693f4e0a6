/* tranche-json-write.h: values as the document editor writes them into a file
 *
 * Compact but readable: one line, a space after every ":" and ",", like
 * {"value": 1000000000, "currency": "EUR"}, which is how analysts write small
 * values by hand. Strings keep non-ASCII characters as UTF-8 and escape only
 * what JSON requires (quotes, backslashes, control characters). Numbers are
 * written in the fewest digits that read back as the same double.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Appends `str` (UTF-8, not checked here) as a JSON string with its quotes. */
void      tranche_json_write_string     (GString     *out,
                                         const char  *str);
/* Appends `node` on one line. FALSE, with `error` set in G_IO_ERROR and
 * nothing appended, for what JSON can't hold: a NaN or infinite number, a
 * string that is not UTF-8. */
gboolean  tranche_json_write_value      (GString     *out,
                                         JsonNode    *node,
                                         GError     **error);
/* Appends an object with one member per line: `indent` before each member,
 * `close_indent` before the closing brace, `newline` between lines; members
 * keep the object's order and their values are written on one line. */
gboolean  tranche_json_write_object_lines (GString     *out,
                                           JsonObject  *object,
                                           const char  *indent,
                                           const char  *close_indent,
                                           const char  *newline,
                                           GError     **error);

G_END_DECLS
