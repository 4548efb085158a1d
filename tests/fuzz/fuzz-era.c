/* SPDX-License-Identifier: GPL-3.0-or-later */
/* libFuzzer target: the era calendar parser (令和5年度, H30, 2023年度 …). A
 * year it reads is in range and formats to a text that reads back to it. */
#include "config.h"

#include "kensho-era.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  KenshoPeriodKind kind;
  int year = 0;

  if (!g_utf8_validate (text, -1, NULL))
    return 0;
  if (!kensho_era_parse (text, &year, &kind, &error))
    {
      g_assert (error != NULL);
      return 0;
    }
  {
    g_autofree char *formatted = kensho_era_format (year, kind, KENSHO_ERA_FORMAT_DEFAULT);
    g_autofree char *western = kensho_era_format (year, kind, KENSHO_ERA_FORMAT_WESTERN);
    KenshoPeriodKind again_kind;
    int again = 0;

    g_assert (formatted != NULL && western != NULL);
    g_assert (kensho_era_parse (formatted, &again, &again_kind, NULL));
    g_assert (again == year && again_kind == kind);
    g_assert (kensho_era_parse (western, &again, &again_kind, NULL));
    g_assert (again == year && again_kind == kind);
  }
  return 0;
}
