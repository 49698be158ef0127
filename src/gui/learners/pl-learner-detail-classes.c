/* pl-learner-detail-classes.c — the classes a learner is in: add, move,
 * remove, each with Undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "pl-accessible.h"

#include "core/pl-store-learners.h"
#include "pl-learner-detail-private.h"

/* What Undo puts back after the learner left or changed classes. */
typedef struct
{
  PlLearnerDetail *detail;       /* weak */
  PlStore         *store;
  char            *learner_uuid;
  char            *rejoin_uuid;  /* a class to go back into, or NULL */
  char            *leave_uuid;   /* a class to leave again, or NULL */
} ClassUndo;

static void
class_undo_free (gpointer data)
{
  ClassUndo *u = data;

  g_clear_weak_pointer (&u->detail);
  g_clear_object (&u->store);
  g_free (u->learner_uuid);
  g_free (u->rejoin_uuid);
  g_free (u->leave_uuid);
  g_free (u);
}

static void
on_class_undo_cb (AdwToast  *toast,
                  ClassUndo *u)
{
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (!pl_store_begin (u->store, &error))
    ok = FALSE;
  else if ((u->rejoin_uuid != NULL && !pl_store_enroll_learner (u->store, u->learner_uuid, u->rejoin_uuid, &error)) ||
           (u->leave_uuid != NULL && !pl_store_unenroll_learner (u->store, u->learner_uuid, u->leave_uuid, &error)))
    {
      pl_store_rollback (u->store);
      ok = FALSE;
    }
  else
    ok = pl_store_commit (u->store, &error);
  if (u->detail == NULL)
    return;
  if (!ok)
    _pl_learner_detail_tell (u->detail, error->message);
  if (u->detail->profile != NULL && g_strcmp0 (pl_profile_get_uuid (u->detail->profile), u->learner_uuid) == 0)
    _pl_learner_detail_reload_classes (u->detail);
}

/* A toast saying MESSAGE, with Undo: back into REJOIN_UUID, out of
 * LEAVE_UUID. */
static void
offer_class_undo (PlLearnerDetail *self,
                  const char      *message,
                  const char      *rejoin_uuid,
                  const char      *leave_uuid)
{
  AdwToast *toast = adw_toast_new (message);
  ClassUndo *u = g_new0 (ClassUndo, 1);

  g_set_weak_pointer (&u->detail, self);
  u->store = g_object_ref (_pl_learner_detail_get_store (self));
  u->learner_uuid = g_strdup (pl_profile_get_uuid (self->profile));
  u->rejoin_uuid = g_strdup (rejoin_uuid);
  u->leave_uuid = g_strdup (leave_uuid);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (on_class_undo_cb), u,
                         (GClosureNotify) (void (*) (void)) class_undo_free, 0);
  _pl_learner_detail_toast (self, toast);
  g_object_unref (toast);
}

/* The classes the learner is in now, by uuid (name as the value). */
static GHashTable *
current_classes (PlLearnerDetail *self)
{
  g_autoptr(GListModel) classes = pl_store_list_learner_classes (_pl_learner_detail_get_store (self), pl_profile_get_uuid (self->profile), NULL);
  GHashTable *in = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; classes != NULL && i < g_list_model_get_n_items (classes); i++)
    {
      g_autoptr(PlRecord) c = g_list_model_get_item (classes, i);

      g_hash_table_insert (in, g_strdup (pl_record_get_uuid (c)), g_strdup (pl_record_get_string (c, "name")));
    }
  return in;
}

static void
on_remove_class_clicked_cb (GtkButton       *button,
                            PlLearnerDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  const char *classroom_uuid = g_object_get_data (G_OBJECT (button), "pl-classroom");
  const char *name = g_object_get_data (G_OBJECT (button), "pl-classroom-name");

  if (self->profile == NULL)
    return;
  if (!pl_store_unenroll_learner (_pl_learner_detail_get_store (self), pl_profile_get_uuid (self->profile), classroom_uuid, &error))
    {
      _pl_learner_detail_tell (self, error->message);
      return;
    }
  message = g_strdup_printf (_("%s removed from %s"), pl_profile_get_display_name (self->profile), name);
  offer_class_undo (self, message, classroom_uuid, NULL);
  _pl_learner_detail_reload_classes (self);
}

