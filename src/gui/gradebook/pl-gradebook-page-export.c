/* pl-gradebook-page-export.c — the Gradebook view's exports, run in a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gi18n.h>

#include "interop/pl-gradebook-csv.h"
#include "interop/pl-oneroster-results.h"
#include "pl-gradebook-page-private.h"
#include "pl-gradebook-print.h"

typedef enum
{
  EXPORT_CSV,
  EXPORT_ONEROSTER_ZIP,
  EXPORT_ONEROSTER_FOLDER,
  EXPORT_REPORT_PDF,
} ExportKind;

typedef struct
{
  PlGradebookPage  *page;
  PlGradebookShare *share;
  ExportKind        kind;
  guint             learner;
  GFile            *file;
  char             *path;
  int               permille;   /* progress, written by the thread */
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_clear_object (&job->file);
  g_free (job->path);
  if (job->share != NULL)
    pl_gradebook_share_unref (job->share);
  g_clear_object (&job->page);
  g_free (job);
}

static void
on_export_progress_cb (double   fraction,
                       gpointer user_data)
{
  ExportJob *job = user_data;

  g_atomic_int_set (&job->permille, (int) (CLAMP (fraction, 0, 1) * 1000));
}

/* A big class takes a while: the export runs beside the window, which
 * shows how far it is and can cancel it. */
static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  PlGradebook *gb = pl_gradebook_share_get (job->share);
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  switch (job->kind)
    {
    case EXPORT_CSV:
      ok = pl_gradebook_csv_export_with_progress (gb, job->file, on_export_progress_cb, job, cancellable, &error);
      break;
    case EXPORT_ONEROSTER_ZIP:
      ok = pl_oneroster_results_write_zip_with_progress (gb, job->path, NULL, on_export_progress_cb, job,
                                                         cancellable, &error);
      break;
    case EXPORT_ONEROSTER_FOLDER:
      ok = pl_oneroster_results_write_folder_with_progress (gb, job->file, NULL, on_export_progress_cb, job,
                                                            cancellable, &error);
      break;
    case EXPORT_REPORT_PDF:
      ok = pl_gradebook_print_report_pdf (gb, job->learner, job->path, &error);
      on_export_progress_cb (1.0, job);
      break;
    default:
      g_assert_not_reached ();
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static gboolean
export_timer_cb (gpointer data)
{
  PlGradebookPage *self = data;
  ExportJob *job = g_object_get_data (G_OBJECT (self), "export-job");

  if (job != NULL)
    gtk_progress_bar_set_fraction (self->export_progress, g_atomic_int_get (&job->permille) / 1000.0);
  return G_SOURCE_CONTINUE;
}

static void
on_exported_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PlGradebookPage) self = user_data;
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;

  g_clear_handle_id (&self->export_timer, g_source_remove);
  g_clear_object (&self->exporting);
  gtk_revealer_set_reveal_child (self->export_revealer, FALSE);
  g_object_set_data (G_OBJECT (self), "export-job", NULL);
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _pl_gradebook_page_toast (self, _("Export cancelled: nothing was written"));
      else
        _pl_gradebook_page_toast (self, error->message);
      return;
    }
  if (job->kind == EXPORT_ONEROSTER_ZIP || job->kind == EXPORT_ONEROSTER_FOLDER)
    warning = pl_oneroster_results_check (pl_gradebook_share_get (job->share));
  if (warning != NULL)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      AdwMessageDialog *dialog;

      /* The school's system cannot match rows without its ids: say so. */
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                           _("Exported, With Local IDs"), warning));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      g_object_set_data_full (G_OBJECT (self), "export-warning", g_strdup (warning), g_free);
      gtk_window_present (GTK_WINDOW (dialog));
    }
  {
    g_autofree char *message = g_strdup_printf (_("Exported to %s"), job->path);

    _pl_gradebook_page_toast (self, message);
  }
}

