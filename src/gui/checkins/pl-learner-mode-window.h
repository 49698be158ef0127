/* pl-learner-mode-window.h — the laptop handed to one learner
 *
 * While it is open the main window is hidden and every application action
 * is disabled; the window holds only this learner's goals and check-in
 * form, never other learners, scores or notes. Leaving needs the teacher's
 * PIN.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/pl-core.h"

G_BEGIN_DECLS

#define PL_TYPE_LEARNER_MODE_WINDOW (pl_learner_mode_window_get_type ())
G_DECLARE_FINAL_TYPE (PlLearnerModeWindow, pl_learner_mode_window, PL, LEARNER_MODE_WINDOW, AdwWindow)

PlLearnerModeWindow *pl_learner_mode_window_new       (GtkApplication      *application,
                                                       GtkWindow           *main_window,
                                                       PlStore             *store,
                                                       const char          *learner_uuid,
                                                       const char          *learner_name,
                                                       guint                checkin_weekday);
const char          *pl_learner_mode_window_get_learner (PlLearnerModeWindow *self);
/* Ends learner mode when PIN is the teacher's: restores the actions and
 * the main window and closes this one. FALSE (and nothing changes) for a
 * wrong PIN. */
gboolean             pl_learner_mode_window_leave     (PlLearnerModeWindow *self,
                                                       const char          *pin);

G_END_DECLS
