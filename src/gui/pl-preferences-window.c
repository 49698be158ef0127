/* pl-preferences-window.c — Preferences
 *
 * The school id and sync key go through the same checks as the
 * command-line tool's "school" command; a move to another school needs a
 * confirmation. Changing the data location never leaves the teacher on an
 * empty database: the data is copied there (with SQLite's backup) and the
 * application goes on with the copy, or the database already there is
 * opened — the old file is kept either way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "core/pl-store-files.h"
#include "pl-application.h"
#include "pl-preferences-window.h"
#include "sync/pl-sync-school.h"

struct _PlPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  PlContext            *context;
  GtkFileChooserNative *chooser;
  GCancellable         *copying;

  AdwComboRow          *method_row;
  GtkSpinButton        *weight_spin;
  GtkSpinButton        *proficient_spin;
  AdwComboRow          *checkin_day_row;
  AdwEntryRow          *school_id_row;
  AdwEntryRow          *sync_key_row;
  GtkLabel             *school_error_label;
  AdwActionRow         *location_row;
  GtkWidget            *cancel_copy_button;
  GtkProgressBar       *copy_progress;
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
toast (PlPreferencesWindow *self,
       const char          *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static PlApplication *
get_application (PlPreferencesWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return PL_IS_APPLICATION (app) ? PL_APPLICATION (app) : NULL;
}

/* ---- school ---------------------------------------------------------- */

static void
clear_school_error (PlPreferencesWindow *self)
{
  gtk_widget_remove_css_class (GTK_WIDGET (self->school_id_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->sync_key_row), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->school_error_label), FALSE);
}

static void
show_school_error (PlPreferencesWindow *self,
                   AdwEntryRow         *row,
                   const char          *message)
{
  g_autofree char *text = g_strdup_printf (_("Not saved: %s. The school and sync key stay as they were."),
                                           message);

  if (row != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
  gtk_label_set_text (self->school_error_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->school_error_label), TRUE);
}

static void
join (PlPreferencesWindow *self,
      PlSyncJoinFlags      flags)
{
  PlStore *store = pl_context_get_store (self->context);
  g_autofree char *id = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->school_id_row))));
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->sync_key_row))));
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (!pl_sync_join_school_full (store, id, key, flags, &error))
    {
      show_school_error (self, NULL, error->message);
      return;
    }
  clear_school_error (self);
  message = g_strdup_printf (_("This computer now syncs with school %s"), id);
  toast (self, message);
}

static void
on_switch_school_response_cb (AdwMessageDialog    *dialog,
                              const char          *response,
                              PlPreferencesWindow *self)
{
  if (g_strcmp0 (response, "join") == 0)
    join (self, PL_SYNC_JOIN_SWITCH_SCHOOL);
}

