/* pl-milestones-view.c — a unit's milestones and where each learner
 * stands on them; the teacher marks a learner done or not done
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "core/pl-store-units.h"
#include "pl-milestones-view.h"

struct _PlMilestonesView
{
  AdwPreferencesGroup  parent_instance;

  PlStore             *store;
  char                *unit_uuid;
  GtkListBox          *list;
  GHashTable          *expanded;   /* milestone uuids */
};

G_DEFINE_FINAL_TYPE (PlMilestonesView, pl_milestones_view, ADW_TYPE_PREFERENCES_GROUP)

typedef struct
{
  PlMilestonesView *self;
  AdwExpanderRow   *expander;
  char             *milestone_uuid;
  char             *title;
  char             *due_on;
  guint             n_learners;
  guint             n_done;
  guint             n_behind;
} MilestoneItem;

static void
milestone_item_free (gpointer data)
{
  MilestoneItem *item = data;

  g_free (item->milestone_uuid);
  g_free (item->title);
  g_free (item->due_on);
  g_free (item);
}

static void
toast (PlMilestonesView *self,
       AdwToast         *t)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), t);
  else
    g_object_unref (g_object_ref_sink (t));
}

static void
update_counts (MilestoneItem *item)
{
  g_autofree char *subtitle = item->n_behind > 0
    ? g_strdup_printf (_("Due %s · %u of %u done · %u behind"), item->due_on, item->n_done, item->n_learners, item->n_behind)
    : g_strdup_printf (_("Due %s · %u of %u done · on track"), item->due_on, item->n_done, item->n_learners);

  adw_expander_row_set_subtitle (item->expander, subtitle);
}

static void
show_state (GtkWidget       *row,
            PlProgressState  state,
            const char       *done_on,
            const char       *due_on)
{
  GtkWidget *badge = g_object_get_data (G_OBJECT (row), "pl-badge");
  g_autofree char *subtitle = NULL;

  switch (state)
    {
    case PL_PROGRESS_DONE:
      subtitle = done_on != NULL ? g_strdup_printf (_("Done on %s"), done_on) : g_strdup (_("Done"));
      break;
    case PL_PROGRESS_BEHIND:
      subtitle = g_strdup_printf (_("Not done; it was due on %s"), due_on);
      break;
    case PL_PROGRESS_ON_TRACK:
    default:
      subtitle = g_strdup_printf (_("Not done yet; due on %s"), due_on);
      break;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_label_set_label (GTK_LABEL (badge), pl_progress_state_label (state));
  gtk_widget_remove_css_class (badge, "success");
  gtk_widget_remove_css_class (badge, "warning");
  gtk_widget_remove_css_class (badge, "dim-label");
  gtk_widget_add_css_class (badge, state == PL_PROGRESS_DONE ? "success"
                                   : state == PL_PROGRESS_BEHIND ? "warning" : "dim-label");
}

static void
on_done_toggled_cb (GtkCheckButton *check,
                    MilestoneItem  *item)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (check), ADW_TYPE_ACTION_ROW);
  const char *learner = g_object_get_data (G_OBJECT (row), "pl-learner");
  gboolean done = gtk_check_button_get_active (check);
  gboolean past_due;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;

  if (g_object_get_data (G_OBJECT (check), "pl-setting") != NULL)
    return;
  if (!pl_store_set_milestone_done (item->self->store, item->milestone_uuid, learner, done, NULL, &error))
    {
      toast (item->self, adw_toast_new_format (_("Not saved: %s"), error->message));
      g_object_set_data (G_OBJECT (check), "pl-setting", GINT_TO_POINTER (TRUE));
      gtk_check_button_set_active (check, !done);
      g_object_set_data (G_OBJECT (check), "pl-setting", NULL);
      return;
    }
  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  past_due = g_strcmp0 (item->due_on, today) < 0;
  /* Until the view reloads, the counts follow the mark. */
  item->n_done = done ? item->n_done + 1 : item->n_done - MIN (item->n_done, 1);
  if (past_due)
    item->n_behind = done ? item->n_behind - MIN (item->n_behind, 1) : item->n_behind + 1;
  show_state (row, done ? PL_PROGRESS_DONE : past_due ? PL_PROGRESS_BEHIND : PL_PROGRESS_ON_TRACK,
              done ? today : NULL, item->due_on);
  update_counts (item);
}

static void
on_expanded_cb (AdwExpanderRow *expander,
                GParamSpec     *pspec,
                MilestoneItem  *item)
{
  if (adw_expander_row_get_expanded (expander))
    g_hash_table_add (item->self->expanded, g_strdup (item->milestone_uuid));
  else
    g_hash_table_remove (item->self->expanded, item->milestone_uuid);
}

static GtkWidget *
learner_row (MilestoneItem            *item,
             const PlMilestoneLearner *learner)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *badge = gtk_label_new (NULL);
  g_autofree char *name = g_strdup_printf (_("%s has done “%s”"), learner->name, item->title);

  gtk_widget_set_name (row, "milestone-learner");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), learner->name);
  g_object_set_data_full (G_OBJECT (row), "pl-learner", g_strdup (learner->learner_uuid), g_free);
  g_object_set_data (G_OBJECT (row), "pl-badge", badge);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), learner->state == PL_PROGRESS_DONE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_widget_set_tooltip_text (check, _("Done"));
  g_signal_connect (check, "toggled", G_CALLBACK (on_done_toggled_cb), item);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "caption-heading");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  show_state (row, learner->state, learner->done_on, item->due_on);
  return row;
}

