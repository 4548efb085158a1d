/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Writing a sheet's rows while its file is read (kensho-sheet-rows-writer.h).
 * The loading thread hands over each node at the top (mostly goals) once
 * nothing in it changes any more; this thread alone uses the workspace's
 * connection (opened SQLITE_OPEN_NOMUTEX: one thread at a time) until
 * _finish() joins it. */
#include "config.h"

#include "kensho-sheet-rows-writer.h"
#include "kensho-workspace-private.h"

typedef struct
{
  KenshoNode *node;          /* at the sheet's top */
  guint position;
} NodeToWrite;

struct _KenshoSheetRowsWriter
{
  KenshoWorkspace *workspace;
  gint64 id;
  GAsyncQueue *nodes;       /* NodeToWrite, then &no_more_nodes */
  GThread *thread;
  GError *error;            /* the thread's first failure: it writes no more */
};

static NodeToWrite no_more_nodes;

static gpointer
write_nodes (gpointer data)
{
  KenshoSheetRowsWriter *self = data;
  NodeToWrite *next;

  while ((next = g_async_queue_pop (self->nodes)) != &no_more_nodes)
    {
      if (self->error == NULL)
        ws_write_subtree (self->workspace, self->id, next->node, next->position, TRUE, &self->error);
      g_object_unref (next->node);
      g_free (next);
    }
  return NULL;
}

KenshoSheetRowsWriter *
kensho_sheet_rows_writer_start (KenshoWorkspace *workspace, GError **error)
{
  KenshoSheetRowsWriter *self;
  gint64 id;

  g_return_val_if_fail (KENSHO_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (workspace->transaction_depth > 0, NULL);

  if (!ws_insert_sheet_row (workspace, &id, error))
    return NULL;
  self = g_new0 (KenshoSheetRowsWriter, 1);
  self->workspace = g_object_ref (workspace);
  self->id = id;
  self->nodes = g_async_queue_new ();
  self->thread = g_thread_new ("kensho-rows", write_nodes, self);
  return self;
}

void
kensho_sheet_rows_writer_top_loaded (KenshoNode *node, guint position, gpointer writer)
{
  KenshoSheetRowsWriter *self = writer;
  NodeToWrite *next = g_new (NodeToWrite, 1);

  *next = (NodeToWrite) { g_object_ref (node), position };
  g_async_queue_push (self->nodes, next);
}

gint64
kensho_sheet_rows_writer_finish (KenshoSheetRowsWriter *self, KenshoSheet *sheet, gboolean all_told,
                                 GError **error)
{
  KenshoWorkspace *workspace = self->workspace;
  gint64 id = self->id;
  gboolean ok;

  g_async_queue_push (self->nodes, &no_more_nodes);
  g_thread_join (self->thread);
  g_async_queue_unref (self->nodes);
  ok = self->error == NULL;
  if (!ok)
    g_propagate_error (error, self->error);
  /* Nodes of a sheet the loader dropped (it read the file again the
   * usual way) are written over. */
  ok = ok && sheet != NULL &&
       (all_told ||
        (ws_delete_outline_rows (workspace, id, error) &&
         ws_write_subtree (workspace, id, kensho_sheet_get_root (sheet), 0, TRUE, error))) &&
       ws_write_meta (workspace, id, sheet, error);
  g_object_unref (workspace);
  g_free (self);
  return ok ? id : 0;
}
