/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "kensho-error.h"
#include "kensho-node-private.h"
#include "kensho-util.h"

typedef struct
{
  KenshoNodeKind kind;
  char *id;
  char *code;
  char *title;
  char *notes;
  KenshoNode *parent; /* not owned: the parent owns us through its children */
  KenshoSheet *sheet; /* not owned: set on every node of an attached tree */
  GListStore *children; /* made when first needed: indicators have none */
} KenshoNodePrivate;

G_DEFINE_TYPE_WITH_PRIVATE (KenshoNode, kensho_node, G_TYPE_OBJECT)

enum { PROP_0, PROP_KIND, PROP_ID, PROP_CODE, PROP_TITLE, PROP_NOTES, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
kensho_node_dispose (GObject *object)
{
  KenshoNodePrivate *priv = kensho_node_get_instance_private (KENSHO_NODE (object));

  if (priv->children != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (priv->children));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(KenshoNode) child = g_list_model_get_item (G_LIST_MODEL (priv->children), i);
          KenshoNodePrivate *child_priv = kensho_node_get_instance_private (child);

          child_priv->parent = NULL;
        }
      g_clear_object (&priv->children);
    }
  G_OBJECT_CLASS (kensho_node_parent_class)->dispose (object);
}

static void
kensho_node_finalize (GObject *object)
{
  KenshoNodePrivate *priv = kensho_node_get_instance_private (KENSHO_NODE (object));

  g_free (priv->id);
  g_free (priv->code);
  g_free (priv->title);
  g_free (priv->notes);
  G_OBJECT_CLASS (kensho_node_parent_class)->finalize (object);
}

