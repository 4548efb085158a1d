/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "kensho-era.h"
#include "kensho-types.h"

G_BEGIN_DECLS

/* One figure of a sheet, kept exactly as written: the decimal digits as a
 * string (never a float: "490.7" stays "490.7", "82.0" keeps its zero),
 * its unit or scale unit (万人, 億円), the period the figure is really for
 * (statistics lag the column's year), a note, or a text instead of a
 * number ("待機児童なし", "-"). */
typedef struct
{
  char *number; /* decimal as written, grouping commas removed: "1563", "490.7",
                 * "82.0", "-3"; NULL for a text value */
  char *text;   /* "待機児童なし", "-"; NULL for a number */
  char *unit;   /* "億円", "%", "万人", "カ所"; NULL when none */
  char *period; /* as written, without parentheses: "平成30年", "H30年度";
                 * NULL when none */
  char *note;   /* "閏年", "※変更前" (kept with its ※); NULL when none */
} KenshoValue;

#define KENSHO_TYPE_VALUE (kensho_value_get_type ())
#define KENSHO_VALUE_ERROR (kensho_value_error_quark ())

typedef enum
{
  KENSHO_VALUE_ERROR_INVALID_NUMBER, /* also a cell that starts with a number
                                      * and then cannot be read */
  KENSHO_VALUE_ERROR_TOO_LONG,       /* more than 15 digits before the point
                                      * or 6 after it, or a text longer than
                                      * a sheet file holds */
  KENSHO_VALUE_ERROR_INVALID_PERIOD,
} KenshoValueError;

GType        kensho_value_get_type           (void) G_GNUC_CONST;
GQuark       kensho_value_error_quark        (void);
KenshoValue *kensho_value_new_number         (const char         *number,
                                              const char         *unit,
                                              GError            **error);
KenshoValue *kensho_value_new_text           (const char         *text);
KenshoValue *kensho_value_copy               (const KenshoValue  *value);
void         kensho_value_free               (KenshoValue        *value);
gboolean     kensho_value_equal              (const KenshoValue  *a,
                                              const KenshoValue  *b);
gboolean     kensho_value_is_number          (const KenshoValue  *value);
gboolean     kensho_value_is_empty           (const KenshoValue  *value);
gboolean     kensho_value_set_period         (KenshoValue        *value,
                                              const char         *period,
                                              GError            **error);
void         kensho_value_set_note           (KenshoValue        *value,
                                              const char         *note);
gboolean     kensho_value_get_period_year    (const KenshoValue  *value,
                                              int                *year,
                                              KenshoPeriodKind   *kind);
double       kensho_value_to_double          (const KenshoValue  *value,
                                              gboolean           *ok);
KenshoValue *kensho_value_parse              (const char         *cell,
                                              GError            **error);
char        *kensho_value_format             (const KenshoValue  *value);

gboolean     kensho_number_normalize         (const char         *input,
                                              char              **out_normalized,
                                              GError            **error);
char        *kensho_number_format_grouped    (const char         *normalized);
char        *kensho_format_count             (gsize               count);

GPtrArray   *kensho_value_parse_series_cell  (const char         *cell,
                                              const char * const *series_names,
                                              GError            **error);
char        *kensho_value_format_series_cell (const char * const *series_names,
                                              KenshoValue * const *values,
                                              guint               n_values);
char        *kensho_value_format_series_lines (const char * const *series_names,
                                               KenshoValue * const *values,
                                               guint               n_values);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (KenshoValue, kensho_value_free)

G_END_DECLS
