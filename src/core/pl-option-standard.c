/* pl-option-standard.c — A standard that a board option gives evidence for.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-option-standard.h"

struct _PlOptionStandard
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlOptionStandard, pl_option_standard, PL_TYPE_RECORD)

static void
pl_option_standard_class_init (PlOptionStandardClass *klass)
{
  /* Columns of the "option_standard" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("option-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("standard-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "option_standard",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_option_standard_init (PlOptionStandard *self)
{
}

PlOptionStandard *
pl_option_standard_new (void)
{
  return g_object_new (PL_TYPE_OPTION_STANDARD, NULL);
}
