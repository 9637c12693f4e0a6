/* test-export.c: exported files have the asked size and the expected
 * content, and a failed export leaves the previous file as it was
 *
 * PNGs are read back and their pixels checked where core's scene says a
 * marker is; SVGs are parsed (and drawn by rsvg-convert when it is
 * installed, then checked the same way); PDFs are checked for their page
 * size and count (with pdfinfo when it is installed, and in the file's own
 * page objects always).
 */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include "tranche-chart-stack.h"
#include "tranche-dataset-builder.h"
#include "tranche-deck.h"
#include "tranche-diagnostics.h"
#include "tranche-export.h"
#include "tranche-filter.h"
#include "tranche-loader.h"
#include "tranche-presentation.h"

#define FUND_COLOR 0xd55e00

static TrancheDay
ymd (int y,
     int m,
     int d)
{
  return tranche_day_from_ymd (y, m, d);
}

/* One investor in a colour of its own, a big round on a known day, and a
 * valuation so the charts under the timeline have something to draw. */
static TrancheDataset *
make_dataset (void)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  TrancheEntity fund = { .id = "fund", .name = "Fund", .kind = TRANCHE_ENTITY_INVESTOR,
                         .has_color = TRUE, .color = FUND_COLOR };
  TrancheSource source = { .id = "paper", .title = "The Paper", .publisher = "Daily" };
  TrancheCitation citation = { .source_id = "paper", .quote = "a big round" };
  TrancheEvent ev = { 0 };
  guint32 investor;

  tranche_dataset_builder_add_entity (b, &fund);
  tranche_dataset_builder_add_source (b, &source);
  investor = tranche_dataset_builder_ensure_entity (b, "fund");
  ev.id = "big";
  ev.title = "Big round";
  ev.kind = TRANCHE_EVENT_INVESTMENT;
  ev.date = tranche_date_from_day (2021, 7, 1);
  ev.target = tranche_dataset_builder_ensure_entity (b, "startup");
  ev.amount.flags = TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_HAS_VALUE;
  ev.amount.value = 5e9;
  ev.valuation.flags = TRANCHE_MONEY_PRESENT | TRANCHE_MONEY_HAS_VALUE;
  ev.valuation.value = 20e9;
  ev.valuation.basis = TRANCHE_BASIS_POST_MONEY;
  tranche_dataset_builder_add_event (b, &ev, &investor, 1, &citation, 1, NULL, 0);
  ev.id = "small";
  ev.title = "Small round";
  ev.date = tranche_date_from_day (2019, 2, 1);
  ev.amount.value = 2e8;
  ev.valuation.value = 1e9;
  tranche_dataset_builder_add_event (b, &ev, &investor, 1, NULL, 0, NULL, 0);
  tranche_dataset_builder_set_title (b, "Export test");
  return tranche_dataset_builder_finish (g_steal_pointer (&b));
}

static TrancheDataset *
load_sample (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "samples",
                                                 "microsoft-openai.json", NULL);
  g_autoptr(TrancheDiagnostics) diagnostics = tranche_diagnostics_new ();
  g_autoptr(GError) error = NULL;
  TrancheDataset *dataset = tranche_loader_load_file (path, NULL, diagnostics, &error);

  g_assert_no_error (error);
  g_assert_nonnull (dataset);
  return dataset;
}

static void
init_options (TrancheExportOptions *options)
{
  tranche_export_options_init (options);
  options->today = NAN;
  options->first = ymd (2018, 1, 1);
  options->end = ymd (2024, 1, 1);
}

/* The scene an export with these options paints, laid out the same way. */
static TrancheChartStack *
make_stack (TrancheDataset             *ds,
            const TrancheExportOptions *options)
{
  TrancheChartStack *stack = tranche_chart_stack_new ();
  TrancheDay first, end;

  tranche_export_configure_stack (stack, ds, options, TRANCHE_EXPORT_PNG);
  tranche_export_get_range (stack, options, &first, &end);
  tranche_chart_stack_layout (stack, options->width, options->height, first, end);
  return stack;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  cairo_surface_flush (surface);
  return *(guint32 *) (cairo_image_surface_get_data (surface)
                       + y * cairo_image_surface_get_stride (surface) + x * 4);
}

