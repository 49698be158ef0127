/* pl-application.c — the PersonalLearn application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "core/pl-store-files.h"
#include "pl-application-private.h"
#include "pl-preferences-window.h"
#include "pl-window.h"

G_DEFINE_FINAL_TYPE (PlApplication, pl_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Open the database FILE instead of the usual one"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  { NULL }
};

gboolean
pl_application_database_is_chosen (PlApplication *self)
{
  g_return_val_if_fail (PL_IS_APPLICATION (self), FALSE);

  return self->db_path != NULL ||
         (g_getenv ("PERSONALLEARN_DB") != NULL && g_getenv ("PERSONALLEARN_DB")[0] != '\0');
}

char *
pl_application_dup_db_path (PlApplication *self)
{
  g_autofree char *location = NULL;

  g_return_val_if_fail (PL_IS_APPLICATION (self), NULL);

  if (self->db_path != NULL)
    return g_strdup (self->db_path);
  if (g_getenv ("PERSONALLEARN_DB") != NULL && g_getenv ("PERSONALLEARN_DB")[0] != '\0')
    return g_strdup (g_getenv ("PERSONALLEARN_DB"));
  location = g_settings_get_string (self->settings, "data-location");
  if (location[0] == '\0')
    return pl_store_default_path ();
  /* A folder holds personallearn.db; a file chosen after an open error is
   * the database itself. */
  if (g_str_has_suffix (location, ".db") ||
      (g_file_test (location, G_FILE_TEST_EXISTS) && !g_file_test (location, G_FILE_TEST_IS_DIR)))
    return g_steal_pointer (&location);
  return g_build_filename (location, "personallearn.db", NULL);
}

void
pl_application_set_check_limit (PlApplication *self,
                                guint64        bytes)
{
  g_return_if_fail (PL_IS_APPLICATION (self));
  self->check_limit = bytes;
}

PlContext *
pl_application_get_context (PlApplication *self)
{
  g_return_val_if_fail (PL_IS_APPLICATION (self), NULL);
  return self->context;
}

void
pl_application_switch_database (PlApplication *self,
                                PlStore       *store,
                                const char    *location,
                                const char    *message)
{
  g_autoptr(GList) windows = NULL;
  PlWindow *window;

  g_return_if_fail (PL_IS_APPLICATION (self));
  g_return_if_fail (PL_IS_STORE (store));

  if (location != NULL && !pl_application_database_is_chosen (self))
    g_settings_set_string (self->settings, "data-location", location);

  /* The windows of the old database go; the application stays up. */
  g_application_hold (G_APPLICATION (self));
  if (self->checking != NULL)
    g_cancellable_cancel (self->checking);
  g_clear_object (&self->checking);
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  /* A window that outlives its destruction (a task still holds it) must
   * not point at a parent that is gone by then. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_set_transient_for (l->data, NULL);
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_destroy (l->data);

  g_clear_object (&self->context);
  self->context = pl_context_new (store, self->settings);
  window = pl_window_new (GTK_APPLICATION (self), self->context);
  gtk_window_present (GTK_WINDOW (window));
  if (message != NULL)
    {
      AdwToast *toast = adw_toast_new (message);

      adw_toast_set_timeout (toast, 10);
      pl_window_add_toast (window, toast);
    }
  if (!pl_store_was_checked (store))
    _pl_application_check_later (self, GTK_WINDOW (window));
  g_application_release (G_APPLICATION (self));
}

static int
pl_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  PlApplication *self = PL_APPLICATION (app);
  const char *db = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("personallearn %s\n", PL_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "db", "^&ay", &db))
    self->db_path = g_canonicalize_filename (db, NULL);

  /* Another database is another teacher's work: keep it in its own process. */
  if (self->db_path != NULL || g_getenv ("PERSONALLEARN_DB") != NULL)
    g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
pl_application_activate (GApplication *app)
{
  PlApplication *self = PL_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_autofree char *path = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }
  if (self->context == NULL)
    {
      path = pl_application_dup_db_path (self);
      _pl_application_open_path (self, path);
      return;
    }
  window = GTK_WINDOW (pl_window_new (GTK_APPLICATION (app), self->context));
  gtk_window_present (window);
}

/* The database of the window the teacher is in: the application's, or a
 * window's own (the tests open windows on databases of their own). */
