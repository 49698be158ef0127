/* pl-unit.h — A unit of study.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_UNIT (pl_unit_get_type ())
G_DECLARE_FINAL_TYPE (PlUnit, pl_unit, PL, UNIT, PlRecord)

PlUnit *pl_unit_new (void);

G_END_DECLS
