/* pl-boards-page-units.c — the unit part of the Boards view: which unit
 * it shows, its plan, its milestones, and the view when there is none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "pl-board-print.h"
#include "pl-boards-page-private.h"
#include "pl-unit-print.h"

static PlStore *
store_of (PlBoardsPage *self)
{
  return pl_context_get_store (self->context);
}

static void
toast (PlBoardsPage *self,
       AdwToast     *t)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), t);
  else
    g_object_unref (g_object_ref_sink (t));
}

static void
update_unit_actions (PlBoardsPage *self)
{
  gboolean has_unit = pl_unit_switcher_get_unit (self->unit_switcher) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "boards.new-unit", self->classroom != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "boards.edit-unit", has_unit && self->classroom != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "boards.delete-unit", has_unit && self->classroom != NULL);
}

void
_pl_boards_page_show_no_class (PlBoardsPage *self)
{
  adw_status_page_set_title (self->empty_page, _("No Class Yet"));
  adw_status_page_set_description (self->empty_page,
                                   _("Create a class with the class switcher, or add the demo classroom from the main menu; then plan its units here."));
  gtk_widget_set_visible (self->empty_button, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_unit_actions (self);
}

/* Shows the unit's plan and milestones; FALSE when the class has no unit
 * (the view then says how to plan one). */
gboolean
_pl_boards_page_load_unit (PlBoardsPage *self)
{
  PlUnit *unit = pl_unit_switcher_load (self->unit_switcher, self->context, self->classroom);

  update_unit_actions (self);
  pl_unit_summary_set_unit (self->unit_summary, store_of (self), unit);
  pl_milestones_view_set_unit (self->milestones_view, store_of (self),
                               unit != NULL ? pl_record_get_uuid (PL_RECORD (unit)) : NULL);
  if (unit != NULL)
    return TRUE;
  adw_status_page_set_title (self->empty_page, _("No Unit Yet"));
  adw_status_page_set_description (self->empty_page,
                                   _("Plan a unit for this class: its big idea, three to five goals, its dates, the standards it targets and its milestones. Then give it a choice board."));
  gtk_widget_set_visible (self->empty_button, TRUE);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  return FALSE;
}

void
_pl_boards_page_show_board (PlBoardsPage *self)
{
  gtk_stack_set_visible_child_name (self->board_stack, "board");
  gtk_widget_set_visible (self->learner_pane, TRUE);
  gtk_widget_set_visible (self->learner_separator, TRUE);
}

/* The unit has no board: its plan and milestones still show, with a way
 * to build one. */
void
_pl_boards_page_show_no_board (PlBoardsPage *self,
                               GError       *error)
{
  PlUnit *unit = pl_unit_switcher_get_unit (self->unit_switcher);
  g_autofree char *text = NULL;

  if (error != NULL)
    toast (self, adw_toast_new_format (_("Could not read the board: %s"), error->message));
  text = g_strdup_printf (_("“%s” has no choice board. Create a grid of options, such as a 3 × 3 tic-tac-toe "
                            "with a required centre, or a menu of must-do and may-do options."),
                          pl_record_get_string (PL_RECORD (unit), "title"));
  gtk_label_set_label (self->no_board_label, text);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "boards.create-board", TRUE);
  gtk_string_list_splice (self->learners, 0, g_list_model_get_n_items (G_LIST_MODEL (self->learners)), NULL);
  g_hash_table_remove_all (self->picks);
  g_hash_table_remove_all (self->problems);
  gtk_stack_set_visible_child_name (self->board_stack, "no-board");
  gtk_widget_set_visible (self->learner_pane, FALSE);
  gtk_widget_set_visible (self->learner_separator, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "main");
}

static void
on_unit_changed_cb (PlUnitSwitcher *switcher,
                    PlBoardsPage   *self)
{
  /* Not within the drop-down's own signal. */
  _pl_boards_page_reload_soon (self);
}

static void
unit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PlBoardsPage *self = PL_BOARDS_PAGE (widget);

  if (self->context == NULL || self->classroom == NULL)
    return;
  if (g_str_equal (action_name, "boards.new-unit"))
    pl_unit_switcher_new_unit (self->unit_switcher);
  else if (g_str_equal (action_name, "boards.edit-unit"))
    pl_unit_switcher_edit_unit (self->unit_switcher);
  else
    pl_unit_switcher_delete_unit (self->unit_switcher);
}

/* The unit's one-page brief, or the board as a learner handout: the
 * print dialog also saves a PDF, for classrooms without devices. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PlBoardsPage *self = PL_BOARDS_PAGE (widget);
  PlUnit *unit = pl_unit_switcher_get_unit (self->unit_switcher);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *parent = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->context == NULL || unit == NULL)
    return;
  if (g_str_equal (action_name, "boards.print-unit"))
    ok = pl_unit_print_run (parent, store_of (self), pl_record_get_uuid (PL_RECORD (unit)), &error);
  else if (self->board != NULL)
    ok = pl_board_print_run (parent, store_of (self), pl_record_get_uuid (PL_RECORD (self->board)), &error);
  else
    return;
  if (!ok && error != NULL)
    toast (self, adw_toast_new_format (_("Not printed: %s"), error->message));
}

void
_pl_boards_page_update_print_actions (PlBoardsPage *self)
{
  gboolean has_unit = self->classroom != NULL && pl_unit_switcher_get_unit (self->unit_switcher) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "boards.print-unit", has_unit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "boards.print-board", has_unit && self->board != NULL);
}

void
_pl_boards_page_units_class_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (PL_TYPE_UNIT_SWITCHER);
  g_type_ensure (PL_TYPE_UNIT_SUMMARY);
  g_type_ensure (PL_TYPE_MILESTONES_VIEW);
  gtk_widget_class_bind_template_child (widget_class, PlBoardsPage, unit_switcher);
  gtk_widget_class_bind_template_child (widget_class, PlBoardsPage, unit_summary);
  gtk_widget_class_bind_template_child (widget_class, PlBoardsPage, empty_button);
  gtk_widget_class_bind_template_child (widget_class, PlBoardsPage, board_stack);
  gtk_widget_class_bind_template_child (widget_class, PlBoardsPage, no_board_box);
  gtk_widget_class_bind_template_child (widget_class, PlBoardsPage, no_board_label);
  gtk_widget_class_bind_template_child (widget_class, PlBoardsPage, no_board_actions);
  gtk_widget_class_bind_template_child (widget_class, PlBoardsPage, learner_pane);
  gtk_widget_class_bind_template_child (widget_class, PlBoardsPage, learner_separator);
  gtk_widget_class_bind_template_child (widget_class, PlBoardsPage, milestones_view);

  gtk_widget_class_install_action (widget_class, "boards.new-unit", NULL, unit_action);
  gtk_widget_class_install_action (widget_class, "boards.edit-unit", NULL, unit_action);
  gtk_widget_class_install_action (widget_class, "boards.delete-unit", NULL, unit_action);
  gtk_widget_class_install_action (widget_class, "boards.print-unit", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "boards.print-board", NULL, print_action);
}

void
_pl_boards_page_units_init (PlBoardsPage *self)
{
  g_signal_connect (self->unit_switcher, "unit-changed", G_CALLBACK (on_unit_changed_cb), self);
  update_unit_actions (self);
}
