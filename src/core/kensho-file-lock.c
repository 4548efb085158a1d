/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
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
  char *owner_host;
  int owner_pid;
  GDateTime *owner_since;
};

G_DEFINE_FINAL_TYPE (KenshoFileLock, kensho_file_lock, G_TYPE_OBJECT)

static void
clear_owner (KenshoFileLock *self)
{
  g_clear_pointer (&self->owner_user, g_free);
  g_clear_pointer (&self->owner_host, g_free);
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

/* Reads "user\nhost\npid\nunix-time\n"; anything else is not a lock of ours
 * and is left alone. */
static gboolean
read_owner (KenshoFileLock *self)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 since;

  clear_owner (self);
  if (!g_file_get_contents (self->lock_path, &contents, NULL, NULL))
    return FALSE;
  lines = g_strsplit (contents, "\n", 5);
  if (g_strv_length (lines) < 4)
    return FALSE;
  self->owner_user = g_strdup (lines[0]);
  self->owner_host = g_strdup (lines[1]);
  self->owner_pid = (int) g_ascii_strtoll (lines[2], NULL, 10);
  since = g_ascii_strtoll (lines[3], NULL, 10);
  self->owner_since = g_date_time_new_from_unix_local (since);
  return self->owner_since != NULL;
}

/* A lock left by a process of this machine that no longer runs (a crash,
 * a power cut) is stale and may be broken. */
static gboolean
owner_is_dead (KenshoFileLock *self)
{
  if (g_strcmp0 (self->owner_host, g_get_host_name ()) != 0 || self->owner_pid <= 0)
    return FALSE;
  return kill (self->owner_pid, 0) != 0 && errno == ESRCH;
}

static int
create_exclusive (KenshoFileLock *self)
{
  int fd = g_open (self->lock_path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  gsize length;

  if (fd < 0)
    return errno;
  g_free (self->contents);
  self->contents = g_strdup_printf ("%s\n%s\n%d\n%" G_GINT64_FORMAT "\n", g_get_user_name (),
                                    g_get_host_name (), (int) getpid (),
                                    g_get_real_time () / G_USEC_PER_SEC);
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

/* Returns FALSE with KENSHO_ERROR_LOCKED when someone else has the file;
 * the owner can then be read. Returns TRUE without holding the lock when
 * the folder does not allow one (a read-only share). */
gboolean
kensho_file_lock_acquire (KenshoFileLock *self, GError **error)
{
  g_return_val_if_fail (KENSHO_IS_FILE_LOCK (self), FALSE);

  if (self->held)
    return TRUE;
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      int err = create_exclusive (self);

      if (err == 0)
        {
          self->held = TRUE;
          return TRUE;
        }
      if (err != EEXIST)
        return TRUE;
      if (!read_owner (self))
        {
          /* Being written this very moment, or not ours: treat as taken. */
          g_set_error (error, KENSHO_ERROR, KENSHO_ERROR_LOCKED,
                       _("The sheet is in use (its lock file “%s” exists)."), self->lock_path);
          return FALSE;
        }
      if (!owner_is_dead (self))
        break;
      g_unlink (self->lock_path);
    }
  {
    g_autofree char *since = g_date_time_format (self->owner_since, "%Y-%m-%d %H:%M");

    g_set_error (error, KENSHO_ERROR, KENSHO_ERROR_LOCKED,
                 _("%s (on %s) has had this sheet open since %s."),
                 self->owner_user, self->owner_host, since);
  }
  return FALSE;
}

void
kensho_file_lock_release (KenshoFileLock *self)
{
  g_autofree char *contents = NULL;

  g_return_if_fail (KENSHO_IS_FILE_LOCK (self));

  if (!self->held)
    return;
  self->held = FALSE;
  /* Someone may have broken our lock and taken the file: leave theirs. */
  if (g_file_get_contents (self->lock_path, &contents, NULL, NULL) &&
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
