/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kensho-bench-window-io: Open and Save in the real window (run it under
 * Xvfb), as the window sees them: the time until done and the longest
 * stretch the main loop did not wait for input (a frozen window).
 *
 *   kensho-bench-window-io FILE [RUNS [sync]]
 *
 * Open goes as File → Open does (read in a thread); with "sync", as the
 * command line does (kensho_window_open_file(), on the main thread).
 * Prints "open: total_ms=X max_block_ms=Y" (until the sheet is drawn)
 * and "save: …" per run. FILE
 * itself is left alone: a copy of it in a private folder is opened and saved. */
#include "config.h"

#include <stdlib.h>

#include "kensho-bench-app-util.h"
#include "kensho-window.h"

static void
report (const char *what, gint64 began)
{
  /* The block still running when it ended counts too. */
  double last = (g_get_monotonic_time () - bench_blocks.poll_returned) / 1000.0;

  g_print ("%s: total_ms=%.0f max_block_ms=%.0f\n", what, (g_get_monotonic_time () - began) / 1000.0,
           MAX (bench_blocks.max_ms, last));
}

static void
on_after_paint (GdkFrameClock *clock, gboolean *painted)
{
  *painted = TRUE;
}

/* Until @widget's window has painted a frame, and what that left to do is done. */
static void
wait_painted (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  gboolean painted = FALSE;
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);

  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

int
main (int argc, char **argv)
{
  g_autofree char *home = g_dir_make_tmp ("kensho-bench-window-io-XXXXXX", NULL);
  g_autoptr(KenshoApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  int runs = argc > 2 ? MAX (1, atoi (argv[2])) : 1;
  gboolean sync = argc > 3 && g_str_equal (argv[3], "sync");

  if (argc < 2)
    {
      g_printerr ("usage: kensho-bench-window-io FILE [RUNS [sync]]\n");
      return 2;
    }
  bench_before_gtk_init (home);
  gtk_init ();
  adw_init ();
  bench_blocks_install ();
  app = bench_app_new ();
  {
    g_autoptr(GFile) given = g_file_new_for_commandline_arg (argv[1]);
    g_autofree char *copy = g_build_filename (home, "sheet.xml", NULL);
    g_autoptr(GError) error = NULL;

    file = g_file_new_for_path (copy);
    if (!g_file_copy (given, file, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
      g_error ("%s could not be copied: %s", argv[1], error->message);
    path = g_steal_pointer (&copy);
  }

  for (int run = 0; run < runs; run++)
    {
      KenshoWindow *window = kensho_window_new (app);
      gint64 began;
      g_autofree char *title = g_strdup_printf ("run %d", run);

      gtk_window_present (GTK_WINDOW (window));
      while (g_main_context_iteration (NULL, FALSE))
        ;
      began = g_get_monotonic_time ();
      bench_blocks_start (g_get_monotonic_time ());
      /* As File → Open does: read in a thread, shown here once read; or,
       * for comparison, as the command line does, all at once. */
      if (sync)
        kensho_window_open_file (window, file);
      else
        gtk_widget_activate_action (GTK_WIDGET (window), "win.open-recent", "s", path);
      while (kensho_window_get_sheet (window) == NULL)
        g_main_context_iteration (NULL, TRUE);
      /* Open ends when the sheet is drawn: its first layout of the
       * window is the open's, not the save's that follows. */
      wait_painted (GTK_WIDGET (window));
      report (sync ? "open (at once)" : "open", began);

      kensho_sheet_set_title (kensho_window_get_sheet (window), title);
      began = g_get_monotonic_time ();
      bench_blocks_start (g_get_monotonic_time ());
      gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
      while (kensho_window_is_saving (window))
        g_main_context_iteration (NULL, TRUE);
      report ("save", began);
      kensho_window_close_for_quit (window);
      while (g_main_context_iteration (NULL, FALSE))
        ;
    }
  return 0;
}
