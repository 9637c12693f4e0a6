/* tranche-chart-stack.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tranche-caption.h"
#include "tranche-chart-options.h"
#include "tranche-chart-stack.h"
#include "tranche-chart.h"
#include "tranche-cumulative-chart.h"
#include "tranche-draw.h"
#include "tranche-format.h"
#include "tranche-mask.h"
#include "tranche-totals.h"
#include "tranche-timeline-painter.h"
#include "tranche-valuation-chart.h"

/* How the body is shared: the timeline holds the most, as in the window
 * (its legend and two rows of ticks take room the other charts don't). */
#define TIMELINE_WEIGHT 1.6
#define CHART_WEIGHT    1.0
/* The least height a valuation or cumulative chart is given, at type scale 1:
 * an axis with a few ticks, its title and a compact legend. */
#define MIN_CHART_HEIGHT 130
/* What a chart keeps when the lanes only want more comfortable rows. */
#define GOOD_CHART_HEIGHT 190
/* Lane rows this many times their legible minimum hold two-line labels. */
#define COMFORTABLE_LANES 1.8

struct _TrancheChartStack
{
  TrancheDataset         *dataset;
  GBytes                 *mask;
  TrancheTheme            theme;
  guint                   views;
  TrancheLaneMode         lane_mode;
  gboolean                show_title;
  gboolean                show_footer;
  TrancheDay              today;
  char                   *custom_title, *custom_subtitle;
  TrancheDay              asked_first, asked_end;

  TrancheTimelineLayout  *timeline;
  TrancheChart           *charts[2];  /* under the timeline, as in chart_views[] */

  /* the scene */
  double                  width, height;
  TrancheTimeScale        scale;
  TrancheRect             rects[3];   /* timeline, valuation, cumulative */
  PangoContext           *context;
  char                   *title, *subtitle, *footer;
  PangoLayout            *title_layout, *subtitle_layout, *footer_layout;
  TrancheRect             title_rect, subtitle_rect, footer_rect;
};

/* The charts under the timeline, top to bottom; their rects follow the
 * timeline's in `rects`. */
static const TrancheStackChart chart_views[] = {
  TRANCHE_STACK_VALUATION, TRANCHE_STACK_CUMULATIVE,
};

static double
S (TrancheChartStack *self,
   double             size)
{
  return tranche_theme_size (&self->theme, size);
}

static guint
view_slot (TrancheStackChart view)
{
  switch (view)
    {
    case TRANCHE_STACK_TIMELINE:
      return 0;
    case TRANCHE_STACK_VALUATION:
      return 1;
    case TRANCHE_STACK_CUMULATIVE:
      return 2;
    case TRANCHE_STACK_ALL:
    default:
      return G_MAXUINT;
    }
}

static gboolean
event_shown (GBytes *mask,
             guint   index)
{
  return mask == NULL || ((const guint8 *) g_bytes_get_data (mask, NULL))[index] != 0;
}

static void
clear_scene (TrancheChartStack *self)
{
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->subtitle, g_free);
  g_clear_pointer (&self->footer, g_free);
  g_clear_object (&self->title_layout);
  g_clear_object (&self->subtitle_layout);
  g_clear_object (&self->footer_layout);
  memset (self->rects, 0, sizeof self->rects);
}

/* The precision a range is best said at: years for a long one, days for a
 * few weeks. */
static TranchePrecision
range_precision (TrancheDay first,
                 TrancheDay end)
{
  if (end - first > 365.2425 * 6)
    return TRANCHE_PRECISION_YEAR;
  if (end - first > 62)
    return TRANCHE_PRECISION_MONTH;
  return TRANCHE_PRECISION_DAY;
}

/* The events the export shows: those the filter keeps, and of those, the
 * ones whose markers fall in the period asked for (--from, --to), the rule
 * that says which lanes are drawn. */
static guint
count_shown (TrancheChartStack *self)
{
  guint n = tranche_dataset_get_n_events (self->dataset);
  const guint8 *bytes = self->mask != NULL ? g_bytes_get_data (self->mask, NULL) : NULL;
  gboolean ranged = isfinite (self->asked_first) || isfinite (self->asked_end);
  guint shown = 0;

  if (bytes == NULL && !ranged)
    return n;
  for (guint i = 0; i < n; i++)
    {
      TrancheDay day;

      if (bytes != NULL && bytes[i] == 0)
        continue;
      if (!ranged)
        {
          shown++;
          continue;
        }
      day = tranche_date_middle_day (&tranche_dataset_get_event (self->dataset, i)->date);
      shown += !(isfinite (self->asked_first) && day < self->asked_first)
               && !(isfinite (self->asked_end) && day >= self->asked_end);
    }
  return shown;
}

