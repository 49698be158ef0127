/* pl-pick.c — A learner’s pick of a board option and its status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-pick.h"

struct _PlPick
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlPick, pl_pick, PL_TYPE_RECORD)

static void
pl_pick_class_init (PlPickClass *klass)
{
  /* Columns of the "pick" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("learner-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("option-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("status", NULL, NULL, "chosen", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("chosen-at", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("status-at", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "pick",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_pick_init (PlPick *self)
{
}

PlPick *
pl_pick_new (void)
{
  return g_object_new (PL_TYPE_PICK, NULL);
}
