/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "kensho-value.h"

#define MAX_INTEGER_DIGITS  15
#define MAX_FRACTION_DIGITS 6

G_DEFINE_BOXED_TYPE (KenshoValue, kensho_value, kensho_value_copy, kensho_value_free)
G_DEFINE_QUARK (kensho-value-error-quark, kensho_value_error)

static const char *
nonempty (const char *text)
{
  return (text != NULL && *text != '\0') ? text : NULL;
}

/* Full-width digits, signs and punctuation as typed with a Japanese input
 * method become ASCII; everything else is kept. */
static gunichar
fold_char (gunichar c)
{
  if (c >= 0xFF10 && c <= 0xFF19)
    return '0' + (c - 0xFF10);
  switch (c)
    {
    case 0xFF0D: /* － */
    case 0x2212: /* − */
      return '-';
    case 0xFF0C: return ',';
    case 0xFF0E: return '.';
    case 0xFF08: return '(';
    case 0xFF09: return ')';
    case 0x3000: return ' ';
    default: return c;
    }
}

static char *
fold (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    g_string_append_unichar (out, fold_char (g_utf8_get_char (p)));
  return g_string_free (out, FALSE);
}

static gboolean
number_error (GError **error, KenshoValueError code, const char *input)
{
  if (code == KENSHO_VALUE_ERROR_TOO_LONG)
    g_set_error (error, KENSHO_VALUE_ERROR, code,
                 _("“%s” has too many digits (at most %d before the decimal point and %d after)."),
                 input, MAX_INTEGER_DIGITS, MAX_FRACTION_DIGITS);
  else
    g_set_error (error, KENSHO_VALUE_ERROR, code,
                 _("“%s” is not a number. Write it like 1,563 or 490.7."), input);
  return FALSE;
}

/* Accepts "1563", "1,563", "-3", "490.7", "82.0"; grouping commas must
 * fall every three digits. The result drops the commas and keeps every
 * digit as written. */
gboolean
kensho_number_normalize (const char *input, char **out_normalized, GError **error)
{
  g_autofree char *folded = NULL;
  g_autoptr(GString) digits = g_string_new (NULL);
  const char *p;
  gboolean negative = FALSE;
  guint n_integer = 0, group = 0, n_fraction = 0;
  gboolean grouped = FALSE, all_zero = TRUE;

  g_return_val_if_fail (input != NULL, FALSE);

  folded = fold (input);
  g_strstrip (folded);
  p = folded;
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  if (!g_ascii_isdigit (*p))
    return number_error (error, KENSHO_VALUE_ERROR_INVALID_NUMBER, input);

  for (; g_ascii_isdigit (*p) || *p == ','; p++)
    {
      if (*p == ',')
        {
          /* The first group has 1 to 3 digits, every later one exactly 3. */
          if ((grouped ? group != 3 : (group == 0 || group > 3)) || !g_ascii_isdigit (p[1]))
            return number_error (error, KENSHO_VALUE_ERROR_INVALID_NUMBER, input);
          grouped = TRUE;
          group = 0;
          continue;
        }
      if (n_integer == 1 && digits->str[negative ? 1 : 0] == '0')
        return number_error (error, KENSHO_VALUE_ERROR_INVALID_NUMBER, input);
      if (n_integer == 0 && negative)
        g_string_append_c (digits, '-');
      g_string_append_c (digits, *p);
      all_zero &= *p == '0';
      n_integer++;
      group++;
    }
  if (grouped && group != 3)
    return number_error (error, KENSHO_VALUE_ERROR_INVALID_NUMBER, input);
  if (*p == '.')
    {
      g_string_append_c (digits, '.');
      for (p++; g_ascii_isdigit (*p); p++)
        {
          g_string_append_c (digits, *p);
          all_zero &= *p == '0';
          n_fraction++;
        }
      if (n_fraction == 0)
        return number_error (error, KENSHO_VALUE_ERROR_INVALID_NUMBER, input);
    }
  if (*p != '\0')
    return number_error (error, KENSHO_VALUE_ERROR_INVALID_NUMBER, input);
  if (n_integer > MAX_INTEGER_DIGITS || n_fraction > MAX_FRACTION_DIGITS)
    return number_error (error, KENSHO_VALUE_ERROR_TOO_LONG, input);
  /* "-0" is a sign error, not a figure anyone means. */
  if (negative && all_zero)
    return number_error (error, KENSHO_VALUE_ERROR_INVALID_NUMBER, input);

  if (out_normalized != NULL)
    *out_normalized = g_strdup (digits->str);
  return TRUE;
}

