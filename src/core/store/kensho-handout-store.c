/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kensho-handout-store.h"
#include "kensho-sheet-xml.h"
#include "kensho-workspace-private.h"

void
kensho_handout_record_free (KenshoHandoutRecord *record)
{
  if (record == NULL)
    return;
  g_free (record->id);
  g_free (record->division);
  g_free (record->due);
  g_free (record->contact);
  g_free (record->format);
  g_free (record->path);
  g_free (record->answer_path);
  g_free (record);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

static sqlite3_stmt *
prepare (KenshoWorkspace *self, const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (_kensho_workspace_get_database (self), sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("Bad SQL: %s", sql);
  return stmt;
}

/* SQLite binds a NULL text as NULL. */
static void
bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static char *
dup_column (sqlite3_stmt *stmt, int index)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, index));
}

static gint64
parse_sent (const char *sent)
{
  g_autoptr(GDateTime) time = sent ? g_date_time_new_from_iso8601 (sent, NULL) : NULL;

  return time ? g_date_time_to_unix (time) : g_get_real_time () / G_USEC_PER_SEC;
}

gboolean
kensho_workspace_add_handout (KenshoWorkspace *self, gint64 sheet_id, KenshoSheet *handout,
                              const char *format, const char *path, GError **error)
{
  const KenshoHandoutTag *tag = kensho_sheet_get_handout (handout);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), FALSE);
  g_return_val_if_fail (tag != NULL && tag->base != NULL, FALSE);

  stmt = prepare (self, "INSERT INTO handout (hid, sheet_id, division, sent, due, contact, format, path, base)"
                        " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
  bind_text (stmt, 1, tag->id);
  sqlite3_bind_int64 (stmt, 2, sheet_id);
  bind_text (stmt, 3, tag->division);
  sqlite3_bind_int64 (stmt, 4, parse_sent (tag->sent));
  bind_text (stmt, 5, tag->due);
  bind_text (stmt, 6, tag->contact);
  bind_text (stmt, 7, format);
  bind_text (stmt, 8, path);
  sqlite3_bind_blob (stmt, 9, g_bytes_get_data (tag->base, NULL), (int) g_bytes_get_size (tag->base),
                     SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    return _kensho_workspace_set_error (self, error);
  return TRUE;
}

/* The hand-out's row with @columns, or NULL when the workspace did not send it. */
static sqlite3_stmt *
select_handout (KenshoWorkspace *self, const char *columns, const char *handout_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM handout WHERE hid = ?1", columns);
  g_autoptr(sqlite3_stmt) stmt = prepare (self, sql);

  bind_text (stmt, 1, handout_id);
  if (handout_id == NULL || sqlite3_step (stmt) != SQLITE_ROW)
    return NULL;
  return g_steal_pointer (&stmt);
}

GBytes *
kensho_workspace_dup_handout_base (KenshoWorkspace *self, const char *handout_id, gint64 *sheet_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), NULL);

  if ((stmt = select_handout (self, "base, sheet_id", handout_id)) == NULL)
    return NULL;
  if (sheet_id != NULL)
    *sheet_id = sqlite3_column_int64 (stmt, 1);
  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

char *
kensho_workspace_dup_handout_division (KenshoWorkspace *self, const char *handout_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), NULL);

  if ((stmt = select_handout (self, "division", handout_id)) == NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

gint64
kensho_workspace_add_answer (KenshoWorkspace *self, const char *handout_id, const char *path,
                             KenshoMerge *merge, gboolean merged, GError **error)
{
  sqlite3 *db = _kensho_workspace_get_database (self);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GPtrArray *items = kensho_merge_get_items (merge);
  gint64 id;

  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), 0);

  if (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    return _kensho_workspace_set_error (self, error), 0;
  stmt = prepare (self, "INSERT INTO answer (hid, received, path, merged, conflicts)"
                        " VALUES (?1, ?2, ?3, ?4, ?5)");
  bind_text (stmt, 1, handout_id);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  bind_text (stmt, 3, path);
  sqlite3_bind_int (stmt, 4, merged);
  sqlite3_bind_int (stmt, 5, merged ? 0 : (int) kensho_merge_get_n_open_conflicts (merge));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    goto failed;
  id = sqlite3_last_insert_rowid (db);
  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = prepare (self, "INSERT INTO answer_change (answer_id, position, kind, node_id, node_name, field,"
                        " base, theirs, mine, choice) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  for (guint i = 0; i < items->len; i++)
    {
      KenshoMergeItem *item = items->pdata[i];

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) i);
      sqlite3_bind_int (stmt, 3, item->kind);
      bind_text (stmt, 4, item->node_id);
      bind_text (stmt, 5, item->node_name);
      bind_text (stmt, 6, item->field);
      bind_text (stmt, 7, item->base);
      bind_text (stmt, 8, item->theirs);
      bind_text (stmt, 9, item->mine);
      sqlite3_bind_int (stmt, 10, item->choice);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        goto failed;
    }
  if (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    goto failed;
  return id;

failed:
  _kensho_workspace_set_error (self, error);
  sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return 0;
}

