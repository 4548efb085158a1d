/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kensho-error.h"
#include "kensho-file-lock.h"

struct _KenshoFileLock
{
  GObject parent_instance;
  char *lock_path;
  char *contents;   /* what we wrote, to remove only our own lock */
  gboolean held;
  char *owner_user;
  char *owner_name;
  char *owner_host;
  int owner_pid;
  char *owner_token;
  GDateTime *owner_since;
};

/* Set by the app from its preferences; NULL: the passwd entry's name. */
static char *preferred_person_name;
G_LOCK_DEFINE_STATIC (preferred_person_name);
/* The lock paths this process holds now (another workspace of the same
 * process is another person, as far as locks go). */
static GHashTable *held_paths;
G_LOCK_DEFINE_STATIC (held_paths);

static void
set_held (KenshoFileLock *self, gboolean held)
{
  self->held = held;
  G_LOCK (held_paths);
  if (held_paths == NULL)
    held_paths = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (held)
    g_hash_table_add (held_paths, g_strdup (self->lock_path));
  else
    g_hash_table_remove (held_paths, self->lock_path);
  G_UNLOCK (held_paths);
}

static gboolean
held_in_process (const char *lock_path)
{
  gboolean held;

  G_LOCK (held_paths);
  held = held_paths != NULL && g_hash_table_contains (held_paths, lock_path);
  G_UNLOCK (held_paths);
  return held;
}

G_DEFINE_FINAL_TYPE (KenshoFileLock, kensho_file_lock, G_TYPE_OBJECT)

static void
clear_owner (KenshoFileLock *self)
{
  g_clear_pointer (&self->owner_user, g_free);
  g_clear_pointer (&self->owner_name, g_free);
  g_clear_pointer (&self->owner_host, g_free);
  g_clear_pointer (&self->owner_token, g_free);
  g_clear_pointer (&self->owner_since, g_date_time_unref);
  self->owner_pid = 0;
}

static void
kensho_file_lock_finalize (GObject *object)
{
  KenshoFileLock *self = KENSHO_FILE_LOCK (object);

  kensho_file_lock_release (self);
  clear_owner (self);
  g_free (self->lock_path);
  g_free (self->contents);
  G_OBJECT_CLASS (kensho_file_lock_parent_class)->finalize (object);
}

static void
kensho_file_lock_class_init (KenshoFileLockClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kensho_file_lock_finalize;
}

static void
kensho_file_lock_init (KenshoFileLock *self)
{
}

KenshoFileLock *
kensho_file_lock_new (const char *path)
{
  KenshoFileLock *self = g_object_new (KENSHO_TYPE_FILE_LOCK, NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *name = g_strdup_printf (".~lock.%s#", base);

  self->lock_path = g_build_filename (dir, name, NULL);
  return self;
}

const char *
kensho_file_lock_get_lock_path (KenshoFileLock *self)
{
  return self->lock_path;
}

/* A lock of ours is a few short lines: anything larger is not one. */
#define LOCK_MAX_SIZE 4096
/* A lock that cannot be read is taken for one being written for this
 * long (ours is written right after it is made), then as junk. */
#define LOCK_WRITE_SECONDS 10

typedef enum
{
  LOCK_GONE,   /* removed meanwhile */
  LOCK_OWNED,  /* ours or another Kensho's: the owner is known */
  LOCK_FRESH,  /* unreadable, but just made: perhaps being written */
  LOCK_JUNK,   /* not a lock anyone holds: may be removed */
} LockState;

/* Reads the lock without following a link, never waiting on a pipe, and
 * only a regular file of a few lines: a FIFO, /dev/zero or a huge file
 * put there by anyone who can write to the share must not hang or fill
 * memory. Returns 0, or an errno (EFBIG: not a regular file of ours). */
static int
read_lock_file (const char *path, char **contents, struct stat *st)
{
  char buffer[LOCK_MAX_SIZE + 1];
  gsize length = 0;
  int fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0);

  if (fd < 0)
    return errno;
  if (fstat (fd, st) != 0 || !S_ISREG (st->st_mode) || st->st_size > LOCK_MAX_SIZE)
    {
      close (fd);
      return EFBIG;
    }
  while (length < sizeof buffer - 1)
    {
      gssize n = read (fd, buffer + length, sizeof buffer - 1 - length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      length += (gsize) n;
    }
  close (fd);
  buffer[length] = '\0';
  *contents = g_strndup (buffer, length);
  return 0;
}

/* The lock's text comes from anyone who can write to the share: shown in
 * a one-line message, it must be valid UTF-8 without control characters. */
static char *
printable (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);
  GString *clean = g_string_new (NULL);

  for (const char *p = valid; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (clean, g_unichar_iscntrl (c) ? 0xFFFD : c);
    }
  return g_string_free (clean, FALSE);
}

