/* pl-classroom.c — A class that a teacher teaches; learners join it through enrollments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-classroom.h"

struct _PlClassroom
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlClassroom, pl_classroom, PL_TYPE_RECORD)

static void
pl_classroom_class_init (PlClassroomClass *klass)
{
  /* Columns of the "classroom" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("school-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("name", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("subject", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("grade-level", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("period", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("source-id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("mastery-method", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_double ("mastery-param", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_boolean ("archived", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_double ("mastery-level", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "classroom",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_classroom_init (PlClassroom *self)
{
}

PlClassroom *
pl_classroom_new (void)
{
  return g_object_new (PL_TYPE_CLASSROOM, NULL);
}
