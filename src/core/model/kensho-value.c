/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "kensho-util.h"

#include "kensho-value.h"

/* Far above any municipal figure (a 兆円 budget written in 円 has 13
 * digits), and few enough that kensho_value_to_double() stays exact for
 * whole numbers. */
#define MAX_INTEGER_DIGITS  15
#define MAX_FRACTION_DIGITS 6

#define REFERENCE_MARK 0x203B /* ※ */

G_DEFINE_BOXED_TYPE (KenshoValue, kensho_value, kensho_value_copy, kensho_value_free)
G_DEFINE_QUARK (kensho-value-error-quark, kensho_value_error)

static const char *
nonempty (const char *text)
{
  return (text != NULL && *text != '\0') ? text : NULL;
}

static gboolean
is_space (const char *p)
{
  return *p != '\0' && g_unichar_isspace (g_utf8_get_char (p));
}

static const char *
skip_space (const char *p)
{
  while (is_space (p))
    p = g_utf8_next_char (p);
  return p;
}

/* g_strstrip() knows only ASCII white space; cells also carry U+3000
 * and no-break spaces. Needs valid UTF-8. */
static char *
strip_unicode (const char *text)
{
  const char *start = skip_space (text);
  const char *end = start + strlen (start);

  while (end > start)
    {
      const char *previous = g_utf8_prev_char (end);

      if (!is_space (previous))
        break;
      end = previous;
    }
  return g_strndup (start, end - start);
}

/* A stripped copy, NULL when nothing is left: NULL and "" both mean
 * "nothing written". */
static char *
strip_or_null (const char *text)
{
  g_autofree char *stripped = NULL;

  if (text == NULL)
    return NULL;
  stripped = strip_unicode (text);
  return *stripped != '\0' ? g_steal_pointer (&stripped) : NULL;
}

/* Full-width digits, signs and punctuation, as a Japanese input method
 * types them, read as ASCII. Only for reading: what is stored is either
 * the normalised number or the text as written. */
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
    case 0xFF0B: /* ＋ */
      return '+';
    case 0xFF0C:
      return ',';
    case 0xFF0E:
      return '.';
    case 0xFF08:
      return '(';
    case 0xFF09:
      return ')';
    default:
      return c;
    }
}

/* For characters, not bytes: g_ascii_isdigit() looks at the low byte only,
 * so it took the Cyrillic а (U+0430) and 丰 (U+4E30) for 0 (found by
 * fuzzing). */
static inline gboolean
is_digit (gunichar c)
{
  return c >= '0' && c <= '9';
}

static gunichar
peek (const char *p)
{
  return *p != '\0' ? fold_char (g_utf8_get_char (p)) : 0;
}

/* Numbers */

typedef enum
{
  NOT_A_NUMBER,
  BAD_GROUPING,
  LEADING_ZERO,
  MINUS_ZERO,
} NumberProblem;

static gboolean
set_number_error (GError **error, NumberProblem problem, const char *written)
{
  g_autofree char *quoted = kensho_quote_for_message (written);
  const int code = KENSHO_VALUE_ERROR_INVALID_NUMBER;

  switch (problem)
    {
    case BAD_GROUPING:
      g_set_error (error, KENSHO_VALUE_ERROR, code,
                   _("“%s” has its commas in the wrong places. Put one every three digits, "
                     "like 1,563 or 294,758."), quoted);
      break;
    case LEADING_ZERO:
      g_set_error (error, KENSHO_VALUE_ERROR, code,
                   _("“%s” starts with a zero. Write it without the leading zero, like 7 "
                     "or 0.5."), quoted);
      break;
    case MINUS_ZERO:
      g_set_error (error, KENSHO_VALUE_ERROR, code,
                   _("“%s” is zero with a minus sign. Write 0 instead."), quoted);
      break;
    case NOT_A_NUMBER:
    default:
      g_set_error (error, KENSHO_VALUE_ERROR, code,
                   _("“%s” is not a number. Write it like 1,563, 490.7 or -3."), quoted);
      break;
    }
  return FALSE;
}

