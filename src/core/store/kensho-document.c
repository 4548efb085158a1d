/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kensho-document.h"
#include "kensho-error.h"
#include "kensho-file-read.h"
#include "kensho-sheet-xml.h"

struct _KenshoDocument
{
  GObject parent_instance;
  KenshoWorkspace *workspace;
  KenshoSheet *sheet;
  KenshoUndoStack *undo;   /* the sheet's history, from when it was opened */
  gint64 id;
  char *path;
  KenshoFileLock *lock;
  gboolean read_only;
  gboolean locked_by_other;
  gboolean closed;
  gulong unsaved_handler;
};

G_DEFINE_FINAL_TYPE (KenshoDocument, kensho_document, G_TYPE_OBJECT)

enum { PROP_0, PROP_SHEET, PROP_PATH, PROP_UNSAVED, PROP_READ_ONLY, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
kensho_document_dispose (GObject *object)
{
  KenshoDocument *self = KENSHO_DOCUMENT (object);

  /* Dropped without kensho_document_close() (the app quits): the sheet
   * stays marked open in the workspace, to come back at the next start. */
  if (!self->closed && self->workspace != NULL)
    {
      self->closed = TRUE;
      if (self->sheet != NULL)
        kensho_workspace_untrack (self->workspace, self->sheet);
      if (self->lock != NULL)
        kensho_file_lock_release (self->lock);
    }
  if (self->workspace != NULL)
    g_clear_signal_handler (&self->unsaved_handler, self->workspace);
  g_clear_object (&self->lock);
  g_clear_object (&self->undo);
  g_clear_object (&self->sheet);
  g_clear_object (&self->workspace);
  G_OBJECT_CLASS (kensho_document_parent_class)->dispose (object);
}

static void
kensho_document_finalize (GObject *object)
{
  g_free (KENSHO_DOCUMENT (object)->path);
  G_OBJECT_CLASS (kensho_document_parent_class)->finalize (object);
}

static void
kensho_document_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KenshoDocument *self = KENSHO_DOCUMENT (object);

  switch (prop_id)
    {
    case PROP_SHEET: g_value_set_object (value, self->sheet); break;
    case PROP_PATH: g_value_set_string (value, self->path); break;
    case PROP_UNSAVED: g_value_set_boolean (value, kensho_document_get_unsaved (self)); break;
    case PROP_READ_ONLY: g_value_set_boolean (value, self->read_only); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kensho_document_class_init (KenshoDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kensho_document_dispose;
  object_class->finalize = kensho_document_finalize;
  object_class->get_property = kensho_document_get_property;

  properties[PROP_SHEET] = g_param_spec_object ("sheet", NULL, NULL, KENSHO_TYPE_SHEET,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  properties[PROP_PATH] = g_param_spec_string ("path", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                               G_PARAM_STATIC_STRINGS);
  properties[PROP_UNSAVED] = g_param_spec_boolean ("unsaved", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                   G_PARAM_STATIC_STRINGS);
  properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                                                     G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                     G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kensho_document_init (KenshoDocument *self)
{
}

char *
kensho_fingerprint_bytes (GBytes *bytes)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
}

/* "Unsaved" lives in the workspace (edits pending or committed since the
 * last save); the document only passes its changes on. */
static void
on_unsaved_changed (KenshoWorkspace *workspace, gint64 id, KenshoDocument *self)
{
  if (id != self->id)
    return;
  /* Saved (or back as saved): undo and redo lead back here. */
  if (!kensho_document_get_unsaved (self) && self->undo != NULL)
    kensho_undo_stack_set_clean (self->undo);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNSAVED]);
}

static void
set_sheet (KenshoDocument *self, KenshoSheet *sheet)
{
  if (self->sheet != NULL)
    kensho_workspace_untrack (self->workspace, self->sheet);
  g_set_object (&self->sheet, sheet);
  kensho_workspace_track (self->workspace, sheet, self->id);
  /* A new history for a new sheet object: loading it is not an edit. */
  g_clear_object (&self->undo);
  self->undo = kensho_undo_stack_new (sheet);
  if (!kensho_document_get_unsaved (self))
    kensho_undo_stack_set_clean (self->undo);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHEET]);
}

