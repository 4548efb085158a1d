/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kensho-sheet.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_WORKSPACE (kensho_workspace_get_type ())
G_DECLARE_FINAL_TYPE (KenshoWorkspace, kensho_workspace, KENSHO, WORKSPACE, GObject)

/* The local SQLite store every edit is written to at once. It holds every
 * sheet the user opened or created, in full, with the link to its XML file;
 * XML files stay what is opened, saved and shared. It lives on a local disk
 * (XDG data folder), never beside the shared files. */

#define KENSHO_WORKSPACE_APPLICATION_ID 0x4B4E5348 /* "KNSH" */
#define KENSHO_WORKSPACE_SCHEMA_VERSION 5
/* Typing is committed within this many milliseconds. */
#define KENSHO_WORKSPACE_COMMIT_DELAY_MS 500

typedef struct
{
  gint64 id;
  char *title;        /* the display title: fiscal year and title */
  char *municipality;
  char *path;         /* the linked XML file, or NULL */
  gboolean unsaved;   /* changes not yet saved to the file */
  gboolean open;      /* open in a window when the app last ran */
  gint64 modified;    /* Unix time of the last change */
} KenshoWorkspaceEntry;

void kensho_workspace_entry_free (KenshoWorkspaceEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (KenshoWorkspaceEntry, kensho_workspace_entry_free)

typedef struct
{
  gint64 id;
  gint64 saved_at;
  char *path;
  GBytes *content;
} KenshoHistoryEntry;

void kensho_history_entry_free (KenshoHistoryEntry *entry);

char            *kensho_workspace_get_default_path (void);
KenshoWorkspace *kensho_workspace_open             (const char        *path,
                                                    GError           **error);
/* A second connection to @self's database, for one import in a thread
 * while the window goes on using @self: the same functions and
 * transactions, no lock of its own (@self holds it), no sync thread (its
 * commits are synced as they are made), nothing tracked. Not for a
 * workspace on a network share, whose rollback journal would have @self
 * wait to read anything until the import is written. */
KenshoWorkspace *kensho_workspace_open_for_thread  (KenshoWorkspace   *self,
                                                    GError           **error);
const char      *kensho_workspace_get_path         (KenshoWorkspace   *self);
const char      *kensho_workspace_get_notice       (KenshoWorkspace   *self);
/* On a network or FUSE filesystem: kept in TRUNCATE journal mode, not WAL,
 * slower and to be warned about. */
gboolean         kensho_workspace_is_on_network    (KenshoWorkspace   *self);
/* Why the last commit failed, or else why the last sync did; NULL when
 * every edit is written and confirmed. */
const char      *kensho_workspace_get_write_error  (KenshoWorkspace   *self);
/* The sync's part alone: the commits are made, safe from a crash, but the
 * disk did not confirm that it holds them (safe from a power cut). */
const char      *kensho_workspace_get_sync_error   (KenshoWorkspace   *self);

gint64           kensho_workspace_add_sheet        (KenshoWorkspace   *self,
                                                    KenshoSheet       *sheet,
                                                    GError           **error);
gboolean         kensho_workspace_replace_sheet    (KenshoWorkspace   *self,
                                                    gint64             id,
                                                    KenshoSheet       *sheet,
                                                    GError           **error);
/* Makes what follows one transaction, up to kensho_workspace_end_import()
 * (ok FALSE: roll it all back): a sheet added or replaced with its link,
 * its history and its flags, none of it seen until all is written.
 * Nothing else may be done meanwhile: foreign keys are not checked. */
gboolean         kensho_workspace_begin_import     (KenshoWorkspace   *self,
                                                    GError           **error);
gboolean         kensho_workspace_end_import       (KenshoWorkspace   *self,
                                                    gboolean           ok,
                                                    GError           **error);
KenshoSheet     *kensho_workspace_load_sheet       (KenshoWorkspace   *self,
                                                    gint64             id,
                                                    GError           **error);
gboolean         kensho_workspace_delete_sheet     (KenshoWorkspace   *self,
                                                    gint64             id,
                                                    GError           **error);
GPtrArray       *kensho_workspace_list             (KenshoWorkspace   *self,
                                                    GError           **error);
gint64           kensho_workspace_find_by_path     (KenshoWorkspace   *self,
                                                    const char        *path);

void             kensho_workspace_track            (KenshoWorkspace   *self,
                                                    KenshoSheet       *sheet,
                                                    gint64             id);
void             kensho_workspace_untrack          (KenshoWorkspace   *self,
                                                    KenshoSheet       *sheet);
gint64           kensho_workspace_get_sheet_id     (KenshoWorkspace   *self,
                                                    KenshoSheet       *sheet);
gboolean         kensho_workspace_flush            (KenshoWorkspace   *self,
                                                    GError           **error);
gboolean         kensho_workspace_has_pending      (KenshoWorkspace   *self);

gboolean         kensho_workspace_set_link         (KenshoWorkspace   *self,
                                                    gint64             id,
                                                    const char        *path,
                                                    const char        *fingerprint,
                                                    GError           **error);
char            *kensho_workspace_dup_fingerprint  (KenshoWorkspace   *self,
                                                    gint64             id);
char            *kensho_workspace_dup_path         (KenshoWorkspace   *self,
                                                    gint64             id);
gboolean         kensho_workspace_get_unsaved      (KenshoWorkspace   *self,
                                                    gint64             id);
gboolean         kensho_workspace_mark_unsaved     (KenshoWorkspace   *self,
                                                    gint64             id,
                                                    GError           **error);
gboolean         kensho_workspace_set_open         (KenshoWorkspace   *self,
                                                    gint64             id,
                                                    gboolean           open,
                                                    GError           **error);

gboolean         kensho_workspace_add_history      (KenshoWorkspace   *self,
                                                    gint64             id,
                                                    const char        *path,
                                                    GBytes            *content,
                                                    GError           **error);
GPtrArray       *kensho_workspace_list_history     (KenshoWorkspace   *self,
                                                    gint64             id,
                                                    GError           **error);
guint            kensho_workspace_get_history_limit (KenshoWorkspace  *self);
void             kensho_workspace_set_history_limit (KenshoWorkspace  *self,
                                                     guint             limit);

G_END_DECLS
