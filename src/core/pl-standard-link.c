/* pl-standard-link.c — A relation between standards: precedes, prerequisite or related.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-standard-link.h"

struct _PlStandardLink
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlStandardLink, pl_standard_link, PL_TYPE_RECORD)

static void
pl_standard_link_class_init (PlStandardLinkClass *klass)
{
  /* Columns of the "standard_link" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("from-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("to-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("kind", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "standard_link",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_standard_link_init (PlStandardLink *self)
{
}

PlStandardLink *
pl_standard_link_new (void)
{
  return g_object_new (PL_TYPE_STANDARD_LINK, NULL);
}
