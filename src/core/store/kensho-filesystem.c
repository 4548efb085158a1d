/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sys/vfs.h>

#include "kensho-filesystem.h"

/* From linux/magic.h and the filesystems' sources. */
static const unsigned long network_types[] = {
  0xFF534D42, /* CIFS */
  0xFE534D42, /* SMB2 */
  0x0000517B, /* SMB */
  0x00006969, /* NFS */
  0x65735546, /* FUSE (smbnetfs, sshfs, gvfs, the document portal) */
  0x01021997, /* 9P */
  0x00C36400, /* Ceph */
  0x5346414F, /* AFS */
  0x6B414653, /* kAFS */
  0x73757245, /* Coda */
  0x564C,     /* NCP */
  0x47504653, /* GPFS */
  0x0BD00BD0, /* Lustre */
};

gboolean
kensho_path_is_on_network (const char *path)
{
  const char *test_prefix = g_getenv ("KENSHO_TEST_NETWORK_PREFIX");
  g_autofree char *dir = NULL;
  struct statfs info;

  if (test_prefix != NULL && *test_prefix && g_str_has_prefix (path, test_prefix))
    return TRUE;
  if (statfs (path, &info) != 0)
    {
      dir = g_path_get_dirname (path);
      if (statfs (dir, &info) != 0)
        return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (network_types); i++)
    if ((unsigned long) info.f_type == network_types[i])
      return TRUE;
  return FALSE;
}

gboolean
kensho_path_is_document_portal (const char *path)
{
  g_autofree char *runtime_doc = g_build_filename (g_get_user_runtime_dir (), "doc", "", NULL);
  g_auto(GStrv) parts = NULL;

  if (g_str_has_prefix (path, runtime_doc))
    return TRUE;
  parts = g_strsplit (path, "/", 6);
  /* "", "run", "user", UID, "doc", … */
  return g_strv_length (parts) == 6 && g_str_equal (parts[1], "run") && g_str_equal (parts[2], "user") &&
         g_str_equal (parts[4], "doc");
}
