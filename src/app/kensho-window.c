/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kensho-accessible.h"
#include "kensho-change-banner.h"
#include "kensho-filesystem.h"
#include "kensho-checks-panel.h"
#include "kensho-era.h"
#include "kensho-indicator-form.h"
#include "kensho-indicator-table.h"
#include "kensho-node-form.h"
#include "kensho-overview-page.h"
#include "kensho-window.h"
#include "kensho-window-private.h"

G_DEFINE_FINAL_TYPE (KenshoWindow, kensho_window, ADW_TYPE_APPLICATION_WINDOW)

/* Title, actions, status -------------------------------------------------- */

static void
update_title (KenshoWindow *self)
{
  KenshoSheet *sheet = kensho_window_get_sheet (self);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *path;

  if (sheet == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Kensho"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Kensho"));
      return;
    }
  title = kensho_sheet_dup_display_title (sheet);
  if (kensho_document_get_unsaved (self->document))
    {
      /* The dot says the file is behind: the workspace has every edit. */
      g_autofree char *plain = g_steal_pointer (&title);

      title = g_strdup_printf ("• %s", plain);
    }
  path = kensho_document_get_path (self->document);
  if (path != NULL)
    {
      g_autofree char *base = g_path_get_basename (path);

      subtitle = kensho_document_get_read_only (self->document)
                 ? g_strdup_printf (_("%s (read-only)"), base) : g_strdup (base);
    }
  else
    subtitle = g_strdup (_("Not saved to a file yet"));
  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* Whether the tree and forms edit; a sheet opened read-only they only show. */
static gboolean
editing (KenshoWindow *self)
{
  return self->document != NULL && !kensho_document_get_read_only (self->document);
}

static void
update_actions (KenshoWindow *self)
{
  gboolean has_sheet = self->document != NULL;
  gboolean editable = editing (self) && self->undo != NULL;
  KenshoNode *selected = has_sheet ? kensho_strategy_tree_get_selected (self->tree) : NULL;
  static const char *const sheet_actions[] = {
    "win.save", "win.save-as", "win.print", "win.print-summary", "win.export-pdf", "win.export-csv",
    "win.export-xlsx", "win.find", "win.handout", "win.board", "win.next-year",
  };
  static const char *const edit_actions[] = {
    "win.properties", "win.add-goal", "win.add-subgoal", "win.add-measure", "win.add-kpi", "win.add-target",
    "win.collect",
  };

  for (guint i = 0; i < G_N_ELEMENTS (sheet_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), sheet_actions[i], has_sheet);
  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), edit_actions[i], editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.overview", has_sheet);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 editable && kensho_undo_stack_can_undo (self->undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 editable && kensho_undo_stack_can_redo (self->undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete", editable && selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename", editable && selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-up", editable && selected != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.move-down", editable && selected != NULL);
}

static void
on_workspace_status (KenshoWorkspace *workspace, KenshoWindow *self)
{
  const char *error = kensho_workspace_get_write_error (workspace);
  g_autofree char *text = NULL;

  /* A failed commit leaves the edits in memory only; a failed sync leaves
   * them in the workspace, unconfirmed by the disk. */
  if (error != NULL && error != kensho_workspace_get_sync_error (workspace))
    text = g_strdup_printf (_("Your edits could not be written to the workspace: %s "
                              "They are kept in memory; save the sheet to a file."), error);
  else if (error != NULL)
    text = g_strdup_printf (_("Your edits are in the workspace, but %s "
                              "A power cut could lose them; save the sheet to a file."), error);
  if (text != NULL)
    gtk_label_set_text (self->status_label, text);
  gtk_revealer_set_reveal_child (self->status_revealer, error != NULL);
}

/* Selection and forms ---------------------------------------------------- */

/* Sheets whose selected row is kept for the next start, at most. */
#define MAX_REMEMBERED_SELECTIONS 50

/* A node's places from the top of the tree: "0/2/1". */
static char *
dup_node_places (KenshoNode *node)
{
  GString *places = g_string_new (NULL);

  for (; kensho_node_get_parent (node) != NULL; node = kensho_node_get_parent (node))
    {
      g_autofree char *place = g_strdup_printf ("%u", kensho_node_get_position (node));

      g_string_prepend (places, place);
      if (kensho_node_get_kind (kensho_node_get_parent (node)) != KENSHO_NODE_ROOT)
        g_string_prepend_c (places, '/');
    }
  return g_string_free (places, FALSE);
}

