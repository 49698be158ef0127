/* pl-criterion.h — A rubric criterion, aligned to a standard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_CRITERION (pl_criterion_get_type ())
G_DECLARE_FINAL_TYPE (PlCriterion, pl_criterion, PL, CRITERION, PlRecord)

PlCriterion *pl_criterion_new (void);

G_END_DECLS
