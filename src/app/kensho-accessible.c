/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Works around what GTK 4.8 leaves unnamed for screen readers. */
#include "config.h"

#include "kensho-accessible.h"

/* A GtkDropDown's own name does not reach the toggle button inside it,
 * which is what takes focus: a screen reader says only "GtkToggleButton".
 * Name that button after @label (a widget) or @text. */
void
kensho_accessible_name_drop_down (GtkDropDown *drop_down, GtkWidget *label, const char *text)
{
  g_return_if_fail (GTK_IS_DROP_DOWN (drop_down));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (!GTK_IS_TOGGLE_BUTTON (child))
        continue;
      if (label != NULL)
        gtk_accessible_update_relation (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
      if (text != NULL)
        gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
    }
}

/* GTK 4.8 gives a button with a mnemonic ("_Save") that raw text as its
 * accessible label, and then adds the shown text: "_Save Save". Dropping
 * the label leaves the shown text, as a screen reader should say it. */
void
kensho_accessible_fix_mnemonic_buttons (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_BUTTON (root) && gtk_button_get_use_underline (GTK_BUTTON (root)))
    gtk_accessible_reset_property (GTK_ACCESSIBLE (root), GTK_ACCESSIBLE_PROPERTY_LABEL);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    kensho_accessible_fix_mnemonic_buttons (child);
}
