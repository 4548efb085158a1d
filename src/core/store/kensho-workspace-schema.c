/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening a workspace: what is at its path, the locks, setting a damaged
 * one aside, and the schema with its migrations. */
#define _GNU_SOURCE /* open file description locks, renameat2 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kensho-error.h"
#include "kensho-filesystem.h"
#include "kensho-workspace-private.h"

/* Schema version 1: the sheet and everything in it. */
static const char schema_v1[] =
  "CREATE TABLE sheet ("
  "  id INTEGER PRIMARY KEY,"
  "  municipality TEXT, title TEXT, label TEXT, notes TEXT,"
  "  fiscal_year INTEGER NOT NULL, plan_first INTEGER NOT NULL,"
  "  plan_last INTEGER NOT NULL, baseline_year INTEGER NOT NULL,"
  "  scale_name TEXT,"
  "  file_path TEXT, file_fingerprint TEXT,"
  "  unsaved INTEGER NOT NULL DEFAULT 0,"
  "  is_open INTEGER NOT NULL DEFAULT 0,"
  "  created INTEGER NOT NULL, modified INTEGER NOT NULL);"
  "CREATE INDEX sheet_path ON sheet (file_path);"
  "CREATE TABLE rating ("
  "  sheet_id INTEGER NOT NULL REFERENCES sheet (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL, rid TEXT NOT NULL, label TEXT NOT NULL,"
  "  colour TEXT, delayed INTEGER NOT NULL,"
  "  PRIMARY KEY (sheet_id, position));"
  "CREATE TABLE division ("
  "  sheet_id INTEGER NOT NULL REFERENCES sheet (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL, name TEXT NOT NULL,"
  "  PRIMARY KEY (sheet_id, position));"
  "CREATE TABLE node ("
  "  sheet_id INTEGER NOT NULL REFERENCES sheet (id) ON DELETE CASCADE,"
  "  nid TEXT NOT NULL, parent TEXT, position INTEGER NOT NULL, kind INTEGER NOT NULL,"
  "  code TEXT, title TEXT, notes TEXT,"
  "  indicator_kind INTEGER, direction INTEGER, unit TEXT, division TEXT,"
  "  PRIMARY KEY (sheet_id, nid)) WITHOUT ROWID;"
  "CREATE INDEX node_parent ON node (sheet_id, parent, position);"
  "CREATE TABLE series ("
  "  sheet_id INTEGER NOT NULL, nid TEXT NOT NULL, position INTEGER NOT NULL, name TEXT,"
  "  PRIMARY KEY (sheet_id, nid, position),"
  "  FOREIGN KEY (sheet_id, nid) REFERENCES node (sheet_id, nid) ON DELETE CASCADE)"
  "  WITHOUT ROWID;"
  "CREATE TABLE value ("
  "  sheet_id INTEGER NOT NULL, nid TEXT NOT NULL, series INTEGER NOT NULL,"
  "  slot INTEGER NOT NULL, fy INTEGER NOT NULL,"
  "  number TEXT, text TEXT, unit TEXT, period TEXT, note TEXT,"
  "  PRIMARY KEY (sheet_id, nid, series, slot, fy),"
  "  FOREIGN KEY (sheet_id, nid) REFERENCES node (sheet_id, nid) ON DELETE CASCADE)"
  "  WITHOUT ROWID;"
  "CREATE TABLE year_record ("
  "  sheet_id INTEGER NOT NULL, nid TEXT NOT NULL, fy INTEGER NOT NULL,"
  "  activities TEXT, issues TEXT, next_steps TEXT, rating TEXT, delay_reason TEXT,"
  "  PRIMARY KEY (sheet_id, nid, fy),"
  "  FOREIGN KEY (sheet_id, nid) REFERENCES node (sheet_id, nid) ON DELETE CASCADE)"
  "  WITHOUT ROWID;";

