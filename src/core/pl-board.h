/* pl-board.h — A choice board (grid or must-do / may-do menu) and its rules.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-record.h"

G_BEGIN_DECLS

#define PL_TYPE_BOARD (pl_board_get_type ())
G_DECLARE_FINAL_TYPE (PlBoard, pl_board, PL, BOARD, PlRecord)

PlBoard *pl_board_new (void);

G_END_DECLS