/* Parses "user\nhost\npid\nunix-time\n[real name\n]". */
static gboolean
parse_owner (KenshoFileLock *self, const char *contents)
{
  g_auto(GStrv) lines = g_strsplit (contents, "\n", 6);
  gint64 since;

  if (g_strv_length (lines) < 4)
    return FALSE;
  self->owner_user = printable (lines[0]);
  self->owner_name = printable (lines[4] != NULL && *lines[4] ? lines[4] : lines[0]);
  self->owner_host = printable (lines[1]);
  self->owner_pid = (int) g_ascii_strtoll (lines[2], NULL, 10);
  since = g_ascii_strtoll (lines[3], NULL, 10);
  self->owner_since = g_date_time_new_from_unix_local (since);
  return self->owner_since != NULL;
}

/* LibreOffice's lock has the same name: one record "Name,login,host,
 * dd.mm.yyyy hh:mm,profile;" with backslash escapes. Its owner cannot be
 * checked for being alive, so it is always respected. */
static gboolean
parse_office_owner (KenshoFileLock *self, const char *contents, gint64 mtime)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) field = g_string_new (NULL);
  int day, month, year, hour, minute;

  if (strchr (contents, ';') == NULL)
    return FALSE;
  for (const char *p = contents; *p && *p != ';'; p++)
    {
      if (*p == '\\' && p[1] != '\0')
        g_string_append_c (field, *++p);
      else if (*p == ',')
        {
          g_ptr_array_add (fields, g_strdup (field->str));
          g_string_truncate (field, 0);
        }
      else
        g_string_append_c (field, *p);
    }
  g_ptr_array_add (fields, g_strdup (field->str));
  if (fields->len < 4)
    return FALSE;
  self->owner_user = printable (g_ptr_array_index (fields, 1));
  self->owner_name = printable (*(char *) g_ptr_array_index (fields, 0) ? g_ptr_array_index (fields, 0)
                                                                        : g_ptr_array_index (fields, 1));
  self->owner_host = printable (g_ptr_array_index (fields, 2));
  /* Ours carry a token naming the process in the profile field. */
  if (fields->len >= 5 && g_str_has_prefix (g_ptr_array_index (fields, 4), KENSHO_LOCK_PROFILE_MARK))
    {
      const char *token = (char *) g_ptr_array_index (fields, 4) + strlen (KENSHO_LOCK_PROFILE_MARK);
      const char *dot = strrchr (token, '.');

      self->owner_token = g_strdup (token);
      self->owner_pid = dot ? (int) g_ascii_strtoll (dot + 1, NULL, 10) : 0;
    }
  if (sscanf (g_ptr_array_index (fields, 3), "%d.%d.%d %d:%d", &day, &month, &year, &hour, &minute) == 5)
    self->owner_since = g_date_time_new_local (year, month, day, hour, minute, 0);
  if (self->owner_since == NULL)
    self->owner_since = g_date_time_new_from_unix_local (mtime);
  return self->owner_since != NULL;
}

