/* pl-learner-detail.h — one learner's profile, edited in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pl-context.h"
#include "core/pl-profile.h"

G_BEGIN_DECLS

#define PL_TYPE_LEARNER_DETAIL (pl_learner_detail_get_type ())
G_DECLARE_FINAL_TYPE (PlLearnerDetail, pl_learner_detail, PL, LEARNER_DETAIL, AdwBin)

void         pl_learner_detail_set_context  (PlLearnerDetail *self,
                                             PlContext       *context);
/* Shows PROFILE (NULL: nothing), first saving edits still pending.
 * CLASSROOM is the class the list shows (for "move"). */
void         pl_learner_detail_set_profile  (PlLearnerDetail *self,
                                             PlProfile       *profile,
                                             PlClassroom     *classroom);
PlProfile   *pl_learner_detail_get_profile  (PlLearnerDetail *self);
/* The same learner, freshly read from the store (another device, an
 * import): shown without disturbing what is being typed. */
void         pl_learner_detail_adopt        (PlLearnerDetail *self,
                                             PlProfile       *fresh);
/* Writes the edits waiting for the autosave pause now. */
void         pl_learner_detail_flush        (PlLearnerDetail *self);
void         pl_learner_detail_focus        (PlLearnerDetail *self);
/* The editable of a learner column ("given_name", "family_name",
 * "preferred_name", "pronouns") or a text profile field, or NULL. */
GtkEditable *pl_learner_detail_get_editable (PlLearnerDetail *self,
                                             const char      *field);
/* The note text view and its Add button (keyboard and tests). */
GtkTextView *pl_learner_detail_get_note_view (PlLearnerDetail *self);
GtkWidget   *pl_learner_detail_get_add_note_button (PlLearnerDetail *self);
/* The conversation notes (a PlLearnerNotes). */
GtkWidget   *pl_learner_detail_get_notes          (PlLearnerDetail *self);


G_END_DECLS
