/* test-widgets.c: the source panel, the events table and the filter bar, on a
 * real (virtual) display
 *
 * Datasets are made with the builder so these tests don't depend on the
 * loader. Each widget sits in a shown window, so "visible" below means mapped:
 * what a user would see, not what a property says.
 */
#include "config.h"

#include <adwaita.h>

#include "tranche-dataset-builder.h"
#include "tranche-event-item.h"
#include "tranche-event-table.h"
#include "tranche-filter-bar.h"
#include "tranche-loader.h"
#include "tranche-source-panel.h"
#include "tranche-url.h"

#define PASSAGE "Microsoft a investi 10 milliards de dollars dans OpenAI plus tôt cette année."
#define LATE_PASSAGE "Les deux marques continueront probablement de coopérer à l’avenir."

typedef struct
{
  const char *id;
  const char *date;
  const char *title;
  const char *investor;
  const char *target;
  double      amount;   /* < 0: undisclosed, 0: absent */
  const char *source;
  const char *quote;
  const char *tag;
} Row;

static const Row events[] = {
  { "first", "2019", "First investment", "microsoft", "openai", 1e9,
    "article", "Microsoft  a investi\n10 milliards de dollars   dans OpenAI", "ai" },
  { "missing", "2021", "Second tranche", "microsoft", "openai", -1,
    "article", "a sentence the article does not have", "ai" },
  { "markup", "2022-Q3", "<b>Bold</b> & <i>claim</i>", NULL, "evil", 0,
    "script", "anything", "news" },
  { "files", "2023", "Anthropic round", "google", "anthropic", 4e9,
    "file", "a local file", "ai" },
  { "upper", "2023-05", "Shouting URL", "microsoft", "openai", 10e9,
    "shouting", "upper case scheme", NULL },
  { "late", "2023-11", "Late passage", NULL, "openai", 0,
    "article", "Les deux marques   continueront\nprobablement de coopérer à l'avenir.", NULL },
  { "data", "2024", "Data URL", "google", "openai", 2e6,
    "data", "a data URL", NULL },
};

static char *
make_article (void)
{
  GString *text = g_string_new ("Le premier paragraphe. " PASSAGE " Puis la suite.\n\n");

  /* Long enough that the last paragraph is far below the first screen. */
  for (guint i = 0; i < 60; i++)
    g_string_append_printf (text, "Paragraphe de remplissage numéro %u, sans rien de cité.\n\n", i);
  g_string_append (text, LATE_PASSAGE " Fin.");
  return g_string_free (text, FALSE);
}

static TrancheDataset *
make_dataset (void)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  g_autofree char *article_text = make_article ();
  TrancheEntity entities[] = {
    { .id = "microsoft", .name = "Microsoft", .kind = TRANCHE_ENTITY_INVESTOR },
    { .id = "google", .name = "Google", .kind = TRANCHE_ENTITY_INVESTOR },
    { .id = "openai", .name = "OpenAI" },
    { .id = "anthropic", .name = "Anthropic" },
    { .id = "evil", .name = "<b>Evil</b> & Co" },
  };
  TrancheSource sources[] = {
    { .id = "article", .title = "L’article", .publisher = "Le Journal",
      .url = "https://example.com/article", .language = "fr", .text = article_text },
    { .id = "script", .title = "<i>Funding</i> roundup", .url = "javascript:alert(1)" },
    { .id = "file", .title = "Local notes", .url = "file:///etc/passwd" },
    { .id = "shouting", .title = "Shouting", .url = "HTTPS://EXAMPLE.COM/X" },
    { .id = "data", .title = "Data", .url = "data:text/html,<script>alert(1)</script>" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
    tranche_dataset_builder_add_entity (b, &entities[i]);
  for (guint i = 0; i < G_N_ELEMENTS (sources); i++)
    tranche_dataset_builder_add_source (b, &sources[i]);
  for (guint i = 0; i < G_N_ELEMENTS (events); i++)
    {
      const Row *r = &events[i];
      TrancheEvent ev = { .id = r->id, .title = r->title };
      TrancheCitation citation = { .source_id = r->source, .quote = r->quote };
      guint32 investor = 0;

      g_assert_cmpint (tranche_date_parse (r->date, &ev.date), ==, TRANCHE_DATE_OK);
      ev.target = tranche_dataset_builder_ensure_entity (b, r->target);
      if (r->investor != NULL)
        investor = tranche_dataset_builder_ensure_entity (b, r->investor);
      if (r->amount > 0)
        {
          ev.amount.flags = TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_HAS_VALUE;
          ev.amount.value = r->amount;
        }
      else if (r->amount < 0)
        ev.amount.flags = TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_UNDISCLOSED;
      tranche_dataset_builder_add_event (b, &ev, &investor, r->investor ? 1 : 0,
                                         &citation, 1, &r->tag, r->tag ? 1 : 0);
    }
  return tranche_dataset_builder_finish (g_steal_pointer (&b));
}

/* Many similar events, for scrolling. */
static TrancheDataset *
make_long_dataset (guint n)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  guint32 investor = tranche_dataset_builder_ensure_entity (b, "investor");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      TrancheEvent ev = { .id = id, .title = id };

      ev.date = tranche_date_from_day (2000 + i / 300, 1 + i % 12, 1 + i % 28);
      ev.target = investor;
      tranche_dataset_builder_add_event (b, &ev, &investor, 1, NULL, 0, NULL, 0);
    }
  return tranche_dataset_builder_finish (g_steal_pointer (&b));
}

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* Runs the main loop for a while, so frames are drawn and timeouts fire. */
static void
run_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      iterate ();
      g_usleep (5000);
    }
}

