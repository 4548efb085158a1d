/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the tests of the app share around main(): a private home (the
 * workspace and settings go there), the application, and the clean-up. */
#pragma once

#include "kensho-application.h"
#include "kensho-window.h"

/* Private user folders, but the system's XDG_DATA_DIRS: GTK needs the MIME
 * database and icon themes found there. Call before gtk_init(). */
char *test_private_home (const char *name);

/* One application for the test process, as in real use. */
KenshoApplication *test_app_new (void);

/* A window at 1280×800 showing a copy of the sample named @name in the
 * private data folder: the workspace is shared by the test process. */
KenshoWindow *test_open_sample_copy (KenshoApplication *app, const char *name);

void test_remove_home (const char *home);
