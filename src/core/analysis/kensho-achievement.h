/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "kensho-indicator.h"
#include "kensho-series.h"
#include "kensho-sheet.h"
#include "kensho-types.h"

G_BEGIN_DECLS

/* Achievement rates (達成率) of the fiscal year a sheet is shown for.
 *
 * Every formula is direction-aware, so that a worse result never looks
 * better (御所市's waste per person: baseline 611 g, target 580 g, actual
 * 593 g is 97.8% by ratio and 58.1% by progress, never above 100%):
 * - RATIO: actual ÷ target when higher is better, target ÷ actual when
 *   lower is better;
 * - PROGRESS: (actual − baseline) ÷ (target − baseline); a target on the
 *   wrong side of the baseline for the direction is not computable;
 * - EXPECTED: PROGRESS against the value expected this year on a straight
 *   line from the baseline (baseline year) to the final target (last year
 *   of the plan);
 * - an indicator that keeps a level is rated, whatever the method, by how
 *   close the actual is to the target: smaller ÷ larger.
 * A rate of 1.0 is 100%. What cannot be computed (a text, a missing value,
 * a zero gap, units that do not match) says why in words. */

typedef struct
{
  gboolean computable;
  double   rate;   /* 1.0 = 100%; 0 when not computable */
  char    *reason; /* a sentence saying why not computable; NULL when it is */
} KenshoAchievement;

/* What one series achieved in the fiscal year shown. */
typedef struct
{
  char              *series_name; /* NULL for the unnamed series */
  KenshoAchievement  year;        /* against this year's target, or the
                                   * expected value (EXPECTED) */
  KenshoAchievement  final;       /* progress towards the final-year target */
  double             expected;    /* EXPECTED only: the value expected this
                                   * year; NAN otherwise or when there is none */
} KenshoSeriesAchievement;

#define KENSHO_TYPE_SERIES_ACHIEVEMENT (kensho_series_achievement_get_type ())

const char              *kensho_achievement_method_to_string   (KenshoAchievementMethod  method);
gboolean                 kensho_achievement_method_from_string (const char              *string,
                                                                KenshoAchievementMethod *method);
const char              *kensho_achievement_method_get_label   (KenshoAchievementMethod  method);

void                     kensho_achievement_compute            (KenshoAchievementMethod  method,
                                                                KenshoDirection          direction,
                                                                double                   baseline,
                                                                double                   target,
                                                                double                   actual,
                                                                KenshoAchievement       *out);
void                     kensho_achievement_clear              (KenshoAchievement       *achievement);
char                    *kensho_achievement_format_rate        (const KenshoAchievement *achievement);

double                   kensho_achievement_expected_share     (int                      baseline_year,
                                                                int                      plan_last,
                                                                int                      fiscal_year);

GType                    kensho_series_achievement_get_type    (void) G_GNUC_CONST;
KenshoSeriesAchievement *kensho_series_achievement_copy        (const KenshoSeriesAchievement *achievement);
void                     kensho_series_achievement_free        (KenshoSeriesAchievement *achievement);

KenshoSeriesAchievement *kensho_series_compute_achievement     (KenshoSeries            *series,
                                                                KenshoDirection          direction,
                                                                KenshoAchievementMethod  method,
                                                                int                      fiscal_year,
                                                                int                      baseline_year,
                                                                int                      plan_last);
GPtrArray               *kensho_indicator_compute_achievement  (KenshoIndicator         *indicator,
                                                                KenshoSheet             *sheet);
void                     kensho_indicator_summarize_achievement (KenshoIndicator        *indicator,
                                                                 KenshoSheet            *sheet,
                                                                 KenshoAchievement      *out);
char                    *kensho_indicator_format_achievement  (KenshoIndicator        *indicator,
                                                                KenshoSheet            *sheet,
                                                                const char             *separator);

gboolean                 kensho_unit_is_compatible             (const char              *a,
                                                                const char              *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KenshoSeriesAchievement, kensho_series_achievement_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (KenshoAchievement, kensho_achievement_clear)

G_END_DECLS
