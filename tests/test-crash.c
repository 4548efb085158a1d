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

#include <glib/gstdio.h>

#include "kensho-sheet-xml.h"
#include "test-integrity.h"
#include "kensho-workspace.h"

#define EDITS_PER_ROUND 1000000

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
  guint rounds = (guint) g_ascii_strtoull (rounds_text ? rounds_text : "100", NULL, 10);
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
      /* Every other round waits for the child to be ready, so that slow
       * builds (sanitizers) are killed while editing too. */
      if (round % 2 == 1)
        {
          gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

          while (!ready && g_get_monotonic_time () < deadline)
            read_reports (out, 10000, &ready, acknowledged, &total_acknowledged);
        }
      read_reports (out, life, &ready, acknowledged, &total_acknowledged);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      /* Whatever the child wrote before it died was acknowledged too. */
      read_reports (out, 20000, &ready, acknowledged, &total_acknowledged);
      close (out);
      g_spawn_close_pid (pid);

      /* Killed before it even created the workspace: nothing to check. */
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      assert_database_sound (path);
      if (ready)
        check_workspace (path, acknowledged);
    }
  g_test_message ("%u rounds, %u acknowledged edits checked", rounds, total_acknowledged);
  g_assert_cmpuint (total_acknowledged, >, 0);
}


/* The child of a round: started, given until `life` microseconds after its
 * first acknowledged import or save (every other round) or after it started,
 * killed. Every line it
 * printed goes to `lines`. */
static gboolean
run_and_kill (const char * const *argv, guint round, GPtrArray *lines)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) pending = g_string_new (NULL);
  gboolean ready = FALSE, acknowledged = FALSE;
  gint64 life = g_test_rand_int_range (1000, 100000);
  gint64 deadline;
  GPid pid;
  int out, status;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  deadline = g_get_monotonic_time () + (round % 2 == 1 ? 30 * G_USEC_PER_SEC : life);
  for (gboolean killed = FALSE;;)
    {
      char buffer[4096];
      fd_set set;
      struct timeval timeout = { 0, 1000 };
      gssize n;

      if (!killed && g_get_monotonic_time () >= deadline)
        {
          kill (pid, SIGKILL);
          killed = TRUE;
        }
      FD_ZERO (&set);
      FD_SET (out, &set);
      if (select (out + 1, &set, NULL, NULL, &timeout) <= 0)
        continue;
      n = read (out, buffer, sizeof buffer);
      if (n <= 0)
        break;
      g_string_append_len (pending, buffer, n);
      for (char *newline; (newline = strchr (pending->str, '\n')) != NULL;)
        {
          *newline = '\0';
          if (g_str_has_prefix (pending->str, "ready"))
            ready = TRUE;
          else
            {
              /* Every other round runs until its first import or save is
               * acknowledged, then for its random life: however slow the
               * machine (or ASan), some kills come after an acknowledged
               * one. */
              if (round % 2 == 1 && ready && !acknowledged)
                {
                  deadline = g_get_monotonic_time () + life;
                  acknowledged = TRUE;
                }
              g_ptr_array_add (lines, g_strdup (pending->str));
            }
          g_string_erase (pending, 0, newline - pending->str + 1);
        }
    }
  close (out);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_spawn_close_pid (pid);
  return ready;
}

static guint
n_rounds (void)
{
  const char *text = g_getenv ("KENSHO_CRASH_ROUNDS");

  return (guint) g_ascii_strtoull (text ? text : "100", NULL, 10);
}

static void
assert_sheet_whole (KenshoWorkspace *workspace, gint64 id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = kensho_workspace_load_sheet (workspace, id, &error);
  g_autoptr(GPtrArray) indicators = NULL;

  g_assert_no_error (error);
  indicators = kensho_sheet_dup_indicators (sheet);
  g_assert_cmpuint (indicators->len, ==, 47);
}

/* Killed while importing: every acknowledged import is there, and no
 * sheet is there by halves. */
static void
test_kill_while_importing (void)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "import.db", NULL);
  const char *argv[] = { g_getenv ("KENSHO_CRASH_CHILD"), path, "0", "import", g_getenv ("KENSHO_SAMPLE"), NULL };
  g_autoptr(GHashTable) acknowledged = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint rounds = n_rounds ();

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0755), ==, 0);
  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(KenshoWorkspace) workspace = NULL;
      g_autoptr(GPtrArray) entries = NULL;
      g_autoptr(GError) error = NULL;
      GHashTableIter iter;
      gpointer key;

      run_and_kill (argv, round, lines);
      for (guint i = 0; i < lines->len; i++)
        if (g_str_has_prefix (lines->pdata[i], "imported "))
          g_hash_table_add (acknowledged, g_strdup ((char *) lines->pdata[i] + strlen ("imported ")));
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        continue;
      entries = reopen_workspace (path, &workspace);
      for (guint i = 0; i < entries->len; i++)
        {
          KenshoWorkspaceEntry *entry = g_ptr_array_index (entries, i);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, entry->id);

          assert_sheet_whole (workspace, entry->id);
          g_hash_table_remove (acknowledged, id);
        }
      /* Every acknowledged import was among the entries. */
      g_hash_table_iter_init (&iter, acknowledged);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        g_error ("Import %s was acknowledged and is gone", (char *) key);
      /* The workspace is not to grow for ever: start afresh now and then. */
      if (entries->len > 20)
        {
          g_clear_object (&workspace);
          for (guint i = 0; i < 3; i++)
            {
              g_autofree char *file = g_strconcat (path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

              g_remove (file);
            }
        }
    }
  g_test_message ("%u kills while importing", rounds);
}

