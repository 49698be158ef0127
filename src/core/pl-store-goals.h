/* pl-store-goals.h — goals, weekly check-ins and who has not checked in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pl-checkin.h"
#include "pl-goal.h"
#include "pl-goal-status.h"
#include "pl-store.h"

G_BEGIN_DECLS

/* Self-regulation markers a teacher ticks during a check-in; stored in
 * checkin.markers as a comma list of these ids. */
typedef enum
{
  PL_MARKER_CHALLENGE_SEEKING,
  PL_MARKER_PERSISTENCE,
  PL_MARKER_STRATEGY_SHIFTING,
  PL_MARKER_HELP_SEEKING,
  PL_MARKER_SETBACK_RESPONSE,
  PL_N_MARKERS
} PlMarker;

const char  *pl_marker_id                   (PlMarker       marker);
/* Translated, e.g. "Seeks challenge". */
const char  *pl_marker_label                (PlMarker       marker);
/* TRUE if the comma list MARKERS holds MARKER. */
gboolean     pl_markers_contain             (const char    *markers,
                                             PlMarker       marker);

/* "1 — Not started" … "4 — Goal met": what a progress rating (1 to 4)
 * means; NULL for another value. */
const char  *pl_checkin_progress_label      (int            progress);

/* Goal statuses: "active", "met", "revised", "dropped". */
gboolean     pl_goal_status_is_valid        (const char    *status);
const char  *pl_goal_status_label           (const char    *status);

/* The learner's goals, newest first, revised and dropped ones included so
 * the history stays visible. */
GListModel  *pl_store_list_goals            (PlStore       *store,
                                             const char    *learner_uuid,
                                             GError       **error);
/* A new active goal set today, its history started; STANDARD_UUID,
 * MILESTONE_UUID and TARGET_ON ("YYYY-MM-DD") may be NULL. An empty body,
 * a target that is not a date and a link to nothing are refused. */
PlGoal      *pl_store_add_goal              (PlStore       *store,
                                             const char    *learner_uuid,
                                             const char    *body,
                                             const char    *standard_uuid,
                                             const char    *milestone_uuid,
                                             const char    *target_on,
                                             GError       **error);
/* What a goal of a learner in CLASSROOM_UUID can be linked to: the
 * milestones of the class's units (PlMilestone, by due date) and then the
 * standards those units target (PlStandard, by code). */
GListModel  *pl_store_list_goal_targets     (PlStore       *store,
                                             const char    *classroom_uuid,
                                             GError       **error);

/* Changes GOAL's status to STATUS ("active", "met" or "dropped") and adds
 * the change, dated today, with NOTE (may be NULL) to the goal's history,
 * in one transaction. A met or dropped goal can be made active again; a
 * revised one cannot, its new wording carries on. */
gboolean     pl_store_set_goal_status       (PlStore       *store,
                                             PlGoal        *goal,
                                             const char    *status,
                                             const char    *note,
                                             GError       **error);
/* Revising keeps the old goal, marked "revised" (dated in its history),
 * and adds the new text as an active goal whose revises_uuid points at
 * it, with the old goal's link and target date. */
PlGoal      *pl_store_revise_goal           (PlStore       *store,
                                             PlGoal        *goal,
                                             const char    *body,
                                             GError       **error);
/* Links GOAL to a milestone or a standard of the unit instead (both NULL:
 * to nothing). */
gboolean     pl_store_set_goal_link         (PlStore       *store,
                                             PlGoal        *goal,
                                             const char    *standard_uuid,
                                             const char    *milestone_uuid,
                                             GError       **error);
/* The dated status changes of the goal GOAL_UUID (PlGoalStatus), oldest
 * first. A goal set before its history was kept has none. */
GListModel  *pl_store_list_goal_history     (PlStore       *store,
                                             const char    *goal_uuid,
                                             GError       **error);
/* The goal's history in a line, "Active since 10-30 · met 11-20 · active
 * again 11-27", from HISTORY (pl_store_list_goal_history(), may be NULL). */
char        *pl_goal_history_describe       (PlGoal        *goal,
                                             GListModel    *history);
/* TRUE when GOAL is active and its target date is before TODAY
 * ("YYYY-MM-DD"; NULL: today). */
gboolean     pl_goal_is_past_due            (PlGoal        *goal,
                                             const char    *today);

/* The learner's check-ins, newest first. */
GListModel  *pl_store_list_checkins         (PlStore       *store,
                                             const char    *learner_uuid,
                                             GError       **error);
/* What pl_store_save_checkin() checks before it writes, so that every
 * check-in, wherever it comes from, holds: a learner; progress 0 (not
 * rated) or 1 to 4; checked_at a moment "YYYY-MM-DDTHH:MM:SSZ"; week_of
 * the day of checked_at or at most six days before it; markers among
 * pl_marker_id()'s; goal_uuid, when set, a goal of the same learner.
 * PL_STORE_ERROR_INVALID naming the field otherwise. */
