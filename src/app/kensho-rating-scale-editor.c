/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "kensho-achievement.h"
#include "kensho-rating-scale-editor.h"

struct _KenshoRatingScaleEditor
{
  AdwPreferencesPage parent_instance;

  AdwComboRow *method_row;
  AdwComboRow *preset_row;
  GtkButton *apply_button;
  AdwPreferencesGroup *ratings_group;
  GtkButton *add_button;

  KenshoSheet *sheet;
  KenshoRatingScale *shown_scale; /* the scale the rows were built for */
  GPtrArray *rows; /* of RatingRow */
  gulong changed_handler;
  gboolean updating;
};

G_DEFINE_FINAL_TYPE (KenshoRatingScaleEditor, kensho_rating_scale_editor, ADW_TYPE_PREFERENCES_PAGE)

static void rebuild (KenshoRatingScaleEditor *self);

/* A rating's row and its widgets; each handler of its widgets holds a
 * reference, and so does the editor's list of rows. */
typedef struct
{
  KenshoRatingScaleEditor *self;
  KenshoRating *rating;
  GtkDropDown *kind;
  GtkSpinButton *min;
  GtkCheckButton *min_open;
  GtkSpinButton *max;
  GtkCheckButton *max_open;
  AdwExpanderRow *row;
} RatingRow;

static void
rating_row_clear (gpointer data)
{
  RatingRow *r = data;

  g_object_unref (r->rating);
}

static void
rating_row_release (gpointer data)
{
  g_rc_box_release_full (data, rating_row_clear);
}

static void
rating_row_release_closure (gpointer data, GClosure *closure)
{
  rating_row_release (data);
}

/* Connects @callback on @instance with @r as its data. */
static void
connect_row (gpointer instance, const char *signal, GCallback callback, RatingRow *r)
{
  g_signal_connect_data (instance, signal, callback, g_rc_box_acquire (r), rating_row_release_closure, 0);
}

static void
on_label_changed (GtkEditable *editable, RatingRow *r)
{
  KenshoRatingScaleEditor *self = r->self;
  KenshoRating *rating = r->rating;
  const char *text = gtk_editable_get_text (editable);

  if (self->updating || *text == '\0')
    return;
  self->updating = TRUE;
  kensho_rating_set_label (rating, text);
  self->updating = FALSE;
}

static void
on_delayed_toggled (GtkSwitch *toggle, GParamSpec *pspec, RatingRow *r)
{
  KenshoRatingScaleEditor *self = r->self;
  KenshoRating *rating = r->rating;

  if (self->updating)
    return;
  self->updating = TRUE;
  kensho_rating_set_delayed (rating, gtk_switch_get_active (toggle));
  self->updating = FALSE;
}

static void
update_rule_subtitle (KenshoRating *rating, AdwExpanderRow *row)
{
  g_autofree char *rule = kensho_rating_format_rule (rating);
  g_autofree char *subtitle = NULL;

  if (rule != NULL && kensho_rating_get_delayed (rating))
    /* TRANSLATORS: a rating's summary: its rule, and that it is a delay */
    subtitle = g_strdup_printf (_("%s · a delay"), rule);
  else if (rule != NULL)
    subtitle = g_strdup (rule);
  else if (kensho_rating_get_delayed (rating))
    subtitle = g_strdup (_("No rule · a delay"));
  else
    subtitle = g_strdup (_("No rule"));
  adw_expander_row_set_subtitle (row, subtitle);
}

