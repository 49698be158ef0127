/* pl-goal-status.h — A dated change of a goal's status; append-only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_GOAL_STATUS (pl_goal_status_get_type ())
G_DECLARE_FINAL_TYPE (PlGoalStatus, pl_goal_status, PL, GOAL_STATUS, PlRecord)

PlGoalStatus *pl_goal_status_new (void);

G_END_DECLS