/* Version 2: the previous contents of a file, kept at each save. */
static const char migration_v2[] =
  "CREATE TABLE history ("
  "  id INTEGER PRIMARY KEY,"
  "  sheet_id INTEGER NOT NULL REFERENCES sheet (id) ON DELETE CASCADE,"
  "  saved_at INTEGER NOT NULL, path TEXT, content BLOB NOT NULL);"
  "CREATE INDEX history_sheet ON history (sheet_id, id);";

/* Version 3: the achievement method, rating rules (percent; NULL = open)
 * and the checks acknowledged per indicator (ids separated by spaces). */
static const char migration_v3[] =
  "ALTER TABLE sheet ADD COLUMN achievement_method INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE rating ADD COLUMN rule INTEGER NOT NULL DEFAULT 0;"
  "ALTER TABLE rating ADD COLUMN rule_min REAL;"
  "ALTER TABLE rating ADD COLUMN rule_max REAL;"
  "ALTER TABLE node ADD COLUMN acknowledged TEXT;";

/* Version 4: a sheet's hand-out tag, and the hand-outs sent from a sheet
 * with exactly what was sent (the base of merging the answer), the answers
 * collected and what each changed (kensho-handout-store.c). */
static const char migration_v4[] =
  "ALTER TABLE sheet ADD COLUMN handout BLOB;"
  "CREATE TABLE handout ("
  "  hid TEXT PRIMARY KEY,"
  "  sheet_id INTEGER NOT NULL REFERENCES sheet (id) ON DELETE CASCADE,"
  "  division TEXT NOT NULL, sent INTEGER NOT NULL, due TEXT, contact TEXT,"
  "  format TEXT NOT NULL, path TEXT, base BLOB NOT NULL);"
  "CREATE INDEX handout_sheet ON handout (sheet_id);"
  "CREATE TABLE answer ("
  "  id INTEGER PRIMARY KEY,"
  "  hid TEXT NOT NULL REFERENCES handout (hid) ON DELETE CASCADE,"
  "  received INTEGER NOT NULL, path TEXT,"
  "  merged INTEGER NOT NULL, conflicts INTEGER NOT NULL);"
  "CREATE INDEX answer_handout ON answer (hid, id);"
  "CREATE TABLE answer_change ("
  "  answer_id INTEGER NOT NULL REFERENCES answer (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL, kind INTEGER NOT NULL, node_id TEXT, node_name TEXT,"
  "  field TEXT, base TEXT, theirs TEXT, mine TEXT, choice INTEGER NOT NULL,"
  "  PRIMARY KEY (answer_id, position)) WITHOUT ROWID;";

/* Version 5: the committee's opinion and the division's response per year. */
static const char migration_v5[] =
  "ALTER TABLE year_record ADD COLUMN committee_opinion TEXT;"
  "ALTER TABLE year_record ADD COLUMN committee_response TEXT;";

static const char *const migrations[] = {
  schema_v1,    /* 0 → 1 */
  migration_v2, /* 1 → 2 */
  migration_v3, /* 2 → 3 */
  migration_v4, /* 3 → 4 */
  migration_v5, /* 4 → 5 */
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == KENSHO_WORKSPACE_SCHEMA_VERSION);
static gboolean open_database (KenshoWorkspace *self, const char *path, int flags, GError **error);

typedef enum
{
  FOUND_NOTHING,   /* no file yet: a new workspace */
  FOUND_EMPTY,     /* a file of 0 bytes: initialised, and the user told */
  FOUND_DATABASE,  /* an SQLite database: to be looked into */
  FOUND_SOUND,     /* a Kensho workspace that can be used, or an empty database */
  FOUND_DAMAGED,   /* a Kensho workspace that cannot: it may be set aside */
  FOUND_FOREIGN,   /* anything else: left as it is */
} Found;

/* What is at the path, from the file and its header alone: a folder, a
 * sheet given by mistake, or a database. *ours tells whether the header
 * has Kensho's application id, for a workspace SQLite cannot open. */
