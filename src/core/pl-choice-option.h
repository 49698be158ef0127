/* pl-choice-option.h — One option of a choice board.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_CHOICE_OPTION (pl_choice_option_get_type ())
G_DECLARE_FINAL_TYPE (PlChoiceOption, pl_choice_option, PL, CHOICE_OPTION, PlRecord)

PlChoiceOption *pl_choice_option_new (void);

G_END_DECLS
