/* pl-preferences-window.c — Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "pl-preferences-window.h"

struct _PlPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  PlContext            *context;
  GtkFileChooserNative *chooser;

  AdwComboRow          *method_row;
  GtkSpinButton        *weight_spin;
  AdwComboRow          *checkin_day_row;
  AdwEntryRow          *school_id_row;
  AdwEntryRow          *sync_key_row;
  AdwActionRow         *location_row;
};

G_DEFINE_FINAL_TYPE (PlPreferencesWindow, pl_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* In the order of the rows in the .ui file. */
static const char * const method_ids[] = {
  "latest", "highest", "mean", "mode", "decaying-average", "weighted-average",
  "n-mastery", "power-law", NULL
};

static const char * const weekday_ids[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", NULL
};

static gboolean
string_to_index (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  const char * const *ids = user_data;
  const char *id = g_variant_get_string (variant, NULL);

  for (guint i = 0; ids[i] != NULL; i++)
    if (g_strcmp0 (ids[i], id) == 0)
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
index_to_string (const GValue       *value,
                 const GVariantType *expected_type,
                 gpointer            user_data)
{
  const char * const *ids = user_data;
  guint index = g_value_get_uint (value);

  if (index >= g_strv_length ((char **) ids))
    return NULL;
  return g_variant_new_string (ids[index]);
}

static void
update_location (PlPreferencesWindow *self)
{
  PlStore *store = pl_context_get_store (self->context);
  g_autofree char *chosen = g_settings_get_string (pl_context_get_settings (self->context), "data-location");
  g_autofree char *subtitle = NULL;

  if (chosen[0] != '\0' && !g_str_has_prefix (pl_store_get_path (store), chosen))
    subtitle = g_strdup_printf (_("%s (from the next start: %s)"), pl_store_get_path (store), chosen);
  else
    subtitle = g_strdup (pl_store_get_path (store));
  adw_action_row_set_subtitle (self->location_row, subtitle);
}

static void
on_location_chosen_cb (GtkNativeDialog     *chooser,
                       int                  response,
                       PlPreferencesWindow *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      path = folder != NULL ? g_file_get_path (folder) : NULL;
      if (path != NULL)
        {
          g_settings_set_string (pl_context_get_settings (self->context), "data-location", path);
          update_location (self);
          adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                            adw_toast_new (_("PersonalLearn will use this folder from its next start")));
        }
    }
  g_clear_object (&self->chooser);
}

static void
choose_location_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PlPreferencesWindow *self = PL_PREFERENCES_WINDOW (widget);

  self->chooser = gtk_file_chooser_native_new (_("Choose a Folder for the Database"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Choose"), _("_Cancel"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_location_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
reset_location_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  PlPreferencesWindow *self = PL_PREFERENCES_WINDOW (widget);

  g_settings_reset (pl_context_get_settings (self->context), "data-location");
  update_location (self);
}

static void
on_meta_applied_cb (AdwEntryRow         *row,
                    PlPreferencesWindow *self)
{
  const char *key = row == self->school_id_row ? "school_id" : "sync_key";
  g_autofree char *value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;

  if (!pl_store_set_meta (pl_context_get_store (self->context), key, value, &error))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                      adw_toast_new_format (_("Not saved: %s"), error->message));
  else
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (_("Saved")));
}

static void
pl_preferences_window_dispose (GObject *object)
{
  PlPreferencesWindow *self = PL_PREFERENCES_WINDOW (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pl_preferences_window_parent_class)->dispose (object);
}

static void
pl_preferences_window_class_init (PlPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pl_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/PersonalLearn/pl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, method_row);
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, weight_spin);
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, checkin_day_row);
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, school_id_row);
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, sync_key_row);
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, location_row);

  gtk_widget_class_install_action (widget_class, "prefs.choose-location", NULL, choose_location_action);
  gtk_widget_class_install_action (widget_class, "prefs.reset-location", NULL, reset_location_action);
}

static void
pl_preferences_window_init (PlPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PlPreferencesWindow *
pl_preferences_window_new (PlContext *context)
{
  PlPreferencesWindow *self;
  GSettings *settings;
  PlStore *store;
  g_autofree char *school_id = NULL;
  g_autofree char *sync_key = NULL;

  g_return_val_if_fail (PL_IS_CONTEXT (context), NULL);

  self = g_object_new (PL_TYPE_PREFERENCES_WINDOW, NULL);
  self->context = g_object_ref (context);
  settings = pl_context_get_settings (context);
  store = pl_context_get_store (context);

  g_settings_bind_with_mapping (settings, "default-mastery-method", self->method_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, string_to_index, index_to_string,
                                (gpointer) method_ids, NULL);
  g_settings_bind_with_mapping (settings, "checkin-day", self->checkin_day_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, string_to_index, index_to_string,
                                (gpointer) weekday_ids, NULL);
  g_settings_bind (settings, "decaying-average-weight", self->weight_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);

  school_id = pl_store_get_meta (store, "school_id");
  sync_key = pl_store_get_meta (store, "sync_key");
  gtk_editable_set_text (GTK_EDITABLE (self->school_id_row), school_id != NULL ? school_id : "");
  gtk_editable_set_text (GTK_EDITABLE (self->sync_key_row), sync_key != NULL ? sync_key : "");
  g_signal_connect (self->school_id_row, "apply", G_CALLBACK (on_meta_applied_cb), self);
  g_signal_connect (self->sync_key_row, "apply", G_CALLBACK (on_meta_applied_cb), self);

  update_location (self);
  return self;
}
