/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kensho-print-preview.h"

#define BORDER 16

struct _KenshoPrintPreview
{
  AdwWindow parent_instance;

  GtkPrintOperationPreview *preview;
  GtkPrintContext *context;
  KenshoPrintLayout *layout;
  /* The print context needs a cairo context while it paginates, before a
   * page is drawn on screen. */
  cairo_t *scratch;

  GtkWidget *area;
  GtkWidget *page_label;
  GtkWidget *previous;
  GtkWidget *next;
  guint page;
  guint n_pages;
  gboolean ended;
};

G_DEFINE_FINAL_TYPE (KenshoPrintPreview, kensho_print_preview, ADW_TYPE_WINDOW)

static void
update_controls (KenshoPrintPreview *self)
{
  g_autofree char *text = g_strdup_printf ("%u / %u", self->n_pages ? self->page + 1 : 0, self->n_pages);

  gtk_label_set_text (GTK_LABEL (self->page_label), text);
  gtk_widget_set_sensitive (self->previous, self->page > 0);
  gtk_widget_set_sensitive (self->next, self->page + 1 < self->n_pages);
  gtk_widget_queue_draw (self->area);
}

static void
on_ready (GtkPrintOperationPreview *preview, GtkPrintContext *context, KenshoPrintPreview *self)
{
  self->n_pages = kensho_print_layout_get_n_pages (self->layout);
  self->page = 0;
  update_controls (self);
}

/* The page is drawn offscreen, then shown: the print context keeps the
 * cairo context it is given, which must not be the widget's. */
static void
draw_page (GtkDrawingArea *area, cairo_t *cr, int width, int height, gpointer data)
{
  KenshoPrintPreview *self = data;
  GtkPageSetup *page_setup = gtk_print_context_get_page_setup (self->context);
  double paper_width = gtk_page_setup_get_paper_width (page_setup, GTK_UNIT_POINTS);
  double paper_height = gtk_page_setup_get_paper_height (page_setup, GTK_UNIT_POINTS);
  int scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (area));
  double scale, x, y;
  int page_width, page_height;
  cairo_surface_t *surface;
  cairo_t *page_cr;

  cairo_set_source_rgb (cr, 0.55, 0.55, 0.58);
  cairo_paint (cr);
  if (self->n_pages == 0 || width <= 2 * BORDER || height <= 2 * BORDER)
    return;

  scale = MIN ((width - 2 * BORDER) / paper_width, (height - 2 * BORDER) / paper_height);
  page_width = MAX (1, (int) (paper_width * scale));
  page_height = MAX (1, (int) (paper_height * scale));
  x = (width - page_width) / 2;
  y = (height - page_height) / 2;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, page_width * scale_factor,
                                        page_height * scale_factor);
  cairo_surface_set_device_scale (surface, scale_factor, scale_factor);
  page_cr = cairo_create (surface);
  cairo_set_source_rgb (page_cr, 1, 1, 1);
  cairo_paint (page_cr);
  gtk_print_context_set_cairo_context (self->context, page_cr, 72 * scale, 72 * scale);
  gtk_print_operation_preview_render_page (self->preview, self->page);
  gtk_print_context_set_cairo_context (self->context, self->scratch, 72, 72);
  cairo_destroy (page_cr);

  cairo_set_source_surface (cr, surface, x, y);
  cairo_paint (cr);
  cairo_surface_destroy (surface);
  cairo_set_source_rgb (cr, 0.2, 0.2, 0.2);
  cairo_set_line_width (cr, 1);
  cairo_rectangle (cr, x - 0.5, y - 0.5, page_width + 1, page_height + 1);
  cairo_stroke (cr);
}

static void
on_previous (KenshoPrintPreview *self)
{
  if (self->page > 0)
    self->page--;
  update_controls (self);
}

static void
on_next (KenshoPrintPreview *self)
{
  if (self->page + 1 < self->n_pages)
    self->page++;
  update_controls (self);
}

static void
end_preview (KenshoPrintPreview *self)
{
  if (self->ended || self->preview == NULL)
    return;
  self->ended = TRUE;
  gtk_print_operation_preview_end_preview (self->preview);
}

static gboolean
kensho_print_preview_close_request (GtkWindow *window)
{
  end_preview (KENSHO_PRINT_PREVIEW (window));
  return GTK_WINDOW_CLASS (kensho_print_preview_parent_class)->close_request (window);
}

static void
kensho_print_preview_dispose (GObject *object)
{
  KenshoPrintPreview *self = KENSHO_PRINT_PREVIEW (object);

  end_preview (self);
  if (self->preview != NULL)
    g_signal_handlers_disconnect_by_data (self->preview, self);
  g_clear_object (&self->preview);
  g_clear_object (&self->context);
  g_clear_object (&self->layout);
  g_clear_pointer (&self->scratch, cairo_destroy);
  G_OBJECT_CLASS (kensho_print_preview_parent_class)->dispose (object);
}

static void
kensho_print_preview_class_init (KenshoPrintPreviewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kensho_print_preview_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = kensho_print_preview_close_request;
}

static GtkWidget *
new_button (const char *icon, const char *tooltip)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  return button;
}

static void
kensho_print_preview_init (KenshoPrintPreview *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *pager = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_window_set_title (GTK_WINDOW (self), _("Print Preview"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1000, 760);

  self->previous = new_button ("go-previous-symbolic", _("Previous Page"));
  self->next = new_button ("go-next-symbolic", _("Next Page"));
  self->page_label = gtk_label_new ("");
  gtk_widget_add_css_class (self->page_label, "numeric");
  g_signal_connect_swapped (self->previous, "clicked", G_CALLBACK (on_previous), self);
  g_signal_connect_swapped (self->next, "clicked", G_CALLBACK (on_next), self);
  gtk_box_append (GTK_BOX (pager), self->previous);
  gtk_box_append (GTK_BOX (pager), self->page_label);
  gtk_box_append (GTK_BOX (pager), self->next);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), pager);

  self->area = gtk_drawing_area_new ();
  gtk_widget_set_vexpand (self->area, TRUE);
  gtk_widget_set_hexpand (self->area, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->area), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Page preview"), -1);
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (self->area), draw_page, self, NULL);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), self->area);
  adw_window_set_content (ADW_WINDOW (self), box);
  update_controls (self);
}

GtkWindow *
kensho_print_preview_new (GtkPrintOperationPreview *preview,
                          GtkPrintContext          *context,
                          KenshoPrintLayout        *layout,
                          GtkWindow                *parent)
{
  KenshoPrintPreview *self;
  cairo_surface_t *surface;

  g_return_val_if_fail (GTK_IS_PRINT_OPERATION_PREVIEW (preview), NULL);
  g_return_val_if_fail (GTK_IS_PRINT_CONTEXT (context), NULL);
  g_return_val_if_fail (KENSHO_IS_PRINT_LAYOUT (layout), NULL);

  self = g_object_new (KENSHO_TYPE_PRINT_PREVIEW, NULL);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (self), parent);
  self->preview = g_object_ref (preview);
  self->context = g_object_ref (context);
  self->layout = g_object_ref (layout);

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  self->scratch = cairo_create (surface);
  cairo_surface_destroy (surface);
  gtk_print_context_set_cairo_context (context, self->scratch, 72, 72);
  g_signal_connect (preview, "ready", G_CALLBACK (on_ready), self);
  return GTK_WINDOW (self);
}

/* 0 until the operation has paginated. */
guint
kensho_print_preview_get_n_pages (KenshoPrintPreview *self)
{
  g_return_val_if_fail (KENSHO_IS_PRINT_PREVIEW (self), 0);
  return self->n_pages;
}
