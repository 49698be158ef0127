/* pl-application-open.c — opening the database, and what the teacher can
 * do when it cannot be opened
 *
 * A file that is not a PersonalLearn database, is damaged or was written
 * by a newer version is never changed: the message says so in plain
 * words and offers another file or a new, empty database next to it.
 * Small files are checked before the window opens; larger ones right
 * after, in a thread, so that the window still appears at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "core/pl-store-files.h"
#include "pl-application-private.h"
#include "pl-window.h"

typedef struct
{
  PlApplication        *app;
  char                 *path;      /* the file that could not be opened */
  GError               *error;     /* why */
  GtkWindow            *parent;    /* the dialog's: an error window, or the main window */
  gboolean              own_parent;
  GtkFileChooserNative *chooser;
} OpenError;

static void
open_error_free (OpenError *e)
{
  if (e->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (e->chooser));
  g_clear_object (&e->chooser);
  g_clear_object (&e->parent);
  g_clear_object (&e->app);
  g_clear_error (&e->error);
  g_free (e->path);
  g_free (e);
}

static void show_open_error (PlApplication *self,
                             GtkWindow     *parent,
                             const char    *path,
                             const GError  *error);

static const char *
heading_for (const GError *error)
{
  if (g_error_matches (error, PL_STORE_ERROR, PL_STORE_ERROR_NEWER_SCHEMA))
    return _("This Database Needs a Newer PersonalLearn");
  if (g_error_matches (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_A_DATABASE))
    return _("This Is Not a PersonalLearn Database");
  if (g_error_matches (error, PL_STORE_ERROR, PL_STORE_ERROR_CORRUPT))
    return _("The Database Is Damaged");
  return _("Cannot Open the Database");
}

static const char *
reason_for (const GError *error)
{
  if (g_error_matches (error, PL_STORE_ERROR, PL_STORE_ERROR_NEWER_SCHEMA))
    return _("It was written by a newer version of PersonalLearn. Update PersonalLearn to open it.");
  if (g_error_matches (error, PL_STORE_ERROR, PL_STORE_ERROR_NOT_A_DATABASE))
    return _("It is not a PersonalLearn database.");
  if (g_error_matches (error, PL_STORE_ERROR, PL_STORE_ERROR_CORRUPT))
    return _("Parts of it cannot be read: the file is damaged. Keep it for whoever looks after this computer; "
             "they may be able to recover it or find a backup.");
  return _("It cannot be read or written.");
}

/* Next to the file that could not be opened, under a name of its own. */
static char *
new_database_path (const char *bad_path)
{
  g_autofree char *dir = g_path_get_dirname (bad_path);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%d-%H%M%S");

  for (guint i = 1; i < 100; i++)
    {
      g_autofree char *name = i == 1 ? g_strdup_printf ("personallearn-%s.db", stamp)
                                     : g_strdup_printf ("personallearn-%s-%u.db", stamp, i);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        return g_steal_pointer (&path);
    }
  return NULL;
}

/* Switches to STORE; the file the teacher picked (or made) is remembered
 * for the next start. */
static void
switch_to (OpenError  *e,
           PlStore    *store,
           const char *message)
{
  PlApplication *app = g_object_ref (e->app);

  /* The error window goes with the others. */
  pl_application_switch_database (app, store, pl_store_get_path (store), message);
  g_object_unref (app);
}

static void
on_other_file_chosen_cb (GtkNativeDialog *chooser,
                         int              response,
                         OpenError       *e)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      /* Back to the message: the teacher has not decided yet. */
      show_open_error (e->app, e->parent, e->path, e->error);
      open_error_free (e);
      return;
    }
  store = pl_store_open_full (path, G_MAXUINT64, &error);
  if (store == NULL)
    {
      g_printerr ("personallearn: %s\n", error->message);
      show_open_error (e->app, e->parent, path, error);
      open_error_free (e);
      return;
    }
  switch_to (e, store, NULL);
  open_error_free (e);
}

