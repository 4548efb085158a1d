/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What tells the app apart: About's links, and the development profile's
 * app id and window style. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include "test-app.h"
#include "test-gtk-util.h"

static KenshoApplication *the_app;

/* About (main menu) names the website and where to report a problem. */
static void
test_about_links (void)
{
  KenshoWindow *window = kensho_window_new (the_app);
  AdwAboutWindow *about;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "app.about", NULL));
  about = ADW_ABOUT_WINDOW (find_toplevel_of_type (ADW_TYPE_ABOUT_WINDOW));
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_website (about), ==, "https://kensho.example.jp");
  g_assert_cmpstr (adw_about_window_get_issue_url (about), ==, "https://kensho.example.jp/issues");
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APPLICATION_ID);
  gtk_window_destroy (GTK_WINDOW (about));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* -Dprofile=development: another app id, beside the stable app's, and
 * windows striped as GNOME's development builds are. */
static void
test_profile (void)
{
  gboolean development = g_str_equal (PROFILE, "development");
  KenshoWindow *window = kensho_window_new (the_app);

  g_assert_cmpstr (g_application_get_application_id (G_APPLICATION (the_app)), ==,
                   development ? APP_ID ".Devel" : APP_ID);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (window), "devel") == development);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int argc, char **argv)
{
  g_autofree char *home = test_private_home ("about");
  int result;

  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  the_app = test_app_new ();

  g_test_add_func ("/about/links", test_about_links);
  g_test_add_func ("/about/profile", test_profile);
  result = g_test_run ();
  g_clear_object (&the_app);
  test_remove_home (home);
  return result;
}
