/* pl-learner-detail.c — one learner's profile, edited in place
 *
 * Every edit is saved after a short pause in typing (and when the teacher
 * moves to another learner), so each edit is one write that advances the
 * record's clock; nothing waits for a Save button.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "pl-accessible.h"
#include <string.h>

#include "core/pl-store-learners.h"
#include "pl-learner-detail-private.h"
#include "pl-learner-notes.h"
#include "pl-learner-print.h"

#define AUTOSAVE_MS 600

static const char * const learner_columns[] = { "given_name", "family_name", "preferred_name", "pronouns", NULL };

G_DEFINE_FINAL_TYPE (PlLearnerDetail, pl_learner_detail, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_BACK,
  SIGNAL_ARCHIVED,
  SIGNAL_MESSAGE,
  SIGNAL_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

PlStore *
_pl_learner_detail_get_store (PlLearnerDetail *self)
{
  return self->context != NULL ? pl_context_get_store (self->context) : NULL;
}

void
_pl_learner_detail_tell (PlLearnerDetail *self,
                         const char      *message)
{
  g_signal_emit (self, signals[SIGNAL_MESSAGE], 0, message);
}

static void
update_status (PlLearnerDetail *self)
{
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  gint64 now = g_get_real_time () / 1000;

  if (self->profile == NULL)
    return;
  gtk_label_set_label (self->title_label, pl_profile_get_display_name (self->profile));
  missing = pl_profile_get_missing (self->profile);
  g_string_append_printf (text, _("Profile %u %% complete"), pl_profile_get_completeness (self->profile));
  if (missing->len > 0)
    {
      g_autofree char *list = NULL;

      g_ptr_array_add (missing, NULL);
      list = g_strjoinv (", ", (char **) missing->pdata);
      g_string_append_printf (text, _(" — still empty: %s"), list);
    }
  if (pl_profile_is_stale (self->profile, now))
    g_string_append_printf (text, "\n%s", _("Stale: not updated for six weeks or more. Talk with the learner and bring it up to date."));
  if (pl_profile_get_n_notes (self->profile) == 0)
    g_string_append_printf (text, "\n%s", _("No conversation notes yet."));
  gtk_label_set_label (self->status_label, text->str);
  gtk_button_set_label (self->archive_button,
                        pl_profile_is_archived (self->profile) ? _("_Restore") : _("_Archive"));
}

void
_pl_learner_detail_toast (PlLearnerDetail *self,
                          AdwToast        *toast)
{
  g_signal_emit (self, signals[SIGNAL_TOAST], 0, toast);
}

/* ---- autosave ------------------------------------------------------ */

void
pl_learner_detail_flush (PlLearnerDetail *self)
{
  g_autoptr(GError) error = NULL;
  PlStore *store = _pl_learner_detail_get_store (self);
  PlRecord *learner;
  gboolean learner_changed = FALSE;
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (PL_IS_LEARNER_DETAIL (self));

  g_clear_handle_id (&self->save_id, g_source_remove);
  if (self->profile == NULL || store == NULL || g_hash_table_size (self->pending) == 0)
    return;

  learner = PL_RECORD (pl_profile_get_learner (self->profile));
  if (!pl_store_begin (store, &error))
    goto fail;
  g_hash_table_iter_init (&iter, self->pending);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_strv_contains (learner_columns, key))
        {
          const char *now = pl_record_get_string (learner, key);

          if (g_strcmp0 (now != NULL ? now : "", value) != 0)
            {
              pl_record_set_string (learner, key, value);
              learner_changed = TRUE;
            }
        }
      else
        {
          if (!pl_store_set_profile_value (store, pl_profile_get_uuid (self->profile), key, value, NULL, &error))
            {
              pl_store_rollback (store);
              goto fail;
            }
          pl_profile_set_value (self->profile, key, value);
          pl_profile_note_update (self->profile, g_get_real_time () / 1000);
        }
    }
  if (learner_changed && !pl_store_save (store, learner, &error))
    {
      pl_store_rollback (store);
      goto fail;
    }
  if (!pl_store_commit (store, &error))
    goto fail;
  g_hash_table_remove_all (self->pending);
  update_status (self);
  return;

