/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kensho-cycle-ui.h"

GtkWidget *
kensho_cycle_ui_frame (AdwWindow *window)
{
  GtkWidget *outer = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_box_append (GTK_BOX (outer), adw_header_bar_new ());
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_vexpand (box, TRUE);
  gtk_box_append (GTK_BOX (outer), box);
  adw_window_set_content (window, outer);
  return box;
}

GtkWidget *
kensho_cycle_ui_add_label (GtkWidget *box, const char *text, const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_box_append (GTK_BOX (box), label);
  return label;
}

KenshoWorkspace *
kensho_cycle_ui_get_workspace (KenshoWindow *window)
{
  return kensho_application_get_workspace (KENSHO_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
}
