/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE /* open file description locks, renameat2 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kensho-error.h"
#include "kensho-workspace.h"

struct _KenshoWorkspace
{
  GObject parent_instance;
  char *path;
  char *notice;        /* why a damaged workspace was set aside, or an empty file used */
  char *write_error;   /* why the last commit failed, NULL when all is written */
  sqlite3 *db;
  int lock_fd;         /* PATH.lock, or -1: see lock_byte() */
  GHashTable *statements; /* SQL text (a literal) → sqlite3_stmt */
  GHashTable *tracked;    /* KenshoSheet → TrackedSheet */
  guint flush_source;
  guint history_limit;
};

typedef struct
{
  KenshoWorkspace *workspace;
  KenshoSheet *sheet;      /* weak */
  gint64 id;
  gulong handler;
  gboolean meta;           /* sheet metadata, scale or divisions changed */
  GHashTable *content;     /* KenshoNode → ref: fields changed */
  GHashTable *structure;   /* KenshoNode → ref: children changed */
} TrackedSheet;

G_DEFINE_FINAL_TYPE (KenshoWorkspace, kensho_workspace, G_TYPE_OBJECT)

enum { STATUS_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

enum { SLOT_BASELINE, SLOT_ACTUAL, SLOT_TARGET, SLOT_FINAL };

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

/* Version 4: the committee's opinion and the division's response per year. */
static const char migration_v4[] =
  "ALTER TABLE year_record ADD COLUMN committee_opinion TEXT;"
  "ALTER TABLE year_record ADD COLUMN committee_response TEXT;";

static const char *const migrations[] = {
  schema_v1,    /* 0 → 1 */
  migration_v2, /* 1 → 2 */
  migration_v3, /* 2 → 3 */
  migration_v4, /* 3 → 4 */
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == KENSHO_WORKSPACE_SCHEMA_VERSION);

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

static void tracked_sheet_free (TrackedSheet *tracked);

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
  if (self->db != NULL)
    sqlite3_close (self->db);
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_free (self->path);
  g_free (self->notice);
  g_free (self->write_error);
  G_OBJECT_CLASS (kensho_workspace_parent_class)->finalize (object);
}

static void
kensho_workspace_class_init (KenshoWorkspaceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kensho_workspace_dispose;
  object_class->finalize = kensho_workspace_finalize;

  /* Emitted when a commit fails or succeeds again: the window tells the user. */
  signals[STATUS_CHANGED] = g_signal_new ("status-changed", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);
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
  self->tracked = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) tracked_sheet_free);
  self->history_limit = 20;
  self->lock_fd = -1;
}

char *
kensho_workspace_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "kensho", "workspace.db", NULL);
}

static gboolean
set_sqlite_error (KenshoWorkspace *self, GError **error)
{
  int code = sqlite3_errcode (self->db);
  const char *reason;

  switch (code & 0xff)
    {
    case SQLITE_FULL: reason = _("The disk is full."); break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN: reason = _("The workspace cannot be written to."); break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED: reason = _("Another program keeps the workspace busy."); break;
    default: reason = sqlite3_errmsg (self->db); break;
    }
  g_set_error (error, KENSHO_ERROR, KENSHO_ERROR_IO, _("The workspace could not be updated: %s"),
               reason);
  return FALSE;
}

static gboolean
exec (KenshoWorkspace *self, const char *sql, GError **error)
{
  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return set_sqlite_error (self, error);
  return TRUE;
}

/* Statements are prepared once and kept: the key is the literal's address. */
static sqlite3_stmt *
statement (KenshoWorkspace *self, const char *sql)
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

static void
bind_text (sqlite3_stmt *stmt, int index, const char *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static const char *
column_text (sqlite3_stmt *stmt, int index)
{
  return (const char *) sqlite3_column_text (stmt, index);
}

static gboolean
step_done (KenshoWorkspace *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return set_sqlite_error (self, error);
  return TRUE;
}

static gint64
query_int (KenshoWorkspace *self, const char *sql, int *rc)
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
      exec (self, "BEGIN", NULL);
      application_id = query_int (self, "PRAGMA application_id", &rc);
      if (rc == SQLITE_OK)
        n_tables = query_int (self, "SELECT count(*) FROM sqlite_schema", &rc);
      exec (self, "COMMIT", NULL);
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
  version = query_int (self, "PRAGMA user_version", &rc);
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
    check = g_strdup (column_text (stmt, 0));
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
              g_set_error (error, KENSHO_ERROR, KENSHO_ERROR_IO, "%s",
                           g_strerror (saved_errno == EINVAL || saved_errno == ENOSYS ? errno : saved_errno));
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
  g_set_error_literal (error, KENSHO_ERROR, KENSHO_ERROR_IO, g_strerror (EEXIST));
  return NULL;
}

