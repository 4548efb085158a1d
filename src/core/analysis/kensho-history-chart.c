/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "kensho-era.h"
#include "kensho-history-chart.h"
#include "kensho-util.h"

#define MARGIN_LEFT 16.0
#define MARGIN_RIGHT 16.0
#define MARGIN_TOP 44.0    /* the legend and the direction */
#define MARGIN_BOTTOM 40.0 /* year labels, text values */
#define POINT 4.0

typedef struct
{
  cairo_t *cr;
  double left, top, plot_width, plot_height;
  int first_year, last_year;
  double low, high;
} Frame;

static PangoLayout *
new_layout (cairo_t *cr, const char *text, double size)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();
  PangoAttrList *attrs = pango_attr_list_new ();
  g_autofree char *printable = kensho_text_dup_printable (text);

  pango_font_description_set_family (font, "Sans");
  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  /* Kanji take their Japanese shapes; user text is never markup. */
  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("ja")));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, printable, -1);
  return layout;
}

/* Text with its top (above: its bottom) at y; centred on x, or (side −1,
 * 1) ending or starting there. */
static void
draw_label (cairo_t *cr, const char *text, double x, double y, gboolean above, int side, double size)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, text, size);
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  cairo_move_to (cr, side < 0 ? x - w : side > 0 ? x : x - w / 2.0, above ? y - h : y);
  pango_cairo_show_layout (cr, layout);
  cairo_new_path (cr);
}

static double
x_of (const Frame *f, int year)
{
  if (f->last_year == f->first_year)
    return f->left + f->plot_width / 2;
  return f->left + f->plot_width * (year - f->first_year) / (double) (f->last_year - f->first_year);
}

static double
y_of (const Frame *f, double value)
{
  return f->top + f->plot_height * (1 - (value - f->low) / (f->high - f->low));
}

static gboolean
number_of (const KenshoValue *value, double *number)
{
  gboolean ok = FALSE;

  if (value == NULL || !kensho_value_is_number (value))
    return FALSE;
  *number = kensho_value_to_double (value, &ok);
  return ok && isfinite (*number);
}

static void
widen (Frame *f, const KenshoValue *value)
{
  double number;

  if (!number_of (value, &number))
    return;
  f->low = MIN (f->low, number);
  f->high = MAX (f->high, number);
}

typedef enum { MARK_SQUARE, MARK_DOT, MARK_RING, MARK_DIAMOND } Mark;

static void
draw_mark (cairo_t *cr, Mark mark, double x, double y)
{
  cairo_new_path (cr);
  switch (mark)
    {
    case MARK_SQUARE:
      cairo_rectangle (cr, x - POINT, y - POINT, 2 * POINT, 2 * POINT);
      cairo_fill (cr);
      break;
    case MARK_DOT:
      cairo_arc (cr, x, y, POINT, 0, 2 * G_PI);
      cairo_fill (cr);
      break;
    case MARK_RING:
      cairo_arc (cr, x, y, POINT, 0, 2 * G_PI);
      cairo_set_line_width (cr, 1.5);
      cairo_stroke (cr);
      break;
    case MARK_DIAMOND:
    default:
      cairo_move_to (cr, x, y - POINT * 1.5);
      cairo_line_to (cr, x + POINT * 1.5, y);
      cairo_line_to (cr, x, y + POINT * 1.5);
      cairo_line_to (cr, x - POINT * 1.5, y);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    }
}

/* A point with its value as written, the label on its own side (actuals
 * above left, targets below right) so that the two of a year do not cover
 * each other; a text value is written at its year along the bottom, where
 * no point can stand for it. */
static void
draw_value (Frame *f, const KenshoValue *value, int year, Mark mark, int side, int text_row)
{
  g_autofree char *shown = NULL;
  double number;

  if (value == NULL || kensho_value_is_empty (value))
    return;
  shown = kensho_value_format (value);
  if (number_of (value, &number))
    {
      double x = x_of (f, year), y = y_of (f, number);

      draw_mark (f->cr, mark, x, y);
      /* side 1: below right; 2: above right; −1: above left; 0: above. */
      draw_label (f->cr, shown, side > 0 ? x + 2 : side < 0 ? x - 2 : x,
                  side == 1 ? y + POINT + 1 : y - POINT - 1, side != 1, side > 0 ? 1 : side, 9);
    }
  else
    draw_label (f->cr, shown, x_of (f, year), f->top + f->plot_height + 16 + 11 * text_row, FALSE, 0, 9);
}

