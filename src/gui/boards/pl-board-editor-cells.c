/* pl-board-editor-cells.c — the board editor's squares (or must-do and
 * may-do lists): selecting, adding, moving by keyboard and by drag, and
 * removing with Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "core/pl-core.h"
#include "core/pl-store-boards.h"
#include "pl-board-editor-private.h"

/* ---- cells ------------------------------------------------------------- */

void
_pl_board_editor_select_option (PlBoardEditor *self,
                                const char    *uuid)
{
  g_autofree char *keep = g_strdup (uuid);

  g_free (self->selected);
  self->selected = g_steal_pointer (&keep);
  for (guint i = 0; i < self->cells->len; i++)
    {
      GtkWidget *cell = self->cells->pdata[i];
      gboolean on = self->selected != NULL &&
                    g_strcmp0 (g_object_get_data (G_OBJECT (cell), "option-uuid"), self->selected) == 0;

      if (on)
        gtk_widget_add_css_class (cell, "suggested-action");
      else
        gtk_widget_remove_css_class (cell, "suggested-action");
      gtk_accessible_update_state (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_STATE_SELECTED, on, -1);
    }
  _pl_board_editor_fill_panel (self);
}

static void
on_cell_focus_enter_cb (GtkEventControllerFocus *focus,
                        PlBoardEditor           *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (focus));
  const char *uuid = g_object_get_data (G_OBJECT (cell), "option-uuid");

  if (uuid != NULL && g_strcmp0 (uuid, self->selected) != 0)
    _pl_board_editor_select_option (self, uuid);
}

static void
on_cell_clicked_cb (GtkButton     *button,
                    PlBoardEditor *self)
{
  const char *uuid = g_object_get_data (G_OBJECT (button), "option-uuid");
  g_autoptr(GError) error = NULL;
  g_autoptr(PlChoiceOption) made = NULL;

  if (uuid != NULL)
    {
      /* A second press goes on to the option's fields. */
      if (g_strcmp0 (uuid, self->selected) == 0)
        gtk_widget_grab_focus (GTK_WIDGET (self->option_title_row));
      else
        _pl_board_editor_select_option (self, uuid);
      return;
    }
  made = pl_store_add_option (self->store, self->board, NULL,
                              GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "row")) - 1,
                              GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "col")) - 1, &error);
  if (made == NULL)
    {
      _pl_board_editor_toast_error (self, error);
      return;
    }
  g_free (self->selected);
  self->selected = g_strdup (pl_record_get_uuid (PL_RECORD (made)));
  _pl_board_editor_rebuild_cells (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->option_title_row));
}

/* Drag an option onto another square (or list place) to move it there. */
static GdkContentProvider *
on_drag_prepare_cb (GtkDragSource *source,
                    double         x,
                    double         y,
                    PlBoardEditor *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));

  return gdk_content_provider_new_typed (G_TYPE_STRING, g_object_get_data (G_OBJECT (cell), "option-uuid"));
}

static void
move_to_cell (PlBoardEditor *self,
              const char    *uuid,
              GtkWidget     *target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) o = _pl_board_editor_find_option (self, uuid);
  gboolean ok;

  if (o == NULL)
    return;
  if (_pl_board_editor_is_menu (self))
    ok = pl_store_move_menu_option (self->store, PL_CHOICE_OPTION (o), g_object_get_data (G_OBJECT (target), "section"),
                                    GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (target), "index")), &error);
  else
    ok = pl_store_move_option (self->store, PL_CHOICE_OPTION (o),
                               GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (target), "row")) - 1,
                               GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (target), "col")) - 1, &error);
  if (!ok)
    _pl_board_editor_toast_error (self, error);
  g_free (self->selected);
  self->selected = g_strdup (uuid);
  _pl_board_editor_rebuild_cells (self);
  if (_pl_board_editor_cell_of (self, uuid) != NULL)
    gtk_widget_grab_focus (_pl_board_editor_cell_of (self, uuid));
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            PlBoardEditor *self)
{
  GtkWidget *cell = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  const char *uuid = g_value_get_string (value);

  if (uuid == NULL || g_strcmp0 (uuid, g_object_get_data (G_OBJECT (cell), "option-uuid")) == 0)
    return FALSE;
  move_to_cell (self, uuid, cell);
  return TRUE;
}