static void
on_school_applied_cb (AdwEntryRow         *row,
                      PlPreferencesWindow *self)
{
  PlStore *store = pl_context_get_store (self->context);
  g_autofree char *id = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->school_id_row))));
  g_autofree char *key = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->sync_key_row))));
  g_autofree char *current = pl_store_get_meta (store, "school_id");
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  clear_school_error (self);
  if (!pl_sync_check_school_id (id, &error))
    {
      show_school_error (self, self->school_id_row, error->message);
      return;
    }
  if (key[0] == '\0')
    {
      show_school_error (self, self->sync_key_row,
                         _("the sync key is missing: it comes from the school hub with the school id"));
      return;
    }
  if (!pl_sync_check_key (key, &error))
    {
      show_school_error (self, self->sync_key_row, error->message);
      return;
    }
  if (current == NULL || g_ascii_strcasecmp (current, id) == 0)
    {
      join (self, PL_SYNC_JOIN_DEFAULT);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Join Another School?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("This database belongs to school %s. From now on its bundles would go to "
                                    "school %s, and what it exchanged with the old school’s hub is forgotten: "
                                    "the next export carries everything. Your classes, learners and evidence "
                                    "stay as they are."),
                                  current, id);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "join", _("_Join the Other School"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "join", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_switch_school_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ---- data location --------------------------------------------------- */

static void
update_location (PlPreferencesWindow *self)
{
  PlStore *store = pl_context_get_store (self->context);
  PlApplication *app = get_application (self);
  gboolean chosen = app != NULL && pl_application_database_is_chosen (app);
  gboolean can_move = app != NULL && !chosen && self->copying == NULL;
  g_autofree char *subtitle = NULL;

  if (chosen)
    subtitle = g_strdup_printf (_("%s — chosen when PersonalLearn was started (--db or PERSONALLEARN_DB), so it cannot be changed here"),
                                pl_store_get_path (store));
  else
    subtitle = g_strdup (pl_store_get_path (store));
  adw_action_row_set_subtitle (self->location_row, subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.choose-location", can_move);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "prefs.reset-location", can_move);
  gtk_widget_set_visible (self->cancel_copy_button, self->copying != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->copy_progress), self->copying != NULL);
}

static void
show_problem (PlPreferencesWindow *self,
              const char          *heading,
              const char          *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  PlPreferencesWindow *self;
  PlStore             *source;     /* holds the claim on the old file */
  char                *dest;
  char                *location;   /* the data-location preference afterwards */
} Copy;

static void
copy_free (Copy *c)
{
  g_clear_object (&c->self);
  g_clear_object (&c->source);
  g_free (c->dest);
  g_free (c->location);
  g_free (c);
}

/* Opens DEST and makes it the application's database; the windows of the
 * old one close, this one with them. */
static gboolean
switch_to (PlPreferencesWindow  *self,
           const char           *dest,
           const char           *location,
           const char           *message,
           GError              **error)
{
  PlApplication *app = get_application (self);
  g_autoptr(PlStore) store = pl_store_open_full (dest, G_MAXUINT64, error);

  if (store == NULL)
    return FALSE;
  pl_application_switch_database (app, store, location, message);
  return TRUE;
}

typedef struct
{
  PlPreferencesWindow *self;
  double               fraction;
} CopyProgress;

static gboolean
apply_copy_progress_cb (gpointer data)
{
  CopyProgress *p = data;

  gtk_progress_bar_set_fraction (p->self->copy_progress, CLAMP (p->fraction, 0, 1));
  g_object_unref (p->self);
  g_free (p);
  return G_SOURCE_REMOVE;
}

static void
copy_progress_cb (double   fraction,
                  gpointer user_data)
{
  Copy *c = user_data;
  CopyProgress *p = g_new0 (CopyProgress, 1);

  p->self = g_object_ref (c->self);
  p->fraction = fraction;
  g_main_context_invoke (NULL, apply_copy_progress_cb, p);
}

static void
copy_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Copy *c = task_data;
  g_autoptr(GError) error = NULL;

  if (pl_store_copy_to (c->source, c->dest, copy_progress_cb, c, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
on_copied_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  PlPreferencesWindow *self = PL_PREFERENCES_WINDOW (object);
  Copy *c = g_task_get_task_data (G_TASK (result));
  PlStore *store = pl_context_get_store (self->context);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *old_path = g_strdup (pl_store_get_path (store));

  g_clear_object (&self->copying);
  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      message = g_strdup_printf (_("Your data is now in %s. The previous file is kept at %s; you may delete it once you no longer need it."),
                                 c->dest, old_path);
      /* The claim on the old file stays until the switch: an edit made
       * meanwhile would be left behind in it. */
      g_object_ref (self);
      if (switch_to (self, c->dest, c->location, message, &error))
        {
          g_object_unref (self);
          return;
        }
      g_object_unref (self);
    }
  update_location (self);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    toast (self, _("Copying stopped; nothing changed"));
  else
    {
      g_autofree char *body = g_strdup_printf (_("%s\n\nPersonalLearn goes on with %s, as before."),
                                               error->message, old_path);

      show_problem (self, _("Your Data Was Not Moved"), body);
    }
}

static void
start_copy (PlPreferencesWindow *self,
            const char          *dest,
            const char          *location)
{
  PlStore *store = pl_context_get_store (self->context);
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Copy *c;

  c = g_new0 (Copy, 1);
  c->self = g_object_ref (self);
  c->dest = g_strdup (dest);
  c->location = g_strdup (location);
  /* A connection of its own for the thread; until the switch, the windows'
   * edits are refused with this message rather than lost in the old file. */
  c->source = pl_store_open (pl_store_get_path (store), &error);
  if (c->source == NULL)
    {
      show_problem (self, _("Your Data Was Not Moved"), error->message);
      copy_free (c);
      return;
    }
  pl_store_claim_writes (c->source, _("your data is being copied to a new place; try again in a moment"));

  self->copying = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->copy_progress, 0);
  update_location (self);

  task = g_task_new (self, self->copying, on_copied_cb, NULL);
  g_task_set_source_tag (task, start_copy);
  g_task_set_task_data (task, c, (GDestroyNotify) copy_free);
  g_task_run_in_thread (task, copy_thread);
}