static LockState
read_owner (KenshoFileLock *self)
{
  g_autofree char *contents = NULL;
  struct stat st;
  int err;

  clear_owner (self);
  err = read_lock_file (self->lock_path, &contents, &st);
  if (err == ENOENT)
    return LOCK_GONE;
  if (err == 0 && parse_office_owner (self, contents, st.st_mtime))
    return LOCK_OWNED;
  clear_owner (self);
  if (err == 0 && parse_owner (self, contents))
    return LOCK_OWNED;
  clear_owner (self);
  /* Only a regular file of ours can be half-written; it is not for long. */
  if ((err == 0 || (err == EACCES && g_lstat (self->lock_path, &st) == 0 && S_ISREG (st.st_mode))) &&
      ABS ((gint64) st.st_mtime - g_get_real_time () / G_USEC_PER_SEC) < LOCK_WRITE_SECONDS)
    return LOCK_FRESH;
  return LOCK_JUNK;
}

/* A lock left by a process of this machine that no longer runs (a crash,
 * a power cut) is stale and may be broken. */
static gboolean
owner_is_dead (KenshoFileLock *self)
{
  /* In a sandbox, process ids are not the host's: another process of the
   * same id may be anyone's. */
  if (g_strcmp0 (self->owner_host, g_get_host_name ()) != 0 || self->owner_pid <= 0 ||
      kensho_file_lock_in_sandbox ())
    return FALSE;
  return kill (self->owner_pid, 0) != 0 && errno == ESRCH;
}

/* The person's name as the system knows it, for the colleague who finds
 * the sheet taken; the login name when there is none. */
char *
kensho_file_lock_dup_person_name (void)
{
  const char *name = g_get_real_name ();

  G_LOCK (preferred_person_name);
  if (preferred_person_name != NULL)
    {
      char *preferred = g_strdup (preferred_person_name);

      G_UNLOCK (preferred_person_name);
      return preferred;
    }
  G_UNLOCK (preferred_person_name);
  /* GLib's real name is the GECOS field before its first comma. */
  return g_strdup (name && *name && !g_str_equal (name, "Unknown") ? name : g_get_user_name ());
}

void
kensho_file_lock_set_person_name (const char *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  G_LOCK (preferred_person_name);
  g_free (preferred_person_name);
  preferred_person_name = *stripped ? g_steal_pointer (&stripped) : NULL;
  G_UNLOCK (preferred_person_name);
}

gboolean
kensho_file_lock_in_sandbox (void)
{
  return g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS);
}

/* This process, for the whole of its life: a random part, as the process
 * id alone may be a sandbox's, and the id for breaking stale locks. */
static const char *
process_token (void)
{
  static char *token;
  static gsize made;

  if (g_once_init_enter (&made))
    {
      g_autofree char *uuid = g_uuid_string_random ();

      token = g_strdup_printf ("%s.%d", uuid, (int) getpid ());
      g_once_init_leave (&made, 1);
    }
  return token;
}

/* LibreOffice's escaping: a backslash before '\\', ',' and ';'. */
static void
append_escaped (GString *out, const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (*p == '\\' || *p == ',' || *p == ';')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
}

/* One record as LibreOffice writes it (svl lockfilecommon.cxx), so that
 * LibreOffice and Kensho name each other: "Name,login,host,dd.mm.yyyy
 * hh:mm,profile;"; our profile field names this process. */
static char *
make_lock_record (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *person = kensho_file_lock_dup_person_name ();
  g_autofree char *time = g_date_time_format (now, "%d.%m.%Y %H:%M");
  g_autofree char *profile = g_strconcat (KENSHO_LOCK_PROFILE_MARK, process_token (), NULL);
  GString *record = g_string_new (NULL);
  const char *fields[] = { person, g_get_user_name (), g_get_host_name (), time, profile };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (i > 0)
        g_string_append_c (record, ',');
      append_escaped (record, fields[i]);
    }
  g_string_append_c (record, ';');
  return g_string_free (record, FALSE);
}

static int
create_exclusive (KenshoFileLock *self)
{
  int fd = g_open (self->lock_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0644);
  gsize length;

  if (fd < 0)
    return errno;
  /* Readable by every colleague whatever the umask: a lock no one can
   * read would be taken for junk. */
  fchmod (fd, 0644);
  g_free (self->contents);
  self->contents = make_lock_record ();
  length = strlen (self->contents);
  if (write (fd, self->contents, length) != (gssize) length)
    {
      int saved_errno = errno;

      close (fd);
      g_unlink (self->lock_path);
      return saved_errno ? saved_errno : EIO;
    }
  close (fd);
  return 0;
}

