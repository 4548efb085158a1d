/* SPDX-License-Identifier: GPL-3.0-or-later */
/* One place where the app and the CLI pick their locale and translations. */
#include "config.h"

#include "kensho-i18n.h"

#include <glib/gi18n.h>
#include <locale.h>

void
kensho_i18n_init (void)
{
  /* KENSHO_LOCALEDIR lets a build that is not installed find its own
   * catalogues (the build tree's po/ folder), as GSETTINGS_SCHEMA_DIR does
   * for the settings schema. */
  const char *localedir = g_getenv ("KENSHO_LOCALEDIR");

  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
