/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by the tests that stop the workspace in the worst moments. */
#pragma once

#include <glib.h>
#include <sqlite3.h>

/* SQLite's own full check of the database file: "ok" or a failed test. */
void assert_database_sound (const char *path);

#include "kensho-workspace.h"

/* The database sound, then opened again as the next start of the app would:
 * no notice, and the list of its sheets. */
GPtrArray *reopen_workspace (const char *path, KenshoWorkspace **out_workspace);
