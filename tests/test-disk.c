/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Failing disks. Saving into a read-only folder, a folder without
 * permission, over a folder, onto a full disk: the file is untouched, no
 * temporary file is left, the message says why, and the edits stay in the
 * workspace. The workspace itself on a full disk: the edit stays in memory,
 * the user is told, the database stays sound and takes the edit once there
 * is room again.
 *
 * What is real and what is not: the permission cases are real (as root, the
 * test drops to user nobody with seteuid, for root writes anywhere); the
 * folder case is real; the full disk is injected (fail-writes.c) at write(),
 * pwrite() and fallocate() with ENOSPC, exactly what the kernel returns on a
 * full disk, because mounting a tiny tmpfs needs privileges CI may lack. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "fail-writes.h"
#include "kensho-csv.h"
#include "kensho-document.h"
#include "kensho-error.h"
#include "kensho-file-write.h"
#include "kensho-sheet-xml.h"
#include "kensho-workspace-private.h"
#include "test-integrity.h"

#define NOBODY 65534

static char *
make_folder (const char *name, int mode)
{
  g_autofree char *base = g_build_filename (g_get_user_data_dir (), "disk", NULL);
  char *dir = g_build_filename (base, name, NULL);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0755), ==, 0);
  /* The isolated home is private to its owner: let nobody through. */
  for (char *p = g_path_get_dirname (dir); g_str_has_prefix (p, g_get_tmp_dir ()) &&
                                           strlen (p) > strlen (g_get_tmp_dir ()); )
    {
      char *parent = g_path_get_dirname (p);

      g_chmod (p, 0755);
      g_free (p);
      p = parent;
      if (!g_str_has_prefix (p, g_get_tmp_dir ()) || strlen (p) <= strlen (g_get_tmp_dir ()))
        g_free (g_steal_pointer (&p));
      if (p == NULL)
        break;
    }
  g_assert_cmpint (g_chmod (dir, mode), ==, 0);
  return dir;
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  guint n = 0;

  g_assert_nonnull (listing);
  while (g_dir_read_name (listing) != NULL)
    n++;
  return n;
}

typedef struct
{
  KenshoWorkspace *workspace;
  KenshoDocument *document;
  char *dir;
  char *path;
  char *original;
} Fixture;

/* The sample, opened from a file in a folder of the given mode and edited. */
static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autofree char *db_dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  gsize length;

  fixture->dir = make_folder ("sheets", 0755);
  fixture->path = g_build_filename (fixture->dir, "sheet.xml", NULL);
  g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &contents, &length, NULL));
  g_assert_true (g_file_set_contents (fixture->path, contents, (gssize) length, NULL));
  g_assert_cmpint (g_chmod (fixture->path, 0644), ==, 0);
  fixture->original = g_steal_pointer (&contents);

  db_dir = make_folder ("workspace", 0755);
  db = g_build_filename (db_dir, "ws.db", NULL);
  fixture->workspace = kensho_workspace_open (db, &error);
  g_assert_no_error (error);
  fixture->document = kensho_document_open_file (fixture->workspace, fixture->path,
                                                 KENSHO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  indicators = kensho_sheet_dup_indicators (kensho_document_get_sheet (fixture->document));
  kensho_indicator_set_commentary (g_ptr_array_index (indicators, 0), 2023,
                                   KENSHO_COMMENTARY_ISSUES, "保存できない編集");
  g_assert_true (kensho_workspace_flush (fixture->workspace, NULL));
  g_assert_true (kensho_document_get_unsaved (fixture->document));
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  fail_writes_under (NULL, 0);
  g_chmod (fixture->dir, 0755);
  kensho_document_close (fixture->document);
  g_clear_object (&fixture->document);
  g_clear_object (&fixture->workspace);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->original);
}

/* After a failed save: the file as it was, nothing else in its folder
 * (the lock file beside it aside), the edit still unsaved and in the
 * workspace. */
