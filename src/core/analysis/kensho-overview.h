/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "kensho-sheet.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_OVERVIEW (kensho_overview_get_type ())
G_DECLARE_FINAL_TYPE (KenshoOverview, kensho_overview, KENSHO, OVERVIEW, GObject)

/* A summary of a sheet for the fiscal year shown: per basic goal and
 * sub-goal, how many indicators carry each rating of the scale (all, or
 * numerical targets and KPIs apart), and the
 * delayed indicators with their reasons. A snapshot: make a new one after
 * the sheet changes. Drawn with Cairo and Pango only, so that the window
 * and a printed page can share it. */
KenshoOverview  *kensho_overview_new            (KenshoSheet    *sheet);
KenshoSheet     *kensho_overview_get_sheet      (KenshoOverview *self);
guint            kensho_overview_get_n_rows     (KenshoOverview *self);
/* Row 0 is the whole sheet (node NULL), then each goal and its sub-goals. */
KenshoNode      *kensho_overview_get_row_node   (KenshoOverview *self,
                                                 guint           row);
char            *kensho_overview_dup_row_title  (KenshoOverview *self,
                                                 guint           row);
guint            kensho_overview_get_count      (KenshoOverview *self,
                                                 guint           row,
                                                 guint           rating);
guint            kensho_overview_get_unrated    (KenshoOverview *self,
                                                 guint           row);
guint            kensho_overview_get_total      (KenshoOverview *self,
                                                 guint           row);
guint            kensho_overview_get_kind_count   (KenshoOverview      *self,
                                                   guint                row,
                                                   KenshoIndicatorKind  kind,
                                                   guint                rating);
guint            kensho_overview_get_kind_unrated (KenshoOverview      *self,
                                                   guint                row,
                                                   KenshoIndicatorKind  kind);
guint            kensho_overview_get_kind_total   (KenshoOverview      *self,
                                                   guint                row,
                                                   KenshoIndicatorKind  kind);
char            *kensho_overview_format_share     (guint                count,
                                                   guint                total);
GPtrArray       *kensho_overview_get_delayed    (KenshoOverview *self);
void             kensho_overview_draw_chart     (KenshoOverview *self,
                                                 cairo_t        *cr,
                                                 double          width,
                                                 double          height);
void             kensho_overview_draw_kind_chart (KenshoOverview      *self,
                                                  KenshoIndicatorKind  kind,
                                                  cairo_t             *cr,
                                                  double               width,
                                                  double               height);
double           kensho_overview_get_chart_height (KenshoOverview *self);

G_END_DECLS