static void
sync_rule_widgets (KenshoRating *rating, RatingRow *w)
{
  KenshoRatingRule rule = kensho_rating_get_rule (rating);
  double min = kensho_rating_get_rule_min (rating), max = kensho_rating_get_rule_max (rating);

  gtk_drop_down_set_selected (w->kind, rule);
  gtk_check_button_set_active (w->min_open, isnan (min));
  gtk_check_button_set_active (w->max_open, isnan (max));
  if (!isnan (min))
    gtk_spin_button_set_value (w->min, min);
  if (!isnan (max))
    gtk_spin_button_set_value (w->max, max);
  gtk_widget_set_sensitive (GTK_WIDGET (w->min), rule == KENSHO_RATING_RULE_BAND && !isnan (min));
  gtk_widget_set_sensitive (GTK_WIDGET (w->max), rule == KENSHO_RATING_RULE_BAND && !isnan (max));
  gtk_widget_set_sensitive (GTK_WIDGET (w->min_open), rule == KENSHO_RATING_RULE_BAND);
  gtk_widget_set_sensitive (GTK_WIDGET (w->max_open), rule == KENSHO_RATING_RULE_BAND);
  update_rule_subtitle (rating, w->row);
}

/* Any of the rule's widgets changed: read them all back into the rule.
 * A band whose bounds cross is not applied until they make sense. */
static void
on_rule_changed (GtkWidget *widget, GParamSpec *pspec, RatingRow *w)
{
  KenshoRatingScaleEditor *self = w->self;
  KenshoRating *rating = w->rating;
  KenshoRatingRule rule = gtk_drop_down_get_selected (w->kind);
  double min = gtk_check_button_get_active (w->min_open) ? NAN : gtk_spin_button_get_value (w->min);
  double max = gtk_check_button_get_active (w->max_open) ? NAN : gtk_spin_button_get_value (w->max);

  if (self->updating || rule > KENSHO_RATING_RULE_NOT_COMPUTABLE)
    return;
  /* Crossed bounds are left as typed, unapplied, until they make sense. */
  if (rule == KENSHO_RATING_RULE_BAND && !isnan (min) && !isnan (max) && min >= max)
    {
      gtk_widget_set_sensitive (GTK_WIDGET (w->min), !isnan (min));
      gtk_widget_set_sensitive (GTK_WIDGET (w->max), !isnan (max));
      return;
    }
  self->updating = TRUE;
  kensho_rating_set_rule (rating, rule, min, max);
  sync_rule_widgets (rating, w);
  self->updating = FALSE;
}

static void
on_remove_clicked (GtkButton *button, RatingRow *r)
{
  KenshoRating *rating = r->rating;
  KenshoRatingScale *scale = kensho_sheet_get_rating_scale (r->self->sheet);
  guint n = kensho_rating_scale_get_n_ratings (scale);

  for (guint i = 0; i < n; i++)
    if (kensho_rating_scale_get_rating (scale, i) == rating)
      {
        kensho_rating_scale_remove (scale, i);
        return;
      }
}

static void
move_rating (RatingRow *r, int delta)
{
  KenshoRating *rating = r->rating;
  KenshoRatingScale *scale = kensho_sheet_get_rating_scale (r->self->sheet);
  guint n = kensho_rating_scale_get_n_ratings (scale);

  for (guint i = 0; i < n; i++)
    if (kensho_rating_scale_get_rating (scale, i) == rating)
      {
        if ((delta < 0 && i == 0) || (delta > 0 && i + 1 >= n))
          return;
        kensho_rating_scale_move (scale, i, (guint) ((int) i + delta));
        return;
      }
}

static void
on_move_up_clicked (GtkButton *button, RatingRow *r)
{
  move_rating (r, -1);
}

static void
on_move_down_clicked (GtkButton *button, RatingRow *r)
{
  move_rating (r, +1);
}

static GtkWidget *
move_button (RatingRow *r, int delta, gboolean possible)
{
  GtkWidget *button = gtk_button_new_from_icon_name (delta < 0 ? "go-up-symbolic" : "go-down-symbolic");
  const char *label = delta < 0 ? _("Move up (better)") : _("Move down (worse)");

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_sensitive (button, possible);
  connect_row (button, "clicked", delta < 0 ? G_CALLBACK (on_move_up_clicked) : G_CALLBACK (on_move_down_clicked), r);
  return button;
}