static PlContext *
active_context (PlApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (PL_IS_WINDOW (window))
    return pl_window_get_context (PL_WINDOW (window));
  return self->context;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (app)));

  /* Closing lets each window remember its size and stop its work. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
  g_list_free (windows);
  g_application_quit (app);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  PlApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  PlContext *context = active_context (self);
  PlPreferencesWindow *prefs;

  if (context == NULL)
    return;
  prefs = pl_preferences_window_new (context);
  gtk_window_set_transient_for (GTK_WINDOW (prefs), parent);
  gtk_window_set_application (GTK_WINDOW (prefs), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (prefs));
}

static void
on_help_shown_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PlApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  GtkWindow *parent = GTK_WINDOW (object);
  g_autofree char *pages = NULL;
  GtkWidget *dialog;

  if (gtk_show_uri_full_finish (parent, result, &error))
    return;
  g_message ("Cannot show the help: %s", error->message);
  pages = g_build_filename (PL_HELP_DIR, "C", "personallearn", NULL);
  dialog = adw_message_dialog_new (parent, _("Help Cannot Be Shown"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The help pages open in the Help application (Yelp), which is not installed on this computer. "
                                    "Ask whoever looks after it to install “yelp”, or open the pages in %s with a text editor."),
                                  pages);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
help_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  PlApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *page = parameter != NULL ? g_variant_get_string (parameter, NULL) : "";
  g_autofree char *uri = page[0] != '\0' ? g_strdup_printf ("help:personallearn/%s", page)
                                         : g_strdup ("help:personallearn");

  if (parent == NULL)
    return;
  gtk_show_uri_full (parent, uri, GDK_CURRENT_TIME, NULL, on_help_shown_cb, g_object_ref (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));
  const char *developers[] = { _("The PersonalLearn developers"), NULL };

  adw_show_about_window (parent,
                         "application-name", _("PersonalLearn"),
                         "application-icon", PL_APP_ID,
                         "developer-name", _("The PersonalLearn developers"),
                         "version", PL_VERSION,
                         "comments", _("Personalized learning for teachers: learner profiles, choice boards, goal check-ins and standards-based grading, all on your own computer."),
                         "developers", developers,
                         "copyright", "© 2026 The PersonalLearn developers",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "preferences", preferences_action },
  { "help", help_action },
  { "help-page", help_action, "s" },
  { "about", about_action },
};

static void
pl_application_startup (GApplication *app)
{
  static const char *view_accels[][2] = {
    { "win.view('learners')", "<Alt>1" },
    { "win.view('boards')", "<Alt>2" },
    { "win.view('checkins')", "<Alt>3" },
    { "win.view('gradebook')", "<Alt>4" },
    { "win.view('insights')", "<Alt>5" },
  };

  G_APPLICATION_CLASS (pl_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.help",
                                         (const char *[]) { "F1", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "window.close",
                                         (const char *[]) { "<Control>w", NULL });
  for (guint i = 0; i < G_N_ELEMENTS (view_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), view_accels[i][0],
                                           (const char *[]) { view_accels[i][1], NULL });
}

static void
pl_application_dispose (GObject *object)
{
  PlApplication *self = PL_APPLICATION (object);

  if (self->checking != NULL)
    g_cancellable_cancel (self->checking);
  g_clear_object (&self->checking);
  g_clear_object (&self->context);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pl_application_parent_class)->dispose (object);
}

static void
pl_application_finalize (GObject *object)
{
  PlApplication *self = PL_APPLICATION (object);

  g_free (self->db_path);

  G_OBJECT_CLASS (pl_application_parent_class)->finalize (object);
}

static void
pl_application_class_init (PlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = pl_application_dispose;
  object_class->finalize = pl_application_finalize;
  app_class->handle_local_options = pl_application_handle_local_options;
  app_class->startup = pl_application_startup;
  app_class->activate = pl_application_activate;
}

static void
pl_application_init (PlApplication *self)
{
  self->settings = g_settings_new (PL_APP_ID);
  self->check_limit = PL_STORE_QUICK_CHECK_BEFORE_WINDOW;
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

PlApplication *
pl_application_new (void)
{
  return g_object_new (PL_TYPE_APPLICATION,
                       "application-id", PL_APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/example/PersonalLearn",
                       NULL);
}
