/* pl-learner-mode-window-form.c — what the learner sees in learner mode:
 * their own goals, this week's check-in to fill in, and their recent
 * check-ins (never a teacher's note, a marker, or anyone else)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "core/pl-store-goals.h"
#include "pl-learner-mode-window-private.h"

/* The columns a learner fills in, in form order; the teacher's note and
 * the self-regulation markers are the teacher's alone. */
static const struct
{
  const char *column;
  const char *title;      /* in the form */
  const char *label;      /* in the recent check-ins */
} fields[] = {
  { "worked", N_("What _worked for me"), N_("What worked: %s") },
  { "hard", N_("What was _hard"), N_("What was hard: %s") },
  { "strategy", N_("A _strategy I will try next"), N_("Strategy to try next: %s") },
  { "help-needed", N_("_Help I need"), N_("Help needed: %s") },
  { "next-step", N_("My ne_xt step"), N_("Next step: %s") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (fields) == G_N_ELEMENTS (((PlLearnerModeWindow *) NULL)->fields));

#define N_RECENT 4

static GtkWidget *
entry_row (const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  return row;
}

static GtkWidget *
recent_row (PlRecord *c)
{
  GtkWidget *row = adw_action_row_new ();
  g_autoptr(GString) lines = g_string_new (NULL);
  g_autofree char *title = pl_record_get_int (c, "progress") > 0
    ? g_strdup_printf (_("Week of %s · progress %d of 4"), pl_record_get_string (c, "week-of"),
                       (int) pl_record_get_int (c, "progress"))
    : g_strdup_printf (_("Week of %s"), pl_record_get_string (c, "week-of"));
  const char *reflection = pl_record_get_string (c, "reflection");

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *v = pl_record_get_string (c, fields[i].column);

      if (v == NULL || v[0] == '\0')
        continue;
      g_string_append (lines, lines->len > 0 ? "\n" : "");
      g_string_append_printf (lines, _(fields[i].label), v);
    }
  if (reflection != NULL && reflection[0] != '\0')
    {
      g_string_append (lines, lines->len > 0 ? "\n" : "");
      g_string_append_printf (lines, _("Reflection: %s"), reflection);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), lines->str);
  return row;
}

/* The learner's own last few check-ins, read only. */
static void
fill_recent (PlLearnerModeWindow *self)
{
  g_autoptr(GListModel) mine = pl_store_list_checkins (self->store, self->learner, NULL);
  guint n = mine != NULL ? MIN (g_list_model_get_n_items (mine), N_RECENT) : 0;
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Your recent check-ins"), -1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) c = g_list_model_get_item (mine, i);

      gtk_list_box_append (GTK_LIST_BOX (list), recent_row (c));
    }
  if (n == 0)
    {
      GtkWidget *none = gtk_label_new (_("This is your first check-in."));

      gtk_widget_add_css_class (none, "dim-label");
      gtk_widget_set_margin_top (none, 12);
      gtk_widget_set_margin_bottom (none, 12);
      gtk_list_box_append (GTK_LIST_BOX (list), none);
    }
  adw_bin_set_child (ADW_BIN (self->recent), list);
}

/* A learner coming back the same week sees what they wrote. */
static void
fill_form (PlLearnerModeWindow *self)
{
  g_autoptr(PlCheckin) week = pl_store_find_week_checkin (self->store, self->learner, NULL, self->weekday, NULL);
  int progress = week != NULL ? (int) pl_record_get_int (PL_RECORD (week), "progress") : 0;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *v = week != NULL ? pl_record_get_string (PL_RECORD (week), fields[i].column) : NULL;

      gtk_editable_set_text (self->fields[i], v != NULL ? v : "");
    }
  for (guint i = 0; i < 4; i++)
    gtk_toggle_button_set_active (self->progress[i], progress == (int) i + 1);
}

void
_pl_learner_mode_window_save (PlLearnerModeWindow *self)
{
  g_autoptr(PlCheckin) c = NULL;
  g_autoptr(GListModel) goals = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reflection = NULL;
  int progress = 0;

  /* This week's check-in, whoever started it, is completed rather than
   * doubled; the teacher's note and markers in it stay as they are. */
  c = pl_store_find_week_checkin (self->store, self->learner, NULL, self->weekday, &error);
  if (c == NULL && error != NULL)
    {
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new_format (_("Not saved: %s"), error->message));
      return;
    }
  if (c == NULL)
    c = pl_checkin_new ();
  for (guint i = 0; i < 4; i++)
    if (gtk_toggle_button_get_active (self->progress[i]))
      progress = (int) i + 1;
  pl_record_set_string (PL_RECORD (c), "learner-uuid", self->learner);
  if (progress > 0)
    pl_record_set_int (PL_RECORD (c), "progress", progress);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *v = g_strstrip (g_strdup (gtk_editable_get_text (self->fields[i])));

      pl_record_set_string (PL_RECORD (c), fields[i].column, v[0] != '\0' ? v : NULL);
    }
  pl_record_set_boolean (PL_RECORD (c), "by-learner", TRUE);
  if (self->reflection != NULL)
    reflection = g_strstrip (g_strdup (gtk_editable_get_text (self->reflection)));
  if (reflection != NULL && reflection[0] != '\0')
    pl_record_set_string (PL_RECORD (c), "reflection", reflection);
  /* About the learner's active goal, as the teacher's check-ins are. */
  goals = pl_store_list_goals (self->store, self->learner, NULL);
  if (pl_record_get_string (PL_RECORD (c), "goal-uuid") == NULL && goals != NULL && g_list_model_get_n_items (goals) > 0)
    {
      g_autoptr(PlRecord) g = g_list_model_get_item (goals, 0);

      if (g_strcmp0 (pl_record_get_string (g, "status"), "active") == 0)
        pl_record_set_string (PL_RECORD (c), "goal-uuid", pl_record_get_uuid (g));
    }

  if (!pl_store_begin (self->store, &error))
    goto fail;
  if (!pl_store_save_checkin (self->store, c, self->weekday, &error) ||
      (self->progress_uuid != NULL && reflection != NULL && reflection[0] != '\0' &&
       !pl_store_save_reflection (self->store, self->progress_uuid, reflection, &error)))
    {
      pl_store_rollback (self->store);
      goto fail;
    }
  if (!pl_store_commit (self->store, &error))
    goto fail;
  fill_recent (self);
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new (_("Saved. Hand the computer back to your teacher.")));
  return;

