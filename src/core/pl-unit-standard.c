/* pl-unit-standard.c — A standard that a unit targets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-unit-standard.h"

struct _PlUnitStandard
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlUnitStandard, pl_unit_standard, PL_TYPE_RECORD)

static void
pl_unit_standard_class_init (PlUnitStandardClass *klass)
{
  /* Columns of the "unit_standard" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("unit-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("standard-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "unit_standard",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_unit_standard_init (PlUnitStandard *self)
{
}

PlUnitStandard *
pl_unit_standard_new (void)
{
  return g_object_new (PL_TYPE_UNIT_STANDARD, NULL);
}
