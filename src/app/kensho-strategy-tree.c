/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kensho-achievement.h"
#include "kensho-sheet-edit.h"
#include "kensho-strategy-tree.h"

struct _KenshoStrategyTree
{
  GtkWidget parent_instance;

  GtkWidget *scrolled;
  GtkWidget *empty_label; /* says that nothing matches the filters */
  GtkListView *list_view;
  GtkSingleSelection *selection;
  GtkTreeListModel *tree_model;
  GtkCustomFilter *filter;
  GtkCustomFilter *indicator_filter; /* the same search and filters, for indicators alone */

  KenshoSheet *sheet;
  gboolean editable;
  gulong changed_handler;

  char *search;          /* casefolded, NULL when none */
  char *division;
  char *rating_id;
  GHashTable *match_cache; /* KenshoNode → GINT (1 visible, 2 hidden) */
  GHashTable *folded_texts; /* KenshoNode → its texts as the search sees them */
  GHashTable *row_titles;  /* KenshoNode → its row's title label */
  gboolean filtered_model; /* the model has filter models (a filter is on) */
};

G_DEFINE_FINAL_TYPE (KenshoStrategyTree, kensho_strategy_tree, GTK_TYPE_WIDGET)

enum { SELECTION_CHANGED, N_SIGNALS };
static guint signals[N_SIGNALS];

static gboolean
filter_active (KenshoStrategyTree *self)
{
  return self->search != NULL || self->division != NULL || self->rating_id != NULL;
}

/* Text as the search compares it: NFKC makes full-width letters and
 * digits and half-width kana the usual ones (ＳＮＳ = SNS, ｺﾛﾅ = コロナ),
 * then case and hiragana against katakana (ころな = コロナ) are folded. */
static char *
fold_slowly (const char *text)
{
  g_autofree char *normal = g_utf8_normalize (text, -1, G_NORMALIZE_NFKC);
  g_autoptr(GString) folded = NULL;
  g_autofree char *casefolded = NULL;

  if (normal == NULL)
    return g_strdup ("");
  casefolded = g_utf8_casefold (normal, -1);
  folded = g_string_sized_new (strlen (casefolded));
  for (const char *p = casefolded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (folded, c >= 0x3041 && c <= 0x3096 ? c + 0x60 : c);
    }
  return g_string_free (g_steal_pointer (&folded), FALSE);
}

/* The same as fold_slowly() for the text of most sheets (ASCII and
 * full-width ASCII, kana, kanji, Japanese punctuation) at a fraction of
 * its cost: GLib's NFKC and casefolding take 40 µs for a commentary. */
static char *
fold_for_search (const char *text)
{
  g_autoptr(GString) folded = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E) /* full-width ASCII */
        c -= 0xFEE0;
      else if (c == 0x3000) /* ideographic space */
        c = ' ';
      else if (c >= 0x3041 && c <= 0x3096) /* hiragana */
        c += 0x60;
      if (c < 0x80)
        g_string_append_c (folded, g_ascii_tolower ((char) c));
      else if ((c >= 0x3001 && c <= 0x3035) || (c >= 0x309D && c <= 0x309E) || (c >= 0x30A1 && c <= 0x30FE) ||
               (c >= 0x4E00 && c <= 0x9FFF))
        g_string_append_unichar (folded, c);
      else
        return fold_slowly (text);
    }
  return g_string_free (g_steal_pointer (&folded), FALSE);
}

/* The texts of @node the search looks in, folded, one a line: made once
 * per node and kept until it changes, so that a keystroke in the search
 * of 10,000 indicators takes 25 ms instead of half a second. */
static const char *
folded_texts (KenshoStrategyTree *self, KenshoNode *node)
{
  KenshoIndicator *indicator = KENSHO_IS_INDICATOR (node) ? KENSHO_INDICATOR (node) : NULL;
  int fy = kensho_sheet_get_fiscal_year (self->sheet);
  const char *texts[7] = { kensho_node_get_title (node), kensho_node_get_code (node) };
  g_autoptr(GString) all = NULL;
  char *folded = g_hash_table_lookup (self->folded_texts, node);

  if (folded != NULL)
    return folded;
  if (indicator != NULL)
    {
      for (KenshoCommentaryPart part = 0; part <= KENSHO_COMMENTARY_NEXT_STEPS; part++)
        texts[2 + part] = kensho_indicator_get_commentary (indicator, fy, part);
      texts[5] = kensho_indicator_get_division (indicator);
      texts[6] = kensho_indicator_get_delay_reason (indicator, fy);
    }
  all = g_string_new (NULL);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i] != NULL)
      g_string_append_printf (all, "%s\n", texts[i]);
  folded = fold_for_search (all->str);
  g_hash_table_insert (self->folded_texts, node, folded);
  return folded;
}

