/* pl-checkins-page.h — the Check-ins view: goals and weekly check-ins
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_CHECKINS_PAGE (pl_checkins_page_get_type ())
G_DECLARE_FINAL_TYPE (PlCheckinsPage, pl_checkins_page, PL, CHECKINS_PAGE, AdwBin)

/* The learner whose check-in is on screen, or NULL. */
const char *pl_checkins_page_get_learner (PlCheckinsPage *self);
/* Shows LEARNER_UUID if they are in the class; FALSE otherwise. */
gboolean    pl_checkins_page_select      (PlCheckinsPage *self,
                                          const char     *learner_uuid);

G_END_DECLS