/**
 * kensho_number_normalize:
 * @input: a number as written: "1,563", "490.7", "82.0", "-3", "１５６３"
 * @out_normalized: (out) (optional): the digits without grouping commas,
 *   ASCII, every written digit kept: "1563", "490.7", "82.0", "-3"
 * @error: %KENSHO_VALUE_ERROR_INVALID_NUMBER or
 *   %KENSHO_VALUE_ERROR_TOO_LONG
 *
 * Accepts an optional minus ("-", "－" or "−"), digits (full-width too) with
 * no grouping or with a comma every three digits, and an optional point
 * followed by 1 to 6 digits; white space around is ignored. Refuses "-0",
 * leading zeros ("007"), exponents, "NaN", "inf", "+5", ".5", "5." and more
 * than 15 digits before the point. No conversion to a binary number ever
 * happens, so nothing can overflow or round.
 *
 * Returns: %TRUE if @input is a number
 */
/* Already written as kensho_number_normalize() gives numbers back, as a
 * file holds them: returned as it is, without the work of reading what a
 * person may type. */
static gboolean
is_plain_number (const char *input)
{
  const char *p = input;
  guint n_integer = 0, n_fraction = 0;
  gboolean negative = *p == '-', all_zero = TRUE;

  if (negative)
    p++;
  for (; g_ascii_isdigit (*p); p++, n_integer++)
    {
      if (n_integer == 1 && p[-1] == '0')
        return FALSE;
      all_zero = all_zero && *p == '0';
    }
  if (n_integer == 0)
    return FALSE;
  if (*p == '.')
    {
      for (p++; g_ascii_isdigit (*p); p++, n_fraction++)
        all_zero = all_zero && *p == '0';
      if (n_fraction == 0)
        return FALSE;
    }
  return *p == '\0' && n_integer <= MAX_INTEGER_DIGITS && n_fraction <= MAX_FRACTION_DIGITS &&
         !(negative && all_zero);
}

gboolean
kensho_number_normalize (const char *input, char **out_normalized, GError **error)
{
  g_autofree char *written = NULL;
  g_autoptr(GString) digits = NULL;
  const char *p;
  gboolean negative = FALSE, all_zero = TRUE;
  guint n_integer = 0, n_fraction = 0, n_commas = 0, group = 0;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (is_plain_number (input))
    {
      if (out_normalized != NULL)
        *out_normalized = g_strdup (input);
      return TRUE;
    }
  if (!g_utf8_validate (input, -1, NULL))
    return set_number_error (error, NOT_A_NUMBER, input);
  written = strip_unicode (input);
  if (*written == '\0')
    {
      g_set_error_literal (error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_INVALID_NUMBER,
                           _("No number is written. Write it like 1,563, 490.7 or -3."));
      return FALSE;
    }

  digits = g_string_new (NULL);
  p = written;
  if (peek (p) == '-')
    {
      negative = TRUE;
      g_string_append_c (digits, '-');
      p = g_utf8_next_char (p);
    }

  for (gunichar c = peek (p); is_digit (c) || c == ','; c = peek (p = g_utf8_next_char (p)))
    {
      if (c == ',')
        {
          /* The first group has 1 to 3 digits, every later one exactly 3,
           * and a comma stands between digits. */
          if (group == 0 || (n_commas == 0 ? group > 3 : group != 3) ||
              !is_digit (peek (g_utf8_next_char (p))))
            return set_number_error (error, BAD_GROUPING, written);
          n_commas++;
          group = 0;
          continue;
        }
      if (n_integer == 1 && digits->str[digits->len - 1] == '0')
        return set_number_error (error, LEADING_ZERO, written);
      g_string_append_c (digits, (char) c);
      all_zero = all_zero && c == '0';
      n_integer++;
      group++;
    }
  if (n_integer == 0)
    return set_number_error (error, NOT_A_NUMBER, written);
  if (n_commas > 0 && group != 3)
    return set_number_error (error, BAD_GROUPING, written);

  if (peek (p) == '.')
    {
      g_string_append_c (digits, '.');
      for (p = g_utf8_next_char (p); is_digit (peek (p)); p = g_utf8_next_char (p))
        {
          gunichar c = peek (p);

          g_string_append_c (digits, (char) c);
          all_zero = all_zero && c == '0';
          n_fraction++;
        }
      if (n_fraction == 0)
        return set_number_error (error, NOT_A_NUMBER, written);
    }
  if (*p != '\0')
    return set_number_error (error, NOT_A_NUMBER, written);

  if (n_integer > MAX_INTEGER_DIGITS || n_fraction > MAX_FRACTION_DIGITS)
    {
      g_autofree char *quoted = kensho_quote_for_message (written);

      if (n_integer > MAX_INTEGER_DIGITS)
        g_set_error (error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_TOO_LONG,
                     _("“%s” has too many digits: Kensho keeps at most %d before the "
                       "decimal point."), quoted, MAX_INTEGER_DIGITS);
      else
        g_set_error (error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_TOO_LONG,
                     _("“%s” has too many digits: Kensho keeps at most %d after the "
                       "decimal point."), quoted, MAX_FRACTION_DIGITS);
      return FALSE;
    }
  /* A minus zero is a slip, not a figure anyone means. */
  if (negative && all_zero)
    return set_number_error (error, MINUS_ZERO, written);

  if (out_normalized != NULL)
    *out_normalized = g_string_free (g_steal_pointer (&digits), FALSE);
  return TRUE;
}

