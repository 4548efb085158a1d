/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "kensho-workspace.h"

enum { EXIT_OK = 0, EXIT_INVALID = 1, EXIT_USAGE = 2, EXIT_CONFLICTS = 3 };

/* Shared by the commands of kensho-cli.c and kensho-cli-cycle.c. */
extern char *workspace_path;
char            *escape_controls (const char     *text);
void             print_error     (const GError   *error);
int              usage_error     (GOptionContext *context,
                                  const char     *message);
KenshoWorkspace *open_workspace  (void);

/* The hand-out cycle: kensho-cli-cycle.c. */
int kensho_cli_run_handout (int argc, char **argv);
int kensho_cli_run_merge   (int argc, char **argv);
int kensho_cli_run_board   (int argc, char **argv);
