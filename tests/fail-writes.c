/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A full disk on demand, with no root and no mount: write(), pwrite() and
 * fallocate() are defined here, so the dynamic linker hands them to GLib
 * and SQLite before the C library's; they fail for files under one folder
 * and pass everything else on to the real ones. */
/* The plain and the 64-bit names are both defined below, so the headers
 * must not rename one into the other. */
#undef _FILE_OFFSET_BITS
#define _GNU_SOURCE
#define _LARGEFILE64_SOURCE
#include "config.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "fail-writes.h"

static char *failing_prefix;
static int failing_errno;

void
fail_writes_starting (const char *path_prefix, int error_number)
{
  g_free (failing_prefix);
  failing_prefix = g_strdup (path_prefix);
  failing_errno = error_number;
}

void
fail_writes_under (const char *folder, int error_number)
{
  g_autofree char *prefix = folder ? g_strconcat (folder, "/", NULL) : NULL;

  fail_writes_starting (prefix, error_number);
}

/* Whether the file open as fd has a path starting with prefix. */
static gboolean
fd_path_starts_with (int fd, const char *prefix)
{
  char link[64], target[4096];
  ssize_t length;
  int saved_errno = errno;

  if (prefix == NULL)
    return FALSE;
  snprintf (link, sizeof link, "/proc/self/fd/%d", fd);
  length = readlink (link, target, sizeof target - 1);
  errno = saved_errno;
  if (length <= 0)
    return FALSE;
  target[length] = '\0';
  return strncmp (target, prefix, strlen (prefix)) == 0;
}

static gboolean
should_fail (int fd)
{
  return fd_path_starts_with (fd, failing_prefix);
}

