/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define KENSHO_TYPE_LAST_YEAR (kensho_last_year_get_type ())
G_DECLARE_FINAL_TYPE (KenshoLastYear, kensho_last_year, KENSHO, LAST_YEAR, AdwBin)

/* Last year's text of a field, beside this year's: read-only, collapsed
 * until asked for, with a button that takes it as a start for this year
 * (KenshoLastYear::use). Hidden when last year has no text. */
GtkWidget  *kensho_last_year_new      (void);
void        kensho_last_year_set_text (KenshoLastYear *self,
                                       int             fiscal_year,
                                       const char     *text);
const char *kensho_last_year_get_text (KenshoLastYear *self);
GtkExpander *kensho_last_year_get_expander (KenshoLastYear *self);
GtkButton  *kensho_last_year_get_button (KenshoLastYear *self);

G_END_DECLS
