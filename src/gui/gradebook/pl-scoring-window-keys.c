/* pl-scoring-window-keys.c — the scoring window's keys, and closing it
 * without losing unsaved levels
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "pl-scoring-window-private.h"

/* The criterion whose comment field holds the focus, or -1. */
static int
comment_with_focus (PlScoringWindow *self,
                    GtkWidget       *focus)
{
  for (guint i = 0; focus != NULL && i < self->rows->len; i++)
    {
      CriterionRow *row = g_ptr_array_index (self->rows, i);

      if (focus == GTK_WIDGET (row->comment) || gtk_widget_is_ancestor (focus, GTK_WIDGET (row->comment)))
        return (int) i;
    }
  return -1;
}

static int
points_with_focus (PlScoringWindow *self,
                   GtkWidget       *focus)
{
  for (guint i = 0; focus != NULL && i < self->rows->len; i++)
    {
      CriterionRow *row = g_ptr_array_index (self->rows, i);

      if (focus == GTK_WIDGET (row->points) || gtk_widget_is_ancestor (focus, GTK_WIDGET (row->points)))
        return (int) i;
    }
  return -1;
}

static void
focus_criterion (PlScoringWindow *self,
                 guint            index)
{
  if (index >= self->rows->len)
    return;
  _pl_scoring_window_set_current (self, index);
  gtk_widget_grab_focus (((CriterionRow *) g_ptr_array_index (self->rows, index))->row);
}

gboolean
_pl_scoring_window_key_pressed_cb (GtkEventControllerKey *controller,
                                   guint                  keyval,
                                   guint                  keycode,
                                   GdkModifierType        state,
                                   PlScoringWindow       *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  int in_comment = comment_with_focus (self, focus);
  int in_points = points_with_focus (self, focus);
  guint number;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  /* Out of a comment: Escape back to its criterion, Tab on to the next,
   * so the keys 1–4 score again. */
  if (in_comment >= 0 || in_points >= 0)
    {
      int index = in_comment >= 0 ? in_comment : in_points;

      if (keyval == GDK_KEY_Escape)
        {
          focus_criterion (self, (guint) index);
          return TRUE;
        }
      if ((keyval == GDK_KEY_Tab || keyval == GDK_KEY_KP_Tab) && (state & GDK_SHIFT_MASK) == 0 &&
          in_comment >= 0)
        {
          focus_criterion (self, MIN ((guint) index + 1, self->rows->len - 1));
          return TRUE;
        }
      if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && in_points >= 0)
        {
          gtk_spin_button_update (_pl_scoring_window_row (self, (guint) index)->points);
          focus_criterion (self, MIN ((guint) index + 1, self->rows->len - 1));
          return TRUE;
        }
    }
  /* Escape anywhere else closes the window (asking first when levels are
   * not saved); handled here, as a list row would keep it from the
   * window's own shortcuts. */
  if (keyval == GDK_KEY_Escape && (state & GDK_SHIFT_MASK) == 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "scoring.close", NULL);
      return TRUE;
    }
  /* Digits type into the date, points and comment fields as usual. */
  if (focus != NULL && (GTK_IS_EDITABLE (focus) || GTK_IS_TEXT (focus)))
    return FALSE;
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    number = keyval - GDK_KEY_0;
  else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    number = keyval - GDK_KEY_KP_0;
  else
    return FALSE;
  return pl_scoring_window_choose_level (self, number);
}

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_close (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
on_discard_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        PlScoringWindow  *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->discard_confirmed = TRUE;
  /* The dialog is still answering: close its parent once it is done. */
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (self), g_object_unref);
}

gboolean
_pl_scoring_window_close_request_cb (GtkWindow *window)
{
  PlScoringWindow *self = PL_SCORING_WINDOW (window);
  AdwMessageDialog *dialog;

  if (self->discard_confirmed || !pl_scoring_window_has_unsaved (self))
    return FALSE;
  /* Levels chosen but not saved are the teacher's work: ask first. */
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Discard the Unsaved Levels?"),
                                                       _("The levels and comments chosen for this learner "
                                                         "are not saved as evidence yet.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Keep Scoring"), "discard", _("_Discard"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

void
_pl_scoring_window_close_action_cb (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

