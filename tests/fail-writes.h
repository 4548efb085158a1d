/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <signal.h>

G_BEGIN_DECLS

/* Makes every write(), pwrite() and fallocate() of this process into a
 * file under `folder` fail with `error_number` (ENOSPC: a full disk), as
 * the kernel would; NULL ends it. Linked into a test program, these
 * definitions take the place of the C library's for GLib and SQLite too. */
void fail_writes_under (const char *folder,
                        int         error_number);
/* The same for files whose path starts with `path_prefix`: "…/a.pdf"
 * fails a.pdf and the temporary a.pdf.~kensho.… a safe save writes first,
 * and nothing else in the folder. */
void fail_writes_starting (const char *path_prefix,
                           int         error_number);

/* Instead of failing, the process stops at such a write: with SIGKILL
 * (killed while writing) or SIGSTOP (still writing). */
#define FAIL_WRITES_KILL (-SIGKILL)
#define FAIL_WRITES_STOP (-SIGSTOP)

/* Makes rename() onto exactly @path fail with @error_number (EACCES,
 * EBUSY: a CIFS file open in another program); NULL ends it. */
void fail_renames_to (const char *path,
                      int         error_number);

/* Makes unlink() of any path ending in @suffix fail with @error_number
 * (EBUSY: an SMB server that still holds the file a moment after it was
 * closed); NULL ends it. */
void fail_unlinks_ending (const char *suffix,
                          int         error_number);

/* Makes rename() onto exactly @path wait (in its thread) until it is
 * called again with NULL: a save on a slow share, held at will. */
void     block_renames_to  (const char *path);
/* Whether a rename is waiting there now. */
gboolean rename_is_blocked (void);

/* Makes open() of exactly @path wait (in its thread) until it is called
 * again with NULL: a sheet read from a slow share, held at will. */
void     block_opens_of    (const char *path);
/* Whether an open() is waiting there now. */
gboolean open_is_blocked   (void);

/* Counts fsync() and fdatasync() of files under @folder (NULL: none), on
 * the calling thread and on the others, from zero. */
void  count_syncs_under      (const char *folder);
/* fsync() and fdatasync() of files under @folder (NULL: none) fail with
 * @error_number. */
void  fail_syncs_under       (const char *folder,
                              int         error_number);
guint syncs_on_this_thread   (void);
guint syncs_on_other_threads (void);

G_END_DECLS