typedef struct
{
  char *dest;
  char *location;
} Target;

static void
target_free (gpointer data)
{
  Target *t = data;

  g_free (t->dest);
  g_free (t->location);
  g_free (t);
}

typedef struct
{
  PlPreferencesWindow *self;
  Target              *target;
} Use;

/* Runs once the dialog has closed: the switch takes this window away. */
static gboolean
use_database_cb (gpointer data)
{
  Use *use = data;
  PlPreferencesWindow *self = use->self;
  PlStore *store = pl_context_get_store (self->context);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *old_path = g_strdup (pl_store_get_path (store));

  message = g_strdup_printf (_("PersonalLearn now uses %s. The previous file stays at %s."),
                             use->target->dest, old_path);
  if (!switch_to (self, use->target->dest, use->target->location, message, &error))
    {
      g_autofree char *body = g_strdup_printf (_("%s\n\nPersonalLearn goes on with %s, as before."),
                                               error->message, old_path);

      show_problem (self, _("That Database Cannot Be Used"), body);
    }
  g_object_unref (self);
  target_free (use->target);
  g_free (use);
  return G_SOURCE_REMOVE;
}

static void
on_location_response_cb (AdwMessageDialog    *dialog,
                         const char          *response,
                         PlPreferencesWindow *self)
{
  Target *t = g_object_get_data (G_OBJECT (dialog), "target");

  if (g_strcmp0 (response, "move") == 0)
    start_copy (self, t->dest, t->location);
  else if (g_strcmp0 (response, "use") == 0)
    {
      Use *use = g_new0 (Use, 1);

      use->self = g_object_ref (self);
      use->target = g_new0 (Target, 1);
      use->target->dest = g_strdup (t->dest);
      use->target->location = g_strdup (t->location);
      g_idle_add (use_database_cb, use);
    }
}

/* FOLDER NULL: the usual location. */
void
pl_preferences_window_change_location (PlPreferencesWindow *self,
                                       GFile               *folder)
{
  PlStore *store = pl_context_get_store (self->context);
  g_autofree char *dest = NULL;
  g_autofree char *location = NULL;
  g_autofree char *current = NULL;
  GtkWidget *dialog;
  Target *t;

  g_return_if_fail (PL_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (folder == NULL || G_IS_FILE (folder));

  if (get_application (self) == NULL || self->copying != NULL)
    return;
  if (folder != NULL)
    {
      g_autofree char *dir = g_file_get_path (folder);

      if (dir == NULL)
        {
          toast (self, _("Choose a folder on this computer or a mounted drive"));
          return;
        }
      dest = g_build_filename (dir, "personallearn.db", NULL);
      location = g_steal_pointer (&dir);
    }
  else
    {
      dest = pl_store_default_path ();
      location = g_strdup ("");
    }
  current = g_canonicalize_filename (pl_store_get_path (store), NULL);
  if (g_strcmp0 (current, dest) == 0)
    {
      toast (self, _("PersonalLearn already keeps its data there"));
      return;
    }

  t = g_new0 (Target, 1);
  t->dest = g_strdup (dest);
  t->location = g_strdup (location);
  if (g_file_test (dest, G_FILE_TEST_EXISTS))
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Use the Database There?"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("%s is already there. PersonalLearn can go on with that database instead "
                                        "of this one; nothing is copied, and your current file stays at %s as it is."),
                                      dest, pl_store_get_path (store));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "use", _("_Use That Database"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "use", ADW_RESPONSE_SUGGESTED);
    }
  else
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Move Your Data There?"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("PersonalLearn copies your database to %s and goes on with the copy. "
                                        "The file at %s is kept as it was, as a backup."),
                                      dest, pl_store_get_path (store));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
                                        "move", _("_Move My Data There"),
                                        NULL);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "move", ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "target", t, target_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_location_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_location_chosen_cb (GtkNativeDialog     *chooser,
                       int                  response,
                       PlPreferencesWindow *self)
{
  g_autoptr(GFile) folder = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (folder != NULL)
    pl_preferences_window_change_location (self, folder);
}

