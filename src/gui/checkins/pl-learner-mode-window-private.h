/* pl-learner-mode-window-private.h — what the learner mode window's files
 * share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-learner-mode-lock.h"
#include "pl-learner-mode-window.h"

G_BEGIN_DECLS

struct _PlLearnerModeWindow
{
  AdwWindow        parent_instance;

  PlStore         *store;
  GtkWindow       *main_window;
  char            *learner;
  guint            weekday;
  PlLearnerModeLock *lock;            /* everything else hidden and off */
  gboolean         unlocked;
  guint            misses;            /* wrong PINs in a row */
  gint64           wait_until;        /* monotonic time before which no PIN is tried */
  char            *progress_uuid;     /* pending milestone reflection */
  GtkWindow       *pin_dialog;        /* at most one at a time */

  AdwToastOverlay *toasts;
  GtkToggleButton *progress[4];
  GtkEditable     *fields[5];         /* the learner's own columns, see form.c */
  GtkEditable     *reflection;
  GtkWidget       *recent;            /* the learner's recent check-ins */
};

void  _pl_learner_mode_window_build (PlLearnerModeWindow *self,
                                    const char          *name);
void  _pl_learner_mode_window_save  (PlLearnerModeWindow *self);

G_END_DECLS
