/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kensho-document.h"
#include "kensho-workspace.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_SESSION (kensho_session_get_type ())
G_DECLARE_FINAL_TYPE (KenshoSession, kensho_session, KENSHO, SESSION, GObject)

/* What the app has open, apart from its windows: the workspace, the
 * open documents, the recent sheets and the sheets to bring back at the
 * start. No GTK: windows only show the documents. */
KenshoSession   *kensho_session_new            (KenshoWorkspace  *workspace,
                                                GSettings        *settings);
KenshoWorkspace *kensho_session_get_workspace  (KenshoSession    *self);
GSettings       *kensho_session_get_settings   (KenshoSession    *self);
GListModel      *kensho_session_get_documents  (KenshoSession    *self);
KenshoDocument  *kensho_session_find_document  (KenshoSession    *self,
                                                const char       *path);
KenshoDocument  *kensho_session_open_file      (KenshoSession    *self,
                                                const char       *path,
                                                KenshoOpenFlags   flags,
                                                GError          **error);
KenshoDocument  *kensho_session_new_document   (KenshoSession    *self,
                                                KenshoSheet      *sheet,
                                                GError          **error);
void             kensho_session_add_document   (KenshoSession    *self,
                                                KenshoDocument   *document);
GPtrArray       *kensho_session_restore        (KenshoSession    *self);
void             kensho_session_close_document (KenshoSession    *self,
                                                KenshoDocument   *document);
void             kensho_session_release        (KenshoSession    *self,
                                                KenshoDocument   *document);
void             kensho_session_add_recent     (KenshoSession    *self,
                                                const char       *path);
char           **kensho_session_dup_recent     (KenshoSession    *self,
                                                guint             max);

G_END_DECLS