static gboolean
is_normalized (const char *number)
{
  const char *p = number;

  if (*p == '-')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '.')
    {
      if (!g_ascii_isdigit (*++p))
        return FALSE;
      while (g_ascii_isdigit (*p))
        p++;
    }
  return *p == '\0';
}

/**
 * kensho_number_format_grouped:
 * @normalized: a number as kensho_number_normalize() gives it
 *
 * Returns: (transfer full): @normalized with a comma every three digits
 *   before the point: "1563" gives "1,563", "11942.5" gives "11,942.5",
 *   "-1234" gives "-1,234"
 */
char *
kensho_number_format_grouped (const char *normalized)
{
  const char *digits = normalized;
  const char *point;
  GString *out;
  gsize n_integer;

  g_return_val_if_fail (normalized != NULL, NULL);
  g_return_val_if_fail (is_normalized (normalized), NULL);

  out = g_string_new (NULL);
  if (*digits == '-')
    {
      g_string_append_c (out, '-');
      digits++;
    }
  point = strchr (digits, '.');
  n_integer = point != NULL ? (gsize) (point - digits) : strlen (digits);
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

/**
 * kensho_format_count:
 * @count: a count of characters, say
 *
 * Returns: (transfer full): @count with a comma every three digits: "100,001"
 */
char *
kensho_format_count (gsize count)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GSIZE_FORMAT, count);

  return kensho_number_format_grouped (digits);
}

/* Values */

/**
 * kensho_value_new_number:
 * @number: the number as written, normalised with kensho_number_normalize()
 * @unit: (nullable): "件", "億円", "%"; white space around is dropped
 * @error: as for kensho_number_normalize()
 *
 * Returns: (transfer full) (nullable): a new value, or %NULL if @number is
 *   not a number
 */
KenshoValue *
kensho_value_new_number (const char *number, const char *unit, GError **error)
{
  KenshoValue *value;
  char *normalized = NULL;

  g_return_val_if_fail (number != NULL, NULL);
  g_return_val_if_fail (unit == NULL || g_utf8_validate (unit, -1, NULL), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!kensho_number_normalize (number, &normalized, error))
    return NULL;
  value = g_new0 (KenshoValue, 1);
  value->number = normalized;
  value->unit = strip_or_null (unit);
  return value;
}

