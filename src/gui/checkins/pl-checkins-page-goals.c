/* pl-checkins-page-goals.c — the Check-ins view's goals: the learner's
 * goals with their dated history, a new goal with a target date, its link
 * and SMART hints
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>
#include <stdio.h>

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

/* "Nothing yet", then every milestone and standard a goal can link to. */
static GtkStringList *
target_labels (PlCheckinsPage *self)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, _("Nothing yet"));
  for (guint i = 0; self->targets != NULL && i < g_list_model_get_n_items (self->targets); i++)
    {
      g_autoptr(PlRecord) t = g_list_model_get_item (self->targets, i);
      g_autofree char *label = target_label (t);

      gtk_string_list_append (labels, label);
    }
  return labels;
}

/* The milestone or standard at POSITION of target_labels(), or NULL. */
static void
target_at (PlCheckinsPage  *self,
           guint            position,
           const char     **standard,
           const char     **milestone)
{
  g_autoptr(PlRecord) target = NULL;

  *standard = *milestone = NULL;
  if (position == 0 || position == GTK_INVALID_LIST_POSITION || self->targets == NULL)
    return;
  target = g_list_model_get_item (self->targets, position - 1);
  if (target == NULL)
    return;
  /* The list keeps the record, and so its uuid, alive. */
  if (PL_IS_MILESTONE (target))
    *milestone = pl_record_get_uuid (target);
  else
    *standard = pl_record_get_uuid (target);
}

void
_pl_checkins_page_load_targets (PlCheckinsPage *self)
{
  g_autoptr(GtkStringList) labels = NULL;

  g_clear_object (&self->targets);
  self->targets = pl_store_list_goal_targets (_pl_checkins_page_store (self), pl_record_get_uuid (PL_RECORD (self->classroom)), NULL);
  labels = target_labels (self);
  adw_combo_row_set_model (self->link_row, G_LIST_MODEL (labels));
}

/* ---- changing a goal ------------------------------------------------------ */

static void
set_status (PlCheckinsPage *self,
            PlGoal         *goal,
            const char     *status,
            const char     *note)
{
  g_autoptr(GError) error = NULL;

  if (!pl_store_set_goal_status (_pl_checkins_page_store (self), goal, status, note, &error))
    _pl_checkins_page_toast (self, adw_toast_new_format (_("Not saved: %s"), error->message));
}

static void
on_goal_status_clicked_cb (GtkButton      *button,
                           PlCheckinsPage *self)
{
  set_status (self, g_object_get_data (G_OBJECT (button), "goal"),
              g_object_get_data (G_OBJECT (button), "status"), NULL);
}

static void
on_drop_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PlCheckinsPage   *self)
{
  GtkEditable *why = g_object_get_data (G_OBJECT (dialog), "entry");

  if (g_strcmp0 (response, "drop") == 0)
    set_status (self, g_object_get_data (G_OBJECT (dialog), "goal"), "dropped", gtk_editable_get_text (why));
}

/* Dropping asks first, and keeps the reason with the date. */
static void
on_drop_clicked_cb (GtkButton      *button,
                    PlCheckinsPage *self)
{
  PlGoal *goal = g_object_get_data (G_OBJECT (button), "goal");
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Drop the Goal?"),
                                   _("The goal stays in the history, marked dropped with today’s date. You can make it active again later."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "drop", _("_Drop"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "drop", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "drop");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("Why (optional)"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Why the goal is dropped"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data_full (G_OBJECT (dialog), "goal", g_object_ref (goal), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_drop_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
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

static void
on_link_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PlCheckinsPage   *self)
{
  PlGoal *goal = g_object_get_data (G_OBJECT (dialog), "goal");
  GtkDropDown *choice = g_object_get_data (G_OBJECT (dialog), "choice");
  const char *standard, *milestone;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "link") != 0)
    return;
  target_at (self, gtk_drop_down_get_selected (choice), &standard, &milestone);
  if (!pl_store_set_goal_link (_pl_checkins_page_store (self), goal, standard, milestone, &error))
    _pl_checkins_page_toast (self, adw_toast_new_format (_("Not saved: %s"), error->message));
}

