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

#include <fcntl.h>
#include <unistd.h>

#include "kensho-workspace-private.h"

/* SQLite's own default for its automatic checkpoint. */
#define CHECKPOINT_FRAMES 1000

struct _WsSyncer
{
  GThread *thread;
  GMutex mutex;
  GCond cond;
  char *path;
  guint64 requested;  /* commits seen */
  guint64 done;       /* commits synced */
  gboolean checkpoint; /* the WAL is long: move it into the database */
  gboolean quit;
};

static gpointer
sync_thread (gpointer data)
{
  WsSyncer *syncer = data;
  g_autofree char *wal_path = g_strconcat (syncer->path, "-wal", NULL);
  sqlite3 *db = NULL;
  int wal_fd = -1;

  g_mutex_lock (&syncer->mutex);
  for (;;)
    {
      guint64 target;
      gboolean checkpoint;

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
        sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
      else
        {
          /* Another descriptor of the same file: fdatasync is the file's. */
          if (wal_fd < 0)
            wal_fd = open (wal_path, O_RDONLY | O_CLOEXEC);
          if (wal_fd >= 0)
            fdatasync (wal_fd);
        }
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
ws_syncer_start (sqlite3 *db, const char *path)
{
  WsSyncer *syncer = g_new0 (WsSyncer, 1);

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
  g_mutex_clear (&syncer->mutex);
  g_cond_clear (&syncer->cond);
  g_free (syncer->path);
  g_free (syncer);
}
