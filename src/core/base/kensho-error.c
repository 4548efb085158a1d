/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kensho-error.h"

G_DEFINE_QUARK (kensho-format-error-quark, kensho_format_error)
G_DEFINE_QUARK (kensho-model-error-quark, kensho_model_error)
G_DEFINE_QUARK (kensho-document-error-quark, kensho_document_error)
G_DEFINE_QUARK (kensho-cycle-error-quark, kensho_cycle_error)
G_DEFINE_QUARK (kensho-workspace-error-quark, kensho_workspace_error)
