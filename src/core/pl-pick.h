/* pl-pick.h — A learner’s pick of a board option and its status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_PICK (pl_pick_get_type ())
G_DECLARE_FINAL_TYPE (PlPick, pl_pick, PL, PICK, PlRecord)

PlPick *pl_pick_new (void);

G_END_DECLS