static void
choose_other_file (OpenError *e)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  e->chooser = gtk_file_chooser_native_new (_("Open a PersonalLearn Database"), e->parent,
                                            GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (e->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("PersonalLearn databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (e->chooser), filter);
  g_signal_connect (e->chooser, "response", G_CALLBACK (on_other_file_chosen_cb), e);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (e->chooser));
}

static void
start_new_database (OpenError *e)
{
  g_autofree char *path = new_database_path (e->path);
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (path != NULL)
    store = pl_store_open (path, &error);
  else
    g_set_error (&error, PL_STORE_ERROR, PL_STORE_ERROR_FAILED,
                 _("%s: no free name for a new database"), e->path);
  if (store == NULL)
    {
      show_open_error (e->app, e->parent, path != NULL ? path : e->path, error);
      open_error_free (e);
      return;
    }
  message = g_strdup_printf (_("A new, empty database: %s. The other file was left as it was."), path);
  switch_to (e, store, message);
  open_error_free (e);
}

static gboolean
start_new_database_cb (gpointer data)
{
  start_new_database (data);
  return G_SOURCE_REMOVE;
}

static void
on_open_error_response_cb (AdwMessageDialog *dialog,
                           const char       *response,
                           OpenError        *e)
{
  if (g_strcmp0 (response, "choose") == 0)
    choose_other_file (e);
  else if (g_strcmp0 (response, "new") == 0)
    {
      /* Once the dialog has closed: switching takes its window away. */
      g_idle_add (start_new_database_cb, e);
    }
  else
    {
      /* A window made only to carry the message goes too; a main window
       * stays, read-only. */
      if (e->own_parent)
        gtk_window_destroy (e->parent);
      open_error_free (e);
    }
}

/* Without a main window the message needs a window to belong to: one that
 * says the same, so that closing the dialog does not leave a blank. */
static GtkWindow *
error_window_new (PlApplication *self,
                  const char    *heading,
                  const char    *path)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (self));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_status_page_new ();

  gtk_window_set_title (GTK_WINDOW (window), _("PersonalLearn"));
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "dialog-warning-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (page), heading);
  adw_status_page_set_description (ADW_STATUS_PAGE (page), path);
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  return GTK_WINDOW (window);
}

/* PARENT NULL: a window of its own carries the message. */
static void
show_open_error (PlApplication *self,
                 GtkWindow     *parent,
                 const char    *path,
                 const GError  *error)
{
  OpenError *e = g_new0 (OpenError, 1);
  GtkWidget *dialog;
  const GError *shown;

  e->error = g_error_copy (error);
  shown = e->error;
  e->app = g_object_ref (self);
  e->path = g_strdup (path);
  if (parent != NULL)
    e->parent = g_object_ref (parent);
  else
    {
      e->parent = g_object_ref (error_window_new (self, heading_for (shown), path));
      e->own_parent = TRUE;
      gtk_window_present (e->parent);
    }
  if (parent != NULL && !PL_IS_WINDOW (parent))
    e->own_parent = TRUE;

  dialog = adw_message_dialog_new (e->parent, heading_for (shown), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("PersonalLearn cannot open this file: %s\n\n%s\n\n"
                                    "The file has not been changed. You can open another database, or start "
                                    "with a new, empty one; this file stays as it is.\n\nDetails: %s"),
                                  path, reason_for (shown), shown->message);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "new", _("_Start With a New Database"),
                                    "choose", _("C_hoose Another File…"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  g_signal_connect (dialog, "response", G_CALLBACK (on_open_error_response_cb), e);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_pl_application_open_path (PlApplication *self,
                           const char    *path)
{
  g_autoptr(PlStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = pl_store_open_full (path, self->check_limit, &error);
  if (store == NULL)
    {
      g_printerr ("personallearn: %s\n", error->message);
      show_open_error (self, NULL, path, error);
      return;
    }
  pl_application_switch_database (self, store, NULL, NULL);
}

/* ---- the check of a large file, after the window ------------------- */

typedef struct
{
  PlApplication *app;
  PlStore       *store;    /* the window's: made read-only if damaged */
  GtkWindow     *window;
} Check;

static void
check_free (Check *c)
{
  g_clear_object (&c->app);
  g_clear_object (&c->store);
  g_clear_object (&c->window);
  g_free (c);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Check *c = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PlStore) store = pl_store_open (pl_store_get_path (c->store), &error);

  if (store == NULL || !pl_store_quick_check (store, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_checked_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Check *c = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    return;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_printerr ("personallearn: %s\n", error->message);
  if (!g_error_matches (error, PL_STORE_ERROR, PL_STORE_ERROR_CORRUPT))
    return;
  /* Nothing more is written to it: an edit would build on pages that
   * cannot be read. */
  pl_store_refuse_writes (c->store,
                          _("PersonalLearn does not write to this database because it is damaged; "
                            "open another one or start a new one"));
  show_open_error (c->app, c->window, pl_store_get_path (c->store), error);
}

void
_pl_application_check_later (PlApplication *self,
                             GtkWindow     *window)
{
  g_autoptr(GTask) task = NULL;
  Check *c;

  if (self->context == NULL || pl_store_get_path (pl_context_get_store (self->context)) == NULL ||
      g_strcmp0 (pl_store_get_path (pl_context_get_store (self->context)), ":memory:") == 0)
    return;
  if (self->checking != NULL)
    g_cancellable_cancel (self->checking);
  g_clear_object (&self->checking);
  self->checking = g_cancellable_new ();

  c = g_new0 (Check, 1);
  c->app = g_object_ref (self);
  c->store = g_object_ref (pl_context_get_store (self->context));
  c->window = g_object_ref (window);
  task = g_task_new (NULL, self->checking, on_checked_cb, NULL);
  g_task_set_source_tag (task, _pl_application_check_later);
  g_task_set_task_data (task, c, (GDestroyNotify) check_free);
  /* Lower than the window's own work: it waits for the first frames. */
  g_task_set_priority (task, G_PRIORITY_LOW);
  g_task_run_in_thread (task, check_thread);
}
