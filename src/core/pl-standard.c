/* pl-standard.c — A standard or competency, in a tree under its framework.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-standard.h"

struct _PlStandard
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlStandard, pl_standard, PL_TYPE_RECORD)

static void
pl_standard_class_init (PlStandardClass *klass)
{
  /* Columns of the "standard" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("framework-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("parent-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("code", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("statement", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_int64 ("position", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("source-id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("item-type", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "standard",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_standard_init (PlStandard *self)
{
}

PlStandard *
pl_standard_new (void)
{
  return g_object_new (PL_TYPE_STANDARD, NULL);
}
