/* pl-board-assignment.c — A board given to a class, or to one learner of a pilot group.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-board-assignment.h"

struct _PlBoardAssignment
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlBoardAssignment, pl_board_assignment, PL_TYPE_RECORD)

static void
pl_board_assignment_class_init (PlBoardAssignmentClass *klass)
{
  /* Columns of the "board_assignment" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("board-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("classroom-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("learner-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "board_assignment",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_board_assignment_init (PlBoardAssignment *self)
{
}

PlBoardAssignment *
pl_board_assignment_new (void)
{
  return g_object_new (PL_TYPE_BOARD_ASSIGNMENT, NULL);
}
