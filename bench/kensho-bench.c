/* SPDX-License-Identifier: GPL-3.0-or-later */
/* kensho-bench: timings of the core that no command of kensho-cli isolates.
 * Used by bench/run-benchmarks.sh; prints "key=value" lines.
 *
 *   kensho-bench save FILE OUT [RUNS]       XML save (serialize, write, fsync, rename)
 *   kensho-bench commit FILE DB [EDITS]     one edit of an indicator's commentary,
 *                                           committed to a fresh workspace DB
 *   kensho-bench document FILE DB [RUNS]    what Open and Save do in the app
 *                                           (lock, read, parse, workspace; check
 *                                           on disk, write, rename, history), FILE
 *                                           where it is (a share, say)
 */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "kensho-document.h"
#include "kensho-file-write.h"
#include "kensho-sheet-xml.h"
#include "kensho-workspace.h"

static int
compare_doubles (gconstpointer a, gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
print_stats (const char *prefix, GArray *ms)
{
  g_array_sort (ms, compare_doubles);
  g_print ("%s_runs=%u\n", prefix, ms->len);
  g_print ("%s_median_ms=%.3f\n", prefix, g_array_index (ms, double, ms->len / 2));
  g_print ("%s_p90_ms=%.3f\n", prefix, g_array_index (ms, double, (ms->len * 9) / 10));
  g_print ("%s_max_ms=%.3f\n", prefix, g_array_index (ms, double, ms->len - 1));
}

static KenshoSheet *
load_or_die (const char *path)
{
  g_autoptr(GError) error = NULL;
  KenshoSheet *sheet = kensho_sheet_xml_load_file (path, &error);

  if (sheet == NULL)
    {
      g_printerr ("%s\n", error->message);
      exit (1);
    }
  return sheet;
}

static int
run_save (const char *path, const char *out, guint runs)
{
  g_autoptr(KenshoSheet) sheet = load_or_die (path);
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) serialize_ms = g_array_new (FALSE, FALSE, sizeof (double));

  /* What kensho_sheet_xml_save_file() does, timed in two steps. */
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gint64 start = g_get_monotonic_time ();
      double elapsed;
      gsize size;
      const char *data;

      bytes = kensho_sheet_xml_serialize (sheet);
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (serialize_ms, elapsed);
      data = g_bytes_get_data (bytes, &size);
      if (!kensho_write_file_atomically (out, data, size, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (ms, elapsed);
    }
  print_stats ("save", ms);
  print_stats ("save_serialize", serialize_ms);
  return 0;
}

/* As in the app: a setter marks the indicator changed, and the workspace
 * commits it (here at once rather than after the typing delay). */
static int
run_commit (const char *path, const char *db, guint edits)
{
  g_autoptr(KenshoSheet) sheet = load_or_die (path);
  g_autoptr(KenshoWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  g_autoptr(GArray) ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  int fy = kensho_sheet_get_fiscal_year (sheet);
  gint64 id;

  workspace = kensho_workspace_open (db, &error);
  if (workspace == NULL || (id = kensho_workspace_add_sheet (workspace, sheet, &error)) == 0)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  kensho_workspace_track (workspace, sheet, id);
  for (guint i = 0; i < edits; i++)
    {
      KenshoIndicator *indicator = g_ptr_array_index (indicators, g_rand_int_range (rand, 0, (gint32) indicators->len));
      g_autofree char *text = g_strdup_printf ("%s（追記%u）",
                                               kensho_indicator_get_commentary (indicator, fy, KENSHO_COMMENTARY_ACTIVITIES)
                                                 ? kensho_indicator_get_commentary (indicator, fy, KENSHO_COMMENTARY_ACTIVITIES) : "",
                                               i);
      gint64 start;
      double elapsed;

      kensho_indicator_set_commentary (indicator, fy, KENSHO_COMMENTARY_ACTIVITIES, text);
      start = g_get_monotonic_time ();
      if (!kensho_workspace_flush (workspace, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (ms, elapsed);
    }
  kensho_workspace_untrack (workspace, sheet);
  print_stats ("commit", ms);
  return 0;
}

static int
run_document (const char *path, const char *db, guint runs)
{
  g_autoptr(KenshoWorkspace) workspace = NULL;
  g_autoptr(GArray) open_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) save_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;

  workspace = kensho_workspace_open (db, &error);
  if (workspace == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(KenshoDocument) document = NULL;
      g_autoptr(GPtrArray) indicators = NULL;
      gint64 start = g_get_monotonic_time ();
      double elapsed;

      document = kensho_document_open_file (workspace, path, KENSHO_OPEN_LOAD_FILE, &error);
      if (document == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (open_ms, elapsed);
      indicators = kensho_sheet_dup_indicators (kensho_document_get_sheet (document));
      kensho_indicator_set_commentary (g_ptr_array_index (indicators, i % indicators->len),
                                       kensho_sheet_get_fiscal_year (kensho_document_get_sheet (document)),
                                       KENSHO_COMMENTARY_ISSUES, i % 2 ? "計測" : "計測（再）");
      start = g_get_monotonic_time ();
      if (!kensho_document_save (document, KENSHO_SAVE_DEFAULT, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      elapsed = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (save_ms, elapsed);
      kensho_document_close (document);
    }
  print_stats ("document_open", open_ms);
  print_stats ("document_save", save_ms);
  return 0;
}

int
main (int argc, char **argv)
{
  if (argc >= 4 && g_str_equal (argv[1], "document"))
    return run_document (argv[2], argv[3], argc > 4 ? (guint) atoi (argv[4]) : 5);
  if (argc >= 4 && g_str_equal (argv[1], "save"))
    return run_save (argv[2], argv[3], argc > 4 ? (guint) atoi (argv[4]) : 5);
  if (argc >= 4 && g_str_equal (argv[1], "commit"))
    return run_commit (argv[2], argv[3], argc > 4 ? (guint) atoi (argv[4]) : 50);
  g_printerr ("usage: kensho-bench save FILE OUT [RUNS] | commit FILE DB [EDITS] | document FILE DB [RUNS]\n");
  return 2;
}
