/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the window benchmarks share: the app started as in the tests. */
#pragma once

#include "kensho-application.h"

/* A private workspace and settings under @home, as in the tests; before
 * gtk_init(), which reads these folders already. */
static inline void
bench_private_home (const char *home)
{
  g_setenv ("XDG_DATA_HOME", home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_setenv ("XDG_STATE_HOME", home, TRUE);
}

/* The app, registered (after gtk_init() and adw_init()). */
static inline KenshoApplication *
bench_app_new (void)
{
  KenshoApplication *app;

  app = kensho_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  if (!g_application_register (G_APPLICATION (app), NULL, NULL))
    g_error ("The application did not start");
  return app;
}

/* For g_array_sort() of timings in milliseconds. */
static inline int
bench_compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}
