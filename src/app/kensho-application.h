/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kensho-session.h"
#include "kensho-workspace.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_APPLICATION (kensho_application_get_type ())
G_DECLARE_FINAL_TYPE (KenshoApplication, kensho_application, KENSHO, APPLICATION, AdwApplication)

KenshoApplication *kensho_application_new           (void);
KenshoWorkspace   *kensho_application_get_workspace (KenshoApplication *self);
GSettings         *kensho_application_get_settings  (KenshoApplication *self);
KenshoSession     *kensho_application_get_session   (KenshoApplication *self);
char              *kensho_application_dup_sample_path (void);

G_END_DECLS
