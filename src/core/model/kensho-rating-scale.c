/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

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

enum { CHANGING, CHANGED, N_SIGNALS };
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
  /* Before any edit of the scale or its ratings, with what changes. */
  signals[CHANGING] = g_signal_new ("changing", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
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

static void
emit_changing (KenshoRatingScale *self, const char *field)
{
  g_signal_emit (self, signals[CHANGING], 0, field);
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
  return kensho_rating_scale_new_preset ("isesaki");
}

typedef struct
{
  const char *id;
  const char *label;
  const char *colour;
  gboolean delayed;
  KenshoRatingRule rule;
  double min; /* percent */
  double max;
} PresetRating;

#define OPEN NAN
#define MAX_PRESET_RATINGS 5

static const KenshoRatingScalePreset presets[] = {
  { "isesaki", "伊勢崎市（3段階）", KENSHO_ACHIEVEMENT_RATIO },
  { "kitsuki", "杵築市（A〜D）", KENSHO_ACHIEVEMENT_RATIO },
  { "ino", "いの町（◎○△×）", KENSHO_ACHIEVEMENT_RATIO },
  { "ibaraki", "茨城県（A/B+/B/C）", KENSHO_ACHIEVEMENT_EXPECTED },
  { "nagayo", "長与町（S/A/B/C/−）", KENSHO_ACHIEVEMENT_PROGRESS },
};

/* Bands only where the city's definition is a rate; judgements (杵築市's D,
 * external factors; いの町's ○ and ×; 長与町's B, within ±10% of the
 * baseline) have no rule and are never second-guessed. */
static const PresetRating preset_ratings[G_N_ELEMENTS (presets)][MAX_PRESET_RATINGS] = {
  {
    { "on-track", "順調に進捗", "#2E7D32", FALSE, KENSHO_RATING_RULE_NONE, OPEN, OPEN },
    { "mostly-on-track", "概ね順調に進捗", "#B8860B", FALSE, KENSHO_RATING_RULE_NONE, OPEN, OPEN },
    { "delayed", "進捗の遅れ", "#C62828", TRUE, KENSHO_RATING_RULE_NONE, OPEN, OPEN },
  },
  {
    { "a", "A", "#2E7D32", FALSE, KENSHO_RATING_RULE_BAND, 100, OPEN },
    { "b", "B", "#1565C0", FALSE, KENSHO_RATING_RULE_BAND, 80, 100 },
    { "c", "C", "#C62828", TRUE, KENSHO_RATING_RULE_BAND, OPEN, 80 },
    { "d", "D", "#6D4C41", TRUE, KENSHO_RATING_RULE_NONE, OPEN, OPEN },
  },
  {
    { "excellent", "◎", "#2E7D32", FALSE, KENSHO_RATING_RULE_BAND, 100, OPEN },
    { "good", "○", "#1565C0", FALSE, KENSHO_RATING_RULE_NONE, OPEN, OPEN },
    { "fair", "△", "#B8860B", TRUE, KENSHO_RATING_RULE_BAND, OPEN, 100 },
    { "poor", "×", "#C62828", TRUE, KENSHO_RATING_RULE_NONE, OPEN, OPEN },
    { "none", "評価なし", "#757575", FALSE, KENSHO_RATING_RULE_NOT_COMPUTABLE, OPEN, OPEN },
  },
  {
    { "a", "A", "#2E7D32", FALSE, KENSHO_RATING_RULE_BAND, 100, OPEN },
    { "b-plus", "B+", "#1565C0", FALSE, KENSHO_RATING_RULE_BAND, 80, 100 },
    { "b", "B", "#B8860B", FALSE, KENSHO_RATING_RULE_BAND, 50, 80 },
    { "c", "C", "#C62828", TRUE, KENSHO_RATING_RULE_BAND, OPEN, 50 },
  },
  {
    { "s", "S", "#2E7D32", FALSE, KENSHO_RATING_RULE_BAND, 100, OPEN },
    { "a", "A", "#1565C0", FALSE, KENSHO_RATING_RULE_BAND, 0, 100 },
    { "b", "B", "#B8860B", FALSE, KENSHO_RATING_RULE_NONE, OPEN, OPEN },
    { "c", "C", "#C62828", TRUE, KENSHO_RATING_RULE_BAND, OPEN, 0 },
    { "not-measurable", "−", "#757575", FALSE, KENSHO_RATING_RULE_NOT_COMPUTABLE, OPEN, OPEN },
  },
};

const KenshoRatingScalePreset *
kensho_rating_scale_get_presets (guint *n_presets)
{
  if (n_presets != NULL)
    *n_presets = G_N_ELEMENTS (presets);
  return presets;
}

/* NULL for an unknown preset id. */
KenshoRatingScale *
kensho_rating_scale_new_preset (const char *preset_id)
{
  for (guint p = 0; p < G_N_ELEMENTS (presets); p++)
    {
      KenshoRatingScale *self;

      if (g_strcmp0 (presets[p].id, preset_id) != 0)
        continue;
      self = kensho_rating_scale_new (presets[p].name);
      for (guint i = 0; i < MAX_PRESET_RATINGS && preset_ratings[p][i].id != NULL; i++)
        {
          const PresetRating *def = &preset_ratings[p][i];
          g_autoptr(KenshoRating) rating = kensho_rating_new (def->id, def->label, def->colour,
                                                              def->delayed);

          kensho_rating_set_rule (rating, def->rule, def->min, def->max);
          kensho_rating_scale_append (self, rating, NULL);
        }
      return self;
    }
  return NULL;
}

/* The first rating, best first, whose rule the achievement meets; NULL
 * when none does. A suggestion only: the person's choice stays. */
KenshoRating *
kensho_rating_scale_suggest (KenshoRatingScale *self, gboolean computable, double rate)
{
  guint n = kensho_rating_scale_get_n_ratings (self);

  for (guint i = 0; i < n; i++)
    {
      KenshoRating *rating = kensho_rating_scale_get_rating (self, i);

      if (kensho_rating_rule_matches (rating, computable, rate))
        return rating;
    }
  return NULL;
}

gboolean
kensho_rating_scale_has_rules (KenshoRatingScale *self)
{
  guint n = kensho_rating_scale_get_n_ratings (self);

  for (guint i = 0; i < n; i++)
    if (kensho_rating_get_rule (kensho_rating_scale_get_rating (self, i)) != KENSHO_RATING_RULE_NONE)
      return TRUE;
  return FALSE;
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
  if (g_strcmp0 (self->name, name) == 0)
    return;
  emit_changing (self, "scale-name");
  kensho_set_str (&self->name, name);
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

static void
on_rating_changing (KenshoRating *rating, const char *field, KenshoRatingScale *self)
{
  emit_changing (self, field);
}

gboolean
kensho_rating_scale_append (KenshoRatingScale *self, KenshoRating *rating, GError **error)
{
  g_return_val_if_fail (KENSHO_IS_RATING_SCALE (self), FALSE);
  g_return_val_if_fail (KENSHO_IS_RATING (rating), FALSE);

  if (kensho_rating_scale_lookup (self, kensho_rating_get_id (rating)) != NULL)
    {
      g_set_error (error, KENSHO_MODEL_ERROR, KENSHO_MODEL_ERROR_DUPLICATE_ID,
                   _("The rating scale already has a rating “%s”."),
                   kensho_rating_get_id (rating));
      return FALSE;
    }
  emit_changing (self, "add-rating");
  g_signal_connect_object (rating, "notify", G_CALLBACK (on_rating_notify), self, 0);
  g_signal_connect_object (rating, "changing", G_CALLBACK (on_rating_changing), self, 0);
  g_list_store_append (self->ratings, rating);
  emit_changed (self);
  return TRUE;
}

void
kensho_rating_scale_remove (KenshoRatingScale *self, guint position)
{
  g_return_if_fail (KENSHO_IS_RATING_SCALE (self));
  g_return_if_fail (position < kensho_rating_scale_get_n_ratings (self));

  emit_changing (self, "remove-rating");
  g_list_store_remove (self->ratings, position);
  emit_changed (self);
}

/* Order matters: suggestions take the first rating whose rule holds. */
void
kensho_rating_scale_move (KenshoRatingScale *self, guint from, guint to)
{
  g_autoptr(KenshoRating) rating = NULL;
  guint n;

  g_return_if_fail (KENSHO_IS_RATING_SCALE (self));
  n = kensho_rating_scale_get_n_ratings (self);
  g_return_if_fail (from < n && to < n);

  if (from == to)
    return;
  emit_changing (self, "move-rating");
  rating = g_list_model_get_item (G_LIST_MODEL (self->ratings), from);
  g_list_store_remove (self->ratings, from);
  g_list_store_insert (self->ratings, to, rating);
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
      g_autoptr(KenshoRating) twin = kensho_rating_copy (kensho_rating_scale_get_rating (self, i));

      kensho_rating_scale_append (copy, twin, NULL);
    }
  return copy;
}
