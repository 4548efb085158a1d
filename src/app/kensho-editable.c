/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the forms' fields share: read-only for a sheet opened read-only,
 * and undo through the window's one history. */
#include "config.h"

#include "kensho-editable.h"

/* These helpers attach state to any field from outside, with no owner
 * object to keep it: it is kept on the field itself, as qdata. */
static GQuark
made_insensitive_quark (void)
{
  return g_quark_from_static_string ("kensho-made-insensitive");
}

static GQuark
deletion_quark (void)
{
  return g_quark_from_static_string ("kensho-deletion");
}

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
          g_object_set_qdata (G_OBJECT (root), made_insensitive_quark (), GINT_TO_POINTER (TRUE));
        }
      else if (editable && g_object_get_qdata (G_OBJECT (root), made_insensitive_quark ()) != NULL)
        {
          gtk_widget_set_sensitive (root, TRUE);
          g_object_set_qdata (G_OBJECT (root), made_insensitive_quark (), NULL);
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

/* What the last deletion took, kept until the main loop is idle: a paste
 * over a selection deletes it before the text is inserted, so an insertion
 * refused there can put it back. */
typedef struct
{
  char *text;
  int offset;
  gboolean restoring;
  guint idle;
} Deletion;

static void
deletion_free (gpointer data)
{
  Deletion *deletion = data;

  g_clear_handle_id (&deletion->idle, g_source_remove);
  g_free (deletion->text);
  g_free (deletion);
}

static gboolean
forget_deletion (gpointer data)
{
  Deletion *deletion = data;

  deletion->idle = 0;
  g_clear_pointer (&deletion->text, g_free);
  return G_SOURCE_REMOVE;
}

static void
remember_deletion (Deletion *deletion, char *text, int offset)
{
  g_free (deletion->text);
  deletion->text = text;
  deletion->offset = offset;
  /* Before the next key press is handled. */
  if (deletion->idle == 0)
    deletion->idle = g_idle_add_full (G_PRIORITY_HIGH, forget_deletion, deletion, NULL);
}

static void
on_editable_delete (GtkEditable *editable, int start, int end, Deletion *deletion)
{
  if (!deletion->restoring)
    remember_deletion (deletion, gtk_editable_get_chars (editable, start, end), start);
}

static void
on_buffer_delete (GtkTextBuffer *buffer, GtkTextIter *start, GtkTextIter *end, Deletion *deletion)
{
  if (!deletion->restoring)
    remember_deletion (deletion, gtk_text_buffer_get_text (buffer, start, end, FALSE),
                       gtk_text_iter_get_offset (start));
}

/* @editable_or_buffer: the delegate of a GtkEditable (whose "insert-text"
 * is refused), or a GtkTextBuffer. */
void
kensho_editable_keep_deletions (GObject *editable_or_buffer)
{
  Deletion *deletion = g_new0 (Deletion, 1);

  g_object_set_qdata_full (editable_or_buffer, deletion_quark (), deletion, deletion_free);
  if (GTK_IS_TEXT_BUFFER (editable_or_buffer))
    g_signal_connect (editable_or_buffer, "delete-range", G_CALLBACK (on_buffer_delete), deletion);
  else
    g_signal_connect (editable_or_buffer, "delete-text", G_CALLBACK (on_editable_delete), deletion);
}

/* TRUE while the text a refused insertion would have replaced is put
 * back: that insertion is no edit of the user's to check. */
gboolean
kensho_editable_is_restoring (gpointer editable_or_buffer)
{
  Deletion *deletion = g_object_get_qdata (G_OBJECT (editable_or_buffer), deletion_quark ());

  return deletion != NULL && deletion->restoring;
}

static Deletion *
deletion_at (gpointer object, int offset)
{
  Deletion *deletion = g_object_get_qdata (G_OBJECT (object), deletion_quark ());

  if (deletion == NULL || deletion->text == NULL || deletion->offset != offset || deletion->restoring)
    return NULL;
  return deletion;
}

/* Called from the "insert-text" handler that refused the insertion at
 * @position: the text the same edit deleted there (a selection pasted
 * over) is put back. */
void
kensho_editable_restore_deletion (GtkEditable *delegate, int *position)
{
  Deletion *deletion = deletion_at (delegate, *position);
  int start;

  if (deletion == NULL)
    return;
  start = *position;
  deletion->restoring = TRUE;
  gtk_editable_insert_text (delegate, deletion->text, -1, position);
  deletion->restoring = FALSE;
  g_clear_pointer (&deletion->text, g_free);
  gtk_editable_select_region (delegate, start, *position);
}

void
kensho_text_buffer_restore_deletion (GtkTextBuffer *buffer, GtkTextIter *location)
{
  Deletion *deletion = deletion_at (buffer, gtk_text_iter_get_offset (location));
  GtkTextIter start;

  if (deletion == NULL)
    return;
  deletion->restoring = TRUE;
  /* Revalidates @location, as the default handler would have. */
  gtk_text_buffer_insert (buffer, location, deletion->text, -1);
  deletion->restoring = FALSE;
  gtk_text_buffer_get_iter_at_offset (buffer, &start, deletion->offset);
  g_clear_pointer (&deletion->text, g_free);
  gtk_text_buffer_select_range (buffer, &start, location);
}
