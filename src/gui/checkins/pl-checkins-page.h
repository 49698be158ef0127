/* pl-checkins-page.h — the Check-ins view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_CHECKINS_PAGE (pl_checkins_page_get_type ())
G_DECLARE_FINAL_TYPE (PlCheckinsPage, pl_checkins_page, PL, CHECKINS_PAGE, AdwBin)

G_END_DECLS
