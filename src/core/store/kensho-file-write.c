/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "kensho-error.h"
#include "kensho-file-write.h"

/* The start time of process @pid (clock ticks since boot, from
 * /proc/PID/stat): with the id it names one process, as ids are reused.
 * FALSE when there is no such process; *start is 0 where /proc is missing. */
static gboolean
process_start (GPid pid, guint64 *start)
{
  g_autofree char *stat_path = g_strdup_printf ("/proc/%d/stat", (int) pid);
  g_autofree char *contents = NULL;
  const char *fields;
  g_auto(GStrv) parts = NULL;

  *start = 0;
  if (!g_file_get_contents (stat_path, &contents, NULL, NULL))
    {
      /* No /proc: ask the kernel whether the id is in use. */
      if (g_file_test ("/proc/self/stat", G_FILE_TEST_EXISTS))
        return FALSE;
      return kill (pid, 0) == 0 || errno == EPERM;
    }
  /* The command name in parentheses may hold spaces: fields follow the
   * last ')'; the start time is the 22nd field, the 20th after it. */
  fields = strrchr (contents, ')');
  if (fields == NULL)
    return TRUE;
  parts = g_strsplit (fields + 1, " ", 0);
  if (g_strv_length (parts) > 20)
    *start = g_ascii_strtoull (parts[20], NULL, 10);
  return TRUE;
}

/* The host name as it can stand in a file name. */
static char *
dup_host (void)
{
  char *host = g_strndup (g_get_host_name (), 64);

  for (char *p = host; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '-')
      *p = '_';
  return host;
}

/* Whether @name is a temporary file of a process of this host that is
 * gone. Ones of other hosts (a shared folder) are left to them. */
static gboolean
is_stale (const char *name, const char *host)
{
  const char *p = g_strrstr (name, KENSHO_TEMP_FILE_MARK);
  char *end;
  guint64 pid, start, running_start;

  if (p == NULL)
    return FALSE;
  p += strlen (KENSHO_TEMP_FILE_MARK);
  pid = g_ascii_strtoull (p, &end, 10);
  if (end == p || *end != '.' || pid == 0 || pid > G_MAXINT)
    return FALSE;
  p = end + 1;
  start = g_ascii_strtoull (p, &end, 10);
  if (end == p || *end != '.')
    return FALSE;
  p = end + 1;
  if (!g_str_has_prefix (p, host) || p[strlen (host)] != '.' || strlen (p + strlen (host) + 1) != 6)
    return FALSE;
  if (!process_start ((GPid) pid, &running_start))
    return TRUE;
  /* The id now names another process. */
  return start != 0 && running_start != 0 && start != running_start;
}

static void
remove_stale (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  g_autofree char *host = dup_host ();
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = NULL;
      GStatBuf info;

      if (!is_stale (name, host))
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &info) == 0 && S_ISREG (info.st_mode))
        g_unlink (path);
    }
}

static void
set_errno_error (GError **error, int saved_errno)
{
  g_set_error_literal (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno), g_strerror (saved_errno));
}

/* An empty temporary file beside @path, open for writing; -1 on error. */
static int
create_temp (const char *path, char **temp_path, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *host = dup_host ();
  g_autofree char *suffix = NULL;
  g_autofree char *name = NULL;
  const char *cut;
  char *template;
  guint64 start;
  int fd;

  process_start (getpid (), &start);
  suffix = g_strdup_printf (KENSHO_TEMP_FILE_MARK "%d.%" G_GUINT64_FORMAT ".%s.XXXXXX", (int) getpid (), start, host);
  /* The file's name first, shortened to keep within 255 bytes. */
  cut = base + MIN (strlen (base), 255 - strlen (suffix));
  while (cut > base && (*cut & 0xC0) == 0x80)
    cut--;
  name = g_strdup_printf ("%.*s%s", (int) (cut - base), base, suffix);
  template = g_build_filename (dir, name, NULL);
  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_errno_error (error, errno);
      g_free (template);
      return -1;
    }
  *temp_path = template;
  return fd;
}

