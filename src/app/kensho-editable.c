/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the forms' fields share: read-only for a sheet opened read-only,
 * and undo through the window's one history. */
#include "config.h"

#include "kensho-editable.h"

#define MADE_INSENSITIVE "kensho-made-insensitive"

/* Every field under @root, those made since too (call again after
 * rebuilding part of it). Making it editable again gives back only the
 * sensitivity taken here, not that of a button insensitive for another
 * reason. */
void
kensho_editable_set_all (GtkWidget *root, gboolean editable)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_EDITABLE (root))
    gtk_editable_set_editable (GTK_EDITABLE (root), editable);
  else if (GTK_IS_TEXT_VIEW (root))
    gtk_text_view_set_editable (GTK_TEXT_VIEW (root), editable);
  else if (GTK_IS_BUTTON (root) || GTK_IS_DROP_DOWN (root) || GTK_IS_MENU_BUTTON (root))
    {
      if (!editable && gtk_widget_get_sensitive (root))
        {
          gtk_widget_set_sensitive (root, FALSE);
          g_object_set_data (G_OBJECT (root), MADE_INSENSITIVE, GINT_TO_POINTER (TRUE));
        }
      else if (editable && g_object_get_data (G_OBJECT (root), MADE_INSENSITIVE) != NULL)
        {
          gtk_widget_set_sensitive (root, TRUE);
          g_object_set_data (G_OBJECT (root), MADE_INSENSITIVE, NULL);
        }
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    kensho_editable_set_all (child, editable);
}

/* Ctrl+Z and Shift+Ctrl+Z in any field of @form are the window's undo and
 * redo, before the field's own (GtkText keeps its undo action enabled
 * with its history off, and took the keys to do nothing). */
void
kensho_editable_route_undo (GtkWidget *form)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  g_return_if_fail (GTK_IS_WIDGET (form));

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("win.undo")));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z,
                                                                                  GDK_CONTROL_MASK | GDK_SHIFT_MASK),
                                                          gtk_named_action_new ("win.redo")));
  gtk_widget_add_controller (form, controller);
}
