/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kensho-file-lock.h"
#include "kensho-sheet.h"
#include "kensho-undo-stack.h"
#include "kensho-workspace.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_DOCUMENT (kensho_document_get_type ())
G_DECLARE_FINAL_TYPE (KenshoDocument, kensho_document, KENSHO, DOCUMENT, GObject)

typedef enum
{
  KENSHO_OPEN_DEFAULT     = 0,
  KENSHO_OPEN_READ_ONLY   = 1 << 0, /* someone else has it: look, do not save */
  KENSHO_OPEN_IGNORE_LOCK = 1 << 1, /* someone else has it: open anyway */
  KENSHO_OPEN_KEEP_LOCAL  = 1 << 2, /* the workspace has unsaved changes: keep them */
  KENSHO_OPEN_LOAD_FILE   = 1 << 3, /* the workspace has unsaved changes: take the file */
} KenshoOpenFlags;

typedef enum
{
  KENSHO_SAVE_DEFAULT   = 0,
  KENSHO_SAVE_OVERWRITE = 1 << 0, /* the file changed on disk: overwrite it all the same */
  KENSHO_SAVE_IN_PLACE  = 1 << 1, /* the rename was refused: write into the file itself */
} KenshoSaveFlags;

/* An open sheet: its model, its row in the workspace (where every edit
 * goes at once), the XML file it is linked to and the lock beside it. */
KenshoDocument  *kensho_document_open_file     (KenshoWorkspace  *workspace,
                                                const char       *path,
                                                KenshoOpenFlags   flags,
                                                GError          **error);
void             kensho_document_open_file_async (KenshoWorkspace *workspace,
                                                  const char      *path,
                                                  KenshoOpenFlags  flags,
                                                  GCancellable    *cancellable,
                                                  GAsyncReadyCallback callback,
                                                  gpointer         user_data);
KenshoDocument  *kensho_document_open_file_finish (GAsyncResult   *result,
                                                   GError        **error);
KenshoDocument  *kensho_document_new_untitled  (KenshoWorkspace  *workspace,
                                                KenshoSheet      *sheet,
                                                GError          **error);
KenshoDocument  *kensho_document_restore       (KenshoWorkspace  *workspace,
                                                gint64            id,
                                                GError          **error);
gboolean         kensho_document_save          (KenshoDocument   *self,
                                                KenshoSaveFlags   flags,
                                                GError          **error);
void             kensho_document_save_async    (KenshoDocument   *self,
                                                KenshoSaveFlags   flags,
                                                GCancellable     *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer          user_data);
gboolean         kensho_document_save_finish   (KenshoDocument   *self,
                                                GAsyncResult     *result,
                                                GError          **error);
gboolean         kensho_document_is_saving     (KenshoDocument   *self);
/* Finished with kensho_document_save_finish(). */
void             kensho_document_save_as_async (KenshoDocument   *self,
                                                const char       *path,
                                                GCancellable     *cancellable,
                                                GAsyncReadyCallback callback,
                                                gpointer          user_data);
gboolean         kensho_document_save_as       (KenshoDocument   *self,
                                                const char       *path,
                                                GError          **error);
gboolean         kensho_document_reload        (KenshoDocument   *self,
                                                GError          **error);
gboolean         kensho_document_mark_saved    (KenshoDocument   *self,
                                                GError          **error);
void             kensho_document_close         (KenshoDocument   *self);

KenshoSheet     *kensho_document_get_sheet     (KenshoDocument   *self);
KenshoUndoStack *kensho_document_get_undo_stack (KenshoDocument  *self);
KenshoWorkspace *kensho_document_get_workspace (KenshoDocument   *self);
gint64           kensho_document_get_id        (KenshoDocument   *self);
const char      *kensho_document_get_path      (KenshoDocument   *self);
gboolean         kensho_document_get_unsaved   (KenshoDocument   *self);
gboolean         kensho_document_get_read_only (KenshoDocument   *self);
gboolean         kensho_document_is_locked_by_other (KenshoDocument *self);
/* Whether someone changed the file since it was opened, saved or reloaded. */
gboolean         kensho_document_changed_on_disk (KenshoDocument *self);

char            *kensho_fingerprint_bytes      (GBytes           *bytes);

G_END_DECLS
