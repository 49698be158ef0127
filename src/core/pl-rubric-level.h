/* pl-rubric-level.h — A performance level of a rubric.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_RUBRIC_LEVEL (pl_rubric_level_get_type ())
G_DECLARE_FINAL_TYPE (PlRubricLevel, pl_rubric_level, PL, RUBRIC_LEVEL, PlRecord)

PlRubricLevel *pl_rubric_level_new (void);

G_END_DECLS
