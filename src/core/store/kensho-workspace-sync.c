/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Making commits durable off the caller's thread. On a local disk the
 * workspace commits with synchronous=NORMAL: a commit is written to the
 * WAL (safe from a crash of Kensho at once) without waiting for the disk.
 * After each commit this thread syncs the WAL (safe from a power cut a
 * few milliseconds later), and once the WAL is long it checkpoints it
 * into the database, which SQLite would otherwise do, syncing, on the
 * committing thread: typing never waits on fdatasync. (A WAL that a
 * checkpoint emptied is started again by the next commit, which syncs its
 * new header: once per CHECKPOINT_FRAMES pages committed.) */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "kensho-workspace-private.h"

/* SQLite's own default for its automatic checkpoint. */
#define CHECKPOINT_FRAMES 1000

/* The workspace, for the thread to tell it of a failed sync on its own
 * main context; shared with the messages on their way, which may arrive
 * after the workspace and the thread are gone. */
typedef struct
{
  GWeakRef workspace;
} WorkspaceRef;

typedef struct
{
  WorkspaceRef *ref;
  int saved_errno;
} SyncFailure;

struct _WsSyncer
{
  GThread *thread;
  GMainContext *context;
  WorkspaceRef *ref;
  GMutex mutex;
  GCond cond;
  char *path;
  guint64 requested;  /* commits seen */
  guint64 done;       /* commits synced */
  gboolean checkpoint; /* the WAL is long: move it into the database */
  gboolean quit;
};

static void
workspace_ref_clear (WorkspaceRef *ref)
{
  g_weak_ref_clear (&ref->workspace);
}

static void
sync_failure_free (SyncFailure *failure)
{
  g_atomic_rc_box_release_full (failure->ref, (GDestroyNotify) workspace_ref_clear);
  g_free (failure);
}

static gboolean
report_failure (gpointer data)
{
  SyncFailure *failure = data;
  g_autoptr(KenshoWorkspace) workspace = g_weak_ref_get (&failure->ref->workspace);

  if (workspace != NULL)
    {
      g_clear_pointer (&workspace->sync_error, g_free);
      /* The commits are in the WAL: safe from a crash, not from a power
       * cut. The window words it: "Your edits are in the workspace, but …"
       * (kensho_workspace_get_sync_error()). */
      if (failure->saved_errno != 0)
        workspace->sync_error = g_strdup_printf (_("the disk did not confirm that it holds them (%s)."),
                                                 g_strerror (failure->saved_errno));
      ws_emit_status_changed (workspace);
    }
  return G_SOURCE_REMOVE;
}

/* On the sync thread: told on the workspace's main context; 0, a sync
 * that succeeded after one that failed. */
static void
tell_failure (WsSyncer *syncer, int saved_errno)
{
  SyncFailure *failure = g_new0 (SyncFailure, 1);
  GSource *source = g_idle_source_new ();

  failure->ref = g_atomic_rc_box_acquire (syncer->ref);
  failure->saved_errno = saved_errno;
  /* Not g_main_context_invoke(), which would run it here when the main
   * context is free. */
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, report_failure, failure, (GDestroyNotify) sync_failure_free);
  g_source_attach (source, syncer->context);
  g_source_unref (source);
}