static KenshoNode *
node_at_places (KenshoSheet *sheet, const char *places)
{
  g_auto(GStrv) steps = g_strsplit (places, "/", -1);
  KenshoNode *node = kensho_sheet_get_root (sheet);

  for (guint i = 0; steps[i] != NULL && node != NULL; i++)
    {
      guint64 place;

      if (!g_ascii_string_to_unsigned (steps[i], 10, 0, G_MAXUINT, &place, NULL))
        return NULL;
      node = kensho_node_get_child (node, (guint) place);
    }
  return node != kensho_sheet_get_root (sheet) ? node : NULL;
}

/* The selected row, kept per sheet in the settings for the next start. */
static void
remember_selection (KenshoWindow *self, KenshoNode *node)
{
  GSettings *settings = kensho_application_get_settings (get_app (self));
  g_autoptr(GVariant) stored = NULL;
  g_autofree char *places = NULL;
  GVariantBuilder builder;
  GVariantIter iter;
  gint64 id, other;
  const char *other_places;
  guint n = 1;

  if (self->document == NULL || node == NULL)
    return;
  id = kensho_document_get_id (self->document);
  places = dup_node_places (node);
  stored = g_settings_get_value (settings, "selected-rows");
  g_variant_builder_init (&builder, G_VARIANT_TYPE ("a{xs}"));
  g_variant_builder_add (&builder, "{xs}", id, places);
  g_variant_iter_init (&iter, stored);
  while (g_variant_iter_next (&iter, "{x&s}", &other, &other_places) && n < MAX_REMEMBERED_SELECTIONS)
    if (other != id)
      {
        g_variant_builder_add (&builder, "{xs}", other, other_places);
        n++;
      }
  g_settings_set_value (settings, "selected-rows", g_variant_builder_end (&builder));
}

static void
restore_selection (KenshoWindow *self)
{
  GSettings *settings = kensho_application_get_settings (get_app (self));
  g_autoptr(GVariant) stored = NULL;
  const char *places = NULL, *value;
  GVariantIter iter;
  KenshoNode *node;
  gint64 id;

  if (self->document == NULL)
    return;
  stored = g_settings_get_value (settings, "selected-rows");
  g_variant_iter_init (&iter, stored);
  while (places == NULL && g_variant_iter_next (&iter, "{x&s}", &id, &value))
    if (id == kensho_document_get_id (self->document))
      places = value;
  node = places ? node_at_places (kensho_window_get_sheet (self), places) : NULL;
  if (node != NULL)
    kensho_strategy_tree_select (self->tree, node);
}

static void
on_tree_selection_changed (KenshoStrategyTree *tree, KenshoWindow *self)
{
  KenshoNode *node = kensho_strategy_tree_get_selected (tree);

  if (node == NULL)
    gtk_stack_set_visible_child_name (self->form_stack, "none");
  else if (KENSHO_IS_INDICATOR (node))
    {
      kensho_indicator_form_set_indicator (KENSHO_INDICATOR_FORM (self->indicator_form),
                                           KENSHO_INDICATOR (node), editing (self));
      gtk_stack_set_visible_child_name (self->form_stack, "indicator");
    }
  else
    {
      kensho_node_form_set_node (KENSHO_NODE_FORM (self->node_form), node, editing (self));
      gtk_stack_set_visible_child_name (self->form_stack, "node");
    }
  remember_selection (self, node);
  update_actions (self);
}

static void on_filters_changed (KenshoWindow *self);

/* Selects an indicator in the tree, clearing the search and filters if
 * they hide it. */
gboolean
_kensho_window_show_indicator (KenshoWindow *self, KenshoNode *node)
{
  if (kensho_strategy_tree_select (self->tree, node))
    return TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->division_filter, 0);
  gtk_drop_down_set_selected (self->rating_filter, 0);
  on_filters_changed (self);
  return kensho_strategy_tree_select (self->tree, node);
}

/* A finding of the checks panel: show its indicator and put the focus on
 * its field. */
static void
on_finding_activated (KenshoChecksPanel *panel, KenshoFinding *finding, KenshoWindow *self)
{
  if (!_kensho_window_show_indicator (self, KENSHO_NODE (kensho_finding_get_indicator (finding))))
    return;
  kensho_indicator_form_focus_field (KENSHO_INDICATOR_FORM (self->indicator_form),
                                     kensho_finding_get_field (finding),
                                     kensho_finding_get_series (finding));
}

static void
fill_filters (KenshoWindow *self)
{
  KenshoSheet *sheet = kensho_window_get_sheet (self);
  g_autoptr(GtkStringList) divisions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) ratings = gtk_string_list_new (NULL);

  gtk_string_list_append (divisions, _("All divisions"));
  gtk_string_list_append (ratings, _("All ratings"));
  if (sheet != NULL)
    {
      KenshoRatingScale *scale = kensho_sheet_get_rating_scale (sheet);

      gtk_string_list_splice (divisions, 1, 0, kensho_sheet_get_divisions (sheet));
      for (guint i = 0; i < kensho_rating_scale_get_n_ratings (scale); i++)
        gtk_string_list_append (ratings, kensho_rating_get_label (kensho_rating_scale_get_rating (scale, i)));
    }
  gtk_drop_down_set_model (self->division_filter, G_LIST_MODEL (divisions));
  gtk_drop_down_set_model (self->rating_filter, G_LIST_MODEL (ratings));
}

