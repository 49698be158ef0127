/* pl-learners-page.h — the Learners view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_LEARNERS_PAGE (pl_learners_page_get_type ())
G_DECLARE_FINAL_TYPE (PlLearnersPage, pl_learners_page, PL, LEARNERS_PAGE, AdwBin)

G_END_DECLS
