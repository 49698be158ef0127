/* pl-checkins-page-private.h — what the Check-ins view's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/pl-store-goals.h"
#include "pl-checkins-page.h"

G_BEGIN_DECLS

struct _PlCheckinsPage
{
  AdwBin            parent_instance;

  PlContext        *context;
  PlClassroom      *classroom;
  gulong            changed_id;
  gulong            day_changed_id;  /* the checkin-day preference */
  guint             reload_id;

  GHashTable       *status;        /* learner uuid → PlCheckinStatus* */
  GHashTable       *names;         /* learner uuid → display name */
  GtkStringList    *learners;      /* learner uuids in name order */
  GtkFilterListModel *filtered;
  GtkCustomFilter  *filter;
  GtkSingleSelection *selection;
  char             *learner;       /* on screen */
  PlCheckin        *editing;       /* this week's check-in, if one exists */
  char             *reflection_progress;
  GtkToggleButton  *progress[4];
  GtkToggleButton  *markers[PL_N_MARKERS];
  GtkFileChooserNative *chooser;

  GtkStack         *stack;
  AdwStatusPage    *empty_page;
  AdwLeaflet       *leaflet;
  GtkWidget        *sidebar;
  GtkWidget        *detail;
  GtkDropDown      *filter_dropdown;
  GtkLabel         *summary_label;
  GtkListView      *learner_list;
  GtkLabel         *name_label;
  GtkRevealer      *reflection_revealer;
  AdwPreferencesGroup *reflection_group;
  AdwEntryRow      *reflection_row;
  GtkListBox       *goals_list;
  AdwEntryRow      *new_goal_row;
  AdwComboRow      *link_row;
  AdwEntryRow      *target_row;
  GListModel       *targets;        /* milestones and standards a goal can link to */
  GtkLabel         *smart_label;
  GtkBox           *progress_box;
  AdwEntryRow      *worked_row;
  AdwEntryRow      *hard_row;
  AdwEntryRow      *strategy_row;
  AdwEntryRow      *help_row;
  AdwEntryRow      *note_row;
  AdwEntryRow      *next_row;
  GtkFlowBox       *markers_box;
  GtkListBox       *history_list;
  GtkWidget        *more_button;
};

PlStore *_pl_checkins_page_store               (PlCheckinsPage *self);
guint    _pl_checkins_page_weekday             (PlCheckinsPage *self);
void     _pl_checkins_page_toast               (PlCheckinsPage *self,
                                                AdwToast       *toast);

void     _pl_checkins_page_init_goals          (PlCheckinsPage *self);
void     _pl_checkins_page_load_targets        (PlCheckinsPage *self);
void     _pl_checkins_page_fill_goals          (PlCheckinsPage *self);
void     _pl_checkins_page_fill_history        (PlCheckinsPage *self);

void     _pl_checkins_page_set_pin_action      (GtkWidget      *widget,
                                                const char     *name,
                                                GVariant       *parameter);
void     _pl_checkins_page_learner_mode_action (GtkWidget      *widget,
                                                const char     *name,
                                                GVariant       *parameter);
void     _pl_checkins_page_export_pdf_action   (GtkWidget      *widget,
                                                const char     *name,
                                                GVariant       *parameter);

G_END_DECLS
