/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kensho-checks.h"
#include "kensho-checks-panel.h"

struct _KenshoChecksPanel
{
  GtkWidget parent_instance;

  GtkLabel *count_label;
  GtkListBox *list;

  KenshoSheet *sheet;
  GListStore *findings;
  gulong changed_handler;
  guint refresh_source;
};

G_DEFINE_FINAL_TYPE (KenshoChecksPanel, kensho_checks_panel, GTK_TYPE_WIDGET)

enum { FINDING_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

static GtkWidget *
create_row (gpointer item, gpointer user_data)
{
  KenshoFinding *finding = item;
  const char *indicator_name = kensho_indicator_get_name (kensho_finding_get_indicator (finding));
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (indicator_name ? indicator_name : "");
  GtkWidget *message = gtk_label_new (kensho_finding_get_message (finding));
  g_autofree char *accessible = g_strdup_printf ("%s: %s", indicator_name ? indicator_name : "",
                                                 kensho_finding_get_message (finding));

  /* Plain text throughout: names and messages quote what users typed. */
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_tooltip_text (row, kensho_check_get_title (kensho_finding_get_check (finding)));
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), message);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return row;
}

static void
on_row_activated (GtkListBox *list, GtkListBoxRow *row, KenshoChecksPanel *self)
{
  g_autoptr(KenshoFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->findings),
                                                           (guint) gtk_list_box_row_get_index (row));

  if (finding != NULL)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, finding);
}

void
kensho_checks_panel_refresh (KenshoChecksPanel *self)
{
  g_autoptr(GListStore) fresh = NULL;
  g_autofree char *count = NULL;
  guint n_old, n;

  g_return_if_fail (KENSHO_IS_CHECKS_PANEL (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  n_old = g_list_model_get_n_items (G_LIST_MODEL (self->findings));
  if (self->sheet != NULL)
    fresh = kensho_sheet_run_checks (self->sheet);
  n = fresh ? g_list_model_get_n_items (G_LIST_MODEL (fresh)) : 0;
  {
    g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

    for (guint i = 0; i < n; i++)
      g_ptr_array_add (items, g_list_model_get_item (G_LIST_MODEL (fresh), i));
    g_list_store_splice (self->findings, 0, n_old, items->pdata, items->len);
  }
  if (n == 0)
    count = g_strdup (_("nothing to report"));
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding", "%u findings", n), n);
  gtk_label_set_text (self->count_label, count);
}

static gboolean
refresh_idle (gpointer data)
{
  KenshoChecksPanel *self = data;

  self->refresh_source = 0;
  kensho_checks_panel_refresh (self);
  return G_SOURCE_REMOVE;
}

/* Typing changes the sheet at every key: check once things settle. */
static void
on_sheet_changed (KenshoSheet *sheet, int change, GObject *object, KenshoChecksPanel *self)
{
  if (self->refresh_source == 0)
    self->refresh_source = g_timeout_add (300, refresh_idle, self);
}

static void
kensho_checks_panel_dispose (GObject *object)
{
  KenshoChecksPanel *self = KENSHO_CHECKS_PANEL (object);
  GtkWidget *child;

  kensho_checks_panel_set_sheet (self, NULL);
  g_clear_object (&self->findings);
  gtk_widget_dispose_template (GTK_WIDGET (self), KENSHO_TYPE_CHECKS_PANEL);
  /* The template's top box has no id: unparent it by hand. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (kensho_checks_panel_parent_class)->dispose (object);
}

static void
kensho_checks_panel_class_init (KenshoChecksPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kensho_checks_panel_dispose;

  /**
   * KenshoChecksPanel::finding-activated:
   * @finding: the #KenshoFinding the user chose
   */
  signals[FINDING_ACTIVATED] = g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, KENSHO_TYPE_FINDING);

  gtk_widget_class_set_template_from_resource (widget_class, "/jp/kensho/Kensho/kensho-checks-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, KenshoChecksPanel, count_label);
  gtk_widget_class_bind_template_child (widget_class, KenshoChecksPanel, list);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kensho_checks_panel_init (KenshoChecksPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->findings = g_list_store_new (KENSHO_TYPE_FINDING);
  gtk_list_box_bind_model (self->list, G_LIST_MODEL (self->findings), create_row, NULL, NULL);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  kensho_checks_panel_refresh (self);
}

GtkWidget *
kensho_checks_panel_new (void)
{
  return g_object_new (KENSHO_TYPE_CHECKS_PANEL, NULL);
}

void
kensho_checks_panel_set_sheet (KenshoChecksPanel *self, KenshoSheet *sheet)
{
  g_return_if_fail (KENSHO_IS_CHECKS_PANEL (self));

  if (self->sheet != NULL)
    g_clear_signal_handler (&self->changed_handler, self->sheet);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_set_object (&self->sheet, sheet);
  if (sheet != NULL)
    self->changed_handler = g_signal_connect (sheet, "changed", G_CALLBACK (on_sheet_changed), self);
  if (self->findings != NULL)
    kensho_checks_panel_refresh (self);
}

/* The findings shown, a GListModel of KenshoFinding. */
GListModel *
kensho_checks_panel_get_findings (KenshoChecksPanel *self)
{
  g_return_val_if_fail (KENSHO_IS_CHECKS_PANEL (self), NULL);
  return G_LIST_MODEL (self->findings);
}