/**
 * kensho_value_new_text:
 * @text: (nullable): a text instead of a number, kept as given; %NULL is ""
 *
 * Returns: (transfer full): a new text value
 */
KenshoValue *
kensho_value_new_text (const char *text)
{
  KenshoValue *value;

  g_return_val_if_fail (text == NULL || g_utf8_validate (text, -1, NULL), NULL);

  value = g_new0 (KenshoValue, 1);
  value->text = g_strdup (text != NULL ? text : "");
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

/**
 * kensho_value_is_empty:
 * @value: (nullable): a value
 *
 * Returns: %TRUE if @value is %NULL or has nothing written: no number and
 *   an empty text, period and note
 */
gboolean
kensho_value_is_empty (const KenshoValue *value)
{
  return value == NULL ||
         (value->number == NULL && nonempty (value->text) == NULL &&
          nonempty (value->period) == NULL && nonempty (value->note) == NULL);
}

/**
 * kensho_value_equal:
 * @a: (nullable): a value
 * @b: (nullable): a value
 *
 * Compares what was written: "82.0" and "82" differ. An empty field is the
 * same as a %NULL one, and an empty value the same as %NULL.
 *
 * Returns: %TRUE if @a and @b are the same
 */
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

static void
set_period_error (GError **error, const GError *era_error)
{
  /* The calendar's message names the period and says what is wrong with
   * it; this says which part of the value it is about. */
  g_set_error (error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_INVALID_PERIOD,
               _("The period is wrong: %s"), era_error->message);
}

/**
 * kensho_value_set_period:
 * @value: a value
 * @period: (nullable): the year the figure is for, as written: "平成30年",
 *   "H30年度"; %NULL or "" clears it
 * @error: %KENSHO_VALUE_ERROR_INVALID_PERIOD if kensho_era_parse() refuses
 *   @period
 *
 * Keeps @period as written (white space around dropped); a refused period
 * leaves @value as it was.
 *
 * Returns: %TRUE if the period was set
 */
gboolean
kensho_value_set_period (KenshoValue *value, const char *period, GError **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GError) era_error = NULL;

  g_return_val_if_fail (value != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (period != NULL && !g_utf8_validate (period, -1, NULL))
    {
      kensho_era_parse (period, NULL, NULL, &era_error);
      set_period_error (error, era_error);
      return FALSE;
    }
  stripped = strip_or_null (period);
  if (stripped != NULL && !kensho_era_parse (stripped, NULL, NULL, &era_error))
    {
      set_period_error (error, era_error);
      return FALSE;
    }
  g_free (value->period);
  value->period = g_steal_pointer (&stripped);
  return TRUE;
}

/**
 * kensho_value_set_note:
 * @value: a value
 * @note: (nullable): "閏年", "※変更前"; %NULL or "" clears it
 */
void
kensho_value_set_note (KenshoValue *value, const char *note)
{
  g_return_if_fail (value != NULL);
  g_return_if_fail (note == NULL || g_utf8_validate (note, -1, NULL));

  g_free (value->note);
  value->note = strip_or_null (note);
}

/**
 * kensho_value_get_period_year:
 * @value: (nullable): a value
 * @year: (out) (optional): the Western year of its period
 * @kind: (out) (optional): calendar or fiscal year
 *
 * Returns: %FALSE when @value has no period
 */
gboolean
kensho_value_get_period_year (const KenshoValue *value, int *year, KenshoPeriodKind *kind)
{
  return value != NULL && nonempty (value->period) != NULL &&
         kensho_era_parse (value->period, year, kind, NULL);
}

/**
 * kensho_value_to_double:
 * @value: (nullable): a value
 * @ok: (out) (optional): %FALSE if @value is no number
 *
 * For computations only (achievement rates), never for storage. A unit
 * starting with a scale counts it: 34万人 gives 340000, 1.5億円 150000000.
 *
 * Returns: the number, or 0 if there is none
 */
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
  /* The number was validated as at most 15 + 6 digits: always finite. */
  result = g_ascii_strtod (value->number, NULL);
  if (value->unit != NULL && g_str_has_prefix (value->unit, "万"))
    result *= 1e4;
  else if (value->unit != NULL && g_str_has_prefix (value->unit, "億"))
    result *= 1e8;
  if (ok != NULL)
    *ok = TRUE;
  return result;
}

