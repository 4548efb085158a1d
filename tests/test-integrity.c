/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT
#include "config.h"

#include "test-integrity.h"

void
assert_database_sound (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* Read-write, as the app opens it: a process killed in WAL mode leaves a
   * log that only a writer may recover (read-only: SQLITE_READONLY). */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

GPtrArray *
reopen_workspace (const char *path, KenshoWorkspace **out_workspace)
{
  g_autoptr(GError) error = NULL;
  KenshoWorkspace *workspace;
  GPtrArray *entries;

  assert_database_sound (path);
  workspace = kensho_workspace_open (path, &error);
  g_assert_no_error (error);
  g_assert_null (kensho_workspace_get_notice (workspace));
  entries = kensho_workspace_list (workspace, &error);
  g_assert_no_error (error);
  *out_workspace = workspace;
  return entries;
}