static gboolean
write_all (int fd, const char *contents, gsize length)
{
  while (length > 0)
    {
      gssize n = write (fd, contents, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          if (n == 0)
            errno = EIO;
          return FALSE;
        }
      contents += n;
      length -= n;
    }
  return TRUE;
}

/* The file the rename replaces keeps what it was to colleagues: its
 * owner and group (a shared group's write access), its mode (a private
 * 0600 must not become 0644) and its ACL. Best effort: a filesystem
 * without ACLs, or a group this user is not in, leaves the default. */
static void
copy_rights (int fd, const char *path)
{
  struct stat st;
  char acl[4096];
  gssize size;

  if (g_stat (path, &st) != 0 || !S_ISREG (st.st_mode))
    return;
  if (fchown (fd, st.st_uid, st.st_gid) != 0 && fchown (fd, (uid_t) -1, st.st_gid) != 0)
    {
      /* Not in that group: at least no wider than before. */
    }
  fchmod (fd, st.st_mode & 07777);
  size = getxattr (path, "system.posix_acl_access", acl, sizeof acl);
  if (size > 0)
    fsetxattr (fd, "system.posix_acl_access", acl, (size_t) size, 0);
}

/* What a file server answers when the file is open in another program
 * (a Windows server) or may not be replaced: not a full disk, not a
 * folder without permission, as the temporary file was made there. */
static gboolean
is_rename_refusal (int saved_errno)
{
  return saved_errno == EACCES || saved_errno == EPERM || saved_errno == EBUSY ||
         saved_errno == ETXTBSY;
}

/* A file server refuses the rename while another program has the file
 * open, often only for the moment it reads it: a few tries over about a
 * second before giving up. */
static int
rename_patiently (const char *from, const char *to)
{
  for (guint attempt = 0;; attempt++)
    {
      if (g_rename (from, to) == 0)
        return 0;
      if (!is_rename_refusal (errno) || attempt >= 8)
        return -1;
      g_usleep ((attempt + 1) * 25 * 1000);
    }
}

gboolean
kensho_file_write_replace (const char *path, const char *contents, gsize length, GError **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *temp_path = NULL;
  int fd, saved_errno;
  gboolean renaming = FALSE;

  remove_stale (dir);
  fd = create_temp (path, &temp_path, error);
  if (fd < 0)
    return FALSE;
  copy_rights (fd, path);
  /* Flushed before the rename, so that a power cut leaves the old file or
   * the new one, never an empty one. */
  if (write_all (fd, contents, length) && fsync (fd) == 0)
    {
      renaming = TRUE;
      if (close (fd) == 0 && rename_patiently (temp_path, path) == 0)
        return TRUE;
      fd = -1;
    }
  saved_errno = errno;
  if (fd >= 0)
    close (fd);
  g_unlink (temp_path);
  if (renaming && is_rename_refusal (saved_errno) && g_file_test (path, G_FILE_TEST_IS_REGULAR))
    g_set_error (error, KENSHO_FILE_WRITE_ERROR, KENSHO_FILE_WRITE_ERROR_RENAME_REFUSED, "%s",
                 g_strerror (saved_errno));
  else
    set_errno_error (error, saved_errno);
  return FALSE;
}

G_DEFINE_QUARK (kensho-file-write-error-quark, kensho_file_write_error)

/* Room for the whole of it first, so that a full disk stops the write
 * before the file is touched; if writing fails after all, @previous goes
 * back. */
