/* pl-framework.c — A competency framework (for example one imported from CASE).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-framework.h"

struct _PlFramework
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlFramework, pl_framework, PL_TYPE_RECORD)

static void
pl_framework_class_init (PlFrameworkClass *klass)
{
  /* Columns of the "framework" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("title", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("source-id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("creator", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("version", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("subject", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "framework",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_framework_init (PlFramework *self)
{
}

PlFramework *
pl_framework_new (void)
{
  return g_object_new (PL_TYPE_FRAMEWORK, NULL);
}
