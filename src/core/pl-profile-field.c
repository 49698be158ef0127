/* pl-profile-field.c — One field of a learner profile (interests, strengths, needs, …).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-profile-field.h"

struct _PlProfileField
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlProfileField, pl_profile_field, PL_TYPE_RECORD)

static void
pl_profile_field_class_init (PlProfileFieldClass *klass)
{
  /* Columns of the "profile_field" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("learner-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("field", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("value", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    /* Set by the store on every save (schema version 3). */
    g_param_spec_string ("edited-at", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "profile_field",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_profile_field_init (PlProfileField *self)
{
}

PlProfileField *
pl_profile_field_new (void)
{
  return g_object_new (PL_TYPE_PROFILE_FIELD, NULL);
}
