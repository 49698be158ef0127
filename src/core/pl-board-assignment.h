/* pl-board-assignment.h — A board given to a class, or to one learner of a pilot group.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_BOARD_ASSIGNMENT (pl_board_assignment_get_type ())
G_DECLARE_FINAL_TYPE (PlBoardAssignment, pl_board_assignment, PL, BOARD_ASSIGNMENT, PlRecord)

PlBoardAssignment *pl_board_assignment_new (void);

G_END_DECLS
