/* pl-board.c — A choice board (grid or must-do / may-do menu) and its rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pl-board.h"

struct _PlBoard
{
  PlRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (PlBoard, pl_board, PL_TYPE_RECORD)

static void
pl_board_class_init (PlBoardClass *klass)
{
  /* Columns of the "board" table, in schema order. */
  GParamSpec *columns[] = {
    g_param_spec_string ("unit-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("classroom-uuid", NULL, NULL, NULL, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("title", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_string ("layout", NULL, NULL, "grid", G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_int64 ("n-rows", NULL, NULL, G_MININT64, G_MAXINT64, 3, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_int64 ("n-cols", NULL, NULL, G_MININT64, G_MAXINT64, 3, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_int64 ("picks-required", NULL, NULL, G_MININT64, G_MAXINT64, 3, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_boolean ("three-in-row", NULL, NULL, FALSE, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_int64 ("max-per-row", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
    g_param_spec_int64 ("max-per-col", NULL, NULL, G_MININT64, G_MAXINT64, 0, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS),
  };

  pl_record_class_install_columns (PL_RECORD_CLASS (klass), "board",
                                   columns, G_N_ELEMENTS (columns));
}

static void
pl_board_init (PlBoard *self)
{
}

PlBoard *
pl_board_new (void)
{
  return g_object_new (PL_TYPE_BOARD, NULL);
}
