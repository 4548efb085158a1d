/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* When a rating applies, so that Kensho can suggest one: an achievement
 * band, or "the achievement cannot be computed" (評価なし, −). */
typedef enum
{
  KENSHO_RATING_RULE_NONE,
  KENSHO_RATING_RULE_BAND,           /* at least min %, below max %; NAN = open */
  KENSHO_RATING_RULE_NOT_COMPUTABLE,
} KenshoRatingRule;

#define KENSHO_TYPE_RATING (kensho_rating_get_type ())
G_DECLARE_FINAL_TYPE (KenshoRating, kensho_rating, KENSHO, RATING, GObject)

/* One level of a rating scale (進捗状況): 順調に進捗, A, ◎ … */
KenshoRating *kensho_rating_new         (const char *id,
                                         const char *label,
                                         const char *colour,
                                         gboolean    delayed);
const char   *kensho_rating_get_id      (KenshoRating *self);
const char   *kensho_rating_get_label   (KenshoRating *self);
const char   *kensho_rating_get_colour  (KenshoRating *self);
gboolean      kensho_rating_get_delayed (KenshoRating *self);
void          kensho_rating_set_label   (KenshoRating *self,
                                         const char   *label);
void          kensho_rating_set_colour  (KenshoRating *self,
                                         const char   *colour);
void          kensho_rating_set_delayed (KenshoRating *self,
                                         gboolean      delayed);
KenshoRatingRule kensho_rating_get_rule   (KenshoRating *self);
double        kensho_rating_get_rule_min (KenshoRating *self);
double        kensho_rating_get_rule_max (KenshoRating *self);
void          kensho_rating_set_rule    (KenshoRating *self,
                                         KenshoRatingRule rule,
                                         double        min_percent,
                                         double        max_percent);
gboolean      kensho_rating_rule_matches (KenshoRating *self,
                                          gboolean      computable,
                                          double        rate);
char         *kensho_rating_format_rule (KenshoRating *self);
KenshoRating *kensho_rating_copy        (KenshoRating *self);
gboolean      kensho_rating_equal       (KenshoRating *a,
                                         KenshoRating *b);

G_END_DECLS
