/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "kensho-workspace.h"

G_BEGIN_DECLS

/* For the parts of the workspace kept in files of their own. */
sqlite3  *_kensho_workspace_get_database (KenshoWorkspace *self);
gboolean  _kensho_workspace_set_error    (KenshoWorkspace *self,
                                          GError         **error);

G_END_DECLS