gboolean     pl_store_check_checkin         (PlStore       *store,
                                             PlCheckin     *checkin,
                                             GError       **error);
/* Saves CHECKIN (new or edited) after pl_store_check_checkin(); an unset
 * checked_at is now, an unset week_of the week of checked_at starting on
 * WEEKDAY (1 = Monday … 7). */
gboolean     pl_store_save_checkin          (PlStore       *store,
                                             PlCheckin     *checkin,
                                             guint          weekday,
                                             GError       **error);

/* The check-in week. It starts on the check-in day (WEEKDAY, 1 = Monday …
 * 7 = Sunday, the "checkin-day" preference) and holds the six days after
 * it. Returns "YYYY-MM-DD" of the check-in day on or before DAY
 * ("YYYY-MM-DD"; NULL: today): the start of this check-in week. NULL when
 * DAY is not a date. */
char        *pl_checkin_week_start          (const char    *day,
                                             guint          weekday);
/* The learner's check-in of the check-in week that holds TODAY
 * ("YYYY-MM-DD"; NULL: today), the latest if there are several; NULL with
 * no error when there is none. Found by the day it was made, not by its
 * week_of, so that rows kept from before a change of check-in day are
 * still found. */
PlCheckin   *pl_store_find_week_checkin     (PlStore       *store,
                                             const char    *learner_uuid,
                                             const char    *today,
                                             guint          weekday,
                                             GError       **error);

typedef enum
{
  PL_CHECKIN_STATE_DONE,         /* checked in this week */
  PL_CHECKIN_STATE_DUE,          /* not yet this week, but last week */
  PL_CHECKIN_STATE_MISSING,      /* not for two weeks or more, or never */
} PlCheckinState;

typedef struct
{
  char           *learner_uuid;
  PlCheckinState  state;
  char           *last_checked;  /* "YYYY-MM-DD", or NULL: never */
  int             days_since;    /* -1: never */
} PlCheckinStatus;

/* For every learner of the class, where they stand on TODAY ("YYYY-MM-DD"
 * or NULL for today) with weeks starting on WEEKDAY; an array of
 * PlCheckinStatus in the class's name order. */
GArray      *pl_store_class_checkin_status  (PlStore       *store,
                                             const char    *classroom_uuid,
                                             const char    *today,
                                             guint          weekday,
                                             GError       **error);
void         pl_checkin_status_clear        (PlCheckinStatus *status);
/* Who checked in this check-in week (the PL_CHECKIN_STATE_DONE learners
 * of pl_store_class_checkin_status()): their uuids, in the class's name
 * order. The week is the same as the Check-ins view's. */
GStrv        pl_store_checked_in_this_week  (PlStore       *store,
                                             const char    *classroom_uuid,
                                             const char    *today,
                                             guint          weekday,
                                             GError       **error);

/* The reflection prompt of a milestone the learner has done but not yet
 * reflected on, or NULL; *OUT_PROGRESS_UUID names the progress row where
 * pl_store_save_reflection() keeps the answer. */
char        *pl_store_pending_reflection    (PlStore       *store,
                                             const char    *learner_uuid,
                                             char         **out_progress_uuid,
                                             GError       **error);
gboolean     pl_store_save_reflection       (PlStore       *store,
                                             const char    *progress_uuid,
                                             const char    *text,
                                             GError       **error);

/* How often each marker was ticked over all the learner's check-ins:
 * COUNTS gets PL_N_MARKERS values, WEEKS (may be NULL) the number of
 * check-in weeks looked at. Totals only: pl_store_marker_weeks() says
 * which week had which. */
gboolean     pl_store_marker_totals         (PlStore       *store,
                                             const char    *learner_uuid,
                                             guint          counts[PL_N_MARKERS],
                                             guint         *weeks,
                                             GError       **error);

typedef struct
{
  char   week_of[11];   /* "YYYY-MM-DD", the check-in week */
  guint  markers;       /* bit (1 << PlMarker) per marker ticked that week */
} PlMarkerWeek;

/* The markers ticked in each week the learner checked in, oldest week
 * first: an array of PlMarkerWeek, one per week with a check-in (ticked
 * or not; two check-ins of one week count together). */
GArray      *pl_store_marker_weeks          (PlStore       *store,
                                             const char    *learner_uuid,
                                             GError       **error);
/* The markers of the comma list MARKERS as labels, "Persists, Asks for
 * help"; NULL when there is none. */
char        *pl_markers_describe            (const char    *markers);
/* One line per marker: in how many of the weeks it was ticked, and
 * which ("Persists: 3 of 5 weeks — 10-05, 10-19, 11-02"): the text of
 * the trend for screen readers and print. */
char        *pl_marker_weeks_describe       (GArray        *weeks);

G_END_DECLS