static Found
check_file (const char *path, gboolean *ours, char **problem)
{
  guint8 header[72];
  guint32 application_id;
  GStatBuf st;
  gssize n;
  int fd;

  if (g_stat (path, &st) != 0 && errno == ENOENT)
    return FOUND_NOTHING;
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      *problem = g_strdup_printf (_("it cannot be read: %s"), g_strerror (errno));
      if (fd >= 0)
        close (fd);
      return FOUND_FOREIGN;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      *problem = g_strdup (S_ISDIR (st.st_mode) ? _("it is a folder")
                                                : _("it is not a file but a device or a pipe"));
      return FOUND_FOREIGN;
    }
  n = read (fd, header, sizeof header);
  close (fd);
  if (st.st_size == 0)
    return FOUND_EMPTY;
  if (n < 16 || memcmp (header, "SQLite format 3", 16) != 0)
    {
      *problem = g_strdup (_("it is not a Kensho workspace"));
      return FOUND_FOREIGN;
    }
  memcpy (&application_id, header + 68, sizeof application_id);
  application_id = n == sizeof header ? GUINT32_FROM_BE (application_id) : 0;
  *ours = application_id == KENSHO_WORKSPACE_APPLICATION_ID;
  if (application_id != 0 && !*ours)
    {
      *problem = g_strdup (_("it belongs to another program"));
      return FOUND_FOREIGN;
    }
  return FOUND_DATABASE;
}

/* Looks into a database (or an empty file: a -wal beside it may hold a
 * whole workspace) before anything is written to it; *problem says why
 * it cannot be used. Only what is shown to be a Kensho workspace may
 * ever be moved: another program's database is refused. */
static Found
check_existing (KenshoWorkspace *self, Found file, gboolean ours, char **problem)
{
  sqlite3_stmt *stmt = NULL;
  g_autofree char *check = NULL;
  gint64 application_id = 0, version, n_tables = 0;
  int rc;

  /* Read-only until it has shown to be ours and sound. */
  if (!open_database (self, self->path, SQLITE_OPEN_READONLY, NULL))
    rc = SQLITE_CANTOPEN;
  else
    {
      /* One read transaction: identity and tables seen together. */
      ws_exec (self, "BEGIN", NULL);
      application_id = ws_query_int (self, "PRAGMA application_id", &rc);
      if (rc == SQLITE_OK)
        n_tables = ws_query_int (self, "SELECT count(*) FROM sqlite_schema", &rc);
      ws_exec (self, "COMMIT", NULL);
    }
  if (rc != SQLITE_OK)
    {
      *problem = g_strdup (ours ? _("it is damaged") : _("it is not a Kensho workspace"));
      return ours ? FOUND_DAMAGED : FOUND_FOREIGN;
    }
  /* An empty database is made a workspace where it is. */
  if (application_id == 0 && n_tables == 0)
    return file == FOUND_EMPTY ? FOUND_EMPTY : FOUND_SOUND;
  if (application_id != KENSHO_WORKSPACE_APPLICATION_ID)
    {
      *problem = g_strdup (_("it belongs to another program"));
      return FOUND_FOREIGN;
    }
  version = ws_query_int (self, "PRAGMA user_version", &rc);
  if (rc != SQLITE_OK)
    {
      *problem = g_strdup (_("it is damaged"));
      return FOUND_DAMAGED;
    }
  /* Ours, but what a newer Kensho wrote is not ours to judge. */
  if (version > KENSHO_WORKSPACE_SCHEMA_VERSION)
    {
      *problem = g_strdup (_("it was written by a newer version of Kensho"));
      return FOUND_FOREIGN;
    }

  if (sqlite3_prepare_v2 (self->db, "PRAGMA quick_check", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    check = g_strdup (ws_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (g_strcmp0 (check, "ok") != 0)
    {
      *problem = g_strdup (_("it is damaged"));
      return FOUND_DAMAGED;
    }
  return FOUND_SOUND;
}

/* Two locks on PATH.lock (open file description locks, which closing
 * SQLite's own descriptors does not release): CHECK_BYTE, held while a
 * process checks, sets aside or creates the workspace, so that these
 * steps never interleave; USE_BYTE, shared by every process that has
 * the workspace open, so that no one moves it from under them. */
enum { CHECK_BYTE = 0, USE_BYTE = 1 };

static gboolean
lock_byte (KenshoWorkspace *self, short type, off_t byte, gboolean wait)
{
  struct flock lock = { .l_type = type, .l_whence = SEEK_SET, .l_start = byte, .l_len = 1 };

  if (self->lock_fd < 0)
    return type == F_UNLCK;
  while (fcntl (self->lock_fd, wait ? F_OFD_SETLKW : F_OFD_SETLK, &lock) != 0)
    if (errno != EINTR)
      return FALSE;
  return TRUE;
}

/* Moves the database and its journal files aside, untouched, under a name
 * no earlier one has, so that nothing in them is lost and a fresh
 * workspace can start. Called under both locks, exclusive. */
static char *
set_aside (const char *path, GError **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  static const char *const suffixes[] = { "", "-wal", "-shm" };

  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *aside = n == 1 ? g_strdup_printf ("%s.unusable-%s", path, stamp)
                                      : g_strdup_printf ("%s.unusable-%s-%u", path, stamp, n);
      gboolean taken = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (suffixes) && !taken; i++)
        {
          g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);
          GStatBuf st;

          taken = g_lstat (to, &st) == 0;
        }
      if (taken)
        continue;
      /* No replacing, even of a name made by someone else meanwhile. */
      if (renameat2 (AT_FDCWD, path, AT_FDCWD, aside, RENAME_NOREPLACE) != 0)
        {
          int saved_errno = errno;

          if (saved_errno == EEXIST)
            continue;
          if ((saved_errno != EINVAL && saved_errno != ENOSYS) || g_rename (path, aside) != 0)
            {
              int failed = saved_errno == EINVAL || saved_errno == ENOSYS ? errno : saved_errno;

              g_set_error_literal (error, G_IO_ERROR, g_io_error_from_errno (failed), g_strerror (failed));
              return NULL;
            }
        }
      for (guint i = 1; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *from = g_strconcat (path, suffixes[i], NULL);
          g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

          g_rename (from, to);
        }
      return g_steal_pointer (&aside);
    }
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, g_strerror (EEXIST));
  return NULL;
}

