/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "kensho-overview.h"
#include "kensho-sheet.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_SUMMARY_PAGE (kensho_summary_page_get_type ())
G_DECLARE_FINAL_TYPE (KenshoSummaryPage, kensho_summary_page, KENSHO, SUMMARY_PAGE, GObject)

/* The printed summary of a sheet (KenshoOverview): its title and fiscal
 * year, the rating counts per basic goal and sub-goal as a table and as the
 * overview's bar chart, and the delayed indicators with their reasons. As
 * many pages as the delayed list needs: the title, and the heading and
 * column headings of a table cut by a page, again on each page; a reason
 * taller than a page goes on at the top of the next, cut between lines.
 * Drawn on any cairo_t, in points; KenshoPrintLayout puts these pages
 * before the sheet's. */
KenshoSummaryPage *kensho_summary_page_new          (KenshoSheet       *sheet);
KenshoOverview    *kensho_summary_page_get_overview (KenshoSummaryPage *self);
guint              kensho_summary_page_paginate     (KenshoSummaryPage *self,
                                                     PangoContext      *context,
                                                     double             width,
                                                     double             height,
                                                     double             font_size);
guint              kensho_summary_page_get_n_pages  (KenshoSummaryPage *self);
void               kensho_summary_page_draw_page    (KenshoSummaryPage *self,
                                                     cairo_t           *cr,
                                                     guint              page);

G_END_DECLS