static gboolean
open_database (KenshoWorkspace *self, const char *path, int flags, GError **error)
{
  if (sqlite3_open_v2 (path, &self->db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      g_set_error (error, KENSHO_ERROR, KENSHO_ERROR_IO,
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
  gint64 version = query_int (self, "PRAGMA user_version", &rc);

  if (rc != SQLITE_OK)
    return set_sqlite_error (self, error);
  if (version >= KENSHO_WORKSPACE_SCHEMA_VERSION)
    return TRUE;
  if (!exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  /* Another process may have migrated while we waited for the lock. */
  version = query_int (self, "PRAGMA user_version", &rc);
  for (gint64 v = version; rc == SQLITE_OK && v < KENSHO_WORKSPACE_SCHEMA_VERSION; v++)
    if (!exec (self, migrations[v], error))
      {
        exec (self, "ROLLBACK", NULL);
        return FALSE;
      }
  {
    g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %d",
                                                KENSHO_WORKSPACE_APPLICATION_ID,
                                                KENSHO_WORKSPACE_SCHEMA_VERSION);

    if (!exec (self, pragmas, error) || !exec (self, "COMMIT", error))
      {
        exec (self, "ROLLBACK", NULL);
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
  for (guint attempt = 0;; attempt++)
    {
      g_autoptr(GError) local_error = NULL;
      int code;

      if (exec (self, "PRAGMA journal_mode = WAL", &local_error))
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
  g_autofree char *partial = g_strconcat (self->path, ".new", NULL);
  g_autofree char *journal = g_strconcat (partial, "-journal", NULL);
  gboolean ok;

  /* Left by a Kensho killed while making it. */
  g_remove (partial);
  g_remove (journal);
  ok = open_database (self, partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error) &&
       migrate (self, error);
  g_clear_pointer (&self->db, sqlite3_close);
  if (ok && g_rename (partial, self->path) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, KENSHO_ERROR, KENSHO_ERROR_IO, _("The workspace “%s” could not be opened: %s"),
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
  g_set_error (error, KENSHO_ERROR, KENSHO_ERROR_IO,
               _("“%s” cannot be used as the workspace because %s; it was left as it is."),
               self->path, problem);
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

      g_set_error (error, KENSHO_ERROR, KENSHO_ERROR_IO,
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
            g_set_error (error, KENSHO_ERROR, KENSHO_ERROR_IO,
                         _("The workspace “%s” cannot be used because %s, and Kensho still has it "
                           "open elsewhere; quit Kensho and try again."), self->path, problem);
            return NULL;
          }
        if (self->lock_fd < 0)
          g_set_error_literal (&aside_error, KENSHO_ERROR, KENSHO_ERROR_IO, g_strerror (lock_errno));
        else
          aside = set_aside (self->path, &aside_error);
        if (aside == NULL)
          {
            g_set_error (error, KENSHO_ERROR, KENSHO_ERROR_IO,
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
  /* WAL lets readers and one writer work at once; FULL sync makes each
   * commit survive a power cut, not only a crash. */
  if (!set_journal_mode (self, error) ||
      !exec (self, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON", error) ||
      !migrate (self, error))
    return NULL;
  lock_byte (self, F_UNLCK, CHECK_BYTE, FALSE);
  return g_steal_pointer (&self);
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
  return self->write_error;
}

/* Writing rows ------------------------------------------------------------ */

static void
bind_double_or_null (sqlite3_stmt *stmt, int index, double value)
{
  if (isnan (value))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_double (stmt, index, value);
}

static double
column_double_or_nan (sqlite3_stmt *stmt, int column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? NAN : sqlite3_column_double (stmt, column);
}

static gboolean
write_meta (KenshoWorkspace *self, gint64 id, KenshoSheet *sheet, GError **error)
{
  KenshoRatingScale *scale = kensho_sheet_get_rating_scale (sheet);
  const char * const *divisions = kensho_sheet_get_divisions (sheet);
  sqlite3_stmt *stmt;
  guint n = kensho_rating_scale_get_n_ratings (scale);

  stmt = statement (self, "UPDATE sheet SET municipality = ?2, title = ?3, label = ?4, notes = ?5,"
                          " fiscal_year = ?6, plan_first = ?7, plan_last = ?8, baseline_year = ?9,"
                          " scale_name = ?10, achievement_method = ?11 WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, kensho_sheet_get_municipality (sheet));
  bind_text (stmt, 3, kensho_sheet_get_title (sheet));
  bind_text (stmt, 4, kensho_sheet_get_label (sheet));
  bind_text (stmt, 5, kensho_sheet_get_notes (sheet));
  sqlite3_bind_int (stmt, 6, kensho_sheet_get_fiscal_year (sheet));
  sqlite3_bind_int (stmt, 7, kensho_sheet_get_plan_first (sheet));
  sqlite3_bind_int (stmt, 8, kensho_sheet_get_plan_last (sheet));
  sqlite3_bind_int (stmt, 9, kensho_sheet_get_baseline_year (sheet));
  bind_text (stmt, 10, kensho_rating_scale_get_name (scale));
  sqlite3_bind_int (stmt, 11, kensho_sheet_get_achievement_method (sheet));
  if (!step_done (self, stmt, error))
    return FALSE;

  stmt = statement (self, "DELETE FROM rating WHERE sheet_id = ?1");
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, error))
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      KenshoRating *rating = kensho_rating_scale_get_rating (scale, i);

      stmt = statement (self, "INSERT INTO rating (sheet_id, position, rid, label, colour, delayed,"
                              " rule, rule_min, rule_max) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)");
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) i);
      bind_text (stmt, 3, kensho_rating_get_id (rating));
      bind_text (stmt, 4, kensho_rating_get_label (rating));
      bind_text (stmt, 5, kensho_rating_get_colour (rating));
      sqlite3_bind_int (stmt, 6, kensho_rating_get_delayed (rating));
      sqlite3_bind_int (stmt, 7, kensho_rating_get_rule (rating));
      bind_double_or_null (stmt, 8, kensho_rating_get_rule_min (rating));
      bind_double_or_null (stmt, 9, kensho_rating_get_rule_max (rating));
      if (!step_done (self, stmt, error))
        return FALSE;
    }

  stmt = statement (self, "DELETE FROM division WHERE sheet_id = ?1");
  sqlite3_bind_int64 (stmt, 1, id);
  if (!step_done (self, stmt, error))
    return FALSE;
  for (guint i = 0; divisions[i]; i++)
    {
      stmt = statement (self, "INSERT INTO division (sheet_id, position, name) VALUES (?1, ?2, ?3)");
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) i);
      bind_text (stmt, 3, divisions[i]);
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
write_value (KenshoWorkspace *self, gint64 id, const char *nid, guint series, int slot, int fy,
             const KenshoValue *value, GError **error)
{
  sqlite3_stmt *stmt;

  if (value == NULL)
    return TRUE;
  stmt = statement (self, "INSERT INTO value (sheet_id, nid, series, slot, fy, number, text, unit,"
                          " period, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, nid);
  sqlite3_bind_int (stmt, 3, (int) series);
  sqlite3_bind_int (stmt, 4, slot);
  sqlite3_bind_int (stmt, 5, fy);
  bind_text (stmt, 6, value->number);
  bind_text (stmt, 7, value->text);
  bind_text (stmt, 8, value->unit);
  bind_text (stmt, 9, value->period);
  bind_text (stmt, 10, value->note);
  return step_done (self, stmt, error);
}

static gboolean
write_year_values (KenshoWorkspace *self, gint64 id, const char *nid, guint position,
                   KenshoSeries *series, GError **error)
{
  g_autoptr(GArray) actuals = kensho_series_dup_actual_years (series);
  g_autoptr(GArray) targets = kensho_series_dup_target_years (series);

  for (guint i = 0; i < actuals->len; i++)
    {
      int fy = g_array_index (actuals, int, i);

      if (!write_value (self, id, nid, position, SLOT_ACTUAL, fy,
                        kensho_series_get_actual (series, fy), error))
        return FALSE;
    }
  for (guint i = 0; i < targets->len; i++)
    {
      int fy = g_array_index (targets, int, i);

      if (!write_value (self, id, nid, position, SLOT_TARGET, fy,
                        kensho_series_get_target (series, fy), error))
        return FALSE;
    }
  return TRUE;
}

/* An indicator's series, values and yearly records are few: rewriting
 * them whole is simpler than diffing and still well under a millisecond. */
static gboolean
write_indicator_content (KenshoWorkspace *self, gint64 id, KenshoIndicator *indicator,
                         gboolean fresh, GError **error)
{
  const char *nid = kensho_node_get_id (KENSHO_NODE (indicator));
  g_autoptr(GArray) years = kensho_indicator_dup_years (indicator);
  guint n_series = kensho_indicator_get_n_series (indicator);
  sqlite3_stmt *stmt;

  if (!fresh)
    {
      static const char *const deletes[] = {
        "DELETE FROM series WHERE sheet_id = ?1 AND nid = ?2",
        "DELETE FROM value WHERE sheet_id = ?1 AND nid = ?2",
        "DELETE FROM year_record WHERE sheet_id = ?1 AND nid = ?2",
      };

      for (guint i = 0; i < G_N_ELEMENTS (deletes); i++)
        {
          stmt = statement (self, deletes[i]);
          sqlite3_bind_int64 (stmt, 1, id);
          bind_text (stmt, 2, nid);
          if (!step_done (self, stmt, error))
            return FALSE;
        }
    }

  for (guint s = 0; s < n_series; s++)
    {
      KenshoSeries *series = kensho_indicator_get_series (indicator, s);

      stmt = statement (self, "INSERT INTO series (sheet_id, nid, position, name)"
                              " VALUES (?1, ?2, ?3, ?4)");
      sqlite3_bind_int64 (stmt, 1, id);
      bind_text (stmt, 2, nid);
      sqlite3_bind_int (stmt, 3, (int) s);
      bind_text (stmt, 4, kensho_series_get_name (series));
      if (!step_done (self, stmt, error) ||
          !write_value (self, id, nid, s, SLOT_BASELINE, 0, kensho_series_get_baseline (series), error) ||
          !write_value (self, id, nid, s, SLOT_FINAL, 0, kensho_series_get_final (series), error) ||
          !write_year_values (self, id, nid, s, series, error))
        return FALSE;
    }

  for (guint i = 0; i < years->len; i++)
    {
      int fy = g_array_index (years, int, i);

      stmt = statement (self, "INSERT INTO year_record (sheet_id, nid, fy, activities, issues,"
                              " next_steps, rating, delay_reason, committee_opinion, committee_response)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)");
      sqlite3_bind_int64 (stmt, 1, id);
      bind_text (stmt, 2, nid);
      sqlite3_bind_int (stmt, 3, fy);
      bind_text (stmt, 4, kensho_indicator_get_commentary (indicator, fy, KENSHO_COMMENTARY_ACTIVITIES));
      bind_text (stmt, 5, kensho_indicator_get_commentary (indicator, fy, KENSHO_COMMENTARY_ISSUES));
      bind_text (stmt, 6, kensho_indicator_get_commentary (indicator, fy, KENSHO_COMMENTARY_NEXT_STEPS));
      bind_text (stmt, 7, kensho_indicator_get_rating_id (indicator, fy));
      bind_text (stmt, 8, kensho_indicator_get_delay_reason (indicator, fy));
      bind_text (stmt, 9, kensho_indicator_get_committee (indicator, fy, KENSHO_COMMITTEE_OPINION));
      bind_text (stmt, 10, kensho_indicator_get_committee (indicator, fy, KENSHO_COMMITTEE_RESPONSE));
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* position: the node's place under its parent, known to callers that walk
 * the children (looking it up is linear, which made importing a sheet of
 * 50,000 goals take a minute). */
static gboolean
write_node_row (KenshoWorkspace *self, gint64 id, KenshoNode *node, guint position, GError **error)
{
  KenshoNode *parent = kensho_node_get_parent (node);
  g_autofree char *acknowledged = NULL;
  sqlite3_stmt *stmt;

  stmt = statement (self, "INSERT INTO node (sheet_id, nid, parent, position, kind, code, title,"
                          " notes, indicator_kind, direction, unit, division, acknowledged)"
                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
                          " ON CONFLICT (sheet_id, nid) DO UPDATE SET parent = ?3, position = ?4,"
                          " kind = ?5, code = ?6, title = ?7, notes = ?8, indicator_kind = ?9,"
                          " direction = ?10, unit = ?11, division = ?12, acknowledged = ?13");
  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, kensho_node_get_id (node));
  bind_text (stmt, 3, parent ? kensho_node_get_id (parent) : NULL);
  sqlite3_bind_int (stmt, 4, (int) position);
  sqlite3_bind_int (stmt, 5, kensho_node_get_kind (node));
  bind_text (stmt, 6, kensho_node_get_code (node));
  bind_text (stmt, 7, kensho_node_get_title (node));
  bind_text (stmt, 8, kensho_node_get_notes (node));
  if (KENSHO_IS_INDICATOR (node))
    {
      KenshoIndicator *indicator = KENSHO_INDICATOR (node);

      sqlite3_bind_int (stmt, 9, kensho_indicator_get_indicator_kind (indicator));
      sqlite3_bind_int (stmt, 10, kensho_indicator_get_direction (indicator));
      bind_text (stmt, 11, kensho_indicator_get_unit (indicator));
      bind_text (stmt, 12, kensho_indicator_get_division (indicator));
      acknowledged = g_strjoinv (" ", (char **) kensho_indicator_get_acknowledgements (indicator));
      bind_text (stmt, 13, *acknowledged ? acknowledged : NULL);
    }
  return step_done (self, stmt, error);
}

static gboolean
write_subtree (KenshoWorkspace *self, gint64 id, KenshoNode *node, guint position, gboolean fresh,
               GError **error)
{
  guint n = kensho_node_get_n_children (node);

  if (kensho_node_get_kind (node) != KENSHO_NODE_ROOT)
    {
      if (!write_node_row (self, id, node, position, error))
        return FALSE;
      if (KENSHO_IS_INDICATOR (node) &&
          !write_indicator_content (self, id, KENSHO_INDICATOR (node), fresh, error))
        return FALSE;
    }
  for (guint i = 0; i < n; i++)
    if (!write_subtree (self, id, kensho_node_get_child (node, i), i, fresh, error))
      return FALSE;
  return TRUE;
}

static gboolean
begin (KenshoWorkspace *self, GError **error)
{
  return exec (self, "BEGIN IMMEDIATE", error);
}

static gboolean
commit_or_rollback (KenshoWorkspace *self, gboolean ok, GError **error)
{
  if (ok && exec (self, "COMMIT", error))
    return TRUE;
  exec (self, "ROLLBACK", NULL);
  return FALSE;
}

static gboolean
insert_sheet_row (KenshoWorkspace *self, KenshoSheet *sheet, gint64 *id, GError **error)
{
  sqlite3_stmt *stmt = statement (self, "INSERT INTO sheet (fiscal_year, plan_first, plan_last,"
                                        " baseline_year, created, modified)"
                                        " VALUES (0, 0, 0, 0, ?1, ?1)");

  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC);
  if (!step_done (self, stmt, error))
    return FALSE;
  *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

gint64
kensho_workspace_add_sheet (KenshoWorkspace *self, KenshoSheet *sheet, GError **error)
{
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), 0);
  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), 0);

  if (!begin (self, error))
    return 0;
  ok = insert_sheet_row (self, sheet, &id, error) &&
       write_meta (self, id, sheet, error) &&
       write_subtree (self, id, kensho_sheet_get_root (sheet), 0, TRUE, error);
  if (!commit_or_rollback (self, ok, error))
    return 0;
  return id;
}

/* Replaces a sheet's content with another (a file loaded over local
 * changes), keeping its id, link and history. */
gboolean
kensho_workspace_replace_sheet (KenshoWorkspace *self, gint64 id, KenshoSheet *sheet,
                                GError **error)
{
  sqlite3_stmt *stmt;
  gboolean ok;

  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), FALSE);

  if (!begin (self, error))
    return FALSE;
  stmt = statement (self, "DELETE FROM node WHERE sheet_id = ?1");
  sqlite3_bind_int64 (stmt, 1, id);
  ok = step_done (self, stmt, error) &&
       write_meta (self, id, sheet, error) &&
       write_subtree (self, id, kensho_sheet_get_root (sheet), 0, TRUE, error);
  return commit_or_rollback (self, ok, error);
}

/* Reading a sheet back ---------------------------------------------------- */

static KenshoValue *
read_value (sqlite3_stmt *stmt, int first_column)
{
  const char *number = column_text (stmt, first_column);
  const char *text = column_text (stmt, first_column + 1);
  KenshoValue *value;

  /* The rows were written from valid values; a number that no longer
   * parses means the row was tampered with: keep it as text. */
  value = number ? kensho_value_new_number (number, column_text (stmt, first_column + 2), NULL) : NULL;
  if (value == NULL)
    value = kensho_value_new_text (number ? number : text ? text : "");
  g_free (value->period);
  value->period = g_strdup (column_text (stmt, first_column + 3));
  kensho_value_set_note (value, column_text (stmt, first_column + 4));
  return value;
}

static gboolean
read_meta (KenshoWorkspace *self, gint64 id, KenshoSheet *sheet, GError **error)
{
  sqlite3_stmt *stmt;
  g_autoptr(KenshoRatingScale) scale = NULL;
  g_autoptr(GPtrArray) divisions = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = statement (self, "SELECT municipality, title, label, notes, fiscal_year, plan_first,"
                          " plan_last, baseline_year, scale_name, achievement_method"
                          " FROM sheet WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, KENSHO_ERROR, KENSHO_ERROR_FAILED,
                       _("The workspace has no sheet %" G_GINT64_FORMAT "."), id);
          return FALSE;
        }
      return set_sqlite_error (self, error);
    }
  kensho_sheet_set_municipality (sheet, column_text (stmt, 0));
  kensho_sheet_set_title (sheet, column_text (stmt, 1));
  kensho_sheet_set_label (sheet, column_text (stmt, 2));
  kensho_sheet_set_notes (sheet, column_text (stmt, 3));
  kensho_sheet_set_fiscal_year (sheet, sqlite3_column_int (stmt, 4));
  kensho_sheet_set_plan_period (sheet, sqlite3_column_int (stmt, 5), sqlite3_column_int (stmt, 6),
                                NULL);
  kensho_sheet_set_baseline_year (sheet, sqlite3_column_int (stmt, 7));
  scale = kensho_rating_scale_new (column_text (stmt, 8));
  if ((guint) sqlite3_column_int (stmt, 9) < KENSHO_N_ACHIEVEMENT_METHODS)
    kensho_sheet_set_achievement_method (sheet, sqlite3_column_int (stmt, 9));
  sqlite3_reset (stmt);

  stmt = statement (self, "SELECT rid, label, colour, delayed, rule, rule_min, rule_max"
                          " FROM rating WHERE sheet_id = ?1 ORDER BY position");
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_autoptr(KenshoRating) rating = kensho_rating_new (column_text (stmt, 0),
                                                          column_text (stmt, 1),
                                                          column_text (stmt, 2),
                                                          sqlite3_column_int (stmt, 3));
      int rule = sqlite3_column_int (stmt, 4);

      if (rule > KENSHO_RATING_RULE_NONE && rule <= KENSHO_RATING_RULE_NOT_COMPUTABLE)
        kensho_rating_set_rule (rating, rule, column_double_or_nan (stmt, 5),
                                column_double_or_nan (stmt, 6));
      kensho_rating_scale_append (scale, rating, NULL);
    }
  sqlite3_reset (stmt);
  if (kensho_rating_scale_get_n_ratings (scale) > 0)
    kensho_sheet_set_rating_scale (sheet, scale);

  stmt = statement (self, "SELECT name FROM division WHERE sheet_id = ?1 ORDER BY position");
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (divisions, g_strdup (column_text (stmt, 0)));
  sqlite3_reset (stmt);
  g_ptr_array_add (divisions, NULL);
  kensho_sheet_set_divisions (sheet, (const char * const *) divisions->pdata);
  return TRUE;
}

