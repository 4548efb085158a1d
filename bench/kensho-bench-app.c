/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kensho-bench-app: the time from selecting an indicator in the strategy
 * tree to the frame that shows its form, in the real window (run it under
 * Xvfb). Used by bench/run-benchmarks.sh; prints "key=value" lines.
 *
 *   kensho-bench-app FILE [SELECTIONS]
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "kensho-application.h"
#include "kensho-bench-app-util.h"
#include "kensho-indicator-form.h"
#include "kensho-window.h"

static guint frames;

static void
on_after_paint (GdkFrameClock *clock, gpointer data)
{
  frames++;
}

/* Runs the main loop until a frame has been drawn after this call. */
static gboolean
wait_for_frame (void)
{
  guint before = frames;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (frames == before && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  return frames != before;
}

static void
select_and_time (KenshoWindow *window, KenshoStrategyTree *tree, KenshoIndicator *indicator,
                 GArray *ms, GArray *call_ms)
{
  gint64 start = g_get_monotonic_time ();
  double elapsed;

  if (!kensho_strategy_tree_select (tree, KENSHO_NODE (indicator)))
    g_error ("The indicator could not be selected");
  elapsed = (g_get_monotonic_time () - start) / 1000.0;
  if (call_ms != NULL)
    g_array_append_val (call_ms, elapsed);
  if (!wait_for_frame ())
    g_error ("No frame was drawn after the selection");
  elapsed = (g_get_monotonic_time () - start) / 1000.0;
  if (kensho_indicator_form_get_indicator (KENSHO_INDICATOR_FORM (kensho_window_get_form (window))) != indicator)
    g_error ("The form does not show the selected indicator");
  g_array_append_val (ms, elapsed);
}

static void
print_stats (const char *prefix, GArray *ms)
{
  if (ms->len == 0)
    return;
  g_array_sort (ms, bench_compare_doubles);
  g_print ("%s_runs=%u\n", prefix, ms->len);
  g_print ("%s_median_ms=%.1f\n", prefix, g_array_index (ms, double, ms->len / 2));
  g_print ("%s_p90_ms=%.1f\n", prefix, g_array_index (ms, double, (ms->len * 9) / 10));
  g_print ("%s_max_ms=%.1f\n", prefix, g_array_index (ms, double, ms->len - 1));
}

int
main (int argc, char **argv)
{
  g_autofree char *home = g_dir_make_tmp ("kensho-bench-app-XXXXXX", NULL);
  g_autofree char *rm = NULL;
  g_autoptr(KenshoApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) call_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) jump_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) jump_call_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  gint64 start = g_get_monotonic_time ();
  KenshoWindow *window;
  KenshoStrategyTree *tree;
  guint selections;

  if (argc < 2)
    {
      g_printerr ("usage: kensho-bench-app FILE [SELECTIONS]\n");
      return 2;
    }
  selections = argc > 2 ? (guint) atoi (argv[2]) : 20;
  bench_before_gtk_init (home);
  gtk_init ();
  adw_init ();
  app = bench_app_new ();

  window = kensho_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  g_signal_connect (gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window))),
                    "after-paint", G_CALLBACK (on_after_paint), NULL);
  file = g_file_new_for_commandline_arg (argv[1]);
  kensho_window_open_file (window, file);
  if (kensho_window_get_sheet (window) == NULL)
    g_error ("%s could not be opened", argv[1]);
  wait_for_frame ();
  g_print ("first_frame_ms=%.1f\n", (g_get_monotonic_time () - start) / 1000.0);
  /* Let the first layout of the whole tree settle. */
  for (int i = 0; i < 5; i++)
    {
      gtk_widget_queue_draw (GTK_WIDGET (window));
      wait_for_frame ();
    }

  tree = kensho_window_get_tree (window);
  indicators = kensho_sheet_dup_indicators (kensho_window_get_sheet (window));
  /* Jumps: indicators anywhere in the sheet (as from a search); the tree
   * scrolls to each. */
  for (guint i = 0; i < selections; i++)
    select_and_time (window, tree, g_ptr_array_index (indicators, g_rand_int_range (rand, 0, (gint32) indicators->len)),
                     jump_ms, jump_call_ms);
  /* Clicks: an indicator a few rows above or below the selected one, in
   * view, as a person goes down the list. */
  for (guint i = 0; i < selections; i++)
    {
      KenshoNode *selected = kensho_strategy_tree_get_selected (tree);
      guint n = kensho_strategy_tree_get_n_rows (tree);
      guint position = 0;
      int direction = i % 2 == 0 ? 1 : -1;
      KenshoNode *next = NULL;

      /* Not timed: where the selected row is. */
      while (position < n && kensho_strategy_tree_get_row_node (tree, position) != selected)
        position++;
      for (int step = 1; step <= 4 && next == NULL; step++)
        {
          gint64 row = (gint64) position + direction * step;
          KenshoNode *node = row >= 0 && row < n ? kensho_strategy_tree_get_row_node (tree, (guint) row) : NULL;

          if (node != NULL && KENSHO_IS_INDICATOR (node))
            next = node;
        }
      if (next != NULL)
        select_and_time (window, tree, KENSHO_INDICATOR (next), ms, call_ms);
    }
  print_stats ("jump", jump_ms);
  print_stats ("select", ms);
  /* The part spent in the selection itself (tree, form), before drawing. */
  print_stats ("select_call", call_ms);
  print_stats ("jump_call", jump_call_ms);

  kensho_window_close_for_quit (window);
  kensho_workspace_flush (kensho_application_get_workspace (app), NULL);
  rm = g_strdup_printf ("rm -rf '%s'", home);
  if (system (rm) != 0)
    g_printerr ("Could not remove %s\n", home);
  return 0;
}