/* The years' values as a line, broken where a year has no number. */
static void
draw_line (Frame *f, KenshoSeries *series, gboolean actual, const double *dash, int n_dash)
{
  gboolean drawing = FALSE;

  cairo_save (f->cr);
  cairo_set_line_width (f->cr, 1.5);
  cairo_set_dash (f->cr, dash, n_dash, 0);
  for (int year = f->first_year; year <= f->last_year; year++)
    {
      const KenshoValue *value = actual ? kensho_series_get_actual (series, year)
                                        : kensho_series_get_target (series, year);
      double number;

      if (!number_of (value, &number))
        {
          if (drawing)
            cairo_stroke (f->cr);
          drawing = FALSE;
          continue;
        }
      if (drawing)
        cairo_line_to (f->cr, x_of (f, year), y_of (f, number));
      else
        cairo_move_to (f->cr, x_of (f, year), y_of (f, number));
      drawing = TRUE;
    }
  if (drawing)
    cairo_stroke (f->cr);
  cairo_restore (f->cr);
}

static void
draw_legend (Frame *f, KenshoIndicator *indicator, const char *title, double width)
{
  static const struct { Mark mark; double r, g, b; const char *label; } items[] = {
    { MARK_SQUARE, 0.45, 0.45, 0.45, N_("Baseline") },
    { MARK_DOT, 0.08, 0.40, 0.75, N_("Actual") },
    { MARK_RING, 0.90, 0.45, 0.0, N_("Target value") },
    { MARK_DIAMOND, 0.78, 0.16, 0.16, N_("Final target") },
  };
  const char *direction = NULL;
  double x = MARGIN_LEFT, y = 12;

  /* Of several series, the chart's own name leads its legend. */
  if (title != NULL)
    {
      g_autoptr(PangoLayout) layout = new_layout (f->cr, title, 10);
      PangoAttrList *bold = pango_attr_list_new ();
      int w, h;

      pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, bold);
      pango_attr_list_unref (bold);
      pango_layout_get_pixel_size (layout, &w, &h);
      cairo_set_source_rgb (f->cr, 0.1, 0.1, 0.1);
      cairo_move_to (f->cr, x, y - h / 2.0);
      pango_cairo_show_layout (f->cr, layout);
      cairo_new_path (f->cr);
      x += w + 14;
    }
  /* A narrow chart takes its legend on two lines. */
  for (guint i = 0; i <= G_N_ELEMENTS (items); i++)
    {
      gboolean expected = i == G_N_ELEMENTS (items);
      g_autoptr(PangoLayout) layout = new_layout (f->cr, _(expected ? N_("Expected value") : items[i].label), 10);
      double key = expected ? 22 : 2 * POINT + 4;
      int w, h;

      pango_layout_get_pixel_size (layout, &w, &h);
      if (x > MARGIN_LEFT && x + key + w > width - MARGIN_RIGHT)
        x = MARGIN_LEFT, y += 14;
      if (expected)
        {
          const double dash[] = { 4, 3 };

          cairo_save (f->cr);
          cairo_set_source_rgb (f->cr, 0.55, 0.55, 0.55);
          cairo_set_line_width (f->cr, 1);
          cairo_set_dash (f->cr, dash, 2, 0);
          cairo_move_to (f->cr, x, y);
          cairo_line_to (f->cr, x + 18, y);
          cairo_stroke (f->cr);
          cairo_restore (f->cr);
        }
      else
        {
          cairo_set_source_rgb (f->cr, items[i].r, items[i].g, items[i].b);
          draw_mark (f->cr, items[i].mark, x + POINT, y);
        }
      cairo_set_source_rgb (f->cr, 0.2, 0.2, 0.2);
      cairo_move_to (f->cr, x + key, y - h / 2.0);
      pango_cairo_show_layout (f->cr, layout);
      cairo_new_path (f->cr);
      x += key + w + 14;
    }

  switch (kensho_indicator_get_direction (indicator))
    {
    case KENSHO_DIRECTION_LOWER: direction = _("↓ Lower is better"); break;
    case KENSHO_DIRECTION_LEVEL: direction = _("→ Keep at a level"); break;
    case KENSHO_DIRECTION_HIGHER:
    default: direction = _("↑ Higher is better"); break;
    }
  {
    g_autoptr(PangoLayout) layout = new_layout (f->cr, direction, 10);
    int w, h;

    pango_layout_get_pixel_size (layout, &w, &h);
    cairo_set_source_rgb (f->cr, 0.1, 0.1, 0.1);
    cairo_move_to (f->cr, width - MARGIN_RIGHT - w, f->top - h - 4);
    pango_cairo_show_layout (f->cr, layout);
  }
}

