/* pl-learner-notes.h — a learner's conversation notes: a dated timeline
 * that is only ever added to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/pl-profile.h"
#include "core/pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_LEARNER_NOTES (pl_learner_notes_get_type ())
G_DECLARE_FINAL_TYPE (PlLearnerNotes, pl_learner_notes, PL, LEARNER_NOTES, AdwBin)

PlLearnerNotes *pl_learner_notes_new            (void);
void            pl_learner_notes_set_store      (PlLearnerNotes *self,
                                                 PlStore        *store);
/* Shows the notes of PROFILE (NULL: none). */
void            pl_learner_notes_set_profile    (PlLearnerNotes *self,
                                                 PlProfile      *profile);
GtkTextView    *pl_learner_notes_get_view       (PlLearnerNotes *self);
GtkWidget      *pl_learner_notes_get_add_button (PlLearnerNotes *self);
/* How many notes the timeline shows (an edited note is one, its earlier
 * versions under it). */
guint           pl_learner_notes_get_n_shown    (PlLearnerNotes *self);

G_END_DECLS