static char *
make_subtitle (TrancheChartStack *self,
               TrancheDay         shown_first,
               TrancheDay         shown_end)
{
  guint n = tranche_dataset_get_n_events (self->dataset);
  guint shown = count_shown (self);
  g_autofree char *events = NULL;
  g_autofree char *years = NULL;
  g_autofree char *currency = NULL;
  TrancheDay first, end;
  char code[4];

  if (shown != n)
    /* Translators: under an export's title when a filter or a period
     * leaves some events out */
    events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u event", "%u of %u events",
                                           n), shown, n);
  else
    events = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u event", "%u events", n), n);

  /* The years shown: those asked for, else the data's within the range
   * drawn (which has a margin around the data). */
  if (tranche_dataset_get_day_range (self->dataset, &first, &end))
    {
      if (isfinite (shown_first) && isfinite (shown_end) && shown_end > shown_first)
        {
          first = MAX (first, shown_first);
          end = MIN (end, shown_end);
        }
      if (isfinite (self->asked_first))
        first = self->asked_first;
      if (isfinite (self->asked_end))
        end = self->asked_end;
      if (end > first)
        years = tranche_format_year_span (first, end);
    }
  tranche_currency_to_code (tranche_dataset_get_currency (self->dataset), code);
  /* Translators: in an export's subtitle, "amounts in USD" */
  currency = g_strdup_printf (_("amounts in %s"), code);
  /* A total that used a rate says which (issue 12): "amounts in USD · EUR
   * at 1.10 USD". The totals of what is shown, as the charts sum them. */
  {
    g_autoptr(TrancheTotals) totals =
      tranche_totals_new (self->dataset, self->mask != NULL ? g_bytes_get_data (self->mask, NULL)
                                                            : NULL);
    g_autofree char *rates = tranche_totals_format_rates (totals);

    if (rates != NULL)
      {
        /* Translators: in an export's subtitle, the currency then the rates
         * used: "amounts in USD · EUR at 1.10 USD" */
        char *with_rates = g_strdup_printf (C_("export subtitle", "%s · %s"), currency, rates);
        g_free (currency);
        currency = with_rates;
      }
  }
  if (years != NULL)
    /* Translators: an export's subtitle: "9 events · 2018–2023 · amounts in USD" */
    return g_strdup_printf (C_("export subtitle", "%s · %s · %s"), events, years, currency);
  return g_strdup_printf (C_("export subtitle", "%s · %s"), events, currency);
}

static PangoLayout *
make_text (TrancheChartStack *self,
           const char        *text,
           double             size,
           gboolean           bold,
           double             width,
           int                max_lines)
{
  g_autoptr(PangoFontDescription) font = tranche_draw_create_font (&self->theme, size, bold);
  PangoLayout *layout = tranche_draw_create_layout (self->context, font, text);

  pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -max_lines);
  return layout;
}

/* Header and footer heights for a width, with their layouts made. */
static void
layout_frame (TrancheChartStack *self,
              double             width,
              double             height,
              TrancheDay         first,
              TrancheDay         end,
              double            *body_top,
              double            *body_bottom)
{
  double margin = S (self, 24), w, h;
  const char *title;

  clear_scene (self);
  *body_top = 0;
  *body_bottom = height;
  if (self->dataset == NULL)
    return;

  title = tranche_dataset_get_title (self->dataset);
  if (self->show_title)
    {
      double y = S (self, 20);

      if (self->custom_title != NULL)
        title = self->custom_title;
      self->title = g_strdup (title != NULL && *title != '\0' ? title : _("Untitled Dataset"));
      self->title_layout = make_text (self, self->title, self->theme.title_size, TRUE,
                                      width - 2 * margin, 1);
      tranche_draw_get_text_size (self->title_layout, &w, &h);
      self->title_rect = (TrancheRect) { margin, y, w, h };
      y += h + S (self, 4);

      self->subtitle = self->custom_subtitle != NULL ? g_strdup (self->custom_subtitle)
                                                     : make_subtitle (self, first, end);
      self->subtitle_layout = make_text (self, self->subtitle, self->theme.text_size, FALSE,
                                         width - 2 * margin, 1);
      tranche_draw_get_text_size (self->subtitle_layout, &w, &h);
      self->subtitle_rect = (TrancheRect) { margin, y, w, h };
      *body_top = y + h + S (self, 4);
    }

  if (self->show_footer && isfinite (first) && isfinite (end))
    {
      self->footer = tranche_chart_stack_footer_text (self->dataset, self->mask, first, end);
      self->footer_layout = make_text (self, self->footer, self->theme.small_size, FALSE,
                                       width - 2 * margin, 2);
      tranche_draw_get_text_size (self->footer_layout, &w, &h);
      self->footer_rect = (TrancheRect) { margin, height - S (self, 14) - h, w, h };
      *body_bottom = self->footer_rect.y - S (self, 10);
    }
  /* Never squeeze the charts to nothing: a tiny canvas drops the frame. */
  if (*body_bottom - *body_top < height * 0.5)
    {
      clear_scene (self);
      *body_top = 0;
      *body_bottom = height;
    }
}

