/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Following a sheet's changes and committing them: the autosave. */
#include "config.h"

#include "kensho-workspace-private.h"

struct _TrackedSheet
{
  KenshoWorkspace *workspace;
  KenshoSheet *sheet;      /* weak */
  gint64 id;
  gulong handler;
  gboolean meta;           /* sheet metadata, scale or divisions changed */
  GHashTable *content;     /* KenshoNode → ref: fields changed */
  GHashTable *structure;   /* KenshoNode → ref: children changed */
};

void
ws_tracked_sheet_free (TrackedSheet *tracked)
{
  if (tracked->sheet != NULL)
    {
      g_signal_handler_disconnect (tracked->sheet, tracked->handler);
      g_object_remove_weak_pointer (G_OBJECT (tracked->sheet), (gpointer *) &tracked->sheet);
    }
  g_hash_table_unref (tracked->content);
  g_hash_table_unref (tracked->structure);
  g_free (tracked);
}

static gboolean
on_flush_timeout (gpointer user_data)
{
  KenshoWorkspace *self = user_data;

  self->flush_source = 0;
  kensho_workspace_flush (self, NULL);
  return G_SOURCE_REMOVE;
}

/* Typing waits a little so that keystrokes share a commit; the timer is
 * not pushed back by later keystrokes, so nothing waits longer than the
 * delay. Structure changes go at the next idle moment, once the remove and
 * insert of a move have both happened. */
static void
schedule_flush (KenshoWorkspace *self, gboolean soon)
{
  if (soon)
    {
      g_clear_handle_id (&self->flush_source, g_source_remove);
      self->flush_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_flush_timeout, self, NULL);
    }
  else if (self->flush_source == 0)
    self->flush_source = g_timeout_add (KENSHO_WORKSPACE_COMMIT_DELAY_MS, on_flush_timeout, self);
}

static gboolean tracked_is_pending (TrackedSheet *tracked);

static void
on_sheet_changed (KenshoSheet *sheet, int change, GObject *object, TrackedSheet *tracked)
{
  /* The first edit since the last save makes the sheet unsaved. */
  gboolean was = tracked_is_pending (tracked) ||
                 ws_get_saved_unsaved (tracked->workspace, tracked->id);

  switch (change)
    {
    case KENSHO_CHANGE_SHEET:
      tracked->meta = TRUE;
      schedule_flush (tracked->workspace, FALSE);
      break;
    case KENSHO_CHANGE_CONTENT:
      g_hash_table_add (tracked->content, g_object_ref (object));
      schedule_flush (tracked->workspace, FALSE);
      break;
    case KENSHO_CHANGE_STRUCTURE:
      g_hash_table_add (tracked->structure, g_object_ref (object));
      schedule_flush (tracked->workspace, TRUE);
      break;
    default:
      break;
    }
  if (!was && tracked_is_pending (tracked))
    ws_emit_unsaved_changed (tracked->workspace, tracked->id);
}

void
kensho_workspace_track (KenshoWorkspace *self, KenshoSheet *sheet, gint64 id)
{
  TrackedSheet *tracked;

  g_return_if_fail (KENSHO_IS_WORKSPACE (self));
  g_return_if_fail (KENSHO_IS_SHEET (sheet));
  g_return_if_fail (!g_hash_table_contains (self->tracked, sheet));

  tracked = g_new0 (TrackedSheet, 1);
  tracked->workspace = self;
  tracked->sheet = sheet;
  tracked->id = id;
  tracked->content = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  tracked->structure = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  g_object_add_weak_pointer (G_OBJECT (sheet), (gpointer *) &tracked->sheet);
  tracked->handler = g_signal_connect (sheet, "changed", G_CALLBACK (on_sheet_changed), tracked);
  g_hash_table_insert (self->tracked, sheet, tracked);
}

void
kensho_workspace_untrack (KenshoWorkspace *self, KenshoSheet *sheet)
{
  g_return_if_fail (KENSHO_IS_WORKSPACE (self));

  kensho_workspace_flush (self, NULL);
  g_hash_table_remove (self->tracked, sheet);
}

gint64
kensho_workspace_get_sheet_id (KenshoWorkspace *self, KenshoSheet *sheet)
{
  TrackedSheet *tracked = g_hash_table_lookup (self->tracked, sheet);

  return tracked ? tracked->id : 0;
}

static gboolean
tracked_is_pending (TrackedSheet *tracked)
{
  return tracked->meta || g_hash_table_size (tracked->content) > 0 ||
         g_hash_table_size (tracked->structure) > 0;
}

gboolean
ws_has_pending_id (KenshoWorkspace *self, gint64 id)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->tracked);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((TrackedSheet *) value)->id == id && tracked_is_pending (value))
      return TRUE;
  return FALSE;
}

gboolean
kensho_workspace_has_pending (KenshoWorkspace *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->tracked);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (tracked_is_pending (value))
      return TRUE;
  return FALSE;
}