static void
run_export (PlGradebookPage *self,
            ExportJob       *job)
{
  g_autoptr(GTask) task = NULL;
  static const char * const what[] = {
    N_("Exporting the gradebook…"), N_("Exporting OneRoster results…"), N_("Exporting OneRoster results…"),
    N_("Writing the standards report…"),
  };

  if (self->exporting != NULL)
    g_cancellable_cancel (self->exporting);
  g_clear_object (&self->exporting);
  self->exporting = g_cancellable_new ();
  gtk_label_set_text (self->export_label, _(what[job->kind]));
  gtk_progress_bar_set_fraction (self->export_progress, 0);
  gtk_revealer_set_reveal_child (self->export_revealer, TRUE);
  g_object_set_data (G_OBJECT (self), "export-job", job);
  if (self->export_timer == 0)
    self->export_timer = g_timeout_add (100, export_timer_cb, self);
  task = g_task_new (NULL, self->exporting, on_exported_cb, g_object_ref (self));
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

void
_pl_gradebook_page_cancel_export_action_cb (GtkWidget  *widget,
                                            const char *action_name,
                                            GVariant   *parameter)
{
  PlGradebookPage *self = PL_GRADEBOOK_PAGE (widget);

  if (self->exporting != NULL)
    g_cancellable_cancel (self->exporting);
}

static void
on_export_response_cb (GtkNativeDialog *chooser,
                       int              response,
                       ExportJob       *job)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      job->file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      job->path = g_file_get_path (job->file);
      run_export (job->page, job);
    }
  else
    export_job_free (job);
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
pl_gradebook_page_export_to (PlGradebookPage *self,
                             const char      *kind,
                             const char      *path)
{
  ExportJob *job;

  g_return_if_fail (PL_IS_GRADEBOOK_PAGE (self));
  g_return_if_fail (self->share != NULL && path != NULL);

  job = g_new0 (ExportJob, 1);
  job->page = g_object_ref (self);
  job->share = pl_gradebook_share_ref (self->share);
  job->kind = g_str_equal (kind, "csv") ? EXPORT_CSV
            : g_str_equal (kind, "oneroster-zip") ? EXPORT_ONEROSTER_ZIP
            : g_str_equal (kind, "oneroster-folder") ? EXPORT_ONEROSTER_FOLDER : EXPORT_REPORT_PDF;
  job->learner = self->selection != NULL && gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION
                 ? gtk_single_selection_get_selected (self->selection) : 0;
  job->file = g_file_new_for_path (path);
  job->path = g_strdup (path);
  run_export (self, job);
}

gboolean
pl_gradebook_page_is_exporting (PlGradebookPage *self)
{
  g_return_val_if_fail (PL_IS_GRADEBOOK_PAGE (self), FALSE);
  return self->exporting != NULL;
}

static void
start_export (PlGradebookPage *self,
              ExportKind       kind)
{
  PlGradebook *gb = _pl_gradebook_page_current (self);
  GtkFileChooserNative *chooser;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ExportJob *job;
  g_autofree char *name = NULL;
  guint learner = 0;

  if (gb == NULL || gb->n_learners == 0)
    {
      _pl_gradebook_page_toast (self, _("Choose a class with learners first"));
      return;
    }
  if (kind == EXPORT_REPORT_PDF)
    {
      learner = gtk_single_selection_get_selected (self->selection);
      if (learner == GTK_INVALID_LIST_POSITION)
        {
          _pl_gradebook_page_toast (self, _("Select a learner’s row first"));
          return;
        }
    }

  switch (kind)
    {
    case EXPORT_CSV:
      chooser = gtk_file_chooser_native_new (_("Export the Gradebook"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                             GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
      name = g_strdup_printf ("%s.csv", gb->classroom_name);
      break;
    case EXPORT_ONEROSTER_ZIP:
      chooser = gtk_file_chooser_native_new (_("Export OneRoster Results"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                             GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
      name = g_strdup_printf ("%s-results.zip", gb->classroom_name);
      break;
    case EXPORT_ONEROSTER_FOLDER:
      chooser = gtk_file_chooser_native_new (_("Choose a Folder for OneRoster Results"),
                                             GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                             GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Export"), _("_Cancel"));
      break;
    case EXPORT_REPORT_PDF:
    default:
      chooser = gtk_file_chooser_native_new (_("Save the Standards Report"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                             GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
      name = g_strdup_printf ("%s.pdf", gb->learner_names[learner]);
      break;
    }
  if (name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  job = g_new0 (ExportJob, 1);
  job->page = g_object_ref (self);
  job->share = pl_gradebook_share_ref (self->share);
  job->kind = kind;
  job->learner = learner;
  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response_cb), job);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
_pl_gradebook_page_export_action_cb (GtkWidget  *widget,
                                     const char *action_name,
                                     GVariant   *parameter)
{
  PlGradebookPage *self = PL_GRADEBOOK_PAGE (widget);

  if (g_str_equal (action_name, "gradebook.export-csv"))
    start_export (self, EXPORT_CSV);
  else if (g_str_equal (action_name, "gradebook.export-oneroster-zip"))
    start_export (self, EXPORT_ONEROSTER_ZIP);
  else if (g_str_equal (action_name, "gradebook.export-oneroster-folder"))
    start_export (self, EXPORT_ONEROSTER_FOLDER);
  else
    start_export (self, EXPORT_REPORT_PDF);
}

