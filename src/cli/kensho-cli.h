/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Shared by the commands in other files (kensho-cli-convert.c). */
enum { KENSHO_CLI_EXIT_OK = 0, KENSHO_CLI_EXIT_INVALID = 1, KENSHO_CLI_EXIT_USAGE = 2 };

char *kensho_cli_escape_controls (const char     *text);
void  kensho_cli_print_error      (const GError   *error);
int   kensho_cli_usage_error      (GOptionContext *context,
                                   const char     *message);
int   kensho_cli_run_convert      (int             argc,
                                   char          **argv);

G_END_DECLS
