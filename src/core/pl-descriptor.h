/* pl-descriptor.h — The text of one rubric cell (criterion × level).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_DESCRIPTOR (pl_descriptor_get_type ())
G_DECLARE_FINAL_TYPE (PlDescriptor, pl_descriptor, PL, DESCRIPTOR, PlRecord)

PlDescriptor *pl_descriptor_new (void);

G_END_DECLS
