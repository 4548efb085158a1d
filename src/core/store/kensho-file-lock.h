/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define KENSHO_TYPE_FILE_LOCK (kensho_file_lock_get_type ())
G_DECLARE_FINAL_TYPE (KenshoFileLock, kensho_file_lock, KENSHO, FILE_LOCK, GObject)

/* A lock file beside a shared sheet (".~lock.NAME#", as office suites do),
 * created exclusively and holding who has the sheet open in LibreOffice's
 * format: the person's name, login name, host, time and a profile field
 * that names the Kensho process. Kensho's older format is read too. It tells a second person who is working on the
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
/* Reads the lock beside @path without taking it: FALSE when there is none
 * that anyone holds. */
gboolean        kensho_file_lock_peek          (KenshoFileLock  *self);

/* The profile field of Kensho's locks starts with this. */
#define KENSHO_LOCK_PROFILE_MARK "kensho:"
/* The name put in new locks: @name (the app's preference), or the passwd
 * entry's full name when NULL or empty. */
void            kensho_file_lock_set_person_name (const char *name);
char           *kensho_file_lock_dup_person_name (void);
/* Whether process ids are a sandbox's (Flatpak), not the host's. */
gboolean        kensho_file_lock_in_sandbox      (void);

G_END_DECLS