static gboolean
node_matches_itself (KenshoStrategyTree *self, KenshoNode *node)
{
  KenshoIndicator *indicator = KENSHO_IS_INDICATOR (node) ? KENSHO_INDICATOR (node) : NULL;
  int fy = kensho_sheet_get_fiscal_year (self->sheet);

  /* Division and rating belong to indicators: other nodes show only as
   * ancestors of matching indicators. */
  if ((self->division != NULL || self->rating_id != NULL) && indicator == NULL)
    return FALSE;
  if (self->division != NULL && g_strcmp0 (kensho_indicator_get_division (indicator), self->division) != 0)
    return FALSE;
  if (self->rating_id != NULL &&
      g_strcmp0 (kensho_indicator_get_rating_id (indicator, fy), self->rating_id) != 0)
    return FALSE;
  /* The search has no line break: it matches within one text. */
  return self->search == NULL || strstr (folded_texts (self, node), self->search) != NULL;
}

/* A node shows when it matches or any of its descendants does, so that
 * matches appear with their ancestors. */
static gboolean
node_visible (KenshoStrategyTree *self, KenshoNode *node)
{
  gpointer cached;
  gboolean visible;
  guint n;

  if (!filter_active (self))
    return TRUE;
  cached = g_hash_table_lookup (self->match_cache, node);
  if (cached != NULL)
    return GPOINTER_TO_INT (cached) == 1;

  visible = node_matches_itself (self, node);
  n = kensho_node_get_n_children (node);
  for (guint i = 0; i < n && !visible; i++)
    visible = node_visible (self, kensho_node_get_child (node, i));
  g_hash_table_insert (self->match_cache, node, GINT_TO_POINTER (visible ? 1 : 2));
  return visible;
}

/* A search that finds nothing says so, instead of an empty tree. */
static void
update_empty_label (KenshoStrategyTree *self)
{
  if (self->empty_label != NULL)
    gtk_widget_set_visible (self->empty_label, filter_active (self) && kensho_strategy_tree_get_n_rows (self) == 0);
}

static gboolean
filter_func (gpointer item, gpointer user_data)
{
  return node_visible (user_data, item);
}

/* An indicator matching the search and filters itself: what a flat list
 * of indicators shows. */
static gboolean
indicator_filter_func (gpointer item, gpointer user_data)
{
  KenshoStrategyTree *self = user_data;

  return self->sheet != NULL && KENSHO_IS_INDICATOR (item) && node_matches_itself (self, item);
}

static void build_model (KenshoStrategyTree *self);

