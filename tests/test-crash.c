/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A child process edits a sheet and reports each edit once committed; it
 * is killed with SIGKILL at a random moment, many times over. After every
 * kill the workspace must pass integrity_check and hold every reported
 * edit: nothing acknowledged is ever lost. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/select.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kensho-workspace.h"

#define EDITS_PER_ROUND 1000000

static void
check_integrity (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Reads the child's reports for up to `duration` microseconds, recording
 * the last acknowledged edit of each indicator. */
static void
read_reports (int fd, gint64 duration, gboolean *ready, GHashTable *acknowledged, guint *count)
{
  gint64 deadline = g_get_monotonic_time () + duration;
  g_autoptr(GString) pending = g_string_new (NULL);

  while (g_get_monotonic_time () < deadline)
    {
      char buffer[4096];
      fd_set set;
      struct timeval timeout = { 0, 2000 };
      gssize n;

      FD_ZERO (&set);
      FD_SET (fd, &set);
      if (select (fd + 1, &set, NULL, NULL, &timeout) <= 0)
        continue;
      n = read (fd, buffer, sizeof buffer);
      if (n <= 0)
        break;
      g_string_append_len (pending, buffer, n);
      for (char *newline; (newline = strchr (pending->str, '\n')) != NULL;)
        {
          char *space;

          *newline = '\0';
          space = strchr (pending->str, ' ');
          if (g_str_has_prefix (pending->str, "ready"))
            *ready = TRUE;
          else if (space != NULL)
            {
              g_hash_table_insert (acknowledged, g_strdup (space + 1),
                                   GSIZE_TO_POINTER ((gsize) strtol (pending->str, NULL, 10)));
              (*count)++;
            }
          g_string_erase (pending, 0, newline - pending->str + 1);
        }
    }
}

static void
check_workspace (const char *path, GHashTable *acknowledged)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoWorkspace) workspace = kensho_workspace_open (path, &error);
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(KenshoSheet) sheet = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_no_error (error);
  g_assert_null (kensho_workspace_get_notice (workspace));
  entries = kensho_workspace_list (workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  sheet = kensho_workspace_load_sheet (workspace, ((KenshoWorkspaceEntry *) entries->pdata[0])->id,
                                       &error);
  g_assert_no_error (error);
  indicators = kensho_sheet_dup_indicators (sheet);
  g_assert_cmpuint (indicators->len, ==, 47);

  g_hash_table_iter_init (&iter, acknowledged);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      KenshoNode *node = kensho_sheet_lookup (sheet, key);
      const char *text;

      g_assert_nonnull (node);
      text = kensho_indicator_get_commentary (KENSHO_INDICATOR (node), 2023,
                                              KENSHO_COMMENTARY_ACTIVITIES);
      g_assert_nonnull (text);
      g_assert_true (g_str_has_prefix (text, "edit "));
      /* The acknowledged edit, or a later one committed just before the kill. */
      g_assert_cmpint (strtol (text + 5, NULL, 10), >=, (long) GPOINTER_TO_SIZE (value));
    }
}

static void
test_kill_at_random_moments (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "crash.db", NULL);
  const char *rounds_text = g_getenv ("KENSHO_CRASH_ROUNDS");
  guint rounds = (guint) g_ascii_strtoull (rounds_text ? rounds_text : "40", NULL, 10);
  g_autoptr(GHashTable) acknowledged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint total_acknowledged = 0;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0755), ==, 0);
  for (guint round = 0; round < rounds; round++)
    {
      g_autofree char *first = g_strdup_printf ("%ld", (long) round * EDITS_PER_ROUND);
      const char *argv[] = { g_getenv ("KENSHO_CRASH_CHILD"), path, first, NULL };
      g_autoptr(GError) error = NULL;
      gboolean ready = FALSE;
      GPid pid;
      int out, status;
      /* From before the child is ready (while it imports) to well into editing. */
      gint64 life = g_test_rand_int_range (1000, 150000);

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out, NULL, &error));
      g_assert_no_error (error);
      read_reports (out, life, &ready, acknowledged, &total_acknowledged);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      /* Whatever the child wrote before it died was acknowledged too. */
      read_reports (out, 20000, &ready, acknowledged, &total_acknowledged);
      close (out);
      g_spawn_close_pid (pid);

      check_integrity (path);
      if (ready)
        check_workspace (path, acknowledged);
    }
  g_test_message ("%u rounds, %u acknowledged edits checked", rounds, total_acknowledged);
  g_assert_cmpuint (total_acknowledged, >, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/crash/kill-at-random-moments", test_kill_at_random_moments);
  return g_test_run ();
}
