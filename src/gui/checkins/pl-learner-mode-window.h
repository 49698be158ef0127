/* pl-learner-mode-window.h — the laptop handed to one learner
 *
 * While it is open every other window of the application is hidden and
 * every application and window action is off (see PlLearnerModeLock); the
 * window holds only this learner's goals, recent check-ins and check-in
 * form, never other learners, scores or the teacher's notes. Leaving needs
 * the teacher's PIN.
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
/* Ends learner mode when PIN is the teacher's: shows again the windows it
 * hid, restores the actions and closes this one. FALSE (and nothing
 * changes) for a wrong PIN; after five wrong PINs in a row no PIN is
 * tried for thirty seconds. */
gboolean             pl_learner_mode_window_leave     (PlLearnerModeWindow *self,
                                                       const char          *pin);

/* Seconds before a PIN is tried again after too many wrong ones; 0 when
 * none is running. */
guint                pl_learner_mode_window_get_wait  (PlLearnerModeWindow *self);

G_END_DECLS
