/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kensho-checker.h"
#include "kensho-checks.h"
#include "kensho-checks-panel.h"

struct _KenshoChecksPanel
{
  GtkWidget parent_instance;

  GtkLabel *count_label;
  GtkListView *list;

  KenshoSheet *sheet;
  char *division; /* the window's division filter, NULL for all */
  KenshoChecker *checker; /* keeps the sheet's findings as it is edited */
  GListStore *empty;      /* the findings without a sheet */
  GtkFilterListModel *findings; /* the checker's, of the division shown */
  GtkCustomFilter *filter;
  gulong changed_handler;
  guint refresh_source;
};

G_DEFINE_FINAL_TYPE (KenshoChecksPanel, kensho_checks_panel, GTK_TYPE_WIDGET)

enum { FINDING_ACTIVATED, N_SIGNALS };
static guint signals[N_SIGNALS];

/* A virtualized list: a generated or merged sheet may have thousands of
 * findings, and a widget for each would slow every frame of the window. */
static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *message = gtk_label_new (NULL);

  /* Plain text throughout: names and messages quote what users typed. */
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), message);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_item_set_child (item, box);
}

static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data)
{
  KenshoFinding *finding = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *name = gtk_widget_get_first_child (box);
  GtkWidget *message = gtk_widget_get_next_sibling (name);
  const char *indicator_name = kensho_indicator_get_name (kensho_finding_get_indicator (finding));
  g_autofree char *accessible = g_strdup_printf ("%s: %s", indicator_name ? indicator_name : "",
                                                 kensho_finding_get_message (finding));

  gtk_label_set_text (GTK_LABEL (name), indicator_name ? indicator_name : "");
  gtk_label_set_text (GTK_LABEL (message), kensho_finding_get_message (finding));
  gtk_widget_set_tooltip_text (box, kensho_check_get_title (kensho_finding_get_check (finding)));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
}

static void
on_row_activated (GtkListView *list, guint position, KenshoChecksPanel *self)
{
  g_autoptr(KenshoFinding) finding = g_list_model_get_item (G_LIST_MODEL (self->findings), position);

  if (finding != NULL)
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0, finding);
}

static void
update_count (KenshoChecksPanel *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->findings));
  g_autofree char *count = NULL;

  if (n == 0)
    count = g_strdup (_("nothing to report"));
  else
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u finding", "%u findings", n), n);
  gtk_label_set_text (self->count_label, count);
}

/* An indicator moved to another division keeps its findings, which the
 * checker then leaves in place: the filter must look at them again. */
static void
refilter (KenshoChecksPanel *self)
{
  if (self->division != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Checks what changed since, all of it, now. */
void
kensho_checks_panel_refresh (KenshoChecksPanel *self)
{
  g_return_if_fail (KENSHO_IS_CHECKS_PANEL (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->checker != NULL)
    kensho_checker_update (self->checker, 0);
  refilter (self);
}

/* A slice at a time, so that typing and drawing go on between them: a
 * sheet's first check, or a change of its settings, goes through every
 * indicator. */
static gboolean
refresh_slice (gpointer data)
{
  KenshoChecksPanel *self = data;

  if (self->checker == NULL || kensho_checker_update (self->checker, 8000))
    {
      self->refresh_source = 0;
      refilter (self);
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static gboolean
refresh_timeout (gpointer data)
{
  KenshoChecksPanel *self = data;

  self->refresh_source = g_idle_add_full (G_PRIORITY_LOW, refresh_slice, self, NULL);
  return G_SOURCE_REMOVE;
}

/* Typing changes the sheet at every key: check once the keys pause, each
 * key putting the check off again. */
static void
on_sheet_changed (KenshoSheet *sheet, int change, GObject *object, KenshoChecksPanel *self)
{
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  self->refresh_source = g_timeout_add (300, refresh_timeout, self);
}

static gboolean
in_division (gpointer item, gpointer data)
{
  KenshoChecksPanel *self = data;

  return self->division == NULL ||
         g_strcmp0 (kensho_indicator_get_division (kensho_finding_get_indicator (item)), self->division) == 0;
}

static void
kensho_checks_panel_dispose (GObject *object)
{
  KenshoChecksPanel *self = KENSHO_CHECKS_PANEL (object);
  GtkWidget *child;

  kensho_checks_panel_set_sheet (self, NULL);
  g_clear_object (&self->findings);
  g_clear_object (&self->empty);
  g_clear_pointer (&self->division, g_free);
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
  self->empty = g_list_store_new (KENSHO_TYPE_FINDING);
  self->filter = gtk_custom_filter_new (in_division, self, NULL);
  self->findings = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->empty)),
                                              GTK_FILTER (self->filter));
  g_signal_connect_object (self->findings, "items-changed", G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  {
    GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
    g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->findings)));

    g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
    g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
    gtk_list_view_set_factory (self->list, factory);
    g_object_unref (factory);
    gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  }
  g_signal_connect (self->list, "activate", G_CALLBACK (on_row_activated), self);
  update_count (self);
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
  g_clear_object (&self->checker);
  if (sheet != NULL)
    {
      self->changed_handler = g_signal_connect (sheet, "changed", G_CALLBACK (on_sheet_changed), self);
      self->checker = kensho_checker_new (sheet);
      /* Checked after the window is drawn, in slices. */
      self->refresh_source = g_idle_add_full (G_PRIORITY_LOW, refresh_slice, self, NULL);
    }
  if (self->findings != NULL)
    gtk_filter_list_model_set_model (self->findings, self->checker ? kensho_checker_get_findings (self->checker)
                                                                   : G_LIST_MODEL (self->empty));
}

/* The findings shown, a GListModel of KenshoFinding. */
GListModel *
kensho_checks_panel_get_findings (KenshoChecksPanel *self)
{
  g_return_val_if_fail (KENSHO_IS_CHECKS_PANEL (self), NULL);
  return G_LIST_MODEL (self->findings);
}

/* Shows only the findings of one division's indicators, as the tree's
 * division filter does; NULL for all. */
void
kensho_checks_panel_set_division (KenshoChecksPanel *self, const char *division)
{
  g_return_if_fail (KENSHO_IS_CHECKS_PANEL (self));

  if (g_strcmp0 (self->division, division) == 0)
    return;
  g_free (self->division);
  self->division = g_strdup (division);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}
