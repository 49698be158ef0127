/* pl-window.h — the main window: class switcher and the five views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_WINDOW (pl_window_get_type ())
G_DECLARE_FINAL_TYPE (PlWindow, pl_window, PL, WINDOW, AdwApplicationWindow)

PlWindow   *pl_window_new              (GtkApplication *application,
                                        PlContext      *context);
PlContext  *pl_window_get_context      (PlWindow       *self);

/* "learners", "boards", "checkins", "gradebook" or "insights". */
void        pl_window_set_view         (PlWindow       *self,
                                        const char     *name);
const char *pl_window_get_view         (PlWindow       *self);

/* Shows TOAST over the window (e.g. "Learner archived" with Undo). */
void        pl_window_add_toast        (PlWindow       *self,
                                        AdwToast       *toast);

/* Learner mode: while locked, none of the window's own actions (Sync,
 * the views, new class, demo…) can run. */
void        pl_window_set_locked       (PlWindow       *self,
                                        gboolean        locked);
gboolean    pl_window_get_locked       (PlWindow       *self);

/* The view names, in switcher order, NULL-terminated. */
const char * const *pl_window_get_view_names (void);

G_END_DECLS