void
kensho_history_chart_draw (KenshoIndicator *indicator, KenshoSheet *sheet, guint series_index,
                           cairo_t *cr, double width, double height)
{
  const double dash[] = { 4, 3 };
  Frame f = { .cr = cr, .low = INFINITY, .high = -INFINITY };
  KenshoSeries *series;
  const KenshoValue *baseline, *final;
  double b, t;
  int label_every;

  g_return_if_fail (KENSHO_IS_INDICATOR (indicator));
  g_return_if_fail (KENSHO_IS_SHEET (sheet));
  if (series_index >= kensho_indicator_get_n_series (indicator))
    return;
  series = kensho_indicator_get_series (indicator, series_index);
  baseline = kensho_series_get_baseline (series);
  final = kensho_series_get_final (series);
  f.first_year = MIN (kensho_sheet_get_baseline_year (sheet), kensho_sheet_get_plan_first (sheet));
  f.last_year = MAX (kensho_sheet_get_plan_last (sheet), f.first_year);
  f.left = MARGIN_LEFT + 24;
  f.top = MARGIN_TOP + 14;
  f.plot_width = MAX (1, width - f.left - MARGIN_RIGHT - 24);
  f.plot_height = MAX (1, height - f.top - MARGIN_BOTTOM - 14);

  widen (&f, baseline);
  widen (&f, final);
  for (int year = f.first_year; year <= f.last_year; year++)
    {
      widen (&f, kensho_series_get_actual (series, year));
      widen (&f, kensho_series_get_target (series, year));
    }
  if (!isfinite (f.low))
    f.low = 0, f.high = 1;
  if (f.high - f.low < 1e-9)
    f.low -= 1, f.high += 1;
  {
    double pad = (f.high - f.low) * 0.12;

    f.low -= pad;
    f.high += pad;
  }

  cairo_save (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  draw_legend (&f, indicator,
               kensho_indicator_get_n_series (indicator) > 1 ? kensho_series_get_name (series) : NULL, width);

  /* A line per year, the year under it: every year, or every other (or
   * third…) where the years stand too close for their names. */
  {
    g_autofree char *widest = kensho_era_format (f.last_year, KENSHO_PERIOD_FISCAL_YEAR, 0);
    g_autoptr(PangoLayout) layout = new_layout (cr, widest, 9);
    int w, h;
    double step = f.last_year > f.first_year ? f.plot_width / (f.last_year - f.first_year) : f.plot_width;

    pango_layout_get_pixel_size (layout, &w, &h);
    label_every = MAX (1, (int) ceil ((w + 6) / step));
  }
  for (int year = f.first_year; year <= f.last_year; year++)
    {
      g_autofree char *label = (year - f.first_year) % label_every == 0
                               ? kensho_era_format (year, KENSHO_PERIOD_FISCAL_YEAR, 0) : NULL;
      double x = x_of (&f, year);

      cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
      cairo_set_line_width (cr, 1);
      cairo_move_to (cr, x, f.top);
      cairo_line_to (cr, x, f.top + f.plot_height);
      cairo_stroke (cr);
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      if (label != NULL)
        draw_label (cr, label, x, f.top + f.plot_height + 2, FALSE, 0, 9);
    }
  cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
  cairo_move_to (cr, f.left - 8, f.top + f.plot_height);
  cairo_line_to (cr, f.left + f.plot_width + 8, f.top + f.plot_height);
  cairo_stroke (cr);

  /* 期待値: from the baseline in its year to the final target in the last. */
  if (number_of (baseline, &b) && number_of (final, &t))
    {
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
      cairo_set_line_width (cr, 1);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_move_to (cr, x_of (&f, kensho_sheet_get_baseline_year (sheet)), y_of (&f, b));
      cairo_line_to (cr, x_of (&f, kensho_sheet_get_plan_last (sheet)), y_of (&f, t));
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  cairo_set_source_rgb (cr, 0.90, 0.45, 0.0);
  draw_line (&f, series, FALSE, dash, 2);
  for (int year = f.first_year; year <= f.last_year; year++)
    draw_value (&f, kensho_series_get_target (series, year), year, MARK_RING, 1, 1);
  cairo_set_source_rgb (cr, 0.08, 0.40, 0.75);
  draw_line (&f, series, TRUE, NULL, 0);
  for (int year = f.first_year; year <= f.last_year; year++)
    draw_value (&f, kensho_series_get_actual (series, year), year, MARK_DOT, -1, 0);
  cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
  /* At the chart's ends: their labels lean inwards. */
  draw_value (&f, baseline, kensho_sheet_get_baseline_year (sheet), MARK_SQUARE, 2, 0);
  cairo_set_source_rgb (cr, 0.78, 0.16, 0.16);
  draw_value (&f, final, kensho_sheet_get_plan_last (sheet), MARK_DIAMOND, -1, 1);
  cairo_restore (cr);
}

void
kensho_history_chart_draw_all (KenshoIndicator *indicator, KenshoSheet *sheet, cairo_t *cr,
                               double width, double height)
{
  guint n_series;
  double each;

  g_return_if_fail (KENSHO_IS_INDICATOR (indicator));
  n_series = kensho_indicator_get_n_series (indicator);
  each = height / MAX (1, n_series);
  for (guint i = 0; i < n_series; i++)
    {
      cairo_save (cr);
      cairo_translate (cr, 0, i * each);
      cairo_rectangle (cr, 0, 0, width, each);
      cairo_clip (cr);
      kensho_history_chart_draw (indicator, sheet, i, cr, width, each);
      cairo_restore (cr);
    }
}
