/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "kensho-accessible.h"
#include "kensho-achievement.h"
#include "kensho-checks.h"
#include "kensho-era.h"
#include "kensho-form-columns.h"
#include "kensho-editable.h"
#include "kensho-indicator-form.h"
#include "kensho-tsv.h"
#include "kensho-value.h"
#include "kensho-values-editor.h"

struct _KenshoIndicatorForm
{
  AdwBin parent_instance;

  GtkEntry *name_entry;
  GtkWidget *kind_label;
  GtkDropDown *kind_dropdown;
  GtkWidget *direction_label;
  GtkDropDown *direction_dropdown;
  GtkWidget *rating_label;
  GtkEntry *division_entry;
  GtkMenuButton *division_button;
  GtkListBox *division_list;
  GtkLabel *division_hint;
  GtkEntry *unit_entry;
  GtkBox *commentary_box;
  KenshoValuesEditor *values_editor;
  GtkTextView *commentary[3];
  GtkWidget *commentary_heading[3];
  GtkLabel *achievement_label;
  GtkDropDown *rating;
  GHashTable *rating_rows; /* a row's box in the rating's list → its GtkListItem */
  GtkLabel *rating_hint;
  GtkBox *findings_box;
  GtkBox *reason_box;
  GtkBox *rating_hint_box;
  GtkButton *use_suggestion;
  char *suggested_rating_id; /* what use_suggestion rates */
  GtkTextView *reason;
  GtkLabel *reason_hint;
  GtkTextView *committee[2]; /* by KenshoCommitteePart */
  KenshoLastYear *last_year[4]; /* ①②③, the reason */
  KenshoHistoryView *history;

  KenshoIndicator *indicator;
  gboolean editable;
  KenshoSheet *sheet;
  gulong changed_handler;
  gboolean updating;
  /* Spreadsheet cells pasted into a commentary box, not yet filled in */
  char **pasted_cells;
  KenshoCommentaryPart pasted_part;
  int pasted_offset;
  guint paste_source;
};

G_DEFINE_FINAL_TYPE (KenshoIndicatorForm, kensho_indicator_form, ADW_TYPE_BIN)

static int
fiscal_year (KenshoIndicatorForm *self)
{
  return kensho_sheet_get_fiscal_year (self->sheet);
}

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_text_if_different (GtkTextView *view, const char *text)
{
  g_autofree char *current = text_of (view);

  if (g_strcmp0 (current, text ? text : "") != 0)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

/* A field holds no more than a sheet file does (kensho-types.h): what
 * would make it longer is not inserted, and the field says why. Pasted
 * into ① and saved, 100,001 characters made a file Kensho could not open. */
static gboolean
refuse_too_long (KenshoIndicatorForm *self, gsize current, const char *text, int length, gsize limit,
                 char **message)
{
  gsize inserted;
  g_autofree char *total = NULL;
  g_autofree char *allowed = NULL;

  if (self->updating || current + (gsize) length <= limit)
    return FALSE;
  inserted = (gsize) g_utf8_strlen (text, length);
  if (current + inserted <= limit)
    return FALSE;
  total = kensho_format_count (current + inserted);
  allowed = kensho_format_count (limit);
  *message = g_strdup_printf (_("Not inserted: this field holds at most %s characters, as a sheet file "
                                "does, and it would have %s."), allowed, total);
  return TRUE;
}

/* A text area's length limit: the form, and the label under the area that
 * says why a paste was refused. */
typedef struct
{
  KenshoIndicatorForm *self;
  GtkLabel *label;
} TextLimit;

static void
on_text_view_insert (GtkTextBuffer *buffer, GtkTextIter *location, const char *text, int length,
                     TextLimit *limit)
{
  KenshoIndicatorForm *self = limit->self;
  GtkLabel *label = limit->label;
  g_autofree char *message = NULL;

  if (kensho_editable_is_restoring (buffer))
    return;
  if (refuse_too_long (self, (gsize) gtk_text_buffer_get_char_count (buffer), text, length,
                       KENSHO_LONG_TEXT_MAX, &message))
    {
      g_signal_stop_emission_by_name (buffer, "insert-text");
      /* A paste over a selection has deleted it: it stays. */
      kensho_text_buffer_restore_deletion (buffer, location);
    }
  gtk_label_set_text (label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (label), message != NULL);
}

static void
on_entry_insert (GtkEditable *delegate, const char *text, int length, int *position,
                 KenshoIndicatorForm *self)
{
  GtkEntry *entry = GTK_ENTRY (gtk_widget_get_ancestor (GTK_WIDGET (delegate), GTK_TYPE_ENTRY));
  g_autofree char *message = NULL;

  if (kensho_editable_is_restoring (delegate))
    return;
  if (refuse_too_long (self, (gsize) g_utf8_strlen (gtk_editable_get_text (delegate), -1), text, length,
                       KENSHO_SHORT_TEXT_MAX, &message))
    {
      g_signal_stop_emission_by_name (delegate, "insert-text");
      kensho_editable_restore_deletion (delegate, position);
    }
  gtk_entry_set_icon_from_icon_name (entry, GTK_ENTRY_ICON_SECONDARY,
                                     message ? "dialog-warning-symbolic" : NULL);
  gtk_entry_set_icon_tooltip_text (entry, GTK_ENTRY_ICON_SECONDARY, message);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  message ? message : "", -1);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
}

static void
update_reason_hint (KenshoIndicatorForm *self)
{
  const char *rating_id = kensho_indicator_get_rating_id (self->indicator, fiscal_year (self));
  KenshoRating *rating = rating_id ? kensho_rating_scale_lookup (kensho_sheet_get_rating_scale (self->sheet), rating_id) : NULL;
  const char *reason = kensho_indicator_get_delay_reason (self->indicator, fiscal_year (self));

  if (rating != NULL && kensho_rating_get_delayed (rating) && reason == NULL)
    gtk_label_set_text (self->reason_hint, _("A reason is required when the indicator is delayed."));
  else if (reason != NULL && (rating == NULL || !kensho_rating_get_delayed (rating)))
    gtk_label_set_text (self->reason_hint, _("The indicator is not rated as delayed."));
  else
    gtk_label_set_text (self->reason_hint, "");
  gtk_widget_set_visible (GTK_WIDGET (self->reason_hint), *gtk_label_get_text (self->reason_hint) != '\0');
}

