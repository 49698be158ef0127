/* pl-enrollment.c — A learner in a class.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-enrollment.h"

struct _PlEnrollment
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlEnrollment, pl_enrollment, PL_TYPE_RECORD)

static void
pl_enrollment_class_init (PlEnrollmentClass *klass)
{
  /* Columns of the "enrollment" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("classroom-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("learner-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("role", NULL, NULL, "student", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("source-id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_boolean ("archived", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "enrollment",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_enrollment_init (PlEnrollment *self)
{
}

PlEnrollment *
pl_enrollment_new (void)
{
  return g_object_new (PL_TYPE_ENROLLMENT, NULL);
}
