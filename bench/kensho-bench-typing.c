/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kensho-bench-typing: a burst of keys typed into the indicator form of the
 * real window (run it under Xvfb), each 150 ms after the one before; for
 * each, the time from when it was due to the frame that shows it, and the
 * longest stretch the main loop did not wait for input, from the first key
 * to a second after the last (the checks run after the keys pause). Used by
 * bench/run-benchmarks.sh; prints "key=value" lines, then
 * "typing: keys=N median_ms=X p90_ms=Y max_block_ms=Z".
 *
 *   kensho-bench-typing FILE [commentary|name] [KEYS]
 *
 * The keys are inserted into the focused text as GTK does for a key press
 * (the buffer or editable, with its undo and the model's setters), at the
 * time they are due or, when the main loop is busy, as soon as it is free:
 * a key waiting for a busy loop counts from when it was due.
 */
#include "config.h"

#include <glib/gstdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kensho-application.h"
#include "kensho-bench-app-util.h"
#include "kensho-indicator-form.h"
#include "kensho-window.h"

#define KEY_INTERVAL_US (150 * 1000)

typedef struct
{
  GtkWidget *target;     /* a GtkTextView or a GtkEditable */
  guint n_keys;
  guint next;            /* the next key to type */
  gint64 first_due;
  gint64 *due;           /* when each key was due */
  guint shown;           /* keys up to here have been drawn */
  GArray *latency_ms;
  gboolean measuring;
  double max_frame_ms;
  gint64 frame_start;
  guint frames;
} Bench;

static Bench bench;
static void
on_before_paint (GdkFrameClock *clock, gpointer data)
{
  bench.frame_start = g_get_monotonic_time ();
}

static void
on_after_paint (GdkFrameClock *clock, gpointer data)
{
  gint64 now = g_get_monotonic_time ();

  bench.frames++;
  if (bench.measuring && bench.frame_start != 0)
    bench.max_frame_ms = MAX (bench.max_frame_ms, (now - bench.frame_start) / 1000.0);
  for (; bench.shown < bench.next; bench.shown++)
    {
      double ms = (now - bench.due[bench.shown]) / 1000.0;

      g_array_append_val (bench.latency_ms, ms);
    }
}

static void
wait_for_frame (void)
{
  guint before = bench.frames;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (bench.frames == before && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  if (bench.frames == before)
    g_error ("No frame was drawn");
}

/* Until nothing is left to do now: the checks of a newly opened sheet run
 * in slices after its first frame. */
static void
wait_settled (void)
{
  for (int rounds = 0; rounds < 3; rounds++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      gtk_widget_queue_draw (bench.target);
      wait_for_frame ();
    }
}

static gboolean type_key (gpointer data);

static void
schedule_next (void)
{
  gint64 wait = bench.due[bench.next] - g_get_monotonic_time ();

  g_timeout_add (wait > 0 ? (guint) (wait / 1000) : 0, type_key, NULL);
}

static gboolean
type_key (gpointer data)
{
  static const char *const letters[] = { "あ", "い", "う", "え", "お", "か" };
  const char *letter = letters[bench.next % G_N_ELEMENTS (letters)];

  /* A timeout may come a little early: wait for the key's time. */
  if (g_get_monotonic_time () < bench.due[bench.next])
    {
      schedule_next ();
      return G_SOURCE_REMOVE;
    }
  if (GTK_IS_TEXT_VIEW (bench.target))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (bench.target));

      gtk_text_buffer_insert_interactive_at_cursor (buffer, letter, -1, TRUE);
    }
  else
    {
      int position = gtk_editable_get_position (GTK_EDITABLE (bench.target));

      gtk_editable_insert_text (GTK_EDITABLE (bench.target), letter, -1, &position);
      gtk_editable_set_position (GTK_EDITABLE (bench.target), position);
    }
  bench.next++;
  if (bench.next < bench.n_keys)
    schedule_next ();
  return G_SOURCE_REMOVE;
}

