/* pl-school.c — A school: the roster and sync key belong to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-school.h"

struct _PlSchool
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlSchool, pl_school, PL_TYPE_RECORD)

static void
pl_school_class_init (PlSchoolClass *klass)
{
  /* Columns of the "school" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("name", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("source-id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "school",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_school_init (PlSchool *self)
{
}

PlSchool *
pl_school_new (void)
{
  return g_object_new (PL_TYPE_SCHOOL, NULL);
}
