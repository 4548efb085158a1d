/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>

#include "kensho-rating.h"
#include "kensho-util.h"

struct _KenshoRating
{
  GObject parent_instance;
  char *id;
  char *label;
  char *colour;
  gboolean delayed;
  KenshoRatingRule rule;
  double rule_min; /* percent, inclusive; NAN when open */
  double rule_max; /* percent, exclusive; NAN when open */
};

G_DEFINE_FINAL_TYPE (KenshoRating, kensho_rating, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_LABEL, PROP_COLOUR, PROP_DELAYED, PROP_RULE, N_PROPS };
enum { CHANGING, N_SIGNALS };
static guint signals[N_SIGNALS];
static GParamSpec *properties[N_PROPS];

static void
kensho_rating_finalize (GObject *object)
{
  KenshoRating *self = KENSHO_RATING (object);

  g_free (self->id);
  g_free (self->label);
  g_free (self->colour);
  G_OBJECT_CLASS (kensho_rating_parent_class)->finalize (object);
}

static void
kensho_rating_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KenshoRating *self = KENSHO_RATING (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_string (value, self->id); break;
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    case PROP_COLOUR: g_value_set_string (value, self->colour); break;
    case PROP_DELAYED: g_value_set_boolean (value, self->delayed); break;
    case PROP_RULE: g_value_set_int (value, self->rule); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kensho_rating_class_init (KenshoRatingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = kensho_rating_finalize;
  object_class->get_property = kensho_rating_get_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL,
                                             G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  properties[PROP_COLOUR] = g_param_spec_string ("colour", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                 G_PARAM_STATIC_STRINGS);
  properties[PROP_DELAYED] = g_param_spec_boolean ("delayed", NULL, NULL, FALSE,
                                                   G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                   G_PARAM_STATIC_STRINGS);
  /* Notified when the kind or the band changes. */
  properties[PROP_RULE] = g_param_spec_int ("rule", NULL, NULL,
                                            KENSHO_RATING_RULE_NONE,
                                            KENSHO_RATING_RULE_NOT_COMPUTABLE,
                                            KENSHO_RATING_RULE_NONE,
                                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                            G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  /* Before a property changes (notify comes after): the scale passes it on
   * to the sheet, for undo. @field: "rating-label/ID" and the like. */
  signals[CHANGING] = g_signal_new ("changing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
announce (KenshoRating *self, const char *field)
{
  g_autofree char *detail = g_strdup_printf ("%s/%s", field, self->id);

  g_signal_emit (self, signals[CHANGING], 0, detail);
}

static void
kensho_rating_init (KenshoRating *self)
{
  self->rule_min = NAN;
  self->rule_max = NAN;
}

KenshoRating *
kensho_rating_new (const char *id, const char *label, const char *colour, gboolean delayed)
{
  KenshoRating *self;

  g_return_val_if_fail (id != NULL, NULL);

  self = g_object_new (KENSHO_TYPE_RATING, NULL);
  self->id = g_strdup (id);
  self->label = g_strdup (label ? label : id);
  self->colour = g_strdup (colour);
  self->delayed = !!delayed;
  return self;
}

const char *
kensho_rating_get_id (KenshoRating *self)
{
  g_return_val_if_fail (KENSHO_IS_RATING (self), NULL);
  return self->id;
}

const char *
kensho_rating_get_label (KenshoRating *self)
{
  g_return_val_if_fail (KENSHO_IS_RATING (self), NULL);
  return self->label;
}

const char *
kensho_rating_get_colour (KenshoRating *self)
{
  g_return_val_if_fail (KENSHO_IS_RATING (self), NULL);
  return self->colour;
}

gboolean
kensho_rating_get_delayed (KenshoRating *self)
{
  g_return_val_if_fail (KENSHO_IS_RATING (self), FALSE);
  return self->delayed;
}

void
kensho_rating_set_label (KenshoRating *self, const char *label)
{
  g_return_if_fail (KENSHO_IS_RATING (self));
  g_return_if_fail (label != NULL);
  if (g_strcmp0 (self->label, label) == 0)
    return;
  announce (self, "rating-label");
  kensho_set_str (&self->label, label);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

void
kensho_rating_set_colour (KenshoRating *self, const char *colour)
{
  g_return_if_fail (KENSHO_IS_RATING (self));
  if (g_strcmp0 (self->colour, colour) == 0)
    return;
  announce (self, "rating-colour");
  kensho_set_str (&self->colour, colour);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOUR]);
}

void
kensho_rating_set_delayed (KenshoRating *self, gboolean delayed)
{
  g_return_if_fail (KENSHO_IS_RATING (self));
  delayed = !!delayed;
  if (self->delayed == delayed)
    return;
  announce (self, "rating-delayed");
  self->delayed = delayed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAYED]);
}

KenshoRatingRule
kensho_rating_get_rule (KenshoRating *self)
{
  g_return_val_if_fail (KENSHO_IS_RATING (self), KENSHO_RATING_RULE_NONE);
  return self->rule;
}

double
kensho_rating_get_rule_min (KenshoRating *self)
{
  g_return_val_if_fail (KENSHO_IS_RATING (self), NAN);
  return self->rule_min;
}

double
kensho_rating_get_rule_max (KenshoRating *self)
{
  g_return_val_if_fail (KENSHO_IS_RATING (self), NAN);
  return self->rule_max;
}

static gboolean
same_bound (double a, double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

/* A band is at least min_percent and below max_percent (NAN leaves that
 * side open); the bounds are ignored for the other kinds. */
void
kensho_rating_set_rule (KenshoRating *self, KenshoRatingRule rule, double min_percent,
                        double max_percent)
{
  g_return_if_fail (KENSHO_IS_RATING (self));
  g_return_if_fail (rule <= KENSHO_RATING_RULE_NOT_COMPUTABLE);

  if (rule != KENSHO_RATING_RULE_BAND)
    min_percent = max_percent = NAN;
  if (self->rule == rule && same_bound (self->rule_min, min_percent) &&
      same_bound (self->rule_max, max_percent))
    return;
  announce (self, "rating-rule");
  self->rule = rule;
  self->rule_min = min_percent;
  self->rule_max = max_percent;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RULE]);
}

