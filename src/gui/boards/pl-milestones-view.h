/* pl-milestones-view.h — a unit's milestones and where each learner
 * stands on them; the teacher marks a learner done or not done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_MILESTONES_VIEW (pl_milestones_view_get_type ())
G_DECLARE_FINAL_TYPE (PlMilestonesView, pl_milestones_view, PL, MILESTONES_VIEW, AdwPreferencesGroup)

/* Shows the milestones of UNIT_UUID (NULL: none), keeping which ones are
 * open and where the keyboard focus was. */
void pl_milestones_view_set_unit (PlMilestonesView *self,
                                  PlStore          *store,
                                  const char       *unit_uuid);

G_END_DECLS