/* The division and rating the filters show; NULL for all. */
const char *
_kensho_window_selected_division (KenshoWindow *self)
{
  KenshoSheet *sheet = kensho_window_get_sheet (self);
  guint division = gtk_drop_down_get_selected (self->division_filter);

  if (sheet == NULL || division == 0 || division == GTK_INVALID_LIST_POSITION)
    return NULL;
  return kensho_sheet_get_divisions (sheet)[division - 1];
}

const char *
_kensho_window_selected_rating_id (KenshoWindow *self)
{
  KenshoSheet *sheet = kensho_window_get_sheet (self);
  guint rating = gtk_drop_down_get_selected (self->rating_filter);

  if (sheet == NULL || rating == 0 || rating == GTK_INVALID_LIST_POSITION)
    return NULL;
  return kensho_rating_get_id (kensho_rating_scale_get_rating (kensho_sheet_get_rating_scale (sheet), rating - 1));
}

static void
on_filters_changed (KenshoWindow *self)
{
  if (kensho_window_get_sheet (self) == NULL)
    return;
  kensho_strategy_tree_set_search (self->tree, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  kensho_strategy_tree_set_division_filter (self->tree, _kensho_window_selected_division (self));
  kensho_checks_panel_set_division (KENSHO_CHECKS_PANEL (self->checks_panel), _kensho_window_selected_division (self));
  kensho_strategy_tree_set_rating_filter (self->tree, _kensho_window_selected_rating_id (self));
}

/* The header bar's years: the plan's, and the one shown if outside it. */
static void
fill_years (KenshoWindow *self)
{
  KenshoSheet *sheet = kensho_window_get_sheet (self);
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);
  int shown, first, last;

  gtk_widget_set_visible (GTK_WIDGET (self->year_dropdown), sheet != NULL);
  if (sheet == NULL)
    return;
  shown = kensho_sheet_get_fiscal_year (sheet);
  first = MIN (kensho_sheet_get_plan_first (sheet), shown);
  last = MAX (kensho_sheet_get_plan_last (sheet), shown);
  self->filling_years = TRUE;
  /* The same years keep their model: a year chosen in the drop-down
   * changes the sheet, and this, while the drop-down is still busy with it. */
  if (first != self->first_year_listed || last != self->last_year_listed)
    {
      for (int year = first; year <= last; year++)
        {
          g_autofree char *label = kensho_era_format (year, KENSHO_PERIOD_FISCAL_YEAR, 0);

          gtk_string_list_append (years, label);
        }
      self->first_year_listed = first;
      self->last_year_listed = last;
      /* A new model selects its first year: that is no choice of the user's. */
      gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (years));
    }
  gtk_drop_down_set_selected (self->year_dropdown, (guint) (shown - first));
  self->filling_years = FALSE;
}

/* One click switches the year the form shows and edits. */
static void
on_year_selected (KenshoWindow *self)
{
  KenshoSheet *sheet = kensho_window_get_sheet (self);
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);
  int year;

  if (sheet == NULL || self->undo == NULL || self->filling_years || selected == GTK_INVALID_LIST_POSITION)
    return;
  year = self->first_year_listed + (int) selected;
  if (year == kensho_sheet_get_fiscal_year (sheet))
    return;
  kensho_sheet_set_fiscal_year (sheet, year);
}

/* The node in a form left the sheet (deleted, or its adding undone): the
 * form lets go of it rather than edit a node nobody sees. */
static void
drop_removed_node (KenshoWindow *self)
{
  KenshoIndicator *indicator = kensho_indicator_form_get_indicator (KENSHO_INDICATOR_FORM (self->indicator_form));
  KenshoNode *node = kensho_node_form_get_node (KENSHO_NODE_FORM (self->node_form));
  gboolean shown_gone = FALSE;

  if (indicator != NULL && kensho_node_get_sheet (KENSHO_NODE (indicator)) == NULL)
    {
      shown_gone |= gtk_stack_get_visible_child (self->form_stack) == self->indicator_form;
      kensho_indicator_form_set_indicator (KENSHO_INDICATOR_FORM (self->indicator_form), NULL, FALSE);
    }
  if (node != NULL && kensho_node_get_sheet (node) == NULL)
    {
      shown_gone |= gtk_stack_get_visible_child (self->form_stack) == self->node_form;
      kensho_node_form_set_node (KENSHO_NODE_FORM (self->node_form), NULL, FALSE);
    }
  if (shown_gone)
    gtk_stack_set_visible_child_name (self->form_stack, "none");
}

