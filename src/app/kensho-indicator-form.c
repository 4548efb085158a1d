/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "kensho-achievement.h"
#include "kensho-checks.h"
#include "kensho-indicator-form.h"

struct _KenshoIndicatorForm
{
  AdwBin parent_instance;

  GtkLabel *name_label;
  GtkLabel *details_label;
  GtkTextView *commentary[3];
  GtkGrid *values_grid;
  GPtrArray *value_cells; /* series × column → GtkLabel, for jumping to a field */
  GtkLabel *achievement_label;
  GtkDropDown *rating;
  GtkLabel *rating_hint;
  GtkButton *use_suggestion;
  GtkTextView *reason;
  GtkLabel *reason_hint;
  GtkBox *findings_box;

  KenshoIndicator *indicator;
  KenshoUndoStack *undo;
  KenshoSheet *sheet;
  gulong changed_handler;
  gboolean updating;
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
fill_values (KenshoIndicatorForm *self)
{
  GtkWidget *child;
  guint n_series = kensho_indicator_get_n_series (self->indicator);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->values_grid))) != NULL)
    gtk_grid_remove (self->values_grid, child);
  g_ptr_array_set_size (self->value_cells, 0);
  for (KenshoColumn column = 0; column < KENSHO_N_COLUMNS; column++)
    {
      g_autofree char *title = kensho_sheet_dup_column_title (self->sheet, column);
      GtkWidget *heading = gtk_label_new (title);

      gtk_widget_add_css_class (heading, "caption-heading");
      gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
      gtk_grid_attach (self->values_grid, heading, (int) column + 1, 0, 1, 1);
    }
  for (guint s = 0; s < n_series; s++)
    {
      KenshoSeries *series = kensho_indicator_get_series (self->indicator, s);
      GtkWidget *name = gtk_label_new (kensho_series_get_name (series) ? kensho_series_get_name (series) : "");

      gtk_grid_attach (self->values_grid, name, 0, (int) s + 1, 1, 1);
      for (KenshoColumn column = 0; column < KENSHO_N_COLUMNS; column++)
        {
          g_autofree char *text = kensho_value_format (kensho_series_get_column (series, column, fiscal_year (self)));
          GtkWidget *cell = gtk_label_new (text);

          gtk_label_set_selectable (GTK_LABEL (cell), TRUE);
          gtk_label_set_wrap (GTK_LABEL (cell), TRUE);
          g_ptr_array_add (self->value_cells, cell);
          gtk_grid_attach (self->values_grid, cell, (int) column + 1, (int) s + 1, 1, 1);
        }
    }
}

/* "1,596.5件": the expected value to two decimals at most, grouped, in the
 * final target's unit. */
static char *
format_expected (double expected, KenshoSeries *series)
{
  const KenshoValue *final = kensho_series_get_final (series);
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *grouped = NULL;
  char *end;

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", expected);
  /* 1596.50 → 1596.5, 1600.00 → 1600 */
  end = buffer + strlen (buffer) - 1;
  while (end > buffer && *end == '0')
    *end-- = '\0';
  if (*end == '.')
    *end = '\0';
  grouped = kensho_number_format_grouped (buffer);
  return g_strdup_printf ("%s%s", grouped ? grouped : buffer,
                          final != NULL && final->unit != NULL ? final->unit : "");
}

/* One line per series: "男性: 97.8% of this year's target, 58.1% of the
 * way to the final target", or why there is no rate. */