static gboolean
color_near (guint32      pixel,
            TrancheColor expected,
            int          tolerance)
{
  int r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

  return ((pixel >> 24) & 0xff) == 0xff
         && ABS (r - (int) round (expected.red * 255)) <= tolerance
         && ABS (g - (int) round (expected.green * 255)) <= tolerance
         && ABS (b - (int) round (expected.blue * 255)) <= tolerance;
}

/* Where the "big" round's marker is in the export's pixels, checked to be
 * at the x of its date on the shared time scale. */
static void
big_marker_position (TrancheChartStack *stack,
                     TrancheDataset    *ds,
                     double            *x,
                     double            *y)
{
  TrancheTimelineLayout *timeline = tranche_chart_stack_get_timeline (stack);
  const TrancheTimelineMarker *marker;
  TrancheTimelineHit hit;
  TrancheRect rect;
  TrancheDay day;

  g_assert_nonnull (timeline);
  g_assert_true (tranche_chart_stack_get_rect (stack, TRANCHE_STACK_TIMELINE, &rect));
  g_assert_true (tranche_timeline_layout_find_event (timeline, tranche_dataset_find_event (ds,
                                                                                         "big"),
                                                     &hit));
  g_assert_cmpint (hit.kind, ==, TRANCHE_HIT_MARKER);
  marker = tranche_timeline_layout_get_marker (timeline, hit.index);
  day = tranche_date_middle_day (&tranche_dataset_get_event (ds, hit.event)->date);
  g_assert_cmpfloat_with_epsilon (marker->x,
                                  tranche_time_scale_day_to_x (tranche_chart_stack_get_scale (stack),
                                                               day), 1.0);
  *x = rect.x + marker->x;
  *y = rect.y + marker->y;
}

/* The painter fills markers at 92% over the lane, striped or not. */
static void
assert_marker_pixel (cairo_surface_t    *surface,
                     double              x,
                     double              y,
                     const TrancheTheme *theme)
{
  TrancheColor fund = tranche_color_from_rgb (FUND_COLOR, 1);
  guint32 pixel = pixel_at (surface, (int) x, (int) y);

  g_assert_true (color_near (pixel, tranche_color_mix (theme->background, fund, 0.92), 6)
                 || color_near (pixel, tranche_color_mix (theme->lane_stripe, fund, 0.92), 6));
}

static char *
make_tmp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("tranche-export-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_png_all_views (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  g_autoptr(TrancheChartStack) stack = NULL;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "all.png", NULL);
  g_autoptr(GError) error = NULL;
  TrancheExportOptions options;
  TrancheRect timeline, valuation, cumulative, footer;
  cairo_surface_t *read;
  double x, y;

  init_options (&options);
  options.width = 1200;
  options.height = 800;
  options.scale = 2;
  options.views = TRANCHE_STACK_ALL;
  options.show_footer = TRUE;
  g_assert_true (tranche_export_dataset (ds, path, &options, &error));
  g_assert_no_error (error);

  /* The charts are stacked in order, inside the canvas, between the title
   * and the footer, on the timeline's time scale. */
  stack = make_stack (ds, &options);
  g_assert_true (tranche_chart_stack_get_rect (stack, TRANCHE_STACK_TIMELINE, &timeline));
  g_assert_true (tranche_chart_stack_get_rect (stack, TRANCHE_STACK_VALUATION, &valuation));
  g_assert_true (tranche_chart_stack_get_rect (stack, TRANCHE_STACK_CUMULATIVE,
                                               &cumulative));
  g_assert_nonnull (tranche_chart_stack_get_title (stack, NULL));
  g_assert_nonnull (tranche_chart_stack_get_footer (stack, &footer));
  g_assert_cmpfloat (timeline.y, >, 0);
  g_assert_cmpfloat (valuation.y, >=, timeline.y + timeline.height - 0.5);
  g_assert_cmpfloat (cumulative.y, >=, valuation.y + valuation.height - 0.5);
  g_assert_cmpfloat (footer.y, >=, cumulative.y + cumulative.height);
  g_assert_cmpfloat (footer.y + footer.height, <=, options.height);
  g_assert_cmpfloat (tranche_chart_stack_get_scale (stack)->x, ==,
                     tranche_timeline_layout_get_plot (tranche_chart_stack_get_timeline (stack))->x);

  read = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (read), ==, CAIRO_STATUS_SUCCESS);
  /* opaque, so written without an alpha channel */
  g_assert_cmpint (cairo_image_surface_get_format (read), ==, CAIRO_FORMAT_RGB24);
  g_assert_cmpint (cairo_image_surface_get_width (read), ==, 2400);
  g_assert_cmpint (cairo_image_surface_get_height (read), ==, 1600);
  big_marker_position (stack, ds, &x, &y);
  assert_marker_pixel (read, x * 2, y * 2, tranche_chart_stack_get_theme (stack));
  /* The corner is the theme's opaque background. */
  g_assert_true (color_near (pixel_at (read, 1, 1),
                             tranche_chart_stack_get_theme (stack)->background, 1));
  cairo_surface_destroy (read);
  remove_tree (dir);
}

