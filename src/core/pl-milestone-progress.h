/* pl-milestone-progress.h — A learner’s progress on a milestone, and their reflection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_MILESTONE_PROGRESS (pl_milestone_progress_get_type ())
G_DECLARE_FINAL_TYPE (PlMilestoneProgress, pl_milestone_progress, PL, MILESTONE_PROGRESS, PlRecord)

PlMilestoneProgress *pl_milestone_progress_new (void);

G_END_DECLS
