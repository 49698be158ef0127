/* pl-enrollment.h — A learner in a class.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_ENROLLMENT (pl_enrollment_get_type ())
G_DECLARE_FINAL_TYPE (PlEnrollment, pl_enrollment, PL, ENROLLMENT, PlRecord)

PlEnrollment *pl_enrollment_new (void);

G_END_DECLS
