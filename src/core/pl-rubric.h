/* pl-rubric.h — A grading rubric: criteria × levels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_RUBRIC (pl_rubric_get_type ())
G_DECLARE_FINAL_TYPE (PlRubric, pl_rubric, PL, RUBRIC, PlRecord)

PlRubric *pl_rubric_new (void);

G_END_DECLS
