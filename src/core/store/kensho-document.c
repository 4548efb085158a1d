/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <nettle/sha2.h>

#include "kensho-document.h"
#include "kensho-error.h"
#include "kensho-file-read.h"
#include "kensho-file-write.h"
#include "kensho-filesystem.h"
#include "kensho-rollover.h"
#include "kensho-sheet-rows-writer.h"
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
  gulong changed_handler;
  /* The file as last checked for a change: read again only when these differ. */
  gint64 checked_mtime;
  gint64 checked_size;
  guint64 checked_inode;    /* a file replaced by rename is a new inode */
  gboolean checked_changed;
  guint64 changes;          /* edits so far, to know one made during a save */
  gboolean saving;
};

G_DEFINE_FINAL_TYPE (KenshoDocument, kensho_document, G_TYPE_OBJECT)

enum { PROP_0, PROP_SHEET, PROP_PATH, PROP_UNSAVED, PROP_READ_ONLY, PROP_SAVING, N_PROPS };
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
  if (self->sheet != NULL)
    g_clear_signal_handler (&self->changed_handler, self->sheet);
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
    case PROP_SAVING: g_value_set_boolean (value, self->saving); break;
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
  /* A save running in its thread; notified when it begins and once it
   * is over (the file's state known), before the caller's answer. */
  properties[PROP_SAVING] = g_param_spec_boolean ("saving", NULL, NULL, FALSE,
                                                  G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                  G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kensho_document_init (KenshoDocument *self)
{
  self->checked_mtime = self->checked_size = -1;
}

char *
kensho_fingerprint_bytes (GBytes *bytes)
{
  struct sha256_ctx context;
  guint8 digest[SHA256_DIGEST_SIZE];
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  char *hex = g_malloc (2 * SHA256_DIGEST_SIZE + 1);

  /* The same digest as GLib's G_CHECKSUM_SHA256, which the workspace's
   * fingerprints have been, 6-8 times faster. */
  sha256_init (&context);
  if (size > 0)
    sha256_update (&context, size, data);
  sha256_digest (&context, sizeof digest, digest);
  for (guint i = 0; i < sizeof digest; i++)
    {
      hex[2 * i] = "0123456789abcdef"[digest[i] >> 4];
      hex[2 * i + 1] = "0123456789abcdef"[digest[i] & 0xf];
    }
  hex[2 * SHA256_DIGEST_SIZE] = '\0';
  return hex;
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

/* Edits counted, so that a save in a thread knows one came meanwhile. */
static void
on_sheet_changed (KenshoSheet *sheet, int change, GObject *object, KenshoDocument *self)
{
  self->changes++;
}

static void
set_sheet (KenshoDocument *self, KenshoSheet *sheet)
{
  if (self->sheet != NULL)
    {
      kensho_workspace_untrack (self->workspace, self->sheet);
      g_clear_signal_handler (&self->changed_handler, self->sheet);
    }
  g_set_object (&self->sheet, sheet);
  kensho_workspace_track (self->workspace, sheet, self->id);
  self->changed_handler = g_signal_connect (sheet, "changed", G_CALLBACK (on_sheet_changed), self);
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

  /* The portal would make the lock a private file no one else sees, and
   * leave it on the share after a crash. */
  if (kensho_path_is_document_portal (path))
    {
      if (self->lock != NULL)
        kensho_file_lock_release (self->lock);
      g_clear_object (&self->lock);
      self->locked_by_other = FALSE;
      return TRUE;
    }
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

/* The part of opening before the file is read: the workspace asked, the
 * lock taken. NULL with @error when it cannot go on. */
static KenshoDocument *
open_begin (KenshoWorkspace *workspace, const char *absolute, KenshoOpenFlags flags, gint64 *existing,
            GError **error)
{
  g_autoptr(KenshoDocument) self = NULL;

  *existing = kensho_workspace_find_by_path (workspace, absolute);
  if (*existing != 0 && kensho_workspace_get_unsaved (workspace, *existing) &&
      !(flags & (KENSHO_OPEN_KEEP_LOCAL | KENSHO_OPEN_LOAD_FILE)))
    {
      g_set_error (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_LOCAL_CHANGES,
                   _("Kensho has changes to “%s” that were never saved to the file."), absolute);
      return NULL;
    }

  self = document_new (workspace, *existing);
  self->read_only = (flags & KENSHO_OPEN_READ_ONLY) != 0;
  if (!take_lock (self, absolute, flags, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* The file read and parsed: no workspace, no document, so that it can run
 * in a thread. @top_loaded (may be NULL) is told of each node at the top as
 * it is loaded; *@all_told is FALSE if they were not the sheet's. */
static KenshoSheet *
read_sheet_told (const char *absolute, char **fingerprint, KenshoTopLoadedFunc top_loaded,
                 gpointer user_data, gboolean *all_told, GError **error)
{
  GBytes *bytes = NULL;
  g_autofree char *read_fingerprint = NULL;
  KenshoSheet *sheet;

  *all_told = FALSE;
  if (!read_file (absolute, &bytes, error))
    return NULL;
  /* Before the load, which takes the bytes and gives their memory back
   * as it reads them. (Were the file changed just then and read again for
   * the tree, the next look at it finds it changed on disk.) */
  read_fingerprint = kensho_fingerprint_bytes (bytes);
  sheet = kensho_sheet_xml_load_read_file_told (bytes, absolute, top_loaded, user_data, all_told, error);
  if (sheet != NULL)
    *fingerprint = g_steal_pointer (&read_fingerprint);
  return sheet;
}

static KenshoSheet *
read_sheet (const char *absolute, char **fingerprint, GError **error)
{
  gboolean all_told;

  return read_sheet_told (absolute, fingerprint, NULL, NULL, &all_told, error);
}

/* The sheet read (@fingerprint NULL: kept from the workspace) becomes the
 * workspace's row, within the import. */
static gboolean
import_sheet (KenshoDocument *self, const char *absolute, KenshoSheet *sheet, const char *fingerprint,
              gint64 existing, GError **error)
{
  KenshoWorkspace *workspace = self->workspace;
  gboolean ok = TRUE;

  if (fingerprint != NULL)
    {
      if (existing != 0)
        ok = keep_replaced (workspace, existing, absolute, fingerprint, error) &&
             kensho_workspace_replace_sheet (workspace, existing, sheet, error);
      else
        ok = (self->id = kensho_workspace_add_sheet (workspace, sheet, error)) != 0;
      ok = ok && kensho_workspace_set_link (workspace, self->id, absolute, fingerprint, error);
    }
  if (ok)
    kensho_workspace_set_open (workspace, self->id, TRUE, NULL);
  return ok;
}

static void
take_sheet (KenshoDocument *self, const char *absolute, KenshoSheet *sheet)
{
  self->path = g_strdup (absolute);
  set_sheet (self, sheet);
}

/* The sheet read (@fingerprint NULL: kept from the workspace) becomes the
 * document's, and the workspace's row. */
static gboolean
open_finish (KenshoDocument *self, const char *absolute, KenshoSheet *sheet, const char *fingerprint,
             gint64 existing, GError **error)
{
  /* One commit: a sheet is never there without its link or its history,
   * even if Kensho is killed halfway. */
  if (!kensho_workspace_begin_import (self->workspace, error))
    return FALSE;
  if (!kensho_workspace_end_import (self->workspace,
                                    import_sheet (self, absolute, sheet, fingerprint, existing, error),
                                    error))
    return FALSE;
  take_sheet (self, absolute, sheet);
  return TRUE;
}

/* A file new to the workspace @into, read and brought in as one import,
 * its rows written while it is read (see kensho-sheet-rows-writer.h),
 * with its link, and its open flag if @open. @cancellable is looked at
 * before the commit. The sheet, its fingerprint and its id; the id 0 when
 * the file was brought in meanwhile by another open (one cancelled after
 * its thread had begun writing, say): nothing is written then, and the
 * sheet is the caller's to bring in as a file the workspace has. NULL
 * with @error. */
static KenshoSheet *
import_new (KenshoWorkspace *into, const char *absolute, gboolean open, GCancellable *cancellable,
            gint64 *id, char **fingerprint, GError **error)
{
  g_autoptr(KenshoSheet) sheet = NULL;
  KenshoSheetRowsWriter *writer;
  gboolean all_told;
  gboolean ok;

  *id = 0;
  if (!kensho_workspace_begin_import (into, error))
    return NULL;
  /* Looked at under the import's write lock (BEGIN IMMEDIATE). */
  if (kensho_workspace_find_by_path (into, absolute) != 0)
    {
      kensho_workspace_end_import (into, FALSE, NULL);
      return read_sheet (absolute, fingerprint, error);
    }
  writer = kensho_sheet_rows_writer_start (into, error);
  if (writer == NULL)
    {
      kensho_workspace_end_import (into, FALSE, NULL);
      return NULL;
    }
  sheet = read_sheet_told (absolute, fingerprint, kensho_sheet_rows_writer_top_loaded, writer,
                           &all_told, error);
  if (sheet == NULL)
    {
      kensho_sheet_rows_writer_finish (writer, NULL, FALSE, NULL);
      kensho_workspace_end_import (into, FALSE, NULL);
      return NULL;
    }
  ok = (*id = kensho_sheet_rows_writer_finish (writer, sheet, all_told, error)) != 0 &&
       kensho_workspace_set_link (into, *id, absolute, *fingerprint, error) &&
       !g_cancellable_set_error_if_cancelled (cancellable, error);
  if (ok && open)
    kensho_workspace_set_open (into, *id, TRUE, NULL);
  if (!kensho_workspace_end_import (into, ok, error))
    {
      *id = 0;
      return NULL;
    }
  return g_steal_pointer (&sheet);
}

KenshoDocument *
kensho_document_open_file (KenshoWorkspace *workspace, const char *path, KenshoOpenFlags flags,
                           GError **error)
{
  g_autoptr(KenshoDocument) self = NULL;
  g_autoptr(KenshoSheet) sheet = NULL;
  g_autofree char *absolute = NULL;
  g_autofree char *fingerprint = NULL;
  gint64 existing;

  g_return_val_if_fail (KENSHO_IS_WORKSPACE (workspace), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  absolute = g_canonicalize_filename (path, NULL);
  self = open_begin (workspace, absolute, flags, &existing, error);
  if (self == NULL)
    return NULL;
  if (existing == 0)
    {
      sheet = import_new (workspace, absolute, TRUE, NULL, &self->id, &fingerprint, error);
      if (sheet == NULL)
        return NULL;
      if (self->id != 0)
        {
          take_sheet (self, absolute, sheet);
          return g_steal_pointer (&self);
        }
      /* Brought in meanwhile (by another process). */
      self->id = existing = kensho_workspace_find_by_path (workspace, absolute);
    }
  if (sheet == NULL)
    sheet = (flags & KENSHO_OPEN_KEEP_LOCAL) ? kensho_workspace_load_sheet (workspace, existing, error)
                                             : read_sheet (absolute, &fingerprint, error);
  if (sheet == NULL || !open_finish (self, absolute, sheet, fingerprint, existing, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* An open that did not come to an end: its lock goes at once, its row in
 * the workspace stays as it was. */
static void
give_up (KenshoDocument *self)
{
  self->closed = TRUE;
  if (self->lock != NULL)
    kensho_file_lock_release (self->lock);
}

typedef struct
{
  KenshoDocument *document;
  char *path;               /* canonical */
  gint64 existing;
} OpenJob;

static void
open_job_free (OpenJob *job)
{
  g_clear_object (&job->document);
  g_free (job->path);
  g_free (job);
}

/* What the thread hands back; freed wherever the thread's task ends (a
 * cancelled open's thread may end after its caller has its answer). */
typedef struct
{
  char *path;
  KenshoSheet *sheet;
  char *fingerprint;
  KenshoWorkspace *importer; /* a file new to the workspace: brought in by the thread too */
  gint64 imported;           /* its id there, once committed */
} ReadJob;

static void
read_job_free (ReadJob *job)
{
  g_free (job->path);
  g_clear_object (&job->sheet);
  g_free (job->fingerprint);
  g_clear_object (&job->importer);
  g_free (job);
}

static void
read_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  ReadJob *job = data;
  GError *error = NULL;

  if (job->importer != NULL)
    job->sheet = import_new (job->importer, job->path, FALSE, cancellable, &job->imported, &job->fingerprint,
                             &error);
  else
    job->sheet = read_sheet (job->path, &job->fingerprint, &error);
  if (job->sheet == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_read_in_thread (GObject *source, GAsyncResult *result, gpointer data)
{
  g_autoptr(GTask) task = data;
  OpenJob *job = g_task_get_task_data (task);
  ReadJob *read = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  KenshoDocument *document = job->document;
  gboolean ok;

  /* Cancelled: answered at once, the lock given back; the thread's sheet,
   * when it comes, is dropped with its task, and @read is the thread's
   * until then. (Cancelled after the thread brought a new file in: the
   * sheet stays in the workspace, never open.) */
  ok = g_task_propagate_boolean (G_TASK (result), &error);
  if (ok && read->imported != 0)
    {
      /* Brought in by the thread: only the open flag is written here. */
      document->id = read->imported;
      kensho_workspace_set_open (document->workspace, read->imported, TRUE, NULL);
      take_sheet (document, job->path, read->sheet);
    }
  else if (ok)
    {
      /* New to the workspace, but brought in meanwhile by another open:
       * as a file the workspace has. */
      if (job->existing == 0)
        document->id = job->existing = kensho_workspace_find_by_path (document->workspace, job->path);
      ok = open_finish (document, job->path, read->sheet, read->fingerprint, job->existing, &error);
    }
  if (!ok)
    {
      give_up (document);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, g_object_ref (job->document), g_object_unref);
}

/* kensho_document_open_file() with the file read and parsed in a thread;
 * the workspace and the document are made before and after it, here.
 * Cancelling answers at once (G_IO_ERROR_CANCELLED), the lock released. */
void
kensho_document_open_file_async (KenshoWorkspace *workspace, const char *path, KenshoOpenFlags flags,
                                 GCancellable *cancellable, GAsyncReadyCallback callback,
                                 gpointer user_data)
{
  g_autoptr(GTask) task = g_task_new (workspace, cancellable, callback, user_data);
  g_autoptr(GTask) thread_task = NULL;
  g_autoptr(KenshoDocument) self = NULL;
  GError *error = NULL;
  OpenJob *job;
  ReadJob *read;

  g_return_if_fail (KENSHO_IS_WORKSPACE (workspace));
  g_return_if_fail (path != NULL);

  g_task_set_source_tag (task, kensho_document_open_file_async);
  job = g_new0 (OpenJob, 1);
  job->path = g_canonicalize_filename (path, NULL);
  g_task_set_task_data (task, job, (GDestroyNotify) open_job_free);
  self = open_begin (workspace, job->path, flags, &job->existing, &error);
  if (self == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  job->document = g_object_ref (self);
  /* Their unsaved edits kept: nothing to read. */
  if (job->existing != 0 && (flags & KENSHO_OPEN_KEEP_LOCAL))
    {
      g_autoptr(KenshoSheet) sheet = kensho_workspace_load_sheet (workspace, job->existing, &error);

      if (sheet == NULL || !open_finish (self, job->path, sheet, NULL, job->existing, &error))
        {
          give_up (self);
          g_task_return_error (task, error);
        }
      else
        g_task_return_pointer (task, g_object_ref (self), g_object_unref);
      return;
    }
  read = g_new0 (ReadJob, 1);
  read->path = g_strdup (job->path);
  /* A file new to the workspace: its rows written by the thread too, on a
   * connection of its own, so that the window never waits on them (a
   * sheet of 10,000 indicators held it 0.2 s); on a network share, here
   * after the thread. */
  if (job->existing == 0 && !kensho_workspace_is_on_network (workspace))
    read->importer = kensho_workspace_open_for_thread (workspace, NULL);
  thread_task = g_task_new (NULL, cancellable, on_read_in_thread, g_steal_pointer (&task));
  g_task_set_task_data (thread_task, read, (GDestroyNotify) read_job_free);
  g_task_set_return_on_cancel (thread_task, TRUE);
  g_task_run_in_thread (thread_task, read_in_thread);
}

/* (transfer full) */
KenshoDocument *
kensho_document_open_file_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == kensho_document_open_file_async, NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

KenshoDocument *
kensho_document_new_untitled (KenshoWorkspace *workspace, KenshoSheet *sheet, GError **error)
{
  KenshoDocument *self;
  gint64 id = 0;
  gboolean ok;

  /* Never there without its flag, which says it is in no file. */
  if (!kensho_workspace_begin_import (workspace, error))
    return NULL;
  ok = (id = kensho_workspace_add_sheet (workspace, sheet, error)) != 0 &&
       kensho_workspace_mark_unsaved (workspace, id, error);
  if (ok)
    kensho_workspace_set_open (workspace, id, TRUE, NULL);
  if (!kensho_workspace_end_import (workspace, ok, error))
    return NULL;
  self = document_new (workspace, id);
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

/* A refused rename names who has the file, when a lock beside it says. */
static void
name_other_program (KenshoDocument *self, const char *path, GError *error)
{
  g_autoptr(KenshoFileLock) probe = kensho_file_lock_new (path);
  g_autofree char *message = NULL;

  if (!self->locked_by_other || !kensho_file_lock_peek (probe))
    return;
  message = g_strdup_printf (_("“%s” could not be replaced: %s (on %s) may have it open in another program."),
                             path, kensho_file_lock_get_owner_name (probe),
                             kensho_file_lock_get_owner_host (probe));
  g_free (error->message);
  error->message = g_steal_pointer (&message);
}

/* The lock a Save As needs, taken beside the document's own: the file it
 * has open stays locked until the new one is written. Its own file needs
 * no lock again, unless someone else had it when it was opened (read-only,
 * or anyway). *change is TRUE when the document's lock is to become
 * *new_lock (NULL where none can be made: a document-portal path) once the
 * save is done. */
static gboolean
lock_for_save_as (KenshoDocument *self, const char *absolute, KenshoFileLock **new_lock, gboolean *change,
                  GError **error)
{
  g_autoptr(KenshoFileLock) lock = NULL;

  *new_lock = NULL;
  *change = FALSE;
  if (g_strcmp0 (absolute, self->path) == 0 && !self->locked_by_other)
    return TRUE;
  *change = TRUE;
  /* The portal would make the lock a private file no one else sees. */
  if (kensho_path_is_document_portal (absolute))
    return TRUE;
  lock = kensho_file_lock_new (absolute);
  if (!kensho_file_lock_acquire (lock, error))
    return FALSE;
  *new_lock = g_steal_pointer (&lock);
  return TRUE;
}

/* After a Save As: the new file's lock is the document's, the old one's
 * goes; after a failed one, the new lock goes and the old stays. */
static void
settle_save_as_lock (KenshoDocument *self, KenshoFileLock **new_lock, gboolean change, gboolean saved_ok)
{
  if (!change)
    return;
  if (!saved_ok)
    {
      if (*new_lock != NULL)
        kensho_file_lock_release (*new_lock);
      g_clear_object (new_lock);
      return;
    }
  if (self->lock != NULL)
    kensho_file_lock_release (self->lock);
  g_clear_object (&self->lock);
  self->lock = g_steal_pointer (new_lock);
  self->locked_by_other = FALSE;
}

/* Saved as another file: the document is that file's now. */
static void
set_path (KenshoDocument *self, const char *absolute)
{
  g_free (self->path);
  self->path = g_strdup (absolute);
  self->read_only = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PATH]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READ_ONLY]);
}

/* @sheet as the file will hold it; for a save in a thread, a copy. */
static GBytes *
serialize_savable (KenshoSheet *sheet, GError **error)
{
  if (!kensho_sheet_xml_check_savable (sheet, error))
    return NULL;
  return kensho_sheet_xml_serialize (sheet);
}

/* Every edit reaches the workspace, then the sheet as the file will hold it. */
static GBytes *
snapshot (KenshoDocument *self, GError **error)
{
  if (!kensho_workspace_flush (self->workspace, error))
    return NULL;
  return serialize_savable (self->sheet, error);
}

/* Every edit reaches the workspace; a copy of the sheet as it is now, for
 * the thread of a save to write as XML: copying takes a fifth of the time
 * of writing the XML (10,000 indicators: 35 ms against 170 ms), which no
 * longer holds the window. */
static KenshoSheet *
snapshot_copy (KenshoDocument *self, GError **error)
{
  if (!kensho_workspace_flush (self->workspace, error))
    return NULL;
  return kensho_sheet_copy (self->sheet);
}

/* The file part of a save: no model, no workspace, so that it can run in
 * a thread. A refused rename is named in write_error. */
static gboolean
write_bytes (const char *path, GBytes *bytes, GBytes *previous, KenshoSaveFlags flags, GError **error)
{
  g_autoptr(GError) write_error = NULL;
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  if ((flags & KENSHO_SAVE_IN_PLACE) && previous != NULL)
    {
      if (!kensho_file_write_in_place (path, data, size, previous, &write_error))
        {
          kensho_file_write_set_save_error (error, path, write_error);
          return FALSE;
        }
      return TRUE;
    }
  return kensho_write_file_atomically (path, data, size, error);
}

/* After the file is written: its previous content kept, so that a bad save
 * can be undone, and the link to the file as now written. Still unsaved
 * when the sheet was edited after its snapshot (a save in a thread). */
static gboolean
saved (KenshoDocument *self, const char *path, const char *fingerprint, GBytes *previous, guint64 changes,
       GError **error)
{
  if (previous != NULL)
    kensho_workspace_add_history (self->workspace, self->id, path, previous, NULL);
  self->checked_mtime = self->checked_size = -1;
  if (!kensho_workspace_set_link (self->workspace, self->id, path, fingerprint, error))
    return FALSE;
  /* Edited after the snapshot (a save in a thread): still unsaved. */
  if (changes != self->changes)
    kensho_workspace_mark_unsaved (self->workspace, self->id, NULL);
  return TRUE;
}

static gboolean
write_to (KenshoDocument *self, const char *path, GBytes *previous, KenshoSaveFlags flags,
          GError **error)
{
  g_autoptr(GError) write_error = NULL;
  g_autoptr(GBytes) bytes = snapshot (self, error);

  if (bytes == NULL)
    return FALSE;
  if (!write_bytes (path, bytes, previous, flags, &write_error))
    {
      if (g_error_matches (write_error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_RENAME_REFUSED))
        name_other_program (self, path, write_error);
      g_propagate_error (error, g_steal_pointer (&write_error));
      return FALSE;
    }
  {
    g_autofree char *fingerprint = kensho_fingerprint_bytes (bytes);

    return saved (self, path, fingerprint, previous, self->changes, error);
  }
}

/* The file as it is on disk, refused when someone changed it since it was
 * opened (unless overwriting); NULL in *on_disk when there is none. */
static gboolean
check_on_disk (const char *path, const char *known, KenshoSaveFlags flags, GBytes **on_disk,
               GError **error)
{
  g_autofree char *current = NULL;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;
  if (!read_file (path, on_disk, error))
    return FALSE;
  current = kensho_fingerprint_bytes (*on_disk);
  if (!(flags & KENSHO_SAVE_OVERWRITE) && g_strcmp0 (known, current) != 0)
    {
      g_set_error (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_CHANGED_ON_DISK,
                   _("“%s” was changed by someone else since you opened it."), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_can_save (KenshoDocument *self, GError **error)
{
  if (self->path == NULL)
    {
      g_set_error_literal (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_NO_FILE,
                           _("The sheet has no file yet; choose where to save it."));
      return FALSE;
    }
  if (self->read_only)
    {
      g_set_error (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_READ_ONLY,
                   _("“%s” was opened read-only; save a copy under another name."), self->path);
      return FALSE;
    }
  return TRUE;
}

gboolean
kensho_document_save (KenshoDocument *self, KenshoSaveFlags flags, GError **error)
{
  g_autoptr(GBytes) on_disk = NULL;
  g_autofree char *known = NULL;

  g_return_val_if_fail (KENSHO_IS_DOCUMENT (self), FALSE);

  if (!check_can_save (self, error))
    return FALSE;
  known = kensho_workspace_dup_fingerprint (self->workspace, self->id);
  if (!check_on_disk (self->path, known, flags, &on_disk, error))
    return FALSE;
  return write_to (self, self->path, on_disk, flags, error);
}

typedef struct
{
  char *path;
  char *known;
  KenshoSheet *sheet;       /* a copy of the document's, written as XML in the thread */
  GBytes *bytes;
  char *fingerprint;        /* of bytes */
  GBytes *on_disk;
  KenshoSaveFlags flags;
  guint64 changes;
  gboolean save_as;         /* to another file: its content is kept, not compared */
  KenshoFileLock *new_lock; /* Save As: the new file's, until the document takes it */
  gboolean change_lock;
  GError *refused;          /* before it began: answered from the thread all the same */
} SaveJob;

static void
save_job_free (SaveJob *job)
{
  g_free (job->path);
  g_free (job->known);
  g_clear_object (&job->sheet);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job->fingerprint);
  g_clear_pointer (&job->on_disk, g_bytes_unref);
  g_clear_error (&job->refused);
  g_clear_object (&job->new_lock);
  g_free (job);
}

/* Writing the sheet as XML, reading the file back and writing it, the
 * slow parts. Once writing has begun it runs to its end: never a
 * half-written sheet. */
static void
save_in_thread (GTask *task, gpointer source, gpointer data, GCancellable *cancellable)
{
  SaveJob *job = data;
  GError *error = NULL;

  if (job->refused != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&job->refused));
      return;
    }
  if ((job->bytes = serialize_savable (job->sheet, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (job->save_as && g_file_test (job->path, G_FILE_TEST_IS_REGULAR))
    read_file (job->path, &job->on_disk, NULL);
  if ((!job->save_as && !check_on_disk (job->path, job->known, job->flags, &job->on_disk, &error)) ||
      g_cancellable_set_error_if_cancelled (cancellable, &error) ||
      !write_bytes (job->path, job->bytes, job->on_disk, job->flags, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  job->fingerprint = kensho_fingerprint_bytes (job->bytes);
  g_task_return_boolean (task, TRUE);
}

static void
set_saving (KenshoDocument *self, gboolean saving)
{
  self->saving = saving;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVING]);
}

static void
on_saved_in_thread (GObject *source, GAsyncResult *result, gpointer data)
{
  KenshoDocument *self = KENSHO_DOCUMENT (source);
  g_autoptr(GTask) task = data;
  SaveJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  self->saving = FALSE;
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_RENAME_REFUSED))
        name_other_program (self, job->path, error);
    }
  else if (!self->closed && saved (self, job->path, job->fingerprint, job->on_disk, job->changes, &error) &&
           job->save_as)
    set_path (self, job->path);
  if (job->save_as)
    settle_save_as_lock (self, &job->new_lock, job->change_lock,
                         error == NULL && !self->closed && g_strcmp0 (self->path, job->path) == 0);
  set_saving (self, FALSE);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
start_save (KenshoDocument *self, GTask *task, SaveJob *job, GCancellable *cancellable)
{
  GTask *thread_task;

  job->changes = self->changes;
  set_saving (self, TRUE);
  thread_task = g_task_new (self, cancellable, on_saved_in_thread, task);
  g_task_set_task_data (thread_task, job, (GDestroyNotify) save_job_free);
  g_task_run_in_thread (thread_task, save_in_thread);
  g_object_unref (thread_task);
}

/* Refused at once when a save runs already: one at a time. */
static GTask *
new_save_task (KenshoDocument *self, GCancellable *cancellable, GAsyncReadyCallback callback,
               gpointer user_data, gpointer source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  if (self->saving)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING, _("The sheet is being saved."));
      g_object_unref (task);
      return NULL;
    }
  return task;
}

/* kensho_document_save() with the file's reading and writing in a thread:
 * the sheet is taken as it is now; edits made meanwhile stay unsaved. */
void
kensho_document_save_async (KenshoDocument *self, KenshoSaveFlags flags, GCancellable *cancellable,
                            GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task;
  GError *error = NULL;
  SaveJob *job;

  g_return_if_fail (KENSHO_IS_DOCUMENT (self));

  task = new_save_task (self, cancellable, callback, user_data, kensho_document_save_async);
  if (task == NULL)
    return;
  job = g_new0 (SaveJob, 1);
  job->flags = flags;
  /* A refusal comes back the way a save does, so that "saving" is over
   * only once the caller has its answer. */
  if (!check_can_save (self, &error) || (job->sheet = snapshot_copy (self, &error)) == NULL)
    job->refused = error;
  job->path = g_strdup (self->path);
  job->known = kensho_workspace_dup_fingerprint (self->workspace, self->id);
  start_save (self, task, job, cancellable);
}

/* kensho_document_save_as() with the file's reading and writing in a
 * thread; the document takes the new path once it is written. */
void
kensho_document_save_as_async (KenshoDocument *self, const char *path, GCancellable *cancellable,
                               GAsyncReadyCallback callback, gpointer user_data)
{
  GTask *task;
  GError *error = NULL;
  SaveJob *job;

  g_return_if_fail (KENSHO_IS_DOCUMENT (self));
  g_return_if_fail (path != NULL);

  task = new_save_task (self, cancellable, callback, user_data, kensho_document_save_as_async);
  if (task == NULL)
    return;
  job = g_new0 (SaveJob, 1);
  job->save_as = TRUE;
  job->path = g_canonicalize_filename (path, NULL);
  if (!lock_for_save_as (self, job->path, &job->new_lock, &job->change_lock, &error) ||
      (job->sheet = snapshot_copy (self, &error)) == NULL)
    job->refused = error;
  start_save (self, task, job, cancellable);
}

gboolean
kensho_document_save_finish (KenshoDocument *self, GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
kensho_document_is_saving (KenshoDocument *self)
{
  g_return_val_if_fail (KENSHO_IS_DOCUMENT (self), FALSE);
  return self->saving;
}

gboolean
kensho_document_save_as (KenshoDocument *self, const char *path, GError **error)
{
  g_autofree char *absolute = NULL;
  g_autoptr(GBytes) on_disk = NULL;
  g_autoptr(KenshoFileLock) new_lock = NULL;
  gboolean change_lock;

  g_return_val_if_fail (KENSHO_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  absolute = g_canonicalize_filename (path, NULL);
  if (!lock_for_save_as (self, absolute, &new_lock, &change_lock, error))
    return FALSE;
  if (g_file_test (absolute, G_FILE_TEST_IS_REGULAR))
    read_file (absolute, &on_disk, NULL);
  if (!write_to (self, absolute, on_disk, KENSHO_SAVE_DEFAULT, error))
    {
      settle_save_as_lock (self, &new_lock, change_lock, FALSE);
      return FALSE;
    }
  set_path (self, absolute);
  settle_save_as_lock (self, &new_lock, change_lock, TRUE);
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
  g_autoptr(KenshoSheet) sheet = NULL;
  g_autofree char *fingerprint = NULL;
  gboolean ok;

  g_return_val_if_fail (KENSHO_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (self->path != NULL, FALSE);

  sheet = read_sheet (self->path, &fingerprint, error);
  if (sheet == NULL)
    return FALSE;
  kensho_workspace_untrack (self->workspace, self->sheet);
  ok = kensho_workspace_begin_import (self->workspace, error);
  if (ok)
    {
      ok = kensho_workspace_replace_sheet (self->workspace, self->id, sheet, error) &&
           kensho_workspace_set_link (self->workspace, self->id, self->path, fingerprint, error);
      ok = kensho_workspace_end_import (self->workspace, ok, error);
    }
  if (!ok)
    {
      kensho_workspace_track (self->workspace, self->sheet, self->id);
      return FALSE;
    }
  self->checked_mtime = self->checked_size = -1;
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

/* Compares the file's fingerprint with the one last opened or saved; its
 * content is read again only when its time or size changed since the last
 * look (a network drive is slow). A file gone is not "changed": saving
 * makes it again. */
gboolean
kensho_document_changed_on_disk (KenshoDocument *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *known = NULL;
  g_autofree char *current = NULL;
  GStatBuf info;
  gint64 mtime;

  g_return_val_if_fail (KENSHO_IS_DOCUMENT (self), FALSE);

  if (self->path == NULL || self->closed || g_stat (self->path, &info) != 0)
    return FALSE;
  mtime = (gint64) info.st_mtim.tv_sec * G_GINT64_CONSTANT (1000000000) + info.st_mtim.tv_nsec;
  /* The clock behind mtime ticks coarsely: a file replaced within one tick
   * by one of the same size differs only in its inode. */
  if (mtime == self->checked_mtime && (gint64) info.st_size == self->checked_size &&
      (guint64) info.st_ino == self->checked_inode)
    return self->checked_changed;
  if (!read_file (self->path, &bytes, NULL))
    return FALSE;
  known = kensho_workspace_dup_fingerprint (self->workspace, self->id);
  current = kensho_fingerprint_bytes (bytes);
  self->checked_mtime = mtime;
  self->checked_size = info.st_size;
  self->checked_inode = info.st_ino;
  self->checked_changed = g_strcmp0 (known, current) != 0;
  return self->checked_changed;
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
