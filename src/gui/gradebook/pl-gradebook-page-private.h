/* pl-gradebook-page-private.h — what the Gradebook view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/pl-store-gradebook.h"
#include "pl-gradebook-page.h"
#include "pl-gradebook-row.h"

G_BEGIN_DECLS

struct _PlGradebookPage
{
  AdwBin             parent_instance;

  PlContext         *context;
  PlClassroom       *classroom;

  AdwToastOverlay   *toast_overlay;
  GtkDropDown       *method_dropdown;
  GtkSpinButton     *param_spin;
  GtkSpinButton     *level_spin;
  GtkToggleButton   *course_grade_toggle;
  GtkLabel          *explanation_label;
  GtkRevealer       *course_grade_revealer;
  GtkRevealer       *export_revealer;
  GtkLabel          *export_label;
  GtkProgressBar    *export_progress;
  GCancellable      *exporting;
  guint              export_timer;
  GtkLabel          *course_grade_label;
  GtkStack          *stack;
  GtkColumnView     *column_view;

  PlGradebookShare  *share;
  GtkSingleSelection *selection;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *grade_column;
  GPtrArray         *standard_columns;
  char             **column_standards;   /* the standards the columns were made for */
  guint              reload_id;
  GCancellable      *loading;
  GtkWidget         *open_popover;     /* weak */
  gboolean           updating;
  gulong             store_changed_id;
  gulong             settings_changed_id;
  PlStore           *watched_store;
  GSettings         *watched_settings;
};

void         _pl_gradebook_page_toast                   (PlGradebookPage *self,
                                                         const char      *message);
PlGradebook *_pl_gradebook_page_current                 (PlGradebookPage *self);

/* pl-gradebook-page-export.c: the export menu's actions. */
void         _pl_gradebook_page_export_action_cb        (GtkWidget       *widget,
                                                         const char      *action_name,
                                                         GVariant        *parameter);
void         _pl_gradebook_page_cancel_export_action_cb (GtkWidget       *widget,
                                                         const char      *action_name,
                                                         GVariant        *parameter);

G_END_DECLS
