/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kensho-util.h"

#include "kensho-era.h"

G_DEFINE_QUARK (kensho-era-error-quark, kensho_era_error)

typedef struct
{
  const char *name;
  char        abbreviation;  /* upper case, as in H30, R5 */
  int         first_year;    /* Western year of 元年 */
  int         last_accepted; /* highest year of the era Kensho reads */
} Era;

/* Newest first: a Western year belongs to the first era it reaches.
 * 平成 goes on past its end (平成32年 = 2020) because plans written
 * before 2019 count on in it. */
static const Era eras[] = {
  { "令和", 'R', 2019, 99 },
  { "平成", 'H', 1989, 45 },
  { "昭和", 'S', 1926, 64 },
};

/* Known only so that someone who writes one of them is told the year is
 * outside what Kensho knows, not that it is no year at all. */
static const char * const older_eras[] = { "大正", "明治" };

#define WESTERN_MIN 1900
#define WESTERN_MAX 2200

/* More digits than this make no year of any era nor of the Western
 * range; counting them instead of accumulating them keeps a number like
 * 令和99999999999999999999年 from overflowing. */
#define MAX_YEAR_DIGITS 4

static gboolean
set_error (GError **error, KenshoEraError code, gboolean western, const char *written)
{
  g_autofree char *quoted = kensho_quote_for_message (written);

  if (code == KENSHO_ERA_ERROR_OUT_OF_RANGE && western)
    g_set_error (error, KENSHO_ERA_ERROR, code,
                 _("“%s” is outside the years Kensho knows (%d to %d)."),
                 quoted, WESTERN_MIN, WESTERN_MAX);
  else if (code == KENSHO_ERA_ERROR_OUT_OF_RANGE)
    g_set_error (error, KENSHO_ERA_ERROR, code,
                 _("“%s” is outside the years Kensho knows (昭和1年 to 令和99年)."), quoted);
  else if (*written == '\0')
    g_set_error_literal (error, KENSHO_ERA_ERROR, code,
                         _("No year is written. Write it like 令和5年度, R5 or 2023年度."));
  else
    g_set_error (error, KENSHO_ERA_ERROR, code,
                 _("“%s” is not a year. Write it like 令和5年度, R5 or 2023年度."), quoted);
  return FALSE;
}

/* g_strstrip() knows only ASCII white space; sheets also have U+3000
 * and no-break spaces around their years. Needs valid UTF-8. */
static char *
strip_unicode (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  while (end > start)
    {
      const char *previous = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (previous)))
        break;
      end = previous;
    }
  return g_strndup (start, end - start);
}

/* Full-width digits and letters, as a Japanese input method types them,
 * become ASCII (Ｒ５ reads as R5); everything else is kept. */