/* Cells */

static void
set_cell_error (GError **error, const char *cell)
{
  g_autofree char *quoted = kensho_quote_for_message (cell);

  g_set_error (error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_INVALID_NUMBER,
               _("“%s” could not be read. After the number and its unit, write only the "
                 "year in parentheses and a note, like 11,942億円 (平成30年), 366日 (閏年) "
                 "or 77.41歳 (令和元年) ※変更前."), quoted);
}

static char *
strip_range (const char *start, const char *end)
{
  g_autofree char *part = g_strndup (start, end - start);

  return strip_unicode (part);
}

/* The ")" that closes the "(" at @open, NULL if none; notes may hold
 * parentheses of their own. */
static const char *
find_closing (const char *open)
{
  int depth = 0;

  for (const char *p = open; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = peek (p);

      if (c == '(')
        depth++;
      else if (c == ')' && --depth == 0)
        return p;
    }
  return NULL;
}

/* Whether the cell is meant as a number: a digit, possibly after a sign
 * or a point. "+5" and ".5" count, to be refused rather than kept as
 * texts; "-" alone is a text. */
static gboolean
starts_number (const char *p)
{
  if (peek (p) == '-' || peek (p) == '+')
    p = g_utf8_next_char (p);
  if (peek (p) == '.')
    p = g_utf8_next_char (p);
  return is_digit (peek (p));
}

static const char *
skip_exponent (const char *p)
{
  const char *q = p;

  if (peek (q) != 'e' && peek (q) != 'E')
    return p;
  q = g_utf8_next_char (q);
  if (peek (q) == '-' || peek (q) == '+')
    q = g_utf8_next_char (q);
  if (!is_digit (peek (q)))
    return p;
  while (is_digit (peek (q)))
    q = g_utf8_next_char (q);
  return q;
}

/* What a sheet file can hold (kensho-types.h): a text value is long
 * text, the unit, period and note are short. */
static gboolean
check_lengths (const KenshoValue *value, GError **error)
{
  const char *const shorter[] = { value->unit, value->period, value->note };

  if (value->text != NULL && !kensho_text_within (value->text, KENSHO_LONG_TEXT_MAX))
    {
      g_autofree char *length = kensho_format_count ((gsize) g_utf8_strlen (value->text, -1));
      g_autofree char *limit = kensho_format_count (KENSHO_LONG_TEXT_MAX);

      g_set_error (error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_TOO_LONG,
                   _("The text is too long: %s characters, where a value holds at most %s."),
                   length, limit);
      return FALSE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (shorter); i++)
    if (shorter[i] != NULL && !kensho_text_within (shorter[i], KENSHO_SHORT_TEXT_MAX))
      {
        g_autofree char *quoted = kensho_quote_for_message (shorter[i]);
        g_autofree char *limit = kensho_format_count (KENSHO_SHORT_TEXT_MAX);

        g_set_error (error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_TOO_LONG,
                     _("“%s” is too long: a unit, period or note holds at most %s characters."),
                     quoted, limit);
        return FALSE;
      }
  return TRUE;
}

