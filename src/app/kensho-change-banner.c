/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "kensho-change-banner.h"
#include "kensho-filesystem.h"

enum { RESPONSE_RELOAD = 1, RESPONSE_KEEP_BOTH, RESPONSE_KEEP_MINE };

struct _KenshoChangeBanner
{
  GtkWidget parent_instance;
  GtkWidget *info_bar;
  GtkWidget *label;
  GtkWidget *reload_button;
  GtkWidget *keep_both_button;
  KenshoDocument *document;
  GFileMonitor *monitor;
  guint poll_source;
  guint interval;
  GtkWidget *root;          /* whose focus is watched */
  gboolean dismissed;       /* Keep Mine: not shown again for this change */
};

G_DEFINE_FINAL_TYPE (KenshoChangeBanner, kensho_change_banner, GTK_TYPE_WIDGET)

enum { PROP_0, PROP_INTERVAL, PROP_SHOWN, N_PROPS };
static GParamSpec *properties[N_PROPS];

enum { KEEP_BOTH, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
set_shown (KenshoChangeBanner *self, gboolean shown)
{
  if (gtk_info_bar_get_revealed (GTK_INFO_BAR (self->info_bar)) == shown)
    return;
  if (shown)
    {
      gboolean unsaved = kensho_document_get_unsaved (self->document);
      g_autofree char *base = g_path_get_basename (kensho_document_get_path (self->document));
      g_autofree char *text = NULL;

      /* Never lose either side: with edits here, Reload would drop them. */
      text = g_strdup_printf (unsaved ? _("Someone changed “%s” on disk, and you have unsaved changes: keep both?")
                                      : _("Someone changed “%s” on disk."), base);
      gtk_label_set_text (GTK_LABEL (self->label), text);
      gtk_widget_set_visible (self->reload_button, !unsaved);
      gtk_widget_set_visible (self->keep_both_button, unsaved);
    }
  gtk_widget_set_visible (self->info_bar, shown);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->info_bar), shown);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOWN]);
}

void
kensho_change_banner_check (KenshoChangeBanner *self)
{
  gboolean changed;

  g_return_if_fail (KENSHO_IS_CHANGE_BANNER (self));

  if (self->document == NULL || kensho_document_get_path (self->document) == NULL)
    return;
  changed = kensho_document_changed_on_disk (self->document);
  if (!changed)
    self->dismissed = FALSE;
  set_shown (self, changed && !self->dismissed);
}

gboolean
kensho_change_banner_get_shown (KenshoChangeBanner *self)
{
  g_return_val_if_fail (KENSHO_IS_CHANGE_BANNER (self), FALSE);
  return gtk_info_bar_get_revealed (GTK_INFO_BAR (self->info_bar));
}

static void
on_response (GtkInfoBar *bar, int response, KenshoChangeBanner *self)
{
  g_autoptr(GError) error = NULL;

  if (self->document == NULL)
    return;
  switch (response)
    {
    case RESPONSE_RELOAD:
      if (!kensho_document_reload (self->document, &error))
        gtk_label_set_text (GTK_LABEL (self->label), error->message);
      else
        set_shown (self, FALSE);
      break;
    case RESPONSE_KEEP_BOTH:
      g_signal_emit (self, signals[KEEP_BOTH], 0);
      break;
    case RESPONSE_KEEP_MINE:
    default:
      /* Saving later still asks: overwrite theirs, or save elsewhere. */
      self->dismissed = TRUE;
      set_shown (self, FALSE);
    }
}

static void
on_file_changed (GFileMonitor *monitor, GFile *file, GFile *other, GFileMonitorEvent event,
                 KenshoChangeBanner *self)
{
  if (event != G_FILE_MONITOR_EVENT_CHANGED)
    kensho_change_banner_check (self);
}

static gboolean
on_poll (gpointer data)
{
  kensho_change_banner_check (data);
  return G_SOURCE_CONTINUE;
}

static void
on_root_active (GtkWindow *window, GParamSpec *pspec, KenshoChangeBanner *self)
{
  if (gtk_window_is_active (window))
    kensho_change_banner_check (self);
}

static void
stop_watching (KenshoChangeBanner *self)
{
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }
  g_clear_handle_id (&self->poll_source, g_source_remove);
}

static void
start_watching (KenshoChangeBanner *self)
{
  const char *path;

  stop_watching (self);
  self->dismissed = FALSE;
  if (self->document == NULL || (path = kensho_document_get_path (self->document)) == NULL)
    return;
  if (kensho_path_is_on_network (path))
    self->poll_source = g_timeout_add (self->interval, on_poll, self);
  else
    {
      g_autoptr(GFile) file = g_file_new_for_path (path);

      /* Watch moves too: a save elsewhere replaces the file by a rename. */
      self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
      if (self->monitor != NULL)
        g_signal_connect (self->monitor, "changed", G_CALLBACK (on_file_changed), self);
    }
}

