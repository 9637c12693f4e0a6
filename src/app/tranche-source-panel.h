/* tranche-source-panel.h: where an event's figures come from
 *
 * The event's facts (date at its precision, amount, valuation, reported
 * total, parties, round, tags, summary), then every source it cites with the
 * quoted passage; a source with full text shows the article itself, the
 * passage highlighted and scrolled into view. All of it is file text, shown
 * as text: nothing from the dataset is ever read as markup.
 */
#pragma once

#include <gtk/gtk.h>

#include "tranche-dataset.h"
#include "tranche-session.h"

G_BEGIN_DECLS

#define TRANCHE_TYPE_SOURCE_PANEL (tranche_source_panel_get_type ())

G_DECLARE_FINAL_TYPE (TrancheSourcePanel, tranche_source_panel, TRANCHE, SOURCE_PANEL, GtkWidget)

GtkWidget      *tranche_source_panel_new           (void);
/* Shows the session's selected event; the setters below are for a panel
 * without a session. */
TrancheSession *tranche_source_panel_get_session   (TrancheSourcePanel *self);
void            tranche_source_panel_set_session   (TrancheSourcePanel *self,
                                                    TrancheSession     *session);
TrancheDataset *tranche_source_panel_get_dataset   (TrancheSourcePanel *self);
/* A new dataset shows no event ("event" becomes -1). */
void            tranche_source_panel_set_dataset   (TrancheSourcePanel *self,
                                                    TrancheDataset     *dataset);
int             tranche_source_panel_get_event     (TrancheSourcePanel *self);
/* The event's index in the dataset; -1 shows the empty state. */
void            tranche_source_panel_set_event     (TrancheSourcePanel *self,
                                                    int                 index);
/* Whether citation `citation` of the shown event is highlighted in its
 * article; when it is and `highlighted_text` is not NULL, the highlighted
 * text as the article has it (free with g_free). FALSE when the source has no
 * text, the passage was not found, or there is no such citation. */
gboolean        tranche_source_panel_get_highlight (TrancheSourcePanel *self,
                                                    guint               citation,
                                                    char              **highlighted_text);
/* The passage selected in an article the panel shows, and the id of its
 * source; NULL when no text is selected. */
char           *tranche_source_panel_dup_selection (TrancheSourcePanel  *self,
                                                    char               **source_id);

G_END_DECLS
