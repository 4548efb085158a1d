/* SPDX-License-Identifier: GPL-3.0-or-later */
#undef G_DISABLE_ASSERT
#include "config.h"

#include "test-sample.h"

KenshoSheet *
load_sample (void)
{
  g_autoptr(GError) error = NULL;
  KenshoSheet *sheet = kensho_sheet_xml_load_file (g_getenv ("KENSHO_SAMPLE"), &error);

  g_assert_no_error (error);
  return sheet;
}