typedef gpointer (*RowFunc) (sqlite3_stmt *stmt);

/* One element per row of @stmt, bound to @id, made by @read_row. */
static GPtrArray *
collect_rows (KenshoWorkspace *self, const char *sql, gint64 id, RowFunc read_row, GDestroyNotify free_func,
              GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  g_autoptr(sqlite3_stmt) stmt = prepare (self, sql);
  int rc;

  sqlite3_bind_int64 (stmt, 1, id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_row (stmt));
  if (rc != SQLITE_DONE)
    return _kensho_workspace_set_error (self, error), NULL;
  return g_steal_pointer (&rows);
}

static gpointer
read_record (sqlite3_stmt *stmt)
{
  KenshoHandoutRecord *record = g_new0 (KenshoHandoutRecord, 1);

  record->id = dup_column (stmt, 0);
  record->sheet_id = sqlite3_column_int64 (stmt, 12);
  record->division = dup_column (stmt, 1);
  record->sent = sqlite3_column_int64 (stmt, 2);
  record->due = dup_column (stmt, 3);
  record->contact = dup_column (stmt, 4);
  record->format = dup_column (stmt, 5);
  record->path = dup_column (stmt, 6);
  record->answer_id = sqlite3_column_int64 (stmt, 7);
  record->received = sqlite3_column_int64 (stmt, 8);
  record->answer_path = dup_column (stmt, 9);
  record->merged = sqlite3_column_int (stmt, 10);
  record->conflicts = (guint) sqlite3_column_int (stmt, 11);
  return record;
}

GPtrArray *
kensho_workspace_list_handouts (KenshoWorkspace *self, gint64 sheet_id, GError **error)
{
  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), NULL);

  return collect_rows (self,
                       "SELECT h.hid, h.division, h.sent, h.due, h.contact, h.format, h.path,"
                       " a.id, a.received, a.path, a.merged, a.conflicts, h.sheet_id"
                       " FROM handout h LEFT JOIN answer a ON a.id ="
                       "  (SELECT max (id) FROM answer WHERE hid = h.hid)"
                       " WHERE h.sheet_id = ?1 ORDER BY h.sent DESC, h.rowid DESC",
                       sheet_id, read_record, (GDestroyNotify) kensho_handout_record_free, error);
}

static gpointer
read_item (sqlite3_stmt *stmt)
{
  KenshoMergeItem *item = g_new0 (KenshoMergeItem, 1);

  item->kind = sqlite3_column_int (stmt, 0);
  item->node_id = dup_column (stmt, 1);
  item->node_name = dup_column (stmt, 2);
  item->field = dup_column (stmt, 3);
  item->base = dup_column (stmt, 4);
  item->theirs = dup_column (stmt, 5);
  item->mine = dup_column (stmt, 6);
  item->choice = sqlite3_column_int (stmt, 7);
  return item;
}

GPtrArray *
kensho_workspace_list_answer_items (KenshoWorkspace *self, gint64 answer_id, GError **error)
{
  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), NULL);

  return collect_rows (self,
                       "SELECT kind, node_id, node_name, field, base, theirs, mine, choice"
                       " FROM answer_change WHERE answer_id = ?1 ORDER BY position",
                       answer_id, read_item, (GDestroyNotify) kensho_merge_item_free, error);
}
