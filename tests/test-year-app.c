/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The year in the window, with real widgets under Xvfb: starting the next
 * fiscal year from the main menu. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include "kensho-application.h"
#include "kensho-document.h"
#include "kensho-window.h"
#include "test-app.h"
#include "test-gtk-util.h"

static KenshoApplication *the_app;

static guint
n_windows (void)
{
  return g_list_length (gtk_application_get_windows (GTK_APPLICATION (the_app)));
}

/* The message dialog over @window with @heading, or NULL. */
static AdwMessageDialog *
find_message (KenshoWindow *window, const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (toplevel)), heading) == 0)
        return ADW_MESSAGE_DIALOG (toplevel);
    }
  return NULL;
}

static void
test_next_year (void)
{
  KenshoWindow *window = test_open_sample_copy (the_app, "next-year.xml");
  KenshoSheet *old = kensho_window_get_sheet (window);
  guint before = n_windows ();
  KenshoWindow *next_window;
  KenshoSheet *next;
  AdwMessageDialog *refusal;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "next-year.xml", NULL);
  g_autofree char *sample = NULL;
  g_autofree char *contents = NULL;

  wait_drawn (GTK_WIDGET (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-year", NULL));
  /* A new window, in front, with a new unsaved sheet; this one keeps its own. */
  g_assert_cmpuint (n_windows (), ==, before + 1);
  next_window = KENSHO_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (the_app)));
  g_assert_true (next_window != window);
  next = kensho_window_get_sheet (next_window);
  g_assert_cmpint (kensho_sheet_get_fiscal_year (next), ==, 2024);
  g_assert_cmpint (kensho_sheet_get_fiscal_year (old), ==, 2023);
  g_assert_null (kensho_document_get_path (kensho_window_get_document (next_window)));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (next_window)), "令和6年度"));
  g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &sample, NULL, NULL));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, sample);

  /* 令和9年度 is the plan's last: no sheet for 令和10年度, and a message why. */
  kensho_sheet_set_fiscal_year (next, 2027);
  before = n_windows ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (next_window), "win.next-year", NULL));
  g_assert_cmpuint (n_windows (), ==, before);
  refusal = find_message (next_window, "Could Not Start the Next Fiscal Year");
  g_assert_nonnull (refusal);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (refusal), "extend the plan"));
  gtk_window_destroy (GTK_WINDOW (refusal));

  kensho_window_close_for_quit (next_window);
  kensho_window_close_for_quit (window);
}

int
main (int argc, char **argv)
{
  g_autofree char *home = test_private_home ("year-app");
  int result;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  the_app = test_app_new ();

  g_test_add_func ("/year-app/next-year", test_next_year);
  result = g_test_run ();
  g_clear_object (&the_app);
  test_remove_home (home);
  return result;
}
