/* pl-board-editor-private.h — shared by the files of the board editor
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pl-board-editor.h"

G_BEGIN_DECLS

struct _PlBoardEditor
{
  AdwWindow        parent_instance;

  PlContext       *context;
  PlStore         *store;
  PlBoard         *board;
  GListModel      *options;
  GListModel      *standards;     /* what an option can give evidence for */
  GPtrArray       *cells;         /* buttons, one per square or menu option */
  GPtrArray       *format_values; /* per item of the format row; NULL: not set */
  char            *selected;      /* uuid of the option in the side panel */
  gboolean         updating;

  AdwToastOverlay *toasts;
  AdwWindowTitle  *window_title;
  AdwEntryRow     *title_row;
  AdwComboRow     *layout_row;
  AdwActionRow    *rows_row;
  AdwActionRow    *cols_row;
  GtkSpinButton   *rows_spin;
  GtkSpinButton   *cols_spin;
  GtkSpinButton   *picks_spin;
  AdwActionRow    *line_row;
  GtkSwitch       *line_switch;
  AdwActionRow    *row_limit_row;
  AdwActionRow    *col_limit_row;
  GtkSpinButton   *row_limit_spin;
  GtkSpinButton   *col_limit_spin;
  GtkLabel        *error_label;
  GtkLabel        *design_label;
  AdwPreferencesGroup *options_group;
  GtkGrid         *grid;
  GtkBox          *menu_box;
  GtkBox          *must_list;
  GtkBox          *may_list;
  GtkWidget       *option_box;
  AdwPreferencesGroup *option_group;
  AdwEntryRow     *option_title_row;
  AdwEntryRow     *description_row;
  AdwComboRow     *format_row;
  AdwEntryRow     *other_format_row;
  AdwComboRow     *tier_row;
  AdwComboRow     *grouping_row;
  GtkSpinButton   *minutes_spin;
  AdwEntryRow     *tags_row;
  AdwActionRow    *required_row;
  GtkSwitch       *required_switch;
  GtkListBox      *standards_list;
};

gboolean   _pl_board_editor_is_menu       (PlBoardEditor *self);
void       _pl_board_editor_toast_error   (PlBoardEditor *self,
                                           GError        *error);
void       _pl_board_editor_show_error    (PlBoardEditor *self,
                                           const char    *message);
/* The option of the board with UUID, or NULL. */
PlRecord  *_pl_board_editor_find_option   (PlBoardEditor *self,
                                           const char    *uuid);
GtkWidget *_pl_board_editor_cell_of       (PlBoardEditor *self,
                                           const char    *uuid);
void       _pl_board_editor_update_cell   (PlBoardEditor *self,
                                           PlRecord      *option);
void       _pl_board_editor_fill_panel    (PlBoardEditor *self);
void       _pl_board_editor_update_design (PlBoardEditor *self);
void       _pl_board_editor_reload_board  (PlBoardEditor *self);
/* pl-board-editor-cells.c: the squares (or menu lists) and their moves. */
void       _pl_board_editor_rebuild_cells (PlBoardEditor *self);
void       _pl_board_editor_select_option (PlBoardEditor *self,
                                           const char    *uuid);
void       _pl_board_editor_move_action_cb          (GtkWidget  *widget,
                                                     const char *action_name,
                                                     GVariant   *parameter);
void       _pl_board_editor_add_option_action_cb    (GtkWidget  *widget,
                                                     const char *action_name,
                                                     GVariant   *parameter);
void       _pl_board_editor_remove_option_action_cb (GtkWidget  *widget,
                                                     const char *action_name,
                                                     GVariant   *parameter);
gboolean   _pl_board_editor_delete_key_cb           (GtkWidget  *widget,
                                                     GVariant   *args,
                                                     gpointer    user_data);

G_END_DECLS