static void
refilter (KenshoStrategyTree *self)
{
  g_hash_table_remove_all (self->match_cache);
  if (self->tree_model != NULL && filter_active (self) != self->filtered_model)
    build_model (self);
  else if (self->filtered_model)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  gtk_filter_changed (GTK_FILTER (self->indicator_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

/* Filter models only while a filter is on: each one connects to the one
 * filter, and GObject finds a handler to disconnect by walking them all,
 * so that freeing the tree of a large sheet took minutes (100,000
 * indicators) when every branch had one. */
static GListModel *
filter_model (KenshoStrategyTree *self, GListModel *children)
{
  if (!self->filtered_model)
    return g_object_ref (children);
  return G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (children),
                                                  GTK_FILTER (g_object_ref (self->filter))));
}

static GListModel *
create_children_model (gpointer item, gpointer user_data)
{
  KenshoStrategyTree *self = user_data;
  KenshoNode *node = item;

  if (kensho_node_get_kind (node) == KENSHO_NODE_INDICATOR)
    return NULL;
  return filter_model (self, kensho_node_get_children (node));
}

/* Rows ------------------------------------------------------------------- */

static GdkContentProvider *
on_drag_prepare (GtkDragSource *source, double x, double y, GtkListItem *item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  g_autoptr(GObject) node = row ? gtk_tree_list_row_get_item (row) : NULL;

  return node ? gdk_content_provider_new_typed (KENSHO_TYPE_NODE, node) : NULL;
}

static gboolean
on_drop (GtkDropTarget *target, const GValue *value, double x, double y, GtkListItem *item)
{
  KenshoStrategyTree *self = g_object_get_data (G_OBJECT (item), "tree");
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  g_autoptr(GObject) node = row ? gtk_tree_list_row_get_item (row) : NULL;

  if (node == NULL || !G_VALUE_HOLDS (value, KENSHO_TYPE_NODE))
    return FALSE;
  return kensho_strategy_tree_drop_node (self, g_value_get_object (value), KENSHO_NODE (node));
}

/* What the rate means, or why there is none: the badge's tooltip and
 * accessible description. */
static char *
dup_achievement_description (KenshoStrategyTree *self, const KenshoAchievement *achievement)
{
  if (achievement->computable)
    /* TRANSLATORS: tooltip of the rate in the tree; %s is the method, "Actual ÷ target" */
    return g_strdup_printf (_("Achievement (%s)"),
                            kensho_achievement_method_get_label (kensho_sheet_get_achievement_method (self->sheet)));
  return g_strdup_printf (_("No achievement rate: %s"), achievement->reason);
}

/* The tooltip is made when asked for: gtk_widget_set_tooltip_text() at
 * every bind made a far jump in a sheet of 10,000 indicators (200 rows
 * bound) 100 ms slower. */
static gboolean
on_achievement_query_tooltip (GtkWidget *label, int x, int y, gboolean keyboard, GtkTooltip *tooltip,
                              KenshoStrategyTree *self)
{
  KenshoIndicator *indicator = g_object_get_data (G_OBJECT (label), "kensho-indicator");
  g_auto(KenshoAchievement) achievement = { 0 };
  g_autofree char *text = NULL;

  if (indicator == NULL || self->sheet == NULL)
    return FALSE;
  kensho_indicator_summarize_achievement (indicator, self->sheet, &achievement);
  text = dup_achievement_description (self, &achievement);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
setup_row (GtkSignalListItemFactory *factory, GtkListItem *item, KenshoStrategyTree *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *code = gtk_label_new (NULL);
  GtkWidget *title = gtk_inscription_new (NULL);
  GtkWidget *division = gtk_label_new (NULL);
  GtkWidget *rating = gtk_label_new (NULL);
  GtkWidget *achievement = gtk_label_new (NULL);
  GtkDragSource *drag = gtk_drag_source_new ();
  GtkDropTarget *drop = gtk_drop_target_new (KENSHO_TYPE_NODE, GDK_ACTION_MOVE);

  gtk_widget_add_css_class (achievement, "caption");
  gtk_widget_add_css_class (achievement, "numeric");
  gtk_widget_add_css_class (achievement, "dim-label");
  gtk_widget_set_has_tooltip (achievement, TRUE);
  g_signal_connect (achievement, "query-tooltip", G_CALLBACK (on_achievement_query_tooltip), self);
  gtk_widget_add_css_class (code, "dim-label");
  gtk_widget_add_css_class (code, "numeric");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_set_halign (title, GTK_ALIGN_FILL);
  /* An inscription, not a label: its size does not depend on its text, so
   * the 200 rows GTK binds around a far jump are not all shaped, only the
   * ones drawn. A click selects the row; F2 renames in the form. */
  gtk_inscription_set_xalign (GTK_INSCRIPTION (title), 0);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (title), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_min_chars (GTK_INSCRIPTION (title), 6);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (title), 40);
  /* Given the row's whole height, GTK 4.8 sets a shortened (…) title a few
   * pixels above the rest of the row. */
  gtk_widget_set_valign (title, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (division, "dim-label");
  gtk_widget_add_css_class (division, "caption");
  gtk_widget_add_css_class (rating, "caption");
  /* Shortened in a narrow tree rather than widening it: at 800 pixels the
   * window still has room for the form. */
  gtk_label_set_ellipsize (GTK_LABEL (division), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), code);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), division);
  gtk_box_append (GTK_BOX (box), achievement);
  gtk_box_append (GTK_BOX (box), rating);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_widget_set_margin_end (box, 6);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  g_object_set_data (G_OBJECT (expander), "code", code);
  g_object_set_data (G_OBJECT (expander), "title", title);
  g_object_set_data (G_OBJECT (expander), "division", division);
  g_object_set_data (G_OBJECT (expander), "rating", rating);
  g_object_set_data (G_OBJECT (expander), "achievement", achievement);
  gtk_list_item_set_child (item, expander);
  g_object_set_data (G_OBJECT (item), "tree", self);

  /* Made once per row widget, which keeps its list item while rows are
   * bound and unbound. */
  gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
  g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare), item);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), item);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (drag));
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (drop));
}

