/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A child process edits a sheet, imports sheets, or edits and saves a sheet
 * file, and reports each step once committed; it is killed with SIGKILL at
 * a random moment, hundreds of times over. After every kill the workspace
 * opens, passes integrity_check and holds every reported step, and the
 * sheet file is the old or the new version, never a mix. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <sys/select.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kensho-sheet-xml.h"
#include "kensho-workspace.h"

#define STEPS_PER_ROUND 1000000

typedef enum { MODE_EDIT, MODE_IMPORT, MODE_SAVE, N_MODES } Mode;
static const char *const mode_names[] = { "edit", "import", "save" };

/* What the children of one mode have acknowledged, over all rounds. */
typedef struct
{
  char *workspace;
  gboolean ready;
  GHashTable *edits;   /* edit: indicator id → last acknowledged edit */
  GArray *imported;    /* import: ids acknowledged this round */
  long last_saved;     /* save: last acknowledged save, -1 for none */
  long first_of_round; /* save: the number the round's first save gets */
  gboolean saved_this_round;
  guint steps;
} ModeState;

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

static void
take_report (ModeState *state, const char *line)
{
  const char *space = strchr (line, ' ');

  if (space == NULL)
    return;
  state->steps++;
  if (g_str_has_prefix (line, "ready "))
    state->ready = TRUE;
  else if (g_str_has_prefix (line, "imported "))
    {
      gint64 id = g_ascii_strtoll (space + 1, NULL, 10);

      g_array_append_val (state->imported, id);
    }
  else if (g_str_has_prefix (line, "saved "))
    {
      state->last_saved = strtol (space + 1, NULL, 10);
      state->saved_this_round = TRUE;
    }
  else
    g_hash_table_insert (state->edits, g_strdup (space + 1), GSIZE_TO_POINTER ((gsize) strtol (line, NULL, 10)));
}

/* Reads the child's reports for up to `duration` microseconds. */
static void
read_reports (int fd, gint64 duration, ModeState *state)
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
          *newline = '\0';
          take_report (state, pending->str);
          g_string_erase (pending, 0, newline - pending->str + 1);
        }
    }
}

static KenshoWorkspace *
open_checked (const char *path)
{
  g_autoptr(GError) error = NULL;
  KenshoWorkspace *workspace = kensho_workspace_open (path, &error);

  g_assert_no_error (error);
  g_assert_null (kensho_workspace_get_notice (workspace));
  return workspace;
}

static void
check_edits (ModeState *state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoWorkspace) workspace = open_checked (state->workspace);
  g_autoptr(GPtrArray) entries = kensho_workspace_list (workspace, &error);
  g_autoptr(KenshoSheet) sheet = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  GHashTableIter iter;
  gpointer key, value;

  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  sheet = kensho_workspace_load_sheet (workspace, ((KenshoWorkspaceEntry *) entries->pdata[0])->id, &error);
  g_assert_no_error (error);
  indicators = kensho_sheet_dup_indicators (sheet);
  g_assert_cmpuint (indicators->len, ==, 47);

  g_hash_table_iter_init (&iter, state->edits);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      KenshoNode *node = kensho_sheet_lookup (sheet, key);
      const char *text;

      g_assert_nonnull (node);
      text = kensho_indicator_get_commentary (KENSHO_INDICATOR (node), 2023, KENSHO_COMMENTARY_ACTIVITIES);
      g_assert_nonnull (text);
      g_assert_true (g_str_has_prefix (text, "edit "));
      /* The acknowledged edit, or a later one committed just before the kill. */
      g_assert_cmpint (strtol (text + 5, NULL, 10), >=, (long) GPOINTER_TO_SIZE (value));
    }
}

static void
check_imports (ModeState *state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoWorkspace) workspace = open_checked (state->workspace);
  g_autoptr(GPtrArray) entries = kensho_workspace_list (workspace, &error);
  g_autoptr(GHashTable) present = g_hash_table_new (g_int64_hash, g_int64_equal);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    g_hash_table_add (present, &((KenshoWorkspaceEntry *) entries->pdata[i])->id);
  for (guint i = 0; i < state->imported->len; i++)
    g_assert_true (g_hash_table_contains (present, &g_array_index (state->imported, gint64, i)));
  /* The last import is whole. */
  if (state->imported->len > 0)
    {
      g_autoptr(KenshoSheet) sheet = kensho_workspace_load_sheet (workspace,
                                                                  g_array_index (state->imported, gint64,
                                                                                 state->imported->len - 1),
                                                                  &error);
      g_autoptr(GPtrArray) indicators = NULL;

      g_assert_no_error (error);
      indicators = kensho_sheet_dup_indicators (sheet);
      g_assert_cmpuint (indicators->len, ==, 47);
    }
}

/* The file is the last acknowledged version or the one being saved when
 * the child died: it loads and validates, and says which. */