/* Rows of nodes no longer in the sheet go, with their content. */
static gboolean
delete_removed_nodes (KenshoWorkspace *self, TrackedSheet *tracked, GError **error)
{
  g_autoptr(GPtrArray) removed = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt = ws_statement (self, "SELECT nid FROM node WHERE sheet_id = ?1");

  sqlite3_bind_int64 (stmt, 1, tracked->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (kensho_sheet_lookup (tracked->sheet, ws_column_text (stmt, 0)) == NULL)
      g_ptr_array_add (removed, g_strdup (ws_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  for (guint i = 0; i < removed->len; i++)
    {
      stmt = ws_statement (self, "DELETE FROM node WHERE sheet_id = ?1 AND nid = ?2");
      sqlite3_bind_int64 (stmt, 1, tracked->id);
      ws_bind_text (stmt, 2, g_ptr_array_index (removed, i));
      if (!ws_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
node_row_exists (KenshoWorkspace *self, gint64 id, KenshoNode *node)
{
  sqlite3_stmt *stmt = ws_statement (self, "SELECT 1 FROM node WHERE sheet_id = ?1 AND nid = ?2");
  gboolean exists;

  sqlite3_bind_int64 (stmt, 1, id);
  ws_bind_text (stmt, 2, kensho_node_get_id (node));
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return exists;
}

static gboolean
node_in_sheet (KenshoSheet *sheet, KenshoNode *node)
{
  return kensho_node_get_sheet (node) == sheet;
}

static gboolean
flush_tracked (KenshoWorkspace *self, TrackedSheet *tracked, GError **error)
{
  GHashTableIter iter;
  gpointer key;
  sqlite3_stmt *stmt;

  if (tracked->meta && !ws_write_meta (self, tracked->id, tracked->sheet, error))
    return FALSE;

  if (g_hash_table_size (tracked->structure) > 0)
    {
      if (!delete_removed_nodes (self, tracked, error))
        return FALSE;
      g_hash_table_iter_init (&iter, tracked->structure);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          KenshoNode *parent = key;
          guint n;

          if (!node_in_sheet (tracked->sheet, parent))
            continue;
          n = kensho_node_get_n_children (parent);
          for (guint i = 0; i < n; i++)
            {
              KenshoNode *child = kensho_node_get_child (parent, i);
              gboolean exists = node_row_exists (self, tracked->id, child);

              /* A moved node only changes place; a new one comes whole. */
              if (!(exists ? ws_write_node_row (self, tracked->id, child, i, error)
                           : ws_write_subtree (self, tracked->id, child, i, FALSE, error)))
                return FALSE;
            }
        }
    }

  g_hash_table_iter_init (&iter, tracked->content);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      KenshoNode *node = key;

      if (!node_in_sheet (tracked->sheet, node))
        continue;
      if (!ws_write_node_row (self, tracked->id, node, kensho_node_get_position (node), error))
        return FALSE;
      if (KENSHO_IS_INDICATOR (node) &&
          !ws_write_indicator_content (self, tracked->id, KENSHO_INDICATOR (node), FALSE, error))
        return FALSE;
    }

  stmt = ws_statement (self, "UPDATE sheet SET unsaved = 1, modified = ?2 WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, tracked->id);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  return ws_step_done (self, stmt, error);
}

/* Commits every pending change in one transaction. On failure (a full
 * disk, say) nothing is half-written: the changes stay pending in memory,
 * the user is told through ::status-changed, and the next flush retries. */
gboolean
kensho_workspace_flush (KenshoWorkspace *self, GError **error)
{
  g_autoptr(GError) local_error = NULL;
  GHashTableIter iter;
  gpointer value;
  gboolean ok, began;
  gboolean had_error;

  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), FALSE);

  g_clear_handle_id (&self->flush_source, g_source_remove);
  if (!kensho_workspace_has_pending (self))
    return TRUE;

  began = ok = ws_begin (self, &local_error);
  g_hash_table_iter_init (&iter, self->tracked);
  while (ok && g_hash_table_iter_next (&iter, NULL, &value))
    {
      TrackedSheet *tracked = value;

      if (tracked->sheet != NULL && tracked_is_pending (tracked))
        ok = flush_tracked (self, tracked, &local_error);
    }
  if (began)
    ok = ws_commit_or_rollback (self, ok, &local_error);

  had_error = self->write_error != NULL;
  if (ok)
    {
      g_hash_table_iter_init (&iter, self->tracked);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        {
          TrackedSheet *tracked = value;

          tracked->meta = FALSE;
          g_hash_table_remove_all (tracked->content);
          g_hash_table_remove_all (tracked->structure);
        }
      g_clear_pointer (&self->write_error, g_free);
      if (had_error)
        ws_emit_status_changed (self);
      return TRUE;
    }

  g_free (self->write_error);
  self->write_error = g_strdup (local_error ? local_error->message : "");
  ws_emit_status_changed (self);
  if (error != NULL)
    *error = g_steal_pointer (&local_error);
  return FALSE;
}