static void
on_sheet_changed (KenshoSheet *sheet, int change, GObject *object, KenshoWindow *self)
{
  if (change == KENSHO_CHANGE_SHEET)
    {
      update_title (self);
      fill_filters (self);
      fill_years (self);
    }
  else if (change == KENSHO_CHANGE_STRUCTURE)
    drop_removed_node (self);
}

static void show_sheet (KenshoWindow *self);

static void
on_document_notify (KenshoDocument *document, GParamSpec *pspec, KenshoWindow *self)
{
  update_title (self);
  if (self->indicator_table != NULL)
    kensho_indicator_table_set_editable (KENSHO_INDICATOR_TABLE (self->indicator_table),
                                         !kensho_document_get_read_only (document));
}

static void
on_document_unsaved (KenshoDocument *document, GParamSpec *pspec, KenshoWindow *self)
{
  update_title (self);
}

/* Saved under another name, a sheet opened read-only becomes editable:
 * the tree and forms start editing, on the same row. */
static void
on_document_read_only (KenshoDocument *document, GParamSpec *pspec, KenshoWindow *self)
{
  g_autoptr(KenshoNode) selected = NULL;

  update_title (self);
  if (kensho_document_get_read_only (document) == self->read_only_shown)
    return;
  selected = kensho_strategy_tree_get_selected (self->tree);
  if (selected != NULL)
    g_object_ref (selected);
  show_sheet (self);
  if (selected != NULL)
    kensho_strategy_tree_select (self->tree, selected);
}

static void
on_undo_changed (KenshoUndoStack *undo, GParamSpec *pspec, KenshoWindow *self)
{
  update_actions (self);
}

/* Puts the document's current sheet in the tree and forms; also after a
 * reload, which brings a new sheet object. */
static void
show_sheet (KenshoWindow *self)
{
  KenshoSheet *sheet = kensho_window_get_sheet (self);

  if (self->undo != NULL)
    g_signal_handlers_disconnect_by_func (self->undo, on_undo_changed, self);
  g_clear_object (&self->undo);
  g_signal_group_set_target (self->sheet_signals, sheet);
  if (sheet != NULL)
    {
      self->undo = g_object_ref (kensho_document_get_undo_stack (self->document));
      g_signal_connect (self->undo, "notify::can-undo", G_CALLBACK (on_undo_changed), self);
      g_signal_connect (self->undo, "notify::can-redo", G_CALLBACK (on_undo_changed), self);
    }
  kensho_indicator_form_set_indicator (KENSHO_INDICATOR_FORM (self->indicator_form), NULL, FALSE);
  kensho_node_form_set_node (KENSHO_NODE_FORM (self->node_form), NULL, FALSE);
  kensho_strategy_tree_set_sheet (self->tree, sheet, editing (self));
  self->read_only_shown = self->document != NULL && kensho_document_get_read_only (self->document);
  kensho_checks_panel_set_sheet (KENSHO_CHECKS_PANEL (self->checks_panel), sheet);
  if (self->overview_page != NULL)
    kensho_overview_page_set_sheet (KENSHO_OVERVIEW_PAGE (self->overview_page), sheet);
  if (self->indicator_table != NULL)
    kensho_indicator_table_set_sheet (KENSHO_INDICATOR_TABLE (self->indicator_table), sheet);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.table", sheet != NULL);
  fill_filters (self);
  fill_years (self);
  gtk_stack_set_visible_child_name (self->form_stack, "none");
  gtk_stack_set_visible_child_name (self->main_stack, sheet ? "sheet" : "start");
  update_title (self);
  update_actions (self);
}

static void
on_document_sheet (KenshoDocument *document, GParamSpec *pspec, KenshoWindow *self)
{
  show_sheet (self);
  restore_selection (self);
}

static void
detach_document (KenshoWindow *self)
{
  /* The groups are gone once disposed. */
  if (self->document_signals != NULL)
    {
      g_signal_group_set_target (self->sheet_signals, NULL);
      g_signal_group_set_target (self->document_signals, NULL);
    }
  /* Quitting or another document: it stays open, to come back. */
  if (self->document != NULL && get_app (self) != NULL)
    kensho_session_release (get_session (self), self->document);
  g_clear_object (&self->document);
}

void
kensho_window_set_document (KenshoWindow *self, KenshoDocument *document)
{
  g_return_if_fail (KENSHO_IS_WINDOW (self));

  detach_document (self);
  kensho_change_banner_set_document (self->change_banner, document);
  if (document != NULL)
    {
      self->document = g_object_ref (document);
      g_signal_group_set_target (self->document_signals, document);
      kensho_session_add_document (get_session (self), document);
    }
  show_sheet (self);
  restore_selection (self);
}

