/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The session without a window: opening, the open documents, what comes
 * back at the next start, and the recent sheets. */
#undef G_DISABLE_ASSERT
#include "config.h"

#include <glib/gstdio.h>

#include "kensho-session.h"
#include "kensho-sheet-xml.h"

typedef struct
{
  char *dir;
  char *workspace_path;
  char *sheet_path;
  GSettings *settings;
} Fixture;

static void
fixture_set_up (Fixture *fixture, gconstpointer data)
{
  g_autofree char *contents = NULL;
  gsize length;

  fixture->dir = g_dir_make_tmp ("kensho-test-session-XXXXXX", NULL);
  g_assert_nonnull (fixture->dir);
  fixture->workspace_path = g_build_filename (fixture->dir, "workspace.db", NULL);
  fixture->sheet_path = g_build_filename (fixture->dir, "sheet.xml", NULL);
  g_assert_true (g_file_get_contents (g_getenv ("KENSHO_SAMPLE"), &contents, &length, NULL));
  g_assert_true (g_file_set_contents (fixture->sheet_path, contents, (gssize) length, NULL));
  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "recent-files");
}

static void
fixture_tear_down (Fixture *fixture, gconstpointer data)
{
  const char *rm[] = { "rm", "-rf", fixture->dir, NULL };

  g_settings_reset (fixture->settings, "recent-files");
  g_clear_object (&fixture->settings);
  g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  g_free (fixture->sheet_path);
  g_free (fixture->workspace_path);
  g_free (fixture->dir);
}

static KenshoSession *
session_new (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoWorkspace) workspace = kensho_workspace_open (fixture->workspace_path, &error);

  g_assert_no_error (error);
  return kensho_session_new (workspace, fixture->settings);
}

/* Opening a file makes it an open document and a recent sheet; opening it
 * again gives the same document, not a lock of its own in the way. */
static void
test_open (Fixture *fixture, gconstpointer data)
{
  g_autoptr(KenshoSession) session = session_new (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoDocument) document = kensho_session_open_file (session, fixture->sheet_path, KENSHO_OPEN_DEFAULT,
                                                                 &error);
  g_autoptr(KenshoDocument) again = NULL;
  g_autofree char *dotted = g_build_filename (fixture->dir, ".", "sheet.xml", NULL);
  g_auto(GStrv) recent = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (document);
  g_assert_cmpuint (g_list_model_get_n_items (kensho_session_get_documents (session)), ==, 1);
  again = kensho_session_open_file (session, dotted, KENSHO_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (again == document);
  g_assert_true (kensho_session_find_document (session, fixture->sheet_path) == document);
  g_assert_cmpuint (g_list_model_get_n_items (kensho_session_get_documents (session)), ==, 1);
  recent = kensho_session_dup_recent (session, 8);
  g_assert_cmpstrv (recent, ((const char *[]) { fixture->sheet_path, NULL }));

  /* A file that is not a sheet: refused, and nothing is open. */
  {
    g_autofree char *bad = g_build_filename (fixture->dir, "bad.xml", NULL);
    g_autoptr(KenshoDocument) none = NULL;
    g_autoptr(GError) bad_error = NULL;

    g_assert_true (g_file_set_contents (bad, "<not-a-sheet/>", -1, NULL));
    none = kensho_session_open_file (session, bad, KENSHO_OPEN_DEFAULT, &bad_error);
    g_assert_null (none);
    g_assert_nonnull (bad_error);
    g_assert_cmpuint (g_list_model_get_n_items (kensho_session_get_documents (session)), ==, 1);
  }

  kensho_session_close_document (session, document);
  g_assert_cmpuint (g_list_model_get_n_items (kensho_session_get_documents (session)), ==, 0);
}

/* A sheet still open when the app quit comes back in the next session,
 * with its unsaved edit, once; a sheet closed does not. */
static void
test_restore (Fixture *fixture, gconstpointer data)
{
  g_autoptr(GPtrArray) restored = NULL;
  g_autoptr(GPtrArray) twice = NULL;

  {
    g_autoptr(KenshoSession) session = session_new (fixture);
    g_autoptr(KenshoDocument) document = kensho_session_open_file (session, fixture->sheet_path,
                                                                   KENSHO_OPEN_DEFAULT, NULL);
    g_autoptr(KenshoSheet) sheet = kensho_sheet_new ();
    g_autoptr(KenshoDocument) closed = kensho_session_new_document (session, sheet, NULL);

    g_assert_nonnull (document);
    g_assert_nonnull (closed);
    g_assert_cmpuint (g_list_model_get_n_items (kensho_session_get_documents (session)), ==, 2);
    kensho_sheet_set_title (kensho_document_get_sheet (document), "手直しした題");
    kensho_session_close_document (session, closed);
    g_assert_true (kensho_workspace_flush (kensho_session_get_workspace (session), NULL));
    /* Quitting: no window shows it any more, but it is not closed. */
    kensho_session_release (session, document);
    g_assert_cmpuint (g_list_model_get_n_items (kensho_session_get_documents (session)), ==, 0);
  }

  {
    g_autoptr(KenshoSession) session = session_new (fixture);
    KenshoDocument *document;

    restored = kensho_session_restore (session);
    g_assert_cmpuint (restored->len, ==, 1);
    document = g_ptr_array_index (restored, 0);
    g_assert_cmpstr (kensho_sheet_get_title (kensho_document_get_sheet (document)), ==, "手直しした題");
    g_assert_true (kensho_document_get_unsaved (document));
    g_assert_true (kensho_session_find_document (session, fixture->sheet_path) == document);
    twice = kensho_session_restore (session);
    g_assert_cmpuint (twice->len, ==, 0);
    g_clear_pointer (&restored, g_ptr_array_unref);
  }
}

/* The recent sheets: newest first, each once, at most twelve kept, and
 * only the files still there listed. */
static void
test_recent (Fixture *fixture, gconstpointer data)
{
  g_autoptr(KenshoSession) session = session_new (fixture);
  g_auto(GStrv) listed = NULL;
  g_auto(GStrv) kept = NULL;

  for (int i = 0; i < 14; i++)
    {
      g_autofree char *path = g_strdup_printf ("%s/sheet-%d.xml", fixture->dir, i);

      if (i % 2 == 0)
        g_assert_true (g_file_set_contents (path, "", 0, NULL));
      kensho_session_add_recent (session, path);
    }
  kensho_session_add_recent (session, fixture->sheet_path);
  kept = g_settings_get_strv (fixture->settings, "recent-files");
  g_assert_cmpuint (g_strv_length (kept), ==, 12);
  g_assert_cmpstr (kept[0], ==, fixture->sheet_path);
  listed = kensho_session_dup_recent (session, 3);
  g_assert_cmpuint (g_strv_length (listed), ==, 3);
  g_assert_cmpstr (listed[0], ==, fixture->sheet_path);
  g_assert_true (g_str_has_suffix (listed[1], "/sheet-12.xml"));
  g_assert_true (g_str_has_suffix (listed[2], "/sheet-10.xml"));
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/session/open", Fixture, NULL, fixture_set_up, test_open, fixture_tear_down);
  g_test_add ("/session/restore", Fixture, NULL, fixture_set_up, test_restore, fixture_tear_down);
  g_test_add ("/session/recent", Fixture, NULL, fixture_set_up, test_recent, fixture_tear_down);
  return g_test_run ();
}