static void
set_entry_if_different (GtkEntry *entry, const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text ? text : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

/* A division not in the sheet's list is allowed (a new one), but pointed
 * out: it is usually a typo of one that is. */
static void
update_division_hint (KenshoIndicatorForm *self)
{
  const char *division = kensho_indicator_get_division (self->indicator);
  gboolean unknown = division != NULL && kensho_sheet_get_divisions (self->sheet) != NULL &&
                     *kensho_sheet_get_divisions (self->sheet) != NULL &&
                     !kensho_sheet_has_division (self->sheet, division);

  if (unknown)
    {
      g_autofree char *text = g_strdup_printf (_("“%s” is not one of the sheet’s divisions (Sheet Properties lists them)."),
                                               division);
      gtk_label_set_text (self->division_hint, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->division_hint), unknown);
}

static void
on_division_row_activated (GtkListBox *list, GtkListBoxRow *row, KenshoIndicatorForm *self)
{
  GtkWidget *label = gtk_list_box_row_get_child (row);

  gtk_editable_set_text (GTK_EDITABLE (self->division_entry), gtk_label_get_text (GTK_LABEL (label)));
  gtk_menu_button_popdown (self->division_button);
  gtk_widget_grab_focus (GTK_WIDGET (self->division_entry));
}

static void
fill_division_list (KenshoIndicatorForm *self)
{
  const char * const *divisions = kensho_sheet_get_divisions (self->sheet);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->division_list))) != NULL)
    gtk_list_box_remove (self->division_list, child);
  for (guint i = 0; divisions != NULL && divisions[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (divisions[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 6);
      gtk_widget_set_margin_end (label, 6);
      gtk_widget_set_margin_top (label, 3);
      gtk_widget_set_margin_bottom (label, 3);
      gtk_list_box_append (self->division_list, label);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->division_button), divisions != NULL && divisions[0] != NULL);
}

/* One line per series: "男性: 97.8% against this year's target · 58.1%
 * towards the final target", or why there is no rate. */
static void
update_achievement (KenshoIndicatorForm *self)
{
  g_autofree char *text = kensho_indicator_format_achievement (self->indicator, self->sheet, " · ");

  /* Plain text: series names are the user's. */
  gtk_label_set_text (self->achievement_label, text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->achievement_label),
                               kensho_achievement_method_get_label (kensho_sheet_get_achievement_method (self->sheet)));
}

/* The rules' suggestion; the person's choice stays, but a disagreement is
 * pointed out. */
static void
update_rating_hint (KenshoIndicatorForm *self, GListModel *findings)
{
  KenshoRating *suggested = kensho_indicator_suggest_rating (self->indicator, self->sheet);
  KenshoRating *chosen = kensho_rating_scale_lookup (kensho_sheet_get_rating_scale (self->sheet),
                                                     kensho_indicator_get_rating_id (self->indicator,
                                                                                     fiscal_year (self)));
  g_autofree char *text = NULL;
  gboolean disagrees = FALSE;

  if (chosen != NULL && kensho_rating_get_rule (chosen) != KENSHO_RATING_RULE_NONE)
    for (guint i = 0; i < g_list_model_get_n_items (findings); i++)
      {
        g_autoptr(KenshoFinding) finding = g_list_model_get_item (findings, i);

        disagrees |= kensho_finding_get_check (finding) == KENSHO_CHECK_RATING_DISAGREES;
      }
  if (suggested != NULL)
    text = g_strdup_printf (disagrees ? _("The rules suggest “%s”; the rating chosen disagrees.")
                                      : _("The rules suggest “%s”."),
                            kensho_rating_get_label (suggested));
  gtk_label_set_text (self->rating_hint, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->rating_hint), text != NULL);
  /* One click takes the suggestion; nothing is changed without one. */
  gtk_widget_set_visible (GTK_WIDGET (self->use_suggestion), suggested != NULL && suggested != chosen);
  if (suggested != NULL)
    {
      g_autofree char *label = g_strdup_printf (_("Rate “%s”"), kensho_rating_get_label (suggested));

      gtk_button_set_label (self->use_suggestion, label);
      g_free (self->suggested_rating_id);
      self->suggested_rating_id = g_strdup (kensho_rating_get_id (suggested));
    }
  if (disagrees)
    gtk_widget_add_css_class (GTK_WIDGET (self->rating_hint), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->rating_hint), "warning");
}

/* What a finding's button does: acknowledge the check, or withdraw that. */
typedef struct
{
  KenshoIndicatorForm *self;
  char *check_id;
  gboolean acknowledge;
} Acknowledgement;

static void
acknowledgement_free (gpointer data, GClosure *closure)
{
  Acknowledgement *acknowledgement = data;

  g_free (acknowledgement->check_id);
  g_free (acknowledgement);
}

static void
on_acknowledge_clicked (GtkButton *button, Acknowledgement *acknowledgement)
{
  kensho_indicator_set_acknowledged (acknowledgement->self->indicator, acknowledgement->check_id,
                                     acknowledgement->acknowledge);
}

static void
add_finding_row (KenshoIndicatorForm *self, const char *text, const char *check_id,
                 gboolean acknowledge)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *button = gtk_button_new_with_label (acknowledge ? _("Acknowledge") : _("Withdraw"));
  Acknowledgement *acknowledgement = g_new (Acknowledgement, 1);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  if (!acknowledge)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, acknowledge
                                         ? _("This does not apply here: do not report it again")
                                         : _("Report this check again"));
  acknowledgement->self = self;
  acknowledgement->check_id = g_strdup (check_id);
  acknowledgement->acknowledge = acknowledge;
  g_signal_connect_data (button, "clicked", G_CALLBACK (on_acknowledge_clicked), acknowledgement,
                         acknowledgement_free, 0);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), button);
  gtk_box_append (self->findings_box, row);
}

/* This indicator's findings, each with a way to acknowledge it, and the
 * checks acknowledged before, with a way to withdraw. */
static void
update_findings (KenshoIndicatorForm *self, GListModel *findings)
{
  const char * const *acknowledged = kensho_indicator_get_acknowledgements (self->indicator);
  guint n = g_list_model_get_n_items (findings);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_box))) != NULL)
    gtk_box_remove (self->findings_box, child);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KenshoFinding) finding = g_list_model_get_item (findings, i);

      add_finding_row (self, kensho_finding_get_message (finding),
                       kensho_finding_get_check_id (finding), TRUE);
    }
  for (guint i = 0; acknowledged[i]; i++)
    {
      KenshoCheck check;
      g_autofree char *text = NULL;

      if (!kensho_check_from_string (acknowledged[i], &check))
        continue;
      /* TRANSLATORS: %s is the title of a check, "Final target behind the baseline" */
      text = g_strdup_printf (_("Acknowledged: %s"), kensho_check_get_title (check));
      add_finding_row (self, text, acknowledged[i], FALSE);
    }
  if (n == 0 && acknowledged[0] == NULL)
    {
      GtkWidget *none = gtk_label_new (_("Nothing to report."));

      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_widget_add_css_class (none, "dim-label");
      gtk_box_append (self->findings_box, none);
    }
}