/* Rates are quotients (0.8 × 100 is 80.00000000000001): compare percents
 * with a margin far below anything a sheet prints. */
#define PERCENT_EPSILON 1e-9

gboolean
kensho_rating_rule_matches (KenshoRating *self, gboolean computable, double rate)
{
  double percent = rate * 100.0;

  g_return_val_if_fail (KENSHO_IS_RATING (self), FALSE);

  switch (self->rule)
    {
    case KENSHO_RATING_RULE_NOT_COMPUTABLE:
      return !computable;
    case KENSHO_RATING_RULE_BAND:
      return computable &&
             (isnan (self->rule_min) || percent >= self->rule_min - PERCENT_EPSILON) &&
             (isnan (self->rule_max) || percent < self->rule_max - PERCENT_EPSILON);
    case KENSHO_RATING_RULE_NONE:
    default:
      return FALSE;
    }
}

/* "100% or more", "80% to under 100%", "under 50%", "not computable";
 * NULL when the rating has no rule. */
char *
kensho_rating_format_rule (KenshoRating *self)
{
  g_return_val_if_fail (KENSHO_IS_RATING (self), NULL);

  switch (self->rule)
    {
    case KENSHO_RATING_RULE_NOT_COMPUTABLE:
      return g_strdup (_("not computable"));
    case KENSHO_RATING_RULE_BAND:
      if (isnan (self->rule_min) && isnan (self->rule_max))
        return g_strdup (_("any rate"));
      if (isnan (self->rule_max))
        /* TRANSLATORS: an achievement band, "100% or more" */
        return g_strdup_printf (_("%g%% or more"), self->rule_min);
      if (isnan (self->rule_min))
        /* TRANSLATORS: an achievement band, "under 50%" */
        return g_strdup_printf (_("under %g%%"), self->rule_max);
      /* TRANSLATORS: an achievement band, "80% to under 100%" */
      return g_strdup_printf (_("%g%% to under %g%%"), self->rule_min, self->rule_max);
    case KENSHO_RATING_RULE_NONE:
    default:
      return NULL;
    }
}

KenshoRating *
kensho_rating_copy (KenshoRating *self)
{
  KenshoRating *copy;

  g_return_val_if_fail (KENSHO_IS_RATING (self), NULL);
  copy = kensho_rating_new (self->id, self->label, self->colour, self->delayed);
  kensho_rating_set_rule (copy, self->rule, self->rule_min, self->rule_max);
  return copy;
}

gboolean
kensho_rating_equal (KenshoRating *a, KenshoRating *b)
{
  g_return_val_if_fail (KENSHO_IS_RATING (a) && KENSHO_IS_RATING (b), FALSE);

  return g_strcmp0 (a->id, b->id) == 0 &&
         g_strcmp0 (a->label, b->label) == 0 &&
         g_ascii_strcasecmp (a->colour ? a->colour : "", b->colour ? b->colour : "") == 0 &&
         a->delayed == b->delayed &&
         a->rule == b->rule && same_bound (a->rule_min, b->rule_min) &&
         same_bound (a->rule_max, b->rule_max);
}