static void
test_png_transparent (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  g_autoptr(TrancheChartStack) stack = NULL;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "clear.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "clear.pdf", NULL);
  g_autoptr(GError) error = NULL;
  TrancheExportOptions options;
  cairo_surface_t *read;
  double x, y;
  guint32 pixel;

  init_options (&options);
  options.width = 1000;
  options.height = 600;
  options.transparent = TRUE;
  options.theme = TRANCHE_THEME_DARK;
  g_assert_true (tranche_export_dataset (ds, path, &options, &error));
  g_assert_no_error (error);

  read = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_image_surface_get_format (read), ==, CAIRO_FORMAT_ARGB32);
  g_assert_cmpint (cairo_image_surface_get_width (read), ==, 1000);
  /* Nothing behind the charts, and the marker as solid as ever. */
  g_assert_cmpuint (pixel_at (read, 1, 1) >> 24, ==, 0);
  stack = make_stack (ds, &options);
  big_marker_position (stack, ds, &x, &y);
  pixel = pixel_at (read, (int) x, (int) y);
  g_assert_cmpuint (pixel >> 24, >=, 0xe0);
  cairo_surface_destroy (read);

  /* A PDF has no transparent background to give. */
  g_assert_false (tranche_export_dataset (ds, pdf, &options, &error));
  g_assert_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_OPTIONS);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  remove_tree (dir);
}

typedef struct
{
  gboolean  root_seen;
  char     *width;
  char     *height;
  guint     n_paths;
  guint     n_fund_fills;
} SvgScan;

static void
svg_start_cb (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  SvgScan *scan = user_data;

  if (!scan->root_seen)
    {
      scan->root_seen = TRUE;
      g_assert_cmpstr (element, ==, "svg");
      for (guint i = 0; names[i] != NULL; i++)
        if (strcmp (names[i], "width") == 0)
          scan->width = g_strdup (values[i]);
        else if (strcmp (names[i], "height") == 0)
          scan->height = g_strdup (values[i]);
    }
  if (strcmp (element, "path") == 0)
    scan->n_paths++;
  for (guint i = 0; names[i] != NULL; i++)
    /* cairo writes colours as percentages: #d55e00 is 83.5%, 36.9%, 0% */
    if ((strcmp (names[i], "fill") == 0 || strcmp (names[i], "style") == 0)
        && strstr (values[i], "rgb(83.") != NULL && strstr (values[i], "36.8") != NULL)
      scan->n_fund_fills++;
}