static gboolean
open_database (KenshoWorkspace *self, const char *path, int flags, GError **error)
{
  if (sqlite3_open_v2 (path, &self->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The workspace “%s” could not be opened: %s"), path,
                   self->db ? sqlite3_errmsg (self->db) : "out of memory");
      g_clear_pointer (&self->db, sqlite3_close);
      return FALSE;
    }
  sqlite3_extended_result_codes (self->db, 1);
  /* Another process (a second window's kensho-cli, say) may be writing. */
  sqlite3_busy_timeout (self->db, 5000);
  return TRUE;
}

static gboolean
migrate (KenshoWorkspace *self, GError **error)
{
  int rc;
  gint64 version = ws_query_int (self, "PRAGMA user_version", &rc);

  if (rc != SQLITE_OK)
    return ws_set_sqlite_error (self, error);
  if (version >= KENSHO_WORKSPACE_SCHEMA_VERSION)
    return TRUE;
  if (!ws_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  /* Another process may have migrated while we waited for the lock. */
  version = ws_query_int (self, "PRAGMA user_version", &rc);
  for (gint64 v = version; rc == SQLITE_OK && v < KENSHO_WORKSPACE_SCHEMA_VERSION; v++)
    if (!ws_exec (self, migrations[v], error))
      {
        ws_exec (self, "ROLLBACK", NULL);
        return FALSE;
      }
  {
    g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                                                KENSHO_WORKSPACE_APPLICATION_ID,
                                                KENSHO_WORKSPACE_SCHEMA_VERSION);

    if (!ws_exec (self, pragmas, error) || !ws_exec (self, "COMMIT", error))
      {
        ws_exec (self, "ROLLBACK", NULL);
        return FALSE;
      }
  }
  return TRUE;
}

/* Switching a new database to WAL takes it whole, and SQLite answers
 * SQLITE_BUSY at once, without its busy handler, while another process
 * opens the same new file: wait and try again, for as long as the busy
 * timeout. */