/* The ①②③ headings name the fiscal year being edited, which the header
 * bar switches: "①令和5年度の主な取組・事業実施状況". */
static void
update_commentary_headings (KenshoIndicatorForm *self)
{
  g_autofree char *year = kensho_era_format (fiscal_year (self), KENSHO_PERIOD_FISCAL_YEAR, 0);
  /* TRANSLATORS: %s is the fiscal year being edited, such as 令和5年度 */
  g_autofree char *activities = g_strdup_printf (_("① Activities in %s"), year);
  /* TRANSLATORS: %s is the fiscal year being edited, such as 令和5年度 */
  g_autofree char *issues = g_strdup_printf (_("② Issues in %s"), year);
  /* TRANSLATORS: %s is the fiscal year being edited, such as 令和5年度 */
  g_autofree char *next_steps = g_strdup_printf (_("③ Next steps after %s"), year);
  const char *titles[] = { activities, issues, next_steps };

  for (KenshoCommentaryPart part = 0; part <= KENSHO_COMMENTARY_NEXT_STEPS; part++)
    {
      const char *title = titles[part];

      if (g_strcmp0 (gtk_label_get_text (GTK_LABEL (self->commentary_heading[part])), title) == 0)
        continue;
      gtk_label_set_text (GTK_LABEL (self->commentary_heading[part]), title);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->commentary[part]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
    }
}

static gboolean
same_strings (GListModel *a, GListModel *b)
{
  guint n = a ? g_list_model_get_n_items (a) : 0;

  if (n != g_list_model_get_n_items (b))
    return FALSE;
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (a), i),
                   gtk_string_list_get_string (GTK_STRING_LIST (b), i)) != 0)
      return FALSE;
  return TRUE;
}

/* What the form works out from the indicator: hints, achievement, checks. */
static void
refresh_findings (KenshoIndicatorForm *self)
{
  g_autoptr(GListStore) findings = NULL;

  update_reason_hint (self);
  update_achievement (self);
  /* The indicator's checks run once for the hint and the list. */
  findings = kensho_indicator_run_checks (self->indicator, self->sheet);
  update_rating_hint (self, G_LIST_MODEL (findings));
  update_findings (self, G_LIST_MODEL (findings));
}

static void
load (KenshoIndicatorForm *self)
{
  KenshoRatingScale *scale = kensho_sheet_get_rating_scale (self->sheet);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *rating_id = kensho_indicator_get_rating_id (self->indicator, fiscal_year (self));
  guint selected = 0;

  self->updating = TRUE;
  set_entry_if_different (self->name_entry, kensho_indicator_get_name (self->indicator));
  gtk_drop_down_set_selected (self->kind_dropdown, kensho_indicator_get_indicator_kind (self->indicator));
  gtk_drop_down_set_selected (self->direction_dropdown, kensho_indicator_get_direction (self->indicator));
  set_entry_if_different (self->division_entry, kensho_indicator_get_division (self->indicator));
  set_entry_if_different (self->unit_entry, kensho_indicator_get_unit (self->indicator));
  fill_division_list (self);
  update_division_hint (self);
  update_commentary_headings (self);
  for (KenshoCommentaryPart part = 0; part <= KENSHO_COMMENTARY_NEXT_STEPS; part++)
    set_text_if_different (self->commentary[part],
                           kensho_indicator_get_commentary (self->indicator, fiscal_year (self), part));
  kensho_values_editor_set_indicator (self->values_editor, self->indicator, self->editable);
  gtk_string_list_append (labels, _("Not rated"));
  for (guint i = 0; i < kensho_rating_scale_get_n_ratings (scale); i++)
    {
      KenshoRating *rating = kensho_rating_scale_get_rating (scale, i);

      gtk_string_list_append (labels, kensho_rating_get_label (rating));
      if (g_strcmp0 (kensho_rating_get_id (rating), rating_id) == 0)
        selected = i + 1;
    }
  /* A new model only for a changed scale: this runs when the drop-down's
   * own choice changes the rating, and its selection must outlive that. */
  if (!same_strings (gtk_drop_down_get_model (self->rating), G_LIST_MODEL (labels)))
    gtk_drop_down_set_model (self->rating, G_LIST_MODEL (labels));
  if (gtk_drop_down_get_selected (self->rating) != selected)
    gtk_drop_down_set_selected (self->rating, selected);
  set_text_if_different (self->reason, kensho_indicator_get_delay_reason (self->indicator, fiscal_year (self)));
  for (guint i = 0; i < G_N_ELEMENTS (self->last_year); i++)
    {
      kensho_last_year_set_text (self->last_year[i], fiscal_year (self) - 1,
                                 i < 3 ? kensho_indicator_get_commentary (self->indicator, fiscal_year (self) - 1, i)
                                       : kensho_indicator_get_delay_reason (self->indicator, fiscal_year (self) - 1));
      gtk_widget_set_sensitive (GTK_WIDGET (kensho_last_year_get_button (self->last_year[i])), self->editable);
    }
  for (KenshoCommitteePart part = 0; part <= KENSHO_COMMITTEE_RESPONSE; part++)
    set_text_if_different (self->committee[part],
                           kensho_indicator_get_committee (self->indicator, fiscal_year (self), part));
  refresh_findings (self);
  /* A sheet opened read-only is only looked at. */
  kensho_editable_set_all (GTK_WIDGET (self), self->editable);
  self->updating = FALSE;
}