static void
test_svg_parses (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.svg", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GMarkupParser parser = { svg_start_cb, NULL, NULL, NULL, NULL };
  GMarkupParseContext *context;
  TrancheExportOptions options;
  SvgScan scan = { 0 };
  gsize length;

  init_options (&options);
  g_assert_true (tranche_export_parse_size ("a4", &options.width, &options.height));
  options.views = TRANCHE_STACK_TIMELINE | TRANCHE_STACK_CUMULATIVE;
  options.show_footer = TRUE;
  g_assert_true (tranche_export_dataset (ds, path, &options, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  context = g_markup_parse_context_new (&parser, 0, &scan, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, length, &error));
  g_assert_no_error (error);
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_markup_parse_context_free (context);

  g_assert_true (scan.root_seen);
  g_assert_true (g_str_has_prefix (scan.width, "842"));
  g_assert_true (g_str_has_prefix (scan.height, "595"));
  g_assert_cmpuint (scan.n_paths, >, 20);
  /* The fund's marker is there, in its colour. */
  g_assert_cmpuint (scan.n_fund_fills, >, 0);

  g_free (scan.width);
  g_free (scan.height);
  remove_tree (dir);
}

/* The same SVG drawn by another renderer: the marker is where core put it. */
static void
test_svg_drawn (void)
{
  g_autoptr(TrancheDataset) ds = NULL;
  g_autoptr(TrancheChartStack) stack = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rsvg = g_find_program_in_path ("rsvg-convert");
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *png = NULL;
  TrancheExportOptions options;
  cairo_surface_t *read;
  int status = 0;
  double x, y;

  if (rsvg == NULL)
    {
      g_test_skip ("rsvg-convert is not installed (librsvg2-bin)");
      return;
    }
  ds = make_dataset ();
  dir = make_tmp_dir ();
  path = g_build_filename (dir, "chart.svg", NULL);
  png = g_build_filename (dir, "from-svg.png", NULL);
  init_options (&options);
  g_assert_true (tranche_export_parse_size ("a4", &options.width, &options.height));
  options.views = TRANCHE_STACK_TIMELINE | TRANCHE_STACK_CUMULATIVE;
  options.show_footer = TRUE;
  g_assert_true (tranche_export_dataset (ds, path, &options, &error));
  g_assert_no_error (error);

  {
    const char *argv[] = { rsvg, "-o", png, path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 NULL, NULL, &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  read = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (read), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (read), ==, 842);
  g_assert_cmpint (cairo_image_surface_get_height (read), ==, 595);
  stack = make_stack (ds, &options);
  big_marker_position (stack, ds, &x, &y);
  assert_marker_pixel (read, x, y, tranche_chart_stack_get_theme (stack));
  cairo_surface_destroy (read);
  remove_tree (dir);
}

/* Pages of a PDF as cairo writes them: "/Type /Page" objects, not the
 * "/Type /Pages" tree. */
static guint
count_pdf_pages (const char *contents,
                 gsize       length)
{
  const char *p = contents, *end = contents + length;
  guint n = 0;

  while ((p = memmem (p, end - p, "/Type /Page", 11)) != NULL)
    {
      p += 11;
      if (p < end && *p != 's')
        n++;
    }
  return n;
}

/* pdfinfo's "Pages:" and "Page size:" lines, when it is installed. */
static gboolean
pdfinfo (const char *path,
         guint      *pages,
         char      **size)
{
  g_autofree char *program = g_find_program_in_path ("pdfinfo");
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { program, path, NULL };
  int status = 0;

  if (program == NULL)
    return FALSE;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                               NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Pages:"))
      *pages = (guint) g_ascii_strtoull (g_strchug (lines[i] + 6), NULL, 10);
    else if (g_str_has_prefix (lines[i], "Page size:"))
      *size = g_strdup (g_strstrip (lines[i] + 10));
  return TRUE;
}

static void
test_pdf_size (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *size = NULL;
  g_autoptr(GError) error = NULL;
  TrancheExportOptions options;
  gsize length;
  guint pages = 0;

  init_options (&options);
  g_assert_true (tranche_export_parse_size ("a4", &options.width, &options.height));
  options.views = TRANCHE_STACK_ALL;
  options.show_footer = TRUE;
  g_assert_true (tranche_export_dataset (ds, path, &options, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_nonnull (memmem (contents, length, "/MediaBox [ 0 0 842 595 ]", 25));
  g_assert_cmpuint (count_pdf_pages (contents, length), ==, 1);
  if (pdfinfo (path, &pages, &size))
    {
      g_assert_cmpuint (pages, ==, 1);
      g_assert_true (g_str_has_prefix (size, "842 x 595 pts"));
    }
  remove_tree (dir);
}

static GBytes *
microsoft_mask (TrancheDataset *ds,
                guint          *n_shown)
{
  g_autoptr(TrancheFilter) filter = tranche_filter_new ();

  tranche_filter_add (filter, TRANCHE_FILTER_INVESTOR, "microsoft");
  return tranche_filter_apply (filter, ds, n_shown);
}

static void
test_deck_pdf (void)
{
  g_autoptr(TrancheDataset) ds = load_sample ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "deck.pdf", NULL);
  g_autofree char *png = g_build_filename (dir, "deck.png", NULL);
  g_autoptr(GBytes) mask = NULL;
  g_autoptr(GError) error = NULL;
  TrancheExportOptions options;
  const gboolean filtered[] = { FALSE, TRUE };
  guint n_shown = 0;

  mask = microsoft_mask (ds, &n_shown);
  g_assert_cmpuint (n_shown, ==, 3);
  for (guint f = 0; f < G_N_ELEMENTS (filtered); f++)
    {
      g_autoptr(TranchePresentation) presentation = NULL;
      g_autofree char *contents = NULL;
      g_autofree char *size = NULL;
      gsize length;
      guint n_pages = 0, pages = 0, steps;

      tranche_export_options_init (&options);
      options.today = NAN;
      options.mask = filtered[f] ? mask : NULL;
      presentation = tranche_presentation_new (ds, options.mask);
      steps = tranche_presentation_get_n_steps (presentation);
      g_assert_cmpuint (steps, ==, filtered[f] ? 3 : tranche_dataset_get_n_events (ds));

      g_assert_true (tranche_deck_export (ds, path, &options, &n_pages, &error));
      g_assert_no_error (error);
      /* the title page, one page per step, then valuation, cumulative
       * funding, the summary and the sources: the Microsoft rounds have
       * all four to show too */
      g_assert_cmpuint (n_pages, ==, steps + 1 + 4);
      g_assert_cmpuint (n_pages, ==, tranche_presentation_get_n_positions (presentation));
      g_assert_cmpint (tranche_presentation_get_kind (presentation, steps + 1), ==,
                       TRANCHE_SLIDE_VALUATION);
      g_assert_cmpint (tranche_presentation_get_kind (presentation, steps + 4), ==,
                       TRANCHE_SLIDE_SOURCES);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_cmpuint (count_pdf_pages (contents, length), ==, n_pages);
      if (pdfinfo (path, &pages, &size))
        {
          g_assert_cmpuint (pages, ==, n_pages);
          g_assert_true (g_str_has_prefix (size, "1920 x 1080 pts"));
        }
    }
  /* Only .pdf or a folder. */
  g_assert_false (tranche_deck_export (ds, png, &options, NULL, &error));
  g_assert_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_FORMAT);
  remove_tree (dir);
}

static void
test_deck_png_folder (void)
{
  g_autoptr(TrancheDataset) ds = load_sample ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *folder = g_build_filename (dir, "slides", "deck", NULL);
  g_autofree char *output = g_strconcat (folder, G_DIR_SEPARATOR_S, NULL);
  g_autofree char *notes = g_build_filename (folder, "notes.txt", NULL);
  g_autoptr(GBytes) mask = NULL;
  g_autoptr(GError) error = NULL;
  TrancheExportOptions options;
  guint n_pages = 0, n_events = tranche_dataset_get_n_events (ds);

  tranche_export_options_init (&options);
  options.today = NAN;
  options.width = 960;
  options.height = 540;

  /* The folder is made, and holds deck-01.png (the title) to the sources
   * slide after the last step. */
  g_assert_true (tranche_deck_output_is_folder (output));
  g_assert_true (tranche_deck_export (ds, output, &options, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, n_events + 1 + 4);
  g_assert_cmpuint (tranche_deck_count_pages (folder), ==, n_pages);
  for (guint page = 0; page < n_pages; page++)
    {
      g_autofree char *name = tranche_deck_page_name (page, n_pages);
      g_autofree char *path = g_build_filename (folder, name, NULL);
      cairo_surface_t *read = cairo_image_surface_create_from_png (path);

      g_assert_cmpint (cairo_surface_status (read), ==, CAIRO_STATUS_SUCCESS);
      g_assert_cmpint (cairo_image_surface_get_width (read), ==, 960);
      g_assert_cmpint (cairo_image_surface_get_height (read), ==, 540);
      cairo_surface_destroy (read);
    }
  {
    g_autofree char *first = tranche_deck_page_name (0, n_pages);
    g_autofree char *last = tranche_deck_page_name (n_pages - 1, n_pages);
    g_autofree char *expected = g_strdup_printf ("deck-%02u.png", n_pages);

    g_assert_cmpstr (first, ==, "deck-01.png");
    g_assert_cmpstr (last, ==, expected);
  }

  /* A shorter deck into the same folder: the older deck's extra pages go,
   * the analyst's other files stay. */
  g_assert_true (g_file_set_contents (notes, "mine", -1, NULL));
  mask = microsoft_mask (ds, NULL);
  options.mask = mask;
  g_assert_true (tranche_deck_export (ds, folder, &options, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 3 + 1 + 4);
  g_assert_cmpuint (tranche_deck_count_pages (folder), ==, 8);
  g_assert_true (g_file_test (notes, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_files (folder), ==, 9);
  remove_tree (dir);
}

static void
test_deck_too_many_pages (void)
{
  g_autoptr(TrancheDatasetBuilder) b = tranche_dataset_builder_new ();
  g_autoptr(TrancheDataset) ds = NULL;
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *path = g_build_filename (dir, "deck.pdf", NULL);
  g_autoptr(GError) error = NULL;
  TrancheExportOptions options;
  TrancheEvent ev = { 0 };

  for (guint i = 0; i < TRANCHE_DECK_MAX_PAGES; i++)
    {
      g_autofree char *id = g_strdup_printf ("news-%u", i);
      ev.id = tranche_dataset_builder_intern (b, id);
      ev.title = "News";
      ev.kind = TRANCHE_EVENT_NEWS;
      ev.date = tranche_date_from_day (2000 + i / 300, 1 + i % 12, 1 + i % 28);
      ev.target = TRANCHE_NO_ENTITY;
      tranche_dataset_builder_add_event (b, &ev, NULL, 0, NULL, 0, NULL, 0);
    }
  ds = tranche_dataset_builder_finish (g_steal_pointer (&b));

  /* A page too many: a clear error, nothing written. */
  tranche_export_options_init (&options);
  g_assert_false (tranche_deck_export (ds, path, &options, NULL, &error));
  g_assert_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_OPTIONS);
  g_assert_nonnull (strstr (error->message, "1001 pages"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* A period narrows it to what a meeting can take. */
  g_clear_error (&error);
  options.first = ymd (2000, 1, 1);
  options.end = ymd (2000, 3, 1);
  options.width = 640;
  options.height = 360;
  g_assert_true (tranche_deck_export (ds, path, &options, NULL, &error));
  g_assert_no_error (error);
  remove_tree (dir);
}

/* Writes half a file, then fails: what a full disk or a renderer error
 * halfway looks like to the writer. */
static gboolean
fail_midway (FILE     *file,
             gpointer  user_data,
             GError  **error)
{
  fputs ("half a ", file);
  g_set_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_RENDER, "failed midway");
  return FALSE;
}

static void
assert_keeps (const char *path,
              const char *expected)
{
  g_autofree char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, expected);
}

static void
test_failure_keeps_previous (void)
{
  g_autoptr(TrancheDataset) ds = make_dataset ();
  g_autofree char *dir = make_tmp_dir ();
  g_autofree char *png = g_build_filename (dir, "keep.png", NULL);
  g_autofree char *pdf = g_build_filename (dir, "keep.pdf", NULL);
  g_autofree char *blocker = g_build_filename (dir, "blocker", NULL);
  g_autofree char *under_file = g_build_filename (blocker, "out.png", NULL);
  g_autofree char *as_dir = g_build_filename (dir, "taken.png", NULL);
  g_autoptr(GError) error = NULL;
  TrancheExportOptions options;

  g_assert_true (g_file_set_contents (png, "an older export", -1, NULL));
  g_assert_true (g_file_set_contents (pdf, "an older deck", -1, NULL));
  g_assert_true (g_file_set_contents (blocker, "a file, not a folder", -1, NULL));
  init_options (&options);

  /* A write that fails halfway leaves the old file and no temporary one. */
  g_assert_false (tranche_export_write_atomically (png, fail_midway, NULL, &error));
  g_assert_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_RENDER);
  g_clear_error (&error);
  assert_keeps (png, "an older export");

  /* Options that can't be drawn fail before anything is written. */
  options.scale = 8;
  options.width = options.height = 16000;
  g_assert_false (tranche_export_dataset (ds, png, &options, &error));
  g_assert_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_OPTIONS);
  g_clear_error (&error);
  init_options (&options);
  assert_keeps (png, "an older export");

  /* A deck that can't be written keeps the older deck. */
  options.transparent = TRUE;
  g_assert_false (tranche_deck_export (ds, pdf, &options, NULL, &error));
  g_assert_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_OPTIONS);
  g_clear_error (&error);
  options.transparent = FALSE;
  g_assert_false (tranche_export_write_atomically (pdf, fail_midway, NULL, &error));
  g_clear_error (&error);
  assert_keeps (pdf, "an older deck");

  /* Nowhere to write: a "folder" that is a file. */
  g_assert_false (tranche_export_dataset (ds, under_file, &options, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOTDIR);
  g_clear_error (&error);

  /* The whole file is drawn and written, and only the last step, the
   * rename, fails (the name is taken by a folder): nothing changes. */
  g_assert_cmpint (g_mkdir (as_dir, 0755), ==, 0);
  g_assert_false (tranche_export_dataset (ds, as_dir, &options, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (g_file_test (as_dir, G_FILE_TEST_IS_DIR));

  /* No temporary file was left anywhere: the two old files, the blocker,
   * and the folder. */
  assert_keeps (png, "an older export");
  g_assert_cmpuint (count_files (dir), ==, 4);
  remove_tree (dir);
}

/* A folder we may not write in: the error says so and the file is kept. */
static void
test_failure_unwritable_folder (void)
{
  g_autoptr(TrancheDataset) ds = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *locked = NULL;
  g_autofree char *locked_png = NULL;
  TrancheExportOptions options;

  if (geteuid () == 0)
    {
      g_test_skip ("running as root, who may write anywhere: no unwritable folder");
      return;
    }
  ds = make_dataset ();
  dir = make_tmp_dir ();
  locked = g_build_filename (dir, "locked", NULL);
  locked_png = g_build_filename (locked, "keep.png", NULL);
  init_options (&options);
  g_assert_cmpint (g_mkdir (locked, 0755), ==, 0);
  g_assert_true (g_file_set_contents (locked_png, "locked export", -1, NULL));
  g_assert_cmpint (g_chmod (locked, 0555), ==, 0);
  g_assert_false (tranche_export_dataset (ds, locked_png, &options, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_ACCES);
  g_assert_cmpint (g_chmod (locked, 0755), ==, 0);
  assert_keeps (locked_png, "locked export");
  g_assert_cmpuint (count_files (locked), ==, 1);
  remove_tree (dir);
}

static void
test_footer (void)
{
  g_autoptr(TrancheDataset) ds = load_sample ();
  g_autoptr(GBytes) mask = NULL;
  g_autofree char *year = NULL;
  g_autofree char *filtered = NULL;
  g_autofree char *whole = NULL;
  guint n_shown;

  /* 2019 alone: the one event cites the French article. */
  year = tranche_chart_stack_footer_text (ds, NULL, ymd (2019, 1, 1), ymd (2020, 1, 1));
  g_assert_cmpstr (year, ==, "Sources: Microsoft investit plusieurs milliards de dollars dans "
                   "OpenAI sur plusieurs années (Nov 2023) · Period shown: Jan 2019 – Dec 2019");

  /* Filtered to news, 2019 shows nothing cited. */
  {
    g_autoptr(TrancheFilter) filter = tranche_filter_new ();
    tranche_filter_set_kinds (filter, 1 << TRANCHE_EVENT_NEWS);
    mask = tranche_filter_apply (filter, ds, &n_shown);
  }
  filtered = tranche_chart_stack_footer_text (ds, mask, ymd (2019, 1, 1), ymd (2020, 1, 1));
  g_assert_cmpstr (filtered, ==, "No sources cited · Period shown: Jan 2019 – Dec 2019");

  /* Years for a long range. */
  whole = tranche_chart_stack_footer_text (ds, NULL, ymd (2017, 9, 1), ymd (2024, 4, 1));
  g_assert_true (g_str_has_suffix (whole, "Period shown: 2017 – 2024"));
}

/* The subtitle states the range asked for; a title and subtitle of the
 * caller's replace the dataset's; an export has no today line. */
static void
test_title_and_range (void)
{
  g_autoptr(TrancheDataset) ds = load_sample ();
  g_autoptr(TrancheChartStack) stack = NULL;
  g_autoptr(TrancheChartStack) custom = NULL;
  TrancheExportOptions options;

  tranche_export_options_init (&options);
  g_assert_true (isnan (options.today));
  options.views = TRANCHE_STACK_ALL;
  options.first = tranche_day_from_ymd (2023, 1, 1);
  options.end = tranche_day_from_ymd (2026, 1, 1);
  stack = make_stack (ds, &options);
  /* the sample ends in 2023, but 2023–2025 was asked for */
  g_assert_nonnull (strstr (tranche_chart_stack_get_subtitle (stack, NULL), "2023–2025"));
  /* and the events counted are those of the period: ten of 2023, not the
   * 2018, 2019 and 2021 ones */
  g_assert_true (g_str_has_prefix (tranche_chart_stack_get_subtitle (stack, NULL),
                                   "10 of 13 events · "));
  g_assert_true (isnan (tranche_timeline_layout_get_today_x (
    tranche_chart_stack_get_timeline (stack))));

  options.title = "Board meeting";
  options.subtitle = "Funding to date";
  custom = make_stack (ds, &options);
  g_assert_cmpstr (tranche_chart_stack_get_title (custom, NULL), ==, "Board meeting");
  g_assert_cmpstr (tranche_chart_stack_get_subtitle (custom, NULL), ==, "Funding to date");
}

/* Issue 12: an export whose totals used a rate says so in its subtitle;
 * one that used none names no rate. */
static void
test_subtitle_rates (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "histories",
                                                 "helio.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrancheDataset) helio = tranche_loader_load_file (path, NULL, NULL, &error);
  g_autoptr(TrancheDataset) plain = make_dataset ();
  g_autoptr(TrancheChartStack) stack = NULL;
  g_autoptr(TrancheChartStack) plain_stack = NULL;
  TrancheExportOptions options;

  g_assert_no_error (error);
  tranche_export_options_init (&options);
  options.views = TRANCHE_STACK_ALL;
  stack = make_stack (helio, &options);
  g_assert_true (g_str_has_suffix (tranche_chart_stack_get_subtitle (stack, NULL),
                                   "amounts in USD · EUR at 1.1 USD"));
  plain_stack = make_stack (plain, &options);
  g_assert_null (strstr (tranche_chart_stack_get_subtitle (plain_stack, NULL), " at "));
}

static void
test_options (void)
{
  TrancheExportOptions options;
  g_autoptr(GError) error = NULL;
  guint views = 0;
  int w = 0, h = 0;

  g_assert_true (tranche_export_parse_size ("a4", &w, &h));
  g_assert_cmpint (w, ==, 842);
  g_assert_cmpint (h, ==, 595);
  g_assert_true (tranche_export_parse_size ("4K", &w, &h));
  g_assert_cmpint (w, ==, 3840);
  g_assert_true (tranche_export_parse_size ("slide", &w, &h));
  g_assert_cmpint (h, ==, 1080);
  g_assert_true (tranche_export_parse_size ("800x600", &w, &h));
  g_assert_cmpint (w, ==, 800);
  g_assert_false (tranche_export_parse_size ("800x", &w, &h));
  g_assert_false (tranche_export_parse_size ("a5", &w, &h));

  g_assert_true (tranche_chart_stack_parse_views ("all", &views));
  g_assert_cmpuint (views, ==, TRANCHE_STACK_ALL);
  g_assert_true (tranche_chart_stack_parse_views ("timeline, cumulative", &views));
  g_assert_cmpuint (views, ==, TRANCHE_STACK_TIMELINE | TRANCHE_STACK_CUMULATIVE);
  g_assert_false (tranche_chart_stack_parse_views ("pie", &views));
  g_assert_false (tranche_chart_stack_parse_views ("", &views));

  tranche_export_options_init (&options);
  options.transparent = TRUE;
  g_assert_true (tranche_export_check_options (&options, TRANCHE_EXPORT_PNG, NULL));
  g_assert_false (tranche_export_check_options (&options, TRANCHE_EXPORT_SVG, &error));
  g_assert_error (error, TRANCHE_EXPORT_ERROR, TRANCHE_EXPORT_ERROR_OPTIONS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/png/all-views", test_png_all_views);
  g_test_add_func ("/export/png/transparent", test_png_transparent);
  g_test_add_func ("/export/svg/parses", test_svg_parses);
  g_test_add_func ("/export/svg/drawn", test_svg_drawn);
  g_test_add_func ("/export/pdf/size", test_pdf_size);
  g_test_add_func ("/export/deck/pdf-pages", test_deck_pdf);
  g_test_add_func ("/export/deck/png-folder", test_deck_png_folder);
  g_test_add_func ("/export/deck/too-many-pages", test_deck_too_many_pages);
  g_test_add_func ("/export/failure/keeps-previous", test_failure_keeps_previous);
  g_test_add_func ("/export/failure/unwritable-folder", test_failure_unwritable_folder);
  g_test_add_func ("/export/footer", test_footer);
  g_test_add_func ("/export/options", test_options);
  g_test_add_func ("/export/title-and-range", test_title_and_range);
  g_test_add_func ("/export/subtitle-rates", test_subtitle_rates);
  return g_test_run ();
}