static gboolean
set_journal_mode (KenshoWorkspace *self, GError **error)
{
  /* WAL needs shared memory that a network filesystem cannot share
   * between machines or even processes (sqlite.org/wal.html). A rollback
   * journal there is truncated, not deleted: over SMB (smbnetfs) a FUSE
   * release arrives after close() returns, so the server still has the
   * journal open when SQLite unlinks it, and about one commit in five
   * failed with SQLITE_IOERR_DELETE ("disk I/O error"). */
  self->on_network = kensho_path_is_on_network (self->path);
  for (guint attempt = 0;; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      int code;

      if (ws_exec (self, self->on_network ? "PRAGMA journal_mode = TRUNCATE" : "PRAGMA journal_mode = WAL",
                   &local_error))
        return TRUE;
      code = sqlite3_errcode (self->db) & 0xff;
      if ((code != SQLITE_BUSY && code != SQLITE_LOCKED) || attempt >= 100)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_usleep (50 * 1000);
    }
}

/* A new workspace is made whole under another name, then renamed into
 * place: a Kensho killed meanwhile leaves no empty file at the path,
 * which the next start would report. Called under the check lock. */
static gboolean
create_whole (KenshoWorkspace *self, GError **error)
{
  static const char *const left_beside[] = { "-wal", "-shm", "-journal" };
  g_autofree char *partial = g_strconcat (self->path, ".new", NULL);
  g_autofree char *journal = g_strconcat (partial, "-journal", NULL);
  gboolean ok;

  /* Left by a Kensho killed while making it. */
  g_remove (partial);
  g_remove (journal);
  /* Never a rollback journal that is deleted after a commit: on an SMB
   * share the server may still hold it then (unlink() fails with EBUSY, a
   * "disk I/O error"). The journal is kept in memory, since a file cut
   * short here is never renamed into place; on a local disk the file is
   * then switched to WAL (which it keeps), so that set_journal_mode() has
   * no switch to commit through a rollback journal. */
  ok = open_database (self, partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error) &&
       ws_exec (self, "PRAGMA journal_mode = MEMORY", error) &&
       (kensho_path_is_on_network (partial) || ws_exec (self, "PRAGMA journal_mode = WAL", error)) &&
       migrate (self, error);
  g_clear_pointer (&self->db, sqlite3_close);
  /* A WAL or journal left by a workspace deleted without them would be
   * read into this one as its own pages. */
  for (guint i = 0; ok && i < G_N_ELEMENTS (left_beside); i++)
    {
      g_autofree char *left = g_strconcat (self->path, left_beside[i], NULL);

      if (g_remove (left) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("The workspace “%s” could not be made: “%s”, left beside it, could not be removed: %s"),
                       self->path, left, g_strerror (saved_errno));
          ok = FALSE;
        }
    }
  if (ok && g_rename (partial, self->path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The workspace “%s” could not be opened: %s"),
                   self->path, g_strerror (saved_errno));
      ok = FALSE;
    }
  if (!ok)
    g_remove (partial);
  return ok;
}

static void
set_refused_error (KenshoWorkspace *self, const char *problem, GError **error)
{
  g_set_error (error, KENSHO_WORKSPACE_ERROR, KENSHO_WORKSPACE_ERROR_REFUSED,
               _("“%s” cannot be used as the workspace because %s; it was left as it is."),
               self->path, problem);
}

