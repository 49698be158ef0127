/* pl-goal.h — A learner’s goal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_GOAL (pl_goal_get_type ())
G_DECLARE_FINAL_TYPE (PlGoal, pl_goal, PL, GOAL, PlRecord)

PlGoal *pl_goal_new (void);

G_END_DECLS
