/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Temporary files are named "NAME.~kensho.PID.START.HOST.XXXXXX" beside the
 * file NAME they replace: the process (its id and start time, on this host)
 * that writes them. One left by a process that was killed (SIGKILL, power
 * cut) is removed by the next write into its folder once that process is
 * gone. */
#define KENSHO_TEMP_FILE_MARK ".~kensho."

/* Writes @contents to a temporary file beside @path, flushes it to disk and
 * renames it over @path; stale temporary files of dead processes in that
 * folder go first. Errors are G_FILE_ERROR; no temporary file is left. */
gboolean kensho_file_write_replace     (const char  *path,
                                        const char  *contents,
                                        gsize        length,
                                        GError     **error);

/* Saves a file the user named: a link is written through to its file; a
 * folder, device or pipe is refused; the message says why in words. */
gboolean kensho_write_file_atomically  (const char  *path,
                                        const char  *contents,
                                        gsize        length,
                                        GError     **error);

/* kensho_file_write_replace() could write the new file but the rename over
 * @path was refused (a CIFS file open in another program): the file is as
 * it was. */
#define KENSHO_FILE_WRITE_ERROR (kensho_file_write_error_quark ())
GQuark   kensho_file_write_error_quark (void);
typedef enum
{
  KENSHO_FILE_WRITE_ERROR_RENAME_REFUSED,
} KenshoFileWriteError;

/* Writes @contents over @path itself, where a rename is refused: the
 * space is taken first (a full disk leaves the file untouched), and
 * @previous, the file's content, is written back if writing fails. */
gboolean kensho_file_write_in_place    (const char  *path,
                                        const char  *contents,
                                        gsize        length,
                                        GBytes      *previous,
                                        GError     **error);

/* "Could not save “PATH”: the reason in words", as a G_IO_ERROR with the
 * code of @file_error (a G_FILE_ERROR of the two writers above). */
void     kensho_file_write_set_save_error (GError       **error,
                                           const char    *path,
                                           const GError  *file_error);

G_END_DECLS