fail:
  g_hash_table_remove_all (self->pending);
  _pl_learner_detail_tell (self, error->message);
}

static gboolean
autosave_cb (gpointer data)
{
  PlLearnerDetail *self = data;

  self->save_id = 0;
  pl_learner_detail_flush (self);
  return G_SOURCE_REMOVE;
}

static void
queue_save (PlLearnerDetail *self,
            const char      *name,
            const char      *value)
{
  if (self->loading || self->profile == NULL)
    return;
  g_hash_table_replace (self->pending, g_strdup (name), g_strdup (value));
  g_clear_handle_id (&self->save_id, g_source_remove);
  self->save_id = g_timeout_add (AUTOSAVE_MS, autosave_cb, self);
}

static void
on_editable_changed_cb (GtkEditable     *editable,
                        PlLearnerDetail *self)
{
  const char *name = g_object_get_data (G_OBJECT (editable), "pl-field");

  queue_save (self, name, gtk_editable_get_text (editable));
}

static void
on_switch_changed_cb (GtkSwitch       *sw,
                      GParamSpec      *pspec,
                      PlLearnerDetail *self)
{
  queue_save (self, g_object_get_data (G_OBJECT (sw), "pl-field"),
              gtk_switch_get_active (sw) ? "true" : "false");
  pl_learner_detail_flush (self);
}

static void
save_preferences (PlLearnerDetail *self)
{
  const char * const *presets = pl_profile_learning_preferences ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) others = NULL;
  g_auto(GStrv) all = NULL;
  g_autofree char *joined = NULL;

  for (guint i = 0; presets[i] != NULL; i++)
    if (gtk_check_button_get_active (g_hash_table_lookup (self->preferences, presets[i])))
      g_strv_builder_add (builder, presets[i]);
  others = g_strsplit (gtk_editable_get_text (self->other_preferences), ",", -1);
  for (guint i = 0; others[i] != NULL; i++)
    {
      g_strstrip (others[i]);
      if (*others[i] != '\0' && !g_strv_contains (presets, others[i]))
        g_strv_builder_add (builder, others[i]);
    }
  all = g_strv_builder_end (builder);
  joined = g_strjoinv (",", all);
  queue_save (self, "learning_preferences", joined);
}

static void
on_preference_toggled_cb (GtkCheckButton  *check,
                          PlLearnerDetail *self)
{
  save_preferences (self);
}

static void
on_other_preferences_changed_cb (GtkEditable     *editable,
                                 PlLearnerDetail *self)
{
  save_preferences (self);
}

/* ---- building the form --------------------------------------------- */

static GtkWidget *
add_entry_row (PlLearnerDetail     *self,
               AdwPreferencesGroup *group,
               const char          *name,
               const char          *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data_full (G_OBJECT (row), "pl-field", g_strdup (name), g_free);
  g_signal_connect (row, "changed", G_CALLBACK (on_editable_changed_cb), self);
  adw_preferences_group_add (group, row);
  g_hash_table_insert (self->editables, g_strdup (name), row);
  return row;
}

