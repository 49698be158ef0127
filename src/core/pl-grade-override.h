/* pl-grade-override.h — A teacher’s override of a gradebook cell, with its reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_GRADE_OVERRIDE (pl_grade_override_get_type ())
G_DECLARE_FINAL_TYPE (PlGradeOverride, pl_grade_override, PL, GRADE_OVERRIDE, PlRecord)

PlGradeOverride *pl_grade_override_new (void);

G_END_DECLS
