/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KENSHO_TYPE_FILE_LOCK (kensho_file_lock_get_type ())
G_DECLARE_FINAL_TYPE (KenshoFileLock, kensho_file_lock, KENSHO, FILE_LOCK, GObject)

/* A lock file beside a shared sheet (".~lock.NAME#", as office suites do),
 * created exclusively and holding who has the sheet open: login name,
 * host, process id, time and the person's name. It tells a second person who is working on the
 * file; it cannot stop anyone, and a folder where no lock can be made
 * still lets the sheet open. */
KenshoFileLock *kensho_file_lock_new          (const char      *path);
gboolean        kensho_file_lock_acquire      (KenshoFileLock  *self,
                                               GError         **error);
void            kensho_file_lock_release      (KenshoFileLock  *self);
gboolean        kensho_file_lock_is_held      (KenshoFileLock  *self);
const char     *kensho_file_lock_get_lock_path (KenshoFileLock *self);
/* After a failed acquire: who has the file. */
const char     *kensho_file_lock_get_owner_user (KenshoFileLock *self);
const char     *kensho_file_lock_get_owner_name (KenshoFileLock *self);
const char     *kensho_file_lock_get_owner_host (KenshoFileLock *self);
int             kensho_file_lock_get_owner_pid  (KenshoFileLock *self);
GDateTime      *kensho_file_lock_get_owner_since (KenshoFileLock *self);

G_END_DECLS
