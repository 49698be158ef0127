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
/* The option or milestone of the selected work (the same for every
 * learner), and how many pieces of work the learner has to score. */
const char      *pl_scoring_window_get_work_key   (PlScoringWindow *self);
guint            pl_scoring_window_get_n_works    (PlScoringWindow *self);
/* The "Assessed on" field, and the points field of a criterion (shown
 * when its chosen level has a range of points). */
GtkEditable     *pl_scoring_window_get_date_editable (PlScoringWindow *self);
GtkSpinButton   *pl_scoring_window_get_points     (PlScoringWindow *self,
                                                   guint            criterion);
/* The rubric list, which follows renames made in the rubric editor. */
GtkDropDown     *pl_scoring_window_get_rubric_dropdown (PlScoringWindow *self);
/* The comment bank the comment menus offer. */
GStrv            pl_scoring_window_get_bank       (PlScoringWindow *self);
/* Levels, points or comments chosen and not saved yet: closing asks. */
gboolean         pl_scoring_window_has_unsaved    (PlScoringWindow *self);
/* Writes the chosen levels as evidence (Ctrl+Return), dated by the
 * "Assessed on" field, and moves on to the next learner with the same
 * work. */
gboolean         pl_scoring_window_save           (PlScoringWindow *self,
                                                   GError         **error);

G_END_DECLS
