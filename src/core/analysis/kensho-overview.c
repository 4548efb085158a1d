/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "kensho-overview.h"
#include "kensho-util.h"

/* Numerical targets and KPIs are counted apart: a sub-goal's target and
 * its measures' KPIs are read separately. */
#define N_KINDS 2

typedef struct
{
  KenshoNode *node;  /* NULL for the whole sheet */
  guint depth;       /* 0 the sheet, 1 a goal, 2 a sub-goal */
  guint *counts;     /* one per rating of the scale */
  guint unrated;     /* no rating, or one the scale lacks */
  guint total;
  guint *kind_counts[N_KINDS];  /* the same, by KenshoIndicatorKind */
  guint kind_unrated[N_KINDS];
  guint kind_total[N_KINDS];
} Row;

struct _KenshoOverview
{
  GObject parent_instance;
  KenshoSheet *sheet;
  guint n_ratings;
  GArray *rows;         /* Row */
  GPtrArray *delayed;   /* KenshoIndicator, document order */
};

G_DEFINE_FINAL_TYPE (KenshoOverview, kensho_overview, G_TYPE_OBJECT)

#define ROW_HEIGHT 26.0
#define BAR_HEIGHT 16.0
#define LEGEND_HEIGHT 28.0
#define LABEL_WIDTH_SHARE 0.35

static void
row_clear (Row *row)
{
  g_clear_object (&row->node);
  g_free (row->counts);
  for (guint k = 0; k < N_KINDS; k++)
    g_free (row->kind_counts[k]);
}

static void
kensho_overview_finalize (GObject *object)
{
  KenshoOverview *self = KENSHO_OVERVIEW (object);

  g_array_unref (self->rows);
  g_ptr_array_unref (self->delayed);
  g_clear_object (&self->sheet);
  G_OBJECT_CLASS (kensho_overview_parent_class)->finalize (object);
}

static void
kensho_overview_class_init (KenshoOverviewClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kensho_overview_finalize;
}

static void
kensho_overview_init (KenshoOverview *self)
{
  self->rows = g_array_new (FALSE, TRUE, sizeof (Row));
  g_array_set_clear_func (self->rows, (GDestroyNotify) row_clear);
  self->delayed = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
add_row (KenshoOverview *self, KenshoNode *node, guint depth)
{
  KenshoRatingScale *scale = kensho_sheet_get_rating_scale (self->sheet);
  int fiscal_year = kensho_sheet_get_fiscal_year (self->sheet);
  g_autoptr(GPtrArray) indicators = g_ptr_array_new ();
  Row row = { .node = node ? g_object_ref (node) : NULL, .depth = depth };

  row.counts = g_new0 (guint, MAX (self->n_ratings, 1));
  for (guint k = 0; k < N_KINDS; k++)
    row.kind_counts[k] = g_new0 (guint, MAX (self->n_ratings, 1));
  kensho_node_collect_indicators (node ? node : kensho_sheet_get_root (self->sheet), indicators);
  for (guint i = 0; i < indicators->len; i++)
    {
      const char *id = kensho_indicator_get_rating_id (indicators->pdata[i], fiscal_year);
      KenshoIndicatorKind kind = kensho_indicator_get_indicator_kind (indicators->pdata[i]);
      gboolean found = FALSE;

      for (guint r = 0; r < self->n_ratings && !found; r++)
        if (g_strcmp0 (kensho_rating_get_id (kensho_rating_scale_get_rating (scale, r)), id) == 0)
          {
            row.counts[r]++;
            row.kind_counts[kind][r]++;
            found = TRUE;
          }
      if (!found)
        {
          row.unrated++;
          row.kind_unrated[kind]++;
        }
      row.total++;
      row.kind_total[kind]++;
    }
  g_array_append_val (self->rows, row);
}

KenshoOverview *
kensho_overview_new (KenshoSheet *sheet)
{
  KenshoOverview *self;
  KenshoNode *root;
  KenshoRatingScale *scale;
  g_autoptr(GPtrArray) indicators = NULL;
  int fiscal_year;

  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), NULL);

  self = g_object_new (KENSHO_TYPE_OVERVIEW, NULL);
  self->sheet = g_object_ref (sheet);
  scale = kensho_sheet_get_rating_scale (sheet);
  self->n_ratings = kensho_rating_scale_get_n_ratings (scale);
  root = kensho_sheet_get_root (sheet);

  add_row (self, NULL, 0);
  for (guint g = 0; g < kensho_node_get_n_children (root); g++)
    {
      KenshoNode *goal = kensho_node_get_child (root, g);

      if (kensho_node_get_kind (goal) != KENSHO_NODE_GOAL)
        continue;
      add_row (self, goal, 1);
      for (guint s = 0; s < kensho_node_get_n_children (goal); s++)
        {
          KenshoNode *subgoal = kensho_node_get_child (goal, s);

          if (kensho_node_get_kind (subgoal) == KENSHO_NODE_SUBGOAL)
            add_row (self, subgoal, 2);
        }
    }

  fiscal_year = kensho_sheet_get_fiscal_year (sheet);
  indicators = kensho_sheet_dup_indicators (sheet);
  for (guint i = 0; i < indicators->len; i++)
    {
      KenshoRating *rating = kensho_rating_scale_lookup (scale, kensho_indicator_get_rating_id (indicators->pdata[i],
                                                                                              fiscal_year));

      if (rating != NULL && kensho_rating_get_delayed (rating))
        g_ptr_array_add (self->delayed, g_object_ref (indicators->pdata[i]));
    }
  return self;
}