/* Splits [top, bottom) between the charts shown; the timeline gets more
 * than its weight, taken from the charts: `need` (for legible lane rows)
 * down to the charts' readable minimum, `want` (for comfortable rows) down
 * to a height where they still read well. */
static void
place_views (TrancheChartStack *self,
             double             width,
             double             top,
             double             bottom,
             double             timeline_weight,
             double             need,
             double             want)
{
  double timeline_extra;
  static const TrancheStackChart order[] = {
    TRANCHE_STACK_TIMELINE, TRANCHE_STACK_VALUATION, TRANCHE_STACK_CUMULATIVE,
  };
  double total = 0, y = top, body = MAX (bottom - top, 1);

  guint n_charts = 0;
  double charts_body;

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    if (self->views & order[i])
      {
        total += order[i] == TRANCHE_STACK_TIMELINE ? timeline_weight : CHART_WEIGHT;
        n_charts += order[i] != TRANCHE_STACK_TIMELINE;
      }
  charts_body = body * CHART_WEIGHT * n_charts / total;
  timeline_extra = MAX (CLAMP (need, 0,
                               MAX (charts_body - n_charts * S (self, MIN_CHART_HEIGHT), 0)),
                        CLAMP (want, 0,
                               MAX (charts_body - n_charts * S (self, GOOD_CHART_HEIGHT), 0)));
  if (!(self->views & TRANCHE_STACK_TIMELINE) || n_charts == 0)
    timeline_extra = 0;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      double h;

      if (!(self->views & order[i]))
        continue;
      if (order[i] == TRANCHE_STACK_TIMELINE)
        h = body * timeline_weight / total + timeline_extra;
      else
        h = body * CHART_WEIGHT / total - timeline_extra / n_charts;
      /* Whole pixels, so stacked charts meet without a seam. */
      self->rects[view_slot (order[i])] = (TrancheRect) { 0, y, width, round (y + h) - y };
      y = round (y + h);
    }
}

gboolean
tranche_chart_stack_parse_views (const char *text,
                                 guint      *views)
{
  g_auto(GStrv) parts = NULL;
  guint result = 0;

  g_return_val_if_fail (views != NULL, FALSE);

  if (text == NULL || *text == '\0')
    return FALSE;
  parts = g_strsplit (text, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = g_strstrip (parts[i]);

      if (g_ascii_strcasecmp (part, "timeline") == 0)
        result |= TRANCHE_STACK_TIMELINE;
      else if (g_ascii_strcasecmp (part, "valuation") == 0)
        result |= TRANCHE_STACK_VALUATION;
      else if (g_ascii_strcasecmp (part, "cumulative") == 0)
        result |= TRANCHE_STACK_CUMULATIVE;
      else if (g_ascii_strcasecmp (part, "all") == 0)
        result |= TRANCHE_STACK_ALL;
      else
        return FALSE;
    }
  *views = result;
  return TRUE;
}

TrancheChartStack *
tranche_chart_stack_new (void)
{
  TrancheChartStack *self = g_new0 (TrancheChartStack, 1);

  tranche_theme_init (&self->theme, TRANCHE_THEME_LIGHT, 1.0);
  self->views = TRANCHE_STACK_TIMELINE;
  self->today = NAN;
  self->asked_first = self->asked_end = NAN;
  self->timeline = tranche_timeline_layout_new ();
  tranche_timeline_layout_set_today (self->timeline, NAN);
  /* A chart on paper can't scroll: it shows the lanes of what it shows. */
  tranche_timeline_layout_set_lanes_in_range (self->timeline, TRUE);
  tranche_timeline_layout_set_theme (self->timeline, &self->theme);
  self->charts[0] = TRANCHE_CHART (tranche_valuation_chart_new ());
  self->charts[1] = TRANCHE_CHART (tranche_cumulative_chart_new ());
  self->context = tranche_draw_create_context ();
  return self;
}