static char *
first_activities (KenshoSheet *sheet)
{
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);

  return g_strdup (kensho_indicator_get_commentary (g_ptr_array_index (indicators, 0), 2023,
                                                    KENSHO_COMMENTARY_ACTIVITIES));
}

/* Killed while saving: the file is always whole, the old version or the
 * new one; the workspace holds the edit that was being saved. */
static void
test_kill_while_saving (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "save", NULL);
  g_autofree char *path = g_build_filename (dir, "sheet.xml", NULL);
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "save.db", NULL);
  g_autofree char *current = NULL;
  g_autofree char *contents = NULL;
  guint rounds = n_rounds (), n_acknowledged = 0, n_left = 0;
  gboolean in_workspace_once = FALSE;
  gsize length;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
  {
    g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_file (path, NULL);

    current = first_activities (sheet);
  }
  for (guint round = 0; round < rounds; round++)
    {
      long first = (long) round * EDITS_PER_ROUND;
      g_autofree char *first_text = g_strdup_printf ("%ld", first);
      const char *argv[] = { g_getenv ("KENSHO_CRASH_CHILD"), db, first_text, "save", path, NULL };
      g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GError) error = NULL;
      g_autoptr(KenshoSheet) on_disk = NULL;
      g_autofree char *found = NULL;
      g_autofree char *old_text = NULL;
      g_autofree char *new_text = NULL;
      long last = -1;

      run_and_kill (argv, round, lines);
      for (guint i = 0; i < lines->len; i++)
        if (g_str_has_prefix (lines->pdata[i], "saved "))
          last = strtol ((char *) lines->pdata[i] + strlen ("saved "), NULL, 10);
      n_acknowledged += last >= 0;

      /* Whole, and the old or the new version. */
      on_disk = kensho_sheet_xml_load_file (path, &error);
      g_assert_no_error (error);
      found = first_activities (on_disk);
      old_text = last >= 0 ? g_strdup_printf ("save %ld", last) : g_strdup (current);
      new_text = g_strdup_printf ("save %ld", last >= 0 ? last + 1 : first);
      if (g_strcmp0 (found, old_text) != 0 && g_strcmp0 (found, new_text) != 0)
        g_error ("Round %u: the file says “%s”, neither “%s” nor “%s”", round, found, old_text, new_text);
      g_free (current);
      current = g_steal_pointer (&found);

      if (g_file_test (db, G_FILE_TEST_EXISTS))
        {
          g_autoptr(KenshoWorkspace) workspace = NULL;
          g_autoptr(GPtrArray) entries = NULL;
          g_autoptr(KenshoSheet) stored = NULL;
          g_autofree char *in_workspace = NULL;

          entries = reopen_workspace (db, &workspace);
          /* Killed before its first import was committed: nothing yet. */
          if (entries->len == 0)
            {
              g_assert_false (in_workspace_once);
              g_assert_cmpint (last, <, 0);
              continue;
            }
          g_assert_cmpuint (entries->len, ==, 1);
          in_workspace_once = TRUE;
          stored = kensho_workspace_load_sheet (workspace, ((KenshoWorkspaceEntry *) entries->pdata[0])->id, &error);
          g_assert_no_error (error);
          in_workspace = first_activities (stored);
          /* What was saved was in the workspace first. */
          if (last >= 0)
            {
              g_assert_true (g_str_has_prefix (in_workspace, "save "));
              g_assert_cmpint (strtol (in_workspace + 5, NULL, 10), >=, last);
            }
        }
    }
  /* A temporary file not renamed yet stays after SIGKILL (nothing runs
   * then to remove it); it never takes the sheet's name, and the next
   * round's first save removes it: only the last kill's may be left. */
  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      if (!g_str_equal (name, "sheet.xml") && !g_str_has_suffix (name, ".lock") && !g_str_has_prefix (name, ".~lock"))
        n_left++;
  }
  g_test_message ("%u kills while saving, %u after an acknowledged save; %u temporary files left by kills",
                  rounds, n_acknowledged, n_left);
  g_assert_cmpuint (n_acknowledged, >, 0);
  g_assert_cmpuint (n_left, <=, 1);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/crash/kill-at-random-moments", test_kill_at_random_moments);
  g_test_add_func ("/crash/kill-while-importing", test_kill_while_importing);
  g_test_add_func ("/crash/kill-while-saving", test_kill_while_saving);
  return g_test_run ();
}
