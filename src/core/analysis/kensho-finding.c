/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kensho-finding.h"

struct _KenshoFinding
{
  GObject parent_instance;
  KenshoCheck check;
  KenshoIndicator *indicator;
  KenshoField field;
  guint series;
  char *message;
};

G_DEFINE_FINAL_TYPE (KenshoFinding, kensho_finding, G_TYPE_OBJECT)

enum { PROP_0, PROP_MESSAGE, N_PROPS };
static GParamSpec *properties[N_PROPS];

/* The identifiers are part of the file format (acknowledged check=) and of
 * kensho-cli check's output: never change them. */
static const struct
{
  const char *id;
  const char *title;
} checks[KENSHO_N_CHECKS] = {
  [KENSHO_CHECK_DELAYED_WITHOUT_REASON] = { "delayed-without-reason", N_("Delayed without a reason") },
  [KENSHO_CHECK_REASON_WITHOUT_DELAY] = { "reason-without-delay", N_("A reason without a delay") },
  [KENSHO_CHECK_MISSING_ACTUAL] = { "missing-actual", N_("Missing actual") },
  [KENSHO_CHECK_MISSING_TARGET] = { "missing-target", N_("Missing target") },
  [KENSHO_CHECK_UNIT_MISMATCH] = { "unit-mismatch", N_("Units differ") },
  [KENSHO_CHECK_FINAL_BELOW_BASELINE] = { "final-below-baseline", N_("Final target behind the baseline") },
  [KENSHO_CHECK_UNKNOWN_DIVISION] = { "unknown-division", N_("Division not in the sheet’s list") },
  [KENSHO_CHECK_DUPLICATE_NAME] = { "duplicate-name", N_("Duplicate indicator name") },
  [KENSHO_CHECK_RATING_DISAGREES] = { "rating-disagrees", N_("Rating disagrees with its rule") },
  [KENSHO_CHECK_COPIED_FROM_LAST_YEAR] = { "copied-from-last-year", N_("Copied unchanged from last year") },
};

static void
kensho_finding_dispose (GObject *object)
{
  KenshoFinding *self = KENSHO_FINDING (object);

  g_clear_object (&self->indicator);
  G_OBJECT_CLASS (kensho_finding_parent_class)->dispose (object);
}

static void
kensho_finding_finalize (GObject *object)
{
  KenshoFinding *self = KENSHO_FINDING (object);

  g_free (self->message);
  G_OBJECT_CLASS (kensho_finding_parent_class)->finalize (object);
}

static void
kensho_finding_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KenshoFinding *self = KENSHO_FINDING (object);

  switch (prop_id)
    {
    case PROP_MESSAGE: g_value_set_string (value, self->message); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kensho_finding_class_init (KenshoFindingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kensho_finding_dispose;
  object_class->finalize = kensho_finding_finalize;
  object_class->get_property = kensho_finding_get_property;

  /* For list views and GtkStringFilter-style searches. */
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL,
                                                  G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kensho_finding_init (KenshoFinding *self)
{
}

KenshoFinding *
kensho_finding_new (KenshoCheck check, KenshoIndicator *indicator, KenshoField field,
                    guint series, const char *message)
{
  KenshoFinding *self;

  g_return_val_if_fail ((guint) check < KENSHO_N_CHECKS, NULL);
  g_return_val_if_fail (KENSHO_IS_INDICATOR (indicator), NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_object_new (KENSHO_TYPE_FINDING, NULL);
  self->check = check;
  self->indicator = g_object_ref (indicator);
  self->field = field;
  self->series = series;
  self->message = g_strdup (message);
  return self;
}

KenshoCheck
kensho_finding_get_check (KenshoFinding *self)
{
  g_return_val_if_fail (KENSHO_IS_FINDING (self), 0);
  return self->check;
}

const char *
kensho_finding_get_check_id (KenshoFinding *self)
{
  g_return_val_if_fail (KENSHO_IS_FINDING (self), NULL);
  return checks[self->check].id;
}

KenshoIndicator *
kensho_finding_get_indicator (KenshoFinding *self)
{
  g_return_val_if_fail (KENSHO_IS_FINDING (self), NULL);
  return self->indicator;
}

KenshoField
kensho_finding_get_field (KenshoFinding *self)
{
  g_return_val_if_fail (KENSHO_IS_FINDING (self), KENSHO_FIELD_NAME);
  return self->field;
}

/* The position of the series a value field belongs to. */
guint
kensho_finding_get_series (KenshoFinding *self)
{
  g_return_val_if_fail (KENSHO_IS_FINDING (self), 0);
  return self->series;
}

const char *
kensho_finding_get_message (KenshoFinding *self)
{
  g_return_val_if_fail (KENSHO_IS_FINDING (self), NULL);
  return self->message;
}

const char *
kensho_check_to_string (KenshoCheck check)
{
  g_return_val_if_fail ((guint) check < KENSHO_N_CHECKS, NULL);
  return checks[check].id;
}

gboolean
kensho_check_from_string (const char *string, KenshoCheck *check)
{
  for (guint i = 0; i < KENSHO_N_CHECKS; i++)
    if (g_strcmp0 (string, checks[i].id) == 0)
      {
        *check = i;
        return TRUE;
      }
  return FALSE;
}

const char *
kensho_check_get_title (KenshoCheck check)
{
  g_return_val_if_fail ((guint) check < KENSHO_N_CHECKS, NULL);
  return _(checks[check].title);
}
