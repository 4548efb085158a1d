/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kensho-application.h"
#include "kensho-i18n.h"
#include "kensho-renderer.h"

int
main (int argc, char **argv)
{
  g_autoptr(KenshoApplication) app = NULL;

  kensho_i18n_init ();
  /* Before any thread, and before GTK opens the display. */
  kensho_renderer_keep_gl_out ("/dev");

  app = kensho_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
