/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kensho-sheet-xml.h"
#include "kensho-window.h"

struct _KenshoWindow
{
  AdwApplicationWindow parent_instance;

  AdwWindowTitle *window_title;
  GtkStack *stack;
  AdwStatusPage *status_page;
  GtkListView *indicator_list;

  KenshoSheet *sheet;
};

G_DEFINE_FINAL_TYPE (KenshoWindow, kensho_window, ADW_TYPE_APPLICATION_WINDOW)

static void
kensho_window_dispose (GObject *object)
{
  KenshoWindow *self = KENSHO_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), KENSHO_TYPE_WINDOW);
  g_clear_object (&self->sheet);
  G_OBJECT_CLASS (kensho_window_parent_class)->dispose (object);
}

static void
kensho_window_class_init (KenshoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kensho_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/kensho/Kensho/kensho-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KenshoWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KenshoWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, KenshoWindow, status_page);
  gtk_widget_class_bind_template_child (widget_class, KenshoWindow, indicator_list);
}

static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  gtk_list_item_set_child (item, label);
}

static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  KenshoIndicator *indicator = gtk_list_item_get_item (item);
  const char *division = kensho_indicator_get_division (indicator);
  g_autofree char *text = g_strdup_printf ("%s — %s", kensho_indicator_get_name (indicator),
                                           division ? division : "");

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
kensho_window_init (KenshoWindow *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  gtk_list_view_set_factory (self->indicator_list, factory);
  g_object_unref (factory);
}

KenshoWindow *
kensho_window_new (KenshoApplication *app)
{
  return g_object_new (KENSHO_TYPE_WINDOW, "application", app, NULL);
}

KenshoSheet *
kensho_window_get_sheet (KenshoWindow *self)
{
  g_return_val_if_fail (KENSHO_IS_WINDOW (self), NULL);
  return self->sheet;
}

static void
show_sheet (KenshoWindow *self, KenshoSheet *sheet)
{
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  g_autoptr(GListStore) store = g_list_store_new (KENSHO_TYPE_INDICATOR);
  g_autofree char *title = kensho_sheet_dup_display_title (sheet);
  g_autofree char *subtitle = NULL;

  g_set_object (&self->sheet, sheet);
  g_list_store_splice (store, 0, 0, indicators->pdata, indicators->len);
  gtk_list_view_set_model (self->indicator_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&store)))));
  subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u indicator",
                                           "%s · %u indicators", indicators->len),
                              kensho_sheet_get_municipality (sheet), indicators->len);
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
  gtk_stack_set_visible_child_name (self->stack, "sheet");
}

void
kensho_window_open_file (KenshoWindow *self, GFile *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (file);
  g_autoptr(KenshoSheet) sheet = NULL;

  g_return_if_fail (KENSHO_IS_WINDOW (self));

  sheet = path ? kensho_sheet_xml_load_file (path, &error) : NULL;
  if (sheet == NULL)
    {
      adw_status_page_set_title (self->status_page, _("Could Not Open the Sheet"));
      adw_status_page_set_description (self->status_page,
                                       error ? error->message : _("Only local files can be opened."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  show_sheet (self, sheet);
}
