/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A sheet's link to its file, its flags, and the file's earlier contents. */
#include "config.h"

#include "kensho-workspace-private.h"

gint64
kensho_workspace_find_by_path (KenshoWorkspace *self, const char *path)
{
  sqlite3_stmt *stmt = ws_statement (self, "SELECT id FROM sheet WHERE file_path = ?1"
                                           " ORDER BY modified DESC LIMIT 1");
  gint64 id = 0;

  ws_bind_text (stmt, 1, path);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* Links and flags --------------------------------------------------------- */

gboolean
kensho_workspace_set_link (KenshoWorkspace *self, gint64 id, const char *path,
                           const char *fingerprint, GError **error)
{
  sqlite3_stmt *stmt = ws_statement (self, "UPDATE sheet SET file_path = ?2, file_fingerprint = ?3,"
                                           " unsaved = 0 WHERE id = ?1");
  gboolean was = kensho_workspace_get_unsaved (self, id);

  sqlite3_bind_int64 (stmt, 1, id);
  ws_bind_text (stmt, 2, path);
  ws_bind_text (stmt, 3, fingerprint);
  if (!ws_step_done (self, stmt, error))
    return FALSE;
  if (was != kensho_workspace_get_unsaved (self, id))
    ws_emit_unsaved_changed (self, id);
  return TRUE;
}

/* A sheet never saved to a file (a new one) has nothing saved to match. */
gboolean
kensho_workspace_mark_unsaved (KenshoWorkspace *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = ws_statement (self, "UPDATE sheet SET unsaved = 1 WHERE id = ?1");
  gboolean was = kensho_workspace_get_unsaved (self, id);

  sqlite3_bind_int64 (stmt, 1, id);
  if (!ws_step_done (self, stmt, error))
    return FALSE;
  if (!was)
    ws_emit_unsaved_changed (self, id);
  return TRUE;
}

static char *
query_sheet_text (KenshoWorkspace *self, gint64 id, const char *sql)
{
  sqlite3_stmt *stmt = ws_statement (self, sql);
  char *text = NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup (ws_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return text;
}

char *
kensho_workspace_dup_fingerprint (KenshoWorkspace *self, gint64 id)
{
  return query_sheet_text (self, id, "SELECT file_fingerprint FROM sheet WHERE id = ?1");
}

char *
kensho_workspace_dup_path (KenshoWorkspace *self, gint64 id)
{
  return query_sheet_text (self, id, "SELECT file_path FROM sheet WHERE id = ?1");
}

/* The flag as committed; edits still pending are not in it. */
gboolean
ws_get_saved_unsaved (KenshoWorkspace *self, gint64 id)
{
  sqlite3_stmt *stmt = ws_statement (self, "SELECT unsaved FROM sheet WHERE id = ?1");
  gboolean unsaved = FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    unsaved = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return unsaved;
}

/* The one place a sheet's "changes not saved to the file" lives: edits
 * pending in memory, then the flag each commit sets and a save clears. */
gboolean
kensho_workspace_get_unsaved (KenshoWorkspace *self, gint64 id)
{
  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), FALSE);
  return ws_has_pending_id (self, id) || ws_get_saved_unsaved (self, id);
}

gboolean
kensho_workspace_set_open (KenshoWorkspace *self, gint64 id, gboolean open, GError **error)
{
  sqlite3_stmt *stmt = ws_statement (self, "UPDATE sheet SET is_open = ?2 WHERE id = ?1");

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, open);
  return ws_step_done (self, stmt, error);
}

/* History ----------------------------------------------------------------- */

guint
kensho_workspace_get_history_limit (KenshoWorkspace *self)
{
  return self->history_limit;
}

void
kensho_workspace_set_history_limit (KenshoWorkspace *self, guint limit)
{
  self->history_limit = MAX (limit, 1);
}

gboolean
kensho_workspace_add_history (KenshoWorkspace *self, gint64 id, const char *path, GBytes *content,
                              GError **error)
{
  sqlite3_stmt *stmt;
  gsize size;
  const void *data = g_bytes_get_data (content, &size);
  gboolean ok;

  if (!ws_begin (self, error))
    return FALSE;
  stmt = ws_statement (self, "INSERT INTO history (sheet_id, saved_at, path, content)"
                             " VALUES (?1, ?2, ?3, ?4)");
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  ws_bind_text (stmt, 3, path);
  sqlite3_bind_blob64 (stmt, 4, data ? data : "", size, SQLITE_TRANSIENT);
  ok = ws_step_done (self, stmt, error);
  if (ok)
    {
      stmt = ws_statement (self, "DELETE FROM history WHERE sheet_id = ?1 AND id NOT IN"
                                 " (SELECT id FROM history WHERE sheet_id = ?1"
                                 "  ORDER BY id DESC LIMIT ?2)");
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) self->history_limit);
      ok = ws_step_done (self, stmt, error);
    }
  return ws_commit_or_rollback (self, ok, error);
}

/* Newest first. */
GPtrArray *
kensho_workspace_list_history (KenshoWorkspace *self, gint64 id, GError **error)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) kensho_history_entry_free);
  sqlite3_stmt *stmt = ws_statement (self, "SELECT id, saved_at, path, content FROM history"
                                           " WHERE sheet_id = ?1 ORDER BY id DESC");

  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      KenshoHistoryEntry *entry = g_new0 (KenshoHistoryEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->saved_at = sqlite3_column_int64 (stmt, 1);
      entry->path = g_strdup (ws_column_text (stmt, 2));
      entry->content = g_bytes_new (sqlite3_column_blob (stmt, 3), sqlite3_column_bytes (stmt, 3));
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  return entries;
}
