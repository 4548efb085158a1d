/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What kensho-window.c shares with its actions (kensho-window-actions.c). */

#include <glib/gi18n.h>

#include "kensho-busy-indicator.h"
#include "kensho-change-banner.h"
#include "kensho-window.h"

G_BEGIN_DECLS

struct _KenshoWindow
{
  AdwApplicationWindow parent_instance;

  /* Template children */
  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkToggleButton *search_button;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkDropDown *division_filter;
  GtkDropDown *rating_filter;
  GtkDropDown *year_dropdown;
  GtkRevealer *status_revealer;
  GtkLabel *status_label;
  GtkStack *main_stack;
  GtkListBox *recent_list;
  GtkLabel *recent_heading;
  GtkPaned *paned;
  GtkBox *tree_box;
  GtkStack *form_stack;

  KenshoStrategyTree *tree;
  GtkWidget *indicator_form;
  GtkWidget *node_form;
  GtkWidget *checks_panel;
  GtkWidget *overview_page;
  GtkWidget *indicator_table;

  KenshoDocument *document;
  KenshoUndoStack *undo;
  GSignalGroup *document_signals;
  GSignalGroup *sheet_signals;
  GtkCssProvider *zoom_css;
  int first_year_listed, last_year_listed;
  gboolean filling_years;
  gboolean read_only_shown;
  gboolean quitting;
  gboolean close_confirmed;
  KenshoSaveFlags refused_save_flags; /* of the save whose rename was refused */
  KenshoChangeBanner *change_banner;
  KenshoBusyIndicator *busy_indicator;
  GCancellable *cancellable;          /* cancelled when the window goes */
  gboolean save_running;              /* until its answer is shown */
  KenshoSaveFlags save_flags;
  char *save_path;                    /* of a Save As running; NULL for a Save */
  gboolean save_again;                /* Save pressed during a save */
  KenshoSaveFlags save_again_flags;
  char *save_again_path;              /* Save As chosen during a save */
  gboolean close_after_save;          /* closed during a save */
  KenshoBusyIndicator *open_indicator;
  GPtrArray *opening;                 /* the opens running in threads */
};

static inline KenshoApplication *
get_app (KenshoWindow *self)
{
  return KENSHO_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static inline void
show_toast (KenshoWindow *self, const char *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

static inline KenshoSession *
get_session (KenshoWindow *self)
{
  return kensho_application_get_session (get_app (self));
}

/* A message the user must read: the reason, and nothing lost. */
static inline void
show_error (KenshoWindow *self, const char *heading, const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

gboolean           _kensho_window_show_indicator       (KenshoWindow     *self,
                                                        KenshoNode       *node);
const char        *_kensho_window_selected_division    (KenshoWindow     *self);
const char        *_kensho_window_selected_rating_id   (KenshoWindow     *self);
KenshoWindow      *_kensho_window_for_new_sheet        (KenshoWindow     *self);
/* Save As; @beside: a copy beside the file is suggested, not the file. */
void               _kensho_window_save_as              (KenshoWindow     *self,
                                                        gboolean          beside);
void               _kensho_window_open_path            (KenshoWindow     *self,
                                                        const char       *path,
                                                        KenshoOpenFlags   flags);
KenshoWindow      *_kensho_window_showing_path         (KenshoWindow     *self,
                                                        const char       *path);
void               _kensho_window_ask_about_open       (KenshoWindow     *self,
                                                        const char       *path,
                                                        KenshoOpenFlags   flags,
                                                        const GError     *error);
void               _kensho_window_show_opened          (KenshoWindow     *self,
                                                        KenshoDocument   *document);
double             _kensho_window_get_zoom             (KenshoWindow     *self);

/* kensho-window-open.c */
void               _kensho_window_init_opening         (KenshoWindow     *self);
void               _kensho_window_open_path_async      (KenshoWindow     *self,
                                                        const char       *path,
                                                        KenshoOpenFlags   flags);
void               _kensho_window_open_file_async      (KenshoWindow     *self,
                                                        GFile            *file);
void               _kensho_window_cancel_opens         (KenshoWindow     *self);

/* kensho-window-actions.c */
void               _kensho_window_save                 (KenshoWindow     *self,
                                                        KenshoSaveFlags   flags);
void               _kensho_window_class_actions_init   (GtkWidgetClass   *widget_class);

G_END_DECLS