/* Opening ----------------------------------------------------------------- */

/* A window showing a sheet keeps it: another sheet opens in a new window. */
KenshoWindow *
_kensho_window_for_new_sheet (KenshoWindow *self)
{
  KenshoWindow *target;

  if (self->document == NULL)
    return self;
  target = kensho_window_new (get_app (self));
  gtk_window_present (GTK_WINDOW (target));
  return target;
}

typedef struct
{
  KenshoWindow *window;
  char *path;
  KenshoOpenFlags flags;
} OpenRequest;

static void
open_request_free (OpenRequest *request)
{
  g_object_unref (request->window);
  g_free (request->path);
  g_free (request);
}

static void
open_request_notify (gpointer data, GClosure *closure)
{
  open_request_free (data);
}


static void
on_open_choice (AdwMessageDialog *dialog, const char *response, OpenRequest *request)
{
  if (g_str_equal (response, "read-only"))
    _kensho_window_open_path_async (request->window, request->path, request->flags | KENSHO_OPEN_READ_ONLY);
  else if (g_str_equal (response, "anyway"))
    _kensho_window_open_path_async (request->window, request->path, request->flags | KENSHO_OPEN_IGNORE_LOCK);
  else if (g_str_equal (response, "keep"))
    _kensho_window_open_path_async (request->window, request->path, request->flags | KENSHO_OPEN_KEEP_LOCAL);
  else if (g_str_equal (response, "load"))
    _kensho_window_open_path_async (request->window, request->path, request->flags | KENSHO_OPEN_LOAD_FILE);
}

void
_kensho_window_ask_about_open (KenshoWindow *self, const char *path, KenshoOpenFlags flags, const GError *error)
{
  OpenRequest *request = g_new0 (OpenRequest, 1);
  GtkWidget *dialog;
  g_autofree char *base = g_path_get_basename (path);

  request->window = g_object_ref (self);
  request->path = g_strdup (path);
  request->flags = flags;
  if (error->code == KENSHO_DOCUMENT_ERROR_LOCKED)
    {
      g_autofree char *heading = g_strdup_printf (_("“%s” Is Open Elsewhere"), base);

      dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error->message);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "anyway", _("Open _Anyway"),
                                        "read-only", _("Open _Read-Only"), NULL);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "read-only");
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "read-only",
                                                  ADW_RESPONSE_SUGGESTED);
    }
  else
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Unsaved Changes to This Sheet"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("Kensho has changes to “%s” that were never saved to the file. "
                                        "Keep working on them, or load the file as it is and drop them?"),
                                      base);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "load", _("_Load the File"),
                                        "keep", _("_Keep My Changes"), NULL);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "keep", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "load", ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_open_choice), request,
                         open_request_notify, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The window of this app that already has the file at @path open, if any. */
KenshoWindow *
_kensho_window_showing_path (KenshoWindow *self, const char *path)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  KenshoDocument *document = app ? kensho_session_find_document (get_session (self), path) : NULL;

  if (document == NULL)
    return NULL;
  for (GList *l = gtk_application_get_windows (app); l; l = l->next)
    if (KENSHO_IS_WINDOW (l->data) && kensho_window_get_document (l->data) == document)
      return l->data;
  return NULL;
}

void
_kensho_window_open_path (KenshoWindow *self, const char *path, KenshoOpenFlags flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(KenshoDocument) document = NULL;
  KenshoWindow *target;

  /* Opening a sheet this app already shows brings its window forward: its
   * own lock must not look like somebody else's. */
  target = _kensho_window_showing_path (self, path);
  if (target != NULL)
    {
      gtk_window_present (GTK_WINDOW (target));
      return;
    }

  document = kensho_session_open_file (get_session (self), path, flags, &error);
  if (document == NULL)
    {
      if (g_error_matches (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_LOCKED) ||
          g_error_matches (error, KENSHO_DOCUMENT_ERROR, KENSHO_DOCUMENT_ERROR_LOCAL_CHANGES))
        _kensho_window_ask_about_open (self, path, flags, error);
      else
        show_error (self, _("Could Not Open the Sheet"), error->message);
      return;
    }
  _kensho_window_show_opened (self, document);
}

/* @document opened from @self: shown here, or in a new window when this
 * one shows a sheet already. */
void
_kensho_window_show_opened (KenshoWindow *self, KenshoDocument *document)
{
  KenshoWindow *target = _kensho_window_for_new_sheet (self);

  kensho_window_set_document (target, document);
  if (kensho_path_is_document_portal (kensho_document_get_path (document)))
    show_toast (target, _("Opened through the document portal: colleagues are not told that you have it open."));
  else if (kensho_document_is_locked_by_other (document))
    show_toast (target, kensho_document_get_read_only (document)
                          ? _("Opened read-only: someone else has this sheet open.")
                          : _("Someone else has this sheet open: saving may overwrite their work."));
}

