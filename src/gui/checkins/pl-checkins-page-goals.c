/* pl-checkins-page-goals.c — the Check-ins view's goals: the learner's
 * goals with their history, a new goal with SMART hints and its link
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "core/pl-smart-goal.h"
#include "core/pl-store-goals.h"
#include "pl-checkins-page-private.h"

static char *
target_label (PlRecord *target)
{
  if (PL_IS_MILESTONE (target))
    return g_strdup_printf (_("Milestone: %s"), pl_record_get_string (target, "title"));
  return g_strdup_printf (_("Standard: %s — %s"), pl_record_get_string (target, "code"),
                          pl_record_get_string (target, "statement"));
}

static PlRecord *
find_target (PlCheckinsPage *self,
             const char     *uuid)
{
  for (guint i = 0; uuid != NULL && self->targets != NULL && i < g_list_model_get_n_items (self->targets); i++)
    {
      g_autoptr(PlRecord) t = g_list_model_get_item (self->targets, i);

      if (g_strcmp0 (pl_record_get_uuid (t), uuid) == 0)
        return t;   /* the list keeps it alive */
    }
  return NULL;
}

void
_pl_checkins_page_load_targets (PlCheckinsPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

  g_clear_object (&self->targets);
  self->targets = pl_store_list_goal_targets (_pl_checkins_page_store (self), pl_record_get_uuid (PL_RECORD (self->classroom)), NULL);
  gtk_string_list_append (labels, _("Nothing yet"));
  for (guint i = 0; self->targets != NULL && i < g_list_model_get_n_items (self->targets); i++)
    {
      g_autoptr(PlRecord) t = g_list_model_get_item (self->targets, i);
      g_autofree char *label = target_label (t);

      gtk_string_list_append (labels, label);
    }
  adw_combo_row_set_model (self->link_row, G_LIST_MODEL (labels));
}

static void
on_goal_status_clicked_cb (GtkButton      *button,
                           PlCheckinsPage *self)
{
  PlGoal *goal = g_object_get_data (G_OBJECT (button), "goal");
  const char *status = g_object_get_data (G_OBJECT (button), "status");
  g_autoptr(GError) error = NULL;

  if (!pl_store_set_goal_status (_pl_checkins_page_store (self), goal, status, &error))
    _pl_checkins_page_toast (self, adw_toast_new_format (_("Not saved: %s"), error->message));
}

static void
on_revise_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       PlCheckinsPage   *self)
{
  PlGoal *goal = g_object_get_data (G_OBJECT (dialog), "goal");
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autoptr(PlGoal) revised = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "revise") != 0)
    return;
  revised = pl_store_revise_goal (_pl_checkins_page_store (self), goal, gtk_editable_get_text (entry), &error);
  if (revised == NULL)
    _pl_checkins_page_toast (self, adw_toast_new_format (_("Not saved: %s"), error->message));
}

static void
on_revise_clicked_cb (GtkButton      *button,
                      PlCheckinsPage *self)
{
  PlGoal *goal = g_object_get_data (G_OBJECT (button), "goal");
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Revise the Goal"),
                                   _("The goal as it was stays in the history, marked revised."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "revise", _("_Revise"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "revise", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "revise");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), pl_record_get_string (PL_RECORD (goal), "body"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Goal"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data_full (G_OBJECT (dialog), "goal", g_object_ref (goal), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_revise_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
goal_button (PlCheckinsPage *self,
             PlGoal         *goal,
             const char     *icon,
             const char     *label,
             const char     *status)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "goal", g_object_ref (goal), g_object_unref);
  g_object_set_data (G_OBJECT (button), "status", (gpointer) status);
  if (status != NULL)
    g_signal_connect (button, "clicked", G_CALLBACK (on_goal_status_clicked_cb), self);
  else
    g_signal_connect (button, "clicked", G_CALLBACK (on_revise_clicked_cb), self);
  return button;
}