static char *
stripped_text (GtkEntry *entry)
{
  char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

/* The one-line text fields of an indicator. */
typedef struct
{
  const char *key;
  const char *(*get) (KenshoIndicator *indicator);
  void (*set) (KenshoIndicator *indicator, const char *text);
} TextField;

static void
set_name_or_empty (KenshoIndicator *indicator, const char *text)
{
  kensho_indicator_set_name (indicator, text ? text : "");
}

static const TextField text_fields[] = {
  { "name", kensho_indicator_get_name, set_name_or_empty },
  { "division", kensho_indicator_get_division, kensho_indicator_set_division },
  { "unit", kensho_indicator_get_unit, kensho_indicator_set_unit },
};

static void
on_text_field_changed (GtkEditable *editable, KenshoIndicatorForm *self)
{
  const TextField *field = &text_fields[0];
  g_autofree char *text = NULL;

  /* Which of the form's own fields this is. */
  while (field < text_fields + G_N_ELEMENTS (text_fields) - 1 &&
         kensho_indicator_form_get_field (self, field->key) != editable)
    field++;
  if (self->updating || self->indicator == NULL || !self->editable)
    return;
  text = stripped_text (GTK_ENTRY (editable));
  if (g_strcmp0 (text, field->get (self->indicator)) == 0)
    return;
  /* Typing a name changes only what is checked: the whole form is not
   * loaded again at every key. */
  if (g_str_equal (field->key, "name"))
    {
      self->updating = TRUE;
      field->set (self->indicator, text);
      self->updating = FALSE;
      refresh_findings (self);
      return;
    }
  field->set (self->indicator, text);
  update_division_hint (self);
}

static void
on_kind_selected (GtkDropDown *dropdown, GParamSpec *pspec, KenshoIndicatorForm *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating || self->indicator == NULL || selected > KENSHO_INDICATOR_TARGET ||
      selected == kensho_indicator_get_indicator_kind (self->indicator))
    return;
  kensho_indicator_set_indicator_kind (self->indicator, selected);
}

static void
on_direction_selected (GtkDropDown *dropdown, GParamSpec *pspec, KenshoIndicatorForm *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (self->updating || self->indicator == NULL || selected > KENSHO_DIRECTION_LEVEL ||
      selected == kensho_indicator_get_direction (self->indicator))
    return;
  kensho_indicator_set_direction (self->indicator, selected);
}

/* Which of ①②③ @buffer holds. */
static KenshoCommentaryPart
commentary_part_of (KenshoIndicatorForm *self, GtkTextBuffer *buffer)
{
  KenshoCommentaryPart part = KENSHO_COMMENTARY_ACTIVITIES;

  while (part < KENSHO_COMMENTARY_NEXT_STEPS && gtk_text_view_get_buffer (self->commentary[part]) != buffer)
    part++;
  return part;
}

static void
on_commentary_changed (GtkTextBuffer *buffer, KenshoIndicatorForm *self)
{
  KenshoCommentaryPart part = commentary_part_of (self, buffer);
  g_autofree char *text = NULL;

  if (self->updating || self->indicator == NULL || !self->editable)
    return;
  text = text_of (self->commentary[part]);
  /* Nothing else in the form follows from the commentary: it is not loaded
   * again at every key. */
  self->updating = TRUE;
  kensho_indicator_set_commentary (self->indicator, fiscal_year (self), part, text);
  self->updating = FALSE;
}

/* A spreadsheet row pasted into ① fills ①②③ as it filled three cells
 * there: the first where it was pasted, the next replacing ② and ③.
 * Cells beyond ③ go to the end of ③: nothing pasted is lost. One undo step. */
static gboolean
fill_pasted (gpointer user_data)
{
  KenshoIndicatorForm *self = user_data;
  g_auto(GStrv) cells = g_steal_pointer (&self->pasted_cells);
  KenshoCommentaryPart part = self->pasted_part;
  guint n_boxes = KENSHO_COMMENTARY_NEXT_STEPS - part + 1;
  g_autofree char *current = NULL;
  const char *split;

  self->paste_source = 0;
  if (self->indicator == NULL || cells == NULL || cells[0] == NULL)
    return G_SOURCE_REMOVE;
  /* More cells than boxes left: the last box takes the rest, a line each. */
  if (g_strv_length (cells) > n_boxes)
    {
      char *rest = g_strjoinv ("\n", cells + n_boxes - 1);

      g_free (cells[n_boxes - 1]);
      cells[n_boxes - 1] = rest;
      g_clear_pointer (&cells[n_boxes], g_free);
      for (guint i = n_boxes + 1; cells[i] != NULL; i++)
        g_clear_pointer (&cells[i], g_free);
    }
  current = text_of (self->commentary[part]);
  split = g_utf8_offset_to_pointer (current, self->pasted_offset);
  kensho_sheet_begin_group (self->sheet, _("Paste commentary"));
  for (guint i = 0; cells[i] != NULL; i++, part++)
    {
      /* The first where it was pasted, the others in place of ② and ③. */
      g_autofree char *text = i > 0 ? g_strdup (cells[i])
                                    : g_strdup_printf ("%.*s%s%s", (int) (split - current), current, cells[0], split);

      kensho_indicator_set_commentary (self->indicator, fiscal_year (self), part, text);
    }
  kensho_sheet_end_group (self->sheet);
  return G_SOURCE_REMOVE;
}

static void
on_commentary_insert_text (GtkTextBuffer *buffer, GtkTextIter *location, const char *text, int length,
                           KenshoIndicatorForm *self)
{
  g_autofree char *pasted = g_strndup (text, length < 0 ? strlen (text) : (gsize) length);
  g_autoptr(GPtrArray) rows = NULL;
  gboolean row = kensho_tsv_is_spreadsheet (pasted), column = kensho_tsv_is_column (pasted);

  /* A tab alone is typed (Ctrl+Tab), not pasted. */
  if (self->updating || self->indicator == NULL || kensho_editable_is_restoring (buffer) ||
      g_str_equal (pasted, "\t") || (!row && !column && strchr (pasted, '\r') == NULL))
    return;
  /* Filled once the paste is over: the buffer is still inserting. */
  g_signal_stop_emission_by_name (buffer, "insert-text");
  g_clear_pointer (&self->pasted_cells, g_strfreev);
  if (row || column)
    {
      rows = kensho_tsv_parse (pasted);
      if (rows->len == 0)
        return;
    }
  if (row)
    self->pasted_cells = g_strdupv (g_ptr_array_index (rows, 0));
  else if (column)
    {
      /* A column of cells: one a box, as a row of them. */
      GStrvBuilder *cells = g_strv_builder_new ();

      for (guint i = 0; i < rows->len; i++)
        g_strv_builder_add (cells, ((char **) g_ptr_array_index (rows, i))[0]);
      self->pasted_cells = g_strv_builder_end (cells);
      g_strv_builder_unref (cells);
    }
  else
    {
      /* Line breaks from Windows (CR LF, CR) as the sheet keeps them: LF. */
      g_autoptr(GRegex) breaks = g_regex_new ("\r\n?", 0, 0, NULL);
      char *cells[] = { g_regex_replace_literal (breaks, pasted, -1, 0, "\n", 0, NULL), NULL };

      self->pasted_cells = g_strdupv (cells);
      g_free (cells[0]);
    }
  self->pasted_part = commentary_part_of (self, buffer);
  self->pasted_offset = gtk_text_iter_get_offset (location);
  if (self->paste_source == 0)
    self->paste_source = g_idle_add_full (G_PRIORITY_HIGH, fill_pasted, self, NULL);
}

