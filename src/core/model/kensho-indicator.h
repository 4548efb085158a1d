/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "kensho-node.h"
#include "kensho-series.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_INDICATOR (kensho_indicator_get_type ())
G_DECLARE_FINAL_TYPE (KenshoIndicator, kensho_indicator, KENSHO, INDICATOR, KenshoNode)

/* A numerical target (数値目標) or a KPI. Its name is the node's title.
 * What is written each fiscal year (commentary, rating, reason for delay) is
 * kept per year, so that next year's sheet can grow from this one. */
KenshoIndicator    *kensho_indicator_new                (KenshoIndicatorKind   kind,
                                                         const char           *name);
const char         *kensho_indicator_get_name           (KenshoIndicator      *self);
void                kensho_indicator_set_name           (KenshoIndicator      *self,
                                                         const char           *name);
KenshoIndicatorKind kensho_indicator_get_indicator_kind (KenshoIndicator      *self);
void                kensho_indicator_set_indicator_kind (KenshoIndicator      *self,
                                                         KenshoIndicatorKind   kind);
KenshoDirection     kensho_indicator_get_direction      (KenshoIndicator      *self);
void                kensho_indicator_set_direction      (KenshoIndicator      *self,
                                                         KenshoDirection       direction);
const char         *kensho_indicator_get_unit           (KenshoIndicator      *self);
void                kensho_indicator_complete_unit      (KenshoIndicator      *self,
                                                         KenshoSeries         *series,
                                                         KenshoValue          *value);
void                kensho_indicator_set_unit           (KenshoIndicator      *self,
                                                         const char           *unit);
const char         *kensho_indicator_get_division       (KenshoIndicator      *self);
/* The filter of the tree and of printing: NULL matches anything. */
gboolean            kensho_indicator_matches            (KenshoIndicator      *self,
                                                         int                   fiscal_year,
                                                         const char           *division,
                                                         const char           *rating_id);
void                kensho_indicator_set_division       (KenshoIndicator      *self,
                                                         const char           *division);

guint               kensho_indicator_get_n_series       (KenshoIndicator      *self);
KenshoSeries       *kensho_indicator_get_series         (KenshoIndicator      *self,
                                                         guint                 position);
void                kensho_indicator_insert_series      (KenshoIndicator      *self,
                                                         guint                 position,
                                                         KenshoSeries         *series);
void                kensho_indicator_remove_series      (KenshoIndicator      *self,
                                                         guint                 position);

const char         *kensho_indicator_get_commentary     (KenshoIndicator      *self,
                                                         int                   fiscal_year,
                                                         KenshoCommentaryPart  part);
void                kensho_indicator_set_commentary     (KenshoIndicator      *self,
                                                         int                   fiscal_year,
                                                         KenshoCommentaryPart  part,
                                                         const char           *text);
const char         *kensho_indicator_get_rating_id      (KenshoIndicator      *self,
                                                         int                   fiscal_year);
void                kensho_indicator_set_rating_id      (KenshoIndicator      *self,
                                                         int                   fiscal_year,
                                                         const char           *rating_id);
const char         *kensho_indicator_get_delay_reason   (KenshoIndicator      *self,
                                                         int                   fiscal_year);
void                kensho_indicator_set_delay_reason   (KenshoIndicator      *self,
                                                         int                   fiscal_year,
                                                         const char           *reason);
const char         *kensho_indicator_get_committee      (KenshoIndicator      *self,
                                                         int                   fiscal_year,
                                                         KenshoCommitteePart   part);
void                kensho_indicator_set_committee      (KenshoIndicator      *self,
                                                         int                   fiscal_year,
                                                         KenshoCommitteePart   part,
                                                         const char           *text);
gboolean            kensho_indicator_has_committee      (KenshoIndicator      *self);
void                kensho_indicator_remove_year        (KenshoIndicator      *self,
                                                         int                   fiscal_year);
gboolean            kensho_indicator_get_acknowledged   (KenshoIndicator      *self,
                                                         const char           *check_id);
void                kensho_indicator_set_acknowledged   (KenshoIndicator      *self,
                                                         const char           *check_id,
                                                         gboolean              acknowledged);
const char * const *kensho_indicator_get_acknowledgements (KenshoIndicator    *self);
GArray             *kensho_indicator_dup_years          (KenshoIndicator      *self);

char               *kensho_indicator_dup_commentary_text (KenshoIndicator     *self,
                                                          int                  fiscal_year);
char               *kensho_indicator_format_column      (KenshoIndicator      *self,
                                                         KenshoColumn          column,
                                                         int                   fiscal_year_shown);
char               *kensho_indicator_dup_commentary_lines (KenshoIndicator    *self,
                                                          int                 fiscal_year);
char               *kensho_indicator_format_column_lines (KenshoIndicator     *self,
                                                         KenshoColumn          column,
                                                         int                   fiscal_year_shown);
KenshoIndicator    *kensho_indicator_copy               (KenshoIndicator      *self);
void                kensho_indicator_assign             (KenshoIndicator      *self,
                                                         KenshoIndicator      *from);
gboolean            kensho_indicator_equal              (KenshoIndicator      *a,
                                                         KenshoIndicator      *b);

const char         *kensho_direction_to_string          (KenshoDirection       direction);
gboolean            kensho_direction_from_string        (const char           *string,
                                                         KenshoDirection      *direction);

G_END_DECLS