static void
assert_nothing_lost (Fixture *fixture)
{
  g_autofree char *contents = NULL;
  g_autoptr(KenshoSheet) stored = NULL;
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GDir) listing = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_assert_true (g_file_get_contents (fixture->path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, fixture->original);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (!g_str_equal (name, "sheet.xml") && !g_str_has_suffix (name, ".lock") &&
        !g_str_has_prefix (name, ".~lock"))
      g_error ("%s was left in the folder", name);
  g_assert_true (kensho_document_get_unsaved (fixture->document));
  stored = kensho_workspace_load_sheet (fixture->workspace,
                                        kensho_document_get_id (fixture->document), NULL);
  indicators = kensho_sheet_dup_indicators (stored);
  g_assert_cmpstr (kensho_indicator_get_commentary (g_ptr_array_index (indicators, 0), 2023,
                                                    KENSHO_COMMENTARY_ISSUES), ==, "保存できない編集");
}

/* Runs a save as user nobody when the test runs as root: root writes into
 * any folder, whatever its mode. */
static gboolean
save_as_nobody (Fixture *fixture, GError **error)
{
  gboolean root = geteuid () == 0;
  gboolean saved;

  if (root)
    g_assert_cmpint (seteuid (NOBODY), ==, 0);
  saved = kensho_document_save (fixture->document, KENSHO_SAVE_DEFAULT, error);
  if (root)
    g_assert_cmpint (seteuid (0), ==, 0);
  return saved;
}

static void
test_read_only_folder (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);
  g_assert_false (save_as_nobody (fixture, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "You do not have permission to write there."));
  g_assert_true (g_str_has_prefix (error->message, "Could not save “"));
  assert_nothing_lost (fixture);
}

