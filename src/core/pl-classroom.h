/* pl-classroom.h — A class that a teacher teaches; learners join it through enrollments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_CLASSROOM (pl_classroom_get_type ())
G_DECLARE_FINAL_TYPE (PlClassroom, pl_classroom, PL, CLASSROOM, PlRecord)

PlClassroom *pl_classroom_new (void);

G_END_DECLS