static GtkWidget *
new_cell (PlBoardEditor *self,
          PlRecord      *o,
          guint          row,
          guint          col)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *label = gtk_label_new (NULL);
  GtkEventController *focus = gtk_event_controller_focus_new ();
  GtkDropTarget *drop = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_button_set_child (GTK_BUTTON (button), label);
  gtk_widget_set_size_request (button, 120, 84);
  /* Stored one up, so that row 0 is not a NULL pointer. */
  g_object_set_data (G_OBJECT (button), "row", GUINT_TO_POINTER (row + 1));
  g_object_set_data (G_OBJECT (button), "col", GUINT_TO_POINTER (col + 1));
  if (o != NULL)
    {
      GtkDragSource *drag = gtk_drag_source_new ();

      g_object_set_data_full (G_OBJECT (button), "option-uuid", g_strdup (pl_record_get_uuid (o)), g_free);
      gtk_drag_source_set_actions (drag, GDK_ACTION_MOVE);
      g_signal_connect (drag, "prepare", G_CALLBACK (on_drag_prepare_cb), self);
      gtk_widget_add_controller (button, GTK_EVENT_CONTROLLER (drag));
    }
  else
    {
      g_autofree char *name = g_strdup_printf (_("Empty square, row %u, column %u: add an option"), row + 1, col + 1);

      gtk_label_set_label (GTK_LABEL (label), _("Empty square\nAdd an option"));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
      gtk_widget_set_tooltip_text (button, _("Add an option in this square"));
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Alt+arrow keys move the option; Delete removes it"), -1);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (button, GTK_EVENT_CONTROLLER (drop));
  g_signal_connect (focus, "enter", G_CALLBACK (on_cell_focus_enter_cb), self);
  gtk_widget_add_controller (button, focus);
  g_signal_connect (button, "clicked", G_CALLBACK (on_cell_clicked_cb), self);
  g_ptr_array_add (self->cells, button);
  if (o != NULL)
    _pl_board_editor_update_cell (self, o);
  return button;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_GRID (box))
        gtk_grid_remove (GTK_GRID (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

void
_pl_board_editor_rebuild_cells (PlBoardEditor *self)
{
  g_autoptr(GError) error = NULL;
  gboolean menu = _pl_board_editor_is_menu (self);
  guint index[2] = { 0, 0 };
  g_autoptr(PlRecord) still = NULL;

  clear_box (GTK_WIDGET (self->grid));
  clear_box (GTK_WIDGET (self->must_list));
  clear_box (GTK_WIDGET (self->may_list));
  g_ptr_array_set_size (self->cells, 0);
  g_clear_object (&self->options);
  self->options = pl_store_list_board_options (self->store, pl_record_get_uuid (PL_RECORD (self->board)), &error);
  if (self->options == NULL)
    {
      _pl_board_editor_toast_error (self, error);
      self->options = G_LIST_MODEL (g_list_store_new (PL_TYPE_CHOICE_OPTION));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->grid), !menu);
  gtk_widget_set_visible (GTK_WIDGET (self->menu_box), menu);

  if (menu)
    for (guint i = 0; i < g_list_model_get_n_items (self->options); i++)
      {
        g_autoptr(PlRecord) o = g_list_model_get_item (self->options, i);
        gboolean must = g_strcmp0 (pl_record_get_string (o, "section"), "must") == 0;
        GtkWidget *cell = new_cell (self, o, (guint) pl_record_get_int (o, "grid-row"), 0);

        g_object_set_data (G_OBJECT (cell), "section", (gpointer) (must ? "must" : "may"));
        g_object_set_data (G_OBJECT (cell), "index", GUINT_TO_POINTER (index[must ? 0 : 1]++));
        gtk_widget_set_size_request (cell, -1, 64);
        gtk_box_append (must ? self->must_list : self->may_list, cell);
      }
  else
    for (guint r = 0; r < (guint) pl_record_get_int (PL_RECORD (self->board), "n-rows"); r++)
      for (guint c = 0; c < (guint) pl_record_get_int (PL_RECORD (self->board), "n-cols"); c++)
        {
          g_autoptr(PlRecord) there = NULL;

          for (guint i = 0; i < g_list_model_get_n_items (self->options) && there == NULL; i++)
            {
              g_autoptr(PlRecord) o = g_list_model_get_item (self->options, i);

              if (pl_record_get_int (o, "grid-row") == r && pl_record_get_int (o, "grid-col") == c)
                there = g_steal_pointer (&o);
            }
          gtk_grid_attach (self->grid, new_cell (self, there, r, c), (int) c, (int) r, 1, 1);
        }

  still = _pl_board_editor_find_option (self, self->selected);
  if (still == NULL && g_list_model_get_n_items (self->options) > 0)
    {
      g_autoptr(PlRecord) first = g_list_model_get_item (self->options, 0);

      _pl_board_editor_select_option (self, pl_record_get_uuid (first));
    }
  else
    _pl_board_editor_select_option (self, still != NULL ? pl_record_get_uuid (still) : NULL);
  _pl_board_editor_update_design (self);
}

/* ---- actions ------------------------------------------------------------ */

void
_pl_board_editor_move_action_cb (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  PlBoardEditor *self = PL_BOARD_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) o = _pl_board_editor_find_option (self, self->selected);
  int dr, dc;
  gboolean ok;

  if (o == NULL)
    return;
  g_variant_get (parameter, "(ii)", &dr, &dc);
  if (_pl_board_editor_is_menu (self))
    {
      GtkWidget *cell = _pl_board_editor_cell_of (self, self->selected);
      const char *section = g_object_get_data (G_OBJECT (cell), "section");
      guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (cell), "index"));

      if (dc != 0)
        section = dc < 0 ? "must" : "may";
      else if (dr < 0 && index == 0)
        return;
      else
        index = dr < 0 ? index - 1 : index + 1;
      ok = pl_store_move_menu_option (self->store, PL_CHOICE_OPTION (o), section, index, &error);
    }
  else
    {
      gint64 row = pl_record_get_int (o, "grid-row") + dr, col = pl_record_get_int (o, "grid-col") + dc;

      if (row < 0 || col < 0 || row >= pl_record_get_int (PL_RECORD (self->board), "n-rows") ||
          col >= pl_record_get_int (PL_RECORD (self->board), "n-cols"))
        {
          gtk_widget_error_bell (widget);
          return;
        }
      ok = pl_store_move_option (self->store, PL_CHOICE_OPTION (o), (guint) row, (guint) col, &error);
    }
  if (!ok)
    {
      _pl_board_editor_toast_error (self, error);
      return;
    }
  _pl_board_editor_reload_board (self);
  _pl_board_editor_rebuild_cells (self);
  if (_pl_board_editor_cell_of (self, self->selected) != NULL)
    gtk_widget_grab_focus (_pl_board_editor_cell_of (self, self->selected));
}