static GtkWidget *
show_in_window (GtkWidget *child,
                int        width,
                int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));
  run_for (200);
  return window;
}

typedef gboolean (*WidgetPredicate) (GtkWidget  *widget,
                                     const char *text);

static GtkWidget *
find_widget (GtkWidget       *root,
             WidgetPredicate  predicate,
             const char      *text)
{
  if (predicate (root, text))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, predicate, text);

      if (found != NULL)
        return found;
    }
  /* A menu button's popover is not among its children. */
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_popover (GTK_MENU_BUTTON (root)))
    return find_widget (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (root))),
                        predicate, text);
  return NULL;
}

static gboolean
is_label_with_text (GtkWidget  *widget,
                    const char *text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_label_starting (GtkWidget  *widget,
                   const char *text)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), text);
}

static gboolean
is_button_with_label (GtkWidget  *widget,
                      const char *text)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0;
}

static gboolean
is_check_with_label (GtkWidget  *widget,
                     const char *text)
{
  return GTK_IS_CHECK_BUTTON (widget)
         && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), text) == 0;
}

static gboolean
is_menu_button_with_label (GtkWidget  *widget,
                           const char *text)
{
  return GTK_IS_MENU_BUTTON (widget)
         && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), text) == 0;
}

static gboolean
is_type (GtkWidget  *widget,
         const char *type_name)
{
  return g_type_is_a (G_OBJECT_TYPE (widget), g_type_from_name (type_name));
}

/* A label with this text that is on screen. */
static GtkWidget *
shown_label (GtkWidget  *root,
             const char *text)
{
  GtkWidget *label = find_widget (root, is_label_with_text, text);

  return label != NULL && gtk_widget_get_mapped (label) ? label : NULL;
}

