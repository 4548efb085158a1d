/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "kensho-sheet.h"

G_BEGIN_DECLS

/* The history of one series of an indicator, every year of the plan on one
 * chart: the baseline, the actual and target of each year, the final
 * target, the line of expected values (期待値) from the baseline to the
 * final target, each point labelled with its value as written, and the
 * direction of "better". A text value is written at its year, a missing
 * year leaves a gap. Cairo and Pango only: the form and print share it. */
void kensho_history_chart_draw (KenshoIndicator *indicator,
                                KenshoSheet     *sheet,
                                guint            series,
                                cairo_t         *cr,
                                double           width,
                                double           height);

/* Every series of the indicator, one chart each, stacked in @height; each
 * named in its legend where there are several (男性 / 女性). */
void kensho_history_chart_draw_all (KenshoIndicator *indicator,
                                    KenshoSheet     *sheet,
                                    cairo_t         *cr,
                                    double           width,
                                    double           height);

G_END_DECLS
