/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kensho-session.h"

struct _KenshoSession
{
  GObject parent_instance;

  KenshoWorkspace *workspace;
  GSettings *settings;
  GListStore *documents;
  gboolean restored;
};

G_DEFINE_FINAL_TYPE (KenshoSession, kensho_session, G_TYPE_OBJECT)

/* Recent sheets kept in the settings, at most. */
#define MAX_RECENT 12

static void
kensho_session_dispose (GObject *object)
{
  KenshoSession *self = KENSHO_SESSION (object);

  g_clear_object (&self->documents);
  g_clear_object (&self->settings);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (kensho_session_parent_class)->dispose (object);
}

static void
kensho_session_class_init (KenshoSessionClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kensho_session_dispose;
}

static void
kensho_session_init (KenshoSession *self)
{
  self->documents = g_list_store_new (KENSHO_TYPE_DOCUMENT);
}

KenshoSession *
kensho_session_new (KenshoWorkspace *workspace, GSettings *settings)
{
  KenshoSession *self;

  g_return_val_if_fail (KENSHO_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (KENSHO_TYPE_SESSION, NULL);
  self->workspace = g_object_ref (workspace);
  self->settings = g_object_ref (settings);
  return self;
}

KenshoWorkspace *
kensho_session_get_workspace (KenshoSession *self)
{
  g_return_val_if_fail (KENSHO_IS_SESSION (self), NULL);
  return self->workspace;
}

GSettings *
kensho_session_get_settings (KenshoSession *self)
{
  g_return_val_if_fail (KENSHO_IS_SESSION (self), NULL);
  return self->settings;
}

/* The documents open in this session, in the order they were opened. */
GListModel *
kensho_session_get_documents (KenshoSession *self)
{
  g_return_val_if_fail (KENSHO_IS_SESSION (self), NULL);
  return G_LIST_MODEL (self->documents);
}

/* The open document of the file at @path, if any: opening it again must
 * not take its own lock for somebody else's. */
KenshoDocument *
kensho_session_find_document (KenshoSession *self, const char *path)
{
  g_autofree char *wanted = NULL;

  g_return_val_if_fail (KENSHO_IS_SESSION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  wanted = g_canonicalize_filename (path, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->documents)); i++)
    {
      g_autoptr(KenshoDocument) document = g_list_model_get_item (G_LIST_MODEL (self->documents), i);
      const char *open_path = kensho_document_get_path (document);
      g_autofree char *open = open_path ? g_canonicalize_filename (open_path, NULL) : NULL;

      if (open != NULL && g_str_equal (open, wanted))
        return document;
    }
  return NULL;
}

void
kensho_session_add_document (KenshoSession *self, KenshoDocument *document)
{
  guint position;

  g_return_if_fail (KENSHO_IS_SESSION (self));
  g_return_if_fail (KENSHO_IS_DOCUMENT (document));

  if (!g_list_store_find (self->documents, document, &position))
    g_list_store_append (self->documents, document);
  if (kensho_document_get_path (document) != NULL)
    kensho_session_add_recent (self, kensho_document_get_path (document));
}

/* The file at @path, opened; (transfer full). The errors are those of
 * kensho_document_open_file(): KENSHO_DOCUMENT_ERROR_LOCKED and _LOCAL_CHANGES ask
 * the user before trying again with the matching flag. */
KenshoDocument *
kensho_session_open_file (KenshoSession *self, const char *path, KenshoOpenFlags flags, GError **error)
{
  KenshoDocument *document;

  g_return_val_if_fail (KENSHO_IS_SESSION (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  document = kensho_session_find_document (self, path);
  if (document != NULL)
    return g_object_ref (document);
  document = kensho_document_open_file (self->workspace, path, flags, error);
  if (document != NULL)
    kensho_session_add_document (self, document);
  return document;
}

/* @sheet as a new document with no file yet; (transfer full). */
KenshoDocument *
kensho_session_new_document (KenshoSession *self, KenshoSheet *sheet, GError **error)
{
  KenshoDocument *document;

  g_return_val_if_fail (KENSHO_IS_SESSION (self), NULL);
  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), NULL);

  document = kensho_document_new_untitled (self->workspace, sheet, error);
  if (document != NULL)
    kensho_session_add_document (self, document);
  return document;
}

/* The sheets open when the app last ran, with what was typed: once per
 * session, an empty array after. */
GPtrArray *
kensho_session_restore (KenshoSession *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  GPtrArray *restored = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (KENSHO_IS_SESSION (self), restored);

  if (self->restored)
    return restored;
  self->restored = TRUE;
  entries = kensho_workspace_list (self->workspace, NULL);
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      KenshoWorkspaceEntry *entry = g_ptr_array_index (entries, i);
      g_autoptr(GError) error = NULL;
      KenshoDocument *document;

      if (!entry->open)
        continue;
      document = kensho_document_restore (self->workspace, entry->id, &error);
      if (document == NULL)
        {
          g_warning ("Could not restore sheet %" G_GINT64_FORMAT ": %s", entry->id, error->message);
          continue;
        }
      kensho_session_add_document (self, document);
      g_ptr_array_add (restored, document);
    }
  return restored;
}

/* No window shows @document any more; it stays open in the workspace,
 * to come back at the next start (quitting). */
void
kensho_session_release (KenshoSession *self, KenshoDocument *document)
{
  guint position;

  g_return_if_fail (KENSHO_IS_SESSION (self));

  if (document != NULL && g_list_store_find (self->documents, document, &position))
    g_list_store_remove (self->documents, position);
}

/* Closed for good: not brought back at the next start. */
void
kensho_session_close_document (KenshoSession *self, KenshoDocument *document)
{
  g_return_if_fail (KENSHO_IS_SESSION (self));
  g_return_if_fail (KENSHO_IS_DOCUMENT (document));

  kensho_document_close (document);
  kensho_session_release (self, document);
}

void
kensho_session_add_recent (KenshoSession *self, const char *path)
{
  g_auto(GStrv) old = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_return_if_fail (KENSHO_IS_SESSION (self));
  if (path == NULL)
    return;
  old = g_settings_get_strv (self->settings, "recent-files");
  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] && n < MAX_RECENT; i++)
    if (g_strcmp0 (old[i], path) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-files", (const char * const *) recent);
}

/* The recent sheets that are still there, newest first, at most @max. */
char **
kensho_session_dup_recent (KenshoSession *self, guint max)
{
  g_auto(GStrv) recent = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint n = 0;

  g_return_val_if_fail (KENSHO_IS_SESSION (self), NULL);

  recent = g_settings_get_strv (self->settings, "recent-files");
  for (guint i = 0; recent[i] && n < max; i++)
    if (g_file_test (recent[i], G_FILE_TEST_IS_REGULAR))
      {
        g_strv_builder_add (builder, recent[i]);
        n++;
      }
  return g_strv_builder_end (builder);
}
