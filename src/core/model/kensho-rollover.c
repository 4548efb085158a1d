/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kensho-era.h"
#include "kensho-error.h"
#include "kensho-rollover.h"

static void
copy_children (KenshoNode *to, KenshoNode *from)
{
  guint n = kensho_node_get_n_children (from);

  for (guint i = 0; i < n; i++)
    {
      KenshoNode *child = kensho_node_get_child (from, i);
      g_autoptr(KenshoNode) copy = NULL;

      if (KENSHO_IS_INDICATOR (child))
        copy = KENSHO_NODE (kensho_indicator_copy (KENSHO_INDICATOR (child)));
      else
        {
          copy = kensho_node_new (kensho_node_get_kind (child), kensho_node_get_code (child),
                                  kensho_node_get_title (child));
          kensho_node_set_notes (copy, kensho_node_get_notes (child));
        }
      kensho_node_set_id (copy, kensho_node_get_id (child));
      kensho_node_append (to, copy, NULL);
      copy_children (copy, child);
    }
}

KenshoSheet *
kensho_sheet_copy (KenshoSheet *sheet)
{
  KenshoSheet *copy;

  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), NULL);

  copy = kensho_sheet_new ();
  kensho_sheet_copy_metadata (copy, sheet);
  copy_children (kensho_sheet_get_root (copy), kensho_sheet_get_root (sheet));
  return copy;
}

static char *
dup_year (int fiscal_year)
{
  return kensho_era_format (fiscal_year, KENSHO_PERIOD_FISCAL_YEAR, 0);
}

KenshoSheet *
kensho_sheet_roll_over (KenshoSheet *sheet, int fiscal_year, GError **error)
{
  int shown;
  int last;
  KenshoSheet *next;
  g_autoptr(GPtrArray) indicators = NULL;

  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), NULL);

  shown = kensho_sheet_get_fiscal_year (sheet);
  last = kensho_sheet_get_plan_last (sheet);
  if (fiscal_year == 0)
    fiscal_year = shown + 1;
  if (fiscal_year <= shown || fiscal_year > last)
    {
      g_autofree char *year = dup_year (fiscal_year);
      g_autofree char *limit = dup_year (fiscal_year <= shown ? shown : last);

      if (fiscal_year <= shown)
        g_set_error (error, KENSHO_MODEL_ERROR, KENSHO_MODEL_ERROR_INVALID,
                     _("%s is not after %s, the year the sheet is for."), year, limit);
      else
        g_set_error (error, KENSHO_MODEL_ERROR, KENSHO_MODEL_ERROR_INVALID,
                     _("%s is past the plan’s last year, %s: extend the plan in Sheet Properties first."),
                     year, limit);
      return NULL;
    }

  next = kensho_sheet_copy (sheet);
  kensho_sheet_set_fiscal_year (next, fiscal_year);
  /* The new year starts blank, even where a draft was written ahead. */
  indicators = kensho_sheet_dup_indicators (next);
  for (guint i = 0; i < indicators->len; i++)
    kensho_indicator_remove_year (g_ptr_array_index (indicators, i), fiscal_year);
  return next;
}