void
kensho_window_open_file (KenshoWindow *self, GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  g_return_if_fail (KENSHO_IS_WINDOW (self));
  if (path == NULL)
    {
      show_error (self, _("Could Not Open the Sheet"), _("Only files on this computer or a mounted share can be opened."));
      return;
    }
  _kensho_window_open_path (self, path, KENSHO_OPEN_DEFAULT);
}

/* Closing ----------------------------------------------------------------- */

static void
on_close_choice (AdwMessageDialog *dialog, const char *response, KenshoWindow *self)
{
  if (g_str_equal (response, "save"))
    {
      self->close_confirmed = TRUE;
      _kensho_window_save (self, KENSHO_SAVE_DEFAULT);
    }
  else if (g_str_equal (response, "close"))
    {
      self->close_confirmed = TRUE;
      gtk_window_close (GTK_WINDOW (self));
    }
}

static void
save_window_state (KenshoWindow *self)
{
  GSettings *settings = kensho_application_get_settings (get_app (self));
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  g_settings_set_int (settings, "pane-position", gtk_paned_get_position (self->paned));
}

static gboolean
kensho_window_close_request (GtkWindow *window)
{
  KenshoWindow *self = KENSHO_WINDOW (window);

  save_window_state (self);
  /* Closed during a save: it closes once the save is over (and asks about
   * what was edited meanwhile). */
  if (self->save_running)
    {
      self->close_after_save = TRUE;
      return TRUE;
    }
  if (self->document != NULL && !self->quitting)
    {
      if (kensho_document_get_unsaved (self->document) && !self->close_confirmed)
        {
          GtkWidget *dialog = adw_message_dialog_new (window, _("Save Changes?"), NULL);
          g_autofree char *title = kensho_sheet_dup_display_title (kensho_window_get_sheet (self));

          adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                          _("“%s” has changes not saved to its file. If you close without "
                                            "saving, Kensho keeps them and offers them again when you "
                                            "reopen the file."), title);
          adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                            "cancel", _("_Cancel"),
                                            "close", _("Close _Without Saving"),
                                            "save", _("_Save"), NULL);
          adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save", ADW_RESPONSE_SUGGESTED);
          adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
          adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
          g_signal_connect (dialog, "response", G_CALLBACK (on_close_choice), self);
          gtk_window_present (GTK_WINDOW (dialog));
          return TRUE;
        }
      kensho_session_close_document (get_session (self), self->document);
    }
  detach_document (self);
  /* (Destroying does not dispose a window that an open still holds.) */
  _kensho_window_cancel_opens (self);
  return GTK_WINDOW_CLASS (kensho_window_parent_class)->close_request (window);
}

void
kensho_window_close_for_quit (KenshoWindow *self)
{
  self->quitting = TRUE;
  /* Quitting waits for a save under way: the file is never left half
   * written, and the window keeps drawing meanwhile. */
  while (self->save_running)
    g_main_context_iteration (NULL, TRUE);
  _kensho_window_cancel_opens (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Zoom --------------------------------------------------------------------- */

double
_kensho_window_get_zoom (KenshoWindow *self)
{
  GSettings *settings = kensho_application_get_settings (get_app (self));

  return g_settings_get_double (settings, "zoom");
}

static void
append_points (GString *css, const char *selector, double points)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  /* In the C locale's notation, whatever the user's. */
  g_string_append_printf (css, "%s { font-size: %spt; }\n", selector,
                          g_ascii_formatd (number, sizeof number, "%.2f", points));
}

/* The form and the tree at the zoom of the settings. libadwaita sizes
 * headings and captions in points, not after their parent: each is
 * scaled. */
static void
apply_zoom (KenshoWindow *self)
{
  double zoom = _kensho_window_get_zoom (self);
  g_autoptr(GString) css = g_string_new (NULL);
  g_autofree char *font_name = NULL;
  PangoFontDescription *font;
  double body = 11;

  if (G_APPROX_VALUE (zoom, 1.0, 0.001))
    {
      gtk_css_provider_load_from_data (self->zoom_css, "", -1);
      return;
    }
  g_object_get (gtk_settings_get_for_display (gtk_widget_get_display (GTK_WIDGET (self))),
                "gtk-font-name", &font_name, NULL);
  font = pango_font_description_from_string (font_name ? font_name : "");
  if (pango_font_description_get_size (font) > 0)
    body = pango_font_description_get_size (font) / (double) PANGO_SCALE;
  pango_font_description_free (font);
  append_points (css, ".kensho-zoomable", body * zoom);
  append_points (css, ".kensho-zoomable .heading, .kensho-zoomable .body", 11 * zoom);
  append_points (css, ".kensho-zoomable .title-4", 13 * zoom);
  append_points (css, ".kensho-zoomable .caption", 9 * zoom);
  gtk_css_provider_load_from_data (self->zoom_css, css->str, -1);
}

/* Files dropped on the window open. */
static gboolean
on_file_drop (GtkDropTarget *target, const GValue *value, double x, double y, KenshoWindow *self)
{
  GSList *files = g_value_get_boxed (value);

  for (GSList *l = files; l != NULL; l = l->next)
    _kensho_window_open_file_async (self, l->data);
  return files != NULL;
}

static void
refresh_recent (KenshoWindow *self)
{
  g_auto(GStrv) recent = kensho_session_dup_recent (get_session (self), 8);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);
  for (guint i = 0; recent[i]; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *base = g_path_get_basename (recent[i]);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), base);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), recent[i]);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-recent");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", recent[i]);
      gtk_list_box_append (self->recent_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->recent_list), recent[0] != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->recent_heading), recent[0] != NULL);
}

