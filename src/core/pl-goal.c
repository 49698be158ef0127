/* pl-goal.c — A learner’s goal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-goal.h"

struct _PlGoal
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlGoal, pl_goal, PL_TYPE_RECORD)

static void
pl_goal_class_init (PlGoalClass *klass)
{
  /* Columns of the "goal" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("learner-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("body", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("status", NULL, NULL, "active", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("standard-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("milestone-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("set-on", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("target-on", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("revises-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "goal",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_goal_init (PlGoal *self)
{
}

PlGoal *
pl_goal_new (void)
{
  return g_object_new (PL_TYPE_GOAL, NULL);
}
