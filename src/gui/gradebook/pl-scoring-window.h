/* pl-scoring-window.h — score a learner's work on a rubric from the keyboard
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_SCORING_WINDOW (pl_scoring_window_get_type ())
G_DECLARE_FINAL_TYPE (PlScoringWindow, pl_scoring_window, PL, SCORING_WINDOW, AdwWindow)

PlScoringWindow *pl_scoring_window_new            (PlContext       *context,
                                                   PlClassroom     *classroom);

/* What the keys do, for tests as for the key handler: NUMBER (1 …) picks
 * that level for the current criterion and moves to the next one. */
gboolean         pl_scoring_window_choose_level   (PlScoringWindow *self,
                                                   guint            number);
void             pl_scoring_window_set_comment    (PlScoringWindow *self,
                                                   guint            criterion,
                                                   const char      *comment);
guint            pl_scoring_window_get_current    (PlScoringWindow *self);
/* Chooses the learner (index in the class) and the work (index in the
 * learner's picks then milestones). */
void             pl_scoring_window_select         (PlScoringWindow *self,
                                                   guint            learner,
                                                   guint            work);
/* Writes the chosen levels as evidence (Ctrl+Return) and moves on to the
 * next learner. */
gboolean         pl_scoring_window_save           (PlScoringWindow *self,
                                                   GError         **error);

G_END_DECLS
