/* tranche-slide-pages.c: the slides after the events
 *
 * Valuation and cumulative funding are the window's charts (TrancheChart),
 * each on a slide of its own over the whole period; the cumulative slide
 * adds what the sources reported beside what the events add up to. The
 * summary slide is a table per investor, and the sources slide lists every
 * source the shown events cite.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "tranche-cumulative-chart.h"
#include "tranche-draw.h"
#include "tranche-format.h"
#include "tranche-slide-private.h"
#include "tranche-summary.h"
#include "tranche-totals.h"
#include "tranche-valuation-chart.h"

/* Rows the reconciliation table shows under the cumulative chart. */
#define MAX_GAP_ROWS 5

static void
paint_chart (TrancheSlidePainter *self,
             TrancheChart        *chart,
             cairo_t             *cr,
             const TrancheTheme  *theme,
             const TrancheRect   *rect)
{
  TranchePresentation *p = self->presentation;
  TrancheDataset *dataset = tranche_presentation_get_dataset (p);
  TrancheTimeScale scale;

  tranche_chart_fit_scale (theme, dataset, rect->x, rect->width, &scale);
  tranche_chart_set_data (chart, dataset, tranche_presentation_get_mask (p));
  tranche_chart_layout (chart, theme, NULL, &scale, rect);
  tranche_chart_paint (chart, cr, -1);
}

void
tranche_slide_paint_valuation (TrancheSlidePainter *self,
                               cairo_t             *cr,
                               const TrancheTheme  *theme,
                               double               width,
                               double               height)
{
  g_autoptr(GObject) context_ref = NULL;
  PangoContext *context;
  double s = theme->scale, top;
  TrancheRect rect;

  context = tranche_draw_create_context ();
  context_ref = G_OBJECT (context);
  top = tranche_slide_paint_heading (cr, theme, context, _("Valuation over time"),
                                     /* Translators: under the valuation slide's title */
                                     _("What the company was said to be worth, event by event"),
                                     width, height);
  if (self->valuation == NULL)
    self->valuation = TRANCHE_CHART (tranche_valuation_chart_new ());
  rect = (TrancheRect) { 24 * s, top, width - 48 * s, height - top - 60 * s };
  paint_chart (self, self->valuation, cr, theme, &rect);
}

static void
paint_cell (cairo_t            *cr,
            const TrancheTheme *theme,
            PangoContext       *context,
            const char         *text,
            gboolean            bold,
            TrancheColor        color,
            double              x,
            double              y,
            double              width,
            gboolean            right)
{
  g_autoptr(PangoLayout) layout = tranche_slide_text (context, theme, text, theme->text_size,
                                                      bold, width, 1);
  double w;

  if (right)
    pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  tranche_draw_get_text_size (layout, &w, NULL);
  tranche_draw_set_color (cr, color);
  tranche_draw_layout (cr, layout, x, y);
}

/* A table: a header row and rows of cells, column x and widths given;
 * returns the y under it. */
static double
paint_header_row (cairo_t            *cr,
                  const TrancheTheme *theme,
                  PangoContext       *context,
                  const char *const  *headers,
                  const double       *xs,
                  const double       *widths,
                  const gboolean     *right,
                  guint               n,
                  double              y,
                  double              line_x0,
                  double              line_x1)
{
  double s = theme->scale, h = 0;

  for (guint c = 0; c < n; c++)
    {
      g_autoptr(PangoLayout) layout = tranche_slide_text (context, theme, headers[c],
                                                          theme->small_size, TRUE, widths[c], 1);
      if (right[c])
        pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      tranche_draw_set_color (cr, theme->muted);
      tranche_draw_layout (cr, layout, xs[c], y);
      h = MAX (h, tranche_slide_text_height (layout));
    }
  y += h + 6 * s;
  tranche_draw_set_color (cr, theme->grid_strong);
  cairo_rectangle (cr, line_x0, y, line_x1 - line_x0, MAX (1, s));
  cairo_fill (cr);
  return y + 8 * s;
}

void
tranche_slide_describe_gap (TrancheDataset   *dataset,
                            const TrancheGap *gap,
                            char            **computed,
                            char            **reported,
                            char            **verdict)
{
  const TrancheEvent *ev;

  g_return_if_fail (dataset != NULL && gap != NULL);

  ev = tranche_dataset_get_event (dataset, gap->event);
  /* The range itself, never gap->computed: that is the reported figure
   * whenever it falls inside the range. */
  *computed = tranche_sum_format (&gap->computed_sum);
  if (**computed == '\0')
    {
      g_free (*computed);
      *computed = g_strdup (C_("summary", "none"));
    }
  *reported = tranche_format_money (&ev->cumulative);
  *verdict = tranche_totals_explain_gap (gap);
  if (*verdict == NULL)
    /* Translators: a reported total inside the range the events add up
     * to, as --summary says it */
    *verdict = g_strdup (C_("gap", "they agree"));
}

