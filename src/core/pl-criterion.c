/* pl-criterion.c — A rubric criterion, aligned to a standard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-criterion.h"

struct _PlCriterion
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlCriterion, pl_criterion, PL_TYPE_RECORD)

static void
pl_criterion_class_init (PlCriterionClass *klass)
{
  /* Columns of the "criterion" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("rubric-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("title", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("standard-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_int64 ("position", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "criterion",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_criterion_init (PlCriterion *self)
{
}

PlCriterion *
pl_criterion_new (void)
{
  return g_object_new (PL_TYPE_CRITERION, NULL);
}