static GtkWidget *
find_text_view (GtkWidget *widget)
{
  if (GTK_IS_TEXT_VIEW (widget) && gtk_widget_get_mapped (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_text_view (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

int
main (int argc, char **argv)
{
  g_autofree char *home = g_dir_make_tmp ("kensho-bench-typing-XXXXXX", NULL);
  g_autofree char *rm = NULL;
  g_autoptr(KenshoApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  const char *field = argc > 2 ? argv[2] : "commentary";
  KenshoIndicatorForm *form;
  KenshoIndicator *indicator;
  KenshoWindow *window;
  GdkFrameClock *clock;
  gint64 end;
  double median, p90;

  if (argc < 2 || (!g_str_equal (field, "commentary") && !g_str_equal (field, "name")))
    {
      g_printerr ("usage: kensho-bench-typing FILE [commentary|name] [KEYS]\n");
      return 2;
    }
  bench.n_keys = argc > 3 ? (guint) MAX (1, atoi (argv[3])) : 24;
  bench.due = g_new0 (gint64, bench.n_keys);
  bench.latency_ms = g_array_new (FALSE, FALSE, sizeof (double));
  bench_before_gtk_init (home);
  gtk_init ();
  adw_init ();
  bench_blocks_install ();
  app = bench_app_new ();

  window = kensho_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  clock = gdk_surface_get_frame_clock (gtk_native_get_surface (GTK_NATIVE (window)));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), NULL);
  file = g_file_new_for_commandline_arg (argv[1]);
  kensho_window_open_file (window, file);
  if (kensho_window_get_sheet (window) == NULL)
    g_error ("%s could not be opened", argv[1]);
  wait_for_frame ();

  /* An indicator in the middle of the sheet, its field focused. */
  indicators = kensho_sheet_dup_indicators (kensho_window_get_sheet (window));
  indicator = g_ptr_array_index (indicators, indicators->len / 2);
  if (!kensho_strategy_tree_select (kensho_window_get_tree (window), KENSHO_NODE (indicator)))
    g_error ("The indicator could not be selected");
  form = KENSHO_INDICATOR_FORM (kensho_window_get_form (window));
  wait_for_frame ();
  if (g_str_equal (field, "name"))
    bench.target = GTK_WIDGET (kensho_indicator_form_get_field (form, "name"));
  else
    bench.target = find_text_view (GTK_WIDGET (form));
  if (bench.target == NULL)
    g_error ("The form has no %s field", field);
  gtk_widget_grab_focus (bench.target);
  if (GTK_IS_EDITABLE (bench.target))
    gtk_editable_set_position (GTK_EDITABLE (bench.target), -1);
  wait_settled ();

  bench.first_due = g_get_monotonic_time () + KEY_INTERVAL_US;
  for (guint i = 0; i < bench.n_keys; i++)
    bench.due[i] = bench.first_due + (gint64) i * KEY_INTERVAL_US;
  bench.measuring = TRUE;
  bench_blocks_start (0);
  /* Resident once the sheet is open and checked, before typing. */
  {
    g_autofree char *status = NULL;
    const char *rss;

    if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) && (rss = strstr (status, "VmRSS:")) != NULL)
      g_print ("rss_after_open_mb=%.0f\n", g_ascii_strtod (rss + 6, NULL) / 1024.0);
  }
#ifdef __GLIBC__
  /* Of that, malloc's blocks in use (the rest: libraries, fonts, GL). */
  {
    struct mallinfo2 info = mallinfo2 ();

    g_print ("heap_after_open_mb=%.1f\n", (info.uordblks + info.hblkhd) / 1048576.0);
  }
#endif
  /* For a profiler attached now (perf record -p). */
  g_print ("burst_pid=%d\n", (int) getpid ());
  fflush (stdout);
  schedule_next ();
  end = bench.due[bench.n_keys - 1] + G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end || bench.shown < bench.n_keys)
    g_main_context_iteration (NULL, TRUE);
  bench.measuring = FALSE;
  bench_blocks.measuring = FALSE;

  g_array_sort (bench.latency_ms, bench_compare_doubles);
  median = g_array_index (bench.latency_ms, double, bench.latency_ms->len / 2);
  p90 = g_array_index (bench.latency_ms, double, (bench.latency_ms->len * 9) / 10);
  g_print ("field=%s\n", field);
  g_print ("indicators=%u\n", indicators->len);
  g_print ("max_key_ms=%.1f\n", g_array_index (bench.latency_ms, double, bench.latency_ms->len - 1));
  g_print ("max_frame_ms=%.1f\n", bench.max_frame_ms);
  /* After the last key's time: the checks (or the workspace) after typing. */
  g_print ("max_block_after_last_key_ms=%.1f\n", (bench_blocks.max_at - bench.due[bench.n_keys - 1]) / 1000.0);
  g_print ("typing: keys=%u median_ms=%.1f p90_ms=%.1f max_block_ms=%.1f\n",
           bench.n_keys, median, p90, bench_blocks.max_ms);

  kensho_window_close_for_quit (window);
  kensho_workspace_flush (kensho_application_get_workspace (app), NULL);
  g_array_unref (bench.latency_ms);
  g_free (bench.due);
  rm = g_strdup_printf ("rm -rf '%s'", home);
  if (system (rm) != 0)
    g_printerr ("Could not remove %s\n", home);
  return 0;
}
