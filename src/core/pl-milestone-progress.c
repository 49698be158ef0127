/* pl-milestone-progress.c — A learner’s progress on a milestone, and their reflection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-milestone-progress.h"

struct _PlMilestoneProgress
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlMilestoneProgress, pl_milestone_progress, PL_TYPE_RECORD)

static void
pl_milestone_progress_class_init (PlMilestoneProgressClass *klass)
{
  /* Columns of the "milestone_progress" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("learner-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("milestone-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("status", NULL, NULL, "not-started", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("done-on", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("reflection", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "milestone_progress",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_milestone_progress_init (PlMilestoneProgress *self)
{
}

PlMilestoneProgress *
pl_milestone_progress_new (void)
{
  return g_object_new (PL_TYPE_MILESTONE_PROGRESS, NULL);
}