static void
build_form (PlLearnerDetail *self)
{
  const PlProfileFieldInfo *fields;
  const char * const *presets = pl_profile_learning_preferences ();
  AdwPreferencesGroup *names, *profile, *prefs, *access;
  guint n_fields;

  names = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (names, _("Name"));
  add_entry_row (self, names, "given_name", _("Given name"));
  add_entry_row (self, names, "family_name", _("Family name"));
  add_entry_row (self, names, "preferred_name", _("Preferred name"));
  add_entry_row (self, names, "pronouns", _("Pronouns"));
  gtk_box_append (self->content, GTK_WIDGET (names));

  profile = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (profile, _("Profile"));
  adw_preferences_group_set_description (profile, _("Saved as you type. Separate several items with commas."));
  prefs = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (prefs, _("Learning Preferences"));
  access = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (access, _("Accommodations"));

  fields = pl_profile_get_fields (&n_fields);
  for (guint i = 0; i < n_fields; i++)
    {
      const PlProfileFieldInfo *f = &fields[i];
      gboolean in_access = strcmp (f->name, "accommodations") == 0 || f->kind == PL_PROFILE_FIELD_FLAG;
      AdwPreferencesGroup *group = in_access ? access : profile;

      if (f->kind == PL_PROFILE_FIELD_TEXT)
        {
          GtkWidget *row = add_entry_row (self, group, f->name, _(f->label));

          if (f->hint != NULL)
            gtk_widget_set_tooltip_text (row, _(f->hint));
        }
      else if (f->kind == PL_PROFILE_FIELD_FLAG)
        {
          GtkWidget *row = adw_action_row_new ();
          GtkWidget *sw = gtk_switch_new ();

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(f->label));
          gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
          gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, _(f->label), -1);
          g_object_set_data_full (G_OBJECT (sw), "pl-field", g_strdup (f->name), g_free);
          g_signal_connect (sw, "notify::active", G_CALLBACK (on_switch_changed_cb), self);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
          adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
          adw_preferences_group_add (group, row);
          g_hash_table_insert (self->switches, g_strdup (f->name), sw);
        }
      else
        {
          for (guint p = 0; presets[p] != NULL; p++)
            {
              GtkWidget *row = adw_action_row_new ();
              GtkWidget *check = gtk_check_button_new ();
              const char *label = pl_profile_preference_label (presets[p]);

              adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
              gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
              adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
              adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
              g_signal_connect (check, "toggled", G_CALLBACK (on_preference_toggled_cb), self);
              adw_preferences_group_add (prefs, row);
              g_hash_table_insert (self->preferences, (gpointer) presets[p], check);
            }
          self->other_preferences = GTK_EDITABLE (adw_entry_row_new ());
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->other_preferences), _("Other ways they like to learn"));
          g_signal_connect (self->other_preferences, "changed", G_CALLBACK (on_other_preferences_changed_cb), self);
          adw_preferences_group_add (prefs, GTK_WIDGET (self->other_preferences));
        }
    }
  gtk_box_append (self->content, GTK_WIDGET (profile));
  gtk_box_append (self->content, GTK_WIDGET (prefs));
  gtk_box_append (self->content, GTK_WIDGET (access));
}

/* ---- notes --------------------------------------------------------- */

/* ---- showing a profile --------------------------------------------- */

/* With KEEP_PENDING, values the teacher has typed but that are not saved
 * yet stay as typed. */
static void
load_values (PlLearnerDetail *self,
             gboolean         keep_pending)
{
  const char * const *presets = pl_profile_learning_preferences ();
  g_auto(GStrv) chosen = NULL;
  g_autoptr(GStrvBuilder) others = g_strv_builder_new ();
  g_auto(GStrv) other_list = NULL;
  g_autofree char *other_text = NULL;
  GHashTableIter iter;
  gpointer key, value;
  PlRecord *learner;

  self->loading = TRUE;
  learner = PL_RECORD (pl_profile_get_learner (self->profile));
  g_hash_table_iter_init (&iter, self->editables);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *text = g_strv_contains (learner_columns, key)
                         ? pl_record_get_string (learner, key)
                         : pl_profile_get_value (self->profile, key);

      if (keep_pending && g_hash_table_contains (self->pending, key))
        continue;
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (value)), text != NULL ? text : "") != 0)
        gtk_editable_set_text (GTK_EDITABLE (value), text != NULL ? text : "");
    }
  g_hash_table_iter_init (&iter, self->switches);
  while (g_hash_table_iter_next (&iter, &key, &value))
    gtk_switch_set_active (GTK_SWITCH (value), pl_profile_get_flag (self->profile, key));
  if (keep_pending && g_hash_table_contains (self->pending, "learning_preferences"))
    {
      self->loading = FALSE;
      return;
    }

  chosen = g_strsplit (pl_profile_get_value (self->profile, "learning_preferences"), ",", -1);
  for (guint i = 0; chosen[i] != NULL; i++)
    g_strstrip (chosen[i]);
  for (guint i = 0; presets[i] != NULL; i++)
    gtk_check_button_set_active (g_hash_table_lookup (self->preferences, presets[i]),
                                 g_strv_contains ((const char * const *) chosen, presets[i]));
  for (guint i = 0; chosen[i] != NULL; i++)
    if (*chosen[i] != '\0' && !g_strv_contains (presets, chosen[i]))
      g_strv_builder_add (others, chosen[i]);
  other_list = g_strv_builder_end (others);
  other_text = g_strjoinv (", ", other_list);
  if (g_strcmp0 (gtk_editable_get_text (self->other_preferences), other_text) != 0)
    gtk_editable_set_text (self->other_preferences, other_text);
  self->loading = FALSE;
}

