/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Larger than any real sheet (a sheet of 47 indicators is 60 kB; 40,000
 * indicators fit), small enough that a stray video file or disk image is
 * refused before it is read. */
#define KENSHO_MAX_SHEET_FILE_SIZE ((gsize) 64 * 1024 * 1024)

/* The limits in force: the ones above, or, with KENSHO_LARGE_SHEETS=1 in
 * the environment (for a strategy merged with a general plan, and for the
 * benchmarks' 100,000 indicators), 4× the file size and 10× the elements. */
gsize kensho_max_sheet_file_size (void);
guint kensho_max_sheet_elements  (guint normal);

/* Reads a file that may be hostile: only a regular file (never a pipe,
 * device or socket, which could block or never end), at most max_size
 * bytes, read into memory (no mapping that a truncation on a shared
 * drive would turn into SIGBUS). Errors are G_IO_ERROR or
 * KENSHO_FORMAT_ERROR_TOO_LARGE, with a message that starts with the path. */
GBytes *kensho_file_read_bounded (const char  *path,
                                  gsize        max_size,
                                  GError     **error);

G_END_DECLS