KenshoSheet *
kensho_overview_get_sheet (KenshoOverview *self)
{
  g_return_val_if_fail (KENSHO_IS_OVERVIEW (self), NULL);
  return self->sheet;
}

guint
kensho_overview_get_n_rows (KenshoOverview *self)
{
  g_return_val_if_fail (KENSHO_IS_OVERVIEW (self), 0);
  return self->rows->len;
}

static const Row *
get_row (KenshoOverview *self, guint row)
{
  g_return_val_if_fail (KENSHO_IS_OVERVIEW (self), NULL);
  g_return_val_if_fail (row < self->rows->len, NULL);
  return &g_array_index (self->rows, Row, row);
}

KenshoNode *
kensho_overview_get_row_node (KenshoOverview *self, guint row)
{
  const Row *r = get_row (self, row);

  return r ? r->node : NULL;
}

/* "1 しごとの創生", "  1-1 安定した雇用の創出", "Whole sheet". */
char *
kensho_overview_dup_row_title (KenshoOverview *self, guint row)
{
  const Row *r = get_row (self, row);
  const char *code, *title;

  if (r == NULL)
    return NULL;
  if (r->node == NULL)
    return g_strdup (_("Whole sheet"));
  code = kensho_node_get_code (r->node);
  title = kensho_node_get_title (r->node);
  return g_strdup_printf ("%s%s%s%s", r->depth > 1 ? "　" : "", code ? code : "", code ? " " : "",
                          title ? title : "");
}

guint
kensho_overview_get_count (KenshoOverview *self, guint row, guint rating)
{
  const Row *r = get_row (self, row);

  g_return_val_if_fail (rating < self->n_ratings, 0);
  return r ? r->counts[rating] : 0;
}

guint
kensho_overview_get_unrated (KenshoOverview *self, guint row)
{
  const Row *r = get_row (self, row);

  return r ? r->unrated : 0;
}

guint
kensho_overview_get_total (KenshoOverview *self, guint row)
{
  const Row *r = get_row (self, row);

  return r ? r->total : 0;
}

/* The counts of one kind of indicator only: numerical targets or KPIs. */
guint
kensho_overview_get_kind_count (KenshoOverview *self, guint row, KenshoIndicatorKind kind, guint rating)
{
  const Row *r = get_row (self, row);

  g_return_val_if_fail (rating < self->n_ratings, 0);
  g_return_val_if_fail (kind < N_KINDS, 0);
  return r ? r->kind_counts[kind][rating] : 0;
}

guint
kensho_overview_get_kind_unrated (KenshoOverview *self, guint row, KenshoIndicatorKind kind)
{
  const Row *r = get_row (self, row);

  g_return_val_if_fail (kind < N_KINDS, 0);
  return r ? r->kind_unrated[kind] : 0;
}

guint
kensho_overview_get_kind_total (KenshoOverview *self, guint row, KenshoIndicatorKind kind)
{
  const Row *r = get_row (self, row);

  g_return_val_if_fail (kind < N_KINDS, 0);
  return r ? r->kind_total[kind] : 0;
}

/**
 * kensho_overview_format_share:
 *
 * "6 (35.3%)": a count and its share of @total, one decimal as sheets
 * print rates; a count alone when @total is 0.
 */
char *
kensho_overview_format_share (guint count, guint total)
{
  if (total == 0)
    return g_strdup_printf ("%u", count);
  return g_strdup_printf ("%u (%.1f%%)", count, 100.0 * count / total);
}

/* The indicators rated as a delay, in document order (borrowed). */
GPtrArray *
kensho_overview_get_delayed (KenshoOverview *self)
{
  g_return_val_if_fail (KENSHO_IS_OVERVIEW (self), NULL);
  return self->delayed;
}

double
kensho_overview_get_chart_height (KenshoOverview *self)
{
  g_return_val_if_fail (KENSHO_IS_OVERVIEW (self), 0);
  return LEGEND_HEIGHT + ROW_HEIGHT * self->rows->len + 4;
}

static void
set_colour (cairo_t *cr, const char *colour)
{
  unsigned r = 0x75, g = 0x75, b = 0x75;

  /* The schema allows #RRGGBB only; anything else is drawn grey. */
  if (colour != NULL && strlen (colour) == 7)
    sscanf (colour, "#%2x%2x%2x", &r, &g, &b);
  cairo_set_source_rgb (cr, r / 255.0, g / 255.0, b / 255.0);
}

