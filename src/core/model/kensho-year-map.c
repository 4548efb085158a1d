/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "kensho-year-map.h"

/* Where @year is, or would go to keep the order. */
static guint
find (const KenshoYearMap *map, int year, gboolean *found)
{
  guint lo = 0, hi = map->n;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (map->items[mid].year < year)
        lo = mid + 1;
      else
        hi = mid;
    }
  *found = lo < map->n && map->items[lo].year == year;
  return lo;
}

gpointer
kensho_year_map_lookup (const KenshoYearMap *map, int year)
{
  gboolean found;
  guint i = find (map, year, &found);

  return found ? map->items[i].value : NULL;
}

/* Takes @value, freeing the one it replaces; NULL removes the year. Grows
 * one entry at a time: the years are few and added rarely. */
void
kensho_year_map_replace (KenshoYearMap *map, int year, gpointer value, GDestroyNotify free_func)
{
  gboolean found;
  guint i = find (map, year, &found);

  if (found)
    {
      if (map->items[i].value != value)
        free_func (map->items[i].value);
      if (value != NULL)
        {
          map->items[i].value = value;
          return;
        }
      memmove (&map->items[i], &map->items[i + 1], (map->n - i - 1) * sizeof (KenshoYearEntry));
      if (--map->n == 0)
        g_clear_pointer (&map->items, g_free);
      return;
    }
  if (value == NULL)
    return;
  map->items = g_renew (KenshoYearEntry, map->items, map->n + 1);
  memmove (&map->items[i + 1], &map->items[i], (map->n - i) * sizeof (KenshoYearEntry));
  map->items[i] = (KenshoYearEntry) { year, value };
  map->n++;
}

void
kensho_year_map_clear (KenshoYearMap *map, GDestroyNotify free_func)
{
  for (guint i = 0; i < map->n; i++)
    free_func (map->items[i].value);
  g_clear_pointer (&map->items, g_free);
  map->n = 0;
}

/* The years, oldest first. */
GArray *
kensho_year_map_dup_years (const KenshoYearMap *map)
{
  GArray *years = g_array_sized_new (FALSE, FALSE, sizeof (int), map->n);

  for (guint i = 0; i < map->n; i++)
    g_array_append_val (years, map->items[i].year);
  return years;
}

/* @to must be empty. */
void
kensho_year_map_copy (KenshoYearMap *to, const KenshoYearMap *from, GBoxedCopyFunc copy_func)
{
  g_return_if_fail (to->n == 0);

  to->n = from->n;
  to->items = from->n > 0 ? g_new (KenshoYearEntry, from->n) : NULL;
  for (guint i = 0; i < from->n; i++)
    to->items[i] = (KenshoYearEntry) { from->items[i].year, copy_func (from->items[i].value) };
}

gboolean
kensho_year_map_equal (const KenshoYearMap *a, const KenshoYearMap *b, GEqualFunc equal_func)
{
  if (a->n != b->n)
    return FALSE;
  for (guint i = 0; i < a->n; i++)
    if (a->items[i].year != b->items[i].year || !equal_func (a->items[i].value, b->items[i].value))
      return FALSE;
  return TRUE;
}