static void
paint_reconciliation (TrancheSlidePainter *self,
                      cairo_t             *cr,
                      const TrancheTheme  *theme,
                      PangoContext        *context,
                      const TrancheRect   *rect)
{
  TranchePresentation *p = self->presentation;
  TrancheDataset *dataset = tranche_presentation_get_dataset (p);
  GBytes *mask = tranche_presentation_get_mask (p);
  g_autoptr(TrancheTotals) totals =
    tranche_totals_new (dataset, mask != NULL ? g_bytes_get_data (mask, NULL) : NULL);
  const char *headers[] = {
    /* Translators: columns of the reported-vs-computed table on a slide */
    C_("column", "Reported by"), C_("column", "Sum of events"), C_("column", "Reported"),
    C_("column", "Difference"),
  };
  const gboolean right[] = { FALSE, TRUE, TRUE, FALSE };
  double s = theme->scale, xs[4], widths[4], y = rect->y, row_h;
  guint n = tranche_totals_get_n_gaps (totals), first;
  g_autoptr(PangoLayout) heading = NULL;

  /* Translators: heading of the table under the cumulative chart */
  heading = tranche_slide_text (context, theme, _("Reported totals against the events"),
                                theme->text_size * 1.1, TRUE, rect->width, 1);
  tranche_draw_set_color (cr, theme->foreground);
  tranche_draw_layout (cr, heading, rect->x, y);
  y += tranche_slide_text_height (heading) + 8 * s;
  if (n == 0)
    {
      g_autoptr(PangoLayout) none =
        /* Translators: under the cumulative chart when no source gives a total */
        tranche_slide_text (context, theme, _("No source reports a total to compare with."),
                            theme->text_size, FALSE, rect->width, 2);
      tranche_draw_set_color (cr, theme->muted);
      tranche_draw_layout (cr, none, rect->x, y);
      return;
    }
  {
    double avail = rect->width - 64 * s;

    /* The sum is the widest: "$310–585M + 1 undisclosed". */
    widths[0] = avail * 0.34;
    widths[1] = avail * 0.25;
    widths[2] = avail * 0.13;
    widths[3] = avail * 0.28;
  }
  xs[0] = rect->x;
  xs[1] = xs[0] + widths[0] + 16 * s;
  xs[2] = xs[1] + widths[1] + 16 * s;
  xs[3] = xs[2] + widths[2] + 32 * s;
  y = paint_header_row (cr, theme, context, headers, xs, widths, right, 4, y, rect->x,
                        rect->x + rect->width);
  /* Two lines a row: the report, then whose money it counts. */
  row_h = theme->text_size * 1.65 + theme->small_size * 1.35 + 10 * s;
  /* The latest reports say most about where the totals stand: as many of
   * them as fit, the count of the others said under them. */
  {
    double room = rect->y + rect->height - y;
    guint fit = room >= row_h * n ? n : (guint) MAX ((room - row_h * 0.6) / row_h, 0);

    first = n - MIN (n, MIN (fit, MAX_GAP_ROWS));
  }
  for (guint i = first; i < n; i++)
    {
      const TrancheGap *gap = tranche_totals_get_gap (totals, i);
      const TrancheEvent *e = tranche_dataset_get_event (dataset, gap->event);
      g_autofree char *date = tranche_format_date (&e->date);
      g_autofree char *who = g_strdup_printf ("%s · %s", date, e->title != NULL ? e->title
                                                                                 : e->id);
      g_autofree char *whose = tranche_summary_describe_scope (dataset, gap);
      g_autofree char *reported = NULL;
      g_autofree char *computed_text = NULL;
      g_autofree char *diff = NULL;
      g_autoptr(PangoLayout) scope = NULL;

      tranche_slide_describe_gap (dataset, gap, &computed_text, &reported, &diff);

      paint_cell (cr, theme, context, who, FALSE, theme->foreground, xs[0], y, widths[0], FALSE);
      paint_cell (cr, theme, context, computed_text, FALSE, theme->foreground, xs[1], y,
                  widths[1], TRUE);
      paint_cell (cr, theme, context, reported, TRUE, theme->foreground, xs[2], y, widths[2],
                  TRUE);
      paint_cell (cr, theme, context, diff, FALSE, theme->muted, xs[3], y, widths[3], FALSE);
      scope = tranche_slide_text (context, theme, whose, theme->small_size, FALSE, widths[0], 1);
      tranche_draw_set_color (cr, theme->muted);
      tranche_draw_layout (cr, scope, xs[0], y + theme->text_size * 1.65);
      y += row_h;
    }
  if (first > 0)
    {
      /* Translators: under the reported-vs-computed table */
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u earlier report not shown",
                                                            "%u earlier reports not shown",
                                                            first), first);
      paint_cell (cr, theme, context, more, FALSE, theme->muted, xs[0], y, rect->width, FALSE);
    }
}

