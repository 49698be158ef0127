/* pl-profile-field.h — One field of a learner profile (interests, strengths, needs, …).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_PROFILE_FIELD (pl_profile_field_get_type ())
G_DECLARE_FINAL_TYPE (PlProfileField, pl_profile_field, PL, PROFILE_FIELD, PlRecord)

PlProfileField *pl_profile_field_new (void);

G_END_DECLS
