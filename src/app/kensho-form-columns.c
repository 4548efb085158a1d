/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "kensho-form-columns.h"

/* Between the columns, and between the parts stacked. */
#define COLUMN_SPACING 24
#define ROW_SPACING 6
/* Narrower columns than this wrap the commentary too much to be worth it. */
#define MIN_COLUMN_WIDTH 320

struct _KenshoFormColumns
{
  GtkWidget parent_instance;

  gboolean wide; /* as last allocated */
};

G_DEFINE_FINAL_TYPE (KenshoFormColumns, kensho_form_columns, GTK_TYPE_WIDGET)

static int
start_width (int width)
{
  return (width - COLUMN_SPACING) / 2;
}

/* Side by side at @width: both parts fit their halves. */
static gboolean
fits_side_by_side (GtkWidget *widget, int width)
{
  int half = start_width (width);

  if (half < MIN_COLUMN_WIDTH)
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int minimum;

      if (!gtk_widget_should_layout (child))
        continue;
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (minimum > width - COLUMN_SPACING - half)
        return FALSE;
    }
  return TRUE;
}

static void
kensho_form_columns_measure (GtkWidget *widget, GtkOrientation orientation, int for_size,
                             int *minimum, int *natural, int *minimum_baseline, int *natural_baseline)
{
  gboolean wide = orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0 && fits_side_by_side (widget, for_size);
  int n = 0;

  *minimum = *natural = 0;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat, size = for_size;

      if (!gtk_widget_should_layout (child))
        continue;
      if (wide)
        size = n == 0 ? start_width (for_size) : for_size - COLUMN_SPACING - start_width (for_size);
      gtk_widget_measure (child, orientation, size, &child_min, &child_nat, NULL, NULL);
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        {
          /* As narrow as the widest part, as wide as both beside each other. */
          *minimum = MAX (*minimum, child_min);
          *natural += child_nat + (n > 0 ? COLUMN_SPACING : 0);
        }
      else if (wide)
        {
          *minimum = MAX (*minimum, child_min);
          *natural = MAX (*natural, child_nat);
        }
      else
        {
          *minimum += child_min + (n > 0 ? ROW_SPACING : 0);
          *natural += child_nat + (n > 0 ? ROW_SPACING : 0);
        }
      n++;
    }
}

static void
kensho_form_columns_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  KenshoFormColumns *self = KENSHO_FORM_COLUMNS (widget);
  int x = 0, y = 0;

  self->wide = fits_side_by_side (widget, width);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      int child_width = width, child_height;

      if (!gtk_widget_should_layout (child))
        continue;
      if (self->wide)
        {
          child_width = x == 0 ? start_width (width) : width - x;
          child_height = height;
        }
      else
        gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, NULL, &child_height, NULL, NULL);
      gtk_widget_allocate (child, child_width, child_height, -1,
                           gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (x, y)));
      if (self->wide)
        x += child_width + COLUMN_SPACING;
      else
        y += child_height + ROW_SPACING;
    }
}

/* Tab goes through the first part, then the second, in either layout: GTK
 * would order them by where their middles are. */
static gboolean
kensho_form_columns_focus (GtkWidget *widget, GtkDirectionType direction)
{
  gboolean forward = direction == GTK_DIR_TAB_FORWARD;
  GtkWidget *focus_child = gtk_widget_get_focus_child (widget);
  GtkWidget *child;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (kensho_form_columns_parent_class)->focus (widget, direction);
  if (focus_child != NULL && gtk_widget_child_focus (focus_child, direction))
    return TRUE;
  if (focus_child != NULL)
    child = forward ? gtk_widget_get_next_sibling (focus_child) : gtk_widget_get_prev_sibling (focus_child);
  else
    child = forward ? gtk_widget_get_first_child (widget) : gtk_widget_get_last_child (widget);
  for (; child; child = forward ? gtk_widget_get_next_sibling (child) : gtk_widget_get_prev_sibling (child))
    if (gtk_widget_child_focus (child, direction))
      return TRUE;
  return FALSE;
}

static GtkSizeRequestMode
kensho_form_columns_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
kensho_form_columns_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (kensho_form_columns_parent_class)->dispose (object);
}

static void
kensho_form_columns_class_init (KenshoFormColumnsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = kensho_form_columns_dispose;
  widget_class->measure = kensho_form_columns_measure;
  widget_class->size_allocate = kensho_form_columns_size_allocate;
  widget_class->get_request_mode = kensho_form_columns_get_request_mode;
  widget_class->focus = kensho_form_columns_focus;
}

static void
kensho_form_columns_init (KenshoFormColumns *self)
{
}

GtkWidget *
kensho_form_columns_new (void)
{
  return g_object_new (KENSHO_TYPE_FORM_COLUMNS, NULL);
}

/* Whether the parts were last laid out side by side. */
gboolean
kensho_form_columns_is_wide (KenshoFormColumns *self)
{
  g_return_val_if_fail (KENSHO_IS_FORM_COLUMNS (self), FALSE);
  return self->wide;
}
