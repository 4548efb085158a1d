/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "kensho-finding.h"
#include "kensho-history-view.h"
#include "kensho-last-year.h"
#include "kensho-sheet.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_INDICATOR_FORM (kensho_indicator_form_get_type ())
G_DECLARE_FINAL_TYPE (KenshoIndicatorForm, kensho_indicator_form, KENSHO, INDICATOR_FORM, AdwBin)

GtkWidget       *kensho_indicator_form_new           (void);
/* Not @editable, the indicator is only shown (a sheet opened read-only). */
void             kensho_indicator_form_set_indicator (KenshoIndicatorForm *self,
                                                      KenshoIndicator     *indicator,
                                                      gboolean             editable);
KenshoIndicator *kensho_indicator_form_get_indicator (KenshoIndicatorForm *self);
GtkWidget       *kensho_indicator_form_get_values_editor (KenshoIndicatorForm *self);
KenshoHistoryView *kensho_indicator_form_get_history (KenshoIndicatorForm *self);
KenshoLastYear  *kensho_indicator_form_get_last_year (KenshoIndicatorForm *self,
                                                      guint                part);
GtkTextView     *kensho_indicator_form_get_committee (KenshoIndicatorForm *self,
                                                      KenshoCommitteePart  part);
GtkEditable     *kensho_indicator_form_get_field     (KenshoIndicatorForm *self,
                                                      const char          *name);
gboolean         kensho_indicator_form_focus_field   (KenshoIndicatorForm *self,
                                                      KenshoField          field,
                                                      guint                series);

G_END_DECLS