static void
on_reason_changed (GtkTextBuffer *buffer, KenshoIndicatorForm *self)
{
  g_autofree char *text = NULL;

  if (self->updating || self->indicator == NULL || !self->editable)
    return;
  text = text_of (self->reason);
  /* The change reaches on_sheet_changed, which refreshes hints and checks. */
  kensho_indicator_set_delay_reason (self->indicator, fiscal_year (self), text);
}

/* Last year's text as this year's start, one step of undo. */
static void
on_use_last_year (KenshoLastYear *last_year, KenshoIndicatorForm *self)
{
  guint i = 0;
  const char *text = kensho_last_year_get_text (last_year);

  if (self->indicator == NULL || !self->editable)
    return;
  while (i < 3 && self->last_year[i] != last_year)
    i++;
  if (i < 3)
    kensho_indicator_set_commentary (self->indicator, fiscal_year (self), i, text);
  else
    kensho_indicator_set_delay_reason (self->indicator, fiscal_year (self), text);
  gtk_widget_grab_focus (GTK_WIDGET (i < 3 ? self->commentary[i] : self->reason));
}

static void
on_committee_changed (GtkTextBuffer *buffer, KenshoIndicatorForm *self)
{
  KenshoCommitteePart part = KENSHO_COMMITTEE_OPINION;
  g_autofree char *text = NULL;

  if (self->updating || self->indicator == NULL || !self->editable)
    return;
  while (part < KENSHO_COMMITTEE_RESPONSE && gtk_text_view_get_buffer (self->committee[part]) != buffer)
    part++;
  text = text_of (self->committee[part]);
  kensho_indicator_set_committee (self->indicator, fiscal_year (self), part, text);
}

static void
on_rating_selected (GtkDropDown *dropdown, GParamSpec *pspec, KenshoIndicatorForm *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  KenshoRatingScale *scale;
  const char *id = NULL;

  if (self->updating || self->indicator == NULL || !self->editable)
    return;
  scale = kensho_sheet_get_rating_scale (self->sheet);
  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION && selected <= kensho_rating_scale_get_n_ratings (scale))
    id = kensho_rating_get_id (kensho_rating_scale_get_rating (scale, selected - 1));
  if (g_strcmp0 (id, kensho_indicator_get_rating_id (self->indicator, fiscal_year (self))) == 0)
    return;
  /* The change reaches on_sheet_changed, which refreshes hints and checks. */
  kensho_indicator_set_rating_id (self->indicator, fiscal_year (self), id);
}

static void
on_use_suggestion_clicked (GtkButton *button, KenshoIndicatorForm *self)
{
  const char *id = self->suggested_rating_id;

  if (self->indicator == NULL || id == NULL)
    return;
  kensho_indicator_set_rating_id (self->indicator, fiscal_year (self), id);
}

/* Undo, redo and other views change the indicator too: show it. */
static void
on_sheet_changed (KenshoSheet *sheet, int change, GObject *object, KenshoIndicatorForm *self)
{
  if (!self->updating && self->indicator != NULL &&
      (object == G_OBJECT (self->indicator) || change == KENSHO_CHANGE_SHEET ||
       (KENSHO_IS_SERIES (object) && self->indicator != NULL)))
    load (self);
}

/* The rating list: the form keeps each row's list item, to know its position. */
static void
on_rating_row_selected (GtkListItem *item, GParamSpec *pspec, GtkWidget *check)
{
  gtk_widget_set_opacity (check, gtk_list_item_get_selected (item) ? 1 : 0);
}

static void
setup_rating_row (GtkSignalListItemFactory *factory, GtkListItem *item, KenshoIndicatorForm *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  g_hash_table_replace (self->rating_rows, box, item);
  g_signal_connect_object (item, "notify::selected", G_CALLBACK (on_rating_row_selected), check, 0);
  gtk_list_item_set_child (item, box);
}

static void
teardown_rating_row (GtkSignalListItemFactory *factory, GtkListItem *item, KenshoIndicatorForm *self)
{
  g_hash_table_remove (self->rating_rows, gtk_list_item_get_child (item));
}

static void
bind_rating_row (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer data)
{
  GtkWidget *box = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)),
                      gtk_string_object_get_string (gtk_list_item_get_item (item)));
  on_rating_row_selected (item, NULL, gtk_widget_get_last_child (box));
}

static GtkListItem *
row_item (KenshoIndicatorForm *self, GtkWidget *row)
{
  GtkWidget *child = gtk_widget_get_first_child (row);

  return child ? g_hash_table_lookup (self->rating_rows, child) : NULL;
}

/* The row at @position. (The rows are not in the list's order among its
 * children.) */
static GtkWidget *
find_rating_row (KenshoIndicatorForm *self, GtkWidget *list, guint position)
{
  for (GtkWidget *row = gtk_widget_get_first_child (list); row; row = gtk_widget_get_next_sibling (row))
    if (row_item (self, row) != NULL && gtk_list_item_get_position (row_item (self, row)) == position)
      return row;
  return NULL;
}

/* The list's selected row (the current rating, or the one stepped to),
 * when the list has made it. */
static GtkWidget *
selected_rating_row (KenshoIndicatorForm *self, GtkWidget *list)
{
  GtkSelectionModel *choice = gtk_list_view_get_model (GTK_LIST_VIEW (list));

  if (!GTK_IS_SINGLE_SELECTION (choice))
    return NULL;
  return find_rating_row (self, list, gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (choice)));
}

/* The list makes its rows when it is laid out, and GTK then gives the
 * keyboard to its first one: until the selected row has the keyboard at
 * a frame, it is given it again. */
static gboolean
keep_rating_focus (GtkWidget *list, GdkFrameClock *clock, gpointer data)
{
  GtkSelectionModel *choice = gtk_list_view_get_model (GTK_LIST_VIEW (list));
  GtkWidget *row = selected_rating_row (data, list);
  GtkWidget *focus;

  /* Closed, or nothing to focus. */
  if (!gtk_widget_get_mapped (list) || !GTK_IS_SINGLE_SELECTION (choice) ||
      gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (choice)) == GTK_INVALID_LIST_POSITION)
    return G_SOURCE_REMOVE;
  if (row == NULL)
    return G_SOURCE_CONTINUE;
  focus = gtk_root_get_focus (gtk_widget_get_root (list));
  if (focus == row || (focus != NULL && gtk_widget_is_ancestor (focus, row)))
    return G_SOURCE_REMOVE;
  gtk_widget_grab_focus (row);
  return G_SOURCE_CONTINUE;
}

