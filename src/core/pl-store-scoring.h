/* pl-store-scoring.h — what a class's learners hand in to be scored, and
 * where a piece of evidence came from
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pl-evidence.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* One piece of a learner's work that a rubric can score. */
typedef struct
{
  char *source;        /* "pick" or "milestone" */
  char *uuid;          /* the pick or the milestone: evidence's source_uuid */
  char *work_key;      /* the same for every learner: the pick's option, or the milestone */
  char *title;         /* the option's or the milestone's title */
  char *submitted_on;  /* "YYYY-MM-DD" the learner handed it in (pick submitted or
                        * assessed, milestone done), NULL when not yet */
  char *due_on;        /* the milestone's due date, NULL for picks or when none */
} PlScoringWork;

void    pl_scoring_work_clear          (PlScoringWork *work);

/* The work of LEARNER_UUID in CLASSROOM_UUID: the learner's live picks on
 * the options of the class's boards (given to the class or on one of its
 * units), by board and position, then the milestones of the class's units
 * by due date. Picks on other classes' boards are not listed. An array of
 * PlScoringWork that clears its elements. */
GArray *pl_store_list_scoring_work     (PlStore     *store,
                                        const char  *classroom_uuid,
                                        const char  *learner_uuid,
                                        GError     **error);

/* Where EVIDENCE came from, in words, translated: for a rubric score the
 * rubric and its criterion and the option picked or the milestone
 * ("Lab report rubric, Claim · pick: Build a model"); otherwise the
 * source's name ("Quiz", "Exit ticket", "Entered by hand"). */
char   *pl_store_describe_evidence_source (PlStore    *store,
                                           PlEvidence *evidence);

G_END_DECLS