static void
choose_location_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  PlPreferencesWindow *self = PL_PREFERENCES_WINDOW (widget);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose a Folder for the Database"),
                                               GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_location_chosen_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
reset_location_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  pl_preferences_window_change_location (PL_PREFERENCES_WINDOW (widget), NULL);
}

static void
cancel_copy_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  PlPreferencesWindow *self = PL_PREFERENCES_WINDOW (widget);

  if (self->copying != NULL)
    g_cancellable_cancel (self->copying);
}

/* ---- object ---------------------------------------------------------- */

static gboolean
pl_preferences_window_close_request (GtkWindow *window)
{
  PlPreferencesWindow *self = PL_PREFERENCES_WINDOW (window);

  /* Closing stops a copy; the old file is what PersonalLearn goes on with. */
  if (self->copying != NULL)
    g_cancellable_cancel (self->copying);
  return GTK_WINDOW_CLASS (pl_preferences_window_parent_class)->close_request (window);
}

static void
pl_preferences_window_dispose (GObject *object)
{
  PlPreferencesWindow *self = PL_PREFERENCES_WINDOW (object);

  if (self->copying != NULL)
    g_cancellable_cancel (self->copying);
  g_clear_object (&self->copying);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PL_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (pl_preferences_window_parent_class)->dispose (object);
}

static void
on_application_changed_cb (GObject             *object,
                           GParamSpec          *pspec,
                           PlPreferencesWindow *self)
{
  update_location (self);
}

static void
pl_preferences_window_class_init (PlPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pl_preferences_window_dispose;
  window_class->close_request = pl_preferences_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/example/PersonalLearn/pl-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, method_row);
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, weight_spin);
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, proficient_spin);
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, checkin_day_row);
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, school_id_row);
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, sync_key_row);
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, school_error_label);
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, location_row);
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, cancel_copy_button);
  gtk_widget_class_bind_template_child (widget_class, PlPreferencesWindow, copy_progress);

  gtk_widget_class_install_action (widget_class, "prefs.choose-location", NULL, choose_location_action);
  gtk_widget_class_install_action (widget_class, "prefs.reset-location", NULL, reset_location_action);
  gtk_widget_class_install_action (widget_class, "prefs.cancel-copy", NULL, cancel_copy_action);
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
  g_settings_bind (settings, "proficient-level", self->proficient_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);

  school_id = pl_store_get_meta (store, "school_id");
  sync_key = pl_store_get_meta (store, "sync_key");
  gtk_editable_set_text (GTK_EDITABLE (self->school_id_row), school_id != NULL ? school_id : "");
  gtk_editable_set_text (GTK_EDITABLE (self->sync_key_row), sync_key != NULL ? sync_key : "");
  /* Enter saves too, also when the row shows no apply button (the text
   * has not changed since the last attempt). */
  g_signal_connect (self->school_id_row, "apply", G_CALLBACK (on_school_applied_cb), self);
  g_signal_connect (self->sync_key_row, "apply", G_CALLBACK (on_school_applied_cb), self);
  g_signal_connect (self->school_id_row, "entry-activated", G_CALLBACK (on_school_applied_cb), self);
  g_signal_connect (self->sync_key_row, "entry-activated", G_CALLBACK (on_school_applied_cb), self);

  /* Whether the location may change depends on how the application was
   * started; the window learns its application after this. */
  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_changed_cb), self);
  update_location (self);
  return self;
}