KenshoWorkspace *
kensho_workspace_open_for_thread (KenshoWorkspace *self, GError **error)
{
  g_autoptr(KenshoWorkspace) second = NULL;

  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), NULL);
  g_return_val_if_fail (!self->on_network, NULL);

  second = g_object_new (KENSHO_TYPE_WORKSPACE, NULL);
  second->path = g_strdup (self->path);
  second->history_limit = self->history_limit;
  if (!open_database (second, self->path, SQLITE_OPEN_READWRITE, error) ||
      !ws_exec (second, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON", error))
    return NULL;
  return g_steal_pointer (&second);
}

KenshoWorkspace *
kensho_workspace_open (const char *path, GError **error)
{
  g_autoptr(KenshoWorkspace) self = g_object_new (KENSHO_TYPE_WORKSPACE, NULL);
  g_autofree char *dir = NULL;
  g_autofree char *problem = NULL;
  gboolean ours = FALSE;
  int lock_errno;
  Found found;

  self->path = path ? g_strdup (path) : kensho_workspace_get_default_path ();
  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("The folder of the workspace “%s” could not be made: %s"), dir,
                   g_strerror (saved_errno));
      return NULL;
    }

  /* Nothing beside a folder or a sheet given by mistake, not even a lock. */
  if (check_file (self->path, &ours, &problem) == FOUND_FOREIGN)
    {
      set_refused_error (self, problem, error);
      return NULL;
    }
  g_clear_pointer (&problem, g_free);
  {
    g_autofree char *lock_path = g_strconcat (self->path, ".lock", NULL);

    /* Without a lock file (a read-only folder) the workspace still opens,
     * but nothing is ever set aside. */
    self->lock_fd = g_open (lock_path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NOCTTY, 0600);
    lock_errno = errno;
  }
  lock_byte (self, F_WRLCK, CHECK_BYTE, TRUE);
  /* Again under the lock: another process may have changed it. */
  found = check_file (self->path, &ours, &problem);
  if (found == FOUND_EMPTY || found == FOUND_DATABASE)
    found = check_existing (self, found, ours, &problem);
  g_clear_pointer (&self->db, sqlite3_close);
  switch (found)
    {
    case FOUND_FOREIGN:
      set_refused_error (self, problem, error);
      return NULL;
    case FOUND_DAMAGED:
      {
        g_autoptr(GError) aside_error = NULL;
        g_autofree char *aside = NULL;

        /* Never from under a Kensho that has it open, nor without
         * knowing that none has. */
        if (self->lock_fd >= 0 && !lock_byte (self, F_WRLCK, USE_BYTE, FALSE))
          {
            g_set_error (error, KENSHO_WORKSPACE_ERROR, KENSHO_WORKSPACE_ERROR_IN_USE,
                         _("The workspace “%s” cannot be used because %s, and Kensho still has it "
                           "open elsewhere; quit Kensho and try again."), self->path, problem);
            return NULL;
          }
        if (self->lock_fd < 0)
          g_set_error_literal (&aside_error, G_IO_ERROR, g_io_error_from_errno (lock_errno),
                               g_strerror (lock_errno));
        else
          aside = set_aside (self->path, &aside_error);
        if (aside == NULL)
          {
            g_set_error (error, aside_error->domain, aside_error->code,
                         _("The workspace “%s” cannot be used because %s, and it could not be "
                           "moved aside: %s"), self->path, problem, aside_error->message);
            return NULL;
          }
        self->notice = g_strdup_printf (_("The workspace could not be used because %s. "
                                          "It was kept as “%s” and a new workspace was "
                                          "started; reopen your sheets from their files."),
                                        problem, aside);
      }
      break;
    case FOUND_EMPTY:
      self->notice = g_strdup_printf (_("The workspace file “%s” was empty; a new workspace "
                                        "was started in it."), self->path);
      break;
    case FOUND_NOTHING:
    case FOUND_SOUND:
    default:
      break;
    }
  /* Shared from now on, for as long as this workspace is open. */
  lock_byte (self, F_RDLCK, USE_BYTE, FALSE);

  if (found == FOUND_NOTHING && !create_whole (self, error))
    return NULL;
  if (!open_database (self, self->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error))
    return NULL;
  /* WAL lets readers and one writer work at once. A commit survives a
   * crash once made and a power cut once synced: on a share at once (FULL),
   * on a local disk by the thread of kensho-workspace-sync.c, so that no
   * commit waits for the disk. */
  if (!set_journal_mode (self, error) ||
      !ws_exec (self, self->on_network ? "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON"
                                       : "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON",
                error))
    return NULL;
  if (!self->on_network)
    self->syncer = ws_syncer_start (self, self->db, self->path);
  if (!migrate (self, error))
    return NULL;
  lock_byte (self, F_UNLCK, CHECK_BYTE, FALSE);
  return g_steal_pointer (&self);
}