void
tranche_chart_stack_free (TrancheChartStack *self)
{
  if (self == NULL)
    return;
  clear_scene (self);
  g_clear_pointer (&self->timeline, tranche_timeline_layout_free);
  for (guint c = 0; c < G_N_ELEMENTS (self->charts); c++)
    g_clear_object (&self->charts[c]);
  g_clear_pointer (&self->dataset, tranche_dataset_unref);
  g_clear_pointer (&self->mask, g_bytes_unref);
  g_clear_object (&self->context);
  g_free (self->custom_title);
  g_free (self->custom_subtitle);
  g_free (self);
}

void
tranche_chart_stack_set_dataset (TrancheChartStack *self,
                                 TrancheDataset    *dataset,
                                 GBytes            *mask)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (dataset == NULL || tranche_mask_bytes_fit (mask, dataset));

  if (dataset != self->dataset)
    {
      g_clear_pointer (&self->dataset, tranche_dataset_unref);
      self->dataset = dataset != NULL ? tranche_dataset_ref (dataset) : NULL;
    }
  if (mask != self->mask)
    {
      g_clear_pointer (&self->mask, g_bytes_unref);
      self->mask = mask != NULL ? g_bytes_ref (mask) : NULL;
    }
  tranche_timeline_layout_set_dataset (self->timeline, self->dataset);
  tranche_timeline_layout_set_mask (self->timeline, self->mask);
}

TrancheDataset *
tranche_chart_stack_get_dataset (TrancheChartStack *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->dataset;
}

void
tranche_chart_stack_set_theme (TrancheChartStack  *self,
                               const TrancheTheme *theme)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (theme != NULL);

  self->theme = *theme;
  tranche_timeline_layout_set_theme (self->timeline, theme);
}

const TrancheTheme *
tranche_chart_stack_get_theme (TrancheChartStack *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->theme;
}

void
tranche_chart_stack_set_views (TrancheChartStack *self,
                               guint              views)
{
  g_return_if_fail (self != NULL);
  views &= TRANCHE_STACK_ALL;
  self->views = views != 0 ? views : TRANCHE_STACK_TIMELINE;
}

guint
tranche_chart_stack_get_views (TrancheChartStack *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->views;
}

void
tranche_chart_stack_set_lane_mode (TrancheChartStack *self,
                                   TrancheLaneMode    mode)
{
  g_return_if_fail (self != NULL);
  self->lane_mode = mode;
  tranche_timeline_layout_set_lane_mode (self->timeline, mode);
}

void
tranche_chart_stack_set_show_title (TrancheChartStack *self,
                                    gboolean           show)
{
  g_return_if_fail (self != NULL);
  self->show_title = !!show;
}

void
tranche_chart_stack_set_asked_range (TrancheChartStack *self,
                                     TrancheDay         first,
                                     TrancheDay         end)
{
  g_return_if_fail (self != NULL);
  self->asked_first = first;
  self->asked_end = end;
}

void
tranche_chart_stack_set_title_text (TrancheChartStack *self,
                                    const char        *title,
                                    const char        *subtitle)
{
  g_return_if_fail (self != NULL);

  if (title != self->custom_title)
    {
      g_free (self->custom_title);
      self->custom_title = g_strdup (title);
    }
  if (subtitle != self->custom_subtitle)
    {
      g_free (self->custom_subtitle);
      self->custom_subtitle = g_strdup (subtitle);
    }
}

void
tranche_chart_stack_set_show_footer (TrancheChartStack *self,
                                     gboolean           show)
{
  g_return_if_fail (self != NULL);
  self->show_footer = !!show;
}

void
tranche_chart_stack_set_today (TrancheChartStack *self,
                               TrancheDay         today)
{
  g_return_if_fail (self != NULL);
  self->today = today;
  tranche_timeline_layout_set_today (self->timeline, today);
}

