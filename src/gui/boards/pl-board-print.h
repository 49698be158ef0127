/* pl-board-print.h — a choice board as a one-page learner handout
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "core/pl-board.h"
#include "core/pl-store.h"

G_BEGIN_DECLS

/* Shows the print dialog (which can also save a PDF) for BOARD_UUID's
 * handout: its title, the rules in plain words, the grid (or the must-do
 * and may-do lists of a menu board) with each option's title,
 * description, format, grouping and minutes, required ones marked, and a
 * line for the learner's name. */
gboolean  pl_board_print_run    (GtkWindow    *parent,
                                 PlStore      *store,
                                 const char   *board_uuid,
                                 GError      **error);
/* Writes the handout to a PDF file at PATH, without a dialog. */
gboolean  pl_board_print_to_pdf (PlStore      *store,
                                 const char   *board_uuid,
                                 const char   *path,
                                 GError      **error);
/* The rules for learners, in one sentence: "Pick 3 options that make
 * three in a row; the centre square is required." */
char     *pl_board_print_rules  (PlStore      *store,
                                 PlBoard      *board);

/* What the unit brief draws of a board (see pl-unit-print.c). */
typedef struct _PlBoardSheet PlBoardSheet;

PlBoardSheet *pl_board_sheet_new       (PlStore       *store,
                                        const char    *board_uuid,
                                        GError       **error);
void          pl_board_sheet_free      (PlBoardSheet  *sheet);
const char   *pl_board_sheet_get_title (PlBoardSheet  *sheet);
const char   *pl_board_sheet_get_rules (PlBoardSheet  *sheet);
/* Draws the grid or the lists into the box at X, Y of W × H points;
 * COMPACT: the option titles only. Text shrinks to fit. */
void          pl_board_sheet_draw      (PlBoardSheet  *sheet,
                                        cairo_t       *cr,
                                        PangoContext  *context,
                                        double         x,
                                        double         y,
                                        double         w,
                                        double         h,
                                        gboolean       compact);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PlBoardSheet, pl_board_sheet_free)

G_END_DECLS
