/* pl-store-boards.h — a class's choice board, its picks, and milestones
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pl-board.h"
#include "pl-board-rules.h"
#include "pl-choice-option.h"
#include "pl-pick.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* Pick statuses, in the order a pick moves through them. */
const char      *pl_pick_status_next           (const char   *status);
const char      *pl_pick_status_label          (const char   *status);

/* The board the class works with: assigned to the class or to some of
 * its learners, or (not assigned to anyone) on one of its units; the most
 * recently changed when there are several. NULL (and no error) when the
 * class has none. */
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

/* ---- who a board is for (pl-store-boards.c) ---------------------------- */

/* Gives BOARD to the whole of CLASSROOM_UUID (LEARNER_UUIDS NULL) or only
 * to those of its learners (a pilot group: at least one, each enrolled in
 * the class). Assignment rows no longer wanted become tombstones; one
 * transaction. */
gboolean         pl_store_assign_board         (PlStore            *store,
                                                PlBoard            *board,
                                                const char         *classroom_uuid,
                                                const char * const *learner_uuids,
                                                GError            **error);
/* Who BOARD is assigned to in CLASSROOM_UUID: *OUT_WHOLE_CLASS is TRUE
 * (and the array empty) for the whole class; otherwise the learner uuids
 * of its pilot group, empty when it is not assigned there at all. */
GStrv            pl_store_board_assignees      (PlStore      *store,
                                                const char   *board_uuid,
                                                const char   *classroom_uuid,
                                                gboolean     *out_whole_class,
                                                GError      **error);

/* ---- building and editing boards (pl-store-board-edit.c) ------------- */

#define PL_BOARD_MAX_SIZE 5          /* rows and columns of a grid */
#define PL_BOARD_MAX_MENU_OPTIONS 16

/* The board of UNIT_UUID (the most recently changed live one); NULL and
 * no error when the unit has none. */
PlBoard         *pl_store_unit_board           (PlStore      *store,
                                                const char   *unit_uuid,
                                                GError      **error);
/* A new board for UNIT_UUID, assigned to the unit's class. LAYOUT "grid":
 * 3 × 3 with nine options "Option 1" … "Option 9", the centre required,
 * three picks that make three in a row. LAYOUT "menu": two must-do and
 * three may-do options, three picks. A unit has one board: a second is
 * refused. */
PlBoard         *pl_store_create_board         (PlStore      *store,
                                                const char   *unit_uuid,
                                                const char   *layout,
                                                GError      **error);
/* Saves BOARD's title and rules after checking them: rows and columns
 * 1–5 (a grid), picks required at least 1 and at most the options, limits
 * per row and column not negative, three in a row only on a grid, no
 * option outside the grid, and rules that can all be met
 * (pl_board_explain_impossible). The error (PL_STORE_ERROR_INVALID) names
 * the field; nothing is written then and BOARD keeps the values it was
 * given. */
gboolean         pl_store_save_board           (PlStore      *store,
                                                PlBoard      *board,
                                                GError      **error);
/* Makes a grid N_ROWS × N_COLS. Options never move by themselves: when
 * one would fall outside the new grid the change is refused, naming it,
 * and BOARD is left as it was. */
gboolean         pl_store_resize_board         (PlStore      *store,
                                                PlBoard      *board,
                                                guint         n_rows,
                                                guint         n_cols,
                                                GError      **error);
/* Turns a grid into a menu (required options become must-do, the others
 * may-do, in reading order; no three in a row or limits) or a menu into a
 * grid three columns wide (must-do options first, still required). */
gboolean         pl_store_set_board_layout     (PlStore      *store,
                                                PlBoard      *board,
                                                const char   *layout,
                                                GError      **error);

/* A new option titled "Option N": on a grid in the empty square ROW,
 * COL; on a menu at the end of SECTION ("must" or "may"). */
PlChoiceOption  *pl_store_add_option           (PlStore      *store,
                                                PlBoard      *board,
                                                const char   *section,
                                                guint         row,
                                                guint         col,
                                                GError      **error);
/* Saves OPTION after checking it: a title, readiness tier 1–3, grouping
 * "solo", "pair" or "group", minutes 0–600, a square of the grid no other
 * option holds; the format and the interest tags (comma separated) are
 * trimmed, empty tags and repeats dropped. On a menu a must-do option is
 * required and a may-do one is not. */
gboolean         pl_store_save_option          (PlStore         *store,
                                                PlChoiceOption  *option,
                                                GError         **error);
/* Grid: moves OPTION to ROW, COL, swapping with the option there. */
gboolean         pl_store_move_option          (PlStore         *store,
                                                PlChoiceOption  *option,
                                                guint            row,
                                                guint            col,
                                                GError         **error);
/* Menu: moves OPTION to position INDEX (clamped) of SECTION. */
gboolean         pl_store_move_menu_option     (PlStore         *store,
                                                PlChoiceOption  *option,
                                                const char      *section,
                                                guint            index,
                                                GError         **error);
/* Takes OPTION off its board (a tombstone; its standards and picks are
 * kept for pl_store_restore_option). */
gboolean         pl_store_remove_option        (PlStore         *store,
                                                PlChoiceOption  *option,
                                                GError         **error);
/* Puts a removed option back (Undo): in its square, or the first free
 * one when another option took it; refused when the grid is full. */
gboolean         pl_store_restore_option       (PlStore         *store,
                                                PlChoiceOption  *option,
                                                GError         **error);

/* The standards OPTION_UUID gives evidence for (PlStandard, by code). */
GListModel      *pl_store_list_option_standards (PlStore     *store,
                                                 const char  *option_uuid,
                                                 GError     **error);
/* Links a standard to the option; a link that is already there is kept
 * as it is (no duplicates). */
gboolean         pl_store_add_option_standard   (PlStore     *store,
                                                 const char  *option_uuid,
                                                 const char  *standard_uuid,
                                                 GError     **error);
gboolean         pl_store_remove_option_standard (PlStore    *store,
                                                  const char *option_uuid,
                                                  const char *standard_uuid,
                                                  GError    **error);
/* What an option of BOARD_UUID can give evidence for: the standards its
 * unit targets, then those its options name besides (PlStandard). */
GListModel      *pl_store_list_board_standards  (PlStore     *store,
                                                 const char  *board_uuid,
                                                 GError     **error);

/* Formats of demonstration offered first, as stored: "write", "build",
 * "perform", "record", "present", "draw" (NULL-terminated). An option may
 * hold any other text a teacher types. */
const char * const *pl_option_formats          (void);
/* The translated name of FORMAT, or FORMAT itself when it is the
 * teacher's own. */
const char      *pl_option_format_label        (const char   *format);
const char      *pl_option_grouping_label      (const char   *grouping);

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
