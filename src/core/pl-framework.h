/* pl-framework.h — A competency framework (for example one imported from CASE).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_FRAMEWORK (pl_framework_get_type ())
G_DECLARE_FINAL_TYPE (PlFramework, pl_framework, PL, FRAMEWORK, PlRecord)

PlFramework *pl_framework_new (void);

G_END_DECLS