/* Fails for a file under the folder, or calls the C library's own. */
#define FAIL_OR_CALL(name, fd, ...) \
  static __typeof__ (name) *real_##name; \
  if (real_##name == NULL) \
    real_##name = (__typeof__ (name) *) dlsym (RTLD_NEXT, #name); \
  if (should_fail (fd)) \
    { \
      if (failing_errno < 0) \
        raise (-failing_errno); \
      errno = failing_errno; \
      return -1; \
    } \
  return real_##name (fd, __VA_ARGS__)

ssize_t
write (int fd, const void *buffer, size_t count)
{
  FAIL_OR_CALL (write, fd, buffer, count);
}

ssize_t
pwrite (int fd, const void *buffer, size_t count, off_t offset)
{
  FAIL_OR_CALL (pwrite, fd, buffer, count, offset);
}

ssize_t
pwrite64 (int fd, const void *buffer, size_t count, off64_t offset)
{
  FAIL_OR_CALL (pwrite64, fd, buffer, count, offset);
}

int
fallocate (int fd, int mode, off_t offset, off_t length)
{
  FAIL_OR_CALL (fallocate, fd, mode, offset, length);
}

int
fallocate64 (int fd, int mode, off64_t offset, off64_t length)
{
  FAIL_OR_CALL (fallocate64, fd, mode, offset, length);
}

static char *refused_rename_target;
static int refused_rename_errno;

void
fail_renames_to (const char *path, int error_number)
{
  g_free (refused_rename_target);
  refused_rename_target = g_strdup (path);
  refused_rename_errno = error_number;
}

static char *refused_unlink_suffix;
static int refused_unlink_errno;

void
fail_unlinks_ending (const char *suffix, int error_number)
{
  g_free (refused_unlink_suffix);
  refused_unlink_suffix = g_strdup (suffix);
  refused_unlink_errno = error_number;
}

/* A file server that has not yet let go of a file closed a moment ago. */
int
unlink (const char *path)
{
  static __typeof__ (unlink) *real_unlink;

  if (real_unlink == NULL)
    real_unlink = (__typeof__ (unlink) *) dlsym (RTLD_NEXT, "unlink");
  if (refused_unlink_suffix != NULL && g_str_has_suffix (path, refused_unlink_suffix))
    {
      errno = refused_unlink_errno;
      return -1;
    }
  return real_unlink (path);
}

static GMutex block_mutex;
static GCond block_cond;
static char *blocked_rename_target;
static int rename_waiting;

/* Sets what is held (NULL: nothing), and lets go of what was. */
static void
set_blocked (char **blocked, const char *path)
{
  g_mutex_lock (&block_mutex);
  g_free (*blocked);
  g_atomic_pointer_set (blocked, g_strdup (path));
  g_cond_broadcast (&block_cond);
  g_mutex_unlock (&block_mutex);
}

/* Waits while @path is the one held, with *waiting set meanwhile. */
static void
wait_while_blocked (char **blocked, const char *path, int *waiting)
{
  if (g_atomic_pointer_get (blocked) == NULL)
    return;
  g_mutex_lock (&block_mutex);
  if (*blocked != NULL && strcmp (path, *blocked) == 0)
    {
      g_atomic_int_set (waiting, TRUE);
      while (*blocked != NULL)
        g_cond_wait (&block_cond, &block_mutex);
      g_atomic_int_set (waiting, FALSE);
    }
  g_mutex_unlock (&block_mutex);
}

void
block_renames_to (const char *path)
{
  set_blocked (&blocked_rename_target, path);
}

gboolean
rename_is_blocked (void)
{
  return g_atomic_int_get (&rename_waiting);
}

/* A file server that will not replace a file open in another program. */
int
rename (const char *from, const char *to)
{
  static __typeof__ (rename) *real_rename;

  if (real_rename == NULL)
    real_rename = (__typeof__ (rename) *) dlsym (RTLD_NEXT, "rename");
  if (refused_rename_target != NULL && strcmp (to, refused_rename_target) == 0)
    {
      errno = refused_rename_errno;
      return -1;
    }
  wait_while_blocked (&blocked_rename_target, to, &rename_waiting);
  return real_rename (from, to);
}

static char *blocked_open_path;
static int open_waiting;

void
block_opens_of (const char *path)
{
  set_blocked (&blocked_open_path, path);
}

gboolean
open_is_blocked (void)
{
  return g_atomic_int_get (&open_waiting);
}

/* A file on a slow share: opening it waits, in its thread, while blocked. */
#define WAIT_AND_OPEN(name, path, flags) \
  static __typeof__ (name) *real_##name; \
  int mode = 0; \
  if ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE) \
    { \
      va_list args; \
      va_start (args, flags); \
      mode = va_arg (args, int); \
      va_end (args); \
    } \
  if (real_##name == NULL) \
    real_##name = (__typeof__ (name) *) dlsym (RTLD_NEXT, #name); \
  wait_while_blocked (&blocked_open_path, path, &open_waiting); \
  return real_##name (path, flags, mode)

int
open (const char *path, int flags, ...)
{
  WAIT_AND_OPEN (open, path, flags);
}

int
open64 (const char *path, int flags, ...)
{
  WAIT_AND_OPEN (open64, path, flags);
}

static char *counted_prefix;
static char *sync_failing_prefix;
static int sync_failing_errno;
static GThread *counting_thread;
static int syncs_here, syncs_elsewhere;

void
count_syncs_under (const char *folder)
{
  g_free (counted_prefix);
  counted_prefix = folder ? g_strconcat (folder, "/", NULL) : NULL;
  counting_thread = g_thread_self ();
  g_atomic_int_set (&syncs_here, 0);
  g_atomic_int_set (&syncs_elsewhere, 0);
}

void
fail_syncs_under (const char *folder, int error_number)
{
  static GPtrArray *retired;
  char *prefix = folder ? g_strconcat (folder, "/", NULL) : NULL;
  char *old;

  /* Read by the sync thread: the old prefix is kept, never freed under it. */
  if (retired == NULL)
    retired = g_ptr_array_new ();
  g_atomic_int_set (&sync_failing_errno, error_number);
  old = g_atomic_pointer_exchange (&sync_failing_prefix, prefix);
  if (old != NULL)
    g_ptr_array_add (retired, old);
}

guint
syncs_on_this_thread (void)
{
  return (guint) g_atomic_int_get (&syncs_here);
}

guint
syncs_on_other_threads (void)
{
  return (guint) g_atomic_int_get (&syncs_elsewhere);
}

/* Counts a sync of a file under the folder, then does it, or fails it. */
#define COUNT_AND_SYNC(name, fd) \
  static __typeof__ (name) *real_##name; \
  const char *failing = g_atomic_pointer_get (&sync_failing_prefix); \
  if (real_##name == NULL) \
    real_##name = (__typeof__ (name) *) dlsym (RTLD_NEXT, #name); \
  if (fd_path_starts_with (fd, counted_prefix)) \
    g_atomic_int_inc (g_thread_self () == counting_thread ? &syncs_here : &syncs_elsewhere); \
  if (failing != NULL && fd_path_starts_with (fd, failing)) \
    { \
      errno = g_atomic_int_get (&sync_failing_errno); \
      return -1; \
    } \
  return real_##name (fd)

int
fsync (int fd)
{
  COUNT_AND_SYNC (fsync, fd);
}

int
fdatasync (int fd)
{
  COUNT_AND_SYNC (fdatasync, fd);
}