static PlClassroom *
chosen_class (PlLearnerDetail *self)
{
  return gtk_drop_down_get_selected_item (self->class_dropdown);
}

static void
on_add_class_clicked_cb (GtkButton       *button,
                         PlLearnerDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) in = NULL;
  g_autofree char *message = NULL;
  PlClassroom *target = chosen_class (self);
  const char *target_uuid;

  if (self->profile == NULL)
    return;
  if (target == NULL)
    {
      _pl_learner_detail_tell (self, _("Choose a class first"));
      return;
    }
  target_uuid = pl_record_get_uuid (PL_RECORD (target));
  in = current_classes (self);
  if (g_hash_table_contains (in, target_uuid))
    {
      message = g_strdup_printf (_("%s is already in %s"), pl_profile_get_display_name (self->profile),
                                 pl_record_get_string (PL_RECORD (target), "name"));
      _pl_learner_detail_tell (self, message);
      return;
    }
  if (!pl_store_enroll_learner (_pl_learner_detail_get_store (self), pl_profile_get_uuid (self->profile), target_uuid, &error))
    {
      _pl_learner_detail_tell (self, error->message);
      return;
    }
  message = g_strdup_printf (_("%s added to %s"), pl_profile_get_display_name (self->profile),
                             pl_record_get_string (PL_RECORD (target), "name"));
  offer_class_undo (self, message, NULL, target_uuid);
  _pl_learner_detail_reload_classes (self);
}

/* Out of the class the learner is in and into the chosen one. The class
 * to leave is the one the list shows, when the learner is in it; a
 * profile opened from elsewhere leaves the learner's only class. */
static void
on_move_class_clicked_cb (GtkButton       *button,
                          PlLearnerDetail *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) in = NULL;
  g_autofree char *message = NULL;
  g_autofree char *from_uuid = NULL;
  PlClassroom *target = chosen_class (self);
  const char *target_uuid, *target_name, *who;
  gboolean was_in_target;

  if (self->profile == NULL)
    return;
  who = pl_profile_get_display_name (self->profile);
  if (target == NULL)
    {
      _pl_learner_detail_tell (self, _("Choose the class to move to first"));
      return;
    }
  target_uuid = pl_record_get_uuid (PL_RECORD (target));
  target_name = pl_record_get_string (PL_RECORD (target), "name");
  in = current_classes (self);

  if (self->classroom != NULL && g_hash_table_contains (in, pl_record_get_uuid (PL_RECORD (self->classroom))))
    from_uuid = g_strdup (pl_record_get_uuid (PL_RECORD (self->classroom)));
  else if (g_hash_table_size (in) == 1)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, in);
      g_hash_table_iter_next (&iter, &key, NULL);
      from_uuid = g_strdup (key);
    }
  else if (g_hash_table_size (in) > 1)
    {
      message = g_strdup_printf (_("%s is in several classes: add them to %s, then remove the class they leave"),
                                 who, target_name);
      _pl_learner_detail_tell (self, message);
      return;
    }

  if (g_strcmp0 (from_uuid, target_uuid) == 0)
    {
      message = g_strdup_printf (_("%s is already in %s"), who, target_name);
      _pl_learner_detail_tell (self, message);
      return;
    }
  was_in_target = g_hash_table_contains (in, target_uuid);
  if (!pl_store_move_learner (_pl_learner_detail_get_store (self), pl_profile_get_uuid (self->profile), from_uuid, target_uuid, &error))
    {
      _pl_learner_detail_tell (self, error->message);
      return;
    }
  if (from_uuid != NULL)
    message = g_strdup_printf (_("%s moved from %s to %s"), who, (const char *) g_hash_table_lookup (in, from_uuid),
                               target_name);
  else
    message = g_strdup_printf (_("%s added to %s"), who, target_name);
  /* Undo leaves the target only when the move brought them there. */
  offer_class_undo (self, message, from_uuid, was_in_target ? NULL : target_uuid);
  _pl_learner_detail_reload_classes (self);
}

