/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kensho-sheet-table.h"

const char *
kensho_sheet_table_heading (KenshoHeading heading)
{
  switch (heading)
    {
    case KENSHO_HEADING_GOAL: return _("Basic goal");
    case KENSHO_HEADING_SUBGOAL: return _("Sub-goal");
    case KENSHO_HEADING_MEASURE: return _("Measure");
    case KENSHO_HEADING_TARGET: return _("Numerical target");
    /* TRANSLATORS: the heading of the KPI column of the printed sheet */
    case KENSHO_HEADING_KPI: return _("Key performance indicator (KPI)");
    case KENSHO_HEADING_KIND: return _("Kind");
    case KENSHO_HEADING_INDICATOR: return _("Indicator");
    case KENSHO_HEADING_ACTIVITIES: return _("Activities");
    case KENSHO_HEADING_ISSUES: return _("Issues");
    case KENSHO_HEADING_NEXT_STEPS: return _("Next steps");
    case KENSHO_HEADING_ACHIEVEMENT: return _("Achievement");
    case KENSHO_HEADING_PROGRESS: return _("Progress");
    case KENSHO_HEADING_DELAY_REASON: return _("Reason for delay");
    case KENSHO_HEADING_DIVISION: return _("Responsible division");
    default: g_return_val_if_reached ("");
    }
}

void
kensho_table_row_init (KenshoTableRow *row, KenshoSheet *sheet, KenshoIndicator *indicator)
{
  KenshoNode *node = KENSHO_NODE (indicator);
  int fy = kensho_sheet_get_fiscal_year (sheet);
  const char *rating_id = kensho_indicator_get_rating_id (indicator, fy);
  KenshoRating *rating = rating_id ? kensho_rating_scale_lookup (kensho_sheet_get_rating_scale (sheet),
                                                                 rating_id)
                                   : NULL;
  const char *reason = kensho_indicator_get_delay_reason (indicator, fy);

  row->indicator = indicator;
  row->goal = kensho_node_get_ancestor_of_kind (node, KENSHO_NODE_GOAL);
  row->subgoal = kensho_node_get_ancestor_of_kind (node, KENSHO_NODE_SUBGOAL);
  row->measure = kensho_node_get_ancestor_of_kind (node, KENSHO_NODE_MEASURE);
  row->is_target = kensho_indicator_get_indicator_kind (indicator) == KENSHO_INDICATOR_TARGET;
  row->progress = rating ? kensho_rating_get_label (rating) : rating_id;
  row->delay_reason = reason != NULL && *reason != '\0' ? reason : NULL;
  row->reason_needed = rating == NULL || kensho_rating_get_delayed (rating);
}