void
_pl_board_editor_add_option_action_cb (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *parameter)
{
  PlBoardEditor *self = PL_BOARD_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlChoiceOption) made = pl_store_add_option (self->store, self->board, g_variant_get_string (parameter, NULL),
                                                        0, 0, &error);

  if (made == NULL)
    {
      _pl_board_editor_toast_error (self, error);
      return;
    }
  g_free (self->selected);
  self->selected = g_strdup (pl_record_get_uuid (PL_RECORD (made)));
  _pl_board_editor_reload_board (self);
  _pl_board_editor_rebuild_cells (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->option_title_row));
}

typedef struct
{
  PlBoardEditor *self;
  PlRecord      *option;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *u = data;

  g_object_unref (u->self);
  g_object_unref (u->option);
  g_free (u);
}

static void
on_undo_remove_cb (AdwToast *t,
                   Undo     *u)
{
  g_autoptr(GError) error = NULL;

  if (!pl_store_restore_option (u->self->store, PL_CHOICE_OPTION (u->option), &error))
    {
      _pl_board_editor_toast_error (u->self, error);
      return;
    }
  g_free (u->self->selected);
  u->self->selected = g_strdup (pl_record_get_uuid (u->option));
  _pl_board_editor_reload_board (u->self);
  _pl_board_editor_rebuild_cells (u->self);
}

void
_pl_board_editor_remove_option_action_cb (GtkWidget  *widget,
                                          const char *action_name,
                                          GVariant   *parameter)
{
  PlBoardEditor *self = PL_BOARD_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(PlRecord) o = _pl_board_editor_find_option (self, self->selected);
  AdwToast *t;
  Undo *u;

  if (o == NULL)
    return;
  if (!pl_store_remove_option (self->store, PL_CHOICE_OPTION (o), &error))
    {
      _pl_board_editor_toast_error (self, error);
      return;
    }
  t = adw_toast_new_format (_("“%s” removed"), pl_record_get_string (o, "title"));
  adw_toast_set_button_label (t, _("_Undo"));
  u = g_new0 (Undo, 1);
  u->self = g_object_ref (self);
  u->option = g_object_ref (o);
  g_signal_connect_data (t, "button-clicked", G_CALLBACK (on_undo_remove_cb), u,
                         (GClosureNotify) (void (*) (void)) undo_free, 0);
  adw_toast_overlay_add_toast (self->toasts, t);
  g_clear_pointer (&self->selected, g_free);
  _pl_board_editor_reload_board (self);
  _pl_board_editor_rebuild_cells (self);
  if (self->cells->len > 0)
    gtk_widget_grab_focus (self->cells->pdata[0]);
}

/* Delete removes the option of the focused square, not what a text field
 * or a check box would otherwise get. */
gboolean
_pl_board_editor_delete_key_cb (GtkWidget *widget,
                                GVariant  *args,
                                gpointer   user_data)
{
  PlBoardEditor *self = PL_BOARD_EDITOR (widget);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (widget));

  if (focus == NULL || !g_ptr_array_find (self->cells, focus, NULL) ||
      g_object_get_data (G_OBJECT (focus), "option-uuid") == NULL)
    return FALSE;
  _pl_board_editor_remove_option_action_cb (widget, "editor.remove-option", NULL);
  return TRUE;
}
