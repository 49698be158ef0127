/* pl-milestone.c — A dated milestone of a unit, with an optional reflection prompt.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-milestone.h"

struct _PlMilestone
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlMilestone, pl_milestone, PL_TYPE_RECORD)

static void
pl_milestone_class_init (PlMilestoneClass *klass)
{
  /* Columns of the "milestone" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("unit-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("title", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("due-on", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_boolean ("must-do", NULL, NULL, TRUE, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("reflection-prompt", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_int64 ("position", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "milestone",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_milestone_init (PlMilestone *self)
{
}

PlMilestone *
pl_milestone_new (void)
{
  return g_object_new (PL_TYPE_MILESTONE, NULL);
}
