/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KENSHO_TYPE_APPLICATION (kensho_application_get_type ())
G_DECLARE_FINAL_TYPE (KenshoApplication, kensho_application, KENSHO, APPLICATION, AdwApplication)

KenshoApplication *kensho_application_new (void);

G_END_DECLS