void
tranche_slide_paint_cumulative (TrancheSlidePainter *self,
                                cairo_t             *cr,
                                const TrancheTheme  *theme,
                                double               width,
                                double               height)
{
  g_autoptr(GObject) context_ref = NULL;
  PangoContext *context;
  double s = theme->scale, top, chart_h;
  TrancheRect rect, table;

  context = tranche_draw_create_context ();
  context_ref = G_OBJECT (context);
  top = tranche_slide_paint_heading (cr, theme, context, _("Cumulative funding"),
                                     /* Translators: under the cumulative slide's title */
                                     _("Money put in, added up event by event"), width, height);
  if (self->cumulative == NULL)
    self->cumulative = TRANCHE_CHART (tranche_cumulative_chart_new ());
  chart_h = (height - top - 60 * s) * 0.6;
  rect = (TrancheRect) { 24 * s, top, width - 48 * s, chart_h };
  paint_chart (self, self->cumulative, cr, theme, &rect);
  table = (TrancheRect) { 48 * s, top + chart_h + 20 * s, width - 96 * s,
                          height - top - chart_h - 80 * s };
  paint_reconciliation (self, cr, theme, context, &table);
}

/* Most received first (the least it can be, in the default currency), then
 * --summary's order. */
static int
compare_lines (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const TrancheSummaryLine *la = a, *lb = b;
  TrancheCurrency currency = GPOINTER_TO_UINT (user_data);
  double ra = 0, rb = 0;

  for (guint i = 0; i < la->received->len; i++)
    if (g_array_index (la->received, TrancheSum, i).currency == currency)
      ra = g_array_index (la->received, TrancheSum, i).min;
  for (guint i = 0; i < lb->received->len; i++)
    if (g_array_index (lb->received, TrancheSum, i).currency == currency)
      rb = g_array_index (lb->received, TrancheSum, i).min;
  if (ra != rb)
    return ra < rb ? 1 : -1;
  return (int) la->investor - (int) lb->investor;
}

GArray *
tranche_slide_summary_lines (TrancheDataset *dataset,
                             GBytes         *mask)
{
  g_autoptr(TrancheTotals) totals = NULL;
  const guint8 *bytes;
  GArray *lines;

  g_return_val_if_fail (dataset != NULL, NULL);

  bytes = mask != NULL ? g_bytes_get_data (mask, NULL) : NULL;
  totals = tranche_totals_new (dataset, bytes);
  lines = tranche_summary_get_lines (totals, bytes);
  /* Sort each target's investors, the target's own line staying first. */
  for (guint i = 0; i < lines->len;)
    {
      guint end = i + 1;

      while (end < lines->len
             && g_array_index (lines, TrancheSummaryLine, end).investor != TRANCHE_NO_ENTITY)
        end++;
      if (end - i > 2)
        g_qsort_with_data (&g_array_index (lines, TrancheSummaryLine, i + 1), end - i - 1,
                           sizeof (TrancheSummaryLine), compare_lines,
                           GUINT_TO_POINTER (tranche_dataset_get_currency (dataset)));
      i = end;
    }
  return lines;
}