static void
on_add_clicked (GtkButton *button, KenshoRatingScaleEditor *self)
{
  KenshoRatingScale *scale = kensho_sheet_get_rating_scale (self->sheet);
  g_autoptr(KenshoRating) rating = NULL;
  g_autofree char *id = NULL;

  for (guint i = kensho_rating_scale_get_n_ratings (scale) + 1; id == NULL; i++)
    {
      g_autofree char *candidate = g_strdup_printf ("rating-%u", i);

      if (kensho_rating_scale_lookup (scale, candidate) == NULL)
        id = g_steal_pointer (&candidate);
    }
  rating = kensho_rating_new (id, _("New rating"), "#757575", FALSE);
  kensho_rating_scale_append (scale, rating, NULL);
}

static GtkWidget *
spin_with_open (const char *open_label, const char *accessible, double initial,
                GtkCheckButton **open, GtkSpinButton **spin)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (-1000, 1000, 1));
  gtk_spin_button_set_digits (*spin, 1);
  /* What an open bound offers once it is closed. */
  gtk_spin_button_set_value (*spin, initial);
  gtk_widget_set_valign (GTK_WIDGET (*spin), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (*spin), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  *open = GTK_CHECK_BUTTON (gtk_check_button_new_with_label (open_label));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*spin));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (*open));
  return box;
}

static GtkWidget *
action_row (const char *title, GtkWidget *suffix)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), suffix);
  return row;
}

static RatingRow *
build_rating_row (KenshoRatingScaleEditor *self, KenshoRating *rating, guint position, guint n)
{
  static const char *const kinds[] = { N_("No rule"), N_("Achievement band"), N_("When not computable"), NULL };
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *label_row = adw_entry_row_new ();
  GtkWidget *delayed = gtk_switch_new ();
  GtkWidget *remove = gtk_button_new_with_label (_("Remove"));
  RatingRow *w = g_rc_box_new0 (RatingRow);
  g_autoptr(GtkStringList) kind_model = gtk_string_list_new (NULL);
  GtkWidget *min_box, *max_box;

  for (guint i = 0; kinds[i]; i++)
    gtk_string_list_append (kind_model, _(kinds[i]));
  /* Plain text titles: the labels are the user's. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), kensho_rating_get_label (rating));
  w->self = self;
  w->rating = g_object_ref (rating);
  w->row = ADW_EXPANDER_ROW (row);
  /* Best first: the first rating whose rule holds is the one suggested. */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), move_button (w, -1, position > 0));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), move_button (w, +1, position + 1 < n));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (label_row), _("Label"));
  gtk_editable_set_text (GTK_EDITABLE (label_row), kensho_rating_get_label (rating));
  connect_row (label_row, "changed", G_CALLBACK (on_label_changed), w);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), label_row);

  gtk_switch_set_active (GTK_SWITCH (delayed), kensho_rating_get_delayed (rating));
  gtk_accessible_update_property (GTK_ACCESSIBLE (delayed), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("A delay: needs a reason"), -1);
  connect_row (delayed, "notify::active", G_CALLBACK (on_delayed_toggled), w);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), action_row (_("A delay: needs a reason"), delayed));

  w->kind = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_steal_pointer (&kind_model)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (w->kind), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Rule"), -1);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), action_row (_("Rule"), GTK_WIDGET (w->kind)));
  min_box = spin_with_open (_("No lower limit"), _("At least (%)"), 0, &w->min_open, &w->min);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), action_row (_("At least (%)"), min_box));
  max_box = spin_with_open (_("No upper limit"), _("Below (%)"),
                            isnan (kensho_rating_get_rule_min (rating)) ? 100
                                                                        : kensho_rating_get_rule_min (rating) + 50,
                            &w->max_open, &w->max);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), action_row (_("Below (%)"), max_box));
  sync_rule_widgets (rating, w);
  connect_row (w->kind, "notify::selected", G_CALLBACK (on_rule_changed), w);
  connect_row (w->min, "notify::value", G_CALLBACK (on_rule_changed), w);
  connect_row (w->max, "notify::value", G_CALLBACK (on_rule_changed), w);
  connect_row (w->min_open, "notify::active", G_CALLBACK (on_rule_changed), w);
  connect_row (w->max_open, "notify::active", G_CALLBACK (on_rule_changed), w);

  /* Removing a rating still given would leave indicators rated with
   * nothing the file can name. */
  gtk_widget_set_sensitive (remove, !kensho_sheet_rating_in_use (self->sheet, kensho_rating_get_id (rating)) &&
                                    kensho_rating_scale_get_n_ratings (kensho_sheet_get_rating_scale (self->sheet)) > 1);
  gtk_widget_set_tooltip_text (remove, gtk_widget_get_sensitive (remove)
                                         ? _("Remove this rating from the scale")
                                         : _("Indicators give this rating: re-rate them first"));
  connect_row (remove, "clicked", G_CALLBACK (on_remove_clicked), w);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), action_row (_("Remove from the scale"), remove));
  return w;
}