void
_pl_checkins_page_fill_goals (PlCheckinsPage *self)
{
  g_autoptr(GListModel) goals = pl_store_list_goals (_pl_checkins_page_store (self), self->learner, NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->goals_list))) != NULL)
    gtk_list_box_remove (self->goals_list, child);
  for (guint i = 0; goals != NULL && i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(PlGoal) goal = g_list_model_get_item (goals, i);
      const char *status = pl_record_get_string (PL_RECORD (goal), "status");
      const char *target = pl_record_get_string (PL_RECORD (goal), "target-on");
      GtkWidget *row = adw_action_row_new ();
      PlRecord *linked = find_target (self, pl_record_get_string (PL_RECORD (goal), "milestone-uuid"));
      g_autofree char *link = NULL;
      g_autofree char *base = target != NULL
        ? g_strdup_printf (_("%s · set %s · by %s"), pl_goal_status_label (status),
                           pl_record_get_string (PL_RECORD (goal), "set-on"), target)
        : g_strdup_printf (_("%s · set %s"), pl_goal_status_label (status),
                           pl_record_get_string (PL_RECORD (goal), "set-on"));
      g_autofree char *subtitle = NULL;

      if (linked == NULL)
        linked = find_target (self, pl_record_get_string (PL_RECORD (goal), "standard-uuid"));
      link = linked != NULL ? target_label (linked) : NULL;
      subtitle = link != NULL ? g_strdup_printf ("%s · %s", base, link) : g_strdup (base);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pl_record_get_string (PL_RECORD (goal), "body"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (g_strcmp0 (status, "active") == 0)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     goal_button (self, goal, "object-select-symbolic", _("Mark as met"), "met"));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     goal_button (self, goal, "document-edit-symbolic", _("Revise the goal"), NULL));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     goal_button (self, goal, "edit-delete-symbolic", _("Drop the goal"), "dropped"));
        }
      else
        gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->goals_list, row);
    }
  if (goals == NULL || g_list_model_get_n_items (goals) == 0)
    {
      GtkWidget *none = gtk_label_new (_("No goal yet: write one with the learner below."));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_margin_top (none, 12);
      gtk_widget_set_margin_bottom (none, 12);
      gtk_list_box_append (self->goals_list, none);
    }
}

static void
update_smart_hints (PlCheckinsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->new_goal_row));
  PlSmartFlags have;
  g_autoptr(GString) hints = g_string_new (NULL);

  if (text[0] == '\0')
    {
      gtk_label_set_label (self->smart_label, _("A good goal is specific, measurable, achievable, relevant and time-bound."));
      return;
    }
  have = pl_smart_goal_check (text, adw_combo_row_get_selected (self->link_row) > 0, FALSE);
  for (PlSmartFlags f = PL_SMART_SPECIFIC; f <= PL_SMART_TIME_BOUND; f <<= 1)
    if ((have & f) == 0)
      g_string_append_printf (hints, "%s%s: %s", hints->len > 0 ? "\n" : "", pl_smart_goal_label (f),
                              pl_smart_goal_hint (f));
  gtk_label_set_label (self->smart_label, hints->len > 0 ? hints->str : _("Looks like a SMART goal."));
}

static void
on_new_goal_changed_cb (GtkEditable    *editable,
                        PlCheckinsPage *self)
{
  update_smart_hints (self);
}

static void
on_new_goal_applied_cb (AdwEntryRow    *row,
                        PlCheckinsPage *self)
{
  g_autoptr(PlGoal) goal = NULL;
  g_autoptr(GError) error = NULL;

  if (self->learner == NULL)
    return;
  {
    guint chosen = adw_combo_row_get_selected (self->link_row);
    g_autoptr(PlRecord) target = NULL;
    const char *milestone = NULL, *standard = NULL;

    if (chosen > 0 && chosen != GTK_INVALID_LIST_POSITION && self->targets != NULL)
      target = g_list_model_get_item (self->targets, chosen - 1);
    if (target != NULL && PL_IS_MILESTONE (target))
      milestone = pl_record_get_uuid (target);
    else if (target != NULL)
      standard = pl_record_get_uuid (target);
    goal = pl_store_add_goal (_pl_checkins_page_store (self), self->learner, gtk_editable_get_text (GTK_EDITABLE (row)),
                              standard, milestone, NULL, &error);
  }
  if (goal == NULL)
    {
      _pl_checkins_page_toast (self, adw_toast_new_format (_("Not saved: %s"), error->message));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), "");
  adw_combo_row_set_selected (self->link_row, 0);
}

void
_pl_checkins_page_init_goals (PlCheckinsPage *self)
{
  g_signal_connect (self->new_goal_row, "changed", G_CALLBACK (on_new_goal_changed_cb), self);
  g_signal_connect_swapped (self->link_row, "notify::selected", G_CALLBACK (update_smart_hints), self);
  g_signal_connect (self->new_goal_row, "apply", G_CALLBACK (on_new_goal_applied_cb), self);
  update_smart_hints (self);
}
