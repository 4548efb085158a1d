/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kensho-error.h"
#include "kensho-rating-scale.h"
#include "kensho-util.h"

struct _KenshoRatingScale
{
  GObject parent_instance;
  char *name;
  GListStore *ratings;
};

G_DEFINE_FINAL_TYPE (KenshoRatingScale, kensho_rating_scale, G_TYPE_OBJECT)

enum { CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
kensho_rating_scale_dispose (GObject *object)
{
  KenshoRatingScale *self = KENSHO_RATING_SCALE (object);

  g_clear_object (&self->ratings);
  G_OBJECT_CLASS (kensho_rating_scale_parent_class)->dispose (object);
}

static void
kensho_rating_scale_finalize (GObject *object)
{
  KenshoRatingScale *self = KENSHO_RATING_SCALE (object);

  g_free (self->name);
  G_OBJECT_CLASS (kensho_rating_scale_parent_class)->finalize (object);
}

static void
kensho_rating_scale_class_init (KenshoRatingScaleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kensho_rating_scale_dispose;
  object_class->finalize = kensho_rating_scale_finalize;

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kensho_rating_scale_init (KenshoRatingScale *self)
{
  self->ratings = g_list_store_new (KENSHO_TYPE_RATING);
}

static void
emit_changed (KenshoRatingScale *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

KenshoRatingScale *
kensho_rating_scale_new (const char *name)
{
  KenshoRatingScale *self = g_object_new (KENSHO_TYPE_RATING_SCALE, NULL);

  self->name = g_strdup (name);
  return self;
}

/* Isesaki's three levels, the scale of the bundled sample. */
KenshoRatingScale *
kensho_rating_scale_new_default (void)
{
  KenshoRatingScale *self = kensho_rating_scale_new ("伊勢崎市（3段階）");
  g_autoptr(KenshoRating) on_track = kensho_rating_new ("on-track", "順調に進捗", "#2E7D32", FALSE);
  g_autoptr(KenshoRating) mostly = kensho_rating_new ("mostly-on-track", "概ね順調に進捗",
                                                      "#B8860B", FALSE);
  g_autoptr(KenshoRating) delayed = kensho_rating_new ("delayed", "進捗の遅れ", "#C62828", TRUE);

  kensho_rating_scale_append (self, on_track, NULL);
  kensho_rating_scale_append (self, mostly, NULL);
  kensho_rating_scale_append (self, delayed, NULL);
  return self;
}

const char *
kensho_rating_scale_get_name (KenshoRatingScale *self)
{
  g_return_val_if_fail (KENSHO_IS_RATING_SCALE (self), NULL);
  return self->name;
}

void
kensho_rating_scale_set_name (KenshoRatingScale *self, const char *name)
{
  g_return_if_fail (KENSHO_IS_RATING_SCALE (self));
  if (kensho_set_str (&self->name, name))
    emit_changed (self);
}

GListModel *
kensho_rating_scale_get_ratings (KenshoRatingScale *self)
{
  g_return_val_if_fail (KENSHO_IS_RATING_SCALE (self), NULL);
  return G_LIST_MODEL (self->ratings);
}

guint
kensho_rating_scale_get_n_ratings (KenshoRatingScale *self)
{
  g_return_val_if_fail (KENSHO_IS_RATING_SCALE (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->ratings));
}

/* Returns a borrowed pointer; the scale keeps its ratings alive. */
KenshoRating *
kensho_rating_scale_get_rating (KenshoRatingScale *self, guint position)
{
  g_autoptr(KenshoRating) rating = NULL;

  g_return_val_if_fail (KENSHO_IS_RATING_SCALE (self), NULL);
  rating = g_list_model_get_item (G_LIST_MODEL (self->ratings), position);
  return rating;
}

KenshoRating *
kensho_rating_scale_lookup (KenshoRatingScale *self, const char *id)
{
  guint n = kensho_rating_scale_get_n_ratings (self);

  for (guint i = 0; i < n; i++)
    {
      KenshoRating *rating = kensho_rating_scale_get_rating (self, i);

      if (g_strcmp0 (kensho_rating_get_id (rating), id) == 0)
        return rating;
    }
  return NULL;
}

KenshoRating *
kensho_rating_scale_lookup_label (KenshoRatingScale *self, const char *label)
{
  guint n = kensho_rating_scale_get_n_ratings (self);

  for (guint i = 0; i < n; i++)
    {
      KenshoRating *rating = kensho_rating_scale_get_rating (self, i);

      if (g_strcmp0 (kensho_rating_get_label (rating), label) == 0)
        return rating;
    }
  return NULL;
}

static void
on_rating_notify (KenshoRating *rating, GParamSpec *pspec, KenshoRatingScale *self)
{
  emit_changed (self);
}

gboolean
kensho_rating_scale_append (KenshoRatingScale *self, KenshoRating *rating, GError **error)
{
  g_return_val_if_fail (KENSHO_IS_RATING_SCALE (self), FALSE);
  g_return_val_if_fail (KENSHO_IS_RATING (rating), FALSE);

  if (kensho_rating_scale_lookup (self, kensho_rating_get_id (rating)) != NULL)
    {
      g_set_error (error, KENSHO_ERROR, KENSHO_ERROR_DUPLICATE_ID,
                   _("The rating scale already has a rating “%s”."),
                   kensho_rating_get_id (rating));
      return FALSE;
    }
  g_signal_connect_object (rating, "notify", G_CALLBACK (on_rating_notify), self, 0);
  g_list_store_append (self->ratings, rating);
  emit_changed (self);
  return TRUE;
}

void
kensho_rating_scale_remove (KenshoRatingScale *self, guint position)
{
  g_return_if_fail (KENSHO_IS_RATING_SCALE (self));
  g_return_if_fail (position < kensho_rating_scale_get_n_ratings (self));

  g_list_store_remove (self->ratings, position);
  emit_changed (self);
}

KenshoRatingScale *
kensho_rating_scale_copy (KenshoRatingScale *self)
{
  KenshoRatingScale *copy;
  guint n;

  g_return_val_if_fail (KENSHO_IS_RATING_SCALE (self), NULL);

  copy = kensho_rating_scale_new (self->name);
  n = kensho_rating_scale_get_n_ratings (self);
  for (guint i = 0; i < n; i++)
    {
      KenshoRating *rating = kensho_rating_scale_get_rating (self, i);
      g_autoptr(KenshoRating) twin = kensho_rating_new (kensho_rating_get_id (rating),
                                                        kensho_rating_get_label (rating),
                                                        kensho_rating_get_colour (rating),
                                                        kensho_rating_get_delayed (rating));

      kensho_rating_scale_append (copy, twin, NULL);
    }
  return copy;
}
