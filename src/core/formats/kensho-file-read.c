/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kensho-error.h"
#include "kensho-file-read.h"

static void
set_io_error (GError **error, const char *path, int saved_errno)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), _("%s: Could not read the file: %s"),
               path, g_strerror (saved_errno));
}

GBytes *
kensho_file_read_bounded (const char *path, gsize max_size, GError **error)
{
  g_autofree char *buffer = NULL;
  struct stat st;
  gsize length = 0, allocated;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  /* O_NONBLOCK: opening a FIFO with no writer returns at once instead of
   * waiting for ever; regular files ignore it. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EISDIR)
        goto folder;
      set_io_error (error, path, saved_errno);
      return NULL;
    }
  if (fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      close (fd);
      set_io_error (error, path, saved_errno);
      return NULL;
    }
  if (S_ISDIR (st.st_mode))
    {
      close (fd);
      goto folder;
    }
  if (!S_ISREG (st.st_mode))
    {
      close (fd);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("%s: This is not a file but a device or a pipe; it was not opened."), path);
      return NULL;
    }
  if ((guint64) st.st_size > max_size)
    goto too_large;

  /* The size may change while it is read (a file being copied onto a
   * share): read to the end, but never past max_size. */
  allocated = (gsize) st.st_size + 1;
  buffer = g_malloc (allocated);
  for (;;)
    {
      gssize n;

      if (length == allocated)
        {
          if (allocated > max_size)
            {
              close (fd);
              goto too_large;
            }
          allocated = MIN (allocated * 2, max_size + 1);
          buffer = g_realloc (buffer, allocated);
        }
      n = read (fd, buffer + length, allocated - length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          close (fd);
          set_io_error (error, path, saved_errno);
          return NULL;
        }
      if (n == 0)
        break;
      length += (gsize) n;
    }
  close (fd);
  if (length > max_size)
    goto too_large;
  return g_bytes_new_take (g_realloc (g_steal_pointer (&buffer), MAX (length, 1)), length);

folder:
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("%s: This is a folder, not a sheet file."),
               path);
  return NULL;

too_large:
  g_set_error (error, KENSHO_FORMAT_ERROR, KENSHO_FORMAT_ERROR_TOO_LARGE, "%s: %s", path,
               _("The file is far larger than any sheet; it was not opened."));
  return NULL;
}

static gboolean
large_sheets_allowed (void)
{
  return g_strcmp0 (g_getenv ("KENSHO_LARGE_SHEETS"), "1") == 0;
}

gsize
kensho_max_sheet_file_size (void)
{
  return large_sheets_allowed () ? 4 * KENSHO_MAX_SHEET_FILE_SIZE : KENSHO_MAX_SHEET_FILE_SIZE;
}

guint
kensho_max_sheet_elements (guint normal)
{
  return large_sheets_allowed () ? 10 * normal : normal;
}
