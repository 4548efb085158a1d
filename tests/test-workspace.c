/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>

#include "kensho-achievement.h"
#include "kensho-document.h"
#include "kensho-sheet-xml.h"
#include "kensho-workspace-private.h"
#include "test-integrity.h"
#include "test-run.h"
#include "test-sample.h"
#include "test-smb.h"

static char *
temp_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "t", NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  return g_build_filename (dir, name, NULL);
}

static KenshoWorkspace *
open_workspace (const char *name)
{
  g_autofree char *path = temp_path (name);
  g_autoptr(GError) error = NULL;
  KenshoWorkspace *workspace = kensho_workspace_open (path, &error);

  g_assert_no_error (error);
  g_assert_null (kensho_workspace_get_notice (workspace));
  return workspace;
}

static char *
copy_sample (const char *name)
{
  g_autofree char *contents = NULL;
  gsize length;
  char *path = temp_path (name);

  g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
  return path;
}

static void
test_round_trip_sample (void)
{
  g_autoptr(KenshoWorkspace) workspace = open_workspace ("ws.db");
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoSheet) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) original = kensho_sheet_xml_serialize (sheet);
  g_autoptr(GBytes) again = NULL;
  gint64 id = kensho_workspace_add_sheet (workspace, sheet, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  back = kensho_workspace_load_sheet (workspace, id, &error);
  g_assert_no_error (error);
  g_assert_true (kensho_sheet_equal (sheet, back));
  /* XML → workspace → XML gives the same file, byte for byte. */
  again = kensho_sheet_xml_serialize (back);
  g_assert_true (g_bytes_equal (original, again));
}

static void
test_round_trip_fixtures (void)
{
  g_autoptr(KenshoWorkspace) workspace = open_workspace ("fixtures.db");
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "valid", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_file (path, &error);
      g_autoptr(KenshoSheet) back = NULL;
      gint64 id;

      g_assert_no_error (error);
      id = kensho_workspace_add_sheet (workspace, sheet, &error);
      g_assert_no_error (error);
      back = kensho_workspace_load_sheet (workspace, id, &error);
      g_assert_no_error (error);
      g_assert_true (kensho_sheet_equal (sheet, back));
      n++;
    }
  g_assert_cmpuint (n, >=, 3);
}

/* Edits reach the database through ::changed alone, and another process
 * (here: a second connection) reads them back. */
static void
test_edits_are_persisted (void)
{
  g_autofree char *path = temp_path ("edits.db");
  g_autoptr(KenshoWorkspace) workspace = kensho_workspace_open (path, NULL);
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GError) error = NULL;
  gint64 id = kensho_workspace_add_sheet (workspace, sheet, &error);
  KenshoNode *root = kensho_sheet_get_root (sheet);
  KenshoNode *goal1 = kensho_node_get_child (root, 0);
  KenshoNode *goal3 = kensho_node_get_child (root, 2);
  KenshoNode *subgoal = kensho_node_get_child (goal1, 0);
  KenshoNode *moved = kensho_node_get_child (subgoal, 1);
  KenshoNode *deleted = kensho_node_get_child (goal3, 1);
  g_autoptr(KenshoNode) added = kensho_node_new (KENSHO_NODE_GOAL, "4", "横断的目標");
  g_autoptr(KenshoIndicator) new_indicator = kensho_indicator_new (KENSHO_INDICATOR_KPI, "新しい指標");
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  KenshoIndicator *first = g_ptr_array_index (indicators, 0);
  g_autoptr(KenshoValue) value = kensho_value_parse ("1,600件 (令和5年度)", NULL);
  g_autoptr(KenshoWorkspace) reader = NULL;
  g_autoptr(KenshoSheet) back = NULL;

  g_assert_no_error (error);
  g_assert_false (kensho_workspace_get_unsaved (workspace, id));
  kensho_workspace_track (workspace, sheet, id);

  kensho_indicator_set_commentary (first, 2023, KENSHO_COMMENTARY_ISSUES, "書き直した課題");
  kensho_series_set_target (kensho_indicator_get_series (first, 0), 2024, value);
  kensho_sheet_set_label (sheet, "資料3");
  g_assert_true (kensho_node_move (moved, goal3, 0, NULL));
  g_object_ref (deleted);
  kensho_node_remove (deleted);
  g_object_unref (deleted);
  g_assert_true (kensho_node_append (root, added, NULL));
  g_assert_true (kensho_node_append (added, KENSHO_NODE (new_indicator), NULL));
  kensho_indicator_set_division (new_indicator, "企画調整課");
  g_assert_true (kensho_workspace_has_pending (workspace));
  g_assert_true (kensho_workspace_flush (workspace, &error));
  g_assert_no_error (error);
  g_assert_false (kensho_workspace_has_pending (workspace));
  g_assert_true (kensho_workspace_get_unsaved (workspace, id));

  reader = kensho_workspace_open (path, &error);
  g_assert_no_error (error);
  back = kensho_workspace_load_sheet (reader, id, &error);
  g_assert_no_error (error);
  g_assert_true (kensho_sheet_equal (sheet, back));
  kensho_workspace_untrack (workspace, sheet);
}

/* Typing is committed by the main loop within the commit delay, without
 * anyone calling flush. */
static void
test_typing_committed_within_a_second (void)
{
  g_autofree char *path = temp_path ("typing.db");
  g_autoptr(KenshoWorkspace) workspace = kensho_workspace_open (path, NULL);
  g_autoptr(KenshoSheet) sheet = load_sample ();
  gint64 id = kensho_workspace_add_sheet (workspace, sheet, NULL);
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  KenshoIndicator *indicator = g_ptr_array_index (indicators, 5);
  g_autoptr(KenshoWorkspace) reader = kensho_workspace_open (path, NULL);
  g_autoptr(KenshoSheet) back = NULL;
  const char *text = "一字ずつ入力した文";
  gint64 deadline;

  kensho_workspace_track (workspace, sheet, id);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      g_autofree char *prefix = g_strndup (text, g_utf8_next_char (p) - text);

      kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_NEXT_STEPS, prefix);
    }
  deadline = g_get_monotonic_time () + G_USEC_PER_SEC;
  while (kensho_workspace_has_pending (workspace) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (kensho_workspace_has_pending (workspace));

  back = kensho_workspace_load_sheet (reader, id, NULL);
  indicators = (g_ptr_array_unref (indicators), kensho_sheet_dup_indicators (back));
  g_assert_cmpstr (kensho_indicator_get_commentary (g_ptr_array_index (indicators, 5), 2023,
                                                    KENSHO_COMMENTARY_NEXT_STEPS), ==, text);
  kensho_workspace_untrack (workspace, sheet);
}

static gint64
pragma (const char *path, const char *name)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("PRAGMA %s", name);
  gint64 value = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_new_workspace_identified (void)
{
  g_autofree char *path = temp_path ("new.db");
  g_autoptr(KenshoWorkspace) workspace = kensho_workspace_open (path, NULL);

  g_assert_nonnull (workspace);
  g_assert_cmpint (pragma (path, "application_id"), ==, KENSHO_WORKSPACE_APPLICATION_ID);
  g_assert_cmpint (pragma (path, "user_version"), ==, KENSHO_WORKSPACE_SCHEMA_VERSION);
}

/* A database as an older Kensho left it, from an SQL dump in tests/data. */
static void
create_from_fixture (const char *path, const char *fixture_name, int version)
{
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "data", fixture_name, NULL);
  g_autofree char *fixture = NULL;
  sqlite3 *db = NULL;

  g_assert_true (g_file_get_contents (fixture_path, &fixture, NULL, NULL));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, fixture, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (pragma (path, "user_version"), ==, version);
}

/* An old workspace, opened: migrated to the current version with no notice,
 * and its sheet 1 read back. */
static KenshoWorkspace *
open_migrated (const char *path, const char *fixture_name, int version, KenshoSheet **sheet)
{
  g_autoptr(GError) error = NULL;
  KenshoWorkspace *workspace;

  create_from_fixture (path, fixture_name, version);
  workspace = kensho_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (kensho_workspace_get_notice (workspace));
  g_assert_cmpint (pragma (path, "user_version"), ==, KENSHO_WORKSPACE_SCHEMA_VERSION);
  *sheet = kensho_workspace_load_sheet (workspace, 1, &error);
  g_assert_no_error (error);
  return workspace;
}

static void
test_migration_from_v1 (void)
{
  g_autofree char *path = temp_path ("v1.db");
  g_autoptr(KenshoWorkspace) workspace = NULL;
  g_autoptr(KenshoSheet) sheet = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) content = g_bytes_new_static ("old", 3);
  KenshoIndicator *first;

  workspace = open_migrated (path, "workspace-v1.sql", 1, &sheet);
  g_assert_cmpstr (kensho_sheet_get_municipality (sheet), ==, "テスト市");
  g_assert_cmpuint (kensho_rating_scale_get_n_ratings (kensho_sheet_get_rating_scale (sheet)), ==, 2);
  indicators = kensho_sheet_dup_indicators (sheet);
  g_assert_cmpuint (indicators->len, ==, 2);
  first = g_ptr_array_index (indicators, 0);
  g_assert_cmpstr (kensho_indicator_get_name (first), ==, "新規求人数");
  g_assert_cmpint (kensho_indicator_get_indicator_kind (first), ==, KENSHO_INDICATOR_TARGET);
  g_assert_cmpstr (kensho_indicator_get_delay_reason (first, 2022), ==, "理由");
  g_assert_cmpint (kensho_indicator_get_direction (g_ptr_array_index (indicators, 1)), ==,
                   KENSHO_DIRECTION_LOWER);
  g_assert_true (kensho_workspace_get_unsaved (workspace, 1));

  /* What version 2 added works on the migrated database. */
  g_assert_true (kensho_workspace_add_history (workspace, 1, "/shared/sheet.xml", content, &error));
  g_assert_no_error (error);
  history = kensho_workspace_list_history (workspace, 1, &error);
  g_assert_cmpuint (history->len, ==, 1);
}

/* Version 3 adds the achievement method, rating rules and acknowledged
 * checks: a version 2 workspace opens with the defaults and stores them. */
static void
test_migration_from_v2 (void)
{
  g_autofree char *path = temp_path ("v2.db");
  g_autoptr(KenshoWorkspace) workspace = NULL;
  g_autoptr(KenshoSheet) sheet = NULL;
  g_autoptr(KenshoSheet) back = NULL;
  g_autoptr(KenshoRatingScale) ibaraki = kensho_rating_scale_new_preset ("ibaraki");
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;

  workspace = open_migrated (path, "workspace-v2.sql", 2, &sheet);
  g_assert_cmpint (kensho_sheet_get_achievement_method (sheet), ==, KENSHO_ACHIEVEMENT_RATIO);
  g_assert_false (kensho_rating_scale_has_rules (kensho_sheet_get_rating_scale (sheet)));
  indicators = kensho_sheet_dup_indicators (sheet);
  g_assert_cmpuint (indicators->len, ==, 2);
  g_assert_null (kensho_indicator_get_acknowledgements (g_ptr_array_index (indicators, 0))[0]);
  history = kensho_workspace_list_history (workspace, 1, &error);
  g_assert_cmpuint (history->len, ==, 1);

  /* What version 3 added is stored and read back. */
  kensho_workspace_track (workspace, sheet, 1);
  kensho_sheet_set_achievement_method (sheet, KENSHO_ACHIEVEMENT_EXPECTED);
  kensho_sheet_set_rating_scale (sheet, ibaraki);
  kensho_indicator_set_rating_id (g_ptr_array_index (indicators, 0), 2022, "b-plus");
  kensho_indicator_set_acknowledged (g_ptr_array_index (indicators, 1), "final-below-baseline", TRUE);
  kensho_indicator_set_acknowledged (g_ptr_array_index (indicators, 1), "duplicate-name", TRUE);
  g_assert_true (kensho_workspace_flush (workspace, &error));
  g_assert_no_error (error);
  back = kensho_workspace_load_sheet (workspace, 1, &error);
  g_assert_no_error (error);
  g_assert_true (kensho_sheet_equal (sheet, back));
  g_assert_cmpint (kensho_sheet_get_achievement_method (back), ==, KENSHO_ACHIEVEMENT_EXPECTED);
  kensho_workspace_untrack (workspace, sheet);
}

