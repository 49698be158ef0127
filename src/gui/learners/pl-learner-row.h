/* pl-learner-row.h — one learner in the Learners list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/pl-profile.h"
#include "pl-list-slot.h"

G_BEGIN_DECLS

#define PL_TYPE_LEARNER_ROW (pl_learner_row_get_type ())
G_DECLARE_FINAL_TYPE (PlLearnerRow, pl_learner_row, PL, LEARNER_ROW, GtkWidget)

GtkWidget *pl_learner_row_new         (void);
/* Shows PROFILE (may be NULL when the row is recycled); NOW_MS decides
 * whether it is stale. */
void       pl_learner_row_set_profile (PlLearnerRow *self,
                                       PlProfile    *profile,
                                       gint64        now_ms);
/* The profile shown, or NULL. */
PlProfile *pl_learner_row_get_profile (PlLearnerRow *self);
/* Shows the item of SLOT (a PlProfile) and follows it as it changes;
 * NULL when the row is recycled. */
void       pl_learner_row_set_slot    (PlLearnerRow *self,
                                       PlListSlot   *slot,
                                       gint64        now_ms);

G_END_DECLS
