/* pl-board-assign-dialog.h — give a board to the whole class or a pilot group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/pl-board.h"
#include "core/pl-classroom.h"
#include "core/pl-store.h"

G_BEGIN_DECLS

#define PL_TYPE_BOARD_ASSIGN_DIALOG (pl_board_assign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PlBoardAssignDialog, pl_board_assign_dialog, PL, BOARD_ASSIGN_DIALOG, AdwMessageDialog)

/* Responses "cancel" and "assign"; the dialog opens on who has the board
 * now. */
PlBoardAssignDialog *pl_board_assign_dialog_new   (GtkWindow            *parent,
                                                   PlStore              *store,
                                                   PlBoard              *board,
                                                   PlClassroom          *classroom);
/* Writes the choice: the whole class, or the learners ticked. */
gboolean             pl_board_assign_dialog_apply (PlBoardAssignDialog  *self,
                                                   GError              **error);

G_END_DECLS