/* The rate a rating is held against (the lowest series), or "—" with the
 * reason as tooltip. */
static void
fill_achievement_badge (KenshoStrategyTree *self, GtkLabel *label, KenshoIndicator *indicator)
{
  g_auto(KenshoAchievement) achievement = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;

  kensho_indicator_summarize_achievement (indicator, self->sheet, &achievement);
  text = kensho_achievement_format_rate (&achievement);
  description = dup_achievement_description (self, &achievement);
  g_object_set_data (G_OBJECT (label), "kensho-indicator", indicator);
  if (g_strcmp0 (gtk_label_get_text (label), text) != 0)
    gtk_label_set_text (label, text);
  if (g_strcmp0 (g_object_get_data (G_OBJECT (label), "kensho-description"), description) != 0)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
      g_object_set_data_full (G_OBJECT (label), "kensho-description", g_steal_pointer (&description), g_free);
    }
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
}

static void
fill_row (KenshoStrategyTree *self, GtkWidget *expander, KenshoNode *node)
{
  GtkLabel *code = g_object_get_data (G_OBJECT (expander), "code");
  GtkInscription *title = g_object_get_data (G_OBJECT (expander), "title");
  GtkLabel *division = g_object_get_data (G_OBJECT (expander), "division");
  GtkLabel *rating = g_object_get_data (G_OBJECT (expander), "rating");
  GtkLabel *achievement = g_object_get_data (G_OBJECT (expander), "achievement");
  const char *name = kensho_node_get_title (node);

  /* A row is bound again whenever the selection moves past it or the list
   * scrolls: what has not changed is not set again (each set is redrawn,
   * and announced to screen readers). */
  if (g_strcmp0 (gtk_inscription_get_text (title), name ? name : "") != 0)
    {
      gtk_inscription_set_text (title, name ? name : "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL, name ? name : "", -1);
    }
  if (KENSHO_IS_INDICATOR (node))
    {
      KenshoIndicator *indicator = KENSHO_INDICATOR (node);
      const char *rating_id = kensho_indicator_get_rating_id (indicator, kensho_sheet_get_fiscal_year (self->sheet));
      KenshoRating *r = rating_id ? kensho_rating_scale_lookup (kensho_sheet_get_rating_scale (self->sheet), rating_id) : NULL;
      gboolean target = kensho_indicator_get_indicator_kind (indicator) == KENSHO_INDICATOR_TARGET;

      /* Numerical targets are marked apart from KPIs. */
      gtk_label_set_text (code, target ? _("Target") : _("KPI"));
      gtk_widget_remove_css_class (GTK_WIDGET (code), target ? "dim-label" : "accent");
      gtk_widget_add_css_class (GTK_WIDGET (code), target ? "accent" : "dim-label");
      gtk_label_set_text (division, kensho_indicator_get_division (indicator) ? kensho_indicator_get_division (indicator) : "");
      if (r != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (kensho_rating_get_label (r), -1);
          g_autofree char *markup = g_strdup_printf ("<span background=\"%s\" foreground=\"#ffffff\"> %s </span>",
                                                     kensho_rating_get_colour (r) ? kensho_rating_get_colour (r) : "#666666",
                                                     escaped);

          if (g_strcmp0 (gtk_label_get_label (rating), markup) != 0)
            gtk_label_set_markup (rating, markup);
        }
      else
        gtk_label_set_text (rating, "");
      gtk_widget_set_visible (GTK_WIDGET (division), TRUE);
      gtk_widget_set_visible (GTK_WIDGET (rating), r != NULL);
      fill_achievement_badge (self, achievement, indicator);
    }
  else
    {
      gtk_label_set_text (code, kensho_node_get_code (node) ? kensho_node_get_code (node) : "");
      gtk_widget_remove_css_class (GTK_WIDGET (code), "accent");
      gtk_widget_add_css_class (GTK_WIDGET (code), "dim-label");
      gtk_widget_set_visible (GTK_WIDGET (division), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (rating), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (achievement), FALSE);
      g_object_set_data (G_OBJECT (achievement), "kensho-indicator", NULL);
      if (kensho_node_get_kind (node) == KENSHO_NODE_GOAL)
        gtk_widget_add_css_class (GTK_WIDGET (title), "heading");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (title), "heading");
    }
}

