/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Running kensho-cli and other programs from the tests. */
#pragma once

#include <glib.h>
#include <sys/wait.h>

typedef struct
{
  int status;
  char *out;
  char *err;
} Run;

void run_clear (Run *run);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs @argv (found in PATH) to its end; it must exit, not crash. */
void run_argv (Run *run, const char *const *argv);

void run_valist (Run *run, const char *program, va_list args);

/* kensho-cli (from $KENSHO_CLI) with the arguments up to NULL. */
void run_cli (Run *run, ...);
