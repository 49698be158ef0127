/* pl-boards-page-private.h — what the parts of the Boards view share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "core/pl-store-boards.h"
#include "core/pl-store-units.h"
#include "pl-boards-page.h"
#include "pl-milestones-view.h"
#include "pl-unit-summary.h"
#include "pl-unit-switcher.h"

G_BEGIN_DECLS

struct _PlBoardsPage
{
  AdwBin              parent_instance;

  PlContext          *context;
  PlClassroom        *classroom;
  gulong              changed_id;
  guint               reload_id;

  PlBoard            *board;
  GListModel         *options;
  GHashTable         *names;        /* learner uuid → name */
  GHashTable         *picks;        /* learner uuid → (option uuid → PlPick) */
  GHashTable         *problems;     /* learner uuid → PlPickProblems */
  GtkStringList      *learners;
  GtkCustomFilter    *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GPtrArray          *buttons;      /* one per option, in option order */
  gboolean            pilot;        /* the board is for some learners only */

  GtkStack           *stack;
  AdwStatusPage      *empty_page;
  GtkBox             *menu_box;
  GtkBox             *must_box;
  GtkBox             *may_box;
  AdwPreferencesGroup *board_group;
  GtkLabel           *design_label;
  GtkGrid            *grid;
  GtkLabel           *learner_label;
  GtkDropDown        *filter_dropdown;
  GtkLabel           *summary_label;
  GtkListView        *learner_list;

  /* the unit shown, its plan and its milestones */
  PlUnitSwitcher     *unit_switcher;
  PlUnitSummary      *unit_summary;
  GtkWidget          *empty_button;
  GtkStack           *board_stack;
  GtkWidget          *no_board_box;
  GtkLabel           *no_board_label;
  GtkWidget          *no_board_actions;
  GtkWidget          *create_button;
  GtkWidget          *learner_pane;
  GtkWidget          *learner_separator;
  PlMilestonesView   *milestones_view;
};

/* Loads the view again from an idle, not within a widget's signal. */
void      _pl_boards_page_reload_soon       (PlBoardsPage   *self);

/* pl-boards-page-units.c */
void      _pl_boards_page_units_class_init  (GtkWidgetClass *widget_class);
void      _pl_boards_page_units_init        (PlBoardsPage   *self);
void      _pl_boards_page_show_no_class     (PlBoardsPage   *self);
/* Shows the unit chosen at the top, its plan and milestones; FALSE when
 * the class has none (the view then says how to plan one). */
gboolean  _pl_boards_page_load_unit         (PlBoardsPage   *self);
void      _pl_boards_page_show_board        (PlBoardsPage   *self);
/* Printing the unit's brief needs a unit, the handout a board too. */
void      _pl_boards_page_update_print_actions (PlBoardsPage *self);
/* The unit has no board: its plan and milestones still show, with a way
 * to build one. */
void      _pl_boards_page_show_no_board     (PlBoardsPage   *self,
                                             GError         *error);

G_END_DECLS