/**
 * kensho_value_parse:
 * @cell: one value as displayed in a sheet
 * @error: %KENSHO_VALUE_ERROR_INVALID_NUMBER, %KENSHO_VALUE_ERROR_TOO_LONG or
 *   %KENSHO_VALUE_ERROR_INVALID_PERIOD
 *
 * Reads NUMBER UNIT [(PERIOD)] [(NOTE) | ※NOTE], as in "1,563件",
 * "11,942億円 (平成30年)", "366日 (閏年)", "79.4歳 (令和4年) ※変更後". The
 * number needs correct grouping, the unit is any run without white space or
 * parentheses, the period is a year kensho_era_parse() reads. Full-width
 * digits and parentheses and any white space are read too. A cell that
 * does not start with a number is a text value: the whole cell, stripped.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL on error
 */
KenshoValue *
kensho_value_parse (const char *cell, GError **error)
{
  g_autofree char *written = NULL;
  g_autofree char *number = NULL;
  g_autoptr(KenshoValue) value = NULL;
  const char *p, *start;
  gunichar c;

  g_return_val_if_fail (cell != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_utf8_validate (cell, -1, NULL))
    {
      set_cell_error (error, cell);
      return NULL;
    }
  written = strip_unicode (cell);
  if (!starts_number (written))
    {
      value = kensho_value_new_text (written);
      return check_lengths (value, error) ? g_steal_pointer (&value) : NULL;
    }

  /* The whole run of signs, digits, commas and points, and an exponent,
   * goes to the number, so that "1,56,3件", "5.件", "+5" or "1e309" are
   * refused instead of read as something else (1 with the unit e309). */
  start = p = written;
  if (peek (p) == '-' || peek (p) == '+')
    p = g_utf8_next_char (p);
  while ((c = peek (p)) != 0 && (is_digit (c) || c == ',' || c == '.'))
    p = g_utf8_next_char (p);
  p = skip_exponent (p);
  number = g_strndup (start, p - start);
  value = kensho_value_new_number (number, NULL, error);
  if (value == NULL)
    return NULL;

  /* The unit follows the number at once: "1 しごとの創生" is no figure. */
  start = p;
  while ((c = peek (p)) != 0 && !g_unichar_isspace (c) && c != '(' && c != ')' &&
         c != REFERENCE_MARK)
    p = g_utf8_next_char (p);
  if (p > start)
    value->unit = g_strndup (start, p - start);

  p = skip_space (p);
  for (guint n_parentheses = 0; peek (p) == '(' && value->note == NULL; n_parentheses++)
    {
      const char *close = find_closing (p);
      g_autofree char *inside = NULL;
      g_autoptr(GError) era_error = NULL;
      gsize open_length = g_utf8_next_char (p) - p;

      if (close == NULL)
        {
          g_autofree char *quoted = kensho_quote_for_message (written);

          g_set_error (error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_INVALID_NUMBER,
                       _("“%s” has a parenthesis that is not closed."), quoted);
          return NULL;
        }
      inside = strip_range (p + open_length, close);
      if (kensho_era_parse (inside, NULL, NULL, &era_error))
        {
          /* A period comes first and only once. */
          if (n_parentheses > 0)
            {
              set_cell_error (error, written);
              return NULL;
            }
          value->period = g_steal_pointer (&inside);
        }
      else if (g_error_matches (era_error, KENSHO_ERA_ERROR, KENSHO_ERA_ERROR_OUT_OF_RANGE))
        {
          set_period_error (error, era_error);
          return NULL;
        }
      else if (*inside != '\0')
        value->note = g_steal_pointer (&inside);
      else
        {
          set_cell_error (error, written);
          return NULL;
        }
      p = skip_space (g_utf8_next_char (close));
    }
  if (value->note == NULL && peek (p) == REFERENCE_MARK)
    {
      /* ※ and all after it: "※変更前", "※ 令和4年度から算定方法を変更". */
      value->note = g_strdup (p);
      p += strlen (p);
    }
  if (*p != '\0')
    {
      set_cell_error (error, written);
      return NULL;
    }
  return check_lengths (value, error) ? g_steal_pointer (&value) : NULL;
}

