/* pl-standard-method.c — A class’s calculation method for one standard.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-standard-method.h"

struct _PlStandardMethod
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlStandardMethod, pl_standard_method, PL_TYPE_RECORD)

static void
pl_standard_method_class_init (PlStandardMethodClass *klass)
{
  /* Columns of the "standard_method" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("classroom-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("standard-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("method", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_double ("param", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_double ("mastery-level", NULL, NULL, -G_MAXDOUBLE, G_MAXDOUBLE, 0.0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "standard_method",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_standard_method_init (PlStandardMethod *self)
{
}

PlStandardMethod *
pl_standard_method_new (void)
{
  return g_object_new (PL_TYPE_STANDARD_METHOD, NULL);
}
