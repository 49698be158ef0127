/* pl-boards-page.h — the Boards view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pl-context.h"

G_BEGIN_DECLS

#define PL_TYPE_BOARDS_PAGE (pl_boards_page_get_type ())
G_DECLARE_FINAL_TYPE (PlBoardsPage, pl_boards_page, PL, BOARDS_PAGE, AdwBin)

G_END_DECLS