static void
update_achievement (KenshoIndicatorForm *self)
{
  g_autoptr(GPtrArray) results = kensho_indicator_compute_achievement (self->indicator, self->sheet);
  GString *text = g_string_new (NULL);
  KenshoAchievementMethod method = kensho_sheet_get_achievement_method (self->sheet);

  for (guint i = 0; i < results->len; i++)
    {
      KenshoSeriesAchievement *result = g_ptr_array_index (results, i);
      g_autofree char *year = kensho_achievement_format_rate (&result->year);
      g_autofree char *final = kensho_achievement_format_rate (&result->final);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      if (result->series_name != NULL)
        g_string_append_printf (text, "%s: ", result->series_name);
      if (result->year.computable)
        g_string_append_printf (text, method == KENSHO_ACHIEVEMENT_EXPECTED
                                        ? _("%s of the value expected this year")
                                        : _("%s against this year’s target"), year);
      else
        g_string_append_printf (text, _("No rate this year: %s"), result->year.reason);
      if (!isnan (result->expected))
        {
          g_autofree char *expected = format_expected (result->expected,
                                                       kensho_indicator_get_series (self->indicator, i));

          /* TRANSLATORS: the value expected this year, "1,596.5件" */
          g_string_append_printf (text, _(" (expected %s)"), expected);
        }
      g_string_append (text, " · ");
      if (result->final.computable)
        g_string_append_printf (text, _("%s towards the final target"), final);
      else
        g_string_append_printf (text, _("none towards the final target: %s"), result->final.reason);
    }
  /* Plain text: series names are the user's. */
  gtk_label_set_text (self->achievement_label, text->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->achievement_label),
                               kensho_achievement_method_get_label (method));
  g_string_free (text, TRUE);
}

/* The rules' suggestion; the person's choice stays, but a disagreement is
 * pointed out. */
static void
update_rating_hint (KenshoIndicatorForm *self)
{
  KenshoRating *suggested = kensho_indicator_suggest_rating (self->indicator, self->sheet);
  KenshoRating *chosen = kensho_rating_scale_lookup (kensho_sheet_get_rating_scale (self->sheet),
                                                     kensho_indicator_get_rating_id (self->indicator,
                                                                                     fiscal_year (self)));
  g_autofree char *text = NULL;
  gboolean disagrees = FALSE;

  if (chosen != NULL && kensho_rating_get_rule (chosen) != KENSHO_RATING_RULE_NONE)
    {
      g_autoptr(GListStore) findings = kensho_indicator_run_checks (self->indicator, self->sheet);

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (findings)); i++)
        {
          g_autoptr(KenshoFinding) finding = g_list_model_get_item (G_LIST_MODEL (findings), i);

          disagrees |= kensho_finding_get_check (finding) == KENSHO_CHECK_RATING_DISAGREES;
        }
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
      g_object_set_data_full (G_OBJECT (self->use_suggestion), "rating-id",
                              g_strdup (kensho_rating_get_id (suggested)), g_free);
    }
  if (disagrees)
    gtk_widget_add_css_class (GTK_WIDGET (self->rating_hint), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->rating_hint), "warning");
}

static void
on_acknowledge_clicked (GtkButton *button, KenshoIndicatorForm *self)
{
  const char *check_id = g_object_get_data (G_OBJECT (button), "check");
  gboolean acknowledge = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "acknowledge"));

  kensho_undo_stack_begin_edit (self->undo, KENSHO_NODE (self->indicator),
                                acknowledge ? _("Acknowledge a check") : _("Withdraw an acknowledgement"),
                                NULL);
  kensho_indicator_set_acknowledged (self->indicator, check_id, acknowledge);
}

static void
add_finding_row (KenshoIndicatorForm *self, const char *text, const char *check_id,
                 gboolean acknowledge)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *button = gtk_button_new_with_label (acknowledge ? _("Acknowledge") : _("Withdraw"));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  if (!acknowledge)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, acknowledge
                                         ? _("This does not apply here: do not report it again")
                                         : _("Report this check again"));
  g_object_set_data_full (G_OBJECT (button), "check", g_strdup (check_id), g_free);
  g_object_set_data (G_OBJECT (button), "acknowledge", GINT_TO_POINTER (acknowledge));
  g_signal_connect (button, "clicked", G_CALLBACK (on_acknowledge_clicked), self);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), button);
  gtk_box_append (self->findings_box, row);
}