void
_pl_learner_detail_reload_classes (PlLearnerDetail *self)
{
  g_autoptr(GListModel) classes = NULL;
  g_autoptr(GString) shown = g_string_new (NULL);
  GtkWidget *child;
  guint n;

  if (self->profile != NULL && _pl_learner_detail_get_store (self) != NULL)
    classes = pl_store_list_learner_classes (_pl_learner_detail_get_store (self), pl_profile_get_uuid (self->profile), NULL);
  n = classes != NULL ? g_list_model_get_n_items (classes) : 0;
  /* The same classes keep their rows (and the keyboard focus on a
   * Remove button) when anything else of the profile is saved. */
  g_string_append (shown, self->profile != NULL ? pl_profile_get_uuid (self->profile) : "");
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) c = g_list_model_get_item (classes, i);

      g_string_append_printf (shown, ";%s=%s", pl_record_get_uuid (c), pl_record_get_string (c, "name"));
    }
  if (g_strcmp0 (self->classes_shown, shown->str) == 0)
    return;
  g_free (self->classes_shown);
  self->classes_shown = g_strdup (shown->str);

  while ((child = gtk_widget_get_first_child (self->classes_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->classes_list), child);
  if (self->profile == NULL)
    return;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PlRecord) c = g_list_model_get_item (classes, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *a11y = g_strdup_printf (_("Remove from %s"), pl_record_get_string (c, "name"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pl_record_get_string (c, "name"));
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, a11y);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      g_object_set_data_full (G_OBJECT (remove), "pl-classroom", g_strdup (pl_record_get_uuid (c)), g_free);
      g_object_set_data_full (G_OBJECT (remove), "pl-classroom-name", g_strdup (pl_record_get_string (c, "name")), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_class_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (GTK_LIST_BOX (self->classes_list), row);
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("In no class"));
      gtk_list_box_append (GTK_LIST_BOX (self->classes_list), row);
    }
}

static char *
class_name (PlClassroom *classroom)
{
  return g_strdup (classroom != NULL ? pl_record_get_string (PL_RECORD (classroom), "name") : "");
}

void
_pl_learner_detail_build_classes (PlLearnerDetail *self)
{
  GtkWidget *box, *add, *move;
  GtkExpression *expression;

  self->classes_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->classes_group, _("Classes"));
  adw_preferences_group_set_description (self->classes_group, _("A learner can be in several classes."));
  self->classes_list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->classes_list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->classes_list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->classes_list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Classes of this learner"), -1);
  adw_preferences_group_add (self->classes_group, self->classes_list);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (box, 6);
  expression = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                            G_CALLBACK (class_name), NULL, NULL);
  self->class_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, expression));
  gtk_widget_set_hexpand (GTK_WIDGET (self->class_dropdown), TRUE);
  pl_accessible_name_button (GTK_WIDGET (self->class_dropdown), _("Class to add or move to"));
  add = gtk_button_new_with_mnemonic (_("A_dd to Class"));
  g_signal_connect (add, "clicked", G_CALLBACK (on_add_class_clicked_cb), self);
  move = gtk_button_new_with_mnemonic (_("_Move to Class"));
  gtk_widget_set_tooltip_text (move, _("Leave the class shown in the list and join the chosen one"));
  g_signal_connect (move, "clicked", G_CALLBACK (on_move_class_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->class_dropdown));
  gtk_box_append (GTK_BOX (box), add);
  gtk_box_append (GTK_BOX (box), move);
  adw_preferences_group_add (self->classes_group, box);
  gtk_box_append (self->content, GTK_WIDGET (self->classes_group));
}