static void
test_folder_of_another_user (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;

  /* Writable by its owner only: as root the test makes it owned by root
   * and saves as nobody; otherwise it takes write permission away. */
  if (geteuid () != 0)
    g_assert_cmpint (g_chmod (fixture->dir, 0500), ==, 0);
  g_assert_false (save_as_nobody (fixture, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_nonnull (strstr (error->message, "permission"));
  assert_nothing_lost (fixture);
}

static void
test_over_a_folder (Fixture *fixture, gconstpointer data)
{
  g_autofree char *folder = g_build_filename (fixture->dir, "folder.xml", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_false (kensho_document_save_as (fixture->document, folder, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY);
  g_assert_nonnull (strstr (error->message, "There is a folder of that name."));
  g_assert_true (g_file_test (folder, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (count_files (folder), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
  /* The document still points at its own file. */
  g_assert_cmpstr (kensho_document_get_path (fixture->document), ==, fixture->path);
  assert_nothing_lost (fixture);
}

/* `-o /dev/null` as root replaced the device with a file, and a pipe or
 * a link gave way to a plain file the same way: a pipe is refused and
 * left as it is; a link is written through, to its file, and stays. */
static void
test_over_a_pipe_or_link (Fixture *fixture, gconstpointer data)
{
  g_autofree char *pipe = g_build_filename (fixture->dir, "pipe.csv", NULL);
  g_autofree char *real = g_build_filename (fixture->dir, "real.xml", NULL);
  g_autofree char *link = g_build_filename (fixture->dir, "link.xml", NULL);
  g_autofree char *dangling = g_build_filename (fixture->dir, "dangling.xml", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) dangling_error = NULL;
  g_autoptr(KenshoSheet) saved = NULL;
  GStatBuf info;

  g_assert_cmpint (mkfifo (pipe, 0644), ==, 0);
  g_assert_false (kensho_write_file_atomically (pipe, "a,b\n", 4, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE);
  g_assert_nonnull (strstr (error->message, "It is a device or a pipe, not a file."));
  g_assert_cmpint (g_lstat (pipe, &info), ==, 0);
  g_assert_true (S_ISFIFO (info.st_mode));
  g_assert_cmpint (g_unlink (pipe), ==, 0);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (real, "before", -1, NULL));
  g_assert_cmpint (symlink ("real.xml", link), ==, 0);
  g_assert_true (kensho_document_save_as (fixture->document, link, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (link, &info), ==, 0);
  g_assert_true (S_ISLNK (info.st_mode));
  saved = kensho_sheet_xml_load_file (real, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);

  g_assert_cmpint (symlink ("nowhere.xml", dangling), ==, 0);
  g_assert_false (kensho_write_file_atomically (dangling, "x", 1, &dangling_error));
  g_assert_nonnull (strstr (dangling_error->message, "It is a link to a file that does not exist."));
  g_assert_cmpint (g_lstat (dangling, &info), ==, 0);
  g_assert_true (S_ISLNK (info.st_mode));
  g_unlink (link);
  g_unlink (dangling);
  g_unlink (real);
}

static void
test_full_disk (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  fail_writes_under (fixture->dir, ENOSPC);
  g_assert_false (kensho_document_save (fixture->document, KENSHO_SAVE_DEFAULT, &error));
  fail_writes_under (NULL, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "The disk is full."));
  assert_nothing_lost (fixture);

  /* With room again, the same save goes through. */
  g_clear_error (&error);
  g_assert_true (kensho_document_save (fixture->document, KENSHO_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_false (kensho_document_get_unsaved (fixture->document));
  g_assert_true (g_file_get_contents (fixture->path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "保存できない編集"));
}

/* An ACL giving user nobody read and write, as setfacl -m u:nobody:rw
 * writes it (the kernel's posix_acl_xattr layout, little-endian). */
static GBytes *
acl_for_nobody (void)
{
  static const guint8 acl[] = {
    2, 0, 0, 0,                                   /* version */
    0x01, 0, 6, 0, 0xff, 0xff, 0xff, 0xff,        /* owner rw */
    0x02, 0, 6, 0, 0xfe, 0xff, 0, 0,              /* user nobody rw */
    0x04, 0, 4, 0, 0xff, 0xff, 0xff, 0xff,        /* group r */
    0x10, 0, 6, 0, 0xff, 0xff, 0xff, 0xff,        /* mask rw */
    0x20, 0, 0, 0, 0xff, 0xff, 0xff, 0xff,        /* others none */
  };

  return g_bytes_new_static (acl, sizeof acl);
}

/* A group the file can be given that is not the one a new file gets. */
static gid_t
other_group (void)
{
  gid_t groups[64];
  int n;

  if (geteuid () == 0)
    return NOBODY;
  n = getgroups (G_N_ELEMENTS (groups), groups);
  for (int i = 0; i < n; i++)
    if (groups[i] != getegid ())
      return groups[i];
  return getegid ();
}

/* A save keeps the file's mode, group and ACL, through a link too: a
 * private sheet stays private, a shared group keeps its write access. */
static void
test_keeps_rights (Fixture *fixture, gconstpointer data)
{
  g_autofree char *link = g_build_filename (fixture->dir, "link.xml", NULL);
  g_autoptr(GBytes) acl = acl_for_nobody ();
  g_autoptr(GError) error = NULL;
  gid_t group = other_group ();
  char read_back[256];
  gssize size;
  GStatBuf info;

  g_assert_cmpint (chown (fixture->path, (uid_t) -1, group), ==, 0);
  g_assert_cmpint (g_chmod (fixture->path, 0640), ==, 0);
  g_assert_true (kensho_document_save (fixture->document, KENSHO_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (fixture->path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 07777, ==, 0640);
  g_assert_cmpint (info.st_gid, ==, group);

  g_assert_cmpint (g_chmod (fixture->path, 0600), ==, 0);
  g_assert_cmpint (setxattr (fixture->path, "system.posix_acl_access", g_bytes_get_data (acl, NULL),
                             g_bytes_get_size (acl), 0), ==, 0);
  g_assert_cmpint (symlink ("sheet.xml", link), ==, 0);
  kensho_sheet_set_title (kensho_document_get_sheet (fixture->document), "権限を保つ");
  g_assert_true (kensho_document_save_as (fixture->document, link, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_lstat (link, &info), ==, 0);
  g_assert_true (S_ISLNK (info.st_mode));
  size = getxattr (fixture->path, "system.posix_acl_access", read_back, sizeof read_back);
  g_assert_cmpmem (read_back, size, g_bytes_get_data (acl, NULL), g_bytes_get_size (acl));
  g_assert_cmpint (g_stat (fixture->path, &info), ==, 0);
  g_assert_cmpint (info.st_gid, ==, group);
  g_unlink (link);
}

/* The file server refuses to replace the file (a CIFS file open in
 * another program): the file is whole, the message says why, and writing
 * in place, asked for, saves it. */
static void
test_rename_refused (Fixture *fixture, gconstpointer data)
{
  static const int refusals[] = { EACCES, EBUSY, ETXTBSY };
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  GStatBuf before, after;

  g_assert_cmpint (g_stat (fixture->path, &before), ==, 0);
  for (guint i = 0; i < G_N_ELEMENTS (refusals); i++)
    {
      fail_renames_to (fixture->path, refusals[i]);
      g_assert_false (kensho_document_save (fixture->document, KENSHO_SAVE_DEFAULT, &error));
      fail_renames_to (NULL, 0);
      g_assert_error (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_RENAME_REFUSED);
      g_assert_nonnull (strstr (error->message, "is it open in another program?"));
      g_assert_nonnull (strstr (error->message, g_strerror (refusals[i])));
      assert_nothing_lost (fixture);
      g_clear_error (&error);
    }

  /* In place on a full disk: refused before the file is touched. */
  fail_renames_to (fixture->path, EACCES);
  fail_writes_under (fixture->dir, ENOSPC);
  g_assert_false (kensho_document_save (fixture->document, KENSHO_SAVE_IN_PLACE, &error));
  fail_writes_under (NULL, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  assert_nothing_lost (fixture);
  g_clear_error (&error);

  g_assert_true (kensho_document_save (fixture->document, KENSHO_SAVE_IN_PLACE, &error));
  fail_renames_to (NULL, 0);
  g_assert_no_error (error);
  g_assert_false (kensho_document_get_unsaved (fixture->document));
  g_assert_true (g_file_get_contents (fixture->path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "保存できない編集"));
  g_assert_true (g_str_has_suffix (contents, "</sheet>\n"));
  g_assert_cmpint (g_stat (fixture->path, &after), ==, 0);
  g_assert_cmpuint (after.st_ino, ==, before.st_ino);
  g_assert_cmpuint (count_files (fixture->dir), ==, 2);
}

static void
on_status_changed (KenshoWorkspace *workspace, guint *n)
{
  (*n)++;
}

static void
check_database (const char *path, const char *expected_issue)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoWorkspace) workspace = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(KenshoSheet) sheet = NULL;
  g_autoptr(GPtrArray) indicators = NULL;

  entries = reopen_workspace (path, &workspace);
  g_assert_cmpuint (entries->len, ==, 1);
  sheet = kensho_workspace_load_sheet (workspace, ((KenshoWorkspaceEntry *) entries->pdata[0])->id, &error);
  g_assert_no_error (error);
  indicators = kensho_sheet_dup_indicators (sheet);
  g_assert_cmpstr (kensho_indicator_get_commentary (g_ptr_array_index (indicators, 1), 2023,
                                                    KENSHO_COMMENTARY_ISSUES), ==, expected_issue);
}

static void
test_workspace_on_full_disk (Fixture *fixture, gconstpointer data)
{
  g_autofree char *db_dir = g_path_get_dirname (kensho_workspace_get_path (fixture->workspace));
  KenshoSheet *sheet = kensho_document_get_sheet (fixture->document);
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (sheet);
  KenshoIndicator *indicator = g_ptr_array_index (indicators, 1);
  g_autofree char *before = g_strdup (kensho_indicator_get_commentary (indicator, 2023,
                                                                       KENSHO_COMMENTARY_ISSUES));
  g_autoptr(GError) error = NULL;
  guint n_status = 0, n_failed;

  g_signal_connect (fixture->workspace, "status-changed", G_CALLBACK (on_status_changed), &n_status);
  fail_writes_under (db_dir, ENOSPC);
  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES, "満杯の間の編集");
  g_assert_false (kensho_workspace_flush (fixture->workspace, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "The disk is full."));
  /* The user is told, the edit is kept in memory... */
  g_assert_cmpuint (n_status, ==, 1);
  g_assert_nonnull (strstr (kensho_workspace_get_write_error (fixture->workspace), "The disk is full."));
  g_assert_cmpstr (kensho_indicator_get_commentary (indicator, 2023, KENSHO_COMMENTARY_ISSUES), ==,
                   "満杯の間の編集");
  /* ...more editing goes on, and fails the same way... */
  kensho_indicator_set_commentary (indicator, 2023, KENSHO_COMMENTARY_NEXT_STEPS, "続けて入力");
  g_assert_false (kensho_workspace_flush (fixture->workspace, NULL));
  fail_writes_under (NULL, 0);
  n_failed = n_status;
  /* ...and the database is sound, with what was there before. */
  check_database (kensho_workspace_get_path (fixture->workspace), before);

  /* With room again, the next commit brings everything in. */
  g_clear_error (&error);
  g_assert_true (kensho_workspace_flush (fixture->workspace, &error));
  g_assert_no_error (error);
  g_assert_null (kensho_workspace_get_write_error (fixture->workspace));
  g_assert_cmpuint (n_status, >, n_failed);
  check_database (kensho_workspace_get_path (fixture->workspace), "満杯の間の編集");
}

/* A file new to the workspace brought in while the workspace's disk is
 * full (its rows written in a thread as it is read, one commit): refused
 * with the reason, the workspace as it was; with room again it comes in. */
static void
test_import_on_full_disk (Fixture *fixture, gconstpointer data)
{
  g_autofree char *db_dir = g_path_get_dirname (kensho_workspace_get_path (fixture->workspace));
  g_autofree char *other = g_build_filename (fixture->dir, "other.xml", NULL);
  g_autoptr(KenshoDocument) document = NULL;
  g_autoptr(GPtrArray) before = kensho_workspace_list (fixture->workspace, NULL);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (kensho_document_get_sheet (fixture->document));
  g_autofree char *issue = g_strdup (kensho_indicator_get_commentary (g_ptr_array_index (indicators, 1), 2023,
                                                                      KENSHO_COMMENTARY_ISSUES));
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (other, fixture->original, -1, NULL));
  fail_writes_under (db_dir, ENOSPC);
  document = kensho_document_open_file (fixture->workspace, other, KENSHO_OPEN_DEFAULT, &error);
  fail_writes_under (NULL, 0);
  g_assert_null (document);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_nonnull (strstr (error->message, "The disk is full."));
  after = kensho_workspace_list (fixture->workspace, NULL);
  g_assert_cmpuint (after->len, ==, before->len);
  /* One sheet, the one there before. */
  check_database (kensho_workspace_get_path (fixture->workspace), issue);

  g_clear_error (&error);
  document = kensho_document_open_file (fixture->workspace, other, KENSHO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = kensho_workspace_list (fixture->workspace, NULL);
  g_assert_cmpuint (after->len, ==, before->len + 1);
  kensho_document_close (document);
}

static guint
count_temporary (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (listing)) != NULL)
    n += !g_str_has_suffix (name, ".csv") && !g_str_has_suffix (name, ".xml") && !g_str_has_prefix (name, ".~lock");
  return n;
}

/* A child that exports the sheet as CSV and stops at its first write
 * there with @signal_number. */
static GPid
export_and_stop (KenshoSheet *sheet, const char *path, int signal_number)
{
  GPid pid = fork ();
  int status;

  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      /* Gone with the test, should it fail while this one is stopped. */
      prctl (PR_SET_PDEATHSIG, SIGKILL);
      fail_writes_starting (path, -signal_number);
      kensho_csv_save_file (sheet, path, NULL);
      _exit (0);
    }
  g_assert_cmpint (waitpid (pid, &status, WUNTRACED), ==, pid);
  if (signal_number == SIGKILL)
    g_assert_true (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);
  else
    g_assert_true (WIFSTOPPED (status));
  return pid;
}

/* An export killed while writing leaves its temporary file (nothing runs
 * then to remove it); the next write into the folder removes it, but not
 * the one of an export still under way. */
static void
test_killed_while_writing (Fixture *fixture, gconstpointer data)
{
  KenshoSheet *sheet = kensho_document_get_sheet (fixture->document);
  g_autofree char *killed = g_build_filename (fixture->dir, "killed.csv", NULL);
  g_autofree char *running = g_build_filename (fixture->dir, "running.csv", NULL);
  g_autofree char *next = g_build_filename (fixture->dir, "next.csv", NULL);
  g_autoptr(GError) error = NULL;
  GPid stopped;
  int status;

  stopped = export_and_stop (sheet, running, SIGSTOP);
  g_assert_cmpuint (count_temporary (fixture->dir), ==, 1);
  export_and_stop (sheet, killed, SIGKILL);
  g_assert_false (g_file_test (killed, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (count_temporary (fixture->dir), ==, 2);

  g_assert_true (kensho_csv_save_file (sheet, next, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_temporary (fixture->dir), ==, 1);
  g_assert_cmpint (kill (stopped, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (stopped, &status, 0), ==, stopped);
  g_assert_true (kensho_document_save (fixture->document, KENSHO_SAVE_DEFAULT, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_temporary (fixture->dir), ==, 0);
}

/* A commit does not wait for the disk: no fdatasync on the thread that
 * commits (typing would wait for it); the sync thread syncs it, and the
 * database then holds the edit. */
static void
test_commit_syncs_elsewhere (Fixture *fixture, gconstpointer data)
{
  g_autofree char *db_dir = g_path_get_dirname (kensho_workspace_get_path (fixture->workspace));
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (kensho_document_get_sheet (fixture->document));
  g_autoptr(GError) error = NULL;

  _kensho_workspace_wait_synced (fixture->workspace);
  count_syncs_under (db_dir);
  kensho_indicator_set_commentary (g_ptr_array_index (indicators, 1), 2023, KENSHO_COMMENTARY_ISSUES,
                                   "同期を待たない編集");
  g_assert_true (kensho_workspace_flush (fixture->workspace, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (syncs_on_this_thread (), ==, 0);
  _kensho_workspace_wait_synced (fixture->workspace);
  g_assert_cmpuint (syncs_on_other_threads (), >, 0);
  count_syncs_under (NULL);
  check_database (kensho_workspace_get_path (fixture->workspace), "同期を待たない編集");
}

/* A sync that fails after the commit (the disk gone bad) is told, as a
 * commit that fails is: the workspace's write error, through
 * ::status-changed, until a sync succeeds. */
static void
test_failed_sync_told (Fixture *fixture, gconstpointer data)
{
  g_autofree char *db_dir = g_path_get_dirname (kensho_workspace_get_path (fixture->workspace));
  g_autoptr(GPtrArray) indicators = kensho_sheet_dup_indicators (kensho_document_get_sheet (fixture->document));
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;
  gulong handler = g_signal_connect (fixture->workspace, "status-changed", G_CALLBACK (on_status_changed),
                                     &n_changed);

  _kensho_workspace_wait_synced (fixture->workspace);
  g_assert_null (kensho_workspace_get_write_error (fixture->workspace));
  fail_syncs_under (db_dir, EIO);
  kensho_indicator_set_commentary (g_ptr_array_index (indicators, 1), 2023, KENSHO_COMMENTARY_ISSUES,
                                   "ディスクの故障");
  /* The commit itself succeeds: the edit is in the WAL. */
  g_assert_true (kensho_workspace_flush (fixture->workspace, &error));
  g_assert_no_error (error);
  /* The thread tells before it counts the commit synced. */
  _kensho_workspace_wait_synced (fixture->workspace);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_nonnull (kensho_workspace_get_write_error (fixture->workspace));
  g_assert_cmpuint (n_changed, ==, 1);
  g_assert_nonnull (strstr (kensho_workspace_get_write_error (fixture->workspace), g_strerror (EIO)));

  fail_syncs_under (NULL, 0);
  kensho_indicator_set_commentary (g_ptr_array_index (indicators, 1), 2023, KENSHO_COMMENTARY_ISSUES,
                                   "直った");
  g_assert_true (kensho_workspace_flush (fixture->workspace, &error));
  g_assert_no_error (error);
  /* Still said until a sync succeeds: not hidden by the commit alone. */
  g_assert_nonnull (kensho_workspace_get_write_error (fixture->workspace));
  _kensho_workspace_wait_synced (fixture->workspace);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (kensho_workspace_get_write_error (fixture->workspace));
  g_assert_cmpuint (n_changed, ==, 2);
  g_signal_handler_disconnect (fixture->workspace, handler);
  check_database (kensho_workspace_get_path (fixture->workspace), "直った");
}

/* A new workspace is made without ever deleting a journal: on an SMB
 * share the server may still hold a journal closed a moment before, and
 * its unlink() fails (EBUSY), which SQLite reports as a disk I/O error. */
static void
test_new_workspace_deletes_no_journal (void)
{
  g_autofree char *dir = make_folder ("no-journal-deleted", 0755);
  g_autofree char *db_path = g_build_filename (dir, "ws.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoWorkspace) workspace = NULL;
  g_autoptr(KenshoSheet) sheet = kensho_sheet_new ();
  gint64 id;

  fail_unlinks_ending ("-journal", EBUSY);
  workspace = kensho_workspace_open (db_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (workspace);
  kensho_sheet_set_title (sheet, "削除できないジャーナル");
  id = kensho_workspace_add_sheet (workspace, sheet, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_true (kensho_workspace_flush (workspace, &error));
  g_assert_no_error (error);
  fail_unlinks_ending (NULL, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add ("/disk/read-only-folder", Fixture, NULL, fixture_set_up, test_read_only_folder, fixture_tear_down);
  g_test_add ("/disk/folder-of-another-user", Fixture, NULL, fixture_set_up, test_folder_of_another_user,
              fixture_tear_down);
  g_test_add ("/disk/over-a-folder", Fixture, NULL, fixture_set_up, test_over_a_folder, fixture_tear_down);
  g_test_add ("/disk/full-disk", Fixture, NULL, fixture_set_up, test_full_disk, fixture_tear_down);
  g_test_add ("/disk/keeps-rights", Fixture, NULL, fixture_set_up, test_keeps_rights, fixture_tear_down);
  g_test_add ("/disk/rename-refused", Fixture, NULL, fixture_set_up, test_rename_refused, fixture_tear_down);
  g_test_add ("/disk/over-a-pipe-or-link", Fixture, NULL, fixture_set_up, test_over_a_pipe_or_link,
              fixture_tear_down);
  g_test_add ("/disk/killed-while-writing", Fixture, NULL, fixture_set_up, test_killed_while_writing,
              fixture_tear_down);
  g_test_add ("/disk/workspace-on-full-disk", Fixture, NULL, fixture_set_up, test_workspace_on_full_disk,
              fixture_tear_down);
  g_test_add ("/disk/commit-syncs-elsewhere", Fixture, NULL, fixture_set_up, test_commit_syncs_elsewhere,
              fixture_tear_down);
  g_test_add_func ("/disk/new-workspace-deletes-no-journal", test_new_workspace_deletes_no_journal);
  g_test_add ("/disk/import-on-full-disk", Fixture, NULL, fixture_set_up, test_import_on_full_disk,
              fixture_tear_down);
  g_test_add ("/disk/failed-sync-told", Fixture, NULL, fixture_set_up, test_failed_sync_told, fixture_tear_down);
  return g_test_run ();
}
