/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @path (or, when it does not exist yet, its folder) is on a
 * network or FUSE filesystem (statfs f_type: CIFS, SMB2, NFS, FUSE, 9P,
 * Ceph, AFS...), where file change monitors stay silent and SQLite's WAL
 * cannot be shared (sqlite.org/wal.html). KENSHO_TEST_NETWORK_PREFIX, for
 * tests, names a local folder to be taken for one. */
gboolean kensho_path_is_on_network (const char *path);

/* Whether @path is a file the document portal hands a sandboxed app
 * (/run/user/UID/doc/ID/NAME, or under this user's runtime folder): no
 * other program sees a file made beside it, so no lock can be made. */
gboolean kensho_path_is_document_portal (const char *path);

G_END_DECLS
