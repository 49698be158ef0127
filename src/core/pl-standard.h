/* pl-standard.h — A standard or competency, in a tree under its framework.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_STANDARD (pl_standard_get_type ())
G_DECLARE_FINAL_TYPE (PlStandard, pl_standard, PL, STANDARD, PlRecord)

PlStandard *pl_standard_new (void);

G_END_DECLS
