/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kensho-tree-row.h"

G_DEFINE_FINAL_TYPE (KenshoTreeRow, kensho_tree_row, GTK_TYPE_BOX)

static void
kensho_tree_row_finalize (GObject *object)
{
  g_free (KENSHO_TREE_ROW (object)->description);
  G_OBJECT_CLASS (kensho_tree_row_parent_class)->finalize (object);
}

static void
kensho_tree_row_class_init (KenshoTreeRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = kensho_tree_row_finalize;
}

static void
kensho_tree_row_init (KenshoTreeRow *self)
{
  GtkWidget *title = gtk_inscription_new (NULL);

  self->code = GTK_LABEL (gtk_label_new (NULL));
  self->title = GTK_INSCRIPTION (title);
  self->division = GTK_LABEL (gtk_label_new (NULL));
  self->achievement = GTK_LABEL (gtk_label_new (NULL));
  self->rating = GTK_LABEL (gtk_label_new (NULL));

  gtk_box_set_spacing (GTK_BOX (self), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self->achievement), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->achievement), "numeric");
  gtk_widget_add_css_class (GTK_WIDGET (self->achievement), "dim-label");
  gtk_widget_set_has_tooltip (GTK_WIDGET (self->achievement), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->code), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->code), "numeric");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_halign (title, GTK_ALIGN_FILL);
  /* An inscription, not a label: its size does not depend on its text, so
   * the 200 rows GTK binds around a far jump are not all shaped, only the
   * ones drawn. A click selects the row; F2 renames in the form. */
  gtk_inscription_set_xalign (self->title, 0);
  gtk_inscription_set_text_overflow (self->title, GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (self->title, 6);
  gtk_inscription_set_nat_chars (self->title, 40);
  /* Given the row's whole height, GTK 4.8 sets a shortened (…) title a few
   * pixels above the rest of the row. */
  gtk_widget_set_valign (title, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (self->division), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->division), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->rating), "caption");
  /* Shortened in a narrow tree rather than widening it: at 800 pixels the
   * window still has room for the form. */
  gtk_label_set_ellipsize (self->division, PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->code));
  gtk_box_append (GTK_BOX (self), title);
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->division));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->achievement));
  gtk_box_append (GTK_BOX (self), GTK_WIDGET (self->rating));
  gtk_widget_set_margin_top (GTK_WIDGET (self), 3);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 3);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 6);
}

GtkWidget *
kensho_tree_row_new (gpointer tree)
{
  KenshoTreeRow *self = g_object_new (KENSHO_TYPE_TREE_ROW, NULL);

  self->tree = tree;
  return GTK_WIDGET (self);
}
