/* pl-standards-window-import.c — Import Framework…: choose a CASE file,
 * preview what it changes, import it
 *
 * Reading and checking a framework file, and writing it, run in a worker
 * thread with its own connection to the database, first as a dry run for
 * the preview. Nothing is written until the teacher chooses Import, and a
 * broken file writes nothing at all; the tree reloads from the store's
 * "changed" signal once the import has committed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "interop/pl-case-import.h"
#include "pl-standards-window-private.h"

/* The preview lists this many of the file's warnings. */
#define MAX_WARNINGS_SHOWN 5

typedef struct
{
  GFile         *file;
  char          *db_path;
  gboolean       dry_run;
  PlCaseSummary  summary;
} ImportJob;

static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_clear_object (&job->file);
  g_free (job->db_path);
  pl_case_summary_clear (&job->summary);
  g_free (job);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(PlStore) store = NULL;
  GError *error = NULL;

  store = pl_store_open (job->db_path, &error);
  if (store == NULL || !pl_case_import_file (store, job->file, job->dry_run, &job->summary, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static gboolean
pulse_cb (gpointer data)
{
  PlStandardsWindow *self = data;

  gtk_progress_bar_pulse (self->progress);
  return G_SOURCE_CONTINUE;
}

void
_pl_standards_window_stop_import (PlStandardsWindow *self)
{
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
}

static void run_import (PlStandardsWindow *self,
                        gboolean           dry_run);

static void
on_preview_response_cb (AdwMessageDialog  *dialog,
                        const char        *response,
                        PlStandardsWindow *self)
{
  if (g_strcmp0 (response, "import") == 0)
    run_import (self, FALSE);
  else
    g_clear_object (&self->import_file);
}

static void
show_preview (PlStandardsWindow *self,
              PlCaseSummary     *summary)
{
  g_autofree char *name = g_file_get_basename (self->import_file);
  g_autofree char *heading = g_strdup_printf (_("Import “%s”?"), summary->title);
  g_autoptr(GString) body = g_string_new (NULL);
  GtkWidget *dialog;
  guint n_warnings = summary->warnings != NULL ? summary->warnings->len : 0;

  if (summary->n_new + summary->n_updated == 0)
    g_string_append_printf (body, _("%s: every one of the %u standards in “%s” is already here and up to date. Importing changes nothing."),
                            name, summary->n_items, summary->title);
  else
    /* Translators: the preview of a framework import */
    g_string_append_printf (body, _("%s: %u new, %u updated standards in “%s” (%u unchanged), with %u links between standards."),
                            name, summary->n_new, summary->n_updated, summary->title, summary->n_unchanged,
                            summary->n_links);
  if (n_warnings > 0)
    {
      g_string_append (body, "\n\n");
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "One thing in the file is unusual; it is imported all the same:",
                                                 "%u things in the file are unusual; they are imported all the same:",
                                                 n_warnings), n_warnings);
      for (guint i = 0; i < n_warnings && i < MAX_WARNINGS_SHOWN; i++)
        g_string_append_printf (body, "\n• %s", (const char *) summary->warnings->pdata[i]);
      if (n_warnings > MAX_WARNINGS_SHOWN)
        g_string_append_printf (body, "\n• %s", _("and more, alike"));
    }
  g_string_append (body, "\n\n");
  g_string_append (body, _("Nothing is saved until you choose Import."));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body->str);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "import", _("_Import"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "import", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "import");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_preview_response_cb), self, 0);
  _pl_standards_window_show_dialog (self, ADW_MESSAGE_DIALOG (dialog));
}

static void
show_error (PlStandardsWindow *self,
            const GError      *error)
{
  g_autofree char *name = g_file_get_basename (self->import_file);
  g_autofree char *heading = g_strdup_printf (_("Cannot Import “%s”"), name);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* The importer's message names the file and where in it. */
  body = g_strdup_printf ("%s\n\n%s", error->message, _("Nothing was imported. Correct the file, or ask its publisher for a corrected one, and import it again."));
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  _pl_standards_window_show_dialog (self, ADW_MESSAGE_DIALOG (dialog));
  g_clear_object (&self->import_file);
}