fail:
  adw_toast_overlay_add_toast (self->toasts, adw_toast_new_format (_("Not saved: %s"), error->message));
}

static GtkWidget *
goals_group (PlLearnerModeWindow *self)
{
  GtkWidget *goals = adw_preferences_group_new ();
  g_autoptr(GListModel) goal_list = pl_store_list_goals (self->store, self->learner, NULL);
  guint active = 0;

  /* Only this learner's active goals, read only. */
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (goals), _("Your Goals"));
  for (guint i = 0; goal_list != NULL && i < g_list_model_get_n_items (goal_list); i++)
    {
      g_autoptr(PlGoal) g = g_list_model_get_item (goal_list, i);
      const char *target = pl_record_get_string (PL_RECORD (g), "target-on");
      GtkWidget *row;

      if (g_strcmp0 (pl_record_get_string (PL_RECORD (g), "status"), "active") != 0)
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pl_record_get_string (PL_RECORD (g), "body"));
      if (target != NULL)
        {
          g_autofree char *by = g_strdup_printf (_("By %s"), target);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), by);
        }
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (goals), row);
      active++;
    }
  if (active == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (goals),
                                           _("No goal yet: set one with your teacher."));
  return goals;
}

static GtkWidget *
progress_row (PlLearnerModeWindow *self)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_("How far along is your goal? (Ctrl+1 to Ctrl+4)"));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (box, "linked");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("How far along is your goal, 1 to 4"), -1);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i + 1);

      self->progress[i] = GTK_TOGGLE_BUTTON (gtk_toggle_button_new_with_label (number));
      /* A screen reader says what the number means, not only "3". */
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->progress[i]), pl_checkin_progress_label ((int) i + 1));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress[i]), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pl_checkin_progress_label ((int) i + 1), -1);
      if (i > 0)
        gtk_toggle_button_set_group (self->progress[i], self->progress[0]);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress[i]));
    }
  gtk_widget_set_margin_bottom (row, 12);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), box);
  return row;
}

void
_pl_learner_mode_window_build (PlLearnerModeWindow *self,
                               const char          *name)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *done = gtk_button_new_with_mnemonic (_("_Hand Back"));
  GtkWidget *scroll = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *hello = gtk_label_new (NULL);
  GtkWidget *form = adw_preferences_group_new ();
  GtkWidget *history = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *save = gtk_button_new_with_mnemonic (_("_Save My Check-in"));
  g_autofree char *greeting = g_strdup_printf (_("Hi %s — your weekly check-in"), name);
  g_autofree char *prompt = NULL;

  gtk_window_set_title (GTK_WINDOW (self), _("Learner Mode"));
  gtk_widget_add_css_class (done, "destructive-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (done), "learner.leave");
  gtk_widget_set_tooltip_text (done, _("Give the computer back: your teacher’s PIN ends learner mode"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), done);
  gtk_box_append (GTK_BOX (toolbar), header);

  gtk_label_set_label (GTK_LABEL (hello), greeting);
  gtk_label_set_wrap (GTK_LABEL (hello), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hello), 0);
  gtk_widget_add_css_class (hello, "title-1");
  gtk_box_append (GTK_BOX (box), hello);
  gtk_box_append (GTK_BOX (box), goals_group (self));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (form), _("This Week"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (form),
                                         _("Ctrl+Return saves. Saving again this week changes this week’s check-in."));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), progress_row (self));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      self->fields[i] = GTK_EDITABLE (entry_row (_(fields[i].title)));
      gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->fields[i]));
    }

  prompt = pl_store_pending_reflection (self->store, self->learner, &self->progress_uuid, NULL);
  if (prompt != NULL)
    {
      GtkWidget *row = entry_row (_("_Reflection"));
      GtkWidget *label = gtk_label_new (prompt);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 6);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_append (GTK_LIST_BOX (list), label);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
      self->reflection = GTK_EDITABLE (row);
    }
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (form), list);
  gtk_box_append (GTK_BOX (box), form);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (save), "learner.save");
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_add_css_class (save, "pill");
  gtk_widget_set_halign (save, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), save);

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (history), _("Your Recent Check-ins"));
  self->recent = adw_bin_new ();
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (history), self->recent);
  gtk_box_append (GTK_BOX (box), history);

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroll), clamp);
  gtk_widget_set_vexpand (scroll, TRUE);
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, scroll);
  gtk_box_append (GTK_BOX (toolbar), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  fill_form (self);
  fill_recent (self);
}
