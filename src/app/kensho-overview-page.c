/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kensho-overview-page.h"

struct _KenshoOverviewPage
{
  AdwBin parent_instance;

  GtkLabel *title_label;
  GtkGrid *table;
  GtkDrawingArea *targets_chart; /* one chart per kind, as the table */
  GtkDrawingArea *kpis_chart;
  GtkLabel *delayed_heading;
  GtkListBox *delayed_list;
  GListStore *delayed;  /* KenshoIndicator, a row of delayed_list each */

  KenshoSheet *sheet;
  KenshoOverview *overview;
  gulong changed_handler;
  guint refresh_source;
  gboolean stale; /* changed while not shown: summed up when shown again */
};

G_DEFINE_FINAL_TYPE (KenshoOverviewPage, kensho_overview_page, ADW_TYPE_BIN)

enum { INDICATOR_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static GtkWidget *
cell (const char *text, const char *css_class, float xalign)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* One section of the table: the rows of one kind of indicator, each
 * rating's count with its share of the row's total. */
static int
fill_section (KenshoOverviewPage *self, KenshoIndicatorKind kind, const char *heading, int top)
{
  guint n_ratings = kensho_rating_scale_get_n_ratings (kensho_sheet_get_rating_scale (self->sheet));
  guint n_rows = kensho_overview_get_n_rows (self->overview);
  GtkWidget *heading_cell = cell (heading, "heading", 0);

  /* A gap sets the second section apart. */
  if (top > 1)
    gtk_widget_set_margin_top (heading_cell, 12);
  gtk_grid_attach (self->table, heading_cell, 0, top++, 1, 1);
  for (guint row = 0; row < n_rows; row++, top++)
    {
      g_autofree char *title = kensho_overview_dup_row_title (self->overview, row);
      KenshoNode *node = kensho_overview_get_row_node (self->overview, row);
      gboolean strong = node == NULL || kensho_node_get_kind (node) == KENSHO_NODE_GOAL;
      guint total = kensho_overview_get_kind_total (self->overview, row, kind);

      gtk_grid_attach (self->table, cell (title, strong ? "heading" : NULL, 0), 0, top, 1, 1);
      for (guint r = 0; r <= n_ratings + 1; r++)
        {
          g_autofree char *text = NULL;

          if (r < n_ratings)
            text = kensho_overview_format_share (kensho_overview_get_kind_count (self->overview, row, kind, r), total);
          else if (r == n_ratings)
            text = kensho_overview_format_share (kensho_overview_get_kind_unrated (self->overview, row, kind), total);
          else
            text = g_strdup_printf ("%u", total);
          gtk_grid_attach (self->table, cell (text, "numeric", 1), (int) r + 1, top, 1, 1);
        }
    }
  return top;
}

static void
fill_table (KenshoOverviewPage *self)
{
  KenshoRatingScale *scale = kensho_sheet_get_rating_scale (self->sheet);
  guint n_ratings = kensho_rating_scale_get_n_ratings (scale);
  GtkWidget *child;
  int top;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
  for (guint r = 0; r < n_ratings; r++)
    gtk_grid_attach (self->table, cell (kensho_rating_get_label (kensho_rating_scale_get_rating (scale, r)),
                                        "caption-heading", 1), (int) r + 1, 0, 1, 1);
  gtk_grid_attach (self->table, cell (_("Not rated"), "caption-heading", 1), (int) n_ratings + 1, 0, 1, 1);
  gtk_grid_attach (self->table, cell (_("Total"), "caption-heading", 1), (int) n_ratings + 2, 0, 1, 1);
  /* Numerical targets and KPIs are read apart: mixed, the few targets
   * vanish among the many KPIs. */
  top = fill_section (self, KENSHO_INDICATOR_TARGET, _("Numerical targets"), 1);
  fill_section (self, KENSHO_INDICATOR_KPI, _("KPIs"), top);
}

static GtkWidget *
delayed_row (gpointer item, gpointer data)
{
  KenshoOverviewPage *self = data;
  KenshoIndicator *indicator = item;
  int fiscal_year = kensho_sheet_get_fiscal_year (self->sheet);
  KenshoRating *rating = kensho_rating_scale_lookup (kensho_sheet_get_rating_scale (self->sheet),
                                                     kensho_indicator_get_rating_id (indicator, fiscal_year));
  const char *reason = kensho_indicator_get_delay_reason (indicator, fiscal_year);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  const char *indicator_name = kensho_indicator_get_name (indicator);
  g_autofree char *heading = g_strdup_printf ("%s — %s", indicator_name ? indicator_name : "",
                                              rating ? kensho_rating_get_label (rating) : "");
  GtkWidget *name = cell (heading, "heading", 0);
  GtkWidget *text = cell (reason ? reason : _("No reason given."), reason ? NULL : "warning", 0);

  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, heading, -1);
  return row;
}

static void
fill_delayed (KenshoOverviewPage *self)
{
  GPtrArray *delayed = kensho_overview_get_delayed (self->overview);
  g_autofree char *heading = g_strdup_printf (_("Delayed indicators (%u)"), delayed->len);

  gtk_label_set_text (self->delayed_heading, heading);
  g_list_store_splice (self->delayed, 0, g_list_model_get_n_items (G_LIST_MODEL (self->delayed)), delayed->pdata,
                       delayed->len);
  gtk_widget_set_visible (GTK_WIDGET (self->delayed_list), delayed->len > 0);
}