static void
read_indicator_content (KenshoWorkspace *self, gint64 id, GHashTable *nodes)
{
  sqlite3_stmt *stmt;

  stmt = statement (self, "SELECT nid, name FROM series WHERE sheet_id = ?1 ORDER BY nid, position");
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      KenshoNode *node = g_hash_table_lookup (nodes, column_text (stmt, 0));
      g_autoptr(KenshoSeries) series = kensho_series_new (column_text (stmt, 1));

      if (KENSHO_IS_INDICATOR (node))
        kensho_indicator_insert_series (KENSHO_INDICATOR (node), G_MAXUINT, series);
    }
  sqlite3_reset (stmt);

  /* kensho_indicator_new() gave each indicator an unnamed series first. */
  {
    GHashTableIter iter;
    gpointer node;

    g_hash_table_iter_init (&iter, nodes);
    while (g_hash_table_iter_next (&iter, NULL, &node))
      if (KENSHO_IS_INDICATOR (node) && kensho_indicator_get_n_series (node) > 1)
        kensho_indicator_remove_series (node, 0);
  }

  stmt = statement (self, "SELECT nid, series, slot, fy, number, text, unit, period, note"
                          " FROM value WHERE sheet_id = ?1");
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      KenshoNode *node = g_hash_table_lookup (nodes, column_text (stmt, 0));
      guint position = (guint) sqlite3_column_int (stmt, 1);
      int fy = sqlite3_column_int (stmt, 3);
      g_autoptr(KenshoValue) value = NULL;
      KenshoSeries *series;

      if (!KENSHO_IS_INDICATOR (node) || position >= kensho_indicator_get_n_series (KENSHO_INDICATOR (node)))
        continue;
      series = kensho_indicator_get_series (KENSHO_INDICATOR (node), position);
      value = read_value (stmt, 4);
      switch (sqlite3_column_int (stmt, 2))
        {
        case SLOT_BASELINE: kensho_series_set_baseline (series, value); break;
        case SLOT_ACTUAL: kensho_series_set_actual (series, fy, value); break;
        case SLOT_TARGET: kensho_series_set_target (series, fy, value); break;
        case SLOT_FINAL: kensho_series_set_final (series, value); break;
        default: break;
        }
    }
  sqlite3_reset (stmt);

  stmt = statement (self, "SELECT nid, fy, activities, issues, next_steps, rating, delay_reason,"
                          " committee_opinion, committee_response FROM year_record WHERE sheet_id = ?1");
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      KenshoNode *node = g_hash_table_lookup (nodes, column_text (stmt, 0));
      int fy = sqlite3_column_int (stmt, 1);
      KenshoIndicator *indicator;

      if (!KENSHO_IS_INDICATOR (node))
        continue;
      indicator = KENSHO_INDICATOR (node);
      for (KenshoCommentaryPart part = 0; part <= KENSHO_COMMENTARY_NEXT_STEPS; part++)
        kensho_indicator_set_commentary (indicator, fy, part, column_text (stmt, 2 + part));
      kensho_indicator_set_rating_id (indicator, fy, column_text (stmt, 5));
      kensho_indicator_set_delay_reason (indicator, fy, column_text (stmt, 6));
      for (KenshoCommitteePart part = 0; part <= KENSHO_COMMITTEE_RESPONSE; part++)
        kensho_indicator_set_committee (indicator, fy, part, column_text (stmt, 7 + part));
    }
  sqlite3_reset (stmt);
}