static KenshoDocument *
document_new (KenshoWorkspace *workspace, gint64 id)
{
  KenshoDocument *self = g_object_new (KENSHO_TYPE_DOCUMENT, NULL);

  self->workspace = g_object_ref (workspace);
  self->id = id;
  self->unsaved_handler = g_signal_connect (workspace, "unsaved-changed",
                                            G_CALLBACK (on_unsaved_changed), self);
  return self;
}

static gboolean
read_file (const char *path, GBytes **bytes, GError **error)
{
  *bytes = kensho_file_read_bounded (path, kensho_max_sheet_file_size (), error);
  return *bytes != NULL;
}

/* Takes the lock beside path, or says who holds it. */
static gboolean
take_lock (KenshoDocument *self, const char *path, KenshoOpenFlags flags, GError **error)
{
  g_autoptr(KenshoFileLock) lock = kensho_file_lock_new (path);
  g_autoptr(GError) lock_error = NULL;

  if (kensho_file_lock_acquire (lock, &lock_error))
    {
      if (self->lock != NULL)
        kensho_file_lock_release (self->lock);
      g_set_object (&self->lock, lock);
      self->locked_by_other = FALSE;
      return TRUE;
    }
  if (!(flags & (KENSHO_OPEN_READ_ONLY | KENSHO_OPEN_IGNORE_LOCK)))
    {
      g_propagate_error (error, g_steal_pointer (&lock_error));
      return FALSE;
    }
  self->locked_by_other = TRUE;
  return TRUE;
}

/* What a file replaces in the workspace is kept in the history: edits
 * never saved, or the file as it was before someone changed it. */
static gboolean
keep_replaced (KenshoWorkspace *workspace, gint64 id, const char *path, const char *fingerprint,
               GError **error)
{
  g_autofree char *known = kensho_workspace_dup_fingerprint (workspace, id);
  g_autoptr(KenshoSheet) replaced = NULL;
  g_autoptr(GBytes) bytes = NULL;

  if (!kensho_workspace_get_unsaved (workspace, id) && g_strcmp0 (known, fingerprint) == 0)
    return TRUE;
  replaced = kensho_workspace_load_sheet (workspace, id, error);
  if (replaced == NULL)
    return FALSE;
  bytes = kensho_sheet_xml_serialize (replaced);
  return kensho_workspace_add_history (workspace, id, path, bytes, error);
}

