/* pl-context.h — what every view needs: the store, settings, the current class
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/pl-core.h"

G_BEGIN_DECLS

#define PL_TYPE_CONTEXT (pl_context_get_type ())
G_DECLARE_FINAL_TYPE (PlContext, pl_context, PL, CONTEXT, GObject)

PlContext   *pl_context_new            (PlStore     *store,
                                        GSettings   *settings);
PlStore     *pl_context_get_store      (PlContext   *self);
GSettings   *pl_context_get_settings   (PlContext   *self);
/* The "checkin-day" preference as 1 = Monday … 7 = Sunday. */
guint        pl_context_get_checkin_weekday (PlContext *self);

/* The class the teacher is working with; NULL when there is none yet. */
PlClassroom *pl_context_get_classroom  (PlContext   *self);
void         pl_context_set_classroom  (PlContext   *self,
                                        PlClassroom *classroom);

/* The classes of this database (not archived), sorted by name; the model
 * follows the store as classes are added, renamed or removed. */
GListModel  *pl_context_get_classrooms (PlContext   *self);

G_END_DECLS