/* GTK 4.8 opens a drop-down's list with the keyboard on its first row, so
 * that Up and Enter on a delayed indicator chose "Not rated": the keyboard
 * starts on the current rating instead. */
static GtkWidget *find_list_view (GtkWidget *widget);

static void
on_rating_popup_enter (GtkEventControllerFocus *controller, KenshoIndicatorForm *self)
{
  GtkWidget *popover = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *list = find_list_view (popover);
  guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (gtk_widget_get_parent (popover)));
  GtkSelectionModel *choice = gtk_list_view_get_model (GTK_LIST_VIEW (list));
  GtkWidget *row;

  /* A row stepped to before Escape is not the choice (Enter takes the
   * list's selected row). */
  if (GTK_IS_SINGLE_SELECTION (choice))
    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (choice), selected);
  row = selected_rating_row (self, list);
  if (row != NULL)
    gtk_widget_grab_focus (row);
  gtk_widget_add_tick_callback (list, keep_rating_focus, self, NULL);
}

/* Its list moves the keyboard from where it last put it (the first row),
 * not from the row focused: Up and Down step from the focused row. */
static gboolean
step_rating_focus (GtkWidget *list, GVariant *args, gpointer data)
{
  GtkWidget *row = gtk_root_get_focus (gtk_widget_get_root (list));
  GtkWidget *next;
  guint position;

  /* The focus is on a row, or inside one. */
  while (row != NULL && gtk_widget_get_parent (row) != list)
    row = gtk_widget_get_parent (row);
  if (row == NULL || row_item (data, row) == NULL)
    return FALSE;
  position = gtk_list_item_get_position (row_item (data, row)) + g_variant_get_int32 (args);
  next = find_rating_row (data, list, position);
  if (next != NULL)
    {
      /* Selected too, as the list's own keys do: Enter takes that row. */
      gtk_widget_activate_action (next, "list.select-item", "(ubb)", position, FALSE, FALSE);
      gtk_widget_grab_focus (next);
    }
  return TRUE;
}

static void
add_step_key (KenshoIndicatorForm *self, GtkShortcutController *controller, guint keyval, int step)
{
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (keyval, 0),
                                            gtk_callback_action_new (step_rating_focus, self, NULL));

  gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (step));
  gtk_shortcut_controller_add_shortcut (controller, shortcut);
}

static GtkWidget *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *list = find_list_view (child);

      if (list != NULL)
        return list;
    }
  return NULL;
}

static void
focus_current_rating_on_popup (KenshoIndicatorForm *self, GtkDropDown *dropdown)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_rating_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_rating_row), NULL);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_rating_row), self);
  gtk_drop_down_set_list_factory (dropdown, factory);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (dropdown)); child;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_POPOVER (child))
      {
        GtkEventController *focus = gtk_event_controller_focus_new ();
        GtkWidget *list = find_list_view (child);
        GtkEventController *keys = gtk_shortcut_controller_new ();

        g_return_if_fail (list != NULL);
        g_signal_connect (focus, "enter", G_CALLBACK (on_rating_popup_enter), self);
        gtk_widget_add_controller (child, focus);
        gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
        add_step_key (self, GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Up, -1);
        add_step_key (self, GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_KP_Up, -1);
        add_step_key (self, GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_Down, 1);
        add_step_key (self, GTK_SHORTCUT_CONTROLLER (keys), GDK_KEY_KP_Down, 1);
        gtk_widget_add_controller (list, keys);
      }
}

static GtkWidget *
section (GtkBox *box, const char *title)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_box_append (box, label);
  return label;
}

/* Ctrl+Tab: the tab character Tab no longer types. */
static gboolean
insert_tab (GtkWidget *view, GVariant *args, gpointer user_data)
{
  gtk_text_buffer_insert_interactive_at_cursor (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "\t", 1,
                                                gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  return TRUE;
}

/* Many cities limit the length of these texts: the count is in view. Line
 * breaks do not count, as in the limits. */
static void
update_count (GtkTextBuffer *buffer, GtkLabel *count)
{
  guint n = (guint) (gtk_text_buffer_get_char_count (buffer) - (gtk_text_buffer_get_line_count (buffer) - 1));
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u character", "%u characters", n), n);

  gtk_label_set_text (count, text);
}

/* A paste is a step of its own, apart from the typing before it: an empty
 * group ends that typing's step. */
static void
on_paste (KenshoIndicatorForm *self)
{
  if (self->sheet != NULL && self->editable)
    {
      kensho_sheet_begin_group (self->sheet, NULL);
      kensho_sheet_end_group (self->sheet);
    }
}

static GtkTextView *
text_area (KenshoIndicatorForm *self, GtkBox *box, const char *title, GtkWidget **heading)
{
  GtkWidget *label = section (box, title);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *count;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 72);
  /* Tab goes on to the next field, as in a spreadsheet or a web form: a tab
   * typed by habit would be saved into the sheet unseen. Ctrl+Tab, which
   * GtkTextView binds to moving on, types one. */
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Tab, GDK_CONTROL_MASK),
                                                            gtk_callback_action_new (insert_tab, NULL, NULL)));
    gtk_widget_add_controller (view, keys);
  }
  /* Ctrl+Z goes to the window's one history: a history of the buffer's own
   * would undo apart from it, and back and forth with it. */
  gtk_text_buffer_set_enable_undo (buffer, FALSE);
  kensho_editable_keep_deletions (G_OBJECT (buffer));
  g_signal_connect_swapped (view, "paste-clipboard", G_CALLBACK (on_paste), self);
  g_signal_connect_swapped (buffer, "paste-done", G_CALLBACK (on_paste), self);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  /* GTK 4.8 does not pass the relation on to AT-SPI for text views. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (box, frame);
  {
    GtkWidget *message = gtk_label_new (NULL);

    gtk_label_set_wrap (GTK_LABEL (message), TRUE);
    gtk_label_set_xalign (GTK_LABEL (message), 0);
    gtk_widget_add_css_class (message, "error");
    gtk_widget_set_visible (message, FALSE);
    gtk_box_append (box, message);
    TextLimit *limit = g_new (TextLimit, 1);

    limit->self = self;
    limit->label = GTK_LABEL (message);
    /* Before any other insert-text handler: a refused paste is not spread over ①②③. */
    g_signal_connect_data (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "insert-text",
                           G_CALLBACK (on_text_view_insert), limit, (GClosureNotify) (void (*) (void)) g_free, 0);
  }
  count = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (count), 1);
  gtk_widget_add_css_class (count, "caption");
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed", G_CALLBACK (update_count),
                           count, 0);
  update_count (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), GTK_LABEL (count));
  gtk_box_append (box, count);
  if (heading != NULL)
    *heading = label;
  return GTK_TEXT_VIEW (view);
}

