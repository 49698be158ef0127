/* pl-standard-link.h — A relation between standards: precedes, prerequisite or related.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_STANDARD_LINK (pl_standard_link_get_type ())
G_DECLARE_FINAL_TYPE (PlStandardLink, pl_standard_link, PL, STANDARD_LINK, PlRecord)

PlStandardLink *pl_standard_link_new (void);

G_END_DECLS