gboolean
tranche_chart_stack_fit_range (TrancheChartStack *self,
                               double             width,
                               double             height,
                               TrancheDay        *first,
                               TrancheDay        *end)
{
  TrancheDay f, e;
  double top, bottom;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (first != NULL && end != NULL, FALSE);

  if (self->dataset == NULL || !tranche_dataset_get_day_range (self->dataset, &f, &e))
    return FALSE;
  /* The footer says the range, so measure without it: it can only take
   * one or two lines, and the fit is about the charts' width. */
  layout_frame (self, width, height, f, e, &top, &bottom);
  place_views (self, width, top, bottom, TIMELINE_WEIGHT, 0, 0);
  if (self->views & TRANCHE_STACK_TIMELINE)
    return tranche_timeline_layout_fit_range (self->timeline, width, self->rects[0].height,
                                              first, end);

  {
    TrancheTimeScale scale;

    tranche_chart_fit_scale (&self->theme, self->dataset, 0, width, &scale);
    *first = scale.first;
    *end = scale.end;
  }
  return TRUE;
}

void
tranche_chart_stack_layout (TrancheChartStack *self,
                            double             width,
                            double             height,
                            TrancheDay         first,
                            TrancheDay         end)
{
  TrancheChartOptions options;
  double top, bottom;

  g_return_if_fail (self != NULL);

  self->width = width;
  self->height = height;
  layout_frame (self, width, height, first, end, &top, &bottom);
  place_views (self, width, top, bottom, TIMELINE_WEIGHT, 0, 0);

  if (self->views & TRANCHE_STACK_TIMELINE)
    {
      const TrancheRect *r = &self->rects[0];
      double extra;

      tranche_timeline_layout_update (self->timeline, r->width, r->height, first, end);
      /* Lanes short of a comfortable height (room for a label above or
       * under a marker): the timeline matters more than the charts' height,
       * so it takes what its rows need from them, down to the charts'
       * readable minimum. */
      extra = tranche_timeline_layout_get_lane_shortfall (self->timeline, COMFORTABLE_LANES);

      if (self->views != TRANCHE_STACK_TIMELINE && extra > 0)
        {
          /* what one-line rows need: the charts keep the rest */
          double need = tranche_timeline_layout_get_least_lane_shortfall (self->timeline);

          place_views (self, width, top, bottom, TIMELINE_WEIGHT,
                       need > 0 ? need + S (self, 2) : 0, extra + S (self, 2));
          tranche_timeline_layout_update (self->timeline, r->width, r->height, first, end);
        }
      self->scale = *tranche_timeline_layout_get_scale (self->timeline);
    }
  else
    {
      tranche_chart_fit_scale (&self->theme, self->dataset, 0, width, &self->scale);
      tranche_time_scale_set_range (&self->scale, first, end);
    }

  if (self->dataset == NULL || !(self->views & ~TRANCHE_STACK_TIMELINE))
    return;
  tranche_chart_options_init (&options);
  for (guint c = 0; c < G_N_ELEMENTS (chart_views); c++)
    {
      if (!(self->views & chart_views[c]))
        continue;
      /* Both cost nothing when the data or the inputs did not change. */
      tranche_chart_set_data (self->charts[c], self->dataset, self->mask);
      tranche_chart_layout (self->charts[c], &self->theme, &options, &self->scale,
                            &self->rects[view_slot (chart_views[c])]);
    }
}

void
tranche_chart_stack_paint (TrancheChartStack *self,
                           cairo_t           *cr,
                           int                selected)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_rectangle (cr, 0, 0, self->width, self->height);
  cairo_clip (cr);
  tranche_draw_set_color (cr, self->theme.background);
  cairo_paint (cr);

  if (self->title_layout != NULL)
    {
      tranche_draw_set_color (cr, self->theme.foreground);
      tranche_draw_layout (cr, self->title_layout, self->title_rect.x, self->title_rect.y);
      tranche_draw_set_color (cr, self->theme.muted);
      tranche_draw_layout (cr, self->subtitle_layout, self->subtitle_rect.x,
                           self->subtitle_rect.y);
    }

  if (self->dataset != NULL && (self->views & TRANCHE_STACK_TIMELINE))
    {
      cairo_save (cr);
      cairo_translate (cr, self->rects[0].x, self->rects[0].y);
      tranche_timeline_painter_paint (self->timeline, cr, selected, -1, NAN);
      cairo_restore (cr);
    }
  for (guint c = 0; c < G_N_ELEMENTS (chart_views); c++)
    if (self->dataset != NULL && (self->views & chart_views[c]))
      tranche_chart_paint (self->charts[c], cr, selected);

  if (self->footer_layout != NULL)
    {
      /* A hairline sets the footer apart from the charts above it. */
      double line = MAX (1.0, S (self, 1));
      tranche_draw_set_color (cr, self->theme.grid);
      cairo_rectangle (cr, self->footer_rect.x, self->footer_rect.y - S (self, 6) - line,
                       self->width - 2 * self->footer_rect.x, line);
      cairo_fill (cr);
      tranche_draw_set_color (cr, self->theme.muted);
      tranche_draw_layout (cr, self->footer_layout, self->footer_rect.x, self->footer_rect.y);
    }
  cairo_restore (cr);
}