/* Version 4 adds the committee's opinion and response: a version 3
 * workspace opens with none and stores them. */
static void
test_migration_from_v3 (void)
{
  g_autofree char *path = temp_path ("v3.db");
  g_autoptr(KenshoWorkspace) workspace = NULL;
  g_autoptr(KenshoSheet) sheet = NULL;
  g_autoptr(KenshoSheet) back = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GPtrArray) read_back = NULL;
  g_autoptr(GError) error = NULL;
  KenshoIndicator *first;

  create_from_fixture (path, "workspace-v2.sql", 2);
  workspace = open_migrated (path, "workspace-v2-to-v3.sql", 3, &sheet);
  indicators = kensho_sheet_dup_indicators (sheet);
  first = g_ptr_array_index (indicators, 0);
  g_assert_cmpstr (kensho_indicator_get_delay_reason (first, 2022), ==, "理由");
  g_assert_true (kensho_indicator_get_acknowledged (g_ptr_array_index (indicators, 1), "duplicate-name"));
  g_assert_false (kensho_indicator_has_committee (first));

  kensho_workspace_track (workspace, sheet, 1);
  kensho_indicator_set_committee (first, 2022, KENSHO_COMMITTEE_OPINION, "目標の見直しを検討されたい。");
  kensho_indicator_set_committee (first, 2023, KENSHO_COMMITTEE_RESPONSE, "令和6年度に見直す。");
  g_assert_true (kensho_workspace_flush (workspace, &error));
  g_assert_no_error (error);
  back = kensho_workspace_load_sheet (workspace, 1, &error);
  g_assert_no_error (error);
  g_assert_true (kensho_sheet_equal (sheet, back));
  read_back = kensho_sheet_dup_indicators (back);
  g_assert_cmpstr (kensho_indicator_get_committee (g_ptr_array_index (read_back, 0), 2023, KENSHO_COMMITTEE_RESPONSE),
                   ==, "令和6年度に見直す。");
  kensho_workspace_untrack (workspace, sheet);
}

/* The names of the workspace's earlier copies set aside in its folder. */
static GPtrArray *
list_set_aside (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *prefix = g_strconcat (base, ".unusable-", NULL);
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (listing)) != NULL)
    if (g_str_has_prefix (name, prefix) && !g_str_has_suffix (name, "-wal") && !g_str_has_suffix (name, "-shm"))
      g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  return names;
}

static gboolean
file_holds (const char *path, const char *original, gsize length)
{
  g_autofree char *contents = NULL;
  gsize actual;

  return g_file_get_contents (path, &contents, &actual, NULL) && actual == length &&
         memcmp (contents, original, length) == 0;
}

/* Whether one of the copies set aside is byte for byte the original. */
static gboolean
kept_aside (const char *path, const char *original, gsize length)
{
  g_autoptr(GPtrArray) asides = list_set_aside (path);

  for (guint i = 0; i < asides->len; i++)
    if (file_holds (g_ptr_array_index (asides, i), original, length))
      return TRUE;
  return FALSE;
}

static void
assert_set_aside (const char *path, const char *original, gsize length, const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoWorkspace) workspace = kensho_workspace_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (kensho_workspace_get_notice (workspace));
  g_test_message ("%s", kensho_workspace_get_notice (workspace));
  g_assert_nonnull (strstr (kensho_workspace_get_notice (workspace), reason));

  /* The unusable file is kept aside, byte for byte... */
  g_assert_true (kept_aside (path, original, length));

  /* ...and a fresh workspace works in its place. */
  {
    g_autoptr(KenshoSheet) sheet = load_sample ();

    g_assert_cmpint (kensho_workspace_add_sheet (workspace, sheet, &error), >, 0);
    g_assert_no_error (error);
  }
}

/* What is not a Kensho workspace is refused and stays as it was: nothing
 * moved, nothing written into it. */
static void
assert_refused (const char *path, const char *original, gsize length, const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoWorkspace) workspace = kensho_workspace_open (path, &error);
  g_autoptr(GPtrArray) asides = list_set_aside (path);

  g_assert_null (workspace);
  g_assert_error (error, KENSHO_WORKSPACE_ERROR, KENSHO_WORKSPACE_ERROR_REFUSED);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "“"));
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, reason));
  g_assert_nonnull (strstr (error->message, "it was left as it is"));
  g_assert_null (strchr (error->message, '\n'));
  g_assert_cmpuint (asides->len, ==, 0);
  if (original != NULL)
    g_assert_true (file_holds (path, original, length));
}

/* A Kensho workspace with its pages overwritten in the middle; returns its
 * bytes. */
static char *
make_damaged (const char *path, gsize *length)
{
  char *contents = NULL;

  {
    g_autoptr(KenshoWorkspace) workspace = kensho_workspace_open (path, NULL);
    g_autoptr(KenshoSheet) sheet = load_sample ();

    kensho_workspace_add_sheet (workspace, sheet, NULL);
  }
  {
    sqlite3 *db = NULL;

    /* Fold the WAL into the main file so that the damage hits real pages. */
    g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
    sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
    sqlite3_close (db);
  }
  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  g_assert_cmpuint (*length, >, 8192);
  memset (contents + 4096, 0x5A, *length - 4096 - 100);
  g_assert_true (g_file_set_contents (path, contents, (gssize) *length, NULL));
  return contents;
}

static void
test_damaged_database (void)
{
  g_autofree char *path = temp_path ("damaged.db");
  gsize length;
  g_autofree char *contents = make_damaged (path, &length);

  assert_set_aside (path, contents, length, "damaged");
}

/* Two workspaces set aside within the same second both stay. */
static void
test_set_aside_twice (void)
{
  g_autofree char *path = temp_path ("twice.db");
  gsize first_length, second_length;
  g_autofree char *first = make_damaged (path, &first_length);
  g_autofree char *second = NULL;
  g_autoptr(GPtrArray) asides = NULL;

  {
    g_autoptr(KenshoWorkspace) workspace = kensho_workspace_open (path, NULL);

    g_assert_nonnull (kensho_workspace_get_notice (workspace));
  }
  second = make_damaged (path, &second_length);
  {
    g_autoptr(KenshoWorkspace) workspace = kensho_workspace_open (path, NULL);

    g_assert_nonnull (kensho_workspace_get_notice (workspace));
  }
  asides = list_set_aside (path);
  g_assert_cmpuint (asides->len, ==, 2);
  g_assert_true (kept_aside (path, first, first_length));
  g_assert_true (kept_aside (path, second, second_length));
}

/* A workspace that another Kensho has open is never moved from under it,
 * even when it looks damaged from here (its -wal deleted, say). */
static void
test_damaged_in_use_not_set_aside (void)
{
  g_autofree char *path = temp_path ("in-use.db");
  g_autofree char *option = g_strdup_printf ("--workspace=%s", path);
  g_autoptr(KenshoWorkspace) running = NULL;
  g_auto(Run) run = { 0 };
  g_autoptr(GPtrArray) asides = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  gsize length;
  g_autofree char *damaged = make_damaged (path, &length);

  /* A running app's workspace; then its file damaged, its -wal gone. */
  g_assert_cmpint (g_remove (path), ==, 0);
  running = open_workspace ("in-use.db");
  g_assert_true (g_file_set_contents (path, damaged, (gssize) length, NULL));
  g_remove (wal);
  g_remove (shm);

  run_cli (&run, option, "list", NULL);
  g_test_message ("%s", run.err);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Kensho still has it open elsewhere"));
  asides = list_set_aside (path);
  g_assert_cmpuint (asides->len, ==, 0);
  g_assert_true (file_holds (path, damaged, length));
}

/* Runs kensho-cli ARGS… in n processes at once; each must succeed. */
static void
run_cli_at_once (guint n, const char *option, const char *command, const char *file)
{
  g_autofree GPid *pids = g_new (GPid, n);

  for (guint i = 0; i < n; i++)
    {
      const char *argv[] = { g_getenv ("KENSHO_CLI"), option, command, file, NULL };
      g_autoptr(GError) error = NULL;

      g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD |
                                    G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, &pids[i], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < n; i++)
    {
      int status;

      g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
      g_assert_true (WIFEXITED (status));
      g_assert_cmpint (WEXITSTATUS (status), ==, 0);
      g_spawn_close_pid (pids[i]);
    }
}

/* Several commands meet a damaged workspace at once: it is set aside once,
 * whole, and all of them go on with the one new workspace. */
static void
test_damaged_concurrent (void)
{
  g_autofree char *path = temp_path ("concurrent.db");
  g_autofree char *option = g_strdup_printf ("--workspace=%s", path);
  gsize length;
  g_autofree char *contents = make_damaged (path, &length);
  g_autoptr(GPtrArray) asides = NULL;

  run_cli_at_once (4, option, "list", NULL);
  asides = list_set_aside (path);
  g_assert_cmpuint (asides->len, ==, 1);
  g_assert_true (file_holds (g_ptr_array_index (asides, 0), contents, length));
  assert_database_sound (path);
  {
    g_autoptr(KenshoWorkspace) workspace = open_workspace ("concurrent.db");
  }
}

static void
test_not_a_database (void)
{
  g_autofree char *path = temp_path ("text.db");
  const char *text = "これはデータベースではありません。\n";

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  assert_refused (path, text, strlen (text), "it is not a Kensho workspace");
}