/* This indicator's findings, each with a way to acknowledge it, and the
 * checks acknowledged before, with a way to withdraw. */
static void
update_findings (KenshoIndicatorForm *self)
{
  g_autoptr(GListStore) findings = kensho_indicator_run_checks (self->indicator, self->sheet);
  const char * const *acknowledged = kensho_indicator_get_acknowledgements (self->indicator);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (findings));
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->findings_box))) != NULL)
    gtk_box_remove (self->findings_box, child);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(KenshoFinding) finding = g_list_model_get_item (G_LIST_MODEL (findings), i);

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

static void
load (KenshoIndicatorForm *self)
{
  KenshoRatingScale *scale = kensho_sheet_get_rating_scale (self->sheet);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *rating_id = kensho_indicator_get_rating_id (self->indicator, fiscal_year (self));
  guint selected = 0;
  g_autofree char *details = NULL;

  self->updating = TRUE;
  gtk_label_set_text (self->name_label, kensho_indicator_get_name (self->indicator));
  details = g_strdup_printf ("%s · %s",
                             kensho_indicator_get_indicator_kind (self->indicator) == KENSHO_INDICATOR_TARGET
                               ? _("Numerical target") : _("KPI"),
                             kensho_indicator_get_division (self->indicator) ? kensho_indicator_get_division (self->indicator) : "");
  gtk_label_set_text (self->details_label, details);
  for (KenshoCommentaryPart part = 0; part <= KENSHO_COMMENTARY_NEXT_STEPS; part++)
    set_text_if_different (self->commentary[part],
                           kensho_indicator_get_commentary (self->indicator, fiscal_year (self), part));
  fill_values (self);
  gtk_string_list_append (labels, _("Not rated"));
  for (guint i = 0; i < kensho_rating_scale_get_n_ratings (scale); i++)
    {
      KenshoRating *rating = kensho_rating_scale_get_rating (scale, i);

      gtk_string_list_append (labels, kensho_rating_get_label (rating));
      if (g_strcmp0 (kensho_rating_get_id (rating), rating_id) == 0)
        selected = i + 1;
    }
  gtk_drop_down_set_model (self->rating, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->rating, selected);
  set_text_if_different (self->reason, kensho_indicator_get_delay_reason (self->indicator, fiscal_year (self)));
  update_reason_hint (self);
  update_achievement (self);
  update_rating_hint (self);
  update_findings (self);
  self->updating = FALSE;
}

static void
on_commentary_changed (GtkTextBuffer *buffer, KenshoIndicatorForm *self)
{
  KenshoCommentaryPart part = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (buffer), "part"));
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;

  if (self->updating || self->indicator == NULL)
    return;
  key = g_strdup_printf ("commentary-%d:%d", part, fiscal_year (self));
  text = text_of (self->commentary[part]);
  kensho_undo_stack_begin_edit (self->undo, KENSHO_NODE (self->indicator), _("Edit commentary"), key);
  kensho_indicator_set_commentary (self->indicator, fiscal_year (self), part, text);
}

static void
on_reason_changed (GtkTextBuffer *buffer, KenshoIndicatorForm *self)
{
  g_autofree char *key = NULL;
  g_autofree char *text = NULL;

  if (self->updating || self->indicator == NULL)
    return;
  key = g_strdup_printf ("reason:%d", fiscal_year (self));
  text = text_of (self->reason);
  kensho_undo_stack_begin_edit (self->undo, KENSHO_NODE (self->indicator), _("Edit reason for delay"), key);
  kensho_indicator_set_delay_reason (self->indicator, fiscal_year (self), text);
  update_reason_hint (self);
  update_findings (self);
}

