/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kensho-era.h"
#include "kensho-history-chart.h"
#include "kensho-history-view.h"
#include "kensho-node.h"
#include "kensho-sheet.h"

/* One series' chart; an indicator with several stacks one per series. */
#define CHART_HEIGHT 280

struct _KenshoHistoryView
{
  AdwBin parent_instance;

  GtkWidget *chart;
  GtkGrid *table;
  GtkLabel *error;
  KenshoIndicator *indicator;
  gboolean editable;
  KenshoSheet *sheet;
  gulong changed_handler;
  gboolean updating;
  int first_year;
  GPtrArray *cells; /* HistoryCell, (series × years) × (actual, target) */
  guint n_years;
};

G_DEFINE_FINAL_TYPE (KenshoHistoryView, kensho_history_view, ADW_TYPE_BIN)

/* A year's actual or target of a series: its entry's handlers hold a
 * reference each, and so does the view's list of cells. */
typedef struct
{
  KenshoHistoryView *self;
  GtkWidget *entry; /* not a reference: the entry's handlers hold the cell */
  guint series;
  int year;
  gboolean actual;
} HistoryCell;

static void
history_cell_release_closure (gpointer data, GClosure *closure)
{
  g_rc_box_release (data);
}

static void
draw_chart (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  KenshoHistoryView *self = data;

  if (self->indicator != NULL && self->sheet != NULL)
    kensho_history_chart_draw_all (self->indicator, self->sheet, cr, width, height);
}

static guint
cell_index (KenshoHistoryView *self, guint series, guint year_index, gboolean actual)
{
  return (series * self->n_years + year_index) * 2 + (actual ? 0 : 1);
}

static void
show_error (KenshoHistoryView *self, const char *message)
{
  gtk_label_set_text (self->error, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error), message != NULL);
}

/* A cell is read when Enter is pressed or the keyboard leaves it; what
 * cannot be read stays in it, with the reason below the table. */
static void
commit_cell (HistoryCell *c)
{
  KenshoHistoryView *self = c->self;
  GtkEditable *cell = GTK_EDITABLE (c->entry);
  guint series_index = c->series;
  int year = c->year;
  gboolean actual = c->actual;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (cell)));
  g_autoptr(KenshoValue) value = NULL;
  g_autoptr(GError) error = NULL;
  KenshoSeries *series;

  if (self->updating || self->indicator == NULL || !self->editable ||
      series_index >= kensho_indicator_get_n_series (self->indicator))
    return;
  if (*text != '\0' && (value = kensho_value_parse (text, &error)) == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (cell), "error");
      show_error (self, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (cell), "error");
  show_error (self, NULL);
  series = kensho_indicator_get_series (self->indicator, series_index);
  kensho_indicator_complete_unit (self->indicator, series, value);
  if (kensho_value_equal (value, actual ? kensho_series_get_actual (series, year)
                                        : kensho_series_get_target (series, year)))
    return;
  if (actual)
    kensho_series_set_actual (series, year, value);
  else
    kensho_series_set_target (series, year, value);
}

static void
on_cell_leave (GtkEventControllerFocus *focus, HistoryCell *c)
{
  commit_cell (c);
}

static void
on_cell_activate (GtkEntry *entry, HistoryCell *c)
{
  commit_cell (c);
}

