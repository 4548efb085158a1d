/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "kensho-rating.h"
#include "kensho-types.h"

G_BEGIN_DECLS

#define KENSHO_TYPE_RATING_SCALE (kensho_rating_scale_get_type ())
G_DECLARE_FINAL_TYPE (KenshoRatingScale, kensho_rating_scale, KENSHO, RATING_SCALE, GObject)

/* The ordered ratings a sheet uses, best first. Emits ::changed on any edit. */
KenshoRatingScale *kensho_rating_scale_new             (const char        *name);
KenshoRatingScale *kensho_rating_scale_new_default     (void);
const char        *kensho_rating_scale_get_name        (KenshoRatingScale *self);
void               kensho_rating_scale_set_name        (KenshoRatingScale *self,
                                                        const char        *name);
GListModel        *kensho_rating_scale_get_ratings     (KenshoRatingScale *self);
guint              kensho_rating_scale_get_n_ratings   (KenshoRatingScale *self);
KenshoRating      *kensho_rating_scale_get_rating      (KenshoRatingScale *self,
                                                        guint              position);
KenshoRating      *kensho_rating_scale_lookup          (KenshoRatingScale *self,
                                                        const char        *id);
KenshoRating      *kensho_rating_scale_lookup_label    (KenshoRatingScale *self,
                                                        const char        *label);
gboolean           kensho_rating_scale_append          (KenshoRatingScale *self,
                                                        KenshoRating      *rating,
                                                        GError           **error);
KenshoRatingScale *kensho_rating_scale_copy            (KenshoRatingScale *self);
void               kensho_rating_scale_remove          (KenshoRatingScale *self,
                                                        guint              position);
void               kensho_rating_scale_move            (KenshoRatingScale *self,
                                                        guint              from,
                                                        guint              to);
KenshoRating      *kensho_rating_scale_suggest         (KenshoRatingScale *self,
                                                        gboolean           computable,
                                                        double             rate);
gboolean           kensho_rating_scale_has_rules       (KenshoRatingScale *self);

/* The scales of the cities in DOMAIN.md, with the achievement method each
 * city uses. */
typedef struct
{
  const char              *id;     /* "isesaki", "kitsuki", "ino", "ibaraki", "nagayo" */
  const char              *name;   /* the scale's name: "茨城県（A/B+/B/C）" */
  KenshoAchievementMethod  method;
} KenshoRatingScalePreset;

const KenshoRatingScalePreset *kensho_rating_scale_get_presets (guint      *n_presets);
KenshoRatingScale *kensho_rating_scale_new_preset      (const char        *preset_id);

G_END_DECLS
