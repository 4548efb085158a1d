/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kensho-era.h"
#include "kensho-last-year.h"

struct _KenshoLastYear
{
  AdwBin parent_instance;

  GtkExpander *expander;
  GtkLabel *text;
  GtkButton *use;
};

G_DEFINE_FINAL_TYPE (KenshoLastYear, kensho_last_year, ADW_TYPE_BIN)

enum { USE, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
on_use_clicked (KenshoLastYear *self)
{
  g_signal_emit (self, signals[USE], 0);
}

static void
kensho_last_year_class_init (KenshoLastYearClass *klass)
{
  /**
   * KenshoLastYear::use:
   *
   * The person asked to start this year's text from last year's.
   */
  signals[USE] = g_signal_new ("use", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                               0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
kensho_last_year_init (KenshoLastYear *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  /* No mnemonics: four of these can be open at once in a form; Tab reaches
   * them, Space opens them. */
  self->expander = GTK_EXPANDER (gtk_expander_new (NULL));
  gtk_expander_set_expanded (self->expander, FALSE);
  self->text = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->text, TRUE);
  gtk_label_set_wrap_mode (self->text, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (self->text, 0);
  gtk_label_set_selectable (self->text, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->text), "dim-label");
  self->use = GTK_BUTTON (gtk_button_new_with_label (_("Use as a Start")));
  gtk_widget_set_halign (GTK_WIDGET (self->use), GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->use), _("Replaces this year’s text with last year’s; Ctrl+Z takes it back"));
  g_signal_connect_swapped (self->use, "clicked", G_CALLBACK (on_use_clicked), self);
  gtk_widget_set_margin_start (box, 18);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->text));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->use));
  gtk_expander_set_child (self->expander, box);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->expander));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
kensho_last_year_new (void)
{
  return g_object_new (KENSHO_TYPE_LAST_YEAR, NULL);
}

/* @fiscal_year: the year the text is of (last year). */
void
kensho_last_year_set_text (KenshoLastYear *self, int fiscal_year, const char *text)
{
  g_autofree char *year = NULL;
  g_autofree char *title = NULL;

  g_return_if_fail (KENSHO_IS_LAST_YEAR (self));

  gtk_widget_set_visible (GTK_WIDGET (self), text != NULL);
  if (text == NULL)
    return;
  year = kensho_era_format (fiscal_year, KENSHO_PERIOD_FISCAL_YEAR, 0);
  /* TRANSLATORS: %s is last fiscal year, such as 令和4年度 */
  title = g_strdup_printf (_("Last year (%s)"), year);
  gtk_expander_set_label (self->expander, title);
  /* GTK 4.8 does not name an expander after its label for screen readers. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->expander), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (g_strcmp0 (gtk_label_get_text (self->text), text) != 0)
    gtk_label_set_text (self->text, text);
}

const char *
kensho_last_year_get_text (KenshoLastYear *self)
{
  g_return_val_if_fail (KENSHO_IS_LAST_YEAR (self), NULL);
  return gtk_widget_get_visible (GTK_WIDGET (self)) ? gtk_label_get_text (self->text) : NULL;
}

GtkExpander *
kensho_last_year_get_expander (KenshoLastYear *self)
{
  g_return_val_if_fail (KENSHO_IS_LAST_YEAR (self), NULL);
  return self->expander;
}

GtkButton *
kensho_last_year_get_button (KenshoLastYear *self)
{
  g_return_val_if_fail (KENSHO_IS_LAST_YEAR (self), NULL);
  return self->use;
}
