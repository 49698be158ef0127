/* pl-option-standard.h — A standard that a board option gives evidence for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_OPTION_STANDARD (pl_option_standard_get_type ())
G_DECLARE_FINAL_TYPE (PlOptionStandard, pl_option_standard, PL, OPTION_STANDARD, PlRecord)

PlOptionStandard *pl_option_standard_new (void);

G_END_DECLS