static PangoLayout *
new_layout (cairo_t *cr, const char *text, gboolean bold)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (bold ? "Sans Bold 9" : "Sans 9");
  PangoAttrList *attrs = pango_attr_list_new ();

  /* Kanji take their Japanese shapes; user text is never markup. */
  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("ja")));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_font_description (layout, font);
  {
    g_autofree char *printable = kensho_text_dup_printable (text);

    pango_layout_set_text (layout, printable, -1);
  }
  return layout;
}

static void
draw_text (cairo_t *cr, const char *text, double x, double y_centre, double max_width, gboolean bold)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, text, bold);
  int width, height;

  pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_get_pixel_size (layout, &width, &height);
  cairo_move_to (cr, x, y_centre - height / 2.0);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_segment (cairo_t *cr, const char *colour, guint count, double x, double y, double w)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  int tw, th;

  if (count == 0)
    return;
  set_colour (cr, colour);
  cairo_rectangle (cr, x, y, w, BAR_HEIGHT);
  cairo_fill (cr);
  text = g_strdup_printf ("%u", count);
  layout = new_layout (cr, text, TRUE);
  pango_layout_get_pixel_size (layout, &tw, &th);
  if (tw + 4 <= w)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_move_to (cr, x + (w - tw) / 2.0, y + (BAR_HEIGHT - th) / 2.0);
      pango_cairo_show_layout (cr, layout);
    }
}

/* A row's count of a rating (n_ratings: the unrated) and total, of one
 * kind or (kind < 0) of all. */
static guint
row_count (const Row *row, int kind, guint rating, guint n_ratings)
{
  if (rating == n_ratings)
    return kind < 0 ? row->unrated : row->kind_unrated[kind];
  return kind < 0 ? row->counts[rating] : row->kind_counts[kind][rating];
}

static guint
row_total (const Row *row, int kind)
{
  return kind < 0 ? row->total : row->kind_total[kind];
}

static void
draw_chart (KenshoOverview *self, int kind, cairo_t *cr, double width, double height)
{
  KenshoRatingScale *scale;
  double label_width = width * LABEL_WIDTH_SHARE;
  double bar_x = label_width + 8, bar_width = MAX (width - bar_x - 8, 1);
  double legend_x = 0;
  guint max_total = 1;

  scale = kensho_sheet_get_rating_scale (self->sheet);
  cairo_save (cr);
  for (guint r = 0; r <= self->n_ratings; r++)
    {
      gboolean unrated = r == self->n_ratings;
      KenshoRating *rating = unrated ? NULL : kensho_rating_scale_get_rating (scale, r);
      const char *label = unrated ? _("Not rated") : kensho_rating_get_label (rating);
      g_autoptr(PangoLayout) layout = new_layout (cr, label, FALSE);
      int tw, th;

      set_colour (cr, unrated ? "#BDBDBD" : kensho_rating_get_colour (rating));
      cairo_rectangle (cr, legend_x, 8, 12, 12);
      cairo_fill (cr);
      pango_layout_get_pixel_size (layout, &tw, &th);
      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      cairo_move_to (cr, legend_x + 16, 14 - th / 2.0);
      pango_cairo_show_layout (cr, layout);
      legend_x += 16 + tw + 16;
    }

  for (guint i = 0; i < self->rows->len; i++)
    max_total = MAX (max_total, row_total (&g_array_index (self->rows, Row, i), kind));
  for (guint i = 0; i < self->rows->len; i++)
    {
      const Row *row = &g_array_index (self->rows, Row, i);
      double y = LEGEND_HEIGHT + i * ROW_HEIGHT;
      double x = bar_x;
      g_autofree char *title = kensho_overview_dup_row_title (self, i);

      cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
      draw_text (cr, title, 0, y + ROW_HEIGHT / 2.0, label_width, row->depth <= 1);
      for (guint r = 0; r <= self->n_ratings; r++)
        {
          gboolean unrated = r == self->n_ratings;
          guint count = row_count (row, kind, r, self->n_ratings);
          double w = bar_width * count / max_total;

          draw_segment (cr, unrated ? "#BDBDBD" : kensho_rating_get_colour (kensho_rating_scale_get_rating (scale, r)),
                        count, x, y + (ROW_HEIGHT - BAR_HEIGHT) / 2.0, w);
          x += w;
        }
    }
  cairo_restore (cr);
}

/**
 * kensho_overview_draw_chart:
 *
 * One stacked horizontal bar per row, in the scale's colours, its length
 * the number of indicators; a legend above. Fits width; the height it
 * needs is kensho_overview_get_chart_height().
 */
void
kensho_overview_draw_chart (KenshoOverview *self, cairo_t *cr, double width, double height)
{
  g_return_if_fail (KENSHO_IS_OVERVIEW (self));
  draw_chart (self, -1, cr, width, height);
}

/* The same for the numerical targets or the KPIs alone, the bars against
 * the largest row of that kind. */
void
kensho_overview_draw_kind_chart (KenshoOverview *self, KenshoIndicatorKind kind, cairo_t *cr, double width,
                                 double height)
{
  g_return_if_fail (KENSHO_IS_OVERVIEW (self));
  g_return_if_fail (kind < N_KINDS);
  draw_chart (self, kind, cr, width, height);
}