static void
append_bare (GString *out, const KenshoValue *value)
{
  if (value->number != NULL)
    {
      g_autofree char *grouped = kensho_number_format_grouped (value->number);

      g_string_append (out, grouped);
      if (nonempty (value->unit) != NULL)
        g_string_append (out, value->unit);
    }
  else if (value->text != NULL)
    g_string_append (out, value->text);
}

static void
append_period_and_note (GString *out, const char *period, const char *note)
{
  if (nonempty (period) != NULL)
    g_string_append_printf (out, "%s(%s)", out->len > 0 ? " " : "", period);
  if (nonempty (note) != NULL)
    {
      const char *separator = out->len > 0 ? " " : "";

      if (g_str_has_prefix (note, "※"))
        g_string_append_printf (out, "%s%s", separator, note);
      else
        g_string_append_printf (out, "%s(%s)", separator, note);
    }
}

/**
 * kensho_value_format:
 * @value: (nullable): a value
 *
 * Writes @value as kensho_value_parse() reads it: "11,942億円 (平成30年)",
 * "366日 (閏年)", "79.4歳 (令和4年) ※変更後".
 *
 * Returns: (transfer full): the cell text; "" for %NULL
 */
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

/* Series cells */

static gboolean
single_unnamed (const char * const *names, guint n)
{
  return n == 1 && (names == NULL || nonempty (names[0]) == NULL);
}

/* The series of a cell joined by @separator; see below. */
static char *
format_series (const char * const *series_names,
               KenshoValue * const *values,
               guint                n_values,
               const char          *separator)
{
  GString *out;
  const KenshoValue *first = NULL;
  gboolean shared = TRUE;

  g_return_val_if_fail (values != NULL || n_values == 0, NULL);

  if (single_unnamed (series_names, n_values))
    return kensho_value_format (values[0]);
  g_return_val_if_fail (series_names == NULL ||
                        g_strv_length ((char **) series_names) >= n_values, NULL);

  for (guint i = 0; i < n_values; i++)
    {
      if (values[i] == NULL)
        continue;
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
        g_string_append (out, separator);
      if (series_names != NULL)
        g_string_append (out, series_names[i]);
      append_bare (out, values[i]);
      if (!shared)
        append_period_and_note (out, values[i]->period, values[i]->note);
    }
  if (shared && first != NULL)
    append_period_and_note (out, first->period, first->note);
  return g_string_free (out, FALSE);
}

/**
 * kensho_value_format_series_cell:
 * @series_names: (nullable) (array): the names, at least @n_values of them
 *   unless there is a single unnamed series ({ NULL } or { "" })
 * @values: (array length=n_values): the values, %NULL where nothing is
 *   written (left out of the cell)
 * @n_values: how many
 *
 * Writes "男性77.41歳 女性79.89歳 (令和元年) ※変更前": a period and note that
 * all values share print once, at the end; otherwise each value keeps its
 * own. A single unnamed series is just kensho_value_format().
 *
 * Returns: (transfer full): the cell text
 */
char *
kensho_value_format_series_cell (const char * const *series_names,
                                 KenshoValue * const *values,
                                 guint                n_values)
{
  return format_series (series_names, values, n_values, " ");
}

/**
 * kensho_value_format_series_lines:
 *
 * Like kensho_value_format_series_cell(), with one series a line, as the
 * printed sheet shows them: "男性77.41歳\n女性79.89歳 (令和元年) ※変更前".
 *
 * Returns: (transfer full): the cell text
 */
char *
kensho_value_format_series_lines (const char * const *series_names,
                                  KenshoValue * const *values,
                                  guint                n_values)
{
  return format_series (series_names, values, n_values, "\n");
}

/* Where the series @name starts after @p: preferably after white space
 * ("小学校88.7% 中学校82.8%"), else right after the previous value
 * ("小学校88.7%中学校82.8%"). */
