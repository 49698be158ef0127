/* pl-learner.h — A learner. The profile lives in profile fields and notes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_LEARNER (pl_learner_get_type ())
G_DECLARE_FINAL_TYPE (PlLearner, pl_learner, PL, LEARNER, PlRecord)

PlLearner *pl_learner_new (void);

G_END_DECLS
