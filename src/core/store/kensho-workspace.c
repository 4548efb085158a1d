/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <unistd.h>

#include "kensho-error.h"
#include "kensho-workspace-private.h"

G_DEFINE_FINAL_TYPE (KenshoWorkspace, kensho_workspace, G_TYPE_OBJECT)

enum { STATUS_CHANGED, UNSAVED_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

void
kensho_workspace_entry_free (KenshoWorkspaceEntry *entry)
{
  g_free (entry->title);
  g_free (entry->municipality);
  g_free (entry->path);
  g_free (entry);
}

void
kensho_history_entry_free (KenshoHistoryEntry *entry)
{
  g_free (entry->path);
  g_clear_pointer (&entry->content, g_bytes_unref);
  g_free (entry);
}


static void
kensho_workspace_dispose (GObject *object)
{
  KenshoWorkspace *self = KENSHO_WORKSPACE (object);

  /* Whatever is still pending is written before the database closes. */
  if (self->db != NULL && self->tracked != NULL)
    kensho_workspace_flush (self, NULL);
  g_clear_handle_id (&self->flush_source, g_source_remove);
  g_clear_pointer (&self->tracked, g_hash_table_unref);
  G_OBJECT_CLASS (kensho_workspace_parent_class)->dispose (object);
}

static void
kensho_workspace_finalize (GObject *object)
{
  KenshoWorkspace *self = KENSHO_WORKSPACE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  /* The checkpoint of closing syncs the WAL before it copies it. */
  if (self->syncer != NULL)
    ws_syncer_stop (self->syncer, self->db);
  if (self->db != NULL)
    sqlite3_close (self->db);
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_free (self->path);
  g_free (self->notice);
  g_free (self->write_error);
  g_free (self->sync_error);
  g_clear_pointer (&self->unsaved_told_later, g_array_unref);
  G_OBJECT_CLASS (kensho_workspace_parent_class)->finalize (object);
}

static void
kensho_workspace_class_init (KenshoWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kensho_workspace_dispose;
  object_class->finalize = kensho_workspace_finalize;

  /* SQLite counts its memory under a global mutex at every allocation
   * (5 % of an import); no one reads the counts. Possible only before
   * SQLite starts: later it refuses, harmlessly. */
  sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);

  /* Emitted when a commit fails or succeeds again: the window tells the user. */
  signals[STATUS_CHANGED] = g_signal_new ("status-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
  /* A sheet's unsaved flag (kensho_workspace_get_unsaved()) flipped: the
   * workspace is where it lives, its documents follow. */
  signals[UNSAVED_CHANGED] = g_signal_new ("unsaved-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
kensho_workspace_init (KenshoWorkspace *self)
{
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
  self->tracked = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) ws_tracked_sheet_free);
  self->history_limit = 20;
  self->lock_fd = -1;
}

char *
kensho_workspace_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "kensho", "workspace.db", NULL);
}

gboolean
ws_set_sqlite_error (KenshoWorkspace *self, GError **error)
{
  int code = sqlite3_errcode (self->db);
  GIOErrorEnum io_code;
  const char *reason;

  switch (code & 0xff)
    {
    case SQLITE_FULL: io_code = G_IO_ERROR_NO_SPACE; reason = _("The disk is full."); break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      io_code = G_IO_ERROR_PERMISSION_DENIED;
      reason = _("The workspace cannot be written to.");
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: io_code = G_IO_ERROR_BUSY; reason = _("Another program keeps the workspace busy."); break;
    default: io_code = G_IO_ERROR_FAILED; reason = sqlite3_errmsg (self->db); break;
    }
  g_set_error (error, G_IO_ERROR, io_code, _("The workspace could not be updated: %s"), reason);
  return FALSE;
}

gboolean
ws_exec (KenshoWorkspace *self, const char *sql, GError **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return ws_set_sqlite_error (self, error);
  return TRUE;
}

/* Statements are prepared once and kept: the key is the literal's address. */
sqlite3_stmt *
ws_statement (KenshoWorkspace *self, const char *sql)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt == NULL)
    {
      if (sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        g_error ("Bad SQL: %s: %s", sql, sqlite3_errmsg (self->db));
      g_hash_table_insert (self->statements, (gpointer) sql, stmt);
    }
  else
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
    }
  return stmt;
}

/* Not copied: every caller steps the statement while the text lives, and
 * ws_statement() clears what a statement kept before it is used again. */
void
ws_bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

const char *
ws_column_text (sqlite3_stmt *stmt, int index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}

gboolean
ws_step_done (KenshoWorkspace *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return ws_set_sqlite_error (self, error);
  return TRUE;
}

gint64
ws_query_int (KenshoWorkspace *self, const char *sql, int *rc)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value = 0;

  *rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (*rc == SQLITE_OK)
    {
      *rc = sqlite3_step (stmt);
      if (*rc == SQLITE_ROW)
        {
          value = sqlite3_column_int64 (stmt, 0);
          *rc = SQLITE_OK;
        }
      else if (*rc == SQLITE_DONE)
        *rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);
  return value;
}


/* A transaction, or a part of the one already begun: nothing is seen
 * until the outermost one commits, and a part that fails makes its caller
 * end the whole with ok FALSE. */
