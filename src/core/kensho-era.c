/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kensho-era.h"

G_DEFINE_QUARK (kensho-era-error-quark, kensho_era_error)

typedef struct
{
  const char *name;
  const char *abbreviation; /* as in H30, R5 */
  int first_year;           /* Western year of 元年 */
  int last_accepted;        /* highest era year accepted on input */
} Era;

/* Years beyond an era's end are accepted on input: plans written before
 * 2019 count on in 平成 (平成32年 = 2020). */
static const Era eras[] = {
  { "令和", "R", 2019, 99 },
  { "平成", "H", 1989, 45 },
  { "昭和", "S", 1926, 64 },
};

#define MIN_WESTERN 1900
#define MAX_WESTERN 2200

static gboolean
fail (GError **error, KenshoEraError code, const char *text)
{
  if (code == KENSHO_ERA_ERROR_OUT_OF_RANGE)
    g_set_error (error, KENSHO_ERA_ERROR, code,
                 _("“%s” is outside the years Kensho knows (昭和1年 to 令和99年)."), text);
  else
    g_set_error (error, KENSHO_ERA_ERROR, code,
                 _("“%s” is not a year. Write it like 令和5年度, R5 or 2023年度."), text);
  return FALSE;
}

/* Folds full-width digits and letters (０-９, Ｒ) to ASCII and drops
 * white space, ideographic space included. */
static char *
fold (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        continue;
      if (c >= 0xFF10 && c <= 0xFF19)
        c = '0' + (c - 0xFF10);
      else if (c >= 0xFF21 && c <= 0xFF3A)
        c = 'A' + (c - 0xFF21);
      else if (c >= 0xFF41 && c <= 0xFF5A)
        c = 'a' + (c - 0xFF41);
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* Reads up to 4 ASCII digits; more would not be a year of any era. */
static const char *
read_number (const char *p, int *value, gboolean *too_long)
{
  int n = 0, digits = 0;

  *too_long = FALSE;
  while (g_ascii_isdigit (*p))
    {
      if (++digits > 4)
        *too_long = TRUE;
      else
        n = n * 10 + (*p - '0');
      p++;
    }
  *value = digits > 0 ? n : -1;
  return p;
}

gboolean
kensho_era_parse (const char *text, int *out_year, KenshoPeriodKind *out_kind, GError **error)
{
  g_autofree char *folded = NULL;
  const char *p;
  const Era *era = NULL;
  int number = -1;
  gboolean too_long = FALSE;
  KenshoPeriodKind kind = KENSHO_PERIOD_CALENDAR_YEAR;
  int year;

  g_return_val_if_fail (text != NULL, FALSE);

  folded = fold (text);
  p = folded;
  for (guint i = 0; i < G_N_ELEMENTS (eras) && era == NULL; i++)
    {
      if (g_str_has_prefix (p, eras[i].name))
        {
          era = &eras[i];
          p += strlen (eras[i].name);
        }
      else if (g_ascii_toupper (*p) == eras[i].abbreviation[0] && g_ascii_isdigit (p[1]))
        {
          era = &eras[i];
          p++;
        }
    }

  if (era != NULL && g_str_has_prefix (p, "元"))
    {
      number = 1;
      p += strlen ("元");
      if (!g_str_has_prefix (p, "年"))
        return fail (error, KENSHO_ERA_ERROR_INVALID, text);
    }
  else
    p = read_number (p, &number, &too_long);
  if (number < 0)
    return fail (error, KENSHO_ERA_ERROR_INVALID, text);

  if (g_str_has_prefix (p, "年度"))
    {
      kind = KENSHO_PERIOD_FISCAL_YEAR;
      p += strlen ("年度");
    }
  else if (g_str_has_prefix (p, "年"))
    p += strlen ("年");
  if (*p != '\0')
    return fail (error, KENSHO_ERA_ERROR_INVALID, text);

  if (era != NULL)
    {
      if (too_long || number < 1 || number > era->last_accepted)
        return fail (error, KENSHO_ERA_ERROR_OUT_OF_RANGE, text);
      year = era->first_year + number - 1;
    }
  else
    {
      if (too_long || number < MIN_WESTERN || number > MAX_WESTERN)
        return fail (error, number < 100 && !too_long ? KENSHO_ERA_ERROR_INVALID
                                                      : KENSHO_ERA_ERROR_OUT_OF_RANGE, text);
      year = number;
    }
  if (out_year != NULL)
    *out_year = year;
  if (out_kind != NULL)
    *out_kind = kind;
  return TRUE;
}

static const Era *
era_for_year (int year)
{
  for (guint i = 0; i < G_N_ELEMENTS (eras); i++)
    if (year >= eras[i].first_year)
      return &eras[i];
  return NULL;
}

const char *
kensho_era_name_for_year (int year)
{
  const Era *era = era_for_year (year);

  return era ? era->name : NULL;
}

int
kensho_era_year_in_era (int year)
{
  const Era *era = era_for_year (year);

  return era ? year - era->first_year + 1 : year;
}

/* 2019 is 令和元年 as a whole (平成 ended on 30 April), and FY2019 is
 * 令和元年度, as the sheets write them. */
char *
kensho_era_format (int year, KenshoPeriodKind kind, KenshoEraFormatFlags flags)
{
  const char *suffix = kind == KENSHO_PERIOD_FISCAL_YEAR ? "年度" : "年";
  const Era *era = era_for_year (year);
  int in_era;

  if (era == NULL || (flags & KENSHO_ERA_FORMAT_WESTERN))
    return g_strdup_printf ("%d%s", year, suffix);
  in_era = year - era->first_year + 1;
  if (in_era == 1 && !(flags & KENSHO_ERA_FORMAT_NUMERIC_FIRST_YEAR))
    return g_strdup_printf ("%s元%s", era->name, suffix);
  return g_strdup_printf ("%s%d%s", era->name, in_era, suffix);
}