/* Rows are rebuilt when the scale's shape changes (another scale, a rating
 * added or removed); a label or rule edited here only updates titles. */
static void
rebuild (KenshoRatingScaleEditor *self)
{
  KenshoRatingScale *scale = kensho_sheet_get_rating_scale (self->sheet);
  guint n = kensho_rating_scale_get_n_ratings (scale);
  gboolean same = scale == self->shown_scale && n == self->rows->len;

  for (guint i = 0; same && i < n; i++)
    same = ((RatingRow *) g_ptr_array_index (self->rows, i))->rating == kensho_rating_scale_get_rating (scale, i);
  self->updating = TRUE;
  adw_combo_row_set_selected (self->method_row, kensho_sheet_get_achievement_method (self->sheet));
  if (same)
    {
      for (guint i = 0; i < n; i++)
        {
          RatingRow *row = g_ptr_array_index (self->rows, i);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row->row), kensho_rating_get_label (row->rating));
          sync_rule_widgets (row->rating, row);
        }
      self->updating = FALSE;
      return;
    }
  /* What a preset kept is said only until the scale changes again. */
  adw_preferences_group_set_description (self->ratings_group, NULL);
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->ratings_group,
                                  GTK_WIDGET (((RatingRow *) g_ptr_array_index (self->rows, i))->row));
  g_ptr_array_set_size (self->rows, 0);
  self->shown_scale = scale;
  for (guint i = 0; i < n; i++)
    {
      RatingRow *row = build_rating_row (self, kensho_rating_scale_get_rating (scale, i), i, n);

      adw_preferences_group_add (self->ratings_group, GTK_WIDGET (row->row));
      g_ptr_array_add (self->rows, row);
    }
  self->updating = FALSE;
}

static void
on_sheet_changed (KenshoSheet *sheet, int change, GObject *object, KenshoRatingScaleEditor *self)
{
  if (change == KENSHO_CHANGE_SHEET && !self->updating)
    rebuild (self);
}

static void
on_method_selected (AdwComboRow *row, GParamSpec *pspec, KenshoRatingScaleEditor *self)
{
  guint method = adw_combo_row_get_selected (row);

  if (self->updating || method >= KENSHO_N_ACHIEVEMENT_METHODS ||
      method == kensho_sheet_get_achievement_method (self->sheet))
    return;
  kensho_sheet_set_achievement_method (self->sheet, method);
}