static void
add_last_year (KenshoIndicatorForm *self, GtkBox *box, guint part)
{
  self->last_year[part] = KENSHO_LAST_YEAR (kensho_last_year_new ());
  g_signal_connect (self->last_year[part], "use", G_CALLBACK (on_use_last_year), self);
  gtk_box_append (box, GTK_WIDGET (self->last_year[part]));
}

static void
kensho_indicator_form_dispose (GObject *object)
{
  KenshoIndicatorForm *self = KENSHO_INDICATOR_FORM (object);

  kensho_indicator_form_set_indicator (self, NULL, FALSE);
  g_clear_pointer (&self->suggested_rating_id, g_free);
  G_OBJECT_CLASS (kensho_indicator_form_parent_class)->dispose (object);
}

static void
kensho_indicator_form_finalize (GObject *object)
{
  KenshoIndicatorForm *self = KENSHO_INDICATOR_FORM (object);

  g_hash_table_unref (self->rating_rows);
  G_OBJECT_CLASS (kensho_indicator_form_parent_class)->finalize (object);
}

static void
kensho_indicator_form_class_init (KenshoIndicatorFormClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = kensho_indicator_form_dispose;
  G_OBJECT_CLASS (klass)->finalize = kensho_indicator_form_finalize;
  g_type_ensure (KENSHO_TYPE_VALUES_EDITOR);
  g_type_ensure (KENSHO_TYPE_FORM_COLUMNS);
  gtk_widget_class_set_template_from_resource (widget_class, "/jp/kensho/Kensho/kensho-indicator-form.ui");
  gtk_widget_class_bind_template_child (widget_class, KenshoIndicatorForm, name_entry);
  gtk_widget_class_bind_template_child (widget_class, KenshoIndicatorForm, kind_label);
  gtk_widget_class_bind_template_child (widget_class, KenshoIndicatorForm, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KenshoIndicatorForm, direction_label);
  gtk_widget_class_bind_template_child (widget_class, KenshoIndicatorForm, rating_label);
  gtk_widget_class_bind_template_child (widget_class, KenshoIndicatorForm, direction_dropdown);
  gtk_widget_class_bind_template_child (widget_class, KenshoIndicatorForm, division_entry);
  gtk_widget_class_bind_template_child (widget_class, KenshoIndicatorForm, division_button);
  gtk_widget_class_bind_template_child (widget_class, KenshoIndicatorForm, division_list);
  gtk_widget_class_bind_template_child (widget_class, KenshoIndicatorForm, division_hint);
  gtk_widget_class_bind_template_child (widget_class, KenshoIndicatorForm, unit_entry);
  gtk_widget_class_bind_template_child (widget_class, KenshoIndicatorForm, commentary_box);
  gtk_widget_class_bind_template_child (widget_class, KenshoIndicatorForm, values_editor);
  gtk_widget_class_bind_template_child (widget_class, KenshoIndicatorForm, rating);
  gtk_widget_class_bind_template_child (widget_class, KenshoIndicatorForm, achievement_label);
  gtk_widget_class_bind_template_child (widget_class, KenshoIndicatorForm, rating_hint);
  gtk_widget_class_bind_template_child (widget_class, KenshoIndicatorForm, rating_hint_box);
  gtk_widget_class_bind_template_child (widget_class, KenshoIndicatorForm, findings_box);
  gtk_widget_class_bind_template_child (widget_class, KenshoIndicatorForm, reason_box);
  gtk_widget_class_bind_template_child (widget_class, KenshoIndicatorForm, reason_hint);
}

static void
kensho_indicator_form_init (KenshoIndicatorForm *self)
{
  static const char *const parts[] = { N_("① Activities"), N_("② Issues"), N_("③ Next steps") };

  gtk_widget_init_template (GTK_WIDGET (self));
  for (guint i = 0; i < G_N_ELEMENTS (text_fields); i++)
    {
      GtkEditable *entry = kensho_indicator_form_get_field (self, text_fields[i].key);

      gtk_editable_set_enable_undo (entry, FALSE);
      g_signal_connect (entry, "changed", G_CALLBACK (on_text_field_changed), self);
      g_signal_connect (gtk_editable_get_delegate (entry), "insert-text", G_CALLBACK (on_entry_insert), self);
      kensho_editable_keep_deletions (G_OBJECT (gtk_editable_get_delegate (entry)));
    }
  g_signal_connect (self->kind_dropdown, "notify::selected", G_CALLBACK (on_kind_selected), self);
  g_signal_connect (self->direction_dropdown, "notify::selected", G_CALLBACK (on_direction_selected), self);
  g_signal_connect (self->division_list, "row-activated", G_CALLBACK (on_division_row_activated), self);
  kensho_accessible_name_drop_down (self->kind_dropdown, self->kind_label, NULL);
  kensho_accessible_name_drop_down (self->direction_dropdown, self->direction_label, NULL);
  kensho_accessible_name_drop_down (self->rating, self->rating_label, NULL);

  for (KenshoCommentaryPart part = 0; part <= KENSHO_COMMENTARY_NEXT_STEPS; part++)
    {
      GtkTextBuffer *buffer;

      /* With the year from update_commentary_headings() on. */
      self->commentary[part] = text_area (self, self->commentary_box, _(parts[part]), &self->commentary_heading[part]);
      buffer = gtk_text_view_get_buffer (self->commentary[part]);
      g_signal_connect (buffer, "changed", G_CALLBACK (on_commentary_changed), self);
      g_signal_connect (buffer, "insert-text", G_CALLBACK (on_commentary_insert_text), self);
      add_last_year (self, self->commentary_box, part);
    }

  {
    GtkWidget *expander = gtk_expander_new (_("History of the Indicator"));

    /* Collapsed, at the end: the form stays short and its Tab order as it
     * was; the years' values are entered here. */
    gtk_widget_set_margin_top (expander, 12);
    /* GTK 4.8 does not name an expander after its label for screen readers. */
    gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("History of the Indicator"), -1);
    self->history = KENSHO_HISTORY_VIEW (kensho_history_view_new ());
    gtk_expander_set_child (GTK_EXPANDER (expander), GTK_WIDGET (self->history));
    gtk_box_append (GTK_BOX (gtk_widget_get_parent (GTK_WIDGET (self->findings_box))), expander);
  }

  g_signal_connect (self->rating, "notify::selected", G_CALLBACK (on_rating_selected), self);
  self->rating_rows = g_hash_table_new (NULL, NULL);
  focus_current_rating_on_popup (self, self->rating);
  self->use_suggestion = GTK_BUTTON (gtk_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->use_suggestion), GTK_ALIGN_CENTER);
  gtk_widget_set_visible (GTK_WIDGET (self->use_suggestion), FALSE);
  g_signal_connect (self->use_suggestion, "clicked", G_CALLBACK (on_use_suggestion_clicked), self);
  gtk_box_append (self->rating_hint_box, GTK_WIDGET (self->use_suggestion));

  self->reason = text_area (self, self->reason_box, _("Reason for delay"), NULL);
  add_last_year (self, self->reason_box, 3);
  /* Optional: where a committee reviews the sheet (外部評価). */
  for (KenshoCommitteePart part = 0; part <= KENSHO_COMMITTEE_RESPONSE; part++)
    {
      static const char *const titles[] = { N_("Committee opinion"), N_("Response") };
      GtkTextBuffer *buffer;

      self->committee[part] = text_area (self, self->reason_box, _(titles[part]), NULL);
      buffer = gtk_text_view_get_buffer (self->committee[part]);
      g_signal_connect (buffer, "changed", G_CALLBACK (on_committee_changed), self);
    }
  kensho_editable_route_undo (GTK_WIDGET (self));
  kensho_accessible_fix_mnemonic_buttons (GTK_WIDGET (self));
  g_signal_connect (gtk_text_view_get_buffer (self->reason), "changed", G_CALLBACK (on_reason_changed), self);
}