static GtkWidget *
heading (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* The table anew: a row per year of the plan, actual and target of each series. */
static void
rebuild (KenshoHistoryView *self)
{
  GtkWidget *child;
  guint n_series = kensho_indicator_get_n_series (self->indicator);
  int last;

  /* A focused cell removed says "leave": nothing to read then. */
  self->updating = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
  self->updating = FALSE;
  g_ptr_array_set_size (self->cells, 0);
  self->first_year = kensho_sheet_get_plan_first (self->sheet);
  last = kensho_sheet_get_plan_last (self->sheet);
  self->n_years = (guint) MAX (0, last - self->first_year + 1);
  g_ptr_array_set_size (self->cells, n_series * self->n_years * 2);
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->chart), CHART_HEIGHT * MAX (1, n_series));

  for (guint s = 0; s < n_series; s++)
    {
      const char *name = kensho_series_get_name (kensho_indicator_get_series (self->indicator, s));
      g_autofree char *actual = name ? g_strdup_printf (_("Actual (%s)"), name) : g_strdup (_("Actual"));
      g_autofree char *target = name ? g_strdup_printf (_("Target (%s)"), name) : g_strdup (_("Target value"));

      gtk_grid_attach (self->table, heading (actual), 1 + 2 * (int) s, 0, 1, 1);
      gtk_grid_attach (self->table, heading (target), 2 + 2 * (int) s, 0, 1, 1);
    }
  for (guint y = 0; y < self->n_years; y++)
    {
      int year = self->first_year + (int) y;
      g_autofree char *title = kensho_era_format (year, KENSHO_PERIOD_FISCAL_YEAR, 0);
      GtkWidget *label = heading (title);

      gtk_grid_attach (self->table, label, 0, 1 + (int) y, 1, 1);
      for (guint s = 0; s < n_series; s++)
        for (int a = 1; a >= 0; a--)
          {
            GtkWidget *entry = gtk_entry_new ();
            GtkEventController *focus = gtk_event_controller_focus_new ();
            g_autofree char *name = g_strdup_printf (a ? _("%s actual") : _("%s target"), title);
            HistoryCell *c = g_rc_box_new0 (HistoryCell);

            c->self = self;
            c->entry = entry;
            c->series = s;
            c->year = year;
            c->actual = a;
            gtk_editable_set_width_chars (GTK_EDITABLE (entry), 12);
            gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
            g_signal_connect_data (entry, "activate", G_CALLBACK (on_cell_activate), g_rc_box_acquire (c),
                                   history_cell_release_closure, 0);
            g_signal_connect_data (focus, "leave", G_CALLBACK (on_cell_leave), g_rc_box_acquire (c),
                                   history_cell_release_closure, 0);
            gtk_widget_add_controller (entry, focus);
            gtk_grid_attach (self->table, entry, 1 + 2 * (int) s + (1 - a), 1 + (int) y, 1, 1);
            /* Where cell_index() looks for it: the grid is filled a year at a time. */
            self->cells->pdata[cell_index (self, s, y, a)] = c;
          }
    }
}

static void
fill (KenshoHistoryView *self)
{
  guint n_series = kensho_indicator_get_n_series (self->indicator);

  if (self->cells->len != n_series * self->n_years * 2 ||
      self->first_year != kensho_sheet_get_plan_first (self->sheet) ||
      self->first_year + (int) self->n_years - 1 != kensho_sheet_get_plan_last (self->sheet))
    rebuild (self);
  self->updating = TRUE;
  for (guint s = 0; s < n_series; s++)
    {
      KenshoSeries *series = kensho_indicator_get_series (self->indicator, s);

      for (guint y = 0; y < self->n_years; y++)
        for (int a = 0; a < 2; a++)
          {
            int year = self->first_year + (int) y;
            HistoryCell *c = g_ptr_array_index (self->cells, cell_index (self, s, y, a == 0));
            GtkEditable *cell = GTK_EDITABLE (c->entry);
            const KenshoValue *value = a == 0 ? kensho_series_get_actual (series, year)
                                              : kensho_series_get_target (series, year);
            g_autofree char *text = value ? kensho_value_format (value) : g_strdup ("");

            /* A cell that could not be read keeps what was typed. */
            if (!gtk_widget_has_css_class (GTK_WIDGET (cell), "error") &&
                g_strcmp0 (gtk_editable_get_text (cell), text) != 0)
              gtk_editable_set_text (cell, text);
            gtk_editable_set_editable (cell, self->editable);
          }
    }
  self->updating = FALSE;
  gtk_widget_queue_draw (self->chart);
}

static void
on_sheet_changed (KenshoSheet *sheet, int change, GObject *object, KenshoHistoryView *self)
{
  if (object == G_OBJECT (self->indicator) || object == G_OBJECT (sheet))
    kensho_history_view_refresh (self);
}