KenshoSheet *
kensho_workspace_load_sheet (KenshoWorkspace *self, gint64 id, GError **error)
{
  g_autoptr(KenshoSheet) sheet = kensho_sheet_new ();
  g_autoptr(GHashTable) nodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) parents = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), NULL);

  if (!read_meta (self, id, sheet, error))
    return NULL;

  stmt = statement (self, "SELECT nid, parent, kind, code, title, notes, indicator_kind, direction,"
                          " unit, division, acknowledged FROM node WHERE sheet_id = ?1"
                          " ORDER BY parent, position");
  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *nid = column_text (stmt, 0);
      KenshoNodeKind kind = sqlite3_column_int (stmt, 2);
      KenshoNode *node;

      if (kind == KENSHO_NODE_INDICATOR)
        {
          KenshoIndicator *indicator = kensho_indicator_new (sqlite3_column_int (stmt, 6),
                                                             column_text (stmt, 4));

          kensho_indicator_set_direction (indicator, sqlite3_column_int (stmt, 7));
          kensho_indicator_set_unit (indicator, column_text (stmt, 8));
          kensho_indicator_set_division (indicator, column_text (stmt, 9));
          if (column_text (stmt, 10) != NULL)
            {
              g_auto(GStrv) checks = g_strsplit (column_text (stmt, 10), " ", -1);

              for (guint i = 0; checks[i]; i++)
                if (*checks[i] != '\0')
                  kensho_indicator_set_acknowledged (indicator, checks[i], TRUE);
            }
          node = KENSHO_NODE (indicator);
        }
      else if (kind >= KENSHO_NODE_GOAL && kind <= KENSHO_NODE_MEASURE)
        node = kensho_node_new (kind, column_text (stmt, 3), column_text (stmt, 4));
      else
        continue;
      kensho_node_set_code (node, column_text (stmt, 3));
      kensho_node_set_notes (node, column_text (stmt, 5));
      kensho_node_set_id (node, nid);
      g_hash_table_insert (nodes, g_strdup (nid), node);
      g_ptr_array_add (order, g_strdup (nid));
      g_ptr_array_add (parents, g_strdup (column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);

  read_indicator_content (self, id, nodes);

  /* Rows come sorted by parent and position: appending in that order
   * rebuilds every list of children. Top-level nodes go in last, so that
   * each subtree is whole when it enters the sheet. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < order->len; i++)
      {
        const char *parent_id = g_ptr_array_index (parents, i);
        KenshoNode *node = g_hash_table_lookup (nodes, g_ptr_array_index (order, i));
        KenshoNode *parent;

        if ((parent_id == NULL) != (pass == 1))
          continue;
        parent = parent_id ? g_hash_table_lookup (nodes, parent_id) : kensho_sheet_get_root (sheet);
        if (parent == NULL || !kensho_node_append (parent, node, NULL))
          g_warning ("Workspace sheet %" G_GINT64_FORMAT ": node %s has no valid parent",
                     id, kensho_node_get_id (node));
      }
  return g_steal_pointer (&sheet);
}

gboolean
kensho_workspace_delete_sheet (KenshoWorkspace *self, gint64 id, GError **error)
{
  sqlite3_stmt *stmt = statement (self, "DELETE FROM sheet WHERE id = ?1");

  sqlite3_bind_int64 (stmt, 1, id);
  return step_done (self, stmt, error);
}

GPtrArray *
kensho_workspace_list (KenshoWorkspace *self, GError **error)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) kensho_workspace_entry_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), entries);

  stmt = statement (self, "SELECT id, title, municipality, fiscal_year, file_path, unsaved, is_open,"
                          " modified FROM sheet ORDER BY modified DESC, id DESC");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      KenshoWorkspaceEntry *entry = g_new0 (KenshoWorkspaceEntry, 1);
      g_autoptr(KenshoSheet) scratch = kensho_sheet_new ();

      /* The display title comes from the model, so it reads the same everywhere. */
      kensho_sheet_set_title (scratch, column_text (stmt, 1));
      kensho_sheet_set_fiscal_year (scratch, sqlite3_column_int (stmt, 3));
      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->title = kensho_sheet_dup_display_title (scratch);
      entry->municipality = g_strdup (column_text (stmt, 2));
      entry->path = g_strdup (column_text (stmt, 4));
      entry->unsaved = sqlite3_column_int (stmt, 5);
      entry->open = sqlite3_column_int (stmt, 6);
      entry->modified = sqlite3_column_int64 (stmt, 7);
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_ptr_array_unref (entries);
      set_sqlite_error (self, error);
      return NULL;
    }
  return entries;
}

