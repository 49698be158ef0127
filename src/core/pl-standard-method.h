/* pl-standard-method.h — A class’s calculation method for one standard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_STANDARD_METHOD (pl_standard_method_get_type ())
G_DECLARE_FINAL_TYPE (PlStandardMethod, pl_standard_method, PL, STANDARD_METHOD, PlRecord)

PlStandardMethod *pl_standard_method_new (void);

G_END_DECLS