GtkWidget *
kensho_indicator_form_new (void)
{
  return g_object_new (KENSHO_TYPE_INDICATOR_FORM, NULL);
}

void
kensho_indicator_form_set_indicator (KenshoIndicatorForm *self, KenshoIndicator *indicator,
                                     gboolean editable)
{
  g_return_if_fail (KENSHO_IS_INDICATOR_FORM (self));

  g_clear_handle_id (&self->paste_source, g_source_remove);
  g_clear_pointer (&self->pasted_cells, g_strfreev);
  if (self->sheet != NULL)
    g_clear_signal_handler (&self->changed_handler, self->sheet);
  g_clear_object (&self->sheet);
  g_set_object (&self->indicator, indicator);
  self->editable = editable;
  kensho_history_view_set_indicator (self->history, indicator, editable);
  if (indicator == NULL || kensho_node_get_sheet (KENSHO_NODE (indicator)) == NULL)
    return;
  self->sheet = g_object_ref (kensho_node_get_sheet (KENSHO_NODE (indicator)));
  self->changed_handler = g_signal_connect (self->sheet, "changed", G_CALLBACK (on_sheet_changed), self);
  load (self);
}

KenshoIndicator *
kensho_indicator_form_get_indicator (KenshoIndicatorForm *self)
{
  g_return_val_if_fail (KENSHO_IS_INDICATOR_FORM (self), NULL);
  return self->indicator;
}

GtkWidget *
kensho_indicator_form_get_values_editor (KenshoIndicatorForm *self)
{
  g_return_val_if_fail (KENSHO_IS_INDICATOR_FORM (self), NULL);
  return GTK_WIDGET (self->values_editor);
}

KenshoHistoryView *
kensho_indicator_form_get_history (KenshoIndicatorForm *self)
{
  g_return_val_if_fail (KENSHO_IS_INDICATOR_FORM (self), NULL);
  return self->history;
}

/* 0–2: ①②③, 3: the reason for delay. */
KenshoLastYear *
kensho_indicator_form_get_last_year (KenshoIndicatorForm *self, guint part)
{
  g_return_val_if_fail (KENSHO_IS_INDICATOR_FORM (self), NULL);
  g_return_val_if_fail (part < G_N_ELEMENTS (self->last_year), NULL);
  return self->last_year[part];
}

GtkTextView *
kensho_indicator_form_get_committee (KenshoIndicatorForm *self, KenshoCommitteePart part)
{
  g_return_val_if_fail (KENSHO_IS_INDICATOR_FORM (self), NULL);
  g_return_val_if_fail (part <= KENSHO_COMMITTEE_RESPONSE, NULL);
  return self->committee[part];
}

/* The one-line fields by name ("name", "division", "unit"), for tests and
 * for jumping to a field from elsewhere. */
GtkEditable *
kensho_indicator_form_get_field (KenshoIndicatorForm *self, const char *name)
{
  g_return_val_if_fail (KENSHO_IS_INDICATOR_FORM (self), NULL);

  if (g_str_equal (name, "name"))
    return GTK_EDITABLE (self->name_entry);
  if (g_str_equal (name, "division"))
    return GTK_EDITABLE (self->division_entry);
  if (g_str_equal (name, "unit"))
    return GTK_EDITABLE (self->unit_entry);
  g_return_val_if_reached (NULL);
}

/* Moves the keyboard focus to the field a finding is about. */
gboolean
kensho_indicator_form_focus_field (KenshoIndicatorForm *self, KenshoField field, guint series)
{
  GtkWidget *target = NULL;

  g_return_val_if_fail (KENSHO_IS_INDICATOR_FORM (self), FALSE);

  if (self->indicator == NULL)
    return FALSE;
  switch (field)
    {
    case KENSHO_FIELD_RATING: target = GTK_WIDGET (self->rating); break;
    case KENSHO_FIELD_DELAY_REASON: target = GTK_WIDGET (self->reason); break;
    case KENSHO_FIELD_ACTIVITIES:
    case KENSHO_FIELD_ISSUES:
    case KENSHO_FIELD_NEXT_STEPS: target = GTK_WIDGET (self->commentary[field - KENSHO_FIELD_ACTIVITIES]); break;
    case KENSHO_FIELD_NAME: target = GTK_WIDGET (self->name_entry); break;
    case KENSHO_FIELD_UNIT: target = GTK_WIDGET (self->unit_entry); break;
    case KENSHO_FIELD_DIVISION: target = GTK_WIDGET (self->division_entry); break;
    case KENSHO_FIELD_BASELINE:
    case KENSHO_FIELD_PREVIOUS_ACTUAL:
    case KENSHO_FIELD_ACTUAL:
    case KENSHO_FIELD_TARGET:
    case KENSHO_FIELD_FINAL_TARGET:
      if (series < kensho_indicator_get_n_series (self->indicator))
        target = GTK_WIDGET (kensho_values_editor_get_cell (self->values_editor, series,
                                                            (KenshoColumn) (field - KENSHO_FIELD_BASELINE)));
      break;
    default:
      break;
    }
  return target != NULL && gtk_widget_grab_focus (target);
}