static void
on_sheet_changed_for_row (KenshoSheet *sheet, int change, GObject *object, GtkListItem *item)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  KenshoStrategyTree *self = g_object_get_data (G_OBJECT (item), "tree");

  if (row != NULL && (object == gtk_tree_list_row_get_item (row) || change == KENSHO_CHANGE_SHEET))
    {
      g_autoptr(GObject) node = gtk_tree_list_row_get_item (row);

      fill_row (self, gtk_list_item_get_child (item), KENSHO_NODE (node));
    }
}

static void
bind_row (GtkSignalListItemFactory *factory, GtkListItem *item, KenshoStrategyTree *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);
  g_autoptr(GObject) node = gtk_tree_list_row_get_item (row);
  GtkWidget *title = g_object_get_data (G_OBJECT (expander), "title");
  gulong handler;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  g_object_set_data (G_OBJECT (title), "kensho-node", node);
  g_hash_table_insert (self->row_titles, node, title);
  fill_row (self, expander, KENSHO_NODE (node));

  handler = g_signal_connect (self->sheet, "changed", G_CALLBACK (on_sheet_changed_for_row), item);
  g_object_set_data (G_OBJECT (item), "changed-handler", GSIZE_TO_POINTER (handler));
}

static void
unbind_row (GtkSignalListItemFactory *factory, GtkListItem *item, KenshoStrategyTree *self)
{
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *title = g_object_get_data (G_OBJECT (expander), "title");
  KenshoNode *node = g_object_get_data (G_OBJECT (title), "kensho-node");
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "changed-handler"));

  if (handler != 0 && self->sheet != NULL)
    g_signal_handler_disconnect (self->sheet, handler);
  g_object_set_data (G_OBJECT (item), "changed-handler", NULL);
  if (node != NULL && g_hash_table_lookup (self->row_titles, node) == title)
    g_hash_table_remove (self->row_titles, node);
  g_object_set_data (G_OBJECT (title), "kensho-node", NULL);
  g_object_set_data (g_object_get_data (G_OBJECT (expander), "achievement"), "kensho-indicator", NULL);
  /* The expander keeps its row: GTK unbinds and binds a row again, with
   * the same item, each time the selection moves past it, and setting the
   * same row again then costs nothing (clearing it rebuilt the indent). */
}

/* Model ------------------------------------------------------------------ */

