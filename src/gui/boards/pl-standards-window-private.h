/* pl-standards-window-private.h — shared by the Standards window's files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-standards-window.h"

G_BEGIN_DECLS

struct _PlStandardsWindow
{
  AdwWindow            parent_instance;

  PlStore             *store;
  gulong               changed_id;
  guint                reload_id;

  GtkTreeListModel    *tree;          /* frameworks, then their standards */
  GtkTreeListModel    *results;       /* a flat list while searching */
  GtkFilterListModel  *matches;
  GtkCustomFilter     *filter;
  GListModel          *all_standards; /* loaded when a search starts */
  GHashTable          *framework_titles;
  char                *needle;        /* case-folded search text */
  GtkSingleSelection  *selection;
  char                *pending_select;

  /* Importing: one file at a time. */
  GFile               *import_file;
  GCancellable        *cancellable;
  guint                pulse_id;
  AdwMessageDialog    *dialog;
  GtkWindow           *editor;

  AdwToastOverlay     *toast_overlay;
  AdwWindowTitle      *window_title;
  GtkSearchEntry      *search_entry;
  GtkStack            *stack;
  GtkListView         *list_view;
  AdwStatusPage       *busy_page;
  GtkProgressBar      *progress;
};

/* pl-standards-window.c */
void _pl_standards_window_toast         (PlStandardsWindow *self,
                                         AdwToast          *toast);
void _pl_standards_window_show_dialog   (PlStandardsWindow *self,
                                         AdwMessageDialog  *dialog);
void _pl_standards_window_update_state  (PlStandardsWindow *self);

/* pl-standards-window-import.c */
void _pl_standards_window_import_action (GtkWidget         *widget,
                                         const char        *action_name,
                                         GVariant          *parameter);
void _pl_standards_window_cancel_action (GtkWidget         *widget,
                                         const char        *action_name,
                                         GVariant          *parameter);
void _pl_standards_window_stop_import   (PlStandardsWindow *self);

G_END_DECLS
