/* gui-test-util.h: shared helpers of the window and timeline tests
 *
 * Waiting is always for a condition, with a generous deadline: the main
 * context is iterated until the condition holds, and the test fails naming
 * the condition when the deadline passes. Nothing asserts on elapsed time.
 */
#pragma once

#include <adwaita.h>

#include "tranche-window.h"

G_BEGIN_DECLS

/* Long enough for a loaded CI machine or a sanitizer build; a condition that
 * holds returns at once. */
#define GUI_TEST_TIMEOUT_MS 15000

/* Only there to wake the main context while waiting. */
gboolean gui_test_wake_source_cb (gpointer user_data);

/* Iterates the main context until `expr` holds; fails the test naming
 * `expr` when it does not within GUI_TEST_TIMEOUT_MS. */
#define wait_for(expr)                                                               \
  G_STMT_START                                                                       \
  {                                                                                  \
    gint64 wait_deadline_ = g_get_monotonic_time () + GUI_TEST_TIMEOUT_MS * 1000;    \
    guint wait_wake_ = g_timeout_add (10, gui_test_wake_source_cb, NULL);            \
    while (!(expr) && g_get_monotonic_time () < wait_deadline_)                      \
      g_main_context_iteration (NULL, TRUE);                                         \
    g_source_remove (wait_wake_);                                                    \
    if (!(expr))                                                                     \
      g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC,              \
                           "timed out waiting for: " #expr);                         \
  }                                                                                  \
  G_STMT_END

/* Runs whatever is ready now, without waiting for anything. */
void           gui_test_iterate           (void);
/* Waits until `widget` has been painted `n` more times (frames really drawn,
 * not only queued). */
void           gui_test_wait_frames       (GtkWidget   *widget,
                                           guint        n);
/* Sets up a test program: GTK on the display, libadwaita, translations, and
 * XDG folders in a temporary place so recent files and caches never touch the
 * user's. FALSE when there is no display: the caller reports a skip. */
gboolean       gui_test_init              (int         *argc,
                                           char      ***argv);

/* A shown window, empty, sized so the panel and the charts all fit. */
TrancheWindow *gui_test_new_window        (void);
/* Opens `file` and waits for the load to finish (successfully or not). */
void           gui_test_open_and_wait     (TrancheWindow *window,
                                           GFile         *file);
void           gui_test_destroy_window    (TrancheWindow *window);

/* A new temporary folder; remove it with gui_test_remove_dir. */
char          *gui_test_make_dir          (void);
void           gui_test_remove_dir        (const char  *dir);
/* Writes `contents` at `path`: atomically (a new file renamed over the old,
 * as many editors save) or in place (truncated and rewritten). */
void           gui_test_write_file        (const char  *path,
                                           const char  *contents,
                                           gboolean     atomically);

/* The first widget under `root` (itself included) of `type` for which
 * `match` (may be NULL) holds. Popovers of menu buttons are searched too. */
typedef gboolean (*GuiTestMatch) (GtkWidget  *widget,
                                  gpointer    data);
GtkWidget     *gui_test_find_widget       (GtkWidget   *root,
                                           GType        type,
                                           GuiTestMatch match,
                                           gpointer     data);
/* A mapped GtkLabel under `root` whose text is `text`, or NULL. */
GtkWidget     *gui_test_find_shown_label  (GtkWidget   *root,
                                           const char  *text);
/* The window's title widget: the dataset's title and the file's name. */
AdwWindowTitle *gui_test_get_window_title  (TrancheWindow *window);
/* The event's index in `dataset` by its id; fails the test when absent. */
guint          gui_test_event_index       (TrancheDataset *dataset,
                                           const char     *id);

G_END_DECLS