void
kensho_rating_scale_editor_apply_preset (KenshoRatingScaleEditor *self, const char *preset_id)
{
  g_autoptr(GPtrArray) kept = NULL;

  g_return_if_fail (KENSHO_IS_RATING_SCALE_EDITOR (self));

  kept = kensho_sheet_apply_rating_preset (self->sheet, preset_id);
  {
    guint n_presets = 0;
    const KenshoRatingScalePreset *presets = kensho_rating_scale_get_presets (&n_presets);

    for (guint i = 0; i < n_presets; i++)
      if (g_strcmp0 (presets[i].id, preset_id) == 0)
        adw_combo_row_set_selected (self->preset_row, i);
  }
  if (kept != NULL && kept->len > 0)
    {
      g_autoptr(GString) labels = g_string_new (NULL);
      g_autofree char *description = NULL;

      for (guint i = 0; i < kept->len; i++)
        g_string_append_printf (labels, "%s%s", i ? "、" : "", kensho_rating_get_label (kept->pdata[i]));
      description = g_strdup_printf (_("Kept because indicators still give them: %s. "
                                       "Re-rate those indicators, then remove them."), labels->str);
      adw_preferences_group_set_description (self->ratings_group, description);
    }
}

static void
on_apply_clicked (GtkButton *button, KenshoRatingScaleEditor *self)
{
  guint n_presets = 0;
  const KenshoRatingScalePreset *presets = kensho_rating_scale_get_presets (&n_presets);
  guint selected = adw_combo_row_get_selected (self->preset_row);

  if (selected < n_presets)
    kensho_rating_scale_editor_apply_preset (self, presets[selected].id);
}

static void
kensho_rating_scale_editor_dispose (GObject *object)
{
  KenshoRatingScaleEditor *self = KENSHO_RATING_SCALE_EDITOR (object);

  if (self->sheet != NULL)
    g_clear_signal_handler (&self->changed_handler, self->sheet);
  g_clear_object (&self->sheet);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), KENSHO_TYPE_RATING_SCALE_EDITOR);
  G_OBJECT_CLASS (kensho_rating_scale_editor_parent_class)->dispose (object);
}

static void
kensho_rating_scale_editor_class_init (KenshoRatingScaleEditorClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = kensho_rating_scale_editor_dispose;
  gtk_widget_class_set_template_from_resource (widget_class, "/jp/kensho/Kensho/kensho-rating-scale-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, KenshoRatingScaleEditor, method_row);
  gtk_widget_class_bind_template_child (widget_class, KenshoRatingScaleEditor, preset_row);
  gtk_widget_class_bind_template_child (widget_class, KenshoRatingScaleEditor, apply_button);
  gtk_widget_class_bind_template_child (widget_class, KenshoRatingScaleEditor, ratings_group);
  gtk_widget_class_bind_template_child (widget_class, KenshoRatingScaleEditor, add_button);
}

static void
kensho_rating_scale_editor_init (KenshoRatingScaleEditor *self)
{
  g_autoptr(GtkStringList) methods = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint n_presets = 0;
  const KenshoRatingScalePreset *presets = kensho_rating_scale_get_presets (&n_presets);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new_with_free_func (rating_row_release);
  for (KenshoAchievementMethod m = 0; m < KENSHO_N_ACHIEVEMENT_METHODS; m++)
    gtk_string_list_append (methods, kensho_achievement_method_get_label (m));
  adw_combo_row_set_model (self->method_row, G_LIST_MODEL (methods));
  for (guint i = 0; i < n_presets; i++)
    gtk_string_list_append (names, presets[i].name);
  adw_combo_row_set_model (self->preset_row, G_LIST_MODEL (names));
  g_signal_connect (self->method_row, "notify::selected", G_CALLBACK (on_method_selected), self);
  g_signal_connect (self->apply_button, "clicked", G_CALLBACK (on_apply_clicked), self);
  g_signal_connect (self->add_button, "clicked", G_CALLBACK (on_add_clicked), self);
}

GtkWidget *
kensho_rating_scale_editor_new (KenshoSheet *sheet)
{
  KenshoRatingScaleEditor *self;

  g_return_val_if_fail (KENSHO_IS_SHEET (sheet), NULL);

  self = g_object_new (KENSHO_TYPE_RATING_SCALE_EDITOR, NULL);
  self->sheet = g_object_ref (sheet);
  self->changed_handler = g_signal_connect (sheet, "changed", G_CALLBACK (on_sheet_changed), self);
  rebuild (self);
  return GTK_WIDGET (self);
}