static void
on_selection_changed (GtkSelectionModel *model, guint position, guint n_items, KenshoStrategyTree *self)
{
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
on_sheet_changed (KenshoSheet *sheet, int change, GObject *object, KenshoStrategyTree *self)
{
  /* A node's texts changed; after other changes (another year, nodes
   * freed whose addresses may come again) all are folded anew. */
  if (change == KENSHO_CHANGE_CONTENT && KENSHO_IS_NODE (object))
    g_hash_table_remove (self->folded_texts, object);
  else if (change != KENSHO_CHANGE_CONTENT)
    g_hash_table_remove_all (self->folded_texts);
  if (filter_active (self))
    refilter (self);
}

static void
kensho_strategy_tree_dispose (GObject *object)
{
  KenshoStrategyTree *self = KENSHO_STRATEGY_TREE (object);

  if (self->sheet != NULL)
    g_clear_signal_handler (&self->changed_handler, self->sheet);
  g_clear_pointer (&self->scrolled, gtk_widget_unparent);
  g_clear_pointer (&self->empty_label, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree_model);
  g_clear_object (&self->filter);
  g_clear_object (&self->indicator_filter);
  g_clear_object (&self->sheet);
  G_OBJECT_CLASS (kensho_strategy_tree_parent_class)->dispose (object);
}

static void
kensho_strategy_tree_finalize (GObject *object)
{
  KenshoStrategyTree *self = KENSHO_STRATEGY_TREE (object);

  g_free (self->search);
  g_free (self->division);
  g_free (self->rating_id);
  g_hash_table_unref (self->match_cache);
  g_hash_table_unref (self->folded_texts);
  g_hash_table_unref (self->row_titles);
  G_OBJECT_CLASS (kensho_strategy_tree_parent_class)->finalize (object);
}

/* The tree is one Tab stop, as a tree is: the arrows move inside it, Tab
 * leaves it (GtkListView of GTK 4.8 tabs through every row). */
static gboolean
kensho_strategy_tree_focus (GtkWidget *widget, GtkDirectionType direction)
{
  if ((direction == GTK_DIR_TAB_FORWARD || direction == GTK_DIR_TAB_BACKWARD) &&
      gtk_widget_get_focus_child (widget) != NULL)
    return FALSE;
  return GTK_WIDGET_CLASS (kensho_strategy_tree_parent_class)->focus (widget, direction);
}

static void
kensho_strategy_tree_class_init (KenshoStrategyTreeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kensho_strategy_tree_dispose;
  object_class->finalize = kensho_strategy_tree_finalize;
  widget_class->focus = kensho_strategy_tree_focus;

  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);
  /* Delete deletes the selected row while the tree has the focus (in a
   * text field it deletes text), as the trash button's tooltip says. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "win.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "win.delete", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
kensho_strategy_tree_init (KenshoStrategyTree *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->match_cache = g_hash_table_new (NULL, NULL);
  self->folded_texts = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->row_titles = g_hash_table_new (NULL, NULL);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->indicator_filter = gtk_custom_filter_new (indicator_filter_func, self, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_row), self);
  self->list_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Strategy"), -1);
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), GTK_WIDGET (self->list_view));
  gtk_widget_set_parent (self->scrolled, GTK_WIDGET (self));
  self->empty_label = gtk_label_new (_("Nothing matches the search and filters."));
  gtk_label_set_wrap (GTK_LABEL (self->empty_label), TRUE);
  gtk_widget_set_valign (self->empty_label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (self->empty_label, 24);
  gtk_widget_set_margin_start (self->empty_label, 12);
  gtk_widget_set_margin_end (self->empty_label, 12);
  gtk_widget_add_css_class (self->empty_label, "dim-label");
  gtk_widget_set_visible (self->empty_label, FALSE);
  gtk_widget_set_parent (self->empty_label, GTK_WIDGET (self));
}

GtkWidget *
kensho_strategy_tree_new (void)
{
  return g_object_new (KENSHO_TYPE_STRATEGY_TREE, NULL);
}

/* The tree model over the sheet, all expanded; the selected node stays
 * selected when it is still shown. */
static void
build_model (KenshoStrategyTree *self)
{
  g_autoptr(KenshoNode) selected = NULL;
  GListModel *top;

  if (self->selection != NULL)
    {
      selected = kensho_strategy_tree_get_selected (self);
      if (selected != NULL)
        g_object_ref (selected);
    }
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree_model);
  if (self->sheet == NULL)
    return;

  self->filtered_model = filter_active (self);
  top = filter_model (self, kensho_node_get_children (kensho_sheet_get_root (self->sheet)));
  self->tree_model = gtk_tree_list_model_new (top, FALSE, TRUE, create_children_model, self, NULL);
  g_signal_connect_swapped (self->tree_model, "items-changed", G_CALLBACK (update_empty_label), self);
  update_empty_label (self);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->tree_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  if (selected != NULL && node_visible (self, selected))
    kensho_strategy_tree_select (self, selected);
  else if (selected != NULL)
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

void
kensho_strategy_tree_set_sheet (KenshoStrategyTree *self, KenshoSheet *sheet, gboolean editable)
{
  g_return_if_fail (KENSHO_IS_STRATEGY_TREE (self));

  if (self->sheet != NULL)
    g_clear_signal_handler (&self->changed_handler, self->sheet);
  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree_model);
  g_hash_table_remove_all (self->match_cache);
  g_hash_table_remove_all (self->folded_texts);
  g_set_object (&self->sheet, sheet);
  self->editable = editable;
  if (sheet == NULL)
    return;

  self->changed_handler = g_signal_connect (sheet, "changed", G_CALLBACK (on_sheet_changed), self);
  build_model (self);
}