static gboolean
focus_first (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_is_sensitive (widget))
    return FALSE;
  if (gtk_widget_get_focusable (widget) && gtk_widget_grab_focus (widget))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    if (focus_first (c))
      return TRUE;
  return FALSE;
}

static void
rebuild (PlMilestonesView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autofree char *focus_milestone = NULL;
  g_autofree char *focus_learner = NULL;
  g_autoptr(GListModel) milestones = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *refocus = NULL;
  GtkWidget *child;
  guint n;

  /* Where the keyboard was, to put it back after the rows are rebuilt. */
  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->list)))
    for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self->list); w = gtk_widget_get_parent (w))
      {
        if (focus_learner == NULL && g_object_get_data (G_OBJECT (w), "pl-learner") != NULL)
          focus_learner = g_strdup (g_object_get_data (G_OBJECT (w), "pl-learner"));
        if (g_object_get_data (G_OBJECT (w), "pl-milestone") != NULL)
          focus_milestone = g_strdup (((MilestoneItem *) g_object_get_data (G_OBJECT (w), "pl-milestone"))->milestone_uuid);
      }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  if (self->store == NULL || self->unit_uuid == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  milestones = pl_store_list_milestones (self->store, self->unit_uuid, &error);
  n = milestones != NULL ? g_list_model_get_n_items (milestones) : 0;
  if (milestones == NULL)
    toast (self, adw_toast_new_format (_("Could not read the milestones: %s"), error->message));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         n == 0 ? _("No milestones yet: add the unit’s must-do checkpoints with Edit Unit…")
                                                : _("Open a milestone to see who is done, on track or behind, and tick a learner off when they are done."));
  gtk_widget_set_visible (GTK_WIDGET (self->list), n > 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) m = g_list_model_get_item (milestones, i);
      g_autoptr(GArray) learners = pl_store_milestone_learners (self->store, pl_record_get_uuid (m), NULL, NULL);
      MilestoneItem *item = g_new0 (MilestoneItem, 1);
      GtkWidget *expander = adw_expander_row_new ();

      item->self = self;
      item->expander = ADW_EXPANDER_ROW (expander);
      item->milestone_uuid = g_strdup (pl_record_get_uuid (m));
      item->title = g_strdup (pl_record_get_string (m, "title"));
      item->due_on = g_strdup (pl_record_get_string (m, "due-on") != NULL ? pl_record_get_string (m, "due-on") : "");
      g_object_set_data_full (G_OBJECT (expander), "pl-milestone", item, milestone_item_free);
      gtk_widget_set_name (expander, "milestone-progress");
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), item->title);
      if (!pl_record_get_boolean (m, "must-do"))
        adw_expander_row_set_icon_name (item->expander, "starred-symbolic");
      for (guint k = 0; learners != NULL && k < learners->len; k++)
        {
          const PlMilestoneLearner *l = &g_array_index (learners, PlMilestoneLearner, k);
          GtkWidget *row = learner_row (item, l);

          item->n_learners++;
          item->n_done += l->state == PL_PROGRESS_DONE;
          item->n_behind += l->state == PL_PROGRESS_BEHIND;
          adw_expander_row_add_row (item->expander, row);
          if (g_strcmp0 (focus_milestone, item->milestone_uuid) == 0 && g_strcmp0 (focus_learner, l->learner_uuid) == 0)
            refocus = row;
        }
      update_counts (item);
      adw_expander_row_set_expanded (item->expander, g_hash_table_contains (self->expanded, item->milestone_uuid));
      g_signal_connect (expander, "notify::expanded", G_CALLBACK (on_expanded_cb), item);
      gtk_list_box_append (self->list, expander);
      if (refocus == NULL && focus_learner == NULL && g_strcmp0 (focus_milestone, item->milestone_uuid) == 0)
        refocus = expander;
    }
  if (refocus != NULL)
    focus_first (refocus);
}

void
pl_milestones_view_set_unit (PlMilestonesView *self,
                             PlStore          *store,
                             const char       *unit_uuid)
{
  g_return_if_fail (PL_IS_MILESTONES_VIEW (self));
  g_return_if_fail (store == NULL || PL_IS_STORE (store));

  g_set_object (&self->store, store);
  if (g_strcmp0 (self->unit_uuid, unit_uuid) != 0)
    {
      g_hash_table_remove_all (self->expanded);
      g_free (self->unit_uuid);
      self->unit_uuid = g_strdup (unit_uuid);
    }
  rebuild (self);
}

static void
pl_milestones_view_dispose (GObject *object)
{
  PlMilestonesView *self = PL_MILESTONES_VIEW (object);

  g_clear_object (&self->store);
  g_clear_pointer (&self->unit_uuid, g_free);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  G_OBJECT_CLASS (pl_milestones_view_parent_class)->dispose (object);
}

static void
pl_milestones_view_class_init (PlMilestonesViewClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pl_milestones_view_dispose;
}

static void
pl_milestones_view_init (PlMilestonesView *self)
{
  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Milestones and who is behind"), -1);
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Milestones"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->list));
}