gboolean
kensho_file_write_in_place (const char *path, const char *contents, gsize length,
                            GBytes *previous, GError **error)
{
  /* Through a link, to its file, as a replacing save does. */
  int fd = g_open (path, O_WRONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0);
  int saved_errno, err;
  struct stat st;
  gsize previous_length = 0;
  const char *previous_data = previous ? g_bytes_get_data (previous, &previous_length) : NULL;

  if (fd < 0)
    {
      set_errno_error (error, errno);
      return FALSE;
    }
  if (fstat (fd, &st) != 0 || !S_ISREG (st.st_mode))
    {
      close (fd);
      set_errno_error (error, EINVAL);
      return FALSE;
    }
  err = length > 0 ? posix_fallocate (fd, 0, (off_t) length) : 0;
  /* A filesystem without fallocate (some shares) writes without it. */
  if (err != 0 && err != EOPNOTSUPP && err != ENOSYS && err != EINVAL)
    {
      close (fd);
      set_errno_error (error, err);
      return FALSE;
    }
  if (write_all (fd, contents, length) && ftruncate (fd, (off_t) length) == 0 && fsync (fd) == 0 &&
      close (fd) == 0)
    return TRUE;
  saved_errno = errno;
  if (previous_data != NULL && lseek (fd, 0, SEEK_SET) == 0 &&
      write_all (fd, previous_data, previous_length))
    {
      if (ftruncate (fd, (off_t) previous_length) == 0)
        fsync (fd);
    }
  close (fd);
  set_errno_error (error, saved_errno);
  return FALSE;
}

static const char *
describe_file_error (int code)
{
  switch (code)
    {
    case G_FILE_ERROR_NOSPC: return _("The disk is full.");
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM: return _("You do not have permission to write there.");
    case G_FILE_ERROR_ROFS: return _("The disk or folder is read-only.");
    case G_FILE_ERROR_ISDIR: return _("There is a folder of that name.");
    case G_FILE_ERROR_NOENT:
    case G_FILE_ERROR_NOTDIR: return _("The folder does not exist.");
    default: return NULL;
    }
}

gboolean
kensho_write_file_atomically (const char *path, const char *contents, gsize length,
                              GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *target = NULL;
  GStatBuf info;

  g_return_val_if_fail (path != NULL, FALSE);

  /* A link is written through, to the file it names: the rename would
   * have put a plain file in its place. */
  if (g_lstat (path, &info) == 0 && S_ISLNK (info.st_mode))
    {
      target = realpath (path, NULL);
      if (target == NULL || g_lstat (target, &info) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("Could not save “%s”: %s"), path,
                       _("It is a link to a file that does not exist."));
          return FALSE;
        }
    }
  if (g_lstat (target ? target : path, &info) == 0 && S_ISDIR (info.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("Could not save “%s”: %s"), path,
                   describe_file_error (G_FILE_ERROR_ISDIR));
      return FALSE;
    }
  /* A device or a pipe (-o /dev/null as root) would be replaced by a
   * plain file: refused, left as it is. */
  if (g_lstat (target ? target : path, &info) == 0 && !S_ISREG (info.st_mode))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE, _("Could not save “%s”: %s"), path,
                   _("It is a device or a pipe, not a file."));
      return FALSE;
    }
  /* Its temporary file is named so that the next write removes it if this
   * process is killed before the rename. */
  if (kensho_file_write_replace (target ? target : path, contents, length, &local_error))
    return TRUE;
  if (g_error_matches (local_error, KENSHO_FILE_WRITE_ERROR, KENSHO_FILE_WRITE_ERROR_RENAME_REFUSED))
    {
      g_set_error (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_RENAME_REFUSED,
                   _("“%s” could not be replaced (%s): is it open in another program?"), path,
                   local_error->message);
      return FALSE;
    }

  kensho_file_write_set_save_error (error, path, local_error);
  return FALSE;
}

void
kensho_file_write_set_save_error (GError **error, const char *path, const GError *file_error)
{
  const char *reason = describe_file_error (file_error->code);

  g_set_error (error, G_IO_ERROR, g_io_error_from_file_error (file_error->code),
               _("Could not save “%s”: %s"), path, reason ? reason : file_error->message);
}