/* --workspace given a sheet or a folder by mistake. */
static void
test_sheet_or_folder_refused (void)
{
  g_autofree char *sheet = copy_sample ("given-by-mistake.xml");
  g_autofree char *folder = temp_path ("a-folder");
  g_autofree char *sheet_lock = g_strconcat (sheet, ".lock", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (sheet, &contents, &length, NULL));
  assert_refused (sheet, contents, length, "it is not a Kensho workspace");
  g_assert_false (g_file_test (sheet_lock, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  assert_refused (folder, NULL, 0, "it is a folder");
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
}

/* A file of 0 bytes is made a workspace, and the user is told. */
static void
test_empty_file_initialised (void)
{
  g_autofree char *path = temp_path ("empty.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoWorkspace) workspace = NULL;

  g_assert_true (g_file_set_contents (path, "", 0, NULL));
  workspace = kensho_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kensho_workspace_get_notice (workspace));
  g_assert_nonnull (strstr (kensho_workspace_get_notice (workspace), "was empty"));
  g_assert_cmpint (pragma (path, "application_id"), ==, KENSHO_WORKSPACE_APPLICATION_ID);
}

/* A database made by running sql on path is refused. */
static void
assert_sql_refused (const char *path, const char *sql, const char *reason)
{
  g_autofree char *contents = NULL;
  gsize length;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  assert_refused (path, contents, length, reason);
}

/* A new workspace is made under another name and renamed into place; what
 * a Kensho killed while making one left there goes. */
static void
test_new_workspace_made_whole (void)
{
  g_autofree char *path = temp_path ("made-whole.db");
  g_autofree char *partial = g_strconcat (path, ".new", NULL);
  g_autoptr(KenshoWorkspace) workspace = NULL;

  g_assert_true (g_file_set_contents (partial, "half", -1, NULL));
  workspace = open_workspace ("made-whole.db");
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_cmpint (pragma (path, "application_id"), ==, KENSHO_WORKSPACE_APPLICATION_ID);
}

static void
test_foreign_database (void)
{
  g_autofree char *path = temp_path ("foreign.db");
  g_autofree char *other = temp_path ("geopackage.gpkg");
  g_autofree char *other_lock = g_strconcat (other, ".lock", NULL);

  assert_sql_refused (path, "CREATE TABLE photos (id INTEGER, name TEXT);"
                            "INSERT INTO photos VALUES (1, 'a.jpg')", "another program");
  /* One that says whose it is (a GeoPackage, say) gets no lock beside it. */
  assert_sql_refused (other, "PRAGMA application_id = 1196444487; CREATE TABLE t (x)", "another program");
  g_assert_false (g_file_test (other_lock, G_FILE_TEST_EXISTS));
}

static void
test_newer_database (void)
{
  g_autofree char *path = temp_path ("newer.db");

  {
    g_autoptr(KenshoWorkspace) workspace = kensho_workspace_open (path, NULL);
  }
  assert_sql_refused (path, "PRAGMA journal_mode = DELETE; PRAGMA user_version = 99",
                      "newer version of Kensho");
}

static void
test_two_processes (void)
{
  g_autofree char *path = temp_path ("shared.db");
  g_autofree char *option = g_strdup_printf ("--workspace=%s", path);
  g_autoptr(KenshoWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) entries = NULL;

  /* Several imports race on one workspace; all of them land. */
  run_cli_at_once (6, option, "import", g_getenv ("KENSHO_SAMPLE"));
  workspace = kensho_workspace_open (path, NULL);
  entries = kensho_workspace_list (workspace, NULL);
  /* The same file imported again replaces its own sheet: one entry. */
  g_assert_cmpuint (entries->len, >=, 1);
  assert_database_sound (path);
  {
    KenshoWorkspaceEntry *entry = g_ptr_array_index (entries, 0);
    g_autoptr(KenshoSheet) sheet = kensho_workspace_load_sheet (workspace, entry->id, NULL);
    g_autoptr(KenshoSheet) sample = load_sample ();

    g_assert_true (kensho_sheet_equal (sheet, sample));
  }
}

static void
on_opened (GObject *source, GAsyncResult *result, gpointer data)
{
  GAsyncResult **out = data;

  *out = g_object_ref (result);
}

static guint
count_entries_of (KenshoWorkspace *workspace, const char *path)
{
  g_autoptr(GPtrArray) entries = kensho_workspace_list (workspace, NULL);
  guint n = 0;

  for (guint i = 0; i < entries->len; i++)
    n += g_strcmp0 (((KenshoWorkspaceEntry *) entries->pdata[i])->path, path) == 0;
  return n;
}

static void
assert_not_open (KenshoWorkspace *workspace, const char *path)
{
  g_autoptr(GPtrArray) entries = kensho_workspace_list (workspace, NULL);

  for (guint i = 0; i < entries->len; i++)
    if (g_strcmp0 (((KenshoWorkspaceEntry *) entries->pdata[i])->path, path) == 0)
      g_assert_false (((KenshoWorkspaceEntry *) entries->pdata[i])->open);
}

/* Opened with the file read in a thread: the same document as at once;
 * cancelled, the answer says so and the lock is given back at once. */
static void
test_open_async (void)
{
  g_autofree char *path = copy_sample ("async.xml");
  g_autoptr(KenshoWorkspace) workspace = open_workspace ("async.db");
  g_autoptr(KenshoFileLock) probe = kensho_file_lock_new (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(KenshoDocument) document = NULL;
  g_autoptr(KenshoSheet) sample = load_sample ();
  g_autoptr(GError) error = NULL;

  kensho_document_open_file_async (workspace, path, KENSHO_OPEN_DEFAULT, cancellable, on_opened, &result);
  g_assert_true (kensho_file_lock_peek (probe));
  g_cancellable_cancel (cancellable);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (kensho_document_open_file_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (kensho_file_lock_peek (probe));
  /* Its thread may have brought the file in already: never opened. */
  assert_not_open (workspace, path);
  g_clear_error (&error);
  g_clear_object (&result);

  kensho_document_open_file_async (workspace, path, KENSHO_OPEN_DEFAULT, NULL, on_opened, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  document = kensho_document_open_file_finish (result, &error);
  g_assert_no_error (error);
  g_assert_true (kensho_sheet_equal (kensho_document_get_sheet (document), sample));
  g_assert_cmpstr (kensho_document_get_path (document), ==, path);
  g_assert_cmpint (kensho_workspace_find_by_path (workspace, path), ==, kensho_document_get_id (document));
  /* Once, whichever thread brought it in. */
  g_assert_cmpuint (count_entries_of (workspace, path), ==, 1);
  g_assert_true (kensho_file_lock_peek (probe));
  kensho_document_close (document);
  g_assert_false (kensho_file_lock_peek (probe));
}

/* What the lock should say: the person's name, or the login without one. */
static const char *
person_name (void)
{
  const char *name = g_get_real_name ();

  return g_str_equal (name, "Unknown") ? g_get_user_name () : name;
}

static void
test_lock (void)
{
  g_autofree char *path = copy_sample ("locked.xml");
  g_autoptr(KenshoWorkspace) workspace = open_workspace ("lock.db");
  g_autoptr(KenshoWorkspace) other_workspace = open_workspace ("lock2.db");
  g_autoptr(KenshoDocument) document = NULL;
  g_autoptr(KenshoDocument) second = NULL;
  g_autoptr(KenshoDocument) read_only = NULL;
  g_autoptr(KenshoFileLock) probe = kensho_file_lock_new (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  document = kensho_document_open_file (workspace, path, KENSHO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (kensho_file_lock_get_lock_path (probe), &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, g_get_user_name ()));

  /* A second person is told who has the sheet, and since when. */
  second = kensho_document_open_file (other_workspace, path, KENSHO_OPEN_DEFAULT, &error);
  g_assert_null (second);
  g_assert_error (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, person_name ()));
  g_assert_nonnull (strstr (error->message, "has had this sheet open since"));
  g_clear_error (&error);
  /* ...and may open it read-only, which refuses to save. */
  read_only = kensho_document_open_file (other_workspace, path, KENSHO_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_true (kensho_document_get_read_only (read_only));
  g_assert_false (kensho_document_save (read_only, KENSHO_SAVE_DEFAULT, &error));
  g_assert_error (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_READ_ONLY);
  g_clear_error (&error);
  /* Nor is it saved over the owner's file under its own name: refused,
   * with the owner's name, and the file stays theirs. */
  {
    g_autofree char *before = NULL;
    g_autofree char *after = NULL;

    g_assert_true (g_file_get_contents (path, &before, NULL, NULL));
    kensho_sheet_set_title (kensho_document_get_sheet (read_only), "上書きしない");
    g_assert_false (kensho_document_save_as (read_only, path, &error));
    g_assert_error (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_LOCKED);
    g_assert_nonnull (strstr (error->message, g_get_user_name ()));
    g_clear_error (&error);
    g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
    g_assert_cmpstr (after, ==, before);
    g_assert_true (kensho_document_get_read_only (read_only));
  }
  kensho_document_close (read_only);
  /* The reader's close leaves the owner's lock in place. */
  g_assert_true (g_file_test (kensho_file_lock_get_lock_path (probe), G_FILE_TEST_EXISTS));

  kensho_document_close (document);
  g_assert_false (g_file_test (kensho_file_lock_get_lock_path (probe), G_FILE_TEST_EXISTS));
}

typedef struct
{
  gboolean done;
  GError *error;
} SaveAsResult;

static void
on_saved_as (GObject *source, GAsyncResult *result, gpointer data)
{
  SaveAsResult *save_as = data;

  kensho_document_save_finish (KENSHO_DOCUMENT (source), result, &save_as->error);
  save_as->done = TRUE;
}

/* A Save As that cannot write (a folder of that name) leaves the sheet on
 * its file, that file still locked, and no lock beside the name it could
 * not write; at once or in a thread. One that writes moves the lock. */
static void
test_save_as_failed_keeps_lock (void)
{
  g_autofree char *path = copy_sample ("keep-lock.xml");
  g_autofree char *folder = temp_path ("a-folder.xml");
  g_autofree char *other = temp_path ("saved-as.xml");
  g_autoptr(KenshoWorkspace) workspace = open_workspace ("keep-lock.db");
  g_autoptr(KenshoFileLock) probe = kensho_file_lock_new (path);
  g_autoptr(KenshoFileLock) folder_probe = kensho_file_lock_new (folder);
  g_autoptr(KenshoFileLock) other_probe = kensho_file_lock_new (other);
  g_autoptr(KenshoDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  SaveAsResult in_thread = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (folder, 0755), ==, 0);
  document = kensho_document_open_file (workspace, path, KENSHO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (kensho_file_lock_get_lock_path (probe), G_FILE_TEST_EXISTS));

  g_assert_false (kensho_document_save_as (document, folder, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&error);
  g_assert_true (g_file_test (kensho_file_lock_get_lock_path (probe), G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (kensho_file_lock_get_lock_path (folder_probe), G_FILE_TEST_EXISTS));
  g_assert_cmpstr (kensho_document_get_path (document), ==, path);

  kensho_document_save_as_async (document, folder, NULL, on_saved_as, &in_thread);
  while (!in_thread.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (in_thread.error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_clear_error (&in_thread.error);
  g_assert_true (g_file_test (kensho_file_lock_get_lock_path (probe), G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (kensho_file_lock_get_lock_path (folder_probe), G_FILE_TEST_EXISTS));
  g_assert_cmpstr (kensho_document_get_path (document), ==, path);

  /* Written: the new file is locked, the old one free. */
  in_thread.done = FALSE;
  kensho_document_save_as_async (document, other, NULL, on_saved_as, &in_thread);
  while (!in_thread.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (in_thread.error);
  g_assert_cmpstr (kensho_document_get_path (document), ==, other);
  g_assert_true (g_file_test (kensho_file_lock_get_lock_path (other_probe), G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (kensho_file_lock_get_lock_path (probe), G_FILE_TEST_EXISTS));
  kensho_document_close (document);
  g_assert_false (g_file_test (kensho_file_lock_get_lock_path (other_probe), G_FILE_TEST_EXISTS));
}

static void
test_stale_lock_broken (void)
{
  g_autofree char *path = copy_sample ("stale.xml");
  g_autoptr(KenshoWorkspace) workspace = open_workspace ("stale.db");
  g_autoptr(KenshoFileLock) probe = kensho_file_lock_new (path);
  g_autoptr(KenshoDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stale = NULL;
  GPid dead;

  /* A process of this host that has ended. */
  {
    const char *argv[] = { "/bin/true", NULL };
    int status;

    g_assert_true (g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &dead, NULL));
    waitpid (dead, &status, 0);
  }
  stale = g_strdup_printf ("someone\n%s\n%d\n1700000000\n", g_get_host_name (), dead);
  g_assert_true (g_file_set_contents (kensho_file_lock_get_lock_path (probe), stale, -1, NULL));
  document = kensho_document_open_file (workspace, path, KENSHO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (kensho_document_is_locked_by_other (document));
  kensho_document_close (document);
  g_clear_object (&document);

  /* A lock of another machine is never taken to be stale. */
  g_clear_pointer (&stale, g_free);
  /* The same in the format Kensho writes now: the process id ends the
   * profile field. */
  g_clear_pointer (&stale, g_free);
  stale = g_strdup_printf ("Some One,someone,%s,06.12.2026 09:30," KENSHO_LOCK_PROFILE_MARK "abc.%d;",
                           g_get_host_name (), dead);
  g_assert_true (g_file_set_contents (kensho_file_lock_get_lock_path (probe), stale, -1, NULL));
  document = kensho_document_open_file (workspace, path, KENSHO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (kensho_document_is_locked_by_other (document));
  kensho_document_close (document);
  g_clear_object (&document);

  g_clear_pointer (&stale, g_free);
  stale = g_strdup_printf ("someone\nother-host.example\n%d\n1700000000\n", dead);
  g_assert_true (g_file_set_contents (kensho_file_lock_get_lock_path (probe), stale, -1, NULL));
  document = kensho_document_open_file (workspace, path, KENSHO_OPEN_DEFAULT, &error);
  g_assert_error (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "other-host.example"));
}

/* A lock of someone on another machine, left a day ago: it is still
 * theirs. Returns what the person opening the sheet is told. */
static char *
lock_message (KenshoWorkspace *workspace, const char *path, const char *lock_contents)
{
  g_autoptr(KenshoFileLock) probe = kensho_file_lock_new (path);
  g_autoptr(KenshoDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  struct utimbuf a_day_ago = { time (NULL) - 86400, time (NULL) - 86400 };

  g_assert_true (g_file_set_contents (kensho_file_lock_get_lock_path (probe), lock_contents, -1, NULL));
  g_assert_cmpint (g_utime (kensho_file_lock_get_lock_path (probe), &a_day_ago), ==, 0);
  document = kensho_document_open_file (workspace, path, KENSHO_OPEN_DEFAULT, &error);
  g_assert_null (document);
  g_assert_error (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_LOCKED);
  g_assert_true (g_file_test (kensho_file_lock_get_lock_path (probe), G_FILE_TEST_EXISTS));
  return g_strdup (error->message);
}

/* A colleague is named as a person, not by a login such as "yamada". */
static void
test_lock_names_the_person (void)
{
  g_autofree char *path = copy_sample ("person.xml");
  g_autoptr(KenshoWorkspace) workspace = open_workspace ("person.db");
  g_autoptr(KenshoFileLock) probe = kensho_file_lock_new (path);
  g_autofree char *named = NULL;
  g_autofree char *old = NULL;
  g_autofree char *hostile = NULL;
  g_autofree char *office = NULL;
  g_autofree char *ours = NULL;

  named = lock_message (workspace, path, "yamada\nother-host.example\n4242\n1700000000\n山田 花子\n");
  g_assert_nonnull (strstr (named, "山田 花子 (on other-host.example)"));
  g_assert_null (strstr (named, "yamada"));
  /* A lock of an older Kensho has only the login name. */
  old = lock_message (workspace, path, "yamada\nother-host.example\n4242\n1700000000\n");
  g_assert_true (g_str_has_prefix (old, "yamada (on other-host.example)"));
  /* Control characters from the share never reach the one-line message. */
  hostile = lock_message (workspace, path, "x\nother-host.example\n4242\n1700000000\n山田\r\033[2J\n");
  g_assert_true (g_str_has_prefix (hostile, "山田\xEF\xBF\xBD\xEF\xBF\xBD[2J (on"));
  /* LibreOffice's lock has the same name: its owner is respected and named. */
  office = lock_message (workspace, path, "山田 花子,yamada,other-host,06.12.2026 09:30,"
                                          "file:///home/yamada/.config/libreoffice/4;");
  g_assert_cmpstr (office, ==, "山田 花子 (on other-host) has had this sheet open since 2026-12-06 09:30.");

  /* The lock this Kensho makes is LibreOffice's record, with the person's
   * name: "Name,login,host,dd.mm.yyyy hh:mm,profile;". */
  g_remove (kensho_file_lock_get_lock_path (probe));
  g_assert_true (kensho_file_lock_acquire (probe, NULL));
  g_assert_true (g_file_get_contents (kensho_file_lock_get_lock_path (probe), &ours, NULL, NULL));
  {
    g_auto(GStrv) fields = g_strsplit (ours, ",", -1);
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%d.%m.%Y ");

    g_assert_cmpuint (g_strv_length (fields), ==, 5);
    g_assert_cmpstr (fields[0], ==, person_name ());
    g_assert_cmpstr (fields[1], ==, g_get_user_name ());
    g_assert_cmpstr (fields[2], ==, g_get_host_name ());
    g_assert_true (g_str_has_prefix (fields[3], today));
    g_assert_cmpuint (strlen (fields[3]), ==, strlen ("06.12.2026 09:30"));
    g_assert_true (g_str_has_prefix (fields[4], KENSHO_LOCK_PROFILE_MARK));
    g_assert_true (g_str_has_suffix (ours, ";"));
    g_assert_null (strchr (ours, '\n'));
  }
  kensho_file_lock_release (probe);
}

/* The name from the preferences, escaped as LibreOffice does, reads back
 * whole in the message of a second Kensho. */
static void
test_lock_preferred_name (void)
{
  g_autofree char *path = copy_sample ("preferred.xml");
  g_autoptr(KenshoWorkspace) workspace = open_workspace ("preferred.db");
  g_autoptr(KenshoWorkspace) other_workspace = open_workspace ("preferred2.db");
  g_autoptr(KenshoFileLock) probe = kensho_file_lock_new (path);
  g_autoptr(KenshoDocument) document = NULL;
  g_autoptr(KenshoDocument) second = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  kensho_file_lock_set_person_name ("  山田, 花子; 企画課\\  ");
  document = kensho_document_open_file (workspace, path, KENSHO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (kensho_file_lock_get_lock_path (probe), &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "山田\\, 花子\\; 企画課\\\\,"));
  second = kensho_document_open_file (other_workspace, path, KENSHO_OPEN_DEFAULT, &error);
  g_assert_null (second);
  g_assert_error (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_LOCKED);
  g_assert_true (g_str_has_prefix (error->message, "山田, 花子; 企画課\\ (on "));
  g_assert_nonnull (strstr (error->message, g_get_host_name ()));
  /* Empty: the account's name again. */
  kensho_file_lock_set_person_name ("");
  g_autofree char *fallback = kensho_file_lock_dup_person_name ();
  g_assert_cmpstr (fallback, ==, person_name ());
  kensho_document_close (document);
}

/* A lock this process left behind (no lock of it holds the file any more)
 * is its own, known by the token in it and not by a process id, which a
 * sandbox makes up: the sheet opens without "someone else has it". */
static void
test_own_lock_recognised (void)
{
  g_autofree char *path = copy_sample ("own.xml");
  g_autoptr(KenshoWorkspace) workspace = open_workspace ("own.db");
  g_autoptr(KenshoFileLock) earlier = kensho_file_lock_new (path);
  g_autoptr(KenshoDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *left = NULL;
  g_autofree char *foreign = NULL;
  const char *lock_path = kensho_file_lock_get_lock_path (earlier);

  g_assert_true (kensho_file_lock_acquire (earlier, NULL));
  g_assert_true (g_file_get_contents (lock_path, &left, NULL, NULL));
  kensho_file_lock_release (earlier);
  g_assert_true (g_file_set_contents (lock_path, left, -1, NULL));
  document = kensho_document_open_file (workspace, path, KENSHO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (kensho_document_is_locked_by_other (document));
  kensho_document_close (document);
  /* ...and goes with its close. */
  g_assert_false (g_file_test (lock_path, G_FILE_TEST_EXISTS));
  g_clear_object (&document);

  /* Another Kensho's lock on this host with a live process is not ours,
   * even with our process id in it. */
  foreign = g_strdup_printf ("Someone,someone,%s,06.12.2026 09:30," KENSHO_LOCK_PROFILE_MARK "x.%d;",
                             g_get_host_name (), (int) getpid ());
  g_assert_true (g_file_set_contents (lock_path, foreign, -1, NULL));
  document = kensho_document_open_file (workspace, path, KENSHO_OPEN_DEFAULT, &error);
  g_assert_error (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_LOCKED);
  g_assert_true (g_str_has_prefix (error->message, "Someone (on "));
  g_remove (lock_path);
}

static char *
journal_mode (const char *db_path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;
  char *mode;

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &statement, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  mode = g_ascii_strdown ((const char *) sqlite3_column_text (statement, 0), -1);
  sqlite3_finalize (statement);
  sqlite3_close (db);
  return mode;
}

/* A workspace in @dir, with a sheet in it, on a network filesystem or not:
 * WAL only on a local one. */
static void
check_journal (const char *dir, gboolean network)
{
  g_autofree char *db_path = g_build_filename (dir, "ws.db", NULL);
  g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
  g_autofree char *journal = g_strconcat (db_path, "-journal", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoWorkspace) workspace = kensho_workspace_open (db_path, &error);
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autofree char *mode = NULL;
  gint64 id;

  g_assert_no_error (error);
  g_assert_cmpint (kensho_workspace_is_on_network (workspace), ==, network);
  id = kensho_workspace_add_sheet (workspace, sheet, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  kensho_sheet_set_title (sheet, "共有フォルダ");
  g_assert_true (kensho_workspace_flush (workspace, &error));
  g_assert_cmpint (g_file_test (wal, G_FILE_TEST_EXISTS), ==, !network);
  /* Only WAL is kept in the file; a truncated journal stays, empty. */
  mode = journal_mode (db_path);
  g_assert_cmpstr (mode, ==, network ? "delete" : "wal");
  if (network)
    {
      g_autoptr(GFile) journal_file = g_file_new_for_path (journal);
      g_autoptr(GFileInfo) info = g_file_query_info (journal_file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                     G_FILE_QUERY_INFO_NONE, NULL, &error);

      g_assert_no_error (error);
      g_assert_cmpint (g_file_info_get_size (info), ==, 0);
    }
  g_clear_object (&workspace);
  g_remove (db_path);
  g_remove (wal);
  g_remove (journal);
}

/* WAL does not work on a network filesystem: there, DELETE. The local
 * run takes a folder for a network one, so that it never goes untested. */
static void
test_workspace_on_network_not_wal (void)
{
  g_autofree char *dir = temp_path ("network");

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  check_journal (dir, FALSE);
  g_setenv ("KENSHO_TEST_NETWORK_PREFIX", dir, TRUE);
  check_journal (dir, TRUE);
  g_unsetenv ("KENSHO_TEST_NETWORK_PREFIX");
}

/* A second person (another process with its own HOME) on a sheet someone
 * has open in @dir: `kensho-cli info` names them, machine and time. */
static void
check_second_person_sees_name (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "shared.xml", NULL);
  g_autofree char *db_path = g_build_filename (dir, "first.db", NULL);
  g_autofree char *other_home = temp_path ("other-home");
  g_autofree char *old_home = g_strdup (g_getenv ("HOME"));
  g_autofree char *sample = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoWorkspace) workspace = NULL;
  g_autoptr(KenshoDocument) document = NULL;
  g_auto(Run) before = { 0 };
  g_auto(Run) open = { 0 };
  g_auto(Run) office = { 0 };
  gsize length;

  g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &sample, &length, NULL));
  g_assert_true (g_file_set_contents (path, sample, (gssize) length, NULL));
  g_setenv ("HOME", other_home, TRUE);
  run_cli (&before, "info", path, NULL);
  g_assert_cmpint (before.status, ==, 0);
  g_assert_cmpstr (before.out, ==, "Title: 第2期伊勢崎市まち・ひと・しごと創生総合戦略効果検証シート\n"
                                   "Fiscal year: 2023\nIndicators: 47\nFormat version: 1.0\n");

  workspace = kensho_workspace_open (db_path, &error);
  g_assert_no_error (error);
  kensho_file_lock_set_person_name ("伊勢崎 太郎");
  document = kensho_document_open_file (workspace, path, KENSHO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  run_cli (&open, "info", path, NULL);
  g_assert_cmpint (open.status, ==, 0);
  expected = g_strdup_printf ("Open by: 伊勢崎 太郎 (%s) ", g_get_host_name ());
  g_assert_nonnull (strstr (open.out, expected));
  kensho_document_close (document);
  kensho_file_lock_set_person_name (NULL);

  /* A lock LibreOffice wrote names its person too. */
  {
    g_autoptr(KenshoFileLock) probe = kensho_file_lock_new (path);

    g_assert_true (g_file_set_contents (kensho_file_lock_get_lock_path (probe),
                                        "山田 花子,yamada,other-host,06.12.2026 09:30,"
                                        "file:///home/yamada/.config/libreoffice/4;", -1, NULL));
    run_cli (&office, "info", path, NULL);
    g_assert_true (g_str_has_suffix (office.out, "Open by: 山田 花子 (other-host) 2026-12-06 09:30\n"));
    g_remove (kensho_file_lock_get_lock_path (probe));
  }
  g_setenv ("HOME", old_home, TRUE);
  g_clear_object (&document);
  g_clear_object (&workspace);
}

static guint
count_char (const char *text, char c)
{
  guint n = 0;

  for (; *text; text++)
    n += *text == c;
  return n;
}

/* 50 saves while another process reads the file in a loop (kensho-cli
 * validate, which fails on a partial sheet): the reader never sees one. */
static void
check_saves_never_partial (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "busy.xml", NULL);
  g_autofree char *db_path = temp_path ("busy.db");
  g_autofree char *stop = g_build_filename (dir, "stop", NULL);
  g_autofree char *script = NULL;
  g_autofree char *sample = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoWorkspace) workspace = kensho_workspace_open (db_path, &error);
  g_autoptr(KenshoDocument) document = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  const char *argv[] = { "sh", "-c", NULL, NULL };
  GPid reader;
  int out_fd, status;
  guint saved = 0;
  gsize length;

  g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &sample, &length, NULL));
  g_assert_true (g_file_set_contents (path, sample, (gssize) length, NULL));
  document = kensho_document_open_file (workspace, path, KENSHO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  indicators = kensho_sheet_dup_indicators (kensho_document_get_sheet (document));
  /* The reader's complaint, if any, goes to the test's log. Over SMB
   * (smbnetfs) a replacing rename is not atomic for readers: the file may
   * be missing for a moment, which a reader retries; never partial. */
  script = g_strdup_printf ("while [ ! -e '%s' ]; do said=$('%s' validate '%s' 2>&1) || "
                            "case \"$said\" in *'No such file'*) echo m ;; *) echo \"$said\" >&2; exit 1 ;; esac; "
                            "echo r; done",
                            stop, g_getenv ("KENSHO_CLI"), path);
  argv[2] = script;
  g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL,
                                           G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                                           &reader, NULL, &out_fd, NULL, &error));
  g_assert_no_error (error);
  for (int i = 0; i < 50; i++)
    {
      g_autofree char *text = g_strdup_printf ("保存 %d 回目", i);

      kensho_indicator_set_commentary (g_ptr_array_index (indicators, i % indicators->len), 2023,
                                       KENSHO_COMMENTARY_ISSUES, text);
      /* A file server may refuse the rename while the reader has the
       * file open: said so, and the file stays whole. */
      if (kensho_document_save (document, KENSHO_SAVE_DEFAULT, &error))
        saved++;
      else
        g_assert_error (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_RENAME_REFUSED);
      g_clear_error (&error);
    }
  g_assert_true (g_file_set_contents (stop, "", 0, NULL));
  g_assert_cmpint (waitpid (reader, &status, 0), ==, reader);
  g_spawn_close_pid (reader);
  {
    g_autoptr(GIOChannel) channel = g_io_channel_unix_new (out_fd);

    g_io_channel_set_close_on_unref (channel, TRUE);
    g_io_channel_read_to_end (channel, &out, NULL, NULL);
  }
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_test_message ("%u of 50 saves done; the reader read the file %u times, found it missing %u times", saved,
                  count_char (out, 'r'), count_char (out, 'm'));
  g_assert_cmpuint (saved, >, 25);
  g_assert_cmpuint (strlen (out), >, 0);
  kensho_document_close (document);
  g_remove (stop);
}

static void
on_saved_async (GObject *source, GAsyncResult *result, gpointer data)
{
  GError **error = data;

  g_assert_true (kensho_document_save_finish (KENSHO_DOCUMENT (source), result, error) == (*error == NULL));
  if (!g_error_matches (*error, G_IO_ERROR, G_IO_ERROR_PENDING))
    g_assert_false (kensho_document_is_saving (KENSHO_DOCUMENT (source)));
}

/* A save in a thread writes the sheet as it was when asked; an edit made
 * while it runs stays unsaved, and a second save waits its turn. */
static void
check_save_async (const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "async.xml", NULL);
  g_autofree char *db_path = temp_path ("async.db");
  g_autofree char *sample = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) second_error = NULL;
  g_autoptr(KenshoWorkspace) workspace = kensho_workspace_open (db_path, &error);
  g_autoptr(KenshoDocument) document = NULL;
  KenshoSheet *sheet;
  gsize length;

  g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &sample, &length, NULL));
  g_assert_true (g_file_set_contents (path, sample, (gssize) length, NULL));
  document = kensho_document_open_file (workspace, path, KENSHO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  sheet = kensho_document_get_sheet (document);
  kensho_sheet_set_title (sheet, "スレッドで保存");
  kensho_document_save_async (document, KENSHO_SAVE_DEFAULT, NULL, on_saved_async, &error);
  g_assert_true (kensho_document_is_saving (document));
  kensho_document_save_async (document, KENSHO_SAVE_DEFAULT, NULL, on_saved_async, &second_error);
  kensho_sheet_set_title (sheet, "保存中の編集");
  while (kensho_document_is_saving (document) || second_error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (error);
  g_assert_error (second_error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "スレッドで保存"));
  g_assert_true (kensho_document_get_unsaved (document));

  /* Saved again with nothing edited meanwhile: nothing left to save. */
  kensho_document_save_async (document, KENSHO_SAVE_DEFAULT, NULL, on_saved_async, &error);
  while (kensho_document_is_saving (document))
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (error);
  g_assert_false (kensho_document_get_unsaved (document));
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "保存中の編集"));

  /* Changed by someone else: refused from the thread, as a plain save is. */
  g_assert_true (g_file_set_contents (path, sample, (gssize) length, NULL));
  kensho_sheet_set_title (sheet, "三度目");
  kensho_document_save_async (document, KENSHO_SAVE_DEFAULT, NULL, on_saved_async, &error);
  while (kensho_document_is_saving (document))
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_assert_true (kensho_document_get_unsaved (document));
  kensho_document_close (document);
}

typedef void (*FolderCheck) (const char *dir);

/* @check in a new local folder (data: the check). */
static void
test_in_local_folder (gconstpointer data)
{
  g_autofree char *dir = temp_path ("folder");

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  ((FolderCheck) data) (dir);
}

/* @check in a new folder on the SMB share, where this machine can have
 * one (else a skip that says why). */
static void
test_on_smb_share (gconstpointer data)
{
  g_autofree char *reason = NULL;
  g_autofree char *dir = test_smb_folder ("test", &reason);

  if (dir == NULL)
    {
      g_test_skip (reason);
      return;
    }
  ((FolderCheck) data) (dir);
  test_smb_clean (dir);
}

static void
check_journal_on_network (const char *dir)
{
  check_journal (dir, TRUE);
}

/* An empty lock left an hour ago is no one's: the sheet opens. One made a
 * moment ago may be being written: the sheet is in use. */
static void
test_empty_lock (void)
{
  g_autofree char *path = copy_sample ("empty-lock.xml");
  g_autoptr(KenshoWorkspace) workspace = open_workspace ("empty-lock.db");
  g_autoptr(KenshoFileLock) probe = kensho_file_lock_new (path);
  const char *lock_path = kensho_file_lock_get_lock_path (probe);
  g_autoptr(KenshoDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  struct utimbuf an_hour_ago = { time (NULL) - 3600, time (NULL) - 3600 };

  g_assert_true (g_file_set_contents (lock_path, "", 0, NULL));
  document = kensho_document_open_file (workspace, path, KENSHO_OPEN_DEFAULT, &error);
  g_assert_null (document);
  g_assert_error (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_LOCKED);
  g_clear_error (&error);

  g_assert_cmpint (g_utime (lock_path, &an_hour_ago), ==, 0);
  document = kensho_document_open_file (workspace, path, KENSHO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_false (kensho_document_is_locked_by_other (document));
  kensho_document_close (document);
  g_assert_false (g_file_test (lock_path, G_FILE_TEST_EXISTS));
}

/* A share where no lock file can be made (read-only, or a name the file
 * system refuses for the lock) still opens the sheet. */
static void
test_unlockable_folder_still_opens (void)
{
  g_autoptr(KenshoWorkspace) workspace = open_workspace ("ro.db");
  g_autofree char *contents = NULL;
  g_autoptr(GString) long_name = g_string_new (NULL);
  g_autofree char *path = NULL;
  g_autoptr(KenshoFileLock) probe = NULL;
  g_autoptr(KenshoDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &contents, &length, NULL));

  /* 248 bytes is a valid file name (saving adds 7 for its temporary file);
   * with ".~lock." and "#" around it the lock's name is too long for the
   * file system, whoever runs the test. */
  while (long_name->len < 244)
    g_string_append_c (long_name, 'a');
  g_string_append (long_name, ".xml");
  path = temp_path (long_name->str);
  g_assert_true (g_file_set_contents (path, contents, (gssize) length, NULL));
  probe = kensho_file_lock_new (path);

  document = kensho_document_open_file (workspace, path, KENSHO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (kensho_document_get_sheet (document));
  g_assert_false (kensho_document_is_locked_by_other (document));
  g_assert_false (g_file_test (kensho_file_lock_get_lock_path (probe), G_FILE_TEST_EXISTS));
  kensho_document_close (document);
  g_clear_object (&document);

  if (geteuid () != 0)
    {
      g_autofree char *dir = temp_path ("readonly-share");
      g_autofree char *ro_path = g_build_filename (dir, "sheet.xml", NULL);

      g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
      g_assert_true (g_file_set_contents (ro_path, contents, (gssize) length, NULL));
      g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
      document = kensho_document_open_file (workspace, ro_path, KENSHO_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      kensho_document_close (document);
      g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
    }
}

static void
test_changed_on_disk (void)
{
  g_autofree char *path = copy_sample ("changed.xml");
  g_autoptr(KenshoWorkspace) workspace = open_workspace ("changed.db");
  g_autoptr(KenshoDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *theirs = NULL;
  KenshoSheet *sheet;

  document = kensho_document_open_file (workspace, path, KENSHO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  sheet = kensho_document_get_sheet (document);
  kensho_sheet_set_label (sheet, "資料9");
  g_assert_true (kensho_document_get_unsaved (document));

  /* Someone else saves the file meanwhile. */
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  theirs = g_strconcat (contents, "<!-- theirs -->\n", NULL);
  g_assert_true (g_file_set_contents (path, theirs, -1, NULL));

  g_assert_false (kensho_document_save (document, KENSHO_SAVE_DEFAULT, &error));
  g_assert_error (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_CHANGED_ON_DISK);
  g_clear_error (&error);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, theirs);
  g_assert_true (kensho_document_get_unsaved (document));

  /* Overwriting keeps their version in the history. */
  g_assert_true (kensho_document_save (document, KENSHO_SAVE_OVERWRITE, &error));
  g_assert_no_error (error);
  g_assert_false (kensho_document_get_unsaved (document));
  g_assert_false (kensho_workspace_get_unsaved (workspace, kensho_document_get_id (document)));
  history = kensho_workspace_list_history (workspace, kensho_document_get_id (document), NULL);
  g_assert_cmpuint (history->len, ==, 1);
  g_assert_cmpmem (g_bytes_get_data (((KenshoHistoryEntry *) history->pdata[0])->content, NULL),
                   g_bytes_get_size (((KenshoHistoryEntry *) history->pdata[0])->content),
                   theirs, strlen (theirs));

  /* A second save without outside changes goes through. */
  kensho_sheet_set_label (sheet, "資料10");
  g_assert_true (kensho_document_save (document, KENSHO_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  kensho_document_close (document);
}

static void
test_history_limit (void)
{
  g_autoptr(KenshoWorkspace) workspace = open_workspace ("history.db");
  g_autoptr(KenshoSheet) sheet = load_sample ();
  gint64 id = kensho_workspace_add_sheet (workspace, sheet, NULL);
  g_autoptr(GPtrArray) history = NULL;

  kensho_workspace_set_history_limit (workspace, 3);
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *text = g_strdup_printf ("version %d", i);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));

      g_assert_true (kensho_workspace_add_history (workspace, id, "/x.xml", bytes, NULL));
    }
  history = kensho_workspace_list_history (workspace, id, NULL);
  g_assert_cmpuint (history->len, ==, 3);
  g_assert_cmpmem (g_bytes_get_data (((KenshoHistoryEntry *) history->pdata[0])->content, NULL), 9,
                   "version 4", 9);
  g_assert_cmpmem (g_bytes_get_data (((KenshoHistoryEntry *) history->pdata[2])->content, NULL), 9,
                   "version 2", 9);
}

static void
test_reopen_with_local_changes (void)
{
  g_autofree char *path = copy_sample ("local.xml");
  g_autoptr(KenshoWorkspace) workspace = open_workspace ("local.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoDocument) again = NULL;
  gint64 id;

  {
    g_autoptr(KenshoDocument) document = kensho_document_open_file (workspace, path, 0, &error);

    g_assert_no_error (error);
    id = kensho_document_get_id (document);
    kensho_sheet_set_label (kensho_document_get_sheet (document), "未保存");
    kensho_document_close (document);
  }

  again = kensho_document_open_file (workspace, path, 0, &error);
  g_assert_null (again);
  g_assert_error (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_LOCAL_CHANGES);
  g_clear_error (&error);

  again = kensho_document_open_file (workspace, path, KENSHO_OPEN_KEEP_LOCAL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kensho_document_get_id (again), ==, id);
  g_assert_cmpstr (kensho_sheet_get_label (kensho_document_get_sheet (again)), ==, "未保存");
  g_assert_true (kensho_document_get_unsaved (again));
  kensho_document_close (again);
  g_clear_object (&again);

  again = kensho_document_open_file (workspace, path, KENSHO_OPEN_LOAD_FILE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kensho_document_get_id (again), ==, id);
  g_assert_cmpstr (kensho_sheet_get_label (kensho_document_get_sheet (again)), ==, "資料2");
  g_assert_false (kensho_document_get_unsaved (again));
  kensho_document_close (again);
}

/* `kensho-cli import` of a sheet with edits never saved refuses, naming
 * the sheet; with --replace it takes the file and keeps the edits in the
 * history. Either way the sheet stays open for the app's next start. */
static void
test_import_keeps_unsaved_edits (void)
{
  g_autofree char *path = copy_sample ("import-unsaved.xml");
  g_autofree char *db = temp_path ("import-unsaved.db");
  g_autofree char *option = g_strdup_printf ("--workspace=%s", db);
  g_autofree char *expected_id = NULL;
  g_auto(Run) refused = { 0 };
  g_auto(Run) replaced = { 0 };
  gint64 id;

  {
    g_autoptr(KenshoWorkspace) workspace = kensho_workspace_open (db, NULL);
    g_autoptr(KenshoDocument) document = kensho_document_open_file (workspace, path, 0, NULL);

    id = kensho_document_get_id (document);
    kensho_sheet_set_label (kensho_document_get_sheet (document), "未保存の編集");
    g_assert_true (kensho_workspace_flush (workspace, NULL));
    /* The app quits with the sheet open. */
  }

  run_cli (&refused, option, "import", path, NULL);
  g_test_message ("%s", refused.err);
  g_assert_cmpint (refused.status, ==, 1);
  g_assert_cmpstr (refused.out, ==, "");
  g_assert_true (g_str_has_prefix (refused.err, "Sheet 1 (“令和5年度 "));
  g_assert_nonnull (strstr (refused.err, path));
  g_assert_nonnull (strstr (refused.err, "--replace"));
  /* One line. */
  g_assert_cmpuint (strchr (refused.err, '\n') - refused.err, ==, strlen (refused.err) - 1);
  {
    g_autoptr(KenshoWorkspace) workspace = open_workspace ("import-unsaved.db");
    g_autoptr(GPtrArray) entries = kensho_workspace_list (workspace, NULL);
    g_autoptr(KenshoSheet) sheet = kensho_workspace_load_sheet (workspace, id, NULL);
    g_autoptr(GPtrArray) history = kensho_workspace_list_history (workspace, id, NULL);
    KenshoWorkspaceEntry *entry = g_ptr_array_index (entries, 0);

    g_assert_cmpstr (kensho_sheet_get_label (sheet), ==, "未保存の編集");
    g_assert_true (entry->unsaved);
    g_assert_true (entry->open);
    g_assert_cmpuint (history->len, ==, 0);
  }

  run_cli (&replaced, option, "import", "--replace", path, NULL);
  expected_id = g_strdup_printf ("%" G_GINT64_FORMAT "\n", id);
  g_assert_cmpint (replaced.status, ==, 0);
  g_assert_cmpstr (replaced.out, ==, expected_id);
  {
    g_autoptr(KenshoWorkspace) workspace = open_workspace ("import-unsaved.db");
    g_autoptr(GPtrArray) entries = kensho_workspace_list (workspace, NULL);
    g_autoptr(KenshoSheet) sheet = kensho_workspace_load_sheet (workspace, id, NULL);
    g_autoptr(GPtrArray) history = kensho_workspace_list_history (workspace, id, NULL);
    KenshoWorkspaceEntry *entry = g_ptr_array_index (entries, 0);
    KenshoHistoryEntry *kept;

    g_assert_cmpstr (kensho_sheet_get_label (sheet), ==, "資料2");
    g_assert_false (entry->unsaved);
    g_assert_true (entry->open);
    g_assert_cmpuint (history->len, ==, 1);
    kept = g_ptr_array_index (history, 0);
    g_assert_cmpstr (kept->path, ==, path);
    g_assert_nonnull (g_strstr_len (g_bytes_get_data (kept->content, NULL), g_bytes_get_size (kept->content),
                                    "未保存の編集"));
  }
}

static void
test_open_sheets_come_back (void)
{
  g_autofree char *path = copy_sample ("restore.xml");
  g_autofree char *db = temp_path ("restore.db");
  g_autoptr(GError) error = NULL;
  gint64 id;

  {
    g_autoptr(KenshoWorkspace) workspace = kensho_workspace_open (db, NULL);
    g_autoptr(KenshoDocument) document = kensho_document_open_file (workspace, path, 0, &error);
    g_autoptr(GPtrArray) indicators = NULL;

    g_assert_no_error (error);
    id = kensho_document_get_id (document);
    indicators = kensho_sheet_dup_indicators (kensho_document_get_sheet (document));
    kensho_indicator_set_commentary (g_ptr_array_index (indicators, 0), 2023,
                                     KENSHO_COMMENTARY_ACTIVITIES, "再起動前に入力");
    /* The app quits without closing the sheet. */
  }
  {
    g_autoptr(KenshoWorkspace) workspace = kensho_workspace_open (db, NULL);
    g_autoptr(GPtrArray) entries = kensho_workspace_list (workspace, NULL);
    g_autoptr(KenshoDocument) document = NULL;
    g_autoptr(GPtrArray) indicators = NULL;
    KenshoWorkspaceEntry *entry = g_ptr_array_index (entries, 0);

    g_assert_cmpuint (entries->len, ==, 1);
    g_assert_true (entry->open);
    g_assert_true (entry->unsaved);
    g_assert_cmpint (entry->id, ==, id);
    document = kensho_document_restore (workspace, id, &error);
    g_assert_no_error (error);
    g_assert_true (kensho_document_get_unsaved (document));
    g_assert_cmpstr (kensho_document_get_path (document), ==, path);
    indicators = kensho_sheet_dup_indicators (kensho_document_get_sheet (document));
    g_assert_cmpstr (kensho_indicator_get_commentary (g_ptr_array_index (indicators, 0), 2023,
                                                      KENSHO_COMMENTARY_ACTIVITIES), ==, "再起動前に入力");
    kensho_document_close (document);
  }
}

static void
count_notify (GObject *object, GParamSpec *pspec, guint *count)
{
  (*count)++;
}

/* "Unsaved" has one home, the workspace: the document reads it from there,
 * at once after an edit (before any commit), and tells each change once. */
static void
test_unsaved_one_truth (void)
{
  g_autofree char *path = copy_sample ("one-truth.xml");
  g_autoptr(KenshoWorkspace) workspace = open_workspace ("one-truth.db");
  g_autoptr(KenshoDocument) document = NULL;
  g_autoptr(KenshoDocument) untitled = NULL;
  g_autoptr(KenshoSheet) blank = kensho_sheet_new ();
  g_autoptr(GError) error = NULL;
  guint notified = 0;
  gint64 id;

  document = kensho_document_open_file (workspace, path, KENSHO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  id = kensho_document_get_id (document);
  g_signal_connect (document, "notify::unsaved", G_CALLBACK (count_notify), &notified);
  g_assert_false (kensho_workspace_get_unsaved (workspace, id));

  kensho_sheet_set_label (kensho_document_get_sheet (document), "資料9");
  kensho_sheet_set_label (kensho_document_get_sheet (document), "資料10");
  g_assert_true (kensho_workspace_has_pending (workspace));
  g_assert_true (kensho_workspace_get_unsaved (workspace, id));
  g_assert_true (kensho_document_get_unsaved (document));
  g_assert_cmpuint (notified, ==, 1);

  /* Committed, still unsaved: nothing to tell. */
  g_assert_true (kensho_workspace_flush (workspace, &error));
  g_assert_true (kensho_document_get_unsaved (document));
  kensho_sheet_set_label (kensho_document_get_sheet (document), "資料11");
  g_assert_cmpuint (notified, ==, 1);

  g_assert_true (kensho_document_save (document, KENSHO_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_false (kensho_workspace_get_unsaved (workspace, id));
  g_assert_false (kensho_document_get_unsaved (document));
  g_assert_cmpuint (notified, ==, 2);

  /* A new sheet has never been saved, in the workspace as in the window. */
  untitled = kensho_document_new_untitled (workspace, blank, &error);
  g_assert_no_error (error);
  g_assert_true (kensho_document_get_unsaved (untitled));
  g_assert_true (kensho_workspace_get_unsaved (workspace, kensho_document_get_id (untitled)));
  kensho_document_close (untitled);
  kensho_document_close (document);
}

/* Bringing a sheet in: one commit, so that an import cut short (a full
 * disk, a kill) leaves the workspace as it was. */
typedef struct
{
  guint commits;
  guint veto;   /* the commit to refuse, counting from 1; 0: none */
} Commits;

/* SQLite asks before each commit; a refusal rolls the whole back, as a
 * kill or a failed write at that moment would. */
static int
on_commit (void *data)
{
  Commits *commits = data;

  return ++commits->commits == commits->veto;
}

static gint64
query_workspace_int (KenshoWorkspace *workspace, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (_kensho_workspace_get_database (workspace), sql, -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

/* Everything of the workspace an import may change, as one text. */
static char *
describe_workspace (KenshoWorkspace *workspace)
{
  g_autoptr(GPtrArray) entries = kensho_workspace_list (workspace, NULL);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      KenshoWorkspaceEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(KenshoSheet) sheet = kensho_workspace_load_sheet (workspace, entry->id, NULL);
      g_autoptr(GBytes) xml = kensho_sheet_xml_serialize (sheet);
      g_autoptr(GPtrArray) history = kensho_workspace_list_history (workspace, entry->id, NULL);
      g_autofree char *fingerprint = kensho_workspace_dup_fingerprint (workspace, entry->id);

      g_autofree char *content = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, xml);

      g_string_append_printf (text, "%" G_GINT64_FORMAT " %s %s %s unsaved=%d open=%d history=%u content=%s\n",
                              entry->id, entry->title, entry->path ? entry->path : "-",
                              fingerprint ? fingerprint : "-", entry->unsaved, entry->open,
                              history->len, content);
    }
  return g_string_free (text, FALSE);
}

static void
assert_checks_on (KenshoWorkspace *workspace)
{
  g_assert_cmpint (query_workspace_int (workspace, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (query_workspace_int (workspace, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

/* A new file comes in with one commit: its rows, its link, its flag. */
static void
test_one_commit (void)
{
  g_autoptr(KenshoWorkspace) workspace = open_workspace ("one.db");
  g_autofree char *path = copy_sample ("one.xml");
  g_autoptr(KenshoDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  Commits commits = { 0 };

  sqlite3_commit_hook (_kensho_workspace_get_database (workspace), on_commit, &commits);
  document = kensho_document_open_file (workspace, path, KENSHO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (commits.commits, ==, 1);
  sqlite3_commit_hook (_kensho_workspace_get_database (workspace), NULL, NULL);
  assert_checks_on (workspace);
  kensho_document_close (document);
}

typedef struct
{
  guint told;
  gboolean unsaved_when_told;
} UnsavedTold;

static void
on_unsaved_told (KenshoWorkspace *workspace, gint64 id, UnsavedTold *told)
{
  told->told++;
  told->unsaved_when_told = kensho_workspace_get_unsaved (workspace, id);
}

/* A sheet's unsaved flag changed inside an import's transaction is told
 * when the transaction ends, so that what the handlers read (a window's
 * title) is what stays: the flag as before when it is rolled back. */
static void
test_unsaved_told_after_the_end (void)
{
  g_autoptr(KenshoWorkspace) workspace = open_workspace ("told.db");
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GError) error = NULL;
  UnsavedTold told = { 0 };
  gint64 id = kensho_workspace_add_sheet (workspace, sheet, &error);
  gulong handler;

  g_assert_no_error (error);
  g_assert_true (kensho_workspace_mark_unsaved (workspace, id, &error));
  g_assert_no_error (error);
  g_assert_true (kensho_workspace_get_unsaved (workspace, id));
  handler = g_signal_connect (workspace, "unsaved-changed", G_CALLBACK (on_unsaved_told), &told);

  /* Rolled back: told once, and the handler reads "unsaved", as it stays. */
  g_assert_true (kensho_workspace_begin_import (workspace, &error));
  g_assert_true (kensho_workspace_set_link (workspace, id, "/srv/共有/told.xml", "0123", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (told.told, ==, 0);
  g_assert_false (kensho_workspace_end_import (workspace, FALSE, &error));
  g_assert_cmpuint (told.told, ==, 1);
  g_assert_true (told.unsaved_when_told);
  g_assert_true (kensho_workspace_get_unsaved (workspace, id));

  /* Committed: told once, after the commit, and it reads "saved". */
  g_assert_true (kensho_workspace_begin_import (workspace, &error));
  g_assert_true (kensho_workspace_set_link (workspace, id, "/srv/共有/told.xml", "0123", &error));
  g_assert_cmpuint (told.told, ==, 1);
  g_assert_true (kensho_workspace_end_import (workspace, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (told.told, ==, 2);
  g_assert_false (told.unsaved_when_told);
  g_assert_false (kensho_workspace_get_unsaved (workspace, id));
  g_signal_handler_disconnect (workspace, handler);
}

/* A WAL left where a workspace was deleted (by hand, without it) is not
 * read into the new workspace made there: SQLite would take its pages,
 * another workspace's, for the new file's. */
static void
test_new_workspace_ignores_left_wal (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *old_wal = NULL;
  g_autofree char *new_path = temp_path ("new-beside-wal.db");
  g_autofree char *new_wal = g_strconcat (new_path, "-wal", NULL);
  g_autoptr(KenshoWorkspace) old = open_workspace ("old-with-wal.db");
  g_autoptr(KenshoWorkspace) fresh = NULL;
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_cmpint (kensho_workspace_add_sheet (old, sheet, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (kensho_workspace_flush (old, &error));
  /* The old workspace's WAL, full of its pages, beside the new one. */
  old_wal = g_strconcat (kensho_workspace_get_path (old), "-wal", NULL);
  g_assert_true (g_file_get_contents (old_wal, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4096);
  g_assert_true (g_file_set_contents (new_wal, contents, (gssize) length, &error));
  g_assert_no_error (error);

  fresh = kensho_workspace_open (new_path, &error);
  g_assert_no_error (error);
  g_assert_null (kensho_workspace_get_notice (fresh));
  entries = kensho_workspace_list (fresh, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 0);
  g_assert_cmpint (query_workspace_int (fresh, "SELECT count(*) FROM pragma_quick_check WHERE quick_check <> 'ok'"),
                   ==, 0);
}

/* A WAL left beside that cannot be removed (here a folder, not empty):
 * no workspace is made, and the message names what is in the way. */
static void
test_new_workspace_refuses_left_wal (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path ("blocked-by-wal.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *inside = g_build_filename (wal, "something", NULL);
  g_autofree char *partial = g_strconcat (path, ".new", NULL);
  g_autoptr(KenshoWorkspace) workspace = NULL;

  g_assert_cmpint (g_mkdir_with_parents (wal, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "x", 1, &error));
  workspace = kensho_workspace_open (path, &error);
  g_assert_null (workspace);
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "left beside it"));
  g_assert_nonnull (strstr (error->message, wal));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (inside, G_FILE_TEST_EXISTS));
}

/* Each commit of an import refused in turn: the import fails and the
 * workspace is exactly as before, for a new file and for a file that
 * replaces what the workspace had of it. */
static void
test_cut_short (void)
{
  g_autofree char *path = copy_sample ("cut.xml");

  for (guint replacing = 0; replacing < 2; replacing++)
    for (guint veto = 1;; veto++)
      {
        g_autofree char *name = g_strdup_printf ("cut-%u-%u.db", replacing, veto);
        g_autoptr(KenshoWorkspace) workspace = open_workspace (name);
        g_autoptr(KenshoDocument) document = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *before = NULL;
        g_autofree char *after = NULL;
        Commits commits = { 0, veto };

        if (replacing)
          {
            g_autoptr(KenshoDocument) first = NULL;
            g_autoptr(KenshoSheet) changed = load_sample ();

            first = kensho_document_open_file (workspace, path, KENSHO_OPEN_DEFAULT, &error);
            g_assert_no_error (error);
            kensho_document_close (first);
            /* Someone else changes the file: the import replaces the rows
             * and keeps what they were in the history. */
            kensho_sheet_set_title (changed, "Changed elsewhere");
            g_assert_true (kensho_sheet_xml_save_file (changed, path, &error));
            g_assert_no_error (error);
          }
        before = describe_workspace (workspace);
        sqlite3_commit_hook (_kensho_workspace_get_database (workspace), on_commit, &commits);
        document = kensho_document_open_file (workspace, path, KENSHO_OPEN_DEFAULT, &error);
        sqlite3_commit_hook (_kensho_workspace_get_database (workspace), NULL, NULL);
        if (document != NULL)
          {
            /* Past the last commit: nothing was refused. */
            g_assert_no_error (error);
            g_assert_cmpuint (commits.commits, <, veto);
            g_assert_cmpuint (veto, ==, 2);
            kensho_document_close (document);
            break;
          }
        g_assert_nonnull (error);
        after = describe_workspace (workspace);
        g_assert_cmpstr (after, ==, before);
        assert_checks_on (workspace);
        /* And it comes in whole when tried again. */
        g_clear_error (&error);
        document = kensho_document_open_file (workspace, path, KENSHO_OPEN_DEFAULT, &error);
        g_assert_no_error (error);
        kensho_document_close (document);
        assert_checks_on (workspace);
      }
}

/* Replacing a sheet's rows with foreign keys off leaves no row of the old
 * content behind; deleting it still removes every row of it. */
static void
test_replace_leaves_nothing (void)
{
  g_autoptr(KenshoWorkspace) workspace = open_workspace ("replace.db");
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoSheet) smaller = load_sample ();
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (smaller);
  g_autoptr(GError) error = NULL;
  gint64 id = kensho_workspace_add_sheet (workspace, sheet, &error);
  static const char *const tables[] = { "node", "series", "value", "year_record" };

  g_assert_no_error (error);
  assert_checks_on (workspace);
  /* Fewer indicators: their rows must go, with nothing cascading. */
  for (guint i = 0; i < indicators->len; i += 2)
    kensho_node_remove (g_ptr_array_index (indicators, i));
  g_assert_true (kensho_workspace_replace_sheet (workspace, id, smaller, &error));
  g_assert_no_error (error);
  assert_checks_on (workspace);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM node WHERE kind = %d", KENSHO_NODE_INDICATOR);

    g_assert_cmpint (query_workspace_int (workspace, sql), ==, indicators->len / 2);
  }
  g_assert_true (kensho_workspace_delete_sheet (workspace, id, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);

      g_assert_cmpint (query_workspace_int (workspace, sql), ==, 0);
    }
}

/* The sample, with @find (the last one) replaced by @replacement, as a
 * file of its own. */
static char *
sample_changed (const char *name, const char *find, const char *replacement)
{
  g_autofree char *contents = NULL;
  g_autofree char *changed = NULL;
  char *path = temp_path (name);
  char *at;

  g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &contents, NULL, NULL));
  at = g_strrstr (contents, find);
  g_assert_nonnull (at);
  *at = '\0';
  changed = g_strconcat (contents, replacement, at + strlen (find), NULL);
  g_assert_true (g_file_set_contents (path, changed, -1, NULL));
  return path;
}

/* A new file's rows are written goal by goal while the rest of it is
 * still read: what the workspace holds is the file's sheet, also when
 * the file is read again the usual way after its first goals were
 * written (a comment in the last goal), with an indicator outside the
 * goals, and nothing at all when the file
 * fails in its last goal or a row cannot be written. */
static void
test_written_while_read (void)
{
  g_autoptr(KenshoWorkspace) workspace = open_workspace ("while-read.db");
  const char *indicator = "<indicator id=\"i47\" kind=\"kpi\" direction=\"higher\">";
  g_autofree char *with_comment = g_strconcat (indicator, "<!-- 読み直し -->", NULL);
  const struct { const char *name, *find, *replacement; } files[] = {
    { "plain.xml", indicator, indicator },
    { "read-again.xml", indicator, with_comment },
    { "top-indicator.xml", "</sheet>",
      "<indicator id=\"top\" kind=\"kpi\" direction=\"higher\"><name>全体</name><series/></indicator>\n</sheet>" },
  };
  g_autofree char *bad = sample_changed ("bad.xml", "<rating>mostly-on-track</rating>", "<rating>no-such</rating>");
  g_autofree char *refused = copy_sample ("refused.xml");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = sample_changed (files[i].name, files[i].find, files[i].replacement);
      g_autoptr(GError) error = NULL;
      g_autoptr(KenshoSheet) from_file = kensho_sheet_xml_load_file (path, &error);
      g_autoptr(KenshoDocument) document = NULL;
      g_autoptr(KenshoSheet) from_rows = NULL;

      g_assert_no_error (error);
      document = kensho_document_open_file (workspace, path, KENSHO_OPEN_DEFAULT, &error);
      g_assert_no_error (error);
      from_rows = kensho_workspace_load_sheet (workspace, kensho_document_get_id (document), &error);
      g_assert_no_error (error);
      g_assert_cmpuint (kensho_node_get_n_children (kensho_sheet_get_root (from_rows)), ==,
                        kensho_node_get_n_children (kensho_sheet_get_root (from_file)));
      g_assert_true (kensho_sheet_equal (from_rows, from_file));
      kensho_document_close (document);
      assert_checks_on (workspace);
    }

  before = describe_workspace (workspace);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KenshoDocument) document = kensho_document_open_file (workspace, bad, KENSHO_OPEN_DEFAULT, &error);

    g_assert_null (document);
    g_assert_error (error, KENSHO_FORMAT_ERROR, KENSHO_FORMAT_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "no-such"));
  }
  /* A row of the second goal refused by the database. */
  g_assert_cmpint (sqlite3_exec (_kensho_workspace_get_database (workspace),
                                 "CREATE TEMP TRIGGER refuse AFTER INSERT ON value WHEN new.nid = 'i30'"
                                 " BEGIN SELECT RAISE (ABORT, 'refused by the test'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(KenshoDocument) document = kensho_document_open_file (workspace, refused, KENSHO_OPEN_DEFAULT, &error);

    g_assert_null (document);
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "refused by the test"));
  }
  after = describe_workspace (workspace);
  g_assert_cmpstr (after, ==, before);
  assert_checks_on (workspace);
  g_assert_cmpint (query_workspace_int (workspace, "SELECT count(*) FROM node"), ==, 3 * 73 + 1);
}

static void
count_rows_changed (void *data, int operation, const char *database, const char *table, sqlite3_int64 row)
{
  (*(guint *) data)++;
}

static KenshoDocument *
open_async_and_wait (KenshoWorkspace *workspace, const char *path, GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  kensho_document_open_file_async (workspace, path, KENSHO_OPEN_DEFAULT, NULL, on_opened, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return kensho_document_open_file_finish (result, error);
}

/* File → Open of a file new to the workspace: its thread reads it and
 * brings it in, on a connection of its own, so that the window's thread
 * writes one row (the open flag), not the sheet's hundreds; the
 * workspace holds the file's sheet, linked and open. A row refused there
 * fails the open and leaves the workspace as it was. */
static void
test_open_async_brought_in_by_thread (void)
{
  g_autofree char *path = copy_sample ("brought-in.xml");
  g_autofree char *refused = copy_sample ("refused-in-thread.xml");
  g_autoptr(KenshoWorkspace) workspace = open_workspace ("brought-in.db");
  sqlite3 *db = _kensho_workspace_get_database (workspace);
  g_autoptr(KenshoDocument) document = NULL;
  g_autoptr(KenshoSheet) sample = load_sample ();
  g_autoptr(KenshoSheet) from_rows = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint rows_changed = 0;

  sqlite3_update_hook (db, count_rows_changed, &rows_changed);
  document = open_async_and_wait (workspace, path, &error);
  sqlite3_update_hook (db, NULL, NULL);
  g_assert_no_error (error);
  g_assert_cmpuint (rows_changed, ==, 1);
  from_rows = kensho_workspace_load_sheet (workspace, kensho_document_get_id (document), &error);
  g_assert_no_error (error);
  g_assert_true (kensho_sheet_equal (from_rows, sample));
  g_assert_true (kensho_sheet_equal (kensho_document_get_sheet (document), sample));
  g_assert_cmpint (kensho_workspace_find_by_path (workspace, path), ==, kensho_document_get_id (document));
  g_assert_false (kensho_document_get_unsaved (document));
  entries = kensho_workspace_list (workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_true (((KenshoWorkspaceEntry *) entries->pdata[0])->open);
  assert_checks_on (workspace);

  /* Edits go on meanwhile (the thread holds the write lock while it
   * writes: a commit here waits for it). */
  g_assert_cmpint (sqlite3_exec (db, "CREATE TRIGGER refuse AFTER INSERT ON value WHEN new.nid = 'i30'"
                                     " BEGIN SELECT RAISE (ABORT, 'refused by the test'); END",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  {
    g_autoptr(KenshoDocument) second = NULL;
    g_autoptr(GAsyncResult) result = NULL;

    kensho_document_open_file_async (workspace, refused, KENSHO_OPEN_DEFAULT, NULL, on_opened, &result);
    kensho_sheet_set_title (kensho_document_get_sheet (document), "開いている間の編集");
    g_assert_true (kensho_workspace_flush (workspace, NULL));
    while (result == NULL)
      g_main_context_iteration (NULL, TRUE);
    second = kensho_document_open_file_finish (result, &error);
    g_assert_null (second);
    g_assert_nonnull (error);
    g_assert_nonnull (strstr (error->message, "refused by the test"));
    g_clear_error (&error);
  }
  g_assert_cmpint (sqlite3_exec (db, "DROP TRIGGER refuse", NULL, NULL, NULL), ==, SQLITE_OK);
  /* Nothing of the refused file; the edit made meanwhile is there. */
  g_assert_cmpint (kensho_workspace_find_by_path (workspace, refused), ==, 0);
  g_clear_pointer (&entries, g_ptr_array_unref);
  entries = kensho_workspace_list (workspace, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 1);
  g_assert_cmpint (query_workspace_int (workspace, "SELECT count(*) FROM node"), ==, 73);
  g_clear_object (&from_rows);
  from_rows = kensho_workspace_load_sheet (workspace, kensho_document_get_id (document), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kensho_sheet_get_title (from_rows), ==, "開いている間の編集");
  assert_checks_on (workspace);
  kensho_document_close (document);
}

/* The same new file opened twice at once (the second read-only, as a
 * person does when the first holds its lock): both threads read it and
 * would bring it in; the second to write finds it there, writes nothing,
 * and its document is the same sheet. Also what a cancelled open whose
 * thread went on, then opened again, comes to. */
static void
test_open_async_twice_one_sheet (void)
{
  g_autofree char *path = copy_sample ("twice.xml");
  g_autoptr(KenshoWorkspace) workspace = open_workspace ("twice.db");
  g_autoptr(GAsyncResult) first_result = NULL;
  g_autoptr(GAsyncResult) second_result = NULL;
  g_autoptr(KenshoDocument) first = NULL;
  g_autoptr(KenshoDocument) second = NULL;
  g_autoptr(KenshoSheet) sample = load_sample ();
  g_autoptr(GError) error = NULL;

  kensho_document_open_file_async (workspace, path, KENSHO_OPEN_DEFAULT, NULL, on_opened, &first_result);
  kensho_document_open_file_async (workspace, path, KENSHO_OPEN_READ_ONLY, NULL, on_opened, &second_result);
  while (first_result == NULL || second_result == NULL)
    g_main_context_iteration (NULL, TRUE);
  first = kensho_document_open_file_finish (first_result, &error);
  g_assert_no_error (error);
  second = kensho_document_open_file_finish (second_result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kensho_document_get_id (first), ==, kensho_document_get_id (second));
  g_assert_cmpuint (count_entries_of (workspace, path), ==, 1);
  g_assert_cmpint (query_workspace_int (workspace, "SELECT count(*) FROM node"), ==, 73);
  g_assert_true (kensho_sheet_equal (kensho_document_get_sheet (second), sample));
  assert_checks_on (workspace);
  kensho_document_close (second);
  kensho_document_close (first);
}

/* A new sheet never in a file is added with its flag in the same commit. */
static void
test_untitled_cut_short (void)
{
  g_autoptr(KenshoWorkspace) workspace = open_workspace ("untitled.db");
  g_autoptr(KenshoSheet) sheet = load_sample ();
  g_autoptr(KenshoDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  Commits commits = { 0, 1 };

  sqlite3_commit_hook (_kensho_workspace_get_database (workspace), on_commit, &commits);
  document = kensho_document_new_untitled (workspace, sheet, &error);
  sqlite3_commit_hook (_kensho_workspace_get_database (workspace), NULL, NULL);
  g_assert_null (document);
  g_assert_nonnull (error);
  g_assert_cmpint (query_workspace_int (workspace, "SELECT count(*) FROM sheet"), ==, 0);
  assert_checks_on (workspace);
}

/* The fingerprint is SHA-256 as GLib computes it, which the workspaces of
 * earlier versions hold. */
static void
test_fingerprint (void)
{
  gsize sizes[] = { 0, 1, 55, 56, 64, 1000, 1 << 20 };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autofree guint8 *data = g_malloc (MAX (sizes[i], 1));
      g_autoptr(GBytes) bytes = NULL;
      g_autofree char *ours = NULL;
      g_autofree char *glib = NULL;

      for (gsize j = 0; j < sizes[i]; j++)
        data[j] = (guint8) g_test_rand_int ();
      bytes = g_bytes_new (data, sizes[i]);
      ours = kensho_fingerprint_bytes (bytes);
      glib = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      g_assert_cmpstr (ours, ==, glib);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/workspace/round-trip-sample", test_round_trip_sample);
  g_test_add_func ("/workspace/round-trip-fixtures", test_round_trip_fixtures);
  g_test_add_func ("/workspace/edits-are-persisted", test_edits_are_persisted);
  g_test_add_func ("/workspace/typing-committed-within-a-second", test_typing_committed_within_a_second);
  g_test_add_func ("/workspace/new-workspace-identified", test_new_workspace_identified);
  g_test_add_func ("/workspace/migration-from-v1", test_migration_from_v1);
  g_test_add_func ("/workspace/migration-from-v2", test_migration_from_v2);
  g_test_add_func ("/workspace/migration-from-v3", test_migration_from_v3);
  g_test_add_func ("/workspace/damaged-database", test_damaged_database);
  g_test_add_func ("/workspace/set-aside-twice", test_set_aside_twice);
  g_test_add_func ("/workspace/damaged-in-use-not-set-aside", test_damaged_in_use_not_set_aside);
  g_test_add_func ("/workspace/damaged-concurrent", test_damaged_concurrent);
  g_test_add_func ("/workspace/not-a-database", test_not_a_database);
  g_test_add_func ("/workspace/sheet-or-folder-refused", test_sheet_or_folder_refused);
  g_test_add_func ("/workspace/empty-file-initialised", test_empty_file_initialised);
  g_test_add_func ("/workspace/new-workspace-made-whole", test_new_workspace_made_whole);
  g_test_add_func ("/workspace/foreign-database", test_foreign_database);
  g_test_add_func ("/workspace/newer-database", test_newer_database);
  g_test_add_func ("/workspace/two-processes", test_two_processes);
  g_test_add_func ("/workspace/lock", test_lock);
  g_test_add_func ("/workspace/open-async", test_open_async);
  g_test_add_func ("/workspace/open-async-brought-in-by-thread", test_open_async_brought_in_by_thread);
  g_test_add_func ("/workspace/open-async-twice-one-sheet", test_open_async_twice_one_sheet);
  g_test_add_func ("/workspace/stale-lock-broken", test_stale_lock_broken);
  g_test_add_func ("/workspace/lock-names-the-person", test_lock_names_the_person);
  g_test_add_func ("/workspace/lock-preferred-name", test_lock_preferred_name);
  g_test_add_func ("/workspace/own-lock-recognised", test_own_lock_recognised);
  g_test_add_func ("/workspace/on-network-not-wal", test_workspace_on_network_not_wal);
  g_test_add_data_func ("/workspace/smb/not-wal", check_journal_on_network, test_on_smb_share);
  g_test_add_data_func ("/workspace/second-person-sees-name", check_second_person_sees_name,
                        test_in_local_folder);
  g_test_add_data_func ("/workspace/smb/second-person-sees-name", check_second_person_sees_name,
                        test_on_smb_share);
  g_test_add_data_func ("/workspace/saves-never-partial", check_saves_never_partial, test_in_local_folder);
  g_test_add_data_func ("/workspace/save-async", check_save_async, test_in_local_folder);
  g_test_add_func ("/workspace/save-as-failed-keeps-lock", test_save_as_failed_keeps_lock);
  g_test_add_data_func ("/workspace/smb/save-async", check_save_async, test_on_smb_share);
  g_test_add_data_func ("/workspace/smb/saves-never-partial", check_saves_never_partial, test_on_smb_share);
  g_test_add_func ("/workspace/empty-lock", test_empty_lock);
  g_test_add_func ("/workspace/unlockable-folder-still-opens", test_unlockable_folder_still_opens);
  g_test_add_func ("/workspace/changed-on-disk", test_changed_on_disk);
  g_test_add_func ("/workspace/history-limit", test_history_limit);
  g_test_add_func ("/workspace/reopen-with-local-changes", test_reopen_with_local_changes);
  g_test_add_func ("/workspace/open-sheets-come-back", test_open_sheets_come_back);
  g_test_add_func ("/workspace/import-keeps-unsaved-edits", test_import_keeps_unsaved_edits);
  g_test_add_func ("/workspace/unsaved-one-truth", test_unsaved_one_truth);
  g_test_add_func ("/workspace/import-one-commit", test_one_commit);
  g_test_add_func ("/workspace/unsaved-told-after-the-end", test_unsaved_told_after_the_end);
  g_test_add_func ("/workspace/new-ignores-left-wal", test_new_workspace_ignores_left_wal);
  g_test_add_func ("/workspace/new-refuses-left-wal", test_new_workspace_refuses_left_wal);
  g_test_add_func ("/workspace/import-cut-short", test_cut_short);
  g_test_add_func ("/workspace/import-written-while-read", test_written_while_read);
  g_test_add_func ("/workspace/replace-leaves-nothing", test_replace_leaves_nothing);
  g_test_add_func ("/workspace/untitled-cut-short", test_untitled_cut_short);
  g_test_add_func ("/workspace/fingerprint-is-sha256", test_fingerprint);
  return g_test_run ();
}