void
pl_learner_detail_set_profile (PlLearnerDetail *self,
                               PlProfile       *profile,
                               PlClassroom     *classroom)
{
  g_return_if_fail (PL_IS_LEARNER_DETAIL (self));

  pl_learner_detail_flush (self);
  g_set_object (&self->classroom, classroom);
  if (!g_set_object (&self->profile, profile))
    return;
  pl_learner_notes_set_profile (self->notes, profile);
  if (profile == NULL)
    return;
  load_values (self, FALSE);
  update_status (self);
  _pl_learner_detail_reload_classes (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (self->content), GTK_TYPE_SCROLLED_WINDOW))), 0);
}

void
pl_learner_detail_adopt (PlLearnerDetail *self,
                         PlProfile       *fresh)
{
  g_return_if_fail (PL_IS_LEARNER_DETAIL (self));
  g_return_if_fail (PL_IS_PROFILE (fresh));

  if (self->profile == NULL || g_strcmp0 (pl_profile_get_uuid (self->profile), pl_profile_get_uuid (fresh)) != 0)
    return;
  g_set_object (&self->profile, fresh);
  load_values (self, TRUE);
  update_status (self);
  _pl_learner_detail_reload_classes (self);
  pl_learner_notes_set_profile (self->notes, fresh);
}

PlProfile *
pl_learner_detail_get_profile (PlLearnerDetail *self)
{
  g_return_val_if_fail (PL_IS_LEARNER_DETAIL (self), NULL);
  return self->profile;
}

void
pl_learner_detail_set_context (PlLearnerDetail *self,
                               PlContext       *context)
{
  g_return_if_fail (PL_IS_LEARNER_DETAIL (self));

  if (!g_set_object (&self->context, context))
    return;
  gtk_drop_down_set_model (self->class_dropdown, context != NULL ? pl_context_get_classrooms (context) : NULL);
  pl_learner_notes_set_store (self->notes, context != NULL ? pl_context_get_store (context) : NULL);
}

void
pl_learner_detail_focus (PlLearnerDetail *self)
{
  gtk_widget_grab_focus (g_hash_table_lookup (self->editables, "given_name"));
}

GtkEditable *
pl_learner_detail_get_editable (PlLearnerDetail *self,
                                const char      *field)
{
  g_return_val_if_fail (PL_IS_LEARNER_DETAIL (self), NULL);
  return g_hash_table_lookup (self->editables, field);
}

GtkTextView *
pl_learner_detail_get_note_view (PlLearnerDetail *self)
{
  return pl_learner_notes_get_view (self->notes);
}

GtkWidget *
pl_learner_detail_get_notes (PlLearnerDetail *self)
{
  g_return_val_if_fail (PL_IS_LEARNER_DETAIL (self), NULL);
  return GTK_WIDGET (self->notes);
}

GtkWidget *
pl_learner_detail_get_add_note_button (PlLearnerDetail *self)
{
  return pl_learner_notes_get_add_button (self->notes);
}

/* ---- header buttons ------------------------------------------------ */

static void
on_back_clicked_cb (PlLearnerDetail *self)
{
  pl_learner_detail_flush (self);
  g_signal_emit (self, signals[SIGNAL_BACK], 0);
}

