/* pl-rubric-level.c — A performance level of a rubric.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-rubric-level.h"

struct _PlRubricLevel
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlRubricLevel, pl_rubric_level, PL_TYPE_RECORD)

static void
pl_rubric_level_class_init (PlRubricLevelClass *klass)
{
  /* Columns of the "level" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("rubric-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("title", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_double ("points", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_double ("min-points", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_double ("max-points", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_int64 ("position", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "level",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_rubric_level_init (PlRubricLevel *self)
{
}

PlRubricLevel *
pl_rubric_level_new (void)
{
  return g_object_new (PL_TYPE_RUBRIC_LEVEL, NULL);
}