/* Returns FALSE with KENSHO_DOCUMENT_ERROR_LOCKED when someone else has the file;
 * the owner can then be read. Returns TRUE without holding the lock when
 * the folder does not allow one (a read-only share), or when something
 * that is no lock sits in its place and cannot be removed. */
gboolean
kensho_file_lock_acquire (KenshoFileLock *self, GError **error)
{
  g_return_val_if_fail (KENSHO_IS_FILE_LOCK (self), FALSE);

  if (self->held)
    return TRUE;
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      int err = create_exclusive (self);

      if (err == 0)
        {
          set_held (self, TRUE);
          return TRUE;
        }
      if (err != EEXIST)
        return TRUE;
      switch (read_owner (self))
        {
        case LOCK_GONE:
          continue;
        case LOCK_FRESH:
          g_set_error (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_LOCKED,
                       _("The sheet is in use (its lock file “%s” exists)."), self->lock_path);
          return FALSE;
        case LOCK_JUNK:
          /* Empty, unreadable, a pipe, a link or huge: no one holds it. */
          if (g_unlink (self->lock_path) != 0 && errno != ENOENT)
            return TRUE;
          continue;
        case LOCK_OWNED:
        default:
          /* Left by this very process (the token, not a process id that
           * a sandbox makes up) and held by none of its locks: ours. */
          if (g_strcmp0 (self->owner_token, process_token ()) == 0 &&
              g_strcmp0 (self->owner_host, g_get_host_name ()) == 0 &&
              !held_in_process (self->lock_path))
            {
              struct stat st;

              g_free (self->contents);
              self->contents = NULL;
              if (read_lock_file (self->lock_path, &self->contents, &st) == 0)
                {
                  set_held (self, TRUE);
                  return TRUE;
                }
              continue;
            }
          if (!owner_is_dead (self))
            {
              g_autofree char *since = g_date_time_format (self->owner_since, "%Y-%m-%d %H:%M");

              g_set_error (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_LOCKED,
                           _("%s (on %s) has had this sheet open since %s."),
                           self->owner_name, self->owner_host, since);
              return FALSE;
            }
          g_unlink (self->lock_path);
        }
    }
  /* Locks that keep coming back as fast as they are removed. */
  g_set_error (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_LOCKED,
               _("The sheet is in use (its lock file “%s” exists)."), self->lock_path);
  return FALSE;
}

gboolean
kensho_file_lock_peek (KenshoFileLock *self)
{
  g_return_val_if_fail (KENSHO_IS_FILE_LOCK (self), FALSE);

  return read_owner (self) == LOCK_OWNED && !owner_is_dead (self);
}

void
kensho_file_lock_release (KenshoFileLock *self)
{
  g_autofree char *contents = NULL;
  struct stat st;

  g_return_if_fail (KENSHO_IS_FILE_LOCK (self));

  if (!self->held)
    return;
  set_held (self, FALSE);
  /* Someone may have broken our lock and taken the file: leave theirs. */
  if (read_lock_file (self->lock_path, &contents, &st) == 0 &&
      g_strcmp0 (contents, self->contents) == 0)
    g_unlink (self->lock_path);
}

gboolean
kensho_file_lock_is_held (KenshoFileLock *self)
{
  return self->held;
}

const char *
kensho_file_lock_get_owner_user (KenshoFileLock *self)
{
  return self->owner_user;
}

/* The person's name, or the login name of an older Kensho's lock. */
const char *
kensho_file_lock_get_owner_name (KenshoFileLock *self)
{
  return self->owner_name;
}

const char *
kensho_file_lock_get_owner_host (KenshoFileLock *self)
{
  return self->owner_host;
}

int
kensho_file_lock_get_owner_pid (KenshoFileLock *self)
{
  return self->owner_pid;
}

GDateTime *
kensho_file_lock_get_owner_since (KenshoFileLock *self)
{
  return self->owner_since;
}