static void
on_rating_selected (GtkDropDown *dropdown, GParamSpec *pspec, KenshoIndicatorForm *self)
{
  guint selected = gtk_drop_down_get_selected (dropdown);
  KenshoRatingScale *scale;
  const char *id = NULL;

  if (self->updating || self->indicator == NULL)
    return;
  scale = kensho_sheet_get_rating_scale (self->sheet);
  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION && selected <= kensho_rating_scale_get_n_ratings (scale))
    id = kensho_rating_get_id (kensho_rating_scale_get_rating (scale, selected - 1));
  if (g_strcmp0 (id, kensho_indicator_get_rating_id (self->indicator, fiscal_year (self))) == 0)
    return;
  kensho_undo_stack_begin_edit (self->undo, KENSHO_NODE (self->indicator), _("Change rating"), NULL);
  kensho_indicator_set_rating_id (self->indicator, fiscal_year (self), id);
  update_reason_hint (self);
  update_rating_hint (self);
  update_findings (self);
}

static void
on_use_suggestion_clicked (GtkButton *button, KenshoIndicatorForm *self)
{
  const char *id = g_object_get_data (G_OBJECT (button), "rating-id");

  if (self->indicator == NULL || id == NULL)
    return;
  kensho_undo_stack_begin_edit (self->undo, KENSHO_NODE (self->indicator), _("Change rating"), NULL);
  kensho_indicator_set_rating_id (self->indicator, fiscal_year (self), id);
}

/* Undo, redo and other views change the indicator too: show it. */
static void
on_sheet_changed (KenshoSheet *sheet, int change, GObject *object, KenshoIndicatorForm *self)
{
  if (!self->updating && self->indicator != NULL &&
      (object == G_OBJECT (self->indicator) || change == KENSHO_CHANGE_SHEET))
    load (self);
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

static GtkTextView *
text_area (GtkBox *box, const char *title)
{
  GtkWidget *label = section (box, title);
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *view = gtk_text_view_new ();

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_widget_set_size_request (view, -1, 72);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  gtk_box_append (box, frame);
  return GTK_TEXT_VIEW (view);
}

static void
kensho_indicator_form_dispose (GObject *object)
{
  KenshoIndicatorForm *self = KENSHO_INDICATOR_FORM (object);

  kensho_indicator_form_set_indicator (self, NULL, NULL);
  G_OBJECT_CLASS (kensho_indicator_form_parent_class)->dispose (object);
}

static void
kensho_indicator_form_finalize (GObject *object)
{
  KenshoIndicatorForm *self = KENSHO_INDICATOR_FORM (object);

  g_ptr_array_unref (self->value_cells);
  G_OBJECT_CLASS (kensho_indicator_form_parent_class)->finalize (object);
}

static void
kensho_indicator_form_class_init (KenshoIndicatorFormClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = kensho_indicator_form_dispose;
  G_OBJECT_CLASS (klass)->finalize = kensho_indicator_form_finalize;
}

static void
kensho_indicator_form_init (KenshoIndicatorForm *self)
{
  static const char *const parts[] = { N_("① Activities"), N_("② Issues"), N_("③ Next steps") };
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkBox *box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  GtkWidget *label;

  gtk_widget_set_margin_start (GTK_WIDGET (box), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (box), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (box), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (box), 18);
  self->name_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->name_label, TRUE);
  gtk_label_set_xalign (self->name_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->name_label), "title-2");
  gtk_box_append (box, GTK_WIDGET (self->name_label));
  self->details_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->details_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->details_label), "dim-label");
  gtk_box_append (box, GTK_WIDGET (self->details_label));

  for (KenshoCommentaryPart part = 0; part <= KENSHO_COMMENTARY_NEXT_STEPS; part++)
    {
      GtkTextBuffer *buffer;

      self->commentary[part] = text_area (box, _(parts[part]));
      buffer = gtk_text_view_get_buffer (self->commentary[part]);
      g_object_set_data (G_OBJECT (buffer), "part", GINT_TO_POINTER (part));
      g_signal_connect (buffer, "changed", G_CALLBACK (on_commentary_changed), self);
    }

  section (box, _("Values"));
  self->values_grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->values_grid, 12);
  gtk_grid_set_row_spacing (self->values_grid, 6);
  gtk_box_append (box, GTK_WIDGET (self->values_grid));
  self->value_cells = g_ptr_array_new ();

  label = section (box, _("Achievement"));
  self->achievement_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->achievement_label, TRUE);
  gtk_label_set_xalign (self->achievement_label, 0);
  gtk_label_set_selectable (self->achievement_label, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->achievement_label),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_box_append (box, GTK_WIDGET (self->achievement_label));

  label = section (box, _("Progress"));
  self->rating = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_halign (GTK_WIDGET (self->rating), GTK_ALIGN_START);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->rating), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  g_signal_connect (self->rating, "notify::selected", G_CALLBACK (on_rating_selected), self);
  gtk_box_append (box, GTK_WIDGET (self->rating));
  {
    GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

    self->rating_hint = GTK_LABEL (gtk_label_new (NULL));
    gtk_label_set_xalign (self->rating_hint, 0);
    gtk_label_set_wrap (self->rating_hint, TRUE);
    gtk_widget_set_hexpand (GTK_WIDGET (self->rating_hint), TRUE);
    self->use_suggestion = GTK_BUTTON (gtk_button_new ());
    gtk_widget_set_valign (GTK_WIDGET (self->use_suggestion), GTK_ALIGN_CENTER);
    gtk_widget_set_visible (GTK_WIDGET (self->use_suggestion), FALSE);
    g_signal_connect (self->use_suggestion, "clicked", G_CALLBACK (on_use_suggestion_clicked), self);
    gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->rating_hint));
    gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->use_suggestion));
    gtk_box_append (box, row);
  }

  self->reason = text_area (box, _("Reason for delay"));
  g_signal_connect (gtk_text_view_get_buffer (self->reason), "changed", G_CALLBACK (on_reason_changed), self);
  self->reason_hint = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->reason_hint, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->reason_hint), "warning");
  gtk_box_append (box, GTK_WIDGET (self->reason_hint));

  section (box, _("Checks"));
  self->findings_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_box_append (box, GTK_WIDGET (self->findings_box));

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (box));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  adw_bin_set_child (ADW_BIN (self), scrolled);
}

