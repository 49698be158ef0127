/* pl-board-rules.h — what a choice board allows, checked
 *
 * Pure functions over arrays: the Boards view and the engine ask whether a
 * learner's picks follow the board's rules, and whether a board is well
 * made, before anything is saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  guint    n_rows;          /* grid size; a menu board is one column */
  guint    n_cols;
  guint    picks_required;  /* how many options a learner picks */
  gboolean three_in_row;    /* tic-tac-toe: the picks make a full line */
  guint    max_per_row;     /* 0: no limit */
  guint    max_per_col;     /* 0: no limit */
} PlBoardRules;

typedef struct
{
  guint    row;
  guint    col;
  gboolean required;        /* e.g. the centre square, or a must-do */
  guint    n_standards;     /* standards the option gives evidence for */
} PlBoardCell;

typedef enum
{
  PL_PICKS_OK               = 0,
  PL_PICKS_TOO_MANY         = 1 << 0,
  PL_PICKS_MISSING_REQUIRED = 1 << 1,   /* only once the picks are complete */
  PL_PICKS_NO_LINE          = 1 << 2,   /* only once the picks are complete */
  PL_PICKS_ROW_LIMIT        = 1 << 3,
  PL_PICKS_COL_LIMIT        = 1 << 4,
  PL_PICKS_TOO_FEW          = 1 << 5,   /* not a fault while the learner is choosing */
} PlPickProblems;

typedef enum
{
  PL_DESIGN_OK              = 0,
  PL_DESIGN_TOO_MANY        = 1 << 0,   /* more than nine options overwhelm */
  PL_DESIGN_NO_STANDARD     = 1 << 1,   /* an option gives evidence for nothing */
  PL_DESIGN_OFF_GRID        = 1 << 2,   /* an option sits outside the grid */
  PL_DESIGN_SHARED_CELL     = 1 << 3,   /* two options in one cell */
  PL_DESIGN_IMPOSSIBLE      = 1 << 4,   /* the rules cannot all be met */
} PlDesignProblems;

/* PICKED[i] says whether option i is picked. */
PlPickProblems   pl_board_check_picks      (const PlBoardRules *rules,
                                            const PlBoardCell  *options,
                                            guint               n_options,
                                            const gboolean     *picked);
PlDesignProblems pl_board_check_design     (const PlBoardRules *rules,
                                            const PlBoardCell  *options,
                                            guint               n_options);
/* Why the rules cannot all be met with OPTIONS, in one translated
 * sentence; NULL when they can (PL_DESIGN_IMPOSSIBLE is set exactly
 * then). */
char            *pl_board_explain_impossible (const PlBoardRules *rules,
                                              const PlBoardCell  *options,
                                              guint               n_options);
/* One translated sentence per problem, joined. */
char            *pl_board_describe_picks   (PlPickProblems      problems,
                                            const PlBoardRules *rules);
char            *pl_board_describe_design  (PlDesignProblems    problems);

G_END_DECLS
