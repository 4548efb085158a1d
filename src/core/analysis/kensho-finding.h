/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "kensho-indicator.h"

G_BEGIN_DECLS

/* What a reviewer would send back (see kensho-checks.h). */
typedef enum
{
  KENSHO_CHECK_DELAYED_WITHOUT_REASON,
  KENSHO_CHECK_REASON_WITHOUT_DELAY,
  KENSHO_CHECK_MISSING_ACTUAL,
  KENSHO_CHECK_MISSING_TARGET,
  KENSHO_CHECK_UNIT_MISMATCH,
  KENSHO_CHECK_FINAL_BELOW_BASELINE,
  KENSHO_CHECK_UNKNOWN_DIVISION,
  KENSHO_CHECK_DUPLICATE_NAME,
  KENSHO_CHECK_RATING_DISAGREES,
  KENSHO_CHECK_COPIED_FROM_LAST_YEAR,
} KenshoCheck;

#define KENSHO_N_CHECKS 10

/* The field of an indicator a finding is about, for the editor to jump to. */
typedef enum
{
  KENSHO_FIELD_NAME,
  KENSHO_FIELD_UNIT,
  KENSHO_FIELD_DIVISION,
  KENSHO_FIELD_RATING,
  KENSHO_FIELD_DELAY_REASON,
  KENSHO_FIELD_BASELINE,
  KENSHO_FIELD_PREVIOUS_ACTUAL,
  KENSHO_FIELD_ACTUAL,
  KENSHO_FIELD_TARGET,
  KENSHO_FIELD_FINAL_TARGET,
  KENSHO_FIELD_ACTIVITIES, /* ①②③, in the order of KenshoCommentaryPart */
  KENSHO_FIELD_ISSUES,
  KENSHO_FIELD_NEXT_STEPS,
} KenshoField;

#define KENSHO_TYPE_FINDING (kensho_finding_get_type ())
G_DECLARE_FINAL_TYPE (KenshoFinding, kensho_finding, KENSHO, FINDING, GObject)

/* One finding: which check, on which indicator and field, in words. */
KenshoFinding   *kensho_finding_new           (KenshoCheck      check,
                                               KenshoIndicator *indicator,
                                               KenshoField      field,
                                               guint            series,
                                               const char      *message);
KenshoCheck      kensho_finding_get_check     (KenshoFinding   *self);
const char      *kensho_finding_get_check_id  (KenshoFinding   *self);
KenshoIndicator *kensho_finding_get_indicator (KenshoFinding   *self);
KenshoField      kensho_finding_get_field     (KenshoFinding   *self);
guint            kensho_finding_get_series    (KenshoFinding   *self);
const char      *kensho_finding_get_message   (KenshoFinding   *self);

const char      *kensho_check_to_string       (KenshoCheck      check);
gboolean         kensho_check_from_string     (const char      *string,
                                               KenshoCheck     *check);
const char      *kensho_check_get_title       (KenshoCheck      check);

G_END_DECLS