static guint
index_of (TrancheDataset *ds,
          const char     *id)
{
  guint index = tranche_dataset_find_event (ds, id);

  g_assert_cmpuint (index, <, tranche_dataset_get_n_events (ds));
  return index;
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

/* Source panel */

static void
test_panel_empty (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  GtkWidget *panel = tranche_source_panel_new ();
  GtkWidget *window = show_in_window (panel, 500, 700);

  g_assert_nonnull (shown_label (panel, "Select an event to see where its figures come from"));
  tranche_source_panel_set_dataset (TRANCHE_SOURCE_PANEL (panel), ds);
  tranche_source_panel_set_event (TRANCHE_SOURCE_PANEL (panel), index_of (ds, "first"));
  iterate ();
  g_assert_null (shown_label (panel, "Select an event to see where its figures come from"));
  g_assert_nonnull (shown_label (panel, "First investment"));
  tranche_source_panel_set_event (TRANCHE_SOURCE_PANEL (panel), -1);
  iterate ();
  g_assert_nonnull (shown_label (panel, "Select an event to see where its figures come from"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_panel_highlight (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  GtkWidget *panel = tranche_source_panel_new ();
  GtkWidget *window = show_in_window (panel, 600, 800);
  g_autofree char *highlighted = NULL;

  tranche_source_panel_set_dataset (TRANCHE_SOURCE_PANEL (panel), ds);
  tranche_source_panel_set_event (TRANCHE_SOURCE_PANEL (panel), index_of (ds, "first"));
  iterate ();
  /* The quote has doubled spaces and a line break; the highlight is the
   * article's own text. */
  g_assert_true (tranche_source_panel_get_highlight (TRANCHE_SOURCE_PANEL (panel), 0,
                                                     &highlighted));
  g_assert_cmpstr (highlighted, ==, "Microsoft a investi 10 milliards de dollars dans OpenAI");
  g_assert_null (shown_label (panel, "The quoted passage was not found in the article"));
  g_assert_nonnull (shown_label (panel, "First investment"));
  g_assert_nonnull (shown_label (panel, "Microsoft → OpenAI"));
  g_assert_nonnull (shown_label (panel, "Le Journal · fr"));
  g_assert_false (tranche_source_panel_get_highlight (TRANCHE_SOURCE_PANEL (panel), 1, NULL));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_panel_not_found (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  GtkWidget *panel = tranche_source_panel_new ();
  GtkWidget *window = show_in_window (panel, 600, 800);
  g_autofree char *highlighted = NULL;

  tranche_source_panel_set_dataset (TRANCHE_SOURCE_PANEL (panel), ds);
  tranche_source_panel_set_event (TRANCHE_SOURCE_PANEL (panel), index_of (ds, "missing"));
  iterate ();
  g_assert_false (tranche_source_panel_get_highlight (TRANCHE_SOURCE_PANEL (panel), 0,
                                                      &highlighted));
  g_assert_null (highlighted);
  g_assert_nonnull (shown_label (panel, "The quoted passage was not found in the article"));
  /* The quote itself is still shown. */
  g_assert_nonnull (shown_label (panel, "a sentence the article does not have"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
passage_in_view (GtkTextView *view,
                 const char  *passage)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, match;
  GdkRectangle visible, location;

  gtk_text_buffer_get_start_iter (buffer, &start);
  if (!gtk_text_iter_forward_search (&start, passage, 0, &match, NULL, NULL))
    return FALSE;
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &match, &location);
  return location.y >= visible.y && location.y + location.height <= visible.y + visible.height;
}

static void
test_panel_scrolls_to_passage (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  GtkWidget *panel = tranche_source_panel_new ();
  GtkWidget *window = show_in_window (panel, 600, 800);
  g_autofree char *highlighted = NULL;
  GtkWidget *view;
  gint64 deadline;

  tranche_source_panel_set_dataset (TRANCHE_SOURCE_PANEL (panel), ds);
  tranche_source_panel_set_event (TRANCHE_SOURCE_PANEL (panel), index_of (ds, "late"));
  g_assert_true (tranche_source_panel_get_highlight (TRANCHE_SOURCE_PANEL (panel), 0,
                                                     &highlighted));
  /* ' in the quote, ’ in the article */
  g_assert_cmpstr (highlighted, ==, LATE_PASSAGE);
  view = find_widget (panel, is_type, "GtkTextView");
  g_assert_nonnull (view);
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));

  /* The passage ends the article: it must be scrolled to, at first show. */
  deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (!passage_in_view (GTK_TEXT_VIEW (view), LATE_PASSAGE)
         && g_get_monotonic_time () < deadline)
    run_for (20);
  g_assert_true (passage_in_view (GTK_TEXT_VIEW (view), LATE_PASSAGE));
  g_assert_false (passage_in_view (GTK_TEXT_VIEW (view), "Le premier paragraphe."));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Issue 12: a paraphrase is shown as one, labelled, and not looked for in
 * the article (it can't be found there, and saying so would be noise). */
static void
test_panel_paraphrase (void)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  g_autofree char *article_text = make_article ();
  TrancheSource source = { .id = "article", .title = "L’article", .text = article_text };
  TrancheCitation citation = { .source_id = "article",
                               .quote = "Microsoft put in about a billion", .paraphrase = TRUE };
  TrancheEvent ev = { .id = "p", .title = "Paraphrased" };
  guint32 investor;
  g_autoptr(TrancheDataset) ds = NULL;
  GtkWidget *panel = tranche_source_panel_new ();
  GtkWidget *window = show_in_window (panel, 600, 800);

  tranche_dataset_builder_add_source (b, &source);
  investor = tranche_dataset_builder_ensure_entity (b, "microsoft");
  ev.target = tranche_dataset_builder_ensure_entity (b, "openai");
  g_assert_cmpint (tranche_date_parse ("2019", &ev.date), ==, TRANCHE_DATE_OK);
  tranche_dataset_builder_add_event (b, &ev, &investor, 1, &citation, 1, NULL, 0);
  ds = tranche_dataset_builder_finish (g_steal_pointer (&b));

  tranche_source_panel_set_dataset (TRANCHE_SOURCE_PANEL (panel), ds);
  tranche_source_panel_set_event (TRANCHE_SOURCE_PANEL (panel), 0);
  iterate ();
  g_assert_nonnull (shown_label (panel, "Paraphrase"));
  g_assert_true (gtk_widget_has_css_class (shown_label (panel, citation.quote),
                                           "tranche-paraphrase"));
  g_assert_false (gtk_widget_has_css_class (shown_label (panel, citation.quote),
                                            "tranche-quote"));
  g_assert_null (shown_label (panel, "The quoted passage was not found in the article"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_panel_plain_text (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  GtkWidget *panel = tranche_source_panel_new ();
  GtkWidget *window = show_in_window (panel, 600, 800);
  const char *literal[] = {
    "<b>Bold</b> & <i>claim</i>",  /* event title */
    /* entity name; the round names no investors (issue 12) */
    "Investors not reported → <b>Evil</b> & Co",
    "<i>Funding</i> roundup",      /* source title */
  };

  tranche_source_panel_set_dataset (TRANCHE_SOURCE_PANEL (panel), ds);
  tranche_source_panel_set_event (TRANCHE_SOURCE_PANEL (panel), index_of (ds, "markup"));
  iterate ();
  for (guint i = 0; i < G_N_ELEMENTS (literal); i++)
    {
      GtkWidget *label = shown_label (panel, literal[i]);

      g_assert_nonnull (label);
      g_assert_false (gtk_label_get_use_markup (GTK_LABEL (label)));
      /* What is drawn is the text itself, tags and all. */
      g_assert_cmpstr (pango_layout_get_text (gtk_label_get_layout (GTK_LABEL (label))),
                       ==, literal[i]);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_panel_open_in_browser (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  GtkWidget *panel = tranche_source_panel_new ();
  GtkWidget *window = show_in_window (panel, 600, 800);
  struct { const char *event, *url; gboolean button; } cases[] = {
    { "first", "https://example.com/article", TRUE },
    { "upper", "HTTPS://EXAMPLE.COM/X", TRUE },
    { "markup", "javascript:alert(1)", FALSE },
    { "files", "file:///etc/passwd", FALSE },
    { "data", "data:text/html,<script>alert(1)</script>", FALSE },
  };

  tranche_source_panel_set_dataset (TRANCHE_SOURCE_PANEL (panel), ds);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkWidget *button;
      g_autofree char *head = NULL;
      g_autofree char *tail = NULL;
      g_autofree char *real_host = NULL;

      tranche_source_panel_set_event (TRANCHE_SOURCE_PANEL (panel), index_of (ds, cases[i].event));
      iterate ();
      /* Every URL is shown, as text: its scheme and host in a label never
       * elided, the rest in one that may be. */
      tranche_url_split_for_display (cases[i].url, &head, &tail, &real_host);
      g_assert_cmpstr (head, !=, "");
      g_assert_nonnull (shown_label (panel, head));
      if (*tail != '\0')
        g_assert_nonnull (shown_label (panel, tail));
      button = find_widget (panel, is_button_with_label, "Open in Browser");
      if (cases[i].button)
        {
          g_assert_nonnull (button);
          g_assert_true (gtk_widget_get_mapped (button));
          g_assert_true (gtk_widget_is_sensitive (button));
        }
      else
        g_assert_null (button);
    }
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Events table */

static int
row_event (GListModel *rows,
           guint       position)
{
  g_autoptr(TrancheEventItem) item = g_list_model_get_item (rows, position);

  return item ? (int) tranche_event_item_get_index (item) : -1;
}

static void
test_table_rows (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  GtkWidget *table = tranche_event_table_new ();
  GtkWidget *window = show_in_window (table, 900, 500);
  GListModel *rows = tranche_event_table_get_rows (TRANCHE_EVENT_TABLE (table));
  guint n = tranche_dataset_get_n_events (ds);

  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, 0);
  tranche_event_table_set_dataset (TRANCHE_EVENT_TABLE (table), ds);
  run_for (100);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpint (row_event (rows, i), ==, (int) i);
  /* Cells show the values as text. */
  g_assert_nonnull (shown_label (table, "First investment"));
  g_assert_nonnull (shown_label (table, "<b>Bold</b> & <i>claim</i>"));
  g_assert_nonnull (shown_label (table, "Microsoft"));
  g_assert_nonnull (shown_label (table, "undisclosed"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_table_mask (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  GtkWidget *table = tranche_event_table_new ();
  GtkWidget *window = show_in_window (table, 900, 500);
  GListModel *rows = tranche_event_table_get_rows (TRANCHE_EVENT_TABLE (table));
  guint n = tranche_dataset_get_n_events (ds);
  guint hidden_a = index_of (ds, "first"), hidden_b = index_of (ds, "files");
  g_autofree guint8 *bits = g_malloc (n);
  g_autoptr(GBytes) mask = NULL;

  memset (bits, 1, n);
  bits[hidden_a] = bits[hidden_b] = 0;
  mask = g_bytes_new (bits, n);
  tranche_event_table_set_dataset (TRANCHE_EVENT_TABLE (table), ds);
  tranche_event_table_set_mask (TRANCHE_EVENT_TABLE (table), mask);
  run_for (100);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n - 2);
  for (guint i = 0; i < n - 2; i++)
    {
      int index = row_event (rows, i);

      g_assert_cmpint (index, !=, (int) hidden_a);
      g_assert_cmpint (index, !=, (int) hidden_b);
    }
  g_assert_null (shown_label (table, "First investment"));
  g_assert_nonnull (shown_label (table, "Second tranche"));

  tranche_event_table_set_mask (TRANCHE_EVENT_TABLE (table), NULL);
  run_for (50);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The totals row: a label under the rows, after "Total of". */
static const char *
totals_text (GtkWidget *table)
{
  GtkWidget *label = find_widget (table, is_label_starting, "Total of");

  g_assert_nonnull (label);
  return gtk_label_get_text (GTK_LABEL (label));
}

static void
test_table_kind_and_totals (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  GtkWidget *table = tranche_event_table_new ();
  GtkWidget *window = show_in_window (table, 900, 500);
  guint n = tranche_dataset_get_n_events (ds);
  g_autofree guint8 *bits = g_malloc0 (n);
  g_autoptr(GBytes) mask = NULL;

  tranche_event_table_set_dataset (TRANCHE_EVENT_TABLE (table), ds);
  run_for (100);
  /* A Kind column, in words. */
  g_assert_nonnull (shown_label (table, "Investment"));
  /* The totals of what is shown, as core sums them, each company apart:
   * $1B, $10B and one undisclosed amount into OpenAI, $4B into Anthropic. */
  g_assert_cmpstr (totals_text (table), ==,
                   "Total of 7 events: OpenAI received $11B + 1 undisclosed; "
                   "Anthropic received $4B");

  bits[index_of (ds, "first")] = bits[index_of (ds, "missing")] = 1;
  mask = g_bytes_new (bits, n);
  tranche_event_table_set_mask (TRANCHE_EVENT_TABLE (table), mask);
  run_for (50);
  g_assert_cmpstr (totals_text (table), ==, "Total of 2 events: $1B + 1 undisclosed");

  /* Only an undisclosed amount: counted, with no "$0" beside it. */
  memset (bits, 0, n);
  bits[index_of (ds, "missing")] = 1;
  g_clear_pointer (&mask, g_bytes_unref);
  mask = g_bytes_new (bits, n);
  tranche_event_table_set_mask (TRANCHE_EVENT_TABLE (table), mask);
  run_for (50);
  g_assert_cmpstr (totals_text (table), ==, "Total of 1 event: 1 undisclosed");

  memset (bits, 0, n);
  bits[index_of (ds, "markup")] = 1;
  g_clear_pointer (&mask, g_bytes_unref);
  mask = g_bytes_new (bits, n);
  tranche_event_table_set_mask (TRANCHE_EVENT_TABLE (table), mask);
  run_for (50);
  g_assert_cmpstr (totals_text (table), ==, "Total of 1 event: no amount");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Helio buys Sensa Vision: each company's money apart, as --summary gives
 * it, never Helio's funding and its purchase added up. */
static void
test_table_totals_per_company (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "histories",
                                                 "helio.json", NULL);
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(TrancheDataset) ds = tranche_loader_load_file (path, NULL, diagnostics, &error);
  GtkWidget *table = tranche_event_table_new ();
  GtkWidget *window = show_in_window (table, 900, 500);

  g_assert_no_error (error);
  tranche_event_table_set_dataset (TRANCHE_EVENT_TABLE (table), ds);
  run_for (100);
  g_assert_cmpstr (totals_text (table), ==,
                   "Total of 20 events: Helio Robotics received $385–660M + 1 undisclosed; "
                   "Sensa Vision received 1 undisclosed");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Whether a table cell's label shows all its text: neither ellipsized nor
 * wider than the cell, which would clip it. */
static gboolean
label_shows_all (GtkWidget *label)
{
  int natural = 0;

  gtk_widget_measure (label, GTK_ORIENTATION_HORIZONTAL, -1, NULL, &natural, NULL, NULL);
  return !pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label)))
         && gtk_widget_get_width (gtk_widget_get_parent (label)) >= natural;
}

static void
test_table_dates_and_amounts_whole (void)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  guint32 investor = tranche_dataset_builder_ensure_entity (b, "investor");
  TrancheEvent ev = { .id = "long", .title = "A long span" };
  GtkWidget *table = tranche_event_table_new ();
  GtkWidget *window = show_in_window (table, 900, 500);
  GtkWidget *date, *amount;

  g_assert_cmpint (tranche_date_parse ("2023-09-25", &ev.date), ==, TRANCHE_DATE_OK);
  g_assert_cmpint (tranche_date_parse ("2025-Q4", &ev.end), ==, TRANCHE_DATE_OK);
  ev.target = investor;
  ev.amount.flags = TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_HAS_RANGE | TRANCHE_MONEY_APPROX;
  ev.amount.min = 1234567890123.0;
  ev.amount.max = 9876543210987.0;
  ev.amount.currency = tranche_currency_from_code ("CHF");
  tranche_dataset_builder_add_event (b, &ev, &investor, 1, NULL, 0, NULL, 0);
  ds = tranche_dataset_builder_finish (g_steal_pointer (&b));

  tranche_event_table_set_dataset (TRANCHE_EVENT_TABLE (table), ds);
  run_for (150);
  date = find_widget (table, is_label_starting, "25 Sep 2023");
  g_assert_nonnull (date);
  g_assert_true (label_shows_all (date));
  amount = find_widget (table, is_label_starting, "~");
  g_assert_nonnull (amount);
  g_assert_true (label_shows_all (amount));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
wait_for_sort (GListModel *rows)
{
  GListModel *sorted = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (rows));
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  g_assert_true (GTK_IS_SORT_LIST_MODEL (sorted));
  while (gtk_sort_list_model_get_pending (GTK_SORT_LIST_MODEL (sorted)) > 0
         && g_get_monotonic_time () < deadline)
    run_for (10);
  g_assert_cmpuint (gtk_sort_list_model_get_pending (GTK_SORT_LIST_MODEL (sorted)), ==, 0);
}

static void
test_table_sort_amount (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  GtkWidget *table = tranche_event_table_new ();
  GtkWidget *window = show_in_window (table, 900, 500);
  GListModel *rows = tranche_event_table_get_rows (TRANCHE_EVENT_TABLE (table));
  guint n = tranche_dataset_get_n_events (ds);
  const char *descending[] = { "upper", "files", "first", "data", "missing" };

  tranche_event_table_set_dataset (TRANCHE_EVENT_TABLE (table), ds);
  tranche_event_table_sort_by (TRANCHE_EVENT_TABLE (table), TRANCHE_EVENT_FIELD_AMOUNT,
                               GTK_SORT_DESCENDING);
  wait_for_sort (rows);
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, n);
  /* Largest first, the undisclosed one after every figure, absent ones last. */
  for (guint i = 0; i < G_N_ELEMENTS (descending); i++)
    g_assert_cmpint (row_event (rows, i), ==, (int) index_of (ds, descending[i]));

  tranche_event_table_sort_by (TRANCHE_EVENT_TABLE (table), TRANCHE_EVENT_FIELD_AMOUNT,
                               GTK_SORT_ASCENDING);
  wait_for_sort (rows);
  g_assert_cmpint (row_event (rows, n - 1), ==, (int) index_of (ds, "upper"));

  /* Titles case-insensitively: "<b>Bold…" sorts by its "<", then A, D, F… */
  tranche_event_table_sort_by (TRANCHE_EVENT_TABLE (table), TRANCHE_EVENT_FIELD_TITLE,
                               GTK_SORT_ASCENDING);
  wait_for_sort (rows);
  g_assert_cmpint (row_event (rows, 1), ==, (int) index_of (ds, "files"));
  g_assert_cmpint (row_event (rows, n - 1), ==, (int) index_of (ds, "upper"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_table_set_selected (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  GtkWidget *table = tranche_event_table_new ();
  GtkWidget *window = show_in_window (table, 900, 500);
  GListModel *rows = tranche_event_table_get_rows (TRANCHE_EVENT_TABLE (table));
  guint index = index_of (ds, "files");
  guint notified = 0;
  TrancheEventItem *item;

  tranche_event_table_set_dataset (TRANCHE_EVENT_TABLE (table), ds);
  tranche_event_table_sort_by (TRANCHE_EVENT_TABLE (table), TRANCHE_EVENT_FIELD_TITLE,
                               GTK_SORT_DESCENDING);
  wait_for_sort (rows);
  g_signal_connect (table, "notify::selected", G_CALLBACK (count_notify_cb), &notified);

  g_object_set (table, "selected", (int) index, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (tranche_event_table_get_selected (TRANCHE_EVENT_TABLE (table)), ==, index);
  item = gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (rows));
  g_assert_nonnull (item);
  g_assert_cmpuint (tranche_event_item_get_index (item), ==, index);
  g_assert_true (gtk_selection_model_is_selected (
    GTK_SELECTION_MODEL (rows), gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (rows))));

  /* The same again changes nothing. */
  tranche_event_table_set_selected (TRANCHE_EVENT_TABLE (table), index);
  g_assert_cmpuint (notified, ==, 1);

  tranche_event_table_set_selected (TRANCHE_EVENT_TABLE (table), -1);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_null (gtk_single_selection_get_selected_item (GTK_SINGLE_SELECTION (rows)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_table_selection_notifies (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  GtkWidget *table = tranche_event_table_new ();
  GtkWidget *window = show_in_window (table, 900, 500);
  GListModel *rows = tranche_event_table_get_rows (TRANCHE_EVENT_TABLE (table));
  guint n = tranche_dataset_get_n_events (ds);
  guint notified = 0;
  guint index = index_of (ds, "missing");
  g_autofree guint8 *bits = g_malloc (n);
  g_autoptr(GBytes) hide_other = NULL;
  g_autoptr(GBytes) hide_selected = NULL;

  tranche_event_table_set_dataset (TRANCHE_EVENT_TABLE (table), ds);
  g_signal_connect (table, "notify::selected", G_CALLBACK (count_notify_cb), &notified);

  /* As a click does: the selection model changes, the table follows. */
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (rows), index, TRUE);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (tranche_event_table_get_selected (TRANCHE_EVENT_TABLE (table)), ==, index);

  /* Filtering other rows away keeps the selection, quietly. */
  memset (bits, 1, n);
  bits[index_of (ds, "first")] = 0;
  hide_other = g_bytes_new (bits, n);
  tranche_event_table_set_mask (TRANCHE_EVENT_TABLE (table), hide_other);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpint (tranche_event_table_get_selected (TRANCHE_EVENT_TABLE (table)), ==, index);
  g_assert_cmpint (row_event (rows, gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (rows))),
                   ==, index);

  /* Filtering the selected row away clears the selection. */
  bits[index] = 0;
  hide_selected = g_bytes_new (bits, n);
  tranche_event_table_set_mask (TRANCHE_EVENT_TABLE (table), hide_selected);
  g_assert_cmpuint (notified, ==, 2);
  g_assert_cmpint (tranche_event_table_get_selected (TRANCHE_EVENT_TABLE (table)), ==, -1);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
event_activated_cb (TrancheEventTable *table,
                    int                index,
                    int               *activated)
{
  *activated = index;
}

static void
test_table_activate (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  GtkWidget *table = tranche_event_table_new ();
  GtkWidget *window = show_in_window (table, 900, 500);
  GtkWidget *view = find_widget (table, is_type, "GtkColumnView");
  int activated = -2;

  tranche_event_table_set_dataset (TRANCHE_EVENT_TABLE (table), ds);
  tranche_event_table_sort_by (TRANCHE_EVENT_TABLE (table), TRANCHE_EVENT_FIELD_AMOUNT,
                               GTK_SORT_DESCENDING);
  wait_for_sort (tranche_event_table_get_rows (TRANCHE_EVENT_TABLE (table)));
  g_signal_connect (table, "event-activated", G_CALLBACK (event_activated_cb), &activated);
  g_signal_emit_by_name (view, "activate", 0u);
  g_assert_cmpint (activated, ==, (int) index_of (ds, "upper"));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_table_scrolls_to_selected (void)
{
  g_autoptr(TrancheDataset) ds = make_long_dataset (400);
  GtkWidget *table = tranche_event_table_new ();
  GtkWidget *window = show_in_window (table, 700, 300);
  GtkWidget *scroller = find_widget (table, is_type, "GtkScrolledWindow");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  /* Titles are unique; the dataset is in date order, not creation order. */
  const char *wanted = tranche_dataset_get_event (ds, 390)->title;
  const char *first = tranche_dataset_get_event (ds, 0)->title;
  gint64 deadline;

  tranche_event_table_set_dataset (TRANCHE_EVENT_TABLE (table), ds);
  run_for (100);
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0.0);
  tranche_event_table_set_selected (TRANCHE_EVENT_TABLE (table), 390);
  deadline = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;
  while (shown_label (table, wanted) == NULL && g_get_monotonic_time () < deadline)
    run_for (20);
  g_assert_nonnull (shown_label (table, wanted));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0.0);
  g_assert_null (shown_label (table, first));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Filter bar */

static void
test_filter_bar_investor (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  GtkWidget *bar = tranche_filter_bar_new ();
  GtkWidget *window = show_in_window (bar, 900, 400);
  GtkWidget *menu, *check, *chip_label, *chip, *clear;
  const TrancheFilter *filter;
  guint notified = 0;

  tranche_filter_bar_set_dataset (TRANCHE_FILTER_BAR (bar), ds);
  g_signal_connect (bar, "notify::filter", G_CALLBACK (count_notify_cb), &notified);
  menu = find_widget (bar, is_menu_button_with_label, "Investor");
  g_assert_nonnull (menu);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
  run_for (200);

  /* Only entities that invest are offered as investors. */
  g_assert_null (find_widget (menu, is_check_with_label, "OpenAI"));
  check = find_widget (menu, is_check_with_label, "Microsoft");
  g_assert_nonnull (check);
  g_assert_true (gtk_widget_get_mapped (check));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  g_assert_cmpuint (notified, ==, 1);
  filter = tranche_filter_bar_get_filter (TRANCHE_FILTER_BAR (bar));
  g_assert_true (tranche_filter_has (filter, TRANCHE_FILTER_INVESTOR, "microsoft"));
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu));
  run_for (300);

  /* Shown as a removable chip, with Clear Filters beside. */
  chip_label = shown_label (bar, "Investor: Microsoft");
  g_assert_nonnull (chip_label);
  clear = find_widget (bar, is_button_with_label, "Clear Filters");
  g_assert_true (gtk_widget_get_mapped (clear));
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (menu)), ==, "Investor (1)");

  /* A button activated from the keyboard clicks when its pressed look ends. */
  gtk_widget_activate (clear);
  run_for (400);
  g_assert_cmpuint (notified, ==, 2);
  filter = tranche_filter_bar_get_filter (TRANCHE_FILTER_BAR (bar));
  g_assert_true (tranche_filter_is_empty (filter));
  run_for (300);
  g_assert_null (shown_label (bar, "Investor: Microsoft"));
  g_assert_false (gtk_widget_get_mapped (clear));

  /* The check shows the cleared state next time, and a chip removes its own. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
  run_for (200);
  check = find_widget (menu, is_check_with_label, "Microsoft");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu));
  run_for (300);
  chip = gtk_widget_get_ancestor (shown_label (bar, "Investor: Microsoft"), GTK_TYPE_BUTTON);
  g_assert_nonnull (chip);
  gtk_widget_activate (chip);
  run_for (400);
  g_assert_cmpuint (notified, ==, 4);
  g_assert_true (tranche_filter_is_empty (tranche_filter_bar_get_filter (TRANCHE_FILTER_BAR (bar))));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_filter_bar_search (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  GtkWidget *bar = tranche_filter_bar_new ();
  GtkWidget *window = show_in_window (bar, 900, 400);
  GtkWidget *entry = find_widget (bar, is_type, "GtkSearchEntry");
  guint notified = 0;
  gint64 deadline;

  tranche_filter_bar_set_dataset (TRANCHE_FILTER_BAR (bar), ds);
  g_signal_connect (bar, "notify::filter", G_CALLBACK (count_notify_cb), &notified);
  tranche_filter_bar_focus_search (TRANCHE_FILTER_BAR (bar));
  g_assert_true (gtk_widget_has_focus (gtk_widget_get_first_child (entry))
                 || gtk_widget_has_focus (entry)
                 || gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), entry));

  gtk_editable_set_text (GTK_EDITABLE (entry), "o");
  gtk_editable_set_text (GTK_EDITABLE (entry), "op");
  gtk_editable_set_text (GTK_EDITABLE (entry), "open");
  iterate ();
  /* Debounced: nothing yet while typing. */
  g_assert_cmpuint (notified, ==, 0);
  deadline = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;
  while (notified == 0 && g_get_monotonic_time () < deadline)
    run_for (20);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_cmpstr (tranche_filter_get_text (tranche_filter_bar_get_filter (TRANCHE_FILTER_BAR (bar))),
                   ==, "open");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_filter_bar_set_filter (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  g_autoptr(TrancheFilter) filter = tranche_filter_new ();
  g_autoptr(TrancheFilter) read_back = NULL;
  GtkWidget *bar = tranche_filter_bar_new ();
  GtkWidget *window = show_in_window (bar, 900, 400);
  guint notified = 0;

  tranche_filter_bar_set_dataset (TRANCHE_FILTER_BAR (bar), ds);
  g_signal_connect (bar, "notify::filter", G_CALLBACK (count_notify_cb), &notified);
  tranche_filter_add (filter, TRANCHE_FILTER_TAG, "ai");
  tranche_filter_set_kinds (filter, 1u << TRANCHE_EVENT_INVESTMENT);
  g_object_set (bar, "filter", filter, NULL);
  g_assert_cmpuint (notified, ==, 1);
  g_object_get (bar, "filter", &read_back, NULL);
  g_assert_true (tranche_filter_equal (read_back, filter));
  /* Setting an equal filter is no change. */
  tranche_filter_bar_set_filter (TRANCHE_FILTER_BAR (bar), filter);
  g_assert_cmpuint (notified, ==, 1);
  run_for (300);
  g_assert_nonnull (shown_label (bar, "Tag: ai"));
  g_assert_nonnull (shown_label (bar, "Kind: Investment"));

  tranche_filter_bar_set_counts (TRANCHE_FILTER_BAR (bar), 12, 340);
  g_assert_nonnull (shown_label (bar, "12 of 340 events"));
  tranche_filter_bar_set_counts (TRANCHE_FILTER_BAR (bar), 340, 340);
  g_assert_nonnull (shown_label (bar, "340 events"));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/widgets/panel-paraphrase", test_panel_paraphrase);
  g_test_add_func ("/panel/empty", test_panel_empty);
  g_test_add_func ("/panel/highlight", test_panel_highlight);
  g_test_add_func ("/panel/not-found", test_panel_not_found);
  g_test_add_func ("/panel/scrolls-to-passage", test_panel_scrolls_to_passage);
  g_test_add_func ("/panel/plain-text", test_panel_plain_text);
  g_test_add_func ("/panel/open-in-browser", test_panel_open_in_browser);
  g_test_add_func ("/table/rows", test_table_rows);
  g_test_add_func ("/table/mask", test_table_mask);
  g_test_add_func ("/table/sort-amount", test_table_sort_amount);
  g_test_add_func ("/table/kind-and-totals", test_table_kind_and_totals);
  g_test_add_func ("/table/totals-per-company", test_table_totals_per_company);
  g_test_add_func ("/table/dates-and-amounts-whole", test_table_dates_and_amounts_whole);
  g_test_add_func ("/table/set-selected", test_table_set_selected);
  g_test_add_func ("/table/selection-notifies", test_table_selection_notifies);
  g_test_add_func ("/table/activate", test_table_activate);
  g_test_add_func ("/table/scrolls-to-selected", test_table_scrolls_to_selected);
  g_test_add_func ("/filter-bar/investor", test_filter_bar_investor);
  g_test_add_func ("/filter-bar/search", test_filter_bar_search);
  g_test_add_func ("/filter-bar/set-filter", test_filter_bar_set_filter);
  return g_test_run ();
}