KenshoDocument *
kensho_document_open_file (KenshoWorkspace *workspace, const char *path, KenshoOpenFlags flags,
                           GError **error)
{
  g_autoptr(KenshoDocument) self = NULL;
  g_autoptr(KenshoSheet) sheet = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *fingerprint = NULL;
  gint64 existing;

  g_return_val_if_fail (KENSHO_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  absolute = g_canonicalize_filename (path, NULL);
  existing = kensho_workspace_find_by_path (workspace, absolute);
  if (existing != 0 && kensho_workspace_get_unsaved (workspace, existing) &&
      !(flags & (KENSHO_OPEN_KEEP_LOCAL | KENSHO_OPEN_LOAD_FILE)))
    {
      g_set_error (error, KENSHO_ERROR, KENSHO_ERROR_LOCAL_CHANGES,
                   _("Kensho has changes to “%s” that were never saved to the file."), absolute);
      return NULL;
    }

  self = document_new (workspace, existing);
  self->read_only = (flags & KENSHO_OPEN_READ_ONLY) != 0;
  if (!take_lock (self, absolute, flags, error))
    return NULL;

  if (existing != 0 && (flags & KENSHO_OPEN_KEEP_LOCAL))
    {
      sheet = kensho_workspace_load_sheet (workspace, existing, error);
      if (sheet == NULL)
        return NULL;
    }
  else
    {
      if (!read_file (absolute, &bytes, error))
        return NULL;
      sheet = kensho_sheet_xml_load_bytes (bytes, absolute, error);
      if (sheet == NULL)
        return NULL;
      fingerprint = kensho_fingerprint_bytes (bytes);
      if (existing != 0)
        {
          if (!keep_replaced (workspace, existing, absolute, fingerprint, error) ||
              !kensho_workspace_replace_sheet (workspace, existing, sheet, error))
            return NULL;
        }
      else if ((self->id = kensho_workspace_add_sheet (workspace, sheet, error)) == 0)
        return NULL;
      if (!kensho_workspace_set_link (workspace, self->id, absolute, fingerprint, error))
        return NULL;
    }

  self->path = g_steal_pointer (&absolute);
  kensho_workspace_set_open (workspace, self->id, TRUE, NULL);
  set_sheet (self, sheet);
  return g_steal_pointer (&self);
}

KenshoDocument *
kensho_document_new_untitled (KenshoWorkspace *workspace, KenshoSheet *sheet, GError **error)
{
  gint64 id = kensho_workspace_add_sheet (workspace, sheet, error);
  KenshoDocument *self;

  if (id == 0)
    return NULL;
  if (!kensho_workspace_mark_unsaved (workspace, id, error))
    return NULL;
  self = document_new (workspace, id);
  kensho_workspace_set_open (workspace, id, TRUE, NULL);
  set_sheet (self, sheet);
  return self;
}

/* Brings back a sheet that was open when the app last ran, with whatever
 * was typed into it: the workspace has it all. */
KenshoDocument *
kensho_document_restore (KenshoWorkspace *workspace, gint64 id, GError **error)
{
  g_autoptr(KenshoDocument) self = document_new (workspace, id);
  g_autoptr(KenshoSheet) sheet = kensho_workspace_load_sheet (workspace, id, error);

  if (sheet == NULL)
    return NULL;
  self->path = kensho_workspace_dup_path (workspace, id);
  if (self->path != NULL)
    take_lock (self, self->path, KENSHO_OPEN_IGNORE_LOCK, NULL);
  kensho_workspace_set_open (workspace, id, TRUE, NULL);
  set_sheet (self, sheet);
  return g_steal_pointer (&self);
}

static gboolean
write_to (KenshoDocument *self, const char *path, GBytes *previous, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *fingerprint = NULL;
  gsize size;
  const char *data;

  /* Every edit reaches the workspace before the file is written. */
  if (!kensho_workspace_flush (self->workspace, error) ||
      !kensho_sheet_xml_check_savable (self->sheet, error))
    return FALSE;
  bytes = kensho_sheet_xml_serialize (self->sheet);
  data = g_bytes_get_data (bytes, &size);
  if (!kensho_write_file_atomically (path, data, size, error))
    return FALSE;
  /* The file's previous content is kept, so that a bad save can be undone. */
  if (previous != NULL)
    kensho_workspace_add_history (self->workspace, self->id, path, previous, NULL);
  fingerprint = kensho_fingerprint_bytes (bytes);
  if (!kensho_workspace_set_link (self->workspace, self->id, path, fingerprint, error))
    return FALSE;
  return TRUE;
}

gboolean
kensho_document_save (KenshoDocument *self, KenshoSaveFlags flags, GError **error)
{
  g_autoptr(GBytes) on_disk = NULL;

  g_return_val_if_fail (KENSHO_IS_DOCUMENT (self), FALSE);

  if (self->path == NULL)
    {
      g_set_error_literal (error, KENSHO_ERROR, KENSHO_ERROR_NO_FILE,
                           _("The sheet has no file yet; choose where to save it."));
      return FALSE;
    }
  if (self->read_only)
    {
      g_set_error (error, KENSHO_ERROR, KENSHO_ERROR_READ_ONLY,
                   _("“%s” was opened read-only; save a copy under another name."), self->path);
      return FALSE;
    }
  if (g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *known = kensho_workspace_dup_fingerprint (self->workspace, self->id);
      g_autofree char *current = NULL;

      if (!read_file (self->path, &on_disk, error))
        return FALSE;
      current = kensho_fingerprint_bytes (on_disk);
      if (!(flags & KENSHO_SAVE_OVERWRITE) && g_strcmp0 (known, current) != 0)
        {
          g_set_error (error, KENSHO_ERROR, KENSHO_ERROR_CHANGED_ON_DISK,
                       _("“%s” was changed by someone else since you opened it."), self->path);
          return FALSE;
        }
    }
  return write_to (self, self->path, on_disk, error);
}

gboolean
kensho_document_save_as (KenshoDocument *self, const char *path, GError **error)
{
  g_autofree char *absolute = NULL;
  g_autoptr(GBytes) on_disk = NULL;

  g_return_val_if_fail (KENSHO_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  absolute = g_canonicalize_filename (path, NULL);
  /* Its own file needs no lock again, unless someone else had it when it
   * was opened (read-only, or anyway): then, as any other file, it must
   * not be locked by someone else now. */
  if ((g_strcmp0 (absolute, self->path) != 0 || self->locked_by_other) &&
      !take_lock (self, absolute, KENSHO_OPEN_DEFAULT, error))
    return FALSE;
  if (g_file_test (absolute, G_FILE_TEST_IS_REGULAR))
    read_file (absolute, &on_disk, NULL);
  if (!write_to (self, absolute, on_disk, error))
    return FALSE;
  g_free (self->path);
  self->path = g_steal_pointer (&absolute);
  self->read_only = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
  return TRUE;
}

/* The sheet is back as it was last saved (its edits undone): nothing is
 * left to save, the workspace included, once it has the undo. */
gboolean
kensho_document_mark_saved (KenshoDocument *self, GError **error)
{
  g_autofree char *fingerprint = NULL;

  g_return_val_if_fail (KENSHO_IS_DOCUMENT (self), FALSE);

  if (!kensho_document_get_unsaved (self) || self->path == NULL)
    return TRUE;
  if (!kensho_workspace_flush (self->workspace, error))
    return FALSE;
  fingerprint = kensho_workspace_dup_fingerprint (self->workspace, self->id);
  if (!kensho_workspace_set_link (self->workspace, self->id, self->path, fingerprint, error))
    return FALSE;
  return TRUE;
}

/* Loads the linked file again, dropping local changes (they stay in the
 * file's history only if they were ever saved). */
gboolean
kensho_document_reload (KenshoDocument *self, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(KenshoSheet) sheet = NULL;
  g_autofree char *fingerprint = NULL;

  g_return_val_if_fail (KENSHO_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->path != NULL, FALSE);

  if (!read_file (self->path, &bytes, error))
    return FALSE;
  sheet = kensho_sheet_xml_load_bytes (bytes, self->path, error);
  if (sheet == NULL)
    return FALSE;
  kensho_workspace_untrack (self->workspace, self->sheet);
  if (!kensho_workspace_replace_sheet (self->workspace, self->id, sheet, error))
    {
      kensho_workspace_track (self->workspace, self->sheet, self->id);
      return FALSE;
    }
  fingerprint = kensho_fingerprint_bytes (bytes);
  kensho_workspace_set_link (self->workspace, self->id, self->path, fingerprint, NULL);
  g_clear_object (&self->sheet);
  set_sheet (self, sheet);
  return TRUE;
}

void
kensho_document_close (KenshoDocument *self)
{
  g_return_if_fail (KENSHO_IS_DOCUMENT (self));

  if (self->closed)
    return;
  self->closed = TRUE;
  if (self->sheet != NULL)
    kensho_workspace_untrack (self->workspace, self->sheet);
  kensho_workspace_set_open (self->workspace, self->id, FALSE, NULL);
  if (self->lock != NULL)
    kensho_file_lock_release (self->lock);
}

/* Undo and redo of the sheet; a new one comes with a new sheet (reload). */
KenshoUndoStack *
kensho_document_get_undo_stack (KenshoDocument *self)
{
  g_return_val_if_fail (KENSHO_IS_DOCUMENT (self), NULL);
  return self->undo;
}

KenshoSheet *
kensho_document_get_sheet (KenshoDocument *self)
{
  g_return_val_if_fail (KENSHO_IS_DOCUMENT (self), NULL);
  return self->sheet;
}

KenshoWorkspace *
kensho_document_get_workspace (KenshoDocument *self)
{
  g_return_val_if_fail (KENSHO_IS_DOCUMENT (self), NULL);
  return self->workspace;
}

gint64
kensho_document_get_id (KenshoDocument *self)
{
  g_return_val_if_fail (KENSHO_IS_DOCUMENT (self), 0);
  return self->id;
}

const char *
kensho_document_get_path (KenshoDocument *self)
{
  g_return_val_if_fail (KENSHO_IS_DOCUMENT (self), NULL);
  return self->path;
}

gboolean
kensho_document_get_unsaved (KenshoDocument *self)
{
  g_return_val_if_fail (KENSHO_IS_DOCUMENT (self), FALSE);
  return kensho_workspace_get_unsaved (self->workspace, self->id);
}

gboolean
kensho_document_get_read_only (KenshoDocument *self)
{
  g_return_val_if_fail (KENSHO_IS_DOCUMENT (self), FALSE);
  return self->read_only;
}

gboolean
kensho_document_is_locked_by_other (KenshoDocument *self)
{
  g_return_val_if_fail (KENSHO_IS_DOCUMENT (self), FALSE);
  return self->locked_by_other;
}