static void
on_document_changed (KenshoDocument *document, GParamSpec *pspec, KenshoChangeBanner *self)
{
  /* A new file, or saved or reloaded: what was shown may be over. */
  if (g_str_equal (pspec->name, "path"))
    start_watching (self);
  kensho_change_banner_check (self);
}

void
kensho_change_banner_set_document (KenshoChangeBanner *self, KenshoDocument *document)
{
  g_return_if_fail (KENSHO_IS_CHANGE_BANNER (self));

  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_set_object (&self->document, document);
  set_shown (self, FALSE);
  if (document != NULL)
    {
      g_signal_connect (document, "notify::path", G_CALLBACK (on_document_changed), self);
      g_signal_connect (document, "notify::sheet", G_CALLBACK (on_document_changed), self);
      g_signal_connect (document, "notify::unsaved", G_CALLBACK (on_document_changed), self);
    }
  start_watching (self);
}

static void
kensho_change_banner_root (GtkWidget *widget)
{
  KenshoChangeBanner *self = KENSHO_CHANGE_BANNER (widget);

  GTK_WIDGET_CLASS (kensho_change_banner_parent_class)->root (widget);
  self->root = GTK_WIDGET (gtk_widget_get_root (widget));
  if (GTK_IS_WINDOW (self->root))
    g_signal_connect (self->root, "notify::is-active", G_CALLBACK (on_root_active), self);
}

static void
kensho_change_banner_unroot (GtkWidget *widget)
{
  KenshoChangeBanner *self = KENSHO_CHANGE_BANNER (widget);

  if (self->root != NULL)
    g_signal_handlers_disconnect_by_data (self->root, self);
  self->root = NULL;
  GTK_WIDGET_CLASS (kensho_change_banner_parent_class)->unroot (widget);
}

static void
kensho_change_banner_dispose (GObject *object)
{
  KenshoChangeBanner *self = KENSHO_CHANGE_BANNER (object);

  stop_watching (self);
  if (self->document != NULL)
    g_signal_handlers_disconnect_by_data (self->document, self);
  g_clear_object (&self->document);
  g_clear_pointer (&self->info_bar, gtk_widget_unparent);
  G_OBJECT_CLASS (kensho_change_banner_parent_class)->dispose (object);
}

static void
kensho_change_banner_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  KenshoChangeBanner *self = KENSHO_CHANGE_BANNER (object);

  switch (prop_id)
    {
    case PROP_INTERVAL: g_value_set_uint (value, self->interval); break;
    case PROP_SHOWN: g_value_set_boolean (value, kensho_change_banner_get_shown (self)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kensho_change_banner_set_property (GObject *object, guint prop_id, const GValue *value,
                                   GParamSpec *pspec)
{
  KenshoChangeBanner *self = KENSHO_CHANGE_BANNER (object);

  switch (prop_id)
    {
    case PROP_INTERVAL:
      self->interval = g_value_get_uint (value);
      start_watching (self);
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
kensho_change_banner_class_init (KenshoChangeBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = kensho_change_banner_dispose;
  object_class->get_property = kensho_change_banner_get_property;
  object_class->set_property = kensho_change_banner_set_property;
  widget_class->root = kensho_change_banner_root;
  widget_class->unroot = kensho_change_banner_unroot;

  /* How often a file on a network drive is looked at, in milliseconds. */
  properties[PROP_INTERVAL] = g_param_spec_uint ("interval", NULL, NULL, 10, G_MAXUINT, 45000,
                                                 G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                 G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOWN] = g_param_spec_boolean ("shown", NULL, NULL, FALSE,
                                                 G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                 G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  signals[KEEP_BOTH] = g_signal_new ("keep-both", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
kensho_change_banner_init (KenshoChangeBanner *self)
{
  self->interval = 45000;
  self->info_bar = gtk_info_bar_new ();
  gtk_info_bar_set_message_type (GTK_INFO_BAR (self->info_bar), GTK_MESSAGE_WARNING);
  self->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_info_bar_add_child (GTK_INFO_BAR (self->info_bar), self->label);
  self->reload_button = gtk_info_bar_add_button (GTK_INFO_BAR (self->info_bar), _("_Reload"), RESPONSE_RELOAD);
  self->keep_both_button = gtk_info_bar_add_button (GTK_INFO_BAR (self->info_bar), _("Keep _Both…"),
                                                    RESPONSE_KEEP_BOTH);
  gtk_info_bar_add_button (GTK_INFO_BAR (self->info_bar), _("_Keep Mine"), RESPONSE_KEEP_MINE);
  g_signal_connect (self->info_bar, "response", G_CALLBACK (on_response), self);
  gtk_info_bar_set_revealed (GTK_INFO_BAR (self->info_bar), FALSE);
  gtk_widget_set_visible (self->info_bar, FALSE);
  gtk_widget_set_parent (self->info_bar, GTK_WIDGET (self));
}

GtkWidget *
kensho_change_banner_new (void)
{
  return g_object_new (KENSHO_TYPE_CHANGE_BANNER, NULL);
}