/* Class ------------------------------------------------------------------- */

static void
kensho_window_dispose (GObject *object)
{
  KenshoWindow *self = KENSHO_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->save_path, g_free);
  g_clear_pointer (&self->save_again_path, g_free);
  _kensho_window_cancel_opens (self);
  detach_document (self);
  if (self->undo != NULL)
    g_signal_handlers_disconnect_by_func (self->undo, on_undo_changed, self);
  g_clear_object (&self->undo);
  g_clear_object (&self->document_signals);
  g_clear_object (&self->sheet_signals);
  if (self->zoom_css != NULL)
    gtk_style_context_remove_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                                   GTK_STYLE_PROVIDER (self->zoom_css));
  g_clear_object (&self->zoom_css);
  gtk_widget_dispose_template (GTK_WIDGET (self), KENSHO_TYPE_WINDOW);
  G_OBJECT_CLASS (kensho_window_parent_class)->dispose (object);
}

/* Called once the window has its application: g_object_new() sets the
 * (non-construct) "application" property only after constructed(), where
 * the workspace's status was never connected. */
static void
attach_to_application (KenshoWindow *self)
{
  KenshoApplication *app = get_app (self);
  GSettings *settings = kensho_application_get_settings (app);

  gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
  gtk_paned_set_position (self->paned, g_settings_get_int (settings, "pane-position"));
  g_signal_connect_object (settings, "changed::zoom", G_CALLBACK (apply_zoom), self, G_CONNECT_SWAPPED);
  apply_zoom (self);
  g_signal_connect_object (kensho_application_get_workspace (app), "status-changed",
                           G_CALLBACK (on_workspace_status), self, 0);
  /* A new window tells of a failure that is already there, too. */
  on_workspace_status (kensho_application_get_workspace (app), self);
  refresh_recent (self);
}

static void
kensho_window_class_init (KenshoWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = kensho_window_dispose;
  window_class->close_request = kensho_window_close_request;

  g_type_ensure (KENSHO_TYPE_STRATEGY_TREE);
  g_type_ensure (KENSHO_TYPE_CHANGE_BANNER);
  g_type_ensure (KENSHO_TYPE_BUSY_INDICATOR);
  gtk_widget_class_set_template_from_resource (widget_class, "/jp/kensho/Kensho/kensho-window.ui");
  gtk_widget_class_bind_template_child (widget_class, KenshoWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, KenshoWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, KenshoWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, KenshoWindow, search_bar);
  gtk_widget_class_bind_template_child (widget_class, KenshoWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, KenshoWindow, division_filter);
  gtk_widget_class_bind_template_child (widget_class, KenshoWindow, rating_filter);
  gtk_widget_class_bind_template_child (widget_class, KenshoWindow, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KenshoWindow, status_revealer);
  gtk_widget_class_bind_template_child (widget_class, KenshoWindow, change_banner);
  gtk_widget_class_bind_template_child (widget_class, KenshoWindow, busy_indicator);
  gtk_widget_class_bind_template_child (widget_class, KenshoWindow, open_indicator);
  gtk_widget_class_bind_template_child (widget_class, KenshoWindow, status_label);
  gtk_widget_class_bind_template_child (widget_class, KenshoWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, KenshoWindow, recent_list);
  gtk_widget_class_bind_template_child (widget_class, KenshoWindow, recent_heading);
  gtk_widget_class_bind_template_child (widget_class, KenshoWindow, paned);
  gtk_widget_class_bind_template_child (widget_class, KenshoWindow, tree_box);
  gtk_widget_class_bind_template_child (widget_class, KenshoWindow, form_stack);

  _kensho_window_class_actions_init (widget_class);
}