static void
on_archive_clicked_cb (PlLearnerDetail *self)
{
  g_autoptr(GError) error = NULL;
  PlLearner *learner;
  gboolean archive;

  if (self->profile == NULL)
    return;
  pl_learner_detail_flush (self);
  learner = pl_profile_get_learner (self->profile);
  archive = !pl_profile_is_archived (self->profile);
  if (!pl_store_set_learner_archived (_pl_learner_detail_get_store (self), learner, archive, &error))
    {
      _pl_learner_detail_tell (self, error->message);
      return;
    }
  update_status (self);
  g_signal_emit (self, signals[SIGNAL_ARCHIVED], 0, learner, archive);
}

static void
on_print_clicked_cb (PlLearnerDetail *self)
{
  g_autoptr(GError) error = NULL;

  if (self->profile == NULL)
    return;
  pl_learner_detail_flush (self);
  if (!pl_learner_print_run (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _pl_learner_detail_get_store (self),
                             self->profile, &error))
    _pl_learner_detail_tell (self, error->message);
}

/* ---- GObject ------------------------------------------------------- */

static void
pl_learner_detail_dispose (GObject *object)
{
  PlLearnerDetail *self = PL_LEARNER_DETAIL (object);

  if (self->profile != NULL)
    pl_learner_detail_flush (self);
  g_clear_handle_id (&self->save_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_LEARNER_DETAIL);
  g_clear_object (&self->profile);
  g_clear_object (&self->classroom);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pl_learner_detail_parent_class)->dispose (object);
}

static void
pl_learner_detail_finalize (GObject *object)
{
  PlLearnerDetail *self = PL_LEARNER_DETAIL (object);

  g_hash_table_unref (self->editables);
  g_hash_table_unref (self->switches);
  g_hash_table_unref (self->preferences);
  g_hash_table_unref (self->pending);
  g_free (self->classes_shown);

  G_OBJECT_CLASS (pl_learner_detail_parent_class)->finalize (object);
}

static void
pl_learner_detail_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PlLearnerDetail *self = PL_LEARNER_DETAIL (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_learner_detail_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PlLearnerDetail *self = PL_LEARNER_DETAIL (object);

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (self->folded != g_value_get_boolean (value))
        {
          self->folded = g_value_get_boolean (value);
          gtk_widget_set_visible (self->back_button, self->folded);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pl_learner_detail_class_init (PlLearnerDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_learner_detail_dispose;
  object_class->finalize = pl_learner_detail_finalize;
  object_class->get_property = pl_learner_detail_get_property;
  object_class->set_property = pl_learner_detail_set_property;

  /* The leaflet is folded: show a way back to the list. */
  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[SIGNAL_BACK] = g_signal_new ("back", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SIGNAL_ARCHIVED] = g_signal_new ("archived", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                           PL_TYPE_LEARNER, G_TYPE_BOOLEAN);
  signals[SIGNAL_MESSAGE] = g_signal_new ("message", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /* A toast to show, usually with Undo (the page owns the overlay). */
  signals[SIGNAL_TOAST] = g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, ADW_TYPE_TOAST);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/PersonalLearn/learners/pl-learner-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, PlLearnerDetail, back_button);
  gtk_widget_class_bind_template_child (widget_class, PlLearnerDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, PlLearnerDetail, archive_button);
  gtk_widget_class_bind_template_child (widget_class, PlLearnerDetail, content);
  gtk_widget_class_bind_template_child (widget_class, PlLearnerDetail, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_archive_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_print_clicked_cb);
}

static void
pl_learner_detail_init (PlLearnerDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->editables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->switches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->preferences = g_hash_table_new (g_str_hash, g_str_equal);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  /* Notes come right after the name: during a conference they are what
   * the teacher reaches for first. */
  build_form (self);
  self->notes = pl_learner_notes_new ();
  g_signal_connect_swapped (self->notes, "added", G_CALLBACK (update_status), self);
  g_signal_connect_swapped (self->notes, "message", G_CALLBACK (_pl_learner_detail_tell), self);
  gtk_box_insert_child_after (self->content, GTK_WIDGET (self->notes),
                              gtk_widget_get_next_sibling (GTK_WIDGET (self->status_label)));
  _pl_learner_detail_build_classes (self);
}
