/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the window benchmarks share: the app started as in the tests. */
#pragma once

#include "kensho-application.h"
#include "kensho-renderer.h"

/* Before gtk_init(), which reads these already: a private workspace and
 * settings under @home, as in the tests, and OpenGL kept out as the app
 * keeps it out (main.c). */
static inline void
bench_before_gtk_init (const char *home)
{
  kensho_renderer_keep_gl_out ("/dev");
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

/* The main loop's time away from poll() is time it could not take input:
 * the longest such stretch while measuring, and when it ended. */
typedef struct
{
  gboolean measuring;
  gint64 poll_returned;
  double max_ms;
  gint64 max_at;
} BenchBlocks;

static BenchBlocks bench_blocks;
static GPollFunc bench_default_poll;

static inline int
bench_timed_poll (GPollFD *fds, guint n_fds, int timeout)
{
  gint64 now = g_get_monotonic_time ();
  int result;

  if (bench_blocks.measuring && bench_blocks.poll_returned != 0 &&
      (now - bench_blocks.poll_returned) / 1000.0 > bench_blocks.max_ms)
    {
      bench_blocks.max_ms = (now - bench_blocks.poll_returned) / 1000.0;
      bench_blocks.max_at = now;
    }
  result = bench_default_poll (fds, n_fds, timeout);
  bench_blocks.poll_returned = g_get_monotonic_time ();
  return result;
}

/* Times the main loop's polls from now on (after gtk_init()). */
static inline void
bench_blocks_install (void)
{
  bench_default_poll = g_main_context_get_poll_func (NULL);
  g_main_context_set_poll_func (NULL, bench_timed_poll);
}

/* Measures from @since (0: from the next poll's return). */
static inline void
bench_blocks_start (gint64 since)
{
  bench_blocks.measuring = TRUE;
  bench_blocks.poll_returned = since;
  bench_blocks.max_ms = 0;
  bench_blocks.max_at = 0;
}

/* For g_array_sort() of timings in milliseconds. */
static inline int
bench_compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}