static void
check_saved_file (ModeState *state, const char *file, const char *original)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_file (file, &error);
  g_autoptr(GPtrArray) indicators = NULL;
  g_autofree char *acknowledged = NULL;
  g_autofree char *in_progress = NULL;
  const char *text;

  g_assert_no_error (error);
  indicators = kensho_sheet_dup_indicators (sheet);
  g_assert_cmpuint (indicators->len, ==, 47);
  text = kensho_indicator_get_commentary (g_ptr_array_index (indicators, 0), 2023, KENSHO_COMMENTARY_ACTIVITIES);
  acknowledged = state->last_saved < 0 ? g_strdup (original) : g_strdup_printf ("save %ld", state->last_saved);
  in_progress = g_strdup_printf ("save %ld", state->saved_this_round ? state->last_saved + 1 : state->first_of_round);
  if (g_strcmp0 (text, acknowledged) != 0 && g_strcmp0 (text, in_progress) != 0)
    g_error ("the file says “%s”, neither “%s” nor “%s”", text, acknowledged, in_progress);
  /* What is on disk is now what later rounds build on. */
  if (g_strcmp0 (text, in_progress) == 0)
    state->last_saved = strtol (in_progress + 5, NULL, 10);
}

static void
test_kill_at_random_moments (void)
{
  const char *rounds_text = g_getenv ("KENSHO_CRASH_ROUNDS");
  guint rounds = (guint) g_ascii_strtoull (rounds_text ? rounds_text : "300", NULL, 10);
  g_autofree char *file = g_build_filename (g_get_user_data_dir (), "sheet.xml", NULL);
  g_autofree char *original = NULL;
  ModeState states[N_MODES] = { 0 };
  guint kills[N_MODES] = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0755), ==, 0);
  {
    g_autofree char *contents = NULL;
    gsize length;
    g_autoptr(KenshoSheet) sample = kensho_sheet_xml_load_file (g_getenv ("KENSHO_SAMPLE"), NULL);
    g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sample);

    g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &contents, &length, NULL));
    g_assert_true (g_file_set_contents (file, contents, (gssize) length, NULL));
    original = g_strdup (kensho_indicator_get_commentary (g_ptr_array_index (indicators, 0), 2023,
                                                         KENSHO_COMMENTARY_ACTIVITIES));
  }
  for (Mode mode = 0; mode < N_MODES; mode++)
    {
      g_autofree char *name = g_strdup_printf ("%s.db", mode_names[mode]);

      states[mode].workspace = g_build_filename (g_get_user_data_dir (), name, NULL);
      states[mode].edits = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      states[mode].imported = g_array_new (FALSE, FALSE, sizeof (gint64));
      states[mode].last_saved = -1;
    }

  for (guint round = 0; round < rounds; round++)
    {
      Mode mode = (Mode) g_test_rand_int_range (0, N_MODES);
      ModeState *state = &states[mode];
      g_autofree char *first = g_strdup_printf ("%ld", (long) round * STEPS_PER_ROUND);
      const char *argv[] = { g_getenv ("KENSHO_CRASH_CHILD"), mode_names[mode], state->workspace, first, file, NULL };
      g_autoptr(GError) error = NULL;
      GPid pid;
      int out, status;
      /* From before the child is ready (while it opens) to well into its work. */
      gint64 life = g_test_rand_int_range (1000, 150000);

      state->ready = FALSE;
      state->first_of_round = (long) round * STEPS_PER_ROUND;
      state->saved_this_round = FALSE;
      g_array_set_size (state->imported, 0);
      if (mode != MODE_SAVE)
        argv[4] = NULL;
      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out, NULL, &error));
      g_assert_no_error (error);
      read_reports (out, life, state);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_assert_true (WIFSIGNALED (status));
      /* Whatever the child wrote before it died was acknowledged too. */
      read_reports (out, 20000, state);
      close (out);
      g_spawn_close_pid (pid);
      kills[mode]++;

      if (!g_file_test (state->workspace, G_FILE_TEST_EXISTS))
        continue;
      check_integrity (state->workspace);
      switch (mode)
        {
        case MODE_EDIT:
          if (state->ready)
            check_edits (state);
          break;
        case MODE_IMPORT:
          check_imports (state);
          break;
        case MODE_SAVE:
          check_saved_file (state, file, original);
          /* The workspace opens too, and holds the sheet. */
          {
            g_autoptr(KenshoWorkspace) workspace = open_checked (state->workspace);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_test_message ("%u rounds: %u kills while editing (%u steps), %u while importing (%u), %u while saving (%u)",
                  rounds, kills[MODE_EDIT], states[MODE_EDIT].steps, kills[MODE_IMPORT], states[MODE_IMPORT].steps,
                  kills[MODE_SAVE], states[MODE_SAVE].steps);
  for (Mode mode = 0; mode < N_MODES; mode++)
    {
      /* Every kind of work was really interrupted after some progress. */
      g_assert_cmpuint (kills[mode], >, 0);
      g_assert_cmpuint (states[mode].steps, >, 0);
      g_free (states[mode].workspace);
      g_hash_table_unref (states[mode].edits);
      g_array_unref (states[mode].imported);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/crash/kill-at-random-moments", test_kill_at_random_moments);
  return g_test_run ();
}