double
tranche_chart_stack_get_width (TrancheChartStack *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->width;
}

double
tranche_chart_stack_get_height (TrancheChartStack *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->height;
}

const TrancheTimeScale *
tranche_chart_stack_get_scale (TrancheChartStack *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->scale;
}

gboolean
tranche_chart_stack_get_rect (TrancheChartStack *self,
                              TrancheStackChart  view,
                              TrancheRect       *rect)
{
  guint slot = view_slot (view);

  g_return_val_if_fail (self != NULL, FALSE);

  if (slot == G_MAXUINT || !(self->views & view))
    return FALSE;
  if (rect != NULL)
    *rect = self->rects[slot];
  return TRUE;
}

TrancheTimelineLayout *
tranche_chart_stack_get_timeline (TrancheChartStack *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->views & TRANCHE_STACK_TIMELINE ? self->timeline : NULL;
}

const char *
tranche_chart_stack_get_title (TrancheChartStack *self,
                               TrancheRect       *rect)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (rect != NULL)
    *rect = self->title_rect;
  return self->title;
}

const char *
tranche_chart_stack_get_subtitle (TrancheChartStack *self,
                                  TrancheRect       *rect)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (rect != NULL)
    *rect = self->subtitle_rect;
  return self->subtitle;
}

const char *
tranche_chart_stack_get_footer (TrancheChartStack *self,
                                TrancheRect       *rect)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (rect != NULL)
    *rect = self->footer_rect;
  return self->footer;
}

char *
tranche_chart_stack_footer_text (TrancheDataset *dataset,
                                 GBytes         *mask,
                                 TrancheDay      first,
                                 TrancheDay      end)
{
  guint n_sources, from, to;
  g_autofree guint8 *cited = NULL;
  g_autoptr(GString) sources = g_string_new (NULL);
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *period = NULL;
  TranchePrecision precision;

  g_return_val_if_fail (dataset != NULL, NULL);

  n_sources = tranche_dataset_get_n_sources (dataset);
  cited = g_new0 (guint8, MAX (n_sources, 1));
  tranche_dataset_visible_range (dataset, first, end, &from, &to);
  for (guint i = from; i < to; i++)
    {
      const TrancheEvent *event = tranche_dataset_get_event (dataset, i);

      if (!event_shown (mask, i) || event->end_day <= first || event->first_day >= end)
        continue;
      for (guint c = 0; c < event->n_citations; c++)
        {
          const TrancheCitation *citation = tranche_dataset_event_citation (dataset, event, c);
          g_autofree char *text = NULL;

          if (citation->source == TRANCHE_NO_ENTITY || cited[citation->source])
            continue;
          cited[citation->source] = 1;
          text = tranche_caption_describe_source (tranche_dataset_get_source (dataset,
                                                                          citation->source));
          if (sources->len > 0)
            /* Translators: between two sources in an export's footer */
            g_string_append (sources, C_("footer", "; "));
          g_string_append (sources, text);
        }
    }

  precision = range_precision (first, end);
  from_text = tranche_format_day (first, precision);
  to_text = tranche_format_day (end - 1, precision);
  if (g_strcmp0 (from_text, to_text) == 0)
    /* Translators: in an export's footer, the period the charts show */
    period = g_strdup_printf (_("Period shown: %s"), from_text);
  else
    /* Translators: in an export's footer: "Period shown: Sep 2017 – Apr 2024" */
    period = g_strdup_printf (_("Period shown: %s – %s"), from_text, to_text);

  if (sources->len == 0)
    /* Translators: an export's footer when no event shown cites a source */
    return g_strdup_printf (_("No sources cited · %s"), period);
  /* Translators: an export's footer: "Sources: Title (Publisher, Nov 2023) · Period shown: …" */
  return g_strdup_printf (_("Sources: %s · %s"), sources->str, period);
}