char *
kensho_number_format_grouped (const char *normalized)
{
  const char *digits = normalized;
  const char *point;
  GString *out = g_string_new (NULL);
  gsize n_integer;

  g_return_val_if_fail (normalized != NULL, NULL);

  if (*digits == '-')
    {
      g_string_append_c (out, '-');
      digits++;
    }
  point = strchr (digits, '.');
  n_integer = point ? (gsize) (point - digits) : strlen (digits);
  for (gsize i = 0; i < n_integer; i++)
    {
      if (i > 0 && (n_integer - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, digits[i]);
    }
  if (point != NULL)
    g_string_append (out, point);
  return g_string_free (out, FALSE);
}

KenshoValue *
kensho_value_new_number (const char *number, const char *unit, GError **error)
{
  KenshoValue *value;
  char *normalized = NULL;

  g_return_val_if_fail (number != NULL, NULL);

  if (!kensho_number_normalize (number, &normalized, error))
    return NULL;
  value = g_new0 (KenshoValue, 1);
  value->number = normalized;
  value->unit = g_strdup (nonempty (unit));
  return value;
}

KenshoValue *
kensho_value_new_text (const char *text)
{
  KenshoValue *value = g_new0 (KenshoValue, 1);

  value->text = g_strdup (text ? text : "");
  return value;
}

KenshoValue *
kensho_value_copy (const KenshoValue *value)
{
  KenshoValue *copy;

  g_return_val_if_fail (value != NULL, NULL);

  copy = g_new0 (KenshoValue, 1);
  copy->number = g_strdup (value->number);
  copy->text = g_strdup (value->text);
  copy->unit = g_strdup (value->unit);
  copy->period = g_strdup (value->period);
  copy->note = g_strdup (value->note);
  return copy;
}

void
kensho_value_free (KenshoValue *value)
{
  if (value == NULL)
    return;
  g_free (value->number);
  g_free (value->text);
  g_free (value->unit);
  g_free (value->period);
  g_free (value->note);
  g_free (value);
}

gboolean
kensho_value_is_empty (const KenshoValue *value)
{
  return value == NULL ||
         (value->number == NULL && nonempty (value->text) == NULL &&
          nonempty (value->period) == NULL && nonempty (value->note) == NULL);
}

gboolean
kensho_value_equal (const KenshoValue *a, const KenshoValue *b)
{
  if (kensho_value_is_empty (a) || kensho_value_is_empty (b))
    return kensho_value_is_empty (a) && kensho_value_is_empty (b);
  return g_strcmp0 (a->number, b->number) == 0 &&
         g_strcmp0 (nonempty (a->text), nonempty (b->text)) == 0 &&
         g_strcmp0 (nonempty (a->unit), nonempty (b->unit)) == 0 &&
         g_strcmp0 (nonempty (a->period), nonempty (b->period)) == 0 &&
         g_strcmp0 (nonempty (a->note), nonempty (b->note)) == 0;
}

gboolean
kensho_value_is_number (const KenshoValue *value)
{
  return value != NULL && value->number != NULL;
}

gboolean
kensho_value_set_period (KenshoValue *value, const char *period, GError **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (value != NULL, FALSE);

  period = nonempty (period);
  if (period != NULL && !kensho_era_parse (period, NULL, NULL, &local_error))
    {
      g_set_error (error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_INVALID_PERIOD,
                   _("The period is wrong: %s"), local_error->message);
      return FALSE;
    }
  g_free (value->period);
  value->period = g_strdup (period);
  return TRUE;
}

void
kensho_value_set_note (KenshoValue *value, const char *note)
{
  g_return_if_fail (value != NULL);
  g_free (value->note);
  value->note = g_strdup (nonempty (note));
}

gboolean
kensho_value_get_period_year (const KenshoValue *value, int *year, KenshoPeriodKind *kind)
{
  return value != NULL && value->period != NULL &&
         kensho_era_parse (value->period, year, kind, NULL);
}

/* For computing only: a scale unit multiplies (34万人 = 340,000 人). */
double
kensho_value_to_double (const KenshoValue *value, gboolean *ok)
{
  double result;

  if (!kensho_value_is_number (value))
    {
      if (ok != NULL)
        *ok = FALSE;
      return 0.0;
    }
  result = g_ascii_strtod (value->number, NULL);
  if (value->unit != NULL && g_str_has_prefix (value->unit, "万"))
    result *= 1e4;
  else if (value->unit != NULL && g_str_has_prefix (value->unit, "億"))
    result *= 1e8;
  if (ok != NULL)
    *ok = TRUE;
  return result;
}

static gboolean
starts_number (const char *p)
{
  if (*p == '-')
    p++;
  return g_ascii_isdigit (*p);
}

/* Parses what follows a number and its unit: " (PERIOD)", " (NOTE)" and
 * " ※NOTE", in any order, one period and one note at most. */
static gboolean
parse_suffixes (KenshoValue *value, const char *p, const char *cell, GError **error)
{
  while (*p != '\0')
    {
      if (*p == ' ')
        {
          p++;
          continue;
        }
      if (*p == '(')
        {
          const char *close = strchr (p, ')');
          g_autofree char *inside = NULL;

          if (close == NULL)
            break;
          inside = g_strstrip (g_strndup (p + 1, close - p - 1));
          if (value->period == NULL && kensho_era_parse (inside, NULL, NULL, NULL))
            value->period = g_steal_pointer (&inside);
          else if (value->note == NULL && *inside != '\0')
            value->note = g_steal_pointer (&inside);
          else
            break;
          p = close + 1;
          continue;
        }
      if (g_str_has_prefix (p, "※") && value->note == NULL)
        {
          value->note = g_strstrip (g_strdup (p));
          return TRUE;
        }
      break;
    }
  if (*p == '\0')
    return TRUE;
  g_set_error (error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_INVALID_NUMBER,
               _("“%s” could not be read: write a number with its unit, then a period in "
                 "parentheses, like 11,942億円 (平成30年)."), cell);
  return FALSE;
}

KenshoValue *
kensho_value_parse (const char *cell, GError **error)
{
  g_autofree char *folded = NULL;
  g_autoptr(KenshoValue) value = NULL;
  g_autofree char *number = NULL;
  const char *p, *start;

  g_return_val_if_fail (cell != NULL, NULL);

  folded = fold (cell);
  g_strstrip (folded);
  if (!starts_number (folded))
    return kensho_value_new_text (folded);

  start = p = folded;
  if (*p == '-')
    p++;
  while (g_ascii_isdigit (*p) || *p == ',' || (*p == '.' && g_ascii_isdigit (p[1])))
    p++;
  number = g_strndup (start, p - start);
  value = kensho_value_new_number (number, NULL, error);
  if (value == NULL)
    return NULL;
  start = p;
  while (*p != '\0' && *p != ' ' && *p != '(' && !g_str_has_prefix (p, "※"))
    p++;
  if (p > start)
    value->unit = g_strndup (start, p - start);
  if (!parse_suffixes (value, p, cell, error))
    return NULL;
  return g_steal_pointer (&value);
}

static void
append_bare (GString *out, const KenshoValue *value)
{
  if (value->number != NULL)
    {
      g_autofree char *grouped = kensho_number_format_grouped (value->number);

      g_string_append (out, grouped);
      if (value->unit != NULL)
        g_string_append (out, value->unit);
    }
  else if (value->text != NULL)
    g_string_append (out, value->text);
}

static void
append_period_and_note (GString *out, const char *period, const char *note)
{
  if (nonempty (period) != NULL)
    g_string_append_printf (out, " (%s)", period);
  if (nonempty (note) != NULL)
    {
      if (g_str_has_prefix (note, "※"))
        g_string_append_printf (out, " %s", note);
      else
        g_string_append_printf (out, " (%s)", note);
    }
}

char *
kensho_value_format (const KenshoValue *value)
{
  GString *out = g_string_new (NULL);

  if (value != NULL)
    {
      append_bare (out, value);
      append_period_and_note (out, value->period, value->note);
    }
  return g_string_free (out, FALSE);
}

static gboolean
single_unnamed (const char * const *names, guint n)
{
  return n == 1 && (names == NULL || nonempty (names[0]) == NULL);
}

/* "男性77.41歳 女性79.89歳 (令和元年) ※変更前": a period and note that all
 * series share print once, at the end. */
char *
kensho_value_format_series_cell (const char * const *series_names, KenshoValue * const *values,
                                 guint n_values)
{
  GString *out;
  const KenshoValue *first = NULL;
  gboolean shared = TRUE;
  guint n_present = 0;

  if (single_unnamed (series_names, n_values))
    return kensho_value_format (values[0]);

  for (guint i = 0; i < n_values; i++)
    {
      if (values[i] == NULL)
        continue;
      n_present++;
      if (first == NULL)
        first = values[i];
      else if (g_strcmp0 (nonempty (first->period), nonempty (values[i]->period)) != 0 ||
               g_strcmp0 (nonempty (first->note), nonempty (values[i]->note)) != 0)
        shared = FALSE;
    }

  out = g_string_new (NULL);
  for (guint i = 0; i < n_values; i++)
    {
      if (values[i] == NULL)
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      if (series_names != NULL && series_names[i] != NULL)
        g_string_append (out, series_names[i]);
      append_bare (out, values[i]);
      if (!shared)
        append_period_and_note (out, values[i]->period, values[i]->note);
    }
  if (shared && first != NULL)
    append_period_and_note (out, first->period, first->note);
  return g_string_free (out, FALSE);
}

GPtrArray *
kensho_value_parse_series_cell (const char *cell, const char * const *series_names,
                                GError **error)
{
  g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func ((GDestroyNotify) kensho_value_free);
  g_autofree char *folded = NULL;
  guint n;
  const char *p;
  KenshoValue *last;

  g_return_val_if_fail (cell != NULL, NULL);

  n = series_names ? g_strv_length ((char **) series_names) : 0;
  if (n == 0 || single_unnamed (series_names, n))
    {
      KenshoValue *value = kensho_value_parse (cell, error);

      if (value == NULL)
        return NULL;
      g_ptr_array_add (values, value);
      return g_steal_pointer (&values);
    }

  folded = fold (cell);
  g_strstrip (folded);
  p = folded;
  for (guint i = 0; i < n; i++)
    {
      const char *end;
      g_autofree char *part = NULL;
      KenshoValue *value;

      if (!g_str_has_prefix (p, series_names[i]))
        {
          g_set_error (error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_INVALID_NUMBER,
                       _("“%s” should give a value for “%s”."), cell, series_names[i]);
          return NULL;
        }
      p += strlen (series_names[i]);
      if (i + 1 < n)
        {
          g_autofree char *next = g_strconcat (" ", series_names[i + 1], NULL);

          end = strstr (p, next);
          if (end == NULL)
            {
              g_set_error (error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_INVALID_NUMBER,
                           _("“%s” should give a value for “%s”."), cell, series_names[i + 1]);
              return NULL;
            }
        }
      else
        end = p + strlen (p);
      part = g_strndup (p, end - p);
      value = kensho_value_parse (part, error);
      if (value == NULL)
        return NULL;
      g_ptr_array_add (values, value);
      p = *end ? end + 1 : end;
    }

  /* A period and note written once at the end belong to every series. */
  last = g_ptr_array_index (values, n - 1);
  for (guint i = 0; i + 1 < n; i++)
    {
      KenshoValue *value = g_ptr_array_index (values, i);

      if (value->period == NULL && value->note == NULL)
        {
          value->period = g_strdup (last->period);
          value->note = g_strdup (last->note);
        }
    }
  return g_steal_pointer (&values);
}