static gpointer
sync_thread (gpointer data)
{
  WsSyncer *syncer = data;
  g_autofree char *wal_path = g_strconcat (syncer->path, "-wal", NULL);
  sqlite3 *db = NULL;
  int wal_fd = -1;
  gboolean failing = FALSE;

  g_mutex_lock (&syncer->mutex);
  for (;;)
    {
      guint64 target;
      gboolean checkpoint;
      int failed = 0;

      while (!syncer->quit && syncer->done == syncer->requested)
        g_cond_wait (&syncer->cond, &syncer->mutex);
      if (syncer->done == syncer->requested)
        break;
      target = syncer->requested;
      checkpoint = syncer->checkpoint;
      syncer->checkpoint = FALSE;
      g_mutex_unlock (&syncer->mutex);
      /* A checkpoint syncs the WAL before it copies it (FULL: the database
       * after). PASSIVE never waits for the writer. What fails (a full
       * disk) stays in the WAL, safe from a crash, for the next try or the
       * checkpoint of closing. */
      if (checkpoint && db == NULL &&
          sqlite3_open_v2 (syncer->path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK)
        {
          sqlite3_busy_timeout (db, 5000);
          sqlite3_exec (db, "PRAGMA synchronous = FULL", NULL, NULL, NULL);
        }
      if (checkpoint && db != NULL)
        {
          int rc = sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);

          if ((rc & 0xff) == SQLITE_IOERR || rc == SQLITE_FULL)
            failed = rc == SQLITE_FULL ? ENOSPC : EIO;
        }
      else
        {
          /* Another descriptor of the same file: fdatasync is the file's. */
          if (wal_fd < 0)
            wal_fd = open (wal_path, O_RDONLY | O_CLOEXEC);
          if (wal_fd >= 0 && fdatasync (wal_fd) != 0)
            failed = errno;
        }
      /* Each failure, and the first success after them. */
      if (failed != 0 || failing)
        tell_failure (syncer, failed);
      failing = failed != 0;
      g_mutex_lock (&syncer->mutex);
      syncer->done = target;
      g_cond_broadcast (&syncer->cond);
    }
  g_mutex_unlock (&syncer->mutex);
  if (wal_fd >= 0)
    close (wal_fd);
  sqlite3_close (db);
  return NULL;
}

/* SQLite calls this after each commit in WAL mode, in place of its own
 * checkpoint (which would sync on the committing thread). */
static int
on_wal_commit (void *data, sqlite3 *db, const char *name, int n_frames)
{
  WsSyncer *syncer = data;

  g_mutex_lock (&syncer->mutex);
  syncer->requested++;
  if (n_frames >= CHECKPOINT_FRAMES)
    syncer->checkpoint = TRUE;
  g_cond_broadcast (&syncer->cond);
  g_mutex_unlock (&syncer->mutex);
  return SQLITE_OK;
}

WsSyncer *
ws_syncer_start (KenshoWorkspace *workspace, sqlite3 *db, const char *path)
{
  WsSyncer *syncer = g_new0 (WsSyncer, 1);

  syncer->context = g_main_context_ref_thread_default ();
  syncer->ref = g_atomic_rc_box_new0 (WorkspaceRef);
  g_weak_ref_init (&syncer->ref->workspace, workspace);

  g_mutex_init (&syncer->mutex);
  g_cond_init (&syncer->cond);
  syncer->path = g_strdup (path);
  syncer->thread = g_thread_new ("kensho-workspace-sync", sync_thread, syncer);
  sqlite3_wal_hook (db, on_wal_commit, syncer);
  return syncer;
}

/* Waits until every commit so far is synced. */
void
ws_syncer_wait (WsSyncer *syncer)
{
  g_mutex_lock (&syncer->mutex);
  while (syncer->done != syncer->requested)
    g_cond_wait (&syncer->cond, &syncer->mutex);
  g_mutex_unlock (&syncer->mutex);
}

/* Syncs what is pending and ends the thread; @db's hook goes first. */
void
ws_syncer_stop (WsSyncer *syncer, sqlite3 *db)
{
  sqlite3_wal_hook (db, NULL, NULL);
  g_mutex_lock (&syncer->mutex);
  syncer->quit = TRUE;
  g_cond_broadcast (&syncer->cond);
  g_mutex_unlock (&syncer->mutex);
  g_thread_join (syncer->thread);
  g_atomic_rc_box_release_full (syncer->ref, (GDestroyNotify) workspace_ref_clear);
  g_main_context_unref (syncer->context);
  g_mutex_clear (&syncer->mutex);
  g_cond_clear (&syncer->cond);
  g_free (syncer->path);
  g_free (syncer);
}
