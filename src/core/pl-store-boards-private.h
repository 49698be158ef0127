/* pl-store-boards-private.h — shared by the files that edit boards
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-store-boards.h"

G_BEGIN_DECLS

gboolean        _pl_board_text_is_blank  (const char      *text);
gboolean        _pl_board_is_menu        (PlBoard         *board);
/* The live board OPTION is on. */
PlBoard        *_pl_board_of_option      (PlStore         *store,
                                          PlChoiceOption  *option,
                                          GError         **error);
GListModel     *_pl_board_options        (PlStore         *store,
                                          PlBoard         *board,
                                          GError         **error);
/* The option of OPTIONS in ROW, COL other than EXCEPT, or NULL. */
PlRecord       *_pl_board_option_at      (GListModel      *options,
                                          guint            row,
                                          guint            col,
                                          PlRecord        *except);
/* An unsaved option "Option NUMBER" of BOARD. */
PlChoiceOption *_pl_board_new_option     (PlBoard         *board,
                                          guint            number,
                                          guint            row,
                                          guint            col,
                                          const char      *section);
/* The options of a menu, must-do first, each section in its order. */
GPtrArray      *_pl_board_menu_order     (GListModel      *options);
/* Numbers the rows of a menu in the order of ORDER and saves what
 * changed, the board's row count too. */
gboolean        _pl_board_renumber_menu  (PlStore         *store,
                                          PlBoard         *board,
                                          GPtrArray       *order,
                                          GError         **error);

G_END_DECLS
