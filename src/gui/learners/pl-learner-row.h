/* pl-learner-row.h — one learner in the Learners list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/pl-profile.h"

G_BEGIN_DECLS

#define PL_TYPE_LEARNER_ROW (pl_learner_row_get_type ())
G_DECLARE_FINAL_TYPE (PlLearnerRow, pl_learner_row, PL, LEARNER_ROW, GtkWidget)

GtkWidget *pl_learner_row_new         (void);
/* Shows PROFILE (may be NULL when the row is recycled); NOW_MS decides
 * whether it is stale. */
void       pl_learner_row_set_profile (PlLearnerRow *self,
                                       PlProfile    *profile,
                                       gint64        now_ms);

G_END_DECLS