static void
paint_summary_line (cairo_t                  *cr,
                    const TrancheTheme       *theme,
                    PangoContext             *context,
                    TrancheDataset           *dataset,
                    const TrancheSummaryLine *line,
                    const double             *xs,
                    const double             *widths,
                    double                    y)
{
  gboolean whole = line->investor == TRANCHE_NO_ENTITY;
  g_autofree char *received = tranche_summary_format_sums (line->received);
  g_autofree char *outstanding = line->outstanding->len > 0
    ? tranche_summary_format_sums (line->outstanding) : g_strdup ("—");
  g_autofree char *share = whole ? g_strdup ("") : tranche_summary_format_share (line);
  g_autofree char *rounds = g_strdup_printf ("%u", line->n_rounds);
  g_autofree char *led = whole ? g_strdup ("") : g_strdup_printf ("%u", line->n_led);
  double indent = whole ? 0 : 16 * theme->scale;
  const char *name = tranche_dataset_get_entity (dataset, whole ? line->target
                                                                : line->investor)->name;

  paint_cell (cr, theme, context, name, whole, theme->foreground, xs[0] + indent, y,
              widths[0] - indent, FALSE);
  paint_cell (cr, theme, context, received, whole, theme->foreground, xs[1], y, widths[1],
              TRUE);
  paint_cell (cr, theme, context, outstanding, whole, theme->foreground, xs[2], y, widths[2],
              TRUE);
  paint_cell (cr, theme, context, share, FALSE, theme->foreground, xs[3], y, widths[3], TRUE);
  paint_cell (cr, theme, context, rounds, FALSE, theme->muted, xs[4], y, widths[4], TRUE);
  paint_cell (cr, theme, context, led, FALSE, theme->muted, xs[5], y, widths[5], TRUE);
}

void
tranche_slide_paint_summary (TrancheSlidePainter *self,
                             cairo_t             *cr,
                             const TrancheTheme  *theme,
                             double               width,
                             double               height)
{
  TranchePresentation *p = self->presentation;
  TrancheDataset *dataset = tranche_presentation_get_dataset (p);
  g_autoptr(GObject) context_ref = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  PangoContext *context;
  const char *headers[] = {
    /* Translators: columns of the summary slide, one row per investor */
    C_("column", "Investor"), C_("column", "Received"),
    /* Translators: a column of the summary slide: commitments not yet paid */
    C_("column", "Commitments outstanding"),
    C_("column", "Share"), C_("column", "Rounds"), C_("column", "Led"),
  };
  const gboolean right[] = { FALSE, TRUE, TRUE, TRUE, TRUE, TRUE };
  double s = theme->scale, margin = 48 * s, xs[6], widths[6], y, row_h, bottom;
  /* Received is the widest: "$385–660M + 1 undisclosed". */
  double fractions[] = { 0.27, 0.25, 0.18, 0.1, 0.06, 0.06 };
  guint shown = 0, n_investors = 0;

  context = tranche_draw_create_context ();
  context_ref = G_OBJECT (context);
  y = tranche_slide_paint_heading (cr, theme, context, _("Summary by investor"),
                                   /* Translators: under the summary slide's title */
                                   _("Money received by the company from each investor, and "
                                     "commitments not yet paid"), width, height);
  lines = tranche_slide_summary_lines (dataset, tranche_presentation_get_mask (p));
  xs[0] = margin;
  for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
    {
      widths[c] = (width - 2 * margin - 5 * 24 * s) * fractions[c] / 0.92;
      if (c > 0)
        xs[c] = xs[c - 1] + widths[c - 1] + 24 * s;
    }
  y = paint_header_row (cr, theme, context, headers, xs, widths, right, 6, y, margin,
                        width - margin);
  row_h = theme->text_size * 1.45 + 6 * s;
  bottom = height - 90 * s;
  for (guint i = 0; i < lines->len; i++)
    {
      const TrancheSummaryLine *line = &g_array_index (lines, TrancheSummaryLine, i);

      if (line->investor != TRANCHE_NO_ENTITY)
        n_investors++;
      if (y + row_h > bottom)
        continue;
      if (line->investor == TRANCHE_NO_ENTITY && i > 0)
        y += 8 * s;
      if (line->investor != TRANCHE_NO_ENTITY && n_investors % 2 == 0)
        {
          tranche_draw_set_color (cr, theme->lane_stripe);
          cairo_rectangle (cr, margin - 8 * s, y - 4 * s, width - 2 * margin + 16 * s, row_h);
          cairo_fill (cr);
        }
      paint_summary_line (cr, theme, context, dataset, line, xs, widths, y);
      y += row_h;
      shown++;
    }
  if (shown < lines->len)
    {
      guint rest = lines->len - shown;
      /* Translators: under the summary table when not every row fits */
      g_string_append_printf (note, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u more row in tranche --summary.",
                                                 "%u more rows in tranche --summary.", rest),
                              rest);
      g_string_append_c (note, ' ');
    }
  /* Translators: under the summary table */
  g_string_append (note, _("A share is the investor's money against all the company "
                           "received: a range when that total is one, “≥” when some of "
                           "the investor's own money is undisclosed."));
  {
    g_autoptr(PangoLayout) layout = tranche_slide_text (context, theme, note->str,
                                                        theme->small_size, FALSE,
                                                        width - 2 * margin, 2);

    tranche_draw_set_color (cr, theme->muted);
    tranche_draw_layout (cr, layout, margin, y + 8 * s);
  }
}

