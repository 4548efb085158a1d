/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A real SMB share for tests (tests/smb-share.sh: a private Samba server on
 * 127.0.0.1 mounted with smbnetfs). Left running for the next test; stop it
 * with `sh tests/smb-share.sh stop`. */
#pragma once

#include <glib.h>
#include <errno.h>
#include <unistd.h>

/* A new empty folder on the share, or NULL with *reason set when this
 * machine cannot have a share (no /dev/fuse, not root, no Samba). */
static inline char *
test_smb_folder (const char *name, char **reason)
{
  const char *tools[] = { "smbd", "smbnetfs", "fusermount", "mountpoint" };
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "smb-share.sh", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "sh", script, "start", NULL };
  int status;

  if (!g_file_test ("/dev/fuse", G_FILE_TEST_EXISTS))
    {
      *reason = g_strdup ("no /dev/fuse here: no SMB share can be mounted");
      return NULL;
    }
  if (geteuid () != 0)
    {
      *reason = g_strdup ("the SMB share needs root (Samba on port 445)");
      return NULL;
    }
  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *found = g_find_program_in_path (tools[i]);

      if (found == NULL)
        {
          *reason = g_strdup_printf ("%s is not installed: no SMB share here", tools[i]);
          return NULL;
        }
    }
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    {
      /* The shared folder may hold a mount this machine cannot take away
       * (another namespace, another user's run): a private one instead. */
      g_autofree char *private_dir = g_build_filename (g_get_tmp_dir (), "kensho-smb-private", NULL);
      const char *argv_private[] = { "sh", script, "start", private_dir, NULL };
      g_autofree char *first_err = g_steal_pointer (&err);

      g_clear_pointer (&out, g_free);
      g_assert_true (g_spawn_sync (NULL, (char **) argv_private, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                                   &err, &status, &error));
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, NULL))
        g_error ("smb-share.sh start failed: %s, and in %s: %s", first_err, private_dir, err);
    }
  g_strstrip (out);
  dir = g_strdup_printf ("%s/%s-%d", out, name, (int) getpid ());
  if (g_mkdir_with_parents (dir, 0777) != 0)
    g_error ("the share at %s does not take the folder %s: %s", out, dir, g_strerror (errno));
  return g_steal_pointer (&dir);
}

/* Removes what a test left in its folder on the share. */
static inline void
test_smb_clean (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_remove (path);
    }
  g_rmdir (dir);
}
