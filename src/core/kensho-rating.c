/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kensho-rating.h"
#include "kensho-util.h"

struct _KenshoRating
{
  GObject parent_instance;
  char *id;
  char *label;
  char *colour;
  gboolean delayed;
};

G_DEFINE_FINAL_TYPE (KenshoRating, kensho_rating, G_TYPE_OBJECT)

enum { PROP_0, PROP_ID, PROP_LABEL, PROP_COLOUR, PROP_DELAYED, N_PROPS };
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
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kensho_rating_init (KenshoRating *self)
{
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
  if (kensho_set_str (&self->label, label))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LABEL]);
}

void
kensho_rating_set_colour (KenshoRating *self, const char *colour)
{
  g_return_if_fail (KENSHO_IS_RATING (self));
  if (kensho_set_str (&self->colour, colour))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOUR]);
}

void
kensho_rating_set_delayed (KenshoRating *self, gboolean delayed)
{
  g_return_if_fail (KENSHO_IS_RATING (self));
  delayed = !!delayed;
  if (self->delayed == delayed)
    return;
  self->delayed = delayed;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELAYED]);
}
