/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "kensho-types.h"
#include "kensho-value.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_SERIES (kensho_series_get_type ())
G_DECLARE_FINAL_TYPE (KenshoSeries, kensho_series, KENSHO, SERIES, GObject)

/* One line of figures of an indicator: the baseline, an actual and a target
 * for each fiscal year, and the final-year target. Most indicators have one
 * unnamed series; some have 男性 and 女性, or 小学校 and 中学校. Values are
 * copied in and owned by the series. */
KenshoSeries       *kensho_series_new            (const char         *name);
const char         *kensho_series_get_name       (KenshoSeries       *self);
void                kensho_series_set_name       (KenshoSeries       *self,
                                                  const char         *name);
const KenshoValue  *kensho_series_get_baseline   (KenshoSeries       *self);
void                kensho_series_set_baseline   (KenshoSeries       *self,
                                                  const KenshoValue  *value);
const KenshoValue  *kensho_series_get_final      (KenshoSeries       *self);
void                kensho_series_set_final      (KenshoSeries       *self,
                                                  const KenshoValue  *value);
const KenshoValue  *kensho_series_get_actual     (KenshoSeries       *self,
                                                  int                 fiscal_year);
void                kensho_series_set_actual     (KenshoSeries       *self,
                                                  int                 fiscal_year,
                                                  const KenshoValue  *value);
const KenshoValue  *kensho_series_get_target     (KenshoSeries       *self,
                                                  int                 fiscal_year);
void                kensho_series_set_target     (KenshoSeries       *self,
                                                  int                 fiscal_year,
                                                  const KenshoValue  *value);
/* For a series being built, not yet in a sheet (no changed func): @value
 * is kept as it is, not copied, and nothing is told; an empty one leaves
 * the place empty. What a loader uses, one copy fewer per value. */
void                kensho_series_take_baseline  (KenshoSeries       *self,
                                                  KenshoValue        *value);
void                kensho_series_take_final     (KenshoSeries       *self,
                                                  KenshoValue        *value);
void                kensho_series_take_actual    (KenshoSeries       *self,
                                                  int                 fiscal_year,
                                                  KenshoValue        *value);
void                kensho_series_take_target    (KenshoSeries       *self,
                                                  int                 fiscal_year,
                                                  KenshoValue        *value);
GArray             *kensho_series_dup_actual_years (KenshoSeries     *self);
GArray             *kensho_series_dup_target_years (KenshoSeries     *self);
const char         *kensho_series_get_common_unit  (KenshoSeries     *self);
const KenshoValue  *kensho_series_get_column     (KenshoSeries       *self,
                                                  KenshoColumn        column,
                                                  int                 fiscal_year_shown);
void                kensho_series_set_column     (KenshoSeries       *self,
                                                  KenshoColumn        column,
                                                  int                 fiscal_year_shown,
                                                  const KenshoValue  *value);
KenshoSeries       *kensho_series_copy           (KenshoSeries       *self);
gboolean            kensho_series_equal          (KenshoSeries       *a,
                                                  KenshoSeries       *b);

/* Called by the owning indicator so that changes reach the sheet: before a
 * change with what is about to change (@before TRUE), and after it. */
typedef void (*KenshoSeriesChangedFunc) (KenshoSeries *series,
                                         const char   *field,
                                         gboolean      before,
                                         gpointer      user_data);
void                kensho_series_set_changed_func (KenshoSeries          *self,
                                                    KenshoSeriesChangedFunc func,
                                                    gpointer               user_data);

G_END_DECLS