/* "Publisher · 12 Jan 2024 · https://host/path…": the URL last, cut at its
 * end so its host stays whole. */
static char *
describe_source_line (const TrancheSource *source)
{
  g_autoptr(GString) line = g_string_new (NULL);

  if (source->publisher != NULL && *source->publisher != '\0')
    g_string_append (line, source->publisher);
  if (tranche_date_is_set (&source->published))
    {
      g_autofree char *date = tranche_format_date (&source->published);

      if (line->len > 0)
        g_string_append (line, " · ");
      g_string_append (line, date);
    }
  return g_string_free (g_steal_pointer (&line), FALSE);
}

void
tranche_slide_paint_sources (TrancheSlidePainter *self,
                             cairo_t             *cr,
                             const TrancheTheme  *theme,
                             double               width,
                             double               height)
{
  TranchePresentation *p = self->presentation;
  TrancheDataset *dataset = tranche_presentation_get_dataset (p);
  g_autoptr(GObject) context_ref = NULL;
  g_autofree char *subtitle = NULL;
  PangoContext *context;
  const guint32 *sources;
  guint n, n_columns = 1, column = 0, shown = 0;
  double s = theme->scale, margin = 48 * s, top, y, bottom = height - 60 * s, col_w;
  double title_size, line_size;

  context = tranche_draw_create_context ();
  context_ref = G_OBJECT (context);
  sources = tranche_presentation_get_sources (p, &n);
  /* Translators: under the sources slide's title */
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u source cited by these events",
                                           "%u sources cited by these events", n), n);
  top = tranche_slide_paint_heading (cr, theme, context, _("Sources"), subtitle, width, height);
  /* A few sources in room-sized type; many in two columns of smaller. */
  title_size = n <= 6 ? theme->text_size * 1.3 : theme->text_size;
  line_size = n <= 6 ? theme->text_size : theme->small_size;
  if (n * (title_size * 1.3 + 2 * line_size * 1.3 + 18 * s) > bottom - top)
    n_columns = 2;
  col_w = (width - 2 * margin - (n_columns - 1) * 40 * s) / n_columns;
  y = top;
  for (guint i = 0; i < n; i++)
    {
      const TrancheSource *source = tranche_dataset_get_source (dataset, sources[i]);
      g_autofree char *line = describe_source_line (source);
      g_autoptr(PangoLayout) title = NULL;
      g_autoptr(PangoLayout) meta = NULL;
      g_autoptr(PangoLayout) url = NULL;
      double x = margin + column * (col_w + 40 * s), h;

      title = tranche_slide_text (context, theme,
                                  source->title != NULL && *source->title != '\0'
                                  ? source->title : source->id,
                                  title_size, TRUE, col_w, 1);
      meta = tranche_slide_text (context, theme, line, line_size, FALSE, col_w, 1);
      /* Cut at its end, if at all: the host, first, stays whole. */
      if (source->url != NULL && *source->url != '\0')
        url = tranche_slide_text (context, theme, source->url, line_size, FALSE, col_w, 1);
      h = tranche_slide_text_height (title) + tranche_slide_text_height (meta)
          + (url != NULL ? tranche_slide_text_height (url) : 0);
      if (y + h > bottom)
        {
          if (++column >= n_columns)
            break;
          y = top;
          x = margin + column * (col_w + 40 * s);
        }
      tranche_draw_set_color (cr, theme->foreground);
      tranche_draw_layout (cr, title, x, y);
      y += tranche_slide_text_height (title);
      tranche_draw_set_color (cr, theme->muted);
      if (*line != '\0')
        {
          tranche_draw_layout (cr, meta, x, y);
          y += tranche_slide_text_height (meta);
        }
      if (url != NULL)
        {
          tranche_draw_set_color (cr, theme->selection);
          tranche_draw_layout (cr, url, x, y);
          y += tranche_slide_text_height (url);
        }
      y += 14 * s;
      shown++;
    }
  if (shown < n)
    {
      guint rest = n - shown;
      /* Translators: at the end of the sources slide when not all fit */
      g_autofree char *more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "+ %u more source in the file",
                                                            "+ %u more sources in the file",
                                                            rest), rest);
      paint_cell (cr, theme, context, more, FALSE, theme->muted, margin, bottom, width,
                  FALSE);
    }
}
