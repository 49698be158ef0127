/* pl-roster-plan.h — what a roster import would change, and applying it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "core/pl-store.h"
#include "pl-roster-data.h"
#include "pl-roster-error.h"
#include "pl-roster-progress.h"

G_BEGIN_DECLS

/* One class of the roster as the preview shows it. Learner counts are of
 * students in the class: new to the database, with changed details or a
 * new enrollment, unchanged, or archived (tobedeleted, or gone from a
 * bulk file). */
typedef struct
{
  char     *title;
  char     *source_id;        /* NULL for a plain CSV's class */
  char     *classroom_uuid;
  gboolean  exists;           /* the class is already in the database */
  gboolean  class_changed;    /* the class itself is new or changed */
  gboolean  selected;
  guint     n_new;
  guint     n_updated;
  guint     n_unchanged;
  guint     n_archived;
} PlRosterPlanClass;

typedef struct
{
  guint classes_written;
  guint learners_written;      /* learner records */
  guint enrollments_written;
  guint schools_written;
  /* The learners of the chosen classes, each once (as in the totals). */
  guint learners_new;
  guint learners_updated;
  guint learners_archived;
} PlRosterApplyResult;

typedef struct _PlRosterPlan PlRosterPlan;

/* Compares DATA with STORE; nothing is written. A plain CSV's class goes
 * into TARGET_CLASSROOM_UUID when given, else into the class of that
 * title (made when there is none). Enrollments of a delta file that name
 * a class or user found neither in the files nor in the database are
 * PL_ROSTER_ERROR_BAD_REFERENCE. Every class is selected at first. The
 * plan takes DATA over (it is freed with the plan, or at once on error). */
PlRosterPlan      *pl_roster_plan_new           (PlStore        *store,
                                                 PlRosterData   *data,
                                                 const char     *target_classroom_uuid,
                                                 GError        **error);
void               pl_roster_plan_free          (PlRosterPlan   *self);

PlRosterData      *pl_roster_plan_get_data      (PlRosterPlan   *self);
guint              pl_roster_plan_get_n_classes (PlRosterPlan   *self);
PlRosterPlanClass *pl_roster_plan_get_class     (PlRosterPlan   *self,
                                                 guint           index);
void               pl_roster_plan_select        (PlRosterPlan   *self,
                                                 guint           index,
                                                 gboolean        selected);
/* Selects the classes whose source_id or title is in NAMES, only. FALSE
 * (and nothing changed) when a name matches no class. */
gboolean           pl_roster_plan_select_names  (PlRosterPlan       *self,
                                                 const char * const *names,
                                                 GError            **error);
/* The learners of the selected classes, each counted once however many
 * of those classes they are in: under the first of new, archived,
 * updated and unchanged that applies to them in any of them. */
void               pl_roster_plan_get_totals    (PlRosterPlan   *self,
                                                 guint          *n_new,
                                                 guint          *n_updated,
                                                 guint          *n_unchanged,
                                                 guint          *n_archived);
/* TRUE when applying the selection would write nothing. */
gboolean           pl_roster_plan_is_noop       (PlRosterPlan   *self);

/* Writes the selected classes in one transaction on the STORE the plan
 * was made with (all or nothing). Unchanged rows are not written, so
 * importing the same file twice leaves every clock where it was. */
gboolean           pl_roster_plan_apply         (PlRosterPlan        *self,
                                                 GCancellable        *cancellable,
                                                 PlRosterApplyResult *result,
                                                 GError             **error);
/* Same, telling PROGRESS (may be NULL) how many of the chosen classes'
 * rows are done (PL_ROSTER_STAGE_WRITING). */
gboolean           pl_roster_plan_apply_full    (PlRosterPlan        *self,
                                                 PlRosterProgress    *progress,
                                                 GCancellable        *cancellable,
                                                 PlRosterApplyResult *result,
                                                 GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlRosterPlan, pl_roster_plan_free)

G_END_DECLS