gboolean
ws_begin (KenshoWorkspace *self, GError **error)
{
  if (self->transaction_depth > 0)
    {
      self->transaction_depth++;
      return TRUE;
    }
  if (!ws_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->transaction_depth = 1;
  return TRUE;
}

/* The same, for writing sheets whole: their rows refer only to rows
 * written before them in the transaction, and checking each reference
 * was a lookup per row, a fifth of an import. The pragma cannot change
 * inside a transaction: within one begun checked, the checks stay. */
gboolean
ws_begin_unchecked (KenshoWorkspace *self, GError **error)
{
  if (self->transaction_depth == 0)
    {
      if (!ws_exec (self, "PRAGMA foreign_keys = OFF", error))
        return FALSE;
      self->unchecked = TRUE;
    }
  if (ws_begin (self, error))
    return TRUE;
  if (self->unchecked)
    ws_exec (self, "PRAGMA foreign_keys = ON", NULL);
  self->unchecked = FALSE;
  return FALSE;
}

/* What changed in the transaction just ended, told now that the handlers
 * read what it left (the state before it, if it was rolled back). */
static void
tell_unsaved_later (KenshoWorkspace *self)
{
  g_autoptr(GArray) ids = g_steal_pointer (&self->unsaved_told_later);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    g_signal_emit (self, signals[UNSAVED_CHANGED], 0, g_array_index (ids, gint64, i));
}

gboolean
ws_commit_or_rollback (KenshoWorkspace *self, gboolean ok, GError **error)
{
  g_return_val_if_fail (self->transaction_depth > 0, FALSE);

  if (--self->transaction_depth > 0)
    return ok;
  if (!ok || !ws_exec (self, "COMMIT", error))
    {
      ws_exec (self, "ROLLBACK", NULL);
      ok = FALSE;
    }
  if (self->unchecked)
    ws_exec (self, "PRAGMA foreign_keys = ON", NULL);
  self->unchecked = FALSE;
  tell_unsaved_later (self);
  return ok;
}

gboolean
kensho_workspace_begin_import (KenshoWorkspace *self, GError **error)
{
  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), FALSE);
  return ws_begin_unchecked (self, error);
}

gboolean
kensho_workspace_end_import (KenshoWorkspace *self, gboolean ok, GError **error)
{
  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), FALSE);
  return ws_commit_or_rollback (self, ok, error);
}

gboolean
kensho_workspace_is_on_network (KenshoWorkspace *self)
{
  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), FALSE);
  return self->on_network;
}

const char *
kensho_workspace_get_path (KenshoWorkspace *self)
{
  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), NULL);
  return self->path;
}

const char *
kensho_workspace_get_notice (KenshoWorkspace *self)
{
  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), NULL);
  return self->notice;
}

const char *
kensho_workspace_get_write_error (KenshoWorkspace *self)
{
  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), NULL);
  return self->write_error != NULL ? self->write_error : self->sync_error;
}

const char *
kensho_workspace_get_sync_error (KenshoWorkspace *self)
{
  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), NULL);
  return self->sync_error;
}

/* The sheets it holds ------------------------------------------------------ */


gboolean
kensho_workspace_delete_sheet (KenshoWorkspace *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = ws_statement (self, "DELETE FROM sheet WHERE id = ?1");

  sqlite3_bind_int64 (stmt, 1, id);
  return ws_step_done (self, stmt, error);
}

GPtrArray *
kensho_workspace_list (KenshoWorkspace *self, GError **error)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) kensho_workspace_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), entries);

  stmt = ws_statement (self, "SELECT id, title, municipality, fiscal_year, file_path, unsaved, is_open,"
                             " modified FROM sheet ORDER BY modified DESC, id DESC");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KenshoWorkspaceEntry *entry = g_new0 (KenshoWorkspaceEntry, 1);
      g_autoptr(KenshoSheet) scratch = kensho_sheet_new ();

      /* The display title comes from the model, so it reads the same everywhere. */
      kensho_sheet_set_title (scratch, ws_column_text (stmt, 1));
      kensho_sheet_set_fiscal_year (scratch, sqlite3_column_int (stmt, 3));
      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->title = kensho_sheet_dup_display_title (scratch);
      entry->municipality = g_strdup (ws_column_text (stmt, 2));
      entry->path = g_strdup (ws_column_text (stmt, 4));
      entry->unsaved = sqlite3_column_int (stmt, 5);
      entry->open = sqlite3_column_int (stmt, 6);
      entry->modified = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_ptr_array_unref (entries);
      ws_set_sqlite_error (self, error);
      return NULL;
    }
  return entries;
}

void
ws_emit_status_changed (KenshoWorkspace *self)
{
  g_signal_emit (self, signals[STATUS_CHANGED], 0);
}

void
ws_emit_unsaved_changed (KenshoWorkspace *self, gint64 id)
{
  /* Inside a transaction the change may yet be rolled back. */
  if (self->transaction_depth > 0)
    {
      if (self->unsaved_told_later == NULL)
        self->unsaved_told_later = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; i < self->unsaved_told_later->len; i++)
        if (g_array_index (self->unsaved_told_later, gint64, i) == id)
          return;
      g_array_append_val (self->unsaved_told_later, id);
      return;
    }
  g_signal_emit (self, signals[UNSAVED_CHANGED], 0, id);
}

/* For the hand-out records (kensho-handout-store.c). */
sqlite3 *
_kensho_workspace_get_database (KenshoWorkspace *self)
{
  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), NULL);
  return self->db;
}

gboolean
_kensho_workspace_set_error (KenshoWorkspace *self, GError **error)
{
  return ws_set_sqlite_error (self, error);
}

void
_kensho_workspace_wait_synced (KenshoWorkspace *self)
{
  g_return_if_fail (KENSHO_IS_WORKSPACE (self));
  if (self->syncer != NULL)
    ws_syncer_wait (self->syncer);
}