static char *
fold_width (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

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

static const char *
skip_space (const char *p)
{
  while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  return p;
}

/* Reads the era at *p, by name (令和) or abbreviation (R5, h30, R元年),
 * and moves *p past it. */
static const Era *
read_era (const char **p, gboolean *older)
{
  *older = FALSE;
  if (**p == '\0')
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (eras); i++)
    {
      const char *after = *p + 1;

      if (g_str_has_prefix (*p, eras[i].name))
        {
          *p += strlen (eras[i].name);
          return &eras[i];
        }
      /* A bare letter is an era only right before its year, so that
       * "Reiwa" or "S" alone are not read as one. */
      if (g_ascii_toupper (**p) == eras[i].abbreviation &&
          (g_ascii_isdigit (*after) || g_str_has_prefix (after, "元")))
        {
          *p = after;
          return &eras[i];
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (older_eras); i++)
    if (g_str_has_prefix (*p, older_eras[i]))
      {
        *p += strlen (older_eras[i]);
        *older = TRUE;
        return NULL;
      }
  return NULL;
}

/**
 * kensho_era_parse:
 * @text: one year as people write it in the sheets
 * @out_year: (out) (optional): the Western year
 * @out_kind: (out) (optional): calendar year (年, or no suffix) or fiscal
 *   year (年度)
 * @error: %KENSHO_ERA_ERROR_INVALID for what is no year,
 *   %KENSHO_ERA_ERROR_OUT_OF_RANGE for a year outside 昭和1年 to 令和99年
 *   (平成 up to 45) or, written the Western way, outside 1900 to 2200
 *
 * Reads 令和5年度, 令和元年, 令和1年, R5, h30年度, Ｒ５年度, 2023年度,
 * 2023年 and 2023, with white space around (U+3000 included) or between
 * the era, the number and the suffix. The outputs are left alone on
 * failure.
 *
 * Returns: %TRUE if @text is a year
 */
gboolean
kensho_era_parse (const char        *text,
                  int               *out_year,
                  KenshoPeriodKind  *out_kind,
                  GError           **error)
{
  g_autofree char *written = NULL;
  g_autofree char *folded = NULL;
  const char *p;
  const Era *era;
  gboolean older;
  int number = 0;
  guint n_digits = 0;
  KenshoPeriodKind kind = KENSHO_PERIOD_CALENDAR_YEAR;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    return set_error (error, KENSHO_ERA_ERROR_INVALID, FALSE, text);

  written = strip_unicode (text);
  folded = fold_width (written);
  p = folded;
  era = read_era (&p, &older);
  if (era != NULL || older)
    p = skip_space (p);

  if ((era != NULL || older) && g_str_has_prefix (p, "元"))
    {
      /* 元 is a year only as 元年 or 元年度, never alone. */
      p += strlen ("元");
      if (!g_str_has_prefix (skip_space (p), "年"))
        return set_error (error, KENSHO_ERA_ERROR_INVALID, FALSE, written);
      number = 1;
      n_digits = 1;
    }
  else
    {
      for (; g_ascii_isdigit (*p); p++)
        if (++n_digits <= MAX_YEAR_DIGITS)
          number = number * 10 + (*p - '0');
    }
  if (n_digits == 0)
    return set_error (error, KENSHO_ERA_ERROR_INVALID, FALSE, written);

  p = skip_space (p);
  if (g_str_has_prefix (p, "年度"))
    {
      kind = KENSHO_PERIOD_FISCAL_YEAR;
      p += strlen ("年度");
    }
  else if (g_str_has_prefix (p, "年"))
    p += strlen ("年");
  if (*p != '\0')
    return set_error (error, KENSHO_ERA_ERROR_INVALID, FALSE, written);

  if (older)
    return set_error (error, KENSHO_ERA_ERROR_OUT_OF_RANGE, FALSE, written);
  if (era != NULL)
    {
      if (n_digits > MAX_YEAR_DIGITS || number < 1 || number > era->last_accepted)
        return set_error (error, KENSHO_ERA_ERROR_OUT_OF_RANGE, FALSE, written);
      number = era->first_year + number - 1;
    }
  else
    {
      /* "5年" lacks its era rather than being a year before 1900. */
      if (n_digits <= 2)
        return set_error (error, KENSHO_ERA_ERROR_INVALID, FALSE, written);
      if (n_digits > MAX_YEAR_DIGITS || number < WESTERN_MIN || number > WESTERN_MAX)
        return set_error (error, KENSHO_ERA_ERROR_OUT_OF_RANGE, TRUE, written);
    }

  if (out_year != NULL)
    *out_year = number;
  if (out_kind != NULL)
    *out_kind = kind;
  return TRUE;
}

/* The era a Western year is written in: 2019 is 令和元年 as a whole
 * (平成 ended on 30 April) and FY2019 is 令和元年度, as the sheets write
 * them. NULL before 昭和 and after 令和99年, the years Kensho reads. */
static const Era *
era_for_year (int year)
{
  for (guint i = 0; i < G_N_ELEMENTS (eras); i++)
    if (year >= eras[i].first_year)
      return year - eras[i].first_year < eras[i].last_accepted ? &eras[i] : NULL;
  return NULL;
}

/**
 * kensho_era_format:
 * @year: a Western year
 * @kind: calendar year (…年) or fiscal year (…年度)
 * @flags: %KENSHO_ERA_FORMAT_NUMERIC_FIRST_YEAR for 令和1年,
 *   %KENSHO_ERA_FORMAT_WESTERN for 2023年度
 *
 * Writes @year as the sheets do: 1926-1988 昭和, 1989-2018 平成, 2019-2117
 * 令和, the first year of an era as 元年. Years outside these are written
 * the Western way, so that what this returns reads back with
 * kensho_era_parse() for every year from 1900 to 2200.
 *
 * Returns: (transfer full): the year as text
 */
char *
kensho_era_format (int year, KenshoPeriodKind kind, KenshoEraFormatFlags flags)
{
  const char *suffix = kind == KENSHO_PERIOD_FISCAL_YEAR ? "年度" : "年";
  const Era *era = era_for_year (year);
  int in_era;

  g_return_val_if_fail (kind == KENSHO_PERIOD_CALENDAR_YEAR ||
                        kind == KENSHO_PERIOD_FISCAL_YEAR, NULL);

  if (era == NULL || (flags & KENSHO_ERA_FORMAT_WESTERN) != 0)
    return g_strdup_printf ("%d%s", year, suffix);
  in_era = year - era->first_year + 1;
  if (in_era == 1 && (flags & KENSHO_ERA_FORMAT_NUMERIC_FIRST_YEAR) == 0)
    return g_strdup_printf ("%s元%s", era->name, suffix);
  return g_strdup_printf ("%s%d%s", era->name, in_era, suffix);
}

/**
 * kensho_era_name_for_year:
 * @year: a Western year
 *
 * Returns: (nullable): "令和", "平成" or "昭和", for column headers;
 *   %NULL for a year before 1926 or after 2117 (令和99年)
 */
const char *
kensho_era_name_for_year (int year)
{
  const Era *era = era_for_year (year);

  return era != NULL ? era->name : NULL;
}

/**
 * kensho_era_year_in_era:
 * @year: a Western year
 *
 * Returns: the year within its era (2023 gives 5, 2019 gives 1), or 0 when
 *   kensho_era_name_for_year() has no era for @year
 */
int
kensho_era_year_in_era (int year)
{
  const Era *era = era_for_year (year);

  return era != NULL ? year - era->first_year + 1 : 0;
}
