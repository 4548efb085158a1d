/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Helpers of the widget tests: waiting for a window to be drawn, and
 * saving what it shows as a PNG beside the test binaries. */
#pragma once

#include <gtk/gtk.h>

/* Runs the main loop until @condition holds. No deadline: a loaded machine
 * only makes the wait longer, and the test's timeout (meson) ends a wait
 * for something that never comes. */
#define wait_for(condition) \
  G_STMT_START { \
    while (!(condition)) \
      g_main_context_iteration (NULL, TRUE); \
  } G_STMT_END

static inline void
set_flag (gboolean *flag)
{
  *flag = TRUE;
}

/* Waits for the window of @widget to map, lay out and paint a frame with
 * @widget in it, as a user would see it. */
static inline void
wait_drawn (GtkWidget *widget)
{
  gboolean painted = FALSE;
  GdkFrameClock *clock;
  gulong handler;

  wait_for (gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0);
  clock = gtk_widget_get_frame_clock (widget);
  handler = g_signal_connect_swapped (clock, "after-paint", G_CALLBACK (set_flag), &painted);
  gtk_widget_queue_draw (widget);
  wait_for (painted);
  g_signal_handler_disconnect (clock, handler);
}

static inline void
save_screenshot (GtkWidget *widget, const char *name)
{
  GdkPaintable *paintable;
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  int width, height;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = g_build_filename (g_test_get_dir (G_TEST_BUILT), name, NULL);

  wait_drawn (widget);
  /* Made once the widget is drawn, the paintable holds its image at once;
   * made before, it gets it only in an idle after the next frame. */
  paintable = gtk_widget_paintable_new (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
  g_object_unref (paintable);
}

/* The check button labelled @label (as written, with its mnemonic) under
 * @root; NULL when there is none. */
static inline GtkCheckButton *
find_check (GtkWidget *root, const char *label)
{
  if (GTK_IS_CHECK_BUTTON (root) && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (root)), label) == 0)
    return GTK_CHECK_BUTTON (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *found = find_check (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}
