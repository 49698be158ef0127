/* pl-grade-override.c — A teacher’s override of a gradebook cell, with its reason.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-grade-override.h"

struct _PlGradeOverride
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlGradeOverride, pl_grade_override, PL_TYPE_RECORD)

static void
pl_grade_override_class_init (PlGradeOverrideClass *klass)
{
  /* Columns of the "grade_override" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("learner-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("standard-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("classroom-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_double ("value", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("reason", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("supersedes-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("set-at", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_boolean ("removed", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "grade_override",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_grade_override_init (PlGradeOverride *self)
{
}

PlGradeOverride *
pl_grade_override_new (void)
{
  return g_object_new (PL_TYPE_GRADE_OVERRIDE, NULL);
}
