/* pl-unit-standard.h — A standard that a unit targets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_UNIT_STANDARD (pl_unit_standard_get_type ())
G_DECLARE_FINAL_TYPE (PlUnitStandard, pl_unit_standard, PL, UNIT_STANDARD, PlRecord)

PlUnitStandard *pl_unit_standard_new (void);

G_END_DECLS
