/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kensho-error.h"

G_DEFINE_QUARK (kensho-error-quark, kensho_error)
G_DEFINE_QUARK (kensho-workspace-error-quark, kensho_workspace_error)