static const char *
find_series_name (const char *p, const char *name)
{
  const char *glued = NULL;

  for (const char *q = strstr (p, name); q != NULL; q = strstr (q + 1, name))
    {
      /* A match of a valid UTF-8 name always starts a character. */
      if (q == p)
        continue;
      if (is_space (g_utf8_prev_char (q)))
        return q;
      if (glued == NULL)
        glued = q;
    }
  return glued;
}

static GPtrArray *
set_missing_series_error (GError **error, const char *cell, const char *name)
{
  g_autofree char *quoted = kensho_quote_for_message (cell);

  g_set_error (error, KENSHO_VALUE_ERROR, KENSHO_VALUE_ERROR_INVALID_NUMBER,
               _("“%s” should give a value for “%s”, written after its name."), quoted, name);
  return NULL;
}

/**
 * kensho_value_parse_series_cell:
 * @cell: one cell holding several named series: "小学校88.7% 中学校82.8%"
 * @series_names: (array zero-terminated=1): the names, in the order the cell
 *   gives them; { NULL } or { "" } for a single unnamed series
 * @error: as for kensho_value_parse(), or
 *   %KENSHO_VALUE_ERROR_INVALID_NUMBER when a name is missing
 *
 * A period and note written once at the end, as in
 * "男性77.41歳 女性79.89歳 (令和元年) ※変更前", belong to every value.
 *
 * Returns: (transfer full) (element-type KenshoValue): one value per name,
 *   in name order, or %NULL on error
 */
GPtrArray *
kensho_value_parse_series_cell (const char         *cell,
                                const char * const *series_names,
                                GError            **error)
{
  g_autoptr(GPtrArray) values = NULL;
  g_autofree char *written = NULL;
  const char *p;
  guint n;
  KenshoValue *last;
  gboolean only_last_has_suffix = TRUE;

  g_return_val_if_fail (cell != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  values = g_ptr_array_new_with_free_func ((GDestroyNotify) kensho_value_free);
  n = series_names != NULL ? g_strv_length ((char **) series_names) : 0;
  if (n == 0 || single_unnamed (series_names, n))
    {
      KenshoValue *value = kensho_value_parse (cell, error);

      if (value == NULL)
        return NULL;
      g_ptr_array_add (values, value);
      return g_steal_pointer (&values);
    }
  for (guint i = 0; i < n; i++)
    g_return_val_if_fail (*series_names[i] != '\0', NULL);

  if (!g_utf8_validate (cell, -1, NULL))
    {
      set_cell_error (error, cell);
      return NULL;
    }
  written = strip_unicode (cell);
  p = written;
  for (guint i = 0; i < n; i++)
    {
      const char *end;
      g_autofree char *part = NULL;
      KenshoValue *value;

      p = skip_space (p);
      if (!g_str_has_prefix (p, series_names[i]))
        return set_missing_series_error (error, written, series_names[i]);
      p += strlen (series_names[i]);
      if (i + 1 < n)
        {
          end = find_series_name (p, series_names[i + 1]);
          if (end == NULL)
            return set_missing_series_error (error, written, series_names[i + 1]);
        }
      else
        end = p + strlen (p);
      part = g_strndup (p, end - p);
      value = kensho_value_parse (part, error);
      if (value == NULL)
        {
          g_prefix_error (error, _("%s: "), series_names[i]);
          return NULL;
        }
      g_ptr_array_add (values, value);
      if (i + 1 < n && (value->period != NULL || value->note != NULL))
        only_last_has_suffix = FALSE;
      if (kensho_value_is_empty (value))
        return set_missing_series_error (error, written, series_names[i]);
      p = end;
    }

  /* A period and note written once at the end belong to every series. */
  last = g_ptr_array_index (values, n - 1);
  if (only_last_has_suffix)
    for (guint i = 0; i + 1 < n; i++)
      {
        KenshoValue *value = g_ptr_array_index (values, i);

        value->period = g_strdup (last->period);
        value->note = g_strdup (last->note);
      }
  return g_steal_pointer (&values);
}
