/* pl-store-goals-private.h — what the goal and check-in files of the store
 * share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Today, local time, as "YYYY-MM-DD". */
void      _pl_goals_today     (char        out[11]);
/* FALSE (and OUT cleared) unless ISO is a real "YYYY-MM-DD" day. */
gboolean  _pl_goals_parse_day (const char *iso,
                               GDate      *out);

G_END_DECLS
