/* pl-learner.c — A learner. The profile lives in profile fields and notes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-learner.h"

struct _PlLearner
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlLearner, pl_learner, PL_TYPE_RECORD)

static void
pl_learner_class_init (PlLearnerClass *klass)
{
  /* Columns of the "learner" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("school-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("given-name", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("family-name", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("preferred-name", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("pronouns", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("source-id", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("email", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("grade", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_boolean ("archived", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    /* Set by the store on every save (schema version 3). */
    g_param_spec_string ("edited-at", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "learner",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_learner_init (PlLearner *self)
{
}

PlLearner *
pl_learner_new (void)
{
  return g_object_new (PL_TYPE_LEARNER, NULL);
}