static void
import_finished (PlStandardsWindow *self,
                 ImportJob         *job,
                 const GError      *error)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  g_clear_object (&self->cancellable);
  _pl_standards_window_update_state (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "standards.import", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "standards.add", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "standards.cancel-import", FALSE);

  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      _pl_standards_window_toast (self, adw_toast_new (_("Import cancelled; nothing was saved")));
      g_clear_object (&self->import_file);
    }
  else if (error != NULL)
    show_error (self, error);
  else if (job->dry_run)
    show_preview (self, &job->summary);
  else
    {
      g_autofree char *done = NULL;

      if (job->db_path != NULL)
        pl_store_reload (self->store);
      g_free (self->pending_select);
      self->pending_select = g_strdup (job->summary.framework_uuid);
      done = g_strdup_printf (_("Imported “%s”: %u new, %u updated standards"),
                              job->summary.title, job->summary.n_new, job->summary.n_updated);
      _pl_standards_window_toast (self, adw_toast_new (done));
      g_clear_object (&self->import_file);
    }
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  PlStandardsWindow *self = PL_STANDARDS_WINDOW (object);
  ImportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  /* The window was closed while the worker ran: nothing to show. */
  if (self->store == NULL)
    return;
  g_task_propagate_boolean (G_TASK (result), &error);
  import_finished (self, job, error);
}

static void
run_import (PlStandardsWindow *self,
            gboolean           dry_run)
{
  g_autofree char *name = g_file_get_basename (self->import_file);
  g_autofree char *title = g_strdup_printf (dry_run ? _("Reading %s…") : _("Importing %s…"), name);
  const char *path = pl_store_get_path (self->store);
  ImportJob *job = g_new0 (ImportJob, 1);

  job->file = g_object_ref (self->import_file);
  /* A database in memory cannot be opened a second time. */
  job->db_path = g_strcmp0 (path, ":memory:") != 0 ? g_strdup (path) : NULL;
  job->dry_run = dry_run;

  _pl_standards_window_stop_import (self);
  self->cancellable = g_cancellable_new ();
  adw_status_page_set_title (self->busy_page, title);
  gtk_stack_set_visible_child_name (self->stack, "busy");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "standards.import", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "standards.add", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "standards.edit", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "standards.delete", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "standards.cancel-import", TRUE);
  self->pulse_id = g_timeout_add (120, pulse_cb, self);

  if (job->db_path != NULL)
    {
      g_autoptr(GTask) task = g_task_new (self, self->cancellable, import_done_cb, NULL);

      g_task_set_source_tag (task, run_import);
      g_task_set_task_data (task, job, import_job_free);
      g_task_run_in_thread (task, import_thread);
    }
  else
    {
      /* A database in memory has one connection: work on it here. */
      g_autoptr(GError) error = NULL;

      pl_case_import_file (self->store, job->file, dry_run, &job->summary, self->cancellable, &error);
      import_finished (self, job, error);
      import_job_free (job);
    }
}

void
pl_standards_window_import_file (PlStandardsWindow *self,
                                 GFile             *file)
{
  g_return_if_fail (PL_IS_STANDARDS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->import_file, file);
  run_import (self, TRUE);
}

static void
on_chooser_response_cb (GtkNativeDialog   *chooser,
                        int                response,
                        PlStandardsWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        pl_standards_window_import_file (self, file);
    }
  g_object_unref (chooser);
}

void
_pl_standards_window_import_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  PlStandardsWindow *self = PL_STANDARDS_WINDOW (widget);
  g_autoptr(GtkFileFilter) json = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) any = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Import a Framework"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (json, _("CASE frameworks (JSON)"));
  gtk_file_filter_add_suffix (json, "json");
  gtk_file_filter_add_mime_type (json, "application/json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), json);
  gtk_file_filter_set_name (any, _("All files"));
  gtk_file_filter_add_pattern (any, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), any);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_pl_standards_window_cancel_action (GtkWidget  *widget,
                                    const char *action_name,
                                    GVariant   *parameter)
{
  PlStandardsWindow *self = PL_STANDARDS_WINDOW (widget);

  /* The worker stops at its next check and rolls back. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
}
