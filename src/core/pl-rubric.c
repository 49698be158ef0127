/* pl-rubric.c — A grading rubric: criteria × levels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-rubric.h"

struct _PlRubric
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlRubric, pl_rubric, PL_TYPE_RECORD)

static void
pl_rubric_class_init (PlRubricClass *klass)
{
  /* Columns of the "rubric" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("classroom-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("title", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("description", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "rubric",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_rubric_init (PlRubric *self)
{
}

PlRubric *
pl_rubric_new (void)
{
  return g_object_new (PL_TYPE_RUBRIC, NULL);
}
