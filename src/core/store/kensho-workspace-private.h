/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "kensho-workspace.h"

G_BEGIN_DECLS

/* What the parts of KenshoWorkspace share: kensho-workspace.c (the object,
 * SQL helpers, the sheets it holds), -schema.c (opening, schema and
 * migrations), -rows.c (sheet <-> rows), -history.c (links, flags, earlier
 * contents), -autosave.c (following a sheet's changes). */

typedef struct _WsSyncer WsSyncer;

struct _KenshoWorkspace
{
  GObject parent_instance;
  char *path;
  char *notice;        /* why a damaged workspace was set aside, or an empty file used */
  char *write_error;   /* why the last commit failed, NULL when all is written */
  char *sync_error;    /* why the last sync after a commit failed, NULL once one succeeds */
  sqlite3 *db;
  int lock_fd;         /* PATH.lock, or -1: see lock_byte() */
  GHashTable *statements; /* SQL text (a literal) → sqlite3_stmt */
  GHashTable *tracked;    /* KenshoSheet → TrackedSheet */
  guint flush_source;
  guint history_limit;
  gboolean on_network;    /* TRUNCATE journal, not WAL */
  guint transaction_depth; /* ws_begin() calls not yet ended */
  gboolean unchecked;      /* foreign keys off until the transaction ends */
  GArray *unsaved_told_later; /* sheet ids whose ::unsaved-changed waits for the transaction's end */
  WsSyncer *syncer;        /* local disks: commits synced in a thread */
};

typedef struct _TrackedSheet TrackedSheet;

G_GNUC_INTERNAL gboolean      ws_set_sqlite_error        (KenshoWorkspace *self,
                                                          GError         **error);
G_GNUC_INTERNAL gboolean      ws_exec                    (KenshoWorkspace *self,
                                                          const char      *sql,
                                                          GError         **error);
G_GNUC_INTERNAL sqlite3_stmt *ws_statement               (KenshoWorkspace *self,
                                                          const char      *sql);
G_GNUC_INTERNAL void          ws_bind_text               (sqlite3_stmt    *stmt,
                                                          int              index,
                                                          const char      *text);
G_GNUC_INTERNAL const char   *ws_column_text             (sqlite3_stmt    *stmt,
                                                          int              index);
G_GNUC_INTERNAL gboolean      ws_step_done               (KenshoWorkspace *self,
                                                          sqlite3_stmt    *stmt,
                                                          GError         **error);
G_GNUC_INTERNAL gint64        ws_query_int               (KenshoWorkspace *self,
                                                          const char      *sql,
                                                          int             *rc);
G_GNUC_INTERNAL gboolean      ws_begin                   (KenshoWorkspace *self,
                                                          GError         **error);
G_GNUC_INTERNAL gboolean      ws_begin_unchecked         (KenshoWorkspace *self,
                                                          GError         **error);
G_GNUC_INTERNAL gboolean      ws_commit_or_rollback      (KenshoWorkspace *self,
                                                          gboolean         ok,
                                                          GError         **error);
G_GNUC_INTERNAL void          ws_emit_status_changed     (KenshoWorkspace *self);
G_GNUC_INTERNAL void          ws_emit_unsaved_changed    (KenshoWorkspace *self,
                                                          gint64           id);

/* kensho-workspace-rows.c */
/* A new sheet's row, empty: its id in @id. */
G_GNUC_INTERNAL gboolean      ws_insert_sheet_row        (KenshoWorkspace *self,
                                                          gint64          *id,
                                                          GError         **error);
G_GNUC_INTERNAL gboolean      ws_delete_outline_rows     (KenshoWorkspace *self,
                                                          gint64           id,
                                                          GError         **error);
G_GNUC_INTERNAL gboolean      ws_write_meta              (KenshoWorkspace *self,
                                                          gint64           id,
                                                          KenshoSheet     *sheet,
                                                          GError         **error);
G_GNUC_INTERNAL gboolean      ws_write_node_row          (KenshoWorkspace *self,
                                                          gint64           id,
                                                          KenshoNode      *node,
                                                          guint            position,
                                                          GError         **error);
G_GNUC_INTERNAL gboolean      ws_write_subtree           (KenshoWorkspace *self,
                                                          gint64           id,
                                                          KenshoNode      *node,
                                                          guint            position,
                                                          gboolean         fresh,
                                                          GError         **error);
G_GNUC_INTERNAL gboolean      ws_write_indicator_content (KenshoWorkspace *self,
                                                          gint64           id,
                                                          KenshoIndicator *indicator,
                                                          gboolean         fresh,
                                                          GError         **error);

/* kensho-workspace-autosave.c */
G_GNUC_INTERNAL void          ws_tracked_sheet_free      (TrackedSheet    *tracked);
G_GNUC_INTERNAL gboolean      ws_has_pending_id          (KenshoWorkspace *self,
                                                          gint64           id);

/* kensho-workspace-sync.c */
/* A failed sync is told through the workspace's sync error (and so its
 * write error), on the main context of the thread that started it. */
G_GNUC_INTERNAL WsSyncer     *ws_syncer_start            (KenshoWorkspace *workspace,
                                                          sqlite3         *db,
                                                          const char      *path);
G_GNUC_INTERNAL void          ws_syncer_wait             (WsSyncer        *syncer);
G_GNUC_INTERNAL void          ws_syncer_stop             (WsSyncer        *syncer,
                                                          sqlite3         *db);

/* kensho-workspace-history.c */
G_GNUC_INTERNAL gboolean      ws_get_saved_unsaved       (KenshoWorkspace *self,
                                                          gint64           id);

/* For the hand-out records (kensho-handout-store.c). */
sqlite3  *_kensho_workspace_get_database (KenshoWorkspace *self);
gboolean  _kensho_workspace_set_error    (KenshoWorkspace *self,
                                          GError         **error);
/* For tests: waits until every commit so far is on the disk. */
void      _kensho_workspace_wait_synced  (KenshoWorkspace *self);

G_END_DECLS