gint64
kensho_workspace_find_by_path (KenshoWorkspace *self, const char *path)
{
  sqlite3_stmt *stmt = statement (self, "SELECT id FROM sheet WHERE file_path = ?1"
                                        " ORDER BY modified DESC LIMIT 1");
  gint64 id = 0;

  bind_text (stmt, 1, path);
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
  sqlite3_stmt *stmt = statement (self, "UPDATE sheet SET file_path = ?2, file_fingerprint = ?3,"
                                        " unsaved = 0 WHERE id = ?1");

  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, path);
  bind_text (stmt, 3, fingerprint);
  return step_done (self, stmt, error);
}

static char *
query_sheet_text (KenshoWorkspace *self, gint64 id, const char *sql)
{
  sqlite3_stmt *stmt = statement (self, sql);
  char *text = NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup (column_text (stmt, 0));
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

gboolean
kensho_workspace_get_unsaved (KenshoWorkspace *self, gint64 id)
{
  sqlite3_stmt *stmt = statement (self, "SELECT unsaved FROM sheet WHERE id = ?1");
  gboolean unsaved = FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    unsaved = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);
  return unsaved;
}

gboolean
kensho_workspace_set_open (KenshoWorkspace *self, gint64 id, gboolean open, GError **error)
{
  sqlite3_stmt *stmt = statement (self, "UPDATE sheet SET is_open = ?2 WHERE id = ?1");

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, open);
  return step_done (self, stmt, error);
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

  if (!begin (self, error))
    return FALSE;
  stmt = statement (self, "INSERT INTO history (sheet_id, saved_at, path, content)"
                          " VALUES (?1, ?2, ?3, ?4)");
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  bind_text (stmt, 3, path);
  sqlite3_bind_blob64 (stmt, 4, data ? data : "", size, SQLITE_TRANSIENT);
  ok = step_done (self, stmt, error);
  if (ok)
    {
      stmt = statement (self, "DELETE FROM history WHERE sheet_id = ?1 AND id NOT IN"
                              " (SELECT id FROM history WHERE sheet_id = ?1"
                              "  ORDER BY id DESC LIMIT ?2)");
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int) self->history_limit);
      ok = step_done (self, stmt, error);
    }
  return commit_or_rollback (self, ok, error);
}

