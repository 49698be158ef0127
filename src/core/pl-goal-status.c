/* pl-goal-status.c — A dated change of a goal's status; append-only.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-goal-status.h"

struct _PlGoalStatus
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlGoalStatus, pl_goal_status, PL_TYPE_RECORD)

static void
pl_goal_status_class_init (PlGoalStatusClass *klass)
{
  /* Columns of the "goal_status" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("goal-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("status", NULL, NULL, "active", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("changed-on", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("note", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "goal_status",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_goal_status_init (PlGoalStatus *self)
{
}

PlGoalStatus *
pl_goal_status_new (void)
{
  return g_object_new (PL_TYPE_GOAL_STATUS, NULL);
}