/* A goal's link can change after it was set: the unit moves on. */
static void
on_link_clicked_cb (GtkButton      *button,
                    PlCheckinsPage *self)
{
  PlGoal *goal = g_object_get_data (G_OBJECT (button), "goal");
  const char *linked = pl_record_get_string (PL_RECORD (goal), "milestone-uuid");
  g_autoptr(GtkStringList) labels = target_labels (self);
  GtkWidget *dialog, *choice;
  guint current = 0;

  if (linked == NULL)
    linked = pl_record_get_string (PL_RECORD (goal), "standard-uuid");
  for (guint i = 0; linked != NULL && self->targets != NULL && i < g_list_model_get_n_items (self->targets); i++)
    {
      g_autoptr(PlRecord) t = g_list_model_get_item (self->targets, i);

      if (g_strcmp0 (pl_record_get_uuid (t), linked) == 0)
        current = i + 1;
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Link the Goal"),
                                   _("A milestone or standard of the unit makes the goal relevant."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"),
                                    "link", _("_Link"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "link", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "link");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  choice = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (labels)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (choice), current);
  gtk_accessible_update_property (GTK_ACCESSIBLE (choice), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Linked to"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), choice);
  g_object_set_data_full (G_OBJECT (dialog), "goal", g_object_ref (goal), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "choice", choice);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_link_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (choice);
}

/* ---- the list of goals ------------------------------------------------------ */

static GtkWidget *
goal_button (PlGoal     *goal,
             const char *icon,
             const char *label,
             const char *status,
             GCallback   clicked,
             gpointer    self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "goal", g_object_ref (goal), g_object_unref);
  g_object_set_data (G_OBJECT (button), "status", (gpointer) status);
  g_signal_connect (button, "clicked", clicked, self);
  return button;
}

static PlRecord *
find_goal (GListModel *goals,
           const char *uuid)
{
  for (guint i = 0; uuid != NULL && i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(PlRecord) g = g_list_model_get_item (goals, i);

      if (g_strcmp0 (pl_record_get_uuid (g), uuid) == 0)
        return g;   /* the list keeps it alive */
    }
  return NULL;
}

static char *
goal_subtitle (PlCheckinsPage *self,
               PlGoal         *goal,
               GListModel     *goals,
               gboolean        past_due)
{
  g_autoptr(GListModel) history = pl_store_list_goal_history (_pl_checkins_page_store (self),
                                                              pl_record_get_uuid (PL_RECORD (goal)), NULL);
  g_autofree char *dated = pl_goal_history_describe (goal, history);
  const char *target = pl_record_get_string (PL_RECORD (goal), "target-on");
  PlRecord *linked = find_target (self, pl_record_get_string (PL_RECORD (goal), "milestone-uuid"));
  PlRecord *replaced = find_goal (goals, pl_record_get_string (PL_RECORD (goal), "revises-uuid"));
  GString *out = g_string_new (dated);

  if (linked == NULL)
    linked = find_target (self, pl_record_get_string (PL_RECORD (goal), "standard-uuid"));
  if (target != NULL)
    {
      g_string_append (out, " · ");
      g_string_append_printf (out, past_due ? _("past due: the target was %s") : _("by %s"), target);
    }
  if (linked != NULL)
    {
      g_autofree char *link = target_label (linked);

      g_string_append_printf (out, "\n%s", link);
    }
  if (replaced != NULL)
    {
      g_string_append_c (out, '\n');
      g_string_append_printf (out, _("Replaces: %s"), pl_record_get_string (replaced, "body"));
    }
  return g_string_free (out, FALSE);
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
      gboolean past_due = pl_goal_is_past_due (goal, NULL);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = goal_subtitle (self, goal, goals, past_due);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pl_record_get_string (PL_RECORD (goal), "body"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      if (past_due)
        {
          GtkWidget *flag = gtk_image_new_from_icon_name ("alarm-symbolic");

          gtk_widget_add_css_class (flag, "warning");
          gtk_widget_set_tooltip_text (flag, _("Past its target date"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (flag), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Past its target date"), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), flag);
        }
      if (g_strcmp0 (status, "active") == 0)
        {
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     goal_button (goal, "object-select-symbolic", _("Mark as met"), "met",
                                                  G_CALLBACK (on_goal_status_clicked_cb), self));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     goal_button (goal, "document-edit-symbolic", _("Revise the goal"), NULL,
                                                  G_CALLBACK (on_revise_clicked_cb), self));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     goal_button (goal, "insert-link-symbolic", _("Change what the goal is linked to"), NULL,
                                                  G_CALLBACK (on_link_clicked_cb), self));
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     goal_button (goal, "edit-delete-symbolic", _("Drop the goal"), NULL,
                                                  G_CALLBACK (on_drop_clicked_cb), self));
        }
      else
        {
          gtk_widget_add_css_class (row, "dim-label");
          if (g_strcmp0 (status, "revised") != 0)
            adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                       goal_button (goal, "edit-undo-symbolic", _("Make the goal active again"), "active",
                                                    G_CALLBACK (on_goal_status_clicked_cb), self));
        }
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