KenshoNode *
kensho_strategy_tree_get_row_node (KenshoStrategyTree *self, guint position)
{
  g_autoptr(GtkTreeListRow) row = NULL;
  g_autoptr(GObject) node = NULL;

  if (self->tree_model == NULL)
    return NULL;
  row = g_list_model_get_item (G_LIST_MODEL (self->tree_model), position);
  if (row == NULL)
    return NULL;
  node = gtk_tree_list_row_get_item (row);
  return KENSHO_NODE (node);
}

guint
kensho_strategy_tree_get_n_rows (KenshoStrategyTree *self)
{
  return self->tree_model ? g_list_model_get_n_items (G_LIST_MODEL (self->tree_model)) : 0;
}

KenshoNode *
kensho_strategy_tree_get_selected (KenshoStrategyTree *self)
{
  g_return_val_if_fail (KENSHO_IS_STRATEGY_TREE (self), NULL);
  if (self->selection == NULL)
    return NULL;
  return kensho_strategy_tree_get_row_node (self, gtk_single_selection_get_selected (self->selection));
}

static guint
find_row (KenshoStrategyTree *self, KenshoNode *node, guint from)
{
  guint n = kensho_strategy_tree_get_n_rows (self);

  for (guint i = from; i < n; i++)
    if (kensho_strategy_tree_get_row_node (self, i) == node)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* With no filter every node is shown, so its row is found from the root
 * down by its place among its siblings: a few steps whatever the size of
 * the sheet, where walking the rows takes milliseconds per thousand.
 * Expands the ancestors on the way; GTK_INVALID_LIST_POSITION when the
 * path does not lead to the node. */
static guint
find_row_by_path (KenshoStrategyTree *self, GPtrArray *chain)
{
  g_autoptr(GtkTreeListRow) row = NULL;

  for (guint i = 0; i < chain->len; i++)
    {
      KenshoNode *node = g_ptr_array_index (chain, i);
      guint index = kensho_node_get_position (node);
      g_autoptr(GtkTreeListRow) child = NULL;
      g_autoptr(GObject) item = NULL;

      child = row == NULL ? gtk_tree_list_model_get_child_row (self->tree_model, index)
                          : gtk_tree_list_row_get_child_row (row, index);
      item = child ? gtk_tree_list_row_get_item (child) : NULL;
      if (item != G_OBJECT (node))
        return GTK_INVALID_LIST_POSITION;
      if (i + 1 < chain->len)
        gtk_tree_list_row_set_expanded (child, TRUE);
      g_set_object (&row, child);
    }
  return row ? gtk_tree_list_row_get_position (row) : GTK_INVALID_LIST_POSITION;
}

/* Filtered, a node's place among the shown rows is not its place among
 * its siblings: the rows are walked, each ancestor expanded in turn. */
static guint
find_row_by_walking (KenshoStrategyTree *self, GPtrArray *chain)
{
  guint position = 0;

  for (guint i = 0; i < chain->len; i++)
    {
      g_autoptr(GtkTreeListRow) row = NULL;

      position = find_row (self, g_ptr_array_index (chain, i), position);
      if (position == GTK_INVALID_LIST_POSITION)
        return position;
      row = g_list_model_get_item (G_LIST_MODEL (self->tree_model), position);
      if (i + 1 < chain->len)
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
  return position;
}

/* Expands the node's ancestors, selects its row and scrolls to it. */
gboolean
kensho_strategy_tree_select (KenshoStrategyTree *self, KenshoNode *node)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  guint position = 0;

  g_return_val_if_fail (KENSHO_IS_STRATEGY_TREE (self), FALSE);
  if (self->selection == NULL)
    return FALSE;
  if (node == NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      return TRUE;
    }
  for (KenshoNode *n = node; n && kensho_node_get_kind (n) != KENSHO_NODE_ROOT; n = kensho_node_get_parent (n))
    g_ptr_array_insert (chain, 0, n);
  position = filter_active (self) ? GTK_INVALID_LIST_POSITION : find_row_by_path (self, chain);
  if (position == GTK_INVALID_LIST_POSITION)
    position = find_row_by_walking (self, chain);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

static void
set_string (char **field, const char *value, gboolean casefold)
{
  g_free (*field);
  *field = (value != NULL && *value != '\0') ? (casefold ? fold_for_search (value) : g_strdup (value)) : NULL;
}

void
kensho_strategy_tree_set_search (KenshoStrategyTree *self, const char *text)
{
  set_string (&self->search, text, TRUE);
  refilter (self);
}

void
kensho_strategy_tree_set_division_filter (KenshoStrategyTree *self, const char *division)
{
  set_string (&self->division, division, FALSE);
  refilter (self);
}

void
kensho_strategy_tree_set_rating_filter (KenshoStrategyTree *self, const char *rating_id)
{
  set_string (&self->rating_id, rating_id, FALSE);
  refilter (self);
}

gboolean
kensho_strategy_tree_node_is_visible (KenshoStrategyTree *self, KenshoNode *node)
{
  return find_row (self, node, 0) != GTK_INVALID_LIST_POSITION;
}

/* A filter of indicators by the tree's search and filters, for other
 * views of them; it changes with them. */
GtkFilter *
kensho_strategy_tree_get_indicator_filter (KenshoStrategyTree *self)
{
  g_return_val_if_fail (KENSHO_IS_STRATEGY_TREE (self), NULL);
  return GTK_FILTER (self->indicator_filter);
}

/* The row's title, a GtkInscription; NULL when the row is not shown. */
GtkWidget *
kensho_strategy_tree_get_title_widget (KenshoStrategyTree *self, KenshoNode *node)
{
  g_return_val_if_fail (KENSHO_IS_STRATEGY_TREE (self), NULL);
  return g_hash_table_lookup (self->row_titles, node);
}

/* The keyboard on the selected row, as after Delete in the tree: its row
 * had the focus and went, and GTK moved the focus on out of the tree. */
void
kensho_strategy_tree_focus_selected (KenshoStrategyTree *self)
{
  g_autoptr(KenshoNode) node = NULL;
  GtkWidget *row;

  g_return_if_fail (KENSHO_IS_STRATEGY_TREE (self));
  node = kensho_strategy_tree_get_selected (self);
  row = node ? g_hash_table_lookup (self->row_titles, node) : NULL;
  while (row != NULL && !gtk_widget_get_focusable (row))
    row = gtk_widget_get_parent (row);
  if (row == NULL || !gtk_widget_grab_focus (row))
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Alt+Up/Down: one place up or down, or into the neighbouring group, as
 * kensho_sheet_edit_move_step() says. */
gboolean
kensho_strategy_tree_move_selected (KenshoStrategyTree *self, int direction)
{
  KenshoNode *node = kensho_strategy_tree_get_selected (self);
  g_autoptr(KenshoNode) keep = NULL;

  if (node == NULL || !self->editable)
    return FALSE;
  keep = g_object_ref (node);
  if (!kensho_sheet_edit_move_step (node, direction))
    return FALSE;
  kensho_strategy_tree_select (self, node);
  return TRUE;
}

/* Where a drop puts the node: kensho_sheet_edit_drop(). */
gboolean
kensho_strategy_tree_drop_node (KenshoStrategyTree *self, KenshoNode *dragged, KenshoNode *target)
{
  g_autoptr(KenshoNode) keep = NULL;

  if (!self->editable || kensho_node_get_sheet (dragged) != self->sheet)
    return FALSE;
  keep = g_object_ref (dragged);
  if (!kensho_sheet_edit_drop (dragged, target))
    return FALSE;
  kensho_strategy_tree_select (self, dragged);
  return TRUE;
}
