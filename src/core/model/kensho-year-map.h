/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Fiscal year → pointer, for the handful of years a series or an
 * indicator holds: a sorted array in one block (NULL when empty), where a
 * GHashTable took ~250 bytes in four blocks even when empty, three per
 * indicator of a 10,000-indicator sheet. Embedded, not a GObject. */
typedef struct
{
  int year;
  gpointer value;
} KenshoYearEntry;

typedef struct
{
  KenshoYearEntry *items; /* oldest first */
  guint n;
} KenshoYearMap;

gpointer kensho_year_map_lookup  (const KenshoYearMap *map,
                                  int                  year);
void     kensho_year_map_replace (KenshoYearMap       *map,
                                  int                  year,
                                  gpointer             value,
                                  GDestroyNotify       free_func);
void     kensho_year_map_clear   (KenshoYearMap       *map,
                                  GDestroyNotify       free_func);
GArray  *kensho_year_map_dup_years (const KenshoYearMap *map);
void     kensho_year_map_copy    (KenshoYearMap       *to,
                                  const KenshoYearMap *from,
                                  GBoxedCopyFunc       copy_func);
gboolean kensho_year_map_equal   (const KenshoYearMap *a,
                                  const KenshoYearMap *b,
                                  GEqualFunc           equal_func);

G_END_DECLS
