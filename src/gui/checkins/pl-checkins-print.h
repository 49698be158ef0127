/* pl-checkins-print.h — a learner's goals and check-ins as a PDF, for a
 * family conference
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/pl-core.h"

G_BEGIN_DECLS

gboolean pl_checkins_print_pdf (PlStore     *store,
                                const char  *learner_uuid,
                                const char  *learner_name,
                                GFile       *file,
                                GError     **error);

G_END_DECLS
