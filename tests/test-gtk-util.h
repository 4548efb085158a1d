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

/* Runs what is pending on the main context (idles, signals queued), up to
 * a bound: what the code under test schedules for "soon". */
void wait_idle (void);

void set_flag (gboolean *flag);

/* Waits for the window of @widget to map, lay out and paint a frame with
 * @widget in it, as a user would see it. */
void wait_drawn (GtkWidget *widget);

void on_after_paint (GdkFrameClock *clock, gboolean *painted);

/* Waits for the next frame of @widget's window to be painted. */
void wait_frame (GtkWidget *widget);

/* What @widget draws, as the bytes of an image. */
GBytes *dup_rendering (GtkWidget *widget);

void save_screenshot (GtkWidget *widget, const char *name);

/* Every shown label's text under @widget, one a line. */
void collect_label_texts (GtkWidget *widget, GString *texts);

void collect_mnemonics (GtkWidget *widget, GHashTable *seen);

/* No two mnemonics shown under @root share a key: Alt+key would reach
 * only one of them. */
void assert_unique_mnemonics (GtkWidget *root);

/* Whether @widget is the one a finder looks for, given @data. */
typedef gboolean (*WidgetMatch) (GtkWidget *widget, gconstpointer data);

/* The first widget under @root (itself included, depth first, popovers
 * too) that @match takes; NULL when there is none. */
GtkWidget *find_widget (GtkWidget *root, WidgetMatch match, gconstpointer data);

/* The first widget of @type under @root, itself included. */
GtkWidget *find_of_type (GtkWidget *root, GType type);

/* The button (or toggle) labelled @label, as written with its mnemonic. */
GtkButton *find_labelled_button (GtkWidget *root, const char *label);

/* The check button labelled @label (as written, with its mnemonic) under
 * @root; NULL when there is none. */
GtkCheckButton *find_check (GtkWidget *root, const char *label);

/* Whether @trigger is the key (letters in either case, as GTK matches). */
gboolean trigger_is_key (GtkShortcutTrigger *trigger, guint keyval, GdkModifierType modifiers);

/* GTK passes a key on when the shortcut's action is disabled. Tests cannot
 * ask whether a widget's action is; the one met here is GtkText's undo,
 * disabled with its history. */
gboolean action_disabled (GtkWidget *widget, GtkShortcutAction *action);

/* Whether @controller of @widget takes the key: its shortcut for it runs,
 * or (on the focus widget only) its ::key-pressed handler says so. */
gboolean controller_takes_key (GtkEventController *controller, GtkWidget *widget, gboolean target,
                               guint keyval, GdkModifierType modifiers);

/* A key pressed with the keyboard on @focus, delivered as GTK delivers it:
 * the capture phase from the window down to @focus, then the bubble phase
 * back up. Key handlers other than shortcuts are asked on @focus alone
 * (those of others, like the search bar's, need a real event). TRUE when
 * something took it. */
gboolean press_key_from (GtkWidget *focus, guint keyval, GdkModifierType modifiers);

/* The same, with the keyboard where it is in @window. */
gboolean press_key (GtkWindow *window, guint keyval, GdkModifierType modifiers);

/* The shown toplevel of @type (a dialog, the Preferences), or NULL. */
GtkWindow *find_toplevel_of_type (GType type);
