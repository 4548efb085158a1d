/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A year as written in the sheets: a calendar year (年) or a fiscal year
 * (年度, 1 April to 31 March). */
typedef enum
{
  KENSHO_PERIOD_CALENDAR_YEAR,
  KENSHO_PERIOD_FISCAL_YEAR,
} KenshoPeriodKind;

#define KENSHO_ERA_ERROR (kensho_era_error_quark ())

typedef enum
{
  KENSHO_ERA_ERROR_INVALID,      /* not a year at all */
  KENSHO_ERA_ERROR_OUT_OF_RANGE, /* a year, but not one Kensho knows */
} KenshoEraError;

typedef enum
{
  KENSHO_ERA_FORMAT_DEFAULT            = 0,
  KENSHO_ERA_FORMAT_NUMERIC_FIRST_YEAR = 1 << 0, /* 令和1年 instead of 令和元年 */
  KENSHO_ERA_FORMAT_WESTERN            = 1 << 1, /* 2023年度 */
} KenshoEraFormatFlags;

GQuark      kensho_era_error_quark   (void);
gboolean    kensho_era_parse         (const char           *text,
                                      int                  *out_year,
                                      KenshoPeriodKind     *out_kind,
                                      GError              **error);
char       *kensho_era_format        (int                   year,
                                      KenshoPeriodKind      kind,
                                      KenshoEraFormatFlags  flags);
const char *kensho_era_name_for_year (int                   year);
int         kensho_era_year_in_era   (int                   year);

G_END_DECLS