GtkWidget *
kensho_indicator_form_new (void)
{
  return g_object_new (KENSHO_TYPE_INDICATOR_FORM, NULL);
}

void
kensho_indicator_form_set_indicator (KenshoIndicatorForm *self, KenshoIndicator *indicator,
                                     KenshoUndoStack *undo)
{
  g_return_if_fail (KENSHO_IS_INDICATOR_FORM (self));

  if (self->sheet != NULL)
    g_clear_signal_handler (&self->changed_handler, self->sheet);
  g_clear_object (&self->sheet);
  g_set_object (&self->indicator, indicator);
  g_set_object (&self->undo, undo);
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
    case KENSHO_FIELD_BASELINE:
    case KENSHO_FIELD_PREVIOUS_ACTUAL:
    case KENSHO_FIELD_ACTUAL:
    case KENSHO_FIELD_TARGET:
    case KENSHO_FIELD_FINAL_TARGET:
      {
        guint index = series * KENSHO_N_COLUMNS + (guint) (field - KENSHO_FIELD_BASELINE);

        if (index < self->value_cells->len)
          target = g_ptr_array_index (self->value_cells, index);
      }
      break;
    case KENSHO_FIELD_NAME:
    case KENSHO_FIELD_UNIT:
    case KENSHO_FIELD_DIVISION:
    default:
      /* Edited in the tree; the heading shows them. */
      target = GTK_WIDGET (self->name_label);
      gtk_label_set_selectable (self->name_label, TRUE);
      break;
    }
  return target != NULL && gtk_widget_grab_focus (target);
}
