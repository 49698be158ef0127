/* pl-store-boards.h — a class's choice board, its picks, and milestones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pl-board.h"
#include "pl-board-rules.h"
#include "pl-pick.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* Pick statuses, in the order a pick moves through them. */
const char      *pl_pick_status_next           (const char   *status);
const char      *pl_pick_status_label          (const char   *status);

/* The board the class works with: given to the class, or on one of its
 * units; the most recently changed when there are several. NULL (and no
 * error) when the class has none. */
PlBoard         *pl_store_class_board          (PlStore      *store,
                                                const char   *classroom_uuid,
                                                GError      **error);
/* The options of BOARD, by row and column (PlChoiceOption). */
GListModel      *pl_store_list_board_options   (PlStore      *store,
                                                const char   *board_uuid,
                                                GError      **error);
/* The live picks on BOARD's options (PlPick). */
GListModel      *pl_store_list_board_picks     (PlStore      *store,
                                                const char   *board_uuid,
                                                GError      **error);

/* The learner's pick of OPTION_UUID, made "chosen" if there is none. */
PlPick          *pl_store_record_pick          (PlStore      *store,
                                                const char   *learner_uuid,
                                                const char   *option_uuid,
                                                GError      **error);
/* chosen → in-progress → submitted → assessed; an assessed pick stays. */
gboolean         pl_store_advance_pick         (PlStore      *store,
                                                PlPick       *pick,
                                                GError      **error);
/* Takes the pick back (a tombstone that syncs). */
gboolean         pl_store_remove_pick          (PlStore      *store,
                                                PlPick       *pick,
                                                GError      **error);

/* The board's rules, and its options as cells, for pl-board-rules.h. */
void             pl_board_get_rules            (PlBoard      *board,
                                                PlBoardRules *rules);
/* Checks the learner's live picks on BOARD against its rules. */
PlPickProblems   pl_store_check_learner_picks  (PlStore      *store,
                                                PlBoard      *board,
                                                const char   *learner_uuid,
                                                GError      **error);
PlDesignProblems pl_store_check_board_design   (PlStore      *store,
                                                PlBoard      *board,
                                                GError      **error);

typedef struct
{
  char  *milestone_uuid;
  char  *title;
  char  *due_on;
  guint  n_done;
  guint  n_behind;     /* past due and not done */
  guint  n_learners;
} PlMilestoneStatus;

void             pl_milestone_status_clear     (PlMilestoneStatus *status);
/* For each milestone of the class's units, by due date, how many learners
 * have done it and how many are behind on TODAY ("YYYY-MM-DD", NULL for
 * today). An array of PlMilestoneStatus. */
GArray          *pl_store_class_milestones     (PlStore      *store,
                                                const char   *classroom_uuid,
                                                const char   *today,
                                                GError      **error);

G_END_DECLS
