/* pl-school.h — A school: the roster and sync key belong to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_SCHOOL (pl_school_get_type ())
G_DECLARE_FINAL_TYPE (PlSchool, pl_school, PL, SCHOOL, PlRecord)

PlSchool *pl_school_new (void);

G_END_DECLS
