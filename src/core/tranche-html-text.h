/* tranche-html-text.h: an HTML page reduced to the text an analyst reads
 *
 * For articles saved from a browser: tags are dropped, character references
 * (&amp; &eacute; &#8217; &#x2019;…) decoded, block elements (p, div, h1–h6,
 * li, br, blockquote, article, section, tr…) end a paragraph, and the
 * content of script, style, noscript, template, head and of comments is
 * removed. Runs of white space inside a paragraph become one space, and
 * paragraphs are separated by one blank line, so that the extractor cuts
 * sentences as it does in a .txt article. No network, no parser library:
 * the page is never fetched nor run.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Valid UTF-8 out whatever comes in (invalid bytes become U+FFFD). */
char     *tranche_html_to_text     (const char *html,
                                    gssize      len);
/* Whether a text looks like HTML (a tag like <html>, <p>, <div>, <body> or
 * a doctype near its start), for text pasted with no file name. */
gboolean  tranche_html_looks_like  (const char *text,
                                    gssize      len);

G_END_DECLS