static void
kensho_node_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KenshoNode *self = KENSHO_NODE (object);
  KenshoNodePrivate *priv = kensho_node_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_KIND: g_value_set_enum (value, priv->kind); break;
    case PROP_ID: g_value_set_string (value, priv->id); break;
    case PROP_CODE: g_value_set_string (value, priv->code); break;
    case PROP_TITLE: g_value_set_string (value, priv->title); break;
    case PROP_NOTES: g_value_set_string (value, priv->notes); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kensho_node_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  KenshoNode *self = KENSHO_NODE (object);
  KenshoNodePrivate *priv = kensho_node_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_KIND: priv->kind = g_value_get_enum (value); break;
    case PROP_CODE: kensho_node_set_code (self, g_value_get_string (value)); break;
    case PROP_TITLE: kensho_node_set_title (self, g_value_get_string (value)); break;
    case PROP_NOTES: kensho_node_set_notes (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kensho_node_class_init (KenshoNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = kensho_node_dispose;
  object_class->finalize = kensho_node_finalize;
  object_class->get_property = kensho_node_get_property;
  object_class->set_property = kensho_node_set_property;

  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL,
                                             KENSHO_TYPE_NODE_KIND, KENSHO_NODE_GOAL,
                                             G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                             G_PARAM_STATIC_STRINGS);
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL,
                                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                             G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] = g_param_spec_string ("code", NULL, NULL, NULL,
                                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                               G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL,
                                                G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
kensho_node_init (KenshoNode *self)
{
}

/* A store for every node cost 2 MB at 10,000 indicators, which never
 * have children. */
static GListStore *
ensure_children (KenshoNodePrivate *priv)
{
  if (priv->children == NULL)
    priv->children = g_list_store_new (KENSHO_TYPE_NODE);
  return priv->children;
}

KenshoNode *
kensho_node_new (KenshoNodeKind kind, const char *code, const char *title)
{
  g_return_val_if_fail (kind != KENSHO_NODE_INDICATOR, NULL);

  return g_object_new (KENSHO_TYPE_NODE, "kind", kind, "code", code, "title", title, NULL);
}

KenshoNodeKind
kensho_node_get_kind (KenshoNode *self)
{
  KenshoNodePrivate *priv = kensho_node_get_instance_private (self);

  g_return_val_if_fail (KENSHO_IS_NODE (self), KENSHO_NODE_ROOT);
  return priv->kind;
}

const char *
kensho_node_get_id (KenshoNode *self)
{
  KenshoNodePrivate *priv = kensho_node_get_instance_private (self);

  g_return_val_if_fail (KENSHO_IS_NODE (self), NULL);
  return priv->id;
}

/* Identifiers may only be given to a node that is not yet in a sheet: the
 * sheet indexes them, and files and the workspace refer to them. */
void
kensho_node_set_id (KenshoNode *self, const char *id)
{
  KenshoNodePrivate *priv = kensho_node_get_instance_private (self);

  g_return_if_fail (KENSHO_IS_NODE (self));
  g_return_if_fail (priv->sheet == NULL);

  if (kensho_set_str (&priv->id, id))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

#define DEFINE_STRING_ACCESSORS(field, PROP, name)                                  \
  const char *                                                                \
  kensho_node_get_##field (KenshoNode *self)                                  \
  {                                                                           \
    KenshoNodePrivate *priv = kensho_node_get_instance_private (self);        \
    g_return_val_if_fail (KENSHO_IS_NODE (self), NULL);                       \
    return priv->field;                                                       \
  }                                                                           \
  void                                                                        \
  kensho_node_set_##field (KenshoNode *self, const char *value)               \
  {                                                                           \
    KenshoNodePrivate *priv = kensho_node_get_instance_private (self);        \
    g_return_if_fail (KENSHO_IS_NODE (self));                                 \
    if (g_strcmp0 (priv->field, kensho_str_or_null (value)) == 0)             \
      return;                                                                 \
    _kensho_node_emit_changing (self, KENSHO_CHANGE_CONTENT, name);           \
    kensho_set_str (&priv->field, kensho_str_or_null (value));                \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);             \
    _kensho_node_emit_changed (self, KENSHO_CHANGE_CONTENT);                  \
  }

DEFINE_STRING_ACCESSORS (code, PROP_CODE, "code")
DEFINE_STRING_ACCESSORS (title, PROP_TITLE, "title")
DEFINE_STRING_ACCESSORS (notes, PROP_NOTES, "notes")

KenshoNode *
kensho_node_get_parent (KenshoNode *self)
{
  KenshoNodePrivate *priv = kensho_node_get_instance_private (self);

  g_return_val_if_fail (KENSHO_IS_NODE (self), NULL);
  return priv->parent;
}

KenshoSheet *
kensho_node_get_sheet (KenshoNode *self)
{
  KenshoNodePrivate *priv = kensho_node_get_instance_private (self);

  g_return_val_if_fail (KENSHO_IS_NODE (self), NULL);
  return priv->sheet;
}

GListModel *
kensho_node_get_children (KenshoNode *self)
{
  KenshoNodePrivate *priv = kensho_node_get_instance_private (self);

  g_return_val_if_fail (KENSHO_IS_NODE (self), NULL);
  return G_LIST_MODEL (ensure_children (priv));
}

guint
kensho_node_get_n_children (KenshoNode *self)
{
  KenshoNodePrivate *priv = kensho_node_get_instance_private (self);

  g_return_val_if_fail (KENSHO_IS_NODE (self), 0);
  return priv->children != NULL ? g_list_model_get_n_items (G_LIST_MODEL (priv->children)) : 0;
}

/* Borrowed: the parent keeps its children alive. */
KenshoNode *
kensho_node_get_child (KenshoNode *self, guint position)
{
  KenshoNodePrivate *priv = kensho_node_get_instance_private (self);
  g_autoptr(KenshoNode) child = NULL;

  g_return_val_if_fail (KENSHO_IS_NODE (self), NULL);
  if (priv->children != NULL)
    child = g_list_model_get_item (G_LIST_MODEL (priv->children), position);
  return child;
}

guint
kensho_node_get_position (KenshoNode *self)
{
  KenshoNodePrivate *priv = kensho_node_get_instance_private (self);
  guint position = 0;

  g_return_val_if_fail (KENSHO_IS_NODE (self), 0);
  if (priv->parent != NULL)
    {
      KenshoNodePrivate *parent_priv = kensho_node_get_instance_private (priv->parent);

      g_list_store_find (parent_priv->children, self, &position);
    }
  return position;
}

guint
kensho_node_get_depth (KenshoNode *self)
{
  guint depth = 0;

  for (KenshoNode *node = kensho_node_get_parent (self); node; node = kensho_node_get_parent (node))
    depth++;
  return depth;
}

gboolean
kensho_node_is_ancestor_of (KenshoNode *self, KenshoNode *descendant)
{
  for (KenshoNode *node = kensho_node_get_parent (descendant); node;
       node = kensho_node_get_parent (node))
    if (node == self)
      return TRUE;
  return FALSE;
}

/* The nearest node above @self of @kind: the goal, sub-goal or measure an
 * indicator belongs to; NULL when there is none. */
KenshoNode *
kensho_node_get_ancestor_of_kind (KenshoNode *self, KenshoNodeKind kind)
{
  g_return_val_if_fail (KENSHO_IS_NODE (self), NULL);
  for (KenshoNode *node = kensho_node_get_parent (self); node; node = kensho_node_get_parent (node))
    if (kensho_node_get_kind (node) == kind)
      return node;
  return NULL;
}

/* Goals hold sub-goals, measures and indicators; a city without a sub-goal
 * level puts measures right under its goals; indicators may hang anywhere. */
gboolean
kensho_node_kind_can_contain (KenshoNodeKind parent_kind, KenshoNodeKind child_kind)
{
  switch (parent_kind)
    {
    case KENSHO_NODE_ROOT:
      return child_kind == KENSHO_NODE_GOAL || child_kind == KENSHO_NODE_INDICATOR;
    case KENSHO_NODE_GOAL:
      return child_kind == KENSHO_NODE_SUBGOAL || child_kind == KENSHO_NODE_MEASURE ||
             child_kind == KENSHO_NODE_INDICATOR;
    case KENSHO_NODE_SUBGOAL:
      return child_kind == KENSHO_NODE_MEASURE || child_kind == KENSHO_NODE_INDICATOR;
    case KENSHO_NODE_MEASURE:
      return child_kind == KENSHO_NODE_INDICATOR;
    case KENSHO_NODE_INDICATOR:
    default:
      return FALSE;
    }
}

const char *
kensho_node_kind_to_string (KenshoNodeKind kind)
{
  switch (kind)
    {
    case KENSHO_NODE_ROOT: return "sheet";
    case KENSHO_NODE_GOAL: return "goal";
    case KENSHO_NODE_SUBGOAL: return "subgoal";
    case KENSHO_NODE_MEASURE: return "measure";
    case KENSHO_NODE_INDICATOR: return "indicator";
    default: return "unknown";
    }
}

static const char *
kind_display_name (KenshoNodeKind kind)
{
  switch (kind)
    {
    case KENSHO_NODE_ROOT: return _("the sheet");
    case KENSHO_NODE_GOAL: return _("a basic goal");
    case KENSHO_NODE_SUBGOAL: return _("a sub-goal");
    case KENSHO_NODE_MEASURE: return _("a measure");
    case KENSHO_NODE_INDICATOR: return _("an indicator");
    default: return "?";
    }
}

static void
set_sheet_recursive (KenshoNode *self, KenshoSheet *sheet)
{
  KenshoNodePrivate *priv = kensho_node_get_instance_private (self);
  guint n = kensho_node_get_n_children (self);

  if (priv->sheet != NULL && sheet == NULL)
    _kensho_sheet_unregister_node (priv->sheet, self);
  /* Registering first lets the sheet give the node a free identifier. */
  if (sheet != NULL && priv->kind != KENSHO_NODE_ROOT)
    _kensho_sheet_register_node (sheet, self);
  priv->sheet = sheet;

  for (guint i = 0; i < n; i++)
    set_sheet_recursive (kensho_node_get_child (self, i), sheet);
}

void
_kensho_node_attach_root (KenshoNode *root, KenshoSheet *sheet)
{
  set_sheet_recursive (root, sheet);
}

void
_kensho_node_emit_changing (KenshoNode *self, KenshoChange change, const char *field)
{
  KenshoNodePrivate *priv = kensho_node_get_instance_private (self);

  if (priv->sheet != NULL)
    _kensho_sheet_emit_changing (priv->sheet, change, G_OBJECT (self), field);
}

/* Structure is announced on the sheet the child is in, or is going into. */
static void
announce_structure (KenshoNode *child, KenshoNode *parent, const char *field)
{
  KenshoNodePrivate *child_priv = kensho_node_get_instance_private (child);
  KenshoNodePrivate *parent_priv = kensho_node_get_instance_private (parent);
  KenshoSheet *sheet = child_priv->sheet ? child_priv->sheet : parent_priv->sheet;

  if (sheet != NULL)
    _kensho_sheet_emit_changing (sheet, KENSHO_CHANGE_STRUCTURE, G_OBJECT (child), field);
}

void
_kensho_node_emit_changed (KenshoNode *self, KenshoChange change)
{
  KenshoNodePrivate *priv = kensho_node_get_instance_private (self);

  if (priv->sheet != NULL)
    _kensho_sheet_emit_changed (priv->sheet, change, G_OBJECT (self));
}

static gboolean
check_insert (KenshoNode *parent, KenshoNode *child, GError **error)
{
  KenshoNodePrivate *parent_priv = kensho_node_get_instance_private (parent);
  KenshoNodePrivate *child_priv = kensho_node_get_instance_private (child);

  if (!kensho_node_kind_can_contain (parent_priv->kind, child_priv->kind))
    {
      /* TRANSLATORS: e.g. "A measure cannot hold a basic goal." */
      g_autofree char *message = g_strdup_printf (_("%s cannot hold %s."),
                                                  kind_display_name (parent_priv->kind),
                                                  kind_display_name (child_priv->kind));
      message[0] = g_ascii_toupper (message[0]);
      g_set_error_literal (error, KENSHO_MODEL_ERROR, KENSHO_MODEL_ERROR_INVALID_STRUCTURE, message);
      return FALSE;
    }
  if (child == parent || kensho_node_is_ancestor_of (child, parent))
    {
      g_set_error_literal (error, KENSHO_MODEL_ERROR, KENSHO_MODEL_ERROR_INVALID_STRUCTURE,
                           _("A node cannot be moved into itself."));
      return FALSE;
    }
  return TRUE;
}

static void
insert_checked (KenshoNode *parent, KenshoNode *child, guint position)
{
  KenshoNodePrivate *parent_priv = kensho_node_get_instance_private (parent);
  KenshoNodePrivate *child_priv = kensho_node_get_instance_private (child);
  guint n;

  n = kensho_node_get_n_children (parent);
  position = MIN (position, n);
  child_priv->parent = parent;
  g_list_store_insert (ensure_children (parent_priv), position, child);
  if (parent_priv->sheet != NULL)
    set_sheet_recursive (child, parent_priv->sheet);
  _kensho_node_emit_changed (parent, KENSHO_CHANGE_STRUCTURE);
}

gboolean
kensho_node_insert (KenshoNode *parent, KenshoNode *child, guint position, GError **error)
{
  KenshoNodePrivate *child_priv = kensho_node_get_instance_private (child);

  g_return_val_if_fail (KENSHO_IS_NODE (parent), FALSE);
  g_return_val_if_fail (KENSHO_IS_NODE (child), FALSE);
  g_return_val_if_fail (child_priv->parent == NULL, FALSE);

  if (!check_insert (parent, child, error))
    return FALSE;
  announce_structure (child, parent, "insert");
  insert_checked (parent, child, position);
  return TRUE;
}

gboolean
kensho_node_append (KenshoNode *parent, KenshoNode *child, GError **error)
{
  return kensho_node_insert (parent, child, G_MAXUINT, error);
}

static void
remove_from_parent (KenshoNode *child)
{
  KenshoNodePrivate *child_priv = kensho_node_get_instance_private (child);
  g_autoptr(KenshoNode) parent = NULL;
  KenshoNodePrivate *parent_priv;
  guint position;

  parent = g_object_ref (child_priv->parent);
  parent_priv = kensho_node_get_instance_private (parent);
  if (!g_list_store_find (parent_priv->children, child, &position))
    g_return_if_reached ();

  g_object_ref (child);
  if (child_priv->sheet != NULL)
    set_sheet_recursive (child, NULL);
  child_priv->parent = NULL;
  g_list_store_remove (parent_priv->children, position);
  _kensho_node_emit_changed (parent, KENSHO_CHANGE_STRUCTURE);
  g_object_unref (child);
}

void
kensho_node_remove (KenshoNode *child)
{
  KenshoNodePrivate *child_priv = kensho_node_get_instance_private (child);

  g_return_if_fail (KENSHO_IS_NODE (child));
  g_return_if_fail (child_priv->parent != NULL);

  announce_structure (child, child_priv->parent, "remove");
  remove_from_parent (child);
}

gboolean
kensho_node_move (KenshoNode *child, KenshoNode *new_parent, guint position, GError **error)
{
  KenshoNodePrivate *child_priv = kensho_node_get_instance_private (child);
  g_autoptr(KenshoNode) keep = NULL;

  g_return_val_if_fail (KENSHO_IS_NODE (child), FALSE);
  g_return_val_if_fail (KENSHO_IS_NODE (new_parent), FALSE);
  g_return_val_if_fail (child_priv->parent != NULL, FALSE);

  if (!check_insert (new_parent, child, error))
    return FALSE;

  /* Positions count in the new parent as it is after the removal. */
  keep = g_object_ref (child);
  announce_structure (child, new_parent, "move");
  remove_from_parent (child);
  insert_checked (new_parent, child, position);
  return TRUE;
}

void
kensho_node_collect_indicators (KenshoNode *self, GPtrArray *indicators)
{
  guint n = kensho_node_get_n_children (self);

  if (kensho_node_get_kind (self) == KENSHO_NODE_INDICATOR)
    g_ptr_array_add (indicators, self);
  for (guint i = 0; i < n; i++)
    kensho_node_collect_indicators (kensho_node_get_child (self, i), indicators);
}

/* ① to ⑳, ㉑ to ㉟ and ㊱ to ㊿ as the sheets number measures; 0 for none. */
static guint
circled_value (gunichar c)
{
  if (c >= 0x2460 && c <= 0x2473)
    return c - 0x2460 + 1;
  if (c >= 0x3251 && c <= 0x325F)
    return c - 0x3251 + 21;
  if (c >= 0x32B1 && c <= 0x32BF)
    return c - 0x32B1 + 36;
  return 0;
}

static gunichar
circled_char (guint value)
{
  if (value <= 20)
    return 0x2460 + value - 1;
  if (value <= 35)
    return 0x3251 + value - 21;
  return 0x32B1 + value - 36;
}

/* @code with its last number one up: "④" → "⑤", "1-2" → "1-3", "(2)" →
 * "(3)"; NULL when it has none. */
static char *
increment_code (const char *code)
{
  const char *last = g_utf8_find_prev_char (code, code + strlen (code));
  const char *end = NULL, *start;
  guint value;

  if (last != NULL && circled_value (g_utf8_get_char (last)) > 0)
    {
      value = circled_value (g_utf8_get_char (last)) + 1;
      if (value <= 50)
        {
          char buffer[8] = { 0 };

          g_unichar_to_utf8 (circled_char (value), buffer);
          return g_strdup_printf ("%.*s%s", (int) (last - code), code, buffer);
        }
      return g_strdup_printf ("%.*s%u", (int) (last - code), code, value);
    }
  for (const char *p = code; *p; p++)
    if (g_ascii_isdigit (*p) && !g_ascii_isdigit (p[1]))
      end = p + 1;
  if (end == NULL)
    return NULL;
  for (start = end; start > code && g_ascii_isdigit (start[-1]); start--)
    ;
  value = (guint) g_ascii_strtoull (start, NULL, 10) + 1;
  return g_strdup_printf ("%.*s%u%s", (int) (start - code), code, value, end);
}

/* The code a new child of @kind under @parent takes: the next after its
 * last sibling of that kind (⑤ after ④), or the first of its kind
 * (measures ①, sub-goals "1-1" under goal "1", goals "1"). Indicators have
 * none: "" then. */
char *
kensho_node_dup_next_code (KenshoNode *parent, KenshoNodeKind kind)
{
  const char *parent_code;

  g_return_val_if_fail (KENSHO_IS_NODE (parent), NULL);

  if (kind == KENSHO_NODE_INDICATOR)
    return g_strdup ("");
  for (guint i = kensho_node_get_n_children (parent); i > 0; i--)
    {
      KenshoNode *sibling = kensho_node_get_child (parent, i - 1);
      const char *code = kensho_node_get_code (sibling);

      if (kensho_node_get_kind (sibling) == kind && code != NULL && *code != '\0')
        {
          char *next = increment_code (code);

          return next ? next : g_strdup ("");
        }
    }
  if (kind == KENSHO_NODE_MEASURE)
    return g_strdup ("①");
  parent_code = kensho_node_get_code (parent);
  if (kind == KENSHO_NODE_SUBGOAL && parent_code != NULL && *parent_code != '\0')
    return g_strconcat (parent_code, "-1", NULL);
  return g_strdup ("1");
}

/* "1-1 安定した雇用の創出", as the printed sheet shows a node. */
char *
kensho_node_dup_heading (KenshoNode *node)
{
  const char *code = kensho_node_get_code (node);
  const char *title = kensho_node_get_title (node);

  if (code == NULL)
    return g_strdup (title ? title : "");
  if (title == NULL)
    return g_strdup (code);
  /* Circled numbers (①) run into the title, as in the printed sheets. */
  if (g_unichar_isdigit (g_utf8_get_char (code)) || g_ascii_isalnum (code[strlen (code) - 1]))
    return g_strdup_printf ("%s %s", code, title);
  return g_strconcat (code, title, NULL);
}
