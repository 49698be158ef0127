/* pl-unit.c — A unit of study.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-unit.h"

struct _PlUnit
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlUnit, pl_unit, PL_TYPE_RECORD)

static void
pl_unit_class_init (PlUnitClass *klass)
{
  /* Columns of the "unit" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("classroom-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("title", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("big-idea", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("goals", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("starts-on", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("ends-on", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "unit",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_unit_init (PlUnit *self)
{
}

PlUnit *
pl_unit_new (void)
{
  return g_object_new (PL_TYPE_UNIT, NULL);
}