/* Their version stays in the file; mine goes to a copy beside it. */
static void
on_keep_both (KenshoChangeBanner *banner, KenshoWindow *self)
{
  _kensho_window_save_as (self, TRUE);
}

static void
kensho_window_init (KenshoWindow *self)
{
  GtkDropTarget *file_drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  _kensho_window_init_opening (self);
  g_signal_connect (self->change_banner, "keep-both", G_CALLBACK (on_keep_both), self);
  /* Handlers that follow the document shown, and its current sheet. */
  self->document_signals = g_signal_group_new (KENSHO_TYPE_DOCUMENT);
  g_signal_group_connect (self->document_signals, "notify::unsaved", G_CALLBACK (on_document_unsaved), self);
  g_signal_group_connect (self->document_signals, "notify::path", G_CALLBACK (on_document_notify), self);
  g_signal_group_connect (self->document_signals, "notify::read-only", G_CALLBACK (on_document_read_only), self);
  g_signal_group_connect (self->document_signals, "notify::sheet", G_CALLBACK (on_document_sheet), self);
  self->sheet_signals = g_signal_group_new (KENSHO_TYPE_SHEET);
  g_signal_group_connect (self->sheet_signals, "changed", G_CALLBACK (on_sheet_changed), self);
  /* The development build looks it, beside the stable one. */
  if (g_str_equal (PROFILE, "development"))
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  self->tree = KENSHO_STRATEGY_TREE (kensho_strategy_tree_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->tree), TRUE);
  gtk_box_append (self->tree_box, GTK_WIDGET (self->tree));
  g_signal_connect (self->tree, "selection-changed", G_CALLBACK (on_tree_selection_changed), self);

  self->indicator_form = kensho_indicator_form_new ();
  self->node_form = kensho_node_form_new ();
  gtk_stack_add_named (self->form_stack, self->indicator_form, "indicator");
  gtk_stack_add_named (self->form_stack, self->node_form, "node");

  /* Ctrl+plus and Ctrl+minus zoom these (apply_zoom()). */
  self->zoom_css = gtk_css_provider_new ();
  gtk_style_context_add_provider_for_display (gtk_widget_get_display (GTK_WIDGET (self)),
                                              GTK_STYLE_PROVIDER (self->zoom_css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_widget_add_css_class (GTK_WIDGET (self->form_stack), "kensho-zoomable");
  gtk_widget_add_css_class (GTK_WIDGET (self->tree), "kensho-zoomable");

  self->checks_panel = kensho_checks_panel_new ();
  gtk_box_append (self->tree_box, self->checks_panel);
  g_signal_connect (self->checks_panel, "finding-activated", G_CALLBACK (on_finding_activated), self);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self));
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_filters_changed), self);
  g_signal_connect_swapped (self->division_filter, "notify::selected", G_CALLBACK (on_filters_changed), self);
  g_signal_connect_swapped (self->rating_filter, "notify::selected", G_CALLBACK (on_filters_changed), self);
  kensho_accessible_name_drop_down (self->division_filter, NULL, _("Responsible division"));
  kensho_accessible_name_drop_down (self->rating_filter, NULL, _("Progress rating"));
  g_signal_connect_swapped (self->year_dropdown, "notify::selected", G_CALLBACK (on_year_selected), self);
  kensho_accessible_name_drop_down (self->year_dropdown, NULL, _("Fiscal year shown and edited"));
  kensho_accessible_fix_mnemonic_buttons (GTK_WIDGET (self));

  file_drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (file_drop, "drop", G_CALLBACK (on_file_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (file_drop));

  show_sheet (self);
}

KenshoWindow *
kensho_window_new (KenshoApplication *app)
{
  KenshoWindow *self = g_object_new (KENSHO_TYPE_WINDOW, "application", app, NULL);

  attach_to_application (self);
  return self;
}

KenshoDocument *
kensho_window_get_document (KenshoWindow *self)
{
  return self->document;
}

KenshoSheet *
kensho_window_get_sheet (KenshoWindow *self)
{
  return self->document ? kensho_document_get_sheet (self->document) : NULL;
}

KenshoUndoStack *
kensho_window_get_undo_stack (KenshoWindow *self)
{
  return self->undo;
}

KenshoStrategyTree *
kensho_window_get_tree (KenshoWindow *self)
{
  return self->tree;
}

GtkWidget *
kensho_window_get_form (KenshoWindow *self)
{
  return gtk_stack_get_visible_child (self->form_stack);
}

gboolean
kensho_window_is_empty (KenshoWindow *self)
{
  return self->document == NULL;
}

void
kensho_window_add_toast (KenshoWindow *self, const char *text)
{
  g_return_if_fail (KENSHO_IS_WINDOW (self));

  show_toast (self, text);
}