static void
kensho_history_view_dispose (GObject *object)
{
  KenshoHistoryView *self = KENSHO_HISTORY_VIEW (object);

  kensho_history_view_set_indicator (self, NULL, FALSE);
  G_OBJECT_CLASS (kensho_history_view_parent_class)->dispose (object);
}

static void
kensho_history_view_finalize (GObject *object)
{
  KenshoHistoryView *self = KENSHO_HISTORY_VIEW (object);

  g_ptr_array_unref (self->cells);
  G_OBJECT_CLASS (kensho_history_view_parent_class)->finalize (object);
}

static void
kensho_history_view_class_init (KenshoHistoryViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kensho_history_view_dispose;
  G_OBJECT_CLASS (klass)->finalize = kensho_history_view_finalize;
}

static void
kensho_history_view_init (KenshoHistoryView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  self->cells = g_ptr_array_new_with_free_func (g_rc_box_release);
  self->chart = gtk_drawing_area_new ();
  gtk_drawing_area_set_content_height (GTK_DRAWING_AREA (self->chart), CHART_HEIGHT);
  gtk_widget_set_hexpand (self->chart, TRUE);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->chart), draw_chart, self, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Chart of the indicator’s values by year"), -1);
  self->table = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (self->table, 4);
  gtk_grid_set_column_spacing (self->table, 8);
  self->error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->error, 0);
  gtk_label_set_wrap (self->error, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error), FALSE);
  gtk_box_append (GTK_BOX (box), self->chart);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->table));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error));
  adw_bin_set_child (ADW_BIN (self), box);
}

GtkWidget *
kensho_history_view_new (void)
{
  return g_object_new (KENSHO_TYPE_HISTORY_VIEW, NULL);
}

void
kensho_history_view_set_indicator (KenshoHistoryView *self, KenshoIndicator *indicator, gboolean editable)
{
  g_return_if_fail (KENSHO_IS_HISTORY_VIEW (self));

  if (self->sheet != NULL)
    g_clear_signal_handler (&self->changed_handler, self->sheet);
  g_clear_object (&self->sheet);
  if (self->indicator != indicator)
    {
      for (guint i = 0; i < self->cells->len; i++)
        gtk_widget_remove_css_class (((HistoryCell *) g_ptr_array_index (self->cells, i))->entry, "error");
      show_error (self, NULL);
    }
  g_set_object (&self->indicator, indicator);
  self->editable = editable;
  if (indicator == NULL || kensho_node_get_sheet (KENSHO_NODE (indicator)) == NULL)
    return;
  self->sheet = g_object_ref (kensho_node_get_sheet (KENSHO_NODE (indicator)));
  self->changed_handler = g_signal_connect (self->sheet, "changed", G_CALLBACK (on_sheet_changed), self);
  rebuild (self);
  fill (self);
}

void
kensho_history_view_refresh (KenshoHistoryView *self)
{
  g_return_if_fail (KENSHO_IS_HISTORY_VIEW (self));
  if (self->indicator != NULL && self->sheet != NULL)
    fill (self);
}

GtkWidget *
kensho_history_view_get_chart (KenshoHistoryView *self)
{
  g_return_val_if_fail (KENSHO_IS_HISTORY_VIEW (self), NULL);
  return self->chart;
}

GtkEditable *
kensho_history_view_get_cell (KenshoHistoryView *self, guint series, int fiscal_year, gboolean actual)
{
  HistoryCell *c;

  g_return_val_if_fail (KENSHO_IS_HISTORY_VIEW (self), NULL);

  if (self->indicator == NULL || series >= kensho_indicator_get_n_series (self->indicator) ||
      fiscal_year < self->first_year || fiscal_year >= self->first_year + (int) self->n_years)
    return NULL;
  c = g_ptr_array_index (self->cells, cell_index (self, series, (guint) (fiscal_year - self->first_year), actual));
  return GTK_EDITABLE (c->entry);
}

const char *
kensho_history_view_get_error (KenshoHistoryView *self)
{
  g_return_val_if_fail (KENSHO_IS_HISTORY_VIEW (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self->error)) ? gtk_label_get_text (self->error) : NULL;
}
