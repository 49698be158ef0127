/* pl-checkin.h — A weekly goal check-in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_CHECKIN (pl_checkin_get_type ())
G_DECLARE_FINAL_TYPE (PlCheckin, pl_checkin, PL, CHECKIN, PlRecord)

PlCheckin *pl_checkin_new (void);

G_END_DECLS
