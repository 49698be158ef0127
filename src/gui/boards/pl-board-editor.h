/* pl-board-editor.h — build and edit a choice board: layout, rules, options
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "core/pl-board.h"
#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_BOARD_EDITOR (pl_board_editor_get_type ())
G_DECLARE_FINAL_TYPE (PlBoardEditor, pl_board_editor, PL, BOARD_EDITOR, AdwWindow)

PlBoardEditor *pl_board_editor_new                (PlContext     *context,
                                                   PlBoard       *board);
/* The option whose fields the side panel shows, or NULL. */
const char    *pl_board_editor_get_selected_option (PlBoardEditor *self);

G_END_DECLS
