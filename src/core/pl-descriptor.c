/* pl-descriptor.c — The text of one rubric cell (criterion × level).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-descriptor.h"

struct _PlDescriptor
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlDescriptor, pl_descriptor, PL_TYPE_RECORD)

static void
pl_descriptor_class_init (PlDescriptorClass *klass)
{
  /* Columns of the "descriptor" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("criterion-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("level-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("body", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "descriptor",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_descriptor_init (PlDescriptor *self)
{
}

PlDescriptor *
pl_descriptor_new (void)
{
  return g_object_new (PL_TYPE_DESCRIPTOR, NULL);
}
