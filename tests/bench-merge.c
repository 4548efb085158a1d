/* SPDX-License-Identifier: GPL-3.0-or-later */
/* How long merging 21 answers takes: the sample handed out to its 20
 * divisions and once more to one, each answer edited, all merged from
 * their bytes (read, checked, merged, applied). Prints the figure; run by
 * `meson test --benchmark merge-21`. The aim is under 2 s. */
#include "config.h"

#include "kensho-handout.h"
#include "kensho-merge.h"
#include "kensho-sheet-xml.h"

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoSheet) sheet = kensho_sheet_xml_load_file (g_getenv ("KENSHO_SAMPLE"), &error);
  g_auto(GStrv) divisions = NULL;
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  gint64 start;
  guint changed = 0;

  if (sheet == NULL)
    g_error ("%s", error->message);
  divisions = kensho_handout_dup_divisions (sheet);
  for (guint d = 0; d <= g_strv_length (divisions); d++)
    {
      const char *division = divisions[d] ? divisions[d] : divisions[0];
      g_autoptr(KenshoSheet) handout = kensho_handout_new (sheet, division, NULL, NULL, &error);
      g_autoptr(GPtrArray) indicators = NULL;

      if (handout == NULL)
        g_error ("%s", error->message);
      indicators = kensho_sheet_dup_indicators (handout);
      for (guint i = 0; i < indicators->len; i++)
        {
          g_autofree char *text = g_strdup_printf ("%sの回答 %u", division, d);

          kensho_indicator_set_commentary (indicators->pdata[i], 2023, KENSHO_COMMENTARY_ISSUES, text);
          kensho_indicator_set_delay_reason (indicators->pdata[i], 2023, text);
        }
      g_ptr_array_add (answers, kensho_sheet_xml_serialize (handout));
    }

  start = g_get_monotonic_time ();
  for (guint i = 0; i < answers->len; i++)
    {
      g_autoptr(KenshoSheet) answer = kensho_sheet_xml_load_bytes (answers->pdata[i], "answer.xml", &error);
      g_autoptr(KenshoMerge) merge = NULL;

      if (answer == NULL || (merge = kensho_merge_new (sheet, answer, NULL, "answer.xml", &error)) == NULL)
        g_error ("%s", error->message);
      kensho_merge_choose_all (merge, KENSHO_MERGE_CHOICE_THEIRS);
      changed += kensho_merge_apply (merge);
    }
  g_print ("%u answers merged (%u fields changed) in %.3f s\n", answers->len, changed,
           (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
  return 0;
}