void
kensho_overview_page_refresh (KenshoOverviewPage *self)
{
  g_autofree char *title = NULL;

  g_return_if_fail (KENSHO_IS_OVERVIEW_PAGE (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_object (&self->overview);
  self->stale = FALSE;
  if (self->sheet == NULL)
    return;
  self->overview = kensho_overview_new (self->sheet);
  title = kensho_sheet_dup_display_title (self->sheet);
  gtk_label_set_text (self->title_label, title);
  fill_table (self);
  gtk_drawing_area_set_content_height (self->targets_chart, (int) kensho_overview_get_chart_height (self->overview));
  gtk_drawing_area_set_content_height (self->kpis_chart, (int) kensho_overview_get_chart_height (self->overview));
  gtk_widget_queue_draw (GTK_WIDGET (self->targets_chart));
  gtk_widget_queue_draw (GTK_WIDGET (self->kpis_chart));
  fill_delayed (self);
}

static void
draw_chart (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  KenshoOverviewPage *self = data;

  if (self->overview != NULL)
    kensho_overview_draw_kind_chart (self->overview,
                                     area == self->targets_chart ? KENSHO_INDICATOR_TARGET : KENSHO_INDICATOR_KPI,
                                     cr, width, height);
}

static gboolean
refresh_timeout (gpointer data)
{
  KenshoOverviewPage *self = data;

  self->refresh_source = 0;
  kensho_overview_page_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Summing up the whole sheet is not for every key, nor for a page not
 * shown while the user types in a form. */
static void
on_sheet_changed (KenshoSheet *sheet, int change, GObject *object, KenshoOverviewPage *self)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->refresh_source = g_timeout_add (300, refresh_timeout, self);
  else
    self->stale = TRUE;
}

static void
on_map (GtkWidget *widget, KenshoOverviewPage *self)
{
  if (self->stale)
    kensho_overview_page_refresh (self);
}

static void
on_row_activated (GtkListBox *list, GtkListBoxRow *row, KenshoOverviewPage *self)
{
  g_autoptr(KenshoIndicator) indicator = g_list_model_get_item (G_LIST_MODEL (self->delayed),
                                                                (guint) gtk_list_box_row_get_index (row));

  if (indicator != NULL)
    g_signal_emit (self, signals[INDICATOR_ACTIVATED], 0, indicator);
}

static void
kensho_overview_page_dispose (GObject *object)
{
  KenshoOverviewPage *self = KENSHO_OVERVIEW_PAGE (object);

  kensho_overview_page_set_sheet (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), KENSHO_TYPE_OVERVIEW_PAGE);
  g_clear_object (&self->delayed);
  G_OBJECT_CLASS (kensho_overview_page_parent_class)->dispose (object);
}

static void
kensho_overview_page_class_init (KenshoOverviewPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = kensho_overview_page_dispose;

  /**
   * KenshoOverviewPage::indicator-activated:
   * @indicator: the delayed #KenshoIndicator the user chose
   */
  signals[INDICATOR_ACTIVATED] = g_signal_new ("indicator-activated", G_TYPE_FROM_CLASS (klass),
                                               G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                               G_TYPE_NONE, 1, KENSHO_TYPE_INDICATOR);

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/kensho/Kensho/kensho-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, KenshoOverviewPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, KenshoOverviewPage, table);
  gtk_widget_class_bind_template_child (widget_class, KenshoOverviewPage, targets_chart);
  gtk_widget_class_bind_template_child (widget_class, KenshoOverviewPage, kpis_chart);
  gtk_widget_class_bind_template_child (widget_class, KenshoOverviewPage, delayed_heading);
  gtk_widget_class_bind_template_child (widget_class, KenshoOverviewPage, delayed_list);
}

static void
kensho_overview_page_init (KenshoOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->targets_chart, draw_chart, self, NULL);
  gtk_drawing_area_set_draw_func (self->kpis_chart, draw_chart, self, NULL);
  self->delayed = g_list_store_new (KENSHO_TYPE_INDICATOR);
  gtk_list_box_bind_model (self->delayed_list, G_LIST_MODEL (self->delayed), delayed_row, self, NULL);
  g_signal_connect (self->delayed_list, "row-activated", G_CALLBACK (on_row_activated), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map), self);
}

GtkWidget *
kensho_overview_page_new (void)
{
  return g_object_new (KENSHO_TYPE_OVERVIEW_PAGE, NULL);
}

void
kensho_overview_page_set_sheet (KenshoOverviewPage *self, KenshoSheet *sheet)
{
  g_return_if_fail (KENSHO_IS_OVERVIEW_PAGE (self));

  if (self->sheet != NULL)
    g_clear_signal_handler (&self->changed_handler, self->sheet);
  g_set_object (&self->sheet, sheet);
  if (sheet != NULL)
    self->changed_handler = g_signal_connect (sheet, "changed", G_CALLBACK (on_sheet_changed), self);
  kensho_overview_page_refresh (self);
}

/* The summary shown, NULL without a sheet. */
KenshoOverview *
kensho_overview_page_get_overview (KenshoOverviewPage *self)
{
  g_return_val_if_fail (KENSHO_IS_OVERVIEW_PAGE (self), NULL);
  return self->overview;
}
