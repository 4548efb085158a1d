/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kensho-editable.h"
#include "kensho-node-form.h"

struct _KenshoNodeForm
{
  AdwBin parent_instance;
  GtkLabel *heading;
  GtkEntry *code;
  GtkEntry *title;
  KenshoNode *node;
  gboolean editable;
  KenshoSheet *sheet;
  gulong changed_handler;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (KenshoNodeForm, kensho_node_form, ADW_TYPE_BIN)

static void
load (KenshoNodeForm *self)
{
  KenshoNodeKind kind = kensho_node_get_kind (self->node);
  const char *code = kensho_node_get_code (self->node);
  const char *title = kensho_node_get_title (self->node);

  self->updating = TRUE;
  gtk_label_set_text (self->heading, kind == KENSHO_NODE_GOAL ? _("Basic goal")
                                     : kind == KENSHO_NODE_SUBGOAL ? _("Sub-goal") : _("Measure"));
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->code)), code ? code : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->code), code ? code : "");
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title)), title ? title : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->title), title ? title : "");
  /* A sheet opened read-only is only looked at. */
  kensho_editable_set_all (GTK_WIDGET (self), self->editable);
  self->updating = FALSE;
}

static void
on_entry_changed (GtkEditable *editable, KenshoNodeForm *self)
{
  gboolean is_code = editable == GTK_EDITABLE (self->code);

  if (self->updating || self->node == NULL || !self->editable)
    return;
  if (is_code)
    kensho_node_set_code (self->node, gtk_editable_get_text (editable));
  else
    kensho_node_set_title (self->node, gtk_editable_get_text (editable));
}

static void
on_sheet_changed (KenshoSheet *sheet, int change, GObject *object, KenshoNodeForm *self)
{
  if (!self->updating && object == G_OBJECT (self->node))
    load (self);
}

static GtkEntry *
labelled_entry (GtkBox *box, const char *label_text)
{
  GtkWidget *label = gtk_label_new (label_text);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  /* Ctrl+Z is the window's undo. */
  gtk_editable_set_enable_undo (GTK_EDITABLE (entry), FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (box, label);
  gtk_box_append (box, entry);
  return GTK_ENTRY (entry);
}

static void
kensho_node_form_dispose (GObject *object)
{
  kensho_node_form_set_node (KENSHO_NODE_FORM (object), NULL, FALSE);
  G_OBJECT_CLASS (kensho_node_form_parent_class)->dispose (object);
}

static void
kensho_node_form_class_init (KenshoNodeFormClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kensho_node_form_dispose;
}

static void
kensho_node_form_init (KenshoNodeForm *self)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));

  gtk_widget_set_margin_start (GTK_WIDGET (box), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (box), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (box), 18);
  self->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->heading, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->heading), "title-2");
  gtk_box_append (box, GTK_WIDGET (self->heading));
  self->code = labelled_entry (box, _("Code"));
  self->title = labelled_entry (box, _("Title"));
  g_signal_connect (self->code, "changed", G_CALLBACK (on_entry_changed), self);
  g_signal_connect (self->title, "changed", G_CALLBACK (on_entry_changed), self);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 700);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (box));
  gtk_widget_set_valign (clamp, GTK_ALIGN_START);
  adw_bin_set_child (ADW_BIN (self), clamp);
  kensho_editable_route_undo (GTK_WIDGET (self));
}

GtkWidget *
kensho_node_form_new (void)
{
  return g_object_new (KENSHO_TYPE_NODE_FORM, NULL);
}

void
kensho_node_form_set_node (KenshoNodeForm *self, KenshoNode *node, gboolean editable)
{
  g_return_if_fail (KENSHO_IS_NODE_FORM (self));

  if (self->sheet != NULL)
    g_clear_signal_handler (&self->changed_handler, self->sheet);
  g_clear_object (&self->sheet);
  g_set_object (&self->node, node);
  self->editable = editable;
  if (node == NULL || kensho_node_get_sheet (node) == NULL)
    return;
  self->sheet = g_object_ref (kensho_node_get_sheet (node));
  self->changed_handler = g_signal_connect (self->sheet, "changed", G_CALLBACK (on_sheet_changed), self);
  load (self);
}

KenshoNode *
kensho_node_form_get_node (KenshoNodeForm *self)
{
  g_return_val_if_fail (KENSHO_IS_NODE_FORM (self), NULL);
  return self->node;
}

void
kensho_node_form_focus_title (KenshoNodeForm *self)
{
  g_return_if_fail (KENSHO_IS_NODE_FORM (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->title));
  gtk_editable_select_region (GTK_EDITABLE (self->title), 0, -1);
}
