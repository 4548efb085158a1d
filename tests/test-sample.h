/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The bundled sample sheet ($KENSHO_SAMPLE), loaded fresh for each test. */
#pragma once

#include "kensho-sheet-xml.h"

static inline KenshoSheet *
load_sample (void)
{
  g_autoptr(GError) error = NULL;
  KenshoSheet *sheet = kensho_sheet_xml_load_file (g_getenv ("KENSHO_SAMPLE"), &error);

  g_assert_no_error (error);
  return sheet;
}
