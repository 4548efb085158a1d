/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Text on printed pages, shared by the sheet's pages (KenshoPrintLayout)
 * and the summary's (KenshoSummaryPage). Lengths in points. */
#pragma once

#include <pango/pangocairo.h>

#include "kensho-util.h"

G_BEGIN_DECLS

static inline PangoFontDescription *
kensho_print_new_font (double size, gboolean bold)
{
  PangoFontDescription *font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  return font;
}

/* Plain text only: user content never goes through Pango markup, so "<b>"
 * and "&" print as written. Tagged as Japanese so that kanji take Japanese
 * glyph shapes, wrapped between words or, in Japanese, between characters. */
static inline PangoLayout *
kensho_print_new_text (PangoContext *context, const char *text, const PangoFontDescription *font,
                       double width, PangoAlignment alignment)
{
  PangoLayout *layout = pango_layout_new (context);
  PangoAttrList *attrs = pango_attr_list_new ();
  char *valid = kensho_text_dup_printable (text);

  pango_attr_list_insert (attrs, pango_attr_language_new (pango_language_from_string ("ja")));
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_width (layout, pango_units_from_double (MAX (width, 1)));
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, valid, -1);
  g_free (valid);
  return layout;
}

/* 0 for no layout. */
static inline double
kensho_print_text_height (PangoLayout *layout)
{
  int height;

  if (layout == NULL)
    return 0;
  pango_layout_get_size (layout, NULL, &height);
  return pango_units_to_double (height);
}

/* The top of each line of @layout, then its whole height: where a cell
 * taller than a page can be cut. */
static inline GArray *
kensho_print_dup_line_tops (PangoLayout *layout)
{
  GArray *tops = g_array_new (FALSE, FALSE, sizeof (double));
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double total = kensho_print_text_height (layout);

  do
    {
      int y0, y1;
      double top;

      pango_layout_iter_get_line_yrange (iter, &y0, &y1);
      top = pango_units_to_double (y0);
      g_array_append_val (tops, top);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  g_array_append_val (tops, total);
  return tops;
}

static inline void
kensho_print_show (cairo_t *cr, PangoLayout *layout, double x, double y)
{
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Lines @first to @end (excluded) of @layout, the top of @first at @y. Only
 * those lines are drawn (not clipped away), so that each line of a cell cut
 * by a page is in the output exactly once. */
static inline void
kensho_print_show_lines (cairo_t *cr, PangoLayout *layout, double x, double y, guint first, guint end)
{
  PangoLayoutIter *iter;
  double top = 0;
  guint line = 0;

  if (end <= first)
    return;
  iter = pango_layout_get_iter (layout);
  do
    {
      if (line == first)
        {
          int y0;

          pango_layout_iter_get_line_yrange (iter, &y0, NULL);
          top = pango_units_to_double (y0);
        }
      if (line >= first)
        {
          PangoRectangle logical;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + pango_units_to_double (logical.x),
                         y - top + pango_units_to_double (pango_layout_iter_get_baseline (iter)));
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      line++;
    }
  while (line < end && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

G_END_DECLS
