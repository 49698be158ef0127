/* pl-milestone.h — A dated milestone of a unit, with an optional reflection prompt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_MILESTONE (pl_milestone_get_type ())
G_DECLARE_FINAL_TYPE (PlMilestone, pl_milestone, PL, MILESTONE, PlRecord)

PlMilestone *pl_milestone_new (void);

G_END_DECLS
