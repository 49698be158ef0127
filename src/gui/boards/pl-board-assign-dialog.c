/* pl-board-assign-dialog.c — give a board to the whole class or to a
 * pilot group of its learners
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "core/pl-store-boards.h"
#include "core/pl-store-learners.h"
#include "pl-board-assign-dialog.h"

struct _PlBoardAssignDialog
{
  AdwMessageDialog  parent_instance;

  PlStore          *store;
  PlBoard          *board;
  PlClassroom      *classroom;
  GtkCheckButton   *whole_check;
  GtkCheckButton   *pilot_check;
  GtkWidget        *learner_list;
  GtkLabel         *count_label;
  GPtrArray        *learner_checks;
};

G_DEFINE_FINAL_TYPE (PlBoardAssignDialog, pl_board_assign_dialog, ADW_TYPE_MESSAGE_DIALOG)

static guint
n_ticked (PlBoardAssignDialog *self)
{
  guint n = 0;

  for (guint i = 0; i < self->learner_checks->len; i++)
    n += gtk_check_button_get_active (self->learner_checks->pdata[i]) ? 1 : 0;
  return n;
}

static void
update (PlBoardAssignDialog *self)
{
  gboolean pilot = gtk_check_button_get_active (self->pilot_check);
  guint n = n_ticked (self);
  g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u learner in the pilot group",
                                                         "%u learners in the pilot group", n), n);

  gtk_widget_set_sensitive (self->learner_list, pilot);
  gtk_label_set_label (self->count_label, pilot ? count : "");
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "assign", !pilot || n > 0);
}

static void
on_choice_toggled_cb (PlBoardAssignDialog *self)
{
  update (self);
}

gboolean
pl_board_assign_dialog_apply (PlBoardAssignDialog  *self,
                              GError              **error)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();

  g_return_val_if_fail (PL_IS_BOARD_ASSIGN_DIALOG (self), FALSE);

  if (!gtk_check_button_get_active (self->pilot_check))
    return pl_store_assign_board (self->store, self->board, pl_record_get_uuid (PL_RECORD (self->classroom)), NULL, error);
  for (guint i = 0; i < self->learner_checks->len; i++)
    if (gtk_check_button_get_active (self->learner_checks->pdata[i]))
      g_ptr_array_add (chosen, g_object_get_data (self->learner_checks->pdata[i], "learner-uuid"));
  g_ptr_array_add (chosen, NULL);
  return pl_store_assign_board (self->store, self->board, pl_record_get_uuid (PL_RECORD (self->classroom)),
                                (const char * const *) chosen->pdata, error);
}

static void
pl_board_assign_dialog_dispose (GObject *object)
{
  PlBoardAssignDialog *self = PL_BOARD_ASSIGN_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->board);
  g_clear_object (&self->classroom);
  g_clear_pointer (&self->learner_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (pl_board_assign_dialog_parent_class)->dispose (object);
}

static void
pl_board_assign_dialog_class_init (PlBoardAssignDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pl_board_assign_dialog_dispose;
}

static void
pl_board_assign_dialog_init (PlBoardAssignDialog *self)
{
  self->learner_checks = g_ptr_array_new ();
}

PlBoardAssignDialog *
pl_board_assign_dialog_new (GtkWindow   *parent,
                            PlStore     *store,
                            PlBoard     *board,
                            PlClassroom *classroom)
{
  PlBoardAssignDialog *self;
  g_autoptr(GListModel) learners = NULL;
  g_auto(GStrv) pilot = NULL;
  g_autofree char *body = NULL;
  GtkWidget *box, *scroller, *list;
  gboolean whole = TRUE;

  g_return_val_if_fail (PL_IS_STORE (store), NULL);
  g_return_val_if_fail (PL_IS_BOARD (board), NULL);
  g_return_val_if_fail (PL_IS_CLASSROOM (classroom), NULL);

  body = g_strdup_printf (_("Who works on “%s”? A pilot group tries a board with a few learners before the whole class."),
                          pl_record_get_string (PL_RECORD (board), "title"));
  self = g_object_new (PL_TYPE_BOARD_ASSIGN_DIALOG, "transient-for", parent, "modal", TRUE,
                       "heading", _("Assign the Board"), "body", body, NULL);
  self->store = g_object_ref (store);
  self->board = g_object_ref (board);
  self->classroom = g_object_ref (classroom);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self), "cancel", _("_Cancel"), "assign", _("_Assign"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "assign", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "assign");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");

  pilot = pl_store_board_assignees (store, pl_record_get_uuid (PL_RECORD (board)),
                                    pl_record_get_uuid (PL_RECORD (classroom)), &whole, NULL);
  if (pilot != NULL && pilot[0] == NULL && !whole)
    whole = TRUE;   /* assigned to no one here yet: offer the class first */

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->whole_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("The _whole class")));
  self->pilot_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("A _pilot group:")));
  gtk_check_button_set_group (self->pilot_check, self->whole_check);
  gtk_check_button_set_active (whole ? self->whole_check : self->pilot_check, TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->whole_check));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->pilot_check));

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Learners of the pilot group"), -1);
  learners = pl_store_list_class_learners (store, pl_record_get_uuid (PL_RECORD (classroom)), NULL);
  for (guint i = 0; learners != NULL && i < g_list_model_get_n_items (learners); i++)
    {
      g_autoptr(PlRecord) l = g_list_model_get_item (learners, i);
      const char *preferred = pl_record_get_string (l, "preferred-name");
      g_autofree char *name = NULL;
      GtkWidget *row, *check;

      if (pl_record_get_boolean (l, "archived"))
        continue;
      name = g_strdup_printf ("%s %s", preferred != NULL && preferred[0] != '\0' ? preferred
                                                                                 : pl_record_get_string (l, "given-name"),
                              pl_record_get_string (l, "family-name"));
      row = adw_action_row_new ();
      check = gtk_check_button_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      g_object_set_data_full (G_OBJECT (check), "learner-uuid", g_strdup (pl_record_get_uuid (l)), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   !whole && pilot != NULL &&
                                   g_strv_contains ((const char * const *) pilot, pl_record_get_uuid (l)));
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_choice_toggled_cb), self);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      g_ptr_array_add (self->learner_checks, check);
    }
  self->learner_list = list;
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 260);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_box_append (GTK_BOX (box), scroller);
  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->count_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->count_label));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), box);

  g_signal_connect_swapped (self->pilot_check, "toggled", G_CALLBACK (on_choice_toggled_cb), self);
  update (self);
  return self;
}
