/* pl-store-units.h — a class's units: goals, standards, milestones and
 * each learner's progress on them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pl-framework.h"
#include "pl-milestone.h"
#include "pl-standard.h"
#include "pl-store.h"
#include "pl-store-standards.h"
#include "pl-unit.h"

G_BEGIN_DECLS

/* TRUE when DAY is a real date written "YYYY-MM-DD". */
gboolean     pl_unit_date_is_valid             (const char   *day);

/* ---- units ---------------------------------------------------------- */

/* The live units of a class (PlUnit), by start date and then title; units
 * without a start date come last. */
GListModel  *pl_store_list_units               (PlStore      *store,
                                                const char   *classroom_uuid,
                                                GError      **error);
/* A new unit of the class titled "New unit" that starts on the Monday
 * after TODAY ("YYYY-MM-DD", NULL for today) and ends on the Friday of
 * its fourth week. */
PlUnit      *pl_store_create_unit              (PlStore      *store,
                                                const char   *classroom_uuid,
                                                const char   *today,
                                                GError      **error);
/* Checks what pl_store_save_unit() checks: a title, start and end dates
 * written YYYY-MM-DD, and a start no later than the end. On failure
 * *OUT_FIELD (may be NULL) gets the column at fault ("title",
 * "starts-on" or "ends-on") and ERROR says what is wrong with it. */
gboolean     pl_unit_validate                  (PlUnit       *unit,
                                                const char  **out_field,
                                                GError      **error);
/* Validates and saves UNIT; an invalid unit is refused and nothing is
 * written. */
gboolean     pl_store_save_unit                (PlStore      *store,
                                                PlUnit       *unit,
                                                GError      **error);
/* A tombstone on the unit only: its board, milestones and standards stay
 * where they are, so pl_store_undelete() brings the whole unit back. */
gboolean     pl_store_delete_unit              (PlStore      *store,
                                                PlUnit       *unit,
                                                GError      **error);

/* The unit's goals, one per line of unit.goals, without empty lines. */
char       **pl_unit_get_goals                 (PlUnit       *unit);
/* Sets the goals (not saved): blank goals are dropped, line breaks
 * inside a goal become spaces. */
void         pl_unit_set_goals                 (PlUnit       *unit,
                                                const char * const *goals);

/* A unit's board: pl_store_unit_board() of pl-store-boards.h. */

/* ---- standards ------------------------------------------------------ */

/* The standards a unit targets are listed by pl_store_list_unit_standards()
 * of pl-store-standards.h. */
/* Adds STANDARD_UUID to the unit's standards; adding one that is there
 * already changes nothing. */
gboolean     pl_store_add_unit_standard        (PlStore      *store,
                                                const char   *unit_uuid,
                                                const char   *standard_uuid,
                                                GError      **error);
/* Takes the standard off the unit (a tombstone that syncs). */
gboolean     pl_store_remove_unit_standard     (PlStore      *store,
                                                const char   *unit_uuid,
                                                const char   *standard_uuid,
                                                GError      **error);
/* ---- milestones ----------------------------------------------------- */

/* The unit's live milestones (PlMilestone) by position. */
GListModel  *pl_store_list_milestones          (PlStore      *store,
                                                const char   *unit_uuid,
                                                GError      **error);
/* A new must-do milestone after the others, due on the unit's last day. */
PlMilestone *pl_store_add_milestone            (PlStore      *store,
                                                const char   *unit_uuid,
                                                const char   *title,
                                                GError      **error);
/* Checks a title and a due date written YYYY-MM-DD that falls within the
 * dates of UNIT (when the unit has valid dates); *OUT_FIELD gets "title"
 * or "due-on" on failure. */
gboolean     pl_milestone_validate             (PlMilestone  *milestone,
                                                PlUnit       *unit,
                                                const char  **out_field,
                                                GError      **error);
/* Validates MILESTONE against its unit and saves it. */
gboolean     pl_store_save_milestone           (PlStore      *store,
                                                PlMilestone  *milestone,
                                                GError      **error);
/* Moves the milestone DELTA places (-1 up, +1 down) among its unit's
 * milestones; at either end nothing changes. */
gboolean     pl_store_move_milestone           (PlStore      *store,
                                                PlMilestone  *milestone,
                                                int           delta,
                                                GError      **error);
/* A tombstone; pl_store_undelete() puts it back where it was. */
gboolean     pl_store_remove_milestone         (PlStore      *store,
                                                PlMilestone  *milestone,
                                                GError      **error);

/* ---- progress --------------------------------------------------------- */

typedef enum
{
  PL_PROGRESS_DONE,
  PL_PROGRESS_ON_TRACK,   /* not done, not yet due */
  PL_PROGRESS_BEHIND,     /* not done, past due */
} PlProgressState;

/* "Done", "On track", "Behind", translated. */
const char  *pl_progress_state_label           (PlProgressState state);

typedef struct
{
  char            *learner_uuid;
  char            *name;          /* preferred or given name, and family name */
  PlProgressState  state;
  char            *done_on;       /* "YYYY-MM-DD" when done */
} PlMilestoneLearner;

void         pl_milestone_learner_clear        (PlMilestoneLearner *learner);
/* Every learner of the unit's class (not archived), by family name, and
 * where they stand on the milestone on TODAY ("YYYY-MM-DD", NULL for
 * today): an array of PlMilestoneLearner. */
GArray      *pl_store_milestone_learners       (PlStore      *store,
                                                const char   *milestone_uuid,
                                                const char   *today,
                                                GError      **error);
/* The teacher marks the learner's milestone done on TODAY (NULL for
 * today), or not done. The learner's reflection, if any, is kept. */
gboolean     pl_store_set_milestone_done       (PlStore      *store,
                                                const char   *milestone_uuid,
                                                const char   *learner_uuid,
                                                gboolean      done,
                                                const char   *today,
                                                GError      **error);

G_END_DECLS
