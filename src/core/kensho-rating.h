/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

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

G_END_DECLS