/* ---- a new goal ------------------------------------------------------------- */

/* The target date typed, "" for none, NULL when it is not a date. */
static char *
typed_target (PlCheckinsPage *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->target_row))));
  guint y, m, d;
  char tail;

  if (text[0] == '\0')
    return g_steal_pointer (&text);
  if (sscanf (text, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3 || strlen (text) != 10 ||
      !g_date_valid_dmy ((GDateDay) d, (GDateMonth) m, (GDateYear) y))
    return NULL;
  return g_steal_pointer (&text);
}

static void
update_smart_hints (PlCheckinsPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->new_goal_row));
  g_autofree char *target = typed_target (self);
  PlSmartFlags have;
  g_autoptr(GString) hints = g_string_new (NULL);

  if (target == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->target_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->target_row), "error");
  if (text[0] == '\0')
    {
      gtk_label_set_label (self->smart_label, _("A good goal is specific, measurable, achievable, relevant and time-bound."));
      return;
    }
  have = pl_smart_goal_check (text, adw_combo_row_get_selected (self->link_row) > 0,
                              target != NULL && target[0] != '\0');
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
  g_autofree char *target = typed_target (self);
  const char *milestone, *standard;

  if (self->learner == NULL)
    return;
  if (target == NULL)
    {
      _pl_checkins_page_toast (self, adw_toast_new_format (_("Not saved: the target date “%s” is not a date (YYYY-MM-DD)"),
                                                           gtk_editable_get_text (GTK_EDITABLE (self->target_row))));
      gtk_widget_grab_focus (GTK_WIDGET (self->target_row));
      return;
    }
  target_at (self, adw_combo_row_get_selected (self->link_row), &standard, &milestone);
  goal = pl_store_add_goal (_pl_checkins_page_store (self), self->learner,
                            gtk_editable_get_text (GTK_EDITABLE (self->new_goal_row)),
                            standard, milestone, target, &error);
  if (goal == NULL)
    {
      _pl_checkins_page_toast (self, adw_toast_new_format (_("Not saved: %s"), error->message));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->new_goal_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->target_row), "");
  adw_combo_row_set_selected (self->link_row, 0);
}

void
_pl_checkins_page_init_goals (PlCheckinsPage *self)
{
  g_signal_connect (self->new_goal_row, "changed", G_CALLBACK (on_new_goal_changed_cb), self);
  g_signal_connect (self->target_row, "changed", G_CALLBACK (on_new_goal_changed_cb), self);
  g_signal_connect_swapped (self->link_row, "notify::selected", G_CALLBACK (update_smart_hints), self);
  g_signal_connect (self->new_goal_row, "apply", G_CALLBACK (on_new_goal_applied_cb), self);
  g_signal_connect (self->target_row, "entry-activated", G_CALLBACK (on_new_goal_applied_cb), self);
  update_smart_hints (self);
}