/* Newest first. */
GPtrArray *
kensho_workspace_list_history (KenshoWorkspace *self, gint64 id, GError **error)
{
  GPtrArray *entries = g_ptr_array_new_with_free_func ((GDestroyNotify) kensho_history_entry_free);
  sqlite3_stmt *stmt = statement (self, "SELECT id, saved_at, path, content FROM history"
                                        " WHERE sheet_id = ?1 ORDER BY id DESC");

  sqlite3_bind_int64 (stmt, 1, id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      KenshoHistoryEntry *entry = g_new0 (KenshoHistoryEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->saved_at = sqlite3_column_int64 (stmt, 1);
      entry->path = g_strdup (column_text (stmt, 2));
      entry->content = g_bytes_new (sqlite3_column_blob (stmt, 3), sqlite3_column_bytes (stmt, 3));
      g_ptr_array_add (entries, entry);
    }
  sqlite3_reset (stmt);
  return entries;
}

/* Following a sheet's changes ---------------------------------------------- */

static void
tracked_sheet_free (TrackedSheet *tracked)
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

static void
on_sheet_changed (KenshoSheet *sheet, int change, GObject *object, TrackedSheet *tracked)
{
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
  sqlite3_stmt *stmt = statement (self, "SELECT nid FROM node WHERE sheet_id = ?1");

  sqlite3_bind_int64 (stmt, 1, tracked->id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    if (kensho_sheet_lookup (tracked->sheet, column_text (stmt, 0)) == NULL)
      g_ptr_array_add (removed, g_strdup (column_text (stmt, 0)));
  sqlite3_reset (stmt);

  for (guint i = 0; i < removed->len; i++)
    {
      stmt = statement (self, "DELETE FROM node WHERE sheet_id = ?1 AND nid = ?2");
      sqlite3_bind_int64 (stmt, 1, tracked->id);
      bind_text (stmt, 2, g_ptr_array_index (removed, i));
      if (!step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
node_row_exists (KenshoWorkspace *self, gint64 id, KenshoNode *node)
{
  sqlite3_stmt *stmt = statement (self, "SELECT 1 FROM node WHERE sheet_id = ?1 AND nid = ?2");
  gboolean exists;

  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, kensho_node_get_id (node));
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

  if (tracked->meta && !write_meta (self, tracked->id, tracked->sheet, error))
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
              if (!(exists ? write_node_row (self, tracked->id, child, i, error)
                           : write_subtree (self, tracked->id, child, i, FALSE, error)))
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
      if (!write_node_row (self, tracked->id, node, kensho_node_get_position (node), error))
        return FALSE;
      if (KENSHO_IS_INDICATOR (node) &&
          !write_indicator_content (self, tracked->id, KENSHO_INDICATOR (node), FALSE, error))
        return FALSE;
    }

  stmt = statement (self, "UPDATE sheet SET unsaved = 1, modified = ?2 WHERE id = ?1");
  sqlite3_bind_int64 (stmt, 1, tracked->id);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  return step_done (self, stmt, error);
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
  gboolean ok = TRUE;
  gboolean had_error;

  g_return_val_if_fail (KENSHO_IS_WORKSPACE (self), FALSE);

  g_clear_handle_id (&self->flush_source, g_source_remove);
  if (!kensho_workspace_has_pending (self))
    return TRUE;

  if (!begin (self, &local_error))
    ok = FALSE;
  g_hash_table_iter_init (&iter, self->tracked);
  while (ok && g_hash_table_iter_next (&iter, NULL, &value))
    {
      TrackedSheet *tracked = value;

      if (tracked->sheet != NULL && tracked_is_pending (tracked))
        ok = flush_tracked (self, tracked, &local_error);
    }
  if (ok)
    ok = commit_or_rollback (self, TRUE, &local_error);
  else
    exec (self, "ROLLBACK", NULL);

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
        g_signal_emit (self, signals[STATUS_CHANGED], 0);
      return TRUE;
    }

  g_free (self->write_error);
  self->write_error = g_strdup (local_error ? local_error->message : "");
  g_signal_emit (self, signals[STATUS_CHANGED], 0);
  if (error != NULL)
    *error = g_steal_pointer (&local_error);
  return FALSE;
}
